"""DOCX: a zip holding ``word/document.xml``; read with python-docx (body paragraphs,
tables with nested tables, headers and footers), as printed. The archive is checked
before anything is inflated: too many parts, a part that inflates too far, or XML that
declares entities is refused unread (B001).

Depends on: python-docx, lxml.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lapkin_audit.domain.doctext import as_printed
from lapkin_audit.evidence.facts import DocumentFacts, TextPiece
from lapkin_audit.evidence.job import Hostile, Job
from lapkin_audit.evidence.readers.base import Format

# Bounds that no real report reaches, checked before anything is inflated.
ZIP_MAX_ENTRIES = 2_000
ZIP_MAX_TOTAL = 100 * 1024 * 1024
ZIP_MAX_RATIO = 200
MAX_DEPTH = 8  # tables nested in tables


def sniff(head: bytes, data: bytes) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False


def read(data: bytes, sha256: str, job: Job) -> DocumentFacts:
    _check_zip(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        return DocumentFacts(sha256, "docx", problem="damaged", detail=str(exc))
    except Exception as exc:  # lxml's XMLSyntaxError and friends: a damaged part
        return DocumentFacts(sha256, "docx", problem="damaged", detail=f"{type(exc).__name__}: {exc}")
    job.check()
    lines: list[str] = []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            if not part.is_linked_to_previous:
                _blocks(part, lines, job)
    _blocks(document, lines, job)
    text = job.keep(as_printed("\n".join(line for line in lines if line.strip())))
    piece = (TextPiece(0, "teks", text),) if text.strip() else ()
    return DocumentFacts(sha256, "docx", None, piece, None if piece else "no_text", cut_chars=job.cut)


def _blocks(container: Any, lines: list[str], job: Job, depth: int = 0) -> None:
    """Paragraphs and tables (cells in reading order, nested tables too), bounded in depth."""
    if depth > MAX_DEPTH:
        return
    lines.extend(paragraph.text for paragraph in container.paragraphs)
    for table in container.tables:
        for row in table.rows:
            job.check()  # a table of a million empty cells spends the budget, not the run
            for cell in row.cells:
                _blocks(cell, lines, job, depth + 1)


def _check_zip(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        if len(entries) > ZIP_MAX_ENTRIES:
            raise Hostile(f"{len(entries)} parts in the archive")
        total = 0
        for entry in entries:
            total += entry.file_size
            if entry.file_size > ZIP_MAX_RATIO * max(entry.compress_size, 1) and entry.file_size > 1024 * 1024:
                raise Hostile(f"{entry.filename} inflates {entry.file_size // max(entry.compress_size, 1)} times")
        if total > ZIP_MAX_TOTAL:
            raise Hostile(f"{total} bytes once inflated")
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")):
                head = archive.open(entry).read(ZIP_MAX_TOTAL)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise Hostile(f"{entry.filename} declares XML entities")


FORMATS = (Format("docx", sniff, read, ("python-docx", "lxml")),)
