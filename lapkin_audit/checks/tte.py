"""Tanda tangan elektronik (TTE): the paraf and tanda tangan proven by the signatures in
the PDF, not only declared (evidence.md, S codes).

Which marks must be TTE: those declared ``metode: tte``, and every paraf and tanda tangan
of a document kind the SOP marks ``tte: true``. Each is matched to a signature by its
signer (the certificate's name without titles, or a NIP the certificate carries); what is
left over on either side is reported. Signature facts come from ``evidence.signatures``.

S001  a mark that must be TTE has no signature by that person in the file.
S002  a signature is broken: signed bytes changed, or the file changed after signing beyond
      what the signature allows. Never for a signature the checker could not evaluate.
S003  the signer's certificate does not chain to a trust root of the rules folder.
S004  the certificate was revoked, expired or not yet valid at the signing time; without a
      trusted timestamp, revoked at any time (no proof the signature came first).
S005  the file is signed by someone other than the person declared for that mark.
S006  the signing time is outside the tolerance of the declared ``tanggal`` (waivable).
S007  the Camat's signature comes before the Sekretaris's paraf in the file.
S008  a signature was checked only in part: no trust roots, no trusted timestamp, no
      revocation data, or the checker could not evaluate it (``unreadable``); the finding
      says which (waivable).
S009  the file carries a signature the manifest does not declare (waivable).
S010  a visible TTE mark (the BSrE footer, a verification QR code) in a file with no valid
      signature: a printed-and-scanned copy, or a forged mark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lapkin_audit.checks.context import Context
from lapkin_audit.domain.tte import has_tte_footer, is_tte_qr, signed_by, within_tolerance
from lapkin_audit.domain.worktime import zone_info
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import Document, Mark, Violation

CODES = ("S001", "S002", "S003", "S004", "S005", "S006", "S007", "S008", "S009", "S010")


def check(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        facts = ctx.evidence.get(doc.field)
        if facts is None or facts.format != "pdf":
            continue  # not read (K003, B001, B006 say why), or not a PDF: no signatures to find
        yield from _document(ctx, doc, facts)


@dataclass(frozen=True)
class Pairing:
    """A document's declared marks against the signatures in its file."""

    proven: dict[str, Any]  # mark field -> the signature by that person
    wrong: list[tuple[Mark, Any]]  # a mark that must be TTE, against another person's signature
    missing: list[Mark]  # a mark that must be TTE, with no signature left for it
    extra: list[Any]  # signatures no mark declares


def pair(ctx: Context, doc: Document, signatures: Sequence[Any]) -> Pairing:
    """Each declared paraf and tanda tangan matched to a signature by its signer (any mark:
    a signature may prove a mark whose metode is not stated); then what must be TTE and has
    no signature of its own stands against the signatures left, in file order."""
    kind = ctx.sop.document_kinds[doc.jenis]
    marks = [*doc.paraf, *doc.tanda_tangan]
    proven: dict[str, Any] = {}
    used: set[int] = set()
    for mark in marks:
        for j, signature in enumerate(signatures):
            if j not in used and signed_by(signature.signer, signature.ids, mark.person.nama, mark.person.nip):
                proven[mark.field] = signature
                used.add(j)
                break
    pending = [m for m in marks if m.field not in proven and (m.metode == "tte" or kind.tte)]
    unclaimed = [s for j, s in enumerate(signatures) if j not in used]
    wrong = list(zip(pending, unclaimed, strict=False))
    return Pairing(proven, wrong, pending[len(wrong) :], unclaimed[len(wrong) :])


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
        yield from _integrity(ctx, signature, doc.field)
        args = {"jenis": doc.jenis, "signer": signature.signer or "-", "field_name": signature.field}
        yield Violation("S009", "S009", args, field=doc.field)
    yield from _order(doc, pairing)
    if not any(s.valid for s in signatures) and _visible_mark(ctx, facts):
        yield Violation("S010", "S010", {"jenis": doc.jenis, "berkas": doc.berkas or "-"}, field=f"{doc.field}.berkas")


def proves(signature: Any) -> bool:
    """A signature that proves its mark cryptographically: valid, and checked in full (a
    trust root, a trusted timestamp and revocation data; evidence level ``kriptografis``)."""
    return bool(signature.valid and not signature.partial)


def _proven(ctx: Context, mark: Mark, signature: Any) -> Iterator[Violation]:
    broken = list(_integrity(ctx, signature, mark.field))
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


def _integrity(ctx: Context, signature: Any, field: str) -> Iterator[Violation]:
    name = signature.signer or "-"
    if signature.intact is False or signature.changed_after:  # None: not evaluated (S008)
        key = "S002.bytes" if signature.intact is False else "S002.changed"
        yield Violation("S002", key, {"signer": name, "field_name": signature.field}, field=field)
        return  # a broken signature proves nothing more: its chain and time are moot
    if signature.chain == "untrusted":
        args = {"signer": name, "issuer": signature.issuer, "detail": signature.detail or "-"}
        yield Violation("S003", "S003", args, field=field)
    elif signature.validity in ("expired", "revoked", "not_yet_valid"):
        zone = zone_info(ctx.dossier.zona_waktu)
        args = {"signer": name, "time": _local(signature.time, zone), "detail": signature.detail or "-"}
        key = f"S004.{signature.validity}"
        if signature.validity == "revoked":
            args["revoked"] = _local(signature.revoked_at, zone)
            # Without a trusted timestamp the time is a claim: a revocation at any time counts.
            key += "" if signature.time_basis == "timestamp" else "_no_poe"
        yield Violation("S004", key, args, field=field)


def _local(moment: str | None, zone: Any) -> dt.datetime | str:
    """An ISO time of the facts in the office's zone, as messages show times; "-" if none."""
    if moment is None:
        return "-"
    return dt.datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone(zone)


def _order(doc: Document, pairing: Pairing) -> Iterator[Violation]:
    """Every tanda tangan signed after every paraf: by the file's revisions, and by trusted times."""
    parafs = [pairing.proven[m.field] for m in doc.paraf if m.field in pairing.proven]
    for mark in doc.tanda_tangan:
        signature = pairing.proven.get(mark.field)
        if signature is None:
            continue
        for paraf in parafs:
            earlier_revision = signature.revision < paraf.revision
            both_trusted = signature.time_basis == paraf.time_basis == "timestamp"
            earlier_time = both_trusted and (signature.time or "") < (paraf.time or "")
            if earlier_revision or earlier_time:
                args = {"signer": signature.signer or "-", "paraf": paraf.signer or "-", "jenis": doc.jenis}
                yield Violation("S007", "S007", args, field=mark.field)
                return


def _visible_mark(ctx: Context, facts: Any) -> bool:
    issuers = [name for provider in ctx.sop.tte.providers for name in provider.names]
    return has_tte_footer(facts.text, issuers) or any(is_tte_qr(code) for code in facts.qr_codes)


def _what(mark: Mark) -> str:
    return f"{'paraf' if '.paraf' in mark.field else 'tanda tangan'} {mark.person.peran or ''}".strip()
