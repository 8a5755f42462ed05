"""Waktu: each step and the whole run within the SOP's standard times, in working time.

Working time is the office calendar's (rules/kalender/): office hours less breaks,
weekends, national holidays and cuti bersama. A step from Friday 14:00 to Monday
10:00 took 5 working hours.

W001  one occurrence of a step took longer than its Mutu Baku: Waktu (waivable).
      Fails: step 2 from Monday 08:45 to Wednesday 08:00 (14 jam 15 menit; 1 hari = 7 jam 30 menit).
W002  the run, first `mulai` to last `selesai` (waiting included), took longer than the
      Jumlah Waktu Penyelesaian plus the standard time of every repeated step (waivable).
W003  a step ends before it starts. Fix: correct the times.
W004  the run started before the reporting period ended (waivable): a report written
      before its period is over cannot report on all of it. Only for SOPs that produce a
      periodic report (`laporan_berkala: true` in the rules).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lapkin_audit.checks.context import Context
from lapkin_audit.domain.timeline import elapsed_minutes
from lapkin_audit.model import Violation, WorkMinutes

CODES = ("W001", "W002", "W003", "W004")


def check(ctx: Context) -> Iterator[Violation]:
    log = ctx.dossier.langkah
    if not log:
        return
    calendar, zone = ctx.sop.calendar, ctx.dossier.zona_waktu
    for timing in ctx.timeline:
        if timing.selesai < timing.mulai:
            args = {"step": timing.nomor, "mulai": timing.mulai, "selesai": timing.selesai}
            yield Violation("W003", "W003", args, step=timing.nomor, field=f"{timing.field}.selesai")
        elif timing.overrun:
            args = {
                "step": timing.nomor,
                "kegiatan": timing.kegiatan,
                "actual": WorkMinutes(timing.worked),
                "limit_text": timing.standard_text,
                "limit": WorkMinutes(timing.standard),
            }
            yield Violation("W001", "W001", args, step=timing.nomor, field=f"{timing.field}.selesai")

    first = min(log, key=lambda r: r.mulai)
    last = max(log, key=lambda r: r.selesai)
    # Each repetition (a revision loop) adds that step's standard time to the allowance.
    repeats = Counter(record.nomor for record in log)
    extra = sum(step.waktu_minutes * (repeats[step.nomor] - 1) for step in ctx.sop.steps if repeats[step.nomor] > 1)
    allowed = ctx.sop.jumlah_waktu_minutes + extra
    if ctx.sop.jumlah_waktu_kalender:
        total = elapsed_minutes(first.mulai, last.selesai)
    else:
        total = calendar.working_minutes(first.mulai, last.selesai, zone)
    if last.selesai >= first.mulai and total > allowed:
        key = "W002.loop" if extra else "W002"
        args = {
            "actual": WorkMinutes(total),
            "limit_text": ctx.sop.jumlah_waktu,
            "limit": WorkMinutes(allowed),
            "extra": WorkMinutes(extra),
        }
        yield Violation("W002", key, args, field=f"{last.field}.selesai")

    if not ctx.sop.periodic or ctx.dossier.periode is None:
        return  # a service SOP (a Surat Keterangan) reports on no period
    period_end = ctx.dossier.periode.last_day()
    if first.mulai.date() <= period_end:
        args = {"mulai": first.mulai, "akhir": period_end}
        yield Violation("W004", "W004", args, field=f"{first.field}.mulai")
