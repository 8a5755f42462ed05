"""One document being read in the child: its CPU budget, its text bounds, and the child's
shared means (OCR, trust) that every reader gets.

The budget is counted in CPU seconds: the child's own since the document began, plus what
its OCR workers report for its pages. A reader calls ``check()`` between pages (a
cooperative stop that keeps the child for the next document); behind it the kernel's
CPU limit (``process.limit_cpu``) ends a child stuck inside a parser, a page's worth
later. Either way the document is one the reader gave up on (B001, ``timeout``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from lapkin_audit.evidence.limits import CPU_PER_PAGE_OPTION, Limits
from lapkin_audit.evidence.ocr import Ocr
from lapkin_audit.evidence.process import limit_cpu

Trust = tuple[list[bytes], list[bytes]]  # trust roots and revocation lists, DER
BACKSTOP = 5.0  # CPU seconds past the budget (besides a page's worth) before the kernel steps in


class OutOfBudget(Exception):
    """The document's CPU budget is spent; the message names it and how to raise it."""


class TooManyPages(Exception):
    """More pages than the limit: the document is not read (B001)."""


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
    ) -> None:
        """``announce``: told each CPU budget as it is set. ``backstop``: set the kernel's CPU
        limit of this process too (only in the child: never in a process reading in place)."""
        self.limits = limits
        self.backstop = backstop
        self.ocr = ocr
        self.trust = trust
        self.announce = announce
        self.began = time.process_time()
        self.elsewhere = 0.0  # CPU seconds the OCR workers spent on this document's pages
        self.cpu = limits.cpu_base
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
        if self.spent() > self.cpu:
            raise OutOfBudget(self.describe())

    def describe(self) -> str:
        """The budget in words the finding quotes (the option's name is not translated)."""
        per_page = self.limits.cpu_per_page
        pages = f", {self.pages} x {per_page:g} s" if self.pages else ""
        return f"{self.cpu:g} s CPU ({self.limits.cpu_base:g} s{pages}; {CPU_PER_PAGE_OPTION})"

    def _allow(self) -> None:
        if self.announce is not None:
            self.announce(self.cpu)
        if self.backstop:
            limit_cpu(self.cpu - self.spent() + self.limits.cpu_per_page + BACKSTOP)

    # ------------------------------------------------------------------ text bounds

    def keep(self, text: str) -> str:
        """A page's text within the page and document bounds; what is cut is counted."""
        room = max(0, min(self.limits.page_chars, self.limits.document_chars - self.kept))
        if len(text) > room:
            self.cut += len(text) - room
            text = text[:room]
        self.kept += len(text)
        return text
