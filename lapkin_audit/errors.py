"""Exceptions that stop a whole run (as opposed to findings about one dossier)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lapkin_audit.model import nearest_line


class RulesError(Exception):
    """A rules file (SOP or calendar) is missing, malformed or inconsistent.

    The command cannot assess anything against broken rules, so this ends the run
    with exit status 2.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


def flatten_errors(errors: Mapping[Any, Any], lines: Mapping[str, int] | None = None, path: str = "") -> Iterator[str]:
    """Cerberus' nested errors as ``field (line N): message`` texts, in field-path notation."""
    for key, items in sorted(errors.items(), key=lambda kv: str(kv[0])):
        here = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else str(key)
        for item in items:
            if isinstance(item, dict):
                yield from flatten_errors(item, lines, here)
            else:
                line = nearest_line(here, lines) if lines else None
                yield f"{here}{f' (line {line})' if line else ''}: {item}"
