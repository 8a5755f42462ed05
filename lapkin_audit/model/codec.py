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
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

# One version for every shape the codec writes: changing a field of the model changes it.
VERSION = 2  # 2: what the report says (the `content` record), what signature blocks say, no periode
_ENVELOPE = "lapkin-audit-codec"
MAX_DEPTH = 48  # the deepest value the model makes is about 8 levels

T = TypeVar("T")


class CodecError(ValueError):
    """The data is not a value of the type asked for (damaged, foreign, another version)."""


Encoder = Callable[[Any], Any]
Decoder = Callable[[Any, int], Any]


def encode(value: Any) -> Any:
    """``value`` as JSON data: objects, lists, text, numbers, booleans and null."""
    cls = type(value)
    encoder = _ENCODERS.get(cls)
    if encoder is None:
        encoder = _ENCODERS[cls] = _encoder(cls)
    return encoder(value)


def decode(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` that ``data`` encodes; CodecError for anything else."""
    return _decoder(kind)(data, 0)


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


# A cache hit is decoded and a report encoded for every dossier of a run: how to code each
# type is worked out once per type (its fields, their type hints, the arms of a union),
# not once per value.
_ENCODERS: dict[type[Any], Encoder] = {}
_DECODERS: dict[Any, Decoder] = {}


def _key(field: dataclasses.Field[Any]) -> str:
    key: str = field.metadata.get("key", field.name)
    return key


def _same(value: Any) -> Any:
    return value


def _encoder(cls: type[Any]) -> Encoder:
    if dataclasses.is_dataclass(cls):
        pairs = tuple((_key(f), f.name) for f in dataclasses.fields(cls) if f.init)
        return lambda value: {key: encode(getattr(value, name)) for key, name in pairs}
    if issubclass(cls, enum.Enum):
        return lambda value: encode(value.value)
    if issubclass(cls, dt.date):  # a datetime too
        return lambda value: value.isoformat()
    if issubclass(cls, (list, tuple)):
        return lambda value: [encode(item) for item in value]
    if issubclass(cls, Mapping):
        return lambda value: {str(key): encode(item) for key, item in value.items()}
    if cls is type(None) or issubclass(cls, (str, int, float, bool)):
        return _same

    def refuse(value: Any) -> Any:
        raise CodecError(f"cannot encode a {cls.__name__}")

    return refuse


def _decoder(kind: Any) -> Decoder:
    found = _DECODERS.get(kind)
    if found is None:
        found = _DECODERS[kind] = _compile(kind)
    return found


def _compile(kind: Any) -> Decoder:
    origin = typing.get_origin(kind)
    if kind is Any:
        return lambda data, depth: data
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(kind))
    if kind is type(None):
        return lambda data, depth: _exactly(data, type(None))
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _dataclass(kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _enum(kind)
    if kind in (dt.datetime, dt.date):
        return lambda data, depth: _when(kind, data)
    if origin is tuple:
        return _tuple(typing.get_args(kind))
    if origin in (list, typing.get_origin(typing.Sequence[Any])):
        (item,) = typing.get_args(kind)
        return _list(item)
    if origin in (dict, typing.get_origin(Mapping[Any, Any])):
        key_kind, value_kind = typing.get_args(kind)
        if key_kind is not str:
            raise CodecError("only mappings keyed by text are encoded")
        return _dict(value_kind)
    if kind in (str, int, bool):
        return lambda data, depth: _exactly(data, kind)
    if kind is float:
        return lambda data, depth: _number(data)

    def refuse(data: Any, depth: int) -> Any:
        raise CodecError(f"cannot decode a {kind!r}")

    return refuse


def _exactly(data: Any, kind: type) -> Any:
    # bool is an int to Python, never to this codec
    if not isinstance(data, kind) or (kind is int and isinstance(data, bool)):
        raise CodecError(f"not a {kind.__name__}: {type(data).__name__}")
    return data


def _deeper(depth: int) -> int:
    if depth >= MAX_DEPTH:
        raise CodecError("nested too deep")
    return depth + 1


def _number(data: Any) -> float:
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        raise CodecError(f"not a number: {data!r}")
    return float(data)


def _enum(kind: type[enum.Enum]) -> Decoder:
    def decode_enum(data: Any, depth: int) -> Any:
        try:
            return kind(data)
        except ValueError:
            raise CodecError(f"not a {kind.__name__}: {data!r}") from None

    return decode_enum


def _union(arms: tuple[Any, ...]) -> Decoder:
    optional = type(None) in arms
    others = tuple(arm for arm in arms if arm is not type(None))

    def decode_union(data: Any, depth: int) -> Any:
        if data is None and optional:
            return None
        for arm in others:
            try:
                return _decoder(arm)(data, depth)
            except CodecError:
                continue
        raise CodecError(f"none of {arms!r}")

    return decode_union


def _list(item: Any) -> Decoder:
    def decode_list(data: Any, depth: int) -> Any:
        inner, decode_item = _deeper(depth), _decoder(item)
        return [decode_item(x, inner) for x in _exactly(data, list)]

    return decode_list


def _dict(value: Any) -> Decoder:
    def decode_dict(data: Any, depth: int) -> Any:
        inner, decode_value = _deeper(depth), _decoder(value)
        return {key: decode_value(x, inner) for key, x in _exactly(data, dict).items()}

    return decode_dict


def _tuple(args: tuple[Any, ...]) -> Decoder:
    def decode_tuple(data: Any, depth: int) -> tuple[Any, ...]:
        items, inner = _exactly(data, list), _deeper(depth)
        if len(args) == 2 and args[1] is Ellipsis:
            decode_item = _decoder(args[0])
            return tuple(decode_item(item, inner) for item in items)
        if len(items) != len(args):
            raise CodecError(f"a tuple of {len(args)}, not {len(items)}")
        return tuple(_decoder(arg)(item, inner) for arg, item in zip(args, items, strict=True))

    return decode_tuple


def _when(kind: type[dt.date], data: Any) -> dt.date:
    text = _exactly(data, str)
    try:
        found = kind.fromisoformat(text)
    except ValueError:
        raise CodecError(f"not a {kind.__name__}: {text!r}") from None
    if kind is dt.date and isinstance(found, dt.datetime):
        raise CodecError(f"a date, not a time: {text!r}")
    return found


def _dataclass(kind: type[Any]) -> Decoder:
    # The fields' decoders are looked up at the first value, not here: a dataclass may hold
    # itself (directly or not), and its decoder must exist before its fields' do.
    fields: tuple[tuple[str, str, Decoder], ...] | None = None
    keys: frozenset[str] = frozenset()

    def decode_dataclass(data: Any, depth: int) -> Any:
        nonlocal fields, keys
        if fields is None:  # two threads may both work it out: they find the same
            hints = typing.get_type_hints(kind)
            found = [(_key(f), f.name, hints[f.name]) for f in dataclasses.fields(kind) if f.init]
            keys = frozenset(key for key, _, _ in found)
            fields = tuple((key, name, _decoder(hint)) for key, name, hint in found)
        given, inner = _exactly(data, dict), _deeper(depth)
        if given.keys() != keys:  # strict: a missing or foreign key is not this type, nor this version
            raise CodecError(f"not a {kind.__name__}")
        return kind(**{name: decode_field(given[key], inner) for key, name, decode_field in fields})

    return decode_dataclass
