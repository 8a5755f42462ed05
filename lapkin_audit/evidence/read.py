"""Reading attachments into facts in child processes, under limits, once per content.

Each distinct content (SHA-256) is parsed at most once per process (a memo) and, with a
facts cache, once across dossiers and runs. Parsing runs in a child process
(``evidence.child``) with a memory limit (RLIMIT_AS), a CPU-time limit (RLIMIT_CPU) and a
wall-clock timeout; PDFium is not thread-safe, and a hostile file may loop, swell or
crash its parser: in a child that costs the child, and the document is reported as not
read (B006) or not a document (B001), never the batch.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import signal
import subprocess
import sys
from collections import OrderedDict
from pathlib import Path

from lapkin_audit.evidence.cache import FactsCache
from lapkin_audit.evidence.facts import DocumentFacts, facts_from_json
from lapkin_audit.model import TteTrust

__all__ = ["DocumentFacts", "facts_for", "facts_for_many", "known", "ocr_fingerprint", "read_in_child", "tessdata_dir"]

MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space for one child
# A child that reaches a limit with several documents is run again for each alone, so a
# hostile file may cost two limits: both together stay well inside a dossier's 60 s budget.
CPU_LIMIT = 15  # seconds of CPU time for one child
WALL_LIMIT = 20.0  # seconds on the clock for one child (it may wait on nothing)
MEMO_SIZE = 256  # facts kept in memory per process (a batch shares attachments across dossiers)
# The child's command line (tests replace it with children that crash, hang or swell).
CHILD = (sys.executable, "-m", "lapkin_audit.evidence.child")
# Where Tesseract's models are looked for, after $TESSDATA_PREFIX (README: installing OCR).
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    r"C:\Program Files\Tesseract-OCR\tessdata",
)
OCR_MODEL = "ind.traineddata"


@functools.cache
def tessdata_dir() -> str | None:
    """The folder holding Tesseract's Indonesian model, when OCR is possible here; else None."""
    if importlib.util.find_spec("tesserocr") is None:
        return None
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS]
    for folder in candidates:
        if folder and os.path.isfile(os.path.join(folder, OCR_MODEL)):
            return folder.rstrip("/\\") + os.sep
    return None


def ocr_fingerprint() -> str:
    """What OCR results depend on beside the bytes (the result cache keys on it)."""
    folder = tessdata_dir()
    if folder is None:
        return "no-ocr"
    info = os.stat(os.path.join(folder, OCR_MODEL))
    return f"{folder}:{info.st_size}:{info.st_mtime_ns}"


_memo: OrderedDict[str, DocumentFacts] = OrderedDict()


def known(sha256: str, cache: FactsCache | None = None, trust: TteTrust | None = None) -> DocumentFacts | None:
    """The facts of a content already read (the memo, then the cache), without its bytes."""
    setup = _setup(trust)
    found = _memo.get(f"{sha256}:{setup}")
    if found is None and cache is not None:
        found = cache.load(sha256, setup)
        if found is not None:
            _memo[f"{sha256}:{setup}"] = found
    return found


def _setup(trust: TteTrust | None) -> str:
    """What facts depend on besides the bytes: the OCR model and the signature trust."""
    return f"{ocr_fingerprint()}|{trust_fingerprint(trust or TteTrust())}"


def facts_for(
    data: bytes, sha256: str, cache: FactsCache | None = None, trust: TteTrust | None = None
) -> DocumentFacts:
    """The facts of a content, from the memo, the cache, or a child process."""
    return facts_for_many([(data, sha256)], cache, trust)[sha256]


def facts_for_many(
    items: list[tuple[bytes, str]],
    cache: FactsCache | None = None,
    trust: TteTrust | None = None,
    ocr_workers: int = 1,
) -> dict[str, DocumentFacts]:
    """The facts of several contents (a dossier's attachments): those not in the memo or
    the cache are read together in one child process (one start-up for all). ``trust``:
    the roots and revocation lists signatures are validated against (they are part of the
    key: the same bytes judged with other roots are other facts). ``ocr_workers``: processes
    that read a scan's pages at once (the run's ``--jobs``)."""
    trust = trust or TteTrust()
    ocr = _setup(trust)
    found: dict[str, DocumentFacts] = {}
    todo: list[tuple[bytes, str]] = []
    for data, sha256 in items:
        if sha256 in found or any(sha256 == s for _, s in todo):
            continue
        known = _memo.get(f"{sha256}:{ocr}")
        if known is None and cache is not None:
            known = cache.load(sha256, ocr)
        if known is None:
            todo.append((data, sha256))
        else:
            found[sha256] = known
    for facts in read_in_children(todo, trust, ocr_workers) if todo else []:
        found[facts.sha256] = facts
        if cache is not None and facts.problem not in ("timeout", "memory", "crashed"):
            cache.store(facts, ocr)  # a limit hit may be the machine's load: try again next run
    for sha256, facts in found.items():
        key = f"{sha256}:{ocr}"
        _memo[key] = facts
        _memo.move_to_end(key)
    while len(_memo) > MEMO_SIZE:
        _memo.popitem(last=False)
    return found


@functools.lru_cache(maxsize=8)
def trust_fingerprint(trust: TteTrust) -> str:
    """The trust signatures were judged against (roots and revocation lists, by content).
    Kept per run: every attachment's key needs it, and a national list can be megabytes."""
    if not trust.roots and not trust.crls:
        return "no-trust"
    digest = hashlib.sha256()
    for part in (*trust.roots, b"\0", *trust.crls):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def read_in_children(
    items: list[tuple[bytes, str]], trust: TteTrust | None = None, ocr_workers: int = 1
) -> list[DocumentFacts]:
    """Several contents read in one child; if that child fails (a crash, a limit), each is
    read again in a child of its own, so that one hostile file costs only its own facts."""
    frame = _frame(trust)
    if len(items) > 1:
        together = _read_batch(items, frame, ocr_workers)
        if together is not None:
            return together
    return [read_in_child(data, sha256, frame, ocr_workers) for data, sha256 in items]


def _frame(trust: TteTrust | None) -> bytes:
    from lapkin_audit.evidence.child import trust_frame

    trust = trust or TteTrust()
    return trust_frame(trust.roots, trust.crls)


def _read_batch(items: list[tuple[bytes, str]], frame: bytes, ocr_workers: int = 1) -> list[DocumentFacts] | None:
    payload = frame + b"".join(len(data).to_bytes(8, "big") + sha256.encode("ascii") + data for data, sha256 in items)
    try:
        done = _run([tessdata_dir() or "", "--batch"], payload, ocr_workers)
        if done.returncode != 0:
            return None
        rows = json.loads(done.stdout)
        facts = [facts_from_json(row) for row in rows]
    except (subprocess.TimeoutExpired, OSError, ValueError, KeyError, TypeError):
        return None
    if [f.sha256 for f in facts] != [sha256 for _, sha256 in items]:
        return None
    return facts


def _run(args: list[str], payload: bytes, ocr_workers: int = 1) -> subprocess.CompletedProcess[bytes]:
    from lapkin_audit.evidence.child import OCR_WORKERS_ENV

    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONPATH": _package_root(), OCR_WORKERS_ENV: str(ocr_workers)}
    return subprocess.run(
        [*CHILD, *args],
        input=payload,
        capture_output=True,
        timeout=WALL_LIMIT,
        env=env,
        preexec_fn=_limits if os.name == "posix" else None,
        check=False,
    )


def read_in_child(data: bytes, sha256: str, frame: bytes | None = None, ocr_workers: int = 1) -> DocumentFacts:
    try:
        payload = (frame if frame is not None else _frame(None)) + data
        done = _run([tessdata_dir() or "", sha256], payload, ocr_workers)
    except subprocess.TimeoutExpired:
        return DocumentFacts(sha256, _format_of(data), problem="timeout", detail=f"{WALL_LIMIT:g} s")
    except OSError as exc:
        return DocumentFacts(sha256, _format_of(data), problem="crashed", detail=str(exc))
    if done.returncode != 0:
        return DocumentFacts(sha256, _format_of(data), **_why(done.returncode, done.stderr))  # type: ignore[arg-type]
    try:
        facts = facts_from_json(json.loads(done.stdout))
    except (ValueError, KeyError, TypeError):
        return DocumentFacts(sha256, _format_of(data), problem="crashed", detail="unreadable output")
    return facts if facts.sha256 == sha256 else DocumentFacts(sha256, facts.format, problem="crashed")


def _why(returncode: int, stderr: bytes) -> dict[str, str]:
    if returncode == -getattr(signal, "SIGXCPU", 24) or returncode == -getattr(signal, "SIGKILL", 9):
        return {"problem": "timeout", "detail": f"{CPU_LIMIT} s CPU"}
    if b"MemoryError" in stderr or b"std::bad_alloc" in stderr:
        return {"problem": "memory", "detail": f"{MEMORY_LIMIT // (1024 * 1024)} MiB"}
    if returncode < 0:
        return {
            "problem": "crashed",
            "detail": signal.Signals(-returncode).name if -returncode in _SIGNALS else str(returncode),
        }
    return {"problem": "crashed", "detail": f"exit status {returncode}"}


_SIGNALS = {int(s) for s in signal.Signals}


def _format_of(data: bytes) -> str:
    from lapkin_audit.evidence.sniff import sniff

    return sniff(data)


def _limits() -> None:  # pragma: no cover - runs in the child, before it executes Python
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@functools.cache
def _package_root() -> str:
    root = str(Path(__file__).resolve().parent.parent.parent)
    existing = os.environ.get("PYTHONPATH")
    return root if not existing else root + os.pathsep + existing
