"""Revocation of the certificates a signature rests on, judged offline (evidence.md, S004).

pyHanko checks revocation at one moment, by each list's revocation date. An audit needs
three more answers, which this module gives from the same data (the rules folder's lists,
and the CRLs and OCSP responses the file carries: its document security store, each VRI
entry, and Adobe-style revocation info inside the signature):

- **any** revocation of a certificate, whatever its date: without a trusted timestamp the
  signing time is only the signer's claim, so a revocation at any time leaves no proof that
  the signature came before it (ETSI EN 319 102-1, REVOKED_NO_POE);
- the time a revocation **counts from**: for a key compromise, the ``invalidityDate`` the
  list gives (RFC 5280 §5.3.2; RFC 6960 carries it in a response's single extensions),
  when that is earlier than the date of revocation;
- whether the data **covers** the signing time at all: a list current at that time or
  made after it (a later list still says whether the certificate was revoked then).

A list or a response is used only when its signature verifies with the key of the
certificate's issuer (for OCSP: or of a responder that issuer delegated it to): the file's
own store is written by whoever made the file. A hold that a later list or response no
longer shows was lifted. Nothing here asks for the time: every answer is relative to a
moment the caller gives.

Where the data is (the end of this module): the rules folder's lists, parsed once per
process; the file's ``/DSS`` and ``/VRI`` entries, read from their streams; the
revocation-info attribute of a signature.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

MAX_ITEMS = 500  # of each kind (certificates, lists, responses) per document: a store is written by anyone
# Reasons whose revocation counts from the invalidity date (the key was no longer the signer's).
COMPROMISE = ("key_compromise", "ca_compromise", "aa_compromise")
# An OCSP response without nextUpdate is current for this long after its thisUpdate
# (pyhanko-certvalidator's fallback for the same case).
OCSP_FALLBACK = dt.timedelta(minutes=30)
_TOLERANCE = dt.timedelta(seconds=1)


@dataclass(frozen=True)
class Revocation:
    """A certificate's revocation, as an authentic list or response states it."""

    subject: str  # the certificate's subject, as people read it
    listed: dt.datetime  # the date of revocation on the list
    counts_from: dt.datetime  # the invalidity date of a compromise when earlier, else ``listed``
    reason: str  # asn1crypto's name of the CRL reason, e.g. key_compromise

    def describe(self) -> str:
        since = "" if self.counts_from == self.listed else f", invalid since {_iso(self.counts_from)}"
        return f"revoked {_iso(self.listed)} ({self.reason}{since})"


@dataclass(frozen=True)
class Observation:
    """What one authentic list or response says about one certificate."""

    issued: dt.datetime  # its thisUpdate
    current_until: dt.datetime  # its nextUpdate (or a fallback): it speaks for times up to here
    revocation: Revocation | None  # None: not revoked as of ``issued``
    complete: bool  # speaks for every reason (a full list, or an OCSP response)


class RevocationData:
    """The revocation data of one document (rules folder and the file's own), parsed once;
    signatures verified once per list and issuer."""

    def __init__(self, crls: Iterable[Any], ocsps: Iterable[Any]) -> None:
        self.crls, self.responses = _unique(crls)[:MAX_ITEMS], _unique(ocsps)[:MAX_ITEMS]
        self._ocsps = [basic for basic in map(_basic, self.responses) if basic is not None]
        self._names: dict[bytes, str] = {}  # names as RFC 5280 compares them, each worked out once
        self._issuers = [self._name(crl, "issuer") for crl in self.crls]
        self._verified: dict[tuple[Any, ...], bool] = {}

    def _name(self, item: Any, which: str) -> str | None:
        """``item``'s issuer or subject, normalised as RFC 5280 compares names (asn1crypto's
        ``hashable``; its string preparation is costly, and the same few names recur)."""
        try:
            name = getattr(item, which)
            key = name.dump()
            if key not in self._names:
                self._names[key] = str(name.hashable)
            return self._names[key]
        except Exception:  # a damaged name matches nothing
            return None

    def observations(self, cert: Any, issuer: Any) -> list[Observation]:
        """What the authentic data says about ``cert``, issued by ``issuer`` (asn1crypto
        certificates from a validated path)."""
        found = list(self._from_crls(cert, issuer))
        found.extend(self._from_ocsps(cert, issuer))
        return found

    def _from_crls(self, cert: Any, issuer: Any) -> Iterator[Observation]:
        is_ca, name = bool(cert.ca), self._name(issuer, "subject")
        for index, crl in enumerate(self.crls):
            if self._issuers[index] != name:
                continue
            try:
                if not _crl_in_scope(crl, is_ca):
                    continue
                if not self._signed_by(("crl", index), crl["tbs_cert_list"], crl["signature"], crl, issuer.public_key):
                    continue
                tbs = crl["tbs_cert_list"]
                issued = tbs["this_update"].native
                until = tbs["next_update"].native or issued
                entry = _crl_entry(crl, cert.serial_number)
                complete = crl.delta_crl_indicator_value is None and _full_scope(crl)
            except Exception:  # a damaged or hostile list, or an entry that cannot be used, says nothing
                continue
            revocation = None if entry is None else _revocation(cert, *entry)
            yield Observation(issued, max(issued, until), revocation, complete)

    def _from_ocsps(self, cert: Any, issuer: Any) -> Iterator[Observation]:
        for index, basic in enumerate(self._ocsps):
            try:
                tbs = basic["tbs_response_data"]
                singles = [s for s in tbs["responses"] if _same_cert_id(s["cert_id"], cert, issuer)]
                if not singles or not self._ocsp_authentic(index, basic, issuer, tbs["produced_at"].native):
                    continue
                for single in singles:
                    status = single["cert_status"]
                    if status.name == "unknown":
                        continue
                    issued = single["this_update"].native
                    until = single["next_update"].native or issued + OCSP_FALLBACK
                    revocation = None
                    if status.name == "revoked":
                        info = status.chosen
                        reason = info["revocation_reason"].native or "unspecified"
                        invalid = _invalidity(single)
                        revocation = _revocation(cert, info["revocation_time"].native, reason, invalid)
                    yield Observation(issued, max(issued, until), revocation, True)
            except Exception:  # a damaged or hostile response says nothing
                continue

    def _ocsp_authentic(self, index: int, basic: Any, issuer: Any, produced: dt.datetime) -> bool:
        """Signed by the issuer itself, or by a responder certificate the issuer signed for
        OCSP (id-kp-OCSPSigning), valid when the response was produced (RFC 6960 §4.2.2.2).
        Each answer is kept for the document."""
        key = ("authentic", index, issuer.public_key.sha256)
        if key not in self._verified:
            self._verified[key] = self._ocsp_signed(index, basic, issuer, produced)
        return self._verified[key]

    def _ocsp_signed(self, index: int, basic: Any, issuer: Any, produced: dt.datetime) -> bool:
        tbs = basic["tbs_response_data"]
        responder = _responder_id(tbs["responder_id"])
        candidates = [issuer] if responder in _ids(issuer) else []
        for embedded in basic["certs"] or ():
            if responder not in _ids(embedded) or self._name(embedded, "issuer") != self._name(issuer, "subject"):
                continue
            usage = embedded.extended_key_usage_value
            if usage is None or "ocsp_signing" not in usage.native:
                continue
            validity = embedded["tbs_certificate"]["validity"]
            if not validity["not_before"].native - _TOLERANCE <= produced <= validity["not_after"].native + _TOLERANCE:
                continue
            what = ("responder", index, embedded.sha256)
            tbs_cert, signature = embedded["tbs_certificate"], embedded["signature_value"]
            if self._signed_by(what, tbs_cert, signature, embedded, issuer.public_key):
                candidates.append(embedded)
        signature = basic["signature"]
        return any(self._signed_by(("ocsp", index), tbs, signature, basic, c.public_key) for c in candidates)

    def _signed_by(self, what: tuple[Any, ...], tbs: Any, signature: Any, signed: Any, key: Any) -> bool:
        """Whether ``signed`` (a list, a response or a certificate: ``tbs`` and ``signature``
        are its parts) verifies with ``key``; each answer is kept for the document."""
        from pyhanko_certvalidator.sig_validate import DefaultSignatureValidator

        memo = (*what, key.sha256)
        if memo not in self._verified:
            try:
                algorithm = signed["signature_algorithm"]
                DefaultSignatureValidator().validate_signature(signature.native, tbs.dump(), key, algorithm)
                self._verified[memo] = True
            except Exception:  # InvalidSignature, an unsupported algorithm, damaged bytes: not authentic
                self._verified[memo] = False
        return self._verified[memo]


def revoked(observations: Sequence[Observation]) -> Revocation | None:
    """The revocation the data shows, if any: the earliest that counts, leaving out a hold
    that a later list or response no longer shows (lifted)."""
    found = []
    for seen in observations:
        if seen.revocation is None:
            continue
        if seen.revocation.reason == "certificate_hold" and any(
            later.revocation is None and later.complete and later.issued > seen.issued for later in observations
        ):
            continue
        found.append(seen.revocation)
    return min(found, key=lambda r: (r.counts_from, r.listed), default=None)


def covers(observations: Sequence[Observation], moment: dt.datetime) -> bool:
    """Whether the data speaks for ``moment``: a complete list or response current then or
    made after it."""
    return any(seen.complete and seen.current_until + _TOLERANCE >= moment for seen in observations)


def _revocation(cert: Any, listed: dt.datetime, reason: str, invalid: dt.datetime | None) -> Revocation:
    counts_from = min(listed, invalid) if invalid is not None and reason in COMPROMISE else listed
    return Revocation(cert.subject.human_friendly, listed, counts_from, reason)


def _crl_entry(crl: Any, serial: int) -> tuple[dt.datetime, str, dt.datetime | None] | None:
    """The list's entry for ``serial``: (date, reason, invalidity date), or None when the
    serial is not listed or the entry lifts an earlier one (removeFromCRL, in a delta list).
    Raises ValueError for an entry that cannot be used (RFC 5280 §5.3: an unknown critical
    extension; an indirect list's entry)."""
    known = {"crl_reason", "invalidity_date", "certificate_issuer"}
    for entry in crl["tbs_cert_list"]["revoked_certificates"]:
        if entry["user_certificate"].native != serial:
            continue
        if entry.certificate_issuer_value is not None or entry.critical_extensions - known:
            raise ValueError("an entry this reading cannot use")
        reason = entry.crl_reason_value.native if entry.crl_reason_value is not None else "unspecified"
        if reason == "remove_from_crl":
            return None
        invalid = entry.invalidity_date_value
        return entry["revocation_date"].native, reason, None if invalid is None else invalid.native
    return None


def _crl_in_scope(crl: Any, is_ca: bool) -> bool:
    """A list that may speak for this kind of certificate (RFC 5280 §5.2.5), direct only."""
    known = {"issuing_distribution_point", "delta_crl_indicator", "authority_key_identifier", "crl_number"}
    if crl.critical_extensions - known:
        return False
    point = crl.issuing_distribution_point_value
    if point is None:
        return True
    if point["indirect_crl"].native or point["only_contains_attribute_certs"].native:
        return False
    users_only, cas_only = point["only_contains_user_certs"].native, point["only_contains_ca_certs"].native
    return not ((users_only and is_ca) or (cas_only and not is_ca))


def _full_scope(crl: Any) -> bool:
    point = crl.issuing_distribution_point_value
    return point is None or point["only_some_reasons"].native is None


def _invalidity(single: Any) -> dt.datetime | None:
    value = single.invalidity_date_value
    return None if value is None else value.native


def _same_cert_id(cert_id: Any, cert: Any, issuer: Any) -> bool:
    algorithm = cert_id["hash_algorithm"]["algorithm"].native
    if algorithm not in ("sha1", "sha256", "sha384", "sha512"):
        return False
    return bool(
        cert_id["serial_number"].native == cert.serial_number
        and cert_id["issuer_name_hash"].native == hashlib.new(algorithm, issuer.subject.dump()).digest()
        and cert_id["issuer_key_hash"].native == hashlib.new(algorithm, bytes(issuer.public_key["public_key"])).digest()
    )


def _responder_id(responder: Any) -> tuple[str, Any]:
    if responder.name == "by_key":
        return ("key", responder.native)
    return ("name", responder.chosen.dump())


def _ids(cert: Any) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = [("name", cert.subject.dump()), ("key", cert.public_key.sha1)]
    if cert.key_identifier is not None:
        found.append(("key", cert.key_identifier))
    return found


def _basic(response: Any) -> Any:
    try:
        if response["response_status"].native != "successful":
            return None
        body = response["response_bytes"]
        if body["response_type"].native != "basic_ocsp_response":
            return None
        return body["response"].parsed
    except (ValueError, TypeError, KeyError):
        return None


def _unique(items: Iterable[Any]) -> list[Any]:
    """Each list or response once, however many places of the file carry it."""
    seen: dict[bytes, Any] = {}
    for item in items:
        try:
            seen.setdefault(item.dump(), item)
        except (ValueError, TypeError):
            continue
    return list(seen.values())


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


# ----------------------------------------------------------------------------- where the data is


@functools.lru_cache(maxsize=16)
def rules_list(der: bytes) -> Any:
    """A revocation list of the rules folder, parsed once for every document the process
    reads (a national CA's list runs to megabytes; asn1crypto keeps what it has parsed)."""
    from asn1crypto import crl as asn1_crl

    return asn1_crl.CertificateList.load(der)


@dataclass(frozen=True)
class Store:
    """What a file carries for validating its signatures later (PAdES document security
    store and its VRI entries): CA certificates, CRLs and OCSP responses, parsed."""

    certs: tuple[Any, ...] = ()
    crls: tuple[Any, ...] = ()
    ocsps: tuple[Any, ...] = ()


def security_store(reader: Any) -> Store:
    """The file's ``/DSS``: its ``/Certs``, ``/CRLs`` and ``/OCSPs``, and those of every
    ``/VRI`` entry, each read from its stream (pyHanko's ``read_dss`` keeps them as PDF
    references, which its validation context does not take). An entry that cannot be read
    is left out: less revocation data is a partial check, never a failure."""
    from asn1crypto import crl as asn1_crl
    from asn1crypto import ocsp as asn1_ocsp
    from asn1crypto import x509 as asn1_x509

    try:
        dss = reader.root["/DSS"]
        vri = list(dss.get("/VRI", {}).values())[:MAX_ITEMS]
    except Exception:  # no store, or not a dictionary
        return Store()
    parts: dict[str, list[Any]] = {"certs": [], "crls": [], "ocsps": []}
    kinds = (
        ("certs", ("/Certs", "/Cert"), asn1_x509.Certificate),
        ("crls", ("/CRLs", "/CRL"), asn1_crl.CertificateList),
        ("ocsps", ("/OCSPs", "/OCSP"), asn1_ocsp.OCSPResponse),
    )
    for part, (top, entry), kind in kinds:
        seen: set[bytes] = set()
        for holder, key in ((dss, top), *((v, entry) for v in vri)):
            for data in _streams(holder, key):
                if data in seen or len(seen) >= MAX_ITEMS:
                    continue
                seen.add(data)
                try:
                    value = kind.load(data)
                    # Of certificates, only CAs: a chain needs issuers (the signer's own is in
                    # its signature); read now what pyHanko's registry reads, not inside pyHanko.
                    if part == "certs" and not value.ca:
                        continue
                    if part == "certs":
                        (value.subject.chosen, value.issuer.chosen, value.serial_number, value.public_key.dump())
                except Exception:  # asn1crypto raises ValueError, TypeError and others on junk
                    continue
                parts[part].append(value)
    return Store(tuple(parts["certs"]), tuple(parts["crls"]), tuple(parts["ocsps"]))


def _streams(holder: Any, key: str) -> list[bytes]:
    try:
        holder = holder.get_object()
        return [ref.get_object().data for ref in list(holder.get(key, ()))[:MAX_ITEMS]]
    except Exception:  # a damaged store: none from here
        return []


def signature_revocation_info(sig: Any) -> tuple[list[Any], list[Any]]:
    """CRLs and OCSP responses inside the signature itself (Adobe's revocation-info
    attribute, as Acrobat-style signers embed them)."""
    from pyhanko.sign.general import find_unique_cms_attribute

    try:
        value = find_unique_cms_attribute(sig.signer_info["signed_attrs"], "adobe_revocation_info_archival")
        crls, ocsps = list(value["crl"] or ()), list(value["ocsp"] or ())
    except Exception:  # absent (most PAdES signatures), or unreadable: none
        return [], []
    return crls, ocsps
