"""Tables of a scanned page, from Tesseract's word boxes: words -> lines -> columns.

Columns are where the scan shows them: the vertical ruling lines of a bordered table
(dark pixel columns over the table's height, found by shrinking the table's strip of the
image to one row of pixels), else the page's blank: an x range that no word of the
table's lines covers. Tesseract reads a ruling line as "|" now and then, or what is left of
one as a dash standing upright ("—" in a box taller than wide): such marks are not words
(a dash for zero lies flat, and is kept).
Lines are words whose vertical centres fall within half a line's height of each other. A
table is a run of lines that spread over at least three columns. Each cell carries the
lowest confidence of its words, so a figure Tesseract was unsure of stays unsure (C008,
never a C001-C005).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lapkin_audit.domain.content.model import OCR_CONFIDENCE, Cell, Row, Table
from lapkin_audit.evidence.tables.bounds import MAX_COLUMNS, MAX_ROWS, clip

MIN_COLUMNS = 3  # fewer cells on a line: running text, not a table row
MIN_GAP_SHARE = 0.012  # a blank run this wide (share of the page's width) separates columns
MAX_WORDS = 20_000  # words of one page looked at
GUESSED = OCR_CONFIDENCE - 1  # the confidence of a cell whose column was guessed from blanks
MAX_WRAPPED_WORDS = 8  # a line of no more words inside a table continues a wrapped cell
RULE_DARKNESS = 100  # mean grey (0-255) over the table's height below which a pixel column is a ruling line
LINE_PIXELS = 8  # dark pixel rows this close are one ruling line
RULE_ROW_DARKNESS = 128  # mean grey over the page's width below which a pixel row is a ruling line


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: int  # 0-100

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def page_tables(api: Any, image: Any) -> list[Table]:
    """The tables of a page Tesseract has just read for its text (``evidence.ocr``); their
    rows' page is set when the page is added to the document.

    A page with ruling lines is read once more for its tables, its lines painted out and as
    one block of text (Tesseract's layout analysis skips short figures in bordered cells);
    its text, read before, stays as it was."""
    import tesserocr

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


def page_words(api: Any, image: Any) -> list[Word]:
    """Tesseract's words on the page (tesserocr's API with its model already loaded)."""
    api.SetImage(image)
    api.Recognize()
    return recognised_words(api)


def recognised_words(api: Any) -> list[Word]:
    """The words of the page Tesseract has just recognised (after GetUTF8Text or Recognize)."""
    import tesserocr

    words: list[Word] = []
    iterator = api.GetIterator()
    level = tesserocr.RIL.WORD
    for item in tesserocr.iterate_level(iterator, level):
        text = item.GetUTF8Text(level)
        box = item.BoundingBox(level)
        text = (text or "").strip().strip("|[]").strip()
        if text and box:
            left, top, right, bottom = box
            if _upright_rule(text, right - left, bottom - top):
                continue
            words.append(Word(text.strip(), left, top, right, bottom, round(item.Confidence(level))))
            if len(words) >= MAX_WORDS:
                break
    return words


RULE_MARKS = frozenset("-–—_|¦‖")  # what Tesseract makes of a piece of a ruling line


def _upright_rule(text: str, width: int, height: int) -> bool:
    """A mark of dashes or bars in a box at least twice as tall as wide: a vertical ruling
    line, not a dash (which lies flat)."""
    return all(ch in RULE_MARKS for ch in text) and height >= 2 * max(width, 1)


def lines_of(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into lines, top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.middle, w.left)):
        if lines:
            line = lines[-1]
            height = max(w.bottom - w.top for w in line)
            if abs(word.middle - sum(w.middle for w in line) / len(line)) <= height / 2:
                line.append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w.left) for line in lines]


def _gaps(lines: Sequence[Sequence[Word]], width: int) -> list[tuple[int, int]]:
    """x ranges no word of these lines covers (blank columns of the table)."""
    covered = sorted((w.left, w.right) for line in lines for w in line)
    gaps: list[tuple[int, int]] = []
    reach: int | None = None
    for left, right in covered:
        if reach is not None and left - reach >= max(4, MIN_GAP_SHARE * width):
            gaps.append((reach, left))
        reach = right if reach is None else max(reach, right)
    return gaps


def _segments(line: Sequence[Word], width: int) -> int:
    """How many cells a line falls into by its own blanks (a quick test for a table row)."""
    gap = max(4, MIN_GAP_SHARE * width) * 2
    return 1 + sum(1 for a, b in itertools.pairwise(line) if b.left - a.right >= gap)


def unruled(image: Any) -> tuple[Any, bool]:
    """The page with its tables' ruling lines painted white, and whether it had any.

    Tesseract drops a lone short figure ("9") that touches a cell's border; with the borders
    gone, it reads the cell. Lines are found as rows, then columns within the ruled rows'
    span, whose mean grey is dark (pixel rows shrunk by Pillow, no loop over pixels).
    """
    from PIL import Image, ImageDraw

    gray = image.convert("L")
    width, height = gray.size
    rows = gray.resize((1, height), Image.Resampling.BOX).tobytes()
    ruled_rows = [y for y, value in enumerate(rows) if value < RULE_ROW_DARKNESS]
    if len(ruled_rows) < 2:
        return gray, False
    top, bottom = ruled_rows[0], ruled_rows[-1]
    columns = gray.crop((0, top, width, bottom + 1)).resize((width, 1), Image.Resampling.BOX).tobytes()
    ruled_columns = [x for x, value in enumerate(columns) if value < RULE_DARKNESS]
    if len(ruled_columns) < 2:
        return gray, False
    clean = gray.copy()
    draw = ImageDraw.Draw(clean)
    for y in ruled_rows:
        draw.line([(0, y), (width, y)], fill=255, width=3)
    for x in ruled_columns:
        draw.line([(x, top), (x, bottom)], fill=255, width=3)
    return clean, True


def ruled_edges(image: Any, top: int, bottom: int) -> list[float]:
    """x positions of vertical ruling lines between ``top`` and ``bottom`` of a page image."""
    from PIL import Image

    if image is None or bottom - top < 10:
        return []
    strip = image.convert("L").crop((0, top, image.width, bottom)).resize((image.width, 1), Image.Resampling.BOX)
    darkness = list(strip.tobytes())  # one grey byte per pixel column
    edges: list[float] = []
    start = None
    for x, value in enumerate([*darkness, 255]):
        if value < RULE_DARKNESS and start is None:
            start = x
        elif value >= RULE_DARKNESS and start is not None:
            edges.append((start + x - 1) / 2)
            start = None
    return edges


def tables_from_words(words: Iterable[Word], page: int, width: int, image: Any = None) -> list[Table]:
    """The tables among a page's words (``page``: 1-based, ``width``: the image's width;
    ``image``: the page, for its ruling lines)."""
    tables: list[Table] = []
    run: list[list[Word]] = []
    spans = ruled_spans(image)
    where = None
    for line in [*lines_of(words), []]:
        if line and spans:
            # a scan with ruling lines: a table is what lies within one table's rules
            middle = sum(w.middle for w in line) / len(line)
            inside = next((i for i, (top, bottom) in enumerate(spans) if top <= middle <= bottom), None)
            if inside != where and len(run) >= 2:
                tables.append(_table(run, page, width, image, bounded=True))
            if inside != where:
                run, where = [], inside
            if inside is not None:
                run.append(line)
            continue
        if line and _segments(line, width) >= MIN_COLUMNS:
            run.append(line)
            continue
        if line and run and _segments(line, width) < MIN_COLUMNS and len(line) <= MAX_WRAPPED_WORDS:
            run.append(line)  # a wrapped name's second line inside the table
            continue
        if len(run) >= 2:
            tables.append(_table(run, page, width, image))
        run = []
    if spans and len(run) >= 2:
        tables.append(_table(run, page, width, image, bounded=True))
    return tables


def ruled_spans(image: Any) -> list[tuple[int, int]]:
    """(top, bottom) of each bordered table on a page image: the bands between horizontal
    ruling lines that vertical lines cross; a band no vertical line crosses (the caption
    between two tables) parts them."""
    from PIL import Image

    if image is None:
        return []
    gray = image.convert("L")
    rows = gray.resize((1, gray.height), Image.Resampling.BOX).tobytes()
    lines: list[int] = []
    for y, value in enumerate(rows):
        if value < RULE_ROW_DARKNESS:
            if lines and y - lines[-1] <= LINE_PIXELS:
                lines[-1] = y  # one line however many pixels thick (a scan blurs it)
            else:
                lines.append(y)
    spans: list[tuple[int, int]] = []
    previous_crossed = False
    for top, bottom in itertools.pairwise(lines):
        crossed = len(ruled_edges(gray, top + 2, bottom - 1)) >= 2
        if crossed and previous_crossed:
            spans[-1] = (spans[-1][0], bottom)
        elif crossed:
            spans.append((top, bottom))
        previous_crossed = crossed
    return spans


def _table(lines: Sequence[Sequence[Word]], page: int, width: int, image: Any, bounded: bool = False) -> Table:
    while not bounded and lines and _segments(lines[-1], width) < MIN_COLUMNS:
        lines = lines[:-1]  # a trailing line of text after the table (a ruled table's rules bound it)
    top, bottom = min(w.top for w in lines[0]), max(w.bottom for w in lines[-1])
    ruled = ruled_edges(image, top, bottom)
    if len(ruled) >= MIN_COLUMNS + 1:
        edges = ruled[1:-1]  # the outer border lines bound the table; the inner ones part its columns
    else:
        edges = [(a + b) / 2 for a, b in _gaps(lines, width)]
    # Without ruling lines, which column a right-aligned figure belongs to is a guess: the
    # table is kept (it can still show what is there) but every cell counts as unsure.
    guessed = len(ruled) < MIN_COLUMNS + 1
    edges = edges[: MAX_COLUMNS - 1]
    rows: list[Row] = []
    for line in lines[:MAX_ROWS]:
        cells: list[list[Word]] = [[] for _ in range(len(edges) + 1)]
        for word in line:
            column = sum(1 for edge in edges if (word.left + word.right) / 2 > edge)
            cells[column].append(word)
        rows.append(Row(tuple(_cell(cell, guessed) for cell in cells), page))
    return Table(tuple(rows), "ocr", "", None, len(lines) > MAX_ROWS)


def _cell(words: Sequence[Word], guessed: bool) -> Cell:
    if not words:
        return Cell("")
    confidence = min(w.confidence for w in words)
    return Cell(clip(" ".join(w.text for w in words))[0], min(confidence, GUESSED) if guessed else confidence)
