"""Mutu Baku: Waktu as real SOP documents write it, read into a structured value.

Forms read (case and spacing free):

- ``1 jam``, ``15 Menit``, ``2 hari 3 jam 15 menit`` (parts from the largest unit down);
- ``1 hari kerja`` (working time, like a bare ``hari``), ``3 hari kalender``,
  ``1 x 24 jam`` (calendar time: 24 elapsed hours);
- weeks and months: ``1 minggu``/``1 pekan`` (a working week of 5 working days),
  ``1 bulan`` (calendar time, 30 x 24 jam: the working days of a month vary);
- ranges ``5-10 menit``, ``30 menit - 3 jam``, ``1 s/d 2 hari``: the larger end is the limit;
- approximations ``± 1 jam``, ``+/- 1 jam``, ``kurang lebih 1 jam``, ``maks. 1 jam``:
  the number is the limit;
- per-item rates ``3 menit/berkas``, ``5 menit per pemohon``, ``10 menit tiap berkas``.

Anything else (a bare number, an unknown unit) is a ``ValueError`` naming what could not
be read. The reader scans left to right with anchored, bounded patterns: no backtracking,
linear in the (bounded) length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_TEXT", "Duration", "Waktu", "parse_waktu"]

MAX_TEXT = 120  # characters; real Waktu cells are a few words
CALENDAR_DAY = 24 * 60

# unit word -> (canonical unit, kind): kind is "kerja" (working) or "kalender"
_UNIT_WORDS = {
    "menit": "menit",
    "mnt": "menit",
    "jam": "jam",
    "hari": "hari",
    "hr": "hari",
    "minggu": "minggu",
    "pekan": "minggu",
    "bulan": "bulan",
    "bln": "bulan",
}
_ORDER = ("bulan", "minggu", "hari", "jam", "menit")

_SPACE = re.compile(r"\s*")
_APPROX = re.compile(r"(±|\+/-|\+-|kurang\s+lebih|maksimal|maksimum|maks\.?|paling\s+lama|max\.?)\s*", re.IGNORECASE)
_NUMBER = re.compile(r"(\d{1,4})(?:[.,](\d{1,2}))?")
_TIMES_24 = re.compile(r"\s*[x×]\s*24\s*jam\b", re.IGNORECASE)
_UNIT = re.compile(r"\s*([a-z]{2,7})\.?", re.IGNORECASE)
_KIND = re.compile(r"\s+(kerja|kalender)\b", re.IGNORECASE)
_RANGE = re.compile(r"\s*(-|–|s/d|s\.d\.?|sampai(?:\s+dengan)?|hingga)\s*", re.IGNORECASE)
_RATE = re.compile(r"\s*(?:/|per\s+|tiap\s+|setiap\s+)\s*([A-Za-z][A-Za-z ]{0,30}?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Duration:
    """A length of time: working days, working-or-calendar minutes, and its kind."""

    hari: float  # days of the kind (working days for "kerja", 24-hour days for "kalender")
    menit: int  # minutes beside the days
    kalender: bool  # True: elapsed (calendar) time; False: working time

    def minutes(self, minutes_per_day: int) -> int:
        day = CALENDAR_DAY if self.kalender else minutes_per_day
        return round(self.hari * day) + self.menit


@dataclass(frozen=True)
class Waktu:
    text: str
    maksimum: Duration  # the limit (per item when ``per`` is set)
    minimum: Duration | None = None  # a range's lower end
    per: str | None = None  # "berkas": the time is per item
    approximate: bool = False  # written with ± or similar

    @property
    def kalender(self) -> bool:
        return self.maksimum.kalender


def parse_waktu(text: str) -> Waktu:
    """Read a Waktu text; ValueError with the reason when it cannot be read."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"empty or non-text time {text!r}; expected e.g. '1 jam', '15 menit', '1 hari kerja'")
    if len(text) > MAX_TEXT:
        raise ValueError(f"time text longer than {MAX_TEXT} characters")
    body = " ".join(text.split())
    per = None
    rate = _RATE.search(body) if ("/" in body or re.search(r"\b(per|tiap|setiap)\b", body, re.IGNORECASE)) else None
    if rate is not None and rate.start() > 0:
        per = rate.group(1).strip().lower()
        body = body[: rate.start()]
    pos = 0
    approx = _APPROX.match(body, pos)
    if approx:
        pos = approx.end()
    first, pos, pending = _amount(body, pos, text)
    minimum = None
    rng = _RANGE.match(body, pos)
    if rng and rng.end() < len(body):
        second, pos, pending2 = _amount(body, rng.end(), text)
        if pending is not None:  # "5-10 menit": the first number takes the second's unit
            if pending2 is not None:
                raise ValueError(f"cannot read time {text!r}: no unit")
            first = _scale(pending, second.kalender, _last_unit_of(body, text))
        elif pending2 is not None:
            raise ValueError(f"cannot read time {text!r}: {body[rng.end() :].strip()!r} has no unit")
        minimum, maximum = first, second
    else:
        if pending is not None:
            raise ValueError(f"unknown time unit in {text!r}: a number without a unit")
        maximum = first
    if body[pos:].strip():
        raise ValueError(f"cannot read time {text!r} at {body[pos:].strip()!r}")
    if minimum is not None and minimum.kalender != maximum.kalender:
        raise ValueError(f"time {text!r} mixes working and calendar time")
    return Waktu(text=text, maksimum=maximum, minimum=minimum, per=per, approximate=approx is not None)


def _number(match: re.Match[str]) -> float:
    whole, fraction = match.group(1), match.group(2)
    return float(f"{whole}.{fraction}") if fraction else float(whole)


def _amount(body: str, pos: int, text: str) -> tuple[Duration, int, float | None]:
    """Parts ``N unit [N unit ...]`` from ``pos``; a number alone comes back as pending."""
    hari, menit, kalender, last = 0.0, 0, None, -1
    seen_any = False
    while True:
        number = _NUMBER.match(body, _SPACE.match(body, pos).end())  # type: ignore[union-attr]
        if number is None:
            break
        value = _number(number)
        after = number.end()
        times = _TIMES_24.match(body, after)
        if times is not None:
            unit, kind_cal, after = "hari", True, times.end()
        else:
            unit_match = _UNIT.match(body, after)
            word = unit_match.group(1).lower() if unit_match else ""
            if word not in _UNIT_WORDS:
                if not seen_any:
                    if word and word not in ("s", "sd", "sampai", "hingga", "x"):
                        raise ValueError(f"unknown time unit {word!r} in {text!r}")
                    return Duration(0, 0, False), after, value
                break
            assert unit_match is not None
            unit, after = _UNIT_WORDS[word], unit_match.end()
            kind_match = _KIND.match(body, after)
            if kind_match:
                kind_cal, after = kind_match.group(1).lower() == "kalender", kind_match.end()
            else:
                kind_cal = unit == "bulan"
        rank = _ORDER.index(unit)
        if rank <= last:
            raise ValueError(f"time {text!r}: give each unit once, from the largest down")
        if kalender is not None and unit in ("hari", "minggu", "bulan") and kind_cal != kalender:
            raise ValueError(f"time {text!r} mixes working and calendar time")
        if unit in ("hari", "minggu", "bulan"):
            kalender = kind_cal
        last, pos, seen_any = rank, after, True
        if unit == "menit":
            menit += round(value)
        elif unit == "jam":
            menit += round(value * 60)
        elif unit == "hari":
            hari += value
        elif unit == "minggu":
            hari += value * (7 if kind_cal else 5)
        else:  # bulan
            hari += value * 30
            kalender = True
    if not seen_any:
        rest = body[pos:].strip()
        raise ValueError(f"cannot read time {text!r}" + (f" at {rest!r}" if rest else ""))
    return Duration(hari, menit, bool(kalender)), pos, None


def _last_unit_of(body: str, text: str) -> str:
    units = [m.group(1).lower() for m in re.finditer(r"([A-Za-z]{2,7})", body) if m.group(1).lower() in _UNIT_WORDS]
    if not units:
        raise ValueError(f"unknown time unit in {text!r}")
    return _UNIT_WORDS[units[-1]]


def _scale(value: float, kalender: bool, unit: str) -> Duration:
    if unit == "menit":
        return Duration(0, round(value), kalender)
    if unit == "jam":
        return Duration(0, round(value * 60), kalender)
    if unit == "hari":
        return Duration(value, 0, kalender)
    if unit == "minggu":
        return Duration(value * (7 if kalender else 5), 0, kalender)
    return Duration(value * 30, 0, True)
