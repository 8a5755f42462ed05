"""Facts about a dossier's attachments (``model.Attachment``), gathered before the checks
run, and E006 (Git LFS pointers where the documents should be), which stops the dossier
before any check.

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
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from lapkin_audit.lang.messages import Each
from lapkin_audit.model import Attachment, Dossier, Violation

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1 << 20


# A Git LFS pointer (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md): a small
# text file a checkout leaves instead of the document when `git lfs pull` did not run.
_LFS_MAX_SIZE = 1024  # the spec: pointer files are under 1024 bytes
_LFS_VERSION = b"version https://git-lfs.github.com/spec/v1\n"
_LFS_OID = re.compile(rb"^oid sha256:([0-9a-f]{64})$", re.MULTILINE)


def inspect(folder: Path, berkas: str, root: str | None = None, declared_sha256: str | None = None) -> Attachment:
    """Facts about one attachment; ``root`` is ``realpath(folder)`` when the caller has it."""
    reason = _textual_escape(berkas)
    if reason:
        return Attachment(berkas, "outside", reason=reason, declared_sha256=declared_sha256)
    relative = posixpath.normpath(berkas.replace("\\", "/"))
    root = root or os.path.realpath(folder)
    try:
        target, info = _resolve_inside(root, relative)
    except FileNotFoundError:
        suggestion = similar_file(root, relative, declared_sha256)
        return Attachment(berkas, "missing", declared_sha256=declared_sha256, suggestion=suggestion)
    except OSError as exc:
        return Attachment(berkas, "unreadable", error=exc.strerror or str(exc), declared_sha256=declared_sha256)
    if target is None:
        return Attachment(berkas, "outside", reason="link", declared_sha256=declared_sha256)
    if not stat.S_ISREG(info.st_mode):
        return Attachment(berkas, "not_file", declared_sha256=declared_sha256)
    if info.st_size == 0:
        return Attachment(berkas, "empty", declared_sha256=declared_sha256)
    try:
        digest = _sha256(target)
        oid = _lfs_oid(target) if info.st_size < _LFS_MAX_SIZE else None
    except OSError as exc:
        return Attachment(berkas, "unreadable", error=exc.strerror or str(exc), declared_sha256=declared_sha256)
    if oid is not None:
        return Attachment(berkas, "lfs_pointer", sha256=digest, declared_sha256=declared_sha256, lfs_oid=oid)
    return Attachment(berkas, "ok", sha256=digest, declared_sha256=declared_sha256)


def _lfs_oid(path: str) -> str | None:
    """The SHA-256 a Git LFS pointer file stands for; None if ``path`` is not a pointer.

    A pointer with another hash method (the spec allows only sha256 today) is still a
    pointer: its oid is returned as "" so that it is reported, never hashed as a document.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        head = handle.read(_LFS_MAX_SIZE)
    if not head.startswith(_LFS_VERSION):
        return None
    match = _LFS_OID.search(head)
    return match.group(1).decode() if match else ""


def lfs_pointers(dossier: Dossier, found: Mapping[str, Attachment]) -> Violation | None:
    """E006: one finding naming every attachment that is a Git LFS pointer, with whether its
    oid agrees with the manifest's `sha256`; None when there is none. The gather stage asks
    before the attachments' content is read.

    A pointer is not the document: nothing in it (text, paraf, signatures) can be judged,
    and judging the rest would give a verdict on a dossier nobody read. So the whole dossier
    cannot be assessed, with `git lfs pull` as the fix, rather than one K003 per pointer.
    """
    pointers = []
    first = None
    for doc in dossier.dokumen:
        seen = found.get(doc.field)
        if doc.berkas is None or seen is None or seen.status != "lfs_pointer":
            continue
        first = first or doc.field
        oid = seen.lfs_oid or ""
        declared = doc.sha256.lower() if doc.sha256 else None
        if not oid:
            pointers.append(("E006.other_hash", {"berkas": doc.berkas}))
        elif declared is None:
            pointers.append(("E006.undeclared", {"berkas": doc.berkas}))
        elif oid == declared:
            pointers.append(("E006.match", {"berkas": doc.berkas}))
        else:
            pointers.append(("E006.differs", {"berkas": doc.berkas, "oid": oid, "expected": declared}))
    if not pointers:
        return None
    args = {"count": len(pointers), "pointers": Each(pointers)}
    return Violation("E006", "E006", args, field=f"{first}.berkas")


def _resolve_inside(root: str, relative: str) -> tuple[str | None, os.stat_result]:
    """The real path of ``root/relative`` and its stat, or None for the path if a link leads out.

    Walks the components with lstat (two or three for `lampiran/x.pdf`) and resolves
    links only where there are some: cheaper than realpath, which lstats from `/`.
    """
    path = root
    for part in relative.split("/"):
        parent, path = path, os.path.join(path, part)
        info = os.lstat(path)
        if CASE_INSENSITIVE_FS and part not in _names(parent):
            # Windows and macOS open "LRA.pdf" for "lra.pdf"; Linux does not. The same
            # dossier must get the same verdict everywhere: the name is checked as written.
            raise FileNotFoundError(path)
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


# Windows and macOS file systems find a name in any case; Linux ones do not.
CASE_INSENSITIVE_FS = sys.platform in ("win32", "darwin")
_SEARCH_LIMIT = 2_000  # files looked at when suggesting a name: a dossier holds a few dozen
_HASH_LIMIT = 256 * 1024 * 1024  # bytes hashed when looking for the declared content


def _names(folder: str) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def similar_file(root: str, relative: str, declared_sha256: str | None = None) -> str | None:
    """The one regular file under ``root`` that a missing ``relative`` most likely means:
    the same path in another case or Unicode normalisation, else a file with the declared
    SHA-256. None when there is no such file, or more than one. Links are not followed,
    and the search is bounded (a dossier is small; a huge folder must not slow a run)."""
    wanted = _fold(relative)
    files: list[tuple[str, str]] = []  # (relative posix path, full path)
    for directory, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if not os.path.islink(os.path.join(directory, f)))
        for name in sorted(names):
            full = os.path.join(directory, name)
            files.append((Path(os.path.relpath(full, root)).as_posix(), full))
        if len(files) >= _SEARCH_LIMIT:
            break
    same_name = [path for path, _ in files if _fold(path) == wanted and path != relative]
    if len(same_name) == 1:
        return same_name[0]
    if declared_sha256 is None or same_name:
        return None
    matches, hashed = [], 0
    for path, full in files:
        try:
            info = os.lstat(full)
            if not stat.S_ISREG(info.st_mode) or hashed + info.st_size > _HASH_LIMIT:
                continue
            hashed += info.st_size
            if _sha256(full) == declared_sha256.lower():
                matches.append(path)
        except OSError:
            continue
    return matches[0] if len(matches) == 1 else None


MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # an attachment read for its content; a scanned report is a few MB


def read_content(folder: Path, berkas: str, sha256: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes | None:
    """The bytes of an attachment that ``inspect`` found "ok" with ``sha256``, for the
    evidence stage; None when it changed since, or is no longer a regular file inside the
    dossier. Raises ValueError when it is larger than ``limit``. Opened as ``inspect`` opens it: never through a link
    that leads out, never anything but a regular file."""
    if _textual_escape(berkas):
        return None
    relative = posixpath.normpath(berkas.replace("\\", "/"))
    try:
        target, info = _resolve_inside(os.path.realpath(folder), relative)
        if target is None or not stat.S_ISREG(info.st_mode):
            return None
        if info.st_size > limit:
            raise ValueError(f"{info.st_size} bytes")
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            data = handle.read(limit + 1)
    except OSError:
        return None
    if len(data) > limit:
        raise ValueError(f"more than {limit} bytes")
    if hashlib.sha256(data).hexdigest() != sha256:
        return None
    return data
