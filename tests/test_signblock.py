"""Reading signature blocks as tata naskah dinas prints them (lapkin_audit.domain.signblock).

The texts are laid out as the documents of a kecamatan print them, and as a PDF text
layer gives them back: one printed line a line, blank lines sometimes kept, sometimes not.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lapkin_audit.domain.signblock import PARAF, TANDA_TANGAN, SignBlock, blocks

ROLES = {
    "camat": "Camat",
    "sekretaris": "Sekretaris Kecamatan",
    "tim": "Tim Akuntabilitas Kinerja",
    "sub_umum": "Sub Bagian Umum",
}
BAMBANG_NIP = "197003121990031004"


def read(text: str, page: int = 1) -> list[SignBlock]:
    return blocks([(page, text)], ROLES)


def one(text: str) -> SignBlock:
    (found,) = read(text)
    return found


# ----------------------------------------------------------------------------- as printed

DECREE = """PEMERINTAH KABUPATEN MALANG
KANTOR KECAMATAN KARANGPLOSO
KEPUTUSAN CAMAT KARANGPLOSO
NOMOR: 188.45/07/421.632/2024
TENTANG
PEMBENTUKAN TIM AKUNTABILITAS KINERJA
DENGAN RAHMAT TUHAN YANG MAHA ESA
CAMAT KARANGPLOSO,
Menimbang : bahwa untuk melaksanakan pelaporan kinerja perlu dibentuk Tim
Akuntabilitas Kinerja dengan Keputusan Camat;
MEMUTUSKAN:
KESATU : Membentuk Tim Akuntabilitas Kinerja dengan susunan sebagai berikut:
1. Camat Karangploso, selaku Pengarah
2. Siti Aminah, S.Sos, NIP. 19790825 200501 2 011, Ketua
Ditetapkan di Karangploso
pada tanggal 8 Januari 2024
{block}
Tembusan:
1. Yth. Bupati Malang;
"""


def test_the_decrees_own_block_and_nothing_of_its_heading_or_body():
    found = read(
        DECREE.format(
            block="CAMAT KARANGPLOSO,\n\n\nDrs. Bambang Sutrisno, M.Si\nPembina Tingkat I\nNIP. 19700312 199003 1 004"
        )
    )
    assert found == [
        SignBlock(
            TANDA_TANGAN, "camat", "CAMAT KARANGPLOSO", None, None, "Drs. Bambang Sutrisno, M.Si", BAMBANG_NIP, None, 1
        )
    ]


def test_a_decree_signed_on_behalf_of_the_camat():
    block = (
        "a.n. CAMAT KARANGPLOSO\nSekretaris Kecamatan,\n\nSri Wahyuni, S.Sos\nPenata Tingkat I\n"
        "NIP. 19810101 200601 2 001"
    )
    (found,) = read(DECREE.format(block=block))
    assert (found.role, found.on_behalf, found.signer_office) == ("camat", "a.n.", "Sekretaris Kecamatan")
    assert (found.nama, found.nip) == ("Sri Wahyuni, S.Sos", "198101012006012001")


@pytest.mark.parametrize(
    ("text", "on_behalf", "acting", "nama"),
    [
        (
            "CAMAT KARANGPLOSO,\nDrs. Bambang Sutrisno, M.Si\nNIP. 19700312 199003 1 004",
            None,
            None,
            "Drs. Bambang Sutrisno, M.Si",
        ),
        # a.n. written every way offices write it, and on its own line
        ("A.n. Camat Karangploso\nSekretaris,\nSri Wahyuni\nNIP. 19810101 200601 2 001", "a.n.", None, "Sri Wahyuni"),
        (
            "an. CAMAT KARANGPLOSO\nSekretaris Kecamatan\nSri Wahyuni\nNIP 198101012006012001",
            "a.n.",
            None,
            "Sri Wahyuni",
        ),
        ("a/n CAMAT KARANGPLOSO\nSekretaris Kecamatan,\nSri Wahyuni", "a.n.", None, "Sri Wahyuni"),
        ("Atas nama Camat Karangploso\nSekretaris Kecamatan,\nSri Wahyuni", "a.n.", None, "Sri Wahyuni"),
        ("a.n.\nCAMAT KARANGPLOSO\nSekretaris Kecamatan,\nttd.\nSri Wahyuni", "a.n.", None, "Sri Wahyuni"),
        # u.b.: for the one who signs a.n.
        (
            "a.n. CAMAT KARANGPLOSO\nSekretaris Kecamatan\nu.b.\nKepala Subbagian Umum,\nRudi Hartono\n"
            "NIP. 19820605 200801 1 012",
            "u.b.",
            None,
            "Rudi Hartono",
        ),
        # acting officials
        ("Plt. CAMAT KARANGPLOSO,\nSiti Aminah, S.Sos\nNIP. 19790825 200501 2 011", None, "plt", "Siti Aminah, S.Sos"),
        ("PLT CAMAT KARANGPLOSO,\nSiti Aminah\nNIP. 19790825 200501 2 011", None, "plt", "Siti Aminah"),
        ("Plh. Camat Karangploso,\nSiti Aminah\nNIP. 19790825 200501 2 011", None, "plh", "Siti Aminah"),
        ("Pelaksana Harian Camat Karangploso,\nSiti Aminah\nNIP. 19790825 200501 2 011", None, "plh", "Siti Aminah"),
        # an office of two lines, a name in capitals, a copy that prints "ttd"
        (
            "CAMAT KARANGPLOSO\nKABUPATEN MALANG,\nDRS. BAMBANG SUTRISNO, M.SI\nNIP. 19700312 199003 1 004",
            None,
            None,
            "DRS. BAMBANG SUTRISNO, M.SI",
        ),
        (
            "CAMAT KARANGPLOSO,\nttd\nDrs. Bambang Sutrisno, M.Si\nPembina Tk. I\nNIP. 19700312 199003 1 004",
            None,
            None,
            "Drs. Bambang Sutrisno, M.Si",
        ),
        ("CAMAT KARANGPLOSO,\n(Drs. Bambang Sutrisno, M.Si)", None, None, "Drs. Bambang Sutrisno, M.Si"),
    ],
)
def test_blocks_as_offices_print_them(text, on_behalf, acting, nama):
    found = one(text)
    assert (found.role, found.on_behalf, found.acting, found.nama) == ("camat", on_behalf, acting, nama)


def test_a_paraf_line_names_its_official_and_the_nip_below():
    found = one("Paraf koordinasi: Sekretaris Kecamatan, Siti Aminah, S.Sos\nNIP. 19790825 200501 2 011")
    assert (found.kind, found.role, found.nama, found.nip) == (
        PARAF,
        "sekretaris",
        "Siti Aminah, S.Sos",
        "197908252005012011",
    )


def test_a_paraf_on_behalf():
    found = one("Paraf: a.n. Sekretaris Kecamatan, Rina Wulandari")
    assert (found.kind, found.role, found.on_behalf, found.nama) == (PARAF, "sekretaris", "a.n.", "Rina Wulandari")


def test_two_blocks_of_a_report_and_the_pages_they_are_on():
    found = blocks(
        [
            (
                1,
                "LAPORAN KINERJA\nKata Pengantar\nCAMAT KARANGPLOSO,\nDrs. Bambang Sutrisno, M.Si\n"
                "NIP. 19700312 199003 1 004",
            ),
            (
                7,
                "Paraf koordinasi: Sekretaris Kecamatan, Siti Aminah\nCAMAT KARANGPLOSO,\nBambang Sutrisno\n"
                "NIP. 197003121990031004",
            ),
        ],
        ROLES,
    )
    assert [(b.kind, b.role, b.page) for b in found] == [
        (TANDA_TANGAN, "camat", 1),
        (PARAF, "sekretaris", 7),
        (TANDA_TANGAN, "camat", 7),
    ]


def test_the_lines_of_a_block_open_no_other():
    # "Sekretaris Kecamatan," is the signer's office of the "a.n." block, not a block of its own.
    found = read("a.n. CAMAT KARANGPLOSO\nSekretaris Kecamatan,\nSri Wahyuni\nNIP. 19810101 200601 2 001")
    assert [(b.role, b.on_behalf) for b in found] == [("camat", "a.n.")]


# ----------------------------------------------------------------------------- not blocks


@pytest.mark.parametrize(
    "text",
    [
        "KEPUTUSAN CAMAT KARANGPLOSO\nNOMOR: 188.45/07/421.632/2024",  # a decree's title
        "CAMAT KARANGPLOSO,\nMenimbang : bahwa untuk melaksanakan pelaporan kinerja",  # its opening formula
        "Camat Karangploso, selaku Pengarah\nSiti Aminah",  # a member listed in a decree
        "Camat\nmenetapkan keputusan ini sebagai dasar pelaksanaan.",  # a sentence
        "CAMAT KARANGPLOSO\nBambang Sutrisno",  # an office and a name, with nothing showing a block
        "Camat Karangploso dan Sekretaris Kecamatan menghadiri rapat koordinasi\nNIP. 19700312 199003 1 004",
        "SEKRETARIS KECAMATAN,    CAMAT KARANGPLOSO,\nSiti Aminah    Bambang Sutrisno",  # two columns in one line
        "CAMAT KARANGPLOSO,\nNIP. 19700312 199003 1 004",  # no name
        "Pltx CAMAT KARANGPLOSO,\nBambang Sutrisno\nNIP. 19700312 199003 1 004",  # not a prefix
        "",
    ],
)
def test_what_is_not_a_block(text):
    assert read(text) == []


PIECES = [*"aAnN.,:/ \n\tCcmtPplhT0123456789\u00ad\ufffe", "CAMAT ", "NIP. ", "a.n. ", "Plt. ", "Bambang ", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_any_text_reads_without_error(pieces):
    for found in read("".join(pieces)):
        assert found.role in ROLES and found.nama
