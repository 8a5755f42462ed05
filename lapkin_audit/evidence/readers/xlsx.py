"""XLSX (as SIPD exports the LRA and the DPA): a zip holding ``xl/workbook.xml``; each
worksheet read as a table of cell values, never formulas, shown as the sheet shows them;
the document's text is its cells, row by row (B005 finds the period in an LRA's title).

The archive is checked before anything is inflated, as a DOCX is (``readers.docx``).
openpyxl in read-only mode streams the rows (measured against python-calamine, which
loads a whole sheet at once and gives no number formats: docs/performance.md), so a sheet
of a million styled empty rows costs only the rows looked at (``MAX_SHEET_ROWS``). A number
is written back as the sheet displays it, by its number format: ``#,##0.00`` shows two
decimals, ``0.00%`` shows 0.4403 as ``44,03 %``, so a printed capaian keeps the decimals a
reader saw. A formula that was never calculated has no value: a workbook whose figures
are all such formulas is reported as such (``formulas_only``, B006), never read as empty.
A spreadsheet's tables are always read: they are its text.

Depends on: openpyxl; Babel (numbers shown the Indonesian way).
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from typing import Any

from lapkin_audit.domain.content.model import Cell, Row, Table
from lapkin_audit.domain.doctext import as_printed
from lapkin_audit.evidence.facts import DocumentFacts, TextPiece
from lapkin_audit.evidence.job import Job
from lapkin_audit.evidence.readers.base import Format
from lapkin_audit.evidence.readers.docx import check_zip, office_part
from lapkin_audit.evidence.tables.bounds import MAX_COLUMNS, MAX_ROWS, MAX_SHEET_ROWS, MAX_SHEETS, clip, join_lines

_DECIMALS = re.compile(r"0\.(0+)")
ROWS_PER_CHECK = 200  # rows read between two looks at the CPU budget


sniff = office_part("xl/workbook.xml")


def read(data: bytes, sha256: str, job: Job) -> DocumentFacts:
    counts: dict[str, tuple[int, int]] = {}  # worksheet part -> (formulas, values)

    def count(name: str, body: bytes) -> None:
        if name.startswith("xl/worksheets/"):
            counts[name] = (body.count(b"<f>") + body.count(b"<f "), body.count(b"<v>"))

    check_zip(data, count)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        return DocumentFacts(sha256, "xlsx", problem="damaged", detail=f"{type(exc).__name__}: {exc}"[:500])
    tables: list[Table] = []
    cut = False
    try:
        for number, sheet in enumerate(book.worksheets, 1):
            if number > MAX_SHEETS:
                cut = True
                break
            table, sheet_cut = _sheet(sheet, number, job)
            cut = cut or sheet_cut
            if table.rows:
                tables.append(table)
    finally:
        book.close()
    unvalued = [name for name, (formulas, values) in sorted(counts.items()) if formulas and not values]
    lines = [table.caption for table in tables if table.caption]
    lines += [" | ".join(cell.text for cell in row.cells if cell.text) for table in tables for row in table.rows]
    piece: tuple[TextPiece, ...] = ()
    problem: str | None
    if unvalued and not any(_has_figures(table) for table in tables):
        problem = "formulas_only"  # its figures were never calculated: nothing to read
    else:
        text = job.keep(as_printed("\n".join(lines)))
        piece = (TextPiece(0, "teks", text),) if text.strip() else ()
        problem = None if piece else "no_text"
    return DocumentFacts(
        sha256,
        "xlsx",
        None,
        piece,
        problem,
        ", ".join(unvalued) if problem == "formulas_only" else None,
        cut_chars=job.cut,
        tables=tuple(tables),
        tables_truncated=cut,
    )


def _has_figures(table: Table) -> bool:
    return any(cell.text and cell.text[0].isdigit() for row in table.rows for cell in row.cells)


def _sheet(sheet: Any, number: int, job: Job) -> tuple[Table, bool]:
    """The sheet's rows from its first row with a table's header, the rows above it its caption."""
    rows: list[Row] = []
    cut = False
    for index, raw in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS)):
        if index % ROWS_PER_CHECK == 0:
            job.check()
        if index >= MAX_SHEET_ROWS or len(rows) >= MAX_ROWS:
            cut = True  # past the bound: the rest is not looked at, however many rows it claims
            break
        cells = []
        for cell in raw:
            text, clipped = clip(shown(getattr(cell, "value", None), getattr(cell, "number_format", "General")))
            cells.append(Cell(text))
            cut = cut or clipped
        while cells and not cells[-1].text:
            cells.pop()
        if cells:
            rows.append(Row(tuple(cells), number))
    width = max((len(row.cells) for row in rows), default=0)
    rows = [Row(row.cells + (Cell(""),) * (width - len(row.cells)), row.page) for row in rows]
    start = next((i for i, row in enumerate(rows) if sum(1 for c in row.cells if c.text) >= 2), len(rows))
    caption = " ".join(" ".join(c.text for c in row.cells if c.text) for row in rows[:start])
    return Table(tuple(rows[start:]), "teks", clip(caption)[0], str(sheet.title), cut), cut


def shown(value: Any, number_format: str) -> str:
    """A cell's value as the sheet displays it, numbers in the Indonesian way."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return _number(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), number_format or "General")
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return join_lines(str(value))


def _number(value: Decimal, number_format: str) -> str:
    from babel.numbers import format_decimal

    section = number_format.split(";")[0]
    percent = "%" in section
    if percent:
        value *= 100
    found = _DECIMALS.search(section)
    if found:
        decimals = len(found.group(1))
        pattern = "#,##0." + "0" * decimals
    elif section.lower() in ("general", "@", ""):
        pattern = "#,##0.##########"  # as many decimals as the value has, as Excel's General
    else:
        pattern = "#,##0"
    text = format_decimal(value, format=pattern, locale="id_ID")
    return f"{text} %" if percent else text


FORMATS = (Format("xlsx", sniff, read, ("openpyxl", "Babel")),)
