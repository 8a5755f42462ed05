"""Electronic signatures read into facts (evidence.signatures, evidence.revocation), on PDFs
signed at test time with a BSrE-like test PKI (tests/tte_pki.py) under a frozen clock: as
BSrE signs (PAdES B-LT, B-LTA), and the cases an audit must tell apart."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
from cryptography.x509 import ReasonFlags

from lapkin_audit.evidence.signatures import SignatureFact, read_signatures, signature_from_json
from lapkin_audit.load.sop import load_rulebook
from tests.helpers import ROOT, TTE_RULES
from tests.tte_pki import CAMAT, SEKRETARIS, Revoked, blank_pdf, build_pki, sign, with_store

pytest.importorskip("pyhanko")
PARAF_AT = dt.datetime(2024, 7, 10, 2, 30, tzinfo=dt.UTC)  # 09:30 WIB
TTD_AT = PARAF_AT + dt.timedelta(hours=2)
LATER = dt.datetime(2024, 8, 1, tzinfo=dt.UTC)  # lists published after both signatures
NIP_SEKRETARIS = "197805122005012003"
SIGNED_FIXTURES = sorted((ROOT / "fixtures" / "tte" / "berkas").glob("*.pdf"))  # scripts/make_tte_sources.py


@pytest.fixture(scope="module")
def pki():
    return build_pki()


@pytest.fixture(scope="module")
def people(pki):
    return {"sekretaris": pki.person(SEKRETARIS, NIP_SEKRETARIS), "camat": pki.person(CAMAT)}


@pytest.fixture(scope="module")
def signed(pki, people) -> bytes:
    """The SOP's order: the Sekretaris's paraf, then the Camat's signature (B-T)."""
    paraf = sign(blank_pdf(), pki, people["sekretaris"], "Paraf", PARAF_AT)
    return sign(paraf, pki, people["camat"], "TandaTangan", TTD_AT)


@pytest.fixture(scope="module")
def bsre(pki, people) -> dict[str, bytes]:
    """Signed as BSrE's service signs: each signature timestamped by its TSA, the chain's
    CRLs and an OCSP response per signer in the document security store (B-LT); and the
    same sealed by a document timestamp (B-LTA)."""
    lt = sign(
        blank_pdf(),
        pki,
        people["sekretaris"],
        "Paraf",
        PARAF_AT,
        lt=pki.revocation_data(PARAF_AT, [people["sekretaris"]]),
    )
    data = pki.revocation_data(TTD_AT, [people["camat"]])
    return {
        "b-lt": sign(lt, pki, people["camat"], "TandaTangan", TTD_AT, lt=data),
        "b-lta": sign(lt, pki, people["camat"], "TandaTangan", TTD_AT, lt=data, lta=True),
    }


def lists(pki, revoked=None, issued=LATER) -> list[bytes]:
    """The rules folder's lists: the intermediate's (of signers) and the root's (of CAs)."""
    return [pki.crl(revoked, issued=issued), pki.crl(issued=issued, by_root=True)]


def facts(pdf: bytes, pki, crls: list[bytes] | None = None, roots: list[bytes] | None = None) -> list[SignatureFact]:
    return list(read_signatures(pdf, [pki.root.der] if roots is None else roots, lists(pki) if crls is None else crls))


def test_paraf_then_signature_both_valid_at_their_timestamped_times(signed, pki):
    paraf, ttd = facts(signed, pki)
    assert (paraf.field, paraf.signer, paraf.ids, paraf.revision) == ("Paraf", SEKRETARIS, (NIP_SEKRETARIS,), 1)
    assert (ttd.field, ttd.signer, ttd.revision) == ("TandaTangan", CAMAT, 2)
    assert (paraf.time, ttd.time) == ("2024-07-10T02:30:00Z", "2024-07-10T04:30:00Z")
    for fact in (paraf, ttd):
        assert fact.valid and fact.time_basis == "timestamp" and fact.partial == ()
        assert "UJI" in fact.issuer


@pytest.mark.parametrize("kind", ["b-lt", "b-lta"])
def test_a_file_signed_as_bsre_signs_is_valid_from_its_own_store(bsre, pki, kind):
    """Its DSS holds CRLs and OCSP responses: read from their streams, they prove the
    revocation status with no list in the rules folder (pyHanko once got them as PDF
    references, raised TypeError, and every such signature was called broken)."""
    found = facts(bsre[kind], pki, crls=[])
    assert [(f.field, f.valid, f.partial, f.detail) for f in found] == [
        ("Paraf", True, (), None),
        ("TandaTangan", True, (), None),
    ]


def test_a_chain_the_signature_leaves_out_is_completed_from_the_store(pki, people):
    # Without a timestamp: its token carries the TSA's chain, which is the same here.
    bare = sign(blank_pdf(), pki, people["camat"], "TandaTangan", TTD_AT, timestamp=False, embed_chain=False)
    (fact,) = facts(bare, pki)
    assert fact.chain == "untrusted" and "NO_CERTIFICATE_CHAIN_FOUND" in (fact.detail or "")
    (fact,) = facts(with_store(bare, certs=[pki.inter, pki.root]), pki)
    assert fact.valid and fact.partial == ("no_timestamp",)


def test_junk_in_the_store_is_left_out(bsre, pki):
    """A store is written by whoever made the file: what cannot be parsed says nothing."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(bsre["b-lt"]))
    dss = writer.root["/DSS"]
    for key, junk in (("/CRLs", b"not a list"), ("/OCSPs", b"\x30\x03\x02\x01\x00"), ("/Certs", b"\x30\x80")):
        dss[generic.NameObject(key)] = generic.ArrayObject(
            [*dss[key], writer.add_object(generic.StreamObject(stream_data=junk))]
        )
    writer.update_container(dss)
    out = io.BytesIO()
    writer.write(out)
    assert [(f.valid, f.partial) for f in facts(out.getvalue(), pki, crls=[])] == [(True, ()), (True, ())]


def test_the_document_timestamp_of_b_lta_is_not_a_signature_of_a_person(bsre, pki):
    assert [f.field for f in facts(bsre["b-lta"], pki)] == ["Paraf", "TandaTangan"]


def test_each_signature_is_validated_once(bsre, pki, monkeypatch):
    calls = _count_validations(monkeypatch)
    assert all(f.valid for f in facts(bsre["b-lta"], pki))
    assert calls == ["Paraf", "TandaTangan"]


def test_every_signature_of_the_fixtures_is_validated_once(monkeypatch):
    """Also where the timestamp token cannot be trusted (a foreign TSA: the time falls back
    to the signer's claim, which changes nothing for a chain that reaches no root)."""
    calls = _count_validations(monkeypatch)
    trust = load_rulebook([TTE_RULES]).sops["pelaporan-kinerja"].tte
    found = [f for path in SIGNED_FIXTURES for f in read_signatures(path.read_bytes(), trust.roots, trust.crls)]
    assert len(calls) == len(found) > 20


def _count_validations(monkeypatch) -> list[str]:
    from pyhanko.sign import validation

    calls: list[str] = []
    real = validation.validate_pdf_signature

    def counting(sig, *args, **kwargs):
        calls.append(sig.field_name)
        return real(sig, *args, **kwargs)

    monkeypatch.setattr(validation, "validate_pdf_signature", counting)
    return calls


def test_a_crash_inside_validation_is_unreadable_never_broken(signed, pki, monkeypatch):
    from pyhanko.sign import validation

    def crash(*args, **kwargs):
        raise TypeError("crls must be a list of byte strings")

    monkeypatch.setattr(validation, "validate_pdf_signature", crash)
    for fact in facts(signed, pki):
        assert (fact.intact, fact.changed_after, fact.partial) == (None, False, ("unreadable",))
        assert not fact.valid and "TypeError" in (fact.detail or "")
        assert fact.signer in (SEKRETARIS, CAMAT)  # who it names is still known


def test_a_flipped_byte_breaks_the_signatures(signed, pki):
    damaged = bytearray(signed)
    damaged[signed.index(b"Triwulan")] ^= 1
    assert [f.intact for f in facts(bytes(damaged), pki)] == [False, False]


def test_content_changed_in_a_later_revision_is_a_change_after_signing(signed, pki):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 700 Td (Triwulan I 2023) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    assert [(f.intact, f.changed_after) for f in facts(out.getvalue(), pki)] == [(True, True), (True, True)]


def test_a_resave_by_another_writer_leaves_no_valid_signature(signed, pki):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    rewritten = copy_into_new_writer(PdfFileReader(io.BytesIO(signed)))
    out = io.BytesIO()
    rewritten.write(out)
    found = facts(out.getvalue(), pki)
    assert found == [] or not any(f.valid for f in found)


def test_a_foreign_root_with_the_same_names_is_not_trusted(signed, pki):
    foreign = build_pki()
    assert foreign.root.cert.subject == pki.root.cert.subject
    for fact in facts(signed, pki, roots=[foreign.root.der]):
        assert fact.intact and fact.chain == "untrusted" and not fact.valid


def test_no_trust_roots_checks_only_in_part_and_says_so(signed, pki):
    for fact in facts(signed, pki, roots=[], crls=[]):
        assert fact.intact and fact.chain == "unchecked" and fact.partial == ("no_roots",) and not fact.valid


def test_no_revocation_list_is_a_partial_check(signed, pki):
    for fact in facts(signed, pki, crls=[]):
        assert fact.valid and fact.partial == ("no_revocation",)


def test_a_list_of_the_signers_but_none_of_the_cas_is_a_partial_check(signed, pki):
    """The intermediate says where its own revocation is published: that must be checked too."""
    for fact in facts(signed, pki, crls=[pki.crl(issued=LATER)]):
        assert fact.valid and fact.partial == ("no_revocation",)


def test_a_list_that_expired_before_the_signing_time_does_not_cover_it(signed, pki):
    old = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)  # current until 31 May
    for fact in facts(signed, pki, crls=lists(pki, issued=old)):
        assert fact.valid and fact.partial == ("no_revocation",)


def test_revoked_before_the_timestamp_is_revoked_after_is_not(signed, pki, people):
    sekretaris = people["sekretaris"]
    paraf, ttd = facts(signed, pki, crls=lists(pki, {sekretaris: PARAF_AT - dt.timedelta(days=1)}))
    assert paraf.validity == "revoked" and not paraf.valid and "REVOKED" in (paraf.detail or "")
    assert paraf.revoked_at == "2024-07-09T02:30:00Z"
    assert ttd.valid
    assert all(f.valid for f in facts(signed, pki, crls=lists(pki, {sekretaris: PARAF_AT + dt.timedelta(days=1)})))


def test_without_a_timestamp_any_revocation_counts(pki, people):
    """The time is only the signer's claim, which whoever holds the key can backdate: a
    revocation after it leaves no proof the signature came first (REVOKED_NO_POE)."""
    unstamped = sign(blank_pdf(), pki, people["camat"], "TandaTangan", TTD_AT, timestamp=False)
    (fact,) = facts(unstamped, pki, crls=lists(pki, {people["camat"]: TTD_AT + dt.timedelta(days=10)}))
    assert (fact.time_basis, fact.validity, fact.valid) == ("signer", "revoked", False)
    assert (fact.detail or "").startswith("REVOKED_NO_POE") and fact.revoked_at == "2024-07-20T04:30:00Z"
    (fact,) = facts(unstamped, pki, crls=lists(pki))
    assert fact.valid and fact.partial == ("no_timestamp",)


@pytest.mark.parametrize(
    ("reason", "invalid_since", "valid"),
    [
        (ReasonFlags.key_compromise, PARAF_AT - dt.timedelta(days=3), False),  # the key was not hers then
        (ReasonFlags.key_compromise, PARAF_AT + dt.timedelta(days=3), True),
        (ReasonFlags.key_compromise, None, True),  # revoked after the timestamp, nothing earlier said
        (ReasonFlags.superseded, PARAF_AT - dt.timedelta(days=3), True),  # not a compromise: from its date
    ],
)
def test_a_key_compromise_counts_from_its_invalidity_date(signed, pki, people, reason, invalid_since, valid):
    entry = Revoked(PARAF_AT + dt.timedelta(days=7), reason, invalid_since)
    paraf, _ = facts(signed, pki, crls=lists(pki, {people["sekretaris"]: entry}))
    assert paraf.valid is valid
    if not valid:
        assert paraf.revoked_at == "2024-07-07T02:30:00Z" and "key_compromise" in (paraf.detail or "")


def test_an_ocsp_response_in_the_store_is_read_with_its_invalidity_date(signed, pki, people):
    entry = Revoked(PARAF_AT + dt.timedelta(days=7), ReasonFlags.key_compromise, PARAF_AT - dt.timedelta(days=1))
    answered = with_store(signed, ocsps=[pki.ocsp(people["sekretaris"], LATER, entry)])
    paraf, ttd = facts(answered, pki, crls=[pki.crl(issued=LATER, by_root=True)])
    assert paraf.validity == "revoked" and paraf.revoked_at == "2024-07-09T02:30:00Z"
    assert ttd.valid and ttd.partial == ("no_revocation",)  # no OCSP or list answers for the Camat


def test_a_list_signed_by_another_key_with_the_same_names_is_ignored(signed, pki, people):
    """The store is written by whoever made the file: a forged list neither revokes nor covers."""
    forger = build_pki()
    forged = forger.crl({people["sekretaris"]: PARAF_AT - dt.timedelta(days=1)}, issued=LATER)
    paraf, _ = facts(signed, pki, crls=[forged, pki.crl(issued=LATER, by_root=True)])
    assert paraf.validity == "ok" and paraf.partial == ("no_revocation",)


def test_a_lifted_hold_is_no_revocation(pki, people):
    unstamped = sign(blank_pdf(), pki, people["camat"], "TandaTangan", TTD_AT, timestamp=False)
    hold = pki.crl({people["camat"]: Revoked(TTD_AT + dt.timedelta(days=1), ReasonFlags.certificate_hold)})
    held = [hold, pki.crl(issued=LATER, by_root=True)]
    (fact,) = facts(unstamped, pki, crls=held)
    assert fact.validity == "revoked"
    (fact,) = facts(unstamped, pki, crls=[*held, pki.crl(issued=LATER)])  # a later list no longer shows it
    assert fact.valid


def test_a_certificate_expired_at_signing_time(pki):
    old = pki.person(SEKRETARIS, start=dt.datetime(2022, 1, 1, tzinfo=dt.UTC), days=365)
    (fact,) = facts(sign(blank_pdf(), pki, old, "Paraf", PARAF_AT), pki)
    assert fact.intact and fact.validity == "expired" and not fact.valid


def test_without_a_timestamp_the_time_is_the_signers_claim(pki, people):
    (fact,) = facts(sign(blank_pdf(), pki, people["camat"], "TandaTangan", TTD_AT, timestamp=False), pki)
    assert fact.valid and fact.time == "2024-07-10T04:30:00Z" and fact.time_basis == "signer"
    assert fact.partial == ("no_timestamp",)


def test_a_pdf_without_signatures_has_none(pki):
    assert facts(blank_pdf(), pki) == []


@pytest.mark.parametrize("junk", [b"", b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj << /Type /Catalog", b"\x00" * 100])
def test_bytes_pyhanko_cannot_read_give_no_signatures_or_a_value_error(junk):
    try:
        assert read_signatures(junk) == ()
    except ValueError as exc:
        assert str(exc)


def test_facts_travel_as_json(signed, pki, monkeypatch):
    for fact in facts(signed, pki):
        assert signature_from_json(fact.as_json()) == fact
    broken = {**facts(signed, pki)[0].as_json(), "chain": "maybe"}
    with pytest.raises(ValueError):
        signature_from_json(broken)
    older = {k: v for k, v in facts(signed, pki)[0].as_json().items() if k != "revoked_at"}
    with pytest.raises(KeyError):  # cached by an earlier reader: read again
        signature_from_json(older)


# ----------------------------------------------------------------------------- against poppler


def _pdfsig(data: bytes, tmp_path) -> dict[str, str]:
    """poppler's integrity verdict per signature field, offline (no certificate checks)."""
    path = tmp_path / "signed.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["pdfsig", "-nocert", "-no-ocsp", str(path)], capture_output=True, text=True, check=False, timeout=600
    )
    if done.returncode != 0 or "Signature Field Name" not in done.stdout:
        pytest.skip(f"pdfsig cannot check offline here (exit {done.returncode}): {done.stderr.strip()[:200]}")
    verdicts, field = {}, None
    for line in done.stdout.splitlines():
        key, _, value = line.strip().lstrip("- ").partition(": ")
        if key == "Signature Field Name":
            field = value
        elif key == "Signature Validation" and field is not None:
            verdicts[field] = value
    return verdicts


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="pdfsig (poppler-utils) is not installed")
@pytest.mark.parametrize("path", SIGNED_FIXTURES, ids=[p.stem for p in SIGNED_FIXTURES])
@pytest.mark.parametrize("damaged", [False, True], ids=["as-signed", "byte-flipped"])
def test_the_integrity_verdict_agrees_with_pdfsig(path, damaged, tmp_path):
    """On every signed fixture, and on a copy with one signed byte flipped (in the binary
    comment of the header, which every signature covers and no reader parses): intact where
    poppler says the signature is valid, changed where it finds the digest does not match."""
    data = path.read_bytes()
    if damaged:
        assert data[8:10] == b"\n%" and data[11] >= 0x80  # the second line: "%" and binary bytes
        data = data[:11] + bytes([data[11] ^ 1]) + data[12:]
    theirs = _pdfsig(data, tmp_path)
    trust = load_rulebook([TTE_RULES]).sops["pelaporan-kinerja"].tte
    ours = {f.field: f.intact for f in read_signatures(data, trust.roots, trust.crls)}
    assert ours and set(ours) <= set(theirs)
    for field, intact in ours.items():
        poppler = {"Signature is Valid.": True, "Digest Mismatch.": False, "Signature is Invalid.": False}
        assert intact is poppler.get(theirs[field]), (field, theirs[field])
    assert all(intact is (not damaged) for intact in ours.values())
