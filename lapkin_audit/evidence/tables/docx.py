"""Tables of a DOCX body (python-docx), in the order they stand, each with the paragraph
before it as its caption ("(dalam ribuan rupiah)", "Tabel 3.1 Capaian Kinerja").

A merged cell is given once, in its first (top-left) position, and its other positions
are empty, as the PDF reader gives them: python-docx repeats a merged cell's object in every
grid position it covers. Nested tables are not read (a capaian table has none). Called by
the DOCX reader (``evidence.readers.docx``) on the document it opened, for a document
whose tables are wanted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lapkin_audit.domain.content.model import Cell, Row, Table
from lapkin_audit.evidence.tables.bounds import MAX_COLUMNS, MAX_ROWS, MAX_TABLES, clip, join_lines


def docx_tables(document: Any, check: Callable[[], None], tables: list[Table]) -> None:
    """The body's tables, added to ``tables`` as they are read. ``document``: a
    ``docx.Document`` already opened (after the archive's bounds were checked); ``check``:
    called between rows (it raises once the tables' budget is spent)."""
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    caption = ""
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(element, document).text.strip()
            if text:
                caption = clip(text)[0]
        elif tag == "tbl":
            if len(tables) >= MAX_TABLES:
                break
            table = _table(DocxTable(element, document), caption, check)
            if table.rows:
                tables.append(table)
            caption = ""


def _table(table: Any, caption: str, check: Callable[[], None]) -> Table:
    rows: list[Row] = []
    cut = False
    above: list[Any] = []
    for index, row in enumerate(table.rows):
        check()
        if index >= MAX_ROWS:
            cut = True
            break
        cells: list[Cell] = []
        seen: list[Any] = []
        for position, cell in enumerate(row.cells[:MAX_COLUMNS]):
            tc = cell._tc
            merged = (seen and seen[-1] is tc) or (position < len(above) and above[position] is tc)
            seen.append(tc)
            if merged:
                cells.append(Cell(""))
                continue
            text, clipped = clip(join_lines("\n".join(p.text for p in cell.paragraphs)))
            cut = cut or clipped
            cells.append(Cell(text))
        cut = cut or len(row.cells) > MAX_COLUMNS
        above = seen
        if any(c.text for c in cells):
            rows.append(Row(tuple(cells), 0))
    return Table(tuple(rows), "teks", caption, None, cut)
