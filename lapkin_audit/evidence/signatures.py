"""Electronic signatures (TTE) in a PDF, validated offline into facts.

For each signature, in the order of the file's revisions: whether its signed bytes are
intact and whether the file changed afterwards beyond what it allows (pyHanko's
difference analysis), who signed (the certificate's subject), when (a trusted timestamp,
else the signer's own claim), and whether the certificate chains to a configured trust
root and was valid and unrevoked *at that time*: the timestamp is validated first, then
the signer at the time it proves, with the revocation lists of the rules folder and those
the file itself carries (its document security store). Nothing is fetched, and the
operating system's trust store is never consulted: with no trust roots configured the
chain is simply not checked (reported, never assumed).

This runs inside the evidence child process (``evidence.child``): pyHanko parses hostile
bytes there, under the same limits as every other reader.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# A signature's validity at its signing time, and how far the chain could be checked.
CHAIN = ("trusted", "untrusted", "unchecked")  # unchecked: no trust roots configured
VALIDITY = ("ok", "expired", "not_yet_valid", "revoked", "unknown")
TIME_BASIS = ("timestamp", "signer")  # a trusted timestamp, or the signer's own claim
# What made a check partial (S008): no trust roots, no trusted timestamp, no revocation data.
PARTIAL = ("no_roots", "no_timestamp", "no_revocation")

_NUMBER_ID = re.compile(r"(?<!\d)(\d{18}|\d{16})(?!\d)")  # a NIP (18 digits) or NIK (16)


@dataclass(frozen=True)
class SignatureFact:
    field: str  # the signature field's name
    revision: int  # the file revision the signature covers (0: the file as first written)
    signer: str | None  # the certificate subject's common name
    subject: str  # the whole subject, as people read it
    ids: tuple[str, ...]  # NIP or NIK numbers in the subject, if the certificate carries any
    issuer: str
    time: str | None  # ISO 8601, UTC
    time_basis: str | None  # one of TIME_BASIS
    intact: bool  # the signed bytes are unchanged
    changed_after: bool  # the file changed after signing beyond what the signature allows
    chain: str  # one of CHAIN
    validity: str  # one of VALIDITY, at the signing time
    partial: tuple[str, ...]  # some of PARTIAL
    detail: str | None = None  # what the validator said, when something failed

    @property
    def valid(self) -> bool:
        """Proves who signed and that nothing changed: intact, unchanged, trusted, valid then."""
        return self.intact and not self.changed_after and self.chain == "trusted" and self.validity == "ok"

    def as_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "revision": self.revision,
            "signer": self.signer,
            "subject": self.subject,
            "ids": list(self.ids),
            "issuer": self.issuer,
            "time": self.time,
            "time_basis": self.time_basis,
            "intact": self.intact,
            "changed_after": self.changed_after,
            "chain": self.chain,
            "validity": self.validity,
            "partial": list(self.partial),
            "detail": self.detail,
        }


def signature_from_json(data: Mapping[str, Any]) -> SignatureFact:
    """Raises KeyError, TypeError or ValueError on anything ``as_json`` did not write."""
    if data["chain"] not in CHAIN or data["validity"] not in VALIDITY:
        raise ValueError("bad status")
    if data["time_basis"] not in (*TIME_BASIS, None) or not set(data["partial"]) <= set(PARTIAL):
        raise ValueError("bad time or partial")
    texts = ("field", "subject", "issuer")
    if not all(isinstance(data[key], str) for key in texts) or not isinstance(data["revision"], int):
        raise ValueError("bad field")
    return SignatureFact(
        data["field"],
        data["revision"],
        _optional_text(data["signer"]),
        data["subject"],
        tuple(str(i) for i in data["ids"]),
        data["issuer"],
        _optional_text(data["time"]),
        data["time_basis"],
        bool(data["intact"]),
        bool(data["changed_after"]),
        data["chain"],
        data["validity"],
        tuple(data["partial"]),
        _optional_text(data["detail"]),
    )


def read_signatures(pdf: bytes, roots: Sequence[bytes] = (), crls: Sequence[bytes] = ()) -> tuple[SignatureFact, ...]:
    """Every signature of ``pdf``, in signing order. ``roots`` and ``crls`` are DER bytes
    from the rules folder. Raises ValueError when pyHanko cannot read the file's signatures."""
    from asn1crypto import crl as asn1_crl
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader

    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)  # its findings are facts here, not log lines
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = [sig for sig in reader.embedded_signatures if sig.sig_object_type == "/Sig"]
    except Exception as exc:  # pyHanko's own errors, and whatever damaged bytes raise in it
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    trust = [asn1_x509.Certificate.load(der) for der in roots]
    lists = [asn1_crl.CertificateList.load(der) for der in crls]
    store_crls, store_ocsps = _security_store(reader)
    return tuple(_one(sig, trust, [*lists, *store_crls], store_ocsps) for sig in embedded)


def _one(sig: Any, roots: list[Any], crls: list[Any], ocsps: list[Any]) -> SignatureFact:
    cert = sig.signer_cert
    subject = cert.subject.human_friendly
    base = {
        "field": str(sig.field_name),
        "revision": int(sig.signed_revision),
        "signer": _common_name(cert.subject),
        "subject": subject,
        "ids": tuple(dict.fromkeys(_NUMBER_ID.findall(subject))),
        "issuer": cert.issuer.human_friendly,
    }
    try:
        # 1. Integrity, changes since signing, and the timestamp token's own time.
        first = _validate(sig, _context(roots, sig, [], [], None))
        token = first.timestamp_validity
        claimed = token.timestamp if token is not None and token.intact and token.valid else None
        # 2. Signer and timestamp at the time the token claims, with that time's revocation data.
        moment = claimed or first.signer_reported_dt
        at, revocation = _at(sig, roots, crls, ocsps, moment)
        if claimed is not None and not (at.timestamp_validity is not None and at.timestamp_validity.trusted) and roots:
            # 3. The token cannot be trusted: the signer's own claim is all there is.
            claimed, moment = None, first.signer_reported_dt
            at, revocation = _at(sig, roots, crls, ocsps, moment)
    except Exception as exc:  # a signature pyHanko cannot evaluate at all is broken, not a crash
        return SignatureFact(
            **base,
            time=None,
            time_basis=None,
            intact=False,
            changed_after=False,
            chain="unchecked",
            validity="unknown",
            partial=(),
            detail=f"{type(exc).__name__}: {exc}",
        )
    partial = [] if roots else ["no_roots"]
    if claimed is None:
        partial.append("no_timestamp")
    chain, validity, detail = _verdict(at) if roots else ("unchecked", "unknown", None)
    if roots and not revocation:
        partial.append("no_revocation")
    return SignatureFact(
        **base,
        time=_iso(moment),
        time_basis="timestamp" if claimed is not None else ("signer" if moment is not None else None),
        intact=bool(first.intact and first.valid),
        changed_after=first.docmdp_ok is False or _name(first.modification_level) == "OTHER",
        chain=chain,
        validity=validity,
        partial=tuple(p for p in PARTIAL if p in partial),
        detail=detail,
    )


def _at(sig: Any, roots: list[Any], crls: list[Any], ocsps: list[Any], moment: Any) -> tuple[Any, bool]:
    """The status of the signer (and its timestamp) at ``moment``, and whether revocation
    was positively checked: missing revocation data is tolerated (soft-fail) and then
    required (hard-fail), so that a missing list is a partial check, never a failure."""
    lenient = _validate(sig, _context(roots, sig, crls, ocsps, moment, "soft-fail"))
    if not (lenient.trusted and lenient.trust_problem_indic is None):
        return lenient, True  # failed already (revoked, expired, no chain): revocation is not what is missing
    strict = _validate(sig, _context(roots, sig, crls, ocsps, moment, "hard-fail"))
    return lenient, bool(strict.trusted and strict.trust_problem_indic is None)


_REVOKED = ("REVOKED", "REVOKED_NO_POE", "REVOKED_CA_NO_POE")
_EXPIRED = ("EXPIRED", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED")


def _verdict(status: Any) -> tuple[str, str, str | None]:
    """(chain, validity, detail) from pyHanko's status at the signing time."""
    indication = _name(status.trust_problem_indic)
    if status.trusted and indication is None:
        return "trusted", "ok", None
    detail = _problem(status)
    if indication in _REVOKED:
        return "trusted", "revoked", detail
    if indication in _EXPIRED:
        return "trusted", "expired", detail
    if indication == "NOT_YET_VALID":
        return "trusted", "not_yet_valid", detail
    return "untrusted", "unknown", detail


def _validate(sig: Any, context: Any) -> Any:
    from pyhanko.sign.validation import validate_pdf_signature

    return validate_pdf_signature(sig, context, ts_validation_context=context)


def _context(
    roots: list[Any], sig: Any, crls: list[Any], ocsps: list[Any], moment: Any, mode: str = "soft-fail"
) -> Any:
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleTrustManager

    return ValidationContext(
        trust_manager=SimpleTrustManager.build(trust_roots=roots),  # never the system's store
        other_certs=list(sig.other_embedded_certs),
        moment=moment,
        allow_fetching=False,
        crls=crls,
        ocsps=ocsps,
        revocation_mode=mode,
        retroactive_revinfo=True,  # a list published after signing still says whether it was revoked then
    )


def _security_store(reader: Any) -> tuple[list[Any], list[Any]]:
    """Revocation data the file carries (PAdES document security store)."""
    try:
        from pyhanko.sign.validation.dss import DocumentSecurityStore

        store = DocumentSecurityStore.read_dss(reader)
    except Exception:  # no store, or one pyHanko cannot read: none
        return [], []
    return list(store.crls), list(store.ocsps)


def _problem(status: Any) -> str:
    indication = _name(status.trust_problem_indic)
    details = status.revocation_details
    if details is not None:
        return f"{indication}: revoked {details.revocation_date.isoformat()}"
    return str(indication)


def _common_name(name: Any) -> str | None:
    value = name.native.get("common_name")
    return str(value) if value else None


def _name(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "name", value))


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _optional_text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError("bad text")
    return value
