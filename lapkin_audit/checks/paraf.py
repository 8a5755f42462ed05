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
      date, appointment month (TMT) not 1-12, appointed before 18, sex digit not 1/2.
      An NI PPPK (digits 13-14 are 21-29) is checked for what it holds: birth date,
      year, PPPK code and sex digit.
P006  the same person initialled and signed (an acting Camat who is also the
      Sekretaris) (waivable).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lapkin_audit.checks.context import Context, mismatch
from lapkin_audit.domain.people import PNS, People, nip_kind, nip_problem, normalize_nip, same_person
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import Document, Mark, Person, Violation

CODES = ("P001", "P002", "P003", "P004", "P005", "P006")


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
