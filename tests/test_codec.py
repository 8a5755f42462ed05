"""The model's one codec (``model.codec``): every result survives the round trip, keyed by
field name; anything damaged, foreign or of another version decodes to a miss, never an
exception. The result cache, the baseline and the JSON report speak it."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lapkin_audit.batch.cache import Entry
from lapkin_audit.model import (
    Attachment,
    DossierResult,
    Finding,
    Severity,
    SignatureEvidence,
    StepTiming,
    Verdict,
    codec,
)
from tests.helpers import FIXTURES

EXAMPLES = int(os.environ.get("LAPKIN_FUZZ_EXAMPLES", "60"))

ZONES = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=7)), dt.timezone(dt.timedelta(hours=9))])
st.register_type_strategy(dt.datetime, st.datetimes(timezones=ZONES))  # the model's times are aware
# The content record (content.md) is JSON as the judge built it: what the codec passes through.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
st.register_type_strategy(
    DossierResult, st.builds(DossierResult, content=st.none() | st.dictionaries(st.text(max_size=8), JSON, max_size=3))
)
RESULTS = st.from_type(DossierResult)
ENTRIES = st.from_type(Entry)


@settings(max_examples=EXAMPLES, deadline=None)
@given(RESULTS)
def test_every_result_survives_the_round_trip(result):
    assert codec.loads(DossierResult, codec.dumps(result)) == result
    assert codec.decode(DossierResult, json.loads(json.dumps(codec.encode(result)))) == result


@settings(max_examples=EXAMPLES, deadline=None)
@given(ENTRIES)
def test_every_cache_entry_survives_the_round_trip(entry):
    assert codec.unwrap(Entry, json.loads(json.dumps(codec.wrap(entry)))) == entry


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(JSON)
def test_foreign_data_is_a_miss(data):
    assert codec.unwrap(DossierResult, data) is None
    assert codec.unwrap(DossierResult, {"lapkin-audit-codec": codec.VERSION, "value": data}) is None


def _paths(data, here=()):
    """Every place in JSON data: (path of keys and indexes, value)."""
    yield here, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*here, index))


def _damaged(data, path, how, replacement):
    if not path:
        return replacement
    copy = json.loads(json.dumps(data))
    parent = copy
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "remove" and isinstance(parent, dict):
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent[f"{last}_"] = replacement
    else:
        parent[last] = replacement
    return copy


@settings(max_examples=EXAMPLES, deadline=None)
@given(RESULTS, st.data())
def test_a_damaged_entry_is_a_miss_or_a_result_never_an_exception(result, data):
    encoded = codec.wrap(result)
    places = list(_paths(encoded))
    path, _ = data.draw(st.sampled_from(places))
    how = data.draw(st.sampled_from(["replace", "remove", "add"]))
    damaged = _damaged(encoded, path, how, data.draw(JSON))
    decoded = codec.unwrap(DossierResult, damaged)
    assert decoded is None or isinstance(decoded, DossierResult)
    text = codec.dumps(result)
    cut = data.draw(st.integers(0, len(text)))
    assert codec.loads(DossierResult, text[:cut]) in (None, result)  # a torn write


def test_another_version_is_a_miss():
    result = DossierResult("d", None, Verdict.PATUH, ())
    envelope = codec.wrap(result)
    assert codec.unwrap(DossierResult, envelope) == result
    envelope["lapkin-audit-codec"] = codec.VERSION + 1
    assert codec.unwrap(DossierResult, envelope) is None


def test_keys_are_field_names_and_a_field_may_name_its_key():
    finding = Finding("W001", Severity.ERROR, "m", step=2, field="langkah[1].selesai", line=58)
    assert list(codec.encode(finding)) == [
        "rule",
        "severity",
        "message",
        "step",
        "field",
        "line",
        "waived",
        "waiver_reason",
        "fingerprint",
        "baselined",
    ]
    assert codec.encode(finding)["severity"] == "error"
    signature = SignatureEvidence("Sig1", "Camat", None, None, "valid", ("no_roots",), None)
    assert codec.encode(signature)["field"] == "Sig1" and "field_name" not in codec.encode(signature)


def test_times_keep_their_offset():
    moment = dt.datetime(2024, 7, 1, 7, 45, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    timing = StepTiming(1, "x", moment, moment, 0, 60, "1 jam", 0, "langkah[0]")
    assert codec.encode(timing)["mulai"] == "2024-07-01T07:45:00+07:00"
    assert codec.decode(StepTiming, codec.encode(timing)).mulai.utcoffset() == dt.timedelta(hours=7)


def test_a_bool_is_never_a_number_nor_a_date_a_time():
    with pytest.raises(codec.CodecError):
        codec.decode(Attachment, {**codec.encode(Attachment("a", "ok")), "status": True})
    with pytest.raises(codec.CodecError):
        codec.decode(dt.date, "2024-07-01T07:45:00")


def test_real_results_survive_the_round_trip(audit):
    for name in ("patuh", "w001-langkah-2-terlambat", "e002-yaml-rusak", "k003-di-luar-dossier"):
        result = audit(FIXTURES / name)
        assert codec.loads(DossierResult, codec.dumps(result)) == result
