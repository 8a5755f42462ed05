"""A repository of dossiers in git: only what changed since a ref is audited."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import FIXTURES

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Sub Bagian Umum", "-c", "user.email=umum@kecamatan.test", "-C", str(root), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


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
    result = run_cli("check", "--no-cache", "--changed-since", "diserahkan", str(repository / "dossiers"))
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
