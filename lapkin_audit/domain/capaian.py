"""Capaian: an indicator's direction, the formulas pemda use, and when printed figures agree.

Higher is better: capaian = realisasi / target x 100. Lower is better: either
(2 x target - realisasi) / target x 100 or target / realisasi x 100 (PermenPAN-RB 53/2014
leaves the choice to the pemda; one report uses one of them, content.md). A printed
capaian agrees with the computed one when it equals it rounded to the printed decimals,
give or take one unit in the last printed digit (a spreadsheet that truncates instead of
rounding is not wrong). Money agrees at the coarser of two units.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

NAIK = "naik"  # higher is better
TURUN = "turun"  # lower is better
DIRECTIONS = (NAIK, TURUN)

# Formula ids, as data and messages name them.
HIGHER = "r/t"
LOWER_TWO_T = "(2t-r)/t"
LOWER_T_R = "t/r"
FORMULAS: Mapping[str, tuple[str, ...]] = {NAIK: (HIGHER,), TURUN: (LOWER_TWO_T, LOWER_T_R)}
ALL_FORMULAS = (HIGHER, LOWER_TWO_T, LOWER_T_R)
HUNDRED = Decimal(100)

# How documents state a direction, on case-folded text with spacing collapsed. Checked in
# this order; the first that matches decides. A bare "naik"/"turun" or an arrow counts only
# in a cell or line that is about direction (``read_direction(..., bare=True)``).
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:semakin|makin)\s+(?:rendah|kecil|sedikit)\s*,?\s*(?:semakin|makin)\s+baik\b"), TURUN),
    (re.compile(r"\b(?:semakin|makin)\s+(?:tinggi|besar|banyak)\s*,?\s*(?:semakin|makin)\s+baik\b"), NAIK),
    (re.compile(r"\b(?:arah|polaritas)\s*[:=]?\s*(?:turun|menurun|negatif|minimi[sz]e)\b"), TURUN),
    (re.compile(r"\b(?:arah|polaritas)\s*[:=]?\s*(?:naik|meningkat|positif|maximi[sz]e)\b"), NAIK),
)
_BARE: Mapping[str, str] = {
    "turun": TURUN,
    "menurun": TURUN,
    "↓": TURUN,
    "⬇": TURUN,
    "▼": TURUN,
    "negatif": TURUN,
    "minimize": TURUN,
    "naik": NAIK,
    "meningkat": NAIK,
    "↑": NAIK,
    "⬆": NAIK,
    "▲": NAIK,
    "positif": NAIK,
    "maximize": NAIK,
}


def read_direction(text: str, bare: bool = False) -> str | None:
    """``naik``, ``turun`` or None, from text that states a direction. With ``bare`` (a
    cell of a column headed Arah or Polaritas) a word or arrow alone says it too."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    for pattern, direction in _PHRASES:
        if pattern.search(folded):
            return direction
    if bare:
        token = folded.strip(" .:;()[]")
        if token in _BARE:
            return _BARE[token]
        arrows = {_BARE[c] for c in folded if c in "↓⬇▼↑⬆▲"}
        if len(arrows) == 1:
            return arrows.pop()
    return None


def compute(formula: str, target: Decimal, realisasi: Decimal) -> Decimal | None:
    """Capaian in percent under ``formula``; None where it divides by zero."""
    try:
        if formula == HIGHER:
            return None if target == 0 else realisasi / target * HUNDRED
        if formula == LOWER_TWO_T:
            return None if target == 0 else (2 * target - realisasi) / target * HUNDRED
        if formula == LOWER_T_R:
            return None if realisasi == 0 else target / realisasi * HUNDRED
    except InvalidOperation:
        return None
    raise ValueError(f"unknown formula {formula!r}")


def quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def rounded(value: Decimal, decimals: int) -> Decimal:
    """Half up, as people and spreadsheets round."""
    return value.quantize(quantum(decimals), rounding=ROUND_HALF_UP)


def agrees(printed: Decimal, decimals: int, computed: Decimal, units: int = 1) -> bool:
    """A printed percentage agrees with the computed one (content.md, tolerances): equal to it
    rounded to the printed decimals, give or take ``units`` in the last printed digit."""
    return abs(printed - rounded(computed, decimals)) <= units * quantum(decimals)


def formulas_agreeing(
    printed: Decimal, decimals: int, target: Decimal, realisasi: Decimal, units: int = 1
) -> tuple[str, ...]:
    """The lower-is-better formulas under which the printed capaian is right."""
    found = []
    for formula in FORMULAS[TURUN]:
        value = compute(formula, target, realisasi)
        if value is not None and agrees(printed, decimals, value, units):
            found.append(formula)
    return tuple(found)


def report_lower_formula(agreeing: Iterable[Sequence[str]]) -> str:
    """The one lower-is-better formula a report uses: the one that most of its lower-is-better
    capaian agree with (an indicator where both give the same figure counts for both); a tie
    goes to (2t-r)/t, the first in the regulation's order. Indicators that disagree with it
    are C004."""
    counts = dict.fromkeys(FORMULAS[TURUN], 0)
    for found in agreeing:
        for formula in found:
            counts[formula] += 1
    return max(FORMULAS[TURUN], key=lambda formula: (counts[formula], formula == LOWER_TWO_T))


def money_agrees(a: Decimal, a_factor: int, b: Decimal, b_factor: int, decimals: int = 0) -> bool:
    """Two money figures, each as printed with its unit (rupiah per printed unit), agree
    when the finer one, rounded half up or truncated to the coarser unit, equals the
    coarser one (content.md). ``decimals``: the digits the coarser figure prints."""
    if a_factor == b_factor:
        return a == b
    coarse, coarse_factor, fine, fine_factor = (
        (a, a_factor, b, b_factor) if a_factor > b_factor else (b, b_factor, a, a_factor)
    )
    in_coarse = fine * fine_factor / coarse_factor
    step = quantum(decimals)
    return coarse in (in_coarse.quantize(step, ROUND_HALF_UP), in_coarse.quantize(step, ROUND_DOWN))


def percent_of(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole`` (realisasi anggaran of its pagu)."""
    return None if whole == 0 else part / whole * HUNDRED
