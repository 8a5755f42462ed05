"""One document being read in the child: its CPU budget, its text bounds, and the child's
shared means (OCR, trust) that every reader gets.

The budget is counted in CPU seconds: the child's own since the document began, plus what
its OCR workers report for its pages. A reader calls ``check()`` between pages (a
cooperative stop that keeps the child for the next document); behind it the kernel's
CPU limit (``process.limit_cpu``) ends a child stuck inside a parser, a page's worth
later. Either way the document is one the reader gave up on (B001, ``timeout``).

A document whose tables are wanted (``tables``) has the tables' allowance besides
(``Limits.tables_cpu``), spent inside ``tables_timer`` and counted apart: past it the
tables alone stop (``TablesOutOfBudget``), between pages or, through a CPU-time timer,
inside a parser still busy; the rest of the document is held to its own budget as if no
tables were read (the wall-clock guard and the kernel's limit cover both).
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator

from lapkin_audit.evidence.limits import CPU_PER_PAGE_OPTION, Limits
from lapkin_audit.evidence.ocr import Ocr
from lapkin_audit.evidence.process import limit_cpu

Trust = tuple[list[bytes], list[bytes]]  # trust roots and revocation lists, DER
BACKSTOP = 5.0  # CPU seconds past the budget (besides a page's worth) before the kernel steps in


class OutOfBudget(Exception):
    """The document's CPU budget is spent; the message names it and how to raise it."""


class TooManyPages(Exception):
    """More pages than the limit: the document is not read (B001)."""


class TablesOutOfBudget(BaseException):
    """The tables' own CPU allowance is spent: the tables found so far are kept, marked cut.
    A BaseException, as a timeout is, so that a parser's ``except Exception`` cannot swallow
    it; every ``tables_timer`` block is wrapped in a handler of its own."""


class Hostile(Exception):
    """A file built to harm a reader (a zip bomb, XML entities, a pixel bomb): refused, not parsed."""


class Job:
    def __init__(
        self,
        limits: Limits,
        ocr: Ocr,
        trust: Trust = ([], []),
        announce: Callable[[float], None] | None = None,
        backstop: bool = False,
        tables: bool = False,
    ) -> None:
        """``announce``: told each CPU budget as it is set. ``backstop``: set the kernel's CPU
        limit of this process too (only in the child: never in a process reading in place).
        ``tables``: the content checks compare this document's tables: read them too."""
        self.limits = limits
        self.tables = tables
        self.tables_spent = 0.0  # CPU seconds spent on tables inside ``tables_timer``
        self.backstop = backstop
        self.ocr = ocr
        self.trust = trust
        self.announce = announce
        self.began = time.process_time()
        self.elsewhere = 0.0  # CPU seconds the OCR workers spent on this document's pages
        self.cpu = limits.cpu_base  # the document's budget, its tables' allowance apart
        self.tables_cpu = limits.tables_cpu if tables else 0.0
        self.pages = 0
        self.kept = 0  # characters of text kept so far
        self.cut = 0  # characters not kept
        self._allow()

    # ------------------------------------------------------------------ the CPU budget

    def counted(self, pages: int) -> None:
        """The document has ``pages`` pages: its budget grows with them (B001 past the limit)."""
        self.pages = pages
        if pages > self.limits.max_pages:
            raise TooManyPages(f"{pages} > {self.limits.max_pages}")
        self.cpu = self.limits.cpu_for(pages)
        self._allow()

    def spend(self, seconds: float) -> None:
        """CPU time another process spent for this document (an OCR worker's page)."""
        self.elsewhere += seconds

    def spent(self) -> float:
        return time.process_time() - self.began + self.elsewhere

    def check(self) -> None:
        if self.spent() - self.tables_spent > self.cpu:
            raise OutOfBudget(self.describe())

    def describe(self) -> str:
        """The budget in words the finding quotes (the option's name is not translated)."""
        per_page = self.limits.cpu_per_page
        pages = f", {self.pages} x {per_page:g} s" if self.pages else ""
        return f"{self.cpu:g} s CPU ({self.limits.cpu_base:g} s{pages}; {CPU_PER_PAGE_OPTION})"

    def _allow(self) -> None:
        total = self.cpu + self.tables_cpu
        if self.announce is not None:
            self.announce(total)
        if self.backstop:
            limit_cpu(total - self.spent() + self.limits.cpu_per_page + BACKSTOP)

    # ------------------------------------------------------------------ the tables' allowance

    @contextlib.contextmanager
    def tables_timer(self) -> Iterator[Callable[[], None]]:
        """Yields a check to call between pages; it (or, where the platform has a CPU-time
        timer, the timer inside a parser) raises ``TablesOutOfBudget`` once the tables have
        spent ``Limits.tables_cpu``. What this block spends counts as the tables'."""
        left = self.tables_cpu - self.tables_spent
        if left <= 0:
            raise TablesOutOfBudget(self.describe_tables())
        started = time.process_time()

        def check() -> None:
            if time.process_time() - started > left:
                raise TablesOutOfBudget(self.describe_tables())

        try:
            with _cpu_timer(left):
                yield check
        finally:
            self.tables_spent += time.process_time() - started

    def describe_tables(self) -> str:
        return f"{self.limits.tables_cpu:g} s CPU for tables"

    # ------------------------------------------------------------------ text bounds

    def keep(self, text: str) -> str:
        """A page's text within the page and document bounds; what is cut is counted."""
        room = max(0, min(self.limits.page_chars, self.limits.document_chars - self.kept))
        if len(text) > room:
            self.cut += len(text) - room
            text = text[:room]
        self.kept += len(text)
        return text


_ARMED = [False]  # whether the tables' timer may raise: a signal delivered after it ended is ignored


@contextlib.contextmanager
def _cpu_timer(seconds: float) -> Iterator[None]:
    """Interrupt the code inside, where the platform has a CPU-time timer (POSIX, main
    thread only), once this process has spent ``seconds`` of CPU in it."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _out_of_time)
    _ARMED[0] = True
    signal.setitimer(signal.ITIMER_PROF, max(seconds, 0.001))
    try:
        yield
    finally:
        _ARMED[0] = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _out_of_time(signum: int, frame: object) -> None:
    if _ARMED[0]:
        _ARMED[0] = False
        raise TablesOutOfBudget("tables past their CPU allowance")
