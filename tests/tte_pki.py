"""A BSrE-like test PKI, built at test time (no private key is ever committed): a root,
an intermediate, signer certificates for the Camat and the Sekretaris, a timestamp
authority and revocation lists; every name is marked UJI (test). And PDFs signed with
pyHanko under a frozen clock, as an office's TTE application would sign them."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

UTC = dt.UTC
START = dt.datetime(2020, 1, 1, tzinfo=UTC)
ISSUER_ORG = "Balai Besar Sertifikasi Elektronik (UJI)"
OFFICE_ORG = "Pemerintah Kabupaten Malang (UJI)"
CAMAT = "Drs. BAMBANG SUTRISNO, M.Si"
SEKRETARIS = "SITI AMINAH, S.Sos"
CRL_URL = "http://crl.bsre.uji.invalid/osd.crl"


def _name(common: str, org: str, serial: str | None = None) -> x509.Name:
    parts = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, common),
    ]
    if serial:
        parts.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial))
    return x509.Name(parts)


@dataclass(eq=False)
class Party:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)


@dataclass
class Pki:
    root: Party
    inter: Party
    tsa: Party

    def person(
        self,
        common: str,
        nip: str | None = None,
        start: dt.datetime = dt.datetime(2024, 1, 1, tzinfo=UTC),
        days: int = 730,
    ) -> Party:
        key = _key()
        cert = _cert(_name(common, OFFICE_ORG, nip), key, self.inter, start=start, days=days)
        return Party(key, cert)

    def crl(self, revoked: dict[Party, dt.datetime] | None = None, issued: dt.datetime | None = None) -> bytes:
        issued = issued or dt.datetime(2024, 7, 1, tzinfo=UTC)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.inter.cert.subject)
            .last_update(issued)
            .next_update(issued + dt.timedelta(days=30))
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.inter.key.public_key()), False)
            .add_extension(x509.CRLNumber(int(issued.timestamp())), False)
        )
        for party, when in (revoked or {}).items():
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(party.cert.serial_number).revocation_date(when).build()
            )
        return builder.sign(self.inter.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _cert(
    subject: x509.Name,
    key: rsa.RSAPrivateKey,
    issuer: Party | None,
    ca: bool = False,
    start: dt.datetime = START,
    days: int = 3650,
    eku: list[x509.ObjectIdentifier] | None = None,
) -> x509.Certificate:
    signer_key = issuer.key if issuer else key
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signer_key.public_key()), critical=False)
    )
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=True)
    if issuer is not None and not ca:  # where the list is published (never fetched here)
        point = x509.DistributionPoint([x509.UniformResourceIdentifier(CRL_URL)], None, None, None)
        builder = builder.add_extension(x509.CRLDistributionPoints([point]), critical=False)
    return builder.sign(signer_key, hashes.SHA256())


def build_pki() -> Pki:
    """A fresh PKI: keys differ on every call, names never (a second one is a foreign PKI
    with the same names)."""
    root_key, inter_key, tsa_key = _key(), _key(), _key()
    root = Party(root_key, _cert(_name("Root CA Indonesia (UJI)", ISSUER_ORG), root_key, None, ca=True))
    inter = Party(inter_key, _cert(_name("OSD BSrE (UJI)", ISSUER_ORG), inter_key, root, ca=True))
    stamping = [ExtendedKeyUsageOID.TIME_STAMPING]
    tsa = Party(tsa_key, _cert(_name("TSA BSrE (UJI)", ISSUER_ORG), tsa_key, inter, eku=stamping))
    return Pki(root, inter, tsa)


def sign(
    pdf: bytes,
    pki: Pki,
    who: Party,
    field_name: str,
    when: dt.datetime,
    timestamp: bool = True,
) -> bytes:
    """``pdf`` with one more PAdES signature by ``who``, made at ``when`` (a frozen clock)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from freezegun import freeze_time
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    def cert(party: Party) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(party.der)

    def key(party: Party) -> asn1_keys.PrivateKeyInfo:
        der = party.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        return asn1_keys.PrivateKeyInfo.load(der)

    chain = SimpleCertificateStore.from_certs([cert(pki.inter), cert(pki.root)])
    with freeze_time(when):
        signer = signers.SimpleSigner(signing_cert=cert(who), signing_key=key(who), cert_registry=chain)
        stamper = None
        if timestamp:
            stamper = DummyTimeStamper(cert(pki.tsa), key(pki.tsa), certs_to_embed=chain, fixed_dt=when)
        meta = signers.PdfSignatureMetadata(field_name=field_name, subfilter=SigSeedSubFilter.PADES)
        out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=signer, timestamper=stamper)
    return out.getvalue()


def blank_pdf(text: str = "Laporan Kinerja Kecamatan Karangploso Triwulan II 2024") -> bytes:
    """A one-page PDF with a line of text, made with pyHanko's own writer."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PdfFileWriter

    writer = PdfFileWriter()
    font = writer.add_object(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Font"),
                generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
                generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
            }
        )
    )
    stream = generic.StreamObject(stream_data=f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    page = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Page"),
            generic.NameObject("/MediaBox"): generic.ArrayObject([generic.NumberObject(n) for n in (0, 0, 595, 842)]),
            generic.NameObject("/Contents"): writer.add_object(stream),
            generic.NameObject("/Resources"): generic.DictionaryObject(
                {generic.NameObject("/Font"): generic.DictionaryObject({generic.NameObject("/F1"): font})}
            ),
        }
    )
    writer.insert_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
