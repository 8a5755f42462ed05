"""An SOP document, whatever its shape, as rows of cells.

Every shape an office publishes its SOP AP in ends here as the same grid: rows of cells,
each cell with its text (tags removed, spaces collapsed), its list items and its
segments (the pieces that paragraphs, line breaks and bold or underlined runs separate).
The extractor reads identity and flowchart from the grid alone, so a new shape is a new
reader into this grid, never a new extractor.

Shapes: ``teks`` (web-page exports: tab- or pipe-separated rows with stray HTML, and text
transcripts of PDFs), ``html`` (tables), ``docx`` (Word tables, read with python-docx)
and ``json`` (e-SOP exports: see ``esop.py``). Reading is bounded: the size of the file,
the nesting of HTML and the uncompressed size of a DOCX are limited, and nothing is
quadratic in the input.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

MAX_BYTES = 4 * 1024 * 1024  # a long SOP page is a few hundred KB
MAX_DEPTH = 64  # HTML nesting
MAX_CELLS = 200_000
MAX_ROWS = 50_000


class SourceError(Exception):
    """The source cannot be read as an SOP document: ``key`` (of ``lang.importing.DETAILS``) says why."""

    def __init__(self, reason: str, key: str, **args: object) -> None:
        super().__init__(key)
        self.reason = reason  # a stable id: "size", "binary", "encoding", "nesting", "shape"
        self.key = key
        self.args_ = args


_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Text as the grid keeps it: entities decoded, spaces (incl. no-break) collapsed."""
    return _SPACES.sub(" ", html.unescape(text).replace("\xa0", " ")).strip()


@dataclass
class Cell:
    text: str = ""
    segments: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # <li> items, when the cell is a list

    @property
    def empty(self) -> bool:
        return not self.text


Grid = list[list[Cell]]

_BLOCK = {"p", "br", "div", "li", "ol", "ul", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr"}
_INLINE_BREAK = {"b", "strong", "u", "em", "i"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}


class _CellText(HTMLParser):
    """Text, segments and list items of an HTML fragment (one cell's content)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.segments: list[str] = []
        self.items: list[str] = []
        self._segment: list[str] = []
        self._item: list[str] | None = None
        self._skip = 0

    def _flush(self) -> None:
        text = clean("".join(self._segment))
        if text:
            self.segments.append(text)
        self._segment = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in _BLOCK or tag in _INLINE_BREAK:
            self._flush()
            self.parts.append(" ")
        if tag == "li":
            self._close_item()
            self._item = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag in _BLOCK or tag in _INLINE_BREAK:
            self._flush()
            self.parts.append(" ")
        if tag == "li":
            self._close_item()

    def _close_item(self) -> None:
        if self._item is not None:
            text = clean("".join(self._item))
            if text:
                self.items.append(text)
        self._item = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data)
        self._segment.append(data)
        if self._item is not None:
            self._item.append(data)

    def result(self) -> Cell:
        self._flush()
        self._close_item()
        return Cell(clean("".join(self.parts)), self.segments, self.items)


def cell_from_html(fragment: str) -> Cell:
    if "<" not in fragment and "&" not in fragment:
        text = clean(fragment)
        return Cell(text, [text] if text else [], [])
    parser = _CellText()
    parser.feed(fragment)
    parser.close()
    return parser.result()


# ------------------------------------------------------------------ shape: text


def grid_from_text(text: str) -> Grid:
    """Tab- or pipe-separated rows (a web page's table pasted as text), or plain lines."""
    lines = text.splitlines()
    if len(lines) > MAX_ROWS:
        raise SourceError("size", "too_many", count=MAX_ROWS, what="baris / lines")
    separator = "\t" if "\t" in text else "|" if text.count("|") >= 4 else None
    grid: Grid = []
    cells = 0
    for line in lines:
        raw = line.split(separator) if separator else [line]
        if separator == "|" and len(raw) > 1 and not raw[0].strip() and not raw[-1].strip():
            raw = raw[1:-1]  # "| a | b |": the outer bars open and close the row
        cells += len(raw)
        if cells > MAX_CELLS:
            raise SourceError("size", "too_many", count=MAX_CELLS, what="sel / cells")
        grid.append([cell_from_html(part) for part in raw])
    return grid


# ------------------------------------------------------------------ shape: html


class _Tables(HTMLParser):
    """Rows of every table in a page (nested tables flattened into their own rows)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.rows: Grid = []
        self._row: list[Cell] | None = None
        self._cell: list[str] | None = None
        self._colspan = 1
        self._depth = 0
        self._cells = 0
        self._loose: list[str] = []  # text outside tables: kept as one-cell rows

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise SourceError("nesting", "too_deep", depth=MAX_DEPTH)
        if tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._colspan = min(int(span), 64) if span.strip().isdigit() and span.strip() != "0" else 1
        elif self._cell is not None:
            self._cell.append(self.get_starttag_text() or "")
        else:
            if tag in _BLOCK:
                self._flush_loose()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._cell is not None:
            self._cell.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self._depth:
            self._depth -= 1
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
        elif self._cell is not None:
            self._cell.append(f"</{tag}>")
        elif tag in _BLOCK:
            self._flush_loose()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        else:
            self._loose.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def _flush_loose(self) -> None:
        text = clean("".join(self._loose))
        self._loose = []
        if text:
            self.rows.append([Cell(text, [text], [])])

    def _end_cell(self) -> None:
        if self._cell is None:
            return
        cell = cell_from_html("".join(self._cell))
        self._cell = None
        assert self._row is not None
        self._row.append(cell)
        self._row.extend(Cell() for _ in range(self._colspan - 1))
        self._cells += self._colspan
        if self._cells > MAX_CELLS:
            raise SourceError("size", "too_many", count=MAX_CELLS, what="sel / cells")

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            self._flush_loose()
            if self._row:
                self.rows.append(self._row)
            self._row = None

    def result(self) -> Grid:
        self._end_row()
        self._flush_loose()
        return self.rows


def grid_from_html(text: str) -> Grid:
    parser = _Tables()
    parser.feed(text)
    parser.close()
    return parser.result()


# ------------------------------------------------------------------ shape: docx

MAX_DOCX_UNCOMPRESSED = 32 * 1024 * 1024
MAX_DOCX_MEMBERS = 2_000


def grid_from_docx(path: str) -> Grid:
    """Every table of a Word document, rows of cells; merged cells repeat once."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_DOCX_MEMBERS:
                raise SourceError("size", "too_many", count=MAX_DOCX_MEMBERS, what="DOCX parts")
            total = sum(m.file_size for m in members)
            if total > MAX_DOCX_UNCOMPRESSED:
                raise SourceError("size", "zip_bomb", size=total, limit=MAX_DOCX_UNCOMPRESSED)
            if "word/document.xml" not in archive.namelist():
                raise SourceError("shape", "not_docx")
    except zipfile.BadZipFile:
        raise SourceError("binary", "bad_zip") from None
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - installed with the package
        raise SourceError("shape", "no_docx_reader") from None
    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises many kinds on broken parts
        raise SourceError("binary", "bad_docx", error=type(exc).__name__) from None
    grid: Grid = []
    for paragraph in document.paragraphs:
        text = clean(paragraph.text)
        if text:
            grid.append([Cell(text, [text], [])])
    for table in document.tables:
        for row in table.rows:
            cells: list[Cell] = []
            previous = None
            for cell in row.cells:
                if previous is not None and cell._tc is previous:  # a merged cell repeats
                    cells.append(Cell())
                    continue
                previous = cell._tc
                lines = [clean(p.text) for p in cell.paragraphs]
                lines = [line for line in lines if line]
                cells.append(Cell(" ".join(lines), lines, []))
            grid.append(cells)
            if len(grid) > MAX_ROWS:
                raise SourceError("size", "too_many", count=MAX_ROWS, what="baris / rows")
    return grid
