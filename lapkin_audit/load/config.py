"""The configuration file: what a repository sets once instead of on every call.

``lapkin-audit.toml``, or a ``[tool.lapkin-audit]`` table in ``pyproject.toml``, is found
from the working folder upward (the first folder holding either; in one folder the
dedicated file wins, as ruff's do). Its keys are declared with the settings
(``settings.Settings``: each setting names its key and how its value is read, with the
converters below); ``per-path-ignores`` maps folder patterns to codes, as ruff's
per-file-ignores does. Relative paths are relative to the file's own folder, so a desk run
in a subfolder and a CI run at the root mean the same. The front end decides what wins
(flags); this module only reads and validates, and every error (``errors.ConfigError``,
coded) names the file, the key and what is expected.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lapkin_audit.errors import ConfigError, Problem
from lapkin_audit.load.safefile import read_regular

DEDICATED = "lapkin-audit.toml"
PYPROJECT = "pyproject.toml"
MAX_BYTES = 1 << 20  # a configuration file is small; a huge one is a mistake, not a setting


@dataclass(frozen=True)
class Config:
    """The settings one file gives, by ``check``'s parameter names, and where they came from."""

    path: Path | None = None  # None: no file found (or --isolated)
    label: str = ""  # how reports and --show-settings name the file
    values: Mapping[str, Any] = field(default_factory=dict)
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def base(self) -> Path:
        """Where relative patterns and paths start: the file's folder."""
        return self.path.parent if self.path is not None else Path(".")

    def ignored_for(self, folder: Path) -> tuple[str, ...]:
        return ignored_for(folder, self.per_path_ignores, self.base)


def ignored_for(folder: Path, per_path: tuple[tuple[str, tuple[str, ...]], ...], base: Path) -> tuple[str, ...]:
    """The codes ``per-path-ignores`` leaves out for the dossier in ``folder``: a pattern
    matches the folder's path relative to ``base`` (the configuration file's folder), or one
    of its parents (``arsip/2019`` covers every dossier under it)."""
    if not per_path:
        return ()
    import fnmatch

    relative = _relative(folder, base)
    if relative is None:
        return ()
    candidates = [relative, *(p.as_posix() for p in Path(relative).parents if p.as_posix() != ".")]
    codes: list[str] = []
    for pattern, ignored in per_path:
        if any(fnmatch.fnmatchcase(c, pattern.rstrip("/")) for c in candidates):
            codes.extend(c for c in ignored if c not in codes)
    return tuple(codes)


Convert = Callable[[Any, Path], Any]  # a file's value -> the setting; raises errors.Problem with what is expected


@dataclass(frozen=True)
class Key:
    """One key of the file: the setting it sets, and how its value is read."""

    param: str  # the setting's name (``settings.Settings``)
    convert: Convert
    invert: bool = False  # ``cache = false`` is ``--no-cache``


def find(start: Path) -> Path | None:
    """The configuration file that governs ``start``: the nearest folder upward with
    ``lapkin-audit.toml``, or a ``pyproject.toml`` that has a ``[tool.lapkin-audit]`` table."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        dedicated = candidate / DEDICATED
        if dedicated.is_file():
            return dedicated
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _mentions_tool(pyproject):
            return pyproject
    return None


PER_PATH = "per-path-ignores"


def load(path: Path, keys: Mapping[str, Key], codes: Convert) -> Config:
    """Read and validate one configuration file; ConfigError says what is wrong and how to fix it.
    ``keys`` are the settings the file may hold, ``codes`` reads the rule codes of per-path-ignores."""
    label = _label(path)
    table = _table(path, label)
    values: dict[str, Any] = {}
    per_path: tuple[tuple[str, tuple[str, ...]], ...] = ()
    for name, raw in sorted(table.items()):
        if name == PER_PATH:
            per_path = _per_path(raw, label, codes)
            continue
        key = keys.get(name)
        if key is None:
            raise ConfigError(label, "config.unknown_key", name=name, hint=_suggestion(name, [*keys, PER_PATH]))
        try:
            value = key.convert(raw, path.parent)
        except Problem as exc:
            raise ConfigError(label, "config.value", name=name, problem=exc) from None
        values[key.param] = (not value) if key.invert else value
    return Config(path, label, values, per_path)


def _table(path: Path, label: str) -> Mapping[str, Any]:
    import tomllib  # imports here keep a run without a configuration file light

    try:
        data = read_regular(path, MAX_BYTES + 1)  # a FIFO or /dev/zero named by --config cannot hang the run
    except OSError as exc:
        raise ConfigError(label, "config.unreadable", error=exc.strerror or exc) from None
    if len(data) > MAX_BYTES:
        raise ConfigError(label, "config.too_large", kib=MAX_BYTES // 1024)
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(label, "config.not_utf8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(label, "config.not_toml", detail=exc) from None
    if path.name != PYPROJECT:
        return document
    tool = document.get("tool", {})
    table = tool.get("lapkin-audit", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(label, "config.pyproject_table")
    return table


def _mentions_tool(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a lapkin-audit table (one that does not is not ours,
    and the search goes on upward). A broken one that mentions it is read, and reported."""
    try:
        return b"tool.lapkin-audit" in read_regular(pyproject, MAX_BYTES + 1)
    except OSError:
        return False


def boolean(raw: Any, base: Path) -> bool:
    if not isinstance(raw, bool):
        raise Problem("value.boolean", raw=raw)
    return raw


def choice(allowed: tuple[str, ...]) -> Convert:
    def convert(raw: Any, base: Path) -> str:
        if raw not in allowed:
            raise Problem("value.choice", allowed=", ".join(allowed), raw=raw, hint=_suggestion(str(raw), allowed))
        return str(raw)

    return convert


def whole(least: int) -> Convert:
    def convert(raw: Any, base: Path) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < least:
            raise Problem("value.whole", least=least, raw=raw)
        return raw

    return convert


def seconds(raw: Any, base: Path) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw < 0:
        raise Problem("value.seconds", raw=raw)
    return float(raw)


def seconds_at_least(least: float) -> Convert:
    """A number of seconds of at least ``least`` (a budget that cannot be switched off)."""

    def convert(raw: Any, base: Path) -> float:
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not raw >= least or raw == float("inf"):
            raise Problem("value.seconds_least", least=least, raw=raw)
        return float(raw)

    return convert


def path(raw: Any, base: Path) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise Problem("value.path", raw=raw)
    return str(base / raw) if not os.path.isabs(raw) else raw


def folders(raw: Any, base: Path) -> tuple[str, ...]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise Problem("value.folders", raw=raw)
    found = tuple(path(item, base) for item in items)
    for folder, item in zip(found, items, strict=True):
        if not os.path.isdir(folder):
            raise Problem("value.not_a_folder", item=item)
    return found


def codes(known: Iterable[str]) -> Convert:
    """Rule codes or prefixes, each the start of a code of ``known`` (the catalogue)."""
    known = tuple(known)

    def convert(raw: Any, base: Path) -> tuple[str, ...]:
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise Problem("value.codes", raw=raw)
        found = tuple(code.strip().upper() for item in items for code in item.split(",") if code.strip())
        unknown = [c for c in found if not any(k.startswith(c) for k in known)]
        if unknown:
            raise Problem("value.unknown_codes", codes=", ".join(unknown))
        return found

    return convert


def _per_path(raw: Any, label: str, codes: Convert) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(raw, dict):
        raise ConfigError(label, "config.per_path_table")
    entries = []
    for pattern, listed in sorted(raw.items()):
        if not pattern.strip() or os.path.isabs(pattern):
            raise ConfigError(label, "config.per_path_pattern", pattern=pattern)
        try:
            entries.append((pattern, codes(listed, Path("."))))
        except Problem as exc:
            raise ConfigError(label, "config.per_path_value", pattern=pattern, problem=exc) from None
    return tuple(entries)


def _suggestion(word: str, known: Iterable[str]) -> Problem:
    """ " (did you mean 'format'?)": the hint a message about an unknown word ends with."""
    import difflib

    known = list(known)
    kebab = word.replace("_", "-").lower()
    if kebab in known and kebab != word:
        return Problem("hint.hyphens", suggestion=kebab)
    close = difflib.get_close_matches(kebab, known, n=1)
    return (
        Problem("hint.close", suggestion=close[0]) if close else Problem("hint.known", known=", ".join(sorted(known)))
    )


def _label(path: Path) -> str:
    shown = os.path.relpath(path)
    label = shown if len(shown) <= len(str(path)) else str(path)
    return f"{label} [tool.lapkin-audit]" if path.name == PYPROJECT else label


def _relative(folder: Path, base: Path) -> str | None:
    try:
        return Path(os.path.abspath(folder)).relative_to(os.path.abspath(base)).as_posix()
    except ValueError:  # a dossier outside the configured tree: no per-path rule applies
        return None
