"""What the commands share: exit statuses, problems and notes said in the chosen language,
the configuration file, and ``--show-settings``."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NoReturn

import click

from lapkin_audit.errors import BaselineError, ConfigError, Notice, Problem, RulesError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# The language of what the command says: the flag's (or the file's), once it is known.
LANG = ["id"]

# Problems of a file named by the command, and how the command says whose they are.
_WHOSE = {RulesError: "usage.rules", ConfigError: "usage.config", BaselineError: "usage.baseline"}


def fail(problem: Problem, lang: str | None = None) -> NoReturn:
    """Say the problem, in the chosen language, and end with exit status 2."""
    whose = next((key for kind, key in _WHOSE.items() if isinstance(problem, kind)), None)
    said = Problem(whose, problem=problem) if whose else problem
    click.echo(f"lapkin-audit: {said.text(lang or LANG[0])}", err=True)
    sys.exit(EXIT_USAGE)


def fail_with(message_id: str, /, lang: str | None = None, **args: object) -> NoReturn:
    fail(Problem(message_id, **args), lang)


def say(notes: Iterable[Notice], lang: str | None = None) -> None:
    for note in notes:
        click.echo(f"lapkin-audit: {note.text(lang or LANG[0])}", err=True)


def configuration(path: str | None, isolated: bool, paths: Iterable[str] = ()) -> Any:
    """The configuration file's settings: the one named by --config, else the one found from
    the audited paths upward (from the working folder when none is given), as ruff finds
    its own; none with --isolated. A broken or untrusted one is exit status 2, and so are
    paths that different files govern."""
    from lapkin_audit.load import config
    from lapkin_audit.settings import read_config

    if isolated:
        return config.Config()
    found: Path | None
    if path:
        found, named = Path(path), True
    else:
        starts = [Path(p) if os.path.isdir(p) else Path(p).parent for p in paths] or [Path.cwd()]
        governing = sorted({str(f) for f in map(config.find, starts) if f is not None})
        if len(governing) > 1:
            fail_with("usage.configs_differ", files=", ".join(governing))
        found, named = (Path(governing[0]) if governing else None), False
    if found is None:
        return config.Config()
    try:
        return read_config(found, named=named)
    except Problem as problem:
        fail(problem)


def show_settings(file: Any, settings: Any, given: Mapping[str, Any]) -> None:
    """Every setting the file may hold, its value and where it came from (flag, file, default)."""
    from tabulate import tabulate

    from lapkin_audit.lang.commands import CLI
    from lapkin_audit.settings import config_keys

    words = CLI[settings.lang]
    rows = []
    for key, spec in sorted(config_keys().items()):
        value = getattr(settings, spec.param)
        if spec.invert:
            value = not value
        if isinstance(value, tuple):
            value = ", ".join(value) or "-"
        if spec.param in given:
            source = words["command_line"]
        elif spec.param in file.values:
            source = file.label
        else:
            source = words["default"]
        rows.append((key, "-" if value is None else value, source))
    for pattern, codes in file.per_path_ignores:
        rows.append((f"per-path-ignores {pattern}", ", ".join(codes), file.label))
    click.echo(words["config_file"].format(label=file.label or words["no_config_file"]))
    click.echo(tabulate(rows, headers=words["settings_headers"], tablefmt="simple", disable_numparse=True))
