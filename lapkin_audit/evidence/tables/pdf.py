"""Tables of a PDF's text layer, by pdfplumber's ruling-line ("lattice") detection.

Chosen by measurement against a reader of pypdfium2's character boxes (docs/performance.md,
"Tables"): offices export their reports from Word or LibreOffice with bordered tables, and
the borders are what tells a wrapped indicator name (two lines, one cell) from two rows and
a merged header ("Target Triwulan" over four columns) from an empty cell. Pages without a
text layer are not read here: the OCR reader gives their tables (``ocr``).
"""

from __future__ import annotations

import io
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from lapkin_audit.domain.content.model import Cell, Row, Table
from lapkin_audit.evidence.tables.limits import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TABLE_PAGES,
    MAX_TABLES,
    TABLES_CPU,
    clip,
    cpu_budget,
    join_lines,
)

CAPTION_HEIGHT = 36.0  # points above a table read as its caption (two lines of 11 pt text)
# An image this wide (share of the page) and tall (points) on a text page may be a table
# pasted as a picture; a logo or a stamp is narrower. Only ever gives C008, never a C001-C005.
PICTURE_WIDTH = 0.4
PICTURE_HEIGHT = 40.0
MIN_TEXT_CHARS = 20  # as the text reader: fewer characters on a page means no text layer


@dataclass(frozen=True)
class PdfTables:
    tables: tuple[Table, ...]
    picture_pages: tuple[int, ...] = ()  # text pages that carry a large picture (a table pasted as an image?)
    pages_read: int = 0
    truncated: bool = False


def pdf_tables(data: bytes, pages: int = MAX_TABLE_PAGES, text_pages: Collection[int] | None = None) -> PdfTables:
    """The tables on the first ``pages`` pages that have a text layer, in reading order.

    ``text_pages``: the pages the text reader found a text layer on (pypdfium2); only those
    are handed to pdfplumber, whose pure-Python parser would otherwise inflate and walk a
    scan's (or a decompression bomb's) content stream for nothing. The whole is bounded in
    CPU time too (``TABLES_CPU``): past it, the tables found so far are kept, marked cut."""
    import pdfplumber

    tables: list[Table] = []
    pictures: list[int] = []
    read = 0
    truncated = False
    with pdfplumber.open(io.BytesIO(data)) as document, cpu_budget(TABLES_CPU) as spent:
        for number, page in enumerate(document.pages, 1):
            if number > pages or spent():
                truncated = True
                break
            if text_pages is not None and number not in text_pages:
                continue
            try:
                read += 1
                found, picture = _page(page, number)
            finally:
                page.close()  # pdfplumber keeps each page's objects until closed
            pictures.extend([number] if picture else [])
            for table in found:
                if len(tables) >= MAX_TABLES:
                    return PdfTables(tuple(tables), tuple(pictures), read, True)
                tables.append(table)
    return PdfTables(tuple(tables), tuple(pictures), read, truncated)


def _page(page: Any, number: int) -> tuple[list[Table], bool]:
    chars = page.chars
    if sum(1 for c in chars if not c["text"].isspace()) < MIN_TEXT_CHARS:
        return [], False  # no text layer: a scan, for OCR
    picture = any(
        image["x1"] - image["x0"] >= PICTURE_WIDTH * float(page.width)
        and image["bottom"] - image["top"] >= PICTURE_HEIGHT
        for image in page.images
    )
    found = []
    for table in page.find_tables():
        rows, cut = _rows(table.extract(), number)
        if not rows:
            continue
        top = table.bbox[1]
        above = page.crop((0, max(0.0, top - CAPTION_HEIGHT), page.width, max(top, 0.1)), strict=False)
        caption = join_lines(above.extract_text() or "")
        found.append(Table(tuple(rows), "teks", clip(caption)[0], None, cut))
    return found, picture


def _rows(extracted: list[list[str | None]], page: int) -> tuple[list[Row], bool]:
    """The table's rows (empty ones left out) within the limits, and whether any was cut."""
    rows, cut = [], len(extracted) > MAX_ROWS
    for raw in extracted[:MAX_ROWS]:
        cells = []
        cut = cut or len(raw) > MAX_COLUMNS
        for text in raw[:MAX_COLUMNS]:
            kept, clipped = clip(join_lines(text or ""))
            cells.append(Cell(kept))
            cut = cut or clipped
        if any(cell.text for cell in cells):
            rows.append(Row(tuple(cells), page))
    return rows, cut
