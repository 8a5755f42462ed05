"""Hostile manifests: every one is TIDAK_DAPAT_DINILAI with a clear E finding, no traceback,
no hang, no code run, and the other dossiers of the same run are still assessed.

The batch runs the real CLI in a child process (see ``hostile_util.run_check``), so a
segfault of the C YAML composer or a hang on a FIFO fails the test instead of pytest.
"""

from __future__ import annotations

import errno
import json
import os
import random
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from lapkin_audit.load import yamlread
from lapkin_audit.load.discovery import discover
from tests.hostile_util import ROOT, age, by_path, copy_patuh, patuh_text, rules_of, run_check

MANIFEST = "dossier.yaml"


def _write(folder: Path, data: bytes | str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / MANIFEST).write_bytes(data)


def _patuh_with_line(index: int, line: str) -> str:
    """The compliant manifest with line ``index`` (1-based) replaced."""
    lines = patuh_text().splitlines(keepends=True)
    lines[index - 1] = line
    return "".join(lines)


def _alias_bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _indented_mappings(levels: int) -> str:
    """Block mappings nested by indentation only (``k:`` one space deeper each line)."""
    return "".join(" " * i + "k:\n" for i in range(levels)) + " " * levels + "v\n"


def _payload(kind: str, marker: Path) -> str:
    """A manifest whose only value would run code under an unsafe YAML loader."""
    if kind == "apply":  # os.system("touch marker")
        return f'format: 1\nsop: !!python/object/apply:os.system ["touch {marker}"]\n'
    if kind == "new":  # tuple(map(os.system, ["touch marker"])): __new__ runs the map
        return f'format: 1\nsop: !!python/object/new:tuple [!!python/object/new:map [!!python/name:os.system , ["touch {marker}"]]]\n'  # noqa: E501 - one manifest or figure line, kept whole to read it
    if kind == "mkdir":  # no shell at all: os.mkdir(marker)
        return f'format: 1\nsop: !!python/object/apply:os.mkdir ["{marker}"]\n'
    raise ValueError(kind)


PAYLOADS = ("apply", "new", "mkdir")


# name -> (build(folder, outside), expected rule, expected line: int, None (absent) or ... (any))
Builder = Callable[[Path, Path], None]
CASES: dict[str, tuple[Builder, str, object]] = {
    "empty": (lambda d, o: _write(d, b""), "E003", 1),
    "only-comment": (lambda d, o: _write(d, "# nothing here\n"), "E003", 1),
    "top-level-list": (lambda d, o: _write(d, "- format: 1\n- sop: x\n"), "E003", 1),
    "top-level-scalar": (lambda d, o: _write(d, "just some words\n"), "E003", 1),
    "top-level-int": (lambda d, o: _write(d, "42\n"), "E003", 1),
    "invalid-utf8": (
        lambda d, o: _write(d, _patuh_with_line(5, "  pemerintah: Pemerintah Kabupaten M\xe1lang\n").encode("latin-1")),
        "E001",
        5,
    ),
    "utf16-bom": (lambda d, o: _write(d, patuh_text().encode("utf-16")), "E001", None),
    "utf16-be-bom": (lambda d, o: _write(d, b"\xfe\xff" + patuh_text().encode("utf-16-be")), "E001", None),
    "utf16-no-bom": (lambda d, o: _write(d, patuh_text().encode("utf-16-le")), "E002", ...),
    "tab-indent": (lambda d, o: _write(d, _patuh_with_line(4, "\tnama: Kantor Kecamatan Karangploso\n")), "E002", 4),
    "unclosed-bracket": (
        lambda d, o: _write(d, _patuh_with_line(7, "periode: {tahun: 2024, jenis: triwulan, ke: 2\n")),
        "E002",
        ...,
    ),
    "unclosed-quote": (lambda d, o: _write(d, 'format: 1\nsop: "pelaporan-kinerja\n'), "E002", ...),
    "duplicate-key": (
        lambda d, o: _write(d, patuh_text() + "sop: pelaporan-kinerja\n"),
        "E002",
        len(patuh_text().splitlines()) + 1,
    ),
    "huge-50mb": (lambda d, o: _sparse(d / MANIFEST, 50 * 1024 * 1024), "E001", None),
    "just-over-limit": (lambda d, o: _write(d, "a: " + "x" * yamlread.MAX_BYTES + "\n"), "E001", None),
    "alias-bomb": (lambda d, o: _write(d, _alias_bomb()), "E001", None),
    "flow-20k": (lambda d, o: _write(d, "[" * 20_000 + "]" * 20_000), "E001", ...),
    "flow-map-20k": (lambda d, o: _write(d, "{a: " * 20_000 + "}" * 20_000), "E001", ...),
    "block-seq-20k": (lambda d, o: _write(d, "- " * 20_000 + "x\n"), "E001", ...),
    "block-key-20k": (lambda d, o: _write(d, "? " * 20_000 + "x\n"), "E001", ...),
    "block-map-indent-1400": (lambda d, o: _write(d, _indented_mappings(1_400)), "E001", ...),
    "flow-200k": (lambda d, o: _write(d, "[" * 200_000 + "]" * 200_000), "E001", ...),
    "block-seq-200k": (lambda d, o: _write(d, "- " * 200_000 + "x\n"), "E001", ...),
    "recursive-alias": (lambda d, o: _write(d, "format: &x [*x]\n"), "E001", ...),
    "python-apply": (lambda d, o: _write(d, _payload("apply", o / "marker-apply")), "E002", 2),
    "python-new": (lambda d, o: _write(d, _payload("new", o / "marker-new")), "E002", 2),
    "python-mkdir": (lambda d, o: _write(d, _payload("mkdir", o / "marker-mkdir")), "E002", 2),
    "manifest-is-directory": (lambda d, o: (d / MANIFEST).mkdir(parents=True), "E001", None),
    "broken-symlink": (lambda d, o: (d.mkdir(), (d / MANIFEST).symlink_to("gone.yaml")), "E001", None),
    "symlink-outside": (lambda d, o: (d.mkdir(), (d / MANIFEST).symlink_to(o / "secret.yaml")), "E001", None),
    "fifo": (lambda d, o: (d.mkdir(), os.mkfifo(d / MANIFEST)), "E001", None),
    "binary-garbage": (lambda d, o: _write(d, random.Random(5).randbytes(4096) + b"\x00" * 64), "E001", ...),
    "ascii-with-nul": (lambda d, o: _write(d, b"format: 1\nsop: pel\x00aporan\n"), "E002", ...),
    "control-chars": (lambda d, o: _write(d, b"format: 1\nsop: \x1b[31mred\x07\n"), "E002", ...),
    "two-documents": (lambda d, o: _write(d, patuh_text() + "---\nformat: 1\n"), "E002", ...),
    "bad-date": (lambda d, o: _write(d, _patuh_with_line(14, "    tanggal: 2024-02-30\n")), "E002", 14),
    "bad-bool-tag": (lambda d, o: _write(d, "format: !!bool maybe\n"), "E002", 1),
    "bad-timestamp-tag": (lambda d, o: _write(d, "format: !!timestamp soon\n"), "E002", 1),
    "sexagesimal-bomb": (lambda d, o: _write(d, "format: 1" + ":0" * 3000 + "\n"), "E002", 1),
    # Keys cerberus cannot sort its errors by (found by test_fuzz: they were E000).
    "null-key": (lambda d, o: _write(d, "~: 1\n"), "E003", ...),
    "date-key": (lambda d, o: _write(d, "2024-07-01: 1\n"), "E003", ...),
    "float-key": (lambda d, o: _write(d, "1.5: 1\n"), "E003", ...),
    "null-key-in-compliant": (
        lambda d, o: _write(d, patuh_text() + "~: 1\n"),
        "E003",
        len(patuh_text().splitlines()) + 1,
    ),
    # A value that looked like a nested message reference (found by test_fuzz: it was E000).
    "at-sign-value": (
        lambda d, o: _write(d, _patuh_with_line(7, "periode: {tahun: 2024, jenis: '@internal', ke: 2}\n")),
        "E003",
        7,
    ),
}
SECRET = "TOP-SECRET-TOKEN-d1c3"
OK = ("aa-ok", "zz-ok")  # compliant dossiers sorted before and after the hostile ones


def _sparse(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.truncate(size)  # a hole: 50 MB on paper, nothing on disk


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One run over a tree holding every hostile manifest and two compliant dossiers."""
    base = tmp_path_factory.mktemp("hostile")
    tree, outside = base / "tree", base / "outside"
    tree.mkdir()
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"{SECRET}: {SECRET}\n")
    for name in OK:
        copy_patuh(tree / name)
    for name, (build, _, _) in CASES.items():
        build(tree / name, outside)
    age(base)
    cache = base / "cache"
    runs = [run_check("tree", "--jobs", jobs, cwd=base, cache_dir=cache) for jobs in ("1", "4", "4")]
    # In this process or in workers, with a cold cache or a warm one: the same report.
    assert runs[0] == runs[1] == runs[2]
    code, report = runs[0]
    return code, by_path(report), outside


def test_batch_exit_status_is_findings_not_failure(batch):
    code, results, _ = batch
    assert code == 1
    assert set(results) == {f"tree/{name}" for name in (*CASES, *OK)}


# Manifests as offices save them, which must read exactly as the plain compliant one.
def _with_bom(d: Path, o: Path) -> None:
    copy_patuh(d)
    (d / MANIFEST).write_bytes(b"\xef\xbb\xbf" + patuh_text().encode())  # Notepad's UTF-8


def _with_crlf(d: Path, o: Path) -> None:
    copy_patuh(d)
    (d / MANIFEST).write_bytes(patuh_text().replace("\n", "\r\n").encode())


READ_AS_PATUH: dict[str, Builder] = {"utf8-bom": _with_bom, "crlf": _with_crlf}


@pytest.mark.parametrize("name", sorted(READ_AS_PATUH))
def test_office_encodings_read_as_the_plain_manifest(tmp_path, name):
    READ_AS_PATUH[name](tmp_path / name, tmp_path)
    code, report = run_check(name, cwd=tmp_path)
    (result,) = report["dossiers"]
    assert (code, result["verdict"], result["findings"]) == (0, "PATUH", [])


@pytest.mark.parametrize("name", OK)
def test_other_dossiers_are_still_assessed(batch, name):
    _, results, _ = batch
    result = results[f"tree/{name}"]
    assert (result["verdict"], result["findings"]) == ("PATUH", [])


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_manifest_cannot_be_assessed(batch, name):
    _, results, _ = batch
    _, rule, line = CASES[name]
    result = results[f"tree/{name}"]
    assert result["verdict"] == "TIDAK_DAPAT_DINILAI"
    assert rules_of(result) and set(rules_of(result)) == {rule}, result["findings"]
    assert all(f["severity"] == "error" and f["message"] for f in result["findings"])
    if line is not ...:
        assert result["findings"][0]["line"] == line, result["findings"]


def test_duplicate_key_names_the_key_and_the_second_line(batch):
    _, results, _ = batch
    (finding,) = results["tree/duplicate-key"]["findings"]
    assert finding["line"] == len(patuh_text().splitlines()) + 1
    assert "sop" in finding["message"] and "2" in finding["message"]  # the key and its first line


def test_values_are_quoted_never_interpreted(batch):
    _, results, _ = batch
    (finding,) = results["tree/at-sign-value"]["findings"]
    assert "@internal" in finding["message"] and finding["field"] == "periode.jenis"


def test_no_payload_ran(batch):
    _, _, outside = batch
    assert sorted(p.name for p in outside.iterdir()) == ["secret.yaml"]


def test_a_manifest_linked_from_outside_is_not_read(batch):
    _, results, _ = batch
    assert SECRET not in json.dumps(results)


@pytest.mark.parametrize("kind", PAYLOADS)
def test_the_payloads_are_live_under_an_unsafe_loader(tmp_path, kind):
    """Control: the same text does run code when loaded unsafely, so the test above can fail."""
    marker = tmp_path / f"marker-{kind}"
    yaml.unsafe_load(_payload(kind, marker))
    assert marker.exists()


def test_a_link_to_a_manifest_inside_the_folder_is_fine(tmp_path):
    folder = copy_patuh(tmp_path / "d")
    (folder / MANIFEST).rename(folder / "real.yaml")
    (folder / MANIFEST).symlink_to("real.yaml")
    _, report = run_check(str(folder))
    assert report["dossiers"][0]["verdict"] == "PATUH"


# --------------------------------------------------------------------------- read limits


def test_a_huge_manifest_is_never_opened(tmp_path, monkeypatch):
    path = tmp_path / MANIFEST
    _sparse(path, 50 * 1024 * 1024)
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda p, *a, **k: (opened.append(os.fspath(p)), real_open(p, *a, **k))[1])
    problem = yamlread.read_text(path)
    assert isinstance(problem, yamlread.ReadProblem)
    assert (problem.kind, problem.message, problem.args["size"]) == (
        yamlread.UNREADABLE,
        "read.too_large",
        50 * 1024 * 1024,
    )
    assert opened == []


def test_a_manifest_that_grows_after_stat_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """stat() said small, the file is huge by the time it is read: at most limit+1 bytes are read."""
    path = tmp_path / MANIFEST
    _sparse(path, 50 * 1024 * 1024)
    real_stat = os.stat_result
    small = real_stat((0o100644, 0, 0, 1, 0, 0, 100, 0, 0, 0))
    monkeypatch.setattr(type(path), "stat", lambda self, **k: small)
    read = []
    real_fdopen = os.fdopen

    class Counting:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def fileno(self):
            return self.handle.fileno()

        def read(self, size=-1):
            data = self.handle.read(size)
            read.append(len(data))
            return data

    monkeypatch.setattr(yamlread.os, "fdopen", lambda fd, *a, **k: Counting(real_fdopen(fd, *a, **k)))
    problem = yamlread.read_text(path)
    assert isinstance(problem, yamlread.ReadProblem) and problem.message == "read.too_large"
    assert 0 < sum(read) <= yamlread.MAX_BYTES + 1


def test_limits_are_the_documented_ones():
    assert (yamlread.MAX_BYTES, yamlread.MAX_NODES, yamlread.MAX_DEPTH) == (1024 * 1024, 100_000, 64)


def test_a_file_just_under_the_size_limit_is_read(tmp_path):
    path = tmp_path / MANIFEST
    path.write_text("a: " + "x" * (yamlread.MAX_BYTES - 4) + "\n")
    assert isinstance(yamlread.read_text(path), str)


# --------------------------------------------------------------------------- deep nesting


DEEP_SCRIPT = textwrap.dedent(
    """
    import json, sys, threading
    from lapkin_audit.load import yamlread

    def indented(levels):
        return "".join(" " * i + "k:\\n" for i in range(levels)) + " " * levels + "v\\n"

    N = yamlread._COMPOSER_SAFE_OPENERS - 1  # the deepest input composed without the event pre-pass
    texts = {
        "flow-just-under-guard": "[" * N + "]" * N,
        "block-just-under-guard": "- " * N + "x",
        "indented-1400": indented(1400),
        "flow-20k": "[" * 20000 + "]" * 20000,
        "map-20k": "{a: " * 20000 + "}" * 20000,
        "block-20k": "- " * 20000 + "x",
        "key-20k": "? " * 20000 + "x",
        "mixed-20k": "{a: [" * 10000 + "]}" * 10000,
        "flow-200k": "[" * 200000 + "]" * 200000,
        "block-200k": "- " * 200000 + "x",
    }
    out = {}

    def run():
        for name, text in texts.items():
            value, lines, problems = yamlread.parse(text)
            out[name] = [(p.kind, p.message) for p in problems]

    # A 1 MiB stack, as a worker thread may have: the guard must leave a wide margin.
    threading.stack_size(1024 * 1024)
    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    print(json.dumps(out))
    """
)


def test_deep_nesting_never_crashes_the_composer_even_on_a_small_stack():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-c", DEEP_SCRIPT], env=env, capture_output=True, timeout=600)
    except subprocess.TimeoutExpired:
        pytest.fail("parsing deep YAML did not finish")
    assert done.returncode == 0, (
        f"child died with {done.returncode} (negative: a signal, e.g. SIGSEGV): {done.stderr[-2000:]!r}"
    )
    results = json.loads(done.stdout)
    assert len(results) == 10
    for name, problems in results.items():
        assert problems == [["unreadable", "read.too_deep"]], name


def test_the_depth_guard_counts_every_character_that_can_open_a_collection():
    # libyaml only opens a collection at one of these; nothing else can nest cheaply.
    assert set(yamlread._OPENERS) == set("[{-?:")


# --------------------------------------------------------------------------- permissions


def test_unreadable_manifest_for_real(tmp_path):
    if os.geteuid() == 0:
        pytest.skip(
            "running as root, which reads mode-000 files; the code path is tested by the monkeypatched test below"
        )
    folder = copy_patuh(tmp_path / "d")
    (folder / MANIFEST).chmod(0)
    try:
        _, report = run_check(str(folder))
    finally:
        (folder / MANIFEST).chmod(0o644)
    (result,) = report["dossiers"]
    assert (result["verdict"], rules_of(result)) == ("TIDAK_DAPAT_DINILAI", ["E001"])


def test_unreadable_manifest_is_e001_and_the_batch_goes_on(tmp_path, monkeypatch, run_json):
    copy_patuh(tmp_path / "a")
    locked = copy_patuh(tmp_path / "b") / MANIFEST
    copy_patuh(tmp_path / "c")
    real_open = os.open

    def denying_open(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denying_open)
    monkeypatch.setattr(os, "supports_dir_fd", os.supports_dir_fd | {denying_open})  # as os.open does
    code, report = run_json("--lang", "en", str(tmp_path))
    results = by_path(report)
    assert code == 1
    assert results[str(tmp_path / "b")]["verdict"] == "TIDAK_DAPAT_DINILAI"
    assert rules_of(results[str(tmp_path / "b")]) == ["E001"]
    assert "Permission denied" in results[str(tmp_path / "b")]["findings"][0]["message"]  # the OS's reason, not ours
    assert [results[str(tmp_path / n)]["verdict"] for n in "ac"] == ["PATUH", "PATUH"]


# --------------------------------------------------------------------------- discovery


def test_a_folder_that_cannot_be_listed_is_reported_not_skipped(tmp_path, monkeypatch):
    copy_patuh(tmp_path / "a")
    hidden = copy_patuh(tmp_path / "b")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(hidden):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert [t.display for t in discover([str(tmp_path)])] == [str(tmp_path / "a"), str(tmp_path / "b")]


def test_an_unlistable_folder_without_a_manifest_is_reported_as_unlisted(tmp_path, monkeypatch, run_json):
    # It may hold dossiers no one can see: a partial audit must not look clean.
    (tmp_path / "empty").mkdir()
    copy_patuh(tmp_path / "ok")
    real_scandir = os.scandir
    monkeypatch.setattr(
        os,
        "scandir",
        lambda p=".": (
            (_ for _ in ()).throw(PermissionError(errno.EACCES, "no"))
            if os.fspath(p).endswith("empty")
            else real_scandir(p)
        ),
    )
    (target, ok) = discover([str(tmp_path)])
    assert (target.display, target.unlisted, ok.unlisted) == (str(tmp_path / "empty"), True, False)
    code, report = run_json("--no-cache", "--lang", "en", str(tmp_path))
    assert code == 1
    empty = next(d for d in report["dossiers"] if d["path"].endswith("empty"))
    assert empty["verdict"] == "TIDAK_DAPAT_DINILAI" and empty["findings"][0]["rule"] == "E001"
    assert "cannot be listed" in empty["findings"][0]["message"]


def test_a_very_deep_folder_tree_is_searched_without_recursion(tmp_path):
    """os.walk recurses once per level: 1,100 nested folders ended the run with RecursionError."""
    folder = tmp_path
    levels = 1_100
    for _ in range(levels):
        folder = folder / "a"
        folder.mkdir()
    (folder / MANIFEST).write_text(patuh_text())
    try:
        _, report = run_check("a", cwd=tmp_path)
        (result,) = report["dossiers"]
        assert result["path"] == "/".join(["a"] * levels)
        assert result["verdict"] == "TIDAK_PATUH"  # assessed: only its attachments are missing
        assert set(rules_of(result)) == {"K003"}
    finally:  # shutil.rmtree recurses too; take the tree down from the bottom
        (folder / MANIFEST).unlink()
        while folder != tmp_path:
            folder.rmdir()
            folder = folder.parent


def test_a_folder_name_that_is_not_utf8_is_reported_and_written(tmp_path):
    base = os.fsencode(tmp_path)
    os.mkdir(base + b"/tree")
    os.mkdir(base + b"/tree/kec-\xff\xfe")
    copy_patuh(tmp_path / "tree" / "ok")
    (Path(os.fsdecode(base + b"/tree/kec-\xff\xfe")) / MANIFEST).write_text(patuh_text())
    out = tmp_path / "report.json"
    code, _ = run_check("tree", "--output", str(out), cwd=tmp_path)
    report = json.loads(out.read_text(encoding="utf-8"))
    results = by_path(report)
    assert set(results) == {"tree/kec-\\xff\\xfe", "tree/ok"}
    assert results["tree/kec-\\xff\\xfe"]["verdict"] == "TIDAK_PATUH"  # read and assessed: no attachments
    assert results["tree/ok"]["verdict"] == "PATUH"
    assert code == 1


def test_a_folder_name_with_control_characters_cannot_forge_report_lines(tmp_path):
    forged = "kec\nfake/ok    PATUH\x1b[2J\r"
    (tmp_path / "tree" / forged).mkdir(parents=True)
    (tmp_path / "tree" / forged / MANIFEST).write_text("[]\n")
    copy_patuh(tmp_path / "tree" / "ok")
    code, report = run_check("tree", cwd=tmp_path)
    paths = sorted(by_path(report))
    assert paths == ["tree/kec\\x0afake/ok    PATUH\\x1b[2J\\x0d", "tree/ok"]
    assert code == 1


def test_two_manifests_in_one_folder_given_directly_are_both_assessed(tmp_path):
    folder = copy_patuh(tmp_path / "d")
    (folder / "other.yaml").write_text("[not a mapping]\n")
    targets = discover([str(folder / MANIFEST), str(folder / "other.yaml")])
    assert [t.manifest.name for t in targets] == [MANIFEST, "other.yaml"]
