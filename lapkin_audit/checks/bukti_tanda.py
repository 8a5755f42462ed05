"""Bukti berkas, the marks: what a document's signature blocks say against the manifest
(B007), and whether a document declared signed in ink shows any sign of a signature
(B008) (evidence.md 1.2). Judged on the documents read as what they claim to be, whose
text was read (``checks.bukti``); blocks are found by ``domain.signblock``.

A text layer proves what a block says and what it lacks; OCR confirms an "a.n." it reads,
but never proves a name or a "Plt." absent. What a block says of each declared mark is
also shown beside the mark's claim (``checks.levels``).
"""

from __future__ import annotations

from collections.abc import Iterator

from lapkin_audit.checks.bukti import is_document
from lapkin_audit.checks.context import NEEDS_EVIDENCE, Context, keep
from lapkin_audit.checks.tte_signatures import visible_mark
from lapkin_audit.domain.people import format_nip, normalize_nip, same_person
from lapkin_audit.domain.signblock import PARAF, TANDA_TANGAN, SignBlock, blocks
from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import ERROR, WARNING, Document, Mark, Rule, Violation

NEEDS = frozenset({NEEDS_EVIDENCE})  # what the signature blocks in the text say

RULES = (
    Rule(
        "B007",
        ERROR,
        waivable=False,
        title=(
            "Blok tanda tangan dokumen bertentangan dengan manifest",
            "A document's signature block contradicts the manifest",
        ),
        akibat=(
            "Dokumen ditandatangani atas nama orang lain atau oleh orang yang tidak dicatat, sehingga pengesahan diragukan.",
            "The document was signed on another's behalf or by someone not recorded, so the approval is in doubt.",
        ),
        actors=("tim", "camat"),
        messages={
            "B007.on_behalf": (
                '{berkas} ({jenis}): {what} berbunyi "{printed}" dan ditandatangani oleh {signer}; SOP mengharuskan {act} oleh {role_name} sendiri, sedangkan manifest mencatat {nama}.',
                '{berkas} ({jenis}): the {what} reads "{printed}" and is signed by {signer}; the SOP requires {act} by the {role_name} himself, while the manifest records {nama}.',
            ),
            "B007.other": (
                "{berkas} ({jenis}): {what} {office} menyebut {signer}, bukan {nama} yang dicatat manifest.",
                "{berkas} ({jenis}): the {what} of {office} names {signer}, not {nama} as the manifest records.",
            ),
            "B007.acting": (
                '{berkas} ({jenis}): manifest mencatat {role_name} ({nama}) dengan status: {status}, tetapi {what} berbunyi "{printed}", bukan "{expected}" (Permendagri 1/2023).',
                '{berkas} ({jenis}): the manifest records the {role_name} ({nama}) with status: {status}, but the {what} reads "{printed}", not "{expected}" (Permendagri 1/2023).',
            ),
            "B007.what.paraf": (
                "baris paraf",
                "paraf line",
            ),
            "B007.what.tanda_tangan": (
                "blok tanda tangan",
                "signature block",
            ),
            "B007.act.paraf": (
                "paraf",
                "the paraf",
            ),
            "B007.act.tanda_tangan": (
                "tanda tangan",
                "the signature",
            ),
        },
        checks=(
            'Blok tanda tangan atau baris paraf sebuah dokumen bertentangan dengan manifest: menyebut orang lain daripada yang dinyatakan (NIP menentukan bila keduanya ada; tanpa NIP, nama tanpa gelar); ditandatangani "a.n." atau "u.b." padahal SOP mengharuskan pemegang jabatan sendiri (SK tim oleh Camat, tanda tangan laporan oleh Camat, paraf oleh Sekretaris); atau `pejabat` mencatat `status: plt`/`plh` tetapi bloknya tidak berbunyi "Plt."/"Plh." (Permendagri 1/2023). Blok dibaca dari teks dokumen (jabatan, nama, pangkat, baris `NIP.`). Teks OCR dapat memastikan "a.n.", tetapi tidak pernah membuktikan sendirian bahwa sebuah nama atau "Plt." tidak ada; dokumen tanpa blok yang dikenali tidak menghasilkan temuan.',
            'A document\'s signature block or paraf line contradicts the manifest: it names someone other than the declared person (the NIP decides when both carry one; without, the name without titles); it is signed "a.n." or "u.b." (on behalf) where the SOP requires the office holder himself (the team decree by the Camat, the report\'s signature by the Camat, the paraf by the Sekretaris); or `pejabat` records `status: plt`/`plh` and the block does not read "Plt."/"Plh." (Permendagri 1/2023). Blocks are read from the document\'s text (office, name, rank, the `NIP.` line). OCR text can confirm an "a.n." but never proves on its own that a name or a "Plt." is absent; a document without a recognisable block gives no finding.',
        ),
        why=(
            'Manifest ditulis oleh kantor yang diaudit; yang menandatangani adalah yang tercetak di dokumennya. Tanda tangan "a.n." adalah pelimpahan, bukan tanda tangan pejabat itu sendiri, dan pejabat Plt./Plh. wajib menuliskan statusnya.',
            'The office being audited writes the manifest; who signed is what the document prints. A signature "a.n." is a delegation, not the official\'s own, and an acting official must write the status.',
        ),
        fix=(
            'Catat di manifest siapa yang sebenarnya menandatangani, dan statusnya; atau minta pemegang jabatan menandatangani sendiri, dengan "Plt."/"Plh." di blok bila ia pejabat sementara.',
            'Record in the manifest who really signed, and their status; or have the office holder sign himself, with "Plt."/"Plh." in the block when acting.',
        ),
        clause="Peringatan: Tim Akuntabilitas Kinerja harus sudah ditetapkan oleh Camat; Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
        failing="""\
  camat:      {nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", status: plt}
""",
        passing="""\
  camat:      {nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004"}
""",
    ),
    Rule(
        "B008",
        WARNING,
        waivable=True,
        title=(
            "Dokumen yang dinyatakan ditandatangani basah tidak menunjukkan tanda tangan",
            "A document declared signed in ink shows no sign of a signature",
        ),
        akibat=(
            "Berkas yang dilampirkan tampaknya belum ditandatangani, sehingga pengesahannya tidak terbukti.",
            "The attached file seems never to have been signed, so its approval is not proved.",
        ),
        actors=("tim",),
        messages={
            "B008": (
                "{berkas} ({jenis}) dinyatakan diparaf atau ditandatangani basah, tetapi halaman blok tanda tangannya (halaman {pages}) berlapis teks tanpa gambar apa pun, dan berkas tidak memuat TTE: tampaknya hasil ekspor yang belum ditandatangani.",
                "{berkas} ({jenis}) is declared initialled or signed in ink, but its signature block's page (page {pages}) is a text layer with no image at all, and the file holds no TTE: it looks like an export that was never signed.",
            ),
            "B008.no_block": (
                "{berkas} ({jenis}) dinyatakan diparaf atau ditandatangani basah, tetapi tidak satu halaman pun (halaman {pages}) memuat gambar (pindaian, tanda tangan, cap), dan berkas tidak memuat TTE: tampaknya hasil ekspor yang belum ditandatangani.",
                "{berkas} ({jenis}) is declared initialled or signed in ink, but none of its pages (page {pages}) carries an image (a scan, a signature, a stamp), and the file holds no TTE: it looks like an export that was never signed.",
            ),
        },
        checks=(
            "Dokumen yang dinyatakan diparaf atau ditandatangani basah (`metode: basah`, atau tanpa `metode`) tidak menunjukkan tanda tangan apa pun: PDF yang setiap halamannya berlapis teks, tanpa gambar (pindaian, tanda tangan, cap) di halaman blok tanda tangannya (atau di halaman mana pun bila bloknya tidak dikenali), tanpa TTE dan tanpa tanda TTE yang tampak. Itu ekspor dari pengolah kata yang dilampirkan sebagai dokumen yang ditandatangani. Dengan `metode: tte`, dokumen seperti itu adalah S001.",
            "A document declared initialled or signed in ink (`metode: basah`, or no `metode`) shows no sign of a signature: a PDF whose every page is a text layer, with no image (a scan, a signature, a stamp) on its signature block's page (on any page when no block is recognised), no TTE and no visible TTE mark. That is a word processor's export attached as the signed document. With `metode: tte`, such a document is S001.",
        ),
        why=(
            "Dokumen yang ditandatangani basah dilampirkan sebagai pindaian kertasnya; hasil ekspor tidak membuktikan bahwa siapa pun pernah menandatanganinya.",
            "A document signed in ink is attached as the scan of its paper; an export does not show that anyone ever signed it.",
        ),
        fix=(
            "Lampirkan pindaian dokumen yang sudah diparaf dan ditandatangani, atau PDF yang ditandatangani secara elektronik dengan `metode: tte`; kecualikan temuan dengan alasan bila tanda tangannya memang tidak tampak di berkas (mis. disahkan lewat aplikasi, lalu catat `metode: sistem`).",
            "Attach the scan of the initialled and signed document, or the electronically signed PDF with `metode: tte`; waive the finding with a reason when the signature is truly not in the file (e.g. approved in an application: then record `metode: sistem`).",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat",
        failing="""\
  - jenis: draf_laporan_disahkan
    berkas: lampiran/lkj-2024-tw2-final.pdf
""",
        passing="""\
  - jenis: draf_laporan_disahkan
    berkas: lampiran/lkj-2024-tw2-ttd.pdf
""",
    ),
)

# What a block says of a declared mark (the claim's `block` in the reports).
DECLARED, OTHER, ON_BEHALF, ABSENT = "declared", "other", "on_behalf", "absent"
_ACTING_PRINTED = {"plt": "Plt.", "plh": "Plh."}


def check(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        facts = ctx.evidence.get(doc.field)
        if facts is not None and facts.text_source is not None and is_document(ctx, doc, facts):
            yield from _document(ctx, doc, facts)


def _document(ctx: Context, doc: Document, facts: DocumentFacts) -> Iterator[Violation]:
    """B007 and B008 for one document whose text was read (in full or in part)."""
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
    if visible_mark(ctx, facts):
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


_FOUND_SIZE = 256  # contents whose blocks a run keeps


def _blocks(ctx: Context, facts: DocumentFacts) -> list[SignBlock]:
    """The blocks of a content's usable text, found once per content and SOP roles (a
    batch's dossiers share attachments, and the checks and the claims share them)."""
    key = (__name__, facts.sha256, facts.text_source, len(facts.pieces), tuple(sorted(ctx.sop.roles.items())))
    found: list[SignBlock] | None = ctx.shared.get(key)  # the run's: its session owns it
    if found is None:
        pages = [(piece.page, piece.text) for piece in facts.pieces if piece.usable and piece.text.strip()]
        found = keep(ctx.shared, key, blocks(pages, ctx.sop.roles), _FOUND_SIZE)
    return found


def _mine(found: list[SignBlock], kind: str, mark: Mark) -> list[SignBlock]:
    return [b for b in found if b.kind == kind and b.role == mark.person.peran]


def _names(block: SignBlock, mark: Mark) -> bool:
    return same_person(block.nama, block.nip, mark.person.nama, mark.person.nip)


def _from_text_layer(facts: DocumentFacts, block: SignBlock) -> bool:
    return any(piece.page == block.page and piece.source == "teks" for piece in facts.pieces)
