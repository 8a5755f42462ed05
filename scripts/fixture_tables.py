"""Bordered tables in the fixture dossiers' hand-built PDFs (scripts/fixture_documents.py).

The fixture dossiers' documents carry the tables an office's documents carry: the IKU's
indicators and targets, the Laporan Data Kinerja's realisasi per quarter, the LRA's and
the DPA's budget lines, and the report's capaian and budget tables. Cells are drawn with
their borders, as a word processor prints them, so the PDF reader finds them by their
ruling lines. Every byte is deterministic. The figures are those of the content fixtures
(scripts/content_documents.py), so both sets of fixtures tell the same story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import content_documents as cd

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
LEFT, TOP = 64.0, 790.0
LINE = 15.0
CELL_FONT = 9.0


@dataclass(frozen=True)
class Grid:
    header: list[str]
    rows: list[list[str]]
    widths: list[float]
    right_from: int = 2  # columns from this one hold figures, right-aligned


def _escape(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def _wrap(text: str, width: float) -> list[str]:
    """Words of a cell in lines that fit its width (Helvetica's mean width, about half an em)."""
    fits = max(1, int((width - 6) / (CELL_FONT * 0.5)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= fits:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def page_ops(items: Sequence[str | Grid]) -> bytes:
    """A page's content stream: lines of text (Helvetica 11) and bordered tables."""
    ops: list[bytes] = []
    y = TOP
    for item in items:
        if isinstance(item, str):
            if item:
                ops.append(b"BT /F1 11 Tf %.2f %.2f Td (%s) Tj ET" % (LEFT, y, _escape(item)))
            y -= LINE
            continue
        y = _grid(item, y, ops) - LINE / 2
    return b"\n".join(ops)


def _grid(grid: Grid, y: float, ops: list[bytes]) -> float:
    for index, row in enumerate([grid.header, *grid.rows]):
        wrapped = [_wrap(text, width) for text, width in zip(row, grid.widths, strict=True)]
        height = max(len(lines) for lines in wrapped) * (CELL_FONT + 2) + 6
        x = LEFT
        for column, (lines, width) in enumerate(zip(wrapped, grid.widths, strict=True)):
            ops.append(b"%.2f %.2f %.2f %.2f re S" % (x, y - height, width, height))
            for n, line in enumerate(lines):
                tx = x + 3
                if index > 0 and column >= grid.right_from:
                    tx = x + width - 3 - len(line) * CELL_FONT * 0.55
                ty = y - 3 - CELL_FONT - n * (CELL_FONT + 2)
                ops.append(b"BT /F1 %.1f Tf %.2f %.2f Td (%s) Tj ET" % (CELL_FONT, tx, ty, _escape(line)))
            x += width
        y -= height
    return y


# ----------------------------------------------------------------------------- the tables


def _f(value: Decimal) -> str:
    return cd.fmt(value, 0 if value == int(value) else 2)


def iku_grid(arah: bool = True) -> Grid:
    """The IKU's indicators; ``arah``: whether it states each one's direction."""
    rows = []
    for n, ind in enumerate(cd.INDICATORS, 1):
        note = "Semakin tinggi semakin baik" if ind.arah == "naik" else "Semakin rendah semakin baik"
        rows.append([str(n), ind.name, ind.satuan, _f(ind.target), note if arah else "Sasaran Renstra 2021-2026"])
    return Grid(
        ["No", "Indikator Kinerja Utama", "Satuan", "Target 2024", "Keterangan"], rows, [22, 230, 50, 55, 110], 3
    )


def data_grid(ke: int) -> Grid:
    rows = []
    for n, ind in enumerate(cd.INDICATORS, 1):
        values = [_f(r) if q <= ke else "-" for q, r in enumerate(ind.realisasi_tw, 1)]
        rows.append([str(n), ind.name, ind.satuan, *values])
    header = ["No", "Indikator Kinerja", "Satuan", *(f"Realisasi TW {ROMAN[q]}" for q in range(1, 5))]
    return Grid(header, rows, [22, 215, 50, 45, 45, 45, 45], 3)


def spent(ke: int) -> list[tuple[str, str, Decimal, Decimal]]:
    """The budget lines with their realisasi to the end of quarter ``ke`` (TW II: the LRA's)."""
    out = []
    for code, name, pagu, real in cd.BUDGET_LINES:
        value = (real * ke / 2).quantize(Decimal(1000), rounding=ROUND_HALF_UP) if ke != 2 else real
        out.append((code, name, pagu, value))
    return out


def lra_grid(ke: int) -> Grid:
    lines = spent(ke)
    rows = [[code, name, cd.fmt(p, 2), cd.fmt(r, 2), cd.fmt(r / p * 100, 2)] for code, name, p, r in lines]
    pagu, real = sum(x[2] for x in lines), sum(x[3] for x in lines)
    rows.append(["", "JUMLAH BELANJA", cd.fmt(pagu, 2), cd.fmt(real, 2), cd.fmt(real / pagu * 100, 2)])
    return Grid(["Kode Rekening", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "%"], rows, [60, 170, 90, 90, 50])


def dpa_grid() -> Grid:
    rows = [[code, name, cd.fmt(pagu)] for code, name, pagu, _ in cd.BUDGET_LINES]
    rows.append(["", "JUMLAH BELANJA", cd.fmt(sum(x[2] for x in cd.BUDGET_LINES))])
    return Grid(["Kode Rekening", "Uraian", "Jumlah (Rp)"], rows, [80, 240, 110])


@dataclass(frozen=True)
class Printed:
    """What a fixture's report prints differently from its sources (one change per C fixture)."""

    targets: dict[int, Decimal] = field(default_factory=dict)
    realisasi: dict[int, Decimal] = field(default_factory=dict)
    capaian: dict[int, Decimal] = field(default_factory=dict)
    drop: tuple[int, ...] = ()
    pagu: Decimal | None = None


def capaian_grid(ke: int, printed: Printed = Printed()) -> Grid:
    """The report's capaian table: the targets of the Perjanjian Kinerja's quarter are the
    IKU's year targets here (the fixture dossiers attach no Perjanjian Kinerja)."""
    rows = []
    for n, ind in enumerate(cd.INDICATORS):
        if n in printed.drop:
            continue
        target = printed.targets.get(n, ind.target)
        real = printed.realisasi.get(n, ind.realisasi_tw[ke - 1])
        if ind.arah == "naik":
            value = real / target * 100
        else:
            value = (2 * target - real) / target * 100
        value = printed.capaian.get(n, value)
        rows.append([str(len(rows) + 1), ind.name, ind.satuan, _f(target), _f(real), cd.fmt(value, 2)])
    header = ["No", "Indikator Kinerja", "Satuan", "Target 2024", f"Realisasi TW {ROMAN[ke]}", "Capaian (%)"]
    return Grid(header, rows, [22, 215, 50, 55, 60, 60], 3)


def budget_grid(ke: int, printed: Printed = Printed()) -> Grid:
    lines = spent(ke)
    rows = [[str(n), name, cd.fmt(p), cd.fmt(r), cd.fmt(r / p * 100, 2)] for n, (_, name, p, r) in enumerate(lines, 1)]
    pagu, real = sum(x[2] for x in lines), sum(x[3] for x in lines)
    shown = printed.pagu if printed.pagu is not None else pagu
    rows.append(["", "Jumlah", cd.fmt(shown), cd.fmt(real), cd.fmt(real / shown * 100, 2)])
    return Grid(["No", "Uraian", "Pagu Anggaran (Rp)", "Realisasi (Rp)", "%"], rows, [22, 200, 95, 95, 50])


def report_tables(ke: int, printed: Printed = Printed()) -> list[str | Grid]:
    """The report's second page: its capaian and budget tables (Bab III as a lampiran)."""
    return [
        f"LAMPIRAN: CAPAIAN KINERJA TRIWULAN {ROMAN[ke]} TAHUN 2024",
        "",
        "A. Capaian Kinerja Organisasi",
        capaian_grid(ke, printed),
        "B. Realisasi Anggaran",
        budget_grid(ke, printed),
    ]
