"""Writing a report (or a baseline, a skeleton) to a file: atomically, and never inside a dossier.

Every failure is an ``errors.OutputError`` (coded, rendered by the front end in its language),
never an exit: a web desk writes files too.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from lapkin_audit.errors import OutputError


def refuse_inside_dossiers(output: Path, folders: Iterable[Path]) -> None:
    """The checker never writes inside a dossier, not even when told to (``-o DOSSIER/x``)."""
    where = Path(os.path.realpath(output.parent if str(output.parent) else "."))
    for folder in folders:
        real = Path(os.path.realpath(folder))
        if where == real or real in where.parents:
            raise OutputError("output.inside_dossier", output=output, folder=folder)


def write_report(path: Path, parts: Iterable[str]) -> None:
    """A report file is replaced atomically. A device (/dev/null), a FIFO, or a link to one
    (/dev/stdout) is written into, never replaced by a regular file. A link to a regular
    file is itself replaced: a link planted in a shared folder must not make the report
    overwrite the file it points to."""
    try:
        info = os.stat(path)  # what the path leads to
    except FileNotFoundError:
        info = None  # a new file, or a dangling link: replaced
    except OSError as exc:
        raise OutputError("output.cannot_write", path=path, error=exc.strerror or exc) from None
    if info is None or stat.S_ISREG(info.st_mode):
        write_atomically(path, parts)
        return
    if stat.S_ISDIR(info.st_mode):
        raise OutputError("output.folder", path=path)
    try:
        with open(path, "w", encoding="utf-8") as handle:
            for part in parts:
                handle.write(part)
    except OSError as exc:
        raise OutputError("output.cannot_write", path=path, error=exc.strerror or exc) from None


def write_atomically(path: Path, parts: Iterable[str]) -> None:
    """A temporary file beside the target, renamed into place: never half a report."""
    import tempfile  # here, not at the top: --version stays light

    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            os.fchmod(fd, _report_mode(path))  # mkstemp makes 0600; a report is as readable as before
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                for part in parts:
                    handle.write(part)
                handle.flush()
                os.fsync(handle.fileno())  # on disk before the rename: not even a power cut leaves half
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as exc:
        raise OutputError("output.cannot_write", path=path, error=exc.strerror or exc) from None


def _report_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:  # a new file: what the umask allows
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
