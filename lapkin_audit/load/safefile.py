"""Reading a file whose name came from outside the program: a flag (``--config``,
``--baseline``), a rules folder, a cache, a repository's ignore files.

Only a regular file is read, and never more than a bound. ``open()`` of a FIFO waits for
a writer that may never come, and ``/dev/zero`` never ends: the file is opened
non-blocking (so a FIFO returns at once) and judged by ``fstat()`` on the open handle, so
a file swapped for a FIFO between a check and the open cannot hang the run either.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotRegular(OSError):
    """The path is a folder, a FIFO, a socket or a device: nothing a person means as a file."""


def read_regular(path: str | Path, limit: int, *, follow_links: bool = True) -> bytes:
    """The first ``limit`` bytes of the regular file at ``path``, at most.

    Pass one more than the largest size you accept, and refuse a longer answer: the
    caller says what "too large" means for its file. Raises ``NotRegular`` for anything
    but a regular file, and OSError when it cannot be opened. With ``follow_links`` false
    a link at the last component is refused (ELOOP) instead of followed.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(errno.EINVAL, "not a regular file (a folder, FIFO or device)", str(path))
        return handle.read(limit)
