"""The level of evidence of every claim the checks use (evidence.md): ``dinyatakan`` (only the
manifest says so), ``teks`` (the document's text says so) or ``kriptografis`` (an electronic
signature proves it), and what was read from each attachment. Not a rule family: what the
reports show beside the findings, from the same facts the checks judged.
"""

from __future__ import annotations

from collections.abc import Mapping

from lapkin_audit.checks.bukti import declared_citations, is_document, searchable
from lapkin_audit.checks.bukti_tanda import block_says
from lapkin_audit.checks.context import Context
from lapkin_audit.checks.tte import pair, proves
from lapkin_audit.domain.doctext import Searchable, shows_number, shows_person
from lapkin_audit.evidence.signatures import SignatureFact
from lapkin_audit.model import AttachmentEvidence, Claim, Document, Evidence, SignatureEvidence


def evidence(ctx: Context) -> Evidence:
    """Every attachment read and every claim the checks use, with its level of evidence."""
    attachments = []
    claims: list[Claim] = []
    for doc in ctx.dossier.dokumen:
        if doc.berkas is None:
            continue
        found = ctx.attachments.get(doc.field)
        facts = ctx.evidence.get(doc.field)
        signatures = facts.signatures if facts is not None else ()
        proven = pair(ctx, doc, signatures).proven if signatures else {}
        attachments.append(
            AttachmentEvidence(
                doc.field,
                doc.jenis,
                doc.berkas,
                found.sha256 if found is not None else None,
                facts.format if facts is not None else None,
                facts.pages if facts is not None else None,
                facts.text_source if facts is not None else None,
                facts.ocr_confidence if facts is not None else None,
                facts.problem if facts is not None else (found.status if found is not None else None),
                tuple(_signature(s, proven, ctx.dossier.zona_waktu) for s in signatures),
            )
        )
        readable = facts is not None and facts.text_source is not None and is_document(ctx, doc, facts)
        text = searchable(ctx, facts) if readable and facts is not None else None

        def level(shown: bool, doc: Document = doc, text: Searchable | None = text) -> tuple[str, str | None]:
            return ("teks", doc.berkas) if text is not None and shown else ("dinyatakan", None)

        claims.append(Claim("dokumen", doc.field, doc.jenis, *level(True)))
        if ctx.sop.document_kinds[doc.jenis].cites_legal_basis:
            cited = text.citations if text is not None else set()
            for i, key, written in declared_citations(doc):
                claims.append(Claim("dasar_hukum", f"{doc.field}.dasar_hukum[{i}]", written, *level(key in cited)))
        if doc.nomor and any(pre.dokumen == doc.jenis for pre in ctx.sop.preconditions):
            shown = text is not None and shows_number(text, doc.nomor)
            claims.append(Claim("nomor", f"{doc.field}.nomor", doc.nomor, *level(shown)))
        for member in doc.anggota:
            shown = text is not None and shows_person(text, member.nama, member.nip)
            claims.append(Claim("anggota", member.field, member.nama or "-", *level(shown)))
        # A paraf or a signature is an act, which text cannot prove: kriptografis with a
        # valid TTE, else dinyatakan, with what the signature block says beside it.
        for kind, marks in (("paraf", doc.paraf), ("tanda_tangan", doc.tanda_tangan)):
            for mark in marks:
                signature = proven.get(mark.field)
                says = block_says(ctx, facts, kind, mark) if text is not None and facts is not None else None
                if signature is not None and proves(signature):
                    claims.append(Claim(kind, mark.field, mark.person.nama or "-", "kriptografis", doc.berkas, says))
                else:
                    claims.append(Claim(kind, mark.field, mark.person.nama or "-", "dinyatakan", None, says))
    return Evidence(tuple(attachments), tuple(claims))


def _signature(signature: SignatureFact, proven: Mapping[str, SignatureFact], zone: str) -> SignatureEvidence:
    if signature.intact is False or signature.changed_after:  # None: not evaluated (S008), not broken
        status = "broken"
    elif signature.chain == "untrusted":
        status = "untrusted"
    elif signature.validity in ("expired", "revoked", "not_yet_valid"):
        status = "invalid"
    elif signature.chain == "unchecked":
        status = "unchecked"
    else:
        status = "valid" if proves(signature) else "partial"
    mark = next((field for field, s in proven.items() if s is signature), None)
    time = _local(signature.time, zone)
    basis, partial = signature.time_basis, signature.partial
    return SignatureEvidence(signature.field, signature.signer, time, basis, status, partial, mark)


def _local(moment: str | None, zone: str) -> str | None:
    """A signing time (UTC) in the office's zone, as the manifest writes its own."""
    if moment is None:
        return None
    from datetime import datetime

    from lapkin_audit.domain.worktime import zone_info

    return datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone(zone_info(zone)).isoformat()
