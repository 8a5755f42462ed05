"""Bukti berkas: what the attachments are, as files (evidence.md).

The facts come from ``lapkin_audit.evidence`` (format from the bytes, text with its
source). This module judges each attachment as a file (its real format, one file attached
as two documents) and holds what the text checks share: whether a document is readable as
what it claims to be, and its text prepared for searching. What the text says is
``checks.bukti_teks``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lapkin_audit.checks.context import NEEDS_EVIDENCE, Context
from lapkin_audit.domain.citation import parse_citations
from lapkin_audit.domain.doctext import Searchable, prepare
from lapkin_audit.evidence.facts import NOT_A_DOCUMENT, NOT_READ, DocumentFacts
from lapkin_audit.evidence.sniff import claimed
from lapkin_audit.model import ERROR, Document, Rule, Violation

# The attachments' content (read in child processes by the gather stage).
NEEDS = frozenset({NEEDS_EVIDENCE})

RULES = (
    Rule(
        "B001",
        ERROR,
        waivable=False,
        title=(
            "Lampiran bukan dokumen terbaca dengan format yang diterima",
            "An attachment is not a readable document of an accepted format",
        ),
        messages={
            "B001.name": (
                "Berkas '{berkas}' ({jenis}) berisi {format}, bukan {claimed} seperti namanya. Lampirkan dokumen aslinya dalam format yang benar.",
                "Attachment '{berkas}' ({jenis}) holds {format}, not {claimed} as its name says. Attach the real document in the right format.",
            ),
            "B001.kind": (
                "Berkas '{berkas}' berformat {format}; {jenis} harus berformat {accepted}.",
                "Attachment '{berkas}' is {format}; {jenis} must be {accepted}.",
            ),
            "B001.unknown_format": (
                "Berkas '{berkas}' ({jenis}) bukan dokumen yang dikenali (PDF, DOCX, JPEG, PNG atau TIFF).",
                "Attachment '{berkas}' ({jenis}) is no document format we know (PDF, DOCX, JPEG, PNG or TIFF).",
            ),
            "B001.damaged": (
                "Berkas '{berkas}' ({jenis}) rusak dan tidak dapat dibaca sebagai {format}: {detail}.",
                "Attachment '{berkas}' ({jenis}) is damaged and cannot be read as {format}: {detail}.",
            ),
            "B001.encrypted": (
                "Berkas '{berkas}' ({jenis}) terenkripsi dengan kata sandi, sehingga isinya tidak dapat dibaca. Lampirkan salinan tanpa kata sandi.",
                "Attachment '{berkas}' ({jenis}) is encrypted with a password, so its content cannot be read. Attach a copy without a password.",
            ),
            "B001.timeout": (
                "Membaca '{berkas}' ({jenis}) melampaui anggaran waktunya ({detail}) dan dihentikan: dokumen yang tidak dapat dibaca dalam batas yang wajar tidak dapat menjadi bukti. Bila dokumen ini memang panjang, naikkan anggaran dengan --cpu-per-page atau kunci cpu-per-page di berkas konfigurasi.",
                "Reading '{berkas}' ({jenis}) ran past its budget ({detail}) and was stopped: a document that cannot be read within reasonable limits cannot serve as evidence. If the document is indeed long, raise the budget with --cpu-per-page or the cpu-per-page key of the configuration file.",
            ),
            "B001.memory": (
                "Membaca '{berkas}' ({jenis}) melampaui batas memori ({detail}) dan dihentikan: dokumen yang tidak dapat dibaca dalam batas yang wajar tidak dapat menjadi bukti. Ekspor ulang dokumen ini ke PDF biasa.",
                "Reading '{berkas}' ({jenis}) ran past its memory limit ({detail}) and was stopped: a document that cannot be read within reasonable limits cannot serve as evidence. Export the document again as a plain PDF.",
            ),
            "B001.crashed": (
                "Pembaca dokumen berhenti tak terduga pada '{berkas}' ({jenis}: {detail}): dokumen yang tidak dapat dibaca tidak dapat menjadi bukti. Ekspor ulang dokumen ini ke PDF biasa.",
                "The document reader stopped unexpectedly on '{berkas}' ({jenis}: {detail}): a document that cannot be read cannot serve as evidence. Export the document again as a plain PDF.",
            ),
            "B001.too_many_pages": (
                "Berkas '{berkas}' ({jenis}) memiliki lebih banyak halaman daripada yang dibaca ({detail}): dokumen yang tidak dapat dibaca utuh tidak dapat menjadi bukti. Lampirkan dokumennya saja, tanpa lampiran yang tidak diperlukan.",
                "Attachment '{berkas}' ({jenis}) has more pages than are read ({detail}): a document that cannot be read whole cannot serve as evidence. Attach the document alone, without attachments it does not need.",
            ),
            "B001.too_large": (
                "Berkas '{berkas}' ({jenis}) terlalu besar untuk dibaca ({detail}): dokumen yang tidak dapat dibaca tidak dapat menjadi bukti. Lampirkan PDF yang lebih kecil (misalnya pindaian dengan resolusi 150-300 dpi).",
                "Attachment '{berkas}' ({jenis}) is too large to read ({detail}): a document that cannot be read cannot serve as evidence. Attach a smaller PDF (a scan at 150-300 dpi, say).",
            ),
            "B001.hostile": (
                "Berkas '{berkas}' ({jenis}) ditolak tanpa dibaca karena strukturnya berbahaya bagi pembaca dokumen ({detail}).",
                "Attachment '{berkas}' ({jenis}) was refused unread: its structure is dangerous to document readers ({detail}).",
            ),
        },
        checks=(
            "Sebuah lampiran bukan dokumen terbaca dengan format yang diterima: isinya format lain dari yang dikatakan namanya (foto JPEG bernama `.pdf`), formatnya tidak diterima untuk jenisnya (`format` di data SOP: laporan yang ditandatangani hanya PDF), atau rusak, terenkripsi, atau dibuat untuk merusak pembaca dokumen (bom dekompresi, entitas XML), atau pembaca dokumen menyerah padanya (anggaran CPU per halaman `--cpu-per-page`, batas memori, lebih dari 500 halaman, lebih dari 64 MiB, atau pembaca berhenti tak terduga): dokumen yang tidak dapat dibaca dalam batas yang wajar tidak pernah lulus lebih mudah daripada dokumen yang terbaca. Format dibaca dari bytes berkas, bukan dari namanya.",
            "An attachment is not a readable document of an accepted format: its content is another format than its name says (a JPEG photo named `.pdf`), its format is not accepted for its kind (`format` in the SOP data: the signed report only as PDF), or it is damaged, encrypted, or built to harm document readers (a decompression bomb, XML entities), or the reader gave up on it (its CPU budget per page `--cpu-per-page`, the memory limit, more than 500 pages, more than 64 MiB, or a crash of the reader): a document that cannot be read within reasonable limits never passes more easily than one that can. The format is read from the file's bytes, not its name.",
        ),
        why=(
            "Manifest ditulis oleh kantor yang diaudit; putusan harus bersandar pada dokumennya sendiri, dan dokumen yang tidak dapat dibaca tidak membuktikan apa pun.",
            "The office being audited writes the manifest; the verdict must rest on the documents themselves, and a document that cannot be read proves nothing.",
        ),
        fix=(
            "Lampirkan dokumen aslinya dalam format yang diterima (PDF dari aplikasi pengolah kata, tanpa kata sandi), lalu jalankan `lapkin-audit hash`.",
            "Attach the real document in an accepted format (a PDF from the word processor, without a password), then run `lapkin-audit hash`.",
        ),
        clause="Mutu Baku, Kelengkapan: dokumen masukan dan keluaran setiap langkah.",
        failing="""\
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/draf-lkj-2024-tw2.docx}
""",
        passing="""\
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}
""",
    ),
    Rule(
        "B002",
        ERROR,
        waivable=False,
        title=(
            "Satu berkas dilampirkan sebagai dua dokumen yang harus berbeda",
            "One file is attached as two documents that must differ",
        ),
        messages={
            "B002": (
                "Berkas '{berkas}' dilampirkan sebagai {jenis} dan juga sebagai {other} ('{other_berkas}'), padahal keduanya harus dokumen yang berbeda.",
                "Attachment '{berkas}' is attached as {jenis} and also as {other} ('{other_berkas}'), which must be different documents.",
            ),
        },
        checks=(
            "Satu berkas (SHA-256 yang sama) dilampirkan sebagai dua jenis dokumen yang harus berbeda, misalnya LRA sekaligus DPA. Data SOP (`berkas_sama_dengan`) menyebut jenis yang boleh berbagi berkas: draf yang disahkan dan laporan yang didistribusikan boleh berkas yang sama.",
            "One file (the same SHA-256) is attached as two document kinds that must be different documents, such as the LRA and the DPA. The SOP data (`berkas_sama_dengan`) says which kinds may share a file: the signed draft and the distributed report may be the same file.",
        ),
        why=(
            "Satu berkas yang dilampirkan untuk semua dokumen membuat kelengkapan tampak terpenuhi padahal tidak.",
            "One file attached for every document makes the dossier look complete when it is not.",
        ),
        fix=("Lampirkan dokumen yang benar untuk setiap jenis.", "Attach the right document for each kind."),
        clause="Mutu Baku, Kelengkapan: Laporan Realisasi Anggaran, DPA.",
        failing="""\
  - {jenis: dpa, berkas: lampiran/lra-2024-tw2.pdf}
""",
        passing="""\
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}
""",
    ),
)


def check(ctx: Context) -> Iterator[Violation]:
    yield from _formats(ctx)
    yield from _shared_files(ctx)


def _formats(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        facts = ctx.evidence.get(doc.field)
        if facts is None or doc.berkas is None:
            continue
        if format_unknown(facts):
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


def is_document(ctx: Context, doc: Document, facts: DocumentFacts) -> bool:
    """Readable as what it claims to be: only then do the text checks speak (else B001 did)."""
    if facts.problem in NOT_A_DOCUMENT or doc.berkas is None:
        return False
    if format_unknown(facts):
        return True
    name = claimed(doc.berkas)
    accepted = ctx.sop.document_kinds[doc.jenis].formats
    return (name is None or name == facts.format) and (not accepted or facts.format in accepted)


def format_unknown(facts: DocumentFacts) -> bool:
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


# ----------------------------------------------------------------------------- shared by the text checks


def readable_text(ctx: Context, doc: Document) -> tuple[Searchable | None, bool]:
    """The document's usable text (None: none) and whether it is complete (a text layer,
    every page): only a complete text proves a value absent."""
    facts = ctx.evidence.get(doc.field)
    if facts is None or facts.text_source is None or not is_document(ctx, doc, facts):
        return None, False
    return searchable(ctx, facts), facts.complete


def searchable(ctx: Context, facts: DocumentFacts) -> Searchable:
    """The facts' text prepared for searching; made once per content (a batch of dossiers
    attaching the same files, and the several checks of one, share it: ``ctx.texts``)."""
    key = (facts.sha256, facts.text_source, len(facts.pieces), facts.problem)
    found: Searchable | None = ctx.texts.get(key)
    if found is None:
        found = Searchable.of(prepare(facts.text, ocr=facts.text_source == "ocr"))
        kept = sum(len(doc.text) for doc in ctx.texts.values())
        if len(ctx.texts) >= TEXTS_KEPT or kept + len(found.text) > TEXT_CHARS_KEPT:
            ctx.texts.clear()  # bounded in entries and in text: long documents cannot swell the checker
        ctx.texts[key] = found
    return found


TEXTS_KEPT = 256  # prepared texts a run keeps: a batch attaches the same few files again and again
TEXT_CHARS_KEPT = 8_000_000  # characters of them at most, each kept three times over (text, words, digits)


def declared_citations(doc: Document) -> Iterator[tuple[int, tuple[str, str, int], str]]:
    for i, item in enumerate(doc.dasar_hukum):
        for citation in parse_citations(item):
            key = citation.key()
            if key is not None:
                yield i, key, citation.text
