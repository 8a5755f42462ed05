"""Every setting of a run, declared once.

A setting is a field of ``Settings`` whose metadata (``Setting``) says everything else about
it: its flag, its key in the configuration file, how a value is read there, its help, and
whether it changes a verdict or a finding. The command line's options (``cli.options``)
and the configuration file's keys (``config_keys``) are generated from these declarations,
so a setting cannot exist in one and not the other, nor mean two things.

``Settings`` is what the library takes (``api.audit``, ``api.run``): a typed, frozen value
a web desk or a cluster runner builds as the command line does.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lapkin_audit.evidence import limits
from lapkin_audit.evidence.limits import CPU_PER_PAGE_KEY, CPU_PER_PAGE_OPTION, Limits
from lapkin_audit.lang.messages import LANGS
from lapkin_audit.load import config
from lapkin_audit.report import RENDERERS

# How a value is written: on the command line (``cli.options``) and in the file (``_READ``).
TEXT, CHOICE, FLAG, TRISTATE, CODES, FOLDERS, FILE, FOLDER, WHOLE, SECONDS = (
    "text choice flag tristate codes folders file folder whole seconds".split()
)


@dataclass(frozen=True)
class Setting:
    """What is declared about one setting besides its name, type and default."""

    flag: str  # "--format"
    help: str
    key: str | None = None  # its key in lapkin-audit.toml; None: the command line only
    kind: str = TEXT
    choices: tuple[str, ...] = ()  # CHOICE
    least: int = 0  # WHOLE
    floor: float = 0.0  # SECONDS: the least number of seconds (0: none, and 0 may mean no limit)
    short: str | None = None  # "-o"
    metavar: str | None = None
    show_default: bool = False
    invert: bool = False  # the file's ``cache = false`` is ``--no-cache``
    judges: bool = False  # changes a verdict or a finding: the result cache keys on it, reports say it


def _setting(default: Any, **declared: Any) -> Any:
    return field(default=default, metadata={"setting": Setting(**declared)})


@dataclass(frozen=True)
class Settings:
    """What a run is told; every field is a setting (see ``declared``). The defaults are the
    command line's. Codes in ``select`` and ``ignore`` may be written as on the command line
    (``"k,t001"``): they are read as ``("K", "T001")``."""

    fmt: str = _setting(
        "table",
        flag="--format",
        key="format",
        kind=CHOICE,
        choices=tuple(RENDERERS),
        show_default=True,
        help="The report's format, for its reader (README: Reports).",
    )
    output: str | None = _setting(
        None, flag="--output", short="-o", kind=FILE, help="Write the report to FILE (atomically)."
    )
    lang: str = _setting(
        "id", flag="--lang", key="lang", kind=CHOICE, choices=LANGS, show_default=True, help="Language of messages."
    )
    select: tuple[str, ...] = _setting(
        (),
        flag="--select",
        key="select",
        kind=CODES,
        judges=True,
        help="Only these codes or prefixes (e.g. K,T001). Repeatable.",
    )
    ignore: tuple[str, ...] = _setting(
        (), flag="--ignore", key="ignore", kind=CODES, judges=True, help="Skip these codes or prefixes. Repeatable."
    )
    rules_dirs: tuple[str, ...] = _setting(
        (),
        flag="--rules",
        key="rules",
        kind=FOLDERS,
        judges=True,
        help="Extra folder of SOP/calendar files. Repeatable.",
    )
    strict: bool = _setting(
        False, flag="--strict", key="strict", kind=FLAG, help="Exit 1 also for PATUH DENGAN CATATAN."
    )
    jobs: int | None = _setting(
        None,
        flag="--jobs",
        short="-j",
        key="jobs",
        kind=WHOLE,
        least=1,
        help="Worker processes (default: the number of cores; 1: audit in this process).",
    )
    cache_dir: str | None = _setting(
        None,
        flag="--cache-dir",
        key="cache-dir",
        kind=FOLDER,
        help="Folder of the result cache (default: $LAPKIN_AUDIT_CACHE_DIR, else the per-user cache folder).",
    )
    timeout: float = _setting(
        60.0,
        flag="--timeout",
        key="timeout",
        kind=SECONDS,
        show_default=True,
        help="Seconds one dossier may take; past it, it is reported (E000) and the run goes on. 0: no limit.",
    )
    cpu_per_page: float = _setting(
        limits.DEFAULT.cpu_per_page,
        flag=CPU_PER_PAGE_OPTION,
        key=CPU_PER_PAGE_KEY,
        kind=SECONDS,
        floor=0.1,
        show_default=True,
        help="CPU seconds reading an attachment may spend per page (OCR of a scanned page takes ~0.6); past it, B001.",
    )
    max_chars: int = _setting(
        60_000,
        flag="--max-chars",
        key="max-chars",
        kind=WHOLE,
        show_default=True,
        help="markdown: stay within N characters (GitHub takes 65,536), saying what was left out. 0: no limit.",
    )
    changed_since: str | None = _setting(
        None, flag="--changed-since", metavar="REF", help="Only dossiers with a file changed since this git ref."
    )
    touched: bool = _setting(
        False,
        flag="--touched",
        kind=FLAG,
        help="PATHS are changed files (as a pre-commit hook passes them): audit the dossiers that hold them.",
    )
    baseline: str | None = _setting(
        None,
        flag="--baseline",
        key="baseline",
        metavar="FILE",
        help="Findings recorded in FILE are reported but do not fail the run.",
    )
    write_baseline: str | None = _setting(
        None, flag="--write-baseline", metavar="FILE", help="Record this run's findings in FILE as the baseline."
    )
    exit_zero: bool = _setting(
        False, flag="--exit-zero", kind=FLAG, help="Exit 0 even with findings (2 still means the tool failed)."
    )
    quiet: bool = _setting(
        False, flag="--quiet", short="-q", key="quiet", kind=FLAG, help="table, concise: only dossiers with findings."
    )
    statistics: bool = _setting(
        False,
        flag="--statistics",
        key="statistics",
        kind=FLAG,
        help="Also print the number of findings of each code (on standard error).",
    )
    no_cache: bool = _setting(
        False, flag="--no-cache", key="cache", kind=FLAG, invert=True, help="Neither read nor write the result cache."
    )
    color: bool | None = _setting(
        None,
        flag="--color",
        key="color",
        kind=TRISTATE,
        help="Colour the table (default: only on a terminal, and never with NO_COLOR set).",
    )
    # The configuration file's per-path-ignores: (pattern, codes) left out for the dossiers
    # under the folders a pattern matches, relative to per_path_base (the file's folder).
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    per_path_base: str = "."

    def __post_init__(self) -> None:
        for name in ("select", "ignore"):
            object.__setattr__(self, name, codes(getattr(self, name)))

    def reading(self) -> Limits:
        """What reading one attachment may cost (``evidence.limits``), with this run's budget per page."""
        return dataclasses.replace(limits.DEFAULT, cpu_per_page=self.cpu_per_page)  # read now: tests set it

    def ignored_for(self, folder: Path) -> tuple[str, ...]:
        """The codes the per-path ignores leave out for the dossier in ``folder``."""
        return config.ignored_for(folder, self.per_path_ignores, Path(self.per_path_base))


def codes(written: tuple[str, ...] | str) -> tuple[str, ...]:
    """Codes as a person writes them, comma-separated or one by one: ``K, t001`` -> ``("K", "T001")``."""
    items = (written,) if isinstance(written, str) else written
    return tuple(code.strip().upper() for item in items for code in item.split(",") if code.strip())


def declared() -> dict[str, Setting]:
    """Every setting with a flag, by its name in ``Settings``, in the order of the declarations."""
    return {f.name: f.metadata["setting"] for f in dataclasses.fields(Settings) if "setting" in f.metadata}


_READ: Mapping[str, config.Convert] = {
    FLAG: config.boolean,
    TRISTATE: config.boolean,
    SECONDS: config.seconds,
    FOLDERS: config.folders,
    FILE: config.path,
    FOLDER: config.path,
    TEXT: config.path,
}


def config_keys() -> dict[str, config.Key]:
    """The configuration file's keys, from the declarations: key -> the setting it sets."""
    keys = {}
    for name, setting in declared().items():
        if setting.key is None:
            continue
        if setting.kind == CHOICE:
            convert = config.choice(setting.choices)
        elif setting.kind == WHOLE:
            convert = config.whole(setting.least)
        elif setting.kind == CODES:
            convert = _rule_codes()
        elif setting.kind == SECONDS and setting.floor > 0:
            convert = config.seconds_at_least(setting.floor)
        else:
            convert = _READ[setting.kind]
        keys[setting.key] = config.Key(name, convert, setting.invert)
    return keys


def read_config(path: Path) -> config.Config:
    """One configuration file, read and validated against the declared keys (ConfigError)."""
    return config.load(path, config_keys(), _rule_codes())


def _rule_codes() -> config.Convert:
    from lapkin_audit.decide.catalogue import RULES  # the checks are imported only when a file names codes

    return config.codes(RULES)


def with_config(values: Mapping[str, Any], file: config.Config) -> Settings:
    """Settings from ``values`` (the settings given, by name), the file's values under them."""
    merged = {**file.values, **values}
    base = os.path.abspath(file.base) if file.path is not None else "."  # still right where the folder changes
    return Settings(**merged, per_path_ignores=file.per_path_ignores, per_path_base=base)
