"""Bukti berkas, the marks: what a document's signature blocks say, and whether it shows
any sign of being signed (evidence.md 1.2). Called by ``checks.bukti`` for the documents
it reads as what they claim to be.

B007  a document's signature block contradicts the manifest: it names another signer
      than the declared one; it is signed "a.n."/"u.b." where the SOP requires the
      office holder himself (the decree by the Camat, the paraf by the Sekretaris); or
      `pejabat` says `status: plt|plh` and the block does not say "Plt."/"Plh."
      (Permendagri 1/2023). OCR can confirm an "a.n.", never prove a name or a "Plt."
      absent: only a text layer does.
      Fails: the decree's block reads "a.n. CAMAT KARANGPLOSO / Sekretaris Kecamatan,
      / Sri Wahyuni" while the manifest says the Camat signed it.
      Fix: record who really signed, or have the Camat sign the decree himself.
B008  a document declared signed by hand (`metode: basah`, or none) shows no sign of a
      signature: a PDF with a text layer on the signature block's page and no image
      there, no electronic signature and no TTE mark (waivable). An unsigned export
      attached as the signed document. Fix: attach the scan of the signed paper, or
      the electronically signed PDF with `metode: tte`.
"""

from __future__ import annotations

from collections.abc import Iterator

from lapkin_audit.checks.context import Context
from lapkin_audit.domain.people import format_nip, normalize_nip, same_person
from lapkin_audit.domain.signblock import PARAF, TANDA_TANGAN, SignBlock, blocks
from lapkin_audit.domain.tte import has_tte_footer, is_tte_qr
from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import Document, Mark, Violation

CODES = ("B007", "B008")

# What a block says of a declared mark (the claim's `block` in the reports).
DECLARED, OTHER, ON_BEHALF, ABSENT = "declared", "other", "on_behalf", "absent"
_ACTING_PRINTED = {"plt": "Plt.", "plh": "Plh."}


def check(ctx: Context, doc: Document, facts: DocumentFacts) -> Iterator[Violation]:
    """B007 and B008 for one document whose text was read (``checks.bukti`` decides)."""
    found = _blocks(ctx, facts)
    for kind, marks in ((PARAF, doc.paraf), (TANDA_TANGAN, doc.tanda_tangan)):
        for mark in marks:
            yield from _contradiction(ctx, doc, facts, found, kind, mark)
    yield from _unsigned(ctx, doc, facts, found)


def block_says(ctx: Context, facts: DocumentFacts, kind: str, mark: Mark) -> str | None:
    """What the document's blocks say of a declared mark: it names the declared person, it
    names another, it is signed on behalf ("a.n."), or the text (read in full) has no block
    for that office; None when the text cannot tell (OCR that does not confirm it)."""
    mine = _mine(_blocks(ctx, facts), kind, mark)
    if not mine:
        return ABSENT if facts.complete else None
    if any(b.on_behalf is None and _names(b, mark) for b in mine):
        return DECLARED
    if any(b.on_behalf is not None for b in mine):
        return ON_BEHALF
    if any(_from_text_layer(facts, b) for b in mine):
        return OTHER
    return None


# ----------------------------------------------------------------------------- B007


def _contradiction(
    ctx: Context, doc: Document, facts: DocumentFacts, found: list[SignBlock], kind: str, mark: Mark
) -> Iterator[Violation]:
    mine = _mine(found, kind, mark)
    problems = [_problem(ctx, doc, facts, kind, mark, block) for block in mine]
    if not problems or any(problem is None for problem in problems):
        return  # no block for this office, or one that agrees with the manifest
    message, args = next(p for p in problems if p is not None)
    yield Violation("B007", message, args, field=mark.field)


def _problem(
    ctx: Context, doc: Document, facts: DocumentFacts, kind: str, mark: Mark, block: SignBlock
) -> tuple[str, dict[str, object]] | None:
    role = mark.person.peran or ""
    args: dict[str, object] = {
        "berkas": doc.berkas,
        "jenis": doc.jenis,
        "what": Nested(f"B007.what.{kind}"),
        "act": Nested(f"B007.act.{kind}"),
        "office": block.office,
        "signer": _signer(block),
        "nama": mark.person.nama or "-",
        "role_name": ctx.sop.roles.get(role, role),
    }
    if block.on_behalf is not None and _holder_himself(ctx, doc, kind, role):
        printed = f"{block.on_behalf} {block.office}"
        signer = f"{block.signer_office}, {args['signer']}" if block.signer_office else args["signer"]
        return "B007.on_behalf", {**args, "printed": printed, "signer": signer}
    if not _from_text_layer(facts, block):
        return None  # OCR confirms what it reads; it never proves a name or a "Plt." absent
    if not _names(block, mark):
        return "B007.other", args
    holder = ctx.dossier.pejabat.get(role)
    status = holder.status if holder is not None else "definitif"
    if status in _ACTING_PRINTED and block.acting != status:
        printed = (_ACTING_PRINTED[block.acting] + " " if block.acting else "") + block.office
        expected = f"{_ACTING_PRINTED[status]} {block.office}"
        return "B007.acting", {**args, "status": status, "printed": printed, "expected": expected}
    return None


def _holder_himself(ctx: Context, doc: Document, kind: str, role: str) -> bool:
    """Whether the SOP requires this mark of the office holder himself: the kind's required
    paraf and tanda tangan, and the signer of a decree of the Peringatan."""
    spec = ctx.sop.document_kinds[doc.jenis]
    if role in (spec.paraf if kind == PARAF else spec.tanda_tangan):
        return True
    return kind == TANDA_TANGAN and any(p.dokumen == doc.jenis and p.signed_by == role for p in ctx.sop.preconditions)


def _signer(block: SignBlock) -> str:
    nip = normalize_nip(block.nip)
    return f"{block.nama} (NIP {format_nip(nip)})" if nip else block.nama or "-"


# ----------------------------------------------------------------------------- B008


def _unsigned(ctx: Context, doc: Document, facts: DocumentFacts, found: list[SignBlock]) -> Iterator[Violation]:
    by_hand = [m for m in (*doc.paraf, *doc.tanda_tangan) if m.metode in (None, "basah")]
    if not by_hand or facts.format != "pdf" or not facts.complete:
        return  # nothing declared in ink, not a PDF, or not every page has a text layer
    if facts.signatures or facts.signature_problem is not None:
        return  # an electronic signature (even one that cannot be read) is S's business
    if has_tte_footer(facts.text) or any(is_tte_qr(code) for code in facts.qr_codes):
        return  # a visible TTE mark without a signature is S010
    roles = {m.person.peran for m in by_hand}
    pages = {b.page for b in found if b.role in roles}
    # The pages of the blocks of those who signed by hand; with no block found, every page.
    looked = pages or {piece.page for piece in facts.pieces}
    if looked & set(facts.image_pages):
        return
    where = ", ".join(str(page) for page in sorted(looked))
    args = {"berkas": doc.berkas, "jenis": doc.jenis, "pages": where}
    yield Violation("B008", "B008" if pages else "B008.no_block", args, field=f"{doc.field}.berkas")


# ----------------------------------------------------------------------------- shared


_FOUND: dict[tuple[object, ...], list[SignBlock]] = {}
_FOUND_SIZE = 256


def _blocks(ctx: Context, facts: DocumentFacts) -> list[SignBlock]:
    """The blocks of a content's usable text, found once per content and SOP roles (a
    batch's dossiers share attachments, and the checks and the claims share them)."""
    key = (facts.sha256, facts.text_source, len(facts.pieces), tuple(sorted(ctx.sop.roles.items())))
    found = _FOUND.get(key)
    if found is None:
        if len(_FOUND) >= _FOUND_SIZE:
            _FOUND.clear()
        pages = [(piece.page, piece.text) for piece in facts.pieces if piece.usable and piece.text.strip()]
        found = _FOUND[key] = blocks(pages, ctx.sop.roles)
    return found


def _mine(found: list[SignBlock], kind: str, mark: Mark) -> list[SignBlock]:
    return [b for b in found if b.kind == kind and b.role == mark.person.peran]


def _names(block: SignBlock, mark: Mark) -> bool:
    return same_person(block.nama, block.nip, mark.person.nama, mark.person.nip)


def _from_text_layer(facts: DocumentFacts, block: SignBlock) -> bool:
    return any(piece.page == block.page and piece.source == "teks" for piece in facts.pieces)
