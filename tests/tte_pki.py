"""A BSrE-like test PKI, built at test time (no private key is ever committed): a root, an
intermediate, signer certificates for the Camat and the Sekretaris, a timestamp authority,
a delegated OCSP responder, revocation lists and OCSP responses; every name is marked UJI
(test). And PDFs signed with pyHanko under a frozen clock, as BSrE's service signs them:
PAdES with a timestamp of its TSA, the validation data in the document security store
(B-LT), optionally sealed by a document timestamp (B-LTA)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

UTC = dt.UTC
START = dt.datetime(2020, 1, 1, tzinfo=UTC)
ISSUER_ORG = "Balai Besar Sertifikasi Elektronik (UJI)"
OFFICE_ORG = "Pemerintah Kabupaten Malang (UJI)"
CAMAT = "Drs. BAMBANG SUTRISNO, M.Si"
SEKRETARIS = "SITI AMINAH, S.Sos"
CRL_URL = "http://crl.bsre.uji.invalid/osd.crl"
ROOT_CRL_URL = "http://crl.rootca.uji.invalid/root.crl"
OCSP_URL = "http://ocsp.bsre.uji.invalid"


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


@dataclass(frozen=True)
class Revoked:
    """A revocation as a list or a response states it."""

    when: dt.datetime
    reason: x509.ReasonFlags | None = None
    invalid_since: dt.datetime | None = None  # the invalidityDate extension


@dataclass
class Pki:
    root: Party
    inter: Party
    tsa: Party
    responder: Party
    people: list[Party] = field(default_factory=list)

    def person(
        self,
        common: str,
        nip: str | None = None,
        start: dt.datetime = dt.datetime(2024, 1, 1, tzinfo=UTC),
        days: int = 730,
    ) -> Party:
        key = _key()
        party = Party(key, _cert(_name(common, OFFICE_ORG, nip), key, self.inter, start=start, days=days))
        self.people.append(party)
        return party

    def crl(
        self,
        revoked: dict[Party, dt.datetime | Revoked] | None = None,
        issued: dt.datetime | None = None,
        by_root: bool = False,
    ) -> bytes:
        """The intermediate's list of revoked signer certificates (or the root's, of CAs)."""
        issuer = self.root if by_root else self.inter
        issued = issued or dt.datetime(2024, 7, 1, tzinfo=UTC)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(issuer.cert.subject)
            .last_update(issued)
            .next_update(issued + dt.timedelta(days=30))
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), False)
            .add_extension(x509.CRLNumber(int(issued.timestamp())), False)
        )
        for party, entry in (revoked or {}).items():
            entry = entry if isinstance(entry, Revoked) else Revoked(entry)
            item = x509.RevokedCertificateBuilder().serial_number(party.cert.serial_number).revocation_date(entry.when)
            if entry.reason is not None:
                item = item.add_extension(x509.CRLReason(entry.reason), critical=False)
            if entry.invalid_since is not None:
                item = item.add_extension(x509.InvalidityDate(entry.invalid_since.replace(tzinfo=None)), critical=False)
            builder = builder.add_revoked_certificate(item.build())
        return builder.sign(issuer.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def ocsp(self, party: Party, at: dt.datetime, revoked: Revoked | None = None) -> bytes:
        """The delegated responder's answer for a certificate the intermediate issued."""
        status = ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD
        builder = (
            ocsp.OCSPResponseBuilder()
            .add_response(
                cert=party.cert,
                issuer=self.inter.cert,
                algorithm=hashes.SHA1(),
                cert_status=status,
                this_update=at,
                next_update=at + dt.timedelta(days=7),
                revocation_time=revoked.when if revoked else None,
                revocation_reason=revoked.reason if revoked else None,
            )
            .responder_id(ocsp.OCSPResponderEncoding.HASH, self.responder.cert)
            .certificates([self.responder.cert])
        )
        from freezegun import freeze_time

        with freeze_time(at):  # producedAt is the clock's
            der = builder.sign(self.responder.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
        if revoked is None or revoked.invalid_since is None:
            return der
        return self._with_invalidity_date(der, revoked.invalid_since)

    def _with_invalidity_date(self, der: bytes, since: dt.datetime) -> bytes:
        """The response with RFC 6960's single extension for the invalidity date (which
        cryptography's builder cannot write), signed again by the responder."""
        from asn1crypto import ocsp as asn1_ocsp
        from cryptography.hazmat.primitives.asymmetric import padding

        response = asn1_ocsp.OCSPResponse.load(der)
        basic = response["response_bytes"]["response"].parsed
        single = basic["tbs_response_data"]["responses"][0]
        extension = {"extn_id": "invalidity_date", "critical": False, "extn_value": since}
        single["single_extensions"] = asn1_ocsp.SingleResponseExtensions([extension])
        tbs = basic["tbs_response_data"]
        basic["tbs_response_data"] = asn1_ocsp.ResponseData.load(tbs.untag().dump(force=True))
        signed = basic["tbs_response_data"].dump()
        basic["signature"] = self.responder.key.sign(signed, padding.PKCS1v15(), hashes.SHA256())
        response["response_bytes"]["response"] = basic
        return response.dump(force=True)

    def revocation_data(self, at: dt.datetime, parties: list[Party]) -> tuple[list[bytes], list[bytes]]:
        """What BSrE's service embeds at ``at``: the lists of the chain (the root's of the
        intermediate, the intermediate's of the TSA) and an OCSP response per signer."""
        crls = [self.crl(issued=at - dt.timedelta(hours=6)), self.crl(issued=at - dt.timedelta(days=1), by_root=True)]
        return crls, [self.ocsp(party, at) for party in parties]


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
    ocsp_url: bool = True,
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
    if ExtendedKeyUsageOID.OCSP_SIGNING in (eku or []):
        builder = builder.add_extension(x509.OCSPNoCheck(), critical=False)
    elif issuer is not None:  # where revocation is published (never fetched here)
        url = ROOT_CRL_URL if ca else CRL_URL
        point = x509.DistributionPoint([x509.UniformResourceIdentifier(url)], None, None, None)
        builder = builder.add_extension(x509.CRLDistributionPoints([point]), critical=False)
        if not ca and ocsp_url:
            where = x509.AccessDescription(AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(OCSP_URL))
            builder = builder.add_extension(x509.AuthorityInformationAccess([where]), critical=False)
    return builder.sign(signer_key, hashes.SHA256())


def build_pki() -> Pki:
    """A fresh PKI: keys differ on every call, names never (a second one is a foreign PKI
    with the same names)."""
    root_key, inter_key, tsa_key, responder_key = _key(), _key(), _key(), _key()
    root = Party(root_key, _cert(_name("Root CA Indonesia (UJI)", ISSUER_ORG), root_key, None, ca=True))
    inter = Party(inter_key, _cert(_name("OSD BSrE (UJI)", ISSUER_ORG), inter_key, root, ca=True))
    stamping = [ExtendedKeyUsageOID.TIME_STAMPING]
    tsa_cert = _cert(_name("TSA BSrE (UJI)", ISSUER_ORG), tsa_key, inter, eku=stamping, ocsp_url=False)
    responder_cert = _cert(
        _name("OCSP BSrE (UJI)", ISSUER_ORG), responder_key, inter, eku=[ExtendedKeyUsageOID.OCSP_SIGNING]
    )
    return Pki(root, inter, Party(tsa_key, tsa_cert), Party(responder_key, responder_cert))


def _asn1(party: Party) -> Any:
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(party.der)


def _asn1_key(party: Party) -> Any:
    from asn1crypto import keys as asn1_keys

    der = party.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return asn1_keys.PrivateKeyInfo.load(der)


def sign(
    pdf: bytes,
    pki: Pki,
    who: Party,
    field_name: str,
    when: dt.datetime,
    timestamp: bool = True,
    lt: tuple[list[bytes], list[bytes]] | None = None,
    lta: bool = False,
    lock: list[str] | None = None,
    embed_chain: bool = True,
) -> bytes:
    """``pdf`` with one more PAdES signature by ``who``, made at ``when`` (a frozen clock):
    B-T with ``timestamp`` (the TSA's token), B-B without. ``lt``: the CRLs and OCSP
    responses to embed in the document security store (B-LT, as pyHanko embeds them after
    validating the signature with them); ``lta``: then a document timestamp (B-LTA).
    ``lock``: form fields the signature locks (its field's FieldMDP: filling them later is
    a change the signature does not allow). ``embed_chain``: False leaves the intermediate
    and the root out of the signature (some signing applications do)."""
    from freezegun import freeze_time
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import FieldMDPAction, FieldMDPSpec, SigFieldSpec, SigSeedSubFilter
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    chain = SimpleCertificateStore.from_certs([_asn1(pki.inter), _asn1(pki.root)])
    with freeze_time(when):
        carried = chain if embed_chain else SimpleCertificateStore()
        signer = signers.SimpleSigner(signing_cert=_asn1(who), signing_key=_asn1_key(who), cert_registry=carried)
        stamper = None
        if timestamp:
            stamper = DummyTimeStamper(_asn1(pki.tsa), _asn1_key(pki.tsa), certs_to_embed=chain, fixed_dt=when)
        options: dict[str, object] = {}
        if lt is not None:
            crls, ocsps = lt
            options["validation_context"] = ValidationContext(
                trust_roots=[_asn1(pki.root)], crls=crls, ocsps=ocsps, allow_fetching=False, moment=when
            )
            options.update(embed_validation_info=True, use_pades_lta=lta, timestamp_field_name="Cap Waktu Dokumen")
        spec = None
        if lock:
            spec = SigFieldSpec(field_name, field_mdp_spec=FieldMDPSpec(FieldMDPAction.INCLUDE, fields=lock))
        meta = signers.PdfSignatureMetadata(field_name=field_name, subfilter=SigSeedSubFilter.PADES, **options)
        pdf_signer = signers.PdfSigner(meta, signer=signer, timestamper=stamper, new_field_spec=spec)
        out = pdf_signer.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)))
    return out.getvalue()


def with_store(
    pdf: bytes, crls: Sequence[bytes] = (), ocsps: Sequence[bytes] = (), certs: Sequence[Party] = ()
) -> bytes:
    """``pdf`` with CRLs, OCSP responses and certificates added to its document security
    store in a later revision (as a validation-data update after signing writes them),
    without validating."""
    from asn1crypto import crl as asn1_crl
    from asn1crypto import ocsp as asn1_ocsp
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    DocumentSecurityStore.supply_dss_in_writer(
        writer,
        None,
        crls=[asn1_crl.CertificateList.load(c) for c in crls],
        ocsps=[asn1_ocsp.OCSPResponse.load(o) for o in ocsps],
        certs=[_asn1(party) for party in certs],
    )
    out = io.BytesIO()
    writer.write(out)
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
