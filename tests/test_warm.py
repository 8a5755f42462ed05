"""The warm reader (lapkin_audit.evidence.warm, .server): one process per Reader with the
readers' libraries loaded, forking a limited child per dossier; the same facts as a fresh
child, the same guarantees against hostile files, and no process left behind."""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lapkin_audit.evidence import codec, process, read, warm
from lapkin_audit.evidence.limits import Limits
from tests.helpers import FIXTURES, ROOT, TTE_RULES
from tests.hostile_util import await_none, kill_marked, parent_of, processes_with

sys.path.insert(0, str(ROOT / "scripts"))
import fixture_documents as docs

pytestmark = pytest.mark.skipif(not warm.possible(), reason="the warm reader needs Linux")
TESSDATA = read.tessdata_dir()
HANG_GUARD = 600  # seconds: only a hung reader reaches it, however busy the machine
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_THREAD_LIMIT": "1"}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _item(data: bytes) -> tuple[bytes, str]:
    return data, _sha(data)


def _server(answer: str) -> tuple[str, ...]:
    """A warm process whose children answer with ``answer`` (Python source defining
    ``answer(raw, out)``) instead of reading."""
    script = f"import sys\nfrom lapkin_audit.evidence import child, server\n{answer}\nchild.answer = answer\n"
    return (sys.executable, "-c", script + "sys.exit(server.main())")


def _children(pid: int) -> list[int]:
    return [int(e.name) for e in Path("/proc").iterdir() if e.name.isdigit() and parent_of(int(e.name)) == pid]


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


def _await_only(marker: str, pids: list[int], within: float = 60.0) -> list[int]:
    """Wait until the processes holding ``marker`` are ``pids`` (others may take a moment to
    die); those holding it then."""
    deadline = time.monotonic() + within
    while True:
        left = sorted(pid for pid in processes_with(marker) if not _gone(pid))
        if left == sorted(pids) or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


def _reaped(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.fixture
def marker(monkeypatch):
    """A mark in the environment of every process the test starts; all ended at its end."""
    mark = f"lapkin-test-{os.getpid()}-{time.monotonic_ns()}"
    monkeypatch.setenv("LAPKIN_TEST_MARKER", mark)
    yield mark
    kill_marked(mark)


# ----------------------------------------------------------------------------- the same facts


def _fixture_contents() -> list[bytes]:
    paths = sorted({*FIXTURES.glob("*/lampiran/*"), *(ROOT / "fixtures" / "tte" / "berkas").glob("*.pdf")})
    return list({_sha(p.read_bytes()): p.read_bytes() for p in paths if p.is_file()}.values())


def test_the_warm_reader_gives_a_fresh_childs_facts_byte_for_byte():
    """Every distinct attachment of the fixtures (text PDFs, DOCX, scans read by OCR where
    Tesseract is installed, signed PDFs judged against the fixtures' trust, damaged files)."""
    from lapkin_audit.load.sop import load_rulebook

    trust = load_rulebook([TTE_RULES]).sops["pelaporan-kinerja"].tte
    items = [_item(data) for data in _fixture_contents()]
    assert len(items) > 30
    with read.Reader(trust=trust, tessdata=TESSDATA) as warm_reader:
        warmed = warm_reader.read_in_children(items)
        assert warm_reader.warm is not None and warm_reader.warm.started == 1 and warm_reader.warm.broken is None
    fresh = read.Reader(trust=trust, tessdata=TESSDATA, warm=None).read_in_children(items)
    assert [codec.facts_message(f) for f in warmed] == [codec.facts_message(f) for f in fresh]
    assert any(f.signatures for f in warmed) and any(f.problem == "damaged" for f in warmed)
    if TESSDATA is not None:
        assert any(f.text_source == "ocr" for f in warmed)


# ----------------------------------------------------------------------------- one process, lazily


def test_one_warm_process_per_reader_started_when_first_needed_and_ended_by_close():
    reader = read.Reader(tessdata=TESSDATA)
    assert reader.warm is not None
    assert reader.warm.started == 0 and reader.warm.pids() == []  # nothing before there is something to read
    text = docs.text_pdf([docs.sk_lines()])
    signed = (FIXTURES / "patuh-tte" / "lampiran" / "lkj-2024-tw2-ttd.pdf").read_bytes()
    scan = docs.scanned_pdf(["TANDA TERIMA", "Laporan Kinerja Triwulan II Tahun 2024"])
    for data in (text, signed, scan):
        [facts] = reader.read_in_children([_item(data)])
        assert facts.problem in (None, "no_ocr")
        [pid] = reader.warm.pids()
        # a child of this process, alone in its group, and still with one thread after a
        # signed PDF (pyHanko loaded) and a scan (OCR ran in the child, never here)
        assert parent_of(pid) == os.getpid() and os.getpgid(pid) == pid and _threads(pid) == 1
    assert reader.warm.started == 1
    reader.close()
    assert reader.warm.pids() == [] and _gone(pid)


def test_the_module_api_shares_one_warm_process(monkeypatch):
    monkeypatch.setattr(read, "_memo", type(read._memo)())
    read.close()
    before = read._warm.started
    for n in range(3):
        data = docs.text_pdf([[f"Laporan nomor {n}, halaman satu."]])
        assert read.facts_for(data, _sha(data)).problem is None
    assert read._warm.started == before + 1 and len(read._warm.pids()) == 1


def test_a_reader_travels_without_its_process():
    reader = read.Reader()
    reader.read_in_children([_item(docs.text_pdf([["Halo, dunia."]]))])
    copy = pickle.loads(pickle.dumps(reader))
    assert copy.warm is not None and copy.warm.pids() == [] and copy.warm.started == 0
    reader.close()


# ----------------------------------------------------------------------------- limits in the child


LIMITS_ANSWER = """
def answer(raw, out):
    import ctypes, json, os, resource
    signal = ctypes.c_int()
    ctypes.CDLL(None).prctl(2, ctypes.byref(signal), 0, 0, 0)  # PR_GET_PDEATHSIG
    said = {
        "as": resource.getrlimit(resource.RLIMIT_AS), "cpu": resource.getrlimit(resource.RLIMIT_CPU),
        "core": resource.getrlimit(resource.RLIMIT_CORE), "pid": os.getpid(), "pgid": os.getpgid(0),
        "ppid": os.getppid(), "pdeathsig": signal.value, "request": raw.decode(),
    }
    out.write(json.dumps(said).encode() + b"\\n")
    return 0
"""


def _limits_of(pid: int) -> dict[str, str]:
    lines = Path(f"/proc/{pid}/limits").read_text().splitlines()[1:]
    return {line[:26].strip(): line[26:47].strip() for line in lines}


def test_limits_are_set_in_the_child_after_the_fork_never_in_the_warm_process():
    pool = warm.Warm(_server(LIMITS_ANSWER))
    with pool.lease(None, ENV) as server:
        assert server is not None
        spawn = functools.partial(server.spawn, documents=1, load=())
        memory = 300 * 1024 * 1024
        ended = process.run(
            (), b"the request", ENV, memory=memory, cpu=(20, 45), wall=HANG_GUARD, on_line=lambda line: None,
            max_output=1 << 20, spawn=spawn,
        )  # fmt: skip
        said = json.loads(ended.lines[0])
        assert (ended.returncode, ended.stopped, said["request"]) == (0, None, "the request")
        assert said["as"] == [memory, memory] and said["cpu"] == [21, 46] and said["core"] == [0, 0]
        assert said["pgid"] == said["pid"] and said["ppid"] == server.pid
        assert said["pdeathsig"] == signal.SIGKILL
        # the warm process itself keeps the limits it started with (this process's)
        mine, its = _limits_of(os.getpid()), _limits_of(server.pid)
        assert its["Max address space"] == mine["Max address space"] and its["Max cpu time"] == mine["Max cpu time"]
    pool.close()


# ----------------------------------------------------------------------------- hostile files


def test_a_document_that_kills_its_child_costs_only_that_child(monkeypatch):
    """As with fresh children: the documents before it keep their facts, those after it are
    read by a new child, it is never read again; and the warm process lives on."""
    first, hostile, last = (
        docs.text_pdf([["Laporan pertama, halaman satu."]]),
        docs.self_drawing_pdf(["Laporan berbahaya"]),
        docs.text_pdf([["Laporan terakhir, halaman satu."]]),
    )
    limits = Limits(cpu_base=3, cpu_per_page=1, memory=400 * 1024 * 1024)
    fresh = read.Reader(limits, warm=None).read_in_children([_item(first), _item(last)])
    spawned: list[int] = []
    original = process.run

    def counting(command, payload, env, **kwargs):  # type: ignore[no-untyped-def]
        assert kwargs["spawn"] is not None  # forked by the warm process
        spawned.append(len(codec.decode_request(payload).documents))
        return original(command, payload, env, **kwargs)

    monkeypatch.setattr(process, "run", counting)
    with read.Reader(limits) as reader:
        facts = reader.read_in_children([_item(first), _item(hostile), _item(last)])
        assert reader.warm is not None and reader.warm.started == 1 and len(reader.warm.pids()) == 1
    assert [f.problem for f in facts] in ([None, p, None] for p in ("memory", "crashed", "timeout"))
    assert spawned == [3, 1]
    assert [facts[0], facts[2]] == fresh


HANG_ANSWER = """
def answer(raw, out):
    import subprocess, time
    from lapkin_audit.evidence import codec
    out.write(codec.reading(0, 1))
    out.flush()
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])  # holds the output
    time.sleep(600)
"""


@pytest.mark.parametrize("pidfd", [True, False], ids=["pidfd", "polling"])
def test_a_hung_warm_child_is_ended_with_its_group_by_the_wall_guard(marker, pidfd):
    """Where the kernel has no pidfd the warm process looks for its child's end every 10 ms."""
    pool = warm.Warm(_server(HANG_ANSWER + ("" if pidfd else "import os\ndel os.pidfd_open\n")))
    reader = read.Reader(Limits(cpu_base=1, wall_factor=1, wall_slack=2), warm=pool)
    [facts] = reader.read_in_children([(b"%PDF-1.4 hang", "0" * 64)])
    assert facts.problem == "timeout"
    [server] = pool.pids()  # kept: its child was reported ended
    assert _await_only(marker, [server]) == [server]  # the child and the process it started are gone
    reader.close()
    assert await_none(marker) == []


KILLS_ITS_SERVER = """
def answer(raw, out):
    import os, signal, time
    from lapkin_audit.evidence import codec
    flag = os.environ.get("LAPKIN_TEST_FLAG")
    if flag is None or os.path.exists(flag):
        if flag is not None:
            os.remove(flag)
        out.write(codec.reading(0, 1))
        out.flush()
        os.kill(os.getppid(), signal.SIGKILL)  # the warm process dies; this child with it
        time.sleep(600)
    return child_answer(raw, out)
"""


def _killing_server() -> tuple[str, ...]:
    return _server("child_answer = child.answer\n" + KILLS_ITS_SERVER)


def test_a_warm_process_that_dies_mid_reading_is_replaced_and_the_documents_read_again(tmp_path, monkeypatch, marker):
    flag = tmp_path / "flag"
    flag.touch()
    monkeypatch.setenv("LAPKIN_TEST_FLAG", str(flag))
    data = docs.text_pdf([["Laporan, halaman satu."]])
    with read.Reader(warm=warm.Warm(_killing_server())) as reader:
        [facts] = reader.read_in_children([_item(data)])
        assert reader.warm is not None and reader.warm.started == 2
    assert facts == read.Reader(warm=None).read_in_children([_item(data)])[0]  # not the document's fault
    assert await_none(marker) == []


def test_a_warm_process_that_dies_twice_is_the_checkers_failure(monkeypatch, marker):
    monkeypatch.delenv("LAPKIN_TEST_FLAG", raising=False)
    with read.Reader(warm=warm.Warm(_killing_server())) as reader:
        with pytest.raises(read.ReaderFailure, match="died while reading"):
            reader.read_in_children([_item(docs.text_pdf([["Laporan, halaman satu."]]))])
    assert await_none(marker) == []


MEET = """
def answer(raw, out):
    import os, time
    folder = os.environ["LAPKIN_TEST_MEET"]
    open(os.path.join(folder, str(os.getpid())), "w").close()
    deadline = time.monotonic() + 300  # only a reader that serves one thread at a time reaches it
    while len(os.listdir(folder)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    return child_answer(raw, out)
"""


def test_two_threads_reading_at_once_each_get_a_warm_process(tmp_path, monkeypatch):
    """Each child waits until the other one has started: they can only both finish if
    the two readings run side by side, in two warm processes."""
    import threading

    meet = tmp_path / "meet"
    meet.mkdir()
    monkeypatch.setenv("LAPKIN_TEST_MEET", str(meet))
    pool = warm.Warm(_server("child_answer = child.answer\n" + MEET))
    contents = [docs.text_pdf([[f"Laporan nomor {n}, halaman satu."]]) for n in range(2)]
    found: dict[int, list[object]] = {}
    with read.Reader(warm=pool) as reader:
        threads = [
            threading.Thread(target=lambda n=n: found.setdefault(n, reader.read_in_children([_item(contents[n])])))
            for n in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(HANG_GUARD)
        assert pool.started == 2 and len(pool.pids()) == 2
    assert len(os.listdir(meet)) == 2
    fresh = read.Reader(warm=None).read_in_children([_item(data) for data in contents])
    assert [found[0][0], found[1][0]] == fresh


# ----------------------------------------------------------------------------- ends with its owner


OWNER = """
import hashlib, os, sys, time
from lapkin_audit.evidence import read
data = open(sys.argv[1], "rb").read()
reader = read.Reader()
reader.read_in_children([(data, hashlib.sha256(data).hexdigest())])
print(reader.warm.pids()[0], flush=True)
if sys.argv[2] == "wait":
    time.sleep(600)
"""


@pytest.mark.parametrize("end", ["killed", "exits"])
def test_the_warm_process_ends_with_its_owner(tmp_path, marker, end):
    """SIGKILL to the owner (the kernel ends the warm process), or the owner's ordinary
    exit without close(): nothing is left."""
    document = tmp_path / "laporan.pdf"
    document.write_bytes(docs.text_pdf([["Laporan, halaman satu."]]))
    command = [sys.executable, "-c", OWNER, str(document), "wait" if end == "killed" else "exit"]
    owner = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE)
    try:
        assert owner.stdout is not None
        server = int(owner.stdout.readline())
        assert parent_of(server) == owner.pid
        if end == "killed":
            owner.kill()
        assert owner.wait(HANG_GUARD) in (0, -signal.SIGKILL)
        assert await_none(marker) == []
    finally:
        kill_marked(marker)
        owner.communicate()


FORKED = """
import hashlib, json, os, sys
from lapkin_audit.evidence import read
from tests.hostile_util import parent_of
data = open(sys.argv[1], "rb").read()
item = [(data, hashlib.sha256(data).hexdigest())]
reader = read.Reader()
reader.read_in_children(item)
[mine] = reader.warm.pids()
worker = os.fork()
if worker == 0:
    facts = reader.read_in_children(item)
    [its] = reader.warm.pids()
    print(json.dumps({"its": its, "its_parent": parent_of(its), "worker": os.getpid(), "ok": facts[0].problem is None}))
    reader.close()
    os._exit(0)
os.waitpid(worker, 0)
reader.read_in_children(item)
print(json.dumps({"mine": mine, "still": reader.warm.pids(), "started": reader.warm.started}))
"""


def test_a_forked_worker_starts_its_own_warm_process_and_leaves_the_parents_alone(tmp_path, marker):
    document = tmp_path / "laporan.pdf"
    document.write_bytes(docs.text_pdf([["Laporan, halaman satu."]]))
    done = subprocess.run(
        [sys.executable, "-c", FORKED, str(document)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=HANG_GUARD,
    )
    assert done.returncode == 0, done.stderr
    worker, owner = (json.loads(line) for line in done.stdout.splitlines())
    assert worker["ok"] and worker["its_parent"] == worker["worker"] and worker["its"] != owner["mine"]
    assert owner["still"] == [owner["mine"]] and owner["started"] == 1
    assert await_none(marker) == []


# ----------------------------------------------------------------------------- recycled, or none


@pytest.mark.parametrize(("documents", "memory", "started"), [(2, warm.RECYCLE_MEMORY, 2), (1000, 1, 3)])
def test_a_warm_process_is_recycled_after_its_documents_or_its_memory(monkeypatch, documents, memory, started):
    pids: list[int] = []

    class Recorded(warm._Process):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            pids.append(self.pid)

    monkeypatch.setattr(warm, "_Process", Recorded)
    pool = warm.Warm(documents=documents, memory=memory)
    with read.Reader(warm=pool) as reader:
        for n in range(3):
            data = docs.text_pdf([[f"Laporan nomor {n}, halaman satu."]])
            assert reader.read_in_children([_item(data)])[0].problem is None
            assert all(_reaped(pid) for pid in pids if pid not in pool.pids())  # a replaced one is reaped
        assert pool.started == len(pids) == started
    assert all(_reaped(pid) for pid in pids)


def test_without_fork_the_reader_starts_a_fresh_child(monkeypatch):
    spawns: list[object] = []
    original = process.run

    def recording(command, payload, env, **kwargs):  # type: ignore[no-untyped-def]
        spawns.append(kwargs.get("spawn"))
        return original(command, payload, env, **kwargs)

    monkeypatch.setattr(process, "run", recording)
    monkeypatch.setattr(warm, "possible", lambda: False)  # as on Windows
    data = docs.text_pdf([["Laporan, halaman satu."]])
    with read.Reader() as reader:
        [facts] = reader.read_in_children([_item(data)])
        assert reader.warm is not None and reader.warm.started == 0
    assert spawns == [None] and facts.problem is None


def test_a_warm_process_that_cannot_start_leaves_the_reading_to_fresh_children():
    pool = warm.Warm((sys.executable, "-c", "import sys; sys.stderr.write('no libraries here'); sys.exit(3)"))
    data = docs.text_pdf([["Laporan, halaman satu."]])
    with read.Reader(warm=pool) as reader:
        [facts] = reader.read_in_children([_item(data)])
    assert facts.problem is None and pool.broken is not None and "no libraries here" in pool.broken


IMPORTS = """
import hashlib, json, sys
from pathlib import Path
sys.path.insert(0, "scripts")
from lapkin_audit.evidence import child, read, server
from lapkin_audit.evidence.ocr import Ocr
from lapkin_audit.load.sop import load_rulebook
import fixture_documents as docs
from tests.test_warm import _fixture_contents

tessdata = read.tessdata_dir()
trust = load_rulebook([Path("fixtures/tte/aturan-uji")]).sops["pelaporan-kinerja"].tte
contents = [*_fixture_contents(), docs.scans_pdf(docs.long_scan(3))]
server.preload(tessdata)
server.load(["signatures"])
before = set(sys.modules)
ocr = Ocr(tessdata, 2)  # a scan's pages two at a time, as with --jobs 2
for data in contents:
    child.read(data, hashlib.sha256(data).hexdigest(), tessdata, (list(trust.roots), list(trust.crls)), ocr=ocr)
ocr.close()
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_a_child_imports_nothing_the_warm_process_has_not():
    """Reading every fixture (signed PDFs, DOCX, scans with two OCR workers) after what the
    warm process loads imports no module: a child pays no import of its own."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS],
        cwd=ROOT,
        env={**ENV, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=HANG_GUARD,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


THREAD_ON_LOAD = """
import threading, time
loaded = server.load


def load(names):
    loaded(names)
    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()  # as a library might


server.load = load
"""


def test_a_warm_process_that_gains_a_thread_refuses_to_fork_and_fresh_children_read():
    pool = warm.Warm(_server("answer = child.answer\n" + THREAD_ON_LOAD))
    data = docs.text_pdf([["Laporan, halaman satu."]])
    with read.Reader(warm=pool) as reader:
        [facts] = reader.read_in_children([_item(data)])
        [again] = reader.read_in_children([_item(data)])
    assert pool.broken is not None and "2 threads" in pool.broken and pool.started == 1
    assert facts == again == read.Reader(warm=None).read_in_children([_item(data)])[0]


def test_the_signature_libraries_list_names_every_lazy_import():
    """The warm process imports ``signatures.LIBRARIES`` before it forks for a signed PDF:
    a module imported lazily in the signature code but missing there would be imported by
    every child again."""
    from lapkin_audit.evidence import signatures

    lazy = set()
    for name in ("signatures", "revocation"):
        tree = ast.parse((ROOT / "lapkin_audit" / "evidence" / f"{name}.py").read_text(encoding="utf-8"))
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and node.module and not node.module.startswith("lapkin_audit"):
                    lazy |= {
                        f"{node.module}.{a.name}" if node.module == "asn1crypto" else node.module for a in node.names
                    }
    assert lazy and lazy <= set(signatures.LIBRARIES)
