"""The daftar berkas as a form: every value of a manifest as a field, and a save that changes
only the values a person changed.

As ``hash`` does (``authoring.hashing``), the manifest is first read with the checker's
guarded reader, then composed by ruamel.yaml (each node with the exact place it starts and
ends in the text, flow or block style), and edited as text, value by value: comments, layout,
quoting elsewhere and line endings stay byte for byte. A value is written in the form YAML
reads back as the same kind (text double-quoted; a date, a time or a number plain when it
reads as one, else quoted, so the checker names the field in its own words). The new text
must parse before it replaces the manifest, atomically (``hashing.write``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lapkin_audit.authoring import hashing
from lapkin_audit.load import yamlread

TEXT, DATE, DATETIME, NUMBER, FLAG, CHOICE = "text", "date", "datetime", "number", "flag", "choice"
# Keys that a form offers even where the manifest leaves them out: the acting status of an
# official (Plt. when the post is vacant, Plh. when its holder is away), a document's file.
STATUS = ("", "plt", "plh")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?")
_NUMBER = re.compile(r"-?\d{1,9}")
NULL, MERGE = "tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"
# What a ``null`` of the skeleton stands for, so that a date typed into it is written plain.
_NULL_KINDS = {
    "tanggal": DATETIME,
    "mulai": DATETIME,
    "selesai": DATETIME,
    "berlaku_mulai": DATE,
    "berlaku_sampai": DATE,
    "tahun": NUMBER,
    "ke": NUMBER,
}


@dataclass(frozen=True)
class Field:
    """One value of the manifest: its path as the checker names it (``langkah[1].selesai``),
    its text as the form shows it, and where it is written (None: a key to add)."""

    path: str
    value: str
    kind: str
    span: tuple[int, int] | None  # the value's text in the manifest
    flow: bool = False
    choices: tuple[str, ...] = ()  # a closed set of values (status)
    parent_end: int | None = None  # where a missing key is added: after its mapping's last value
    indent: int = 0  # a block mapping's key column, for a key added on a line of its own


@dataclass
class Form:
    manifest: Path
    text: str = ""
    bom: bool = False
    fields: list[Field] = field(default_factory=list)
    problem: yamlread.ReadProblem | None = None  # unreadable: shown, never written

    def by_path(self) -> dict[str, Field]:
        return {f.path: f for f in self.fields}


class Unsaved(Exception):
    """The edited manifest would not read back: nothing was written."""


def read(manifest: Path) -> Form:
    """The manifest's values as fields; a manifest the checker cannot read yields its problem."""
    form = Form(manifest)
    read = yamlread.mapping_text(manifest)
    if isinstance(read, yamlread.ReadProblem):
        form.problem = read
        return form
    text, _ = read
    form.text, form.bom = text, manifest.read_bytes().startswith(b"\xef\xbb\xbf")
    root = _compose(text)
    form.fields = list(_fields(root, "", text, set())) if root is not None else []
    return form


def save(form: Form, values: Mapping[str, str]) -> list[str]:
    """Write the values that changed; return their paths (none: nothing is written)."""
    edits: list[tuple[int, int, str]] = []
    changed = []
    for item in form.fields:
        new = values.get(item.path)
        if new is None or _clean(new) == item.value:
            continue
        new = _clean(new)
        if item.choices and new not in item.choices:
            continue  # a choice the form never offered
        if item.span is not None:
            edits.append((item.span[0], item.span[1], scalar(new, item.kind)))
        elif new and item.parent_end is not None:
            key = item.path.rsplit(".", 1)[-1]
            if item.flow:
                edits.append((item.parent_end, item.parent_end, f", {key}: {scalar(new, item.kind)}"))
            else:
                line_end = form.text.find("\n", item.parent_end)
                at = len(form.text) if line_end == -1 else line_end
                at -= 1 if form.text[at - 1 : at] == "\r" else 0
                newline = "\r\n" if form.text[at : at + 2] == "\r\n" else "\n"
                edits.append((at, at, f"{newline}{' ' * item.indent}{key}: {scalar(new, item.kind)}"))
        else:
            continue
        changed.append(item.path)
    if not edits:
        return []
    plan = hashing.Plan(form.manifest, text=form.text, bom=form.bom, edits=edits)
    _, _, problems = yamlread.parse(plan.new_text())
    if problems:
        raise Unsaved(problems[0].message)
    hashing.write(plan)
    return changed


def scalar(value: str, kind: str) -> str:
    """A value as YAML text that reads back as its kind; anything else as a quoted string."""
    if kind == DATE and _DATE.fullmatch(value):
        return value
    if kind == DATETIME and (_DATETIME.fullmatch(value) or _DATE.fullmatch(value)):
        return value
    if kind == NUMBER and _NUMBER.fullmatch(value):
        return value
    if kind == FLAG and value in ("true", "false"):
        return value
    if kind == CHOICE and re.fullmatch(r"[a-z_]+", value):
        return value
    return quoted(value)


def quoted(value: str) -> str:
    """A YAML double-quoted string; every control, format or line-separating character escaped."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"):
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return "".join(out) + '"'


def _clean(value: str) -> str:
    return value.replace("\r\n", "\n").strip()


def _compose(text: str) -> Any:
    """The manifest's node tree (ruamel.yaml, round-trip): each node with the exact place it
    starts and ends in the text, whatever form the YAML takes, as ``hash`` locates values."""
    from ruamel.yaml import YAML  # only the authoring helpers use ruamel
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="rt", pure=True).compose(text)
    except (YAMLError, RecursionError, ValueError):  # read by the checker, but not by ruamel
        return None  # no place is known: the form offers nothing to write


def _fields(node: Any, prefix: str, text: str, seen: set[int]) -> Iterator[Field]:
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if id(node) in seen:
        return  # an alias (``*camat``): its value is filled once, where the anchor is
    seen.add(id(node))
    if isinstance(node, MappingNode):
        flow = bool(node.flow_style)
        last_end: int | None = None
        key_col = node.value[0][0].start_mark.column if node.value else 0
        keys = set()
        for key, value in node.value:
            if key.tag == MERGE or not isinstance(key, ScalarNode):
                continue  # ``<<: *camat``: the merged values are filled where the anchor is
            keys.add(key.value)
            path = f"{prefix}.{key.value}" if prefix else str(key.value)
            if not isinstance(value, ScalarNode):
                yield from _fields(value, path, text, seen)
                continue
            span = _span(value, text)
            if span is None:
                continue  # no value written at all (``key:``): not offered
            last_end = span[1]  # a missing key is added after a plain value
            offered = {k: (kind, choices) for k, kind, choices in _optional(prefix)}
            kind, choices = offered.get(str(key.value), (_kind(value, str(key.value)), ()))
            yield Field(path, _shown(value, text, span), kind, span, flow, choices)
        for key_name, kind, choices in _optional(prefix):
            if key_name not in keys:
                yield Field(f"{prefix}.{key_name}", "", kind, None, flow, choices, last_end, key_col)
    elif isinstance(node, SequenceNode):
        flow = bool(node.flow_style)
        for index, value in enumerate(node.value):
            path = f"{prefix}[{index}]"
            if not isinstance(value, ScalarNode):
                yield from _fields(value, path, text, seen)
                continue
            span = _span(value, text)
            if span is not None and value.tag != NULL:
                yield Field(path, _shown(value, text, span), _kind(value), span, flow)


def _optional(prefix: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Keys a mapping at ``prefix`` may lack that the form still offers."""
    if re.fullmatch(r"pejabat\.[^.\[\]]+", prefix):
        return (("status", CHOICE, STATUS),)
    if re.fullmatch(r"dokumen\[\d+\]", prefix):
        return (("berkas", TEXT, ()),)
    return ()


def _span(node: Any, text: str) -> tuple[int, int] | None:
    """Where the scalar's text is; a block scalar (``|``, ``>``) without its last line break."""
    start, end = node.start_mark.index, node.end_mark.index
    end = start + len(text[start:end].rstrip("\r\n"))
    return (start, end) if end > start else None


def _kind(node: Any, key: str = "") -> str:
    tag = node.tag
    if tag == NULL:  # a ``null`` left to fill in (as ``init`` writes them): by its key
        return _NULL_KINDS.get(key, TEXT)
    if tag.endswith(":bool"):
        return FLAG
    if tag.endswith(":int"):
        return NUMBER
    if tag.endswith(":timestamp"):
        return DATETIME if re.search(r"[T ]\d", str(node.value)) else DATE
    return TEXT


def _shown(node: Any, text: str, span: tuple[int, int]) -> str:
    """Text as read (quotes and escapes undone); any other value as the manifest writes it
    (a time keeps its offset as written); a ``null`` is an empty field."""
    if node.tag == NULL:
        return ""
    return str(node.value) if node.tag.endswith(":str") else text[span[0] : span[1]]
