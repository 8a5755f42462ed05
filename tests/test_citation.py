"""Citations as people write them, reduced to (kind, number, year)."""

import pytest

from lapkin_audit.domain.citation import KINDS, Citation, parse_citation, parse_citations

PERPRES_29_2014 = [
    "Peraturan Presiden Nomor 29 Tahun 2014",
    "Peraturan Presiden Republik Indonesia Nomor 29 Tahun 2014",
    "Perpres No. 29 Tahun 2014",
    "Perpres 29/2014",
    "Perpres RI No.29 Th. 2014",
    "Peraturan Presiden nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
    "1. Peraturan Presiden nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
    "Instansi Pemerintah.",  # as in the seed, list number included
    "PERPRES NO 29 TAHUN 2014",
    "Perpres Nomor 29 Th 2014",
    "Perpres No.29/2014",
    "Perpres 29 Tahun 2014",
    "Perpres Nomor: 29 Tahun 2014",
    "Perpres No. 029 Thn. 2014",
    "PerpresNomor29Tahun2014",
    "  Peraturan  Presiden   RI  Nomor  29  Tahun  2014 ",
    "Perpres No 29 / 2014",
]

PERMENPAN_RB_53_2014 = [
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014",
    "Peraturan Menteri Pemberdayaan Aparatur Negara nomor 53 Tahun 2014",
    "Peraturan Menteri PAN-RB No. 53 Tahun 2014",
    "Peraturan Menteri PAN RB Nomor 53 Tahun 2014",
    "Peraturan Menteri PANRB Nomor 53 Tahun 2014",
    "Peraturan Menteri PAN nomor 53 Tahun 2014",
    "PermenPAN-RB No. 53 Tahun 2014",
    "Permenpan RB 53/2014",
    "Permen PANRB Nomor 53 Tahun 2014",
    "Permenpan-RB No 53 Th 2014",
    "PermenPAN 53/2014",
    "Permen PAN & RB Nomor 53 Tahun 2014",
    "Peraturan MenPAN-RB Nomor 53 Tahun 2014",
    "PermenPANRB No.53/2014",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik "
    "Indonesia Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan "
    "Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah",
]

OTHERS = [
    ("Peraturan Pemerintah Nomor 8 Tahun 2006", ("pp", "8", 2006)),
    ("PP No. 8 Tahun 2006", ("pp", "8", 2006)),
    ("PP 8/2006", ("pp", "8", 2006)),
    ("Undang-Undang Nomor 23 Tahun 2014", ("uu", "23", 2014)),
    ("Undang Undang Republik Indonesia Nomor 23 Tahun 2014", ("uu", "23", 2014)),
    ("UU No. 23 Tahun 2014", ("uu", "23", 2014)),
    ("UU 23/2014", ("uu", "23", 2014)),
    ("UU23/2014", ("uu", "23", 2014)),
    ("Permendagri Nomor 86 Tahun 2017", ("permendagri", "86", 2017)),
    ("Peraturan Menteri Dalam Negeri No. 86 Tahun 2017", ("permendagri", "86", 2017)),
    ("Peraturan Mendagri 86/2017", ("permendagri", "86", 2017)),
    ("Keputusan Presiden Nomor 68 Tahun 1995", ("keppres", "68", 1995)),
    ("Keppres No. 68 Tahun 1995", ("keppres", "68", 1995)),
    ("Kepres 68/1995", ("keppres", "68", 1995)),
    ("Peraturan Bupati Malang Nomor 12 Tahun 2020", ("perbup", "12", 2020)),
    ("Perbup Malang No. 12 Th. 2020", ("perbup", "12", 2020)),
    ("Peraturan Daerah Kabupaten Malang Nomor 5A Tahun 2010", ("perda", "5A", 2010)),
    ("Perda Kab. Malang No. 3 Tahun 2016", ("perda", "3", 2016)),
    ("Inpres Nomor 7 Tahun 1999", ("inpres", "7", 1999)),
    ("Instruksi Presiden No. 7 Tahun 1999 tentang Akuntabilitas Kinerja", ("inpres", "7", 1999)),
    ("Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor 29 Tahun 2010", ("permenpan_rb", "29", 2010)),
    (
        "Peraturan Presiden Nomor 29 Tahun 2014 sebagaimana telah diubah dengan Peraturan Presiden Nomor 5 Tahun 2020",
        ("perpres", "29", 2014),
    ),
]


@pytest.mark.parametrize("text", PERPRES_29_2014)
def test_perpres_29_2014(text):
    assert parse_citation(text).key() == ("perpres", "29", 2014)


@pytest.mark.parametrize("text", PERMENPAN_RB_53_2014)
def test_permenpan_rb_53_2014(text):
    assert parse_citation(text).key() == ("permenpan_rb", "53", 2014)


@pytest.mark.parametrize(("text", "key"), OTHERS)
def test_other_kinds(text, key):
    assert parse_citation(text).key() == key


def test_spellings_of_one_regulation_share_one_key():
    assert len({parse_citation(text).key() for text in PERPRES_29_2014}) == 1
    # ...and that key is not the one of the regulation that looks most like it.
    assert parse_citation("Keputusan Presiden Nomor 29 Tahun 2014").key() != (
        parse_citation("Peraturan Presiden Nomor 29 Tahun 2014").key()
    )


INCOMPLETE = [
    # The seed's own defect: no year before "tentang", a year inside the title.
    (
        "Peraturan Menteri Pemberdayaan Aparatur Negara nomor 53 Tahun tentang petunjuk "
        "Perjanjian Kinerja, Pelaporan Kinerja dan Tata cara Review atas Laporan Kinerja "
        "Instansi Pemerintah.",
        ("permenpan_rb", "53", None),
    ),
    ("Peraturan Menteri PAN nomor 53 Tahun tentang Laporan 2014", ("permenpan_rb", "53", None)),
    ("Peraturan Menteri PAN nomor 53 Tahun TENTANG Laporan Tahun 2014", ("permenpan_rb", "53", None)),
    ("Perpres tentang SAKIP", ("perpres", None, None)),
    ("Perpres tentang SAKIP Nomor 29 Tahun 2014", ("perpres", None, None)),
    ("Perpres Nomor 29", ("perpres", "29", None)),
    ("Perpres Tahun 2014", ("perpres", None, 2014)),
    ("Undang-Undang Dasar 1945", ("uu", None, None)),
    ("Perpres Nomor 29 Tahun 1900", ("perpres", "29", None)),  # year out of 1945-2100
    ("Perpres Nomor 29 Tahun 2200", ("perpres", "29", None)),
]


@pytest.mark.parametrize(("text", "fields"), INCOMPLETE)
def test_incomplete(text, fields):
    citation = parse_citation(text)
    assert (citation.kind, citation.number, citation.year) == fields
    assert not citation.complete
    assert citation.key() is None


UNRECOGNISED = [
    ("Surat Edaran Camat", None, None),
    ("Surat Edaran Menteri PAN-RB Nomor 5 Tahun 2020", "5", 2020),
    ("Peraturan Gubernur Jawa Timur Nomor 10 Tahun 2019", "10", 2019),
    # A Perppu is neither a PP nor a UU: matching it as PP 1/2020 would be wrong.
    ("Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2020", "1", 2020),
    ("Perppu No. 1 Tahun 2020", "1", 2020),
    ("PPh Pasal 21", None, None),
    ("Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021", "50", 2021),
    ("", None, None),
]


@pytest.mark.parametrize(("text", "number", "year"), UNRECOGNISED)
def test_unrecognised_kind(text, number, year):
    citation = parse_citation(text)
    assert (citation.kind, citation.number, citation.year) == (None, number, year)
    assert not citation.complete
    assert citation.key() is None


def test_keeps_original_text():
    text = "  Perpres RI No.29 Th. 2014 "
    assert parse_citation(text).text == text


def test_citation_is_frozen_value():
    a = parse_citation("Perpres 29/2014")
    assert a == Citation("perpres", "29", 2014, "Perpres 29/2014")
    with pytest.raises(AttributeError):
        a.year = 2015  # type: ignore[misc]


def test_every_kind_has_a_human_name():
    assert set(KINDS) == {
        "uu",
        "pp",
        "perpres",
        "keppres",
        "permenpan_rb",
        "permendagri",
        "perbup",
        "perda",
        "inpres",
    }
    assert all(name.strip() for name in KINDS.values())


# --- several regulations in one item ---------------------------------------------------

SEVERAL = [
    (
        "Perpres Nomor 29 Tahun 2014 dan Permenpan RB Nomor 53 Tahun 2014",
        [("perpres", "29", 2014), ("permenpan_rb", "53", 2014)],
    ),
    (
        "Peraturan Presiden Nomor 29 Tahun 2014 serta Peraturan Menteri Pendayagunaan Aparatur Negara "
        "dan Reformasi Birokrasi Nomor 53 Tahun 2014",
        [("perpres", "29", 2014), ("permenpan_rb", "53", 2014)],
    ),
    (
        "Perpres 29/2014, PermenPAN-RB 53/2014; UU 23/2014",
        [("perpres", "29", 2014), ("permenpan_rb", "53", 2014), ("uu", "23", 2014)],
    ),
    ("PP 30/2019 tentang Penilaian Kinerja PNS dan Perpres 29/2014", [("pp", "30", 2019), ("perpres", "29", 2014)]),
    ("Perpres No. 29 Th. 2014 jo. Permenpan RB 53/2014", [("perpres", "29", 2014), ("permenpan_rb", "53", 2014)]),
]


@pytest.mark.parametrize(("text", "keys"), SEVERAL)
def test_one_item_may_cite_several_regulations(text, keys):
    assert [c.key() for c in parse_citations(text)] == keys


ONE = [
    # "dan" inside the ministry's name joins no second regulation.
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014",
    "Permen PAN dan RB Nomor 53 Tahun 2014",
    # A kind named without a joint in front of it is part of the first citation.
    "UU 23/2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan UU 9/2015",
    "Perpres 29/2014",
]


@pytest.mark.parametrize("text", ONE)
def test_a_single_citation_stays_one(text):
    citations = parse_citations(text)
    assert citations == (parse_citation(text),)
    assert citations[0].text == text


def test_each_piece_keeps_its_own_text_for_messages():
    first, second = parse_citations("Perpres 29/2014 dan Permenpan RB Nomor 53 Tahun")
    assert (first.text, second.text) == ("Perpres 29/2014", "Permenpan RB Nomor 53 Tahun")
    assert second.key() is None and second.number == "53"


@pytest.mark.parametrize(
    "text",
    [
        "no" + " " * 200_000 + "x",
        "tahun" + " " * 200_000 + ".x",
        "perpres, " * 50_000,
        "perpres " * 100_000,
    ],
)
def test_long_hostile_text_is_read_in_linear_time(text):
    # Backtracking regexes took minutes on these; a linear reader takes milliseconds.
    # The bound is a hang guard three orders of magnitude above the real cost.
    import time

    started = time.monotonic()
    parse_citations(text)
    assert time.monotonic() - started < 20
