"""Facts about a dossier's attachments, gathered before the checks run.

This is the only place that touches attachment files, and it never opens anything
outside the dossier folder: a path is judged as text first (absolute, drive letter,
NUL, a `..` that leaves), then by where its links really lead, and only a regular
file inside the folder is opened (non-blocking, so a FIFO can never hang a run).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import stat
from dataclasses import dataclass
from pathlib import Path

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Attachment:
    berkas: str
    status: str  # ok | missing | empty | not_file | unreadable | outside
    sha256: str | None = None
    reason: str | None = None  # for outside: absolute | parent | link | drive | nul
    error: str | None = None


def inspect(folder: Path, berkas: str, root: str | None = None) -> Attachment:
    """Facts about one attachment; ``root`` is ``realpath(folder)`` when the caller has it."""
    reason = _textual_escape(berkas)
    if reason:
        return Attachment(berkas, "outside", reason=reason)
    relative = posixpath.normpath(berkas.replace("\\", "/"))
    root = root or os.path.realpath(folder)
    try:
        target, info = _resolve_inside(root, relative)
    except FileNotFoundError:
        return Attachment(berkas, "missing")
    except OSError as exc:
        return Attachment(berkas, "unreadable", error=exc.strerror or str(exc))
    if target is None:
        return Attachment(berkas, "outside", reason="link")
    if not stat.S_ISREG(info.st_mode):
        return Attachment(berkas, "not_file")
    if info.st_size == 0:
        return Attachment(berkas, "empty")
    try:
        digest = _sha256(target)
    except OSError as exc:
        return Attachment(berkas, "unreadable", error=exc.strerror or str(exc))
    return Attachment(berkas, "ok", sha256=digest)


def _resolve_inside(root: str, relative: str) -> tuple[str | None, os.stat_result]:
    """The real path of ``root/relative`` and its stat, or None for the path if a link leads out.

    Walks the components with lstat (two or three for `lampiran/x.pdf`) and resolves
    links only where there are some: cheaper than realpath, which lstats from `/`.
    """
    path = root
    for part in relative.split("/"):
        path = os.path.join(path, part)
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            real = os.path.realpath(os.path.join(root, relative))
            if real != root and not real.startswith(root + os.sep):
                return None, info
            return real, os.stat(real)
    return path, info


def _textual_escape(berkas: str) -> str | None:
    if "\x00" in berkas:
        return "nul"
    if berkas.startswith(("/", "\\")):
        return "absolute"
    if _DRIVE.match(berkas):
        return "drive"
    depth = 0
    for part in re.split(r"[\\/]+", berkas):
        if part == "..":
            depth -= 1
            if depth < 0:
                return "parent"
        elif part not in ("", "."):
            depth += 1
    return None


def _sha256(path: str) -> str:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(0, "not a regular file")
        digest = hashlib.sha256()
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def still_the_same(root: str, berkas: object, digest: object) -> bool | None:
    """Whether an attachment that was "ok" with SHA-256 ``digest`` still is; None: cannot tell.

    The result cache asks this for every attachment of a cached dossier. The common case
    is answered at half the cost of ``inspect`` (which resolves two real paths per file):
    a plain file under the dossier folder (``root``, its real path), no link on the way.
    Anything else (a link, an error) is None, left to ``inspect``, so this never says
    True where ``inspect`` would report other facts for the same files.
    """
    if os.name != "posix" or not isinstance(berkas, str) or not isinstance(digest, str):
        return None
    relative = posixpath.normpath(berkas.replace("\\", "/"))
    if relative.startswith(("/", "../")) or relative in (".", ".."):
        return None
    path = root
    try:
        for part in relative.split("/"):
            path = os.path.join(path, part)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                return None
        if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            hasher = hashlib.sha256()
            while chunk := handle.read(1 << 20):
                hasher.update(chunk)
    except (OSError, ValueError):
        return None
    return hasher.hexdigest() == digest
