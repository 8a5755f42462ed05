"""A run's results kept for a report that needs them more than once, without holding them.

A report that prints a summary first (JSON, SARIF, the table) needs every verdict before
the first dossier is written: the results are kept in a ``Spool``, the first few hundred in
memory, the rest written to an anonymous temporary file as ``model.codec`` lines (plain,
versioned data, never pickle) and read back one at a time on every pass. What is counted
over them (``model.Tally``) is counted as they arrive, so a summary costs no pass at all.
``Once`` is the other kind: results that go straight to a format written a dossier at a time
(``jsonl``), read exactly once, as they are judged.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection, Iterable, Iterator
from typing import IO

from lapkin_audit.model import DossierResult, Tally, codec

# Results kept in memory before the spool spills to its file: a small run (a hook's, a
# folder's) never touches the disk; a large one holds this many at most (~13 MB per 1,000
# results with their evidence).
IN_MEMORY = 500
_BLOCK = 1 << 16  # bytes read at a time on a pass over the file


class Spool(Collection[DossierResult]):
    """Results in the order added; iterate as often as needed (passes may overlap)."""

    def __init__(self, results: Iterable[DossierResult] = (), in_memory: int = IN_MEMORY) -> None:
        self.tally = Tally()
        self._held: list[DossierResult] = []
        self._in_memory = in_memory
        self._file: IO[bytes] | None = None
        self._count = 0
        for result in results:
            self.add(result)

    def add(self, result: DossierResult) -> None:
        self.tally.add(result)
        self._count += 1
        if self._file is None and len(self._held) < self._in_memory:
            self._held.append(result)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # unlinked at once: gone with this process
        self._file.write(codec.dumps(result).encode() + b"\n")  # one line: codec text has no raw newline

    def __len__(self) -> int:
        return self._count

    def __contains__(self, item: object) -> bool:
        return any(result == item for result in self)

    def __iter__(self) -> Iterator[DossierResult]:
        yield from self._held
        if self._file is None:
            return
        self._file.flush()
        fd, end = self._file.fileno(), self._file.tell()
        offset, rest = 0, b""
        while offset < end:  # each pass reads at its own offset: passes never disturb each other
            block = os.pread(fd, min(_BLOCK, end - offset), offset)
            offset += len(block)
            lines = (rest + block).split(b"\n")
            rest = lines.pop()
            for line in lines:
                yield _decoded(line)

    def close(self) -> None:
        """Let go of the results (the run closes the spools it made; a spool dropped closes too)."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._held = []
        self._count = 0

    def __del__(self) -> None:
        self.close()


def _decoded(line: bytes) -> DossierResult:
    result = codec.loads(DossierResult, line)
    if result is None:  # written by this very process: a bug of the checker, said as one
        raise ValueError("a result kept for the report could not be read back")
    return result


class Once(Collection[DossierResult]):
    """Results read once, as they come: for a format written a dossier at a time. ``count``
    is how many will come (the run's dossiers), for a renderer that says it first."""

    def __init__(self, results: Iterable[DossierResult], count: int) -> None:
        self._results: Iterator[DossierResult] | None = iter(results)
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __contains__(self, item: object) -> bool:
        raise TypeError("results streamed once cannot be searched")

    def __iter__(self) -> Iterator[DossierResult]:
        if self._results is None:
            raise RuntimeError("results streamed once were already read")
        results, self._results = self._results, None
        yield from results
