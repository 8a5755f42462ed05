"""Office calendar files (``rules/kalender/*.yaml``) -> ``OfficeCalendar``.

Validated with cerberus, then checked for what a schema cannot say: intervals in order,
periods that nest but never partly overlap, days not listed twice, and removed
holidays that exist. Anything wrong is a ``RulesError`` naming the file and the field.
Format: docs/calendar.md.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from lapkin_audit.domain.worktime import (
    DEFAULT_ZONE,
    WEEKDAYS,
    Holidays,
    Intervals,
    OfficeCalendar,
    WorkPeriod,
    zone_info,
)
from lapkin_audit.errors import RulesError, flatten_errors
from lapkin_audit.load.kept import normalized
from lapkin_audit.model import Store

__all__ = ["Addition", "extend", "is_addition", "load_addition", "load_calendar"]

_HHMM = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d|24:00")


@cache
def _validator_class() -> type:
    """cerberus's Validator with the calendar's own rules, made (and cerberus imported)
    only when a calendar's content was not validated before."""
    import cerberus

    return type("_Validator", (cerberus.Validator, _Rules), {})


class _Rules:
    """The calendar's own cerberus rules (mixed into cerberus.Validator by _validator_class)."""

    _error: Any

    def _normalize_coerce_date(self, value: Any) -> Any:
        return date.fromisoformat(value) if isinstance(value, str) else value

    def _check_with_plain_date(self, field: str, value: Any) -> None:
        if isinstance(value, datetime):
            self._error(field, "expected a date (YYYY-MM-DD), not a date and time")

    def _check_with_hhmm(self, field: str, value: Any) -> None:
        if isinstance(value, int):  # YAML 1.1 reads unquoted 13:00 as 780 (base 60)
            self._error(field, f'got the number {value}: quote times, e.g. "13:00"')
        elif not isinstance(value, str) or not _HHMM.fullmatch(value):
            self._error(field, f'expected a time as "HH:MM" (e.g. "07:30"), got {value!r}')

    def _check_with_zone(self, field: str, value: Any) -> None:
        try:
            zone_info(value)
        except ValueError:
            self._error(field, f"unknown time zone {value!r}; use an IANA name such as Asia/Jakarta")

    def _check_with_not_bool(self, field: str, value: Any) -> None:
        if isinstance(value, bool):
            self._error(field, "expected a number of minutes, not true/false")


_DATE = {"type": "date", "coerce": "date", "check_with": "plain_date"}
_TEXT = {"type": "string", "required": True, "empty": False}
_INTERVAL = {"type": "list", "items": [{"check_with": "hhmm"}, {"check_with": "hhmm"}]}
_DAY = {"type": "list", "nullable": True, "schema": _INTERVAL}
_SOURCE = {"type": "string", "empty": False}  # the decree that sets the days: documentation only
_DAYS_ADDED = {
    "type": "list",
    "nullable": True,
    "default": [],
    "schema": {
        "type": "dict",
        "schema": {"tanggal": {**_DATE, "required": True}, "nama": _TEXT, "sumber": _SOURCE},
    },
}
_DAYS_REMOVED = {
    "type": "list",
    "nullable": True,
    "default": [],
    "schema": {
        "type": "dict",
        "schema": {"tanggal": {**_DATE, "required": True}, "alasan": _TEXT, "sumber": _SOURCE},
    },
}
_SCHEMA = {
    "kalender": {
        "type": "dict",
        "required": True,
        "schema": {
            "id": {**_TEXT, "regex": r"[a-z0-9][a-z0-9_-]*"},
            "nama": _TEXT,
            "zona_waktu": {"type": "string", "default": DEFAULT_ZONE, "check_with": "zone"},
            "menit_per_hari": {"type": "integer", "required": True, "min": 1, "max": 1440, "check_with": "not_bool"},
            "libur_nasional": {
                "type": "dict",
                "required": True,
                "schema": {
                    "negara": {"type": "string", "required": True, "allowed": ["ID"]},
                    "kategori": {
                        "type": "list",
                        "default": ["public", "government"],
                        "minlength": 1,
                        "schema": {"type": "string", "allowed": ["public", "government"]},
                    },
                },
            },
            "tambah_libur": _DAYS_ADDED,
            "hapus_libur": _DAYS_REMOVED,
            "jam_kerja": {
                "type": "list",
                "required": True,
                "minlength": 1,
                "schema": {
                    "type": "dict",
                    "schema": {
                        "berlaku_mulai": {**_DATE, "required": True},
                        "berlaku_sampai": {**_DATE, "nullable": True},
                        "nama": _TEXT,
                        "sumber": {"type": "string", "empty": False},
                        "hari": {"type": "dict", "required": True, "schema": dict.fromkeys(WEEKDAYS, _DAY)},
                    },
                },
            },
        },
    },
}


# A calendar file without jam_kerja only adds days off to (or removes them from) another
# calendar, by default the national one: one local holiday needs no copy of the rest.
NATIONAL = "kerja-nasional"
_ADDITION_KEYS = ("id", "sumber", "tambah_libur", "hapus_libur")
_ADDITION_SCHEMA = {
    "kalender": {
        "type": "dict",
        "required": True,
        "schema": {
            "id": {"type": "string", "regex": r"[a-z0-9][a-z0-9_-]*", "default": NATIONAL},
            "sumber": _SOURCE,
            "tambah_libur": _DAYS_ADDED,
            "hapus_libur": _DAYS_REMOVED,
        },
    },
}


@dataclass(frozen=True)
class Addition:
    """Days off added to (``added``) or removed from (``removed``) the calendar ``target``."""

    target: str
    added: tuple[tuple[date, str], ...]
    removed: tuple[tuple[date, str], ...]
    source: str


def is_addition(data: object) -> bool:
    """Whether a parsed ``{"kalender": ...}`` file adds days to another calendar (it has no
    ``jam_kerja``, so it cannot be a calendar of its own)."""
    return isinstance(data, dict) and isinstance(data.get("kalender"), dict) and "jam_kerja" not in data["kalender"]


def load_addition(
    data: dict[str, Any], source: str, lines: Mapping[str, int] | None = None, kept: Store | None = None
) -> Addition:
    """Validate a calendar addition (``is_addition``)."""
    extra = sorted(set(data["kalender"]) - set(_ADDITION_KEYS))
    if extra:
        raise RulesError(source, "rules.addition_key", key=extra[0], keys=", ".join(_ADDITION_KEYS))

    def validate(document: Any) -> Any:
        validator = _validator_class()(_ADDITION_SCHEMA)
        if not validator.validate(document):
            raise RulesError(source, "rules.invalid", detail="; ".join(flatten_errors(validator.errors, lines)))
        return validator.document

    cal = normalized("calendar-addition", data, validate, kept)["kalender"]
    added = tuple((e["tanggal"], e["nama"]) for e in cal["tambah_libur"] or [])
    removed = tuple((e["tanggal"], e["alasan"]) for e in cal["hapus_libur"] or [])
    return Addition(cal["id"], added, removed, source)


def extend(calendar: OfficeCalendar | None, addition: Addition) -> OfficeCalendar:
    """``calendar`` with the days of ``addition``, checked as a calendar's own are."""
    if calendar is None:
        raise RulesError(addition.source, "rules.no_calendar_to_extend", target=addition.target)
    added, removed = calendar.added + addition.added, calendar.removed + addition.removed
    country, categories = calendar.holiday_country, calendar.holiday_categories
    _check_days_off(added, removed, country, categories, addition.source, calendar.holidays)
    return dataclasses.replace(calendar, added=added, removed=removed)


def _check_days_off(
    added: tuple[tuple[date, str], ...],
    removed: tuple[tuple[date, str], ...],
    country: str,
    categories: tuple[str, ...],
    source: str,
    holidays: Holidays,
) -> None:
    for key, entries in (("tambah_libur", added), ("hapus_libur", removed)):
        dates = [d for d, _ in entries]
        twice = sorted({d for d in dates if dates.count(d) > 1})
        if twice:
            raise RulesError(source, "rules.listed_twice", key=key, date=twice[0])
    both = sorted({d for d, _ in added} & {d for d, _ in removed})
    if both:
        raise RulesError(source, "rules.added_and_removed", date=both[0])
    # A removal that matches no national day is a typo that would silently do nothing.
    for d, _ in removed:
        if d not in holidays.of(country, categories, d.year):
            raise RulesError(source, "rules.not_a_holiday", date=d)


def _minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


def _day_intervals(raw: list[Any] | None, where: str, source: str) -> Intervals:
    intervals = sorted((_minutes(s), _minutes(e)) for s, e in raw or [])
    for s, e in intervals:
        if s >= e:
            raise RulesError(source, "rules.interval_order", where=where, start=_hm(s), end=_hm(e))
    for (s1, e1), (s2, e2) in itertools.pairwise(intervals):
        if s2 < e1:
            first, second = f"{_hm(s1)}-{_hm(e1)}", f"{_hm(s2)}-{_hm(e2)}"
            raise RulesError(source, "rules.intervals_overlap", where=where, first=first, second=second)
    return tuple(intervals)


def _hm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _check_nesting(periods: list[WorkPeriod], source: str) -> None:
    """Sort ``periods`` outer-first; periods may nest but never partly overlap.

    A period that lies wholly inside another overrides it on its days (Ramadan hours
    inside the year's hours). Two periods that share only some days, or the same days,
    would leave it unclear which hours hold: that is a broken calendar.
    """
    periods.sort(key=lambda p: (p.start, -p.last.toordinal()))
    open_periods: list[WorkPeriod] = []  # the chain of periods enclosing the current one
    for period in periods:
        while open_periods and open_periods[-1].last < period.start:
            open_periods.pop()
        if open_periods:
            outer = open_periods[-1]
            same = (outer.start, outer.last) == (period.start, period.last)
            # An open-ended period inside another is a forgotten berlaku_sampai, not an override.
            if same or period.end is None or not outer.contains(period):
                raise RulesError(
                    source,
                    "rules.periods_overlap" if outer.end is not None else "rules.periods_overlap_open",
                    outer=outer.name,
                    outer_start=outer.start,
                    outer_end=outer.end,
                    inner=period.name,
                    inner_start=period.start,
                )
        open_periods.append(period)


def load_calendar(
    data: object,
    source: str,
    lines: Mapping[str, int] | None = None,
    kept: Store | None = None,
    holidays: Holidays | None = None,
) -> OfficeCalendar:
    """Validate a parsed calendar file (``{"kalender": {...}}``) and build the calendar.
    ``kept``: calendars validated by earlier runs (``load.kept``); ``holidays``: the national
    holidays the rules loaded with it share (built once a year)."""
    holidays = holidays or Holidays(kept)
    if not isinstance(data, dict):
        raise RulesError(source, "rules.calendar_shape")

    def validate(document: Any) -> Any:
        validator = _validator_class()(_SCHEMA)  # unknown keys are rejected (cerberus default)
        if not validator.validate(document):
            raise RulesError(source, "rules.invalid", detail="; ".join(flatten_errors(validator.errors, lines)))
        return validator.document

    cal = normalized("calendar", data, validate, kept)["kalender"]

    periods = []
    for i, raw in enumerate(cal["jam_kerja"]):
        where = f"kalender.jam_kerja[{i}]"
        start, end = raw["berlaku_mulai"], raw.get("berlaku_sampai")
        if end is not None and end < start:
            raise RulesError(source, "rules.validity_order", where=where, start=start, end=end)
        days = tuple(_day_intervals(raw["hari"].get(d), f"{where}.hari.{d}", source) for d in WEEKDAYS)
        periods.append(WorkPeriod(start, end, raw["nama"], days, raw.get("sumber")))
    _check_nesting(periods, source)

    added = tuple((e["tanggal"], e["nama"]) for e in cal["tambah_libur"] or [])
    removed = tuple((e["tanggal"], e["alasan"]) for e in cal["hapus_libur"] or [])
    country = cal["libur_nasional"]["negara"]
    categories = tuple(sorted(set(cal["libur_nasional"]["kategori"])))
    _check_days_off(added, removed, country, categories, source, holidays)

    return OfficeCalendar(
        id=cal["id"],
        name=cal["nama"],
        zone=cal["zona_waktu"],
        minutes_per_day=cal["menit_per_hari"],
        periods=tuple(periods),
        added=added,
        removed=removed,
        holiday_country=country,
        holiday_categories=categories,
        holidays=holidays,
    )
