"""Worksheets (XLSX, as SIPD exports the LRA and the DPA) as tables: each sheet's cell
values, never its formulas, shown as the sheet shows them.

openpyxl in read-only mode streams the rows (measured against python-calamine, which
loads a whole sheet at once and gives no number formats: docs/performance.md), so a sheet
of a million styled empty rows costs only the rows looked at (``MAX_SHEET_ROWS``). A number
is written back as the sheet displays it, by its number format: ``#,##0.00`` shows two
decimals, ``0.00%`` shows 0.4403 as ``44,03 %``, so a printed capaian keeps the decimals a
reader saw. A formula that was never calculated has no value: a sheet of such formulas is
reported as such (``formulas_only``), never read as empty figures.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lapkin_audit.domain.content.model import Cell, Row, Table
from lapkin_audit.evidence.tables.limits import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SHEET_ROWS,
    MAX_SHEETS,
    clip,
    join_lines,
)

# The archive's bounds, checked before anything is inflated (as for a DOCX, evidence.child).
ZIP_MAX_ENTRIES = 2_000
ZIP_MAX_TOTAL = 100 * 1024 * 1024
ZIP_MAX_RATIO = 200
_DECIMALS = re.compile(r"0\.(0+)")


class RefusedWorkbook(ValueError):
    """A workbook built to harm a reader (a zip bomb, XML entities): refused, not parsed."""


@dataclass(frozen=True)
class XlsxTables:
    tables: tuple[Table, ...]
    formulas_only: tuple[str, ...] = ()  # sheets whose formulas carry no calculated value
    truncated: bool = False


def check_archive(data: bytes) -> dict[str, tuple[int, int]]:
    """Refuses a hostile archive; returns each worksheet part's counts of formulas and values."""
    counts: dict[str, tuple[int, int]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        if len(entries) > ZIP_MAX_ENTRIES:
            raise RefusedWorkbook(f"{len(entries)} parts in the archive")
        total = 0
        for entry in entries:
            total += entry.file_size
            if entry.file_size > ZIP_MAX_RATIO * max(entry.compress_size, 1) and entry.file_size > 1024 * 1024:
                raise RefusedWorkbook(
                    f"{entry.filename} inflates {entry.file_size // max(entry.compress_size, 1)} times"
                )
        if total > ZIP_MAX_TOTAL:
            raise RefusedWorkbook(f"{total} bytes once inflated")
        for entry in entries:
            if not entry.filename.endswith((".xml", ".rels")):
                continue
            body = archive.open(entry).read(ZIP_MAX_TOTAL)
            if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
                raise RefusedWorkbook(f"{entry.filename} declares XML entities")
            if entry.filename.startswith("xl/worksheets/"):
                counts[entry.filename] = (body.count(b"<f>") + body.count(b"<f "), body.count(b"<v>"))
    return counts


def xlsx_tables(data: bytes) -> XlsxTables:
    """Each worksheet's rows from its first row with a table's header, the rows above it its caption."""
    counts = check_archive(data)
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    tables: list[Table] = []
    cut = False
    try:
        for number, sheet in enumerate(book.worksheets, 1):
            if number > MAX_SHEETS:
                cut = True
                break
            table, sheet_cut = _sheet(sheet, number)
            cut = cut or sheet_cut
            if table.rows:
                tables.append(table)
    finally:
        book.close()
    unvalued = tuple(name for name, (formulas, values) in sorted(counts.items()) if formulas and not values)
    return XlsxTables(tuple(tables), unvalued, cut)


def _sheet(sheet: Any, number: int) -> tuple[Table, bool]:
    rows: list[Row] = []
    cut = False
    for index, raw in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS)):
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
