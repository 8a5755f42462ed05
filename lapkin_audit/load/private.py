"""The trust rules of lapkin-audit's caches (results, attachment facts), in one place.

A cache folder is real (not a link), owned by this user and writable by no one else: in
a folder others can write they could plant entries that turn a verdict green. An entry
is JSON (never pickle: a cache must not be able to run code), read as a regular file
only, bounded in size and nesting: a FIFO, a link to /dev/zero or 200,000 nested
brackets is a miss, never a hang or a crash.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from lapkin_audit.load.safefile import read_regular


def check_private(folder: Path) -> None:
    """Raises OSError unless ``folder`` is a real folder of this user that others cannot write."""
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise OSError(0, f"{folder} is not a folder (a link?)")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise OSError(0, f"{folder} belongs to another user")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise OSError(0, f"others can write {folder}")


def private_folder(folder: Path) -> Path:
    """``folder``, made if needed (mode 700) and checked by ``check_private``."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    check_private(folder)
    return folder


def read_entry(entry: Path, max_bytes: int, max_depth: int) -> Any:
    """An entry's JSON; raises OSError or ValueError for anything else."""
    raw = read_regular(entry, max_bytes + 1, follow_links=False)
    if len(raw) > max_bytes:
        raise ValueError("too large")
    depth = deepest = 0
    for byte in raw:  # brackets inside strings count too: an over-estimate, on the safe side
        if byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    if deepest > max_depth:
        raise ValueError("too deep")
    return json.loads(raw)


def write_entry(entry: Path, text: bytes) -> None:
    """Written beside the entry, then renamed over it: a reader sees the old entry or the
    new one, never half; created exclusively, without following a link. Failures are
    silent: a full disk or a read-only cache costs speed, never a result."""
    try:
        entry.parent.mkdir(exist_ok=True, mode=0o700)
        if entry.parent.is_symlink():
            return
        fd, temporary = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(text)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass
