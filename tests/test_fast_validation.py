"""The compiled fast check never accepts what cerberus refuses, so every E003 is unchanged.

``fast_valid`` may only say "valid" (skip cerberus) or "ask cerberus". The tests mutate
real manifests in every place and every way that matters to the schema, and require:
fast says valid => cerberus says valid; and the E003 findings of a run with the fast
path equal those of a run with cerberus alone.

``LAPKIN_MUTATION_STRIDE`` sets how many of the mutations run: every N-th (default 11,
so the suite stays quick; N is prime to the number of replacement values, so every place
still meets several of them). ``make fuzz`` runs all of them (N = 1).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lapkin_audit.load import fastcheck, manifest, manifest_schema, yamlread
from lapkin_audit.load.manifest_schema import DOSSIER_SCHEMA, cerberus_validator, fast_valid
from tests.helpers import FIXTURES

pytestmark = pytest.mark.slow

REPLACEMENTS: tuple[Any, ...] = (
    None,
    "",
    " ",
    "x",
    "deadbeef" * 8,
    "DEADBEEF" * 8 + "\n",
    0,
    1,
    7,
    -1,
    1944,
    1945,
    2100,
    2101,
    13,
    True,
    False,
    1.5,
    [],
    [{}],
    {},
    {"nama": "X"},
    dt.date(2024, 1, 1),
    dt.datetime(2024, 1, 1, 8, 0),
    "bulanan",
    "tahunan",
    "definitif",
    "plh",
    "camat",
    [None],
    ["x"],
    [1],
)


def _manifests() -> list[tuple[str, Any, dict]]:
    out = []
    for folder in sorted(FIXTURES.iterdir()):
        text = yamlread.read_text(folder / "dossier.yaml")
        if isinstance(text, str):
            data, lines, problems = yamlread.parse(text)
            if isinstance(data, dict) and not problems:
                out.append((folder.name, data, lines))
    return out


MANIFESTS = _manifests()
PATUH = next(data for name, data, _ in MANIFESTS if name == "patuh")
REVISI = next((data for name, data, _ in MANIFESTS if name == "patuh-revisi"), PATUH)


def _places(value: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _places(item, path + (i,))


def _parent(doc: Any, path: tuple) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


STRIDE = int(os.environ.get("LAPKIN_MUTATION_STRIDE", "11"))


def _mutations(base: dict) -> Iterator[dict]:
    """Every STRIDE-th of the mutations of ``base`` (all of them with a stride of 1)."""
    return itertools.islice(_all_mutations(base), 0, None, STRIDE)


def _all_mutations(base: dict) -> Iterator[dict]:
    for path in _places(base):
        if not path:
            continue
        for value in REPLACEMENTS:
            doc = copy.deepcopy(base)
            _parent(doc, path)[path[-1]] = value
            yield doc
        doc = copy.deepcopy(base)
        del _parent(doc, path)[path[-1]]
        yield doc
        target = _parent(base, path + ("x",))
        if isinstance(target, dict):
            for key in ("typo", False, 1, None):
                doc = copy.deepcopy(base)
                _parent(doc, path + ("x",))[key] = "x"
                yield doc


def _check_agreement(doc: Any) -> None:
    try:
        slow = cerberus_validator().validate(doc)
    except TypeError:  # cerberus cannot sort errors of a null key among text keys (an E000 today)
        assert not fast_valid(doc)
        return
    if fast_valid(doc):
        assert slow, f"fast check accepted what cerberus refuses: {cerberus_validator().errors}"


def test_fast_check_accepts_every_well_formed_fixture():
    for name, data, _ in MANIFESTS:
        if not name.startswith("e003"):
            assert fast_valid(data), name


def test_fast_check_knows_every_rule_the_schema_uses():
    def rules(schema: dict) -> Iterator[str]:
        for field in schema.values():
            for rule, constraint in field.items():
                yield rule
                if rule == "schema":
                    yield from rules(constraint if field["type"] == "dict" else {"_": constraint})
                elif rule in ("keysrules", "valuesrules"):
                    yield from rules({"_": constraint})

    known = set(fastcheck._RULES) | {"type", "required"}
    assert set(rules(DOSSIER_SCHEMA)) <= known


@pytest.mark.parametrize("base", ["patuh", "revisi"])
def test_every_mutation_fast_implies_cerberus(base):
    count = 0
    for doc in _mutations(PATUH if base == "patuh" else REVISI):
        _check_agreement(doc)
        count += 1
    assert count > 4000 // STRIDE


def _e003(monkeypatch: pytest.MonkeyPatch, doc: Any, lines: dict, fast: bool) -> list[tuple]:
    if not fast:
        monkeypatch.setattr(manifest_schema, "fast_valid", lambda document: False)
    try:
        return [
            (v.rule, v.message, dict(v.args), v.field, v.line)
            for v in manifest._format_errors(doc, lines, manifest_schema.FastFirstValidator())
        ]
    finally:
        monkeypatch.undo()


def test_e003_findings_are_those_of_cerberus_alone(monkeypatch):
    lines = dict(next(lines for name, _, lines in MANIFESTS if name == "patuh"))
    docs = [data for _, data, _ in MANIFESTS] + list(_mutations(PATUH))
    differing = 0
    for doc in docs:
        fast, slow = _e003(monkeypatch, doc, lines, True), _e003(monkeypatch, doc, lines, False)
        assert fast == slow
        differing += bool(slow)
    assert differing > 500 // STRIDE  # the mutations do break the format


def test_e003_fixture_findings_unchanged(monkeypatch):
    _, data, lines = next(m for m in MANIFESTS if m[0].startswith("e003"))
    fast = _e003(monkeypatch, data, lines, True)
    assert fast and fast == _e003(monkeypatch, data, lines, False)


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 3000), st.text(max_size=3), st.sampled_from(REPLACEMENTS[:20])
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from(["set", "del", "add"]), _scalars), min_size=1, max_size=4
    )
)
def test_random_edits_fast_implies_cerberus(edits):
    doc = copy.deepcopy(PATUH)
    for pick, action, value in edits:
        places = [p for p in _places(doc) if p]
        path = places[pick % len(places)]
        parent = _parent(doc, path)
        if action == "set":
            parent[path[-1]] = value
        elif action == "del":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[value if isinstance(value, (str, int, type(None))) else "k"] = "x"
    _check_agreement(doc)
