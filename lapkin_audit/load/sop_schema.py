"""The cerberus schema of an SOP rules file (``rules/sop/*.yaml``; format in docs/rules-format.md).

Unknown keys are refused at every level; ``load.sop`` builds the model from what passes.
"""

from __future__ import annotations

from typing import Any

_ID = {"type": "string", "regex": "[a-z0-9_-]+", "required": True}
_TEXT = {"type": "string"}
_TEXTS = {"type": "list", "schema": {"type": "string"}}
_ROLE_LIST = {"type": "list", "schema": {"type": "string"}}
_LINKED = {
    "type": "list",
    "schema": {"type": "dict", "schema": {"nama": {"type": "string", "required": True}, "dokumen": _TEXT}},
}

# A date, or a month ("2020-06") when the SOP gives no day; null when it writes "-".
_MONTH = {"type": "string", "regex": r"\d{4}-(0[1-9]|1[0-2])"}
_DATE_OR_MONTH = {"anyof": [{"type": "date"}, _MONTH], "nullable": True}
# Mutu Baku: Waktu as written (see lapkin_audit.domain.waktu), or with the limit of a
# whole step whose time is a rate ("3 menit/berkas").
_WAKTU = {
    "anyof": [
        {"type": "string"},
        {"type": "dict", "schema": {"teks": {"type": "string", "required": True}, "total": {"type": "string"}}},
    ],
    "required": True,
}
_NOTES = {
    "type": "list",
    "schema": {
        "type": "dict",
        "schema": {"bidang": {"type": "string", "required": True}, "teks": {"type": "string", "required": True}},
    },
}

SOP_SCHEMA: dict[str, Any] = {
    "id": _ID,
    "nama": {"type": "string", "required": True},
    "unit": _TEXT,
    "nomor": _TEXT,
    "tanggal_pembuatan": _DATE_OR_MONTH,
    "tanggal_revisi": _DATE_OR_MONTH,
    "tanggal_efektif": {"anyof": [{"type": "date"}, _MONTH], "required": True},
    "disahkan_oleh": {
        "type": "dict",
        "schema": {"jabatan": _TEXT, "nama": _TEXT, "pangkat": _TEXT, "nip": {"type": ["string", "integer"]}},
    },
    "kalender": {"type": "string", "required": True},
    "dasar_hukum": {
        "type": "list",
        "required": True,
        "schema": {
            "type": "dict",
            "schema": {
                "jenis": {"type": "string", "required": True},
                "nomor": {"type": "string", "required": True, "empty": False},
                "tahun": {"type": "integer", "required": True, "min": 1945, "max": 2100},
                "judul": _TEXT,
                "teks_asli": _TEXT,
            },
        },
    },
    "kualifikasi_pelaksana": _TEXTS,
    "keterkaitan": _LINKED,
    "peralatan": _LINKED,
    "pencatatan": _TEXTS,
    "peringatan": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                "teks": {"type": "string", "required": True},
                # Without dokumen and ditandatangani_oleh the warning is documented only.
                "dokumen": {"type": "string", "dependencies": "ditandatangani_oleh"},
                "ditandatangani_oleh": {"type": "string", "dependencies": "dokumen"},
                "sebelum_langkah_pertama": {"type": "boolean", "default": True},
                "mencakup_seluruh_proses": {"type": "boolean", "default": True},
                "anggota_untuk_peran": _TEXT,
            },
        },
    },
    "pejabat_wajib": _ROLE_LIST,
    "pengecualian_disetujui_oleh": {"type": "string", "default": "camat"},
    # The SOP produces a periodic report (a Laporan Kinerja per triwulan): a dossier then
    # names its periode, and W004 applies. A service SOP (a Surat Keterangan) does not.
    "laporan_berkala": {"type": "boolean", "default": False},
    "peran": {"type": "dict", "required": True, "keysrules": _ID, "valuesrules": {"type": "string"}},
    # The retirement age (BUP) of a role's office and its legal source: P007 reports an act
    # after it. A role without one is checked against its holders' TMT only.
    "batas_usia_pensiun": {
        "type": "dict",
        "keysrules": _ID,
        "valuesrules": {
            "type": "dict",
            "schema": {
                "usia": {"type": "integer", "required": True, "min": 18, "max": 100},
                "sumber": {"type": "string", "required": True, "empty": False},
            },
        },
    },
    "jenis_dokumen": {
        "type": "dict",
        "required": True,
        "keysrules": _ID,
        "valuesrules": {
            "type": "dict",
            "schema": {
                "nama": {"type": "string", "required": True},
                "berkas": {"type": "boolean"},
                "paraf": _ROLE_LIST,
                "tanda_tangan": _ROLE_LIST,
                "mengutip_dasar_hukum": {"type": "boolean"},
                "tte": {"type": "boolean"},  # its paraf and tanda tangan must be electronic signatures
                # evidence.md, rules additions: what the attachment's bytes may be, which
                # kinds may be the very same file, and whether its text names the period.
                "format": {
                    "type": "list",
                    "schema": {"type": "string", "allowed": ["pdf", "docx", "xlsx", "jpeg", "png", "tiff"]},
                },
                "berkas_sama_dengan": {"type": "list", "schema": {"type": "string"}},
                "menyebut_periode": {"type": "boolean"},
            },
        },
    },
    "langkah": {
        "type": "list",
        "required": True,
        "minlength": 1,
        "schema": {
            "type": "dict",
            "schema": {
                "nomor": {"type": "integer", "required": True, "min": 1},
                "kegiatan": {"type": "string", "required": True},
                "ringkas": _TEXT,
                "pelaksana": {**_ROLE_LIST, "required": True, "minlength": 1},
                "kelengkapan": _ROLE_LIST,
                "waktu": _WAKTU,
                "output": _ROLE_LIST,
                "keterangan": _TEXT,
                "keputusan": {"type": "dict", "keysrules": {"type": "string"}, "valuesrules": {"type": "integer"}},
            },
        },
    },
    "jumlah_waktu": {"type": "string", "required": True},
    # What the report's content must say (content.md): see ISI_SCHEMA.
    "isi": {"type": "dict"},
    # Assumptions the file makes where its SOP document is silent, as data.
    "asumsi": _NOTES,
    # Notes `sop import` leaves for the person completing the file (never checked).
    "saran": _NOTES,
    # Where the file came from (written by `sop import`): the document, its SHA-256, its
    # shape, and the original text of every value taken from it (field path -> text).
    "sumber": {
        "type": "dict",
        "schema": {
            "berkas": {"type": "string"},
            "sha256": {"type": "string", "regex": "[0-9a-f]{64}"},
            "bentuk": {"type": "string", "allowed": ["teks", "html", "docx", "json"]},
            "teks_asli": {"type": "dict", "keysrules": {"type": "string"}, "valuesrules": {"type": "string"}},
        },
    },
}
