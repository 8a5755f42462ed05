"""The content model: tables as read from a document, and the figures read from them.

Every figure keeps where it came from (document kind, manifest field, page) so a finding
can name both sides of a disagreement, and whether OCR read it unsure (then it may only
ever give C008, never C001-C005).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lapkin_audit.domain.numbers import RUPIAH, Number, Scale

OCR_CONFIDENCE = 60  # the evidence stage's threshold (evidence.facts.OCR_CONFIDENCE; domain imports no stage)

# ----------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Cell:
    text: str
    confidence: int | None = None  # OCR: the lowest word confidence in the cell (0-100); None: not OCR

    @property
    def unsure(self) -> bool:
        return self.confidence is not None and bool(self.text.strip()) and self.confidence < OCR_CONFIDENCE


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    page: int  # 1-based page of a PDF or scan; 0 for a DOCX body; the sheet's number in an XLSX

    def texts(self) -> tuple[str, ...]:
        return tuple(cell.text for cell in self.cells)


@dataclass(frozen=True)
class Table:
    """One table as a reader found it: rows of cells, top to bottom, merged cells empty
    but for their first (top-left) cell."""

    rows: tuple[Row, ...]
    source: str = "teks"  # "teks" (text layer, DOCX, XLSX cell values) or "ocr"
    caption: str = ""  # the text just above it (title, "(dalam ribuan rupiah)")
    sheet: str | None = None  # an XLSX sheet's name
    truncated: bool = False  # rows or cells past the readers' limits were left out

    @property
    def page(self) -> int:
        return self.rows[0].page if self.rows else 0


# ----------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class Source:
    """Where a figure was read: the document (its kind and manifest field) and its page."""

    kind: str  # document kind id: dokumen_iku, laporan_data_kinerja, draf_laporan_disahkan, ...
    field: str = ""  # the manifest field of the document ("dokumen[4]")
    page: int | None = None  # 1-based page (PDF, scan), None for a DOCX body; sheet number (XLSX)

    def as_json(self) -> dict[str, Any]:
        return {"jenis": self.kind, "field": self.field, "page": self.page}


@dataclass(frozen=True)
class Figure:
    number: Number
    source: Source
    unsure: bool = False  # read by OCR below the confidence threshold

    @property
    def value(self) -> Decimal:
        return self.number.value


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as a document's table gives it."""

    name: str
    source: Source
    unit: str = ""
    target: Figure | None = None  # the year's target (or a target not said to be a period's)
    period_targets: Mapping[str, Figure] = field(default_factory=dict)  # "triwulan-2" -> its target
    realisasi: Figure | None = None  # for the dossier's period where the table says so
    period_realisasi: Mapping[str, Figure] = field(default_factory=dict)
    capaian: Figure | None = None
    direction: str | None = None  # naik / turun, where the row states it
    unsure: bool = False  # a cell of the row that matters was read by unsure OCR
    unreadable: tuple[str, ...] = ()  # columns whose figure is not a number the locale reads ("85.5")


@dataclass(frozen=True)
class BudgetLine:
    """A line of a budget table: the total, or a program / kegiatan the report breaks out."""

    name: str
    source: Source
    pagu: Figure | None = None
    realisasi: Figure | None = None
    persen: Figure | None = None
    total: bool = False  # the table's total row (Jumlah, Total)


@dataclass(frozen=True)
class Budget:
    lines: tuple[BudgetLine, ...]
    scale: Scale = RUPIAH  # the unit the table states (or rupiah, assumed)

    @property
    def total(self) -> BudgetLine | None:
        totals = [line for line in self.lines if line.total]
        if totals:
            return totals[-1]
        return self.lines[0] if len(self.lines) == 1 else None


@dataclass(frozen=True)
class DocumentContent:
    """What one document says that the content checks compare."""

    kind: str
    field: str = ""
    indicators: tuple[IndicatorRow, ...] = ()
    budget: Budget | None = None
    text: str = ""  # its readable text (for its parts, C006)
    readable: bool = True  # False: not read (missing, damaged, stopped, no text)
    unsure: bool = False  # some of its text came from OCR below the threshold
    picture_only: bool = False  # a page with a text layer shows a table only as a picture
    problem: str | None = None  # why it was not read, for C008's message
    complete: bool = False  # every page read from a text layer (or a DOCX): only then can it prove a part absent
    ocr: bool = False  # some of its tables were read by OCR: they confirm what they show, never an absence
