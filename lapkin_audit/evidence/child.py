"""Reading one document's bytes into facts: run only in a child process (``evidence.read``).

``python -m lapkin_audit.evidence.child [TESSDATA]`` reads the document on standard input
and writes its facts as JSON on standard output. It runs under the limits the parent set
(memory, CPU time) and a wall-clock timeout: a parser that loops, swells or crashes here
ends this process, never the audit. It opens no file of the dossier (it gets bytes), and
never the network.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import math
import os
import sys
import warnings
import zipfile
from typing import Any

from lapkin_audit.domain.content.model import Table
from lapkin_audit.evidence.facts import DocumentFacts, TextPiece
from lapkin_audit.evidence.sniff import sniff

OcrRead = tuple[str, int | None, list[Table]]  # a page's text, mean word confidence, and tables

MAX_PAGES = 500  # pages whose text layer is read
MAX_OCR_PAGES = 20  # pages read by OCR per document (a signed report's front matter is early)
OCR_WORKERS_ENV = "LAPKIN_AUDIT_OCR_WORKERS"  # processes that read a document's pages at once
OCR_DPI = 300
MAX_PIXELS = 40_000_000  # an A4 page at 600 dpi is 35 million
MIN_OCR_DPI = 100  # a page so large that fewer dpi fit in MAX_PIXELS is not read by OCR
MIN_TEXT_CHARS = 20  # fewer characters on a page: no text layer (a page number, a stray mark)
# DOCX (a zip): bounds that no real report reaches, checked before anything is inflated.
ZIP_MAX_ENTRIES = 2_000
ZIP_MAX_TOTAL = 100 * 1024 * 1024
ZIP_MAX_RATIO = 200


class Hostile(Exception):
    """A file built to harm a reader (a zip bomb, XML entities): refused, not parsed."""


Trust = tuple[list[bytes], list[bytes]]  # trust roots and revocation lists, DER


def read(data: bytes, sha256: str, tessdata: str | None, trust: Trust = ([], [])) -> DocumentFacts:
    fmt = sniff(data)
    if fmt == "unknown":
        return DocumentFacts(sha256, "unknown", problem="unknown_format")
    try:
        if fmt == "pdf":
            facts = _pdf(data, sha256, tessdata)
            facts = _signed(facts, data, trust) if facts.problem not in ("encrypted", "damaged") else facts
            return _with_tables(facts, data)
        if fmt == "docx":
            return _with_tables(_docx(data, sha256), data)
        if fmt == "xlsx":
            return _with_tables(DocumentFacts(sha256, "xlsx", None), data)
        return _image(data, sha256, fmt, tessdata)
    except Hostile as exc:
        return DocumentFacts(sha256, fmt, problem="hostile", detail=str(exc))
    except MemoryError:
        return DocumentFacts(sha256, fmt, problem="memory")
    except RecursionError:
        return DocumentFacts(sha256, fmt, problem="hostile", detail="nesting too deep")
    except Exception as exc:  # any parser's own error on these bytes: the file is damaged
        return DocumentFacts(sha256, fmt, problem="damaged", detail=f"{type(exc).__name__}: {exc}")


# ----------------------------------------------------------------------------- tables (content.md)


def _with_tables(facts: DocumentFacts, data: bytes) -> DocumentFacts:
    """The document's tables (evidence.tables) added to its facts; a spreadsheet's cells are
    its text too. A document already refused or unread keeps its problem."""
    if facts.problem in ("encrypted", "damaged", "hostile"):
        return facts
    if facts.format == "docx":
        _check_zip(data)  # before python-docx parses it a second time
    from lapkin_audit.evidence.tables.read import document_tables

    text_pages = {piece.page for piece in facts.pieces if piece.source == "teks"} if facts.format == "pdf" else None
    found = document_tables(data, facts.format, text_pages)
    tables = sorted((*found.tables, *facts.tables), key=lambda table: table.page)  # text-layer pages and OCR'd ones
    facts = dataclasses.replace(
        facts, tables=tuple(tables), picture_pages=found.picture_pages, tables_truncated=found.truncated
    )
    if facts.format != "xlsx":
        return facts
    if found.problem is not None:
        return dataclasses.replace(facts, problem=found.problem, detail=found.detail)
    text = "\n".join(" | ".join(c.text for c in row.cells if c.text) for t in found.tables for row in t.rows)
    text = "\n".join([*(t.caption for t in found.tables if t.caption), text])
    piece = (TextPiece(0, "teks", _clean(text)),) if text.strip() else ()
    return dataclasses.replace(facts, pieces=piece, problem=None if piece else "no_text")


# ----------------------------------------------------------------------------- PDF


def _pdf(data: bytes, sha256: str, tessdata: str | None) -> DocumentFacts:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        password = getattr(pdfium.raw, "FPDF_ERR_PASSWORD", 4)
        if getattr(exc, "err_code", None) == password:
            return DocumentFacts(sha256, "pdf", problem="encrypted")
        return DocumentFacts(sha256, "pdf", problem="damaged", detail=str(exc))
    try:
        count = len(document)
        if count == 0:
            return DocumentFacts(sha256, "pdf", pages=0, problem="damaged", detail="no pages")
        pieces: list[TextPiece] = []
        codes: list[str] = []
        ocr_tables: list[Table] = []
        unread = rendered = 0
        ocr = _Ocr(tessdata)
        for index in range(min(count, MAX_PAGES)):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                unread += 1  # a page PDFium cannot load: the others may still be read
                continue
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
                if len(text.strip()) >= MIN_TEXT_CHARS:
                    pieces.append(TextPiece(index + 1, "teks", _clean(text)))
                    continue
                width, height = page.get_size()
                # Rendered for OCR, or (without OCR) for its QR codes, as many pages as OCR would read.
                wanted = ocr.can_read() or rendered < MAX_OCR_PAGES
                image = _render(page, width, height) if wanted else None
                rendered += image is not None
            finally:
                page.close()
            codes.extend(_qr_codes(image, len(codes)))
            if image is None or not ocr.queue(index, image):
                unread += 1
            for page_index, read in ocr.flush(full_only=True):
                unread += _add(pieces, page_index, read, ocr_tables)
        for page_index, read in ocr.flush():
            unread += _add(pieces, page_index, read, ocr_tables)
        pieces.sort(key=lambda piece: piece.page)
        unread += max(0, count - MAX_PAGES)
        problem = ocr.problem(unread, pieces)
        return DocumentFacts(
            sha256, "pdf", count, tuple(pieces), problem, None, unread, qr_codes=tuple(codes), tables=tuple(ocr_tables)
        )
    finally:
        document.close()


def _signed(facts: DocumentFacts, data: bytes, trust: Trust) -> DocumentFacts:
    """The PDF's electronic signatures (pyHanko, imported only for a PDF that has any)."""
    if b"/ByteRange" not in data:
        return facts
    from lapkin_audit.evidence.signatures import read_signatures

    try:
        found = read_signatures(data, trust[0], trust[1])
    except ValueError as exc:
        return dataclasses.replace(facts, signature_problem=str(exc)[:500])
    return dataclasses.replace(facts, signatures=found)


def _render(page: Any, width: float, height: float) -> Any:
    scale = OCR_DPI / 72
    if width * height * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / max(width * height, 1.0))
    if scale * 72 < MIN_OCR_DPI:
        return None  # a pixel bomb of a page: not rendered
    return page.render(scale=scale, grayscale=True).to_pil()


# ----------------------------------------------------------------------------- DOCX


def _docx(data: bytes, sha256: str) -> DocumentFacts:
    _check_zip(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        return DocumentFacts(sha256, "docx", problem="damaged", detail=str(exc))
    except Exception as exc:  # lxml's XMLSyntaxError and friends: a damaged part
        return DocumentFacts(sha256, "docx", problem="damaged", detail=f"{type(exc).__name__}: {exc}")
    lines: list[str] = []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            if not part.is_linked_to_previous:
                _blocks(part, lines)
    _blocks(document, lines)
    text = "\n".join(line for line in lines if line.strip())
    piece = (TextPiece(0, "teks", _clean(text)),) if text.strip() else ()
    return DocumentFacts(sha256, "docx", None, piece, None if piece else "no_text")


def _blocks(container: Any, lines: list[str], depth: int = 0) -> None:
    """Paragraphs and tables (cells in reading order, nested tables too), bounded in depth."""
    if depth > 8:
        return
    lines.extend(paragraph.text for paragraph in container.paragraphs)
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                _blocks(cell, lines, depth + 1)


def _check_zip(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        if len(entries) > ZIP_MAX_ENTRIES:
            raise Hostile(f"{len(entries)} parts in the archive")
        total = 0
        for entry in entries:
            total += entry.file_size
            if entry.file_size > ZIP_MAX_RATIO * max(entry.compress_size, 1) and entry.file_size > 1024 * 1024:
                raise Hostile(f"{entry.filename} inflates {entry.file_size // max(entry.compress_size, 1)} times")
        if total > ZIP_MAX_TOTAL:
            raise Hostile(f"{total} bytes once inflated")
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")):
                head = archive.open(entry).read(ZIP_MAX_TOTAL)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise Hostile(f"{entry.filename} declares XML entities")


# ----------------------------------------------------------------------------- images


def _image(data: bytes, sha256: str, fmt: str, tessdata: str | None) -> DocumentFacts:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = getattr(image, "n_frames", 1)
            pieces: list[TextPiece] = []
            codes: list[str] = []
            ocr_tables: list[Table] = []
            unread = 0
            ocr = _Ocr(tessdata)
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                if index >= MAX_PAGES:
                    break
                if frame.width * frame.height > MAX_PIXELS:
                    raise Hostile(f"{frame.width}x{frame.height} pixels")
                gray = frame.convert("L")
                codes.extend(_qr_codes(gray, len(codes)))
                if not ocr.queue(index, gray):
                    unread += 1
                for page_index, read in ocr.flush(full_only=True):
                    unread += _add(pieces, page_index, read, ocr_tables)
            for page_index, read in ocr.flush():
                unread += _add(pieces, page_index, read, ocr_tables)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise Hostile(str(exc)) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        return DocumentFacts(sha256, fmt, problem="damaged", detail=f"{type(exc).__name__}: {exc}")
    problem = ocr.problem(unread, pieces)
    return DocumentFacts(
        sha256, fmt, frames, tuple(pieces), problem, None, unread, qr_codes=tuple(codes), tables=tuple(ocr_tables)
    )


MAX_QR_CODES = 10  # per document; each kept to MAX_QR_CHARS
MAX_QR_CHARS = 500


def _qr_codes(image: Any, found: int) -> list[str]:
    """QR codes on a page already rendered (a scan): what they say, never opened."""
    if image is None or found >= MAX_QR_CODES:
        return []
    try:
        import zxingcpp
    except ImportError:  # the reader is part of the install; without it, codes are not read
        return []
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    return [code.text[:MAX_QR_CHARS] for code in codes[: MAX_QR_CODES - found] if code.text]


# ----------------------------------------------------------------------------- OCR


def _add(pieces: list[TextPiece], index: int, read: OcrRead | None, tables: list[Table] | None = None) -> int:
    """An OCR result as the page's piece (and its tables); 1 when the page stays unread."""
    if read is None:
        return 1
    pieces.append(TextPiece(index + 1, "ocr", read[0], read[1]))
    if tables is not None:
        for table in read[2]:
            rows = tuple(dataclasses.replace(row, page=index + 1) for row in table.rows)
            tables.append(dataclasses.replace(table, rows=rows))
    return 0


class _Ocr:
    """Tesseract (its Indonesian model) through tesserocr, opened on first use.

    Pages are queued as they are rendered and read in batches: with ``WORKERS`` > 1 (the
    run's ``--jobs``, from the parent) a batch is read by that many processes at once, so
    a long scan is read page by page across them; a batch is only as large as the pool,
    so memory stays a few page images whatever the document's length.
    """

    def __init__(self, tessdata: str | None) -> None:
        self.tessdata = tessdata
        self.api: Any = None
        self.done = 0
        self.missing = tessdata is None
        self.workers = max(1, min(_workers(), MAX_OCR_PAGES))
        self.pending: list[tuple[int, Any]] = []
        self.pool: Any = None

    def can_read(self) -> bool:
        return not self.missing and self.done + len(self.pending) < MAX_OCR_PAGES

    def queue(self, index: int, image: Any) -> bool:
        """Queue a rendered page for OCR; False when it will not be read."""
        if not self.can_read():
            return False
        self.pending.append((index, image))
        return True

    def flush(self, full_only: bool = False) -> list[tuple[int, OcrRead | None]]:
        """Read the queued pages (only once a whole batch is queued, with ``full_only``)."""
        if not self.pending or (full_only and len(self.pending) < self.workers):
            return []
        batch, self.pending = self.pending, []
        if self.workers > 1 and len(batch) > 1 and self._start_pool():
            try:
                reads = list(self.pool.map(_pool_read, [image for _, image in batch]))
                self.done += len(batch)
                return [(index, read) for (index, _), read in zip(batch, reads, strict=True)]
            except Exception:  # a pool process died (BrokenProcessPool): read here instead
                self.pool = None
                self.workers = 1
        return [(index, self.read(image)) for index, image in batch]

    def _start_pool(self) -> bool:
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            if "fork" not in multiprocessing.get_all_start_methods() or _engine(self.tessdata or "") is None:
                self.workers = 1
                return False
            context = multiprocessing.get_context("fork")  # the model is loaded once, here, and shared
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return True

    def read(self, image: Any) -> OcrRead | None:
        """The page's text and mean word confidence; ("", None) for a blank page; None: not read."""
        if self.missing:
            return None
        if self.api is None:
            self.api = _engine(self.tessdata or "")
            if self.api is None:
                self.missing = True
                return None
        self.done += 1
        self.api.SetImage(image)
        text = self.api.GetUTF8Text()
        words = [c for c in self.api.AllWordConfidences() if c >= 0]
        confidence = round(sum(words) / len(words)) if words else 0
        if not text.strip():
            return "", None, []
        return _clean(text), confidence, _ocr_tables(self.api, image)

    def problem(self, unread: int, pieces: list[TextPiece]) -> str | None:
        if unread and self.missing:
            return "no_ocr"
        if any(piece.text.strip() and not piece.usable for piece in pieces):
            return "ocr_unsure"
        if not any(piece.usable and piece.text.strip() for piece in pieces):
            return "no_text"
        return None


def _ocr_tables(api: Any, image: Any) -> list[Table]:
    """The page's tables (evidence.tables.ocr); the page number is set when the page is added.

    A page with ruling lines is read once more for its tables, its lines painted out and as
    one block of text (Tesseract's layout analysis skips short figures in bordered cells);
    its text, read before, stays as it was."""
    import tesserocr

    from lapkin_audit.evidence.tables.ocr import recognised_words, tables_from_words, unruled

    clean, ruled = unruled(image)
    if not ruled:
        return tables_from_words(recognised_words(api), 0, image.width, image)
    api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
    try:
        api.SetImage(clean)
        api.Recognize()
        return tables_from_words(recognised_words(api), 0, image.width, image)
    finally:
        api.SetPageSegMode(tesserocr.PSM.AUTO)


def _workers() -> int:
    try:
        return int(os.environ.get(OCR_WORKERS_ENV, "1"))
    except ValueError:
        return 1


def _pool_read(image: Any) -> OcrRead | None:
    """One page's OCR in a pool process (forked after the model was loaded)."""
    return _Ocr(next(iter(_ENGINES), None)).read(image)


# Control characters but tab and line break go (PDFium marks soft hyphens and line ends with some).
_CONTROLS = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127])


_ENGINES: dict[str, Any] = {}  # tessdata folder -> PyTessBaseAPI: the model loads once per child


def _engine(tessdata: str) -> Any:
    """Tesseract with the Indonesian model, loaded on first use and kept for the child's
    other documents; None when tesserocr or the model cannot be loaded."""
    if tessdata not in _ENGINES:
        try:
            import tesserocr

            _ENGINES[tessdata] = tesserocr.PyTessBaseAPI(path=tessdata, lang="ind")
        except (ImportError, RuntimeError):
            _ENGINES[tessdata] = None
    return _ENGINES[tessdata]


def _clean(text: str) -> str:
    """Line ends as \\n, no NUL or other control characters but tab and line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS).strip()


def trust_frame(roots: tuple[bytes, ...], crls: tuple[bytes, ...]) -> bytes:
    """What the parent writes before the documents: the rules folder's trust roots and
    revocation lists (JSON, base64), as an 8-byte big-endian length and the bytes."""
    body = json.dumps(
        {"roots": [base64.b64encode(r).decode() for r in roots], "crls": [base64.b64encode(c).decode() for c in crls]}
    ).encode()
    return len(body).to_bytes(8, "big") + body


def _trust(frame: bytes) -> Trust:
    if not frame:
        return [], []
    data = json.loads(frame)
    return [base64.b64decode(r) for r in data["roots"]], [base64.b64decode(c) for c in data["crls"]]


def main(argv: list[str]) -> int:
    """``child TESSDATA SHA256`` reads one document; ``child TESSDATA --batch`` several, each
    framed on standard input as an 8-byte big-endian length, its 64-character SHA-256 and
    its bytes, and writes a JSON list of their facts in the same order."""
    tessdata = argv[1] if len(argv) > 1 and argv[1] else None
    sha256 = argv[2] if len(argv) > 2 else ""
    data = sys.stdin.buffer.read()
    head = int.from_bytes(data[:8], "big")  # the trust frame comes first (trust_frame)
    trust = _trust(data[8 : 8 + head])
    data = data[8 + head :]
    if sha256 != "--batch":
        sys.stdout.write(json.dumps(read(data, sha256, tessdata, trust).as_json(), ensure_ascii=True))
        return 0
    found, at = [], 0
    while at < len(data):
        size = int.from_bytes(data[at : at + 8], "big")
        digest = data[at + 8 : at + 72].decode("ascii")
        found.append(read(data[at + 72 : at + 72 + size], digest, tessdata, trust).as_json())
        at += 72 + size
    sys.stdout.write(json.dumps(found, ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
