"""``--changed-since`` on a repository whose ``.git`` is hostile: nothing it names runs,
nothing in it is written, and what changed is still found."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lapkin_audit.load import changes, history
from tests.helpers import FIXTURES, ROOT, git
from tests.hostile_util import CLI, git_state, plant_hostile_git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """Three committed dossiers; then tw2's manifest edited and tw3's DPA replaced (not
    committed), and a new, untracked dossier 2025-tw1: three of four changed."""
    root = tmp_path / "arsip"
    for name in ("2024-tw1", "2024-tw2", "2024-tw3"):
        shutil.copytree(FIXTURES / "patuh", root / "dossiers" / name)
    git(root.parent, "init", "-q", "-b", "main", str(root))
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "arsip")
    manifest = root / "dossiers" / "2024-tw2" / "dossier.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("ke: 2", "ke: 3"), encoding="utf-8")
    (root / "dossiers" / "2024-tw3" / "lampiran" / "dpa-2024.pdf").write_bytes(b"%PDF-1.4 diganti\n")
    shutil.copytree(FIXTURES / "patuh", root / "dossiers" / "2025-tw1")
    return root


def check(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", CLI, "check", "--no-cache", "--format", "concise", *args]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, timeout=300)


def audited(done: subprocess.CompletedProcess[str]) -> set[str]:
    return {line.split("/")[1] for line in done.stdout.splitlines() if line.startswith("dossiers/")}


def test_plain_git_runs_what_the_hostile_repository_names(repository, tmp_path):
    # The premise: git itself, asked what differs from a ref, runs the repository's programs.
    plant_hostile_git(repository, tmp_path / "marks")
    subprocess.run(["git", "-C", str(repository), "diff", "--name-only", "main"], capture_output=True, check=False)
    assert {p.name for p in (tmp_path / "marks").iterdir()} - {"fsmonitor.sh"}


def test_changed_since_runs_nothing_and_writes_nothing_in_a_hostile_repository(repository, tmp_path):
    marks = tmp_path / "marks"
    plant_hostile_git(repository, marks)
    for manifest in (repository / "dossiers").glob("*/dossier.yaml"):  # break every dossier: each audited one shows
        manifest.write_text(manifest.read_text(encoding="utf-8").replace("format: 1", "format: 1\nasing: 1"))
    before = git_state(repository)
    done = check(repository, "--changed-since", "main", "dossiers")
    assert done.returncode == 1, done.stderr
    assert audited(done) == {"2024-tw1", "2024-tw2", "2024-tw3", "2025-tw1"}  # the edit above touched all
    assert sorted(p.name for p in marks.iterdir()) == ["fsmonitor.sh"]  # no program of the repository ran
    assert git_state(repository) == before  # no index refresh, no lock, no new file


def test_changed_since_finds_what_changed_in_a_hostile_repository(repository, tmp_path):
    marks = tmp_path / "marks"
    plant_hostile_git(repository, marks)
    before = git_state(repository)
    done = check(repository, "--changed-since", "main", "--format", "json", "dossiers")
    import json

    paths = [d["path"] for d in json.loads(done.stdout)["dossiers"]]
    assert paths == ["dossiers/2024-tw2", "dossiers/2024-tw3", "dossiers/2025-tw1"]
    assert sorted(p.name for p in marks.iterdir()) == ["fsmonitor.sh"]
    assert git_state(repository) == before


def test_reading_history_starts_no_process(repository, monkeypatch):
    # In this process, every way of starting a program is a failure: dulwich reads data only.
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError(f"a process was started: {args!r}")

    for name in ("Popen", "run", "call", "check_output"):
        monkeypatch.setattr(subprocess, name, refuse)
    for name in ("system", "fork", "posix_spawn", "posix_spawnp", "execv", "execve", "popen"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, refuse)
    folders = ["dossiers/2024-tw1", "dossiers/2024-tw2", "dossiers/2024-tw3", "dossiers/2025-tw1"]
    assert history.changed_folders(str(repository), "main", folders) == folders[1:]


@pytest.mark.parametrize(
    ("ref", "expected"),
    [("HEAD", {"2024-tw2", "2024-tw3", "2025-tw1"}), ("HEAD~1", {"2024-tw1", "2024-tw2", "2024-tw3", "2025-tw1"})],
)
def test_relative_refs_are_read(repository, ref, expected):
    root = repository
    (root / "README.md").write_text("arsip\n", encoding="utf-8")
    git(root, "add", "README.md")
    git(root, "commit", "-q", "-m", "readme")
    git(root, "rm", "-q", "--cached", "-r", "dossiers/2024-tw1")
    git(root, "commit", "-q", "-m", "tw1 out")
    git(root, "add", "dossiers/2024-tw1")
    git(root, "commit", "-q", "-m", "tw1 back")
    folders = ["dossiers/2024-tw1", "dossiers/2024-tw2", "dossiers/2024-tw3", "dossiers/2025-tw1"]
    changed = history.changed_folders(str(root), ref, folders)
    assert {f.split("/")[1] for f in changed} == expected  # HEAD~1 had no tw1: it counts as new
    tw1_between = history.changed_folders(str(root), "HEAD~2", folders)
    assert "dossiers/2024-tw1" not in tw1_between  # the same as two commits ago
    assert "dossiers/2024-tw1" in history.changed_folders(str(root), "HEAD^", folders)


def test_ignored_and_deleted_files(repository):
    root = repository
    (root / ".gitignore").write_text("*.bak\n", encoding="utf-8")
    (root / "dossiers" / "2024-tw1" / "dossier.yaml.bak").write_text("salinan\n", encoding="utf-8")
    folders = ["dossiers/2024-tw1"]
    assert history.changed_folders(str(root), "main", folders) == []  # ignored: not a change
    (root / "dossiers" / "2024-tw1" / "lampiran" / "iku-2024.pdf").unlink()
    assert history.changed_folders(str(root), "main", folders) == folders  # deleted: a change


def test_a_fifo_as_gitignore_is_skipped_not_waited_on(repository):
    os.mkfifo(repository / "dossiers" / ".gitignore")
    folders = ["dossiers/2024-tw1", "dossiers/2025-tw1"]
    assert history.changed_folders(str(repository), "main", folders) == ["dossiers/2025-tw1"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_missing_remote_ref_says_which_and_what_to_fetch(repository, lang):
    done = check(repository, "--lang", lang, "--changed-since", "origin/main", "dossiers")
    assert done.returncode == 2
    assert "'origin/main'" in done.stderr and "git fetch origin main" in done.stderr
    assert "fetch-depth: 0" in done.stderr and "git failed" not in done.stderr
    assert ("tidak ada di repositori" in done.stderr) == (lang == "id")


def test_a_history_cut_short_by_a_shallow_clone_says_so(repository, tmp_path):
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "kedua")
    shallow = tmp_path / "dangkal"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", str(shallow))
    done = check(shallow, "--lang", "en", "--changed-since", "HEAD~1", "dossiers")
    assert done.returncode == 2 and "shallow" in done.stderr and "--unshallow" in done.stderr


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="giving a file to another user needs root")
def test_a_repository_of_another_user_is_refused_unless_declared_safe(repository, tmp_path):
    # A .git another user planted in a shared ancestor (/tmp) would decide what is audited.
    os.chown(repository / ".git", 4242, 4242)
    os.chown(repository, 4242, 4242)
    done = check(repository, "--lang", "en", "--changed-since", "main", "dossiers")
    assert done.returncode == 2 and "belongs to another user (uid 4242)" in done.stderr
    assert "safe.directory" in done.stderr
    config = tmp_path / "gitconfig"
    config.write_text(f"[safe]\n\tdirectory = {repository}\n", encoding="utf-8")
    done = check(repository, "--changed-since", "main", "dossiers", env={"GIT_CONFIG_GLOBAL": str(config)})
    assert done.returncode in (0, 1) and audited(done) <= {"2024-tw2", "2024-tw3", "2025-tw1"}


def test_a_repository_that_never_answers_stops_the_run_with_exit_2(repository, monkeypatch, run_cli):
    # A FIFO for HEAD: every reader of the repository would wait on it for ever.
    (repository / ".git" / "HEAD").unlink()
    os.mkfifo(repository / ".git" / "HEAD")
    monkeypatch.setattr(changes, "WALL_LIMIT", 3.0)  # a FIFO never answers: any limit gives the same outcome
    result = run_cli("check", "--no-cache", "--lang", "en", "--changed-since", "HEAD", str(repository / "dossiers"))
    assert result.exit_code == 2 and "no answer within 3 s" in result.stderr


def test_outside_a_repository_says_so(tmp_path, run_cli):
    shutil.copytree(FIXTURES / "patuh", tmp_path / "d")
    result = run_cli("check", "--no-cache", "--lang", "en", "--changed-since", "HEAD", str(tmp_path / "d"))
    assert result.exit_code == 2 and "is not inside a git repository" in result.stderr
