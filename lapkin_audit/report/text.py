"""Text from a report made safe for a reader's format. Manifests are hostile input: their
values may carry control characters (a YAML "\\e" or "\\n") and undecodable file names
bring lone surrogates, which no UTF-8 writer accepts."""

from __future__ import annotations

import re
from pathlib import PurePath

MANIFEST = "dossier.yaml"

# Control characters (C0, DEL, C1) shown as "\xNN": they can neither forge lines nor
# reach a terminal or a CI log as escape sequences (0x9B is a CSI on some terminals).
CONTROL_ESCAPES = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))}
SURROGATES = re.compile("[\ud800-\udfff]")


def unicode_safe(text: str) -> str:
    """Lone surrogates replaced by U+FFFD, so that the text encodes as UTF-8."""
    return SURROGATES.sub("\ufffd", text)


def visible(text: str) -> str:
    """Encodable, with control characters shown as escapes."""
    return unicode_safe(text).translate(CONTROL_ESCAPES)


def manifest_path(dossier: str) -> str:
    """The manifest of a dossier folder, with forward slashes; relative stays relative."""
    return unicode_safe(PurePath(dossier, MANIFEST).as_posix())


def indent_json(text: str, spaces: int) -> str:
    """JSON text indented to nest inside a document being streamed. Split on "\\n" only:
    JSON escapes it inside strings, but not U+2028, on which str.splitlines (and so
    textwrap.indent) would also break a message."""
    return "\n".join(" " * spaces + line for line in text.split("\n"))
