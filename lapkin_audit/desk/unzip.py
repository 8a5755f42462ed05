"""A dropped zip unpacked into a folder of the desk's own, refusing what could escape or explode.

Refused outright, before anything is written: a name that is absolute (``/x``, ``C:x``,
``\\\\server``), that climbs (``..``), that holds a control character, or that Windows
cannot hold (``x.pdf:aliran``, ``CON.pdf``); a link (Unix mode bits of a symlink); more
than ``MAX_ENTRIES`` entries; a declared total over ``MAX_TOTAL`` or a member whose
declared size is over ``MAX_RATIO`` times its compressed size. While writing, the bytes
actually inflated are counted too (a header may lie).
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path, PurePosixPath

from lapkin_audit.desk import names
from lapkin_audit.load.discovery import MANIFEST

MAX_ENTRIES = 2_000
MAX_TOTAL = 500 * 1024 * 1024  # what a real dossier with scans can weigh, uncompressed
MAX_RATIO = 200  # text compresses 10-20 times; a bomb, thousands
_CHUNK = 1 << 20


class Refused(Exception):
    """Why a zip is not unpacked: a key of lang.desk's ``reasons``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def safe_name(name: str) -> PurePosixPath:
    """The member's path inside the target, or Refused("zip_unsafe").

    A backslash is read as a separator, as Windows' own zip tools wrote it (PowerShell's
    ``Compress-Archive`` did), and its parts are then checked like any other; each part
    must be a name Windows can hold too (``names.portable``)."""
    name = name.replace("\\", "/")
    if not name or name.startswith("/") or "\x7f" in name:
        raise Refused("zip_unsafe")
    path = PurePosixPath(name)
    if not all(names.portable(part) for part in path.parts) or len(path.parts) != name.rstrip("/").count("/") + 1:
        raise Refused("zip_unsafe")
    return path


def extract(archive: Path, target: Path) -> Path:
    """Unpack ``archive`` into the empty folder ``target``; return the dossier folder in it."""
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError):
        raise Refused("zip_bad") from None
    with zf:
        members = zf.infolist()
        if len(members) > MAX_ENTRIES:
            raise Refused("zip_bomb")
        total = 0
        planned = []
        for info in members:
            path = safe_name(info.filename.rstrip("/") if info.is_dir() else info.filename)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise Refused("zip_unsafe")
            total += info.file_size
            if total > MAX_TOTAL or info.file_size > MAX_RATIO * max(info.compress_size, 1) + _CHUNK:
                raise Refused("zip_bomb")
            planned.append((info, path))
        manifests = sorted((p for _, p in planned if p.name == MANIFEST), key=lambda p: len(p.parts))
        if not manifests:
            raise Refused("zip_no_dossier")
        written = 0
        for info, path in planned:
            out = target.joinpath(*path.parts)
            if info.is_dir():
                out.mkdir(parents=True, exist_ok=True)
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zf.open(info) as source, open(out, "xb") as sink:
                    while chunk := source.read(_CHUNK):
                        written += len(chunk)
                        if written > MAX_TOTAL:
                            raise Refused("zip_bomb")
                        sink.write(chunk)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
                raise Refused("zip_bad") from None
    return target.joinpath(*manifests[0].parent.parts)
