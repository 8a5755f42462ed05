"""``lapkin-audit sop import``: an office's SOP AP document -> a rules file the checker loads.

The source is read into a grid of cells (``grid``), the grid into the rules format
(``extract``), and the result written as YAML (``writer``). Every value keeps the text it
came from; what the document does not say is left open and listed in ``celah``.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from lapkin_audit.authoring.sopimport.extract import Imported, NotAnSop, extract
from lapkin_audit.authoring.sopimport.grid import MAX_BYTES, Grid, SourceError, grid_from_html, grid_from_text

WRITTEN, GAPS, REFUSED = "written", "gaps", "refused"
EXIT = {WRITTEN: 0, GAPS: 1, REFUSED: 2}

REFUSALS: dict[str, tuple[str, str]] = {
    "standar_pelayanan": (
        "{path}: ini Standar Pelayanan (ditemukan: {found}), bukan SOP AP: tidak ada tabel identitas (Nomor SOP,"
        " Disahkan oleh) dan tabel alur dengan Mutu Baku. Standar Pelayanan tidak dapat diimpor sebagai aturan.",
        "{path}: this is a Standar Pelayanan (found: {found}), not an SOP AP: it has no identity table (Nomor SOP,"
        " Disahkan oleh) and no flowchart with Mutu Baku. A Standar Pelayanan cannot be imported as rules.",
    ),
    "spo": (
        "{path}: ini SPO fasilitas kesehatan (ditemukan: {found}), bukan SOP AP (PermenPAN-RB 35/2012): tidak ada"
        " tabel alur dengan Pelaksana dan Mutu Baku.",
        "{path}: this is a health-facility SPO (found: {found}), not an SOP AP (PermenPAN-RB 35/2012): it has no"
        " flowchart with Pelaksana and Mutu Baku.",
    ),
    "unknown": (
        "{path}: bukan SOP AP: tabel identitas (Nomor SOP, Tanggal Efektif, Disahkan oleh, Nama SOP) dan tabel alur"
        " (Kegiatan, Mutu Baku) tidak ditemukan.",
        "{path}: not an SOP AP: no identity table (Nomor SOP, Tanggal Efektif, Disahkan oleh, Nama SOP) and no"
        " flowchart (Kegiatan, Mutu Baku) were found.",
    ),
    "size": ("{path}: {detail}; ditolak.", "{path}: {detail}; refused."),
    "binary": (
        "{path}: bukan dokumen teks, HTML atau DOCX yang dapat dibaca ({detail}).",
        "{path}: not a readable text, HTML or DOCX document ({detail}).",
    ),
    "encoding": (
        "{path}: bukan UTF-8; simpan ulang sebagai UTF-8 ({detail}).",
        "{path}: not UTF-8; save it again as UTF-8 ({detail}).",
    ),
    "nesting": ("{path}: {detail}; ditolak.", "{path}: {detail}; refused."),
    "shape": ("{path}: {detail}.", "{path}: {detail}."),
}


@dataclass(frozen=True)
class ImportResult:
    status: str  # WRITTEN, GAPS or REFUSED
    imported: Imported | None = None
    shape: str | None = None
    sha256: str | None = None
    reason: str | None = None  # when refused: a key of REFUSALS
    detail: str = ""

    def refusal(self, path: str, lang: str) -> str:
        pair = REFUSALS[self.reason or "unknown"]
        return pair[1 if lang == "en" else 0].format(path=path, detail=self.detail, found=self.detail)


def read_source(path: Path) -> tuple[str, Grid, str]:
    """(shape, grid, sha256) of a source document; SourceError for what cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SourceError("binary", f"cannot be opened ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("binary", "not a regular file")
        if info.st_size > MAX_BYTES:
            raise SourceError("size", f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise SourceError("size", f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
    digest = hashlib.sha256(data).hexdigest()
    if data[:4] == b"PK\x03\x04":
        from lapkin_audit.authoring.sopimport.grid import grid_from_docx

        return "docx", grid_from_docx(str(path)), digest
    if b"\x00" in data[:65536]:
        raise SourceError("binary", "it holds NUL bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError("encoding", f"byte {exc.start}") from None
    head = text.lstrip()[:1]
    if head in ("{", "["):
        raise SourceError("shape", "a JSON export: no e-SOP JSON shape is supported yet")
    lowered = text[:200_000].lower()
    if "<table" in lowered and "\t" not in text:
        return "html", grid_from_html(text), digest
    return "teks", grid_from_text(text), digest


def import_source(path: Path) -> ImportResult:
    try:
        shape, grid, digest = read_source(path)
        imported = extract(grid)
    except SourceError as exc:
        return ImportResult(REFUSED, reason=exc.reason, detail=str(exc))
    except NotAnSop as exc:
        return ImportResult(REFUSED, reason=exc.kind, detail=", ".join(exc.found) or "-")
    except RecursionError:
        return ImportResult(REFUSED, reason="nesting", detail="nested too deeply")
    return ImportResult(GAPS if imported.celah else WRITTEN, imported, shape, digest)
