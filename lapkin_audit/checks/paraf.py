"""Paraf and tanda tangan: who initialled and signed, in which order, and valid NIPs.

Required marks are declared per document kind in the SOP file (`jenis_dokumen.*.paraf`
and `.tanda_tangan`); office holders come from the dossier's `pejabat`. Whether each act
falls within its actor's years of service (P007) is ``checks.paraf_masa``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lapkin_audit.checks.context import Context, mismatch
from lapkin_audit.domain.people import (
    PNS,
    People,
    nip_kind,
    nip_problem,
    normalize_nip,
    same_person,
)
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import ERROR, WARNING, Document, Mark, Person, Rule, Violation

NEEDS: frozenset[str] = frozenset()  # the manifest and the attachments' file facts suffice

RULES = (
    Rule(
        "P001",
        ERROR,
        waivable=False,
        title=("Paraf wajib tidak ada", "A required paraf is missing"),
        messages={
            "P001": (
                "{jenis} tidak diparaf oleh {role_name} ({role}).",
                "{jenis} has no paraf by the {role_name} ({role}).",
            ),
        },
        checks=(
            "Laporan yang ditandatangani tidak memuat paraf `sekretaris`.",
            "The signed report lacks the `sekretaris`' paraf.",
        ),
        why=(
            "Paraf Sekretaris menunjukkan bahwa draf sudah diperiksa sebelum ditandatangani Camat.",
            "The Sekretaris' paraf shows the draft was checked before the Camat signed it.",
        ),
        fix=(
            "Catat paraf Sekretaris pada `draf_laporan_disahkan`.",
            "Record the Sekretaris' paraf on `draf_laporan_disahkan`.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
        failing="""\
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}
""",
        passing="""\
    paraf:
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T10:00:00+07:00}
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}
""",
    ),
    Rule(
        "P002",
        ERROR,
        waivable=False,
        title=("Tanda tangan wajib tidak ada", "A required signature is missing"),
        messages={
            "P002": (
                "{jenis} tidak ditandatangani oleh {role_name} ({role}).",
                "{jenis} is not signed by the {role_name} ({role}).",
            ),
        },
        checks=(
            "Laporan yang ditandatangani tidak memuat tanda tangan `camat`.",
            "The signed report lacks the `camat`'s signature.",
        ),
        why=(
            "Tanda tangan Camat mengesahkan laporan; tanpanya laporan hanya draf.",
            "The Camat's signature approves the report; without it the report is only a draft.",
        ),
        fix=(
            "Catat tanda tangan Camat pada `draf_laporan_disahkan`.",
            "Record the Camat's signature on `draf_laporan_disahkan`.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
        failing="""\
    paraf:
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T10:00:00+07:00}
  - {jenis: berkas_siap_distribusi}
""",
        passing="""\
    paraf:
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T10:00:00+07:00}
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}
  - {jenis: berkas_siap_distribusi}
""",
    ),
    Rule(
        "P003",
        ERROR,
        waivable=False,
        title=(
            "Pemaraf atau penanda tangan bukan pejabat yang menjabat",
            "Initialled or signed by someone not in office",
        ),
        messages={
            "P003": (
                "{nama} ({role}) bukan pejabat {role} dalam dossier ({holder}).",
                "{nama} ({role}) is not the {role} named in the dossier ({holder}).",
            ),
            "P003.nip": (
                "{nama} ({role}, NIP {nip}) bukan pejabat {role} dalam dossier: {holder} (NIP {holder_nip}).",
                "{nama} ({role}, NIP {nip}) is not the {role} named in the dossier: {holder} (NIP {holder_nip}).",
            ),
        },
        checks=(
            "Yang memaraf atau menandatangani bukan pemegang jabatan peran itu di `pejabat` (NIP menentukan; tanpa NIP, nama, dengan mengabaikan huruf besar-kecil, tanda baca dan gelar).",
            "Who initialled or signed is not the holder of that role in `pejabat` (the NIP decides; without NIPs the name, ignoring case, punctuation and titles).",
        ),
        why=(
            "Paraf dan tanda tangan hanya sah bila dibubuhkan oleh pejabat yang sedang menjabat.",
            "A paraf or signature only counts when made by the official in office.",
        ),
        fix=(
            "Catat pejabat yang benar di `pejabat`, atau paraf/tanda tangan oleh pejabat itu.",
            "Record the right official in `pejabat`, or have that official initial or sign.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
        failing="""\
    tanda_tangan:
      - {peran: camat, nama: "Drs. Hadi Purnomo", nip: "19680505 199203 1 010", tanggal: 2024-07-02T15:00:00+07:00}
""",
        passing="""\
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}
""",
    ),
    Rule(
        "P004",
        ERROR,
        waivable=False,
        title=(
            "Urutan atau waktu paraf dan tanda tangan salah",
            "Paraf and signature out of order or outside their step",
        ),
        messages={
            "P004.order": (
                "Paraf ({paraf}) dibubuhkan setelah tanda tangan ({ttd}).",
                "The paraf ({paraf}) comes after the signature ({ttd}).",
            ),
            "P004.outside": (
                "Paraf atau tanda tangan bertanggal {tanggal}, di luar langkah {step} yang menghasilkan dokumen.",
                "A paraf or signature dated {tanggal} falls outside step {step}, which produced the document.",
            ),
        },
        checks=(
            "Paraf bertanggal setelah tanda tangan, atau salah satunya di luar pelaksanaan langkah yang menghasilkan dokumen itu (langkah 3); tanggal tanpa jam dibandingkan per hari.",
            "The paraf is dated after the signature, or either falls outside an occurrence of the step that produced the document (step 3); a date without time compares by day.",
        ),
        why=(
            "Paraf adalah pemeriksaan sebelum pengesahan, dan keduanya terjadi dalam langkah pemeriksaan draf.",
            "The paraf is the check before approval, and both happen during the step that reviews the draft.",
        ),
        fix=(
            "Paraf lebih dahulu, lalu tanda tangan, keduanya selama langkah 3; perbaiki tanggal yang salah catat.",
            "The paraf comes first, then the signature, both during step 3; correct a wrongly recorded date.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
        failing="""\
    paraf:
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T15:10:00+07:00}
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}
""",
        passing="""\
    paraf:
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T10:00:00+07:00}
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}
""",
    ),
    Rule(
        "P005",
        ERROR,
        waivable=False,
        title=("NIP tidak sah", "A malformed NIP"),
        messages={
            "P005.format": ("{kind} '{nip}' ({nama}) bukan 18 digit.", "{kind} '{nip}' ({nama}) is not 18 digits."),
            "P005.birth_date": (
                "{kind} '{nip}' ({nama}) memuat tanggal lahir yang mustahil.",
                "{kind} '{nip}' ({nama}) holds an impossible birth date.",
            ),
            "P005.tmt_month": (
                "{kind} '{nip}' ({nama}): digit ke-13 dan ke-14 ('{digits}') bukan bulan TMT (01-12) dan bukan kode PPPK (21 ke atas).",
                "{kind} '{nip}' ({nama}): digits 13-14 ('{digits}') are neither an appointment (TMT) month (01-12) nor a PPPK code (21 and up).",
            ),
            "P005.pppk_year": (
                "{kind} '{nip}' ({nama}): tahun pengangkatan sebelum PPPK ada (PP 49/2018).",
                "{kind} '{nip}' ({nama}): appointed in a year before PPPK existed (PP 49/2018).",
            ),
            "P005.tmt_age": (
                "{kind} '{nip}' ({nama}): TMT sebelum berusia 18 tahun.",
                "{kind} '{nip}' ({nama}): appointed (TMT) before the age of 18.",
            ),
            "P005.sex": (
                "{kind} '{nip}' ({nama}): digit jenis kelamin bukan 1 atau 2.",
                "{kind} '{nip}' ({nama}): the sex digit is not 1 or 2.",
            ),
            "P005.pppk_age": (
                "{kind} '{nip}' ({nama}): menurut tanggal lahir dan tahun pengangkatannya, ia belum berusia 20 tahun saat diangkat (PP 49/2018 Pasal 16 huruf a).",
                "{kind} '{nip}' ({nama}): by its birth date and year of appointment, the holder was under 20 when appointed (PP 49/2018 Pasal 16 huruf a).",
            ),
            "P005.serial": (
                "{kind} '{nip}' ({nama}): nomor urut 000; nomor urut dimulai dari 001.",
                "{kind} '{nip}' ({nama}): serial 000; serials start at 001.",
            ),
            "nip.nip": ("NIP", "NIP (civil servant)"),
            "nip.ni_pppk": ("NI PPPK", "NI PPPK (contract staff)"),
        },
        checks=(
            "Sebuah NIP di mana pun dalam dossier tidak sah: bukan 18 angka, tanggal lahir mustahil, bulan TMT bukan 1-12, diangkat (TMT tanggal 1 bulannya) sebelum umur 18, angka jenis kelamin bukan 1 atau 2, atau nomor urut `000` (nomor urut dimulai dari 001). NI PPPK (angka ke-13 dan ke-14 `21` ke atas: kode PPPK, bukan bulan dan bukan hitungan kontrak) diperiksa tanggal lahir, tahun pengangkatan (tidak sebelum 2018, tidak sebelum lahir), usia saat diangkat (paling rendah 20 tahun, PP 49/2018 Pasal 16 huruf a: dilaporkan bila ia di bawah 20 sepanjang tahun pengangkatannya), angka jenis kelamin dan nomor urutnya. Spasi, titik, tanda hubung dan label `NIP.` tidak mengubah nomornya.",
            "A NIP anywhere in the dossier is malformed: not 18 digits, an impossible birth date, a TMT month not 1-12, appointed (TMT is the 1st of its month) before 18, a sex digit not 1 or 2, or serial `000` (serials start at 001). An NI PPPK (digits 13-14 `21` and up: the PPPK code, neither a month nor a count of contracts) is checked for its birth date, year of appointment (not before 2018, not before the birth), age at appointment (at least 20, PP 49/2018 Pasal 16 huruf a: reported when the holder was under 20 all through the year of appointment), sex digit and serial. Spaces, dots, hyphens and a `NIP.` label do not change the number.",
        ),
        why=(
            "NIP mengenali pejabat dan pelaksana; NIP yang salah tidak mengenali siapa pun.",
            "The NIP identifies officials and executors; a malformed one identifies nobody.",
        ),
        fix=(
            "Salin NIP dari SK pengangkatan: 8 angka tanggal lahir, 6 angka TMT, 1 angka jenis kelamin, 3 angka nomor urut.",
            "Copy the NIP from the appointment decree: 8 digits birth date, 6 digits TMT, 1 sex digit, 3 digits sequence number.",
        ),
        clause="Disahkan oleh: CAMAT KARANGPLOSO SUROTO, SH, MM Pembina Tingkat I NIP. 19610219 198103 1 007",
        failing="""\
  - nomor: 4
    pelaksana: [{peran: sub_umum, nama: "Rudi Hartono", nip: "19820605 200813 1 012"}]
""",
        passing="""\
  - nomor: 4
    pelaksana: [{peran: sub_umum, nama: "Rudi Hartono", nip: "19820605 200801 1 012"}]
""",
    ),
    Rule(
        "P006",
        WARNING,
        waivable=True,
        title=("Orang yang sama memaraf dan menandatangani", "The same person initialled and signed"),
        messages={
            "P006": ("{nama} memaraf sekaligus menandatangani {jenis}.", "{nama} both initialled and signed {jenis}."),
        },
        checks=(
            "Orang yang sama memaraf dan menandatangani (Plt. Camat yang juga Sekretaris).",
            "The same person initialled and signed (an acting Camat who is also the Sekretaris).",
        ),
        why=(
            "Paraf dimaksudkan sebagai pemeriksaan oleh orang kedua; bila satu orang melakukan keduanya, pemeriksaan itu hilang.",
            "The paraf is meant as a check by a second person; when one person does both, that check is lost.",
        ),
        fix=(
            "Bila memang ada Plt. Camat, catat `status: plt` di `pejabat` dan ajukan pengecualian; jika tidak, paraf dan tanda tangan oleh dua orang.",
            "When there really is an acting Camat, record `status: plt` in `pejabat` and a waiver; otherwise two people initial and sign.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
        failing="""\
    paraf:
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T10:00:00+07:00}
    tanda_tangan:
      - {peran: camat, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T15:00:00+07:00}
""",
        passing="""\
    paraf:
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T10:00:00+07:00}
    tanda_tangan:
      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}
""",
    ),
)


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
    return day_of(a) > day_of(b)


def _within(moment: dt.date, start: dt.datetime, end: dt.datetime) -> bool:
    if isinstance(moment, dt.datetime):
        return start <= moment <= end
    return start.date() <= moment <= end.date()


def day_of(moment: dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment
