"""Direction, formulas and tolerances (lapkin_audit.domain.capaian)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lapkin_audit.domain import capaian
from lapkin_audit.domain.capaian import HIGHER, LOWER_T_R, LOWER_TWO_T, NAIK, TURUN

D = Decimal


@pytest.mark.parametrize(
    "text,bare,direction",
    [
        ("Semakin tinggi semakin baik", False, NAIK),
        ("semakin rendah, semakin baik", False, TURUN),
        ("Makin kecil makin baik", False, TURUN),
        ("Arah: turun", False, TURUN),
        ("Polaritas: Minimize", False, TURUN),
        ("polaritas positif", False, NAIK),
        ("↓", True, TURUN),
        ("↑", True, NAIK),
        ("Naik", True, NAIK),
        ("Turun", True, TURUN),
        ("Menurun", True, TURUN),
    ],
)
def test_direction_read_from_text(text, bare, direction):
    assert capaian.read_direction(text, bare=bare) == direction


@pytest.mark.parametrize("text", ["turun", "↓", "Angka kemiskinan turun", ""])
def test_a_bare_word_outside_a_direction_column_says_nothing(text):
    assert capaian.read_direction(text) is None


def test_formulas():
    assert capaian.compute(HIGHER, D(80), D(72)) == D(90)
    assert capaian.compute(LOWER_TWO_T, D(5), D(4)) == D(120)
    assert capaian.compute(LOWER_T_R, D(5), D(4)) == D(125)
    assert capaian.compute(HIGHER, D(0), D(4)) is None
    assert capaian.compute(LOWER_T_R, D(5), D(0)) is None
    with pytest.raises(ValueError):
        capaian.compute("r-t", D(1), D(1))


@pytest.mark.parametrize(
    "printed,decimals,computed,agrees",
    [
        ("116,67", 2, D(700) / D(6), True),  # 116.666... rounded
        ("116,66", 2, D(700) / D(6), True),  # truncated: one unit in the last digit
        ("116,65", 2, D(700) / D(6), False),
        ("117", 0, D(700) / D(6), True),
        ("118", 0, D(700) / D(6), True),  # +-1 in the last printed digit
        ("119", 0, D(700) / D(6), False),
        ("101,6", 1, D("101.578947"), True),
        ("110,00", 2, D("101.578947"), False),
    ],
)
def test_printed_capaian_tolerance(printed, decimals, computed, agrees):
    value = D(printed.replace(",", "."))
    assert capaian.agrees(value, decimals, computed) is agrees


def test_tolerance_is_data():
    assert not capaian.agrees(D("118"), 0, D(700) / D(6), units=0)


def test_the_report_uses_one_lower_formula():
    both = (LOWER_TWO_T, LOWER_T_R)
    assert capaian.report_lower_formula([(LOWER_T_R,), (LOWER_T_R,), (LOWER_TWO_T,)]) == LOWER_T_R
    assert capaian.report_lower_formula([(LOWER_TWO_T,), (LOWER_T_R,)]) == LOWER_TWO_T  # a tie
    assert capaian.report_lower_formula([both, (LOWER_T_R,)]) == LOWER_T_R
    assert capaian.report_lower_formula([]) == LOWER_TWO_T


def test_formulas_agreeing():
    assert capaian.formulas_agreeing(D("120.00"), 2, D(5), D(4)) == (LOWER_TWO_T,)
    assert capaian.formulas_agreeing(D("125"), 0, D(5), D(4)) == (LOWER_T_R,)
    assert capaian.formulas_agreeing(D("100"), 0, D(5), D(5)) == (LOWER_TWO_T, LOWER_T_R)


@pytest.mark.parametrize(
    "a,a_factor,b,b_factor,agrees",
    [
        (D(1845320000), 1, D(1845320000), 1, True),
        (D(1845320000), 1, D(1845320001), 1, False),
        (D(1845320), 1000, D(1845320000), 1, True),
        (D(812457), 1000, D(812456750), 1, True),  # rounded to thousands
        (D(812456), 1000, D(812456750), 1, True),  # truncated to thousands
        (D(812458), 1000, D(812456750), 1, False),
        (D(1845), 1_000_000, D(1845320), 1000, True),
    ],
)
def test_money_at_the_coarser_unit(a, a_factor, b, b_factor, agrees):
    assert capaian.money_agrees(a, a_factor, b, b_factor) is agrees
    assert capaian.money_agrees(b, b_factor, a, a_factor) is agrees


@given(
    st.decimals(min_value=1, max_value=10**6, places=2),
    st.decimals(min_value=0, max_value=10**6, places=2),
    st.integers(min_value=0, max_value=3),
)
def test_a_capaian_printed_from_its_figures_always_agrees(target, realisasi, decimals):
    computed = capaian.compute(HIGHER, target, realisasi)
    assert computed is not None
    assert capaian.agrees(capaian.rounded(computed, decimals), decimals, computed)
