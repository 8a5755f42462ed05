"""Tanda tangan elektronik (TTE): the paraf and tanda tangan proven by the signatures in
the PDF, not only declared (evidence.md, S codes).

Which marks must be TTE: those declared ``metode: tte``, and every paraf and tanda tangan
of a document kind the SOP marks ``tte: true``. Each is matched to a signature by its
signer (the certificate's name without titles, or a NIP the certificate carries); what is
left over on either side is reported. Signature facts come from ``evidence.signatures``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from lapkin_audit.checks.context import NEEDS_EVIDENCE, Context
from lapkin_audit.checks.tte_signatures import integrity, order, visible_mark
from lapkin_audit.domain.tte import Pairing, within_tolerance
from lapkin_audit.domain.tte import pair as pair_marks
from lapkin_audit.domain.worktime import zone_info
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import ERROR, WARNING, Document, Mark, Rule, Violation

# The attachments' content (read in child processes by the gather stage).
NEEDS = frozenset({NEEDS_EVIDENCE})

RULES = (
    Rule(
        "S001",
        ERROR,
        waivable=False,
        title=("Tanda tangan elektronik yang dinyatakan tidak ada", "A declared electronic signature is missing"),
        akibat=(
            "Tanda tangan elektronik yang dinyatakan tidak terbukti ada.",
            "The declared electronic signature is not shown to exist.",
        ),
        actors=("tim",),
        messages={
            "S001": (
                "{what} {nama} pada {jenis} dinyatakan TTE, tetapi berkasnya tidak memuat tanda tangan elektronik orang itu ({count} tanda tangan di berkas).",
                "The {what} by {nama} on {jenis} is declared TTE, but the file holds no electronic signature by that person ({count} signatures in the file).",
            ),
        },
        checks=(
            "Paraf atau tanda tangan yang dinyatakan `metode: tte` (atau yang menurut data SOP wajib TTE, `tte: true` pada jenis dokumennya) tidak punya tanda tangan elektronik orang itu di berkas PDF-nya.",
            "A paraf or tanda tangan declared `metode: tte` (or one the SOP data requires as TTE, `tte: true` on its document kind) has no electronic signature by that person in the PDF.",
        ),
        why=(
            "Manifest ditulis oleh kantor yang diaudit; TTE yang dinyatakan harus ada di dokumennya, tempat ia membuktikan siapa menandatangani dan kapan.",
            "The office being audited writes the manifest; a declared TTE must be in the document itself, where it proves who signed and when.",
        ),
        fix=(
            "Lampirkan PDF yang ditandatangani secara elektronik (unduhan dari aplikasi TTE, bukan cetakan atau pindaiannya), atau hapus `metode: tte` bila paraf/tanda tangan itu basah.",
            "Attach the electronically signed PDF (the download from the TTE application, not a print or scan of it), or remove `metode: tte` when the paraf or signature is in wet ink.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
        failing="""\
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T10:00:00+07:00, metode: tte}
""",
        passing="""\
      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T10:00:00+07:00}
""",
    ),
    Rule(
        "S002",
        ERROR,
        waivable=False,
        title=("Tanda tangan elektronik rusak", "An electronic signature is broken"),
        akibat=(
            "Berkas berubah setelah ditandatangani; isinya bukan yang disahkan.",
            "The file changed after signing; its content is not what was approved.",
        ),
        actors=("tim",),
        messages={
            "S002.bytes": (
                "Tanda tangan elektronik {signer} ({field_name}) rusak: bagian yang ditandatangani telah berubah.",
                "The electronic signature of {signer} ({field_name}) is broken: the signed bytes have changed.",
            ),
            "S002.changed": (
                "Berkas diubah setelah {signer} menandatanganinya ({field_name}), melebihi perubahan yang diizinkan tanda tangan itu.",
                "The file was changed after {signer} signed it ({field_name}), beyond what that signature allows.",
            ),
        },
        checks=(
            "Sebuah tanda tangan elektronik rusak: bagian berkas yang ditandatangani telah berubah, atau berkas diubah setelah ditandatangani melebihi perubahan yang diizinkan tanda tangan itu (isi halaman baru, atau isian yang dikunci tanda tangan itu; bukan tanda tangan berikutnya, data validasi, cap waktu dokumen, atau isian formulir yang diizinkan). Tanda tangan yang tidak dapat dinilai pemeriksa bukan S002, melainkan S008 `unreadable`.",
            "An electronic signature is broken: the signed bytes have changed, or the file was changed after signing beyond what the signature allows (new page content, or a field the signature locks; not a later signature, validation data, a document timestamp or an allowed form fill). A signature the checker could not evaluate is not S002 but S008 `unreadable`.",
        ),
        why=(
            "Tanda tangan membuktikan bahwa dokumen tidak berubah sejak ditandatangani; tanda tangan yang rusak tidak membuktikan apa pun, dan isi yang berubah bukan lagi yang disahkan.",
            "A signature proves that the document has not changed since it was signed; a broken one proves nothing, and changed content is no longer what was approved.",
        ),
        fix=(
            "Lampirkan berkas persis seperti diunduh dari aplikasi TTE; bila isinya harus diperbaiki, tandatangani ulang.",
            "Attach the file exactly as downloaded from the TTE application; if its content must be corrected, sign it again.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
    ),
    Rule(
        "S003",
        ERROR,
        waivable=False,
        title=("Sertifikat tidak berantai ke akar tepercaya", "A certificate does not chain to a trust root"),
        akibat=(
            "Keaslian sertifikat penanda tangan tidak terbukti.",
            "The signer's certificate is not shown to be genuine.",
        ),
        actors=("tim", "pengelola"),
        messages={
            "S003": (
                "Sertifikat {signer} (penerbit: {issuer}) tidak berantai ke akar tepercaya di folder aturan ({detail}).",
                "The certificate of {signer} (issuer: {issuer}) does not chain to a trust root of the rules folder ({detail}).",
            ),
        },
        checks=(
            "Sertifikat penanda tangan tidak berantai ke akar tepercaya yang ditetapkan di folder aturan (`tte.yaml`, dipasak dengan sidik SHA-256). Nama yang sama dari PKI lain tidak cukup.",
            "The signer's certificate does not chain to a trust root configured in the rules folder (`tte.yaml`, pinned by SHA-256 fingerprint). The same names from another PKI are not enough.",
        ),
        why=(
            "Hanya sertifikat dari penerbit yang dipercaya (Root CA Indonesia, BSrE) yang membuktikan identitas penanda tangan.",
            "Only a certificate from a trusted issuer (Root CA Indonesia, BSrE) proves who signed.",
        ),
        fix=(
            "Tanda tangani dengan sertifikat BSrE; atau, bila sertifikatnya sah, tambahkan akar penerbitnya ke `tte.yaml` beserta sidiknya (docs/tte.md).",
            "Sign with a BSrE certificate; or, when the certificate is genuine, add its issuer's root to `tte.yaml` with its fingerprint (docs/tte.md).",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
    ),
    Rule(
        "S004",
        ERROR,
        waivable=False,
        title=(
            "Sertifikat dicabut atau tidak berlaku saat ditandatangani",
            "A certificate revoked or not valid at signing time",
        ),
        akibat=(
            "Tanda tangan dibuat dengan sertifikat yang tidak sah saat penandatanganan.",
            "The signature was made with a certificate not valid at signing.",
        ),
        actors=("camat", "sekretaris"),
        messages={
            "S004.revoked": (
                "Sertifikat {signer} tidak berlaku lagi sejak {revoked} (dicabut), sebelum waktu penandatanganan menurut cap waktu tepercaya ({time}; {detail}).",
                "The certificate of {signer} was no longer valid from {revoked} (revoked), before the signing time its trusted timestamp proves ({time}; {detail}).",
            ),
            "S004.revoked_no_poe": (
                "Sertifikat {signer} tidak berlaku lagi sejak {revoked} (dicabut); tanpa cap waktu tepercaya, waktu penandatanganan ({time}) hanya klaim penanda tangan, jadi tidak ada bukti tanda tangan dibuat sebelum pencabutan itu ({detail}).",
                "The certificate of {signer} was no longer valid from {revoked} (revoked); without a trusted timestamp the signing time ({time}) is only the signer's claim, so nothing proves the signature was made before that revocation ({detail}).",
            ),
            "S004.expired": (
                "Sertifikat {signer} sudah kedaluwarsa pada waktu penandatanganan ({time}).",
                "The certificate of {signer} had expired at the signing time ({time}).",
            ),
            "S004.not_yet_valid": (
                "Sertifikat {signer} belum berlaku pada waktu penandatanganan ({time}).",
                "The certificate of {signer} was not yet valid at the signing time ({time}).",
            ),
        },
        checks=(
            "Sertifikat penanda tangan sudah dicabut, kedaluwarsa, atau belum berlaku pada waktu penandatanganan (waktu cap waktu tepercaya, atau klaim penanda tangan), menurut daftar pencabutan folder aturan dan data pencabutan yang dibawa berkas (CRL dan OCSP). Tanpa cap waktu tepercaya, pencabutan kapan pun dihitung: tidak ada bukti tanda tangan dibuat sebelumnya. Pencabutan karena kunci bocor berlaku sejak `invalidityDate`.",
            "The signer's certificate was revoked, expired or not yet valid at the signing time (a trusted timestamp's, or the signer's claim), by the revocation lists of the rules folder and the revocation data the file carries (CRLs and OCSP). Without a trusted timestamp, a revocation at any time counts: nothing proves the signature came first. A revocation for key compromise counts from its `invalidityDate`.",
        ),
        why=(
            "Tanda tangan dengan sertifikat yang tidak berlaku saat itu tidak mengikat; pencabutan sesudah penandatanganan yang terbukti (cap waktu) tidak membatalkannya, tetapi waktu yang hanya diklaim dapat dimundurkan oleh siapa pun yang memegang kuncinya.",
            "A signature made with a certificate not valid at the time binds no one; a revocation after a proven signing time (a timestamp) does not undo it, but a time that is only claimed can be backdated by whoever holds the key.",
        ),
        fix=("Tandatangani ulang dengan sertifikat yang berlaku.", "Sign again with a valid certificate."),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
    ),
    Rule(
        "S005",
        ERROR,
        waivable=False,
        title=("Penanda tangan bukan orang yang dinyatakan", "The signer is not the person declared"),
        akibat=(
            "Penanda tangan bukan pejabat yang dicatat, sehingga pengesahan diragukan.",
            "The signer is not the official recorded, so the approval is in doubt.",
        ),
        actors=("tim",),
        messages={
            "S005": (
                "{what} pada {jenis} dinyatakan oleh {nama}, tetapi berkas ditandatangani secara elektronik oleh {signer}.",
                "The {what} on {jenis} is declared by {nama}, but the file is signed electronically by {signer}.",
            ),
        },
        checks=(
            "Berkas ditandatangani secara elektronik oleh orang lain dari yang dinyatakan manifest untuk paraf atau tanda tangan itu (nama sertifikat dibandingkan tanpa gelar, atau NIP bila sertifikat memuatnya).",
            "The file is signed electronically by someone other than the person the manifest declares for that paraf or tanda tangan (the certificate's name compared without titles, or its NIP where the certificate carries one).",
        ),
        why=(
            "SOP menetapkan siapa memaraf dan siapa menandatangani; tanda tangan elektronik membuktikan siapa yang sebenarnya melakukannya.",
            "The SOP says who initials and who signs; the electronic signature proves who actually did.",
        ),
        fix=(
            "Paraf/tanda tangan oleh pejabat yang dinyatakan, atau perbaiki manifest bila pejabatnya memang lain (Plt./Plh. dicatat di `pejabat`).",
            "Have the declared official initial or sign, or correct the manifest when it really was someone else (an acting official is recorded in `pejabat`).",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
    ),
    Rule(
        "S006",
        ERROR,
        waivable=True,
        title=(
            "Waktu tanda tangan elektronik di luar toleransi tanggal",
            "A signing time outside the tolerance of the date",
        ),
        akibat=(
            "Tanggal yang dicatat tidak sesuai waktu penandatanganan sebenarnya.",
            "The recorded date does not match the true signing time.",
        ),
        actors=("tim",),
        messages={
            "S006": (
                "{what} bertanggal {tanggal}, tetapi ditandatangani secara elektronik pada {signed} (menurut {basis}).",
                "The {what} is dated {tanggal}, but was signed electronically at {signed} (by the {basis}).",
            ),
            "S006.timestamp": ("cap waktu tepercaya", "trusted timestamp"),
            "S006.signer": ("klaim penanda tangan", "signer's claim"),
        },
        checks=(
            "Waktu penandatanganan elektronik di luar toleransi `tanggal` yang dinyatakan: hari lokal yang sama untuk tanggal, 60 menit untuk tanggal dan jam (data `toleransi` di `tte.yaml`).",
            "The electronic signing time falls outside the tolerance of the declared `tanggal`: the same local day for a date, 60 minutes for a date and time (`toleransi` in `tte.yaml`).",
        ),
        why=(
            "Tanggal di manifest adalah klaim kantor; cap waktu tanda tangan adalah bukti kapan itu terjadi, dan menentukan apakah langkahnya tepat waktu.",
            "The manifest's date is the office's claim; the signature's timestamp is evidence of when it happened, and decides whether the step was on time.",
        ),
        fix=(
            "Catat `tanggal` sesuai waktu penandatanganan; bila selisihnya beralasan, ajukan pengecualian yang disetujui Camat.",
            "Record `tanggal` as the signing time; when the difference has a reason, record a waiver approved by the Camat.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
    ),
    Rule(
        "S007",
        ERROR,
        waivable=False,
        title=("Tanda tangan mendahului paraf di berkas", "The signature comes before the paraf in the file"),
        akibat=(
            "Urutan paraf dan pengesahan dalam berkas tidak sesuai SOP.",
            "The order of paraf and approval in the file does not follow the SOP.",
        ),
        actors=("sekretaris", "camat"),
        messages={
            "S007": (
                "Tanda tangan {signer} pada {jenis} dibubuhkan sebelum paraf {paraf}; SOP: diparaf dulu, lalu ditandatangani.",
                "{signer}'s signature on {jenis} comes before {paraf}'s paraf; the SOP: paraf first, then the signature.",
            ),
        },
        checks=(
            "Di berkas, tanda tangan Camat dibubuhkan sebelum paraf Sekretaris: menurut urutan revisi berkas, atau menurut cap waktu tepercaya keduanya.",
            "In the file, the Camat's signature comes before the Sekretaris's paraf: by the order of the file's revisions, or by both trusted timestamps.",
        ),
        why=(
            "Paraf adalah pemeriksaan sebelum pengesahan; paraf sesudah tanda tangan tidak memeriksa apa pun.",
            "The paraf is the check before approval; a paraf after the signature checks nothing.",
        ),
        fix=(
            "Paraf dulu, lalu tanda tangan, di aplikasi TTE.",
            "Paraf first, then the signature, in the TTE application.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
    ),
    Rule(
        "S008",
        WARNING,
        waivable=True,
        title=("Tanda tangan elektronik diperiksa sebagian", "An electronic signature checked only in part"),
        akibat=(
            "Keabsahan tanda tangan elektronik hanya terbukti sebagian.",
            "The electronic signature's validity is proved only in part.",
        ),
        actors=("pengelola",),
        messages={
            "S008": (
                "{what} {nama} hanya dapat diperiksa sebagian: {parts}.",
                "The {what} by {nama} could be checked only in part: {parts}.",
            ),
            "S008.unreadable": (
                "{what} {nama}: tanda tangan elektroniknya ({field_name}) tidak dapat dinilai oleh pemeriksa ({detail}); belum terbukti, tetapi tidak berarti tanda tangan itu rusak.",
                "The {what} by {nama}: its electronic signature ({field_name}) could not be evaluated by the checker ({detail}); it is not proven, which does not mean it is broken.",
            ),
            "S008.unreadable_file": (
                "Tanda tangan elektronik di {berkas} tidak dapat dinilai oleh pemeriksa ({detail}): tidak membuktikan paraf atau tanda tangan apa pun, tetapi tidak berarti berkasnya berubah.",
                "The electronic signatures in {berkas} could not be evaluated by the checker ({detail}): they prove no paraf or signature, which does not mean the file was changed.",
            ),
            "S008.no_roots": ("tanpa akar tepercaya di folder aturan", "no trust roots in the rules folder"),
            "S008.no_timestamp": (
                "tanpa cap waktu tepercaya (waktunya klaim penanda tangan)",
                "no trusted timestamp (the time is the signer's claim)",
            ),
            "S008.no_revocation": ("tanpa data pencabutan untuk waktu itu", "no revocation data for that time"),
        },
        checks=(
            "Sebuah tanda tangan hanya dapat diperiksa sebagian: tanpa akar tepercaya di folder aturan (`no_roots`), tanpa cap waktu tepercaya sehingga waktunya klaim penanda tangan (`no_timestamp`), tanpa data pencabutan untuk waktu itu (`no_revocation`), atau pemeriksa tidak dapat menilainya (`unreadable`: keterbatasan pemeriksa, bukan bukti berkas berubah).",
            "A signature could be checked only in part: no trust roots in the rules folder (`no_roots`), no trusted timestamp so its time is the signer's claim (`no_timestamp`), no revocation data for that time (`no_revocation`), or the checker could not evaluate it (`unreadable`: the checker's limit, not evidence that the file changed).",
        ),
        why=(
            "Pemeriksaan yang tidak lengkap harus dikatakan, bukan disembunyikan di balik PATUH; klaimnya tidak naik ke tingkat kriptografis.",
            "A partial check must be said, never hidden behind PATUH; its claim does not rise to the level kriptografis.",
        ),
        fix=(
            "Pasang akar dan daftar pencabutan BSrE di folder aturan (docs/tte.md), dan gunakan aplikasi TTE yang memberi cap waktu.",
            "Configure the BSrE roots and revocation lists in the rules folder (docs/tte.md), and use a TTE application that timestamps.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
    ),
    Rule(
        "S009",
        WARNING,
        waivable=True,
        title=("Tanda tangan elektronik yang tidak dinyatakan", "An undeclared electronic signature"),
        akibat=(
            "Daftar berkas tidak mencatat semua yang tertera dalam berkas.",
            "The daftar berkas does not record everything the file shows.",
        ),
        actors=("tim",),
        messages={
            "S009": (
                "{jenis} memuat tanda tangan elektronik {signer} ({field_name}) yang tidak dinyatakan di manifest.",
                "{jenis} carries an electronic signature by {signer} ({field_name}) that the manifest does not declare.",
            ),
        },
        checks=(
            "Berkas memuat tanda tangan elektronik yang tidak dinyatakan manifest (tidak cocok dengan paraf atau tanda tangan mana pun di dokumen itu).",
            "The file carries an electronic signature the manifest does not declare (matching no paraf or tanda tangan of that document).",
        ),
        why=(
            "Manifest harus mencatat semua yang mengesahkan dokumen; tanda tangan tambahan yang tak tercatat perlu dijelaskan.",
            "The manifest must record everyone who approved the document; an unrecorded extra signature needs an explanation.",
        ),
        fix=(
            "Catat paraf/tanda tangan itu di manifest, atau lampirkan berkas yang benar.",
            "Record that paraf or signature in the manifest, or attach the right file.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
    ),
    Rule(
        "S010",
        WARNING,
        waivable=False,
        title=("Tanda TTE tanpa tanda tangan elektronik sah", "A TTE mark without a valid signature"),
        akibat=(
            "Tanda TTE tanpa tanda tangan yang sah tidak membuktikan pengesahan.",
            "A TTE mark without a valid signature does not prove approval.",
        ),
        actors=("tim",),
        messages={
            "S010": (
                "{berkas} ({jenis}) menampilkan tanda TTE (catatan kaki TTE atau kode QR verifikasi), tetapi tidak memuat tanda tangan elektronik yang sah: salinan cetak-pindai, atau tanda palsu.",
                "{berkas} ({jenis}) shows a TTE mark (the TTE footer or a verification QR code) but holds no valid electronic signature: a printed-and-scanned copy, or a forged mark.",
            ),
        },
        checks=(
            "Berkas menampilkan tanda TTE (catatan kaki 'ditandatangani secara elektronik ... diterbitkan oleh BSrE', Balai Besar Sertifikasi Elektronik, BSSN, atau PSrE lain yang terdaftar di data `psre`, dalam ejaan, spasi, dan pemenggalan apa pun; atau kode QR verifikasi, dibaca tapi tidak pernah dibuka) tetapi tidak memuat tanda tangan elektronik yang sah.",
            "The file shows a TTE mark (the footer 'ditandatangani secara elektronik ... diterbitkan oleh BSrE', Balai Besar Sertifikasi Elektronik, BSSN or another provider listed in the `psre` data, however spaced and hyphenated; or a verification QR code, read but never opened) but holds no valid electronic signature.",
        ),
        why=(
            "Cetakan atau pindaian dokumen TTE kehilangan tanda tangannya; tanda yang tampak tanpa tanda tangan bisa juga palsu.",
            "A print or scan of a TTE document loses its signature; a visible mark with no signature may also be forged.",
        ),
        fix=(
            "Lampirkan PDF bertanda tangan elektronik aslinya, bukan cetakan atau pindaiannya.",
            "Attach the original electronically signed PDF, not a print or scan of it.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
    ),
)


def check(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        facts = ctx.evidence.get(doc.field)
        if facts is None or facts.format != "pdf":
            continue  # not read (K003, B001, B006 say why), or not a PDF: no signatures to find
        yield from _document(ctx, doc, facts)


def pair(ctx: Context, doc: Document, signatures: Sequence[Any]) -> Pairing:
    """The document's declared marks against the signatures in its file (``domain.tte.pair``)."""
    return pair_marks((*doc.paraf, *doc.tanda_tangan), signatures, ctx.sop.document_kinds[doc.jenis].tte)


def _document(ctx: Context, doc: Document, facts: Any) -> Iterator[Violation]:
    if facts.signature_problem is not None:
        # The file has signature structures pyHanko could not read: nothing in it can prove a
        # mark, which is said once; that is the checker's limit, never proof of a change.
        args = {"berkas": doc.berkas or "-", "detail": facts.signature_problem}
        yield Violation("S008", "S008.unreadable_file", args, field=f"{doc.field}.berkas")
    signatures = list(facts.signatures)
    pairing = pair(ctx, doc, signatures)
    marks = {m.field: m for m in (*doc.paraf, *doc.tanda_tangan)}
    for field, signature in pairing.proven.items():
        yield from _proven(ctx, marks[field], signature)
    for mark, signature in pairing.wrong:
        if signature.signer is None and "unreadable" in signature.partial:
            # Whose it is could not be read: not "someone else's", only not judged.
            args = {"what": _what(mark), "nama": mark.person.nama, "field_name": signature.field}
            yield Violation("S008", "S008.unreadable", {**args, "detail": signature.detail or "-"}, field=mark.field)
            continue
        args = {"jenis": doc.jenis, "nama": mark.person.nama, "signer": signature.signer or "-", "what": _what(mark)}
        yield Violation("S005", "S005", args, field=mark.field)
    for mark in pairing.missing:
        args = {"jenis": doc.jenis, "nama": mark.person.nama, "what": _what(mark), "count": len(signatures)}
        yield Violation("S001", "S001", args, field=mark.field)
    for signature in pairing.extra:
        yield from integrity(ctx, signature, doc.field)
        args = {"jenis": doc.jenis, "signer": signature.signer or "-", "field_name": signature.field}
        yield Violation("S009", "S009", args, field=doc.field)
    yield from order(doc, pairing)
    if not any(s.valid for s in signatures) and visible_mark(ctx, facts):
        yield Violation("S010", "S010", {"jenis": doc.jenis, "berkas": doc.berkas or "-"}, field=f"{doc.field}.berkas")


def proves(signature: Any) -> bool:
    """A signature that proves its mark cryptographically: valid, and checked in full (a
    trust root, a trusted timestamp and revocation data; evidence level ``kriptografis``)."""
    return bool(signature.valid and not signature.partial)


def _proven(ctx: Context, mark: Mark, signature: Any) -> Iterator[Violation]:
    broken = list(integrity(ctx, signature, mark.field))
    yield from broken
    if broken:
        return  # S002-S004 say it proves nothing; its time and partial checks are moot
    if signature.time is not None:
        signed_at = dt.datetime.fromisoformat(signature.time.replace("Z", "+00:00"))
        trust = ctx.sop.tte
        zone = zone_info(ctx.dossier.zona_waktu)
        if not within_tolerance(mark.tanggal, signed_at, zone, trust.tolerance_minutes, trust.tolerance_days):
            signed = signed_at.astimezone(zone)
            basis = Nested(f"S006.{signature.time_basis or 'signer'}")
            args = {"what": _what(mark), "tanggal": mark.tanggal, "signed": signed, "basis": basis}
            yield Violation("S006", "S006", args, field=f"{mark.field}.tanggal")
    if "unreadable" in signature.partial:
        args = {"what": _what(mark), "nama": mark.person.nama, "field_name": signature.field}
        yield Violation("S008", "S008.unreadable", {**args, "detail": signature.detail or "-"}, field=mark.field)
    elif signature.partial:
        parts = [Nested(f"S008.{part}") for part in signature.partial]
        args = {"what": _what(mark), "nama": mark.person.nama, "parts": parts}
        yield Violation("S008", "S008", args, field=mark.field)


def _what(mark: Mark) -> str:
    return f"{'paraf' if '.paraf' in mark.field else 'tanda tangan'} {mark.person.peran or ''}".strip()
