"""Build the signed report as LibreOffice exports it: tests/data/office/ (run once; the files are committed).

The report's text (fixture_documents.signed_report_lines, its legal bases as flowing
paragraphs) is written to a DOCX with python-docx, with an optional hyphen (U+00AD,
Word's Ctrl+-) between the syllables of every long word, in a narrow justified column, so
that words are hyphenated at line ends as an office's word processor hyphenates them
("Ta-/hun"). LibreOffice then exports it to PDF:

    soffice --headless --convert-to pdf --outdir tests/data/office tests/data/office/laporan-hyphen.docx

PDFium reads such a PDF's hyphenated line ends as U+FFFE with the lines joined, which is
what the reader must read as the printed words. Needs LibreOffice Writer (Debian:
``apt-get install libreoffice-writer-nogui``); the tests need only the committed files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixture_documents as docs

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "office"
SOFT_HYPHEN = "\u00ad"
# Indonesian syllables break before a consonant that starts the next syllable (Ta-hun,
# Pe-ra-tu-ran, Pre-si-den); enough for a word processor's hyphenation points.
_BREAK = re.compile(r"(?<=[aeiouAEIOU])(?=[b-df-hj-np-tv-z][aeiou])")

LEGAL_BASES = (
    "Dasar hukum penyusunan laporan ini adalah Peraturan Presiden Nomor 29 Tahun 2014 tentang "
    "Sistem Akuntabilitas Kinerja Instansi Pemerintah, dan Peraturan Menteri Pendayagunaan "
    "Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis "
    "Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi "
    "Pemerintah, yang menjadi acuan efisiensi dan refleksi kinerja kecamatan."
)


def hyphenable(text: str) -> str:
    return " ".join(_BREAK.sub(SOFT_HYPHEN, word) if len(word) > 4 else word for word in text.split(" "))


def source_docx(path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(6.8)
    lines = docs.signed_report_lines()
    start = lines.index("Dasar Hukum:")
    for line in lines[:start]:
        document.add_paragraph(line)
    body = document.add_paragraph(hyphenable(LEGAL_BASES))
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for line in lines[start + len(docs.DASAR_HUKUM) :]:
        document.add_paragraph(line)
    document.core_properties.author = "Kecamatan Karangploso"
    document.save(str(path))


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("needs LibreOffice Writer: apt-get install libreoffice-writer-nogui")
    OUT.mkdir(parents=True, exist_ok=True)
    source = OUT / "laporan-hyphen.docx"
    source_docx(source)
    with tempfile.TemporaryDirectory() as profile:  # a fresh profile: no user settings leak in
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
            + ["--outdir", str(OUT), str(source)],
            check=True,
            capture_output=True,
            timeout=300,
        )
    print(f"wrote {source} and {source.with_suffix('.pdf')}")


if __name__ == "__main__":
    main()
