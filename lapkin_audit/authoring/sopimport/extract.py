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
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lapkin_audit.authoring.sopimport.grid import Cell, Grid
from lapkin_audit.domain.citation import parse_citation
from lapkin_audit.domain.waktu import parse_waktu

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nopember": 11, "nov": 11, "desember": 12,
    "des": 12,
}  # fmt: skip

IDENTITY = {
    "nomor sop": "nomor",
    "no sop": "nomor",
    "tanggal pembuatan": "tanggal_pembuatan",
    "tgl pembuatan": "tanggal_pembuatan",
    "tanggal revisi": "tanggal_revisi",
    "tgl revisi": "tanggal_revisi",
    "tanggal efektif": "tanggal_efektif",
    "tgl efektif": "tanggal_efektif",
    "disahkan oleh": "disahkan_oleh",
    "nama sop": "nama",
    "judul sop": "nama",
}
SECTIONS = {
    "dasar hukum": "dasar_hukum",
    "kualifikasi pelaksana": "kualifikasi_pelaksana",
    "keterkaitan": "keterkaitan",
    "peralatan perlengkapan": "peralatan",
    "peralatan": "peralatan",
    "perlengkapan": "peralatan",
    "peringatan": "peringatan",
    "pencatatan dan pendataan": "pencatatan",
    "pencatatan": "pencatatan",
}
IDENTITY_ITEMS = (
    "nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh", "nama",
    "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan", "pencatatan",
)  # fmt: skip
# Labels of documents that look like an SOP AP but are not one.
STANDAR_PELAYANAN = (
    "persyaratan", "sistem mekanisme dan prosedur", "jangka waktu", "jangka waktu pelayanan", "biaya tarif",
    "biaya", "produk pelayanan", "produk", "penanganan pengaduan", "pengaduan",
    "penanganan pengaduan saran dan masukan", "dasar hukum", "sarana dan prasarana",
)  # fmt: skip
SPO = ("pengertian", "tujuan", "kebijakan", "referensi", "prosedur", "langkah langkah", "unit terkait",
       "dokumen terkait", "bagan alir", "alat dan bahan", "rekaman historis perubahan")  # fmt: skip


class NotAnSop(Exception):
    """The document is not an SOP AP; ``kind`` says what it is."""

    def __init__(self, kind: str, found: list[str]) -> None:
        super().__init__(kind)
        self.kind = kind  # "standar_pelayanan", "spo" or "unknown"
        self.found = found  # the labels that gave it away


@dataclass
class Imported:
    sop: dict[str, Any]
    teks_asli: dict[str, str]
    celah: list[dict[str, Any]] = field(default_factory=list)
    saran: list[dict[str, Any]] = field(default_factory=list)
    asumsi: list[dict[str, Any]] = field(default_factory=list)

    def gap(self, bidang: str, key: str, saran: list[Any] | None = None, **args: Any) -> None:
        """A gap: ``key`` names its reason in ``texts.GAPS``; ``saran`` are values to consider."""
        self.celah.append({"bidang": bidang, "alasan": (key, args), **({"saran": saran} if saran else {})})


def norm_label(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def slug(text: str, limit: int = 48) -> str:
    words = norm_label(text).split()
    out = ""
    for word in words:
        candidate = f"{out}_{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or "x"


def doc_key(text: str) -> str:
    """Two names of one document compare equal: case, spacing, 'draft' for 'draf'."""
    words = norm_label(text).replace("di paraf", "diparaf").split()
    return " ".join("draf" if w == "draft" else w for w in words)


_NUMBERING = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|[•\-*]|)\s*", re.IGNORECASE)
_NUMBERED_START = re.compile(r"(?:^|\s)(?=\d{1,2}\.\s+\S)")


def items_of(cell: Cell) -> list[str]:
    """List items of a section cell, their numbering removed; text as the document has it."""
    raw = cell.items or cell.segments or ([cell.text] if cell.text else [])
    if len(raw) == 1 and len(_NUMBERED_START.findall(raw[0])) > 1:
        raw = [part for part in re.split(r"(?:^|\s)(?=\d{1,2}\.\s+\S)", raw[0]) if part.strip()]
    items = []
    for item in raw:
        text = _NUMBERING.sub("", item.strip(), count=1).strip()
        if text and text not in ("-", "–"):
            items.append(text)
    return items


def parse_date(text: str) -> date | str | None:
    """A date (``20 Desember 2014``, ``20-12-2014``), a month (``Juni 2020`` -> "2020-06"),
    None for none written (``-``, empty); ValueError when it cannot be read."""
    value = text.strip().strip(".")
    if value in ("", "-", "–", "—"):
        return None
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", value)
    if m and m.group(2).lower() in MONTHS:
        return date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{4})", value)
    if m and m.group(1).lower() in MONTHS:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}"
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", value)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(value)


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
            value = parse_date(cell.text)
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
    _flowchart(grid, out)
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


def _flowchart(grid: Grid, out: Imported) -> None:
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
