"""The E family: a dossier that cannot be assessed (verdict TIDAK DAPAT DINILAI).

Found in several stages, hence a module of its own: while the manifest is read and built
(``load.yamlread``, ``load.manifest``, ``load.build``) and its attachments inspected
(``load.attachments``: E006), before any check runs; when a folder cannot be listed (E001);
and when the checker itself fails on a dossier (E000).
E findings are never hidden by ``--select`` or ``--ignore``. The messages about reading a
YAML file serve the rules files too (``load.sop``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lapkin_audit.lang import messages
from lapkin_audit.model import ERROR, Bilingual, Rule
from lapkin_audit.unassessable import reading

RULES = (
    Rule(
        "E000",
        ERROR,
        waivable=False,
        title=("Kesalahan internal pemeriksa", "Internal error of the checker"),
        akibat=(
            "Dossier ini belum dinilai; kegagalan ada pada alat, bukan pada kantor.",
            "This dossier is not assessed yet; the failure is the tool's, not the office's.",
        ),
        actors=("pengelola",),
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
        akibat=(
            "Daftar berkas tidak dapat dibaca, sehingga kepatuhan dossier tidak dapat dinilai.",
            "The daftar berkas cannot be read, so the dossier's compliance cannot be assessed.",
        ),
        actors=("tim",),
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
            "Manifest dossier.yaml tidak dapat dibaca: tidak ada, bukan berkas biasa, bukan UTF-8 (misalnya UTF-16 atau ANSI/Windows-1252; tanda BOM UTF-8 diterima), lebih dari 1 MiB, mengembang melebihi 100.000 nilai (bom alias) atau bersarang lebih dari 64 tingkat.",
            "The manifest dossier.yaml cannot be read: it is missing, not a regular file, not UTF-8 (UTF-16 or ANSI/Windows-1252, say; a UTF-8 byte-order mark is accepted), larger than 1 MiB, expands past 100,000 values (alias bombs) or nests deeper than 64 levels.",
        ),
        why=(
            "Catatan proses yang tidak dapat dibaca tidak dapat dinilai sama sekali; batas ukuran melindungi pemeriksa dari berkas yang dibuat untuk melumpuhkannya.",
            "A record of the run that cannot be read cannot be assessed at all; the size limits protect the checker from files made to cripple it.",
        ),
        fix=(
            "Simpan manifest sebagai UTF-8 (dengan atau tanpa BOM), bukan UTF-16 atau ANSI; pecah atau sederhanakan manifest yang terlalu besar atau bersarang terlalu dalam.",
            "Save the manifest as UTF-8 (with or without a byte-order mark), not UTF-16 or ANSI; split or simplify a manifest that is too large or nested too deep.",
        ),
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
    *reading.RULES,
    Rule(
        "E004",
        ERROR,
        waivable=False,
        title=("SOP, peran atau jenis dokumen tidak dikenal", "Unknown SOP, role or document kind"),
        akibat=(
            "Dossier tidak dapat dicocokkan dengan SOP yang berlaku, sehingga tidak dapat dinilai.",
            "The dossier cannot be matched to the SOP in force, so it cannot be assessed.",
        ),
        actors=("tim", "pengelola"),
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
        akibat=(
            "Menilai dossier dengan SOP yang belum berlaku akan menghasilkan simpulan yang keliru.",
            "Judging the dossier by an SOP not yet in force would give a wrong conclusion.",
        ),
        actors=("tim", "pengelola"),
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
        akibat=(
            "Lampiran tidak dapat diperiksa karena yang tersimpan hanya penunjuk Git LFS, bukan dokumennya.",
            "The attachments cannot be examined: only Git LFS pointers are stored, not the documents.",
        ),
        actors=("tim", "pengelola"),
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


@dataclass(frozen=True)
class Said:
    """One of these messages as the argument of a problem (a rules file that is not valid
    YAML): rendered in the language the problem is shown in."""

    message_id: str
    args: Mapping[str, Any]

    def text(self, lang: str) -> str:
        return render(self.message_id, self.args, lang)
