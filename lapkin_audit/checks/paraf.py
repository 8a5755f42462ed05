"""Paraf and tanda tangan: who initialled and signed, in which order, and valid NIPs.

Required marks are declared per document kind in the SOP file (`jenis_dokumen.*.paraf`
and `.tanda_tangan`); office holders come from the dossier's `pejabat`.

P001  a required paraf is missing (the signed report without the Sekretaris' paraf).
P002  a required signature is missing (the signed report without the Camat's).
P003  who initialled or signed is not the holder of that role in `pejabat`
      (the NIP differs; without NIPs, the name, titles and punctuation ignored).
P004  the paraf is dated after the signature, or either falls outside the step
      that produced the document. Fix: the paraf comes first, both during step 3.
P005  a NIP anywhere in the dossier is malformed: not 18 digits, impossible birth
      date, appointment month (TMT) not 1-12, appointed before 18, sex digit not 1/2,
      serial 000. An NI PPPK (digits 13-14 from 21, an opaque PPPK code) is checked for
      what it holds: birth date, year, appointment at 20 or older, sex digit, serial.
P006  the same person initialled and signed (an acting Camat who is also the
      Sekretaris) (waivable).
P007  someone initialled, signed or did a step when their NIP says they were not in
      service: before their TMT, or from the first day of the month after reaching the
      retirement age (BUP) that the SOP gives their role (waivable).
      Fails: a Camat born in 1965 signs in January 2024 (58 in January 2023: retired
      since 1 February 2023). Fix: record who really signed, with their NIP.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lapkin_audit.checks.context import Context, mismatch
from lapkin_audit.domain.people import (
    PNS,
    People,
    format_nip,
    nip_kind,
    nip_problem,
    normalize_nip,
    out_of_service,
    parse_nip,
    retirement,
    same_person,
)
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import Document, Mark, Person, Violation

CODES = ("P001", "P002", "P003", "P004", "P005", "P006", "P007")


def check(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        kind = ctx.sop.document_kinds[doc.jenis]
        if kind.paraf or kind.tanda_tangan:
            yield from _required(ctx, doc, "P001", "paraf", kind.paraf, doc.paraf)
            yield from _required(ctx, doc, "P002", "tanda_tangan", kind.tanda_tangan, doc.tanda_tangan)
            yield from _holders(ctx, doc.paraf + doc.tanda_tangan)
            yield from _timing(ctx, doc)
            yield from _same_person(doc)
    yield from _nips(ctx)
    yield from _in_service(ctx)


def _required(
    ctx: Context, doc: Document, code: str, key: str, roles: tuple[str, ...], marks: tuple[Mark, ...]
) -> Iterator[Violation]:
    for role in roles:
        if not any(mark.person.peran == role for mark in marks):
            field = f"{doc.field}.{key}" if marks else doc.field
            yield Violation(
                code, code, {"jenis": doc.jenis, "role": role, "role_name": ctx.sop.roles[role]}, field=field
            )


def _holders(ctx: Context, marks: tuple[Mark, ...]) -> Iterator[Violation]:
    for mark in marks:
        holder = ctx.dossier.pejabat.get(mark.person.peran or "")
        if holder is not None and not same_person(mark.person.nama, mark.person.nip, holder.nama, holder.nip):
            message, args = mismatch("P003", mark.person, holder, role=mark.person.peran)
            yield Violation("P003", message, args, field=mark.field)


def _timing(ctx: Context, doc: Document) -> Iterator[Violation]:
    for paraf in doc.paraf:
        for signature in doc.tanda_tangan:
            if _after(paraf.tanggal, signature.tanggal):
                args: dict[str, object] = {"paraf": paraf.tanggal, "ttd": signature.tanggal}
                yield Violation("P004", "P004.order", args, field=f"{paraf.field}.tanggal")
    producers = [s.nomor for s in ctx.sop.steps if doc.jenis in s.output]
    windows = [(r.mulai, r.selesai, r.nomor) for r in ctx.dossier.langkah if r.nomor in producers]
    if not windows:
        return  # the producing step was never done: A001 says so
    for mark in doc.paraf + doc.tanda_tangan:
        if not any(_within(mark.tanggal, start, end) for start, end, _ in windows):
            args = {"tanggal": mark.tanggal, "step": windows[0][2]}
            yield Violation("P004", "P004.outside", args, step=windows[0][2], field=f"{mark.field}.tanggal")


def _same_person(doc: Document) -> Iterator[Violation]:
    initialled = People((mark.person.nama, mark.person.nip) for mark in doc.paraf)
    for signature in doc.tanda_tangan:
        b = signature.person
        if initialled.has(b.nama, b.nip):
            yield Violation("P006", "P006", {"nama": b.nama, "jenis": doc.jenis}, field=signature.field)


def _nips(ctx: Context) -> Iterator[Violation]:
    for person in _people(ctx):
        if person.nip is None:
            continue
        problem = nip_problem(person.nip)
        if problem is not None:
            normalized = normalize_nip(person.nip)
            kind = nip_kind(normalized) if normalized else PNS
            args = {
                "nip": person.nip,
                "nama": person.nama,
                "kind": Nested(f"nip.{kind}"),
                "digits": (normalized or "")[12:14],
            }
            yield Violation("P005", f"P005.{problem}", args, field=f"{person.field}.nip")


def _people(ctx: Context) -> Iterator[Person]:
    d = ctx.dossier
    yield from d.pejabat.values()
    for doc in d.dokumen:
        yield from (mark.person for mark in doc.paraf + doc.tanda_tangan)
        yield from doc.anggota
    for record in d.langkah:
        yield from record.pelaksana
    for waiver in d.pengecualian:
        yield waiver.disetujui_oleh


# ----------------------------------------------------------------------------- P007


def _in_service(ctx: Context) -> Iterator[Violation]:
    """Every act of a person with a valid NIP falls between their TMT and retirement."""
    for doc in ctx.dossier.dokumen:
        for act, marks in (("paraf", doc.paraf), ("tanda_tangan", doc.tanda_tangan)):
            for mark in marks:
                day = _day(mark.tanggal)
                yield from _acted(ctx, mark.person, day, day, act, doc.jenis, mark.field)
    for record in ctx.dossier.langkah:
        for person in record.pelaksana:
            start, end = record.mulai.date(), record.selesai.date()
            yield from _acted(ctx, person, start, end, "langkah", record.nomor, person.field, record.nomor)


def _acted(
    ctx: Context,
    person: Person,
    start: dt.date,
    end: dt.date,
    act: str,
    what: object,
    field: str,
    step: int | None = None,
) -> Iterator[Violation]:
    info = parse_nip(person.nip)
    if info is None:
        return  # no NIP, or P005 says what is wrong with it
    bup = ctx.sop.retirement_ages.get(person.peran or "")
    args: dict[str, object] = {
        "nama": person.nama or "-",
        "nip": format_nip(info.nip),
        "act": Nested(f"P007.act.{act}"),
        "what": what,
    }
    if out_of_service(info, start, None) == "before_tmt":
        yield Violation("P007", "P007.before_tmt", {**args, "tanggal": start, "tmt": info.tmt}, step, field)
    elif bup is not None and out_of_service(info, end, bup.usia) == "retired":
        since = retirement(info.birth_date, bup.usia)
        role = ctx.sop.roles.get(person.peran or "", person.peran)
        details = {"tanggal": end, "lahir": info.birth_date, "pensiun": since, "usia": bup.usia}
        yield Violation("P007", "P007.retired", {**args, **details, "role": role, "sumber": bup.sumber}, step, field)


def _after(a: dt.date, b: dt.date) -> bool:
    """a later than b; a date alone is compared by day (same day is not later)."""
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a > b
    return _day(a) > _day(b)


def _within(moment: dt.date, start: dt.datetime, end: dt.datetime) -> bool:
    if isinstance(moment, dt.datetime):
        return start <= moment <= end
    return start.date() <= moment <= end.date()


def _day(moment: dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment
