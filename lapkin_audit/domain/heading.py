"""A document's heading: what it says it is (B005), apart from what its body mentions.

A document *of* another period or office says so at its top: the letterhead, the title,
the period under it ("LAPORAN REALISASI ANGGARAN / TRIWULAN I TAHUN 2024"), a letter's
Nomor, Lampiran and Perihal. Its body may name other periods and offices for good reasons:
a report compares with last year's realisation and describes its setting (the kecamatan's
neighbours), and those mentions say nothing about which document it is.

The heading is the first page with text, from its top to the line where the body begins:
a section ("BAB I", "KATA PENGANTAR", "Menimbang", a table's "Uraian"...), a numbered
item, or a sentence (many words, several of them lower-case words that are not the
function words titles keep). At most ``MAX_LINES`` lines: a long title page is all heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["MAX_LINES", "heading"]

MAX_LINES = 15
_BODY = re.compile(
    r"^\s*(?:bab\s+[ivx\d]+\b|kata\s+pengantar|daftar\s+(?:isi|tabel)|ikhtisar|ringkasan\s+eksekutif|pendahuluan"
    r"|menimbang|mengingat|memperhatikan|memutuskan|menetapkan|dasar\s+hukum|yth\b|kepada\b|dengan\s+hormat"
    r"|telah\s+diterima|uraian\b|tabel\b|no\.?\s*$|\d+\s*[.)]\s)",
    re.IGNORECASE,
)
# Lower-case words that titles keep ("Laporan Realisasi Anggaran Pendapatan dan Belanja").
_FUNCTION_WORDS = {"dan", "di", "ke", "dari", "yang", "atas", "tentang", "untuk", "pada", "dengan", "serta", "atau"}
_SENTENCE_WORDS = 8
_SENTENCE_LOWER = 2


def heading(pages: Iterable[tuple[int, str]]) -> str:
    """The heading of the first page that has text, its lines joined by line breaks. Lines
    printed in capitals are given in title case, as the body writes names ("KECAMATAN
    SINGOSARI" is "Kecamatan Singosari"), so that one search reads both."""
    for _, text in sorted(pages, key=lambda page: page[0]):
        lines = [" ".join(line.split()) for line in text.splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            continue
        kept = []
        for line in lines[:MAX_LINES]:
            if _BODY.match(line) or _sentence(line):
                break
            kept.append(line.title() if line.isupper() else line)
        return "\n".join(kept)
    return ""


def _sentence(line: str) -> bool:
    words = line.split()
    lower = [w for w in words if w[:1].islower() and w.casefold() not in _FUNCTION_WORDS]
    return len(words) >= _SENTENCE_WORDS and len(lower) >= _SENTENCE_LOWER
