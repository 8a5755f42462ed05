"""The command as a process: what it writes where, and how it ends when stopped or cut off."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, ROOT

CLI = [sys.executable, "-c", "from lapkin_audit.cli import main; main()"]


def run(*args: str, cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess:  # type: ignore[type-arg, no-untyped-def]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*CLI, *args], cwd=cwd, env=env, capture_output=True, timeout=120, **kwargs)


def dossier(tmp_path: Path) -> Path:
    folder = tmp_path / "dossier"
    shutil.copytree(FIXTURES / "patuh", folder)
    return folder


@pytest.mark.parametrize("name", ["dossier.yaml", "laporan.html", "lampiran/laporan.json"])
def test_never_writes_inside_a_dossier_even_when_told_to(tmp_path, name):
    folder = dossier(tmp_path)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    done = run("check", "--no-cache", "--lang", "en", str(folder), "-o", str(folder / name))
    assert done.returncode == 2 and b"never writes in a dossier" in done.stderr
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_a_link_to_a_device_is_written_through_not_replaced(tmp_path):
    # /dev/stdout is such a link. (A link to a regular file is replaced instead, so that a
    # planted link cannot aim the report at a victim file: tests/test_readonly.py.)
    link = tmp_path / "stdout"
    link.symlink_to(os.devnull)
    done = run("check", "--no-cache", "--format", "json", str(FIXTURES / "patuh"), "-o", str(link))
    assert done.returncode == 0
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert not Path(os.devnull).is_file()


def test_a_fifo_given_as_output_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = run("check", "--no-cache", "--format", "json", str(FIXTURES / "patuh"), "-o", str(fifo))
    reader.join(30)
    assert done.returncode == 0 and received and received[0].startswith(b"{")
    assert fifo.is_fifo()


@pytest.mark.parametrize("extra", [(), ("--exit-zero",)], ids=["findings", "exit-zero"])
def test_a_closed_pipe_ends_quietly(tmp_path, extra):
    """The report (over 500 KB) cannot fit a pipe's buffer: the write meets the closed pipe."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    check = subprocess.Popen(
        [*CLI, "check", "--no-cache", "--format", "json", "--jobs", "1", *extra, str(FIXTURES)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert check.stdout is not None and check.stderr is not None
    check.stdout.read(10)
    check.stdout.close()  # as `| head -c 10` does
    stderr = check.stderr.read()
    check.stderr.close()
    check.wait(60)
    assert b"Traceback" not in stderr and b"internal error" not in stderr
    assert check.returncode == 141, stderr


def _slow_tree(tmp_path: Path, count: int = 4000) -> Path:
    """Many dossiers (manifests alone: their attachments missing is K003, and quick to make)."""
    tree = tmp_path / "tree"
    manifest = (FIXTURES / "patuh" / "dossier.yaml").read_bytes()
    for i in range(count):
        (tree / f"d{i:04}").mkdir(parents=True)
        (tree / f"d{i:04}" / "dossier.yaml").write_bytes(manifest)
    return tree


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stopped_run_exits_with_the_signal_status_leaves_no_worker_and_no_partial_report(tmp_path, sig, status):
    tree = _slow_tree(tmp_path)
    out = tmp_path / "out" / "laporan.json"
    out.parent.mkdir()
    marker = f"lapkin-test-{os.getpid()}-{sig}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LAPKIN_TEST_MARKER": marker}
    args = ["check", "--no-cache", "--jobs", "2", "--format", "json", str(tree), "-o", str(out)]
    check = subprocess.Popen([*CLI, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(_processes_with(marker)) < 3 and time.monotonic() < deadline:  # the command and its workers
        time.sleep(0.05)
    assert check.poll() is None, "the run ended before it could be stopped"
    check.send_signal(sig)
    _, stderr = check.communicate(timeout=60)
    assert check.returncode == status, stderr
    assert b"Traceback" not in stderr and stderr.count(b"\n") <= 1
    assert list(out.parent.iterdir()) == []  # no report and no temporary file
    time.sleep(0.5)
    assert _processes_with(marker) == []


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_a_fifo_named_yaml_in_a_rules_folder_is_refused_not_waited_on(tmp_path):
    rules = tmp_path / "aturan"
    rules.mkdir()
    os.mkfifo(rules / "sop-baru.yaml")
    done = run("check", "--no-cache", "--lang", "en", "--rules", str(rules), str(FIXTURES / "patuh"))  # in time
    assert done.returncode == 2 and b"sop-baru.yaml" in done.stderr and b"not a regular file" in done.stderr


def test_a_full_disk_for_the_report_is_a_clear_exit_2(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    done = run("check", "--no-cache", "--lang", "en", str(FIXTURES / "patuh"), "-o", "/dev/full")
    assert done.returncode == 2 and b"cannot write /dev/full" in done.stderr and b"Traceback" not in done.stderr


def test_concurrent_runs_share_one_cache(tmp_path):
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LAPKIN_AUDIT_CACHE_DIR": str(cache)}
    command = [*CLI, "check", "--format", "json", "--jobs", "1", str(FIXTURES)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert len({out for out, _ in outputs}) == 1 and all(err == b"" for _, err in outputs)
    again = subprocess.run(command, env=env, capture_output=True, timeout=120)
    assert again.stdout == outputs[0][0]


def test_a_cache_that_cannot_store_costs_speed_never_a_result(tmp_path, monkeypatch, run_json):
    from lapkin_audit.load import private  # every cache writes its entries through it

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(private.os, "replace", full)
    code, report = run_json("--jobs", "1", str(FIXTURES / "patuh"))
    assert code == 0 and report["dossiers"][0]["verdict"] == "PATUH"
