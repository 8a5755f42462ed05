"""The JSON Schema shipped for editors: generated from the cerberus schema, and right."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from lapkin_audit.load.manifest_schema import json_schema
from tests.helpers import FIXTURES

SHIPPED = Path(__file__).resolve().parent.parent / "lapkin_audit" / "schema" / "dossier.schema.json"
PATUH = FIXTURES / "patuh" / "dossier.yaml"


def _instance(path: Path) -> object:
    # As JSON tools see YAML (check-jsonschema, yaml-language-server): dates are strings.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SHIPPED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_shipped_file_is_the_generated_schema():
    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate: python -m lapkin_audit.load.manifest_schema > lapkin_audit/schema/dossier.schema.json"
    )


def _well_formed_fixtures() -> list[str]:
    # E001-E003 fixtures break the format on purpose; every other one is well formed.
    return sorted(
        p.name
        for p in FIXTURES.iterdir()
        if (p / "dossier.yaml").exists() and p.name[:4] not in ("e001", "e002", "e003")
    )


@pytest.mark.parametrize("name", _well_formed_fixtures())
def test_well_formed_fixtures_validate(validator, name):
    errors = list(validator.iter_errors(_instance(FIXTURES / name / "dossier.yaml")))
    assert errors == [], [e.message for e in errors]


def test_the_e003_fixture_fails(validator):
    messages = sorted(
        e.message for e in validator.iter_errors(_instance(FIXTURES / "e003-kunci-salah" / "dossier.yaml"))
    )
    assert any("tanda_tangn" in m for m in messages)
    assert any("'selesai' is a required property" in m for m in messages)


def _set(doc: dict, path: tuple, value: object) -> dict:
    doc = copy.deepcopy(doc)
    target = doc
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


_DELETE = object()

MUTATIONS = {
    "unknown top-level key": (("catatan",), "x"),
    "typo in a nested key": (("dokumen", 0, "tanggal_"), "2024-01-08"),
    "yaml 1.1 `no:` read as a key": (("langkah", 0, "False"), 1),
    "missing sop": (("sop",), _DELETE),
    "missing selesai": (("langkah", 5, "selesai"), _DELETE),
    "missing pejabat nama": (("pejabat", "camat", "nama"), _DELETE),
    "empty pelaksana": (("langkah", 0, "pelaksana"), []),
    "nomor as text": (("langkah", 0, "nomor"), "1"),
    "format 2": (("format",), 2),
    "empty sop": (("sop",), ""),
    "unknown periode jenis": (("periode", "jenis"), "mingguan"),
    "triwulan 5": (("periode", "ke"), 5),
    "year out of range": (("periode", "tahun"), 1900),
    "sha256 not hex": (("dokumen", 1, "sha256"), "xyz"),
    "null instansi": (("instansi",), None),
    "unknown status": (("pejabat", "camat", "status"), "pj"),
    "paraf without tanggal": (("dokumen", 10, "paraf", 0, "tanggal"), _DELETE),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_format_errors_fail(validator, mutation):
    path, value = MUTATIONS[mutation]
    instance = _set(_instance(PATUH), path, value)
    assert not validator.is_valid(instance), mutation


def test_yearly_period_has_no_ke(validator):
    instance = _instance(PATUH)
    instance["periode"] = {"tahun": 2024, "jenis": "tahunan", "ke": 1}
    assert not validator.is_valid(instance)
    del instance["periode"]["ke"]
    assert validator.is_valid(instance)
