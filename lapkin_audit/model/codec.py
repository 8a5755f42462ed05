"""One JSON codec for the model: frozen dataclasses to JSON and back, keyed by field name.

Driven by the dataclasses themselves (their fields and type hints), so a new field needs no
serializer of its own: a dataclass is an object of its fields (a field may name its key:
``metadata={"key": "field"}``), an enum its value, a date or time its ISO text, a tuple a
list, a mapping an object. ``dumps`` wraps a value with the codec's one version number;
``loads`` gives None for anything it cannot decode whole (damaged, foreign, another
version): to a cache that is a miss, never an exception. The result cache, the baseline,
the JSON report and the wire between processes or machines (a cluster runner sends results
with it) all speak it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

# One version for every shape the codec writes: changing a field of the model changes it.
VERSION = 1
_ENVELOPE = "lapkin-audit-codec"
MAX_DEPTH = 48  # the deepest value the model makes is about 8 levels

T = TypeVar("T")


class CodecError(ValueError):
    """The data is not a value of the type asked for (damaged, foreign, another version)."""


def encode(value: Any) -> Any:
    """``value`` as JSON data: objects, lists, text, numbers, booleans and null."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {_key(f): encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, enum.Enum):
        return encode(value.value)
    if isinstance(value, dt.date):  # a datetime too
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): encode(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise CodecError(f"cannot encode a {type(value).__name__}")


def decode(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` that ``data`` encodes; CodecError for anything else."""
    return _decode(kind, data, 0)


def wrap(value: Any) -> dict[str, Any]:
    """``value`` as JSON data with the codec's version: what a cache keeps or a wire carries."""
    return {_ENVELOPE: VERSION, "value": encode(value)}


def unwrap(kind: type[T], envelope: Any) -> T | None:
    """The ``kind`` that ``wrap`` made; None when ``envelope`` is not one, whole."""
    try:
        if not isinstance(envelope, dict) or set(envelope) != {_ENVELOPE, "value"} or envelope[_ENVELOPE] != VERSION:
            return None
        found: T = decode(kind, envelope["value"])
        return found
    except (ValueError, TypeError, RecursionError):  # CodecError is a ValueError
        return None


def dumps(value: Any) -> str:
    return json.dumps(wrap(value), ensure_ascii=False, separators=(",", ":"))


def loads(kind: type[T], text: str | bytes) -> T | None:
    """The ``kind`` that ``dumps`` wrote; None when the text is not one, whole."""
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return unwrap(kind, envelope)


def _key(field: dataclasses.Field[Any]) -> str:
    key: str = field.metadata.get("key", field.name)
    return key


def _decode(kind: Any, data: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise CodecError("nested too deep")
    origin = typing.get_origin(kind)
    if kind is Any:
        return data
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(kind), data, depth)
    if kind is type(None):
        return _exactly(data, type(None))
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _dataclass(kind, data, depth)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(data)
        except ValueError:
            raise CodecError(f"not a {kind.__name__}: {data!r}") from None
    if kind is dt.datetime:
        return _when(dt.datetime, data)
    if kind is dt.date:
        return _when(dt.date, data)
    if origin is tuple:
        return _tuple(typing.get_args(kind), data, depth)
    if origin in (list, typing.get_origin(typing.Sequence[Any])):
        (item,) = typing.get_args(kind)
        return [_decode(item, x, depth + 1) for x in _exactly(data, list)]
    if origin in (dict, typing.get_origin(Mapping[Any, Any])):
        key_kind, value_kind = typing.get_args(kind)
        if key_kind is not str:
            raise CodecError("only mappings keyed by text are encoded")
        return {key: _decode(value_kind, value, depth + 1) for key, value in _exactly(data, dict).items()}
    if kind in (str, int, bool):
        return _exactly(data, kind)
    if kind is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise CodecError(f"not a number: {data!r}")
        return float(data)
    raise CodecError(f"cannot decode a {kind!r}")


def _exactly(data: Any, kind: type) -> Any:
    # bool is an int to Python, never to this codec
    if not isinstance(data, kind) or (kind is int and isinstance(data, bool)):
        raise CodecError(f"not a {kind.__name__}: {type(data).__name__}")
    return data


def _union(arms: tuple[Any, ...], data: Any, depth: int) -> Any:
    if data is None and type(None) in arms:
        return None
    for arm in arms:
        if arm is type(None):
            continue
        try:
            return _decode(arm, data, depth)
        except CodecError:
            continue
    raise CodecError(f"none of {arms!r}")


def _tuple(args: tuple[Any, ...], data: Any, depth: int) -> tuple[Any, ...]:
    items = _exactly(data, list)
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_decode(args[0], item, depth + 1) for item in items)
    if len(items) != len(args):
        raise CodecError(f"a tuple of {len(args)}, not {len(items)}")
    return tuple(_decode(arg, item, depth + 1) for arg, item in zip(args, items, strict=True))


def _when(kind: type[dt.date], data: Any) -> dt.date:
    text = _exactly(data, str)
    try:
        found = kind.fromisoformat(text)
    except ValueError:
        raise CodecError(f"not a {kind.__name__}: {text!r}") from None
    if kind is dt.date and isinstance(found, dt.datetime):
        raise CodecError(f"a date, not a time: {text!r}")
    return found


def _dataclass(kind: type[Any], data: Any, depth: int) -> Any:
    fields = _fields(kind)
    given = _exactly(data, dict)
    if set(given) != set(fields):  # strict: a missing or foreign key is not this type, nor this version
        raise CodecError(f"not a {kind.__name__}")
    values = {name: _decode(hint, given[key], depth + 1) for key, (name, hint) in fields.items()}
    return kind(**values)


def _fields(kind: type[Any]) -> dict[str, tuple[str, Any]]:
    """JSON key -> (attribute, type) of a dataclass's fields that ``__init__`` takes (the
    type hints are resolved once per class: decoding a cache hit must stay cheap)."""
    found = _FIELDS.get(kind)
    if found is None:
        hints = typing.get_type_hints(kind)
        found = _FIELDS[kind] = {_key(f): (f.name, hints[f.name]) for f in dataclasses.fields(kind) if f.init}
    return found


_FIELDS: dict[type[Any], dict[str, tuple[str, Any]]] = {}
