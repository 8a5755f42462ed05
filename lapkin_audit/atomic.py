"""Replacing a file whole: the one way every writer of a file a person named or asked for
does it (a report, a baseline, a rules file, ``hash``'s manifest, ``init``'s schema copy, the
desk's upload). Below every stage: it knows files, nothing of dossiers."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path


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
