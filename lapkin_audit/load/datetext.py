"""Dates and times as Indonesian offices write them, read strictly.

The dossier format asks for ISO dates (``2025-07-12``, ``2025-07-12T08:00``), but an
office types what it types every day. These forms are unambiguous in Indonesia and
read as the same value:

- dates: ``2025-07-12``, ``12/07/2025``, ``12-07-2025`` (day first, always),
  ``12 Juli 2025``, ``12 Jul 2025`` (Indonesian or English month names);
- times after the date (``T``, a space, a comma or ``pukul``): ``08:00``, ``08.00``
  (the official notation uses a dot), with optional seconds, then optionally a zone:
  ``WIB`` (+07:00), ``WITA`` (+08:00), ``WIT`` (+09:00), ``Z`` or ``+07:00``.

Nothing else is a date: not ``now`` or ``today`` (a report would change with the clock),
not a two-digit year, not year-first with slashes. For a value that is almost right the
caller gets the ISO form to write instead. Month names come from pendulum's locales.

An SOP document (``sop import``) writes its dates the same ways, and a few more that its
tables hold: day, month and year with dots (``20.12.2014``), a month alone (``Juni
2020``) and a dash for none (``parse_document_date``). One reader serves both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache

__all__ = ["Unreadable", "iso_example", "json_schema_pattern", "parse_document_date", "parse_when"]

ZONES = {"wib": 7, "wita": 8, "wit": 9}

_DATE_ISO = r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
_DATE_DMY = r"(?P<d2>\d{1,2})(?P<sep>[/-])(?P<m2>\d{1,2})(?P=sep)(?P<y2>\d{4})"
_DATE_NAMED = r"(?P<d3>\d{1,2})\s+(?P<mname>[^\W\d_]+)\.?\s+(?P<y3>\d{4})"
_TIME = (
    r"(?P<hh>\d{1,2})(?P<tsep>[:.])(?P<mm>\d{2})(?:(?P=tsep)(?P<ss>\d{2})(?:\.(?P<frac>\d{1,6}))?)?"
    r"(?:\s*(?P<zone>wib|wita|wit|z|[+-]\d{2}(?::?\d{2})?))?"
)
_WHEN = re.compile(
    rf"(?:{_DATE_ISO}|{_DATE_DMY}|{_DATE_NAMED})"
    rf"(?:(?:t|\s+|\s*,\s*|\s+(?:pukul|pkl\.?|jam)\s+){_TIME})?",
    re.IGNORECASE,
)
# Almost right: year first with slashes or dots (2025/07/12), or a two-digit year.
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_SHORT_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?!\d)")
_MAX_LENGTH = 64  # the longest form above is about 40 characters


@dataclass(frozen=True)
class Unreadable:
    """Why a text is not a date: ``suggestion`` is the ISO form to write, when one is clear.

    ``short_year`` says the year has two digits, which no one can complete for sure.
    """

    suggestion: str | None = None
    short_year: bool = False


def parse_when(text: str) -> date | datetime | Unreadable:
    """A ``date``, a naive ``datetime`` (office-local) or an aware one; else ``Unreadable``.

    >>> parse_when("12 Juli 2025 08.00 WIB")
    datetime.datetime(2025, 7, 12, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=25200)))
    >>> parse_when("12/07/2025")
    datetime.date(2025, 7, 12)
    >>> parse_when("2025/07/12")
    Unreadable(suggestion='2025-07-12', short_year=False)
    """
    value = " ".join(text.split())
    if len(value) > _MAX_LENGTH:
        return Unreadable()
    match = _WHEN.fullmatch(value)
    if match is None:
        return Unreadable(_suggest(value), short_year=_SHORT_YEAR.fullmatch(value) is not None)
    groups = match.groupdict()
    year = groups["y"] or groups["y2"] or groups["y3"]
    day = groups["d"] or groups["d2"] or groups["d3"]
    if groups["mname"] is not None:
        month = _month_numbers().get(groups["mname"].casefold())
        if month is None:
            return Unreadable()
    else:
        month = int(groups["m"] or groups["m2"])
    try:
        day_value = date(int(year), month, int(day))
    except ValueError:  # 31/02/2025, month 13
        return Unreadable()
    if groups["hh"] is None:
        return day_value
    hour, minute, second = int(groups["hh"]), int(groups["mm"]), int(groups["ss"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return Unreadable()
    micro = int((groups["frac"] or "0").ljust(6, "0"))
    moment = datetime(day_value.year, day_value.month, day_value.day, hour, minute, second, micro)
    zone = _zone(groups["zone"])
    return moment if zone is None else moment.replace(tzinfo=zone)


_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MONTH_ALONE = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})")
_NONE_WRITTEN = ("", "-", "–", "—")


def parse_document_date(text: str) -> date | str | None:
    """A date as an SOP document writes it (``20 Desember 2014``, ``20-12-2014``,
    ``20.12.2014``), a month alone (``Juni 2020`` -> ``"2020-06"``), None for none written
    (``-``, empty); ValueError when it cannot be read (a time of day is not a date here).

    >>> parse_document_date("Juni 2020")
    '2020-06'
    """
    value = " ".join(text.split()).strip(".")
    if value in _NONE_WRITTEN:
        return None
    month = _MONTH_ALONE.fullmatch(value)
    if month and month.group(1).casefold() in _month_numbers():
        return f"{int(month.group(2)):04d}-{_month_numbers()[month.group(1).casefold()]:02d}"
    dotted = _DOTTED.fullmatch(value)
    if dotted:
        value = f"{dotted.group(1)}-{dotted.group(2)}-{dotted.group(3)}"
    found = parse_when(value)
    if isinstance(found, Unreadable) or isinstance(found, datetime):
        raise ValueError(text)
    return found


def iso_example(value: date | datetime) -> str:
    """The ISO form to write: ``2025-07-12`` or ``2025-07-12T08:00`` (with its offset, if any)."""
    if not isinstance(value, datetime):
        return value.isoformat()
    text = value.strftime("%Y-%m-%dT%H:%M") + (f":{value.second:02d}" if value.second else "")
    offset = value.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def _zone(raw: str | None) -> timezone | None:
    if raw is None:
        return None
    lowered = raw.lower()
    if lowered in ZONES:
        return timezone(timedelta(hours=ZONES[lowered]))
    if lowered == "z":
        return UTC
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _suggest(value: str) -> str | None:
    year_first = _YEAR_FIRST.fullmatch(value)
    if year_first:
        try:
            return date(*(int(part) for part in year_first.groups())).isoformat()
        except ValueError:
            return None
    return None


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Month name or abbreviation (Indonesian and English, case-folded) -> month number."""
    from pendulum.locales.locale import Locale

    names: dict[str, int] = {}
    for lang in ("id", "en"):
        locale = Locale.load(lang)
        for width in ("wide", "abbreviated"):
            for number, name in locale.get(f"translations.months.{width}").items():
                names[name.casefold()] = number
    names.setdefault("agu", 8)  # "Agu" is as common as pendulum's "Agt" for Agustus
    names.setdefault("nop", 11)  # "Nopember", the older spelling
    names.setdefault("nopember", 11)
    names.setdefault("pebruari", 2)  # the older spelling of Februari
    names.setdefault("sept", 9)
    return names


def json_schema_pattern() -> str:
    """The same forms as an ECMA-262 regular expression, for the JSON Schema of the format.

    Editors then refuse what the checker refuses, with one exception a pattern cannot
    see: a day that does not exist in its month (31/02/2025), which the checker reports.
    """

    def ci(word: str) -> str:  # JSON Schema patterns have no flags: spell each case out
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)

    day, month = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
    iso = r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    dmy = rf"{day}/{month}/\d{{4}}|{day}-{month}-\d{{4}}"
    names = "|".join(ci(name) for name in sorted(_month_numbers(), key=lambda n: (-len(n), n)))
    named = rf"{day}\s+(?:{names})\.?\s+\d{{4}}"
    hour, minute = r"(?:[01]?\d|2[0-3])", r"[0-5]\d"
    clock = rf"{hour}:{minute}(?::{minute}(?:\.\d{{1,6}})?)?|{hour}\.{minute}(?:\.{minute}(?:\.\d{{1,6}})?)?"
    zone = rf"(?:\s*(?:{ci('wita')}|{ci('wib')}|{ci('wit')}|[zZ]|[+-]\d{{2}}(?::?\d{{2}})?))?"
    joint = rf"(?:[tT]|\s+|\s*,\s*|\s+(?:{ci('pukul')}|{ci('pkl')}\.?|{ci('jam')})\s+)"
    return rf"^\s*(?:{iso}|{dmy}|{named})(?:{joint}(?:{clock}){zone})?\s*$"
