"""Reading a file whose name came from outside the program: a flag (``--config``,
``--baseline``), a rules folder, a cache, a repository's ignore files; and replacing a
regular file whole (``replace_atomically``), the one way every writer of a file a person
named or asked for does it.

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
from collections.abc import Iterable
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


def replace_atomically(path: Path, chunks: Iterable[bytes], mode: int) -> None:
    """Write ``chunks`` to a temporary file beside ``path``, on disk before it is renamed over
    ``path``: a reader sees the old file or the new one, never half of one, not even after a
    power cut. ``mode`` is the new file's permissions (a temporary file is made 0600). Raises
    OSError; whatever ends the writing (an error, Ctrl+C), no temporary file is left."""
    import tempfile  # here, not at the top: --version stays light

    folder = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def kept_mode(path: Path, new: int = 0o644) -> int:
    """The permissions a replacement of ``path`` gets: those of the regular file it replaces,
    else ``new`` (never read from the umask, whose reading changes it for every thread)."""
    try:
        info = os.lstat(path)
    except OSError:
        return new
    return info.st_mode & 0o777 if stat.S_ISREG(info.st_mode) else new
