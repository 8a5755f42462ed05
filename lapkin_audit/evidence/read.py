"""Reading attachments into facts in child processes, under limits, once per content.

A ``Reader`` owns what reading needs across dossiers: the limits, the OCR model's folder,
the trust and its fingerprint, the facts cache, and a memo of facts by content (bounded
in entries and in characters, so a batch of long documents cannot swell the parent). A
session (the command line, a server, a worker) makes one and keeps it; the functions at
the bottom are a thin module-level API for callers that keep none.

Parsing runs in a child process (``evidence.child``) under a memory limit and a CPU-time
budget that grows with the pages, with a generous wall-clock guard behind it
(``evidence.limits``); PDFium is not thread-safe, and a hostile file may loop, swell or
crash its parser: in a child that costs the child. The child says which document it is
reading, so when it dies that document alone is the reader's failure (B001: never read
again), and the documents after it are read in a new child. Outcomes that may be the
machine's doing (a budget, a crash) are never cached.

The child is forked by the reader's warm process (``evidence.warm``: the libraries and the
OCR model loaded once per reader, not once per dossier), or, where there is none, is a
fresh interpreter. Either way it reads the same request the same way.

A content whose tables the content checks compare is read with them (``tables``: by
SHA-256); what was read with tables and without them are kept apart, in the memo and in
the cache, so that the same content gives the same facts whichever dossier asked first.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import os
import signal
import sys
from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lapkin_audit.evidence import codec, process, warm
from lapkin_audit.evidence.cache import FactsCache
from lapkin_audit.evidence.facts import NOT_KEPT, DocumentFacts
from lapkin_audit.evidence.limits import CPU_PER_PAGE_OPTION, DEFAULT, Limits
from lapkin_audit.model import TteTrust

__all__ = [
    "DocumentFacts",
    "Reader",
    "ReaderFailure",
    "close",
    "facts_for",
    "facts_for_many",
    "known",
    "ocr_fingerprint",
    "read_in_children",
    "tessdata_dir",
]

MEMO_SIZE = 256  # facts kept in memory per reader (a batch shares attachments across dossiers)
MEMO_CHARS = 32_000_000  # characters of text the memo keeps at most
# The child's command line (tests replace it with children that crash, hang or swell). A
# reader whose command is this one has its children forked by its warm process instead.
FRESH_CHILD = (sys.executable, "-m", "lapkin_audit.evidence.child")
CHILD = FRESH_CHILD
LOST_AGAIN = 2  # the warm process dying this many times in one reading is the reader's failure
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
Item = tuple[bytes, str]  # a content and its SHA-256


class ReaderFailure(Exception):
    """The reader itself failed before it reached a document (it could not start, or spoke
    nonsense): the checker's failure, never reported as the document's (E000)."""


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


def ocr_fingerprint(folder: str | None = None) -> str:
    """What OCR results depend on beside the bytes (the result cache keys on it)."""
    folder = tessdata_dir() if folder is None else folder
    if folder is None:
        return "no-ocr"
    info = os.stat(os.path.join(folder, OCR_MODEL))
    return f"{folder}:{info.st_size}:{info.st_mtime_ns}"


@functools.lru_cache(maxsize=8)
def trust_fingerprint(trust: TteTrust) -> str:
    """The trust signatures were judged against (roots and revocation lists, by content)."""
    if not trust.roots and not trust.crls:
        return "no-trust"
    digest = hashlib.sha256()
    for part in (*trust.roots, b"\0", *trust.crls):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


@dataclass
class Reader:
    """What reading needs across dossiers, and its warm process (``warm``: None reads with a
    fresh child each time). ``close()`` (or ``with Reader() as reader``) ends the process;
    so do the reader's collection and the interpreter's exit."""

    limits: Limits = DEFAULT
    cache: FactsCache | None = None
    trust: TteTrust = field(default_factory=TteTrust)
    tessdata: str | None = None
    ocr_workers: int = 1  # processes that read a scan's pages at once (the run's --jobs)
    memo: OrderedDict[str, DocumentFacts] = field(default_factory=OrderedDict)
    command: tuple[str, ...] = CHILD
    warm: warm.Warm | None = field(default_factory=warm.Warm, repr=False, compare=False)

    def close(self) -> None:
        """End the warm process (a later reading starts another)."""
        if self.warm is not None:
            self.warm.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @functools.cached_property
    def setup(self) -> str:
        """What facts depend on besides the bytes: the OCR model and the signature trust."""
        return f"{ocr_fingerprint(self.tessdata) if self.tessdata else 'no-ocr'}|{trust_fingerprint(self.trust)}"

    def known(self, sha256: str, tables: bool = False) -> DocumentFacts | None:
        """The facts of a content already read (the memo, then the cache), without its bytes;
        ``tables``: read with its tables."""
        key = self._key(sha256, tables)
        found = self.memo.get(key)
        if found is None and self.cache is not None:
            found = self.cache.load(sha256, self.setup, tables)
            if found is not None:
                self._remember(found, tables)
        return found

    def facts_for_many(
        self, items: Sequence[Item], read: object = None, tables: Collection[str] = ()
    ) -> dict[str, DocumentFacts]:
        """The facts of several contents (a dossier's attachments): those not in the memo or
        the cache are read together in a child process (one start-up for all). ``read``:
        what reads the rest (``read_in_children``'s signature; tests replace it).
        ``tables``: the contents (by SHA-256) whose tables are wanted."""
        found: dict[str, DocumentFacts] = {}
        todo: list[Item] = []
        for data, sha256 in items:
            if sha256 in found or any(sha256 == s for _, s in todo):
                continue
            already = self.known(sha256, sha256 in tables)
            if already is None:
                todo.append((data, sha256))
            else:
                found[sha256] = already
        wanted = frozenset(sha256 for _, sha256 in todo if sha256 in tables)
        reading = read if callable(read) else self.read_in_children
        for facts in reading(todo, wanted) if todo else []:
            found[facts.sha256] = facts
            # A budget or a crash is never cached (it may be the machine's doing: the next run
            # reads again), but it is remembered for this run: a hostile file attached to a
            # thousand dossiers costs its budget once. So are the tables' budget and failure.
            kept = facts.problem not in NOT_KEPT and facts.tables_problem not in NOT_KEPT
            if self.cache is not None and kept:
                self.cache.store(facts, self.setup, facts.sha256 in wanted)
            self._remember(facts, facts.sha256 in wanted)
        return found

    def _key(self, sha256: str, tables: bool) -> str:
        return f"{sha256}:{self.setup}:{'tables' if tables else 'text'}"

    def _remember(self, facts: DocumentFacts, tables: bool = False) -> None:
        key = self._key(facts.sha256, tables)
        self.memo[key] = facts
        self.memo.move_to_end(key)
        chars = sum(_chars(kept) for kept in self.memo.values())
        while len(self.memo) > MEMO_SIZE or (chars > MEMO_CHARS and len(self.memo) > 1):
            _, dropped = self.memo.popitem(last=False)
            chars -= _chars(dropped)

    def read_in_children(self, items: Sequence[Item], tables: Collection[str] = ()) -> list[DocumentFacts]:
        """Every content's facts, in order (with their tables for the SHA-256s in ``tables``).
        A child that dies costs only the document it was reading (B001); the documents after
        it are read in a new child. A child that died with its warm process died of nothing
        it read: its unfinished documents are read again by a new warm process, once."""
        done: list[DocumentFacts] = []
        lost = 0
        while len(done) < len(items):
            got, was_lost = self._child(items[len(done) :], tables)
            done.extend(got)
            lost += was_lost
            if lost >= LOST_AGAIN:
                raise ReaderFailure("the warm reader process died while reading, twice")
        return done

    def _child(self, items: Sequence[Item], tables: Collection[str]) -> tuple[list[DocumentFacts], bool]:
        """Facts for a prefix of ``items`` (at least one, unless the warm process was lost:
        then whether it was), from one child process."""
        env = {**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONPATH": _package_root()}
        use = self.warm if self.warm is not None and self.command == FRESH_CHILD and self.warm.usable() else None
        lease = use.lease(self.tessdata, env) if use is not None else contextlib.nullcontext(None)
        try:
            with lease as server:
                spawn = None
                if server is not None:
                    # pyHanko is loaded in the warm process for the first signed PDF (a byte
                    # search, as the child's own test; nothing is parsed here)
                    load = ("signatures",) if any(b"/ByteRange" in data for data, _ in items) else ()
                    spawn = functools.partial(server.spawn, documents=len(items), load=load)
                return self._run(items, tables, env, spawn)
        except warm.Lost:
            return [], True
        except warm.Unavailable as exc:  # it will not fork safely: fresh children from now on
            assert self.warm is not None
            self.warm.broken = str(exc)
            return self._run(items, tables, env, None)

    def _run(
        self, items: Sequence[Item], tables: Collection[str], env: dict[str, str], spawn: process.Spawn | None
    ) -> tuple[list[DocumentFacts], bool]:
        request = codec.Request(
            self.tessdata,
            self.ocr_workers,
            self.limits,
            self.trust.roots,
            self.trust.crls,
            tuple((sha256, data) for data, sha256 in items),
            frozenset(sha256 for _, sha256 in items if sha256 in tables),
        )
        got: list[DocumentFacts] = []
        current: dict[int, float] = {}  # the documents the child said it began, and their CPU budgets

        def on_line(line: bytes) -> float | None:
            kind, value = codec.decode_message(line)
            if kind == "reading":
                current[value[0]] = value[1]
                return self.limits.wall_for(value[1])
            got.append(value)
            return self.limits.wall_for(self.limits.cpu_base)

        limits = self.limits
        try:
            ended = process.run(
                self.command,
                codec.encode_request(request),
                env,
                memory=limits.memory,
                cpu=(limits.cpu_base + 5, limits.cpu_cap(len(items))),
                wall=limits.wall_for(limits.cpu_base),
                on_line=on_line,
                max_output=len(items) * (12 * limits.document_chars + 4 * 1024 * 1024),
                spawn=spawn,
            )
        except ValueError as exc:  # the child spoke nonsense
            raise ReaderFailure(f"the reader's answer is unreadable: {exc}") from exc
        except OSError as exc:
            raise ReaderFailure(f"the reader could not start: {exc}") from exc
        for facts, (_, sha256) in zip(got, items, strict=False):
            if facts.sha256 != sha256:
                raise ReaderFailure("the reader answered for another document")
        if len(got) >= len(items):
            return got[: len(items)], False
        if ended.stopped == "lost":
            return got, True
        if len(got) not in current:  # it died before it began the document: not the document's doing
            detail = ended.stderr.decode("utf-8", "replace").strip()[-300:] or f"exit status {ended.returncode}"
            raise ReaderFailure(f"the reader stopped before reading a document: {detail}")
        data, sha256 = items[len(got)]
        why = self._why(ended, current[len(got)])
        return [*got, DocumentFacts(sha256, _format_of(data), **why)], False  # type: ignore[arg-type]

    def _why(self, ended: process.Ended, cpu: float) -> dict[str, str]:
        """Why the child gave up on the document it was reading (its CPU budget: ``cpu``)."""
        if ended.stopped == "wall":
            return {"problem": "timeout", "detail": f"{self.limits.wall_for(cpu):g} s; {CPU_PER_PAGE_OPTION}"}
        if ended.stopped == "output":
            return {"problem": "crashed", "detail": "output over the limit"}
        if ended.returncode in (-getattr(signal, "SIGXCPU", 24), -getattr(signal, "SIGKILL", 9)):
            return {"problem": "timeout", "detail": f"{cpu:g} s CPU; {CPU_PER_PAGE_OPTION}"}
        if b"MemoryError" in ended.stderr or b"std::bad_alloc" in ended.stderr:
            return {"problem": "memory", "detail": f"{self.limits.memory // (1024 * 1024)} MiB"}
        if ended.returncode < 0 and -ended.returncode in _SIGNALS:
            return {"problem": "crashed", "detail": signal.Signals(-ended.returncode).name}
        return {"problem": "crashed", "detail": f"exit status {ended.returncode}"}


_SIGNALS = {int(s) for s in signal.Signals}


def _chars(facts: DocumentFacts) -> int:
    return sum(len(piece.text) for piece in facts.pieces)


def _format_of(data: bytes) -> str:
    from lapkin_audit.evidence.sniff import sniff

    return sniff(data)


@functools.cache
def _package_root() -> str:
    root = str(Path(__file__).resolve().parent.parent.parent)
    existing = os.environ.get("PYTHONPATH")
    return root if not existing else root + os.pathsep + existing


# ----------------------------------------------------------------------------- module API

_memo: OrderedDict[str, DocumentFacts] = OrderedDict()  # the module API's memo (one per process)
_warm = warm.Warm()  # the module API's warm process (one per process; a forked worker starts its own)


def _reader(cache: FactsCache | None, trust: TteTrust | None, limits: Limits = DEFAULT, ocr_workers: int = 1) -> Reader:
    return Reader(limits, cache, trust or TteTrust(), tessdata_dir(), ocr_workers, _memo, CHILD, _warm)


def close() -> None:
    """End the module API's warm process now (it also ends at exit; a later reading starts another)."""
    _warm.close()


def known(
    sha256: str, cache: FactsCache | None = None, trust: TteTrust | None = None, tables: bool = False
) -> DocumentFacts | None:
    return _reader(cache, trust).known(sha256, tables)


def facts_for(
    data: bytes, sha256: str, cache: FactsCache | None = None, trust: TteTrust | None = None
) -> DocumentFacts:
    return facts_for_many([(data, sha256)], cache, trust)[sha256]


def facts_for_many(
    items: Sequence[Item],
    cache: FactsCache | None = None,
    trust: TteTrust | None = None,
    ocr_workers: int = 1,
    limits: Limits = DEFAULT,
    tables: Collection[str] = (),
) -> dict[str, DocumentFacts]:
    reader = _reader(cache, trust, limits, ocr_workers)
    return reader.facts_for_many(
        items, lambda todo, wanted: read_in_children(todo, trust, ocr_workers, limits, wanted), tables
    )


def read_in_children(
    items: Sequence[Item],
    trust: TteTrust | None = None,
    ocr_workers: int = 1,
    limits: Limits = DEFAULT,
    tables: Collection[str] = (),
) -> list[DocumentFacts]:
    return _reader(None, trust, limits, ocr_workers).read_in_children(items, tables)
