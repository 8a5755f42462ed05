"""The configuration file: found from the working folder upward, flags win, errors say how
to fix them, per-path ignores narrow only the dossiers they name and every report says so."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit.cli import cli
from lapkin_audit.load import config
from lapkin_audit.settings import read_config
from tests.helpers import FIXTURES


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A document repository: one compliant dossier, one with a late step (W001), one
    with a missing LRA (K001); the working folder is its top."""
    for source, name in (("patuh", "2024/tw1"), ("w001-langkah-2-terlambat", "arsip/2023"), ("k001-tanpa-lra", "k001")):
        shutil.copytree(FIXTURES / source, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LAPKIN_AUDIT_CACHE_DIR", str(tmp_path.parent / "cache"))
    return tmp_path


# Finding the file


def test_the_nearest_file_upward_governs(tmp_path: Path):
    top = write(tmp_path / "lapkin-audit.toml", "")
    deeper = tmp_path / "a" / "b"
    deeper.mkdir(parents=True)
    assert config.find(deeper) == top.resolve()
    nearer = write(tmp_path / "a" / "lapkin-audit.toml", "")
    assert config.find(deeper) == nearer.resolve()


def test_a_pyproject_counts_only_with_its_table(tmp_path: Path):
    top = write(tmp_path / "pyproject.toml", '[tool.lapkin-audit]\nlang = "en"\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "lain"\n')  # not ours: the search goes on
    assert config.find(tmp_path / "a") == top.resolve()
    assert read_config(top).values == {"lang": "en"}


def test_the_dedicated_file_wins_over_pyproject_in_one_folder(tmp_path: Path):
    write(tmp_path / "pyproject.toml", '[tool.lapkin-audit]\nlang = "en"\n')
    dedicated = write(tmp_path / "lapkin-audit.toml", 'lang = "id"\n')
    assert config.find(tmp_path) == dedicated.resolve()


def test_a_folder_without_a_file_is_governed_only_from_above(tmp_path: Path):
    found = config.find(tmp_path / "kosong")  # nothing here: at most a file above tmp_path
    assert found is None or not found.is_relative_to(tmp_path.resolve())
    (tmp_path / "kosong").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "lain"\n', encoding="utf-8")
    found = config.find(tmp_path / "kosong")
    assert found is None or not found.is_relative_to(tmp_path.resolve())  # a pyproject without the table


# Reading it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('formt = "json"', "unknown key 'formt' (did you mean 'format'?)"),
        ("max_chars = 3", "unknown key 'max_chars' (did you mean 'max-chars'? keys are written with hyphens)"),
        ('format = "jsn"', "format must be one of table, json"),
        ("jobs = 0", "jobs must be a whole number of at least 1, not 0"),
        ('strict = "yes"', "strict must be true or false, not 'yes'"),
        ("timeout = -1", "timeout must be a number of seconds"),
        ('ignore = ["Q9"]', "ignore names unknown rule codes or prefixes: Q9"),
        ('rules = ["tidak-ada"]', "rules names 'tidak-ada', which is not a folder"),
        ("jobs =", "not valid TOML"),
        ('[per-path-ignores]\n"/abs/*" = ["W"]', "must be a pattern relative to the file's folder"),
        ('per-path-ignores = "W"', "per-path-ignores must be a table of patterns"),
    ],
)
def test_a_wrong_file_is_exit_2_with_the_fix(repo: Path, text: str, expected: str):
    write(repo / "lapkin-audit.toml", text + "\n")
    code, out, err = run(".", "--lang", "en")
    assert code == 2 and out == ""
    assert err.startswith("lapkin-audit: configuration: lapkin-audit.toml: ") and expected in err


def test_a_wrong_file_is_said_in_the_chosen_language(repo: Path):
    write(repo / "lapkin-audit.toml", 'formt = "json"\n')
    code, _, err = run(".")  # Indonesian by default, as everything a person reads
    assert (
        code == 2
        and err == "lapkin-audit: konfigurasi: lapkin-audit.toml: kunci 'formt' tidak dikenal (maksud Anda 'format'?)\n"
    )


def test_bad_bytes_are_named(repo: Path):
    (repo / "lapkin-audit.toml").write_bytes(b'lang = "\xe9"\n')
    code, _, err = run(".", "--lang", "en")
    assert code == 2 and "not UTF-8 text" in err


def test_paths_are_relative_to_the_file_not_the_working_folder(repo: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copytree(Path(__file__).resolve().parent.parent / "rules", repo / "aturan")
    write(repo / "lapkin-audit.toml", 'rules = ["aturan"]\nbaseline = "baseline.json"\n')
    monkeypatch.chdir(repo / "2024")
    loaded = read_config(config.find(Path.cwd()))  # type: ignore[arg-type]
    assert loaded.values["rules_dirs"] == (str(repo.resolve() / "aturan"),)
    assert loaded.values["baseline"] == str(repo.resolve() / "baseline.json")


# Flags, file, defaults


def test_the_file_sets_what_flags_would(repo: Path):
    write(repo / "lapkin-audit.toml", 'format = "json"\nlang = "en"\nselect = ["K"]\n')
    code, out, _ = run(".")
    report = json.loads(out)
    assert code == 1 and report["options"]["select"] == ["K"]
    assert "Document" in json.dumps(report) or "document" in json.dumps(report)  # English messages
    assert {d["path"]: d["verdict"] for d in report["dossiers"]}["arsip/2023"] == "PATUH"  # W001 not selected


def test_flags_win_over_the_file(repo: Path):
    write(repo / "lapkin-audit.toml", 'format = "json"\nlang = "en"\n')
    code, out, _ = run(".", "--format", "concise", "--lang", "id")
    assert code == 1 and out.startswith("arsip/2023/dossier.yaml:") and "Langkah 2" in out


def test_isolated_and_an_explicit_file(repo: Path, tmp_path: Path):
    write(repo / "lapkin-audit.toml", 'format = "json"\n')
    assert run(".", "--isolated")[1].startswith("Dossier ")  # the table: no file read
    other = write(tmp_path.parent / "lain.toml", 'format = "concise"\n')
    assert run(".", "--config", str(other))[1].startswith("arsip/2023/dossier.yaml:")


def test_show_settings_names_each_source(repo: Path):
    write(
        repo / "pyproject.toml",
        '[tool.lapkin-audit]\nstrict = true\ncache = false\n[tool.lapkin-audit.per-path-ignores]\n"arsip/*" = ["W"]\n',
    )
    code, out, _ = run("--show-settings", "--lang", "en")
    assert code == 0
    rows = {line.split()[0]: line.split() for line in out.splitlines()[3:]}
    assert out.splitlines()[0] == "configuration file: pyproject.toml [tool.lapkin-audit]"
    assert rows["strict"][1:] == ["True", "pyproject.toml", "[tool.lapkin-audit]"]
    assert rows["cache"][1:3] == ["False", "pyproject.toml"]
    assert rows["lang"][1:] == ["en", "command", "line"]
    assert rows["format"][1:] == ["table", "default"]
    assert "per-path-ignores arsip/*" in out


def test_no_paths_without_show_settings_is_a_usage_error(repo: Path):
    code, _, err = run("--lang", "en")
    assert code == 2 and "no PATHS given" in err


# Per-path ignores


def test_per_path_ignores_narrow_only_the_dossiers_they_match(repo: Path):
    write(repo / "lapkin-audit.toml", '[per-path-ignores]\n"arsip" = ["W001"]\n"k001" = ["K"]\n')
    code, out, _ = run(".", "--format", "json")
    report = json.loads(out)
    verdicts = {d["path"]: d["verdict"] for d in report["dossiers"]}
    assert verdicts == {"2024/tw1": "PATUH", "arsip/2023": "PATUH", "k001": "PATUH"}
    assert code == 0
    assert report["options"]["per_path_ignore"] == {"arsip": ["W001"], "k001": ["K"]}


def test_per_path_ignores_never_hide_a_dossier_that_cannot_be_read(repo: Path):
    (repo / "k001" / "dossier.yaml").write_text("periode: [\n", encoding="utf-8")
    write(repo / "lapkin-audit.toml", '[per-path-ignores]\n"k001" = ["E", "K"]\n')
    code, out, _ = run("k001", "--format", "json")
    assert code == 1 and json.loads(out)["dossiers"][0]["verdict"] == "TIDAK_DAPAT_DINILAI"


def test_per_path_ignores_are_said_in_every_format(repo: Path):
    write(repo / "lapkin-audit.toml", '[per-path-ignores]\n"arsip/*" = ["W"]\n')
    said = {
        "table": "aturan W tidak dinilai untuk dossier di arsip/* (per-path-ignores)",
        "markdown": r"aturan W tidak dinilai untuk dossier di arsip/\* (per-path-ignores)",  # * escaped
        "github": "aturan W tidak dinilai untuk dossier di arsip/* (per-path-ignores)",
        "html": "aturan W tidak dinilai untuk dossier di arsip/* (per-path-ignores)",
        "junit": 'name="per-path-ignore" value="arsip/*=W"',
        "json": '"per_path_ignore": {',
        "sarif": '"per_path_ignore": {',
    }
    for fmt, text in said.items():
        code, out, _ = run(".", "--format", fmt)
        assert code == 1, fmt  # K001 still fails
        assert text in out, fmt


def test_concise_says_the_options_on_standard_error(repo: Path):
    code, out, err = run("2024", "--format", "concise", "--ignore", "T", "--lang", "en")
    assert (code, out) == (0, "")  # nothing found: the output stays empty for grep
    assert err == "lapkin-audit: rules T were not assessed (--ignore).\n"
    assert run("2024", "--format", "concise")[2] == ""  # a full audit says nothing more
