"""Attachments cannot escape the dossier folder: every route out is K003, the target unread.

The targets outside are FIFOs: a checker that opens one (to hash it) blocks forever, so
the batch runs the CLI in a child process with a time limit. A FIFO inside the dossier
must not hang either (it is not a regular file). An in-process test also records every
file the checker opens and asserts none of them lies outside.
"""

from __future__ import annotations

import builtins
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from lapkin_audit.load import attachments
from tests.hostile_util import age, by_path, copy_patuh, run_check

DPA_LINE = 25  # `  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}` in the compliant fixture
DPA_FIELD = "dokumen[2].berkas"
DPA_BERKAS = "lampiran/dpa-2024.pdf"


def _set_berkas(folder: Path, yaml_scalar: str) -> None:
    """Point the DPA's ``berkas`` at ``yaml_scalar`` (YAML source text), on the same line."""
    manifest = folder / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert text.splitlines()[DPA_LINE - 1] == f"  - {{jenis: dpa, berkas: {DPA_BERKAS}}}"
    manifest.write_text(text.replace(f"berkas: {DPA_BERKAS}}}", f"berkas: {yaml_scalar}}}"), encoding="utf-8")


def _q(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid YAML double-quoted scalar


def _link(link: Path, target: str | Path) -> str:
    link.symlink_to(target)
    return _q(str(link.relative_to(link.parent.parent)))


# name -> set up the dossier (folder, outside) and return the YAML scalar for `berkas`
Route = Callable[[Path, Path], str]
ESCAPES: dict[str, Route] = {
    "absolute-outside": lambda d, o: _q(str(o / "fifo.pdf")),
    "absolute-to-own-file": lambda d, o: _q(str(d / DPA_BERKAS)),  # absolute is refused as such
    "parent": lambda d, o: _q("../../outside/fifo.pdf"),
    "parent-after-a-folder": lambda d, o: _q("lampiran/../../../outside/fifo.pdf"),
    "parent-dot-segments": lambda d, o: _q("./lampiran/./../.././../outside/fifo.pdf"),
    "link-to-file-outside": lambda d, o: _link(d / "lampiran" / "link.pdf", o / "fifo.pdf"),
    "relative-link-outside": lambda d, o: _link(d / "lampiran" / "rel.pdf", "../../../outside/fifo.pdf"),
    "link-to-regular-secret": lambda d, o: _link(d / "lampiran" / "s.pdf", o / "secret.pdf"),
    "link-chain-outside": lambda d, o: (
        (d / "lampiran" / "b.pdf").symlink_to(o / "fifo.pdf"),
        _link(d / "lampiran" / "a.pdf", "b.pdf"),
    )[1],
    "linked-folder-outside": lambda d, o: ((d / "lampiran" / "ext").symlink_to(o), _q("lampiran/ext/fifo.pdf"))[1],
    "linked-folder-upwards": lambda d, o: (
        (d / "lampiran" / "up").symlink_to("../.."),
        _q("lampiran/up/outside/fifo.pdf"),
    )[1],
    "link-to-device": lambda d, o: _link(d / "lampiran" / "zero.pdf", "/dev/zero"),
    "windows-parent": lambda d, o: _q("..\\..\\outside\\fifo.pdf"),
    "windows-mixed": lambda d, o: _q("lampiran\\..\\../..\\outside/fifo.pdf"),
    "windows-drive": lambda d, o: _q("C:\\outside\\fifo.pdf"),
    "windows-drive-slash": lambda d, o: _q("c:/outside/fifo.pdf"),
    "windows-drive-relative": lambda d, o: _q("C:fifo.pdf"),
    "windows-unc": lambda d, o: _q("\\\\server\\share\\fifo.pdf"),
    "backslash-absolute": lambda d, o: _q("\\outside\\fifo.pdf"),
    "nul-byte": lambda d, o: '"lampiran/dpa-2024.pdf\\0../../../outside/fifo.pdf"',  # YAML's "\0" escape
    "nul-byte-only": lambda d, o: '"\\0"',
    # Not escapes, but never to be opened either:
    "fifo-inside": lambda d, o: (os.mkfifo(d / "lampiran" / "pipe.pdf"), _q("lampiran/pipe.pdf"))[1],
    "link-to-fifo-inside": lambda d, o: (
        os.mkfifo(d / "lampiran" / "pipe.pdf"),
        _link(d / "lampiran" / "l.pdf", "pipe.pdf"),
    )[1],
    "a-folder": lambda d, o: _q("lampiran"),
    "the-dossier-itself": lambda d, o: _q("."),
    "link-loop": lambda d, o: (
        (d / "lampiran" / "x.pdf").symlink_to("y.pdf"),
        _link(d / "lampiran" / "y.pdf", "x.pdf"),
    )[1],
    "name-too-long": lambda d, o: _q("lampiran/" + "x" * 5000 + ".pdf"),
}
OK = ("aa-ok", "zz-ok")


def _outside(base: Path) -> Path:
    outside = base / "outside"
    outside.mkdir()
    os.mkfifo(outside / "fifo.pdf")
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4 secret\n")
    return outside


def _build(base: Path) -> tuple[Path, Path]:
    tree, outside = base / "tree", _outside(base)
    for name in OK:
        copy_patuh(tree / name)
    for name, route in ESCAPES.items():
        folder = copy_patuh(tree / name)
        _set_berkas(folder, route(folder, outside))
    return tree, outside


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("escape")
    _build(base)
    age(base)
    cache = base / "cache"
    # A checker that opens a FIFO blocks: the time limit turns that into a failure.
    runs = [run_check("tree", "--jobs", jobs, cwd=base, cache_dir=cache, timeout=20) for jobs in ("1", "4", "4")]
    assert runs[0] == runs[1] == runs[2]  # in-process, in workers, from a warm cache
    code, report = runs[0]
    return code, by_path(report)


def test_the_batch_finishes_with_findings(batch):
    code, results = batch
    assert code == 1
    assert set(results) == {f"tree/{name}" for name in (*ESCAPES, *OK)}


@pytest.mark.parametrize("name", OK)
def test_the_compliant_dossiers_are_still_patuh(batch, name):
    _, results = batch
    assert (results[f"tree/{name}"]["verdict"], results[f"tree/{name}"]["findings"]) == ("PATUH", [])


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_every_route_out_is_k003_on_its_line(batch, name):
    _, results = batch
    result = results[f"tree/{name}"]
    assert result["verdict"] == "TIDAK_PATUH"
    assert [(f["rule"], f["field"], f["line"]) for f in result["findings"]] == [("K003", DPA_FIELD, DPA_LINE)]


# What inspect() says about each route (the report only says K003): a FIFO or a folder
# inside is "not_file", anything that would leave the folder is "outside", never read.
NOT_ESCAPES = {
    "fifo-inside": "not_file",
    "link-to-fifo-inside": "not_file",
    "a-folder": "not_file",
    "the-dossier-itself": "not_file",
    "link-loop": "unreadable",
    "name-too-long": "unreadable",
}


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_each_route_is_judged_for_what_it_is(tmp_path, name):
    outside = _outside(tmp_path)
    folder = copy_patuh(tmp_path / "d")
    berkas = yaml.safe_load(ESCAPES[name](folder, outside))
    found = attachments.inspect(folder, berkas)
    assert found.status == NOT_ESCAPES.get(name, "outside")
    assert found.sha256 is None


def test_the_nul_byte_is_shown_not_printed_raw(batch):
    _, results = batch
    (finding,) = results["tree/nul-byte"]["findings"]
    assert "\x00" not in finding["message"] and "\\0" in finding["message"]


# --------------------------------------------------------------------------- never opened


def test_nothing_outside_a_dossier_is_ever_opened(tmp_path, monkeypatch, audit):
    """Every open() while assessing: nothing under `outside`, whatever path leads there."""
    tree, outside = _build(tmp_path)
    opened: list[str] = []
    real_os_open, real_io_open = os.open, io.open

    def spy_os_open(path, *args, **kwargs):
        opened.append(os.path.realpath(path))
        return real_os_open(path, *args, **kwargs)

    def spy_io_open(file, *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)):
            opened.append(os.path.realpath(file))
        return real_io_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr(builtins, "open", spy_io_open)
    monkeypatch.setattr(io, "open", spy_io_open)
    verdicts = {name: audit(tree / name).verdict.value for name in (*ESCAPES, *OK)}
    monkeypatch.undo()
    assert not [p for p in opened if p.startswith(str(outside.resolve()) + os.sep)]
    assert any(p.endswith("dpa-2024.pdf") for p in opened)  # the spy did see the hashing
    assert {n: v for n, v in verdicts.items() if n not in OK} == dict.fromkeys(ESCAPES, "TIDAK_PATUH")


@pytest.mark.parametrize(
    "berkas, reason",
    [
        ("/etc/passwd", "absolute"),
        ("\\\\srv\\x", "absolute"),
        ("../x", "parent"),
        ("a/../../x", "parent"),
        ("..\\x", "parent"),
        ("a\\..\\..\\x", "parent"),
        ("C:\\x", "drive"),
        ("z:x", "drive"),
        ("a\x00b", "nul"),
    ],
)
def test_textual_escapes_are_judged_before_any_file_system_call(tmp_path, monkeypatch, berkas, reason):
    def refuse(*args, **kwargs):
        raise AssertionError("touched the file system")

    for name in ("stat", "lstat", "open", "readlink"):
        monkeypatch.setattr(os, name, refuse)
    found = attachments.inspect(tmp_path, berkas)
    assert (found.status, found.reason) == ("outside", reason)


@pytest.mark.parametrize("berkas", ["a/../b.pdf", "a/./b.pdf", "./b.pdf", "a\\..\\b.pdf", "a//b/..//b.pdf"])
def test_harmless_dot_segments_stay_inside(tmp_path, berkas):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b.pdf").write_bytes(b"x")
    (tmp_path / "b.pdf").write_bytes(b"x")
    assert attachments.inspect(tmp_path, berkas).status == "ok"


def test_a_link_inside_the_folder_to_a_file_inside_is_followed(tmp_path):
    (tmp_path / "real.pdf").write_bytes(b"%PDF")
    (tmp_path / "alias.pdf").symlink_to("real.pdf")
    found = attachments.inspect(tmp_path, "alias.pdf")
    assert (found.status, found.sha256) == ("ok", attachments.inspect(tmp_path, "real.pdf").sha256)


def test_a_file_swapped_for_a_fifo_after_the_check_is_still_not_waited_on(tmp_path, monkeypatch):
    """stat() saw a regular file; by the time it is opened it is a FIFO: the open must not block."""
    os.mkfifo(tmp_path / "late.pdf")
    regular = os.stat_result((0o100644, 0, 0, 1, 0, 0, 10, 0, 0, 0))
    for name in ("stat", "lstat"):  # whichever the checker asks, it sees a regular file
        real = getattr(os, name)
        monkeypatch.setattr(
            os, name, lambda p, *a, _real=real, **k: regular if str(p).endswith("late.pdf") else _real(p, *a, **k)
        )
    found = attachments.inspect(tmp_path, "late.pdf")
    assert found.status == "unreadable"
