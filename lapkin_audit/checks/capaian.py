"""C — Capaian: the report's figures against their sources (content.md).

C001  an IKU (or Perjanjian Kinerja) indicator is not in the signed report's capaian table
C002  a target differs from the IKU or Perjanjian Kinerja (or those two differ)
C003  a realisasi differs from the Laporan Data Kinerja
C004  a printed capaian is not what its target and realisasi give under its formula
C005  the pagu or realisasi anggaran differs from the DPA or LRA, or its % from realisasi/pagu
C006  a part the report's kind requires is missing
C007  a figure of the distributed report differs from the signed report's
C008  content checked only in part (says which, and what stays unchecked)

The comparison itself is ``lapkin_audit.domain.content`` (pure functions); this module
gathers what the evidence stage read from each document (its tables and text) and names
the documents in the findings' words. A document another finding already reports as not
readable (B001, or B006 for a document needed as evidence) gets no C008 of its own. Each
rule is declared here (``RULES``); a table's figures cannot be shown by a manifest
snippet, so the rules carry none: the fixture dossiers ``c0*`` and the content fixtures
(``fixtures/content``) show each code.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from lapkin_audit.checks.bukti import is_document
from lapkin_audit.checks.bukti_teks import needed_as_evidence
from lapkin_audit.checks.capaian_documents import document
from lapkin_audit.checks.context import NEEDS_EVIDENCE, Context, tables_of
from lapkin_audit.domain.content.compare import DISTRIBUTED, SIGNED, Documents
from lapkin_audit.domain.content.judge import ContentResult, judge
from lapkin_audit.lang.messages import Where
from lapkin_audit.model import ERROR, WARNING, Rule, Violation

RULES = (
    Rule(
        "C001",
        ERROR,
        waivable=False,
        title=("Indikator IKU tidak dilaporkan", "An IKU indicator is not reported"),
        akibat=(
            "Kinerja atas indikator tersebut tidak dilaporkan, sehingga akuntabilitasnya tidak dapat dinilai.",
            "Performance on that indicator is not reported, so accountability for it cannot be judged.",
        ),
        actors=("tim",),
        messages={
            "content.c001": (
                "Indikator '{indikator}' dari {dokumen_nama} tidak dilaporkan dalam tabel capaian laporan.",
                "Indicator '{indikator}' of the {dokumen_nama} is not reported in the report's capaian table.",
            ),
            "content.c001.saran": (
                "Indikator '{indikator}' dari {dokumen_nama} tidak dilaporkan dalam tabel capaian laporan (maksud Anda '{saran}'? nama indikator harus sama dengan dokumen sumbernya).",
                "Indicator '{indikator}' of the {dokumen_nama} is not reported in the report's capaian table (did you mean '{saran}'? an indicator's name must be its source's).",
            ),
        },
        checks=(
            "Setiap indikator Dokumen IKU (atau Perjanjian Kinerja) untuk periode itu ada di tabel capaian laporan yang ditandatangani. Nama indikator dibandingkan sebagai teks yang dinormalkan (huruf besar-kecil, spasi, tanda baca, singkatan seperti Jml./Jumlah dan %/Persentase), tidak pernah menurut urutan baris.",
            "Every indicator of the Dokumen IKU (or Perjanjian Kinerja) for the period is in the signed report's capaian table. Names are compared as normalised text (case, spacing, punctuation, abbreviations such as Jml./Jumlah and %/Persentase), never by row order.",
        ),
        why=(
            "Laporan kinerja mempertanggungjawabkan seluruh IKU; indikator yang hilang menyembunyikan kinerja yang tidak tercapai.",
            "A performance report accounts for every IKU indicator; a missing one hides performance not achieved.",
        ),
        fix=(
            "Tambahkan baris indikator itu ke tabel capaian dengan nama yang sama persis dengan Dokumen IKU.",
            "Add the indicator's row to the capaian table, named exactly as in the Dokumen IKU.",
        ),
        clause="Kualifikasi pelaksana: kemampuan analisa data berdasar IKU; langkah 3: Memeriksa dan mengevaluasi draft Laporan",
    ),
    Rule(
        "C002",
        ERROR,
        waivable=False,
        title=("Target berbeda dari IKU atau Perjanjian Kinerja", "A target differs from its source"),
        akibat=(
            "Capaian diukur terhadap target yang bukan target yang diperjanjikan.",
            "Achievement is measured against a target other than the one agreed.",
        ),
        actors=("tim",),
        messages={
            "content.c002": (
                "Target '{indikator}' di laporan {laporan} ({laporan_di}), di {sumber_nama} {sumber} ({sumber_di}).",
                "The target of '{indikator}' is {laporan} in the report ({laporan_di}) and {sumber} in the {sumber_nama} ({sumber_di}).",
            ),
            "content.c002.sumber": (
                "Target '{indikator}' berbeda antara Dokumen IKU ({iku}, {iku_di}) dan Perjanjian Kinerja ({pk}, {pk_di}).",
                "The target of '{indikator}' differs between the Dokumen IKU ({iku}, {iku_di}) and the Perjanjian Kinerja ({pk}, {pk_di}).",
            ),
        },
        checks=(
            "Target setiap indikator di laporan sama dengan targetnya di Dokumen IKU atau Perjanjian Kinerja: target periode laporan bila dokumen itu menyatakannya, selain itu target tahun. Bila IKU dan Perjanjian Kinerja berbeda, temuan menyebut keduanya.",
            "Each indicator's target in the report equals its target in the Dokumen IKU or Perjanjian Kinerja: the target for the report's period where that document states one, else the year's. Where the IKU and the Perjanjian Kinerja disagree, the finding names both.",
        ),
        why=(
            "Target yang diubah di laporan membuat capaian tampak lebih baik dari yang diperjanjikan.",
            "A target changed in the report makes the capaian look better than agreed.",
        ),
        fix=(
            "Salin target dari Perjanjian Kinerja (atau Dokumen IKU) apa adanya; perbaiki dokumen sumber bila memang salah.",
            "Copy the target from the Perjanjian Kinerja (or Dokumen IKU) as it is; correct the source if it is wrong.",
        ),
        clause="Langkah 1-3: bahan laporan dari Dokumen IKU; PermenPAN-RB 53/2014 (Perjanjian Kinerja)",
    ),
    Rule(
        "C003",
        ERROR,
        waivable=False,
        title=("Realisasi berbeda dari Laporan Data Kinerja", "A realisasi differs from the data"),
        akibat=(
            "Realisasi yang dilaporkan tidak sesuai datanya; capaian dapat menyesatkan.",
            "The reported realisasi does not match its data; the capaian may mislead.",
        ),
        actors=("tim",),
        messages={
            "content.c003": (
                "Realisasi '{indikator}' di laporan {laporan} ({laporan_di}), di Laporan Data Kinerja {sumber} ({sumber_di}).",
                "The realisasi of '{indikator}' is {laporan} in the report ({laporan_di}) and {sumber} in the Laporan Data Kinerja ({sumber_di}).",
            ),
        },
        checks=(
            "Realisasi setiap indikator di laporan sama dengan realisasinya untuk periode itu di Laporan Data Kinerja.",
            "Each indicator's realisasi in the report equals its realisasi for the period in the Laporan Data Kinerja.",
        ),
        why=(
            "Laporan disusun dari data kinerja; angka yang berbeda tidak dapat ditelusuri ke sumbernya.",
            "The report is built from the performance data; a different figure cannot be traced to its source.",
        ),
        fix=(
            "Salin realisasi dari Laporan Data Kinerja periode itu, atau perbaiki datanya lebih dulu.",
            "Copy the realisasi from the period's Laporan Data Kinerja, or correct the data first.",
        ),
        clause="Peralatan/Perlengkapan: Laporan Data Kinerja",
    ),
    Rule(
        "C004",
        ERROR,
        waivable=False,
        title=("Capaian tidak sesuai target dan realisasinya", "A capaian its figures do not give"),
        akibat=(
            "Capaian yang dilaporkan tidak sesuai angka target dan realisasinya.",
            "The reported capaian does not follow from its target and realisasi.",
        ),
        actors=("tim",),
        messages={
            "content.c004": (
                "Capaian '{indikator}' tertulis {laporan} ({laporan_di}), padahal target {target} dan realisasi {realisasi} dengan rumus {rumus} memberi {dihitung}.",
                "The capaian of '{indikator}' reads {laporan} ({laporan_di}), but target {target} and realisasi {realisasi} under the formula {rumus} give {dihitung}.",
            ),
        },
        checks=(
            "Capaian yang tertulis sama dengan yang diberikan target dan realisasinya: realisasi/target x 100 bila semakin tinggi semakin baik; (2 x target - realisasi)/target x 100 atau target/realisasi x 100 bila semakin rendah semakin baik (satu rumus untuk seluruh laporan). Toleransi: dibulatkan ke desimal yang tertulis, selisih satu angka terakhir.",
            "The printed capaian is what its target and realisasi give: realisasi/target x 100 where higher is better; (2 x target - realisasi)/target x 100 or target/realisasi x 100 where lower is better (one formula for the whole report). Tolerance: rounded to the printed decimals, one unit in the last digit.",
        ),
        why=(
            "Capaian adalah angka yang dibaca pimpinan; salah hitung mengubah penilaian kinerja.",
            "The capaian is the figure leaders read; a miscalculation changes how performance is judged.",
        ),
        fix=(
            "Hitung ulang capaian dengan rumus arah indikatornya; nyatakan arah di Dokumen IKU ('semakin rendah semakin baik') atau di aturan kantor (isi.indikator).",
            "Recompute the capaian with the formula of the indicator's direction; state the direction in the Dokumen IKU ('semakin rendah semakin baik') or in the office's rules (isi.indikator).",
        ),
        clause="PermenPAN-RB 53/2014, Lampiran: pengukuran capaian kinerja",
    ),
    Rule(
        "C005",
        ERROR,
        waivable=False,
        title=("Anggaran berbeda dari DPA atau LRA", "The budget differs from the DPA or LRA"),
        akibat=(
            "Anggaran yang dilaporkan tidak sesuai DPA atau LRA.",
            "The reported budget does not match the DPA or LRA.",
        ),
        actors=("tim",),
        messages={
            "content.c005.pagu": (
                "Pagu '{baris}' di laporan {laporan} ({laporan_di}; satuan {satuan_laporan}), di {sumber_nama} {sumber} ({sumber_di}; satuan {satuan_sumber}).",
                "The pagu of '{baris}' is {laporan} in the report ({laporan_di}; unit {satuan_laporan}) and {sumber} in the {sumber_nama} ({sumber_di}; unit {satuan_sumber}).",
            ),
            "content.c005.realisasi": (
                "Realisasi anggaran '{baris}' di laporan {laporan} ({laporan_di}; satuan {satuan_laporan}), di LRA {sumber} ({sumber_di}; satuan {satuan_sumber}).",
                "The realisasi anggaran of '{baris}' is {laporan} in the report ({laporan_di}; unit {satuan_laporan}) and {sumber} in the LRA ({sumber_di}; unit {satuan_sumber}).",
            ),
            "content.c005.persen": (
                "Persentase realisasi anggaran '{baris}' tertulis {laporan} ({laporan_di}), padahal {realisasi} / {pagu} x 100 = {dihitung}.",
                "The budget percentage of '{baris}' reads {laporan} ({laporan_di}), but {realisasi} / {pagu} x 100 = {dihitung}.",
            ),
        },
        checks=(
            "Pagu dan realisasi anggaran di laporan sama dengan DPA atau LRA (total, dan baris program/kegiatan yang dirinci), dan persentasenya sama dengan realisasi/pagu. Angka dengan satuan berbeda (rupiah, ribuan) dibandingkan pada satuan yang lebih kasar.",
            "The report's pagu and realisasi anggaran equal the DPA or the LRA (totals, and program or kegiatan lines it breaks out), and its percentage is realisasi/pagu. Figures in different units (rupiah, thousands) are compared at the coarser one.",
        ),
        why=(
            "Realisasi anggaran di laporan kinerja harus dapat dicocokkan dengan laporan keuangan.",
            "The budget in a performance report must reconcile with the financial statements.",
        ),
        fix=(
            "Salin pagu dari DPA (atau LRA setelah perubahan) dan realisasi dari LRA periode itu; nyatakan satuannya ('dalam ribuan rupiah') bila tidak dalam rupiah.",
            "Copy the pagu from the DPA (or the LRA after a change) and the realisasi from the period's LRA; state the unit ('dalam ribuan rupiah') when not in rupiah.",
        ),
        clause="Langkah 1: Kelengkapan LRA dan DPA",
    ),
    Rule(
        "C006",
        WARNING,
        waivable=True,
        title=("Bagian laporan yang disyaratkan tidak ada", "A required part of the report is missing"),
        akibat=(
            "Laporan tidak memuat bagian yang disyaratkan PermenPAN-RB 53/2014.",
            "The report lacks a part PermenPAN-RB 53/2014 requires.",
        ),
        actors=("tim",),
        messages={
            "content.c006": (
                "Laporan ({dokumen_nama}) tidak memuat bagian '{bagian}' yang disyaratkan {sumber}.",
                "The report ({dokumen_nama}) lacks the part '{bagian}' required by {sumber}.",
            ),
        },
        checks=(
            "Laporan memuat setiap bagian yang disyaratkan untuk jenis dokumennya (aturan isi.bagian; untuk LKjIP: Ikhtisar Eksekutif, Bab I-IV, Lampiran Perjanjian Kinerja menurut PermenPAN-RB 53/2014). Laporan rutin triwulanan tidak mensyaratkan bagian kecuali aturan kantor menyatakannya.",
            "The report has every part its document kind requires (rules isi.bagian; for an LKjIP: Ikhtisar Eksekutif, Bab I-IV, Lampiran Perjanjian Kinerja per PermenPAN-RB 53/2014). A routine quarterly report requires none unless the office's rules say so.",
        ),
        why=(
            "Sistematika yang baku membuat laporan dapat direviu dan dibandingkan.",
            "A standard outline makes reports reviewable and comparable.",
        ),
        fix=(
            "Tambahkan bagian itu dengan judul yang sama dengan sistematika, atau lampirkan Perjanjian Kinerja sebagai dokumen.",
            "Add the part under the outline's heading, or attach the Perjanjian Kinerja as a document.",
        ),
        clause="PermenPAN-RB 53/2014, Lampiran III: sistematika Laporan Kinerja",
    ),
    Rule(
        "C007",
        ERROR,
        waivable=False,
        title=("Angka berubah setelah laporan ditandatangani", "A figure changed after signing"),
        akibat=(
            "Laporan yang disahkan berbeda dari yang dilampirkan; angka berubah setelah pengesahan.",
            "The approved report differs from the attached one; figures changed after approval.",
        ),
        actors=("tim", "camat"),
        messages={
            "content.c007": (
                "Angka {kolom} '{indikator}' berubah setelah ditandatangani: {disahkan} di laporan yang disahkan ({disahkan_di}), {distribusi} di laporan yang didistribusikan ({distribusi_di}).",
                "The {kolom} of '{indikator}' changed after signing: {disahkan} in the signed report ({disahkan_di}), {distribusi} in the distributed one ({distribusi_di}).",
            ),
        },
        checks=(
            "Angka laporan yang didistribusikan (target, realisasi, capaian, anggaran) sama dengan laporan yang diparaf dan ditandatangani, sel demi sel.",
            "The distributed report's figures (targets, realisasi, capaian, budget) equal the initialled and signed report's, cell by cell.",
        ),
        why=(
            "Angka yang berubah setelah Camat menandatangani tidak lagi disahkan olehnya.",
            "A figure changed after the Camat signed is no longer approved by him.",
        ),
        fix=(
            "Distribusikan naskah yang ditandatangani apa adanya; perubahan memerlukan paraf dan tanda tangan baru.",
            "Distribute the signed text as it is; a change needs a new paraf and signature.",
        ),
        clause="Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat; langkah 4-5",
    ),
    Rule(
        "C008",
        WARNING,
        waivable=True,
        title=("Isi laporan diperiksa sebagian", "The report's content checked only in part"),
        akibat=(
            "Isi laporan hanya diperiksa sebagian; simpulan atas isi tidak lengkap.",
            "The report's content was checked only in part; the conclusion on content is incomplete.",
        ),
        actors=("pengelola",),
        messages={
            "content.c008.unsure": (
                "{dokumen_nama} dibaca dengan OCR yang ragu; {tidak_diperiksa} tidak diperiksa.",
                "The {dokumen_nama} was read by unsure OCR; {tidak_diperiksa} not checked.",
            ),
            "content.c008.unreadable": (
                "{dokumen_nama} tidak dapat dibaca ({sebab}); {tidak_diperiksa} tidak diperiksa.",
                "The {dokumen_nama} could not be read ({sebab}); {tidak_diperiksa} not checked.",
            ),
            "content.c008.no_table": (
                "Tabel capaian (indikator, target, realisasi, capaian) tidak ditemukan di {dokumen_nama}; indikator, target, realisasi dan capaian tidak diperiksa.",
                "No capaian table (indicator, target, realisasi, capaian) was found in the {dokumen_nama}; indicators, targets, realisasi and capaian not checked.",
            ),
            "content.c008.picture_table": (
                "Tabel capaian {dokumen_nama} tampaknya berupa gambar di halaman yang berlapisan teks, sehingga tidak dibaca; lampirkan tabel sebagai teks. Indikator, target, realisasi dan capaian tidak diperiksa.",
                "The capaian table of the {dokumen_nama} seems to be a picture on a page with a text layer, so it was not read; attach the table as text. Indicators, targets, realisasi and capaian not checked.",
            ),
            "content.c008.no_sources": (
                "Tidak ada tabel indikator yang terbaca di Dokumen IKU maupun Perjanjian Kinerja; kelengkapan indikator dan target laporan tidak diperiksa.",
                "No indicator table could be read in the Dokumen IKU or the Perjanjian Kinerja; the report's indicators and targets not checked.",
            ),
            "content.c008.row_unsure": (
                "Baris '{indikator}' di laporan dibaca dengan OCR yang ragu (capaian {laporan}); angkanya tidak diperiksa.",
                "The row of '{indikator}' in the report was read by unsure OCR (capaian {laporan}); its figures not checked.",
            ),
            "content.c008.source_row_unsure": (
                "Baris '{indikator}' di {dokumen_nama} dibaca dengan OCR yang ragu; indikator ini tidak diperiksa.",
                "The row of '{indikator}' in the {dokumen_nama} was read by unsure OCR; this indicator not checked.",
            ),
            "content.c008.not_found_ocr": (
                "Indikator '{indikator}' tidak ditemukan di tabel capaian yang dibaca dengan OCR; OCR tidak dapat membuktikan ketiadaan, jadi tidak diperiksa.",
                "Indicator '{indikator}' was not found in the capaian table read by OCR; OCR cannot prove absence, so it was not checked.",
            ),
            "content.c008.partial": (
                "'{indikator}' diperiksa sebagian: {tidak_diperiksa} tidak diperiksa.",
                "'{indikator}' checked in part: {tidak_diperiksa} not checked.",
            ),
            "content.c008.direction": (
                "Arah indikator '{indikator}' tidak dinyatakan di Dokumen IKU, Perjanjian Kinerja, maupun aturan kantor, sehingga capaiannya ({laporan}) tidak dinilai: semakin tinggi semakin baik (r/t) memberi {naik}, semakin rendah semakin baik memberi {turun_2t} ((2t-r)/t) atau {turun_tr} (t/r).",
                "The direction of '{indikator}' is stated neither in the Dokumen IKU, the Perjanjian Kinerja nor the office's rules, so its capaian ({laporan}) is not judged: higher is better (r/t) gives {naik}, lower is better gives {turun_2t} ((2t-r)/t) or {turun_tr} (t/r).",
            ),
            "content.c008.no_budget": (
                "Tabel realisasi anggaran (pagu, realisasi) tidak ditemukan di {dokumen_nama}; anggaran tidak diperiksa.",
                "No budget table (pagu, realisasi) was found in the {dokumen_nama}; the budget not checked.",
            ),
            "content.c008.parts": (
                "{dokumen_nama} tidak dibaca utuh dari lapisan teks, sehingga ketiadaan bagian tidak dapat dipastikan: {tidak_diperiksa}.",
                "The {dokumen_nama} was not read whole from a text layer, so missing parts cannot be confirmed: {tidak_diperiksa}.",
            ),
        },
        checks=(
            "Isi laporan hanya dapat diperiksa sebagian: tabel capaian tidak ditemukan atau berupa gambar, dokumen sumber tidak terbaca atau dibaca OCR yang ragu, arah indikator tidak diketahui (kedua nilai capaian ditunjukkan), atau sebuah angka tidak terbaca. Temuan menyebut apa yang tidak diperiksa.",
            "The report's content could be checked only in part: no capaian table (or one as a picture), a source document unreadable or read by unsure OCR, an indicator's direction unknown (both capaian values shown), or a figure unreadable. The finding says what stays unchecked.",
        ),
        why=(
            "Apa yang tidak dapat diperiksa harus dikatakan, tidak pernah diam-diam lulus; dan OCR yang ragu tidak boleh menghasilkan temuan angka.",
            "What could not be checked must be said, never passed silently; and unsure OCR must never produce a finding about a figure.",
        ),
        fix=(
            "Lampirkan PDF dari aplikasi pengolah kata (bukan pindaian atau gambar tabel), nyatakan arah setiap indikator, dan tulis angka seperti 1.234,5.",
            "Attach the PDF from the word processor (not a scan or a picture of the table), state each indicator's direction, and write figures like 1.234,5.",
        ),
        clause="Langkah 3: Memeriksa dan mengevaluasi draft Laporan",
    ),
)

# The document kinds compared, and their part in the comparison: only their tables are read
# (the gather stage asks the reader for them: ``NEEDS``).
KINDS = {
    "dokumen_iku": "iku",
    "perjanjian_kinerja": "pk",
    "laporan_data_kinerja": "data",
    "laporan_realisasi_anggaran": "lra",
    "dpa": "dpa",
    SIGNED: "signed",
    DISTRIBUTED: "distributed",
}
TABLE_KINDS = frozenset(KINDS)
NEEDS = frozenset({NEEDS_EVIDENCE, *(tables_of(kind) for kind in TABLE_KINDS)})


def check(ctx: Context) -> Iterator[Violation]:
    for violation in content(ctx).violations:
        yield _worded(violation, ctx)


def content(ctx: Context) -> ContentResult:
    """The ``content`` record and the violations, from what the attachments said; worked out
    once per dossier (the judge asks twice: the findings, then the record)."""
    found: ContentResult | None = ctx.derived.get(__name__)
    if found is None:
        found = ctx.derived[__name__] = _judged(ctx)
    return found


def _judged(ctx: Context) -> ContentResult:
    periode = ctx.dossier.periode
    if periode is None:  # an SOP whose report is not a period's: no capaian to compare
        return ContentResult((), None, (), ())
    docs: dict[str, Any] = {}
    files: dict[str, str] = {}
    for doc in ctx.dossier.dokumen:
        role = KINDS.get(doc.jenis)
        if role is None or role in docs or doc.berkas is None:
            continue  # the first document of a kind is the one compared
        facts = ctx.evidence.get(doc.field)
        if facts is None:
            continue  # not read: missing, changed (K003, K004), or left out by --select
        reported = (
            not is_document(ctx, doc, facts)  # B001 says why
            or (needed_as_evidence(ctx, doc) and facts.text_source is None)  # B006
        )
        docs[role] = document(ctx, doc.jenis, doc.field, facts, periode.tahun, reported)
        files[role] = facts.sha256
    if files.get("distributed") is not None and files.get("distributed") == files.get("signed"):
        docs.pop("distributed")  # the very same file: nothing can differ
    attached = tuple(doc.jenis for doc in ctx.dossier.dokumen if doc.berkas is not None)
    return judge(Documents(periode, **docs), ctx.sop.content, attached)


def record(ctx: Context) -> dict[str, Any] | None:
    """The report's ``content`` object: the content record, and the name of each document
    kind its figures come from (for a reader); None for a dossier of no period."""
    if ctx.dossier.periode is None:
        return None
    found = content(ctx).as_json()
    kinds = ctx.sop.document_kinds
    found["documents"] = {kind: kinds[kind].name for kind in KINDS if kind in kinds}
    return found


def _worded(violation: Violation, ctx: Context) -> Violation:
    """Each figure's document named as the SOP names it, with its page."""
    args = dict(violation.args)
    kinds = ctx.sop.document_kinds
    for key in [k for k in args if k.endswith("_dokumen")]:
        prefix = key[: -len("_dokumen")]
        kind = args[key]
        name = kinds[kind].name if kind in kinds else str(kind or "-")
        page = args.get(f"{prefix}_halaman")
        args[f"{prefix}_nama"] = name
        args[f"{prefix}_di"] = Where(name, page if isinstance(page, int) else None)
    if "dokumen" in args:
        kind = args["dokumen"]
        args["dokumen_nama"] = kinds[kind].name if kind in kinds else str(kind)
    message = violation.message
    if message == "content.c001" and args.get("saran"):
        message = "content.c001.saran"
    return dataclasses.replace(violation, message=message, args=args)
