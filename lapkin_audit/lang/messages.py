"""Rendering finding messages in Indonesian (default) or English.

The texts are declared with their rules (``model.Rule.messages``, indexed by
``decide.catalogue``): a check refers to a message by id and passes its arguments, so
wording can improve without touching a check, and codes never depend on language. This
module turns a message and its arguments into the words a person reads: dates, working
time, field paths and nested messages in the report's language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from lapkin_audit.lang.words import TYPE_WORDS, date_words, format_minutes
from lapkin_audit.model import Bilingual, WorkMinutes

LANGS = ("id", "en")


class TypeNames(tuple):  # type: ignore[type-arg]
    """Type names from the format's schema, rendered as words: ("string", "integer") -> "teks atau bilangan bulat"."""


def render(messages: Mapping[str, Bilingual], message_id: str, args: Mapping[str, Any], lang: str) -> str:
    """The message ``message_id`` of ``messages`` with its arguments, in ``lang``."""
    template = messages[message_id][1 if lang == "en" else 0]
    values = {key: _text(messages, value, lang) for key, value in args.items()}
    if isinstance(values.get("field"), str):
        values["field"] = field_words(values["field"], lang)
    return template.format(**values)


_FIELD_PART = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def field_words(path: str, lang: str) -> str:
    """A field path as people count: ``langkah[0].mulai`` -> ``langkah ke-1 › mulai``.

    Reports keep the exact path in their ``field``; messages are read by people.
    """
    parts: list[str] = []
    for match in _FIELD_PART.finditer(path):
        index, name = match.groups()
        if index is not None and parts:
            number = int(index) + 1
            parts[-1] += f" no. {number}" if lang == "en" else f" ke-{number}"
        elif name is not None:
            parts.append(name)
    return " › ".join(parts) if parts else path


def _text(messages: Mapping[str, Bilingual], value: Any, lang: str) -> Any:
    if isinstance(value, Where):  # before tuples in general
        return value.name if value.page is None else f"{value.name}, {'p.' if lang == 'en' else 'hlm.'} {value.page}"
    if isinstance(value, Each):  # before tuples in general
        return "; ".join(render(messages, message, args, lang) for message, args in value)
    if isinstance(value, TypeNames):
        index = 1 if lang == "en" else 0
        words = [TYPE_WORDS[name][index] if name in TYPE_WORDS else name for name in value]
        return (" or " if lang == "en" else " atau ").join(words)
    if isinstance(value, WorkMinutes):
        return format_minutes(value.minutes, lang)
    if isinstance(value, dt.date):  # a datetime too
        return date_words(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_text(messages, item, lang)) for item in value)
    if isinstance(value, Nested):
        return render(messages, value, {}, lang)  # a nested message, e.g. the reason of K003.outside
    return value


class Each(tuple):  # type: ignore[type-arg]
    """Several messages ``(id, args)`` as one argument: each rendered in the report's
    language, joined by semicolons (E006 names every Git LFS pointer, each with its oid)."""


class Where(NamedTuple):
    """A figure's place for a message: a document's name and its page ("Dokumen IKU, hlm. 2")."""

    name: str
    page: int | None


class Nested(str):
    """A message id passed as an argument, rendered in the report's language.

    A type, not a prefix: any text can come from a manifest (a value `@x` once made E000).
    """
