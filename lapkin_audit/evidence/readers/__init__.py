"""The registry of document readers: one module per format, each saying how its format is
recognised from the first bytes (never the name), how it is read into facts, and which
libraries it depends on (their versions key the facts cache).

Adding a format: a module here with ``FORMATS`` (a tuple of ``Format``), listed in
``MODULES``; its facts are then read in the child like every other's, under the same
limits, and cached by content.
"""

from __future__ import annotations

from lapkin_audit.evidence.readers.base import HEAD, Format

__all__ = ["BY_NAME", "FORMATS", "Format", "depends", "sniff"]


def _registry() -> tuple[Format, ...]:
    from lapkin_audit.evidence.readers import docx, image, pdf, xlsx

    return (*pdf.FORMATS, *image.FORMATS, *docx.FORMATS, *xlsx.FORMATS)  # the order they are tried in


FORMATS: tuple[Format, ...] = _registry()
BY_NAME = {fmt.name: fmt for fmt in FORMATS}


def sniff(data: bytes) -> str:
    """The format's name, or ``unknown``."""
    head = data[:HEAD]
    return next((fmt.name for fmt in FORMATS if fmt.sniff(head, data)), "unknown")


def depends() -> tuple[str, ...]:
    """Every distribution a reader depends on, once each, in registry order."""
    return tuple(dict.fromkeys(name for fmt in FORMATS for name in fmt.depends))
