"""A compiler of cerberus schemas into fast checks, with cerberus' semantics for *valid* values.

Cerberus costs ~10x the YAML parse of a manifest. A compiled check makes one promise: True
only if cerberus would find no error. Anything it does not know (a new rule, an unusual
value type) compiles to or yields False, which costs time (cerberus then decides, and
says why), never a finding. tests/test_fast_validation.py holds it to that promise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]


def _never(value: Any) -> bool:
    return False


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# Narrower than cerberus' types (dict for Mapping, list for Sequence): YAML gives only these.
_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "integer": _is_int,
    "boolean": lambda v: isinstance(v, bool),
    "dict": lambda v: isinstance(v, dict),
    "list": lambda v: isinstance(v, list),
    "nip": lambda v: isinstance(v, str) or _is_int(v),
    "temporal": lambda v: isinstance(v, (dt.date, str)),
}


def _compile_field(rules: dict[str, Any]) -> Check:
    """One field's rules -> a check of its value (``required`` is the parent mapping's job)."""
    kind = rules.get("type")
    if not isinstance(kind, str) or kind not in _TYPES:
        return _never
    tests: list[Check] = [_TYPES[kind]]
    for rule, constraint in rules.items():
        if rule in ("type", "required"):
            continue
        make = _RULES.get(rule)
        if make is None:
            return _never  # a rule this compiler does not know: let cerberus decide
        tests.append(make(constraint, kind))
    if len(tests) == 1:
        return tests[0]

    def check(value: Any) -> bool:
        for test in tests:  # in order: the type first
            if not test(value):
                return False
        return True

    return check


def compile_mapping(schema: dict[str, Any]) -> Check:
    fields = {name: _compile_field(rules) for name, rules in schema.items()}
    required = frozenset(name for name, rules in schema.items() if rules.get("required"))

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return False
        for key, item in value.items():
            test = fields.get(key) if isinstance(key, str) else None
            if test is None or not test(item):  # an unknown key, or a bad value
                return False
        return required.issubset(value)

    return check


def _rule_empty(allowed: Any, kind: str) -> Check:
    if allowed is not False:
        return _never  # `empty: True` changes which other rules cerberus runs
    # As cerberus: only a sized value can be empty (an integer NIP is never empty).
    return lambda v: not isinstance(v, (str, list, dict)) or len(v) > 0


def _rule_allowed(values: Any, kind: str) -> Check:
    if kind not in ("string", "integer"):
        return _never  # cerberus compares lists by their members
    allowed = tuple(values)
    return lambda v: v in allowed


def _rule_regex(pattern: Any, kind: str) -> Check:
    # As cerberus 1.3: a `$` is appended and the pattern must match at the start.
    compiled = re.compile(pattern if pattern.endswith("$") else pattern + "$")
    return lambda v: not isinstance(v, str) or compiled.match(v) is not None


# The type test runs first, so the tests below see a value of the field's type.


def _rule_min(limit: Any, kind: str) -> Check:
    return (lambda v: v >= limit) if kind == "integer" else _never


def _rule_max(limit: Any, kind: str) -> Check:
    return (lambda v: v <= limit) if kind == "integer" else _never


def _rule_minlength(limit: Any, kind: str) -> Check:
    return (lambda v: len(v) >= limit) if kind in ("list", "string") else _never


def _rule_schema(schema: Any, kind: str) -> Check:
    if kind == "dict":
        return compile_mapping(schema)
    if kind == "list":
        item = _compile_field(schema)
        return lambda v: all(item(x) for x in v)
    return _never


def _rule_keysrules(rules: Any, kind: str) -> Check:
    if kind != "dict":
        return _never
    key = _compile_field(rules)
    return lambda v: all(key(k) for k in v)


def _rule_valuesrules(rules: Any, kind: str) -> Check:
    if kind != "dict":
        return _never
    item = _compile_field(rules)
    return lambda v: all(item(x) for x in v.values())


_RULES: dict[str, Callable[[Any, str], Check]] = {
    "empty": _rule_empty,
    "allowed": _rule_allowed,
    "regex": _rule_regex,
    "min": _rule_min,
    "max": _rule_max,
    "minlength": _rule_minlength,
    "schema": _rule_schema,
    "keysrules": _rule_keysrules,
    "valuesrules": _rule_valuesrules,
}
