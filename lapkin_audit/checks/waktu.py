"""Waktu: each step and the whole run within the SOP's standard times, in working time.

Working time is the office calendar's (rules/kalender/): office hours less breaks,
weekends, national holidays and cuti bersama. A step from Friday 14:00 to Monday
10:00 took 5 working hours.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lapkin_audit.checks.context import Context
from lapkin_audit.domain.timeline import elapsed_minutes
from lapkin_audit.model import ERROR, WARNING, Rule, Violation, WorkMinutes

NEEDS: frozenset[str] = frozenset()  # the manifest and the attachments' file facts suffice

RULES = (
    Rule(
        "W001",
        ERROR,
        waivable=True,
        title=("Langkah melampaui waktu baku", "A step took longer than its standard time"),
        messages={
            "W001": (
                "Langkah {step} ({kegiatan}) memakan {actual} kerja; batas {limit_text} ({limit}).",
                "Step {step} ({kegiatan}) took {actual} of working time; the limit is {limit_text} ({limit}).",
            ),
        },
        checks=(
            "Satu pelaksanaan langkah lebih lama dari Mutu Baku: Waktu-nya, dihitung dalam jam kerja.",
            "One occurrence of a step took longer than its Mutu Baku: Waktu, counted in working time.",
        ),
        why=(
            "Waktu baku adalah janji layanan SOP; keterlambatan harus terlihat dan dijelaskan.",
            "The standard time is the SOP's service promise; an overrun must be visible and explained.",
        ),
        fix=(
            "Catat waktu yang benar, atau ajukan pengecualian untuk langkah itu dengan alasannya.",
            "Record the true times, or a waiver for that step giving the reason.",
        ),
        clause="Mutu Baku — Waktu: langkah 1 1 jam; langkah 2 1 hari; langkah 3 1 hari; langkah 4 1 jam; langkah 5 1 jam; langkah 6 15 Menit",
        failing="""\
    mulai: 2024-07-03T09:25:00+07:00
    selesai: 2024-07-03T09:45:00+07:00
""",
        passing="""\
    mulai: 2024-07-03T09:25:00+07:00
    selesai: 2024-07-03T09:35:00+07:00
""",
    ),
    Rule(
        "W002",
        ERROR,
        waivable=True,
        title=("Seluruh proses melampaui jumlah waktu", "The whole run took longer than allowed"),
        messages={
            "W002": (
                "Seluruh proses memakan {actual} kerja; batas {limit_text} ({limit}).",
                "The whole run took {actual} of working time; the limit is {limit_text} ({limit}).",
            ),
            "W002.loop": (
                "Seluruh proses memakan {actual} kerja; batas {limit_text} ditambah {extra} untuk langkah yang diulang ({limit}).",
                "The whole run took {actual} of working time; the limit is {limit_text} plus {extra} for repeated steps ({limit}).",
            ),
        },
        checks=(
            "Seluruh proses, dari `mulai` pertama sampai `selesai` terakhir (waktu tunggu ikut dihitung), lebih lama dari Jumlah Waktu Penyelesaian ditambah waktu baku setiap langkah yang diulang, dalam jam kerja.",
            "The run, first `mulai` to last `selesai` (waiting counts), took longer than the Jumlah Waktu Penyelesaian plus the standard time of every repeated step, in working time.",
        ),
        why=(
            "Laporan yang terlambat kehilangan gunanya, meski setiap langkahnya tepat waktu.",
            "A late report loses its use, even when every step on its own was on time.",
        ),
        fix=(
            "Catat waktu yang benar, atau ajukan pengecualian dengan alasan penundaan.",
            "Record the true times, or a waiver giving the reason for the delay.",
        ),
        clause="JUMLAH WAKTU PENYELESAIAN: 2 hari 3 jam 15 menit",
        failing="""\
    mulai: 2024-07-05T09:25:00+07:00
    selesai: 2024-07-05T09:35:00+07:00
""",
        passing="""\
    mulai: 2024-07-03T09:25:00+07:00
    selesai: 2024-07-03T09:35:00+07:00
""",
    ),
    Rule(
        "W003",
        ERROR,
        waivable=False,
        title=("Langkah selesai sebelum dimulai", "A step ends before it starts"),
        messages={
            "W003": (
                "Langkah {step} selesai ({selesai}) sebelum dimulai ({mulai}).",
                "Step {step} ends ({selesai}) before it starts ({mulai}).",
            ),
        },
        checks=("Sebuah langkah selesai sebelum dimulai.", "A step ends before it starts."),
        why=(
            "Waktu yang mustahil berarti catatan salah, dan waktu baku tidak dapat diperiksa.",
            "Impossible times mean a wrong record, and the standard times cannot be checked.",
        ),
        fix=("Perbaiki `mulai` atau `selesai` langkah itu.", "Correct the step's `mulai` or `selesai`."),
        clause="Mutu Baku — Waktu: langkah 1 1 jam; langkah 2 1 hari; langkah 3 1 hari; langkah 4 1 jam; langkah 5 1 jam; langkah 6 15 Menit",
        failing="""\
    mulai: 2024-07-03T09:25:00+07:00
    selesai: 2024-07-03T09:20:00+07:00
""",
        passing="""\
    mulai: 2024-07-03T09:25:00+07:00
    selesai: 2024-07-03T09:35:00+07:00
""",
    ),
    Rule(
        "W004",
        WARNING,
        waivable=True,
        title=("Proses dimulai sebelum periode laporan berakhir", "The run started before the period ended"),
        messages={
            "W004": (
                "Proses dimulai {mulai}, sebelum periode laporan berakhir ({akhir}).",
                "The run started at {mulai}, before the reporting period ended ({akhir}).",
            ),
        },
        checks=(
            "Proses dimulai pada atau sebelum hari terakhir periode laporannya (hanya SOP yang menghasilkan laporan berkala: `laporan_berkala`).",
            "The run started on or before the last day of its reporting period (only SOPs that produce a periodic report: `laporan_berkala`).",
        ),
        why=(
            "Laporan Realisasi Anggaran dan data kinerja suatu periode baru lengkap setelah periode itu berakhir.",
            "The budget realisation report and performance data of a period are only complete after the period has ended.",
        ),
        fix=(
            "Periksa `periode`; bila benar, mulai proses setelah periode berakhir atau ajukan pengecualian.",
            "Check `periode`; if it is right, start after the period ends or record a waiver.",
        ),
        clause="Mutu Baku — Kelengkapan langkah 1: Laporan Realisasi Anggaran, DPA",
        failing="""\
  zona_waktu: Asia/Jakarta
periode: {tahun: 2024, jenis: triwulan, ke: 3}
""",
        passing="""\
  zona_waktu: Asia/Jakarta
periode: {tahun: 2024, jenis: triwulan, ke: 2}
""",
    ),
)


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
