"""Messages exist in both languages with the same placeholders, and render."""

from __future__ import annotations

import string

import pytest

from lapkin_audit.lang.messages import MESSAGES, render
from lapkin_audit.model import WorkMinutes


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_both_languages_take_the_same_arguments(message_id):
    indonesian, english = MESSAGES[message_id]
    assert indonesian and english and indonesian != english
    assert fields(indonesian) == fields(english)


def test_working_time_renders_per_language():
    args = {
        "step": 2,
        "kegiatan": "Menyusun draft laporan",
        "actual": WorkMinutes(855),
        "limit_text": "1 hari",
        "limit": WorkMinutes(450),
    }
    assert (
        render("W001", args, "id")
        == "Langkah 2 (Menyusun draft laporan) memakan 14 jam 15 menit kerja; batas 1 hari (7 jam 30 menit)."
    )
    assert "14 h 15 min" in render("W001", args, "en")


def test_dates_read_as_people_write_them_in_each_language():
    import datetime as dt

    from lapkin_audit.lang.messages import render

    moment = dt.datetime(2024, 7, 1, 7, 45, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    args = {"mulai": moment, "akhir": dt.date(2024, 9, 30)}
    assert (
        render("W004", args, "id")
        == "Proses dimulai 1 Juli 2024 pukul 07.45, sebelum periode laporan berakhir (30 September 2024)."
    )
    assert "1 July 2024, 07:45" in render("W004", args, "en") and "30 September 2024" in render("W004", args, "en")
