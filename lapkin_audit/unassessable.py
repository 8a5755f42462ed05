"""The E family: a dossier that cannot be assessed (verdict TIDAK DAPAT DINILAI).

Found in several stages, hence a module of its own: while the manifest is read and built
(``load.yamlread``, ``load.manifest``, ``load.build``, before any check runs), when a
folder cannot be listed (E001), and when the checker itself fails on a dossier (E000).
E findings are never hidden by ``--select`` or ``--ignore``. The messages about reading a
YAML file serve the rules files too (``load.sop``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lapkin_audit.lang import messages
from lapkin_audit.model import ERROR, Bilingual, Rule

RULES = (
    Rule(
        "E000",
        ERROR,
        waivable=False,
        title=("Kesalahan internal pemeriksa", "Internal error of the checker"),
        messages={
            "internal.timeout": (
                "Pemeriksaan dossier ini melampaui batas waktu {seconds} detik dan dihentikan; dossier lain tetap diperiksa. Periksa apakah manifest atau lampirannya luar biasa besar.",
                "Checking this dossier ran past its time limit of {seconds} seconds and was stopped; the other dossiers were checked. See whether its manifest or attachments are unusually large.",
            ),
            "internal": (
                "Kesalahan internal saat menilai dossier ini: {error}. Laporkan ke pengembang.",
                "Internal error while assessing this dossier: {error}. Please report it.",
            ),
            "internal.cluster": (
                "Klaster Dask tidak dapat menilai dossier ini: {error}. Ini kegagalan pemeriksa atau klasternya, bukan temuan atas dossier; periksa lagi dengan --jobs atau pada klaster yang sehat.",
                "The Dask cluster could not assess this dossier: {error}. This is a failure of the checker or its cluster, not a finding on the dossier; check it again with --jobs or on a healthy cluster.",
            ),
        },
        checks=(
            "Pemeriksa sendiri gagal saat menilai dossier ini. Ini kesalahan program, bukan pelanggaran SOP; kode ini tidak ada dalam katalog spesifikasi dan ditambahkan agar satu dossier yang rusak tidak menghentikan seluruh pemeriksaan. Karena itu tidak ada contoh dossier yang melanggar atau patuh.",
            "The checker itself failed on this dossier. This is a bug, not a breach of the SOP; the code is not in the spec's catalogue and was added so that one broken dossier never ends a batch. So there is no failing or passing dossier snippet.",
        ),
        why=(
            "Dossier yang tidak selesai dinilai tidak boleh pernah terbaca sebagai patuh.",
            "A dossier that could not be assessed must never be mistaken for a compliant one.",
        ),
        fix=(
            "Laporkan kesalahan ini beserta dossier-nya kepada pengelola lapkin-audit.",
            "Report it, with the dossier, to the maintainers of lapkin-audit.",
        ),
        clause="Tidak ada: kode ini menandai kesalahan pemeriksa, bukan klausul SOP.",
    ),
    Rule(
        "E001",
        ERROR,
        waivable=False,
        title=("Manifest tidak dapat dibaca", "The manifest cannot be read"),
        messages={
            "read.missing": ("{what} {path} tidak ada.", "{what} {path} is missing."),
            "read.not_file": (
                "{path} bukan berkas biasa (folder, FIFO atau perangkat).",
                "{path} is not a regular file (a folder, FIFO or device).",
            ),
            "read.broken_link": (
                "{path} adalah tautan simbolik yang tujuannya tidak ada.",
                "{path} is a symbolic link whose target does not exist.",
            ),
            "read.unlisted": (
                "Folder {path} tidak dapat dibaca isinya (izin akses), sehingga dossier di dalamnya tidak diperiksa.",
                "The folder {path} cannot be listed (permissions), so the dossiers in it were not checked.",
            ),
            "read.outside": (
                "{path} adalah tautan ke luar foldernya; tidak dibaca.",
                "{path} is a link to outside its folder; not read.",
            ),
            "read.os_error": ("{what} tidak dapat dibaca: {error}.", "{what} cannot be read: {error}."),
            "read.too_large": (
                "{what} berukuran {size} bita, melebihi batas {limit} bita.",
                "{what} is {size} bytes, over the limit of {limit} bytes.",
            ),
            "read.utf16": ("{what} berkode UTF-16; simpan sebagai UTF-8.", "{what} is UTF-16; save it as UTF-8."),
            "read.not_utf8": (
                "{what} bukan UTF-8 yang sah (bita ke-{offset}); simpan sebagai UTF-8.",
                "{what} is not valid UTF-8 (byte {offset}); save it as UTF-8.",
            ),
            "read.cp1252": (
                "{what} tersimpan sebagai Windows-1252/ANSI, bukan UTF-8 (baris ini terbaca: '{text}'); simpan sebagai UTF-8 (Notepad: Save As, Encoding: UTF-8).",
                "{what} is saved as Windows-1252/ANSI, not UTF-8 (this line reads: '{text}'); save it as UTF-8 (Notepad: Save As, Encoding: UTF-8).",
            ),
            "read.expansion": (
                "YAML mengembang melebihi {limit} nilai (alias berlapis); berkas ditolak.",
                "The YAML expands past {limit} values (nested aliases); the file is refused.",
            ),
            "read.too_deep": (
                "YAML bersarang lebih dari {limit} tingkat; berkas ditolak.",
                "The YAML nests deeper than {limit} levels; the file is refused.",
            ),
            "what.manifest": ("Manifest", "The manifest"),
            "what.rules": ("Berkas aturan", "The rules file"),
        },
        checks=(
            "Manifest dossier.yaml tidak dapat dibaca: tidak ada, bukan berkas biasa, bukan UTF-8 (termasuk UTF-16 atau UTF-8 dengan BOM), lebih dari 1 MiB, mengembang melebihi 100.000 nilai (bom alias) atau bersarang lebih dari 64 tingkat.",
            "The manifest dossier.yaml cannot be read: it is missing, not a regular file, not UTF-8 (also UTF-16, or UTF-8 with a BOM), larger than 1 MiB, expands past 100,000 values (alias bombs) or nests deeper than 64 levels.",
        ),
        why=(
            "Catatan proses yang tidak dapat dibaca tidak dapat dinilai sama sekali; batas ukuran melindungi pemeriksa dari berkas yang dibuat untuk melumpuhkannya.",
            "A record of the run that cannot be read cannot be assessed at all; the size limits protect the checker from files made to cripple it.",
        ),
        fix=("Simpan manifest sebagai UTF-8 biasa tanpa BOM.", "Save the manifest as plain UTF-8 without a BOM."),
        clause="Pencatatan dan pendataan: Dokumen Laporan Kinerja",
        failing="""\
instansi:
  nama: Kantor Kecamatan Karangploso – Kab. Malang
  pemerintah: Pemerintah Kabupaten Malang
""",
        passing="""\
instansi:
  nama: Kantor Kecamatan Karangploso
  pemerintah: Pemerintah Kabupaten Malang
""",
        encoding="cp1252",
    ),
    Rule(
        "E002",
        ERROR,
        waivable=False,
        title=("Manifest bukan YAML yang sah", "The manifest is not valid YAML"),
        messages={
            "yaml.syntax": ("YAML tidak sah (kolom {column}): {detail}.", "Invalid YAML (column {column}): {detail}."),
            "yaml.tab": (
                "Baris ini diindentasi dengan tab; YAML hanya menerima spasi untuk indentasi: ganti tab dengan spasi.",
                "This line is indented with a tab; YAML takes only spaces for indentation: replace the tab with spaces.",
            ),
            "yaml.curly_quotes": (
                'Baris ini memakai tanda kutip lengkung (“ ” dari Word); YAML hanya mengenal tanda kutip lurus: ganti dengan "...".',
                'This line uses curly quotes (“ ” from Word); YAML knows only straight quotes: replace them with "...".',
            ),
            "yaml.hash_in_flow": (
                'Tanda # di dalam {{...}} atau [...] memulai komentar YAML dan memotong sisa baris; beri tanda kutip pada nilai yang memuat #, mis. berkas: "lampiran/lra #2.pdf".',
                'A # inside {{...}} or [...] starts a YAML comment and cuts the rest of the line; quote a value that holds a #, e.g. berkas: "lampiran/lra #2.pdf".',
            ),
            "yaml.duplicate_key": (
                "Kunci '{key}' muncul dua kali (pertama di baris {first}); YAML hanya menyimpan yang terakhir.",
                "Key '{key}' appears twice (first on line {first}); YAML keeps only the last.",
            ),
            "yaml.tag": (
                "Tag YAML {tag} tidak diizinkan; manifest hanya berisi data biasa.",
                "YAML tag {tag} is not allowed; a manifest holds plain data only.",
            ),
            "yaml.bad_scalar": (
                "Nilai '{value}' tidak dapat dibaca: {detail}.",
                "Value '{value}' cannot be read: {detail}.",
            ),
            "yaml.complex_key": ("Kunci harus berupa teks sederhana.", "A key must be a plain scalar."),
            "yaml.bad_merge": ("Penggabungan '<<' hanya menerima peta.", "A '<<' merge takes mappings only."),
        },
        checks=(
            "Manifest bukan YAML yang sah (baris dan kolomnya disebutkan), memuat kunci ganda, atau memuat tag selain data biasa (misalnya `!!python/object`).",
            "The manifest is not valid YAML (the finding gives line and column), has a duplicate key, or a tag other than plain data (such as `!!python/object`).",
        ),
        why=(
            "Isi manifest yang tidak dapat diurai tidak dapat dibandingkan dengan SOP; tag selain data biasa dapat menjalankan kode.",
            "A manifest that cannot be parsed cannot be compared with the SOP; tags other than plain data could run code.",
        ),
        fix=("Perbaiki YAML pada baris yang disebutkan.", "Mend the YAML at the line given."),
        clause="Pencatatan dan pendataan: Dokumen Laporan Kinerja",
        failing="""\
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf
""",
        passing="""\
  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}
  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}
""",
    ),
    Rule(
        "E003",
        ERROR,
        waivable=False,
        title=("Manifest melanggar format dossier", "The manifest breaks the dossier format"),
        messages={
            "format.empty": ("Manifest kosong.", "The manifest is empty."),
            "format.not_mapping": (
                "Manifest harus berupa peta kunci (format, sop, ...), bukan {kind}.",
                "The manifest must be a mapping of keys (format, sop, ...), not {kind}.",
            ),
            "format.version": (
                "format {found} tidak dikenal; versi yang didukung: 1.",
                "Unknown format {found}; the supported version is 1.",
            ),
            "format.curly_quotes": (
                'Baris ini memakai tanda kutip lengkung (“ ” dari Word), sehingga koma di dalam nilai memecahnya; ganti dengan tanda kutip lurus "...".',
                'This line uses curly quotes (“ ” from Word), so a comma inside the value splits it; replace them with straight quotes "...".',
            ),
            "format.unknown_key": ("Kunci '{key}' tidak dikenal di {field}.", "Unknown key '{key}' at {field}."),
            "format.bool_key": (
                "Kunci {field} terbaca sebagai boolean (YAML 1.1 membaca yes/no/on/off sebagai boolean): beri tanda kutip atau pakai kunci yang benar (mis. 'nomor', bukan 'no').",
                "Key {field} was read as a boolean (YAML 1.1 reads yes/no/on/off as booleans): quote it or use the right key (e.g. 'nomor', not 'no').",
            ),
            "format.required": ("Kunci wajib {field} tidak ada.", "Required key {field} is missing."),
            "format.type": (
                "{field} harus berupa {expected}, tetapi berisi {found}.",
                "{field} must be {expected}, but holds {found}.",
            ),
            "format.bool_value": (
                "{field} terbaca sebagai boolean (yes/no/on/off tanpa kutip); beri tanda kutip.",
                "{field} was read as a boolean (unquoted yes/no/on/off); quote it.",
            ),
            "format.null": ("{field} tidak boleh kosong (null).", "{field} must not be null."),
            "format.empty_value": ("{field} tidak boleh kosong.", "{field} must not be empty."),
            "format.allowed": (
                "{field} bernilai '{value}'; yang diizinkan: {allowed}.",
                "{field} is '{value}'; allowed: {allowed}.",
            ),
            "format.case": (
                "{field} bernilai '{value}'; maksud Anda '{suggestion}'? Nilai ini ditulis persis, dengan huruf kecil/besar yang sama.",
                "{field} is '{value}'; did you mean '{suggestion}'? This value is written exactly, in the same case.",
            ),
            "format.sha256": ("{field} harus 64 digit heksadesimal.", "{field} must be 64 hex digits."),
            "format.pattern": (
                "{field} bernilai '{value}' yang bentuknya salah.",
                "{field} has a malformed value '{value}'.",
            ),
            "format.range": (
                "{field} bernilai {value}, melanggar batas {rule} {limit}.",
                "{field} is {value}, breaking its {rule} of {limit}.",
            ),
            "format.other": ("{field} tidak sesuai format ({detail}).", "{field} breaks the format ({detail})."),
            "format.ke_tahunan": (
                "{field} tidak dipakai untuk periode tahunan.",
                "{field} is not used for a yearly period.",
            ),
            "format.ke_range": (
                "{field} bernilai {value}; periode {jenis} berjalan 1 sampai {limit}.",
                "{field} is {value}; a {jenis} period runs from 1 to {limit}.",
            ),
            "format.zone": (
                "{field}: zona waktu '{zone}' tidak dikenal (contoh: Asia/Jakarta, Asia/Makassar, Asia/Jayapura).",
                "{field}: unknown time zone '{zone}' (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura).",
            ),
            "format.date": (
                "{field}: '{value}' bukan tanggal yang dapat dibaca. Tulis 2025-07-12 atau 2025-07-12T08:00 (juga diterima: 12/07/2025, 12 Juli 2025, 08.00 WIB).",
                "{field}: '{value}' is not a readable date. Write 2025-07-12 or 2025-07-12T08:00 (also accepted: 12/07/2025, 12 Juli 2025, 08.00 WIB).",
            ),
            "format.date_suggest": (
                "{field}: '{value}' tidak dapat dibaca; maksud Anda {suggestion}? Tulis tanggal sebagai tahun-bulan-hari.",
                "{field}: '{value}' cannot be read; did you mean {suggestion}? Write dates as year-month-day.",
            ),
            "format.date_short_year": (
                "{field}: '{value}' memakai tahun dua digit; tulis tahun lengkap, mis. 2025-07-12 atau 12/07/2025.",
                "{field}: '{value}' has a two-digit year; write the full year, e.g. 2025-07-12 or 12/07/2025.",
            ),
            "format.date_range": (
                "{field}: '{value}' di luar rentang tahun {low}-{high}.",
                "{field}: '{value}' is outside the years {low}-{high}.",
            ),
            "format.need_time": (
                "{field}: '{value}' harus memuat jam; tulis mis. {example}.",
                "{field}: '{value}' needs a time of day; write e.g. {example}.",
            ),
            "format.pejabat_required": ("{field} wajib ada untuk SOP {sop}.", "{field} is required by SOP {sop}."),
        },
        checks=(
            "Manifest melanggar format dossier: kunci tidak ada atau tidak dikenal, jenis nilai salah, `format` selain 1, tanggal yang tidak dapat dibaca, waktu langkah tanpa jam, `periode.ke` di luar rentang, atau pejabat yang diperlukan SOP tidak ada di `pejabat`. Satu temuan per masalah.",
            "The manifest breaks the dossier format: a missing or unknown key, a wrong type, `format` other than 1, an unparseable date, a step time without time of day, `periode.ke` out of range, or an office holder the SOP needs missing from `pejabat`. One finding per problem.",
        ),
        why=(
            "Pemeriksa hanya dapat menilai dossier yang bentuknya diketahui; kunci yang salah ketik akan diam-diam menyembunyikan data.",
            "The checker can only assess a dossier of known shape; a mistyped key would silently hide data.",
        ),
        fix=(
            'Setiap pesan menyebut baris dan kuncinya. Tanggal ditulis `2025-07-12`, `12/07/2025` (hari dulu) atau `12 Juli 2025`; waktu langkah ditulis bersama tanggalnya: `2025-07-12T08:00`, `12/07/2025 08.00` atau `12 Juli 2025 pukul 08.00 WIB`; tahun selalu empat digit. Nilai kosong (`""`, `null`) adalah isian yang belum diisi: isi, atau hapus kunci yang tidak wajib. Id seperti `camat`, `diteruskan`, `triwulan` ditulis persis dengan huruf kecil. Beri tanda kutip pada `yes`/`no`/`on`/`off` yang dimaksudkan sebagai teks.',
            'Each message names the line and the key. Write dates `2025-07-12`, `12/07/2025` (day first) or `12 Juli 2025`; a step time with its date: `2025-07-12T08:00`, `12/07/2025 08.00` or `12 Juli 2025 pukul 08.00 WIB`; years always have four digits. An empty value (`""`, `null`) is a blank still to fill: fill it, or remove a key that is not required. Ids such as `camat`, `diteruskan`, `triwulan` are written exactly, in lower case. Quote `yes`/`no`/`on`/`off` meant as text.',
        ),
        clause="Pencatatan dan pendataan: Dokumen Laporan Kinerja",
        failing="""\
format: 2
sop: pelaporan-kinerja
""",
        passing="""\
format: 1
sop: pelaporan-kinerja
""",
    ),
    Rule(
        "E004",
        ERROR,
        waivable=False,
        title=("SOP, peran atau jenis dokumen tidak dikenal", "Unknown SOP, role or document kind"),
        messages={
            "sop.unknown": (
                "SOP '{sop}' tidak ada dalam aturan (tersedia: {known}).",
                "SOP '{sop}' is not in the rules (available: {known}).",
            ),
            "ref.role": (
                "Peran '{role}' tidak dikenal SOP {sop} (dikenal: {known}).",
                "Role '{role}' is unknown to SOP {sop} (known: {known}).",
            ),
            "ref.jenis": (
                "Jenis dokumen '{jenis}' tidak dikenal SOP {sop}.",
                "Document kind '{jenis}' is unknown to SOP {sop}.",
            ),
            "ref.step": (
                "Langkah {nomor} tidak ada dalam SOP {sop} (langkah: {known}).",
                "Step {nomor} is not in SOP {sop} (steps: {known}).",
            ),
        },
        checks=(
            "`sop` yang disebut tidak ada dalam aturan, atau peran, jenis dokumen atau nomor langkah yang dipakai manifest tidak dikenal SOP tersebut.",
            "The `sop` named is not in the rules, or a role, document kind or step number the manifest uses is unknown to it.",
        ),
        why=(
            "Dossier dinilai terhadap SOP-nya sendiri; nama yang tidak dikenal SOP tidak dapat dicocokkan dengan langkah, pelaksana atau mutu bakunya.",
            "A dossier is assessed against its own SOP; names the SOP does not know cannot be matched with its steps, executors or standards.",
        ),
        fix=(
            "Gunakan id yang dipakai SOP (lihat `lapkin-audit init` untuk kerangka dossier).",
            "Use the SOP's ids (`lapkin-audit init` writes a dossier skeleton with them).",
        ),
        clause="Nama SOP: Pelaporan Kinerja",
        failing="""\
sop: pelaporan-keuangan
instansi:
""",
        passing="""\
sop: pelaporan-kinerja
instansi:
""",
    ),
    Rule(
        "E005",
        ERROR,
        waivable=False,
        title=("SOP belum berlaku saat proses dimulai", "The SOP was not yet in effect"),
        messages={
            "sop.not_in_effect": (
                "SOP {sop} baru berlaku {efektif}, tetapi proses dimulai {mulai}.",
                "SOP {sop} took effect on {efektif}, but the run started on {mulai}.",
            ),
        },
        checks=(
            "SOP belum berlaku (Tanggal Efektif) ketika proses dimulai.",
            "The SOP was not yet in effect (its Tanggal Efektif) when the run started.",
        ),
        why=(
            "Sebuah proses hanya dapat dinilai terhadap SOP yang berlaku saat itu.",
            "A run can only be held to the SOP in force at the time.",
        ),
        fix=(
            "Periksa dossier terhadap SOP yang berlaku saat itu (`--rules`), atau perbaiki tanggal yang salah ketik.",
            "Audit it against the SOP then in force (`--rules`), or correct a mistyped date.",
        ),
        clause="Tanggal Efektif: 20 Desember 2014",
        failing="""\
  - nomor: 1
    pelaksana: [{peran: sub_evapor, nama: "Dewi Lestari, A.Md", nip: "19900102 201503 2 006"}]
    mulai: 2014-12-19T07:45:00+07:00
""",
        passing="""\
  - nomor: 1
    pelaksana: [{peran: sub_evapor, nama: "Dewi Lestari, A.Md", nip: "19900102 201503 2 006"}]
    mulai: 2024-07-01T07:45:00+07:00
""",
    ),
)

MESSAGES: dict[str, Bilingual] = {key: text for rule in RULES for key, text in rule.messages.items()}


def render(message_id: str, args: Mapping[str, Any], lang: str) -> str:
    """A message of reading a YAML file (a manifest or a rules file), in ``lang``."""
    return messages.render(MESSAGES, message_id, args, lang)


@dataclass(frozen=True)
class Said:
    """One of these messages as the argument of a problem (a rules file that is not valid
    YAML): rendered in the language the problem is shown in."""

    message_id: str
    args: Mapping[str, Any]

    def text(self, lang: str) -> str:
        return render(self.message_id, self.args, lang)
