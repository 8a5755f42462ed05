"""Tables of a PDF's text layer, by pdfplumber's ruling-line ("lattice") detection.

Chosen by measurement against a reader of pypdfium2's character boxes (docs/performance.md,
"Tables"): offices export their reports from Word or LibreOffice with bordered tables, and
the borders are what tells a wrapped indicator name (two lines, one cell) from two rows and
a merged header ("Target Triwulan" over four columns) from an empty cell. Pages without a
text layer are not read here: the OCR reader gives their tables (``ocr``). Called by the
PDF reader (``evidence.readers.pdf``) for a document whose tables are wanted, inside the
tables' CPU allowance (``evidence.job.Job.tables_timer``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from lapkin_audit.domain.content.model import Cell, Row, Table
from lapkin_audit.evidence.tables.bounds import MAX_COLUMNS, MAX_ROWS, MAX_TABLES, clip, join_lines

CAPTION_HEIGHT = 36.0  # points above a table read as its caption (two lines of 11 pt text)
# An image this wide (share of the page) and tall (points) on a text page may be a table
# pasted as a picture; a logo or a stamp is narrower. Only ever gives C008, never a C001-C005.
PICTURE_WIDTH = 0.4
PICTURE_HEIGHT = 40.0
MIN_TEXT_CHARS = 20  # as the text reader: fewer characters on a page means no text layer


@dataclass
class PdfTables:
    """What was found so far: kept whole when the tables' budget runs out midway."""

    tables: list[Table] = field(default_factory=list)
    # text pages carrying a large picture (a table pasted as an image?)
    picture_pages: list[int] = field(default_factory=list)
    pages_read: int = 0
    truncated: bool = False  # pages, tables, rows or cells past the bounds were left out


def pdf_tables(
    data: bytes, text_pages: Collection[int], max_pages: int, check: Callable[[], None], out: PdfTables
) -> None:
    """The tables on the first ``max_pages`` pages that have a text layer, in reading order,
    added to ``out`` page by page (``check`` raises between pages once the tables' budget is
    spent; the timer, inside a page).

    ``text_pages``: the pages the text reader found a text layer on (pypdfium2); only those
    are handed to pdfplumber, whose pure-Python parser would otherwise inflate and walk a
    scan's (or a decompression bomb's) content stream for nothing."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        for number, page in enumerate(document.pages, 1):
            check()
            if number > max_pages:
                out.truncated = True
                return
            if number not in text_pages:
                continue
            try:
                out.pages_read += 1
                tables, picture = _page(page, number)
            finally:
                page.close()  # pdfplumber keeps each page's objects until closed
            out.picture_pages.extend([number] if picture else [])
            for table in tables:
                if len(out.tables) >= MAX_TABLES:
                    out.truncated = True
                    return
                out.tables.append(table)
                out.truncated = out.truncated or table.truncated


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
