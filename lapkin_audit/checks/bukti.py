"""Bukti berkas: what the attachments themselves say (evidence.md).

The facts come from ``lapkin_audit.evidence`` (format from the bytes, text with its
source). A text layer read in full can prove a value absent; OCR, or a document read only
in part, can confirm a value but never proves it absent on its own: that is B006.

B001  an attachment is not a readable document of an accepted format: another format than
      its name says (a JPEG named .pdf), a format its kind does not accept (a DOCX as the
      signed report), or damaged, encrypted or hostile. Fix: attach the real PDF.
B002  one file (the same SHA-256) is attached as two kinds that must be different
      documents (the LRA and the DPA); the SOP's `berkas_sama_dengan` says which may share.
B003  a citation declared in `dasar_hukum` is not in the signed report's text.
B004  the decree's text does not show its declared `nomor` or a member in `anggota`
      (names compared without titles; a member's NIP in the text counts too).
B005  a document's text names another period, year or kecamatan than the dossier's
      (waivable): "Triwulan I" in an LRA of a Triwulan II dossier.
B006  a document the checks need as evidence could not be read (no text layer and no
      OCR, OCR too unsure, a limit reached), or OCR did not confirm a declared value;
      its claims stay at the level `dinyatakan` (waivable).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lapkin_audit.checks.context import Context
from lapkin_audit.checks.tte import pair, proves
from lapkin_audit.domain.citation import KINDS, parse_citations
from lapkin_audit.domain.doctext import (
    Searchable,
    offices_named,
    periods_named,
    prepare,
    same_office,
    shows_number,
    shows_person,
)
from lapkin_audit.evidence.facts import NOT_A_DOCUMENT, NOT_READ, DocumentFacts
from lapkin_audit.evidence.signatures import SignatureFact
from lapkin_audit.evidence.sniff import claimed
from lapkin_audit.model import AttachmentEvidence, Claim, Document, Evidence, SignatureEvidence, Violation

CODES = ("B001", "B002", "B003", "B004", "B005", "B006")


def check(ctx: Context) -> Iterator[Violation]:
    yield from _formats(ctx)
    yield from _shared_files(ctx)
    for doc in ctx.dossier.dokumen:
        facts = ctx.evidence.get(doc.field)
        if facts is None or not _is_document(ctx, doc, facts):
            continue
        needed = _needed(ctx, doc)
        if needed and facts.text_source is None:
            yield _unread(doc, facts)
            continue
        if facts.text_source is None:
            continue
        text = searchable(facts)
        if facts.problem in NOT_READ and needed:
            yield _unread(doc, facts)  # read in part: what it confirms still counts
        yield from _citations(ctx, doc, facts, text)
        yield from _decree(ctx, doc, facts, text)
        yield from _period(ctx, doc, text)


# ----------------------------------------------------------------------------- B001, B002


def _formats(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        facts = ctx.evidence.get(doc.field)
        if facts is None or doc.berkas is None:
            continue
        if _format_unknown(facts):
            continue  # not read at all (too large): its format is not judged, B006 says why
        field = f"{doc.field}.berkas"
        args = {"berkas": doc.berkas, "jenis": doc.jenis, "format": facts.format.upper()}
        if facts.problem in NOT_A_DOCUMENT:
            yield Violation(
                "B001", f"B001.{facts.problem}", {**args, "detail": (facts.detail or "-").rstrip(".")}, field=field
            )
            continue
        name = claimed(doc.berkas)
        if name is not None and name != facts.format:
            yield Violation("B001", "B001.name", {**args, "claimed": name.upper()}, field=field)
            continue
        accepted = ctx.sop.document_kinds[doc.jenis].formats
        if accepted and facts.format not in accepted:
            yield Violation(
                "B001", "B001.kind", {**args, "accepted": ", ".join(f.upper() for f in accepted)}, field=field
            )


def _is_document(ctx: Context, doc: Document, facts: DocumentFacts) -> bool:
    """Readable as what it claims to be: only then do the text checks speak (else B001 did)."""
    if facts.problem in NOT_A_DOCUMENT or doc.berkas is None:
        return False
    if _format_unknown(facts):
        return True
    name = claimed(doc.berkas)
    accepted = ctx.sop.document_kinds[doc.jenis].formats
    return (name is None or name == facts.format) and (not accepted or facts.format in accepted)


def _format_unknown(facts: DocumentFacts) -> bool:
    return facts.format == "unknown" and facts.problem in NOT_READ


def _shared_files(ctx: Context) -> Iterator[Violation]:
    first: dict[str, Document] = {}
    for doc in ctx.dossier.dokumen:
        found = ctx.attachments.get(doc.field)
        if found is None or found.status != "ok" or found.sha256 is None:
            continue
        other = first.setdefault(found.sha256, doc)
        if other is doc or other.jenis == doc.jenis:
            continue
        kinds = ctx.sop.document_kinds
        if doc.jenis in kinds[other.jenis].shares_file_with or other.jenis in kinds[doc.jenis].shares_file_with:
            continue
        args = {"berkas": doc.berkas, "jenis": doc.jenis, "other": other.jenis, "other_berkas": other.berkas}
        yield Violation("B002", "B002", args, field=f"{doc.field}.berkas")


# ----------------------------------------------------------------------------- B003-B006


def readable_text(ctx: Context, doc: Document) -> tuple[Searchable | None, bool]:
    """The document's usable text (None: none) and whether it is complete (a text layer,
    every page): only a complete text proves a value absent."""
    facts = ctx.evidence.get(doc.field)
    if facts is None or facts.text_source is None or not _is_document(ctx, doc, facts):
        return None, False
    return searchable(facts), facts.complete


def searchable(facts: DocumentFacts) -> Searchable:
    """The facts' text prepared for searching; made once per content (a batch of dossiers
    attaching the same files, and the several checks of one, share it)."""
    key = (facts.sha256, facts.text_source, len(facts.pieces), facts.problem)
    found = _SEARCHABLE.get(key)
    if found is None:
        if len(_SEARCHABLE) >= _SEARCHABLE_SIZE:
            _SEARCHABLE.clear()
        found = _SEARCHABLE[key] = Searchable.of(prepare(facts.text, ocr=facts.text_source == "ocr"))
    return found


_SEARCHABLE: dict[tuple[object, ...], Searchable] = {}
_SEARCHABLE_SIZE = 256


def _needed(ctx: Context, doc: Document) -> bool:
    """Whether the checks need this document's text as evidence (citations, decree, marks)."""
    kind = ctx.sop.document_kinds[doc.jenis]
    decree = any(pre.dokumen == doc.jenis for pre in ctx.sop.preconditions)
    return kind.cites_legal_basis or decree or bool(kind.paraf or kind.tanda_tangan)


needed_as_evidence = _needed  # the content checks (C008) leave to B006 what it reports


def _unread(doc: Document, facts: DocumentFacts) -> Violation:
    why = facts.problem or "no_text"
    return Violation(
        "B006",
        f"B006.{why}",
        {"berkas": doc.berkas, "jenis": doc.jenis, "detail": facts.detail or "-"},
        field=f"{doc.field}.berkas",
    )


def _absent(
    code: str, message: str, facts: DocumentFacts, doc: Document, args: Mapping[str, object], field: str
) -> Violation:
    """A declared value not found: proved absent only by a complete text layer (else B006)."""
    if facts.complete:
        return Violation(code, message, args, field=field)
    return Violation("B006", "B006.unconfirmed", {**args, "berkas": doc.berkas, "what": args["what"]}, field=field)


def declared_citations(doc: Document) -> Iterator[tuple[int, tuple[str, str, int], str]]:
    for i, item in enumerate(doc.dasar_hukum):
        for citation in parse_citations(item):
            key = citation.key()
            if key is not None:
                yield i, key, citation.text


def _citations(ctx: Context, doc: Document, facts: DocumentFacts, text: Searchable) -> Iterator[Violation]:
    if not ctx.sop.document_kinds[doc.jenis].cites_legal_basis:
        return
    cited = text.citations
    for i, key, written in declared_citations(doc):
        if key not in cited:
            what = f"{KINDS.get(key[0], key[0])} Nomor {key[1]} Tahun {key[2]}"
            args = {"jenis": doc.jenis, "berkas": doc.berkas, "text": written, "what": what}
            yield _absent("B003", "B003", facts, doc, args, f"{doc.field}.dasar_hukum[{i}]")


def _decree(ctx: Context, doc: Document, facts: DocumentFacts, text: Searchable) -> Iterator[Violation]:
    if not any(pre.dokumen == doc.jenis for pre in ctx.sop.preconditions):
        return
    if doc.nomor and not shows_number(text, doc.nomor):
        args = {"berkas": doc.berkas, "nomor": doc.nomor, "what": doc.nomor}
        yield _absent("B004", "B004.nomor", facts, doc, args, f"{doc.field}.nomor")
    for member in doc.anggota:
        if not shows_person(text, member.nama, member.nip):
            args = {"berkas": doc.berkas, "nama": member.nama or "-", "what": member.nama or "-"}
            yield _absent("B004", "B004.anggota", facts, doc, args, member.field)


def _period(ctx: Context, doc: Document, text: Searchable) -> Iterator[Violation]:
    """One finding per document for another period and one for another office: the first
    mention names it (a document that names another quarter names it many times)."""
    if not ctx.sop.document_kinds[doc.jenis].names_period:
        return
    periode = ctx.dossier.periode
    for mention in periods_named(text.text):
        other_part = mention.jenis == periode.jenis and mention.ke != periode.ke
        other_year = mention.tahun is not None and mention.tahun != periode.tahun
        if other_part or other_year:
            args = {"berkas": doc.berkas, "found": mention.text}
            yield Violation("B005", "B005.period", args, field=f"{doc.field}.berkas")
            break
    for office in offices_named(text.text):
        if not same_office(office, ctx.dossier.instansi):
            args = {"berkas": doc.berkas, "found": f"Kecamatan {office}", "instansi": ctx.dossier.instansi}
            yield Violation("B005", "B005.office", args, field=f"{doc.field}.berkas")
            break


# ----------------------------------------------------------------------------- levels


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
        readable = facts is not None and facts.text_source is not None and _is_document(ctx, doc, facts)
        text = searchable(facts) if readable and facts is not None else None

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
        for kind, marks in (("paraf", doc.paraf), ("tanda_tangan", doc.tanda_tangan)):
            for mark in marks:
                signature = proven.get(mark.field)
                if signature is not None and proves(signature):
                    claims.append(Claim(kind, mark.field, mark.person.nama or "-", "kriptografis", doc.berkas))
                    continue
                shown = text is not None and shows_person(text, mark.person.nama, mark.person.nip)
                claims.append(Claim(kind, mark.field, mark.person.nama or "-", *level(shown)))
    return Evidence(tuple(attachments), tuple(claims))


def _signature(signature: SignatureFact, proven: Mapping[str, SignatureFact], zone: str) -> SignatureEvidence:
    if not signature.intact or signature.changed_after:
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
