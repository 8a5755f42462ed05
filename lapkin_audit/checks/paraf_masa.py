"""P007: every act of a person (a paraf, a signature, a step) falls within the years of
service their NIP gives: from the TMT to the retirement age the SOP's
`batas_usia_pensiun` sets for the role. Part of the P family (``checks.paraf``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lapkin_audit.checks.context import Context
from lapkin_audit.checks.paraf import day_of
from lapkin_audit.domain.people import format_nip, out_of_service, parse_nip, retirement
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import ERROR, Person, Rule, Violation

NEEDS: frozenset[str] = frozenset()  # the manifest suffices

RULES = (
    Rule(
        "P007",
        ERROR,
        waivable=True,
        title=(
            "Bertindak di luar masa dinas menurut NIP (sebelum TMT atau setelah pensiun)",
            "Acted outside the years of service the NIP gives (before TMT or after retirement)",
        ),
        messages={
            "P007.before_tmt": (
                "{nama} (NIP {nip}) {act} {what} pada {tanggal}, sebelum TMT-nya ({tmt}): menurut NIP-nya ia belum diangkat.",
                "{nama} (NIP {nip}) {act} {what} on {tanggal}, before their TMT ({tmt}): by their NIP they were not yet appointed.",
            ),
            "P007.retired": (
                "{nama} (NIP {nip}, lahir {lahir}) {act} {what} pada {tanggal}, padahal sudah pensiun sejak {pensiun}: batas usia pensiun {role} {usia} tahun ({sumber}).",
                "{nama} (NIP {nip}, born {lahir}) {act} {what} on {tanggal}, but had retired on {pensiun}: the retirement age of a {role} is {usia} ({sumber}).",
            ),
            "P007.act.paraf": (
                "memaraf",
                "initialled",
            ),
            "P007.act.tanda_tangan": (
                "menandatangani",
                "signed",
            ),
            "P007.act.langkah": (
                "melaksanakan langkah",
                "did step",
            ),
        },
        checks=(
            "Seseorang memaraf, menandatangani (termasuk SK) atau melaksanakan langkah ketika menurut NIP-nya ia tidak sedang bertugas: sebelum TMT-nya (tanggal 1 bulan TMT pada NIP; NI PPPK: 1 Januari tahunnya), atau sejak pensiun, yaitu tanggal 1 bulan berikutnya setelah mencapai batas usia pensiun (BUP) yang diberikan data SOP untuk perannya (`batas_usia_pensiun`, dengan `sumber`-nya: 58 tahun bagi camat dan sekretaris kecamatan, pejabat administrasi). Peran tanpa BUP hanya diperiksa TMT-nya.",
            "Someone initialled, signed (a decree too) or did a step when their NIP says they were not in service: before their TMT (the 1st of the TMT month in the NIP; an NI PPPK: 1 January of its year), or from retirement, the first day of the month after reaching the retirement age (BUP) that the SOP data gives their role (`batas_usia_pensiun`, with its `sumber`: 58 for the camat and the sekretaris kecamatan, pejabat administrasi). A role without a BUP is checked for the TMT only.",
        ),
        why=(
            "Paraf, tanda tangan dan pelaksanaan langkah hanya sah oleh ASN yang sedang bertugas; NIP seorang pensiunan atau calon pegawai di manifest menandakan nama atau NIP yang salah catat, atau tindakan oleh orang yang tidak berwenang.",
            "A paraf, a signature or a step only counts when done by a civil servant in service; the NIP of a retiree or of someone not yet appointed in the manifest means a wrongly recorded name or NIP, or an act by someone without authority.",
        ),
        fix=(
            "Catat orang yang sebenarnya bertindak beserta NIP-nya; bila NIP-nya benar, tindakan itu harus diulang oleh pejabat yang sedang bertugas (atau Plt./Plh. yang ditunjuk).",
            "Record who really acted, with their NIP; when the NIP is right, the act must be done again by an official in service (or an appointed Plt./Plh.).",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat (UU 5/2014 Pasal 90; PP 11/2017 Pasal 239)",
        failing="""\
  - nomor: 4
    pelaksana: [{peran: sub_umum, nama: "Putri Maharani, A.Md", nip: "20000415 202408 2 003"}]
""",
        passing="""\
  - nomor: 4
    pelaksana: [{peran: sub_umum, nama: "Rudi Hartono", nip: "19820605 200801 1 012"}]
""",
    ),
)


def check(ctx: Context) -> Iterator[Violation]:
    yield from _in_service(ctx)


def _in_service(ctx: Context) -> Iterator[Violation]:
    """Every act of a person with a valid NIP falls between their TMT and retirement."""
    for doc in ctx.dossier.dokumen:
        for act, marks in (("paraf", doc.paraf), ("tanda_tangan", doc.tanda_tangan)):
            for mark in marks:
                day = day_of(mark.tanggal)
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
