"""Table extraction measured: pdfplumber against a reader of pypdfium2's character boxes.

Both read the same LibreOffice-exported pages of the content fixtures (merged header cells,
a table continued overleaf with its header repeated, right-aligned figures, wrapped
indicator names). Correctness: the cells each gives against the same table read from the
DOCX the PDF was exported from (python-docx, which has the table's true structure).
Speed: CPU seconds per page. Then the shipped table pass (lapkin_audit.evidence.tables.pdf)
against bare pdfplumber on the same pages (goal: at most 1.5x), and the XLSX reader
(lapkin_audit.evidence.readers.xlsx) against python-calamine where it is installed.

    .venv/bin/python scripts/bench_tables.py
"""

from __future__ import annotations

import io
import itertools
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lapkin_audit.domain.content.model import Cell, Row, Table  # noqa: E402
from lapkin_audit.domain.content.tables import join_continued  # noqa: E402
from lapkin_audit.evidence.tables.bounds import join_lines  # noqa: E402

DOCUMENTS = ROOT / "fixtures" / "content" / "dokumen"
PAIRS = ("iku-2024", "pk-2024", "data-kinerja-2024-tw2", "lkj-2024-tw2-ttd", "lkj-2024-tw2-ribuan", "lra-2024-tw2")


# ----------------------------------------------------------------------------- the candidate


def pdfium_tables(data: bytes) -> list[Table]:
    """Tables from pypdfium2: ruling lines from the page's path objects, characters from
    the text page's boxes, each character put in the cell its centre falls in; a cell
    border with no line drawn along it is a merged cell."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(data)
    tables: list[Table] = []
    for number in range(len(document)):
        page = document[number]
        height = page.get_height()
        hs, vs = [], []
        for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
            left, bottom, right, top = obj.get_bounds()
            if top - bottom < 2 and right - left > 4:
                hs.append((height - (top + bottom) / 2, left, right))
            elif right - left < 2 and top - bottom > 4:
                vs.append(((left + right) / 2, height - top, height - bottom))
        textpage = page.get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            text = textpage.get_text_range(i, 1)
            if not text.strip():
                chars.append((" ", None))
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            chars.append((text, ((left + right) / 2, height - (top + bottom) / 2)))
        tables.extend(_grids(hs, vs, chars, number + 1))
    return tables


def _cluster(values: list[float], tolerance: float = 1.5) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > tolerance:
            out.append(value)
    return out


def _covered(segments: list[tuple[float, float, float]], at: float, start: float, end: float) -> bool:
    return any(abs(pos - at) <= 1.5 and a <= start + 1.5 and b >= end - 1.5 for pos, a, b in segments)


def _grids(hs: list[Any], vs: list[Any], chars: list[Any], page: int) -> list[Table]:
    ys = _cluster([y for y, _, _ in hs])
    xs = _cluster([x for x, _, _ in vs])
    if len(ys) < 2 or len(xs) < 2:
        return []
    tables, rows = [], []
    for top, bottom in itertools.pairwise(ys):
        if not _covered([(x, a, b) for x, a, b in vs], xs[0], top, bottom) and not any(
            _covered([(x, a, b) for x, a, b in vs], x, top, bottom) for x in xs
        ):
            if rows:
                tables.append(Table(tuple(rows)))
                rows = []
            continue
        borders = [x for x in xs if _covered(vs, x, top, bottom)]
        if len(borders) < 2:
            continue
        texts = {b: [] for b in range(len(xs) - 1)}
        line: list[Any] = []
        for text, centre in chars:
            if centre is None:
                line.append((" ", None))
                continue
            x, y = centre
            if top < y < bottom and borders[0] < x < borders[-1]:
                left = max(b for b in borders if b < x)
                texts[xs.index(left)].append((y, x, text))
        cells = []
        for j in range(len(xs) - 1):
            found = sorted(texts[j])
            cells.append(Cell(join_lines(_words(found))))
        if any(c.text for c in cells):
            rows.append(Row(tuple(cells), page))
    if rows:
        tables.append(Table(tuple(rows)))
    return tables


def _words(found: list[tuple[float, float, str]]) -> str:
    """Characters of a cell (y, x, text) as lines of words: a gap wider than a space splits."""
    lines: list[list[tuple[float, float, str]]] = []
    for y, x, text in found:
        if lines and abs(lines[-1][0][0] - y) < 3:
            lines[-1].append((y, x, text))
        else:
            lines.append([(y, x, text)])
    out = []
    for line in lines:
        line.sort(key=lambda item: item[1])
        word = line[0][2]
        for (_, x0, _), (_, x1, t) in itertools.pairwise(line):
            word += (" " if x1 - x0 > 6.5 else "") + t
        out.append(word)
    return "\n".join(out)


# ----------------------------------------------------------------------------- measuring


def _cells(tables: list[Table]) -> list[tuple[str, ...]]:
    return [tuple(c.text for c in row.cells) for table in join_continued(tables) for row in table.rows]


def _score(found: list[tuple[str, ...]], truth: list[tuple[str, ...]]) -> tuple[int, int]:
    """Cells of the true tables found with the same text in the same row and column."""
    right = total = 0
    rows = dict.fromkeys(found, True)
    lookup = list(found)
    for row in truth:
        total += len(row)
        best = max((sum(a == b for a, b in zip(row, other, strict=False)) for other in lookup), default=0)
        right += best
    del rows
    return right, total


def _cpu(function: Any, *args: Any, repeat: int = 3) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = function(*args)
        best = min(best, time.process_time() - start)
    return best, result


def main() -> None:
    import docx
    import pdfplumber
    import pypdfium2 as pdfium

    from lapkin_audit.evidence.tables.docx import docx_tables

    def shipped(data: bytes) -> list[Table]:
        """The PDF reader's table pass (evidence.tables.pdf) over every page, unbudgeted."""
        from lapkin_audit.evidence.tables.pdf import PdfTables, pdf_tables

        out = PdfTables()
        pdf_tables(data, range(1, len(pdfium.PdfDocument(data)) + 1), 120, lambda: None, out)
        return out.tables

    def true_tables(name: str) -> list[Table]:
        found: list[Table] = []
        docx_tables(docx.Document(io.BytesIO((DOCUMENTS / f"{name}.docx").read_bytes())), lambda: None, found)
        return found

    print(
        "| document | pages | pdfplumber cells right | pdfium boxes cells right | pdfplumber s/page | pdfium s/page |"
    )
    print("|---|---|---|---|---|---|")
    totals = [0, 0, 0, 0.0, 0.0, 0]
    for name in PAIRS:
        pdf = (DOCUMENTS / f"{name}.pdf").read_bytes()
        truth = _cells(true_tables(name))
        pages = len(pdfium.PdfDocument(pdf))
        t_a, a = _cpu(shipped, pdf)
        t_b, b = _cpu(pdfium_tables, pdf)
        ra, total = _score(_cells(a), truth)
        rb, _ = _score(_cells(b), truth)
        print(f"| {name} | {pages} | {ra}/{total} | {rb}/{total} | {t_a / pages:.3f} | {t_b / pages:.3f} |")
        totals = [
            totals[0] + ra,
            totals[1] + rb,
            totals[2] + total,
            totals[3] + t_a,
            totals[4] + t_b,
            totals[5] + pages,
        ]
    print(f"| all | {totals[5]} | {totals[0]}/{totals[2]} | {totals[1]}/{totals[2]} | "
          f"{totals[3] / totals[5]:.3f} | {totals[4] / totals[5]:.3f} |")  # fmt: skip

    def bare(data: bytes) -> int:
        count = 0
        with pdfplumber.open(io.BytesIO(data)) as document:
            for page in document.pages:
                count += sum(len(t.extract()) for t in page.find_tables())
                page.close()
        return count

    print("\nshipped reader against bare pdfplumber (find_tables + extract), CPU s per page:")
    for name in PAIRS:
        pdf = (DOCUMENTS / f"{name}.pdf").read_bytes()
        pages = len(pdfium.PdfDocument(pdf))
        t_bare, _ = _cpu(bare, pdf)
        t_ours, _ = _cpu(shipped, pdf)
        print(f"  {name}: bare {t_bare / pages:.3f}, ours {t_ours / pages:.3f} ({t_ours / t_bare:.2f}x)")


def xlsx() -> None:
    """openpyxl (read-only, streamed) against python-calamine where it is installed."""
    import hashlib
    import importlib.util

    from lapkin_audit.evidence import child

    data = (DOCUMENTS / "lra-2024-tw2.xlsx").read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    t_ours, _ = _cpu(lambda raw: child.read(raw, sha256, None, tables=True), data, repeat=5)
    print(f"\nXLSX (SIPD-like LRA): shipped reader (openpyxl read-only) {t_ours * 1000:.1f} ms CPU")
    if importlib.util.find_spec("python_calamine") is None:
        print("  python-calamine not installed: its figures are in docs/performance.md")
        return
    import python_calamine

    def calamine(raw: bytes) -> int:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
        return sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)

    t_cal, _ = _cpu(calamine, data, repeat=5)
    print(f"  python-calamine {t_cal * 1000:.1f} ms CPU (no number formats: 44.0287 stays 44.0287)")


if __name__ == "__main__":
    main()
    xlsx()
