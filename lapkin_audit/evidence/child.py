"""Reading documents' bytes into facts: run only in a child process (``evidence.read``).

``python -m lapkin_audit.evidence.child`` reads a request on standard input (the
documents, the trust, the limits: ``evidence.codec``) and answers one message a line on
standard output (``answer``; a child forked by the warm reader process, ``evidence.server``,
answers the same way). It runs under the limits the parent set and those it sets itself per
document (``evidence.job``): a parser that loops, swells or crashes here ends this
process, never the audit, and the parent knows which document it was reading. It opens
no file of the dossier (it gets bytes), and never the network. It dies with its parent,
and its OCR workers with it (``evidence.process``).
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from typing import BinaryIO

from lapkin_audit.evidence import codec, readers
from lapkin_audit.evidence.facts import NOT_A_DOCUMENT, DocumentFacts
from lapkin_audit.evidence.job import Hostile, Job, OutOfBudget, TooManyPages, Trust
from lapkin_audit.evidence.limits import DEFAULT, Limits
from lapkin_audit.evidence.ocr import Ocr
from lapkin_audit.evidence.process import PARENT_ENV, die_with_parent

OCR_WORKERS_ENV = "LAPKIN_AUDIT_OCR_WORKERS"  # processes that read a scan's pages at once (tests, bench)


def read(
    data: bytes,
    sha256: str,
    tessdata: str | None,
    trust: Trust = ([], []),
    *,
    limits: Limits = DEFAULT,
    ocr: Ocr | None = None,
    announce: Callable[[float], None] | None = None,
    backstop: bool = False,
    tables: bool = False,
) -> DocumentFacts:
    """One document's facts. ``ocr``: the child's OCR, shared across its documents (else
    one is made for this document, with $LAPKIN_AUDIT_OCR_WORKERS workers, and closed).
    ``backstop``: let the kernel end this process past the budget (the child's ``main``).
    ``tables``: read its tables too (the content checks compare them: content.md)."""
    fmt = readers.sniff(data)
    if fmt == "unknown":
        return DocumentFacts(sha256, "unknown", problem="unknown_format")
    own = ocr is None
    if ocr is None:
        ocr = Ocr(tessdata, min(_workers(), limits.max_ocr_pages))
    job: Job | None = None
    try:
        job = Job(limits, ocr, trust, announce, backstop, tables)
        facts = _bounded(readers.BY_NAME[fmt].read(data, sha256, job))
        if fmt == "pdf" and facts.problem not in NOT_A_DOCUMENT:
            facts = _signed(facts, data, trust)
        return facts
    except OutOfBudget as exc:
        return DocumentFacts(sha256, fmt, job.pages if job else None, problem="timeout", detail=str(exc))
    except TooManyPages as exc:
        pages = job.pages if job else None
        return DocumentFacts(sha256, fmt, pages, problem="too_many_pages", detail=str(exc))
    except Hostile as exc:
        return DocumentFacts(sha256, fmt, problem="hostile", detail=str(exc))
    except MemoryError:
        return DocumentFacts(sha256, fmt, problem="memory", detail=f"{limits.memory // (1024 * 1024)} MiB")
    except RecursionError:
        return DocumentFacts(sha256, fmt, problem="hostile", detail="nesting too deep")
    except Exception as exc:  # any parser's own error on these bytes: the file is damaged
        return DocumentFacts(sha256, fmt, problem="damaged", detail=f"{type(exc).__name__}: {exc}"[:500])
    finally:
        if own:
            ocr.close()


def _bounded(facts: DocumentFacts) -> DocumentFacts:
    """The tables within their bound in characters, whichever reader found them."""
    if not facts.tables:
        return facts
    from lapkin_audit.evidence.tables.bounds import within_bounds

    tables, cut = within_bounds(facts.tables)
    return dataclasses.replace(facts, tables=tables, tables_truncated=facts.tables_truncated or cut) if cut else facts


def _signed(facts: DocumentFacts, data: bytes, trust: Trust) -> DocumentFacts:
    """The PDF's electronic signatures (pyHanko, imported only for a PDF that has any)."""
    if b"/ByteRange" not in data:
        return facts
    from lapkin_audit.evidence.signatures import read_signatures

    try:
        found = read_signatures(data, trust[0], trust[1])
    except ValueError as exc:
        return dataclasses.replace(facts, signature_problem=str(exc)[:500])
    return dataclasses.replace(facts, signatures=found)


def _workers() -> int:
    try:
        return max(1, int(os.environ.get(OCR_WORKERS_ENV, "1")))
    except ValueError:
        return 1


def answer(raw: bytes, out: BinaryIO) -> int:
    """Read the documents of the request ``raw`` (``codec.encode_request``), writing to ``out``
    that each is begun and its facts; the exit status (2: the request is unreadable)."""
    try:
        request = codec.decode_request(raw)
    except ValueError as exc:
        sys.stderr.write(f"lapkin-audit evidence child: {exc}\n")
        sys.stderr.flush()
        return 2
    limits = request.limits
    trust = (list(request.roots), list(request.crls))
    ocr = Ocr(request.tessdata, min(request.ocr_workers, limits.max_ocr_pages))
    try:
        for index, (sha256, data) in enumerate(request.documents):

            def announce(cpu: float, index: int = index) -> None:
                out.write(codec.reading(index, cpu))
                out.flush()

            facts = read(
                data,
                sha256,
                request.tessdata,
                trust,
                limits=limits,
                ocr=ocr,
                announce=announce,
                backstop=True,
                tables=sha256 in request.tables,
            )
            out.write(codec.facts_message(facts))
            out.flush()
    finally:
        ocr.close()
    return 0


def main() -> int:
    parent = os.environ.get(PARENT_ENV, "")
    if parent.isdigit():
        die_with_parent(int(parent))
    return answer(sys.stdin.buffer.read(), sys.stdout.buffer)


if __name__ == "__main__":
    sys.exit(main())
