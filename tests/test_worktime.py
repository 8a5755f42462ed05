"""Working time on office calendars. Every expectation is computed by hand in a comment."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pendulum
import pytest
import yaml

from lapkin_audit.domain.worktime import OfficeCalendar, parse_duration
from lapkin_audit.errors import RulesError
from lapkin_audit.lang.words import format_minutes
from lapkin_audit.load.calendar import load_calendar

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "rules" / "kalender" / "nasional.yaml"
SIX_DAY_FILE = Path(__file__).resolve().parent / "data" / "kalender-enam-hari.yaml"
WIB = timezone(timedelta(hours=7))


def load_file(path: Path) -> OfficeCalendar:
    return load_calendar(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


@pytest.fixture(scope="module")
def cal() -> OfficeCalendar:
    return load_file(DEFAULT_FILE)


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- working_minutes on the default calendar ---------------------------------------------
# 2024-07-01 is a Monday; 1-5 and 8 July 2024 hold no holiday.
SPANS = [
    # Spec "Worked arithmetic": Mon 08:45-12:00 (195) + 13:00-16:00 (180) + Tue 07:30-08:00 (30)
    ("step 2", "2024-07-01T08:45", "2024-07-02T08:00", 405),
    # Mon 07:45-16:00 (435) + Tue (450) + Wed 07:30-09:35 (125)
    ("whole run", "2024-07-01T07:45", "2024-07-03T09:35", 1010),
    # Mon 08:45-16:00 (375) + Tue (450) + Wed 07:30-08:00 (30) = 14 h 15 m
    ("step 2 ending Wednesday", "2024-07-01T08:45", "2024-07-03T08:00", 855),
    ("step 2 with offsets", "2024-07-01T08:45+07:00", "2024-07-02T08:00+07:00", 405),
    # Fri 14:00-16:30 (150) + Mon 07:30-10:00 (150) = 5 h, not 68 h
    ("Friday to Monday", "2024-07-05T14:00", "2024-07-08T10:00", 300),
    # 11:00-12:00 (60) + 13:00-14:00 (60)
    ("break Monday", "2024-07-01T11:00", "2024-07-01T14:00", 120),
    ("break Thursday", "2024-07-04T11:00", "2024-07-04T14:00", 120),
    # Friday's break is 11:30-13:00: 11:00-11:30 (30) + 13:00-14:00 (60)
    ("break Friday", "2024-07-05T11:00", "2024-07-05T14:00", 90),
    ("inside the break", "2024-07-01T12:10", "2024-07-01T12:50", 0),
    ("starts before 07:30", "2024-07-01T06:00", "2024-07-01T08:00", 30),
    ("ends after 16:00", "2024-07-01T15:00", "2024-07-01T18:00", 60),
    ("ends after 16:00 on Friday", "2024-07-05T15:00", "2024-07-05T18:00", 90),
    ("evening only", "2024-07-01T17:00", "2024-07-01T21:00", 0),
    ("overnight, no office hours", "2024-07-01T22:00", "2024-07-02T02:00", 0),
    # Mon 15:00-16:00 (60) + Tue 07:30-09:00 (90)
    ("across midnight", "2024-07-01T15:00", "2024-07-02T09:00", 150),
    ("weekend", "2024-07-06T08:00", "2024-07-07T15:00", 0),
    ("one full day", "2024-07-01T00:00", "2024-07-02T00:00", 450),
    ("one full Friday", "2024-07-05T00:00", "2024-07-06T00:00", 450),
    ("seconds are truncated", "2024-07-01T08:00:00", "2024-07-01T08:15:59", 15),
    ("end equals start", "2024-07-01T09:00", "2024-07-01T09:00", 0),
    ("end before start", "2024-07-02T09:00", "2024-07-01T09:00", 0),
    # Lebaran 2024: Fri 5 Apr is in Ramadan (hours 08:00-11:30, 12:30-15:30), 15:00-15:30
    # (30); 8, 9, 12, 15 cuti bersama, 10, 11 holidays; Tue 16 Apr 07:30-08:30 (60)
    ("Lebaran 2024", "2024-04-05T15:00", "2024-04-16T08:30", 90),
    # Keppres period: Wed 2014-12-17 07:30 to Mon 2014-12-22 07:30 = Wed, Thu, Fri
    ("Keppres period, 2014", "2014-12-17T07:30", "2014-12-22T07:30", 3 * 450),
    # Across the period boundary: Fri 29 Dec 2023 15:00-16:30 (90); 1 Jan 2024 holiday;
    # Tue 2 Jan 07:30-08:00 (30)
    ("new year 2024", "2023-12-29T15:00", "2024-01-02T08:00", 120),
]


@pytest.mark.parametrize(("label", "start", "end", "expected"), SPANS, ids=[s[0] for s in SPANS])
def test_working_minutes(cal, label, start, end, expected):
    assert cal.working_minutes(dt(start), dt(end)) == expected


def test_week_days_of_examples():
    assert date(2024, 7, 1).strftime("%A") == "Monday"
    assert date(2024, 7, 5).strftime("%A") == "Friday"
    assert date(2024, 7, 8).strftime("%A") == "Monday"
    assert date(2024, 4, 5).strftime("%A") == "Friday"


@pytest.mark.parametrize("day", [8, 9, 10, 11, 12, 15])
def test_lebaran_2024_days_off(cal, day):
    d = date(2024, 4, day)
    assert not cal.is_working_day(d)
    name = cal.holiday_name(d)
    assert name is not None and "Idul Fitri" in name
    assert name.startswith("Cuti Bersama") == (day in (8, 9, 12, 15))


def test_working_days_and_names(cal):
    assert cal.is_working_day(date(2024, 4, 5))
    assert cal.is_working_day(date(2024, 4, 16))
    assert not cal.is_working_day(date(2024, 4, 13))  # Saturday
    assert cal.holiday_name(date(2024, 4, 16)) is None
    assert cal.holiday_name(date(2024, 4, 13)) is None
    assert cal.holiday_name(date(2024, 8, 17)) == "Hari Kemerdekaan Republik Indonesia"
    assert cal.holiday_name(date(2024, 12, 26)).startswith("Cuti Bersama")  # GOVERNMENT category


# --- zones ---------------------------------------------------------------------------------


def test_naive_and_aware_denote_the_same_local_time(cal):
    naive = cal.working_minutes(datetime(2024, 7, 1, 8, 45), datetime(2024, 7, 2, 8))
    offset = cal.working_minutes(datetime(2024, 7, 1, 8, 45, tzinfo=WIB), datetime(2024, 7, 2, 8, tzinfo=WIB))
    jakarta = pendulum.timezone("Asia/Jakarta")
    pend = cal.working_minutes(
        pendulum.datetime(2024, 7, 1, 8, 45, tz=jakarta), pendulum.datetime(2024, 7, 2, 8, tz=jakarta)
    )
    # 01:45 UTC = 08:45 WIB; 01:00 UTC = 08:00 WIB
    utc = cal.working_minutes(datetime(2024, 7, 1, 1, 45, tzinfo=UTC), datetime(2024, 7, 2, 1, tzinfo=UTC))
    assert naive == offset == pend == utc == 405


ZONES = [
    # Naive times are local time of the office, whatever its zone.
    ("WITA naive", "2024-07-01T08:45", "2024-07-02T08:00", "Asia/Makassar", 405),
    ("WIT naive", "2024-07-01T08:45", "2024-07-02T08:00", "Asia/Jayapura", 405),
    # 07:00+07:00 is 08:00 WITA; 09:00+08:00 is 09:00 WITA: 60 min
    ("WIB stamp in WITA office", "2024-07-01T07:00+07:00", "2024-07-01T09:00+08:00", "Asia/Makassar", 60),
    # The same instants in a WIB office: 07:00 to 08:00 WIB, of which 07:30-08:00 counts
    ("same instants in WIB", "2024-07-01T07:00+07:00", "2024-07-01T09:00+08:00", "Asia/Jakarta", 30),
    ("same instants, default zone", "2024-07-01T07:00+07:00", "2024-07-01T09:00+08:00", None, 30),
    # 00:00-03:00 UTC is 09:00-12:00 WIT (+09:00): 180; in WIB it is 07:00-10:00: 150
    ("UTC in WIT office", "2024-07-01T00:00+00:00", "2024-07-01T03:00+00:00", "Asia/Jayapura", 180),
    ("UTC in WIB office", "2024-07-01T00:00+00:00", "2024-07-01T03:00+00:00", "Asia/Jakarta", 150),
    # 16:30 WITA Monday is 15:30 WIB: from then to 16:00 WIB = 30 (WIB office)
    ("WITA stamp in WIB office", "2024-07-01T16:30+08:00", "2024-07-01T18:00+07:00", "Asia/Jakarta", 30),
]


@pytest.mark.parametrize(("label", "start", "end", "zone", "expected"), ZONES, ids=[z[0] for z in ZONES])
def test_zones(cal, label, start, end, zone, expected):
    assert cal.working_minutes(dt(start), dt(end), zone=zone) == expected


def test_date_instead_of_datetime_is_a_type_error(cal):
    with pytest.raises(TypeError):
        cal.working_minutes(date(2024, 7, 1), datetime(2024, 7, 2))


# --- calendars as data ---------------------------------------------------------------------


def minimal(**changes) -> dict:
    """A valid calendar dict; ``changes`` replace keys of ``kalender``."""
    base = {
        "kalender": {
            "id": "uji",
            "nama": "Kalender uji",
            "menit_per_hari": 450,
            "libur_nasional": {"negara": "ID", "kategori": ["public", "government"]},
            "jam_kerja": [
                {
                    "nama": "Lama",
                    "berlaku_mulai": date(1995, 1, 1),
                    "berlaku_sampai": date(2023, 12, 31),
                    "hari": {d: [["08:00", "16:00"]] for d in ("senin", "selasa", "rabu", "kamis", "jumat")},
                },
                {
                    "nama": "Baru",
                    "berlaku_mulai": date(2024, 1, 1),
                    "hari": {d: [["07:30", "15:00"]] for d in ("senin", "selasa", "rabu", "kamis", "jumat")},
                },
            ],
        }
    }
    base["kalender"].update(copy.deepcopy(changes))
    return base


def test_minimal_defaults():
    c = load_calendar(minimal(), "uji")
    assert (c.id, c.name, c.zone, c.minutes_per_day) == ("uji", "Kalender uji", "Asia/Jakarta", 450)
    assert [p.name for p in c.periods] == ["Lama", "Baru"]


PERIOD_SPANS = [
    ("old period full day", "2023-12-27T00:00", "2023-12-28T00:00", 480),  # 08:00-16:00
    ("new period full day", "2024-07-03T00:00", "2024-07-04T00:00", 450),  # 07:30-15:00
    # Fri 29 Dec 2023 15:00-16:00 (60, old hours); 1 Jan holiday; Tue 2 Jan 07:30-08:00 (30, new)
    ("across the boundary", "2023-12-29T15:00", "2024-01-02T08:00", 90),
    # No period covers 1994, so Fri 30 Dec 1994 counts nothing; Sun 1 Jan; Mon 2 Jan 08:00-16:00
    ("before any period", "1994-12-30T00:00", "1995-01-03T00:00", 480),
]


@pytest.mark.parametrize(("label", "start", "end", "expected"), PERIOD_SPANS, ids=[p[0] for p in PERIOD_SPANS])
def test_period_boundary(label, start, end, expected):
    c = load_calendar(minimal(), "uji")
    assert c.working_minutes(dt(start), dt(end)) == expected


# The government's Ramadan (sidang isbat), 1 Ramadan to the day before 1 Syawal.
RAMADAN = [
    ("Ramadan 1435 H", date(2014, 6, 29), date(2014, 7, 27)),
    ("Ramadan 1436 H", date(2015, 6, 18), date(2015, 7, 16)),
    ("Ramadan 1437 H", date(2016, 6, 6), date(2016, 7, 5)),
    ("Ramadan 1438 H", date(2017, 5, 27), date(2017, 6, 24)),
    ("Ramadan 1439 H", date(2018, 5, 17), date(2018, 6, 14)),
    ("Ramadan 1440 H", date(2019, 5, 6), date(2019, 6, 4)),
    ("Ramadan 1441 H", date(2020, 4, 24), date(2020, 5, 23)),
    ("Ramadan 1442 H", date(2021, 4, 13), date(2021, 5, 12)),
    ("Ramadan 1443 H", date(2022, 4, 3), date(2022, 5, 1)),
    ("Ramadan 1444 H", date(2023, 3, 23), date(2023, 4, 11)),
    ("Ramadan 1444 H (sejak Perpres 21/2023)", date(2023, 4, 12), date(2023, 4, 21)),
    ("Ramadan 1445 H", date(2024, 3, 12), date(2024, 4, 9)),
    ("Ramadan 1446 H", date(2025, 3, 1), date(2025, 3, 30)),
    ("Ramadan 1447 H", date(2026, 2, 19), date(2026, 3, 20)),
]


def test_default_file_periods(cal):
    periods = [(p.name, p.start, p.end) for p in cal.periods]
    outer = [p for p in periods if not p[0].startswith("Ramadan")]
    assert outer == [
        ("Jam kerja daerah sebelum Perpres 21/2023", date(1995, 1, 1), date(2023, 4, 11)),
        ("Perpres 21/2023", date(2023, 4, 12), None),  # in force from 12 April 2023
    ]
    assert [p for p in periods if p[0].startswith("Ramadan")] == RAMADAN
    # Every period names the regulation it comes from; before the Perpres, a kabupaten's
    # hours are its Bupati's (Keppres 68/1995 covered central government and DKI only).
    assert all(p.source for p in cal.periods)
    assert "Bupati" in cal.periods[0].source and "DKI Jakarta" in cal.periods[0].source
    ramadan_2024 = next(p for p in cal.periods if p.name == "Ramadan 1445 H")
    assert "Pasal 4" in ramadan_2024.source and "KemenPAN-RB" in ramadan_2024.source


# --- Ramadan hours (Perpres 21/2023 Pasal 4; the yearly SEs before 2024) -----------------
# Monday-Thursday 08:00-12:00 and 12:30-15:00; Friday 08:00-11:30 and 12:30-15:30.
RAMADAN_SPANS = [
    # 2025-03-04 is a Ramadan Tuesday: the office opens at 08:00, so 08:00-08:45 (45)
    ("Tuesday 07:30-08:45", "2025-03-04T07:30", "2025-03-04T08:45", 45),
    # Wednesday 11:20-12:00 (40) + 12:30-13:00 (30): over 1 jam
    ("Wednesday 11:20-13:00", "2025-03-05T11:20", "2025-03-05T13:00", 70),
    # A whole Ramadan week: 4 x 390 + 390 = 32 jam 30 menit
    ("the week of 3 March 2025", "2025-03-03T00:00", "2025-03-08T00:00", 1950),
    # Friday 08:00-11:30 (210) + 12:30-15:30 (180)
    ("Friday", "2025-03-07T07:00", "2025-03-07T17:00", 390),
    ("Friday break", "2025-03-07T11:30", "2025-03-07T12:30", 0),
    # Ramadan 2023, under SE MenPAN-RB 6/2023, before and after Perpres 21/2023 came into
    # force on Wednesday 12 April: the same hours on both sides
    ("Ramadan 2023", "2023-03-27T07:00", "2023-03-27T17:00", 390),
    ("Ramadan 2023, Perpres 21/2023", "2023-04-12T07:00", "2023-04-12T17:00", 390),
    ("Ramadan 2023, across 12 April", "2023-04-11T14:00", "2023-04-12T09:00", 60 + 60),
    # Thursday 7 March 2024, before Ramadan (11-12 March are Nyepi days off): normal hours
    ("before Ramadan 2024", "2024-03-07T07:00", "2024-03-07T17:00", 450),
    # Ramadan 2014, the year the bundled SOP took effect (SE B/2494/M.PAN-RB/6/2014)
    ("Ramadan 2014", "2014-07-01T07:30", "2014-07-01T16:00", 390),
]


@pytest.mark.parametrize(("label", "start", "end", "expected"), RAMADAN_SPANS, ids=[s[0] for s in RAMADAN_SPANS])
def test_ramadan_hours(cal, label, start, end, expected):
    assert cal.working_minutes(dt(start), dt(end)) == expected


def test_one_hari_is_the_calendar_constant_even_in_ramadan(cal):
    # docs/calendar.md: "1 hari" is menit_per_hari (450) on every day; a full Ramadan
    # working day (390) is within it, never a W001 for the shorter hours themselves.
    assert cal.parse_duration("1 hari") == 450
    monday_to_tuesday = cal.working_minutes(dt("2025-03-03T08:00"), dt("2025-03-04T08:00"))
    assert monday_to_tuesday == 390 <= cal.parse_duration("1 hari")


def test_an_office_overrides_ramadan_hours_like_any_period():
    data = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    periods = data["kalender"]["jam_kerja"]
    ramadan = next(p for p in periods if p["nama"] == "Ramadan 1446 H")
    ramadan["hari"] = {day: [["07:30", "14:00"]] for day in ("senin", "selasa", "rabu", "kamis", "jumat")}
    ramadan["sumber"] = "Surat Edaran Bupati (contoh)"
    office = load_calendar(data, "office.yaml")
    assert office.working_minutes(dt("2025-03-04T07:00"), dt("2025-03-04T17:00")) == 390
    # Other years keep the national Ramadan hours.
    assert office.working_minutes(dt("2024-03-13T07:00"), dt("2024-03-13T17:00")) == 390
    assert office.working_minutes(dt("2024-03-13T07:30"), dt("2024-03-13T08:00")) == 0


def test_nested_period_wins_only_on_its_days():
    c = load_calendar(
        minimal(
            jam_kerja=[
                {"nama": "A", "berlaku_mulai": date(2024, 1, 1), "hari": {"senin": [["07:00", "15:00"]]}},
                {
                    "nama": "B",
                    "berlaku_mulai": date(2024, 7, 1),
                    "berlaku_sampai": date(2024, 7, 7),
                    "hari": {"senin": [["08:00", "09:00"]]},
                },
                {
                    "nama": "C",
                    "berlaku_mulai": date(2024, 7, 1),
                    "berlaku_sampai": date(2024, 7, 1),
                    "hari": {"senin": [["08:00", "08:30"]]},
                },
            ]
        ),
        "nested.yaml",
    )
    assert c.working_minutes(dt("2024-07-01T00:00"), dt("2024-07-01T23:00")) == 30  # C inside B inside A
    assert c.working_minutes(dt("2024-07-08T00:00"), dt("2024-07-08T23:00")) == 480  # A again
    assert c.working_minutes(dt("2024-06-24T00:00"), dt("2024-06-24T23:00")) == 480


def test_tambah_and_hapus_libur():
    c = load_calendar(
        minimal(
            tambah_libur=[{"tanggal": date(2024, 7, 2), "nama": "Hari Jadi Kabupaten"}],
            hapus_libur=[{"tanggal": "2024-04-15", "alasan": "Cuti bersama dipindah"}],
        ),
        "uji",
    )
    assert c.holiday_name(date(2024, 7, 2)) == "Hari Jadi Kabupaten"
    assert not c.is_working_day(date(2024, 7, 2))
    assert c.holiday_name(date(2024, 4, 15)) is None
    assert c.is_working_day(date(2024, 4, 15))
    assert not c.is_working_day(date(2024, 4, 12))  # other cuti bersama untouched
    # Mon 1 Jul 14:00-15:00 (60, new hours end at 15:00); Tue added holiday; Wed 07:30-08:00 (30)
    assert c.working_minutes(dt("2024-07-01T14:00"), dt("2024-07-03T08:00")) == 90
    # Fri 12 Apr off; Mon 15 Apr now worked 07:30-15:00 (450); Tue 16 Apr 07:30-08:00 (30)
    assert c.working_minutes(dt("2024-04-12T08:00"), dt("2024-04-16T08:00")) == 480


def test_six_day_calendar_file(cal):
    six = load_file(SIX_DAY_FILE)
    start, end = dt("2024-07-05T12:00"), dt("2024-07-08T10:00")
    # Six-day: Fri 12:00-14:00 (120) + Sat 07:30-14:00 (390) + Mon 07:30-10:00 (150)
    assert six.working_minutes(start, end) == 660
    # Default: Fri 13:00-16:30 (210) + Mon 07:30-10:00 (150)
    assert cal.working_minutes(start, end) == 360
    assert six.parse_duration("1 hari") == 390
    assert cal.parse_duration("1 hari") == 450
    assert six.is_working_day(date(2024, 7, 6)) and not cal.is_working_day(date(2024, 7, 6))


# --- durations -----------------------------------------------------------------------------

DURATIONS = [
    ("1 jam", 60),
    ("15 menit", 15),
    ("15 Menit", 15),
    ("1 hari", 450),
    ("1 Hari", 450),
    ("2 hari 3 jam 15 menit", 2 * 450 + 195),
    ("  2   HARI  3 jam   15  menit ", 1095),
    ("1 hari 15 menit", 465),
    ("0 menit", 0),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_parse_duration(text, expected):
    assert parse_duration(text, 450) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "3 minggu", "jam 2", "1 jam 1 jam", "15 menit 1 jam", "1,5 jam", "-1 jam", "1 jam dan 5 menit"]
)
def test_parse_duration_rejects(text):
    with pytest.raises(ValueError):
        parse_duration(text, 450)


FORMATS = [
    (855, "14 jam 15 menit", "14 h 15 min"),
    (1095, "18 jam 15 menit", "18 h 15 min"),
    (450, "7 jam 30 menit", "7 h 30 min"),
    (60, "1 jam", "1 h"),
    (15, "15 menit", "15 min"),
    (0, "0 menit", "0 min"),
]


@pytest.mark.parametrize(("minutes", "indonesian", "english"), FORMATS)
def test_format_minutes(cal, minutes, indonesian, english):
    assert format_minutes(minutes) == format_minutes(minutes, "id") == indonesian
    assert format_minutes(minutes, "en") == english
    assert format_minutes(minutes, "en") == english


def test_format_minutes_rejects():
    with pytest.raises(ValueError):
        format_minutes(-1)
    with pytest.raises(ValueError):
        format_minutes(10, "fr")


# --- load errors ---------------------------------------------------------------------------


def with_day(day: str, intervals) -> dict:
    data = minimal()
    data["kalender"]["jam_kerja"][1]["hari"][day] = intervals
    return data


def with_period(**changes) -> dict:
    data = minimal()
    data["kalender"]["jam_kerja"][1].update(changes)
    return data


BAD = [
    ("not a mapping", ["kalender"], "kalender"),
    ("no kalender", {"calendar": {}}, "kalender"),
    ("unknown top key", minimal(warna="merah"), "warna"),
    ("unknown nested key", with_period(catatan="x"), "catatan"),
    ("misspelt weekday", with_day("senen", [["07:30", "15:00"]]), "senen"),
    ("bad HH:MM", with_day("senin", [["7:30", "15:00"]]), "senin"),
    ("hour out of range", with_day("senin", [["07:30", "25:00"]]), "senin"),
    ("unquoted time read as number", with_day("senin", [["07:30", 780]]), "senin"),
    ("interval of three", with_day("senin", [["07:30", "12:00", "13:00"]]), "senin"),
    ("start after end", with_day("senin", [["15:00", "07:30"]]), "senin"),
    ("overlapping intervals", with_day("senin", [["07:30", "12:30"], ["12:00", "15:00"]]), "overlap"),
    ("overlapping periods", with_period(berlaku_mulai=date(2023, 6, 1)), "overlap"),
    (
        "same days twice",
        minimal(
            jam_kerja=[
                {"nama": "A", "berlaku_mulai": date(2024, 1, 1), "berlaku_sampai": date(2024, 3, 1), "hari": {}},
                {"nama": "B", "berlaku_mulai": date(2024, 1, 1), "berlaku_sampai": date(2024, 3, 1), "hari": {}},
            ]
        ),
        "overlap",
    ),
    (
        "nested but open-ended",
        minimal(
            jam_kerja=[
                {"nama": "A", "berlaku_mulai": date(2020, 1, 1), "hari": {}},
                {"nama": "B", "berlaku_mulai": date(2024, 3, 1), "hari": {}},
            ]
        ),
        "overlap",
    ),
    (
        "partly overlapping a nested period",
        minimal(
            jam_kerja=[
                {"nama": "A", "berlaku_mulai": date(2024, 1, 1), "hari": {}},
                {"nama": "B", "berlaku_mulai": date(2024, 3, 1), "berlaku_sampai": date(2024, 3, 31), "hari": {}},
                {"nama": "C", "berlaku_mulai": date(2024, 3, 20), "berlaku_sampai": date(2024, 4, 10), "hari": {}},
            ]
        ),
        "overlap",
    ),
    ("empty sumber", with_period(sumber=""), "sumber"),
    (
        "open period not last",
        minimal(
            jam_kerja=[
                {"nama": "A", "berlaku_mulai": date(2020, 1, 1), "hari": {}},
                {"nama": "B", "berlaku_mulai": date(2024, 1, 1), "hari": {}},
            ]
        ),
        "overlap",
    ),
    ("period ends before it starts", with_period(berlaku_sampai=date(2023, 1, 1)), "berlaku_sampai"),
    ("no periods", minimal(jam_kerja=[]), "jam_kerja"),
    ("bad zone", minimal(zona_waktu="Asia/Karangploso"), "zona_waktu"),
    ("bad date", minimal(tambah_libur=[{"tanggal": "2024-13-01", "nama": "x"}]), "tanggal"),
    ("datetime for date", minimal(tambah_libur=[{"tanggal": datetime(2024, 7, 2, 8), "nama": "x"}]), "tanggal"),
    ("missing nama", minimal(tambah_libur=[{"tanggal": date(2024, 7, 2)}]), "nama"),
    ("bad minutes per day", minimal(menit_per_hari=0), "menit_per_hari"),
    ("boolean minutes per day", minimal(menit_per_hari=True), "menit_per_hari"),
    ("unknown country", minimal(libur_nasional={"negara": "MY"}), "negara"),
    ("unknown category", minimal(libur_nasional={"negara": "ID", "kategori": ["bank"]}), "kategori"),
    (
        "added twice",
        minimal(tambah_libur=[{"tanggal": date(2024, 7, 2), "nama": "a"}, {"tanggal": date(2024, 7, 2), "nama": "b"}]),
        "tambah_libur",
    ),
    (
        "added and removed",
        minimal(
            tambah_libur=[{"tanggal": date(2024, 4, 15), "nama": "a"}],
            hapus_libur=[{"tanggal": date(2024, 4, 15), "alasan": "b"}],
        ),
        "hapus_libur",
    ),
    ("removing a normal day", minimal(hapus_libur=[{"tanggal": date(2024, 7, 2), "alasan": "x"}]), "hapus_libur"),
]


@pytest.mark.parametrize(("label", "data", "field"), BAD, ids=[b[0] for b in BAD])
def test_load_errors(label, data, field):
    with pytest.raises(RulesError) as info:
        load_calendar(data, "kalender/uji.yaml")
    assert info.value.source == "kalender/uji.yaml"
    assert field in info.value.message


# --------------------------------------------------------------------------- a local holiday alone

LOCAL_HOLIDAY = """\
kalender:
  sumber: Keputusan Bupati Malang Nomor 188.45/412/KEP/35.07.013/2024
  tambah_libur:
    - {tanggal: 2024-07-02, nama: Hari Jadi Kecamatan, sumber: "Surat Edaran Camat 003/2024"}
"""


def rules_folder(tmp_path: Path, text: str, name: str = "libur-lokal.yaml") -> Path:
    folder = tmp_path / "aturan-kantor" / "kalender"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder.parent


def test_a_file_with_only_tambah_libur_extends_the_national_calendar(tmp_path):
    # Before, a local holiday needed a copy of the whole national calendar (jam_kerja,
    # libur_nasional...), which then never followed the bundled one.
    from lapkin_audit.load.sop import load_rulebook

    calendar = load_rulebook((rules_folder(tmp_path, LOCAL_HOLIDAY),)).sops["pelaporan-kinerja"].calendar
    national = load_rulebook(()).sops["pelaporan-kinerja"].calendar
    assert calendar.id == national.id == "kerja-nasional"
    assert national.is_working_day(date(2024, 7, 2)) and not calendar.is_working_day(date(2024, 7, 2))
    assert calendar.holiday_name(date(2024, 7, 2)) == "Hari Jadi Kecamatan"
    assert not calendar.is_working_day(date(2024, 8, 17))  # the national holidays stay
    assert calendar.periods == national.periods  # and the office hours, Ramadan included


def test_a_local_holiday_changes_the_working_time_of_a_step(tmp_path, run_json):
    # Step 2 runs from Monday 1 July 08:45 to Tuesday 2 July 09:00: 7 jam 45 menit, over its
    # 1 hari (7 jam 30 menit); with the Tuesday a local holiday, 6 jam 15 menit.
    from tests.helpers import FIXTURES

    late = str(FIXTURES / "w001-langkah-2-terlambat")
    _, report = run_json("--no-cache", late)
    assert "W001" in [f["rule"] for f in report["dossiers"][0]["findings"]]
    code, report = run_json("--no-cache", "--rules", str(rules_folder(tmp_path, LOCAL_HOLIDAY)), late)
    assert code == 0 and report["dossiers"][0]["findings"] == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("kalender:\n  nama: Lokal\n  tambah_libur: []\n", "needs jam_kerja"),
        ("kalender:\n  id: kerja-lain\n  tambah_libur: []\n", "no calendar 'kerja-lain'"),
        ("kalender:\n  tambah_libur:\n    - {tanggal: 2024-07-02}\n", "nama"),
        (LOCAL_HOLIDAY + "  hapus_libur:\n    - {tanggal: 2024-07-03, alasan: x}\n", "not a national holiday"),
    ],
)
def test_a_broken_addition_is_a_rules_error_naming_its_file(tmp_path, text, words):
    from lapkin_audit.load.sop import load_rulebook

    with pytest.raises(RulesError) as info:
        load_rulebook((rules_folder(tmp_path, text),))
    assert info.value.source.endswith("libur-lokal.yaml") and words in info.value.message


def test_two_additions_of_one_day_are_a_day_listed_twice(tmp_path):
    from lapkin_audit.load.sop import load_rulebook

    rules_folder(tmp_path, LOCAL_HOLIDAY, "a.yaml")
    with pytest.raises(RulesError) as info:
        load_rulebook((rules_folder(tmp_path, LOCAL_HOLIDAY, "b.yaml"),))
    assert "2024-07-02 is listed twice" in info.value.message
