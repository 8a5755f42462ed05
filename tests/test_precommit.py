"""A document repository audited through the pre-commit hook (.pre-commit-hooks.yaml).

pre-commit runs a hook's ``entry`` at the repository's top, with the hook's ``args`` and
the staged files appended. These tests do exactly that on a sample repository (git, a
baseline, an LFS pointer), so the hook's contract is tested without pre-commit itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lapkin_audit.load.discovery import holding
from tests.helpers import FIXTURES, ROOT, git
from tests.hostile_util import CLI, git_state, plant_hostile_git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

HOOK = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """dossiers/2023-tw1 has old findings (in the baseline); the 2024 dossiers are compliant."""
    root = tmp_path / "arsip-lkj"
    shutil.copytree(FIXTURES / "k001-tanpa-lra", root / "dossiers" / "2023-tw1")
    for name in ("2024-tw1", "2024-tw2"):
        shutil.copytree(FIXTURES / "patuh", root / "dossiers" / name)
    (root / "README.md").write_text("Arsip Laporan Kinerja\n", encoding="utf-8")
    git(root.parent, "init", "-q", str(root))
    assert cli(root, "check", "--write-baseline", "lapkin-baseline.json", "dossiers")[0] == 0
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "arsip 2023-2024")
    return root


def run_hook(root: Path, files: list[str], *args: str) -> tuple[int, str]:
    """The hook as pre-commit runs it: entry, then args, then the files, from the top."""
    entry = shlex.split(HOOK["entry"])
    assert entry[0] == "lapkin-audit"
    return cli(root, *entry[1:], *args, *files)


def cli(root: Path, *args: str) -> tuple[int, str]:
    """``lapkin-audit ARGS`` in a child process at ``root``; (exit status, stdout + stderr)."""
    command = [sys.executable, "-c", CLI, *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LAPKIN_AUDIT_CACHE_DIR": str(root.parent / "cache")}
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout + done.stderr


def staged(root: Path) -> list[str]:
    """The files pre-commit would pass: staged, not deleted."""
    return git(root, "diff", "--cached", "--name-only", "--diff-filter=d").split()


def test_the_hook_is_declared_for_filenames_in_one_run():
    assert HOOK["id"] == "lapkin-audit" and HOOK["language"] == "python"
    assert HOOK["pass_filenames"] is True and HOOK["require_serial"] is True
    assert "--touched" in shlex.split(HOOK["entry"])


def test_only_the_touched_dossier_is_audited(repository):
    attachment = repository / "dossiers" / "2024-tw2" / "lampiran" / "lra-2024-tw2.pdf"
    attachment.write_bytes(attachment.read_bytes() + b"\n%% dipindai ulang\n")
    git(repository, "add", ".")
    assert run_hook(repository, staged(repository)) == (0, "")  # concise: silent when all is well
    code, output = run_hook(repository, staged(repository), "--format", "json")
    assert code == 0
    assert [d["path"] for d in json.loads(output)["dossiers"]] == ["dossiers/2024-tw2"]


def test_a_commit_that_breaks_a_dossier_is_stopped(repository):
    manifest = repository / "dossiers" / "2024-tw1" / "dossier.yaml"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(line for line in lines if "laporan_realisasi_anggaran" not in line), encoding="utf-8")
    git(repository, "add", ".")
    code, output = run_hook(repository, staged(repository))
    assert code == 1
    assert "dossiers/2024-tw1/dossier.yaml:" in output and "K001" in output


def test_a_commit_touching_no_dossier_passes_with_a_word(repository):
    (repository / "README.md").write_text("Arsip Laporan Kinerja Kecamatan\n", encoding="utf-8")
    git(repository, "add", ".")
    assert staged(repository) == ["README.md"]
    code, output = run_hook(repository, staged(repository), "--lang", "en")
    assert (code, output.strip()) == (0, "lapkin-audit: no dossier among the files given.")
    code, output = run_hook(repository, staged(repository))  # in Indonesian by default
    assert (code, output.strip()) == (0, "lapkin-audit: tidak ada dossier di antara berkas yang diberikan.")


def test_old_findings_in_the_baseline_do_not_stop_a_commit_new_ones_do(repository):
    manifest = repository / "dossiers" / "2023-tw1" / "dossier.yaml"
    manifest.write_text("# diarsipkan\n" + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    git(repository, "add", ".")
    files = staged(repository)
    assert run_hook(repository, files)[0] == 1  # without the baseline: the old K001
    code, output = run_hook(repository, files, "--baseline", "lapkin-baseline.json")
    assert code == 0 and "K001" in output


def test_an_lfs_pointer_committed_instead_of_a_document_is_named(repository):
    attachment = repository / "dossiers" / "2024-tw1" / "lampiran" / "dpa-2024.pdf"
    content = attachment.read_bytes()
    oid = hashlib.sha256(content).hexdigest()
    pointer = f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {len(content)}\n"
    attachment.write_text(pointer, encoding="utf-8")
    git(repository, "add", ".")
    code, output = run_hook(repository, staged(repository))
    assert code == 1 and "E006" in output and "Git LFS" in output


def test_holding_finds_the_nearest_dossier_above_each_file(tmp_path, monkeypatch):
    for name in ("a", "b"):
        shutil.copytree(FIXTURES / "patuh", tmp_path / "dossiers" / name)
    (tmp_path / "dossiers" / "catatan.txt").write_text("-", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    files = [
        "dossiers/b/lampiran/dpa-2024.pdf",
        "dossiers/a/dossier.yaml",
        "dossiers/a/lampiran/dihapus.pdf",  # deleted: its dossier is still touched
        "dossiers/catatan.txt",  # in no dossier
        "dossiers/b",  # a folder given as such
        str(tmp_path / "dossiers" / "a" / "lampiran" / "lra-2024-tw2.pdf"),  # absolute, the same dossier
    ]
    assert [t.display for t in holding(files)] == ["dossiers/a", "dossiers/b"]
    assert holding(["README.md", "dossiers/catatan.txt"]) == []


def test_the_repository_configuration_file_governs_the_hook_and_changed_since(repository):
    """The settings a repository keeps in lapkin-audit.toml hold for every way it is audited."""
    (repository / "lapkin-audit.toml").write_text(
        'baseline = "lapkin-baseline.json"\nformat = "json"\nlang = "en"\n', encoding="utf-8"
    )
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "lapkin-audit settings")
    manifest = repository / "dossiers" / "2023-tw1" / "dossier.yaml"
    manifest.write_text("# diarsipkan\n" + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    git(repository, "add", ".")
    code, output = run_hook(repository, staged(repository), "--format", "json")  # a flag wins over the file
    report = json.loads(output)
    assert code == 0 and report["options"]["baseline"].endswith("lapkin-baseline.json")
    assert [d["path"] for d in report["dossiers"]] == ["dossiers/2023-tw1"]
    code, output = cli(repository, "check", "--changed-since", "HEAD", "dossiers")
    assert code == 0 and json.loads(output)["dossiers"][0]["findings"][0]["baselined"] is True
    code, output = cli(repository, "check", "--changed-since", "HEAD", "--isolated", "dossiers")
    assert code == 1 and output.startswith("Dossier ")  # without the file: the table, and the old K001 fails


def test_the_hook_runs_nothing_of_a_hostile_repository_and_writes_nothing(repository, tmp_path):
    attachment = repository / "dossiers" / "2024-tw2" / "lampiran" / "lra-2024-tw2.pdf"
    attachment.write_bytes(attachment.read_bytes() + b"\n%% dipindai ulang\n")
    git(repository, "add", ".")
    files = staged(repository)
    marks = tmp_path / "marks"
    plant_hostile_git(repository, marks)
    before = git_state(repository)
    code, output = run_hook(repository, files, "--format", "json")
    assert code == 0 and [d["path"] for d in json.loads(output)["dossiers"]] == ["dossiers/2024-tw2"]
    assert sorted(p.name for p in marks.iterdir()) == ["fsmonitor.sh"]
    assert git_state(repository) == before


def test_a_committed_link_to_a_folder_outside_is_neither_followed_nor_audited(repository, tmp_path):
    # Before, the hook followed it and audited (and quoted) the dossier outside.
    outside = tmp_path / "di-luar"
    shutil.copytree(FIXTURES / "k001-tanpa-lra", outside)
    (repository / "dossiers" / "tautan").symlink_to(outside, target_is_directory=True)
    git(repository, "add", ".")
    assert staged(repository) == ["dossiers/tautan"]
    code, output = run_hook(repository, staged(repository), "--lang", "en")
    assert (code, output.strip()) == (0, "lapkin-audit: no dossier among the files given.")
    # A path through the link, given by hand, is not followed either; check DIR agrees.
    assert run_hook(repository, ["dossiers/tautan/dossier.yaml"])[0] == 0
    code, output = cli(repository, "check", "--format", "json", "dossiers")
    assert code == 1 and "tautan" not in output and "di-luar" not in output  # 2023-tw1 has its K001


def test_a_dossier_holding_a_committed_link_is_audited_as_its_own(repository, tmp_path):
    outside = tmp_path / "rahasia.pdf"
    outside.write_bytes(b"%PDF-1.4 rahasia\n")
    (repository / "dossiers" / "2024-tw1" / "lampiran" / "tautan.pdf").symlink_to(outside)
    git(repository, "add", ".")
    code, output = run_hook(repository, staged(repository), "--format", "json")
    assert code == 0 and [d["path"] for d in json.loads(output)["dossiers"]] == ["dossiers/2024-tw1"]
