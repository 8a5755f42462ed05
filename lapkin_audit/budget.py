"""One dossier's time budget, in CPU time, checked where the work can stop cleanly.

No input may hang a batch, and the same input must give the same verdict on a busy machine
and an idle one: so the budget counts the CPU the auditing thread spends
(``time.thread_time``: right in a worker process, a server's thread or a cluster's worker
alike, where a signal-based alarm gives none) and the CPU its children spend reading
attachments, which the reader reports (``charge``). A wall-clock limit, many times the
budget, is only the last guard against a read that never returns. The stages ask
(``check``) between their steps: after the manifest, between attachments, between check
families. What runs between two checks is bounded by the limits of every reader.
"""

from __future__ import annotations

import time
from collections.abc import Callable

# The wall-clock guard: this many times the CPU budget, and never less than a budget plus this.
WALL_FACTOR = 10
WALL_MARGIN = 120.0


class OutOfTime(BaseException):
    """Raised where a dossier's audit checks its budget and finds it spent. A BaseException,
    so that the isolation of one dossier (which makes an Exception its E000) lets it through
    to the run, which reports the dossier and goes on."""


class Deadline:
    """The budget of one dossier's audit: ``seconds`` of CPU (0: none)."""

    def __init__(
        self,
        seconds: float,
        cpu: Callable[[], float] = time.thread_time,
        wall: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self._cpu, self._wall = cpu, wall
        self._cpu_start, self._wall_start = cpu(), wall()
        self.charged = 0.0  # CPU of children, as the reader reports it

    def charge(self, cpu_seconds: float) -> None:
        """Count CPU spent on this dossier's behalf in another process (a reader's child)."""
        if self.seconds > 0:
            self.charged += max(0.0, cpu_seconds)

    def spent(self) -> bool:
        if self.seconds <= 0:
            return False
        cpu = self._cpu() - self._cpu_start + self.charged
        wall = self._wall() - self._wall_start
        return cpu > self.seconds or wall > max(self.seconds * WALL_FACTOR, self.seconds + WALL_MARGIN)

    def check(self) -> None:
        """Stop the audit here (``OutOfTime``) if its budget is spent."""
        if self.spent():
            raise OutOfTime


NO_DEADLINE = Deadline(0)
