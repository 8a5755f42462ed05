"""Whose a configuration file or a rules folder is: the files that decide what a verdict means.

A configuration file found by searching upward, or a rules folder it names, may lie in a
folder another local user can write (a shared ancestor such as a world-writable ``/tmp``, a
shared checkout): a file planted there could replace an SOP and turn verdicts green. As git
does since CVE-2022-24765, such a file is used only when this user or root owns it; and
whatever was found or named, one that others can change (writable by others, or by a group
that is not this user's own; or kept in a folder others can write without the sticky bit)
is never used. A file the person names on the command line (``--config``, ``--rules``) is
their choice of owner, so only the second rule applies to it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lapkin_audit.errors import UsageError


def check(path: Path, what: str, *, owner: bool) -> None:
    """Raises UsageError (exit status 2) saying why ``path`` (a configuration file or a rules
    folder, ``what`` naming its kind for the message) is not to be trusted, and how to go on.
    ``owner``: also refuse one owned by another user (it was found, not named)."""
    info = os.stat(path)
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        return  # a FIFO or a device: the reader refuses it, saying so (load.safefile)
    reason = _reason(info, owner)
    if reason is None and not stat.S_ISDIR(info.st_mode):
        parent = os.stat(path.parent)
        if parent.st_mode & stat.S_IWOTH and not parent.st_mode & stat.S_ISVTX:
            reason = "trust.folder_others_write"
    if reason is not None:
        raise UsageError(reason, what=UsageError(what), where=path, owner=_name(info.st_uid))


def check_rules_folder(folder: Path, files: list[Path], *, owner: bool) -> None:
    """A rules folder and every file a run reads from it (``load.sop.rules_files``)."""
    check(folder, "trust.rules_folder", owner=owner)
    for path in files:
        reason = _reason(os.stat(path), owner)
        if reason is not None:
            raise UsageError(reason, what=UsageError("trust.rules_file"), where=path, owner=_name(os.stat(path).st_uid))


def _reason(info: os.stat_result, owner: bool) -> str | None:
    if not hasattr(os, "getuid"):  # Windows: its access lists are not modes; nothing to compare
        return None
    if owner and info.st_uid not in (os.getuid(), 0):
        return "trust.other_owner"
    if info.st_mode & stat.S_IWOTH:
        return "trust.others_write"
    if info.st_mode & stat.S_IWGRP and info.st_gid != os.getgid():
        return "trust.group_write"
    return None


def _name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)
