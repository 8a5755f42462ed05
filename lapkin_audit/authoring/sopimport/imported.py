"""What an import finds (``Imported``) and the vocabulary of an SOP AP document it is read
with: its identity items and sections, and how a label or a document's name is compared.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lapkin_audit.authoring.sopimport.grid import Cell

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
        """A gap: ``key`` names its reason in ``lang.importing.GAPS``; ``saran`` are values to consider."""
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
