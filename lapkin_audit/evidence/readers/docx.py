"""DOCX: a zip holding ``word/document.xml``; read with python-docx (body paragraphs,
tables with nested tables, headers and footers), as printed. The archive is checked
before anything is inflated: too many parts, a part that inflates too far, or XML that
declares entities is refused unread (B001). When the document's tables are wanted
(content.md), its body's tables are read from the same parse (``evidence.tables.docx``)
within the tables' own CPU allowance.

Depends on: python-docx, lxml.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections.abc import Callable
from typing import Any

from lapkin_audit.domain.content.model import Table
from lapkin_audit.domain.doctext import as_printed
from lapkin_audit.evidence.facts import DocumentFacts, TextPiece
from lapkin_audit.evidence.job import Hostile, Job, TablesOutOfBudget
from lapkin_audit.evidence.readers.base import Format

# Bounds that no real report reaches, checked before anything is inflated.
ZIP_MAX_ENTRIES = 2_000
ZIP_MAX_TOTAL = 100 * 1024 * 1024
ZIP_MAX_RATIO = 200
MAX_DEPTH = 8  # tables nested in tables


def office_part(part: str) -> Callable[[bytes, bytes], bool]:
    """A sniffer for an Office Open XML archive (DOCX, XLSX) that holds ``part``."""

    def sniff(head: bytes, data: bytes) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return part in archive.namelist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            return False

    return sniff


sniff = office_part("word/document.xml")


def read(data: bytes, sha256: str, job: Job) -> DocumentFacts:
    check_zip(data)
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
    facts = DocumentFacts(sha256, "docx", None, piece, None if piece else "no_text", cut_chars=job.cut)
    return _with_tables(facts, document, job) if job.tables else facts


def _with_tables(facts: DocumentFacts, document: Any, job: Job) -> DocumentFacts:
    from lapkin_audit.evidence.tables.docx import docx_tables

    tables: list[Table] = []
    problem = None
    try:
        with job.tables_timer() as check:
            docx_tables(document, check, tables)
    except TablesOutOfBudget:
        problem = "timeout"
    except RecursionError:
        problem = "hostile"
    except MemoryError:
        raise
    except Exception:  # python-docx's own error on a part the text did not need: the tables are lost
        problem = "damaged"
    cut = problem is not None or any(table.truncated for table in tables)
    return dataclasses.replace(facts, tables=tuple(tables), tables_truncated=cut, tables_problem=problem)


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


def check_zip(data: bytes, each: Callable[[str, bytes], None] | None = None) -> None:
    """Refuses an archive built to harm a reader (``Hostile``), before anything is parsed:
    too many parts, a part that inflates too far, XML that declares entities. ``each``: told
    every XML part's name and body as it is checked (the XLSX reader counts formulas)."""
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
                body = archive.open(entry).read(ZIP_MAX_TOTAL)
                if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
                    raise Hostile(f"{entry.filename} declares XML entities")
                if each is not None:
                    each(entry.filename, body)


FORMATS = (Format("docx", sniff, read, ("python-docx", "lxml")),)
