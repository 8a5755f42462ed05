"""Bukti berkas: what the attachments' text says, against what the manifest declares (evidence.md).

A text layer read in full can prove a value absent; OCR, or a document read only in part,
can confirm a value but never proves it absent on its own: that is B006.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lapkin_audit.checks.bukti import declared_citations, is_document, searchable
from lapkin_audit.checks.context import NEEDS_EVIDENCE, Context
from lapkin_audit.domain.citation import KINDS
from lapkin_audit.domain.doctext import (
    Searchable,
    offices_named,
    periods_named,
    prepare,
    same_office,
    shows_number,
    shows_person,
)
from lapkin_audit.domain.heading import heading
from lapkin_audit.evidence.facts import NOT_READ, DocumentFacts
from lapkin_audit.model import ERROR, WARNING, Document, Rule, Violation

# The attachments' content (read in child processes by the gather stage).
NEEDS = frozenset({NEEDS_EVIDENCE})

RULES = (
    Rule(
        "B003",
        ERROR,
        waivable=False,
        title=(
            "Teks dokumen tidak memuat dasar hukum yang dinyatakan",
            "The document's text lacks a declared legal basis",
        ),
        messages={
            "B003": (
                "Dasar hukum '{text}' dinyatakan di manifest, tetapi teks {berkas} ({jenis}) tidak mengutip {what}.",
                "The manifest declares the legal basis '{text}', but the text of {berkas} ({jenis}) does not cite {what}.",
            ),
        },
        checks=(
            "Manifest menyatakan sebuah kutipan di `dasar_hukum` yang tidak ada dalam teks laporan yang ditandatangani. Hanya teks yang terbaca utuh dari lapisan teks dapat membuktikan ketiadaan; bila teksnya dari OCR, hasilnya B006.",
            "The manifest declares a citation under `dasar_hukum` that the signed report's text does not contain. Only a text read in full from a text layer can prove it absent; when the text comes from OCR, the result is B006.",
        ),
        why=(
            "Manifest yang menyatakan hal yang dibantah dokumennya sendiri tidak dapat dipercaya sebagai bukti.",
            "A manifest that declares what its own document contradicts cannot be trusted as evidence.",
        ),
        fix=(
            "Samakan `dasar_hukum` dengan bagian Dasar Hukum laporan yang ditandatangani.",
            "Make `dasar_hukum` match the Dasar Hukum section of the signed report.",
        ),
        clause="Dasar Hukum (Identitas SOP).",
        failing="""\
      - Permenpan RB No. 53 Tahun 2014
      - Permendagri Nomor 86 Tahun 2017
    paraf:
""",
        passing="""\
      - Permenpan RB No. 53 Tahun 2014
    paraf:
""",
    ),
    Rule(
        "B004",
        ERROR,
        waivable=False,
        title=(
            "Teks SK tidak memuat nomor atau anggota yang dinyatakan",
            "The decree's text lacks its declared number or a member",
        ),
        messages={
            "B004.nomor": (
                "Teks SK {berkas} tidak memuat nomor yang dinyatakan: {nomor}.",
                "The text of the decree {berkas} does not show its declared number {nomor}.",
            ),
            "B004.anggota": (
                "Teks SK {berkas} tidak menyebut anggota yang dinyatakan: {nama}.",
                "The text of the decree {berkas} does not name the declared member {nama}.",
            ),
        },
        checks=(
            "Teks SK Tim Akuntabilitas Kinerja tidak menunjukkan yang dinyatakan manifest tentangnya: `nomor`-nya, atau seorang anggota dalam `anggota` (nama dibandingkan sebagai orang, gelar diabaikan; NIP anggota dalam teks juga dihitung).",
            "The text of the Tim Akuntabilitas Kinerja decree does not show what the manifest declares about it: its `nomor`, or a member named in `anggota` (names compared as people, titles ignored; the member's NIP in the text counts too).",
        ),
        why=(
            "Keanggotaan tim menentukan siapa yang boleh menyusun laporan (T005); ia harus berasal dari SK, bukan dari manifest.",
            "Team membership decides who may draft the report (T005); it must come from the decree, not from the manifest.",
        ),
        fix=(
            "Samakan `nomor` dan `anggota` dengan SK yang dilampirkan, atau lampirkan SK yang benar.",
            "Make `nomor` and `anggota` match the attached decree, or attach the right decree.",
        ),
        clause="Peringatan: Pelaporan Kinerja dilaksanakan oleh Tim Akuntabilitas Kinerja yang ditetapkan dengan Keputusan Camat.",
        failing="""\
      - {nama: "Dewi Lestari, A.Md", nip: "19900102 201503 2 006"}
      - {nama: "Rina Wulandari, S.Kom", nip: "19950314 202321 2 001"}
""",
        passing="""\
      - {nama: "Dewi Lestari, A.Md", nip: "19900102 201503 2 006"}
""",
    ),
    Rule(
        "B005",
        WARNING,
        waivable=True,
        title=(
            "Teks dokumen menyebut periode, tahun atau kantor lain",
            "A document's text names another period, year or office",
        ),
        messages={
            "B005.period": (
                "Kepala {berkas} (judul dan periodenya) menyebut '{found}': dokumen periode atau tahun lain dari dossier ini.",
                "The heading of {berkas} (its title and period) names '{found}': a document of another period or year than this dossier's.",
            ),
            "B005.office": (
                "Kepala {berkas} (kop dan judulnya) menyebut {found}: dokumen kantor lain, bukan {instansi}.",
                "The heading of {berkas} (its letterhead and title) names {found}: a document of another office, not {instansi}.",
            ),
        },
        checks=(
            "Sebuah dokumen yang menyebut periodenya (LRA, data kinerja, draf dan laporan) adalah dokumen periode, tahun atau kecamatan lain dari dossier: kepalanya (kop, judul dan periode di bawahnya, atau Nomor/Lampiran/Perihal sebuah surat, sampai badan dokumen dimulai) menyebutnya, mis. LRA berjudul Triwulan I dalam dossier Triwulan II. Yang dihitung: `Triwulan`/`Semester` dengan nomornya (dan tahunnya), `Tahun Anggaran` dengan tahunnya, dan `Kecamatan` dengan namanya. Sebutan di badan dokumen tidak dihitung: laporan wajib membandingkan dengan tahun-tahun sebelumnya dan menggambarkan wilayahnya (kecamatan tetangga).",
            "A document that names its period (the LRA, performance data, drafts and reports) is of another period, year or kecamatan than the dossier's: its heading (letterhead, title and the period under it, or a letter's Nomor/Lampiran/Perihal, up to where the body begins) names them, e.g. an LRA titled Triwulan I in a Triwulan II dossier. What counts: `Triwulan`/`Semester` with its number (and year), `Tahun Anggaran` with its year, and `Kecamatan` with its name. Mentions in the body do not: a report must compare with earlier years and describe its setting (the neighbouring kecamatan).",
        ),
        why=(
            "Dokumen periode lain sering terlampir karena salah pilih berkas; angka laporannya lalu tidak sesuai periodenya.",
            "A document of another period is often attached by picking the wrong file; the report's figures then do not match its period.",
        ),
        fix=(
            "Lampirkan dokumen periode dan kantor dossier ini, atau kecualikan temuan dengan alasan bila judulnya memang demikian (mis. LRA kumulatif yang berjudul semester).",
            "Attach the documents of this dossier's period and office, or waive the finding with a reason when the title is truly so (e.g. a cumulative LRA titled by semester).",
        ),
        clause="Kegiatan 1: Mengumpulkan bahan laporan untuk disusun menjadi berkas pelaporan.",
        failing="""\
periode: {tahun: 2024, jenis: triwulan, ke: 3}
""",
        passing="""\
periode: {tahun: 2024, jenis: triwulan, ke: 2}
""",
    ),
    Rule(
        "B006",
        WARNING,
        waivable=True,
        title=(
            "Dokumen yang diperlukan sebagai bukti tidak dapat dibaca",
            "A document needed as evidence could not be read",
        ),
        messages={
            "B006.no_ocr": (
                "{berkas} ({jenis}) tidak memiliki lapisan teks dan OCR (Tesseract dengan model bahasa Indonesia) tidak tersedia, sehingga isinya tidak dapat dibaca; yang seharusnya dibuktikannya tetap berstatus dinyatakan. Pasang Tesseract (lihat README).",
                "{berkas} ({jenis}) has no text layer and OCR (Tesseract with its Indonesian model) is not available, so its content cannot be read; what it should prove stays at the level dinyatakan. Install Tesseract (see the README).",
            ),
            "B006.ocr_unsure": (
                "{berkas} ({jenis}) dipindai dan OCR terlalu ragu membacanya; yang seharusnya dibuktikannya tetap berstatus dinyatakan. Lampirkan pindaian yang lebih jelas atau PDF aslinya.",
                "{berkas} ({jenis}) is a scan that OCR reads too unsurely; what it should prove stays at the level dinyatakan. Attach a clearer scan or the original PDF.",
            ),
            "B006.no_text": (
                "{berkas} ({jenis}) tidak memuat teks yang terbaca; yang seharusnya dibuktikannya tetap berstatus dinyatakan.",
                "{berkas} ({jenis}) holds no readable text; what it should prove stays at the level dinyatakan.",
            ),
            "B006.formulas_only": (
                "{berkas} ({jenis}) hanya memuat rumus tanpa nilai terhitung ({detail}); simpan ulang dari aplikasinya agar nilainya tersimpan.",
                "{berkas} ({jenis}) holds only formulas with no calculated values ({detail}); save it again from its application so the values are stored.",
            ),
            "B006.unconfirmed": (
                "Teks {berkas} dibaca sebagian atau dengan OCR dan tidak memastikan {what}; OCR tidak dapat membuktikan ketiadaan, sehingga hal ini tetap berstatus dinyatakan.",
                "The text of {berkas} was read in part or by OCR and does not confirm {what}; OCR cannot prove absence, so this stays at the level dinyatakan.",
            ),
        },
        checks=(
            "Sebuah dokumen yang diperlukan sebagai bukti (laporan yang ditandatangani, SK tim) tidak dapat dibaca: tidak ada lapisan teks dan OCR tidak tersedia, atau OCR terlalu ragu; atau OCR tidak memastikan sebuah nilai yang dinyatakan (OCR dapat memastikan, tetapi tidak pernah membuktikan ketiadaan sendirian). Yang seharusnya dibuktikannya tetap berstatus `dinyatakan`.",
            "A document the checks need as evidence (the signed report, the team decree) could not be read: no text layer and no OCR available, or OCR too unsure; or OCR did not confirm a declared value (OCR can confirm, but never proves absence on its own). What it should prove stays at the level `dinyatakan`.",
        ),
        why=(
            "Pemeriksaan yang tidak dapat membaca buktinya harus mengatakannya, bukan diam-diam lulus.",
            "A check that cannot read its evidence must say so, never pass silently.",
        ),
        fix=(
            "Lampirkan PDF asli dari aplikasi pengolah kata atau pindaian yang jelas (300 dpi), dan pasang Tesseract dengan model bahasa Indonesia (README).",
            "Attach the original PDF from the word processor or a clear scan (300 dpi), and install Tesseract with its Indonesian model (README).",
        ),
        clause="Pencatatan dan Pendataan: berkas laporan yang sudah ditandatangani.",
        failing="""\
    berkas: lampiran/tanda-terima-bappeda.pdf
    dasar_hukum:
""",
        passing="""\
    berkas: lampiran/lkj-2024-tw2-ttd.pdf
    dasar_hukum:
""",
    ),
)


def check(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        facts = ctx.evidence.get(doc.field)
        if facts is None or not is_document(ctx, doc, facts):
            continue
        needed = needed_as_evidence(ctx, doc)
        if needed and facts.text_source is None:
            yield _unread(doc, facts)
            continue
        if facts.text_source is None:
            continue
        text = searchable(ctx, facts)
        if facts.problem in NOT_READ and needed:
            yield _unread(doc, facts)  # read in part: what it confirms still counts
        yield from _citations(ctx, doc, facts, text)
        yield from _decree(ctx, doc, facts, text)
        yield from _period(ctx, doc, facts)


def needed_as_evidence(ctx: Context, doc: Document) -> bool:
    """Whether the checks need this document's text as evidence (citations, decree, marks);
    the content checks (C008) leave to B006 what it reports of such a document."""
    kind = ctx.sop.document_kinds[doc.jenis]
    decree = any(pre.dokumen == doc.jenis for pre in ctx.sop.preconditions)
    return kind.cites_legal_basis or decree or bool(kind.paraf or kind.tanda_tangan)


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


def _period(ctx: Context, doc: Document, facts: DocumentFacts) -> Iterator[Violation]:
    """One finding per document for another period and one for another office, named in
    its heading (``domain.heading``): the first mention names it. The body is not read: a
    report compares with last year and names the kecamatan's neighbours."""
    if not ctx.sop.document_kinds[doc.jenis].names_period:
        return
    pages = [(piece.page, piece.text) for piece in facts.pieces if piece.usable]
    ocr = facts.text_source == "ocr"
    lines = [prepare(line, ocr=ocr) for line in heading(pages).splitlines()]
    top = " ".join(lines)  # a period may run over two lines ("TRIWULAN I" / "TAHUN 2024")
    periode = ctx.dossier.periode
    mentions = periods_named(top) if periode is not None else ()  # a service SOP names no period
    for mention in mentions:
        assert periode is not None
        other_part = mention.jenis == periode.jenis and mention.ke != periode.ke
        other_year = mention.tahun is not None and mention.tahun != periode.tahun
        if other_part or other_year:
            args = {"berkas": doc.berkas, "found": mention.text}
            yield Violation("B005", "B005.period", args, field=f"{doc.field}.berkas")
            break
    for office in (name for line in lines for name in offices_named(line)):  # a name ends with its line
        if not same_office(office, ctx.dossier.instansi):
            args = {"berkas": doc.berkas, "found": f"Kecamatan {office}", "instansi": ctx.dossier.instansi}
            yield Violation("B005", "B005.office", args, field=f"{doc.field}.berkas")
            break
