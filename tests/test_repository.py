"""A repository of dossiers in git: only what changed since a ref is audited."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, TTE_RULES, git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "arsip-lkj"
    for name in ("2024-tw1", "2024-tw2", "2024-tw3"):
        shutil.copytree(FIXTURES / "patuh", root / "dossiers" / name)
    git(root.parent, "init", "-q", str(root))
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "dossiers 2024")
    git(root, "tag", "diserahkan")
    return root


def paths_of(run_json, *args: str) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    code, report = run_json("--no-cache", *args)
    return code, [d["path"].rsplit("/", 1)[-1] for d in report["dossiers"]]


def test_only_dossiers_changed_since_the_ref_are_audited(repository, run_json):
    dossiers = repository / "dossiers"
    manifest = dossiers / "2024-tw2" / "dossier.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("ke: 2", "ke: 3"), encoding="utf-8")
    git(repository, "commit", "-q", "-am", "tw2 corrected")
    (dossiers / "2024-tw3" / "lampiran" / "dpa-2024.pdf").write_bytes(b"%PDF-1.4 replaced, not committed\n")
    shutil.copytree(FIXTURES / "k001-tanpa-lra", dossiers / "2025-tw1")  # new, untracked
    code, paths = paths_of(run_json, "--changed-since", "diserahkan", str(dossiers))
    assert paths == ["2024-tw2", "2024-tw3", "2025-tw1"]
    assert code == 1  # 2025-tw1 breaks K001: the changed dossiers are judged as usual


def test_nothing_changed_is_a_clean_run(repository, run_cli):
    result = run_cli(
        "check", "--no-cache", "--changed-since", "diserahkan", "--lang", "en", str(repository / "dossiers")
    )
    assert result.exit_code == 0 and "no dossier changed since diserahkan" in result.stderr


@pytest.mark.parametrize("ref", ["no-such-tag", "--output=x"])
def test_an_unknown_ref_is_exit_2(repository, run_cli, ref):
    result = run_cli("check", "--no-cache", f"--changed-since={ref}", str(repository / "dossiers"))
    assert result.exit_code == 2 and "--changed-since" in result.stderr


def test_outside_a_repository_is_exit_2(tmp_path, run_cli):
    shutil.copytree(FIXTURES / "patuh", tmp_path / "d")
    result = run_cli("check", "--no-cache", "--changed-since", "HEAD", str(tmp_path / "d"))
    assert result.exit_code == 2


def test_json_report_of_a_changed_run_is_the_usual_one(repository, run_json):
    manifest = repository / "dossiers" / "2024-tw1" / "dossier.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, report = run_json("--no-cache", "--changed-since", "diserahkan", str(repository / "dossiers"))
    assert code == 0 and [d["verdict"] for d in report["dossiers"]] == ["PATUH"]
    expected = {"PATUH": 1, "PATUH_DENGAN_CATATAN": 0, "TIDAK_PATUH": 0, "TIDAK_DAPAT_DINILAI": 0}
    assert json.dumps(report["summary"]) == json.dumps(expected)


# --------------------------------------------------------------------------- a baseline


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """Two old dossiers with findings, and one compliant."""
    root = tmp_path / "dossiers"
    shutil.copytree(FIXTURES / "k001-tanpa-lra", root / "2023-tw1")
    shutil.copytree(FIXTURES / "w001-langkah-2-terlambat", root / "2023-tw2")
    shutil.copytree(FIXTURES / "patuh", root / "2024-tw1")
    return root


def test_a_baseline_lets_only_new_findings_fail(history, run_cli, run_json, tmp_path):
    baseline = tmp_path / "lapkin-baseline.json"
    assert run_cli("check", "--no-cache", "--write-baseline", str(baseline), str(history)).exit_code == 0
    # Old findings are still reported, marked, and no longer fail the run.
    code, report = run_json("--no-cache", "--baseline", str(baseline), str(history))
    assert code == 0
    old = [f for d in report["dossiers"] for f in d["findings"]]
    assert old and all(f.get("baselined") for f in old)
    # A line moved (a comment above) is still the same finding.
    manifest = history / "2023-tw1" / "dossier.yaml"
    manifest.write_text("# diarsipkan\n# 2023\n" + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_json("--no-cache", "--baseline", str(baseline), str(history))[0] == 0
    # A new finding fails, and every format says which is which.
    shutil.copytree(FIXTURES / "p001-tanpa-paraf", history / "2024-tw2")
    code, report = run_json("--no-cache", "--baseline", str(baseline), str(history))
    new = next(d for d in report["dossiers"] if d["path"].endswith("2024-tw2"))
    assert code == 1 and not new["findings"][0].get("baselined")
    github = run_cli("check", "--no-cache", "--format", "github", "--baseline", str(baseline), str(history)).output
    errors = [line for line in github.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and "P001" in errors[0]


def test_a_baseline_entry_that_matches_nothing_is_reported(history, run_cli, run_json, tmp_path):
    baseline = tmp_path / "baseline.json"
    run_cli("check", "--no-cache", "--write-baseline", str(baseline), str(history))
    shutil.rmtree(history / "2023-tw1")  # its finding is gone
    code, report = run_json("--no-cache", "--baseline", str(baseline), str(history))
    assert code == 0 and report["options"]["baseline_unused"] == 1
    table = run_cli("check", "--no-cache", "--baseline", str(baseline), str(history)).output
    assert "1 catatannya tidak cocok dengan temuan mana pun" in table


@pytest.mark.parametrize("content", ["", "{}", '{"format": "lain"}', "[" * 100_000])
def test_a_broken_baseline_is_exit_2(history, run_cli, tmp_path, content):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content)
    result = run_cli("check", "--no-cache", "--baseline", str(baseline), str(history))
    assert result.exit_code == 2 and "--baseline" in result.stderr


@pytest.fixture
def committed(history: Path) -> Path:
    """The dossiers of ``history`` in a repository, tagged as submitted."""
    git(history.parent, "init", "-q", str(history))
    git(history, "add", ".")
    git(history, "commit", "-q", "-m", "arsip")
    git(history, "tag", "diserahkan")
    return history


def entries_of(baseline: Path) -> list[tuple[str, str]]:
    return [(e["dossier"].rsplit("/", 1)[-1], e["rule"]) for e in json.loads(baseline.read_text())["findings"]]


def test_a_baseline_written_by_a_changed_since_run_keeps_the_dossiers_it_did_not_audit(
    committed, run_cli, run_json, tmp_path
):
    baseline = tmp_path / "baseline.json"
    assert run_cli("check", "--no-cache", "--write-baseline", str(baseline), str(committed)).exit_code == 0
    before = entries_of(baseline)
    assert {dossier for dossier, _ in before} == {"2023-tw1", "2023-tw2"}
    # 2023-tw2 changes (a comment); 2023-tw1 does not, and its entry stays.
    manifest = committed / "2023-tw2" / "dossier.yaml"
    manifest.write_text("# diperiksa ulang\n" + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    args = ("check", "--no-cache", "--changed-since", "diserahkan", str(committed))
    result = run_cli(*args, "--lang", "en", "--write-baseline", str(baseline))
    assert result.exit_code == 0
    assert entries_of(baseline) == before
    assert "baseline entries of dossiers or rules outside this run were kept" in result.stderr
    # Read back under --changed-since, the unchanged dossier's entry is not reported as matching nothing.
    code, report = run_json("--no-cache", "--changed-since", "diserahkan", "--baseline", str(baseline), str(committed))
    assert code == 0 and report["options"]["baseline_unused"] == 0
    # A dossier fixed since: its entries go, the others stay.
    shutil.rmtree(committed / "2023-tw2")
    shutil.copytree(FIXTURES / "patuh", committed / "2023-tw2")
    run_cli(*args, "--write-baseline", str(baseline))
    assert {dossier for dossier, _ in entries_of(baseline)} == {"2023-tw1"}


def test_a_baseline_of_some_rules_keeps_the_entries_of_the_others(history, run_cli, tmp_path):
    baseline = tmp_path / "baseline.json"
    run_cli("check", "--no-cache", "--write-baseline", str(baseline), str(history))
    before = entries_of(baseline)
    assert {rule[0] for _, rule in before} >= {"K", "W"}
    run_cli("check", "--no-cache", "--select", "W", "--write-baseline", str(baseline), str(history))
    assert entries_of(baseline) == before


def test_a_file_that_is_not_a_baseline_is_neither_merged_nor_replaced(history, run_cli, tmp_path):
    baseline = tmp_path / "catatan.json"
    baseline.write_text('{"bukan": "baseline"}\n', encoding="utf-8")
    result = run_cli("check", "--no-cache", "--lang", "en", "--write-baseline", str(baseline), str(history))
    assert result.exit_code == 2 and "the existing file is neither merged nor replaced" in result.stderr
    assert baseline.read_text(encoding="utf-8") == '{"bukan": "baseline"}\n'


def test_a_baseline_records_only_what_the_run_reported(history, run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(history)
    (history / "lapkin-audit.toml").write_text('[per-path-ignores]\n"2023-tw1" = ["K"]\n', encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run_cli("check", "--no-cache", "--write-baseline", str(baseline), ".")
    assert [rule for dossier, rule in entries_of(baseline) if dossier == "2023-tw1"] == []
    assert [rule for dossier, rule in entries_of(baseline) if dossier == "2023-tw2"] == ["W001"]


def test_a_change_to_the_configuration_or_the_rules_audits_every_dossier(repository, run_cli):
    shutil.copytree(TTE_RULES, repository / "aturan")
    (repository / "lapkin-audit.toml").write_text('rules = ["aturan"]\n', encoding="utf-8")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "konfigurasi")
    git(repository, "tag", "dikonfigurasi")
    args = ("check", "--no-cache", "--changed-since", "dikonfigurasi", "--lang", "en", str(repository / "dossiers"))
    assert "no dossier changed since dikonfigurasi" in run_cli(*args).stderr
    # The configuration changes: every dossier is judged again, and the run says why.
    (repository / "lapkin-audit.toml").write_text('rules = ["aturan"]\nignore = ["W"]\n', encoding="utf-8")
    result = run_cli(*args, "--format", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)["dossiers"]) == 3
    assert "every dossier is audited: what judges every dossier changed since dikonfigurasi" in result.stderr
    assert "lapkin-audit.toml" in result.stderr
    git(repository, "commit", "-q", "-am", "abaikan W")
    assert "no dossier changed since HEAD" in run_cli(*args[:3], "HEAD", *args[4:]).stderr
    # A trust root in the rules folder changes: the same.
    with open(repository / "aturan" / "tte.yaml", "a", encoding="utf-8") as handle:
        handle.write("# akar baru\n")
    result = run_cli(*args[:3], "HEAD", "--format", "json", str(repository / "dossiers"))
    paths = [d["path"].rsplit("/", 1)[-1] for d in json.loads(result.stdout)["dossiers"]]
    assert result.exit_code == 0 and paths == ["2024-tw1", "2024-tw2", "2024-tw3"]
    assert "aturan" in result.stderr
