"""Bounds every table reader keeps, whatever a document holds (docs/decisions.md)."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable, Iterator
from typing import Any

MAX_TABLE_PAGES = 120  # pages of a PDF searched for tables (a LKjIP is 30-80 pages)
# CPU seconds a document's tables may take (0.06 s a page measured): within the reader
# child's 15 s, so that a document's text and signatures are never lost to its tables.
TABLES_CPU = 6.0
MAX_TABLES = 200  # tables kept per document
MAX_ROWS = 2_000  # rows kept per table (a kecamatan's capaian table has 5-30; an LRA a few hundred)
MAX_COLUMNS = 40
MAX_CELL_CHARS = 2_000  # characters kept per cell (an indicator's name is under 300)
MAX_SHEET_ROWS = 20_000  # rows of a worksheet looked at, empty ones included
MAX_SHEETS = 20


def clip(text: str) -> tuple[str, bool]:
    """The cell's text within MAX_CELL_CHARS, and whether it was cut."""
    return (text, False) if len(text) <= MAX_CELL_CHARS else (text[:MAX_CELL_CHARS], True)


def join_lines(text: str) -> str:
    """A cell's lines as one line: a word hyphenated at a line end is joined when the next
    line goes on in lower case ("kepen-\\nduduk"), and a figure wrapped in a narrow column
    is joined again; otherwise lines are joined by a space."""
    out = ""
    for line in text.replace("\r", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if out.endswith("-") and line[:1].islower() and len(out) > 1 and out[-2].isalpha():
            out = out[:-1] + line
        elif (out[-1:].isdigit() or out[-1:] in ".,(") and all(c.isdigit() or c in ".,)%" for c in line):
            out += line  # a figure wrapped in a narrow column: "1.102.450.000,0" / "0"
        else:
            out = f"{out} {line}" if out else line
    return out


class TablesOutOfTime(Exception):
    """The tables' CPU budget ran out while a parser was busy (raised by the timer)."""


@contextlib.contextmanager
def cpu_budget(seconds: float) -> Iterator[Callable[[], bool]]:
    """Yields "is the budget spent?"; where the platform has a CPU-time timer (POSIX), a
    parser still busy when it runs out is interrupted (``TablesOutOfTime``), once."""
    start = time.process_time()
    armed = hasattr(signal, "setitimer") and _main_thread()
    previous: Any = None
    if armed:
        previous = signal.signal(signal.SIGVTALRM, _out_of_time)
        signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield lambda: time.process_time() - start > seconds
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, previous)


def _out_of_time(signum: int, frame: object) -> None:
    raise TablesOutOfTime()


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
