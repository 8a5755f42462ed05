"""PDF: recognised by ``%PDF-`` in its first KiB; read with pypdfium2 (PDFium).

Each page's text layer is read as printed (``domain.doctext.as_printed``). A page without
one (a scan) is rendered at the scan's own resolution (the pixels of its largest image
per inch of the page, within 150-400 dpi; 300 dpi for a page drawn without images) and
read by OCR, its QR codes decoded. A document of more pages than the limit is not read
(B001); the budget grows with the pages (``evidence.job``). The electronic signatures
are read after the text, by ``evidence.child`` (pyHanko, only for a PDF that has any).

When the document's tables are wanted (content.md), the pages with a text layer are read
for them once the text is read (pdfplumber, ``evidence.tables.pdf``) within the tables'
own CPU allowance, and the scanned pages' tables come with their OCR (``readers.pages``):
a document that loses its tables to the allowance or to pdfplumber keeps its text.

Depends on: pypdfium2; Pillow (page images); tesserocr for OCR; zxing-cpp for QR codes;
pdfplumber (and its pdfminer.six) for tables.
"""

from __future__ import annotations

import math
from typing import Any

from lapkin_audit.domain.doctext import as_printed
from lapkin_audit.evidence.facts import DocumentFacts, TextPiece
from lapkin_audit.evidence.job import Job, TablesOutOfBudget
from lapkin_audit.evidence.readers.base import Format
from lapkin_audit.evidence.readers.pages import Pages

OCR_DPI = 300  # a page drawn without images (text as curves): rendered at this resolution
MIN_SCAN_DPI, MAX_SCAN_DPI = 150, 400  # a scan is rendered at its own resolution, within these
MAX_PIXELS = 40_000_000  # an A4 page at 600 dpi is 35 million
MIN_OCR_DPI = 100  # a page so large that fewer dpi fit in MAX_PIXELS is not rendered
MIN_TEXT_CHARS = 20  # fewer characters on a page: no text layer (a page number, a stray mark)
MAX_IMAGES_LOOKED_AT = 64  # image objects looked at for a page's resolution
# Page objects looked at for an image (B008: is there a signature?); past it a page counts
# as one that may carry an image, so that a page of countless objects costs a bounded time.
MAX_PAGE_OBJECTS = 20_000
MAX_FORM_DEPTH = 4  # Form XObjects looked into, nested


def sniff(head: bytes, data: bytes) -> bool:
    return b"%PDF-" in head  # the spec allows bytes before the header; readers accept 1 KiB


def read(data: bytes, sha256: str, job: Job) -> DocumentFacts:
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
        pages = _pages(document, job, pdfium)
    finally:
        document.close()
    if not job.tables:
        return pages.facts(sha256, "pdf", count)
    return pages.facts(sha256, "pdf", count, **_tables(data, pages, job))


def _pages(document: Any, job: Job, pdfium: Any) -> Pages:
    """Every page's text (OCR for a scan's, queued), images and QR codes."""
    count = len(document)
    job.counted(count)
    pages = Pages(job)
    for index in range(count):
        job.check()
        try:
            page = document[index]
        except pdfium.PdfiumError:
            pages.unread += 1  # a page PDFium cannot load: the others may still be read
            continue
        try:
            if _has_image(page):
                pages.images.append(index + 1)
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            if len(text.strip()) >= MIN_TEXT_CHARS:
                pages.add(TextPiece(index + 1, "teks", job.keep(as_printed(text))))
                continue
            image = _render(page, pdfium) if pages.wants_image() else None
        finally:
            page.close()
        pages.scanned(index, image)
    return pages


def _tables(data: bytes, pages: Pages, job: Job) -> dict[str, Any]:
    """The tables of the pages with a text layer, for ``Pages.facts``: what was found before
    the tables' allowance ran out is kept (cut); a parser's failure leaves the text as read."""
    from lapkin_audit.evidence.tables.pdf import PdfTables, pdf_tables

    found = PdfTables()
    problem = None
    text_pages = {piece.page for piece in pages.pieces if piece.source == "teks"}
    try:
        if text_pages:
            with job.tables_timer() as check:
                pdf_tables(data, text_pages, job.limits.max_table_pages, check, found)
    except TablesOutOfBudget:
        found.truncated, problem = True, "timeout"
    except RecursionError:
        problem = "hostile"
    except MemoryError:
        raise
    except Exception:  # pdfplumber's own error on bytes PDFium read: the tables are lost, not the text
        problem = "damaged"
    return {
        "tables": found.tables,
        "picture_pages": found.picture_pages,
        "tables_truncated": found.truncated or problem is not None,
        "tables_problem": problem,
    }


def _has_image(page: Any) -> bool:
    """Whether a page carries an image (a scan, a signature, a stamp, a logo), in its own
    objects or in the forms it draws; True also when it holds too many objects to tell."""
    import pypdfium2.raw as raw

    left = MAX_PAGE_OBJECTS

    def walk(count: int, get: Any, parent: Any, depth: int) -> bool:
        nonlocal left
        for i in range(max(count, 0)):
            left -= 1
            if left < 0:
                return True
            obj = get(parent, i)
            kind = raw.FPDFPageObj_GetType(obj) if obj else None
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                return True
            if kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                if walk(raw.FPDFFormObj_CountObjects(obj), raw.FPDFFormObj_GetObject, obj, depth + 1):
                    return True
        return False

    return walk(raw.FPDFPage_CountObjects(page.raw), raw.FPDFPage_GetObject, page.raw, 0)


def scan_dpi(page: Any, pdfium: Any) -> float:
    """The resolution a page's scan was made at: its largest image's pixels per inch."""
    best, area = float(OCR_DPI), 0.0
    for number, found in enumerate(page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2)):
        if number >= MAX_IMAGES_LOOKED_AT:
            break
        left, bottom, right, top = found.get_bounds()
        size = (right - left) * (top - bottom)
        if size > area:
            info = found.get_metadata()
            dpi = max(info.horizontal_dpi, info.vertical_dpi)
            if math.isfinite(dpi) and dpi > 0:
                best, area = dpi, size
    return min(max(best, MIN_SCAN_DPI), MAX_SCAN_DPI)


def _render(page: Any, pdfium: Any) -> Any:
    width, height = page.get_size()
    scale = scan_dpi(page, pdfium) / 72
    if width * height * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / max(width * height, 1.0))
    if scale * 72 < MIN_OCR_DPI:
        return None  # a pixel bomb of a page: not rendered
    return page.render(scale=scale, grayscale=True).to_pil()


FORMATS = (Format("pdf", sniff, read, ("pypdfium2", "Pillow", "tesserocr", "zxing-cpp", "pdfplumber", "pdfminer.six")),)
