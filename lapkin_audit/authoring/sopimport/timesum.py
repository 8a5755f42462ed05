"""Sums of Mutu Baku: Waktu texts, in working minutes of a standard office day."""

from __future__ import annotations

from lapkin_audit.domain.waktu import parse_waktu

STANDARD_DAY = 450  # 7 jam 30 menit: Keppres 68/1995 and Perpres 21/2023 (37.5 hours a week)


def total_minutes(text: str, minutes_per_day: int = STANDARD_DAY) -> int:
    return parse_waktu(text).maksimum.minutes(minutes_per_day)


def sum_text(texts: list[str]) -> str | None:
    """The sum of plain working times as ``N hari N jam N menit``; None when any is a
    range's lower end, calendar time or a rate (no sum means anything then)."""
    days, minutes = 0.0, 0
    for text in texts:
        waktu = parse_waktu(text)
        if waktu.kalender or waktu.per:
            return None
        days += waktu.maksimum.hari
        minutes += waktu.maksimum.menit
    return format_parts(days, minutes)


def format_parts(days: float, minutes: int) -> str:
    whole = int(days)
    parts = []
    if whole:
        parts.append(f"{whole} hari")
    if minutes // 60:
        parts.append(f"{minutes // 60} jam")
    if minutes % 60:
        parts.append(f"{minutes % 60} menit")
    if days != whole:
        return f"{days:g} hari " + " ".join(parts[1:] if whole else parts)
    return " ".join(parts) or "0 menit"
