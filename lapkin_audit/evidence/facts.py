"""The facts read from one attachment's content (their JSON form: ``evidence.codec``)."""

from __future__ import annotations

from dataclasses import dataclass

from lapkin_audit.domain.content.model import Table
from lapkin_audit.evidence.signatures import SignatureFact

# Why a document could not be read (fully). B001 when the file is not a readable document
# of its format, or the reader gave up on it: it passed the CPU budget (``timeout``), the
# memory budget, the page limit or the size limit, or crashed the reader (evidence.md 1.2:
# a document that cannot be read within generous limits must never pass more easily than
# one that can). B006 when an honest document gave no usable text: a scan without OCR,
# OCR too unsure, no text at all, a spreadsheet of formulas never calculated.
GAVE_UP = ("timeout", "memory", "crashed", "too_many_pages", "too_large")
NOT_A_DOCUMENT = ("unknown_format", "damaged", "encrypted", "hostile", *GAVE_UP)
NOT_READ = ("no_ocr", "ocr_unsure", "no_text", "formulas_only")
# Outcomes that may be the machine's doing rather than the document's (a wall-clock guard
# on a loaded machine, a crash): never kept, neither as facts nor in a cached result.
NOT_KEPT = ("timeout", "memory", "crashed")

# Why a document's tables alone could not be read (``DocumentFacts.tables_problem``).
TABLES_PROBLEMS = ("timeout", "damaged", "hostile")

# Mean word confidence (0-100) from which an OCR page counts as read (docs/decisions.md).
OCR_CONFIDENCE = 60

FORMATS = ("pdf", "docx", "xlsx", "jpeg", "png", "tiff")


@dataclass(frozen=True)
class TextPiece:
    """The text of one page (PDF, image frame) or of the whole body (DOCX)."""

    page: int  # 1-based; 0 for a DOCX body
    source: str  # "teks" (a text layer or a DOCX) or "ocr"
    text: str
    confidence: int | None = None  # OCR's mean word confidence, 0-100

    @property
    def usable(self) -> bool:
        """Text a check may rely on: a text layer, confident OCR, or a blank page."""
        return self.source == "teks" or not self.text.strip() or (self.confidence or 0) >= OCR_CONFIDENCE


@dataclass(frozen=True)
class DocumentFacts:
    sha256: str
    format: str  # one of FORMATS, or "unknown"
    pages: int | None = None
    pieces: tuple[TextPiece, ...] = ()
    problem: str | None = None  # one of NOT_A_DOCUMENT or NOT_READ, or None
    detail: str | None = None  # what the reader said about the problem, for the message
    unread_pages: int = 0  # pages with no text layer that OCR could not read (or was not asked to)
    # Electronic signatures (PDF), in signing order (evidence.signatures), and why they could
    # not be read when pyHanko could not; QR codes decoded on the pages that were rendered.
    signatures: tuple[SignatureFact, ...] = ()
    signature_problem: str | None = None
    qr_codes: tuple[str, ...] = ()
    cut_chars: int = 0  # characters of text not kept (pages or a document past the limits)
    # Pages (1-based, of those read) that carry an image: a scan, a signature, a stamp, a
    # logo (PDF only). A born-digital page without one shows no ink (B008).
    image_pages: tuple[int, ...] = ()
    # content.md: the document's tables, read only for the documents the content checks
    # compare (the request says which: ``evidence.codec``) and for every spreadsheet (its
    # cells are its text); the text pages carrying a picture as wide as a table; whether
    # rows, cells or pages past the table readers' bounds or budget were left out; why the
    # tables could not be read (whole) when the text could: ``timeout`` (their CPU
    # allowance), ``damaged`` or ``hostile`` (the table reader's parser failed on it).
    tables: tuple[Table, ...] = ()
    picture_pages: tuple[int, ...] = ()
    tables_truncated: bool = False
    tables_problem: str | None = None

    @property
    def text_source(self) -> str | None:
        """Where the usable text came from: "ocr" if any of it did, "teks", or None (no text)."""
        usable = [piece for piece in self.pieces if piece.usable and piece.text.strip()]
        if not usable:
            return None
        return "ocr" if any(piece.source == "ocr" for piece in usable) else "teks"

    @property
    def text(self) -> str:
        """The usable text, pages joined by a line break."""
        return "\n".join(piece.text for piece in self.pieces if piece.usable)

    @property
    def complete(self) -> bool:
        """Every page was read from a text layer: only then can the text prove something absent."""
        return (
            self.problem is None
            and self.unread_pages == 0
            and self.cut_chars == 0
            and bool(self.pieces)
            and all(piece.source == "teks" for piece in self.pieces)
        )

    @property
    def ocr_confidence(self) -> int | None:
        scores = [piece.confidence for piece in self.pieces if piece.source == "ocr" and piece.confidence is not None]
        return min(scores) if scores else None
