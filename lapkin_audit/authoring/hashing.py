"""``lapkin-audit hash``: write each attachment's SHA-256 into its manifest, and nothing else.

``check`` never writes; this helper does, when asked. The manifest is edited as text,
value by value, so its comments, layout, quoting and line endings stay byte for byte as
they were outside the ``sha256`` values it fills in or corrects. ruamel.yaml (round-trip)
locates each document's ``berkas`` and ``sha256`` (line and column, and whether the entry
is written in flow ``{...}`` or block style); the manifest is first read with the checker's
own guarded reader, so a hostile file is refused before ruamel sees it. Attachments are
hashed by ``load.attachments`` (never outside the dossier), and files in ``lampiran/`` that
no ``berkas`` names are listed.
"""

from __future__ import annotations

import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lapkin_audit.load import attachments, yamlread

MANIFEST = "dossier.yaml"
ADDED, UPDATED, SAME, NOT_HASHED = "added", "updated", "same", "not_hashed"
# Where a plain scalar ends: in flow style at , ] } too; a comment starts with " #".
_PLAIN_END = {True: re.compile(r"\s+#|\s*[,\]}]|\s*$"), False: re.compile(r"\s+#|\s*$")}


@dataclass(frozen=True)
class Outcome:
    jenis: str
    berkas: str
    result: str  # ADDED, UPDATED, SAME, or NOT_HASHED (then ``status`` says why)
    status: str = "ok"  # the attachment's status (load.attachments): missing, outside, ...


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

    def new_text(self) -> str:
        text = self.text
        for start, end, new in sorted(self.edits, reverse=True):
            text = text[:start] + new + text[end:]
        return text


def plan(manifest: Path) -> Plan:
    """What ``hash`` would change in ``manifest``, without writing anything."""
    result = Plan(manifest)
    text = yamlread.read_text(manifest)
    if isinstance(text, yamlread.ReadProblem):
        result.problem = text
        return result
    data, _, problems = yamlread.parse(text)
    if problems or not isinstance(data, dict):
        result.problem = problems[0] if problems else yamlread.ReadProblem(yamlread.SYNTAX, "format.empty", {})
        return result
    result.text, result.bom = text, manifest.read_bytes().startswith(b"\xef\xbb\xbf")
    starts = _line_starts(text)
    folder = manifest.parent
    root = os.path.realpath(folder)
    named: set[str] = set()
    for item in _round_trip(text).get("dokumen") or ():
        if not hasattr(item, "lc") or not isinstance(item.get("berkas"), str):
            continue
        berkas, jenis = item["berkas"], str(item.get("jenis"))
        named.add(posixpath.normpath(berkas.replace("\\", "/")))
        found = attachments.inspect(folder, berkas, root)
        if found.status != "ok" or found.sha256 is None:
            result.outcomes.append(Outcome(jenis, berkas, NOT_HASHED, found.status))
            continue
        flow = bool(item.fa.flow_style())
        if "sha256" in item:
            line, col = item.lc.value("sha256")
            start = starts[line] + col
            end = _scalar_end(text, start, flow)
            same = str(item["sha256"]).lower() == found.sha256
            if not same:
                result.edits.append((start, end, found.sha256))
            result.outcomes.append(Outcome(jenis, berkas, SAME if same else UPDATED))
            continue
        line, col = item.lc.value("berkas")
        value_end = _scalar_end(text, starts[line] + col, flow)
        if flow:
            result.edits.append((value_end, value_end, f", sha256: {found.sha256}"))
        else:
            key_col = item.lc.key("berkas")[1]
            line_end = text.find("\n", value_end)
            line_end = len(text) if line_end == -1 else line_end
            newline = "\r\n" if text[line_end - 1 : line_end] == "\r" else "\n"
            at = line_end - 1 if newline == "\r\n" else line_end
            result.edits.append((at, at, f"{newline}{' ' * key_col}sha256: {found.sha256}"))
        result.outcomes.append(Outcome(jenis, berkas, ADDED))
    result.unnamed = _unnamed(folder, named)
    return result


def write(result: Plan) -> None:
    """Replace the manifest with its edited text, atomically, keeping its mode; no partial file."""
    data = ("\ufeff" if result.bom else "") + result.new_text()
    manifest = result.manifest
    fd, temporary = tempfile.mkstemp(prefix=".dossier.", suffix=".tmp", dir=manifest.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
        os.chmod(temporary, manifest.stat().st_mode & 0o7777)
        os.replace(temporary, manifest)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _round_trip(text: str) -> Any:
    from ruamel.yaml import YAML  # only this helper uses ruamel

    return YAML(typ="rt", pure=True).load(text)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    return starts


def _scalar_end(text: str, start: int, flow: bool) -> int:
    """Offset just past the scalar that starts at ``start`` (quoted or plain)."""
    quote = text[start : start + 1]
    if quote == '"':
        index = start + 1
        while index < len(text) and text[index] != '"':
            index += 2 if text[index] == "\\" else 1
        return min(index + 1, len(text))
    if quote == "'":
        index = start + 1
        while index < len(text):
            if text[index] == "'":
                if text[index + 1 : index + 2] == "'":  # '' is an escaped quote
                    index += 2
                    continue
                return index + 1
            index += 1
        return len(text)
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    line = text[start:line_end].rstrip("\r")
    match = _PLAIN_END[flow].search(line)
    return start + (match.start() if match else len(line))


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
