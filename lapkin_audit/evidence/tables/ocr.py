"""Tables of a scanned page, from Tesseract's word boxes: words -> lines -> columns.

Columns are where the scan shows them: the vertical ruling lines of a bordered table
(dark pixel columns over the table's height, found by shrinking the table's strip of the
image to one row of pixels), else the page's blank: an x range that no word of the
table's lines covers. Tesseract reads a ruling line as "|" now and then: such marks are
not words.
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
from lapkin_audit.evidence.tables.limits import MAX_COLUMNS, MAX_ROWS, clip

MIN_COLUMNS = 3  # fewer cells on a line: running text, not a table row
MIN_GAP_SHARE = 0.012  # a blank run this wide (share of the page's width) separates columns
MAX_WORDS = 20_000  # words of one page looked at
GUESSED = OCR_CONFIDENCE - 1  # the confidence of a cell whose column was guessed from blanks
MAX_WRAPPED_WORDS = 8  # a line of no more words inside a table continues a wrapped cell
RULE_DARKNESS = 100  # mean grey (0-255) over the table's height below which a pixel column is a ruling line


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


def page_words(api: Any, image: Any) -> list[Word]:
    """Tesseract's words on the page (tesserocr's API with its model already loaded)."""
    import tesserocr

    api.SetImage(image)
    api.Recognize()
    words: list[Word] = []
    iterator = api.GetIterator()
    level = tesserocr.RIL.WORD
    for item in tesserocr.iterate_level(iterator, level):
        text = item.GetUTF8Text(level)
        box = item.BoundingBox(level)
        text = (text or "").strip().strip("|[]").strip()
        if text and box:
            left, top, right, bottom = box
            words.append(Word(text.strip(), left, top, right, bottom, round(item.Confidence(level))))
            if len(words) >= MAX_WORDS:
                break
    return words


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
    for line in [*lines_of(words), []]:
        if line and _segments(line, width) >= MIN_COLUMNS:
            run.append(line)
            continue
        if line and run and _segments(line, width) < MIN_COLUMNS and len(line) <= MAX_WRAPPED_WORDS:
            run.append(line)  # a wrapped name's second line inside the table
            continue
        if len(run) >= 2:
            tables.append(_table(run, page, width, image))
        run = []
    return tables


def _table(lines: Sequence[Sequence[Word]], page: int, width: int, image: Any) -> Table:
    while lines and _segments(lines[-1], width) < MIN_COLUMNS:
        lines = lines[:-1]  # a trailing line of text after the table
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
