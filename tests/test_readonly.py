"""Read-only on dossiers, atomic on output.

A full run with every output format changes nothing in the tree it audits (bytes,
mtimes, modes, the list of entries). ``--output`` writes a temporary file beside the
target and renames it into place, so the report file is always either the old one or
the complete new one, and no temporary file is ever left behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit.cli import cli
from tests.helpers import ROOT
from tests.hostile_util import copy_patuh

FIXTURE_TREE = ROOT / "fixtures"


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under ``root``: kind, mode, size, mtime and content (never opening a non-file)."""
    entries: dict[str, tuple] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode):
                with open(path, "rb") as handle:
                    content = hashlib.sha256(handle.read()).hexdigest()
            elif stat.S_ISLNK(info.st_mode):
                content = os.readlink(path)
            else:
                content = None
            entries[os.path.relpath(path, root)] = (
                stat.S_IFMT(info.st_mode),
                info.st_mode,
                info.st_size,
                info.st_mtime_ns,
                content,
            )
    return entries


def _invoke(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


RUNS = [
    (),
    ("--format", "table"),
    ("--format", "json"),
    ("--format", "table", "--lang", "en", "--strict"),
    ("--format", "json", "--lang", "en", "--jobs", "1"),
    ("--format", "json", "--jobs", "4"),
    ("--format", "json", "--no-cache"),
    ("--format", "table", "--select", "K", "--ignore", "K005"),
]


def test_a_full_run_in_every_format_changes_nothing_in_the_fixture_tree(tmp_path):
    before = snapshot(FIXTURE_TREE)
    assert len(before) > 20  # the tree is really there
    outputs = []
    for args in RUNS:
        result = _invoke(*args, str(FIXTURE_TREE))
        assert result.exit_code == 1, (args, result.output)  # the fixtures include failing dossiers
        outputs.append(result.output)
    for fmt in ("json", "table"):
        report = tmp_path / f"report.{fmt}"
        result = _invoke("--format", fmt, "--output", str(report), str(FIXTURE_TREE))
        assert result.exit_code == 1 and report.stat().st_size > 0
    assert snapshot(FIXTURE_TREE) == before
    assert all(outputs)


def test_hostile_trees_are_left_alone_too(tmp_path):
    """Links, FIFOs and escapes included: the run reads what it may and writes nothing."""
    from tests.test_attachment_paths import _build
    from tests.test_hostile import CASES

    (tmp_path / "escape").mkdir()
    tree, outside = _build(tmp_path / "escape")
    for name, (build, _, _) in CASES.items():
        if "200k" not in name and "50mb" not in name:  # big, and nothing new to learn here
            build(tree / f"manifest-{name}", outside)
    before = snapshot(tmp_path / "escape")
    for fmt in ("json", "table"):
        result = _invoke("--format", fmt, "--output", str(tmp_path / f"report.{fmt}"), str(tree))
        assert result.exit_code == 1, result.output
    assert snapshot(tmp_path / "escape") == before


# --------------------------------------------------------------------------- atomic --output


@pytest.fixture
def folder(tmp_path):
    """A dossier to audit and an output folder that already holds an old report."""
    copy_patuh(tmp_path / "dossier")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text("OLD REPORT\n")
    return tmp_path


def _report_args(folder: Path) -> list[str]:
    return [
        "--format",
        "json",
        "--no-cache",
        "--jobs",
        "1",
        "--output",
        str(folder / "out" / "report.json"),
        str(folder / "dossier"),
    ]


def test_output_replaces_the_old_report_with_the_complete_new_one(folder):
    printed = _invoke("--format", "json", "--no-cache", str(folder / "dossier"))
    written = _invoke(*_report_args(folder))
    assert written.exit_code == printed.exit_code == 0
    assert written.output == ""
    assert (folder / "out" / "report.json").read_text(encoding="utf-8") == printed.output
    assert os.listdir(folder / "out") == ["report.json"]


def test_a_rendering_failure_writes_nothing(folder, monkeypatch):
    import lapkin_audit.report as report

    def broken(fmt):
        def render(_report, _style):
            raise RuntimeError("renderer exploded")

        return render

    monkeypatch.setattr(report, "renderer", broken)
    result = _invoke(*_report_args(folder))
    assert result.exit_code == 2 and "renderer exploded" in result.output  # a clear message, no traceback
    assert (folder / "out" / "report.json").read_text() == "OLD REPORT\n"
    assert os.listdir(folder / "out") == ["report.json"]


class _HalfWriter:
    """A text handle that writes half of what it is given, then fails (a full disk)."""

    def __init__(self, handle, error: BaseException):
        self.handle, self.error = handle, error

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, text):
        self.handle.write(text[: len(text) // 2])
        self.handle.flush()
        raise self.error

    def __getattr__(self, name):
        return getattr(self.handle, name)


@pytest.mark.parametrize(
    "error, exit_code",
    [(OSError(errno.ENOSPC, "No space left on device"), 2), (KeyboardInterrupt(), 1)],
    ids=["disk-full", "interrupted"],
)
def test_a_write_that_fails_halfway_leaves_the_old_report_and_no_temporary_file(folder, monkeypatch, error, exit_code):
    real_fdopen = os.fdopen
    partial = []

    def fdopen(fd, mode="r", *args, **kwargs):
        handle = real_fdopen(fd, mode, *args, **kwargs)
        if "w" in mode and stat.S_ISREG(os.fstat(fd).st_mode):  # the report, not a reader's pipe
            partial.append(os.readlink(f"/proc/self/fd/{fd}"))
            return _HalfWriter(handle, error)
        return handle

    monkeypatch.setattr(os, "fdopen", fdopen)
    result = _invoke(*_report_args(folder))
    assert result.exit_code == exit_code
    assert partial and Path(partial[0]).parent == folder / "out"  # it did write, beside the target
    assert (folder / "out" / "report.json").read_text() == "OLD REPORT\n"
    assert os.listdir(folder / "out") == ["report.json"]


def test_a_failed_rename_leaves_the_old_report_and_no_temporary_file(folder, monkeypatch):
    def replace(src, dst, *args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", replace)
    result = _invoke("--lang", "en", *_report_args(folder))
    assert result.exit_code == 2
    assert "cannot write" in result.output or "cannot write" in (result.stderr if result.stderr_bytes else "")
    assert (folder / "out" / "report.json").read_text() == "OLD REPORT\n"
    assert os.listdir(folder / "out") == ["report.json"]


def test_the_report_is_on_disk_before_it_is_renamed_into_place(folder, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda *a, **k: (events.append("replace"), real_replace(*a, **k))[1])
    assert _invoke(*_report_args(folder)).exit_code == 0
    assert events[-2:] == ["fsync", "replace"]


def test_output_through_a_planted_link_replaces_the_link_not_its_target(folder):
    victim = folder / "victim.txt"
    victim.write_text("precious\n")
    (folder / "out" / "report.json").unlink()
    (folder / "out" / "report.json").symlink_to(victim)
    assert _invoke(*_report_args(folder)).exit_code == 0
    assert victim.read_text() == "precious\n"
    assert not (folder / "out" / "report.json").is_symlink()
    assert (folder / "out" / "report.json").read_text().startswith("{")
