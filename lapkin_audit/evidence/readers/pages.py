"""The pages of a document as they are read (PDF pages, image frames): text-layer pieces,
scanned pages queued for OCR in batches as large as the OCR pool, QR codes, the tables of
scanned pages (when the document's tables are wanted), and the facts they make. Shared by
the PDF and image readers."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from lapkin_audit.domain.content.model import Table
from lapkin_audit.evidence.facts import DocumentFacts, TextPiece
from lapkin_audit.evidence.job import Job

MAX_QR_PAGES = 20  # scanned pages rendered for their QR codes alone when there is no OCR
MAX_QR_CODES = 10  # per document; each kept to MAX_QR_CHARS
MAX_QR_CHARS = 500


class Pages:
    def __init__(self, job: Job) -> None:
        self.job = job
        self.pieces: list[TextPiece] = []
        self.codes: list[str] = []
        self.unread = 0  # pages with no text layer that OCR could not read (or was not asked to)
        self.rendered = 0
        self.pending: list[tuple[int, Any]] = []
        self.images: list[int] = []  # pages (1-based) that carry an image (B008: is there ink?)
        self.tables: list[Table] = []  # the scanned pages' tables (a text layer's: the PDF reader's)

    def add(self, piece: TextPiece) -> None:
        self.pieces.append(piece)

    def wants_image(self) -> bool:
        """Whether the next scanned page is worth rendering (for OCR, or its QR codes)."""
        limit = self.job.limits.max_ocr_pages if self.job.ocr.available() else MAX_QR_PAGES
        return self.rendered < limit

    def scanned(self, index: int, image: Any) -> None:
        """A page (0-based ``index``) without a text layer, rendered (or None: not rendered)."""
        if image is None:
            self.unread += 1
            return
        self.rendered += 1
        self.codes.extend(_qr_codes(image, len(self.codes)))
        if not self.job.ocr.available():
            self.unread += 1
            return
        self.pending.append((index, image))
        if len(self.pending) >= self.job.ocr.workers:
            self._flush()

    def _flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        self.job.check()
        reads, elsewhere = self.job.ocr.read([image for _, image in batch], self.job.tables)
        self.job.spend(elsewhere)
        for (index, _), done in zip(batch, reads, strict=True):
            if done is None:
                self.unread += 1
            else:
                self.pieces.append(TextPiece(index + 1, "ocr", self.job.keep(done.text), done.confidence))
                self.tables.extend(_on_page(table, index + 1) for table in done.tables)
        self.job.check()

    def facts(
        self,
        sha256: str,
        fmt: str,
        count: int,
        tables: Sequence[Table] = (),
        picture_pages: Sequence[int] = (),
        tables_truncated: bool = False,
        tables_problem: str | None = None,
    ) -> DocumentFacts:
        """``tables`` and the rest: what the text layer's tables gave (the PDF reader's),
        joined with the scanned pages' tables."""
        self._flush()
        self.pieces.sort(key=lambda piece: piece.page)
        found = sorted([*tables, *self.tables], key=lambda table: table.page)
        problem = self._problem()
        return DocumentFacts(
            sha256,
            fmt,
            count,
            tuple(self.pieces),
            problem,
            None,
            self.unread,
            qr_codes=tuple(self.codes),
            cut_chars=self.job.cut,
            image_pages=tuple(self.images),
            tables=tuple(found),
            picture_pages=tuple(picture_pages),
            tables_truncated=tables_truncated,
            tables_problem=tables_problem,
        )

    def _problem(self) -> str | None:
        if self.unread and not self.job.ocr.available():
            return "no_ocr"
        if any(piece.text.strip() and not piece.usable for piece in self.pieces):
            return "ocr_unsure"
        if not any(piece.usable and piece.text.strip() for piece in self.pieces):
            return "no_text"
        return None


def _on_page(table: Table, page: int) -> Table:
    return dataclasses.replace(table, rows=tuple(dataclasses.replace(row, page=page) for row in table.rows))


def _qr_codes(image: Any, found: int) -> list[str]:
    """QR codes on a page already rendered (a scan): what they say, never opened."""
    if found >= MAX_QR_CODES:
        return []
    try:
        import zxingcpp
    except ImportError:  # the reader is part of the install; without it, codes are not read
        return []
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    return [code.text[:MAX_QR_CHARS] for code in codes[: MAX_QR_CODES - found] if code.text]
