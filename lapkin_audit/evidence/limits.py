"""What reading one document may cost, in units that do not depend on the machine's load.

A document is read under a CPU-time budget that grows with its pages (``cpu_base`` to
open it, check its signatures and read its text layer, ``cpu_per_page`` more for every
page, which pays for OCR of a scanned page: ~0.6 s of CPU here at 300 dpi). CPU time is
what the reader itself spends, whatever else runs on the machine, so a document read
within its budget on an idle machine is read within it under load or with any
``--jobs``. A wall-clock limit remains only as a last guard against a reader that waits
on nothing (``wall_factor`` times the CPU budget, plus ``wall_slack``): generous enough
that no honest document ever reaches it on a busy machine.

A document that runs out of any budget (CPU, memory, pages) is one the reader gave up on:
B001 (evidence.md 1.2), never easier than one that could be read.

A document whose tables the content checks compare (content.md) has ``tables_cpu`` more,
for its tables alone (``evidence.job.Job.tables_timer``): past it the tables are lost and
the text and the signatures never pay for them, nor may they spend it.
"""

from __future__ import annotations

from dataclasses import dataclass

# The settings' names, for messages that say how to raise a budget (cli, configuration).
CPU_PER_PAGE_OPTION = "--cpu-per-page"
CPU_PER_PAGE_KEY = "cpu-per-page"


@dataclass(frozen=True)
class Limits:
    """Picklable and hashable: it travels to batch workers and into the child's request."""

    cpu_per_page: float = 3.0  # seconds of CPU per page (OCR of a scanned page costs ~0.6 s)
    cpu_base: float = 15.0  # seconds of CPU per document besides its pages (open, signatures)
    memory: int = 1024 * 1024 * 1024  # bytes of address space for one child (and each OCR worker)
    max_pages: int = 500  # a document with more pages is not read: B001
    max_ocr_pages: int = 100  # pages of one document read by OCR; later ones stay unread (B006)
    page_chars: int = 20_000  # characters kept of one page (a dense A4 page holds ~5,000)
    document_chars: int = 1_000_000  # characters kept of one document (~200 dense pages)
    wall_factor: float = 10.0  # the wall-clock guard: this many times the CPU budget...
    wall_slack: float = 60.0  # ...plus this many seconds (start-up, a busy machine)
    # Seconds of CPU for the tables of a document whose tables are wanted, besides its budget
    # (pdfplumber takes ~0.06 s a page), and the pages of a PDF searched for them (an LKjIP
    # has 30-80).
    tables_cpu: float = 6.0
    max_table_pages: int = 120

    def cpu_for(self, pages: int) -> float:
        """The CPU budget of a document of ``pages`` pages (0 before they are counted)."""
        return self.cpu_base + self.cpu_per_page * max(0, min(pages, self.max_pages))

    def wall_for(self, cpu: float) -> float:
        return self.wall_factor * cpu + self.wall_slack

    def cpu_cap(self, documents: int) -> float:
        """The most CPU a child reading ``documents`` documents may ever be allowed."""
        return documents * (self.cpu_for(self.max_pages) + self.tables_cpu) + self.cpu_base


DEFAULT = Limits()
