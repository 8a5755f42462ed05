"""Numbers as Indonesian documents write them: ``1.234.567,89``, ``Rp1.234.567,-``, ``85,5 %``,
a dash for zero, ``(1.234)`` for a negative figure, and the unit a table states
("(dalam ribuan rupiah)").

The digits themselves are read by Babel's ``parse_decimal`` with the ``id_ID`` locale
(``.`` groups thousands, ``,`` marks decimals), strictly: ``85.5`` is refused rather than
read as 855 or as 85,5, because either guess could turn a correct report into a false
finding. Only the signs around the digits (currency, percent, dash, parentheses) are
recognised here. Money is ``Decimal``, never ``float``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

LOCALE = "id_ID"

# A cell that means zero: a dash of any kind, alone (Indonesian tables write "-" for nil).
ZERO_DASHES = frozenset({"-", "–", "—", "‒", "−", "--"})
CURRENCY_PREFIXES = ("rp.", "rp", "idr")
# "Rp1.234.567,-" and "Rp1.234.567,00": the trailing ",-" means "no sen".
NO_CENTS_SUFFIXES = (",-", ",--", ",—", ",–")
MAX_NUMBER_CHARS = 64  # a figure in a table; longer text is not a number


class NumberError(ValueError):
    """Text that looks like a number but is not one the locale reads (``85.5``, ``1.23.4``)."""

    def __init__(self, text: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(text)
        self.text = text
        self.suggestions = suggestions


@dataclass(frozen=True)
class Number:
    """A figure as printed: its value, how many decimals it shows, and its signs."""

    value: Decimal
    text: str  # as written, stripped
    decimals: int = 0  # digits printed after the decimal comma
    percent: bool = False  # written with "%"
    currency: bool = False  # written with "Rp"
    dash: bool = False  # written as a dash (zero)


@dataclass(frozen=True)
class Scale:
    """The unit a table or a document states for its money figures."""

    factor: int  # rupiah per printed unit: 1, 1000, 1_000_000, 1_000_000_000
    label: str  # "rupiah", "ribuan rupiah", ... (for the finding's message)
    stated: bool = True  # False when no statement was found and rupiah is assumed


RUPIAH = Scale(1, "rupiah", stated=False)

# Words that state the unit of a table's money figures; matched as whole words on
# case-folded text ("(dalam ribuan rupiah)", "Dalam Jutaan Rupiah", "(Rp 000)", "Rp. 000,-").
_SCALE_WORDS = (
    (
        re.compile(r"\bdalam\s+(?:ribuan|ribu)\b|\bribuan\s+rupiah\b|\(\s*rp\.?\s*000\s*\)|\brp\.?\s*000\b(?![.,]?\d)"),
        1000,
    ),
    (re.compile(r"\bdalam\s+(?:jutaan|juta)\b|\bjutaan\s+rupiah\b|\(\s*rp\.?\s*juta\s*\)"), 1_000_000),
    (re.compile(r"\bdalam\s+(?:miliaran|milyaran|miliar|milyar)\b"), 1_000_000_000),
    (re.compile(r"\bdalam\s+rupiah\b"), 1),
)
_SCALE_LABELS = {1: "rupiah", 1000: "ribuan rupiah", 1_000_000: "jutaan rupiah", 1_000_000_000: "miliaran rupiah"}


def parse_number(text: str) -> Number | None:
    """The figure a table cell holds; None when the cell holds no figure at all (words,
    empty). Raises ``NumberError`` for text that is a figure in form but not one this
    locale reads, so the caller can say so instead of guessing."""
    found = _parsed(text)
    if isinstance(found, NumberError):
        raise NumberError(found.text, found.suggestions)
    return found


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> Number | NumberError | None:
    """``parse_number``, remembered: the same cells recur in a report, its sources and its
    copies, and Babel's parsing is the costly part of reading a table."""
    try:
        return _parse(text)
    except NumberError as exc:
        return exc


def _parse(text: str) -> Number | None:
    from babel.numbers import NumberFormatError, parse_decimal

    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw or len(raw) > MAX_NUMBER_CHARS:
        return None
    if raw in ZERO_DASHES:
        return Number(Decimal(0), raw, dash=True)
    core = raw.replace("\u00a0", " ").replace("\u202f", " ")
    negative = False
    if core.startswith("(") and core.endswith(")"):
        negative, core = True, core[1:-1].strip()
    percent = core.endswith("%")
    if percent:
        core = core[:-1].strip()
    currency = False
    lowered = core.casefold()
    for prefix in CURRENCY_PREFIXES:
        if lowered.startswith(prefix):
            currency, core = True, core[len(prefix) :].strip()
            break
    if core.startswith(("-", "−")):
        negative, core = not negative, core[1:].strip()
    for suffix in NO_CENTS_SUFFIXES:
        if core.endswith(suffix):
            core = core[: -len(suffix)]
            break
    core = core.replace(" ", "")  # "1 234" is not a grouping the locale uses, but a thin space is
    if not core or not (core[0].isdigit() and core[-1].isdigit()):
        return None
    if any(not (c.isdigit() or c in ".,") for c in core):
        return None  # "2 desa", "Tw II": words, not a figure
    try:
        value = parse_decimal(core, locale=LOCALE, strict=True)
    except NumberFormatError as exc:
        raise NumberError(raw, tuple(getattr(exc, "suggestions", None) or ())) from None
    decimals = len(core.rsplit(",", 1)[1]) if "," in core else 0
    return Number(-value if negative else value, raw, decimals, percent, currency)


def read_number(text: str) -> Number | None:
    """``parse_number`` that answers None for unreadable figures too (use where the caller
    reports "no figure" the same way for both)."""
    try:
        return parse_number(text)
    except NumberError:
        return None


@functools.lru_cache(maxsize=1024)
def find_scale(text: str) -> Scale | None:
    """The unit a heading, caption or column title states ("(dalam ribuan rupiah)"), or None."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    for pattern, factor in _SCALE_WORDS:
        if pattern.search(folded):
            return Scale(factor, _SCALE_LABELS[factor])
    return None


def in_rupiah(number: Number, scale: Scale) -> Decimal:
    """The figure in rupiah, under the unit its table states."""
    return number.value * scale.factor
