"""Reading a file whose name came from outside the program: a flag (``--config``,
``--baseline``), a rules folder, a cache, a repository's ignore files.

Only a regular file is read, and never more than a bound. ``open()`` of a FIFO waits for
a writer that may never come, and ``/dev/zero`` never ends: the file is opened
non-blocking (so a FIFO returns at once) and judged by ``fstat()`` on the open handle, so
a file swapped for a FIFO between a check and the open cannot hang the run either.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

_CHUNK = 1 << 20


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


def sha256_of(path: str | Path) -> str:
    """The SHA-256 of a regular file's bytes, for a fingerprint (of the rules files, say);
    ``"not-a-regular-file"`` for anything else, which cannot then hang the run: the reader
    that needs the file refuses it, saying so."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return "not-a-regular-file"
            digest = hashlib.sha256()
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        return f"unreadable:{exc.errno}"
    return digest.hexdigest()
