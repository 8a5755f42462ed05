"""A file's real format from its first bytes, never from its name."""

from __future__ import annotations

import io
import zipfile

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


def sniff(data: bytes) -> str:
    """``pdf``, ``docx``, ``xlsx``, ``jpeg``, ``png``, ``tiff`` or ``unknown``."""
    head = data[:1024]
    if b"%PDF-" in head:  # the spec allows bytes before the header; readers accept 1 KiB
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"  # the LRA and the DPA as SIPD exports them (content.md)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            return "unknown"
    return "unknown"


def claimed(name: str) -> str | None:
    """The format a file name claims by its extension, or None."""
    dot = name.rfind(".")
    return BY_EXTENSION.get(name[dot:].lower()) if dot >= 0 else None
