"""Signs the fixture dossiers' signed report for the electronic-signature (S) fixtures.

A BSrE-like test PKI is made afresh (tests/tte_pki.py; every name marked UJI) and thrown
away: only public material and signed PDFs are written, never a private key. Because
keys differ on every run, this is run by hand, once, when the signed report or the cases
change; scripts/make_fixtures.py then copies what it wrote, so that the fixtures stay
reproducible byte for byte.

    python scripts/make_tte_sources.py   # rewrites fixtures/tte/

Writes fixtures/tte/aturan-uji/ (a rules folder: tte.yaml, the root certificate pinned by
its SHA-256, the intermediate's revocation list) and fixtures/tte/berkas/*.pdf.
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

from tests.tte_pki import CAMAT, SEKRETARIS, build_pki, sign  # noqa: E402

OUT = ROOT / "fixtures" / "tte"
UTC = dt.UTC
PARAF_AT = dt.datetime(2024, 7, 2, 3, 0, tzinfo=UTC)  # 10.00 WIB, as the manifest declares
TTD_AT = dt.datetime(2024, 7, 2, 8, 0, tzinfo=UTC)  # 15.00 WIB
NIP_SEKRETARIS = "197908252005012011"
NIP_CAMAT = "197003121990031004"


def pem(der: bytes, label: str) -> str:
    body = base64.encodebytes(der).decode().replace("\n", "")
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {label}-----\n{lines}\n-----END {label}-----\n"


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
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> int:
    base = docs.documents(ke=2)["lampiran/lkj-2024-tw2-ttd.pdf"]
    pki, foreign = build_pki(), build_pki()
    sekretaris = pki.person(SEKRETARIS, NIP_SEKRETARIS)
    camat = pki.person(CAMAT, NIP_CAMAT)
    revoked = pki.person(SEKRETARIS, NIP_SEKRETARIS)  # a second certificate, revoked before the paraf
    other = pki.person("AGUS PRASETYO, SE", "198504172010011019")
    third = pki.person("DEWI LESTARI, A.Md", "199001022015032006")

    def both(paraf_by=sekretaris, ttd_by=camat, paraf_at=PARAF_AT, ttd_at=TTD_AT, authority=pki, stamp=True) -> bytes:
        paraf = sign(base, authority, paraf_by, "Paraf Sekretaris", paraf_at, timestamp=stamp)
        return sign(paraf, authority, ttd_by, "Tanda Tangan Camat", ttd_at, timestamp=stamp)

    patuh = both()
    files = {
        "patuh": patuh,
        "s002-diubah-setelah-ditandatangani": changed_after_signing(patuh),
        "s003-akar-asing": both(
            foreign.person(SEKRETARIS, NIP_SEKRETARIS), foreign.person(CAMAT, NIP_CAMAT), authority=foreign
        ),
        "s004-sertifikat-dicabut": both(paraf_by=revoked),
        "s005-paraf-orang-lain": both(paraf_by=other),
        "s006-di-luar-toleransi": both(ttd_at=TTD_AT + dt.timedelta(days=2)),
        "s007-tanda-tangan-sebelum-paraf": sign(
            sign(base, pki, camat, "Tanda Tangan Camat", TTD_AT), pki, sekretaris, "Paraf Sekretaris", PARAF_AT
        ),
        "s008-tanpa-cap-waktu": both(stamp=False),
        "s009-tanda-tangan-tak-dinyatakan": sign(
            patuh, pki, third, "Tanda Tangan Lain", TTD_AT + dt.timedelta(minutes=30)
        ),
    }
    if OUT.exists():
        shutil.rmtree(OUT)
    rules = OUT / "aturan-uji"
    (rules / "tte").mkdir(parents=True)
    (rules / "tte" / "root-ca-uji.pem").write_text(pem(pki.root.der, "CERTIFICATE"), encoding="ascii")
    crl = pki.crl({revoked: PARAF_AT - dt.timedelta(days=2)}, issued=dt.datetime(2024, 7, 1, tzinfo=UTC))
    (rules / "tte" / "osd-uji.crl").write_text(pem(crl, "X509 CRL"), encoding="ascii")
    fingerprint = hashlib.sha256(pki.root.der).hexdigest()
    (rules / "tte.yaml").write_text(
        "# Trust for the fixtures' electronic signatures: a test PKI (names marked UJI), made by\n"
        "# scripts/make_tte_sources.py. Never use these outside the tests.\n"
        "tte:\n"
        "  akar_tepercaya:\n"
        f'    - {{berkas: tte/root-ca-uji.pem, sha256: "{fingerprint}"}}\n'
        "  daftar_pencabutan:\n"
        "    - {berkas: tte/osd-uji.crl}\n",
        encoding="utf-8",
    )
    (OUT / "berkas").mkdir()
    for name, data in files.items():
        (OUT / "berkas" / f"{name}.pdf").write_bytes(data)
    print(f"wrote {len(files)} signed reports and a rules folder under {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
