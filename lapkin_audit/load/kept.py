"""Validated rules kept across runs: cerberus (and its import) only for rules files whose
content it has not accepted before.

Validating the bundled rules with cerberus is most of a one-dossier run's start (a
pre-commit hook pays it on every commit). A rules document that cerberus accepted is
kept, normalised (defaults filled in, dates coerced), in the cache's derived tables,
keyed by the document's own content; the next run with the same content and the same
code takes it from there. Dates travel as ``{"$date": "YYYY-MM-DD"}``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

from lapkin_audit.model import Store

_DATE = "$date"


def normalized(kind: str, raw: Any, validate: Callable[[Any], Any], kept: Store | None) -> Any:
    """``validate(raw)`` (which raises for an invalid document), or what it returned for
    the same content before."""
    encoded = _encode(raw) if kept is not None else None
    if kept is None or encoded is None:
        return validate(raw)
    key = f"rules/{kind}/{hashlib.sha256(json.dumps(encoded, sort_keys=True).encode()).hexdigest()}"
    earlier = kept.get(key)
    if earlier is not None:
        try:
            return _decode(earlier)
        except (ValueError, TypeError, KeyError):
            pass  # damaged: validate again
    document = validate(raw)
    stored = _encode(document)
    if stored is not None:
        kept.put(key, stored)
    return document


def _encode(value: Any) -> Any | None:
    """JSON for plain data and dates; None for anything else (then nothing is kept)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dt.datetime):
        return None  # the schemas refuse date-times; never keep what cerberus must judge
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, list):
        items = [_encode(item) for item in value]
        return None if any(i is None and v is not None for i, v in zip(items, value, strict=True)) else items
    if isinstance(value, dict):
        if _DATE in value or not all(isinstance(k, str) for k in value):
            return None
        pairs = {k: _encode(v) for k, v in value.items()}
        return None if any(pairs[k] is None and value[k] is not None for k in value) else pairs
    return None


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if set(value) == {_DATE}:
            return dt.date.fromisoformat(value[_DATE])
        return {k: _decode(v) for k, v in value.items()}
    return value
