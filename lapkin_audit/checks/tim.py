"""Tim Akuntabilitas Kinerja: the precondition in the SOP's Peringatan.

Generic over any SOP: each `peringatan` entry names the decree kind that must exist,
the role that signs it, whether it must predate the first step and cover the run, and
the role whose executors must be its members.

T001  no decree of the required kind. Fix: attach the SK Tim Akuntabilitas Kinerja.
T002  the decree is not signed by the required role (the Camat).
T003  the decree is dated after the run's first step started (or is undated).
T004  the decree's validity (berlaku_mulai..berlaku_sampai) does not cover the run.
T005  someone acting in the members' role (`tim`) is not a member named in the decree.
      Fails: step 2 by `{peran: tim, nama: Hendra Wijaya}` who is not in `anggota`.
T006  the decree was signed by a different Camat than the one in office (waivable):
      check that it is still in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from lapkin_audit.checks.context import Context, mismatch
from lapkin_audit.domain.people import People, same_person
from lapkin_audit.model import Document, Precondition, Violation

CODES = ("T001", "T002", "T003", "T004", "T005", "T006")


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
