"""E002 and E003: a manifest that cannot be read as YAML, or does not have the dossier format's
shape (their messages serve the rules files too: ``load.sop``). Part of the E family
(``lapkin_audit.unassessable``), in a module of their own for their many messages."""

from __future__ import annotations

from lapkin_audit.model import ERROR, Rule

RULES = (
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
)
