"""The guide for office staff (docs/panduan/) names what the desk shows: its buttons and
labels are the desk's own words, its pictures and links exist, and the README links it
from the top."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lapkin_audit.lang.desk import DESK

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "panduan" / "README.md"
# What the guide tells the reader to click or fill, as it writes it (bold).
NAMED = (
    "Periksa dossier ini",
    "Isi daftar berkas",
    "Simpan",
    "Unggah lampiran untuk dokumen ini",
    "Unggah",
    "Cetak laporan",
    "Nama pemeriksa",
    "NIP pemeriksa",
    "Tanggal pemeriksaan",
    "Buka halaman cetak",
    "Riwayat",
    "Buka",
    "Dossier di folder kerja",
    "Buka folder di komputer ini",
    "Atau unggah berkas zip",
)


def _words(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _words(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _words(item)


def test_the_guide_names_the_desks_own_words():
    text = GUIDE.read_text(encoding="utf-8")
    shown = set(_words(DESK["id"]))
    for name in NAMED:
        assert f"**{name}**" in text, name
        assert name in shown, name


def test_the_guides_pictures_and_links_exist():
    text = GUIDE.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?!https?:|#)[^)\s]+)\)", text)
    assert any(t.endswith(".png") for t in targets)
    for target in targets:
        assert (GUIDE.parent / target).is_file(), target


def test_the_readme_links_the_guide_from_its_top():
    top = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "(docs/panduan/README.md)" in top
