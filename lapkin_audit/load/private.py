"""The trust rules of lapkin-audit's caches (results, derived tables, attachment facts), in one place.

A cache is never trusted for where it lies. Its folder is opened once (``Folder``) and
every entry is reached relative to that handle (``dir_fd``), so a parent swapped for a link
after the check cannot redirect it; the folder is real (not a link), owned by this user and
writable by no one else. Every entry carries an HMAC under a key this user's machine keeps
outside any repository (``user_key``, in the per-user configuration folder, mode 0600): an
entry planted by anyone without the key (committed to a repository, copied from another
machine, written by another user) is a miss, never a verdict. An entry is JSON (never
pickle: a cache must not be able to run code), read as a regular file only, bounded in size
and nesting, checked against its HMAC before it is parsed: a FIFO, a link to /dev/zero or
200,000 nested brackets is a miss, never a hang or a crash.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
from collections.abc import Iterable
from itertools import accumulate
from pathlib import Path
from typing import Any

KEY_FILE = "cache.key"
KEY_BYTES = 32
_DIRECTORY = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


class NotPrivate(OSError):
    """A cache folder or key that must not be trusted; ``reason`` is a message id of
    ``lang.problems`` (``private.*``), ``where`` the path it is about."""

    def __init__(self, reason: str, where: Path | str) -> None:
        super().__init__(errno.EPERM, reason, str(where))
        self.reason, self.where = reason, str(where)


def check_private(folder: Path) -> None:
    """Raises NotPrivate unless ``folder`` is a real folder of this user that others cannot write."""
    _check(os.lstat(folder), folder)


def _check(info: os.stat_result, where: Path | str) -> None:
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise NotPrivate("private.not_folder", where)
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise NotPrivate("private.other_owner", where)
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise NotPrivate("private.others_write", where)


def check_outside(folder: Path, audited: Iterable[Path]) -> None:
    """Raises NotPrivate when ``folder`` lies inside an audited folder, or inside a git work
    tree (a folder with ``.git`` above it, tracked or not): a change under review could then
    commit a cache, and a clone would bring it back as this user's own folder."""
    real = Path(os.path.realpath(folder))
    for root in audited:
        top = Path(os.path.realpath(root))
        if real == top or top in real.parents:
            raise NotPrivate("private.in_audited", folder)
    for ancestor in (real, *real.parents):
        if os.path.lexists(ancestor / ".git"):
            raise NotPrivate("private.in_repository", folder)


class Folder:
    """A private folder opened once, and the HMAC key of its entries.

    Entries are named by a hex digest and kept two levels deep (``ab/cdef…``), each level
    reached through the handle of the one above (``dir_fd``). ``purpose`` (``results``,
    ``facts``…) is part of every entry's HMAC, with the entry's name, so an entry cannot be
    moved to another name or another cache. Picklable: a worker process opens the folder
    again by its path and uses it only if it is the very folder this handle holds (same
    device and inode: the parent keeps it open, so neither can be reused meanwhile);
    otherwise every lookup there is a miss and nothing is written."""

    def __init__(self, path: Path, fd: int, key: bytes, purpose: str) -> None:
        self.path, self.key, self.purpose = path, key, purpose
        self._fd = fd
        self._identity = _identity(os.fstat(fd)) if fd >= 0 else (-1, -1)

    @classmethod
    def open(cls, path: Path, key: bytes, purpose: str = "") -> Folder:
        """Raises OSError (NotPrivate) unless ``path`` is, or can be made, a private folder."""
        if os.open not in os.supports_dir_fd:
            raise NotPrivate("private.no_dir_fd", path)
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return cls(path, _open_folder(str(path), None), key, purpose)

    def child(self, name: str) -> Folder:
        """The private subfolder ``name``, made if needed, reached through this handle."""
        self._mkdir(name, self._fd)
        return Folder(self.path / name, _open_folder(name, self._fd), self.key, name)

    def get(self, name: str, max_bytes: int, max_depth: int) -> Any:
        """The JSON of entry ``name``; raises OSError or ValueError (a miss) for anything else:
        no entry, not a regular file, too large or deep, or an HMAC this key did not make."""
        if self._fd < 0:
            raise FileNotFoundError(errno.ENOENT, "the cache folder changed since it was opened")
        sub = _open_folder(name[:2], self._fd)
        try:
            fd = os.open(name[2:], _READ, dir_fd=sub)
        finally:
            os.close(sub)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ValueError("not a regular file")
            raw = handle.read(max_bytes + 66)
        mac, _, body = raw.partition(b"\n")
        if len(body) > max_bytes:
            raise ValueError("too large")
        if not hmac.compare_digest(mac, self._mac(name, body).encode()):
            raise ValueError("not written with this user's key")
        _check_depth(body, max_depth)
        return json.loads(body)

    def put(self, name: str, body: bytes) -> None:
        """Written beside the entry, then renamed over it: a reader sees the old entry or the
        new one, never half; created exclusively, without following a link. Failures are
        silent: a full disk or a read-only cache costs speed, never a result."""
        if self._fd < 0:
            return
        try:
            self._mkdir(name[:2], self._fd)
            sub = _open_folder(name[:2], self._fd)
        except OSError:
            return
        temporary = f".{name[2:]}.{secrets.token_hex(8)}.tmp"
        try:
            fd = os.open(temporary, _CREATE, 0o600, dir_fd=sub)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(self._mac(name, body).encode() + b"\n" + body)
                os.replace(temporary, name[2:], src_dir_fd=sub, dst_dir_fd=sub)
            except BaseException:
                os.unlink(temporary, dir_fd=sub)
                raise
        except OSError:
            pass
        finally:
            os.close(sub)

    def _mac(self, name: str, body: bytes) -> str:
        signed = hmac.new(self.key, f"{self.purpose}\0{name}\0".encode(), hashlib.sha256)
        signed.update(body)
        return signed.hexdigest()

    @staticmethod
    def _mkdir(name: str, parent: int) -> None:
        try:
            os.mkdir(name, 0o700, dir_fd=parent)
        except FileExistsError:
            pass

    def __reduce__(self) -> tuple[Any, ...]:
        return (_reopen, (str(self.path), self._identity, self.key, self.purpose))

    def __del__(self) -> None:
        if getattr(self, "_fd", -1) >= 0:
            os.close(self._fd)
            self._fd = -1


def _open_folder(name: str, parent: int | None) -> int:
    """A descriptor of the private folder ``name`` (relative to ``parent``): never a link."""
    try:
        fd = os.open(name, _DIRECTORY, dir_fd=parent)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            raise NotPrivate("private.not_folder", name) from None
        raise
    try:
        _check(os.fstat(fd), name)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _reopen(path: str, identity: tuple[int, int], key: bytes, purpose: str) -> Folder:
    try:
        fd = _open_folder(path, None)
    except OSError:
        return Folder(Path(path), -1, key, purpose)
    if _identity(os.fstat(fd)) != identity:
        os.close(fd)  # swapped since the run opened it: used by no one
        return Folder(Path(path), -1, key, purpose)
    return Folder(Path(path), fd, key, purpose)


# Only the brackets are walked, each a step of +1 or -1 (the bytes between them skipped at C
# speed: ~15x faster on a dossier's result than a loop over every byte).
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def _check_depth(raw: bytes, max_depth: int) -> None:
    # Brackets inside strings count too: an over-estimate, on the safe side.
    brackets = raw.translate(None, _NOT_BRACKETS)
    if max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > max_depth:
        raise ValueError("too deep")


def key_folder() -> Path:
    """The per-user configuration folder of the platform, where the caches' key is kept:
    outside any repository, so that nothing committed or sent can carry it."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "lapkin-audit"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "lapkin-audit"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "lapkin-audit"


def user_key(folder: Path | None = None) -> bytes:
    """This user's key for the caches' HMACs, made on first use (mode 0600 in a private
    folder). Raises OSError (NotPrivate) when the key or its folder could be read or
    replaced by others: then no cache is used."""
    folder = folder or key_folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    parent = _open_folder(str(folder), None)
    try:
        try:
            return _read_key(parent, folder)
        except FileNotFoundError:
            pass
        made = f".{KEY_FILE}.{secrets.token_hex(8)}.tmp"
        fd = os.open(made, _CREATE, 0o600, dir_fd=parent)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(KEY_BYTES) + "\n")
        try:
            os.link(made, KEY_FILE, src_dir_fd=parent, dst_dir_fd=parent)  # two first runs: one key wins
        except FileExistsError:
            pass
        finally:
            os.unlink(made, dir_fd=parent)
        return _read_key(parent, folder)
    finally:
        os.close(parent)


def _read_key(parent: int, folder: Path) -> bytes:
    fd = os.open(KEY_FILE, _READ, dir_fd=parent)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        where = folder / KEY_FILE
        if not stat.S_ISREG(info.st_mode):
            raise NotPrivate("private.key_not_file", where)
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise NotPrivate("private.other_owner", where)
        if info.st_mode & 0o077:
            raise NotPrivate("private.key_readable", where)
        text = handle.read(4 * KEY_BYTES).strip()
    try:
        key = bytes.fromhex(text.decode("ascii"))
    except ValueError:
        raise NotPrivate("private.key_damaged", where) from None
    if len(key) < KEY_BYTES:
        raise NotPrivate("private.key_damaged", where)
    return key
