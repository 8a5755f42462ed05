"""The grid of an SOP document -> the rules format, grounded in the document's own text.

Every value the document gives keeps its original text (``teks_asli``, keyed by the field
path), and that text occurs in the document. Nothing is guessed: what the document does
not say (executors whose marks were lost, where a decision leads, who signs a
precondition decree, an unreadable time) is written as ``null`` or ``[]`` and listed in
``celah`` (gaps) with the reason and suggestions. A file with gaps does not load until a
person completes it.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from lapkin_audit.authoring.sopimport.flowchart import read_flowchart
from lapkin_audit.authoring.sopimport.grid import Cell, Grid
from lapkin_audit.authoring.sopimport.imported import (
    IDENTITY,
    SECTIONS,
    SPO,
    STANDAR_PELAYANAN,
    Imported,
    NotAnSop,
    items_of,
    norm_label,
    slug,
)
from lapkin_audit.domain.citation import parse_citation
from lapkin_audit.load.datetext import parse_document_date

# ------------------------------------------------------------------ document kind


def classify(grid: Grid) -> None:
    """Raise NotAnSop unless the grid holds an SOP AP's identity or flowchart."""
    # "1. Pengertian" and "10.Dokumen terkait" are labels too: numbering is not part of them.
    unnumbered = [re.sub(r"^(?:\d+ )+", "", norm_label(c.text)) for row in grid for c in row if c.text]
    labels = {text for text in unnumbered if len(text) < 60}
    starts = {text[:40] for text in unnumbered}
    keys = {hit[0] for row in grid for c in row if (hit := _label_split(c)) is not None}
    identity = keys & {"nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh", "nama"}
    flow = [x for x in ("mutu baku", "kelengkapan") if x in labels]
    sop_marks = sorted(identity) + flow
    pelayanan = [x for x in STANDAR_PELAYANAN if x in labels]
    spo = [x for x in SPO if x in labels or any(s.startswith(x) for s in starts if len(s) < 30)]
    if len(sop_marks) >= 3:
        return
    if len(spo) >= 4 and len(spo) >= len(pelayanan):
        raise NotAnSop("spo", spo)
    if len(pelayanan) >= 3:
        raise NotAnSop("standar_pelayanan", pelayanan)
    raise NotAnSop("unknown", sop_marks)


# ------------------------------------------------------------------ lines of a PDF transcript

_ALL_LABELS = sorted({**IDENTITY, **SECTIONS}, key=len, reverse=True)
_IN_LINE = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(r"\W{0,3}".join(map(re.escape, w.split())) for w in _ALL_LABELS) + r")",
    re.IGNORECASE,
)


def _label_positions(text: str) -> list[tuple[int, int]]:
    """Where labels stand in a line: "Nama SOPProsedur" has one (a capital starts the value)."""
    found = []
    for match in _IN_LINE.finditer(text):
        end = match.end()
        following = text[end : end + 2]
        if following[:1].isalpha() and not (following[:1].isupper() and following[1:2].islower()):
            continue  # the label's words run on into a longer word
        found.append((match.start(), end))
    return found


# A two-line label cell printed around its value: "TANGGAL 05 Desember 2017 PEMBUATAN".
_SPLIT_LABEL = re.compile(
    r"(?<![A-Za-z])(tanggal|tgl)\s+(\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})\s+(pembuatan|revisi|efektif)(?![A-Za-z])",
    re.IGNORECASE,
)


def split_lines(grid: Grid) -> Grid:
    """Rows of one cell (lines of a transcript) split at every label they hold:
    "PEMERINTAH KOTA BATAM Tanggal Pembuatan JUNI 2020" -> [unit, label, value]."""
    out: Grid = []
    for row in grid:
        if len(row) != 1 or not row[0].text:
            out.append(row)
            continue
        text = row[0].text
        cells: list[Cell] = []
        previous = 0
        for split in _SPLIT_LABEL.finditer(text):
            cells.extend(_split_at_labels(text[previous : split.start()]))
            label = f"{split.group(1)} {split.group(3)}"
            cells += [Cell(label, [label], []), Cell(split.group(2), [split.group(2)], [])]
            previous = split.end()
        cells.extend(_split_at_labels(text[previous:]))
        out.append(cells or row)
    return out


def _split_at_labels(text: str) -> list[Cell]:
    cells: list[Cell] = []
    previous = 0
    for start, end in _label_positions(text):
        before = text[previous:start].strip(" :")
        if before:
            cells.append(Cell(before, [before], []))
        label = text[start:end]
        cells.append(Cell(label, [label], []))
        previous = end
    rest = text[previous:].strip(" :")
    if rest:
        cells.append(Cell(rest, [rest], []))
    return cells


# ------------------------------------------------------------------ identity


def _label_split(cell: Cell) -> tuple[str, str] | None:
    """(key, value written after the label in the same cell) for a cell that starts with a label."""
    label = norm_label(cell.text)
    for table in (IDENTITY, SECTIONS):
        for words, key in table.items():
            if label == words:
                return key, ""
    for words, key in IDENTITY.items():
        if label.startswith(words + " "):
            # the value is the cell's text after the label's words, as written
            pattern = r"\W*".join(re.escape(w) for w in words.split())
            m = re.match(rf"\W*{pattern}\W*", cell.text, re.IGNORECASE)
            if m:
                return key, cell.text[m.end() :].strip(" :")
    return None


_SECTION_KEYS = set(SECTIONS.values())
_NOMOR_VALUE = re.compile(r"-|[\w.-]*(?:\s*/\s*[\w.-]*)+|[\w.-]+")


def find_identity(grid: Grid, out: Imported, lines: bool) -> dict[str, Cell]:
    """The cell that holds each identity item and section.

    A table gives a label's value in the next cell of its row, or, for a row of labels,
    in the cell below. A transcript of a PDF (``lines``) gives it after the label on the
    same line; a run of labels with nothing between them means the values were flattened
    away from their labels, and nothing of that line is associated (each item is a gap).
    """
    found: dict[str, Cell] = {}
    handled: set[str] = set()
    for r, row in enumerate(grid):
        hits = [(c, _label_split(cell)) for c, cell in enumerate(row)]
        label_cols = [c for c, hit in hits if hit is not None and not hit[1]]
        sections_here = [hit[0] for _, hit in hits if hit is not None and hit[0] in _SECTION_KEYS]
        keys_here = [hit[0] for _, hit in hits if hit is not None]
        two_columns = len(keys_here) == 2 and len(sections_here) == 2  # "Dasar Hukum | Kualifikasi Pelaksana"
        flattened = lines and not two_columns and any(b == a + 1 for a, b in itertools.pairwise(label_cols))
        for c, hit in hits:
            if hit is None:
                continue
            key, rest = hit
            if key in found or key in handled:
                continue
            if flattened:
                handled.add(key)
                after = " ".join(cell.text for cell in row[c + 1 :] if _label_split(cell) is None)[:160]
                out.gap(key, "labels_detached", [after] if after else None)
                continue
            if rest:
                seg = [s for s in row[c].segments if s and norm_label(s) not in IDENTITY]
                found[key] = Cell(rest, seg if key == "disahkan_oleh" and len(seg) > 1 else [rest], [])
                continue
            value = row[c + 1] if c + 1 < len(row) and not row[c + 1].empty else None
            if value is None and not lines:
                value = next((cell for cell in row[c + 1 :] if not cell.empty), None)
            if value is not None and _label_split(value) is None:
                found[key] = _line_value(grid, r, key, value, out) if lines else value
                continue
            if not lines:
                # A row of labels: the values are below, in the same columns.
                if r + 1 < len(grid) and c < len(grid[r + 1]):
                    below = grid[r + 1][c]
                    if not below.empty and _label_split(below) is None:
                        found[key] = below
                continue
            if key in _SECTION_KEYS and len(sections_here) > 1:
                handled.add(key)
                out.gap(key, "columns_interleaved", label=row[c].text)
            elif key in _SECTION_KEYS:
                block = _lines_below(grid, r)
                if block:
                    found[key] = Cell(" ".join(block), block, [])
            elif key == "nama":
                handled.add(key)
                around = [grid[i][0].text for i in (r - 1, r + 1) if 0 <= i < len(grid) and grid[i]]
                out.gap(key, "value_not_separable", around or None, label=row[c].text)
    return found


def _lines_below(grid: Grid, r: int, limit: int = 40) -> list[str]:
    """Up to ``limit`` non-empty lines after row ``r``, stopping at a line that holds a label."""
    block: list[str] = []
    for row in grid[r + 1 :]:
        if len(block) >= limit or any(_label_split(cell) is not None for cell in row):
            break
        block.extend(cell.text for cell in row if cell.text)
    return block[:limit]


def _line_value(grid: Grid, r: int, key: str, value: Cell, out: Imported) -> Cell:
    """A value read from a transcript's line, trimmed to what the item can hold."""
    if key == "nomor":
        m = _NOMOR_VALUE.match(value.text)
        text = m.group(0).strip() if m else value.text
        return Cell(text, [text], [])
    if key == "disahkan_oleh":
        # The signer's name, rank and NIP follow on their own lines.
        block = _lines_below(grid, r, 4)
        if any(_NIP.search(line) for line in block):
            stop = next(i for i, line in enumerate(block) if _NIP.search(line))
            return Cell(" ".join([value.text, *block[: stop + 1]]), [value.text, *block[: stop + 1]], [])
    if key == "nama":
        block = _lines_below(grid, r, 1)
        if block and not block[0][:1].isdigit():
            out.saran.append({"bidang": "nama", "teks": ("may_continue", {"next": block[0]})})
    return value


_NIP = re.compile(r"NIP\.?\s*:?\s*(\d[\d .]{15,28}\d)", re.IGNORECASE)


def split_signer(cell: Cell) -> dict[str, str]:
    """jabatan, nama, pangkat and nip of the Disahkan oleh cell, each as written."""
    out: dict[str, str] = {}
    segments = list(cell.segments or [cell.text])
    rest: list[str] = []
    for seg in segments:
        m = _NIP.search(seg)
        if m and "nip" not in out:
            out["nip"] = m.group(1).strip()
            before = seg[: m.start()].strip(" ,")
            if before:
                rest.append(before)
        else:
            rest.append(seg)
    named = dict(zip(("jabatan", "nama", "pangkat"), rest, strict=False))
    if "nip" in out:
        named["nip"] = out["nip"]
    return named


# ------------------------------------------------------------------ the whole document


def extract(grid: Grid) -> Imported:
    lines = not any(len(row) > 1 for row in grid)  # a transcript: one cell per line
    if lines:
        grid = split_lines(grid)
    classify(grid)
    out = Imported(sop={}, teks_asli={})
    found = find_identity(grid, out, lines)
    sop, ta = out.sop, out.teks_asli

    nama_cell = found.get("nama")
    nama = nama_cell.text if nama_cell else ""
    sop["id"] = slug(nama).replace("_", "-") if nama else "sop-tanpa-nama"
    if nama:
        sop["nama"] = nama
        ta["nama"] = nama
    else:
        sop["nama"] = None
        if not any(g["bidang"] == "nama" for g in out.celah):
            out.gap("nama", "no_name")
    unit = _unit(grid)
    if unit:
        sop["unit"] = unit
        ta["unit"] = unit
    if "nomor" in found:
        written = found["nomor"].text
        ta["nomor"] = written
        sop["nomor"] = None if written.strip() in ("-", "–") else written  # "-": the document has none
    for key in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
        cell = found.get(key)
        if cell is None:
            if key == "tanggal_efektif" and not any(g["bidang"] == key for g in out.celah):
                sop[key] = None
                out.gap(key, "no_effective_date")
            continue
        try:
            value = parse_document_date(cell.text)
        except ValueError:
            value = None
            out.gap(key, "bad_date", ["YYYY-MM-DD", "YYYY-MM"], text=cell.text)
        if value is None and key == "tanggal_efektif" and not any(g["bidang"] == key for g in out.celah):
            out.gap(key, "no_effective_date")
        sop[key] = value  # null: the document writes "-" or nothing
        ta[key] = cell.text
    signer_cell = found.get("disahkan_oleh")
    if (
        signer_cell is not None
        and len(signer_cell.segments or [signer_cell.text]) == 1
        and (len(signer_cell.text.split()) > 6)
    ):
        found.pop("disahkan_oleh")
        out.gap("disahkan_oleh", "signer_not_separable", [signer_cell.text])
    if "disahkan_oleh" in found:
        signer = split_signer(found["disahkan_oleh"])
        sop["disahkan_oleh"] = dict(signer)
        for part, text in signer.items():
            ta[f"disahkan_oleh.{part}"] = text
    sop["kalender"] = "kerja-nasional"
    out.asumsi.append({"bidang": "kalender", "teks": "calendar"})
    _legal_bases(found, out)
    for key in ("kualifikasi_pelaksana", "pencatatan"):
        if key in found:
            items = items_of(found[key])
            sop[key] = items
            for i, item in enumerate(items):
                ta[f"{key}[{i}]"] = item
    for key in ("keterkaitan", "peralatan"):
        if key in found:
            items = items_of(found[key])
            sop[key] = [{"nama": item} for item in items]
            for i, item in enumerate(items):
                ta[f"{key}[{i}].nama"] = item
    read_flowchart(grid, out)
    _preconditions(found, out)
    _periodic(out)
    return out


# Words that say a document is a report for a period (PermenPAN-RB 53/2014's Laporan
# Kinerja per triwulan and per year, a LAKIP, a monthly report).
_PERIOD_WORDS = re.compile(
    r"\b(triwulan|semester|tahunan|bulanan|berkala|periode|periodik|laporan kinerja|lkj|lkjip|lakip|sakip)\b"
)


def _periodic(out: Imported) -> None:
    """``laporan_berkala``: no SOP document says it in so many words, so it is inferred from
    the SOP's name and the names of the documents its steps produce, and the inference is
    recorded under ``asumsi`` for a person to confirm."""
    sop = out.sop
    kinds = sop.get("jenis_dokumen") or {}
    produced = {kid for step in sop.get("langkah") or [] for kid in step.get("output") or []}
    names = [sop.get("nama") or "", *(str(kinds[kid].get("nama", "")) for kid in sorted(produced) if kid in kinds)]
    found = next((m.group(1) for name in names if (m := _PERIOD_WORDS.search(norm_label(name)))), None)
    sop["laporan_berkala"] = found is not None
    if found is not None:
        out.asumsi.append({"bidang": "laporan_berkala", "teks": "periodic", "kata": found})
    else:
        out.asumsi.append({"bidang": "laporan_berkala", "teks": "not_periodic"})


def _unit(grid: Grid) -> str | None:
    for row in grid:
        for cell in row:
            if re.match(r"(pemerintah|kantor|kecamatan)\b", cell.text, re.IGNORECASE) and len(cell.text) < 160:
                if _label_split(cell) is None and "nomor sop" not in norm_label(cell.text):
                    return cell.text
    return None


def _legal_bases(found: dict[str, Cell], out: Imported) -> None:
    if "dasar_hukum" not in found:
        out.sop["dasar_hukum"] = []
        return
    bases = []
    for i, text in enumerate(items_of(found["dasar_hukum"])):
        citation = parse_citation(text)
        where = f"dasar_hukum[{i}]"
        title = re.split(r"\btentang\b|\bttg\b", text, maxsplit=1, flags=re.IGNORECASE)
        entry: dict[str, Any] = {
            "jenis": citation.kind,
            "nomor": citation.number,
            "tahun": citation.year,
        }
        if len(title) == 2 and title[1].strip(" ."):
            entry["judul"] = title[1].strip(" .")
            out.teks_asli[f"{where}.judul"] = entry["judul"]
        entry["teks_asli"] = text
        out.teks_asli[f"{where}.teks_asli"] = text
        for part in ("jenis", "nomor", "tahun"):
            if entry[part] is None:
                out.gap(f"{where}.{part}", f"citation_no_{part}", text=text)
        bases.append(entry)
    out.sop["dasar_hukum"] = bases


def _preconditions(found: dict[str, Cell], out: Imported) -> None:
    if "peringatan" not in found:
        return
    items = items_of(found["peringatan"])
    entries = []
    for i, text in enumerate(items):
        out.teks_asli[f"peringatan[{i}].teks"] = text
        entry: dict[str, Any] = {"teks": text}
        if re.search(r"\bharus\b|\bwajib\b|\bditetapkan\b", text, re.IGNORECASE):
            entry["dokumen"] = None
            entry["ditandatangani_oleh"] = None
            signer = re.search(r"\boleh\s+(camat|sekretaris|lurah|kepala\s+\w+|bupati|walikota)\b", text, re.IGNORECASE)
            suggestion = {"dokumen": "sk_" + slug(text.split(" harus")[0], 30)}
            if signer:
                suggestion["ditandatangani_oleh"] = slug(signer.group(1))
            out.gap(f"peringatan[{i}]", "precondition_policy", [suggestion])
        entries.append(entry)
    out.sop["peringatan"] = entries
