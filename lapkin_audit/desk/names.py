"""File names every system can hold: what a dropped zip or an uploaded attachment may create.

A dossier is made on one computer and checked on another, so a name Windows cannot hold is
refused on every system (the same answer everywhere). On Windows ``x.pdf:y`` would write an
alternate data stream, ``CON.pdf`` opens the console, and a trailing dot or space is dropped
silently, so two names could become one.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_DEVICES = {
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
    *(f"COM{i}" for i in (*range(10), "¹", "²", "³")),
    *(f"LPT{i}" for i in (*range(10), "¹", "²", "³")),
}  # fmt: skip


def portable(part: str) -> bool:
    """Whether ``part`` (one name, no separator) can be created as written on Windows too."""
    if not part or part in (".", "..") or _FORBIDDEN.search(part) or any(ord(c) < 32 for c in part):
        return False
    return part.split(".")[0].rstrip(" ").upper() not in _DEVICES and not part.endswith((" ", "."))
