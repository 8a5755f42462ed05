"""A document's heading (lapkin_audit.domain.heading): where B005 looks for the period and
the office a document is of, apart from what its body mentions."""

from __future__ import annotations

from lapkin_audit.domain.heading import MAX_LINES, heading

LRA = """PEMERINTAH KABUPATEN MALANG
KANTOR KECAMATAN KARANGPLOSO
Jl. Panglima Sudirman No. 1 Karangploso

LAPORAN REALISASI ANGGARAN
TRIWULAN I TAHUN 2024
Periode Triwulan I Tahun Anggaran 2024
Uraian                          Anggaran (Rp)       Realisasi (Rp)
Belanja Pegawai Triwulan I Tahun Anggaran 2023      587.900.000"""

REPORT = """LAPORAN KINERJA
KANTOR KECAMATAN KARANGPLOSO
TRIWULAN II TAHUN 2024
BAB I PENDAHULUAN
Kecamatan Karangploso berbatasan dengan Kecamatan Lawang di sebelah utara."""

LETTER = """PEMERINTAH KABUPATEN MALANG
KECAMATAN KARANGPLOSO
Nomor    : 050/112/421.632/2024
Lampiran : 1 (satu) berkas
Perihal  : Laporan Kinerja Triwulan II Tahun 2024
Yth. Kepala Bappeda Kabupaten Malang
Bersama ini kami sampaikan Laporan Kinerja Triwulan I Tahun 2024 yang telah diperbaiki."""


def test_the_heading_ends_where_the_body_begins():
    assert heading([(1, LRA)]).splitlines() == [
        "Pemerintah Kabupaten Malang",
        "Kantor Kecamatan Karangploso",
        "Jl. Panglima Sudirman No. 1 Karangploso",
        "Laporan Realisasi Anggaran",
        "Triwulan I Tahun 2024",
        "Periode Triwulan I Tahun Anggaran 2024",
    ]
    assert "Lawang" not in heading([(1, REPORT)]) and "Triwulan Ii Tahun 2024" in heading([(1, REPORT)])


def test_a_letters_nomor_lampiran_and_perihal_are_its_heading():
    top = heading([(1, LETTER)])
    assert "Perihal  : Laporan Kinerja Triwulan II Tahun 2024".split() == top.splitlines()[-1].split()
    assert "Triwulan I Tahun" not in top  # the body's sentence


def test_the_first_page_with_text_holds_it():
    assert heading([(2, REPORT), (1, "  \n"), (3, LRA)]).startswith("Laporan Kinerja")
    assert heading([(0, REPORT)]).startswith("Laporan Kinerja")  # a DOCX body
    assert heading([]) == "" and heading([(1, "")]) == ""


def test_a_title_page_is_heading_up_to_its_bound():
    page = "\n".join(f"BARIS JUDUL {n}" for n in range(40))
    assert len(heading([(1, page)]).splitlines()) == MAX_LINES


def test_a_sentence_ends_it_but_a_title_with_function_words_does_not():
    title = "Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja"
    sentence = "Laporan ini disusun sebagai pertanggungjawaban atas pelaksanaan tugas dan fungsi kecamatan"
    assert heading([(1, f"{title}\n{sentence}\nKecamatan Dau")]) == title
