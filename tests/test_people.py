"""NIPs, names, and whether two mentions are one person."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lapkin_audit.domain.people import (
    PNS,
    PPPK,
    NipInfo,
    People,
    format_nip,
    nip_kind,
    nip_problem,
    normalize_name,
    normalize_nip,
    out_of_service,
    parse_nip,
    retirement,
    same_person,
)

# --- NIP -------------------------------------------------------------------------------

VALID_NIPS = [
    # value, 18 digits, birth date, TMT (year, month), sex
    ("19610219 198103 1 007", "196102191981031007", date(1961, 2, 19), (1981, 3), "L"),
    ("196102191981031007", "196102191981031007", date(1961, 2, 19), (1981, 3), "L"),
    (196102191981031007, "196102191981031007", date(1961, 2, 19), (1981, 3), "L"),
    ("  19610219  198103 1007 ", "196102191981031007", date(1961, 2, 19), (1981, 3), "L"),
    ("19610219\u00a0198103\t1 007", "196102191981031007", date(1961, 2, 19), (1981, 3), "L"),
    ("19700312 199003 1 004", "197003121990031004", date(1970, 3, 12), (1990, 3), "L"),
    ("19790825 200501 2 011", "197908252005012011", date(1979, 8, 25), (2005, 1), "P"),
    ("19900102 201503 2 006", "199001022015032006", date(1990, 1, 2), (2015, 3), "P"),
    ("19850417 201001 1 019", "198504172010011019", date(1985, 4, 17), (2010, 1), "L"),
    ("19820605 200801 1 012", "198206052008011012", date(1982, 6, 5), (2008, 1), "L"),
    ("19800229 200012 2 001", "198002292000122001", date(1980, 2, 29), (2000, 12), "P"),
    # TMT CPNS is the 1st of its month: born on the 1st, appointed on the 18th birthday.
    ("19900501 200805 1 001", "199005012008051001", date(1990, 5, 1), (2008, 5), "L"),
    ("19851201 200312 1 001", "198512012003121001", date(1985, 12, 1), (2003, 12), "L"),
    # Born 29 February: the 18th birthday of a common year is 1 March.
    ("19880229 200603 2 001", "198802292006032001", date(1988, 2, 29), (2006, 3), "P"),
    # Dots, hyphens and a label are how the number is printed, not another number.
    ("19720815.199303.1.007", "197208151993031007", date(1972, 8, 15), (1993, 3), "L"),
    ("19720815-199303-1-007", "197208151993031007", date(1972, 8, 15), (1993, 3), "L"),
    ("NIP. 19720815 199303 1 007", "197208151993031007", date(1972, 8, 15), (1993, 3), "L"),
    ("NIP: 19720815199303 1 007", "197208151993031007", date(1972, 8, 15), (1993, 3), "L"),
    ("nip 19720815 199303 1 007", "197208151993031007", date(1972, 8, 15), (1993, 3), "L"),
]


@pytest.mark.parametrize(("value", "digits", "born", "tmt", "sex"), VALID_NIPS)
def test_valid_nip(value, digits, born, tmt, sex):
    assert normalize_nip(value) == digits
    assert nip_problem(value) is None
    assert nip_kind(digits) == PNS
    assert parse_nip(value) == NipInfo(digits, PNS, born, tmt[0], tmt[1], sex)


VALID_PPPK = [
    # value, 18 digits, birth date, year of appointment, PPPK code (digits 13-14), sex
    ("19950314 202321 2 001", "199503142023212001", date(1995, 3, 14), 2023, "21", "P"),
    ("19880607 202221 1 004", "198806072022211004", date(1988, 6, 7), 2022, "21", "L"),
    ("NI PPPK 19900102 201923 1 010", "199001022019231010", date(1990, 1, 2), 2019, "23", "L"),
    ("19990909.202429.2.123", "199909092024292123", date(1999, 9, 9), 2024, "29", "P"),
    # The code is opaque: any two digits from 21 are a PPPK's, not a contract count.
    ("19900102 202435 1 010", "199001022024351010", date(1990, 1, 2), 2024, "35", "L"),
    # 20 in the year of appointment, whatever the month: the youngest allowed (PP 49/2018 Pasal 16).
    ("20031231 202321 2 001", "200312312023212001", date(2003, 12, 31), 2023, "21", "P"),
]


@pytest.mark.parametrize(("value", "digits", "born", "year", "code", "sex"), VALID_PPPK)
def test_valid_ni_pppk(value, digits, born, year, code, sex):
    # Digits 13-14 read 21 and up: the PPPK code, never a TMT month.
    assert normalize_nip(value) == digits
    assert nip_problem(value) is None
    assert nip_kind(digits) == PPPK
    assert parse_nip(value) == NipInfo(digits, PPPK, born, year, None, sex, code)


def test_the_tmt_of_a_pppk_is_the_first_day_its_year_allows():
    info = parse_nip("19950314 202321 2 001")
    assert info is not None and info.tmt == date(2023, 1, 1)


RETIREMENTS = [
    # born, BUP, first day out of service: the 1st of the month after the birthday
    (date(1965, 1, 1), 58, date(2023, 2, 1)),
    (date(1965, 3, 15), 58, date(2023, 4, 1)),
    (date(1966, 12, 31), 58, date(2025, 1, 1)),  # December: into the next year
    (date(1966, 12, 1), 58, date(2025, 1, 1)),
    (date(1964, 2, 29), 60, date(2024, 3, 1)),  # a leap year's birthday
    (date(1960, 2, 29), 58, date(2018, 4, 1)),  # a common year: the birthday is 1 March
]


@pytest.mark.parametrize(("born", "age", "out"), RETIREMENTS)
def test_retirement_is_the_first_of_the_month_after_the_birthday(born, age, out):
    assert retirement(born, age) == out


SERVICE = [
    # NIP, the day of the act, BUP, problem
    ("19650101 199003 1 003", date(2024, 1, 8), 58, "retired"),  # retired since 1 Feb 2023
    ("19650101 199003 1 003", date(2023, 1, 31), 58, None),  # the last day in service
    ("19650101 199003 1 003", date(2023, 2, 1), 58, "retired"),
    ("19650101 199003 1 003", date(2024, 1, 8), 60, None),  # a BUP of 60: in service until 2025
    ("19650101 199003 1 003", date(2024, 1, 8), None, None),  # no BUP known: only the TMT counts
    ("19900102 201503 2 006", date(2015, 2, 28), None, "before_tmt"),  # TMT 1 March 2015
    ("19900102 201503 2 006", date(2015, 3, 1), None, None),
    ("19950314 202321 2 001", date(2022, 12, 31), 58, "before_tmt"),  # a PPPK of 2023
    ("19950314 202321 2 001", date(2023, 1, 1), 58, None),
]


@pytest.mark.parametrize(("nip", "on", "age", "problem"), SERVICE)
def test_out_of_service(nip, on, age, problem):
    info = parse_nip(nip)
    assert info is not None
    assert out_of_service(info, on, age) == problem


def test_format_nip_prints_the_groups():
    assert format_nip("197208151993031007") == "19720815 199303 1 007"


INVALID_NIPS = [
    ("19610219 198103 1 00", "format"),  # 17 digits
    ("19610219 198103 1 0077", "format"),  # 19 digits
    (19610219198103100, "format"),  # int of 17 digits
    ("19610219 198103 1 OO7", "format"),  # letters O for zeros
    ("NIP. 19610219 198103 1 00", "format"),  # a label does not make 17 digits 18
    ("19610219/198103/1/007", "format"),  # slashes are not how a NIP is written
    ("NIK 19610219 198103 1 007", "format"),  # another number's label
    ("", "format"),
    (None, "format"),
    (True, "format"),  # bool is an int subclass, still not a NIP
    (1.5, "format"),
    (1.96102191981031e17, "format"),  # a float, even one of the right size
    (["196102191981031007"], "format"),
    ("\u0661" * 18, "format"),  # Arabic-Indic digits: str.isdigit() would say yes
    ("19610231 198103 1 007", "birth_date"),  # 31 February
    ("19611319 198103 1 007", "birth_date"),  # birth month 13
    ("19610200 198103 1 007", "birth_date"),  # day 00
    ("18990101 192001 1 001", "birth_date"),  # born before 1900
    ("19900501 198905 1 001", "birth_date"),  # born after the appointment
    ("19610219 198100 1 007", "tmt_month"),  # TMT month 00
    ("19610219 198113 1 007", "tmt_month"),  # TMT month 13
    ("19610219 185003 1 007", "tmt_month"),  # TMT year before 1900
    ("19900501 200712 1 001", "tmt_age"),  # appointed at 17 years 7 months
    ("19900501 200804 1 001", "tmt_age"),  # one month short of 18
    ("19851220 200312 1 001", "tmt_age"),  # TMT 1 Dec 2003: 17 years 11 months
    ("19880229 200602 2 001", "tmt_age"),  # TMT 1 Feb 2006, the birthday is 1 March
    ("19610219 198120 1 007", "tmt_month"),  # 20: neither a month nor a PPPK code (21 and up)
    ("19610219 198115 1 007", "tmt_month"),  # 15: neither
    ("19610219 198103 1 000", "serial"),  # serials start at 001
    ("19950314 202321 2 000", "serial"),
    # NI PPPK: what the number holds is checked too.
    ("19950231 202321 2 001", "birth_date"),  # 31 February
    ("20250314 202321 2 001", "birth_date"),  # born after the contract year
    ("19700314 201521 2 001", "pppk_year"),  # before PP 49/2018: no PPPK yet
    ("20040101 202321 2 001", "pppk_age"),  # 19 all through 2023: under 20 at appointment
    ("20050614 202321 1 002", "pppk_age"),
    ("19950314 202321 3 001", "sex"),
    ("19610219 198103 3 007", "sex"),
    ("19610219 198103 0 007", "sex"),
    # The first problem in the documented order wins.
    ("19610231 198113 3 007", "birth_date"),
    ("19610219 197513 3 007", "tmt_month"),
    ("19900501 200712 0 001", "tmt_age"),
    ("20040101 202321 3 000", "pppk_age"),
    ("19610219 198103 3 000", "sex"),
]


@pytest.mark.parametrize(("value", "problem"), INVALID_NIPS)
def test_invalid_nip(value, problem):
    assert nip_problem(value) == problem
    assert parse_nip(value) is None
    if problem == "format":
        assert normalize_nip(value) is None
    else:  # well-formed digits: still comparable, even when impossible
        assert normalize_nip(value) is not None


# --- Names -----------------------------------------------------------------------------

NORMALIZED = [
    ("Drs. Bambang Sutrisno, M.Si", "bambang sutrisno"),
    ("SUROTO, SH, MM", "suroto"),
    ("Suroto, S.H., M.M.", "suroto"),
    ("Hartono", "hartono"),  # "H" (haji) is a title only as a whole token
    ("H. Hartono, S.E.", "hartono"),
    ("Irawan Setiadi", "irawan setiadi"),  # neither "Ir" nor "Se" is eaten
    ("M.Ali, S.H.", "m ali"),  # an abbreviated first name is not a degree
    ("Tan Si Liong", "tan si liong"),
    ("S.H., M.M.", ""),
    ("Drs.", ""),
    ("", ""),
]


@pytest.mark.parametrize(("name", "expected"), NORMALIZED)
def test_normalize_name(name, expected):
    assert normalize_name(name) == expected


SAME_NAMES = [
    ("Drs. Bambang Sutrisno, M.Si", "Bambang Sutrisno"),
    ("SUROTO, SH, MM", "Suroto, S.H., M.M."),
    ("SUROTO, SH, MM", "Suroto"),
    ("Dr. Ir. H. Hartono, M.T.", "HARTONO"),
    ("Hj. Siti Aminah, S.Sos", "Siti Aminah"),
    ("Prof. Dr. Setiawan, S.E., M.M.", "setiawan"),
    ("dr. Rina Wulandari, M.Kes", "Rina Wulandari"),
    ("drg. Rina Wulandari, Sp.KG", "RINA WULANDARI"),
    ("Ahmad Fauzi, S.Kom", "AHMAD FAUZI S.KOM"),
    ("Dewi Lestari, A.Md.Kom", "Dewi Lestari Amd"),
    ("Agus Salim, S.IP, M.AP", "Agus  Salim"),
    ("Yusuf Mansur, Lc, MA", "Yusuf Mansur"),
    ("Ir.Joko Widodo,MBA", "Joko Widodo"),
    ("Budi Santoso, S.T., M.Eng", "Budi Santoso ST MT"),
    ("Nur'aini, S.Pd.I", "Nuraini"),
    ("Muhammad Sidik, M.Ec.Dev", "Muhammad Sidik, Ph.D"),
    ("Drs.Bambang Sutrisno,M.Si.", "bambang sutrisno"),
    ("H Hartono SE", "Hartono"),
    ("Siti Sepriyani, S.Psi", "Siti Sepriyani"),
    ("K.H. Ahmad Dahlan, S.Ag, M.Ag", "Ahmad Dahlan"),
    ("Rudi Hermawan, S.Hut., S.P., M.H.", "Rudi Hermawan"),
    ("Eko Prasetyo, S.STP, M.Si", "Eko Prasetyo"),
    ("Lina Marlina, S.Kep., Ns", "Lina Marlina"),
    ("Al-Amin Nasution, S.Pd, M.Pd", "Al Amin Nasution"),
]


@pytest.mark.parametrize(("a", "b"), SAME_NAMES)
def test_names_that_match(a, b):
    assert normalize_name(a) == normalize_name(b) != ""
    assert same_person(a, None, b, None)


DIFFERENT_NAMES = [
    ("Bambang Sutrisno", "Bambang Sutrisna"),
    ("Drs. Hartono", "Drs. Hartanto"),
    ("Dra. Siti", "Siti Aminah"),
    ("Hartono", "Artono"),  # the H of Hartono is part of the name
    ("S.H., M.M.", "S.H., M.M."),  # titles only: no name to compare
    ("Drs.", "Dr."),
    ("", ""),
    (None, "Suroto"),
    (None, None),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT_NAMES)
def test_names_that_do_not_match(a, b):
    assert not same_person(a, None, b, None)


# --- same_person -----------------------------------------------------------------------

SUROTO = "19610219 198103 1 007"
OTHER = "19700312 199003 1 004"

SAME_PERSON = [
    # Both NIPs present: the NIP decides, whatever the names say.
    ("SUROTO, SH, MM", SUROTO, "Drs. Suroto Wibowo", 196102191981031007, True),
    ("Suroto", SUROTO, "Suroto", OTHER, False),
    (None, SUROTO, None, "196102191981031007", True),
    ("Suroto", SUROTO, "Bambang", SUROTO, True),
    # An impossible but well-formed NIP still identifies its holder (P005 reports it).
    ("A", "19610231 198103 1 007", "B", "196102311981031007", True),
    # One side without a usable NIP: the names decide.
    ("SUROTO, SH, MM", SUROTO, "Suroto, S.H., M.M.", None, True),
    ("SUROTO, SH, MM", None, "Suroto", OTHER, True),
    ("Suroto", "1961", "Suroto", SUROTO, True),  # a malformed NIP counts as none
    ("Suroto", SUROTO, "Bambang", None, False),
    ("Suroto", None, None, SUROTO, False),
    ("S.H.", None, "S.H.", None, False),
]


@pytest.mark.parametrize(("name_a", "nip_a", "name_b", "nip_b", "expected"), SAME_PERSON)
def test_same_person(name_a, nip_a, name_b, nip_b, expected):
    assert same_person(name_a, nip_a, name_b, nip_b) is expected
    assert same_person(name_b, nip_b, name_a, nip_a) is expected  # symmetric


# --- many people at once ---------------------------------------------------------------

_NAMES = st.sampled_from(
    ["Drs. Bambang Sutrisno, M.Si", "Bambang Sutrisno", "Siti Aminah, S.Sos", "SITI AMINAH", "", None]
)
_NIPS = st.sampled_from(["19700312 199003 1 004", "197003121990031004", "19790825 200501 2 011", "", None, 12])
_PEOPLE = st.lists(st.tuples(_NAMES, _NIPS), max_size=6)


@settings(max_examples=300, deadline=None)
@given(people=_PEOPLE, name=_NAMES, nip=_NIPS)
def test_people_has_is_any_same_person(people, name, nip):
    # T005 and P006 look people up in a set instead of comparing every pair: same answers.
    expected = any(same_person(name, nip, other_name, other_nip) for other_name, other_nip in people)
    assert People(people).has(name, nip) == expected


def test_a_bad_nip_on_an_anchor_is_reported_once_at_the_anchor_naming_its_uses(tmp_path):
    import shutil

    from lapkin_audit import api
    from tests.helpers import FIXTURES

    dossier = shutil.copytree(FIXTURES / "patuh", tmp_path / "d")
    manifest = dossier / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8")
    camat = '{nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004"'
    text = text.replace(f"  camat:      {camat}}}", f"  camat:      &camat {camat.replace('199003', '199013')}}}")
    for tanggal in ("2024-01-08", "2024-07-02T15:00:00+07:00"):
        text = text.replace(
            f"      - {{peran: camat, {camat[1:]}, tanggal: {tanggal}}}",
            f"      - {{<<: *camat, peran: camat, tanggal: {tanggal}}}",
        )
    assert text.count("*camat") == 2
    manifest.write_text(text, encoding="utf-8")
    result = api.audit(dossier, api.Settings(lang="en", no_cache=True))
    [p005] = [f for f in result.findings if f.rule == "P005"]
    assert p005.line == 9 and p005.field == "pejabat.camat.nip"
    assert "digits 13-14 ('13')" in p005.message
    # the uses named in a person's words (the report names fields so), not as paths
    assert (
        "used again (through YAML aliases) at NIP of tanda tangan 1 in dokumen 1, NIP of tanda tangan 1 in dokumen 11"
        in p005.message
    )
