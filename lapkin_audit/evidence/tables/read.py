"""One entry for the readers: a document's bytes -> its tables, by its real format.

Called inside the limited child (``evidence.child``) once the document's format is known;
hostile archives are refused before any XML is parsed (``xlsx.check_archive``; a DOCX is
checked by the child before python-docx opens it). Never raises for a damaged file: the
problem is returned, as the text reader returns it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection
from dataclasses import dataclass

from lapkin_audit.domain.content.model import Table

XLSX = "xlsx"


@dataclass(frozen=True)
class DocumentTables:
    tables: tuple[Table, ...] = ()
    picture_pages: tuple[int, ...] = ()  # text pages carrying a large picture (PDF)
    truncated: bool = False  # rows, cells, sheets or pages past the limits were left out
    problem: str | None = None  # hostile, damaged, formulas_only
    detail: str | None = None


def is_xlsx(data: bytes) -> bool:
    """A spreadsheet (OOXML workbook) by its parts, never by its name."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False


def document_tables(data: bytes, fmt: str, text_pages: Collection[int] | None = None) -> DocumentTables:
    """``fmt``: ``pdf``, ``docx`` or ``xlsx`` (scans: ``ocr.tables_from_words`` per page);
    ``text_pages``: a PDF's pages with a text layer, where the text reader knows them."""
    from lapkin_audit.evidence.tables.limits import TablesOutOfTime

    try:
        if fmt == "pdf":
            from lapkin_audit.evidence.tables.pdf import pdf_tables

            found = pdf_tables(data, text_pages=text_pages)
            truncated = found.truncated or any(table.truncated for table in found.tables)
            return DocumentTables(found.tables, found.picture_pages, truncated)
        if fmt == "docx":
            import docx

            from lapkin_audit.evidence.tables.docx import docx_tables

            tables = tuple(docx_tables(docx.Document(io.BytesIO(data))))
            return DocumentTables(tables, truncated=any(table.truncated for table in tables))
        if fmt == XLSX:
            from lapkin_audit.evidence.tables.xlsx import RefusedWorkbook, xlsx_tables

            try:
                sheets = xlsx_tables(data)
            except RefusedWorkbook as exc:
                return DocumentTables(problem="hostile", detail=str(exc))
            if sheets.formulas_only and not any(_has_figures(t) for t in sheets.tables):
                return DocumentTables(sheets.tables, truncated=sheets.truncated, problem="formulas_only",
                                      detail=", ".join(sheets.formulas_only))  # fmt: skip
            return DocumentTables(sheets.tables, truncated=sheets.truncated)
    except TablesOutOfTime:
        return DocumentTables(truncated=True, problem="tables_timeout", detail="tables past their CPU budget")
    except MemoryError:
        raise
    except RecursionError:
        return DocumentTables(problem="hostile", detail="nesting too deep")
    except Exception as exc:  # any parser's own error on these bytes: the file is damaged
        if isinstance(exc.__cause__ or exc.__context__, TablesOutOfTime) or "TablesOutOfTime" in str(exc):
            return DocumentTables(truncated=True, problem="tables_timeout", detail="tables past their CPU budget")
        return DocumentTables(problem="damaged", detail=f"{type(exc).__name__}: {exc}"[:500])
    return DocumentTables(problem="unknown_format")


def _has_figures(table: Table) -> bool:
    return any(cell.text and cell.text[0].isdigit() for row in table.rows for cell in row.cells)
