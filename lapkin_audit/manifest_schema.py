"""The cerberus schema of dossier.yaml, format 1 (spec: dossier-format.md).

Unknown keys are rejected at every level (a typo must never be ignored silently).
Rules that need the SOP (which roles and document kinds exist) are checked in
``dossier.py`` after this schema passes.
"""

from __future__ import annotations

import datetime as dt

import cerberus

JENIS_PERIODE = ("bulanan", "triwulan", "semester", "tahunan")
STATUS_PEJABAT = ("definitif", "plt", "plh")


def _person(peran_required: bool, with_tanggal: bool = False) -> dict:
    schema = {
        "nama": {"type": "string", "required": True, "empty": False},
        "nip": {"type": "nip"},
        "peran": {"type": "string", "required": peran_required, "empty": False},
        "status": {"type": "string", "allowed": STATUS_PEJABAT},
    }
    if with_tanggal:
        schema["tanggal"] = {"type": "temporal", "required": True}
    return {"type": "dict", "schema": schema}


def _list_of(item: dict, **extra: object) -> dict:
    return {"type": "list", "schema": item, **extra}


_TEXT = {"type": "string"}
_DATE = {"type": "temporal"}

DOSSIER_SCHEMA: dict = {
    "format": {"type": "integer", "required": True},
    "sop": {"type": "string", "required": True, "empty": False},
    "instansi": {
        "type": "dict",
        "required": True,
        "schema": {
            "nama": {"type": "string", "required": True, "empty": False},
            "pemerintah": _TEXT,
            "zona_waktu": {"type": "string", "empty": False},
        },
    },
    "periode": {
        "type": "dict",
        "required": True,
        "schema": {
            "tahun": {"type": "integer", "required": True, "min": 1945, "max": 2100},
            "jenis": {"type": "string", "required": True, "allowed": JENIS_PERIODE},
            "ke": {"type": "integer", "min": 1},
        },
    },
    "pejabat": {
        "type": "dict",
        "required": True,
        "keysrules": {"type": "string"},
        "valuesrules": _person(peran_required=False),
    },
    "dokumen": _list_of(
        {
            "type": "dict",
            "schema": {
                "jenis": {"type": "string", "required": True, "empty": False},
                "judul": _TEXT,
                "nomor": _TEXT,
                "tanggal": _DATE,
                "berkas": {"type": "string", "empty": False},
                "sha256": {"type": "string", "regex": "[0-9a-fA-F]{64}"},
                "dasar_hukum": _list_of({"type": "string"}),
                "paraf": _list_of(_person(peran_required=True, with_tanggal=True)),
                "tanda_tangan": _list_of(_person(peran_required=True, with_tanggal=True)),
                "berlaku_mulai": _DATE,
                "berlaku_sampai": _DATE,
                "anggota": _list_of(_person(peran_required=False)),
            },
        },
        required=True,
    ),
    "langkah": _list_of(
        {
            "type": "dict",
            "schema": {
                "nomor": {"type": "integer", "required": True},
                "pelaksana": _list_of(_person(peran_required=True), required=True, minlength=1),
                "mulai": {"type": "temporal", "required": True},
                "selesai": {"type": "temporal", "required": True},
                "hasil": {"type": "string"},
                "catatan": _TEXT,
            },
        },
        required=True,
    ),
    "pengecualian": _list_of(
        {
            "type": "dict",
            "schema": {
                "aturan": {"type": "string", "required": True},
                "langkah": {"type": "integer"},
                "alasan": {"type": "string", "required": True},  # empty is X001, not a format error
                "disetujui_oleh": {**_person(peran_required=True), "required": True},
                "tanggal": _DATE,
            },
        },
    ),
}


class ManifestValidator(cerberus.Validator):
    """Adds the two value types of the format: a NIP and a date-or-datetime."""

    types_mapping = cerberus.Validator.types_mapping.copy()
    # YAML reads an unquoted 18-digit NIP as an integer; a bool is never a NIP.
    types_mapping["nip"] = cerberus.TypeDefinition("nip", (str, int), (bool,))
    # A date, a datetime (a date subclass), or a string we parse afterwards.
    types_mapping["temporal"] = cerberus.TypeDefinition("temporal", (dt.date, str), ())


_validator: ManifestValidator | None = None


def validator() -> ManifestValidator:
    """One validator per process: building it costs far more than using it."""
    global _validator
    if _validator is None:
        _validator = ManifestValidator(DOSSIER_SCHEMA, allow_unknown=False)
    return _validator
