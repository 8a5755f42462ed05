"""The step log in working time: what each step took, what it was allowed, and how long
the dossier waited before it. Computed once per dossier; the time rules (W001) and the
reports (the HTML timeline) read the same figures.
"""

from __future__ import annotations

import datetime as dt

from lapkin_audit.model import Dossier, Sop, StepTiming


def elapsed_minutes(start: dt.datetime, end: dt.datetime) -> int:
    """Whole minutes from start to end (0 when it ends first): calendar time."""
    return max(0, int((end - start).total_seconds() // 60))


def build(dossier: Dossier, sop: Sop) -> tuple[StepTiming, ...]:
    calendar, zone = sop.calendar, dossier.zona_waktu
    timeline = []
    previous_end = None
    for record in dossier.langkah:
        step = sop.step(record.nomor)
        if step is None:  # an unknown step number stops the audit before this (E004)
            continue
        if step.waktu_kalender:  # calendar time ("1 x 24 jam"): elapsed minutes
            worked = elapsed_minutes(record.mulai, record.selesai)
        else:
            worked = calendar.working_minutes(record.mulai, record.selesai, zone)  # 0 when it ends first
        waited = 0 if previous_end is None else calendar.working_minutes(previous_end, record.mulai, zone)
        timeline.append(
            StepTiming(
                nomor=record.nomor,
                kegiatan=step.short_name,
                mulai=record.mulai,
                selesai=record.selesai,
                worked=worked,
                standard=step.waktu_minutes,
                standard_text=step.waktu,
                waited=waited,
                field=record.field,
            )
        )
        previous_end = record.selesai
    return tuple(timeline)
