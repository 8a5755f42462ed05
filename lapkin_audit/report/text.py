"""Text from a report made safe for a reader's format. Manifests are hostile input: their
values may carry control characters (a YAML "\\e" or "\\n") and undecodable file names
bring lone surrogates, which no UTF-8 writer accepts."""

from __future__ import annotations

import re
from pathlib import PurePath

MANIFEST = "dossier.yaml"

# Control characters (C0, DEL, C1) shown as "\xNN": they can neither forge lines nor
# reach a terminal or a CI log as escape sequences (0x9B is a CSI on some terminals).
CONTROL_ESCAPES: dict[int, str] = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))}
# Bidirectional controls (U+202E and friends) reorder what follows them on screen: a name
# could display reversed, or a finding hide its text. Shown as "\u202e" everywhere.
BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
CONTROL_ESCAPES.update({c: f"\\u{c:04x}" for c in BIDI_CONTROLS})
SURROGATES = re.compile("[\ud800-\udfff]")
# In JSON text the same characters are written as escapes, which read back as the same string.
JSON_UNSAFE = re.compile("[\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# What a forge turns into a live reference when it renders a comment: mentions (@name,
# which notify people), issues and pull or merge requests (#12, GH-12, !12), GitLab's
# snippets, milestones, labels and epics ($12, %v1, ~label, &12), and bare web addresses
# (autolinked). A zero-width space after the sigil keeps the text as it reads and makes it
# inert; it is written as an entity, since the source of a comment is text too.
_REFERENCE = re.compile(r"(?:[@%~](?=[\w\"])|(?:[#!$]|&amp;|\bGH-)(?=\d)|://(?=\S)|\bwww(?=\.\w))")
ZERO_WIDTH_SPACE = "&#8203;"


def inert_references(escaped: str) -> str:
    """Markdown or HTML text (already escaped) with every forge reference made inert."""
    return _REFERENCE.sub(lambda m: m.group() + ZERO_WIDTH_SPACE, escaped)


def json_safe(text: str) -> str:
    """JSON text with lone surrogates and bidirectional controls as ``\\uXXXX`` escapes."""
    return JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
