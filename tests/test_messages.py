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
