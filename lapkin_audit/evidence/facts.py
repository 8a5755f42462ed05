"""The facts read from one attachment's content, and their JSON form (cache, child output)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lapkin_audit.domain.content.model import Table, table_from_json
from lapkin_audit.evidence.signatures import SignatureFact, signature_from_json

# Why a document could not be read (fully): B001 when the file is not a readable document
# of its format, B006 when reading it was stopped or gave no usable text.
NOT_A_DOCUMENT = ("unknown_format", "damaged", "encrypted", "hostile")
NOT_READ = ("too_large", "timeout", "memory", "crashed", "no_ocr", "ocr_unsure", "no_text", "formulas_only")

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
    # --- content.md: the document's tables (evidence.tables), for the content checks ---
    tables: tuple[Table, ...] = ()
    picture_pages: tuple[int, ...] = ()  # text pages carrying a picture as wide as a table
    tables_truncated: bool = False  # rows, cells or pages past the table readers' limits

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
            and bool(self.pieces)
            and all(piece.source == "teks" for piece in self.pieces)
        )

    @property
    def ocr_confidence(self) -> int | None:
        scores = [piece.confidence for piece in self.pieces if piece.source == "ocr" and piece.confidence is not None]
        return min(scores) if scores else None

    def as_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "format": self.format,
            "pages": self.pages,
            "pieces": [[p.page, p.source, p.text, p.confidence] for p in self.pieces],
            "problem": self.problem,
            "detail": self.detail,
            "unread_pages": self.unread_pages,
            "signatures": [s.as_json() for s in self.signatures],
            "signature_problem": self.signature_problem,
            "qr_codes": list(self.qr_codes),
            "tables": [table.as_json() for table in self.tables],
            "picture_pages": list(self.picture_pages),
            "tables_truncated": self.tables_truncated,
        }


def facts_from_json(data: Mapping[str, Any]) -> DocumentFacts:
    """Raises KeyError, TypeError or ValueError on anything not written by ``as_json``."""
    pieces = []
    for page, source, text, confidence in data["pieces"]:
        if not isinstance(page, int) or source not in ("teks", "ocr") or not isinstance(text, str):
            raise ValueError("bad piece")
        if confidence is not None and not isinstance(confidence, int):
            raise ValueError("bad confidence")
        pieces.append(TextPiece(page, source, text, confidence))
    problem = data["problem"]
    if problem is not None and problem not in NOT_A_DOCUMENT + NOT_READ:
        raise ValueError("bad problem")
    fmt = data["format"]
    if fmt not in (*FORMATS, "unknown"):
        raise ValueError("bad format")
    pages = data["pages"]
    if pages is not None and not isinstance(pages, int):
        raise ValueError("bad pages")
    detail = data["detail"]
    if detail is not None and not isinstance(detail, str):
        raise ValueError("bad detail")
    signatures = tuple(signature_from_json(s) for s in data["signatures"])
    signature_problem = data["signature_problem"]
    if signature_problem is not None and not isinstance(signature_problem, str):
        raise ValueError("bad signature problem")
    codes = data["qr_codes"]
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise ValueError("bad QR codes")
    pictures = data["picture_pages"]
    if not isinstance(pictures, list) or not all(isinstance(p, int) for p in pictures):
        raise ValueError("bad picture pages")
    return DocumentFacts(
        str(data["sha256"]),
        fmt,
        pages,
        tuple(pieces),
        problem,
        detail,
        int(data["unread_pages"]),
        signatures,
        signature_problem,
        tuple(codes),
        tuple(table_from_json(t) for t in data["tables"]),
        tuple(pictures),
        bool(data["tables_truncated"]),
    )
