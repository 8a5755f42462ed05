"""Kelengkapan: every input and output of every executed step, and sound attachments.

The documents a step needs and makes are the SOP's Mutu Baku (Kelengkapan, Output); an
attachment must exist inside the dossier, be a regular non-empty file and match its
recorded SHA-256 (what the file system says comes ready-made: a check never reads a file).
A Git LFS pointer never reaches these checks: the engine stops its dossier first with E006
(``load.attachments.lfs_pointers``).
"""

from __future__ import annotations

from collections.abc import Iterator

from lapkin_audit.checks.context import Context
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import ERROR, WARNING, Rule, Violation

NEEDS: frozenset[str] = frozenset()  # the manifest and the attachments' file facts suffice

RULES = (
    Rule(
        "K001",
        ERROR,
        waivable=False,
        title=("Kelengkapan (masukan) langkah tidak ada", "A step's required input is missing"),
        messages={
            "K001": (
                "Langkah {step} ({kegiatan}) memerlukan {jenis_nama} ({jenis}), yang tidak ada di dokumen.",
                "Step {step} ({kegiatan}) needs {jenis_nama} ({jenis}), which is not among the documents.",
            ),
        },
        checks=(
            "Masukan langkah yang dilaksanakan (Mutu Baku: Kelengkapan) tidak ada di antara dokumen.",
            "An executed step's required input (Mutu Baku: Kelengkapan) is not among the documents.",
        ),
        why=(
            "SOP menetapkan bahan yang harus tersedia sebelum langkah dikerjakan; tanpa bahan itu hasil langkah tidak dapat dipertanggungjawabkan.",
            "The SOP sets what must be at hand before a step is done; without it the step's result cannot be accounted for.",
        ),
        fix=(
            "Cantumkan dokumen itu di `dokumen`, misalnya `laporan_realisasi_anggaran` untuk langkah 1.",
            "List it under `dokumen`, e.g. `laporan_realisasi_anggaran` for step 1.",
        ),
        clause="Mutu Baku — Kelengkapan: langkah 1 Laporan Realisasi Anggaran, DPA; langkah 2 Bahan penyusunan laporan; langkah 3 Draft Laporan Kinerja; langkah 4 draft Laporan yang sudah di paraf dan ditandatangani; langkah 5 Berkas laporan yang sudah siap didistribusikan; langkah 6 Laporan Kinerja rutin dan bukti pengiriman",
        failing="""\
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}
""",
        passing="""\
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}
""",
    ),
    Rule(
        "K002",
        ERROR,
        waivable=False,
        title=("Output langkah tidak ada", "A step's output is missing"),
        messages={
            "K002": (
                "Output langkah {step} ({kegiatan}), {jenis_nama} ({jenis}), tidak ada di dokumen.",
                "The output of step {step} ({kegiatan}), {jenis_nama} ({jenis}), is not among the documents.",
            ),
        },
        checks=(
            "Output langkah yang dilaksanakan (Mutu Baku: Output) tidak ada di antara dokumen.",
            "An executed step's output (Mutu Baku: Output) is not among the documents.",
        ),
        why=(
            "Output adalah bukti bahwa langkah benar-benar menghasilkan sesuatu dan menjadi masukan langkah berikutnya.",
            "The output is the proof that the step produced something, and the input of the next step.",
        ),
        fix=(
            "Cantumkan dokumen itu di `dokumen`, misalnya `arsip_laporan_kinerja` untuk langkah 6.",
            "List it under `dokumen`, e.g. `arsip_laporan_kinerja` for step 6.",
        ),
        clause="Mutu Baku — Output: langkah 1 Bahan penyusunan laporan; langkah 2 Draf Laporan Kinerja; langkah 3 draft Laporan yang sudah di paraf dan ditandatangani; langkah 4 Berkas laporan yang sudah siap didistribusikan; langkah 5 Laporan Kinerja rutin dan bukti pengiriman; langkah 6 Arsip laporan kinerja rutin",
        failing="""\
  - {jenis: bukti_pengiriman, berkas: lampiran/tanda-terima-bappeda.pdf}
langkah:
""",
        passing="""\
  - {jenis: bukti_pengiriman, berkas: lampiran/tanda-terima-bappeda.pdf}
  - {jenis: arsip_laporan_kinerja, nomor: ARS/2024/113}
langkah:
""",
    ),
    Rule(
        "K003",
        ERROR,
        waivable=False,
        title=(
            "Berkas lampiran tidak ada, kosong atau di luar dossier",
            "An attachment is missing, empty or outside the dossier",
        ),
        messages={
            "K003.no_file": (
                "Dokumen {jenis} harus memiliki berkas lampiran (berkas).",
                "Document {jenis} needs an attachment (berkas).",
            ),
            "K003.missing": ("Berkas '{berkas}' tidak ada.", "Attachment '{berkas}' does not exist."),
            "K003.missing_similar": (
                "Berkas '{berkas}' tidak ada; maksud Anda '{suggestion}'? Tulis nama berkas persis seperti di folder.",
                "Attachment '{berkas}' does not exist; did you mean '{suggestion}'? Write the file name exactly as it is in the folder.",
            ),
            "K003.missing_hash": (
                "Berkas '{berkas}' tidak ada. Tanda # memulai komentar YAML, sehingga nama berkas terpotong; bila namanya '{written}', beri tanda kutip: berkas: \"{written}\".",
                "Attachment '{berkas}' does not exist. A # starts a YAML comment, so the file name was cut; if its name is '{written}', quote it: berkas: \"{written}\".",
            ),
            "K003.empty": ("Berkas '{berkas}' kosong.", "Attachment '{berkas}' is empty."),
            "K003.not_file": ("Berkas '{berkas}' bukan berkas biasa.", "Attachment '{berkas}' is not a regular file."),
            "K003.unreadable": (
                "Berkas '{berkas}' tidak dapat dibaca: {error}.",
                "Attachment '{berkas}' cannot be read: {error}.",
            ),
            "K003.outside": (
                "Berkas '{berkas}' berada di luar folder dossier ({reason}); tidak dibaca.",
                "Attachment '{berkas}' lies outside the dossier folder ({reason}); not read.",
            ),
            "outside.absolute": ("jalur absolut", "absolute path"),
            "outside.parent": ("keluar lewat '..'", "leaves through '..'"),
            "outside.link": ("tautan ke luar dossier", "a link out of the dossier"),
            "outside.drive": ("jalur Windows berdrive", "a Windows drive path"),
            "outside.nul": ("memuat bita NUL", "contains a NUL byte"),
        },
        checks=(
            "Jenis dokumen yang memerlukan berkas tidak memiliki `berkas`; atau lampirannya tidak ada, kosong, bukan berkas biasa, tidak dapat dibaca, atau di luar folder dossier (path absolut, keluar lewat `..`, huruf drive, NUL, tautan ke luar). Lampiran di luar dossier tidak pernah dibuka. Penunjuk Git LFS di tempat dokumennya adalah E006.",
            "A kind that needs a file has none; or the attachment is missing, empty, not a regular file, unreadable, or outside the dossier folder (absolute, `..` out, a drive letter, NUL, a link out). An attachment outside the dossier is never opened. A Git LFS pointer where the document should be is E006.",
        ),
        why=(
            "Dokumen hanya terbukti ada bila berkasnya ada di dalam dossier yang diserahkan; berkas di luar dossier tidak ikut diserahkan dan tidak boleh dibaca pemeriksa.",
            "A document is only proven by its file inside the dossier handed in; a file outside the dossier is not part of it and must not be read by the checker.",
        ),
        fix=(
            "Letakkan berkas di dalam folder dossier (biasanya `lampiran/`) dan tulis path relatifnya dengan benar.",
            "Put the file inside the dossier folder (usually `lampiran/`) and write its relative path correctly.",
        ),
        clause="Mutu Baku — Kelengkapan dan Output; Pencatatan dan pendataan: Dokumen Laporan Kinerja",
        failing="""\
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}
  - {jenis: dpa, berkas: lampiran/dpa-2024-revisi.pdf}
""",
        passing="""\
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}
""",
    ),
    Rule(
        "K004",
        ERROR,
        waivable=False,
        title=("SHA-256 lampiran tidak cocok", "An attachment's SHA-256 does not match"),
        messages={
            "K004": (
                "SHA-256 berkas '{berkas}' adalah {actual}, bukan {expected} seperti di manifest.",
                "The SHA-256 of '{berkas}' is {actual}, not {expected} as the manifest says.",
            ),
        },
        checks=(
            "SHA-256 lampiran berbeda dari `sha256` yang dicatat di manifest.",
            "An attachment's SHA-256 differs from the `sha256` recorded in the manifest.",
        ),
        why=(
            "Hash yang tidak cocok berarti berkas berubah atau tertukar setelah dicatat.",
            "A hash that does not match means the file was changed or swapped after it was recorded.",
        ),
        fix=(
            "Kembalikan berkas aslinya, atau catat hash berkas yang benar.",
            "Restore the original file, or record the right file's hash.",
        ),
        clause="Pencatatan dan pendataan: Dokumen Laporan Kinerja",
        failing="""\
  - jenis: laporan_realisasi_anggaran
    berkas: lampiran/lra-2024-tw2.pdf
    sha256: 991f7aabc59bf808d76d1f0f7f3297c4a6321d44e8b4ec0391a23d79b3a62451
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}
""",
        passing="""\
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}
""",
    ),
    Rule(
        "K005",
        WARNING,
        waivable=True,
        title=("Dokumen peralatan tidak ada", "An equipment document is absent"),
        messages={
            "K005": ("Dokumen peralatan {nama} ({jenis}) tidak ada.", "Equipment document {nama} ({jenis}) is absent."),
        },
        checks=(
            "Dokumen peralatan (Peralatan: Dokumen IKU, Laporan Data Kinerja) tidak ada.",
            "An equipment document (Peralatan: Dokumen IKU, Laporan Data Kinerja) is absent.",
        ),
        why=(
            "Laporan kinerja disusun dan dievaluasi berdasarkan IKU dan data kinerja; tanpanya isi laporan tidak dapat diuji.",
            "The report is written and evaluated against the IKU and the performance data; without them its content cannot be tested.",
        ),
        fix=(
            "Cantumkan dokumen itu di `dokumen`, atau ajukan pengecualian yang disetujui Camat.",
            "List it under `dokumen`, or record a waiver approved by the Camat.",
        ),
        clause="Peralatan/perlengkapan: 1. Laporan Data Kinerja 2. Dokumen IKU 3. Seperangkat Komputer yang dilengkapi aplikasi office (word, excell)",
        failing="""\
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}
  - {jenis: laporan_data_kinerja, berkas: lampiran/data-kinerja-2024-tw2.pdf}
""",
        passing="""\
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}
  - {jenis: dokumen_iku, berkas: lampiran/iku-2024.pdf}
  - {jenis: laporan_data_kinerja, berkas: lampiran/data-kinerja-2024-tw2.pdf}
""",
    ),
    Rule(
        "K006",
        WARNING,
        waivable=True,
        title=("Data SOP terkait tidak ada", "Data of a related SOP is absent"),
        messages={
            "K006": ("Data dari {nama} ({jenis}) tidak ada.", "The data of {nama} ({jenis}) is absent."),
        },
        checks=("Data dari SOP terkait (Keterkaitan) tidak ada.", "The data of a related SOP (Keterkaitan) is absent."),
        why=(
            "Laporan kinerja merangkum data yang dikumpulkan menurut SOP-SOP terkait; data yang tidak ada berarti laporan tidak lengkap.",
            "The report sums up data gathered under the related SOPs; absent data means an incomplete report.",
        ),
        fix=(
            "Cantumkan data itu di `dokumen`, atau ajukan pengecualian yang disetujui Camat.",
            "List it under `dokumen`, or record a waiver approved by the Camat.",
        ),
        clause="Keterkaitan: 1. SOP Pengumpulan Data Kinerja ttg Musrenbangcam 2. SOP Pengumpulan Data Kinerja ttg Adm Kependudukan 3. SOP Pengumpulan Data Kinerja ttg Keaktifan Siskamling",
        failing="""\
  - {jenis: data_kinerja_adm_kependudukan}
  - {jenis: bahan_penyusunan_laporan}
""",
        passing="""\
  - {jenis: data_kinerja_adm_kependudukan}
  - {jenis: data_kinerja_siskamling}
  - {jenis: bahan_penyusunan_laporan}
""",
    ),
)


def check(ctx: Context) -> Iterator[Violation]:
    yield from _inputs_and_outputs(ctx)
    yield from _attachments(ctx)
    yield from _linked(ctx)


def _inputs_and_outputs(ctx: Context) -> Iterator[Violation]:
    present = {doc.jenis for doc in ctx.dossier.dokumen}
    first_entry: dict[int, str] = {}
    for record in ctx.dossier.langkah:
        first_entry.setdefault(record.nomor, record.field)
    for nomor, field in sorted(first_entry.items()):
        step = ctx.sop.step(nomor)
        if step is None:
            continue
        for code, kinds in (("K001", step.kelengkapan), ("K002", step.output)):
            for jenis in kinds:
                if jenis not in present:
                    args = {
                        "step": nomor,
                        "kegiatan": step.short_name,
                        "jenis": jenis,
                        "jenis_nama": ctx.sop.document_kinds[jenis].name,
                    }
                    yield Violation(code, code, args, step=nomor, field=field)


def _attachments(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        kind = ctx.sop.document_kinds[doc.jenis]
        if doc.berkas is None:
            if kind.needs_file:
                yield Violation("K003", "K003.no_file", {"jenis": doc.jenis}, field=doc.field)
            continue
        found = ctx.attachments[doc.field]
        field = f"{doc.field}.berkas"
        shown = doc.berkas.replace("\x00", "\\0")
        if found.status == "outside":
            yield Violation(
                "K003", "K003.outside", {"berkas": shown, "reason": Nested(f"outside.{found.reason}")}, field=field
            )
        elif found.status == "unreadable":
            yield Violation("K003", "K003.unreadable", {"berkas": shown, "error": found.error}, field=field)
        elif found.status == "missing" and doc.berkas_as_written is not None:
            # An unquoted # cut the name: that is the cause, whatever file the search found
            # (by its content, the file is the very name written, which a suggestion repeats).
            yield Violation(
                "K003", "K003.missing_hash", {"berkas": shown, "written": doc.berkas_as_written}, field=field
            )
        elif found.status == "missing" and found.suggestion is not None:
            similar = {"berkas": shown, "suggestion": found.suggestion}
            yield Violation("K003", "K003.missing_similar", similar, field=field)
        elif found.status != "ok":
            yield Violation("K003", f"K003.{found.status}", {"berkas": shown}, field=field)
        elif doc.sha256 is not None and found.sha256 != doc.sha256:
            args = {"berkas": shown, "actual": found.sha256, "expected": doc.sha256}
            yield Violation("K004", "K004", args, field=f"{doc.field}.sha256")


def _linked(ctx: Context) -> Iterator[Violation]:
    present = {doc.jenis for doc in ctx.dossier.dokumen}
    for code, items in (("K005", ctx.sop.peralatan), ("K006", ctx.sop.keterkaitan)):
        for item in items:
            if item.dokumen is not None and item.dokumen not in present:
                yield Violation(code, code, {"nama": item.name, "jenis": item.dokumen}, field="dokumen")
