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
from tests.hostile_util import await_none, await_some, kill_marked, long_scan_pdf, parent_of

CLI = [sys.executable, "-c", "from lapkin_audit.cli import main; main()"]
HANG_GUARD = 600  # seconds: only a hung command reaches it, however busy the machine


def run(*args: str, cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess:  # type: ignore[type-arg, no-untyped-def]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*CLI, *args], cwd=cwd, env=env, capture_output=True, timeout=HANG_GUARD, **kwargs)


@pytest.fixture
def marker(monkeypatch):
    """A mark in the environment of every process the test starts, and their descendants;
    whatever happens, they are all ended when the test ends."""
    mark = f"lapkin-test-{os.getpid()}-{time.monotonic_ns()}"
    monkeypatch.setenv("LAPKIN_TEST_MARKER", mark)
    yield mark
    kill_marked(mark)


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


def test_a_closed_pipe_ends_quietly(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    check = subprocess.Popen(
        [*CLI, "check", "--no-cache", "--format", "json", "--jobs", "1", "--select", "K", str(FIXTURES)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert check.stdout is not None and check.stderr is not None
    check.stdout.read(10)
    check.stdout.close()  # as `| head -c 10` does
    stderr = check.stderr.read()
    check.stderr.close()
    check.wait(HANG_GUARD)
    assert b"Traceback" not in stderr and b"internal error" not in stderr
    assert check.returncode in (0, 1, 141)


def _slow_tree(tmp_path: Path, count: int = 4000) -> Path:
    """Many dossiers (manifests alone: their attachments missing is K003, and quick to make)."""
    tree = tmp_path / "tree"
    manifest = (FIXTURES / "patuh" / "dossier.yaml").read_bytes()
    for i in range(count):
        (tree / f"d{i:04}").mkdir(parents=True)
        (tree / f"d{i:04}" / "dossier.yaml").write_bytes(manifest)
    return tree


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stopped_run_exits_with_the_signal_status_leaves_no_worker_and_no_partial_report(
    tmp_path, marker, sig, status
):
    tree = _slow_tree(tmp_path)
    out = tmp_path / "out" / "laporan.json"
    out.parent.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = ["check", "--no-cache", "--jobs", "2", "--format", "json", str(tree), "-o", str(out)]
    check = subprocess.Popen([*CLI, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        await_some(marker, 3)  # the command and its workers
        assert check.poll() is None, "the run ended before it could be stopped"
        check.send_signal(sig)
        _, stderr = check.communicate(timeout=HANG_GUARD)
        assert check.returncode == status, stderr
        assert b"Traceback" not in stderr and stderr.count(b"\n") <= 1
        assert list(out.parent.iterdir()) == []  # no report and no temporary file
        assert await_none(marker) == []
    finally:
        kill_marked(marker)
        check.communicate()


def test_a_fifo_named_yaml_in_a_rules_folder_is_refused_not_waited_on(tmp_path):
    rules = tmp_path / "aturan"
    rules.mkdir()
    os.mkfifo(rules / "sop-baru.yaml")
    done = run("check", "--no-cache", "--lang", "en", "--rules", str(rules), str(FIXTURES / "patuh"))  # in time
    assert done.returncode == 2 and b"sop-baru.yaml" in done.stderr and b"not a regular file" in done.stderr


@pytest.mark.parametrize("flag", ["--baseline", "--config"])
def test_a_fifo_named_by_a_flag_is_refused_not_waited_on(tmp_path, flag):
    # Before, open() of the FIFO waited for a writer: the run hung until the time limit.
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    done = run("check", "--no-cache", flag, str(fifo), str(FIXTURES / "patuh"))  # within the time limit
    assert done.returncode == 2 and b"not a regular file" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.parametrize("flag", ["--baseline", "--config"])
def test_an_endless_device_named_by_a_flag_is_read_only_to_its_bound(flag):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    done = run("check", "--no-cache", flag, "/dev/zero", str(FIXTURES / "patuh"))
    assert done.returncode == 2 and b"not a regular file" in done.stderr


def test_a_fifo_among_the_rules_files_cannot_hang_a_cached_run(tmp_path):
    # The result cache's key hashed every rules file: a FIFO named .pem waited for a writer.
    rules = tmp_path / "aturan"
    rules.mkdir()
    os.mkfifo(rules / "akar.pem")
    cache = tmp_path / "cache"
    done = run("check", "--cache-dir", str(cache), "--rules", str(rules), str(FIXTURES / "patuh"))
    assert done.returncode == 0, done.stderr  # named by no tte file, it is not needed


def test_a_full_disk_for_the_report_is_a_clear_exit_2(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    done = run("check", "--no-cache", "--lang", "en", str(FIXTURES / "patuh"), "-o", "/dev/full")
    assert done.returncode == 2 and b"cannot write /dev/full" in done.stderr and b"Traceback" not in done.stderr


def test_concurrent_runs_share_one_cache(tmp_path, marker):
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LAPKIN_AUDIT_CACHE_DIR": str(cache)}
    command = [*CLI, "check", "--format", "json", "--jobs", "1", str(FIXTURES)]
    # The attachments' facts are read once beforehand (another language: other results),
    # so the three runs race on writing results, not on reading scans.
    subprocess.run([*command, "--lang", "en"], env=env, capture_output=True, timeout=HANG_GUARD, check=False)
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    try:
        outputs = [run.communicate(timeout=HANG_GUARD) for run in runs]
    finally:  # a run that hung or failed leaves nothing behind for the next test
        kill_marked(marker)
        for run in runs:
            run.communicate()
    assert len({out for out, _ in outputs}) == 1 and all(err == b"" for _, err in outputs)
    again = subprocess.run(command, env=env, capture_output=True, timeout=HANG_GUARD)
    assert again.stdout == outputs[0][0]


# ----------------------------------------------------------------------------- the reader's processes


def _ocr_here() -> bool:
    from lapkin_audit.evidence.read import tessdata_dir

    return sys.platform.startswith("linux") and tessdata_dir() is not None


needs_ocr_workers = pytest.mark.skipif(
    not _ocr_here(),
    reason="needs Linux's /proc and Tesseract with its Indonesian model",
)
READ_SCAN = (
    "import hashlib, sys; from lapkin_audit.evidence import read; data = open(sys.argv[1], 'rb').read(); "
    "reader = read.Reader(tessdata=read.tessdata_dir(), ocr_workers=2); "
    "reader.read_in_children([(data, hashlib.sha256(data).hexdigest())])"
)


def _reading_a_scan(tmp_path: Path) -> subprocess.Popen:  # type: ignore[type-arg]
    """A process reading a long scan with two OCR workers, once they are at work: the
    reader's parent, its child and the child's two workers."""
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(long_scan_pdf())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", READ_SCAN, str(scan)], env=env, stderr=subprocess.PIPE)


@needs_ocr_workers
@pytest.mark.parametrize("victim", ["child", "parent"])
def test_killing_the_reader_mid_ocr_leaves_no_process(tmp_path, marker, victim):
    """SIGKILL to the reader's child (its OCR workers follow it), or to the process that
    started it (the child and its workers follow): nothing is left, nothing waits."""
    parent = _reading_a_scan(tmp_path)
    try:
        found = await_some(marker, 4)
        assert len(found) >= 4, "the OCR workers never started"
        child = next(pid for pid in found if parent_of(pid) == parent.pid)
        os.kill(child if victim == "child" else parent.pid, signal.SIGKILL)
        parent.communicate(timeout=HANG_GUARD)
        assert await_none(marker) == []
    finally:
        kill_marked(marker)
        parent.communicate()


@needs_ocr_workers
@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_stopping_the_command_mid_ocr_leaves_no_process(tmp_path, marker, sig, status):
    folder = dossier(tmp_path)
    (folder / "lampiran/lkj-2024-tw2-ttd.pdf").write_bytes(long_scan_pdf())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [*CLI, "check", "--no-cache", "--jobs", "2", str(folder)]
    check = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert len(await_some(marker, 4)) >= 4, "the OCR workers never started"  # the command, its reader, 2 workers
        check.send_signal(sig)
        _, stderr = check.communicate(timeout=HANG_GUARD)
        assert check.returncode == status and b"Traceback" not in stderr, stderr
        assert await_none(marker) == []
    finally:
        kill_marked(marker)
        check.communicate()


def test_a_reader_past_its_wall_guard_leaves_nothing_behind(marker):
    """A child that hangs after starting a process of its own that holds its output: the
    guard kills the child's whole group, and the parent does not wait on the pipe."""
    from lapkin_audit.evidence import read
    from lapkin_audit.evidence.limits import Limits

    child = (
        "import subprocess, sys, time; sys.stdin.buffer.read(); "
        "from lapkin_audit.evidence import codec; sys.stdout.buffer.write(codec.reading(0, 1)); sys.stdout.flush(); "
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)']); time.sleep(600)"
    )
    reader = read.Reader(Limits(cpu_base=1, wall_factor=1, wall_slack=2), command=(sys.executable, "-c", child))
    [facts] = reader.read_in_children([(b"%PDF-1.4 hang", "0" * 64)])
    assert facts.problem == "timeout"
    assert await_none(marker) == []


def test_a_cache_that_cannot_store_costs_speed_never_a_result(tmp_path, monkeypatch, run_json):
    from lapkin_audit.load import private  # every cache writes its entries through it

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(private.tempfile, "mkstemp", full)
    code, report = run_json("--jobs", "1", str(FIXTURES / "patuh"))
    assert code == 0 and report["dossiers"][0]["verdict"] == "PATUH"
