"""What one signature says of itself (S002 changed, S003 untrusted, S004 expired or
revoked), and the order of a document's signatures (S007), and whether a file shows a signature it lacks (S010, B008): the parts of ``checks.tte``
that look at signatures, not at the marks they prove. Its rules are declared there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from lapkin_audit.checks.context import Context
from lapkin_audit.domain.tte import Pairing, has_tte_footer, is_tte_qr
from lapkin_audit.domain.worktime import zone_info
from lapkin_audit.model import Document, Violation


def integrity(ctx: Context, signature: Any, field: str) -> Iterator[Violation]:
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


def order(doc: Document, pairing: Pairing) -> Iterator[Violation]:
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


def visible_mark(ctx: Context, facts: Any) -> bool:
    """A TTE footer naming a provider the run knows, or a TTE QR code (S010; B008 leaves
    such a document to S010)."""
    issuers = [name for provider in ctx.sop.tte.providers for name in provider.names]
    return has_tte_footer(facts.text, issuers) or any(is_tte_qr(code) for code in facts.qr_codes)
