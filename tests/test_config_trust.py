"""The configuration file and the rules folders decide what a verdict means: found from the
audited paths, used only when this user (or root) owns them and no one else can change
them, and named with their fingerprint in every report (load.owner)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit.cli import cli
from tests.helpers import FIXTURES, TTE_RULES

OTHER = "lapkin-uji-lain"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def other_user() -> Iterator[int]:
    """Another local user's id, made for the tests (a file of another user needs root to make)."""
    if not hasattr(os, "getuid") or os.getuid() != 0 or shutil.which("useradd") is None:
        pytest.skip("a file owned by another user can be made only as root, with useradd")
    made = subprocess.run(["id", "-u", OTHER], capture_output=True).returncode != 0
    if made:
        subprocess.run(["useradd", "--system", "--no-create-home", OTHER], check=True, capture_output=True)
    import pwd

    yield pwd.getpwnam(OTHER).pw_uid
    if made:
        subprocess.run(["userdel", OTHER], capture_output=True)


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A shared ancestor anyone can write (as /tmp), holding this user's dossier that fails K001."""
    top = tmp_path / "bersama"
    top.mkdir()
    top.chmod(0o1777)
    shutil.copytree(FIXTURES / "k001-tanpa-lra", top / "saya" / "k001")
    monkeypatch.setenv("LAPKIN_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    return top


def test_a_configuration_planted_in_a_shared_ancestor_is_refused(shared: Path, other_user: int, monkeypatch):
    planted = shared / "lapkin-audit.toml"
    planted.write_text('ignore = ["K"]\n', encoding="utf-8")
    os.chown(planted, other_user, other_user)
    monkeypatch.chdir(shared / "saya")
    code, out, err = run("k001", "--format", "json")
    assert (code, out) == (2, "")
    assert f"milik pengguna lain ({OTHER}), bukan Anda atau root, sehingga tidak dipakai" in err
    assert "--isolated" in err
    # What the refusal prevents: the planted file turns the dossier green.
    code, out, _ = run("k001", "--format", "json", "--config", str(planted))
    assert code == 0 and json.loads(out)["dossiers"][0]["verdict"] == "PATUH"
    # Read no configuration, and the dossier is judged as it is.
    code, out, _ = run("k001", "--format", "json", "--isolated")
    assert code == 1 and json.loads(out)["dossiers"][0]["verdict"] == "TIDAK_PATUH"


def test_a_rules_folder_of_another_user_named_by_a_found_file_is_refused(tmp_path: Path, other_user: int, monkeypatch):
    shutil.copytree(FIXTURES / "patuh", tmp_path / "repo" / "patuh")
    rules = shutil.copytree(TTE_RULES, tmp_path / "repo" / "aturan")
    os.chown(rules / "tte.yaml", other_user, other_user)
    (tmp_path / "repo" / "lapkin-audit.toml").write_text('rules = ["aturan"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "repo")
    monkeypatch.setenv("LAPKIN_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    code, _, err = run("patuh", "--lang", "en")
    assert code == 2
    assert f"the rules file {rules / 'tte.yaml'} belongs to another user ({OTHER})" in err


def test_a_configuration_others_can_write_is_refused_even_when_named(shared: Path, monkeypatch):
    file = shared / "saya" / "lapkin-audit.toml"
    file.write_text('ignore = ["K"]\n', encoding="utf-8")
    file.chmod(0o666)
    monkeypatch.chdir(shared / "saya")
    for args in ((), ("--config", str(file))):
        code, out, err = run("k001", *args)
        assert (code, out) == (2, ""), args
        assert "dapat diubah oleh pengguna lain, sehingga tidak dipakai; cabut izin tulis mereka (chmod o-w)" in err


def test_a_configuration_in_a_folder_others_can_write_without_the_sticky_bit_is_refused(shared: Path, monkeypatch):
    (shared / "saya").chmod(0o777)  # anyone may replace the file there
    (shared / "saya" / "lapkin-audit.toml").write_text('ignore = ["K"]\n', encoding="utf-8")
    monkeypatch.chdir(shared / "saya")
    code, _, err = run("k001", "--lang", "en")
    assert code == 2 and "lies in a folder other users can write" in err


def test_a_rules_folder_others_can_write_is_refused_even_when_named(tmp_path: Path, monkeypatch):
    rules = shutil.copytree(TTE_RULES, tmp_path / "aturan")
    rules.chmod(0o777)
    monkeypatch.setenv("LAPKIN_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    code, out, err = run(str(FIXTURES / "patuh"), "--rules", str(rules), "--isolated", "--lang", "en")
    assert (code, out) == (2, "")
    assert f"the rules folder {rules} can be changed by other users" in err


def test_the_configuration_is_found_from_the_audited_paths(tmp_path: Path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "k001-tanpa-lra", repo / "dossier" / "k001")
    (repo / "lapkin-audit.toml").write_text('ignore = ["K001"]\n', encoding="utf-8")
    elsewhere = tmp_path / "di-tempat-lain"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("LAPKIN_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    code, out, _ = run(str(repo / "dossier"), "--format", "json")
    options = json.loads(out)["options"]
    assert code == 0 and options["ignore"] == ["K001"]
    assert options["ignore_from"] == f"{os.path.relpath(repo / 'lapkin-audit.toml')}: ignore"
    assert options["config"]["file"] == os.path.relpath(repo / "lapkin-audit.toml")


def test_paths_governed_by_different_files_are_refused(tmp_path: Path, monkeypatch):
    for name in ("satu", "dua"):
        shutil.copytree(FIXTURES / "patuh", tmp_path / name / "patuh")
        (tmp_path / name / "lapkin-audit.toml").write_text("strict = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LAPKIN_AUDIT_CACHE_DIR", str(tmp_path.parent / "cache"))
    code, _, err = run("satu/patuh", "dua/patuh", "--lang", "en")
    assert code == 2 and "PATHS are governed by different configuration files" in err


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "k001-tanpa-lra", repo / "k001")
    shutil.copytree(TTE_RULES, repo / "aturan")
    (repo / "lapkin-audit.toml").write_text('rules = ["aturan"]\nignore = ["K001"]\n', encoding="utf-8")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("LAPKIN_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    return repo


def test_every_format_names_the_configuration_and_the_rules_folders_with_their_fingerprint(configured: Path):
    import hashlib

    content = hashlib.sha256((configured / "lapkin-audit.toml").read_bytes()).hexdigest()
    config = hashlib.sha256(f"\0{content}\n".encode()).hexdigest()[:12]
    _, out, _ = run(".", "--format", "json")
    options = json.loads(out)["options"]
    assert options["config"] == {"file": "lapkin-audit.toml", "sha256": config}
    [rules] = options["rules"]
    assert rules["folder"] == str(configured / "aturan") and len(rules["sha256"]) == 12
    said = {
        "table": f"konfigurasi lapkin-audit.toml (sha256 {config})",
        "markdown": f"konfigurasi lapkin-audit.toml (sha256 {config})",
        "github": f"konfigurasi lapkin-audit.toml (sha256 {config})",
        "html": f"konfigurasi lapkin-audit.toml (sha256 {config})",
        "junit": f'name="config" value="lapkin-audit.toml sha256={config}"',
        "sarif": f'"sha256": "{config}"',
    }
    for fmt, text in said.items():
        code, out, _ = run(".", "--format", fmt)
        assert code == 0, fmt
        assert text in out, fmt
        assert rules["sha256"] in out, fmt
    # Another byte in a rules file is another fingerprint.
    with open(configured / "aturan" / "tte.yaml", "a", encoding="utf-8") as handle:
        handle.write("# diubah\n")
    changed = json.loads(run(".", "--format", "json")[1])["options"]["rules"][0]["sha256"]
    assert changed != rules["sha256"]


def test_an_ignore_of_the_configuration_names_the_file_and_its_key(configured: Path):
    code, out, _ = run(".", "--lang", "en")
    assert code == 0
    assert "rules K001 were not assessed (lapkin-audit.toml: ignore)" in out
    assert "(--ignore)" not in out
    assert "rules K001 were not assessed (--ignore)" in run(".", "--lang", "en", "--ignore", "K001")[1]
