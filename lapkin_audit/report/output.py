"""Writing a file a person names (a report, a baseline, a rules file, a skeleton): one writer
(``write_output``), atomic over regular files, into anything else, never through a planted
link; and never inside a dossier.

Every failure is an ``errors.OutputError`` (coded, rendered by the front end in its language),
never an exit: a web desk writes files too.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from lapkin_audit.atomic import replace_atomically
from lapkin_audit.errors import OutputError


def refuse_inside_dossiers(output: Path, folders: Iterable[Path]) -> None:
    """The checker never writes inside a dossier, not even when told to (``-o DOSSIER/x``)."""
    where = Path(os.path.realpath(output.parent if str(output.parent) else "."))
    for folder in folders:
        real = Path(os.path.realpath(folder))
        if where == real or real in where.parents:
            raise OutputError("output.inside_dossier", output=output, folder=folder)


def write_output(path: Path, parts: Iterable[str]) -> None:
    """The one writer of every file a person names (a report, a baseline, a rules file from
    ``sop import``, a skeleton from ``init``).

    A regular file (or a new one) is replaced atomically: never half written. Anything else
    is written into, never replaced: a device (``/dev/null`` stays a device, even as root), a
    FIFO (opened without waiting for a reader), a link of the user's (or the system's) to
    one, and a link to a descriptor (``/dev/stdout`` into a redirect). Any other link is
    replaced, never followed: it can neither create nor overwrite the file it points to, and
    a link that may have been planted (in a folder others can write, or owned by another
    user) is replaced whatever it points to (a device as well)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError("output.cannot_write", path=path, error=exc.strerror or exc) from None
    if info is None or stat.S_ISREG(info.st_mode):
        _replace(path, parts)
    elif stat.S_ISLNK(info.st_mode):
        _through_link(path, info, parts)
    elif stat.S_ISDIR(info.st_mode):
        raise OutputError("output.folder", path=path)
    else:
        _write_into(path, parts, append=False)


def _through_link(path: Path, info: os.stat_result, parts: Iterable[str]) -> None:
    if _planted(path, info):
        _replace(path, parts)  # the link itself, never what it points to
        return
    try:
        target = os.stat(path)
    except OSError:  # a dangling link: replaced, never followed to create its target
        _replace(path, parts)
        return
    if stat.S_ISDIR(target.st_mode):
        raise OutputError("output.folder", path=path)
    if not stat.S_ISREG(target.st_mode):
        _write_into(path, parts, append=False)  # /dev/null, a FIFO: written into
    elif _descriptor(path):
        _write_into(path, parts, append=True)  # /dev/stdout into a redirect the shell opened (and emptied)
    else:
        _replace(path, parts)  # a link to a file is replaced: it never overwrites what it points to


def _planted(link: Path, info: os.stat_result) -> bool:
    """Whether someone else may have put this link here: it is not this user's (or root's),
    or its folder is writable by others."""
    if not hasattr(os, "getuid"):
        return True
    if info.st_uid not in (os.getuid(), 0):
        return True
    try:
        folder = os.stat(link.parent if str(link.parent) else ".")
    except OSError:
        return True
    return folder.st_uid not in (os.getuid(), 0) or bool(folder.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _descriptor(path: Path) -> bool:
    """Whether a chain of links leads to an open descriptor (/dev/stdout -> /proc/self/fd/1)."""
    current = str(path)
    for _ in range(8):
        if current.startswith(("/proc/self/fd/", "/dev/fd/", "/proc/thread-self/fd/")):
            return True
        try:
            text = os.readlink(current)
        except OSError:
            return False
        current = os.path.join(os.path.dirname(current), text)
    return False


def _write_into(path: Path, parts: Iterable[str], append: bool) -> None:
    """Written into what is there: a FIFO without a reader is refused at once (no wait)."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= os.O_APPEND if append else os.O_TRUNC
    try:
        fd = os.open(path, flags)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for part in parts:
                handle.write(part)
    except OSError as exc:
        raise OutputError("output.cannot_write", path=path, error=exc.strerror or exc) from None


def _replace(path: Path, parts: Iterable[str]) -> None:
    """A temporary file beside the target, renamed into place: never half a file."""
    try:
        replace_atomically(path, (part.encode("utf-8") for part in parts), _report_mode(path))
    except OSError as exc:
        raise OutputError("output.cannot_write", path=path, error=exc.strerror or exc) from None


def _report_mode(path: Path) -> int:
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode):
            return info.st_mode & 0o777
    except OSError:
        pass
    umask = os.umask(0)  # a new file (or one replacing a link): what the umask allows
    os.umask(umask)
    return 0o666 & ~umask
