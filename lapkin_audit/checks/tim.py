"""Tim Akuntabilitas Kinerja: the precondition in the SOP's Peringatan.

Generic over any SOP: each `peringatan` entry names the decree kind that must exist,
the role that signs it, whether it must predate the first step and cover the run, and
the role whose executors must be its members.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from lapkin_audit.checks.context import Context, mismatch
from lapkin_audit.domain.people import People, same_person
from lapkin_audit.model import ERROR, WARNING, Document, Precondition, Rule, Violation

NEEDS: frozenset[str] = frozenset()  # the manifest and the attachments' file facts suffice

RULES = (
    Rule(
        "T001",
        ERROR,
        waivable=False,
        title=("SK Tim Akuntabilitas Kinerja tidak ada", "No Tim Akuntabilitas decree"),
        akibat=(
            "Tanpa SK, tidak terbukti bahwa Tim Akuntabilitas Kinerja yang menyusun laporan sah dibentuk.",
            "Without the decree, nothing shows the team that prepared the report was lawfully formed.",
        ),
        actors=("camat",),
        messages={
            "T001": ("Tidak ada dokumen {jenis}: {teks}", "No {jenis} document: {teks}"),
        },
        checks=("Tidak ada dokumen `sk_tim_akuntabilitas`.", "There is no `sk_tim_akuntabilitas` document."),
        why=(
            "SOP mensyaratkan Tim Akuntabilitas Kinerja sudah ditetapkan sebelum laporan disusun; SK Camat adalah buktinya.",
            "The SOP requires the Tim Akuntabilitas Kinerja to be set up before the report is made; the Camat's decree is the proof.",
        ),
        fix=(
            "Lampirkan SK penetapan tim sebagai `sk_tim_akuntabilitas`.",
            "Attach the decree as `sk_tim_akuntabilitas`.",
        ),
        clause="Peringatan: Tim Akuntabilitas Kinerja harus sudah ditetapkan oleh Camat.",
        failing="""\
dokumen:
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}
""",
        passing="""\
dokumen:
  - jenis: sk_tim_akuntabilitas
    nomor: 188.45/07/421.632/2024
    tanggal: 2024-01-08
    berlaku_mulai: 2024-01-01
    berlaku_sampai: 2024-12-31
    berkas: lampiran/sk-tim-akuntabilitas-2024.pdf
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-01-08}
    anggota:
      - {nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011"}
      - {nama: "Agus Prasetyo, SE", nip: "19850417 201001 1 019"}
      - {nama: "Dewi Lestari, A.Md", nip: "19900102 201503 2 006"}
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}
""",
    ),
    Rule(
        "T002",
        ERROR,
        waivable=False,
        title=("SK tim tidak ditandatangani Camat", "The decree is not signed by the Camat"),
        akibat=(
            "SK yang tidak ditandatangani Camat tidak sah sebagai dasar pembentukan tim.",
            "A decree not signed by the Camat does not validly form the team.",
        ),
        actors=("camat",),
        messages={
            "T002": ("{jenis} tidak ditandatangani oleh {role}.", "{jenis} is not signed by the {role}."),
        },
        checks=("SK tim tidak ditandatangani oleh `camat`.", "The team decree is not signed by a `camat`."),
        why=(
            "Hanya Camat yang berwenang menetapkan Tim Akuntabilitas Kinerja.",
            "Only the Camat may set up the Tim Akuntabilitas Kinerja.",
        ),
        fix=("Catat tanda tangan Camat pada SK.", "Record the Camat's signature on the decree."),
        clause="Peringatan: Tim Akuntabilitas Kinerja harus sudah ditetapkan oleh Camat.",
        failing="""\
    tanda_tangan:
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-01-08}
""",
        passing="""\
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-01-08}
""",
    ),
    Rule(
        "T003",
        ERROR,
        waivable=False,
        title=("SK tim bertanggal setelah proses dimulai", "The decree is dated after the run started"),
        akibat=(
            "Tim bekerja sebelum ditetapkan, sehingga langkah yang dikerjakan sebelum SK tidak berdasar.",
            "The team worked before it was formed, so the steps before the decree had no basis.",
        ),
        actors=("camat", "tim"),
        messages={
            "T003": (
                "SK tim bertanggal {tanggal}, setelah proses dimulai ({mulai}).",
                "The team decree is dated {tanggal}, after the run started ({mulai}).",
            ),
            "T003.undated": (
                "{jenis} tidak bertanggal, sehingga tidak terbukti ditetapkan sebelum proses dimulai.",
                "{jenis} is undated, so it is not shown to predate the run.",
            ),
        },
        checks=(
            "SK tim bertanggal setelah langkah pertama proses dimulai (atau tidak bertanggal); SK yang bertanggal pada hari pertama dihitung sebelum.",
            "The team decree is dated after the run's first step started (or is undated); a decree dated on the first day counts as before.",
        ),
        why=(
            '"Harus sudah ditetapkan": tim harus ada sebelum bekerja, bukan disahkan belakangan.',
            '"Must already be set up": the team must exist before it works, not be approved afterwards.',
        ),
        fix=(
            "Tim harus ditetapkan lebih dahulu; catat tanggal SK yang benar.",
            "The team must exist first; record the decree's true date.",
        ),
        clause="Peringatan: Tim Akuntabilitas Kinerja harus sudah ditetapkan oleh Camat.",
        failing="""\
    nomor: 188.45/07/421.632/2024
    tanggal: 2024-07-02
""",
        passing="""\
    nomor: 188.45/07/421.632/2024
    tanggal: 2024-01-08
""",
    ),
    Rule(
        "T004",
        ERROR,
        waivable=False,
        title=("Masa berlaku SK tim tidak mencakup proses", "The decree's validity does not cover the run"),
        akibat=(
            "Sebagian proses dikerjakan di luar masa berlaku SK, tanpa dasar penugasan.",
            "Part of the run was done outside the decree's validity, without an assignment.",
        ),
        actors=("camat",),
        messages={
            "T004.start": (
                "SK tim baru berlaku {berlaku}, setelah proses dimulai ({mulai}).",
                "The team decree only applies from {berlaku}, after the run started ({mulai}).",
            ),
            "T004.end": (
                "SK tim berlaku sampai {berlaku}, sebelum proses selesai ({selesai}).",
                "The team decree expired on {berlaku}, before the run ended ({selesai}).",
            ),
        },
        checks=(
            "Masa berlaku SK tim tidak mencakup seluruh proses (dari `mulai` pertama sampai `selesai` terakhir).",
            "The team decree's validity does not cover the run (first `mulai` to last `selesai`).",
        ),
        why=(
            "Tim yang SK-nya sudah atau belum berlaku tidak ditetapkan untuk proses ini.",
            "A team whose decree has lapsed or is not yet valid is not set up for this run.",
        ),
        fix=("Lampirkan SK yang berlaku selama periode proses.", "Attach a decree valid for the whole run."),
        clause="Peringatan: Tim Akuntabilitas Kinerja harus sudah ditetapkan oleh Camat.",
        failing="""\
    berlaku_mulai: 2024-01-01
    berlaku_sampai: 2024-06-30
""",
        passing="""\
    berlaku_mulai: 2024-01-01
    berlaku_sampai: 2024-12-31
""",
    ),
    Rule(
        "T005",
        ERROR,
        waivable=False,
        title=("Pelaksana langkah tim bukan anggota tim", "A team step was done by a non-member"),
        akibat=(
            "Langkah dikerjakan oleh orang yang tidak ditugaskan, sehingga tanggung jawabnya tidak jelas.",
            "A step was done by someone not assigned, so responsibility for it is unclear.",
        ),
        actors=("tim", "camat"),
        messages={
            "T005": (
                "Langkah {step} dilakukan oleh {nama} sebagai {role}, tetapi ia bukan anggota yang ditetapkan dalam SK tim.",
                "Step {step} was done by {nama} as {role}, who is not a member named in the team decree.",
            ),
        },
        checks=(
            "Langkah yang pelaksananya menurut SOP `tim` dilakukan oleh orang yang bukan anggota yang disebut dalam SK.",
            "A step whose executor in the SOP is `tim` was done by someone who is not a member named in the decree.",
        ),
        why=(
            "Pekerjaan tim hanya sah bila dilakukan oleh anggota yang ditetapkan Camat.",
            "The team's work only counts when done by members the Camat appointed.",
        ),
        fix=(
            "Sebutkan orang itu di `anggota` SK, atau catat pelaksana yang benar.",
            "Name them under the decree's `anggota`, or record the right person.",
        ),
        clause="Peringatan: Tim Akuntabilitas Kinerja harus sudah ditetapkan oleh Camat.",
        failing="""\
  - nomor: 2
    pelaksana: [{peran: tim, nama: "Hendra Wijaya, S.Kom", nip: "19880321 201101 1 008"}]
""",
        passing="""\
  - nomor: 2
    pelaksana: [{peran: tim, nama: "Agus Prasetyo, SE", nip: "19850417 201001 1 019"}]
""",
    ),
    Rule(
        "T006",
        WARNING,
        waivable=True,
        title=("SK tim ditandatangani Camat lain", "The decree was signed by another Camat"),
        akibat=(
            "SK dari Camat sebelumnya mungkin tidak lagi mencerminkan penugasan yang berlaku.",
            "A decree of an earlier Camat may no longer reflect the assignment in force.",
        ),
        actors=("camat",),
        messages={
            "T006": (
                "SK tim ditandatangani {nama} sebagai {role}, bukan {holder} yang kini menjabat; pastikan SK masih berlaku.",
                "The team decree was signed by {nama} as {role}, not by {holder} who is in office now; check it is still in force.",
            ),
            "T006.nip": (
                "SK tim ditandatangani {nama} (NIP {nip}) sebagai {role}, bukan {holder} (NIP {holder_nip}) yang kini menjabat; pastikan SK masih berlaku.",
                "The team decree was signed by {nama} (NIP {nip}) as {role}, not by {holder} (NIP {holder_nip}) who is in office now; check it is still in force.",
            ),
        },
        checks=(
            "SK tim ditandatangani oleh Camat lain dari yang sedang menjabat.",
            "The team decree was signed by a different camat than the one in office.",
        ),
        why=(
            "SK dari Camat sebelumnya bisa saja masih berlaku, tetapi perlu dipastikan belum dicabut atau diganti.",
            "A decree of a previous Camat may still be in force, but that needs checking: it may have been revoked or replaced.",
        ),
        fix=(
            "Pastikan SK itu masih berlaku, lalu catat pengecualian; atau lampirkan SK Camat yang sekarang.",
            "Check that the decree is still in force and record a waiver; or attach a decree of the present Camat.",
        ),
        clause="Peringatan: Tim Akuntabilitas Kinerja harus sudah ditetapkan oleh Camat.",
        failing="""\
    tanda_tangan:
      - {peran: camat, nama: "Ir. Suharto, M.M.", nip: "19650101 199003 1 003", tanggal: 2024-01-08}
""",
        passing="""\
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-01-08}
""",
    ),
)


def check(ctx: Context) -> Iterator[Violation]:
    for precondition in ctx.sop.preconditions:
        decrees = ctx.dossier.documents(precondition.dokumen)
        if not decrees:
            yield Violation("T001", "T001", {"jenis": precondition.dokumen, "teks": precondition.text}, field="dokumen")
            continue
        # Several decrees (an old and a new one): judge by the one that fits best.
        judged = [list(_problems(ctx, precondition, decree)) for decree in decrees]
        yield from min(judged, key=len)


def _problems(ctx: Context, rule: Precondition, decree: Document) -> Iterator[Violation]:
    log = ctx.dossier.langkah
    signers = [mark for mark in decree.tanda_tangan if mark.person.peran == rule.signed_by]
    if not signers:
        yield Violation(
            "T002",
            "T002",
            {"jenis": decree.jenis, "role": rule.signed_by},
            field=f"{decree.field}.tanda_tangan" if decree.tanda_tangan else decree.field,
        )
    else:
        holder = ctx.dossier.pejabat.get(rule.signed_by)
        for mark in signers:
            if holder is not None and not same_person(mark.person.nama, mark.person.nip, holder.nama, holder.nip):
                message, args = mismatch("T006", mark.person, holder, role=rule.signed_by)
                yield Violation("T006", message, args, field=mark.field)
    if not log:
        return
    start = min(record.mulai for record in log)
    end = max(record.selesai for record in log)
    dated = decree.tanggal or _earliest(signers)
    if rule.before_first_step:
        if dated is None:
            yield Violation("T003", "T003.undated", {"jenis": decree.jenis}, field=decree.field)
        elif dated > start.date():
            yield Violation(
                "T003",
                "T003",
                {"tanggal": dated, "mulai": start},
                field=f"{decree.field}.tanggal" if decree.tanggal else decree.field,
            )
    if rule.covers_run:
        begins = decree.berlaku_mulai or dated
        if begins is not None and begins > start.date():
            yield Violation(
                "T004", "T004.start", {"berlaku": begins, "mulai": start}, field=f"{decree.field}.berlaku_mulai"
            )
        if decree.berlaku_sampai is not None and decree.berlaku_sampai < end.date():
            yield Violation(
                "T004",
                "T004.end",
                {"berlaku": decree.berlaku_sampai, "selesai": end},
                field=f"{decree.field}.berlaku_sampai",
            )
    if rule.members_for_role:
        members = People((m.nama, m.nip) for m in decree.anggota)
        for record in log:
            for person in record.pelaksana:
                if person.peran != rule.members_for_role:
                    continue
                if not members.has(person.nama, person.nip):
                    args = {"step": record.nomor, "nama": person.nama, "role": rule.members_for_role}
                    yield Violation("T005", "T005", args, step=record.nomor, field=person.field)


def _earliest(marks: list[Any]) -> dt.date | None:
    dates = [m.tanggal.date() if isinstance(m.tanggal, dt.datetime) else m.tanggal for m in marks]
    return min(dates) if dates else None
