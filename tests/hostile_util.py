"""Helpers shared by the hostile-input tests (test_hostile, test_attachment_paths, ...)."""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXTURES, ROOT

PATUH = FIXTURES / "patuh"
SIGNED = "lampiran/lkj-2024-tw2-ttd.pdf"  # the compliant dossier's signed report
CLI = "from lapkin_audit.cli import main; main()"
TIMEOUT = 300  # seconds: only a checker that hangs on hostile input reaches it, however busy the machine


def copy_patuh(dest: Path) -> Path:
    """A copy of the compliant fixture (manifest and attachments) at ``dest``."""
    shutil.copytree(PATUH, dest, symlinks=True)
    return dest


def with_signed_report(tmp_path: Path, data: bytes) -> Path:
    """A copy of the compliant dossier whose signed report is ``data``."""
    folder = copy_patuh(tmp_path / "d")
    (folder / SIGNED).write_bytes(data)
    return folder


def finding_rules(result: Any) -> list[str]:
    """The codes of a library result's findings, sorted."""
    return sorted(f.rule for f in result.findings)


def patuh_text() -> str:
    return (PATUH / "dossier.yaml").read_text(encoding="utf-8")


def run_check(
    *args: str, cwd: Path | None = None, timeout: float = TIMEOUT, cache_dir: Path | None = None
) -> tuple[int, dict[str, Any]]:
    """``lapkin-audit check --format json --lang en ARGS`` in a child process, with a time limit.

    A child process, so that a crash of the C YAML composer (SIGSEGV) or a hang on a
    FIFO shows up as a failed test rather than a dead or stuck pytest. The result cache
    is on (it reads the same hostile files) but in a private folder, never the user's.
    Returns the exit status and the report ({} when it went to ``--output``).
    """
    command = [sys.executable, "-c", CLI, "check", "--format", "json", "--lang", "en", *args]
    with tempfile.TemporaryDirectory(prefix="lapkin-cache-") as fresh:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LAPKIN_AUDIT_CACHE_DIR": str(cache_dir or fresh)}
        done = _run(command, cwd, env, timeout)
        if done is None:
            pytest.fail(f"lapkin-audit did not finish within {timeout} s (it hangs on hostile input): {args}")
    stderr = done.stderr.decode(errors="replace")
    assert done.returncode in (0, 1), f"exit {done.returncode} (negative: killed by a signal)\nstderr:\n{stderr}"
    assert "Traceback" not in stderr, stderr
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else {}


def _run(
    command: list[str], cwd: Path | None, env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess | None:
    """Like subprocess.run, but on timeout the child's whole process group (workers too) is killed."""
    with subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    ) as child:
        try:
            stdout, stderr = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)  # the group this child leads: nothing else
            child.communicate()
            return None
    return subprocess.CompletedProcess(command, child.returncode, stdout, stderr)


def age(root: Path, seconds: int = 3600) -> None:
    """Date every file under ``root`` back, so the result cache may store what it reads."""
    past = time.time_ns() - seconds * 1_000_000_000
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            os.utime(os.path.join(folder, name), ns=(past, past), follow_symlinks=False)


def by_path(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["path"]: d for d in report["dossiers"]}


def rules_of(dossier: dict[str, Any]) -> list[str]:
    return [f["rule"] for f in dossier["findings"]]


def plant_hostile_git(root: Path, marks: Path) -> list[str]:
    """Give the git repository at ``root`` a configuration, attributes and hooks that run a
    program writing a file into ``marks`` whenever git consults them: what a dossier
    archive that arrives with its ``.git`` could hold. Returns the names of the marks."""
    marks.mkdir(exist_ok=True)
    names = ["fsmonitor", "clean", "process", "smudge", "textconv", "diff", "external", "pager", "hook", "ssh"]

    def mark(name: str) -> str:
        return f"sh -c 'touch {marks}/{name}; cat >/dev/null' --"

    config = root / ".git" / "config"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "[core]\n"
        + f"\tfsmonitor = {marks}/fsmonitor.sh\n"
        + "\thooksPath = .git/hooks\n"
        + f"\tpager = {mark('pager')}\n"
        + f"\tsshCommand = {mark('ssh')}\n"
        + "\tuntrackedCache = true\n"
        + "[diff]\n"
        + f"\texternal = {mark('external')}\n"
        + '[diff "jahat"]\n'
        + f"\ttextconv = {mark('textconv')}\n"
        + f"\tcommand = {mark('diff')}\n"
        + '[filter "jahat"]\n'
        + f"\tclean = {mark('clean')}\n"
        + f"\tsmudge = {mark('smudge')}\n"
        + "\trequired = true\n"
        + '[filter "proses"]\n'
        + f"\tprocess = {mark('process')}\n",
        encoding="utf-8",
    )
    script = marks / "fsmonitor.sh"
    script.write_text(f"#!/bin/sh\ntouch {marks}/fsmonitor\n", encoding="utf-8")
    script.chmod(0o755)
    (root / ".gitattributes").write_text("*.yaml filter=jahat diff=jahat\n*.pdf filter=proses diff=jahat\n")
    hooks = root / ".git" / "hooks"
    hooks.mkdir(exist_ok=True)
    for hook in ("post-index-change", "pre-commit", "post-checkout", "reference-transaction", "pre-auto-gc"):
        (hooks / hook).write_text(f"#!/bin/sh\ntouch {marks}/hook\n", encoding="utf-8")
        (hooks / hook).chmod(0o755)
    return names


def git_state(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file of ``root/.git`` with its size, modification time and, for the index,
    its bytes: what must not change when history is only read."""
    state = {}
    for path in sorted((root / ".git").rglob("*")):
        info = path.lstat()
        if path.is_file():
            content = path.read_bytes() if path.name == "index" else b""
            state[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns, content)
    return state


@functools.cache
def long_scan_pdf(pages: int = 40) -> bytes:
    """A scanned report of ``pages`` pages, each its own image (built once per test run)."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    import fixture_documents as docs

    return docs.scans_pdf(docs.long_scan(pages))


def processes_with(marker: str) -> list[int]:
    """The processes whose environment holds ``marker`` (a test's own descendants; never
    this process, whose environment the test may have changed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def kill_marked(marker: str) -> None:
    """End every process a test started (found by its marker), whatever state it is in."""
    for pid in processes_with(marker):
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def await_none(marker: str, within: float = 60.0) -> list[int]:
    """Wait until no process holds ``marker`` (a dead process's kin may take a moment to be
    reaped); the processes still there after ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        left = [pid for pid in processes_with(marker) if not _zombie(pid)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


def await_some(marker: str, count: int, within: float = 120.0) -> list[int]:
    """Wait until at least ``count`` processes hold ``marker``; those found."""
    deadline = time.monotonic() + within
    while True:
        found = [pid for pid in processes_with(marker) if not _zombie(pid)]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
