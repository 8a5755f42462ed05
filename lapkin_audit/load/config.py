"""The configuration file: what a repository sets once instead of on every call.

``lapkin-audit.toml``, or a ``[tool.lapkin-audit]`` table in ``pyproject.toml``, is found
from the working folder upward (the first folder holding either; in one folder the
dedicated file wins, as ruff's do). Keys are the long names of ``check``'s flags;
``per-path-ignores`` maps folder patterns to codes, as ruff's per-file-ignores does.
Relative paths are relative to the file's own folder, so a desk run in a subfolder and a
CI run at the root mean the same. The command line decides what wins (flags); this module
only reads and validates, and every error names the file, the key and what is expected.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lapkin_audit.load.safefile import read_regular

DEDICATED = "lapkin-audit.toml"
PYPROJECT = "pyproject.toml"
MAX_BYTES = 1 << 20  # a configuration file is small; a huge one is a mistake, not a setting


class ConfigError(Exception):
    """The configuration file cannot be used (exit status 2); the message says how to fix it."""


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
        """The codes ``per-path-ignores`` leaves out for the dossier in ``folder``: a pattern
        matches the folder's path relative to the configuration file, or one of its parents
        (``arsip/2019`` covers every dossier under it)."""
        if not self.per_path_ignores:
            return ()
        import fnmatch

        relative = _relative(folder, self.base)
        if relative is None:
            return ()
        candidates = [relative, *(p.as_posix() for p in Path(relative).parents if p.as_posix() != ".")]
        codes: list[str] = []
        for pattern, ignored in self.per_path_ignores:
            if any(fnmatch.fnmatchcase(c, pattern.rstrip("/")) for c in candidates):
                codes.extend(c for c in ignored if c not in codes)
        return tuple(codes)


@dataclass(frozen=True)
class _Key:
    param: str  # check's parameter name
    convert: Callable[[Any, Path], Any]  # raises ValueError with what is expected
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


def load(path: Path, formats: Iterable[str], rule_codes: Iterable[str]) -> Config:
    """Read and validate one configuration file; ConfigError says what is wrong and how to fix it.
    ``formats`` and ``rule_codes`` are what the file may name (the renderers, the catalogue)."""
    label = _label(path)
    table = _table(path, label)
    codes = _codes(tuple(rule_codes))
    keys = _keys(tuple(formats), codes)
    values: dict[str, Any] = {}
    per_path: tuple[tuple[str, tuple[str, ...]], ...] = ()
    for name, raw in sorted(table.items()):
        if name == "per-path-ignores":
            per_path = _per_path(raw, label, codes)
            continue
        key = keys.get(name)
        if key is None:
            raise ConfigError(f"{label}: unknown key {name!r}{_suggestion(name, [*keys, 'per-path-ignores'])}")
        try:
            value = key.convert(raw, path.parent)
        except ValueError as exc:
            raise ConfigError(f"{label}: {name} {exc}") from None
        values[key.param] = (not value) if key.invert else value
    return Config(path, label, values, per_path)


def _table(path: Path, label: str) -> Mapping[str, Any]:
    import tomllib  # imports here keep a run without a configuration file light

    try:
        data = read_regular(path, MAX_BYTES + 1)  # a FIFO or /dev/zero named by --config cannot hang the run
    except OSError as exc:
        raise ConfigError(f"{label}: cannot read it: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ConfigError(f"{label}: larger than {MAX_BYTES // 1024} KiB; is it really a configuration file?")
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{label}: not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{label}: not valid TOML: {exc}") from None
    if path.name != PYPROJECT:
        return document
    tool = document.get("tool", {})
    table = tool.get("lapkin-audit", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{label}: [tool.lapkin-audit] must be a table")
    return table


def _mentions_tool(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a lapkin-audit table (one that does not is not ours,
    and the search goes on upward). A broken one that mentions it is read, and reported."""
    try:
        return b"tool.lapkin-audit" in read_regular(pyproject, MAX_BYTES + 1)
    except OSError:
        return False


def names() -> dict[str, str]:
    """Every key of the file and the ``check`` parameter it sets."""
    return {key: spec.param for key, spec in _keys((), _codes(())).items()}


Convert = Callable[[Any, Path], Any]


def _keys(formats: tuple[str, ...], codes: Convert) -> dict[str, _Key]:
    return {
        "rules": _Key("rules_dirs", _folders),
        "select": _Key("select", codes),
        "ignore": _Key("ignore", codes),
        "strict": _Key("strict", _boolean),
        "lang": _Key("lang", _choice(("id", "en"))),
        "format": _Key("fmt", _choice(formats)),
        "jobs": _Key("jobs", _whole(1)),
        "cache": _Key("no_cache", _boolean, invert=True),
        "cache-dir": _Key("cache_dir", _path),
        "timeout": _Key("timeout", _seconds),
        "cpu-per-page": _Key("cpu_per_page", _positive_seconds),
        "max-chars": _Key("max_chars", _whole(0)),
        "baseline": _Key("baseline", _path),
        "quiet": _Key("quiet", _boolean),
        "statistics": _Key("statistics", _boolean),
        "color": _Key("color", _boolean),
    }


def _boolean(raw: Any, base: Path) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(f"must be true or false, not {raw!r}")
    return raw


def _choice(allowed: tuple[str, ...]) -> Callable[[Any, Path], str]:
    def convert(raw: Any, base: Path) -> str:
        if raw not in allowed:
            hint = _suggestion(str(raw), allowed)
            raise ValueError(f"must be one of {', '.join(allowed)}, not {raw!r}{hint}")
        return str(raw)

    return convert


def _whole(least: int) -> Callable[[Any, Path], int]:
    def convert(raw: Any, base: Path) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < least:
            raise ValueError(f"must be a whole number of at least {least}, not {raw!r}")
        return raw

    return convert


def _seconds(raw: Any, base: Path) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw < 0:
        raise ValueError(f"must be a number of seconds (0: no limit), not {raw!r}")
    return float(raw)


def _positive_seconds(raw: Any, base: Path) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not raw >= 0.1 or raw == float("inf"):
        raise ValueError(f"must be a number of seconds of at least 0.1, not {raw!r}")
    return float(raw)


def _path(raw: Any, base: Path) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(f"must be a path, not {raw!r}")
    return str(base / raw) if not os.path.isabs(raw) else raw


def _folders(raw: Any, base: Path) -> tuple[str, ...]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise ValueError(f"must be a list of folders, not {raw!r}")
    folders = tuple(_path(item, base) for item in items)
    for folder, item in zip(folders, items, strict=True):
        if not os.path.isdir(folder):
            raise ValueError(f"names {item!r}, which is not a folder (paths are relative to the file's folder)")
    return folders


def _codes(known: tuple[str, ...]) -> Callable[[Any, Path], tuple[str, ...]]:
    def convert(raw: Any, base: Path) -> tuple[str, ...]:
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError(f'must be a list of rule codes or prefixes such as ["K", "T001"], not {raw!r}')
        codes = tuple(code.strip().upper() for item in items for code in item.split(",") if code.strip())
        unknown = [c for c in codes if not any(k.startswith(c) for k in known)]
        if unknown:
            raise ValueError(f"names unknown rule codes or prefixes: {', '.join(unknown)} (see `lapkin-audit rules`)")
        return codes

    return convert


def _per_path(raw: Any, label: str, codes: Convert) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(raw, dict):
        raise ConfigError(f'{label}: per-path-ignores must be a table of patterns, e.g. "arsip/2019/*" = ["W"]')
    entries = []
    for pattern, codes_raw in sorted(raw.items()):
        if not pattern.strip() or os.path.isabs(pattern):
            raise ConfigError(f"{label}: per-path-ignores: {pattern!r} must be a pattern relative to the file's folder")
        try:
            entries.append((pattern, codes(codes_raw, Path("."))))
        except ValueError as exc:
            raise ConfigError(f"{label}: per-path-ignores {pattern!r} {exc}") from None
    return tuple(entries)


def _suggestion(word: str, known: Iterable[str]) -> str:
    import difflib

    known = list(known)
    kebab = word.replace("_", "-").lower()
    if kebab in known and kebab != word:
        return f" (did you mean {kebab!r}? keys are written with hyphens)"
    close = difflib.get_close_matches(kebab, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(sorted(known))})"


def _label(path: Path) -> str:
    shown = os.path.relpath(path)
    label = shown if len(shown) <= len(str(path)) else str(path)
    return f"{label} [tool.lapkin-audit]" if path.name == PYPROJECT else label


def _relative(folder: Path, base: Path) -> str | None:
    try:
        return Path(os.path.abspath(folder)).relative_to(os.path.abspath(base)).as_posix()
    except ValueError:  # a dossier outside the configured tree: no per-path rule applies
        return None
