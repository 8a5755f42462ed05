"""From tables to figures: which columns hold the indicator, its target, realisasi and capaian,
or a budget's pagu and realisasi, read from the tables' headers as people title them.

A column is known by its title ("Indikator Kinerja", "Target 2024", "Realisasi TW II",
"Capaian (%)", "Pagu Anggaran"), never by its place. Header cells merged over several
columns ("Target" over "Tahun | TW II") lend their title to the columns below them. A
title naming another year ("Realisasi 2023", the comparison with last year that
PermenPAN-RB 53/2014 asks for) or the Renstra's target is not the period's figure and is
left out. A table continued on the next page with its header repeated is one table.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lapkin_audit.domain.capaian import read_direction
from lapkin_audit.domain.content.model import Budget, BudgetLine, Cell, Figure, IndicatorRow, Row, Source, Table
from lapkin_audit.domain.numbers import RUPIAH, NumberError, Scale, find_scale, parse_number

MAX_HEADER_ROWS = 4
HEADER_WORDS = (
    "indikator",
    "target",
    "realisasi",
    "capaian",
    "satuan",
    "pagu",
    "anggaran",
    "uraian",
    "program",
    "kegiatan",
    "arah",
    "polaritas",
    "sasaran",
    "jumlah",
    "kode",
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_PERIOD = re.compile(
    r"\b(tw|trw|triwulan|semester|smt|sem)\s*[-.]?\s*(iv|iii|ii|i|vi|v|[1-6])\b|\b(?:bulan|bln)\s+(\d{1,2})\b"
)
_PERIOD_KIND = {"tw": "triwulan", "trw": "triwulan", "triwulan": "triwulan", "semester": "semester", "smt": "semester"}
_PERIOD_KIND["sem"] = "semester"
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_NOT_THE_PERIOD = ("renstra", "jangka menengah", "akhir periode", "rpjmd", "tahun lalu", "sebelumnya", "s.d", "s/d")


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class Column:
    index: int
    role: str  # name, unit, target, realisasi, capaian, direction, pagu, persen, note
    period: str | None = None  # "triwulan-2" where the title names a period


def period_of(label: str) -> str | None:
    """``triwulan-2`` for "Target TW II", ``semester-1`` for "Smt I", ``bulanan-7``; None."""
    found = _PERIOD.search(fold(label))
    if found is None:
        return None
    if found.group(3):
        return f"bulanan-{int(found.group(3))}"
    number = found.group(2)
    return f"{_PERIOD_KIND[found.group(1)]}-{_ROMAN.get(number) or int(number)}"


def _role(label: str) -> str | None:
    words = fold(label)
    if "realisasi" in words:
        return "realisasi"
    if "capaian" in words or words.strip("() ") in ("%", "persen", "persentase"):
        return "capaian"
    if "target" in words:
        return "target"
    if "indikator" in words:
        return "name"
    if "satuan" in words:
        return "unit"
    if "arah" in words or "polaritas" in words:
        return "direction"
    return None


def _budget_role(label: str) -> str | None:
    words = fold(label)
    if "realisasi" in words and "%" not in words and "persen" not in words:
        return "realisasi"
    if words.strip("() ") in ("%", "persen") or "serapan" in words or "persentase" in words or "(%)" in words:
        return "persen"
    if any(w in words for w in ("pagu", "anggaran", "jumlah", "nilai", "alokasi")):
        return "pagu"
    if any(w in words for w in ("uraian", "program", "kegiatan", "nama")):
        return "name"
    return None


def _is_header(row: Row) -> bool:
    """A row of column titles: one names a figure's column, or all name periods or years
    (the second header row under a merged "Target Triwulan": "TW I | TW II | ...")."""
    texts = [fold(t) for t in row.texts() if t.strip()]
    if not texts or any(_figure_not_year(text) for text in texts):
        return False  # a row with a figure is data ("3 | Jumlah desa ... | 9"), whatever words it has
    if any(word in text for text in texts for word in HEADER_WORDS):
        return True
    return all(period_of(text) or _YEAR.fullmatch(text.strip("() ")) for text in texts)


def _figure_not_year(text: str) -> bool:
    try:
        number = parse_number(text)
    except NumberError:
        return False
    return number is not None and not number.dash and not _YEAR.fullmatch(text.strip())


def _is_numbering(row: Row) -> bool:
    """The row of column numbers under a header: "(1) (2) (3)" or "1 2 3"."""
    texts = [t.strip().strip("()") for t in row.texts() if t.strip()]
    return len(texts) >= 2 and all(t.isdigit() for t in texts) and [int(t) for t in texts] == sorted(map(int, texts))


@functools.lru_cache(maxsize=512)  # asked by every reading of a table: kind, rows, continuation
def header_of(table: Table) -> tuple[tuple[str, ...], int]:
    """Each column's title (header rows joined, merged titles spread), and the first data row."""
    rows = table.rows
    first = 0
    while first < min(len(rows), MAX_HEADER_ROWS) and len({t for t in rows[first].texts() if t.strip()}) <= 1:
        first += 1  # a title over the whole table ("TABEL 3.1 CAPAIAN KINERJA"), not a column's
    count = first
    for row in rows[first : first + MAX_HEADER_ROWS]:
        if not _is_header(row):
            break
        count += 1
    if count == first:
        first = count = 0
    width = max((len(row.cells) for row in rows), default=0)
    grid = [[*row.texts(), *([""] * (width - len(row.cells)))] for row in rows[first:count]]
    for k in range(len(grid) - 1):  # a merged title over the columns below it
        for j in range(1, width):
            if not grid[k][j].strip() and grid[k + 1][j].strip() and grid[k][j - 1].strip():
                grid[k][j] = grid[k][j - 1]
    labels = tuple(" ".join(grid[k][j].strip() for k in range(len(grid)) if grid[k][j].strip()) for j in range(width))
    start = count + (1 if count < len(rows) and _is_numbering(rows[count]) else 0)
    return labels, start


def _columns(labels: Sequence[str], year: int, budget: bool) -> list[Column]:
    columns = []
    for index, label in enumerate(labels):
        role = _budget_role(label) if budget else _role(label)
        if role is None:
            continue
        folded = fold(label)
        if role in ("target", "realisasi", "capaian", "pagu") and any(w in folded for w in _NOT_THE_PERIOD):
            continue
        years = {int(m.group(0)) for m in _YEAR.finditer(folded)}
        if years and year not in years:
            continue  # last year's realisation, the Renstra's final year
        columns.append(Column(index, role, period_of(label)))
    return columns


def join_continued(tables: Iterable[Table]) -> list[Table]:
    """Tables continued on the next page (their header repeated, or none) joined into one."""
    joined: list[Table] = []
    for table in tables:
        if joined and _continues(joined[-1], table):
            previous = joined[-1]
            labels, _ = header_of(previous)
            head, start = header_of(table)
            rows = table.rows[start:] if head == labels and start else table.rows
            joined[-1] = Table(
                previous.rows + rows,
                previous.source,
                previous.caption,
                previous.sheet,
                previous.truncated or table.truncated,
            )
        else:
            joined.append(table)
    return joined


def _continues(previous: Table, table: Table) -> bool:
    if not previous.rows or not table.rows or table.page != previous.rows[-1].page + 1:
        return False
    if len(table.rows[0].cells) != len(previous.rows[0].cells):
        return False
    labels, _ = header_of(previous)
    head, start = header_of(table)
    return (head == labels and start > 0) or not _is_header(table.rows[0])


def _figure(cell: Cell | None, source: Source) -> tuple[Figure | None, bool]:
    """The cell's figure, and whether it holds text the locale does not read as one."""
    if cell is None or not cell.text.strip():
        return None, False
    try:
        number = parse_number(cell.text)
    except NumberError:
        return None, True
    return (None, False) if number is None else (Figure(number, source, cell.unsure), False)


def _cell(row: Row, index: int) -> Cell | None:
    return row.cells[index] if index < len(row.cells) else None


def _name(row: Row, index: int) -> str:
    cell = _cell(row, index)
    return " ".join(cell.text.split()) if cell else ""


def is_indicator_table(table: Table) -> bool:
    labels, _ = header_of(table)
    roles = {_role(label) for label in labels}
    return "name" in roles and bool(roles & {"target", "realisasi", "capaian"})


def indicator_rows(table: Table, kind: str, field: str, year: int) -> list[IndicatorRow]:
    """The indicators a table lists (an indicator table: ``is_indicator_table``)."""
    labels, start = header_of(table)
    columns = _columns(labels, year, budget=False)
    names = [c for c in columns if c.role == "name"]
    if not names:
        return []
    name_at = names[-1].index  # "Sasaran | Indikator Kinerja": the indicator's own column
    found: list[IndicatorRow] = []
    for row in table.rows[start:]:
        source = Source(kind, field, row.page or None)
        name = _name(row, name_at)
        figures: dict[tuple[str, str | None], Figure] = {}
        unreadable: list[str] = []
        name_cell = _cell(row, name_at)
        unsure = name_cell is not None and name_cell.unsure
        direction = unit = None
        for column in columns:
            cell = _cell(row, column.index)
            if column.role == "unit":
                unit = " ".join(cell.text.split()) if cell else ""
            elif column.role == "direction":
                direction = read_direction(cell.text, bare=True) if cell else None
            elif column.role in ("target", "realisasi", "capaian"):
                figure, bad = _figure(cell, source)
                if figure is not None:
                    figures.setdefault((column.role, column.period), figure)
                    unsure = unsure or figure.unsure
                elif bad:
                    unreadable.append(labels[column.index])
        if not name and not figures:
            continue
        if name and not figures and not unreadable and found and not _others(row, columns):
            # a wrapped name read as a row of its own (OCR, no ruling lines): it continues the row above
            found[-1] = dataclasses.replace(found[-1], name=f"{found[-1].name} {name}")
            continue
        if not name or fold(name) in ("jumlah", "total", "rata-rata", "rata rata"):
            continue
        if direction is None:
            direction = read_direction(" ".join(row.texts()))
        found.append(
            IndicatorRow(
                name=name,
                source=source,
                unit=unit or "",
                target=figures.get(("target", None)),
                period_targets={p: f for (r, p), f in figures.items() if r == "target" and p},
                realisasi=figures.get(("realisasi", None)),
                period_realisasi={p: f for (r, p), f in figures.items() if r == "realisasi" and p},
                capaian=figures.get(("capaian", None))
                or next((f for (r, _), f in figures.items() if r == "capaian"), None),
                direction=direction,
                unsure=unsure,
                unreadable=tuple(unreadable),
            )
        )
    return found


def _others(row: Row, columns: Sequence[Column]) -> bool:
    """Whether any column but the name has text in this row."""
    for column in columns:
        cell = _cell(row, column.index)
        if column.role != "name" and cell is not None and cell.text.strip():
            return True
    return False


def is_budget_table(table: Table, kind: str) -> bool:
    labels, _ = header_of(table)
    roles = {_budget_role(label) for label in labels}
    if is_indicator_table(table):
        return False
    return "pagu" in roles and ("realisasi" in roles or kind == "dpa")


def budget_of(table: Table, kind: str, field: str, year: int, document_scale: Scale | None = None) -> Budget:
    """A budget table's lines (the total among them), in the unit it states."""
    labels, start = header_of(table)
    columns = _columns(labels, year, budget=True)
    by_role: dict[str, int] = {}
    for column in columns:
        by_role.setdefault(column.role, column.index)
    name_at = by_role.get("name", 0)
    head = " ".join([table.caption, *labels, *(" ".join(r.texts()) for r in table.rows[:start])])
    scale = find_scale(head) or document_scale or RUPIAH
    lines = []
    for row in table.rows[start:]:
        source = Source(kind, field, row.page or None)
        name = _name(row, name_at)
        values = {}
        for role in ("pagu", "realisasi", "persen"):
            if role in by_role:
                values[role], _ = _figure(_cell(row, by_role[role]), source)
        if not name or not any(values.values()):
            continue
        folded = fold(name)
        total = folded.startswith(("jumlah", "total")) or folded in ("belanja", "total belanja")
        lines.append(BudgetLine(name, source, values.get("pagu"), values.get("realisasi"), values.get("persen"), total))
    return Budget(tuple(_prefer_belanja(lines)), scale)


def _prefer_belanja(lines: list[BudgetLine]) -> list[BudgetLine]:
    """An LRA totals its income and its spending: the report's budget is the spending."""
    totals = [line for line in lines if line.total]
    if len(totals) > 1 and any("belanja" in fold(line.name) for line in totals):
        return [line for line in lines if not line.total or "belanja" in fold(line.name)]
    return lines
