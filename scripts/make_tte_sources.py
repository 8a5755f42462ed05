"""Signs the fixture dossiers' signed report for the electronic-signature (S) fixtures, the
way BSrE's service signs: PAdES, each signature with a timestamp of its TSA, the chain's CRLs
and an OCSP response per signer in the document security store (B-LT), optionally sealed by
a document timestamp (B-LTA); then what happens to such files afterwards (a form field
filled in, a page changed, a key found compromised).

A BSrE-like test PKI is made afresh (tests/tte_pki.py; every name marked UJI) and thrown
away: only public material and signed PDFs are written, never a private key. Times are
fixed (a frozen clock), but keys differ on every run, so this is run by hand, once, when
the signed report or the cases change; scripts/make_fixtures.py then copies what it wrote,
so that the fixtures stay reproducible byte for byte.

    python scripts/make_tte_sources.py   # rewrites fixtures/tte/

Writes fixtures/tte/aturan-uji/ (a rules folder: tte.yaml, the root certificate pinned by
its SHA-256, the revocation lists of the intermediate and of the root, published after
every signature) and fixtures/tte/berkas/<fixture>.pdf.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import fixture_documents as docs  # noqa: E402  (beside this script)
from cryptography.x509 import ReasonFlags  # noqa: E402

from tests.tte_pki import CAMAT, SEKRETARIS, Party, Pki, Revoked, build_pki, sign  # noqa: E402

OUT = ROOT / "fixtures" / "tte"
UTC = dt.UTC
PARAF_AT = dt.datetime(2024, 7, 2, 3, 0, tzinfo=UTC)  # 10.00 WIB, as the manifest declares
TTD_AT = dt.datetime(2024, 7, 2, 8, 0, tzinfo=UTC)  # 15.00 WIB
PUBLISHED = dt.datetime(2024, 8, 1, tzinfo=UTC)  # the rules folder's lists: after every signature
NIP_SEKRETARIS = "197908252005012011"
NIP_CAMAT = "197003121990031004"
FIELD = "NomorAgenda"  # a form field the receiving office fills in after signing
AGENDA = "045/BU/VII/2024"


def pem(der: bytes, label: str) -> str:
    body = base64.encodebytes(der).decode().replace("\n", "")
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {label}-----\n{lines}\n-----END {label}-----\n"


def _write(writer: object) -> bytes:
    out = io.BytesIO()
    writer.write(out)  # type: ignore[attr-defined]
    return out.getvalue()


def with_agenda_field(pdf: bytes) -> bytes:
    """The report with an empty text field for the agenda number, as a template made before
    signing carries it."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import NameObject as Name
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    field = generic.DictionaryObject(
        {
            Name("/Type"): Name("/Annot"),
            Name("/Subtype"): Name("/Widget"),
            Name("/FT"): Name("/Tx"),
            Name("/T"): generic.TextStringObject(FIELD),
            Name("/Rect"): generic.ArrayObject([generic.FloatObject(x) for x in (400, 780, 560, 800)]),
            Name("/F"): generic.NumberObject(4),
            Name("/P"): page_ref,
            Name("/DA"): generic.TextStringObject("/Helv 9 Tf 0 g"),
        }
    )
    ref = writer.add_object(field)
    page[Name("/Annots")] = generic.ArrayObject([*(page.get("/Annots") or []), ref])
    writer.update_container(page)
    helvetica = generic.DictionaryObject(
        {Name("/Type"): Name("/Font"), Name("/Subtype"): Name("/Type1"), Name("/BaseFont"): Name("/Helvetica")}
    )
    fonts = generic.DictionaryObject({Name("/Helv"): writer.add_object(helvetica)})
    writer.root[Name("/AcroForm")] = generic.DictionaryObject(
        {
            Name("/Fields"): generic.ArrayObject([ref]),
            Name("/DR"): generic.DictionaryObject({Name("/Font"): fonts}),
            Name("/DA"): generic.TextStringObject("/Helv 9 Tf 0 g"),
        }
    )
    writer.update_root()
    return _write(writer)


def filled_in(pdf: bytes) -> bytes:
    """A later revision that fills in the agenda number: form filling, which a signature
    allows unless it locks that field."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import NameObject as Name
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    form = writer.root["/AcroForm"]
    (ref,) = [ref for ref in form["/Fields"] if ref.get_object().get("/T") == FIELD]
    field = ref.get_object()
    field[Name("/V")] = generic.TextStringObject(AGENDA)
    appearance = generic.StreamObject(
        {
            Name("/Type"): Name("/XObject"),
            Name("/Subtype"): Name("/Form"),
            Name("/BBox"): generic.ArrayObject([generic.FloatObject(x) for x in (0, 0, 160, 20)]),
            Name("/Resources"): form["/DR"],
        },
        stream_data=f"/Tx BMC BT /Helv 9 Tf 2 6 Td ({AGENDA}) Tj ET EMC".encode("ascii"),
    )
    field[Name("/AP")] = generic.DictionaryObject({Name("/N"): writer.add_object(appearance)})
    writer.mark_update(ref)
    return _write(writer)


def changed_after_signing(pdf: bytes) -> bytes:
    """A later revision that adds a line to the page: content no signature allows."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    line = b"BT /F1 9 Tf 72 40 Td (Catatan: angka diperbarui) Tj ET"
    added = writer.add_object(generic.StreamObject(stream_data=line))
    contents = page.raw_get("/Contents")  # the reference: a stream is never held directly in an array
    listed = list(contents.get_object()) if isinstance(contents.get_object(), generic.ArrayObject) else [contents]
    page["/Contents"] = generic.ArrayObject([*listed, added])
    writer.update_container(page)
    return _write(writer)


def bsre(pdf: bytes, pki: Pki, who: Party, field: str, at: dt.datetime, **options: object) -> bytes:
    """One signature as BSrE's service makes it: timestamped, its validation data embedded."""
    return sign(pdf, pki, who, field, at, lt=pki.revocation_data(at, [who]), **options)  # type: ignore[arg-type]


def main() -> int:
    base = with_agenda_field(docs.documents(ke=2)["lampiran/lkj-2024-tw2-ttd.pdf"])
    pki, foreign = build_pki(), build_pki()
    sekretaris = pki.person(SEKRETARIS, NIP_SEKRETARIS)
    camat = pki.person(CAMAT, NIP_CAMAT)
    # Further certificates of the Sekretaris: revoked before the paraf; revoked ten days
    # after an untimestamped paraf; its key compromised the day before the paraf, which
    # became known (and the certificate revoked) a week after it.
    revoked = pki.person(SEKRETARIS, NIP_SEKRETARIS)
    revoked_later = pki.person(SEKRETARIS, NIP_SEKRETARIS)
    compromised = pki.person(SEKRETARIS, NIP_SEKRETARIS)
    other = pki.person("AGUS PRASETYO, SE", "198504172010011019")
    third = pki.person("DEWI LESTARI, A.Md", "199001022015032006")

    def both(paraf_by: Party = sekretaris, ttd_at: dt.datetime = TTD_AT, **options: object) -> bytes:
        paraf = bsre(base, pki, paraf_by, "Paraf Sekretaris", PARAF_AT)
        return bsre(paraf, pki, camat, "Tanda Tangan Camat", ttd_at, **options)

    patuh = both()
    outsider_paraf = bsre(base, foreign, foreign.person(SEKRETARIS, NIP_SEKRETARIS), "Paraf Sekretaris", PARAF_AT)
    files = {
        "patuh-tte": patuh,
        "patuh-tte-lta": both(lta=True),
        "patuh-tte-isian": filled_in(patuh),
        "s002-diubah-setelah-ditandatangani": changed_after_signing(patuh),
        "s002-isian-terkunci": filled_in(both(lock=[FIELD])),
        "s003-akar-asing": bsre(
            outsider_paraf, foreign, foreign.person(CAMAT, NIP_CAMAT), "Tanda Tangan Camat", TTD_AT
        ),
        # A revoked certificate gets no "good" OCSP answer to embed: timestamped only.
        "s004-sertifikat-dicabut": bsre(
            sign(base, pki, revoked, "Paraf Sekretaris", PARAF_AT), pki, camat, "Tanda Tangan Camat", TTD_AT
        ),
        "s004-dicabut-tanpa-cap-waktu": bsre(
            sign(base, pki, revoked_later, "Paraf Sekretaris", PARAF_AT, timestamp=False),
            pki,
            camat,
            "Tanda Tangan Camat",
            TTD_AT,
        ),
        "s004-kunci-bocor": both(paraf_by=compromised),
        "s005-paraf-orang-lain": both(paraf_by=other),
        "s006-di-luar-toleransi": both(ttd_at=TTD_AT + dt.timedelta(days=2)),
        "s007-tanda-tangan-sebelum-paraf": bsre(
            bsre(base, pki, camat, "Tanda Tangan Camat", TTD_AT), pki, sekretaris, "Paraf Sekretaris", PARAF_AT
        ),
        "s008-tanpa-cap-waktu": sign(
            sign(base, pki, sekretaris, "Paraf Sekretaris", PARAF_AT, timestamp=False),
            pki,
            camat,
            "Tanda Tangan Camat",
            TTD_AT,
            timestamp=False,
        ),
        "s009-tanda-tangan-tak-dinyatakan": bsre(
            patuh, pki, third, "Tanda Tangan Lain", TTD_AT + dt.timedelta(minutes=30)
        ),
    }
    if OUT.exists():
        shutil.rmtree(OUT)
    rules = OUT / "aturan-uji"
    (rules / "tte").mkdir(parents=True)
    (rules / "tte" / "root-ca-uji.pem").write_text(pem(pki.root.der, "CERTIFICATE"), encoding="ascii")
    signers = pki.crl(
        {
            revoked: PARAF_AT - dt.timedelta(days=2),
            revoked_later: Revoked(PARAF_AT + dt.timedelta(days=10)),
            compromised: Revoked(
                PARAF_AT + dt.timedelta(days=7), ReasonFlags.key_compromise, PARAF_AT - dt.timedelta(days=1)
            ),
        },
        issued=PUBLISHED,
    )
    (rules / "tte" / "osd-uji.crl").write_text(pem(signers, "X509 CRL"), encoding="ascii")
    cas = pki.crl(issued=PUBLISHED, by_root=True)
    (rules / "tte" / "root-ca-uji.crl").write_text(pem(cas, "X509 CRL"), encoding="ascii")
    fingerprint = hashlib.sha256(pki.root.der).hexdigest()
    (rules / "tte.yaml").write_text(
        "# Trust for the fixtures' electronic signatures: a test PKI (names marked UJI), made by\n"
        "# scripts/make_tte_sources.py. Never use these outside the tests.\n"
        "tte:\n"
        "  akar_tepercaya:\n"
        f'    - {{berkas: tte/root-ca-uji.pem, sha256: "{fingerprint}"}}\n'
        "  daftar_pencabutan:             # of signers (the intermediate's) and of CAs (the root's)\n"
        "    - {berkas: tte/osd-uji.crl}\n"
        "    - {berkas: tte/root-ca-uji.crl}\n",
        encoding="utf-8",
    )
    (OUT / "berkas").mkdir()
    for name, data in files.items():
        (OUT / "berkas" / f"{name}.pdf").write_bytes(data)
    print(f"wrote {len(files)} signed reports and a rules folder under {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
