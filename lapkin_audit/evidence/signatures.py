"""Electronic signatures (TTE) in a PDF, validated offline into facts.

For each signature, in the order of the file's revisions: whether its signed bytes are
intact and whether the file changed afterwards beyond what it allows (pyHanko's
difference analysis), who signed (the certificate's subject), when (a trusted timestamp,
else the signer's own claim), and whether the certificate chains to a configured trust
root and was valid and unrevoked *at that time*. Each signature is validated once, at the
time its timestamp token states (the token is checked in the same validation), with the
revocation data of the rules folder and what the file carries (its document security
store and VRI entries, as PAdES B-LT and B-LTA files hold them); revocation is then
judged as evidence.md asks (``evidence.revocation``). Nothing is fetched, and the
operating system's trust store is never consulted: with no trust roots configured the
chain is simply not checked (reported, never assumed). A signature the checker cannot
evaluate (pyHanko raises) is ``unreadable``: a partial check, never "broken".

This runs inside the evidence child process (``evidence.child``): pyHanko parses hostile
bytes there, under the same limits as every other reader.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lapkin_audit.evidence.revocation import (
    Revocation,
    RevocationData,
    covers,
    revoked,
    rules_list,
    security_store,
    signature_revocation_info,
)

# A signature's validity at its signing time, and how far the chain could be checked.
CHAIN = ("trusted", "untrusted", "unchecked")  # unchecked: no trust roots configured
VALIDITY = ("ok", "expired", "not_yet_valid", "revoked", "unknown")
TIME_BASIS = ("timestamp", "signer")  # a trusted timestamp, or the signer's own claim
# What made a check partial (S008): no trust roots, no trusted timestamp, no revocation
# data, or the checker could not evaluate the signature at all.
PARTIAL = ("no_roots", "no_timestamp", "no_revocation", "unreadable")

_NUMBER_ID = re.compile(r"(?<!\d)(\d{18}|\d{16})(?!\d)")  # a NIP (18 digits) or NIK (16)

# The modules imported where they are first needed (below, in evidence.revocation, and by
# pyHanko itself as it reads a file): ~0.5 s of pyHanko, paid only for a signed PDF.
LIBRARIES = (
    "asn1crypto.crl",
    "asn1crypto.ocsp",
    "asn1crypto.x509",
    "pyhanko.pdf_utils.filters",
    "pyhanko.pdf_utils.reader",
    "pyhanko.sign.general",
    "pyhanko.sign.validation",
    "pyhanko.sign.validation.generic_cms",
    "pyhanko_certvalidator",
    "pyhanko_certvalidator.registry",
    "pyhanko_certvalidator.sig_validate",
)


def load_libraries() -> None:
    """Import what reading signatures needs, parsing nothing: the warm reader process does
    it once before it forks a child for a signed PDF (``evidence.server``)."""
    import importlib

    for name in LIBRARIES:
        importlib.import_module(name)


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
    intact: bool | None  # the signed bytes are unchanged; None: could not be evaluated
    changed_after: bool  # the file changed after signing beyond what the signature allows
    chain: str  # one of CHAIN
    validity: str  # one of VALIDITY, at the signing time
    partial: tuple[str, ...]  # some of PARTIAL
    detail: str | None = None  # what the validator said, when something failed
    revoked_at: str | None = None  # ISO 8601, UTC: when a revocation counts from (validity revoked)

    @property
    def valid(self) -> bool:
        """Proves who signed and that nothing changed: intact, unchanged, trusted, valid then."""
        return self.intact is True and not self.changed_after and self.chain == "trusted" and self.validity == "ok"

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
            "revoked_at": self.revoked_at,
        }


def signature_from_json(data: Mapping[str, Any]) -> SignatureFact:
    """Raises KeyError, TypeError or ValueError on anything ``as_json`` did not write (facts
    cached by an earlier reader lack ``revoked_at``: a miss, read again)."""
    if data["chain"] not in CHAIN or data["validity"] not in VALIDITY:
        raise ValueError("bad status")
    if data["time_basis"] not in (*TIME_BASIS, None) or not set(data["partial"]) <= set(PARTIAL):
        raise ValueError("bad time or partial")
    texts = ("field", "subject", "issuer")
    if not all(isinstance(data[key], str) for key in texts) or not isinstance(data["revision"], int):
        raise ValueError("bad field")
    if data["intact"] not in (True, False, None):
        raise ValueError("bad intact")
    return SignatureFact(
        data["field"],
        data["revision"],
        _optional_text(data["signer"]),
        data["subject"],
        tuple(str(i) for i in data["ids"]),
        data["issuer"],
        _optional_text(data["time"]),
        data["time_basis"],
        data["intact"],
        bool(data["changed_after"]),
        data["chain"],
        data["validity"],
        tuple(data["partial"]),
        _optional_text(data["detail"]),
        _optional_text(data["revoked_at"]),
    )


def read_signatures(pdf: bytes, roots: Sequence[bytes] = (), crls: Sequence[bytes] = ()) -> tuple[SignatureFact, ...]:
    """Every signature of ``pdf``, in signing order. ``roots`` and ``crls`` are DER bytes
    from the rules folder. Raises ValueError when pyHanko cannot read the file's signatures."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader

    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)  # its findings are facts here, not log lines
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = [sig for sig in reader.embedded_signatures if sig.sig_object_type == "/Sig"]
    except Exception as exc:  # pyHanko's own errors, and whatever damaged bytes raise in it
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    if not embedded:
        return ()
    trust = [asn1_x509.Certificate.load(der) for der in roots]
    store = security_store(reader)
    lists = [*map(rules_list, crls), *store.crls]
    document = _Document(trust, store.certs, RevocationData(lists, store.ocsps))  # lists parsed and verified once
    return tuple(_one(sig, document) for sig in embedded)


@dataclass(frozen=True)
class _Document:
    """What every signature of one file is judged with."""

    roots: list[Any]  # the rules' trust roots (asn1crypto)
    certs: tuple[Any, ...]  # CA certificates the file's store carries (issuers a chain may need)
    revocation: RevocationData  # the rules' lists and the store's


def _one(sig: Any, document: _Document) -> SignatureFact:
    base: dict[str, Any] = {"field": str(sig.field_name), "revision": int(sig.signed_revision)}
    base.update(signer=None, subject="", ids=(), issuer="")
    try:
        cert = sig.signer_cert
        subject = cert.subject.human_friendly
        base.update(
            signer=_common_name(cert.subject),
            subject=subject,
            ids=tuple(dict.fromkeys(_NUMBER_ID.findall(subject))),
            issuer=cert.issuer.human_friendly,
        )
        return SignatureFact(**base, **_judge(sig, document))
    except Exception as exc:  # the checker could not evaluate it: said so, never called broken
        return SignatureFact(
            **base,
            time=None,
            time_basis=None,
            intact=None,
            changed_after=False,
            chain="unchecked",
            validity="unknown",
            partial=("unreadable",),
            detail=f"{type(exc).__name__}: {exc}"[:500],
            revoked_at=None,
        )


def _judge(sig: Any, document: _Document) -> dict[str, Any]:
    """Validated once with pyHanko at the time the signature's timestamp token states (read
    from the token before validating), the token checked in the same validation. Only when
    the token is not trusted, and the signer's chain answers differently at the signer's own
    claimed time, a second validation at that time. Then revocation as evidence.md asks."""
    roots, data = document.roots, document.revocation
    own_crls, own_ocsps = signature_revocation_info(sig)
    if own_crls or own_ocsps:  # revocation info inside this signature: for it alone
        data = RevocationData([*data.crls, *own_crls], [*data.responses, *own_ocsps])
    # The store's CA certificates the signature does not carry itself (registering a
    # certificate twice costs pyHanko's name handling, not nothing).
    carried = {cert.dump() for cert in (sig.signer_cert, *sig.other_embedded_certs)}
    issuers = [cert for cert in document.certs if cert.dump() not in carried]
    context = _Context(roots, [*sig.other_embedded_certs, *issuers])
    claimed = sig.self_reported_timestamp
    moment = _token_time(sig) or claimed
    status = context.validate(sig, moment)
    stamped = _trusted_time(status, roots, data)
    if (stamped or claimed) != moment:
        # The token is not trusted (or pyHanko trusted another one): the time that stands is
        # the signer's own claim (or the other token's).
        moment = stamped or claimed
        if _depends_on_time(status, moment):
            status = context.validate(sig, moment)
    partial = [] if roots else ["no_roots"]
    if stamped is None:
        partial.append("no_timestamp")
    chain, validity, detail = _verdict(status) if roots else ("unchecked", "unknown", None)
    revoked_at = None
    if roots and chain == "trusted" and validity == "ok" and moment is not None:
        found, covered = _revocation(status.validation_path, data, moment, stamped is not None)
        if found is not None:
            basis = "REVOKED" if stamped is not None else "REVOKED_NO_POE"
            validity, detail, revoked_at = "revoked", f"{basis}: {found.describe()}", _iso(found.counts_from)
        elif not covered:
            partial.append("no_revocation")
    if moment is None and validity == "ok":
        validity = "unknown"  # no time at all: validity at the signing time cannot be judged
    return {
        "time": _iso(moment),
        "time_basis": "timestamp" if stamped is not None else ("signer" if moment is not None else None),
        "intact": bool(status.intact and status.valid),
        "changed_after": status.docmdp_ok is False or _name(status.modification_level) == "OTHER",
        "chain": chain,
        "validity": validity,
        "partial": tuple(p for p in PARTIAL if p in partial),
        "detail": detail,
        "revoked_at": revoked_at,
    }


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


class _Context:
    """The validation context of one signature: the rules' roots (never the system's
    store), the certificates the file carries; no fetching. No revocation data: pyHanko
    would judge it by each list's date alone, and a stale or foreign list it finds would
    make the chain "indeterminate" (a false S003); revocation is ``evidence.revocation``'s,
    with the same data, once."""

    def __init__(self, roots: list[Any], certs: list[Any]) -> None:
        self.roots, self.certs = roots, certs

    def validate(self, sig: Any, moment: dt.datetime | None) -> Any:
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko_certvalidator import ValidationContext
        from pyhanko_certvalidator.registry import SimpleTrustManager

        context = ValidationContext(
            trust_manager=SimpleTrustManager.build(trust_roots=self.roots),
            other_certs=self.certs,
            # A signature without any time is still checked for its chain: at the start of
            # the certificate's validity, never at "now" (the same bytes give the same facts).
            moment=moment or sig.signer_cert["tbs_certificate"]["validity"]["not_before"].native,
            allow_fetching=False,
            crls=[],
            ocsps=[],
            revocation_mode="soft-fail",
        )
        return validate_pdf_signature(sig, context, ts_validation_context=context)


_TIMELESS = ("NO_CERTIFICATE_CHAIN_FOUND",)  # no path to a root at any time


def _depends_on_time(status: Any, moment: dt.datetime | None) -> bool:
    """Whether pyHanko's answer on the signer could differ at ``moment``. It cannot when it
    found no chain at all (time plays no part), nor when it trusted a chain all of whose
    certificates are valid at ``moment`` too; otherwise validate again (rare)."""
    if moment is None:
        return True
    indication = _name(status.trust_problem_indic)
    if indication in _TIMELESS:
        return False
    if not status.trusted or indication is not None or status.validation_path is None:
        return True
    for cert in status.validation_path.iter_certs(include_root=False):
        validity = cert["tbs_certificate"]["validity"]
        if not validity["not_before"].native <= moment <= validity["not_after"].native:
            return True
    return False


def _token_time(sig: Any) -> dt.datetime | None:
    """The time the signature's first timestamp token states, not yet validated: the moment
    to validate at, so that one validation serves (pyHanko checks the token in it)."""
    from pyhanko.sign.validation.generic_cms import extract_tst_data_iter

    try:
        for token in extract_tst_data_iter(sig.signer_info, signed=False):
            moment = token["encap_content_info"]["content"].parsed["gen_time"].native
            return moment if isinstance(moment, dt.datetime) else None
    except Exception:  # a token that cannot be read: pyHanko judges it in the validation
        return None
    return None


def _trusted_time(status: Any, roots: list[Any], data: RevocationData) -> dt.datetime | None:
    """The time the signature's timestamp proves: its token intact and valid, and with trust
    roots configured, trusted, from a TSA whose certificate was not revoked before it."""
    token = status.timestamp_validity
    if token is None or not (token.intact and token.valid):
        return None
    moment: dt.datetime = token.timestamp
    if not roots:
        return moment  # nothing to chain to: said as no_roots
    if not token.trusted:
        return None
    found, _ = _revocation(token.validation_path, data, moment, True)
    return None if found is not None else moment


def _revocation(path: Any, data: RevocationData, moment: dt.datetime, stamped: bool) -> tuple[Revocation | None, bool]:
    """The revocation that undoes a signature made at ``moment`` by the end of ``path``
    (any revocation when the time is only the signer's claim), and whether the data covers
    the certificates that must be checked: the signer's, and each CA's that says where its
    revocation is published."""
    certs = list(path.iter_certs(include_root=True))
    found, covered = [], True
    for issuer, cert in itertools.pairwise(certs):
        seen = data.observations(cert, issuer)
        hit = revoked(seen)
        if hit is not None and (not stamped or hit.counts_from <= moment):
            found.append(hit)
        if (cert is certs[-1] or _declares_revocation(cert)) and not covers(seen, moment):
            covered = False
    return min(found, key=lambda r: r.counts_from, default=None), covered


def _declares_revocation(cert: Any) -> bool:
    return bool(cert.crl_distribution_points or cert.ocsp_urls)


def _problem(status: Any) -> str:
    return str(_name(status.trust_problem_indic))


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
