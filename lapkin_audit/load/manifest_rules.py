"""The E family: a dossier that cannot be assessed (verdict TIDAK DAPAT DINILAI).

Found while the manifest is read and built (``load.yamlread``, ``load.manifest``,
``load.build``) and its attachments inspected (``load.attachments``: E006), before any
check runs; E000 marks a dossier the checker itself failed on.
E findings are never hidden by ``--select`` or ``--ignore``. The messages about reading a
YAML file serve the rules files too (``load.sop``), which is why they live in this stage.
"""

from __future__ import annotations

from collections.abc import Mapping
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
            "yaml.syntax": (
                "YAML tidak sah di baris {line}, kolom {column}: {problem}.",
                "Invalid YAML at line {line}, column {column}: {problem}.",
            ),
            # What libyaml reports, in the reader's words (load.yamlread maps its English to these).
            "yaml.syntax_in": (
                "YAML tidak sah di baris {line}, kolom {column}: {problem} ({context} yang dimulai di baris {context_line}).",
                "Invalid YAML at line {line}, column {column}: {problem} (in the {context} that starts on line {context_line}).",
            ),
            "yaml.control_character": (
                "YAML tidak sah di baris {line}, kolom {column}: karakter kendali {character} tidak diizinkan dalam YAML (biasanya terbawa saat menyalin dari program lain); hapus karakter itu.",
                "Invalid YAML at line {line}, column {column}: the control character {character} is not allowed in YAML (usually carried over when copying from another program); delete it.",
            ),
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
            "yaml.problem.node_content": (
                "nilai yang diharapkan tidak ada",
                "an expected value is missing",
            ),
            "yaml.problem.anchor_name": (
                "nama jangkar (&) atau alias (*) kosong atau memuat karakter yang tidak boleh",
                "an anchor (&) or alias (*) name is empty or holds a character it may not",
            ),
            "yaml.problem.trailing": (
                "ada teks setelah nilai yang sudah selesai (mis. setelah tanda kutip penutup); pindahkan atau beri tanda kutip pada seluruh nilai",
                "there is text after a finished value (e.g. after a closing quote); move it or quote the whole value",
            ),
            "yaml.problem.unexpected_colon": (
                "titik dua (':') yang tidak terduga",
                "an unexpected colon (':')",
            ),
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
            "yaml.problem.other": (
                "struktur YAML tidak dapat diurai di sini",
                "the YAML structure cannot be parsed here",
            ),
            "yaml.context.flow_mapping": (
                "peta {{...}}",
                "{{...}} mapping",
            ),
            "yaml.context.flow_sequence": (
                "daftar [...]",
                "[...] list",
            ),
            "yaml.context.block_mapping": (
                "peta kunci",
                "mapping of keys",
            ),
            "yaml.context.block_collection": (
                "daftar atau peta",
                "list or mapping",
            ),
            "yaml.context.quoted": (
                "teks bertanda kutip",
                "quoted text",
            ),
            "yaml.context.simple_key": (
                "kunci",
                "key",
            ),
            "yaml.context.plain": (
                "nilai",
                "value",
            ),
            "yaml.context.document": (
                "dokumen pertama",
                "first document",
            ),
            "yaml.context.anchor": (
                "jangkar yang sama",
                "same anchor",
            ),
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
            "yaml.scalar.timestamp": (
                "bukan tanggal yang ada di kalender",
                "not a date in the calendar",
            ),
            "yaml.scalar.int": (
                "bukan bilangan bulat yang sah",
                "not a valid integer",
            ),
            "yaml.scalar.float": (
                "bukan bilangan yang sah",
                "not a valid number",
            ),
            "yaml.scalar.bool": (
                "bukan nilai benar/salah yang sah",
                "not a valid true/false value",
            ),
            "yaml.scalar.null": (
                "bukan nilai kosong yang sah",
                "not a valid null",
            ),
            "yaml.scalar.too_large": (
                "bilangan terlalu besar",
                "the number is too large",
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
    Rule(
        "E006",
        ERROR,
        waivable=False,
        title=(
            "Lampiran berupa penunjuk Git LFS, bukan dokumennya",
            "Attachments are Git LFS pointers, not the documents",
        ),
        messages={
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
        },
        checks=(
            "Sebuah lampiran adalah penunjuk Git LFS (berkas teks kecil yang menggantikan dokumen dalam repositori yang di-clone tanpa `git lfs pull`), bukan dokumennya. Satu temuan menyebut setiap penunjuk dan apakah oid-nya sama dengan `sha256` di manifest. Dossier tidak dapat dinilai; tidak ada aturan lain yang dijalankan. Contohnya dossier `fixtures/dossiers/e006-penunjuk-lfs`: perubahan manifest saja tidak dapat menunjukkannya.",
            "An attachment is a Git LFS pointer (a small text file standing for the document in a repository cloned without `git lfs pull`), not the document. One finding names every pointer and whether its oid agrees with the manifest's `sha256`. The dossier cannot be assessed; no other rule runs. The dossier `fixtures/dossiers/e006-penunjuk-lfs` shows it: no change of the manifest alone can.",
        ),
        why=(
            "Isi dokumen (paraf, kutipan, tanda tangan) tidak ada di checkout itu; putusan atas berkas yang tidak pernah dibaca akan menyesatkan, ke arah mana pun.",
            "The documents' content (paraf, citations, signatures) is not in that checkout; a verdict on files nobody read would mislead, either way.",
        ),
        fix=(
            "Jalankan `git lfs pull` sebelum audit (di GitHub Actions: `lfs: true` pada actions/checkout; di GitLab: `GIT_LFS_SKIP_SMUDGE` jangan diisi), lalu periksa lagi.",
            "Run `git lfs pull` before the audit (GitHub Actions: `lfs: true` on actions/checkout; GitLab: leave `GIT_LFS_SKIP_SMUDGE` unset), then check again.",
        ),
        clause="Pencatatan dan pendataan: Dokumen Laporan Kinerja",
    ),
)

MESSAGES: dict[str, Bilingual] = {key: text for rule in RULES for key, text in rule.messages.items()}


def render(message_id: str, args: Mapping[str, Any], lang: str) -> str:
    """A message of reading a YAML file (a manifest or a rules file), in ``lang``."""
    return messages.render(MESSAGES, message_id, args, lang)
