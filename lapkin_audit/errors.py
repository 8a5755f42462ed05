"""Problems that stop a whole command (exit status 2), as opposed to findings about one dossier.

A problem is coded data: a message id of ``lang.problems`` and its arguments, raised where it
is found and rendered by the front end in the language it was asked for (``--lang``).
``str(problem)`` is its English text, for logs and tracebacks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lapkin_audit.lang import problems
from lapkin_audit.model import nearest_line


class Problem(Exception):
    """A command cannot go on. An argument may itself be a problem (rendered in the same language)."""

    def __init__(self, message_id: str, /, **arguments: object) -> None:
        super().__init__(message_id, arguments)
        self.message_id = message_id
        self.arguments = arguments

    def text(self, lang: str) -> str:
        return problems.render(self.message_id, self.arguments, lang)

    def __str__(self) -> str:
        return self.text("en")


class Notice(Problem):
    """Not an error: something a person should know while the run goes on (never raised)."""


class UsageError(Problem):
    """The command was given what it cannot use: an unknown code, a path that does not exist."""


class OutputError(Problem):
    """A report, a baseline or a skeleton cannot be written where it was asked to be."""


class BaselineError(Problem):
    """The baseline file cannot be read or is not one."""


class _Located(Problem):
    """A problem in one file, which its text names first."""

    def __init__(self, where: str, message_id: str, /, **arguments: object) -> None:
        super().__init__(message_id, **arguments)
        self.where = where

    def text(self, lang: str) -> str:
        return f"{self.where}: {super().text(lang)}"

    @property
    def message(self) -> str:
        """The English text without the file's name."""
        return super().text("en")


class RulesError(_Located):
    """A rules file (SOP, calendar or trust) is missing, malformed or inconsistent.

    The command cannot assess anything against broken rules, so this ends the run
    with exit status 2.
    """

    @property
    def source(self) -> str:
        return self.where


class ConfigError(_Located):
    """The configuration file cannot be used; the text says how to fix it."""


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
