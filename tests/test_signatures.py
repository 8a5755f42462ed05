"""Electronic signatures read into facts (evidence.signatures), on PDFs signed at test time
with a BSrE-like test PKI (tests/tte_pki.py) under a frozen clock."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from lapkin_audit.evidence.signatures import SignatureFact, read_signatures, signature_from_json
from tests.tte_pki import CAMAT, SEKRETARIS, blank_pdf, build_pki, sign

pytest.importorskip("pyhanko")

PARAF_AT = dt.datetime(2024, 7, 10, 2, 30, tzinfo=dt.UTC)  # 09:30 WIB
TTD_AT = PARAF_AT + dt.timedelta(hours=2)
NIP_SEKRETARIS = "197805122005012003"


@pytest.fixture(scope="module")
def pki():
    return build_pki()


@pytest.fixture(scope="module")
def people(pki):
    return {"sekretaris": pki.person(SEKRETARIS, NIP_SEKRETARIS), "camat": pki.person(CAMAT)}


@pytest.fixture(scope="module")
def signed(pki, people) -> bytes:
    """The SOP's order: the Sekretaris's paraf, then the Camat's signature."""
    paraf = sign(blank_pdf(), pki, people["sekretaris"], "Paraf", PARAF_AT)
    return sign(paraf, pki, people["camat"], "TandaTangan", TTD_AT)


def facts(pdf: bytes, pki, crls: list[bytes] | None = None, roots: list[bytes] | None = None) -> list[SignatureFact]:
    return list(read_signatures(pdf, [pki.root.der] if roots is None else roots, [pki.crl()] if crls is None else crls))


def test_paraf_then_signature_both_valid_at_their_timestamped_times(signed, pki):
    paraf, ttd = facts(signed, pki)
    assert (paraf.field, paraf.signer, paraf.ids, paraf.revision) == ("Paraf", SEKRETARIS, (NIP_SEKRETARIS,), 1)
    assert (ttd.field, ttd.signer, ttd.revision) == ("TandaTangan", CAMAT, 2)
    assert (paraf.time, ttd.time) == ("2024-07-10T02:30:00Z", "2024-07-10T04:30:00Z")
    for fact in (paraf, ttd):
        assert fact.valid and fact.time_basis == "timestamp" and fact.partial == ()
        assert "UJI" in fact.issuer


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


def test_revoked_before_signing_is_revoked_after_signing_is_not(signed, pki, people):
    sekretaris = people["sekretaris"]
    issued = dt.datetime(2024, 8, 1, tzinfo=dt.UTC)  # published after both signatures
    before = pki.crl({sekretaris: PARAF_AT - dt.timedelta(days=1)}, issued=issued)
    paraf, ttd = facts(signed, pki, crls=[before])
    assert paraf.validity == "revoked" and not paraf.valid and "REVOKED" in (paraf.detail or "")
    assert ttd.valid
    after = pki.crl({sekretaris: PARAF_AT + dt.timedelta(days=1)}, issued=issued)
    assert all(f.valid for f in facts(signed, pki, crls=[after]))


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


def test_facts_travel_as_json(signed, pki):
    for fact in facts(signed, pki):
        assert signature_from_json(fact.as_json()) == fact
    broken = {**facts(signed, pki)[0].as_json(), "chain": "maybe"}
    with pytest.raises(ValueError):
        signature_from_json(broken)
