"""The words of the evidence and content summaries (evidence.md, content.md), in both
languages: levels of evidence and where a document's text came from, for every format,
and the capaian table of the HTML report."""

from __future__ import annotations

from typing import Any

# Levels of evidence and where a document's text came from (evidence.md), for every format.
EVIDENCE_WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "source": {"teks": "lapisan teks", "ocr": "OCR", None: "tidak terbaca"},
        "problem": {
            "unknown_format": "format tidak dikenal",
            "damaged": "rusak",
            "encrypted": "terenkripsi",
            "hostile": "ditolak (berbahaya)",
            "too_large": "terlalu besar",
            "timeout": "batas waktu",
            "memory": "batas memori",
            "crashed": "pembaca berhenti",
            "no_ocr": "tanpa OCR",
            "ocr_unsure": "OCR ragu",
            "no_text": "tanpa teks",
            "missing": "tidak ada",
            "empty": "kosong",
            "outside": "di luar dossier",
            "lfs_pointer": "penunjuk Git LFS",
            "not_file": "bukan berkas",
            "unreadable": "tak terbaca",
        },
        "claim": {
            "dokumen": "dokumen ada",
            "dasar_hukum": "dasar hukum",
            "nomor": "nomor",
            "anggota": "anggota",
            "paraf": "paraf",
            "tanda_tangan": "tanda tangan",
        },
        # What the signature block says of a declared paraf or signature (model.BLOCK_SAYS).
        "block": {
            "declared": "bloknya menyebut orang yang dinyatakan",
            "other": "bloknya menyebut orang lain",
            "on_behalf": "bloknya ditandatangani a.n./u.b.",
            "absent": "teksnya tanpa blok untuk jabatan itu",
        },
        "line": "Bukti: {files} berkas dibaca ({teks} lapisan teks, {ocr} OCR, {none} tidak terbaca); "
        "klaim: {level_teks} teks, {level_dinyatakan} dinyatakan, {level_kriptografis} kriptografis",
        "level": {"dinyatakan": "dinyatakan", "teks": "teks", "kriptografis": "kriptografis"},
        "confidence": "keyakinan {n}%",
        "basis": {"timestamp": "cap waktu", "signer": "menurut penanda tangan", None: "tanpa waktu"},
        "tte_status": {
            "valid": "sah",
            "partial": "sah sebagian",
            "unchecked": "tidak diperiksa",
            "broken": "rusak",
            "untrusted": "tidak tepercaya",
            "invalid": "sertifikat tidak berlaku",
        },
        "partial": {
            "no_roots": "tanpa akar tepercaya",
            "no_timestamp": "tanpa cap waktu",
            "no_revocation": "tanpa data pencabutan",
            "unreadable": "tidak dapat dinilai pemeriksa",
        },
        "tte_line": "; TTE: {signatures} tanda tangan ({signatures_valid} sah)",
        "for_mark": "untuk {mark}",
    },
    "en": {
        "source": {"teks": "text layer", "ocr": "OCR", None: "not readable"},
        "problem": {
            "unknown_format": "unknown format",
            "damaged": "damaged",
            "encrypted": "encrypted",
            "hostile": "refused (hostile)",
            "too_large": "too large",
            "timeout": "time limit",
            "memory": "memory limit",
            "crashed": "reader stopped",
            "no_ocr": "no OCR",
            "ocr_unsure": "OCR unsure",
            "no_text": "no text",
            "missing": "missing",
            "empty": "empty",
            "outside": "outside the dossier",
            "lfs_pointer": "Git LFS pointer",
            "not_file": "not a file",
            "unreadable": "unreadable",
        },
        "claim": {
            "dokumen": "document exists",
            "dasar_hukum": "legal basis",
            "nomor": "number",
            "anggota": "member",
            "paraf": "paraf",
            "tanda_tangan": "tanda tangan",
        },
        "block": {
            "declared": "its block names the declared person",
            "other": "its block names someone else",
            "on_behalf": "its block is signed a.n./u.b. (on behalf)",
            "absent": "its text has no block for that office",
        },
        "line": "Evidence: {files} files read ({teks} text layer, {ocr} OCR, {none} not readable); "
        "claims: {level_teks} teks, {level_dinyatakan} dinyatakan, {level_kriptografis} kriptografis",
        "level": {"dinyatakan": "dinyatakan (declared)", "teks": "teks (in the text)", "kriptografis": "kriptografis"},
        "confidence": "confidence {n}%",
        "basis": {"timestamp": "timestamp", "signer": "the signer's claim", None: "no time"},
        "tte_status": {
            "valid": "valid",
            "partial": "valid in part",
            "unchecked": "not checked",
            "broken": "broken",
            "untrusted": "not trusted",
            "invalid": "certificate not valid",
        },
        "partial": {
            "no_roots": "no trust roots",
            "no_timestamp": "no timestamp",
            "no_revocation": "no revocation data",
            "unreadable": "the checker could not evaluate it",
        },
        "tte_line": "; TTE: {signatures} signatures ({signatures_valid} valid)",
        "for_mark": "for the {mark}",
    },
}


def evidence_line(results: Any, lang: str) -> str:
    """The short form of the evidence of one or more ``DossierResult``s, one line in any format."""
    from lapkin_audit.model import evidence_counts

    words = EVIDENCE_WORDS["en" if lang == "en" else "id"]
    counts = evidence_counts(results)
    line = str(words["line"]).format(**counts)
    return line + str(words["tte_line"]).format(**counts) if counts["signatures"] else line


# ----------------------------------------------------------------------------- content.md
# The capaian table of the HTML report (report/capaian_html.py).
CONTENT_WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "title": "Capaian kinerja dan anggaran menurut laporan",
        "heads": ("No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)", "Arah · rumus", "Kode"),
        "budget_heads": ("Satuan", "Pagu", "Realisasi anggaran", "%"),
        "page": "hlm.",
        "computed": "dihitung",
        "assumed": "dianggap",
        "not_reported": "(tidak dilaporkan)",
        "no_table": "Tabel capaian tidak terbaca; lihat temuan C008.",
        "unknown_direction": "arah tidak diketahui",
        "direction": {"naik": "↑ naik", "turun": "↓ turun"},
    },
    "en": {
        "title": "Performance and budget as the report states them",
        "heads": ("No", "Indicator", "Unit", "Target", "Realisasi", "Capaian (%)", "Direction · formula", "Codes"),
        "budget_heads": ("Unit", "Pagu", "Realisasi anggaran", "%"),
        "page": "p.",
        "computed": "computed",
        "assumed": "assumed",
        "not_reported": "(not reported)",
        "no_table": "No capaian table could be read; see the C008 findings.",
        "unknown_direction": "direction unknown",
        "direction": {"naik": "↑ higher", "turun": "↓ lower"},
    },
}
