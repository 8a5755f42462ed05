"""``lapkin-audit sop import``: an office's SOP AP document -> a rules file the checker loads.

The source is read into a grid of cells (``grid``), the grid into the rules format
(``extract``), and the result written as YAML (``writer``). Every value keeps the text it
came from; what the document does not say is left open and listed in ``celah``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lapkin_audit.authoring.sopimport.extract import extract
from lapkin_audit.authoring.sopimport.grid import MAX_BYTES, Grid, SourceError, grid_from_html, grid_from_text
from lapkin_audit.authoring.sopimport.imported import Imported, NotAnSop
from lapkin_audit.lang.importing import DETAILS, REFUSALS, pick
from lapkin_audit.load.safefile import NotRegular, read_regular

WRITTEN, GAPS, REFUSED = "written", "gaps", "refused"
EXIT = {WRITTEN: 0, GAPS: 1, REFUSED: 2}


@dataclass(frozen=True)
class ImportResult:
    status: str  # WRITTEN, GAPS or REFUSED
    imported: Imported | None = None
    shape: str | None = None
    sha256: str | None = None
    reason: str | None = None  # when refused: a key of lang.importing.REFUSALS
    detail: str = ""  # the labels found (not an SOP AP), or a key of lang.importing.DETAILS
    detail_args: Mapping[str, object] = field(default_factory=dict)

    def refusal(self, path: str, lang: str) -> str:
        pair = REFUSALS[self.reason or "unknown"]
        detail = pick(DETAILS[self.detail], lang, **self.detail_args) if self.detail in DETAILS else self.detail
        return pair[1 if lang == "en" else 0].format(path=path, detail=detail, found=detail)


def read_source(path: Path) -> tuple[str, Grid, str]:
    """(shape, grid, sha256) of a source document; SourceError for what cannot be read."""
    try:
        data = read_regular(path, MAX_BYTES + 1)
    except NotRegular:
        raise SourceError("binary", "not_regular") from None
    except OSError as exc:
        raise SourceError("binary", "cannot_open", error=str(exc.strerror)) from None
    if len(data) > MAX_BYTES:
        raise SourceError("size", "too_large", mib=MAX_BYTES // (1024 * 1024))
    digest = hashlib.sha256(data).hexdigest()
    if data[:4] == b"PK\x03\x04":
        from lapkin_audit.authoring.sopimport.grid import grid_from_docx

        return "docx", grid_from_docx(str(path)), digest
    if b"\x00" in data[:65536]:
        raise SourceError("binary", "nul_bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError("encoding", "not_utf8", byte=exc.start) from None
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return "json", [], digest
    lowered = text[:200_000].lower()
    # A saved page (its own tags around table rows); a text export only has stray
    # formatting tags inside its tab-separated cells, never rows and cells.
    if ("<tr" in lowered and "<td" in lowered) or lowered.lstrip().startswith(("<!doctype html", "<html")):
        return "html", grid_from_html(text), digest
    return "teks", grid_from_text(text), digest


def _from_json(path: Path) -> Imported:
    import json

    from lapkin_audit.authoring.sopimport import esop

    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except ValueError as exc:
        raise SourceError("shape", "bad_json", error=str(exc)) from None
    if not esop.is_opensop(data):
        raise SourceError("shape", "not_esop")
    grid, extras = esop.to_grid(data)
    imported = extract(grid)
    esop.apply(imported, extras)
    return imported


def import_source(path: Path) -> ImportResult:
    try:
        shape, grid, digest = read_source(path)
        imported = _from_json(path) if shape == "json" else extract(grid)
    except SourceError as exc:
        return ImportResult(REFUSED, reason=exc.reason, detail=exc.key, detail_args=exc.args_)
    except NotAnSop as exc:
        return ImportResult(REFUSED, reason=exc.kind, detail=", ".join(exc.found) or "-")
    except RecursionError:
        return ImportResult(REFUSED, reason="nesting", detail="nested")
    if not imported.celah:
        # Complete means the checker loads it: anything else is one more gap to close.
        from lapkin_audit.authoring.sopimport.verify import load_problem

        problem = load_problem(imported, path.name, shape, digest)
        if problem is not None:
            imported.gap("sop", "does_not_load", error=problem)
    return ImportResult(GAPS if imported.celah else WRITTEN, imported, shape, digest)
