"""A file's real format from its first bytes, never from its name (``evidence.readers``
says how each format is recognised); and what a name claims."""

from __future__ import annotations

from lapkin_audit.evidence.readers import sniff

__all__ = ["BY_EXTENSION", "claimed", "sniff"]

# What a name's extension claims; other extensions claim nothing.
BY_EXTENSION = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".tif": "tiff",
    ".tiff": "tiff",
}


def claimed(name: str) -> str | None:
    """The format a file name claims by its extension, or None."""
    dot = name.rfind(".")
    return BY_EXTENSION.get(name[dot:].lower()) if dot >= 0 else None
