"""Working time: office hours, national holidays, cuti bersama and durations.

An SOP's ``Waktu`` is working time ("1 hari" is one working day of the office), so a
step from Friday 14:00 to Monday 10:00 took 5 working hours, not 68 hours. The hours
and extra days off are data (``rules/kalender/*.yaml``, format in docs/calendar.md);
national holidays and cuti bersama come from the pinned ``holidays`` package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

import cerberus
import pendulum

from lapkin_audit.errors import RulesError

__all__ = ["OfficeCalendar", "WorkPeriod", "load_calendar", "parse_duration", "format_minutes"]

WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")  # date.weekday() order
DEFAULT_ZONE = "Asia/Jakarta"
_ONE_DAY = timedelta(days=1)

Intervals = tuple[tuple[int, int], ...]  # (start, end) in minutes from local midnight


@dataclass(frozen=True)
class WorkPeriod:
    """Office hours valid from ``start`` to ``end`` (inclusive; None = open-ended)."""

    start: date
    end: date | None
    name: str
    days: tuple[Intervals, ...]  # seven entries, Monday first
    source: str | None = None  # the regulation or decree that sets these hours

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def last(self) -> date:
        return date.max if self.end is None else self.end

    def contains(self, other: WorkPeriod) -> bool:
        return self.start <= other.start and other.last <= self.last


@dataclass(frozen=True)
class OfficeCalendar:
    id: str
    name: str
    zone: str
    minutes_per_day: int
    periods: tuple[WorkPeriod, ...]
    added: tuple[tuple[date, str], ...] = ()  # tambah_libur: (date, name)
    removed: tuple[tuple[date, str], ...] = ()  # hapus_libur: (date, reason)
    holiday_country: str = "ID"
    holiday_categories: tuple[str, ...] = ("public", "government")
    # Memo of day -> working intervals in seconds; not part of the calendar's identity.
    _days: dict[date, tuple[tuple[int, int], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def holiday_name(self, day: date) -> str | None:
        """Name of the holiday on ``day`` (added days win), None if removed or none."""
        if any(d == day for d, _ in self.removed):
            return None
        for d, name in self.added:
            if d == day:
                return name
        return _national_holidays(self.holiday_country, self.holiday_categories, day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        return bool(self._schedule(day))

    def working_minutes(self, start: datetime, end: datetime, zone: str | None = None) -> int:
        """Whole working minutes between two instants, counted in local time of ``zone``.

        Naive datetimes are local time of the zone; aware ones are converted to it.
        Indonesian zones have no daylight saving, so local wall-clock arithmetic is exact.
        """
        tz = pendulum.timezone(zone or self.zone)
        a, b = _local(start, tz), _local(end, tz)
        if b <= a:
            return 0
        first, last = a.date(), b.date()
        a_sec = a.hour * 3600 + a.minute * 60 + a.second
        b_sec = b.hour * 3600 + b.minute * 60 + b.second
        total, day = 0, first
        while day <= last:
            lo = a_sec if day == first else 0
            hi = b_sec if day == last else 86400
            for s, e in self._schedule(day):
                if e > lo and s < hi:
                    total += min(e, hi) - max(s, lo)
            day += _ONE_DAY
        return total // 60  # seconds in the timestamps are truncated, never rounded up

    def parse_duration(self, text: str) -> int:
        return parse_duration(text, self.minutes_per_day)

    def format_minutes(self, minutes: int, lang: str = "id") -> str:
        return format_minutes(minutes, lang)

    def _schedule(self, day: date) -> tuple[tuple[int, int], ...]:
        cached = self._days.get(day)
        if cached is None:
            intervals: Intervals = ()
            # Periods are sorted so that a period nested in another comes after it: the
            # last one covering the day is the innermost (Ramadan inside Perpres 21/2023).
            for period in self.periods:
                if period.start > day:
                    break
                if period.covers(day):
                    intervals = period.days[day.weekday()]
            # Only look up holidays on days that would be worked: years with no
            # working day touched never build a holidays table.
            if intervals and self.holiday_name(day) is not None:
                intervals = ()
            cached = tuple((s * 60, e * 60) for s, e in intervals)
            self._days[day] = cached
        return cached


def _local(moment: datetime, tz: pendulum.Timezone) -> datetime:
    if not isinstance(moment, datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}: {moment!r}")
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        moment = moment.astimezone(tz)
    # Plain stdlib naive datetime: fast arithmetic and comparison in the loop.
    return datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


@lru_cache(maxsize=None)
def _national_holidays(country: str, categories: tuple[str, ...], year: int) -> dict[date, str]:
    # Imported here: building the package's tables is slow, so only years touched pay.
    import holidays

    table = holidays.country_holidays(country, years=year, categories=categories, language="id")
    return dict(table.items())


# --- durations ------------------------------------------------------------------------

_UNITS = ("hari", "jam", "menit")
_DURATION_PART = re.compile(r"\s*(\d+)\s*(hari|jam|menit)\b", re.IGNORECASE)


def parse_duration(text: str, minutes_per_day: int) -> int:
    """Working minutes in an SOP duration such as ``2 hari 3 jam 15 menit``."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"empty or non-text duration {text!r}; expected e.g. '1 jam', '15 menit', '1 hari'")
    pos, total, last_unit = 0, 0, -1
    while pos < len(text.rstrip()):
        m = _DURATION_PART.match(text, pos)
        if m is None:
            raise ValueError(
                f"cannot read duration {text!r} at {text[pos:].strip()!r}; "
                "expected '<number> hari|jam|menit' parts, e.g. '2 hari 3 jam 15 menit'"
            )
        unit = _UNITS.index(m.group(2).lower())
        if unit <= last_unit:
            raise ValueError(f"duration {text!r}: give hari, jam, menit at most once each, in that order")
        last_unit, pos = unit, m.end()
        total += int(m.group(1)) * (minutes_per_day, 60, 1)[unit]
    return total


def format_minutes(minutes: int, lang: str = "id") -> str:
    """Hours and minutes of working time (never days): 855 -> '14 jam 15 menit'."""
    labels = {"id": ("jam", "menit"), "en": ("h", "min")}
    if lang not in labels:
        raise ValueError(f"unknown language {lang!r}; expected one of {sorted(labels)}")
    if minutes < 0:
        raise ValueError(f"negative duration: {minutes} minutes")
    h_label, m_label = labels[lang]
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} {h_label}"] if hours else []) + ([f"{rest} {m_label}"] if rest or not hours else [])
    return " ".join(parts)


# --- loading ----------------------------------------------------------------------------

_HHMM = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d|24:00")


class _Validator(cerberus.Validator):
    def _normalize_coerce_date(self, value):
        return date.fromisoformat(value) if isinstance(value, str) else value

    def _check_with_plain_date(self, field, value):
        if isinstance(value, datetime):
            self._error(field, "expected a date (YYYY-MM-DD), not a date and time")

    def _check_with_hhmm(self, field, value):
        if isinstance(value, int):  # YAML 1.1 reads unquoted 13:00 as 780 (base 60)
            self._error(field, f"got the number {value}: quote times, e.g. \"13:00\"")
        elif not isinstance(value, str) or not _HHMM.fullmatch(value):
            self._error(field, f"expected a time as \"HH:MM\" (e.g. \"07:30\"), got {value!r}")

    def _check_with_zone(self, field, value):
        try:
            pendulum.timezone(value)
        except Exception:
            self._error(field, f"unknown time zone {value!r}; use an IANA name such as Asia/Jakarta")

    def _check_with_not_bool(self, field, value):
        if isinstance(value, bool):
            self._error(field, "expected a number of minutes, not true/false")


_DATE = {"type": "date", "coerce": "date", "check_with": "plain_date"}
_TEXT = {"type": "string", "required": True, "empty": False}
_INTERVAL = {"type": "list", "items": [{"check_with": "hhmm"}, {"check_with": "hhmm"}]}
_DAY = {"type": "list", "nullable": True, "schema": _INTERVAL}
_SCHEMA = {
    "kalender": {"type": "dict", "required": True, "schema": {
        "id": {**_TEXT, "regex": r"[a-z0-9][a-z0-9_-]*"},
        "nama": _TEXT,
        "zona_waktu": {"type": "string", "default": DEFAULT_ZONE, "check_with": "zone"},
        "menit_per_hari": {"type": "integer", "required": True, "min": 1, "max": 1440,
                           "check_with": "not_bool"},
        "libur_nasional": {"type": "dict", "required": True, "schema": {
            "negara": {"type": "string", "required": True, "allowed": ["ID"]},
            "kategori": {"type": "list", "default": ["public", "government"], "minlength": 1,
                         "schema": {"type": "string", "allowed": ["public", "government"]}},
        }},
        "tambah_libur": {"type": "list", "nullable": True, "default": [], "schema": {
            "type": "dict", "schema": {"tanggal": {**_DATE, "required": True}, "nama": _TEXT}}},
        "hapus_libur": {"type": "list", "nullable": True, "default": [], "schema": {
            "type": "dict", "schema": {"tanggal": {**_DATE, "required": True}, "alasan": _TEXT}}},
        "jam_kerja": {"type": "list", "required": True, "minlength": 1, "schema": {
            "type": "dict", "schema": {
                "berlaku_mulai": {**_DATE, "required": True},
                "berlaku_sampai": {**_DATE, "nullable": True},
                "nama": _TEXT,
                "sumber": {"type": "string", "empty": False},
                "hari": {"type": "dict", "required": True,
                         "schema": {day: _DAY for day in WEEKDAYS}},
            }}},
    }},
}


def _flatten(errors: dict, path: str = ""):
    for key, items in errors.items():
        here = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else str(key)
        for item in items:
            if isinstance(item, dict):
                yield from _flatten(item, here)
            else:
                yield f"{here}: {item}"


def _minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


def _day_intervals(raw: list | None, where: str, source: str) -> Intervals:
    intervals = sorted((_minutes(s), _minutes(e)) for s, e in raw or [])
    for s, e in intervals:
        if s >= e:
            raise RulesError(source, f"{where}: interval {_hm(s)}-{_hm(e)} must start before it ends")
    for (s1, e1), (s2, e2) in zip(intervals, intervals[1:]):
        if s2 < e1:
            raise RulesError(source, f"{where}: intervals {_hm(s1)}-{_hm(e1)} and {_hm(s2)}-{_hm(e2)} overlap")
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
                until = "open-ended" if outer.end is None else f"until {outer.end}"
                raise RulesError(
                    source,
                    f"kalender.jam_kerja: periods {outer.name!r} (from {outer.start}, {until}) and "
                    f"{period.name!r} (from {period.start}) overlap; a period may only lie wholly inside another",
                )
        open_periods.append(period)


def load_calendar(data: object, source: str) -> OfficeCalendar:
    """Validate a parsed calendar file (``{"kalender": {...}}``) and build the calendar."""
    if not isinstance(data, dict):
        raise RulesError(source, "expected a mapping with the key 'kalender'")
    validator = _Validator(_SCHEMA)  # unknown keys are rejected (cerberus default)
    if not validator.validate(data):
        raise RulesError(source, "; ".join(_flatten(validator.errors)))
    cal = validator.document["kalender"]

    periods = []
    for i, raw in enumerate(cal["jam_kerja"]):
        where = f"kalender.jam_kerja[{i}]"
        start, end = raw["berlaku_mulai"], raw.get("berlaku_sampai")
        if end is not None and end < start:
            raise RulesError(source, f"{where}: berlaku_sampai {end} is before berlaku_mulai {start}")
        days = tuple(_day_intervals(raw["hari"].get(d), f"{where}.hari.{d}", source) for d in WEEKDAYS)
        periods.append(WorkPeriod(start, end, raw["nama"], days, raw.get("sumber")))
    _check_nesting(periods, source)

    added = tuple((e["tanggal"], e["nama"]) for e in cal["tambah_libur"] or [])
    removed = tuple((e["tanggal"], e["alasan"]) for e in cal["hapus_libur"] or [])
    for key, entries in (("tambah_libur", added), ("hapus_libur", removed)):
        dates = [d for d, _ in entries]
        twice = sorted({d for d in dates if dates.count(d) > 1})
        if twice:
            raise RulesError(source, f"kalender.{key}: {twice[0]} is listed twice")
    both = sorted({d for d, _ in added} & {d for d, _ in removed})
    if both:
        raise RulesError(source, f"kalender: {both[0]} is in both tambah_libur and hapus_libur")

    country = cal["libur_nasional"]["negara"]
    categories = tuple(sorted(set(cal["libur_nasional"]["kategori"])))
    # A removal that matches no national day is a typo that would silently do nothing.
    for d, _ in removed:
        if d not in _national_holidays(country, categories, d.year):
            raise RulesError(
                source, f"kalender.hapus_libur: {d} is not a national holiday or cuti bersama; nothing to remove"
            )

    return OfficeCalendar(
        id=cal["id"], name=cal["nama"], zone=cal["zona_waktu"], minutes_per_day=cal["menit_per_hari"],
        periods=tuple(periods), added=added, removed=removed,
        holiday_country=country, holiday_categories=categories,
    )
