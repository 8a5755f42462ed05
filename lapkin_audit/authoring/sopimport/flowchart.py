"""The flowchart of an SOP AP document (its step table) -> the steps of the rules format:
who does each step, its Kelengkapan, Waktu and Output, the decisions, the total time.
Grounded as the rest of the import (``extract``): what the table does not say is a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lapkin_audit.authoring.sopimport.grid import Cell, Grid
from lapkin_audit.authoring.sopimport.imported import Imported, doc_key, norm_label, slug
from lapkin_audit.domain.waktu import parse_waktu

# ------------------------------------------------------------------ flowchart


@dataclass
class Columns:
    no: int
    kegiatan: int
    kelengkapan: int | None
    waktu: int | None
    output: int | None
    keterangan: int | None
    actors: list[tuple[int, str]]
    first_row: int


_FLOW_LABELS = {"kelengkapan", "persyaratan perlengkapan", "persyaratan kelengkapan", "waktu", "output", "hasil"}


def find_columns(grid: Grid) -> Columns | None:
    """The columns of the flowchart table: one header row (No, Kegiatan, the Pelaksana,
    Kelengkapan, Waktu, Output, Keterangan), or two (Pelaksana and Mutu Baku spanning the
    actors and Kelengkapan/Waktu/Output written in a second row)."""
    for h, row in enumerate(grid):
        names = [norm_label(c.text) for c in row]
        if "kegiatan" not in names:
            continue
        below = [norm_label(c.text) for c in grid[h + 1]] if h + 1 < len(grid) else []
        two_rows = any(label in _FLOW_LABELS for label in below)
        pairs = [names, below] if two_rows else [names]

        def col(*words: str, pairs: list[list[str]] = pairs) -> int | None:
            for labels in pairs:
                for i, label in enumerate(labels):
                    if label in words:
                        return i
            return None

        kel = col("kelengkapan", "persyaratan perlengkapan", "persyaratan kelengkapan")
        waktu = col("waktu")
        if kel is None and waktu is None:
            continue
        keg = names.index("kegiatan")
        no = col("no", "nomor", "no urut") or 0
        limit = kel if kel is not None else waktu
        actors: list[tuple[int, str]] = []
        if two_rows:
            actors = [(i, grid[h + 1][i].text) for i in range(keg + 1, limit or 0) if i < len(below) and below[i]]
        if not actors:
            actors = [(i, row[i].text) for i in range(keg + 1, limit or 0) if names[i] and names[i] != "pelaksana"]
        start = h + 2 if two_rows else h + 1
        return Columns(no, keg, kel, waktu, col("output", "hasil"), col("keterangan", "ket"), actors, start)
    return None


def cell_at(row: list[Cell], index: int | None) -> str:
    return row[index].text if index is not None and index < len(row) else ""


_STEP_NO = re.compile(r"^(\d{1,3})\.?$")
_TOTAL = re.compile(r"^(jumlah|total)\s+waktu")
_DECISION = re.compile(r"\bapakah\b|\b(?:ya|tidak)\s*/\s*(?:ya|tidak)\b", re.IGNORECASE)
_SPLIT_DOCS = re.compile(r"\s*[,;]\s*|\s+(?:dan|serta)\s+(?!di|ter|me|ber)", re.IGNORECASE)


def split_documents(text: str) -> list[str]:
    """Names of the documents one Kelengkapan or Output cell lists, as written.

    "Laporan Realisasi Anggaran, DPA" and "Laporan Kinerja rutin dan bukti pengiriman"
    are two; "draft Laporan yang sudah di paraf dan ditandatangani" is one (a verb
    follows its "dan").
    """
    if not text or text.strip() in ("-", "–"):
        return []
    return [part.strip(" .") for part in _SPLIT_DOCS.split(text) if part and part.strip(" .")]


def _suggest_roles(text: str, roles: dict[str, str]) -> list[str]:
    words = doc_key(text)
    return [
        rid for rid, name in roles.items() if doc_key(name) and re.search(rf"\b{re.escape(doc_key(name))}\b", words)
    ]


def read_flowchart(grid: Grid, out: Imported) -> None:
    sop, ta = out.sop, out.teks_asli
    columns = find_columns(grid)
    if columns is None:
        sop["peran"], sop["jenis_dokumen"], sop["langkah"], sop["jumlah_waktu"] = {}, {}, [], None
        out.gap("langkah", "no_flowchart")
        return
    roles: dict[str, str] = {}
    role_of_column: dict[int, str] = {}
    for index, name in columns.actors:
        rid = slug(name, 32)
        roles[rid] = name
        role_of_column[index] = rid
        ta[f"peran.{rid}"] = name
    sop["peran"] = roles
    kinds: dict[str, dict[str, Any]] = {}
    kind_by_key: dict[str, str] = {}

    def kind_ids(text: str, where: str) -> list[str]:
        ids = []
        for j, name in enumerate(split_documents(text)):
            key = doc_key(name)
            if key not in kind_by_key:
                kid = slug(name)
                while kid in kinds:
                    kid += "_2"
                kind_by_key[key] = kid
                kinds[kid] = {"nama": name}
                ta[f"jenis_dokumen.{kid}.nama"] = name
            ids.append(kind_by_key[key])
            ta[f"{where}[{j}]"] = name
        return ids

    steps: list[dict[str, Any]] = []
    total_text = None
    for row in grid[columns.first_row :]:
        first = norm_label(row[0].text) if row else ""
        label = next((norm_label(c.text) for c in row if not c.empty), "")
        if _TOTAL.match(label) or _TOTAL.match(first):
            total_text = cell_at(row, columns.waktu) or next(
                (c.text for c in reversed(row) if not c.empty and not _TOTAL.match(norm_label(c.text))), ""
            )
            break
        m = _STEP_NO.match(cell_at(row, columns.no).strip())
        if not m or not cell_at(row, columns.kegiatan):
            continue
        if steps and int(m.group(1)) <= steps[-1]["nomor"]:
            # Numbering starts again: the next SOP of a book of SOPs. One file, one SOP.
            out.saran.append({"bidang": "langkah", "teks": ("more_sops", {"after": steps[-1]["nomor"]})})
            break
        i = len(steps)
        where = f"langkah[{i}]"
        step: dict[str, Any] = {"nomor": int(m.group(1)), "kegiatan": cell_at(row, columns.kegiatan)}
        ta[f"{where}.nomor"] = cell_at(row, columns.no).strip()
        ta[f"{where}.kegiatan"] = step["kegiatan"]
        marked = [rid for index, rid in role_of_column.items() if index < len(row) and not row[index].empty]
        keterangan = cell_at(row, columns.keterangan)
        step["pelaksana"] = marked
        if not marked:
            suggested = _suggest_roles(step["kegiatan"] + " " + keterangan, roles)
            out.gap(f"{where}.pelaksana", "executors_lost", [suggested, list(roles)] if suggested else [list(roles)])
        step["kelengkapan"] = kind_ids(cell_at(row, columns.kelengkapan), f"{where}.kelengkapan")
        waktu_text = cell_at(row, columns.waktu)
        step["waktu"] = _waktu(waktu_text, f"{where}.waktu", out)
        step["output"] = kind_ids(cell_at(row, columns.output), f"{where}.output")
        if keterangan:
            step["keterangan"] = ta[f"{where}.keterangan"] = keterangan
        if _DECISION.search(step["kegiatan"] + " " + keterangan):
            step["keputusan"] = None
            later = [s["nomor"] for s in steps[-1:]]
            suggestion = {"diteruskan": step["nomor"] + 1, "diperbaiki": later[0] if later else step["nomor"]}
            out.gap(f"{where}.keputusan", "decision_targets", [suggestion])
        steps.append(step)
    sop["jenis_dokumen"] = kinds
    sop["langkah"] = steps
    _total(total_text, steps, out)
    if roles and "camat" not in roles:
        sop["pengecualian_disetujui_oleh"] = None
        heads = [rid for rid in roles if re.match(r"(lurah|kepala|kades|camat|sekretaris)", rid)]
        out.gap("pengecualian_disetujui_oleh", "waiver_approver", [heads or list(roles)])


def _waktu(text: str, where: str, out: Imported) -> Any:
    if not text:
        out.gap(where, "no_waktu")
        return None
    out.teks_asli[where] = text
    try:
        waktu = parse_waktu(text)
    except ValueError as exc:
        out.gap(where, "bad_waktu", text=text, error=str(exc))
        return {"teks": text, "total": None}
    if waktu.per:
        out.gap(f"{where}.total", "rate_total", text=text, per=waktu.per)
        return {"teks": text, "total": None}
    return text


def _total(total_text: str | None, steps: list[dict[str, Any]], out: Imported) -> None:
    from lapkin_audit.authoring.sopimport.timesum import sum_text, total_minutes

    known = [s["waktu"] for s in steps if isinstance(s["waktu"], str)]
    summed = sum_text(known) if len(known) == len(steps) and steps else None
    if not total_text:
        out.sop["jumlah_waktu"] = None
        out.gap("jumlah_waktu", "no_total", [summed] if summed else None)
        return
    out.teks_asli["jumlah_waktu"] = total_text
    try:
        parse_waktu(total_text)
    except ValueError as exc:
        out.sop["jumlah_waktu"] = None
        out.gap("jumlah_waktu", "bad_waktu", [summed] if summed else None, text=total_text, error=str(exc))
        return
    if summed is not None and total_minutes(total_text) != total_minutes(summed):
        out.sop["jumlah_waktu"] = None
        out.gap("jumlah_waktu", "total_not_sum", [summed], text=total_text, summed=summed)
        return
    out.sop["jumlah_waktu"] = total_text
