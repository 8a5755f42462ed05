"""Alur: the steps ran in the SOP's order, by the roles the SOP gives them.

Only a decision step's `diperbaiki` leads back: the revision loop
`1, 2, 3 (diperbaiki), 2, 3 (diteruskan), 4, 5, 6` follows the flow.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from lapkin_audit.checks.context import Context
from lapkin_audit.model import ERROR, Rule, Violation

NEEDS: frozenset[str] = frozenset()  # the manifest and the attachments' file facts suffice

RULES = (
    Rule(
        "A001",
        ERROR,
        waivable=False,
        title=("Langkah SOP tidak tercatat", "A step of the SOP is not recorded"),
        akibat=(
            "Tidak terbukti bahwa langkah SOP tersebut dikerjakan.",
            "Nothing shows that step of the SOP was done.",
        ),
        actors=("langkah", "tim"),
        messages={
            "A001": (
                "Langkah {step} ({kegiatan}) tidak tercatat dalam daftar berkas.",
                "Step {step} ({kegiatan}) is not recorded in the daftar berkas.",
            ),
        },
        checks=("Sebuah langkah SOP tidak tercatat di log.", "A step of the SOP is not recorded in the log."),
        why=(
            "Setiap langkah prosedur harus dilaksanakan; langkah yang dilewati berarti prosedur tidak selesai.",
            "Every step of the procedure must be done; a skipped step means the procedure was not finished.",
        ),
        fix=(
            "Catat langkah itu di `langkah` bila memang dilakukan; bila tidak, lakukan.",
            "Record the step under `langkah` if it was done; if not, do it.",
        ),
        clause="Prosedur Pelaporan Kinerja: 1 Mengumpulkan bahan laporan … 6 Menyimpan berkas laporan kedalam arsip kantor",
        failing="""\
  - nomor: 5
    pelaksana: [{peran: sub_umum, nama: "Rudi Hartono", nip: "19820605 200801 1 012"}]
    mulai: 2024-07-03T08:30:00+07:00
    selesai: 2024-07-03T09:20:00+07:00
""",
        passing="""\
  - nomor: 5
    pelaksana: [{peran: sub_umum, nama: "Rudi Hartono", nip: "19820605 200801 1 012"}]
    mulai: 2024-07-03T08:30:00+07:00
    selesai: 2024-07-03T09:20:00+07:00
  - nomor: 6
    pelaksana: [{peran: sub_umum, nama: "Rudi Hartono", nip: "19820605 200801 1 012"}]
    mulai: 2024-07-03T09:25:00+07:00
    selesai: 2024-07-03T09:35:00+07:00
""",
    ),
    Rule(
        "A002",
        ERROR,
        waivable=False,
        title=("Alur langkah melanggar SOP", "The log breaks the flow of the SOP"),
        akibat=(
            "Alur kerja tidak terbukti mengikuti SOP.",
            "The workflow is not shown to follow the SOP.",
        ),
        actors=("tim",),
        messages={
            "A002.first": (
                "Log dimulai dengan langkah {step}; SOP dimulai dengan langkah {first}.",
                "The log starts with step {step}; the SOP starts with step {first}.",
            ),
            "A002.order": (
                "Langkah {step} tidak boleh mengikuti langkah {previous} (yang boleh: {allowed}).",
                "Step {step} may not follow step {previous} (allowed: {allowed}).",
            ),
            "A002.overlap": (
                "Langkah {step} dimulai {mulai}, sebelum langkah {previous} selesai ({selesai}).",
                "Step {step} starts at {mulai}, before step {previous} ended ({selesai}).",
            ),
            "A002.no_hasil": (
                "Langkah keputusan {step} tidak mencatat hasil ({allowed}).",
                "Decision step {step} records no hasil ({allowed}).",
            ),
            "A002.bad_hasil": (
                "Hasil '{hasil}' langkah {step} tidak dikenal (yang boleh: {allowed}).",
                "Hasil '{hasil}' of step {step} is unknown (allowed: {allowed}).",
            ),
        },
        checks=(
            "Log melanggar alur: sebuah langkah mengikuti langkah yang tidak boleh diikutinya (hanya `diperbaiki` yang kembali ke belakang), log tidak dimulai dari langkah pertama, sebuah langkah dimulai sebelum langkah sebelumnya selesai, atau langkah keputusan tidak memiliki `hasil` yang sah.",
            "The log breaks the flow: a step follows one it may not follow (only `diperbaiki` leads back), the log does not start at the first step, a step starts before the previous one ended, or a decision step lacks a valid `hasil`.",
        ),
        why=(
            "Urutan langkah adalah inti prosedur: draf harus diperiksa sebelum digandakan, dan hanya diperbaiki atas keputusan pemeriksaan.",
            "The order of steps is the core of the procedure: the draft is reviewed before it is copied, and revised only by the review's decision.",
        ),
        fix=(
            "Catat langkah dalam urutan yang benar dengan waktu yang benar, dan `hasil: diteruskan` atau `hasil: diperbaiki` pada langkah 3.",
            "Record the steps in their true order and times, and `hasil: diteruskan` or `hasil: diperbaiki` on step 3.",
        ),
        clause="Kegiatan langkah 3: Memeriksa dan mengevaluasi draft Laporan, apakah akan diteruskan ke tahap berikutnya menjadi naskah laporan atau draft diperbaiki terlebih dahulu",
        failing="""\
    mulai: 2024-07-02T08:15:00+07:00
    selesai: 2024-07-02T15:30:00+07:00
  - nomor: 4
""",
        passing="""\
    mulai: 2024-07-02T08:15:00+07:00
    selesai: 2024-07-02T15:30:00+07:00
    hasil: diteruskan
  - nomor: 4
""",
    ),
    Rule(
        "A003",
        ERROR,
        waivable=True,
        title=("Pelaksana dengan peran yang tidak diberikan SOP", "A step done by a role the SOP does not give it"),
        akibat=(
            "Langkah dikerjakan oleh pelaksana yang tidak berwenang menurut SOP.",
            "A step was done by an executor the SOP does not authorise.",
        ),
        actors=("camat", "langkah"),
        messages={
            "A003": (
                "Langkah {step} ({kegiatan}) dilakukan oleh {nama} sebagai {peran}; SOP memberikannya kepada {allowed}.",
                "Step {step} ({kegiatan}) was done by {nama} as {peran}; the SOP gives it to {allowed}.",
            ),
        },
        checks=(
            "Sebuah langkah dilakukan oleh peran yang tidak diberikan SOP untuk langkah itu.",
            "A step was done by a role the SOP does not give it.",
        ),
        why=(
            "SOP membagi tugas per pelaksana agar setiap langkah dikerjakan oleh yang bertanggung jawab atasnya.",
            "The SOP divides the work among executors so that each step is done by whoever answers for it.",
        ),
        fix=(
            "Catat pelaksana yang benar, atau ajukan pengecualian yang disetujui Camat bila tugas itu memang dialihkan.",
            "Record the right executor, or a waiver approved by the Camat when the task really was handed over.",
        ),
        clause="Pelaksana: Camat, Sekretaris, Tim, Sub. Umum, Sub. Evapor",
        failing="""\
  - nomor: 4
    pelaksana: [{peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011"}]
""",
        passing="""\
  - nomor: 4
    pelaksana: [{peran: sub_umum, nama: "Rudi Hartono", nip: "19820605 200801 1 012"}]
""",
    ),
)


def check(ctx: Context) -> Iterator[Violation]:
    yield from _missing_steps(ctx)
    yield from _flow(ctx)
    yield from _roles(ctx)


def _missing_steps(ctx: Context) -> Iterator[Violation]:
    done = {record.nomor for record in ctx.dossier.langkah}
    for step in ctx.sop.steps:
        if step.nomor not in done:
            yield Violation(
                "A001", "A001", {"step": step.nomor, "kegiatan": step.short_name}, step=step.nomor, field="langkah"
            )


def _flow(ctx: Context) -> Iterator[Violation]:
    sop, log = ctx.sop, ctx.dossier.langkah
    done = {record.nomor for record in log}
    first = sop.steps[0]
    if log and log[0].nomor != first.nomor and first.nomor in done:
        yield Violation(
            "A002",
            "A002.first",
            {"step": log[0].nomor, "first": first.nomor},
            step=log[0].nomor,
            field=f"{log[0].field}.nomor",
        )
    for record in log:
        step = sop.step(record.nomor)
        if step is not None and step.decision is not None and record.hasil not in step.decision:
            key = "A002.no_hasil" if record.hasil is None else "A002.bad_hasil"
            args: dict[str, Any] = {"step": record.nomor, "hasil": record.hasil, "allowed": sorted(step.decision)}
            yield Violation("A002", key, args, step=record.nomor, field=f"{record.field}.hasil")
    for previous, record in itertools.pairwise(log):
        allowed = sop.successors(previous.nomor, previous.hasil)
        if record.nomor not in allowed:
            args = {"step": record.nomor, "previous": previous.nomor, "allowed": list(allowed) or "-"}
            yield Violation("A002", "A002.order", args, step=record.nomor, field=f"{record.field}.nomor")
        if record.mulai < previous.selesai:
            args = {
                "step": record.nomor,
                "mulai": record.mulai,
                "previous": previous.nomor,
                "selesai": previous.selesai,
            }
            yield Violation("A002", "A002.overlap", args, step=record.nomor, field=f"{record.field}.mulai")


def _roles(ctx: Context) -> Iterator[Violation]:
    for record in ctx.dossier.langkah:
        step = ctx.sop.step(record.nomor)
        if step is None:
            continue
        for person in record.pelaksana:
            if person.peran not in step.pelaksana:
                args = {
                    "step": record.nomor,
                    "kegiatan": step.short_name,
                    "nama": person.nama,
                    "peran": person.peran,
                    "allowed": list(step.pelaksana),
                }
                yield Violation("A003", "A003", args, step=record.nomor, field=f"{person.field}.peran")
