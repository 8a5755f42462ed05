"""One document's tables and text -> what the content checks compare (``DocumentContent``)."""

from __future__ import annotations

from collections.abc import Sequence

from lapkin_audit.domain.content.model import Budget, DocumentContent, IndicatorRow, Table
from lapkin_audit.domain.content.tables import (
    budget_of,
    indicator_rows,
    is_budget_table,
    is_indicator_table,
    join_continued,
)
from lapkin_audit.domain.numbers import find_scale

BUDGET_KINDS = ("laporan_realisasi_anggaran", "dpa")


def document_content(
    kind: str,
    field: str,
    tables: Sequence[Table],
    text: str,
    year: int,
    *,
    readable: bool = True,
    complete: bool = True,
    problem: str | None = None,
    picture_pages: Sequence[int] = (),
) -> DocumentContent:
    """``tables`` as the readers gave them (a table over two pages still in two parts);
    ``complete``: every page was read from a text layer; a table read by unsure OCR makes
    the rows it touches unsure, and the document unsure when no table was read otherwise."""
    joined = join_continued(tables)
    rows: list[IndicatorRow] = []
    budget: Budget | None = None
    document_scale = find_scale(text[:4000])  # a statement near the top holds for the whole document
    for table in joined:
        if kind not in BUDGET_KINDS and is_indicator_table(table):
            rows.extend(indicator_rows(table, kind, field, year))
        elif is_budget_table(table, kind) and budget is None:
            found = budget_of(table, kind, field, year, document_scale)
            if found.lines:
                budget = found
    unsure = bool(rows) and all(row.unsure for row in rows)
    return DocumentContent(
        kind,
        field,
        tuple(rows),
        budget,
        text,
        readable=readable,
        unsure=unsure,
        picture_only=bool(picture_pages) and not rows,
        problem=problem,
        complete=complete,
        ocr=any(table.source == "ocr" for table in joined),
    )
