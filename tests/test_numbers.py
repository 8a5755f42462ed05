"""Numbers as Indonesian documents write them (lapkin_audit.domain.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lapkin_audit.domain.numbers import NumberError, find_scale, in_rupiah, parse_number, read_number


@pytest.mark.parametrize(
    "text,value,decimals",
    [
        ("1.234.567,89", "1234567.89", 2),
        ("Rp1.234.567", "1234567", 0),
        ("Rp 1.234.567,-", "1234567", 0),
        ("Rp. 1.845.320.000,00", "1845320000.00", 2),
        ("85,5 %", "85.5", 1),
        ("85,5%", "85.5", 1),
        ("101,58", "101.58", 2),
        ("(570.609.750,00)", "-570609750.00", 2),
        ("-12", "-12", 0),
        ("9", "9", 0),
        ("1.102.450.000,0 0", "1102450000.00", 2),  # a figure wrapped in a narrow column
        ("\u00a012.500\u00a0", "12500", 0),
    ],
)
def test_figures_as_written(text, value, decimals):
    number = parse_number(text)
    assert number is not None
    assert number.value == Decimal(value)
    assert number.decimals == decimals
    assert isinstance(number.value, Decimal)


@pytest.mark.parametrize("text", ["-", "–", "—"])
def test_a_dash_is_zero(text):
    number = parse_number(text)
    assert number is not None and number.value == 0 and number.dash


def test_signs_are_kept():
    assert parse_number("85,5 %").percent  # type: ignore[union-attr]
    assert parse_number("Rp1.000").currency  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["", "  ", "desa", "TW II", "2 desa", "Rata-rata", "Jumlah"])
def test_words_are_no_figure(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["85.5", "12.34.5", "1,234,567"])
def test_english_or_broken_grouping_is_refused_not_guessed(text):
    with pytest.raises(NumberError):
        parse_number(text)
    assert read_number(text) is None


@pytest.mark.parametrize(
    "text,factor",
    [
        ("(dalam ribuan rupiah)", 1000),
        ("Dalam Ribuan Rupiah", 1000),
        ("Tabel 3.2 Realisasi Anggaran (Rp 000)", 1000),
        ("(dalam jutaan rupiah)", 1_000_000),
        ("dalam rupiah", 1),
    ],
)
def test_unit_statements(text, factor):
    scale = find_scale(text)
    assert scale is not None and scale.factor == factor and scale.stated


def test_no_unit_statement():
    assert find_scale("Realisasi Anggaran Tahun 2024") is None
    assert find_scale("Rp 1.000.000") is None


def test_in_rupiah():
    number = parse_number("1.845.320")
    scale = find_scale("(dalam ribuan rupiah)")
    assert number is not None and scale is not None
    assert in_rupiah(number, scale) == Decimal(1845320000)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_any_figure_written_the_indonesian_way_reads_back(value):
    whole, _, frac = f"{abs(value):.2f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join([whole, *groups]) + "," + frac
    text = f"({text})" if value < 0 else text
    number = parse_number(text)
    assert number is not None and number.value == value.quantize(Decimal("0.01"))
