"""Working time: office hours, national holidays, cuti bersama and durations.

An SOP's ``Waktu`` is working time ("1 hari" is one working day of the office), so a
step from Friday 14:00 to Monday 10:00 took 5 working hours, not 68 hours. The hours
and extra days off are data (``rules/kalender/*.yaml``, read by ``load.calendar``;
format in docs/calendar.md);
national holidays and cuti bersama come from the pinned ``holidays`` package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from lapkin_audit.model.store import Store

__all__ = ["Holidays", "OfficeCalendar", "WorkPeriod", "parse_duration"]

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
    # Where the national holidays come from (a table per year, built once); not part of the
    # calendar's identity.
    holidays: Holidays = field(default_factory=lambda: Holidays(), compare=False, repr=False)
    # Memo of day -> working intervals in seconds; not part of the calendar's identity.
    _days: dict[date, tuple[tuple[int, int], ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def holiday_name(self, day: date) -> str | None:
        """Name of the holiday on ``day`` (added days win), None if removed or none."""
        if any(d == day for d, _ in self.removed):
            return None
        for d, name in self.added:
            if d == day:
                return name
        return self.holidays.of(self.holiday_country, self.holiday_categories, day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        return bool(self._schedule(day))

    def working_minutes(self, start: datetime, end: datetime, zone: str | None = None) -> int:
        """Whole working minutes between two instants, counted in local time of ``zone``.

        Naive datetimes are local time of the zone; aware ones are converted to it.
        Indonesian zones have no daylight saving, so local wall-clock arithmetic is exact.
        """
        tz = zone_info(zone or self.zone)
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


def _local(moment: datetime, tz: ZoneInfo) -> datetime:
    if not isinstance(moment, datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}: {moment!r}")
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        moment = moment.astimezone(tz)
    # Plain stdlib naive datetime: fast arithmetic and comparison in the loop.
    return datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


@cache
def zone_info(name: str) -> ZoneInfo:
    """The IANA zone ``name``; ValueError for an unknown or malformed name (never a path)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


class Holidays:
    """National holidays and cuti bersama, by year, from the pinned ``holidays`` package.

    A year's table is built once by its owner (a run's rules: one per rulebook loaded) and,
    with ``kept`` (the cache's derived tables), once across runs: importing holidays and
    building a year's table is ~80 ms of a hook's start. No table lives in the module.
    """

    def __init__(self, kept: Store | None = None) -> None:
        self.kept = kept
        self._years: dict[tuple[str, tuple[str, ...], int], dict[date, str]] = {}

    def of(self, country: str, categories: tuple[str, ...], year: int) -> dict[date, str]:
        found = self._years.get((country, categories, year))
        if found is None:
            found = self._years[(country, categories, year)] = national_holidays(country, categories, year, self.kept)
        return found

    def __getstate__(self) -> dict[str, object]:
        return {"kept": self.kept, "_years": {}}  # a worker builds the years it needs, or reads them kept


def national_holidays(
    country: str, categories: tuple[str, ...], year: int, kept: Store | None = None
) -> dict[date, str]:
    """One year's table, read from ``kept`` where an earlier run left it, else built (and kept)."""
    key = f"holidays/{country}/{'+'.join(categories)}/{year}"  # the holidays version is in the store's key
    earlier = kept.get(key) if kept is not None else None
    if earlier is not None:
        try:
            return {date.fromisoformat(day): str(name) for day, name in earlier}
        except (TypeError, ValueError):
            pass  # damaged: built again
    # Imported here: building the package's tables is slow, so only years touched pay.
    import holidays

    table = dict(holidays.country_holidays(country, years=year, categories=categories, language="id").items())
    if kept is not None:
        kept.put(key, sorted([day.isoformat(), name] for day, name in table.items()))
    return table


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
