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


def _dates() -> list[str]:
    from tests.test_office_input import READ, REFUSED

    return [text for text, _ in READ] + [text for text, _ in REFUSED]


@pytest.mark.parametrize("text", _dates())
def test_the_schema_accepts_exactly_the_date_forms_the_checker_reads(validator, text):
    from lapkin_audit.load.datetext import Unreadable, parse_when

    instance = _instance(PATUH)
    instance["langkah"][0]["mulai"] = text
    schema_ok = not list(validator.iter_errors(instance))
    checker_ok = not isinstance(parse_when(text), Unreadable)
    if text == "31/02/2025":  # a day its month lacks: only the checker knows calendars
        assert schema_ok and not checker_ok
    else:
        assert schema_ok == checker_ok, text


def test_the_date_pattern_is_a_valid_ecma_regular_expression():
    # JSON Schema patterns are ECMA-262; check-jsonschema compiles them with regress.
    regress = pytest.importorskip("regress")
    from lapkin_audit.load.datetext import json_schema_pattern

    compiled = regress.Regex(json_schema_pattern())
    assert compiled.find("12 Juli 2025 pukul 08.00 WIB") is not None
    assert compiled.find("2025-10-06 08.00") is not None and compiled.find("now") is None
