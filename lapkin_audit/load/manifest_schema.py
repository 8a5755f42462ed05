"""The cerberus schema of dossier.yaml, format 1 (spec: dossier-format.md).

Unknown keys are rejected at every level (a typo must never be ignored silently).
Rules that need the SOP (which roles and document kinds exist) are checked in
``dossier.py`` after this schema passes.

Speed: cerberus costs ~10x the YAML parse of a manifest. So ``FastFirstValidator`` first runs a
check compiled from the same schema dict (``fast_valid``), which only says yes or
"ask cerberus"; cerberus runs, and explains, only the manifests that check refuses.
Every E003 therefore still comes from cerberus, word for word. The JSON Schema shipped
for editors (``schema/dossier.schema.json``) is also generated from this dict.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lapkin_audit.load.fastcheck import compile_mapping

JENIS_PERIODE = ("bulanan", "triwulan", "semester", "tahunan")
STATUS_PEJABAT = ("definitif", "plt", "plh")
# How a paraf or tanda tangan was made (evidence.md, format 1.1): an electronic signature in
# the PDF, wet ink, or an approval in an e-office workflow (SRIKANDI). Absent: not stated.
METODE = ("tte", "basah", "sistem")


def _person(peran_required: bool, with_tanggal: bool = False) -> dict[str, Any]:
    schema = {
        "nama": {"type": "string", "required": True, "empty": False},
        "nip": {"type": "nip", "empty": False},  # a blank left unfilled; without a NIP, omit the key
        "peran": {"type": "string", "required": peran_required, "empty": False},
        "status": {"type": "string", "allowed": STATUS_PEJABAT},
    }
    if with_tanggal:
        schema["tanggal"] = {"type": "temporal", "required": True}
        schema["metode"] = {"type": "string", "allowed": METODE}
    return {"type": "dict", "schema": schema}


def _list_of(item: dict[str, Any], **extra: object) -> dict[str, Any]:
    return {"type": "list", "schema": item, **extra}


# A key written with an empty value is a blank left unfilled (as `init` writes them), so
# it is reported with the other blanks; only `alasan` gives empty a meaning (X001).
_TEXT = {"type": "string", "empty": False}
_DATE = {"type": "temporal"}

DOSSIER_SCHEMA: dict[str, Any] = {
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
        # Required by SOPs that produce a periodic report (`laporan_berkala`), which only
        # the SOP knows: load.manifest asks for it once the SOP is resolved.
        "type": "dict",
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
                "dasar_hukum": _list_of({"type": "string", "empty": False}),
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
                "hasil": {"type": "string", "empty": False},
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


def _manifest_validator_class() -> type:
    import cerberus  # only a manifest the fast check refuses pays for cerberus
    from cerberus.errors import ErrorList

    class _UnsortedErrors(ErrorList):  # type: ignore[misc]  # cerberus has no types
        def sort(self, *args: Any, **kwargs: Any) -> None:
            pass

    class _NoTree:
        def add(self, error: Any) -> None:
            pass

    _NO_TREE = _NoTree()

    class ManifestValidator(cerberus.Validator):  # type: ignore[misc]  # cerberus has no types
        """Adds the two value types of the format: a NIP and a date-or-datetime."""

        types_mapping = cerberus.Validator.types_mapping.copy()
        # YAML reads an unquoted 18-digit NIP as an integer; a bool is never a NIP.
        types_mapping["nip"] = cerberus.TypeDefinition("nip", (str, int), (bool,))
        # A date, a datetime (a date subclass), or a string we parse afterwards.
        types_mapping["temporal"] = cerberus.TypeDefinition("temporal", (dt.date, str), ())

        # cerberus sorts its whole error list after every child's errors are added: with
        # n errors that is O(n^2) (4,000 unknown keys took 10 s, 100,000 hours). The list
        # is left unsorted here; load.manifest orders the findings once, at the end.
        @property
        def _errors(self) -> Any:
            return self.__dict__["_unsorted_errors"]

        @_errors.setter
        def _errors(self, value: Any) -> None:
            self.__dict__["_unsorted_errors"] = _UnsortedErrors(value)

        # The schema error tree is only ever added to (cerberus never reads it, nor do we),
        # and its root sorts every unknown-key error again on each addition: the other
        # O(n^2) of a manifest with many unknown keys. Additions go nowhere.
        @property
        def schema_error_tree(self) -> Any:
            return _NO_TREE

        @schema_error_tree.setter
        def schema_error_tree(self, value: Any) -> None:
            pass

    return ManifestValidator


def cerberus_validator() -> Any:
    """A cerberus validator of the dossier format (building one costs far more than using it)."""
    return _manifest_validator_class()(DOSSIER_SCHEMA, allow_unknown=False)


class FastFirstValidator:
    """The part of cerberus' interface that dossier.py uses (``validate``, ``_errors``).

    A manifest the compiled check accepts is valid without asking cerberus; any other is
    handed to cerberus, whose errors are then exactly those of a cerberus-only run. Its
    owner (a run's session) keeps one: cerberus is built when first needed, and a validator
    is used by one thread at a time (cerberus keeps the last document's errors in itself).
    """

    def __init__(self) -> None:
        self._errors: list[Any] = []
        self._slow: Any = None

    def validate(self, document: Any) -> bool:
        if fast_valid(document):
            self._errors = []
            return True
        if self._slow is None:
            self._slow = cerberus_validator()
        valid = self._slow.validate(document)
        self._errors = self._slow._errors
        return bool(valid)

    @property
    def errors(self) -> Any:
        return self._slow.errors if self._errors else {}


# A manifest the compiled check accepts is valid without asking cerberus (load.fastcheck).
fast_valid = compile_mapping(DOSSIER_SCHEMA)


# --------------------------------------------------------------------------- JSON Schema
#
# The same format as a JSON Schema (draft 2020-12) for editors and other tools. It is
# generated from DOSSIER_SCHEMA, so the two cannot drift; a test compares it with the
# shipped file. Regenerate: python -m lapkin_audit.load.manifest_schema > lapkin_audit/schema/dossier.schema.json
# What it cannot say (roles, document kinds and steps that depend on the SOP; whether a
# date string parses) is left to the checker.

_JSON_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "boolean": {"type": "boolean"},
    "dict": {"type": "object"},
    "list": {"type": "array"},
    "nip": {"type": ["string", "integer"]},
    # YAML dates arrive as strings in JSON tools (check-jsonschema, yaml-language-server).
    "temporal": {"type": "string"},  # with the pattern of the date forms the checker reads
}

_DESCRIPTIONS = {
    "format": "Version of the dossier format; always 1.",
    "sop": "Id of the SOP this run follows, e.g. pelaporan-kinerja.",
    "instansi": "The office: nama (required), pemerintah, zona_waktu (IANA name, default Asia/Jakarta).",
    "periode": (
        "Reporting period: tahun, jenis, and ke (1-12, 1-4 or 1-2; absent for tahunan)."
        " Required when the SOP produces a periodic report (laporan_berkala), as Pelaporan Kinerja does."
    ),
    "pejabat": "Role id -> the office holder during the run (at least camat and sekretaris for SOP Pelaporan Kinerja).",
    "dokumen": "The documents of the dossier.",
    "dokumen[].jenis": "Document kind id, defined by the SOP.",
    "dokumen[].berkas": "Path of the attachment, relative to the dossier folder; it must stay inside it.",
    "dokumen[].sha256": "64 hex digits; where present it must match the attachment.",
    "dokumen[].paraf": "Initials: {peran, nama, nip, tanggal, metode}; metode: tte, basah or sistem.",
    "dokumen[].tanda_tangan": "Signatures: {peran, nama, nip, tanggal, metode}; metode: tte, basah or sistem.",
    "langkah": "The step log, in the order the steps happened.",
    "langkah[].nomor": "The step's number in the SOP (not `no`, which YAML 1.1 reads as false).",
    "langkah[].mulai": "Start, a datetime; without an offset it is read in instansi.zona_waktu.",
    "langkah[].selesai": "End, a datetime.",
    "langkah[].hasil": "For a decision step: e.g. diteruskan or diperbaiki.",
    "pengecualian": "Waivers approved for findings: {aturan, langkah, alasan, disetujui_oleh, tanggal}.",
}


def json_schema() -> dict[str, Any]:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Laporan Kinerja dossier (dossier.yaml), format 1",
        "description": (
            "Generated from lapkin_audit/load/manifest_schema.py; the checker (lapkin-audit) is the authority."
        ),
        **_json_mapping(DOSSIER_SCHEMA, ""),
    }
    schema["properties"]["format"]["const"] = 1
    periode = schema["properties"]["periode"]
    periode["allOf"] = [
        {
            "if": {"properties": {"jenis": {"const": "tahunan"}}, "required": ["jenis"]},
            "then": {"not": {"required": ["ke"]}},
        },
        *(
            {
                "if": {"properties": {"jenis": {"const": jenis}}, "required": ["jenis"]},
                "then": {"required": ["ke"], "properties": {"ke": {"maximum": limit}}},
            }
            for jenis, limit in (("bulanan", 12), ("triwulan", 4), ("semester", 2))
        ),
    ]
    return schema


def _json_mapping(schema: dict[str, Any], path: str) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": {}}
    for name, rules in schema.items():
        where = f"{path}.{name}" if path else name
        out["properties"][name] = _json_field(rules, where)
    required = [name for name, rules in schema.items() if rules.get("required")]
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


def _json_field(rules: dict[str, Any], path: str) -> dict[str, Any]:
    kind = rules["type"]
    out = dict(_JSON_TYPES[kind])
    if kind == "temporal":
        from lapkin_audit.load.datetext import json_schema_pattern

        out["pattern"] = json_schema_pattern()
    if path in _DESCRIPTIONS:
        out["description"] = _DESCRIPTIONS[path]
    for rule, constraint in rules.items():
        if rule in ("type", "required"):
            continue
        if rule == "empty" and constraint is False:
            out["minItems" if kind == "list" else "minLength"] = 1
        elif rule == "allowed":
            out["enum"] = list(constraint)
        elif rule == "regex":
            out["pattern"] = f"^(?:{constraint.rstrip('$')})$"
        elif rule == "min":
            out["minimum"] = constraint
        elif rule == "max":
            out["maximum"] = constraint
        elif rule == "minlength":
            out["minItems" if kind == "list" else "minLength"] = constraint
        elif rule == "schema" and kind == "dict":
            out.update(_json_mapping(constraint, path))
        elif rule == "schema" and kind == "list":
            out["items"] = _json_field(constraint, path + "[]")
        elif rule == "keysrules":
            out["propertyNames"] = _json_field(constraint, path + "{}")
        elif rule == "valuesrules":
            out["additionalProperties"] = _json_field(constraint, path + "{}")
        else:  # pragma: no cover - a test keeps the schema within these rules
            raise ValueError(f"{path}: no JSON Schema for the cerberus rule {rule!r}")
    return out


if __name__ == "__main__":
    import json

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
