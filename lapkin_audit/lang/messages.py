"""Finding messages in Indonesian (default) and English.

Checks refer to a message by id and pass its arguments; the text lives only here, so
wording can improve without touching a check, and codes never depend on language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from lapkin_audit.lang.words import TYPE_WORDS, date_words, format_minutes
from lapkin_audit.model import WorkMinutes

LANGS = ("id", "en")

# id -> (Indonesian, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # E001: the manifest cannot be read
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
    # E002: not valid YAML
    "yaml.syntax": (
        "YAML tidak sah di baris {line}, kolom {column}: {problem}.",
        "Invalid YAML at line {line}, column {column}: {problem}.",
    ),
    "yaml.syntax_in": (
        "YAML tidak sah di baris {line}, kolom {column}: {problem} ({context} yang dimulai di baris {context_line}).",
        "Invalid YAML at line {line}, column {column}: {problem} (in the {context} that starts on line {context_line}).",
    ),
    "yaml.control_character": (
        "YAML tidak sah di baris {line}, kolom {column}: karakter kendali {character} tidak diizinkan dalam YAML (biasanya terbawa saat menyalin dari program lain); hapus karakter itu.",
        "Invalid YAML at line {line}, column {column}: the control character {character} is not allowed in YAML (usually carried over when copying from another program); delete it.",
    ),
    # What libyaml reports, in the reader's words (load.yamlread maps its English to these).
    "yaml.problem.flow_mapping_end": (
        "tanda ',' atau '}}' yang diharapkan tidak ada: tutup {{...}} dengan '}}', dan pisahkan isinya dengan koma",
        "an expected ',' or '}}' is missing: close the {{...}} with '}}', and separate its items with commas",
    ),
    "yaml.problem.flow_sequence_end": (
        "tanda ',' atau ']' yang diharapkan tidak ada: tutup [...] dengan ']', dan pisahkan isinya dengan koma",
        "an expected ',' or ']' is missing: close the [...] with ']', and separate its items with commas",
    ),
    "yaml.problem.mapping_values": (
        "titik dua (':') di tempat yang tidak boleh: sebuah nilai yang memuat ': ' harus diberi tanda kutip",
        "a colon (':') where none may stand: a value that holds ': ' must be quoted",
    ),
    "yaml.problem.expected_key": (
        "di sini seharusnya ada kunci pada indentasi yang sama dengan kunci di atasnya; periksa indentasi baris ini",
        "a key at the same indentation as the keys above was expected here; check this line's indentation",
    ),
    "yaml.problem.expected_dash": (
        "di sini seharusnya ada butir daftar ('- '); periksa indentasi baris ini",
        "a list item ('- ') was expected here; check this line's indentation",
    ),
    "yaml.problem.block_sequence": (
        "butir daftar ('- ') di tempat yang tidak boleh; periksa indentasinya",
        "a list item ('- ') where none may stand; check its indentation",
    ),
    "yaml.problem.end_of_stream": (
        "berkas berakhir sebelum tanda kutip ditutup; tutup teks dengan tanda kutip yang sama",
        "the file ends before a quote is closed; close the text with the same quote",
    ),
    "yaml.problem.undefined_alias": (
        "alias (*nama) menunjuk jangkar (&nama) yang belum didefinisikan di atasnya",
        "an alias (*name) refers to an anchor (&name) not defined above it",
    ),
    "yaml.problem.duplicate_anchor": (
        "jangkar (&nama) ini sudah dipakai; beri nama lain",
        "this anchor (&name) is already in use; give it another name",
    ),
    "yaml.problem.another_document": (
        "berkas memuat dokumen YAML kedua ('---'); satu manifest hanya berisi satu dossier",
        "the file holds a second YAML document ('---'); one manifest holds one dossier",
    ),
    "yaml.problem.bad_start": (
        "karakter ini tidak boleh mengawali nilai (mis. @ atau `); beri tanda kutip pada nilainya",
        "this character cannot start a value (e.g. @ or `); quote the value",
    ),
    "yaml.problem.bad_escape": (
        "garis miring terbalik (\\) di dalam \"...\" memulai kode khusus yang tidak dikenal; pakai tanda kutip tunggal '...' atau tulis \\\\",
        "a backslash (\\) inside \"...\" starts an unknown escape; use single quotes '...' or write \\\\",
    ),
    "yaml.problem.expected_colon": (
        "tanda titik dua (':') setelah kunci tidak ditemukan",
        "the colon (':') after a key is missing",
    ),
    "yaml.problem.node_content": ("nilai yang diharapkan tidak ada", "an expected value is missing"),
    "yaml.problem.anchor_name": (
        "nama jangkar (&) atau alias (*) kosong atau memuat karakter yang tidak boleh",
        "an anchor (&) or alias (*) name is empty or holds a character it may not",
    ),
    "yaml.problem.trailing": (
        "ada teks setelah nilai yang sudah selesai (mis. setelah tanda kutip penutup); pindahkan atau beri tanda kutip pada seluruh nilai",
        "there is text after a finished value (e.g. after a closing quote); move it or quote the whole value",
    ),
    "yaml.problem.unexpected_colon": ("titik dua (':') yang tidak terduga", "an unexpected colon (':')"),
    "yaml.problem.directive": (
        "baris yang dimulai dengan % adalah perintah YAML yang tidak dikenal; beri tanda kutip pada nilainya",
        "a line starting with % is an unknown YAML directive; quote the value",
    ),
    "yaml.problem.document_indicator": (
        "'---' atau '...' di tengah nilai; beri tanda kutip pada nilai itu",
        "'---' or '...' inside a value; quote that value",
    ),
    "yaml.problem.tab": (
        "tab di indentasi; YAML hanya menerima spasi",
        "a tab in the indentation; YAML takes only spaces",
    ),
    "yaml.problem.other": ("struktur YAML tidak dapat diurai di sini", "the YAML structure cannot be parsed here"),
    "yaml.context.flow_mapping": ("peta {{...}}", "{{...}} mapping"),
    "yaml.context.flow_sequence": ("daftar [...]", "[...] list"),
    "yaml.context.block_mapping": ("peta kunci", "mapping of keys"),
    "yaml.context.block_collection": ("daftar atau peta", "list or mapping"),
    "yaml.context.quoted": ("teks bertanda kutip", "quoted text"),
    "yaml.context.simple_key": ("kunci", "key"),
    "yaml.context.plain": ("nilai", "value"),
    "yaml.context.document": ("dokumen pertama", "first document"),
    "yaml.context.anchor": ("jangkar yang sama", "same anchor"),
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
    "yaml.bad_scalar": ("Nilai '{value}' tidak dapat dibaca: {detail}.", "Value '{value}' cannot be read: {detail}."),
    "yaml.scalar.timestamp": ("bukan tanggal yang ada di kalender", "not a date in the calendar"),
    "yaml.scalar.int": ("bukan bilangan bulat yang sah", "not a valid integer"),
    "yaml.scalar.float": ("bukan bilangan yang sah", "not a valid number"),
    "yaml.scalar.bool": ("bukan nilai benar/salah yang sah", "not a valid true/false value"),
    "yaml.scalar.null": ("bukan nilai kosong yang sah", "not a valid null"),
    "yaml.scalar.too_large": ("bilangan terlalu besar", "the number is too large"),
    "yaml.complex_key": ("Kunci harus berupa teks sederhana.", "A key must be a plain scalar."),
    "yaml.bad_merge": ("Penggabungan '<<' hanya menerima peta.", "A '<<' merge takes mappings only."),
    # E003: breaks the dossier format
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
    "format.pattern": ("{field} bernilai '{value}' yang bentuknya salah.", "{field} has a malformed value '{value}'."),
    "format.range": (
        "{field} bernilai {value}, melanggar batas {rule} {limit}.",
        "{field} is {value}, breaking its {rule} of {limit}.",
    ),
    "format.other": ("{field} tidak sesuai format ({detail}).", "{field} breaks the format ({detail})."),
    "format.ke_tahunan": ("{field} tidak dipakai untuk periode tahunan.", "{field} is not used for a yearly period."),
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
    # E004 / E005: the SOP
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
    "sop.not_in_effect": (
        "SOP {sop} baru berlaku {efektif}, tetapi proses dimulai {mulai}.",
        "SOP {sop} took effect on {efektif}, but the run started on {mulai}.",
    ),
    # E006: Git LFS pointers instead of the documents
    "E006": (
        "Penunjuk Git LFS, bukan dokumennya, ada di tempat {count} lampiran: {pointers}. Isinya tidak ada di checkout ini, sehingga dossier tidak dapat dinilai. Jalankan `git lfs pull` (di CI: `lfs: true` pada actions/checkout), lalu periksa lagi.",
        "Git LFS pointers stand where {count} attachment(s) should be: {pointers}. Their content is not in this checkout, so the dossier cannot be assessed. Run `git lfs pull` (in CI: `lfs: true` on actions/checkout), then check again.",
    ),
    "E006.match": (
        "'{berkas}' (oid-nya sama dengan sha256 di manifest)",
        "'{berkas}' (its oid equals the manifest's sha256)",
    ),
    "E006.differs": (
        "'{berkas}' (oid-nya {oid}, bukan {expected} seperti sha256 di manifest)",
        "'{berkas}' (its oid is {oid}, not {expected} as the manifest's sha256)",
    ),
    "E006.undeclared": (
        "'{berkas}' (manifest tidak mencatat sha256-nya)",
        "'{berkas}' (the manifest records no sha256)",
    ),
    "E006.other_hash": (
        "'{berkas}' (oid-nya bukan SHA-256, tidak dapat dibandingkan dengan manifest)",
        "'{berkas}' (its oid is not a SHA-256, so it cannot be compared with the manifest)",
    ),
    # K: kelengkapan
    "K001": (
        "Langkah {step} ({kegiatan}) memerlukan {jenis_nama} ({jenis}), yang tidak ada di dokumen.",
        "Step {step} ({kegiatan}) needs {jenis_nama} ({jenis}), which is not among the documents.",
    ),
    "K002": (
        "Output langkah {step} ({kegiatan}), {jenis_nama} ({jenis}), tidak ada di dokumen.",
        "The output of step {step} ({kegiatan}), {jenis_nama} ({jenis}), is not among the documents.",
    ),
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
    "K004": (
        "SHA-256 berkas '{berkas}' adalah {actual}, bukan {expected} seperti di manifest.",
        "The SHA-256 of '{berkas}' is {actual}, not {expected} as the manifest says.",
    ),
    "K005": ("Dokumen peralatan {nama} ({jenis}) tidak ada.", "Equipment document {nama} ({jenis}) is absent."),
    "K006": ("Data dari {nama} ({jenis}) tidak ada.", "The data of {nama} ({jenis}) is absent."),
    "outside.absolute": ("jalur absolut", "absolute path"),
    "outside.parent": ("keluar lewat '..'", "leaves through '..'"),
    "outside.link": ("tautan ke luar dossier", "a link out of the dossier"),
    "outside.drive": ("jalur Windows berdrive", "a Windows drive path"),
    "outside.nul": ("memuat bita NUL", "contains a NUL byte"),
    # A: alur
    "A001": (
        "Langkah {step} ({kegiatan}) tidak pernah dilakukan.",
        "Step {step} ({kegiatan}) never appears in the log.",
    ),
    "A002.first": (
        "Log dimulai dengan langkah {step}; SOP dimulai dengan langkah {first}.",
        "The log starts with step {step}; the SOP starts with step {first}.",
    ),
    "A002.order": (
        "Langkah {step} tidak boleh mengikuti langkah {previous} (yang boleh: {allowed}).",
        "Step {step} may not follow step {previous} (allowed: {allowed}).",
    ),
    "A002.overlap": (
        "Langkah {step} dimulai {mulai}, sebelum langkah {previous} selesai ({selesai}).",
        "Step {step} starts at {mulai}, before step {previous} ended ({selesai}).",
    ),
    "A002.no_hasil": (
        "Langkah keputusan {step} tidak mencatat hasil ({allowed}).",
        "Decision step {step} records no hasil ({allowed}).",
    ),
    "A002.bad_hasil": (
        "Hasil '{hasil}' langkah {step} tidak dikenal (yang boleh: {allowed}).",
        "Hasil '{hasil}' of step {step} is unknown (allowed: {allowed}).",
    ),
    "A003": (
        "Langkah {step} ({kegiatan}) dilakukan oleh {nama} sebagai {peran}; SOP memberikannya kepada {allowed}.",
        "Step {step} ({kegiatan}) was done by {nama} as {peran}; the SOP gives it to {allowed}.",
    ),
    # W: waktu
    "W001": (
        "Langkah {step} ({kegiatan}) memakan {actual} kerja; batas {limit_text} ({limit}).",
        "Step {step} ({kegiatan}) took {actual} of working time; the limit is {limit_text} ({limit}).",
    ),
    "W002": (
        "Seluruh proses memakan {actual} kerja; batas {limit_text} ({limit}).",
        "The whole run took {actual} of working time; the limit is {limit_text} ({limit}).",
    ),
    "W002.loop": (
        "Seluruh proses memakan {actual} kerja; batas {limit_text} ditambah {extra} untuk langkah yang diulang ({limit}).",
        "The whole run took {actual} of working time; the limit is {limit_text} plus {extra} for repeated steps ({limit}).",
    ),
    "W003": (
        "Langkah {step} selesai ({selesai}) sebelum dimulai ({mulai}).",
        "Step {step} ends ({selesai}) before it starts ({mulai}).",
    ),
    "W004": (
        "Proses dimulai {mulai}, sebelum periode laporan berakhir ({akhir}).",
        "The run started at {mulai}, before the reporting period ended ({akhir}).",
    ),
    # H: dasar hukum
    "H001": (
        "{jenis} tidak mengutip {kind} Nomor {nomor} Tahun {tahun} ({judul}) (dinilai dari dasar_hukum di manifest).",
        "{jenis} does not cite {kind} Nomor {nomor} Tahun {tahun} ({judul}) (judged on the manifest's dasar_hukum).",
    ),
    "H001.text": (
        "Teks {berkas} ({jenis}) tidak mengutip {kind} Nomor {nomor} Tahun {tahun} ({judul}) (dinilai dari teks dokumen).",
        "The text of {berkas} ({jenis}) does not cite {kind} Nomor {nomor} Tahun {tahun} ({judul}) (judged on the document's text).",
    ),
    "H002.year": (
        "Kutipan '{text}' tidak memuat tahun, sehingga tidak dapat dicocokkan.",
        "Citation '{text}' has no year, so it cannot be matched.",
    ),
    "H002.number": (
        "Kutipan '{text}' tidak memuat nomor, sehingga tidak dapat dicocokkan.",
        "Citation '{text}' has no number, so it cannot be matched.",
    ),
    # T: tim akuntabilitas kinerja
    "T001": ("Tidak ada dokumen {jenis}: {teks}", "No {jenis} document: {teks}"),
    "T002": ("{jenis} tidak ditandatangani oleh {role}.", "{jenis} is not signed by the {role}."),
    "T003": (
        "SK tim bertanggal {tanggal}, setelah proses dimulai ({mulai}).",
        "The team decree is dated {tanggal}, after the run started ({mulai}).",
    ),
    "T003.undated": (
        "{jenis} tidak bertanggal, sehingga tidak terbukti ditetapkan sebelum proses dimulai.",
        "{jenis} is undated, so it is not shown to predate the run.",
    ),
    "T004.start": (
        "SK tim baru berlaku {berlaku}, setelah proses dimulai ({mulai}).",
        "The team decree only applies from {berlaku}, after the run started ({mulai}).",
    ),
    "T004.end": (
        "SK tim berlaku sampai {berlaku}, sebelum proses selesai ({selesai}).",
        "The team decree expired on {berlaku}, before the run ended ({selesai}).",
    ),
    "T005": (
        "Langkah {step} dilakukan oleh {nama} sebagai {role}, tetapi ia bukan anggota yang ditetapkan dalam SK tim.",
        "Step {step} was done by {nama} as {role}, who is not a member named in the team decree.",
    ),
    "T006": (
        "SK tim ditandatangani {nama} sebagai {role}, bukan {holder} yang kini menjabat; pastikan SK masih berlaku.",
        "The team decree was signed by {nama} as {role}, not by {holder} who is in office now; check it is still in force.",
    ),
    "T006.nip": (
        "SK tim ditandatangani {nama} (NIP {nip}) sebagai {role}, bukan {holder} (NIP {holder_nip}) yang kini menjabat; pastikan SK masih berlaku.",
        "The team decree was signed by {nama} (NIP {nip}) as {role}, not by {holder} (NIP {holder_nip}) who is in office now; check it is still in force.",
    ),
    # P: paraf dan tanda tangan
    "P001": ("{jenis} tidak diparaf oleh {role_name} ({role}).", "{jenis} has no paraf by the {role_name} ({role})."),
    "P002": (
        "{jenis} tidak ditandatangani oleh {role_name} ({role}).",
        "{jenis} is not signed by the {role_name} ({role}).",
    ),
    "P003": (
        "{nama} ({role}) bukan pejabat {role} dalam dossier ({holder}).",
        "{nama} ({role}) is not the {role} named in the dossier ({holder}).",
    ),
    "P003.nip": (
        "{nama} ({role}, NIP {nip}) bukan pejabat {role} dalam dossier: {holder} (NIP {holder_nip}).",
        "{nama} ({role}, NIP {nip}) is not the {role} named in the dossier: {holder} (NIP {holder_nip}).",
    ),
    "P004.order": (
        "Paraf ({paraf}) dibubuhkan setelah tanda tangan ({ttd}).",
        "The paraf ({paraf}) comes after the signature ({ttd}).",
    ),
    "P004.outside": (
        "Paraf atau tanda tangan bertanggal {tanggal}, di luar langkah {step} yang menghasilkan dokumen.",
        "A paraf or signature dated {tanggal} falls outside step {step}, which produced the document.",
    ),
    "P005.format": ("{kind} '{nip}' ({nama}) bukan 18 digit.", "{kind} '{nip}' ({nama}) is not 18 digits."),
    "P005.birth_date": (
        "{kind} '{nip}' ({nama}) memuat tanggal lahir yang mustahil.",
        "{kind} '{nip}' ({nama}) holds an impossible birth date.",
    ),
    "P005.tmt_month": (
        "{kind} '{nip}' ({nama}): digit ke-13 dan ke-14 ('{digits}') bukan bulan TMT (01-12) dan bukan kode PPPK (21 ke atas).",
        "{kind} '{nip}' ({nama}): digits 13-14 ('{digits}') are neither an appointment (TMT) month (01-12) nor a PPPK code (21 and up).",
    ),
    "P005.pppk_year": (
        "{kind} '{nip}' ({nama}): tahun pengangkatan sebelum PPPK ada (PP 49/2018).",
        "{kind} '{nip}' ({nama}): appointed in a year before PPPK existed (PP 49/2018).",
    ),
    "P005.tmt_age": (
        "{kind} '{nip}' ({nama}): TMT sebelum berusia 18 tahun.",
        "{kind} '{nip}' ({nama}): appointed (TMT) before the age of 18.",
    ),
    "P005.sex": (
        "{kind} '{nip}' ({nama}): digit jenis kelamin bukan 1 atau 2.",
        "{kind} '{nip}' ({nama}): the sex digit is not 1 or 2.",
    ),
    "P005.pppk_age": (
        "{kind} '{nip}' ({nama}): menurut tanggal lahir dan tahun pengangkatannya, ia belum berusia 20 tahun saat diangkat (PP 49/2018 Pasal 16 huruf a).",
        "{kind} '{nip}' ({nama}): by its birth date and year of appointment, the holder was under 20 when appointed (PP 49/2018 Pasal 16 huruf a).",
    ),
    "P005.serial": (
        "{kind} '{nip}' ({nama}): nomor urut 000; nomor urut dimulai dari 001.",
        "{kind} '{nip}' ({nama}): serial 000; serials start at 001.",
    ),
    "nip.nip": ("NIP", "NIP (civil servant)"),
    "nip.ni_pppk": ("NI PPPK", "NI PPPK (contract staff)"),
    "P006": ("{nama} memaraf sekaligus menandatangani {jenis}.", "{nama} both initialled and signed {jenis}."),
    # P007: acting outside the years of service the NIP gives
    "P007.before_tmt": (
        "{nama} (NIP {nip}) {act} {what} pada {tanggal}, sebelum TMT-nya ({tmt}): menurut NIP-nya ia belum diangkat.",
        "{nama} (NIP {nip}) {act} {what} on {tanggal}, before their TMT ({tmt}): by their NIP they were not yet appointed.",
    ),
    "P007.retired": (
        "{nama} (NIP {nip}, lahir {lahir}) {act} {what} pada {tanggal}, padahal sudah pensiun sejak {pensiun}: batas usia pensiun {role} {usia} tahun ({sumber}).",
        "{nama} (NIP {nip}, born {lahir}) {act} {what} on {tanggal}, but had retired on {pensiun}: the retirement age of a {role} is {usia} ({sumber}).",
    ),
    "P007.act.paraf": ("memaraf", "initialled"),
    "P007.act.tanda_tangan": ("menandatangani", "signed"),
    "P007.act.langkah": ("melaksanakan langkah", "did step"),
    # S: tanda tangan elektronik (TTE)
    "S001": (
        "{what} {nama} pada {jenis} dinyatakan TTE, tetapi berkasnya tidak memuat tanda tangan elektronik orang itu ({count} tanda tangan di berkas).",
        "The {what} by {nama} on {jenis} is declared TTE, but the file holds no electronic signature by that person ({count} signatures in the file).",
    ),
    "S002.bytes": (
        "Tanda tangan elektronik {signer} ({field_name}) rusak: bagian yang ditandatangani telah berubah.",
        "The electronic signature of {signer} ({field_name}) is broken: the signed bytes have changed.",
    ),
    "S002.changed": (
        "Berkas diubah setelah {signer} menandatanganinya ({field_name}), melebihi perubahan yang diizinkan tanda tangan itu.",
        "The file was changed after {signer} signed it ({field_name}), beyond what that signature allows.",
    ),
    "S002.unreadable": (
        "Tanda tangan elektronik di {berkas} tidak dapat dibaca: {detail}.",
        "The electronic signatures in {berkas} cannot be read: {detail}.",
    ),
    "S003": (
        "Sertifikat {signer} (penerbit: {issuer}) tidak berantai ke akar tepercaya di folder aturan ({detail}).",
        "The certificate of {signer} (issuer: {issuer}) does not chain to a trust root of the rules folder ({detail}).",
    ),
    "S004.revoked": (
        "Sertifikat {signer} sudah dicabut pada waktu penandatanganan ({time}; {detail}).",
        "The certificate of {signer} was revoked at the signing time ({time}; {detail}).",
    ),
    "S004.expired": (
        "Sertifikat {signer} sudah kedaluwarsa pada waktu penandatanganan ({time}).",
        "The certificate of {signer} had expired at the signing time ({time}).",
    ),
    "S004.not_yet_valid": (
        "Sertifikat {signer} belum berlaku pada waktu penandatanganan ({time}).",
        "The certificate of {signer} was not yet valid at the signing time ({time}).",
    ),
    "S005": (
        "{what} pada {jenis} dinyatakan oleh {nama}, tetapi berkas ditandatangani secara elektronik oleh {signer}.",
        "The {what} on {jenis} is declared by {nama}, but the file is signed electronically by {signer}.",
    ),
    "S006": (
        "{what} bertanggal {tanggal}, tetapi ditandatangani secara elektronik pada {signed} (menurut {basis}).",
        "The {what} is dated {tanggal}, but was signed electronically at {signed} (by the {basis}).",
    ),
    "S007": (
        "Tanda tangan {signer} pada {jenis} dibubuhkan sebelum paraf {paraf}; SOP: diparaf dulu, lalu ditandatangani.",
        "{signer}'s signature on {jenis} comes before {paraf}'s paraf; the SOP: paraf first, then the signature.",
    ),
    "S008": (
        "{what} {nama} hanya dapat diperiksa sebagian: {parts}.",
        "The {what} by {nama} could be checked only in part: {parts}.",
    ),
    "S008.no_roots": ("tanpa akar tepercaya di folder aturan", "no trust roots in the rules folder"),
    "S008.no_timestamp": (
        "tanpa cap waktu tepercaya (waktunya klaim penanda tangan)",
        "no trusted timestamp (the time is the signer's claim)",
    ),
    "S008.no_revocation": (
        "tanpa data pencabutan untuk waktu itu",
        "no revocation data for that time",
    ),
    "S006.timestamp": ("cap waktu tepercaya", "trusted timestamp"),
    "S006.signer": ("klaim penanda tangan", "signer's claim"),
    "S009": (
        "{jenis} memuat tanda tangan elektronik {signer} ({field_name}) yang tidak dinyatakan di manifest.",
        "{jenis} carries an electronic signature by {signer} ({field_name}) that the manifest does not declare.",
    ),
    "S010": (
        "{berkas} ({jenis}) menampilkan tanda TTE (catatan kaki BSrE atau kode QR verifikasi), tetapi tidak memuat tanda tangan elektronik yang sah: salinan cetak-pindai, atau tanda palsu.",
        "{berkas} ({jenis}) shows a TTE mark (the BSrE footer or a verification QR code) but holds no valid electronic signature: a printed-and-scanned copy, or a forged mark.",
    ),
    # X: pengecualian
    "X001.unknown_rule": (
        "Pengecualian untuk aturan {aturan} tidak sah: kode aturan tidak dikenal.",
        "The waiver of {aturan} is invalid: unknown rule code.",
    ),
    "X001.not_waivable": (
        "Pengecualian untuk aturan {aturan} tidak sah: aturan ini tidak dapat dikecualikan.",
        "The waiver of {aturan} is invalid: this rule cannot be waived.",
    ),
    "X001.empty_reason": (
        "Pengecualian untuk aturan {aturan} tidak sah: alasan kosong.",
        "The waiver of {aturan} is invalid: its alasan is empty.",
    ),
    "X001.not_approver": (
        "Pengecualian untuk aturan {aturan} tidak sah: tidak disetujui oleh {role} yang menjabat.",
        "The waiver of {aturan} is invalid: not approved by the {role} in office.",
    ),
    "X001.no_match": (
        "Pengecualian untuk aturan {aturan} (langkah {langkah}) tidak cocok dengan temuan mana pun.",
        "The waiver of {aturan} (step {langkah}) matches no finding.",
    ),
    # B: bukti berkas (what the attachments themselves say)
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
    "B001.hostile": (
        "Berkas '{berkas}' ({jenis}) ditolak tanpa dibaca karena strukturnya berbahaya bagi pembaca dokumen ({detail}).",
        "Attachment '{berkas}' ({jenis}) was refused unread: its structure is dangerous to document readers ({detail}).",
    ),
    "B002": (
        "Berkas '{berkas}' dilampirkan sebagai {jenis} dan juga sebagai {other} ('{other_berkas}'), padahal keduanya harus dokumen yang berbeda.",
        "Attachment '{berkas}' is attached as {jenis} and also as {other} ('{other_berkas}'), which must be different documents.",
    ),
    "B003": (
        "Dasar hukum '{text}' dinyatakan di manifest, tetapi teks {berkas} ({jenis}) tidak mengutip {what}.",
        "The manifest declares the legal basis '{text}', but the text of {berkas} ({jenis}) does not cite {what}.",
    ),
    "B004.nomor": (
        "Teks SK {berkas} tidak memuat nomor yang dinyatakan: {nomor}.",
        "The text of the decree {berkas} does not show its declared number {nomor}.",
    ),
    "B004.anggota": (
        "Teks SK {berkas} tidak menyebut anggota yang dinyatakan: {nama}.",
        "The text of the decree {berkas} does not name the declared member {nama}.",
    ),
    "B005.period": (
        "Kepala {berkas} (judul dan periodenya) menyebut '{found}': dokumen periode atau tahun lain dari dossier ini.",
        "The heading of {berkas} (its title and period) names '{found}': a document of another period or year than this dossier's.",
    ),
    "B005.office": (
        "Kepala {berkas} (kop dan judulnya) menyebut {found}: dokumen kantor lain, bukan {instansi}.",
        "The heading of {berkas} (its letterhead and title) names {found}: a document of another office, not {instansi}.",
    ),
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
    "B006.too_large": (
        "{berkas} ({jenis}) terlalu besar untuk dibaca ({detail}); yang seharusnya dibuktikannya tetap berstatus dinyatakan.",
        "{berkas} ({jenis}) is too large to read ({detail}); what it should prove stays at the level dinyatakan.",
    ),
    "B006.timeout": (
        "Membaca {berkas} ({jenis}) melampaui batas waktu ({detail}) dan dihentikan; yang seharusnya dibuktikannya tetap berstatus dinyatakan.",
        "Reading {berkas} ({jenis}) ran past its time limit ({detail}) and was stopped; what it should prove stays at the level dinyatakan.",
    ),
    "B006.memory": (
        "Membaca {berkas} ({jenis}) melampaui batas memori ({detail}) dan dihentikan; yang seharusnya dibuktikannya tetap berstatus dinyatakan.",
        "Reading {berkas} ({jenis}) ran past its memory limit ({detail}) and was stopped; what it should prove stays at the level dinyatakan.",
    ),
    "B006.crashed": (
        "Pembaca dokumen berhenti tak terduga pada {berkas} ({jenis}: {detail}); yang seharusnya dibuktikannya tetap berstatus dinyatakan.",
        "The document reader stopped unexpectedly on {berkas} ({jenis}: {detail}); what it should prove stays at the level dinyatakan.",
    ),
    "B006.unconfirmed": (
        "Teks {berkas} dibaca sebagian atau dengan OCR dan tidak memastikan {what}; OCR tidak dapat membuktikan ketiadaan, sehingga hal ini tetap berstatus dinyatakan.",
        "The text of {berkas} was read in part or by OCR and does not confirm {what}; OCR cannot prove absence, so this stays at the level dinyatakan.",
    ),
    # B007, B008: what the signature blocks say, and documents with no sign of a signature
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
    "B007.what.paraf": ("baris paraf", "paraf line"),
    "B007.what.tanda_tangan": ("blok tanda tangan", "signature block"),
    "B007.act.paraf": ("paraf", "the paraf"),
    "B007.act.tanda_tangan": ("tanda tangan", "the signature"),
    "B008": (
        "{berkas} ({jenis}) dinyatakan diparaf atau ditandatangani basah, tetapi halaman blok tanda tangannya (halaman {pages}) berlapis teks tanpa gambar apa pun, dan berkas tidak memuat TTE: tampaknya hasil ekspor yang belum ditandatangani.",
        "{berkas} ({jenis}) is declared initialled or signed in ink, but its signature block's page (page {pages}) is a text layer with no image at all, and the file holds no TTE: it looks like an export that was never signed.",
    ),
    "B008.no_block": (
        "{berkas} ({jenis}) dinyatakan diparaf atau ditandatangani basah, tetapi tidak satu halaman pun (halaman {pages}) memuat gambar (pindaian, tanda tangan, cap), dan berkas tidak memuat TTE: tampaknya hasil ekspor yang belum ditandatangani.",
        "{berkas} ({jenis}) is declared initialled or signed in ink, but none of its pages (page {pages}) carries an image (a scan, a signature, a stamp), and the file holds no TTE: it looks like an export that was never signed.",
    ),
    # internal failure of one dossier (reported, never a traceback)
    "internal.timeout": (
        "Pemeriksaan dossier ini melampaui batas waktu {seconds} detik dan dihentikan; dossier lain tetap diperiksa. Periksa apakah manifest atau lampirannya luar biasa besar.",
        "Checking this dossier ran past its time limit of {seconds} seconds and was stopped; the other dossiers were checked. See whether its manifest or attachments are unusually large.",
    ),
    "internal": (
        "Kesalahan internal saat menilai dossier ini: {error}. Laporkan ke pengembang.",
        "Internal error while assessing this dossier: {error}. Please report it.",
    ),
}


class TypeNames(tuple):  # type: ignore[type-arg]
    """Type names from the format's schema, rendered as words: ("string", "integer") -> "teks atau bilangan bulat"."""


def render(message_id: str, args: Mapping[str, Any], lang: str) -> str:
    template = MESSAGES[message_id][1 if lang == "en" else 0]
    values = {key: _text(value, lang) for key, value in args.items()}
    if isinstance(values.get("field"), str):
        values["field"] = field_words(values["field"], lang)
    return template.format(**values)


_FIELD_PART = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def field_words(path: str, lang: str) -> str:
    """A field path as people count: ``langkah[0].mulai`` -> ``langkah ke-1 › mulai``.

    Reports keep the exact path in their ``field``; messages are read by people.
    """
    parts: list[str] = []
    for match in _FIELD_PART.finditer(path):
        index, name = match.groups()
        if index is not None and parts:
            number = int(index) + 1
            parts[-1] += f" no. {number}" if lang == "en" else f" ke-{number}"
        elif name is not None:
            parts.append(name)
    return " › ".join(parts) if parts else path


def _text(value: Any, lang: str) -> Any:
    if isinstance(value, Each):  # before tuples in general
        return "; ".join(render(message, args, lang) for message, args in value)
    if isinstance(value, TypeNames):
        index = 1 if lang == "en" else 0
        words = [TYPE_WORDS[name][index] if name in TYPE_WORDS else name for name in value]
        return (" or " if lang == "en" else " atau ").join(words)
    if isinstance(value, WorkMinutes):
        return format_minutes(value.minutes, lang)
    if isinstance(value, dt.date):  # a datetime too
        return date_words(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_text(item, lang)) for item in value)
    if isinstance(value, Nested):
        return render(value, {}, lang)  # a nested message, e.g. the reason of K003.outside
    return value


class Each(tuple):  # type: ignore[type-arg]
    """Several messages ``(id, args)`` as one argument: each rendered in the report's
    language, joined by semicolons (E006 names every Git LFS pointer, each with its oid)."""


class Nested(str):
    """A message id passed as an argument, rendered in the report's language.

    A type, not a prefix: any text can come from a manifest (a value `@x` once made E000).
    """
