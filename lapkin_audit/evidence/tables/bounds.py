"""Bounds every table reader keeps, whatever a document holds (docs/decisions.md); the
pages searched and the CPU the tables may spend are the reader's limits
(``evidence.limits.Limits.max_table_pages`` and ``tables_cpu``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from lapkin_audit.domain.content.model import Row, Table

MAX_TABLES = 200  # tables kept per document
MAX_ROWS = 2_000  # rows kept per table (a kecamatan's capaian table has 5-30; an LRA a few hundred)
MAX_COLUMNS = 40
MAX_CELL_CHARS = 2_000  # characters kept per cell (an indicator's name is under 300)
MAX_SHEET_ROWS = 20_000  # rows of a worksheet looked at, empty ones included
MAX_SHEETS = 20
MAX_TABLE_CHARS = 1_000_000  # characters of cells kept of one document's tables (its text's bound too)


def clip(text: str) -> tuple[str, bool]:
    """The cell's text within MAX_CELL_CHARS, and whether it was cut."""
    return (text, False) if len(text) <= MAX_CELL_CHARS else (text[:MAX_CELL_CHARS], True)


def join_lines(text: str) -> str:
    """A cell's lines as one line: a word hyphenated at a line end is joined when the next
    line goes on in lower case ("kepen-\\nduduk"), and a figure wrapped in a narrow column
    is joined again; otherwise lines are joined by a space."""
    out = ""
    for line in text.replace("\r", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if out.endswith("-") and line[:1].islower() and len(out) > 1 and out[-2].isalpha():
            out = out[:-1] + line
        elif (out[-1:].isdigit() or out[-1:] in ".,(") and all(c.isdigit() or c in ".,)%" for c in line):
            out += line  # a figure wrapped in a narrow column: "1.102.450.000,0" / "0"
        else:
            out = f"{out} {line}" if out else line
    return out


def within_bounds(tables: Sequence[Table]) -> tuple[tuple[Table, ...], bool]:
    """The tables within MAX_TABLE_CHARS characters of cells in all (the document's text
    has a bound of its own), and whether any were cut: the facts of a document with a
    table of millions of cells stay small enough to answer and to cache."""
    kept: list[Table] = []
    left = MAX_TABLE_CHARS
    for table in tables:
        rows: list[Row] = []
        for row in table.rows:
            left -= sum(len(cell.text) for cell in row.cells)
            if left < 0:
                if rows:
                    kept.append(dataclasses.replace(table, rows=tuple(rows), truncated=True))
                return tuple(kept), True
            rows.append(row)
        kept.append(table)
    return tuple(kept), False
