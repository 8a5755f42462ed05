"""Finding messages in Indonesian (default) and English.

Checks refer to a message by id and pass its arguments; the text lives only here, so
wording can improve without touching a check, and codes never depend on language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

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
    "yaml.bad_scalar": ("Nilai '{value}' tidak dapat dibaca: {detail}.", "Value '{value}' cannot be read: {detail}."),
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
    "K003.lfs_pointer": (
        "Berkas '{berkas}' adalah penunjuk Git LFS, bukan dokumennya: isinya tidak ada di checkout ini, sehingga tidak dapat diperiksa. Jalankan `git lfs pull` sebelum audit.",
        "Attachment '{berkas}' is a Git LFS pointer, not the document: its content is not in this checkout, so it cannot be checked. Run `git lfs pull` before the audit.",
    ),
    "K003.lfs_pointer_match": (
        "Berkas '{berkas}' adalah penunjuk Git LFS, bukan dokumennya; oid-nya sama dengan sha256 di manifest, tetapi isinya tidak ada di checkout ini, sehingga tidak dapat diperiksa. Jalankan `git lfs pull` sebelum audit.",
        "Attachment '{berkas}' is a Git LFS pointer, not the document; its oid equals the manifest's sha256, but the content is not in this checkout, so it cannot be checked. Run `git lfs pull` before the audit.",
    ),
    "K004.lfs_pointer": (
        "Penunjuk Git LFS '{berkas}' menunjuk isi dengan SHA-256 {actual}, bukan {expected} seperti di manifest.",
        "The Git LFS pointer '{berkas}' stands for content with SHA-256 {actual}, not {expected} as the manifest says.",
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
        "{kind} '{nip}' ({nama}): digit ke-13 dan ke-14 ('{digits}') bukan bulan TMT (01-12) dan bukan kode PPPK dengan nomor kontrak (21-29).",
        "{kind} '{nip}' ({nama}): digits 13-14 ('{digits}') are neither an appointment (TMT) month (01-12) nor a PPPK code with a contract number (21-29).",
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
    "nip.nip": ("NIP", "NIP (civil servant)"),
    "nip.ni_pppk": ("NI PPPK", "NI PPPK (contract staff)"),
    "P006": ("{nama} memaraf sekaligus menandatangani {jenis}.", "{nama} both initialled and signed {jenis}."),
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
        "Teks {berkas} menyebut '{found}', periode atau tahun lain dari dossier ini.",
        "The text of {berkas} names '{found}', another period or year than this dossier's.",
    ),
    "B005.office": (
        "Teks {berkas} menyebut {found}, bukan {instansi}.",
        "The text of {berkas} names {found}, not {instansi}.",
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
    "B006.formulas_only": (
        "{berkas} ({jenis}) hanya memuat rumus tanpa nilai terhitung ({detail}); simpan ulang dari aplikasinya agar nilainya tersimpan.",
        "{berkas} ({jenis}) holds only formulas with no calculated values ({detail}); save it again from its application so the values are stored.",
    ),
    "B006.unconfirmed": (
        "Teks {berkas} dibaca sebagian atau dengan OCR dan tidak memastikan {what}; OCR tidak dapat membuktikan ketiadaan, sehingga hal ini tetap berstatus dinyatakan.",
        "The text of {berkas} was read in part or by OCR and does not confirm {what}; OCR cannot prove absence, so this stays at the level dinyatakan.",
    ),
    # ------------------------------------------------------------------ C: capaian (content.md)
    # Arguments: a figure as printed ({laporan}, {sumber}, ...) with where it stands ({laporan_di}:
    # the document's name and page), the indicator, the formula. Built by checks/capaian.py.
    "content.c001": (
        "Indikator '{indikator}' dari {dokumen_nama} tidak dilaporkan dalam tabel capaian laporan.",
        "Indicator '{indikator}' of the {dokumen_nama} is not reported in the report's capaian table.",
    ),
    "content.c001.saran": (
        "Indikator '{indikator}' dari {dokumen_nama} tidak dilaporkan dalam tabel capaian laporan (maksud Anda '{saran}'? nama indikator harus sama dengan dokumen sumbernya).",
        "Indicator '{indikator}' of the {dokumen_nama} is not reported in the report's capaian table (did you mean '{saran}'? an indicator's name must be its source's).",
    ),
    "content.c002": (
        "Target '{indikator}' di laporan {laporan} ({laporan_di}), di {sumber_nama} {sumber} ({sumber_di}).",
        "The target of '{indikator}' is {laporan} in the report ({laporan_di}) and {sumber} in the {sumber_nama} ({sumber_di}).",
    ),
    "content.c002.sumber": (
        "Target '{indikator}' berbeda antara Dokumen IKU ({iku}, {iku_di}) dan Perjanjian Kinerja ({pk}, {pk_di}).",
        "The target of '{indikator}' differs between the Dokumen IKU ({iku}, {iku_di}) and the Perjanjian Kinerja ({pk}, {pk_di}).",
    ),
    "content.c003": (
        "Realisasi '{indikator}' di laporan {laporan} ({laporan_di}), di Laporan Data Kinerja {sumber} ({sumber_di}).",
        "The realisasi of '{indikator}' is {laporan} in the report ({laporan_di}) and {sumber} in the Laporan Data Kinerja ({sumber_di}).",
    ),
    "content.c004": (
        "Capaian '{indikator}' tertulis {laporan} ({laporan_di}), padahal target {target} dan realisasi {realisasi} dengan rumus {rumus} memberi {dihitung}.",
        "The capaian of '{indikator}' reads {laporan} ({laporan_di}), but target {target} and realisasi {realisasi} under the formula {rumus} give {dihitung}.",
    ),
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
    "content.c006": (
        "Laporan ({dokumen_nama}) tidak memuat bagian '{bagian}' yang disyaratkan {sumber}.",
        "The report ({dokumen_nama}) lacks the part '{bagian}' required by {sumber}.",
    ),
    "content.c007": (
        "Angka {kolom} '{indikator}' berubah setelah ditandatangani: {disahkan} di laporan yang disahkan ({disahkan_di}), {distribusi} di laporan yang didistribusikan ({distribusi_di}).",
        "The {kolom} of '{indikator}' changed after signing: {disahkan} in the signed report ({disahkan_di}), {distribusi} in the distributed one ({distribusi_di}).",
    ),
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
    if isinstance(value, Where):  # before tuples in general
        if value.page is None:
            return value.name
        return f"{value.name}, {'p.' if lang == 'en' else 'hlm.'} {value.page}"
    if isinstance(value, TypeNames):  # before tuples in general
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


class Where(NamedTuple):
    """A figure's place for a message: a document's name and its page ("Dokumen IKU, hlm. 2")."""

    name: str
    page: int | None


class Nested(str):
    """A message id passed as an argument, rendered in the report's language.

    A type, not a prefix: any text can come from a manifest (a value `@x` once made E000).
    """
