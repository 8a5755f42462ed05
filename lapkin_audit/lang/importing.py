"""Every word ``sop import`` and ``sop lint`` write into a rules file or print: Indonesian,
and English (``--lang en``). The defects' own messages are declared with their rules
(``authoring.sopimport.lint``).

Keys are stable ids (the tests compare them); the wording may improve.
"""

from __future__ import annotations

from typing import Any

GAPS: dict[str, tuple[str, str]] = {
    "no_name": ("Dokumen tidak memuat Nama SOP.", "The document gives no Nama SOP."),
    "no_effective_date": (
        "Dokumen tidak memuat Tanggal Efektif; proses hanya dapat dinilai terhadap SOP yang berlaku.",
        "The document gives no Tanggal Efektif; a run can only be audited against an SOP in effect.",
    ),
    "bad_date": ("Tanggal {text!r} tidak dapat dibaca.", "The date {text!r} cannot be read."),
    "citation_no_jenis": (
        "Jenis peraturan dalam {text!r} tidak dikenali; tulis jenisnya atau hapus butir ini.",
        "The kind of regulation in {text!r} is not recognised; write it, or remove the item.",
    ),
    "citation_no_nomor": (
        "Kutipan {text!r} tidak memuat nomor; cari peraturannya menurut judul dan tulis nomornya.",
        "The citation {text!r} gives no number; look the regulation up by its title and write it.",
    ),
    "citation_no_tahun": (
        "Kutipan {text!r} tidak memuat tahun; cari peraturannya menurut judul dan tulis tahunnya.",
        "The citation {text!r} gives no year; look the regulation up by its title and write it.",
    ),
    "no_flowchart": (
        "Tabel alur (No, Kegiatan, Pelaksana, Mutu Baku) tidak ditemukan.",
        "No flowchart table (No, Kegiatan, Pelaksana, Mutu Baku) was found.",
    ),
    "executors_lost": (
        "Tanda yang menunjukkan Pelaksana langkah ini hilang dari dokumen; pilih perannya (saran pertama: peran"
        " yang disebut dalam teks langkah, bila ada; kedua: semua peran).",
        "The marks that say which Pelaksana does this step are lost from the document; choose its roles (first"
        " suggestion: roles named in the step's text, if any; then every role).",
    ),
    "decision_targets": (
        "Langkah ini keputusan (teksnya bertanya), tetapi dokumen tidak menyebut ke langkah mana setiap jawaban"
        " mengarah.",
        "This step is a decision (its text asks a question) but the document does not say where each answer leads.",
    ),
    "decision_exit_missing": (
        "Langkah ini keputusan (belah ketupat), tetapi catatannya tidak menyebut kedua jalan keluarnya (Ya dan Tidak).",
        "This step is a decision (a diamond) but its record does not name both exits (Ya and Tidak).",
    ),
    "no_waktu": ("Langkah ini tidak memuat Waktu.", "The step has no Waktu."),
    "bad_waktu": (
        "Waktu {text!r} tidak dapat dibaca ({error}); tulis dengan satuan: menit, jam, hari (kerja).",
        "The Waktu {text!r} cannot be read ({error}); write it with a unit: menit, jam, hari (kerja).",
    ),
    "rate_total": (
        "{text!r} adalah waktu per {per}: batas langkah bergantung pada jumlahnya; tulis batas untuk dossier"
        " biasa sebagai `total`.",
        "{text!r} is a time per {per}: the step's limit depends on how many there are; write the limit for a usual"
        " dossier as `total`.",
    ),
    "no_total": ("Dokumen tidak memuat Jumlah Waktu Penyelesaian.", "The document gives no Jumlah Waktu Penyelesaian."),
    "total_not_sum": (
        "Jumlah waktu dokumen {text!r} bukan jumlah waktu langkah-langkahnya ({summed}).",
        "The document's total {text!r} is not the sum of its steps ({summed}).",
    ),
    "precondition_policy": (
        "Prasyarat: dokumen apa yang membuktikannya dan siapa yang wajib menandatanganinya adalah kebijakan yang"
        " tidak dinyatakan dokumen (tambahkan jenis dokumennya ke jenis_dokumen dengan berkas: true), atau"
        " sisakan `teks` saja bila dossier tidak perlu membuktikannya.",
        "A precondition: which document proves it and who must sign it is policy the document does not state (add"
        " the decree's kind to jenis_dokumen with berkas: true), or keep only `teks` if a dossier need not prove it.",
    ),
    "labels_detached": (
        "Dalam salinan ini label identitas terlepas dari nilainya (label-label berderet, nilainya di tempat"
        " lain); nilainya tidak dapat dipasangkan tanpa menebak. Saran: teks sesudah deretan label.",
        "In this copy the identity labels stand apart from their values (a run of labels, the values elsewhere);"
        " they cannot be paired without guessing. Suggestion: the text after the run of labels.",
    ),
    "columns_interleaved": (
        "Dua kolom ({label} dan pasangannya) bercampur baris demi baris dalam salinan ini; isinya tidak dapat"
        " dipisahkan tanpa menebak. Salin dari dokumen asli.",
        "Two columns ({label} and its neighbour) are interleaved line by line in this copy; their contents cannot"
        " be separated without guessing. Copy them from the original document.",
    ),
    "value_not_separable": (
        "Nilai {label} tercampur dengan teks di sekitarnya (kolom bersisian dalam salinan PDF); saran: baris"
        " sebelum dan sesudahnya.",
        "The value of {label} is mixed with the text around it (side-by-side columns in a PDF copy); suggestion:"
        " the lines before and after it.",
    ),
    "does_not_load": (
        "Berkas ini belum dapat dimuat pemeriksa: {error}",
        "The checker cannot load this file yet: {error}",
    ),
    "waiver_approver": (
        "Siapa yang boleh menyetujui pengecualian adalah kebijakan (bawaan: camat, yang tidak ada di antara"
        " Pelaksana SOP ini); pilih satu peran.",
        "Who may approve a waiver is policy (the default, camat, is not among this SOP's Pelaksana); choose a role.",
    ),
    "signer_not_separable": (
        "Disahkan oleh tidak dapat dipisahkan menjadi jabatan, nama, pangkat dan NIP; saran: teksnya.",
        "Disahkan oleh cannot be separated into jabatan, nama, pangkat and NIP; suggestion: its text.",
    ),
}

SUGGESTIONS: dict[str, tuple[str, str]] = {
    "more_sops": (
        "Nomor langkah mulai lagi sesudah langkah {after}: dokumen ini tampaknya memuat lebih dari satu SOP;"
        " hanya yang pertama diimpor. Pisahkan dokumennya, satu SOP satu berkas.",
        "Step numbers start again after step {after}: the document seems to hold more than one SOP; only the"
        " first was imported. Split the document, one SOP a file.",
    ),
    "may_continue": (
        "Nilai ini mungkin berlanjut di baris berikutnya: {next!r}.",
        "The value may continue on the next line: {next!r}.",
    ),
}

# Why a source cannot be read (the detail of a refusal).
DETAILS: dict[str, tuple[str, str]] = {
    "too_costly": ("lebih dari {seconds} detik CPU", "more than {seconds} s of CPU"),
    "too_much_memory": ("lebih dari {mib} MiB memori", "more than {mib} MiB of memory"),
    "crashed": ("pembacanya berhenti: {detail}", "its reader stopped: {detail}"),
    "cannot_start": ("pembacanya tidak dapat dijalankan ({error})", "its reader could not start ({error})"),
    "cannot_open": ("tidak dapat dibuka ({error})", "cannot be opened ({error})"),
    "not_regular": ("bukan berkas biasa", "not a regular file"),
    "too_large": ("lebih dari {mib} MiB", "larger than {mib} MiB"),
    "nul_bytes": ("memuat bita NUL", "it holds NUL bytes"),
    "not_utf8": ("bita ke-{byte}", "byte {byte}"),
    "bad_json": ("JSON tidak sah ({error})", "not valid JSON ({error})"),
    "not_esop": (
        "berkas JSON yang bukan ekspor e-SOP (openSOP: judulSOP, aktivitas)",
        "a JSON file that is not an e-SOP export (openSOP: judulSOP, aktivitas)",
    ),
    "too_many": ("lebih dari {count} {what}", "more than {count} {what}"),
    "too_deep": ("HTML bersarang lebih dari {depth} tingkat", "HTML nested deeper than {depth} levels"),
    "zip_bomb": (
        "DOCX yang mengembang menjadi {size} bita (batas {limit}): ditolak sebagai bom zip",
        "a DOCX that unpacks to {size} bytes (limit {limit}): refused as a zip bomb",
    ),
    "not_docx": (
        "berkas zip tanpa word/document.xml: bukan dokumen Word",
        "a zip file without word/document.xml: not a Word document",
    ),
    "bad_zip": (
        "berkas zip rusak: bukan dokumen Word yang dapat dibaca",
        "a damaged zip file: not a readable Word document",
    ),
    "no_docx_reader": ("membaca DOCX memerlukan python-docx", "reading DOCX needs python-docx"),
    "bad_docx": ("dokumen Word tidak dapat dibaca ({error})", "the Word document cannot be read ({error})"),
    "nested": ("bersarang terlalu dalam", "nested too deeply"),
}

ASSUMPTIONS: dict[str, tuple[str, str]] = {
    "calendar": (
        "Dokumen tidak menyebut kalender kerja kantor: kalender kerja nasional diasumsikan.",
        "The document names no office calendar: the national working calendar is assumed.",
    ),
    "periodic": (
        'Nama SOP atau keluaran langkahnya menyebut "{kata}": SOP ini diasumsikan menghasilkan laporan'
        " untuk suatu periode (setiap dossier menyebut `periode`, dan W004 berlaku). Ubah ke false bila tidak.",
        "The SOP's name or its steps' outputs say \"{kata}\": the SOP is assumed to produce a report for a"
        " period (every dossier names its `periode`, and W004 applies). Set it to false if not.",
    ),
    "not_periodic": (
        "Nama SOP dan keluaran langkahnya tidak menyebut suatu periode: SOP ini diasumsikan tidak menghasilkan"
        " laporan berkala. Ubah ke true bila menghasilkan laporan triwulanan, semesteran atau tahunan.",
        "Neither the SOP's name nor its steps' outputs name a period: the SOP is assumed to produce no periodic"
        " report. Set it to true if it produces a quarterly, half-yearly or yearly report.",
    ),
}

HEADER: dict[str, tuple[str, str]] = {
    "imported": (
        "Diimpor oleh `lapkin-audit sop import` dari {source}. Setiap nilai yang diambil dari dokumen"
        " menyimpan teks aslinya di sumber.teks_asli.",
        "Imported by `lapkin-audit sop import` from {source}. Every value taken from the document keeps its"
        " original text in sumber.teks_asli.",
    ),
    "incomplete": (
        "BELUM LENGKAP: {count} celah (lihat `celah`) harus dilengkapi orang, lalu dihapus dari `celah`;"
        " sampai itu berkas ini tidak dimuat.",
        "INCOMPLETE: {count} gaps (see `celah`) must be completed by a person, then removed from `celah`;"
        " until then this file does not load.",
    ),
    "complete": ("Lengkap: tidak ada celah.", "Complete: no gaps."),
}


# Why a source is refused (not an SOP AP, or not readable as a document).
REFUSALS: dict[str, tuple[str, str]] = {
    "standar_pelayanan": (
        "{path}: ini Standar Pelayanan (ditemukan: {found}), bukan SOP AP: tidak ada tabel identitas (Nomor SOP,"
        " Disahkan oleh) dan tabel alur dengan Mutu Baku. Standar Pelayanan tidak dapat diimpor sebagai aturan.",
        "{path}: this is a Standar Pelayanan (found: {found}), not an SOP AP: it has no identity table (Nomor SOP,"
        " Disahkan oleh) and no flowchart with Mutu Baku. A Standar Pelayanan cannot be imported as rules.",
    ),
    "spo": (
        "{path}: ini SPO fasilitas kesehatan (ditemukan: {found}), bukan SOP AP (PermenPAN-RB 35/2012): tidak ada"
        " tabel alur dengan Pelaksana dan Mutu Baku.",
        "{path}: this is a health-facility SPO (found: {found}), not an SOP AP (PermenPAN-RB 35/2012): it has no"
        " flowchart with Pelaksana and Mutu Baku.",
    ),
    "unknown": (
        "{path}: bukan SOP AP: tabel identitas (Nomor SOP, Tanggal Efektif, Disahkan oleh, Nama SOP) dan tabel alur"
        " (Kegiatan, Mutu Baku) tidak ditemukan.",
        "{path}: not an SOP AP: no identity table (Nomor SOP, Tanggal Efektif, Disahkan oleh, Nama SOP) and no"
        " flowchart (Kegiatan, Mutu Baku) were found.",
    ),
    "size": ("{path}: {detail}; ditolak.", "{path}: {detail}; refused."),
    "binary": (
        "{path}: bukan dokumen teks, HTML, DOCX atau JSON yang dapat dibaca ({detail}).",
        "{path}: not a readable text, HTML, DOCX or JSON document ({detail}).",
    ),
    "encoding": (
        "{path}: bukan UTF-8; simpan ulang sebagai UTF-8 ({detail}).",
        "{path}: not UTF-8; save it again as UTF-8 ({detail}).",
    ),
    "nesting": ("{path}: {detail}; ditolak.", "{path}: {detail}; refused."),
    "shape": ("{path}: {detail}.", "{path}: {detail}."),
    "cost": (
        "{path}: dokumen ini tidak selesai dibaca dalam batas pembacaan ({detail}); ditolak. Simpan ulang"
        " dokumennya (misalnya sebagai DOCX dari pengolah kata) lalu impor lagi.",
        "{path}: this document could not be read within the reading limits ({detail}); refused. Save the"
        " document again (for instance as DOCX from a word processor) and import it again.",
    ),
}


# What the commands print about what they did.
SUMMARY: dict[str, tuple[str, str]] = {
    "written": ("{path}: SOP {id!r} ditulis, lengkap.", "{path}: SOP {id!r} written, complete."),
    "gaps": (
        "{path}: SOP {id!r} ditulis dengan {count} celah yang harus dilengkapi (lihat `celah` dalam berkas):",
        "{path}: SOP {id!r} written with {count} gaps to complete by hand (see `celah` in the file):",
    ),
    "clean": ("{path}: tidak ada cacat.", "{path}: no defects."),
    "completed": (
        "Diimpor dari {source} dan dilengkapi dengan kebijakan {policy} (`sop import --lengkapi-dari`).",
        "Imported from {source} and completed with the policy of {policy} (`sop import --lengkapi-dari`).",
    ),
    "differences": (
        "{count} perbedaan antara dokumen dan berkas aturan (dokumen / aturan):",
        "{count} differences between the document and the rules file (dokumen / aturan):",
    ),
    "unreadable": (
        "{path}: berkas aturan tidak dapat dibaca: {detail}",
        "{path}: the rules file cannot be read: {detail}",
    ),
}


def pick(pair: tuple[str, str], lang: str, **args: Any) -> str:
    return pair[1 if lang == "en" else 0].format(**args)
