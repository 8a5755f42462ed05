"""The words the commands print besides reports (``hash``, ``init``, ``check``'s notes and
``--show-settings``, ``rules list`` and ``rules explain``), and the comments of ``init``'s
skeleton, in both languages."""

from __future__ import annotations

from typing import Any

# authoring/hashing.py, `lapkin-audit hash`
HASH: dict[str, Any] = {
    "id": {
        "results": {
            "added": "ditambahkan",
            "updated": "diperbarui",
            "same": "sudah benar",
            "lfs_same": "cocok dengan penunjuk Git LFS",
            "not_hashed": "tidak di-hash",
        },
        # --check writes nothing: it says what is wrong, never what it changed.
        "results_check": {
            "added": "belum diisi",
            "updated": "salah",
            "same": "sudah benar",
            "lfs_same": "cocok dengan penunjuk Git LFS",
            "not_hashed": "tidak di-hash",
        },
        "nothing": "tidak ada berkas lampiran",
        "not_hashed": "{berkas}: tidak di-hash: {reason}",
        "added": "{berkas}: sha256 belum diisi",
        "updated": "{berkas}: sha256 tidak cocok dengan isi berkasnya",
        "lfs_same": "{berkas}: penunjuk Git LFS; sha256 cocok dengan oid-nya, tetapi dokumennya belum diambil (git lfs pull)",
        "unnamed": "{berkas}: ada di folder, tetapi tidak disebut di manifest",
        "unreadable": "{path}: manifest tidak dapat dibaca, tidak diubah ({reason})",
        "unwritable": "{path}: manifest tidak dapat ditulis, tidak diubah ({error})",
        "blank_document": "dokumen '{jenis}'",
    },
    "en": {
        "results": {
            "added": "added",
            "updated": "updated",
            "same": "already right",
            "lfs_same": "matching a Git LFS pointer",
            "not_hashed": "not hashed",
        },
        "results_check": {
            "added": "missing",
            "updated": "wrong",
            "same": "already right",
            "lfs_same": "matching a Git LFS pointer",
            "not_hashed": "not hashed",
        },
        "nothing": "no attachments",
        "not_hashed": "{berkas}: not hashed: {reason}",
        "added": "{berkas}: sha256 missing",
        "updated": "{berkas}: sha256 does not match the file's content",
        "lfs_same": "{berkas}: a Git LFS pointer; the sha256 matches its oid, but the document was not fetched (git lfs pull)",
        "unnamed": "{berkas}: in the folder, but the manifest does not name it",
        "unreadable": "{path}: the manifest cannot be read, left unchanged ({reason})",
        "unwritable": "{path}: the manifest cannot be written, left unchanged ({error})",
        "blank_document": "document '{jenis}'",
    },
}

# Why an attachment was not hashed, by the key authoring.hashing gives (the attachment's
# status from load.attachments, or its own): words, never the codes themselves.
HASH_REASONS: dict[str, dict[str, str]] = {
    "id": {
        "blank": "berkas belum diisi",
        "not_text": "berkas bukan teks",
        "missing": "berkasnya tidak ada",
        "missing_similar": "berkasnya tidak ada; maksud Anda '{detail}'?",
        "empty": "berkasnya kosong (0 bita)",
        "not_file": "bukan berkas biasa (folder, FIFO atau perangkat)",
        "unreadable": "tidak dapat dibaca ({detail})",
        "outside": "di luar folder dossier",
        "lfs_pointer": "penunjuk Git LFS, bukan dokumennya: jalankan git lfs pull, lalu hash lagi",
        "lfs_mismatch": (
            "penunjuk Git LFS yang oid-nya berbeda dengan sha256 di manifest: jalankan git lfs pull, lalu hash lagi"
        ),
        "cannot_place": "sha256 tidak dapat ditulis di tempatnya tanpa mengubah nilai lain; tulis sendiri: {detail}",
    },
    "en": {
        "blank": "berkas is not filled in yet",
        "not_text": "berkas is not text",
        "missing": "the file does not exist",
        "missing_similar": "the file does not exist; did you mean '{detail}'?",
        "empty": "the file is empty (0 bytes)",
        "not_file": "not a regular file (a folder, FIFO or device)",
        "unreadable": "cannot be read ({detail})",
        "outside": "outside the dossier folder",
        "lfs_pointer": "a Git LFS pointer, not the document: run git lfs pull, then hash again",
        "lfs_mismatch": "a Git LFS pointer whose oid differs from the manifest's sha256: run git lfs pull, then hash again",
        "cannot_place": "the sha256 cannot be written in place without changing another value; write it yourself: {detail}",
    },
}

CLI: dict[str, Any] = {
    "id": {
        "init_done": "Kerangka dossier ditulis: {path}. Isi nilainya, lalu: lapkin-audit check {folder}",
        "schema_written": "Skema JSON untuk editor ditulis: {path} (commit bersama dossier-nya).",
        "progress": "Memeriksa",
        # check --show-settings
        "config_file": "berkas konfigurasi: {label}",
        "no_config_file": "(tidak ada)",
        "settings_headers": ("setelan", "nilai", "sumber"),
        "command_line": "baris perintah",
        "default": "bawaan",
    },
    "en": {
        "init_done": "Dossier skeleton written: {path}. Fill in its values, then: lapkin-audit check {folder}",
        "schema_written": "JSON Schema for editors written: {path} (commit it with the dossiers).",
        "progress": "Checking",
        "config_file": "configuration file: {label}",
        "no_config_file": "(none)",
        "settings_headers": ("setting", "value", "source"),
        "command_line": "command line",
        "default": "default",
    },
}


# authoring/ruledocs.py
RULE_DOCS: dict[str, Any] = {
    "id": {
        "headers": ("Kode", "Kelompok", "Tingkat", "Dapat dikecualikan", "Judul"),
        "waivable": ("tidak", "ya"),
        "waivable_long": ("tidak dapat dikecualikan", "dapat dikecualikan"),
        "sections": (
            "Yang diperiksa",
            "Mengapa",
            "Klausul SOP",
            "Cara memperbaiki",
            "Contoh yang melanggar",
            "Contoh yang patuh",
        ),
        "encoding": "disimpan dalam pengodean {encoding}, bukan UTF-8",
    },
    "en": {
        "headers": ("Code", "Family", "Severity", "Waivable", "Title"),
        "waivable": ("no", "yes"),
        "waivable_long": ("not waivable", "waivable"),
        "sections": ("What it checks", "Why", "SOP clause", "How to fix", "Failing example", "Passing example"),
        "encoding": "saved in the {encoding} encoding, not UTF-8",
    },
}


# authoring/skeleton.py
SKELETON: dict[str, Any] = {
    "id": {
        "title": "Dossier {sop} ({nomor}): kerangka yang dibuat oleh lapkin-audit init.",
        "fill": 'Isi setiap "" dan null, lampirkan berkas di lampiran/, lalu periksa: lapkin-audit check <folder ini>.',
        "format": "Format dossier versi 1. Waktu tanpa zona dibaca sebagai waktu setempat (zona_waktu).",
        "instansi": "Nama kantor",
        "zona": "WIB; WITA: Asia/Makassar; WIT: Asia/Jayapura",
        "periode": "tahun, mis. 2024; jenis: bulanan, triwulan, semester atau tahunan; ke: nomor periodenya",
        "pejabat": "Pejabat yang menjabat selama proses (NIP 18 digit; spasi boleh)",
        "dokumen": "Dokumen",
        "precondition": "Peringatan: {text}",
        "members": "anggota tim (yang bertindak sebagai {role} harus tercantum di sini)",
        "input_of": "kelengkapan langkah {steps}",
        "output_of": "output langkah {steps}",
        "peralatan": "Peralatan",
        "keterkaitan": "Keterkaitan: {name}",
        "file": "berkas di folder dossier, mis. lampiran/nama-berkas.pdf",
        "paraf": "paraf {role}",
        "ttd": "tanda tangan {role}",
        "cite": "kutipan dasar hukum sebagaimana tertulis di laporan, mis. {example}",
        "langkah": "Langkah, dalam urutan terjadinya; ulangi langkah bila draft diperbaiki",
        "step": "Langkah {nomor}: {kegiatan} (waktu baku {waktu})",
        "roles": "peran yang diberikan SOP: {roles}",
        "when": "mis. 2024-07-01T07:45",
        "decision": "hasil: {choices}",
        "anchors": "(ditulis sekali; &camat di sini, <<: *camat di tempat lain)",
        "sha256": "isi dengan: lapkin-audit hash <folder ini>",
        "waiver": "Contoh pengecualian, bila Camat menyetujuinya (hapus tanda # untuk memakainya):",
        "waiver_reason": "Alasan yang disetujui Camat",
    },
    "en": {
        "title": "Dossier {sop} ({nomor}): skeleton written by lapkin-audit init.",
        "fill": 'Fill in every "" and null, put the files in lampiran/, then check: lapkin-audit check <this folder>.',
        "format": "Dossier format version 1. Times without a zone are local time (zona_waktu).",
        "instansi": "Name of the office",
        "zona": "WIB; WITA: Asia/Makassar; WIT: Asia/Jayapura",
        "periode": "tahun, e.g. 2024; jenis: bulanan, triwulan, semester or tahunan; ke: which period",
        "pejabat": "Office holders during the run (18-digit NIP; spaces allowed)",
        "dokumen": "Documents",
        "precondition": "Peringatan: {text}",
        "members": "team members (whoever acts as {role} must be listed here)",
        "input_of": "input of step {steps}",
        "output_of": "output of step {steps}",
        "peralatan": "Peralatan (equipment)",
        "keterkaitan": "Keterkaitan (related SOP): {name}",
        "file": "a file in the dossier folder, e.g. lampiran/file-name.pdf",
        "paraf": "paraf (initials) of {role}",
        "ttd": "signature of {role}",
        "cite": "legal basis as the report cites it, e.g. {example}",
        "langkah": "Steps, in the order they happened; repeat steps when the draft is sent back",
        "step": "Step {nomor}: {kegiatan} (standard time {waktu})",
        "roles": "roles the SOP gives it: {roles}",
        "when": "e.g. 2024-07-01T07:45",
        "decision": "hasil: {choices}",
        "anchors": "(typed once: &camat here, <<: *camat elsewhere)",
        "sha256": "filled in by: lapkin-audit hash <this folder>",
        "waiver": "A waiver, if the Camat approves one (remove the # to use it):",
        "waiver_reason": "The reason the Camat approved",
    },
}
