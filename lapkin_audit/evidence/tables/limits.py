"""Bounds every table reader keeps, whatever a document holds (docs/decisions.md)."""

from __future__ import annotations

MAX_TABLE_PAGES = 200  # pages of a PDF searched for tables (a LKjIP is 30-80 pages)
MAX_TABLES = 200  # tables kept per document
MAX_ROWS = 2_000  # rows kept per table (a kecamatan's capaian table has 5-30; an LRA a few hundred)
MAX_COLUMNS = 40
MAX_CELL_CHARS = 2_000  # characters kept per cell (an indicator's name is under 300)
MAX_SHEET_ROWS = 20_000  # rows of a worksheet looked at, empty ones included
MAX_SHEETS = 20


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
