"""Indicator names matched by name, never by position (lapkin_audit.domain.indicators)."""

from __future__ import annotations

import pytest

from lapkin_audit.domain.indicators import find, merged, normalize, suggest

NAMES = [
    "Persentase pelayanan administrasi kependudukan yang diselesaikan tepat waktu",
    "Jumlah desa yang melaksanakan Musrenbangdes tepat waktu",
    "Indeks Kepuasan Masyarakat",
    "Persentase kelurahan yang melaksanakan Musrenbangkel tepat waktu",
]


@pytest.mark.parametrize(
    "written,index",
    [
        ("PERSENTASE PELAYANAN ADMINISTRASI KEPENDUDUKAN YANG DISELESAIKAN TEPAT WAKTU", 0),
        ("% pelayanan administrasi kependudukan yang diselesaikan tepat waktu", 0),
        ("Persentase  pelayanan\nadministrasi kependudukan yang diselesaikan tepat waktu.", 0),
        ("Persentase pelayanan administrasi kependudukan yang diselesaikan tepat waktu (%)", 0),
        ("Jml. desa yang melaksanakan Musrenbangdes tepat waktu", 1),
        ("Jumlah Ds. yang melaksanakan Musrenbangdes tepat waktu", 1),
        ("Idx Kepuasan Masyarakat", 2),
    ],
)
def test_the_same_indicator_however_written(written, index):
    assert find(written, NAMES) == index


@pytest.mark.parametrize(
    "written",
    [
        "Persentase desa yang melaksanakan Musrenbangdes tepat waktu",  # a word differs: another indicator
        "Indeks Kepuasan Masyarakat Desa",
        "Jumlah desa",
    ],
)
def test_a_similar_name_is_never_a_match(written):
    assert find(written, NAMES) is None


def test_the_closest_name_is_suggested():
    assert suggest("Jumlah desa yang melaksanakan Musrenbang tepat waktu", NAMES) == NAMES[1]
    assert suggest("Luas lahan sawah", NAMES) is None
    assert suggest("anything", []) is None


def test_row_order_does_not_matter():
    assert find(NAMES[3], list(reversed(NAMES))) == 0


def test_an_office_adds_abbreviations():
    words = merged({"Pddk.": "Penduduk"})
    assert normalize("Jml Pddk.", words) == "jumlah penduduk"
    names = ["Persentase penduduk ber-KTP elektronik"]
    assert find("% Pddk. ber-KTP elektronik", names) is None  # not a default abbreviation
    assert find("% Pddk. ber-KTP elektronik", names, words) == 0


def test_hyphenated_words_join():
    assert normalize("Persentase penduduk ber-KTP") == normalize("Persentase penduduk berKTP")
