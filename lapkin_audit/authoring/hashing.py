"""``lapkin-audit hash``: write each attachment's SHA-256 into its manifest, and nothing else.

``check`` never writes; this helper does, when asked. The manifest is read first with
the checker's own guarded reader, so a hostile file is refused before anything else sees
it. Then ruamel.yaml composes it (round-trip): every node of the document with the exact
place where it starts and ends in the text, whatever form the YAML takes (a plain value
continued on the next line, a folded ``>-`` block, an explicit ``? berkas`` key, flow or
block style). Each ``sha256`` is written at that place, as text: a value replaced where
it stands, or a new ``sha256:`` key after ``berkas`` at the mapping's indentation. So
comments, quoting, alignment, line ends and the byte-order mark stay byte for byte.

The edited text is then parsed again by the checker's parser and must give exactly the
manifest's data plus the new values; anything else (a form nobody foresaw, a value
behind an alias) is not written, and the document is reported. Attachments are hashed
by ``load.attachments`` (never outside the dossier); files in ``lampiran/`` that no
``berkas`` names are listed.
"""

from __future__ import annotations

import copy
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lapkin_audit.atomic import kept_mode, replace_atomically
from lapkin_audit.load import attachments, yamlread
from lapkin_audit.load.safefile import read_regular

ADDED, UPDATED, SAME, NOT_HASHED, LFS_SAME = "added", "updated", "same", "not_hashed", "lfs_same"


@dataclass(frozen=True)
class Outcome:
    jenis: str
    berkas: str
    result: str  # ADDED, UPDATED, SAME, LFS_SAME, or NOT_HASHED (then ``reason`` says why)
    reason: str | None = None  # a key of lang.commands.HASH_REASONS
    detail: str = ""  # what the reason names: an error, the file meant, the value to write by hand
    sha256: str | None = None  # the attachment's SHA-256, when it could be hashed


@dataclass
class Plan:
    manifest: Path
    text: str = ""
    bom: bool = False
    outcomes: list[Outcome] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)  # files under lampiran/ no berkas names
    problem: yamlread.ReadProblem | None = None  # the manifest could not be read: nothing is written
    edits: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, new text) in ``text``

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    @property
    def complete(self) -> bool:
        """Every value is there and right (after writing, for a plan that changes some)."""
        return self.problem is None and all(o.result != NOT_HASHED for o in self.outcomes)

    def new_text(self) -> str:
        return _apply(self.text, self.edits)


def plan(manifest: Path) -> Plan:
    """What ``hash`` would change in ``manifest``, without writing anything."""
    result = Plan(manifest)
    read = yamlread.mapping_text(manifest)
    if isinstance(read, yamlread.ReadProblem):
        result.problem = read
        return result
    text, data = read
    result.text = text
    try:
        result.bom = read_regular(manifest, 3).startswith(b"\xef\xbb\xbf")
    except OSError:
        result.bom = False
    folder = manifest.parent
    root = os.path.realpath(folder)
    documents = data.get("dokumen")
    if not isinstance(documents, list):
        documents = []
    nodes = _document_nodes(text)
    expected = copy.deepcopy(data)
    named: set[str] = set()
    for position, document in enumerate(documents):
        if not isinstance(document, dict) or "berkas" not in document:
            continue
        outcome, edit = _one(document, nodes[position] if position < len(nodes) else None, text, folder, root)
        if isinstance(document.get("berkas"), str):
            named.add(posixpath.normpath(document["berkas"].replace("\\", "/")))
        if edit is not None and outcome.sha256 is not None:
            wanted = copy.deepcopy(expected)
            wanted["dokumen"][position]["sha256"] = outcome.sha256
            if _parses_to(_apply(text, [*result.edits, edit]), wanted):
                result.edits.append(edit)
                expected = wanted
            else:  # never a manifest that reads otherwise: the value is for a person to write
                outcome = Outcome(outcome.jenis, outcome.berkas, NOT_HASHED, "cannot_place", outcome.sha256)
        result.outcomes.append(outcome)
    result.unnamed = _unnamed(folder, named)
    return result


def _one(document: dict[str, Any], node: Any, text: str, folder: Path, root: str) -> tuple[Outcome, Any]:
    """The outcome for one document and the edit that writes its value, if one is needed."""
    berkas, jenis = document.get("berkas"), str(document.get("jenis"))
    declared = document.get("sha256")
    if berkas is None or berkas == "":
        return Outcome(jenis, "", NOT_HASHED, "blank"), None
    if not isinstance(berkas, str):
        return Outcome(jenis, str(berkas), NOT_HASHED, "not_text"), None
    found = attachments.inspect(folder, berkas, root)
    if found.status == "lfs_pointer":
        if found.lfs_oid and isinstance(declared, str) and declared.lower() == found.lfs_oid:
            return Outcome(jenis, berkas, LFS_SAME), None
        reason = "lfs_mismatch" if isinstance(declared, str) and declared else "lfs_pointer"
        return Outcome(jenis, berkas, NOT_HASHED, reason), None
    if found.status != "ok" or found.sha256 is None:
        detail = found.suggestion or found.error or ""
        return Outcome(jenis, berkas, NOT_HASHED, found.status, detail), None
    if isinstance(declared, str) and declared.lower() == found.sha256:
        return Outcome(jenis, berkas, SAME), None
    result = UPDATED if "sha256" in document else ADDED
    edit = _edit(node, text, found.sha256) if node is not None else None
    if edit is None:
        return Outcome(jenis, berkas, NOT_HASHED, "cannot_place", found.sha256), None
    return Outcome(jenis, berkas, result, sha256=found.sha256), edit


def _document_nodes(text: str) -> list[Any]:
    """The mapping nodes of ``dokumen``, in order (None where an item is not a mapping)."""
    from ruamel.yaml import YAML  # only this helper uses ruamel
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    try:
        root = YAML(typ="rt", pure=True).compose(text)
    except (YAMLError, RecursionError, ValueError):  # read by the checker, but not by ruamel:
        return []  # no place is known, so every value is left for a person to write
    if not isinstance(root, MappingNode):
        return []
    for key, value in root.value:
        if key.value == "dokumen" and isinstance(value, SequenceNode):
            return [item if isinstance(item, MappingNode) else None for item in value.value]
    return []


def _edit(mapping: Any, text: str, digest: str) -> tuple[int, int, str] | None:
    """Where and what to write in ``text`` so that ``mapping`` gets ``sha256: digest``."""
    if digest.isdigit():  # 64 decimal digits would read as a number (once in 10^13 files)
        digest = f'"{digest}"'
    keys = {key.value: (key, value) for key, value in mapping.value if isinstance(key.value, str)}
    if "sha256" in keys:
        key, value = keys["sha256"]
        start, end = value.start_mark.index, value.end_mark.index
        if start == end:  # an empty value (`sha256:`): written after the colon
            colon = text.index(":", key.end_mark.index)
            return colon + 1, colon + 1, f" {digest}"
        stop = len(text[start:end].rstrip("\r\n"))  # a block scalar keeps its line break
        return start, start + stop, digest
    if "berkas" not in keys:
        return None
    _, value = keys["berkas"]
    end = value.end_mark.index
    if mapping.flow_style:
        return end, end, f", sha256: {digest}"
    indent = " " * mapping.start_mark.column
    if end > 0 and text[end - 1] == "\n":  # a block scalar ends at the start of the next line
        newline = "\r\n" if text[end - 2 : end] == "\r\n" else "\n"
        return end, end, f"{indent}sha256: {digest}{newline}"
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    newline = "\n"
    if text[line_end - 1 : line_end] == "\r":
        line_end, newline = line_end - 1, "\r\n"
    return line_end, line_end, f"{newline}{indent}sha256: {digest}"


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _parses_to(text: str, expected: dict[str, Any]) -> bool:
    data, _, problems = yamlread.parse(text)
    return not problems and data == expected


def write(result: Plan) -> None:
    """Replace the manifest with its edited text, atomically, keeping its mode; no partial file.

    A manifest that is a link (inside its folder: ``plan`` read it) keeps being a link: the
    file it leads to is replaced, never the link. Raises OSError when it cannot be written.
    """
    data = ("\ufeff" if result.bom else "") + result.new_text()
    target = Path(os.path.realpath(result.manifest))
    replace_atomically(target, [data.encode("utf-8")], kept_mode(target))


def _unnamed(folder: Path, named: set[str], limit: int = 10_000) -> list[str]:
    """Regular files under ``lampiran/`` that no ``berkas`` names (links are not followed)."""
    base = folder / "lampiran"
    found: list[str] = []
    if not base.is_dir() or base.is_symlink():
        return found
    for directory, folders, files in os.walk(base):
        folders.sort()
        for name in sorted(files):
            path = Path(directory, name)
            relative = path.relative_to(folder).as_posix()
            if not path.is_symlink() and path.is_file() and relative not in named:
                found.append(relative)
            if len(found) >= limit:
                return found
    return found
