"""``check``'s options, generated from the settings' declarations (``settings.Settings``), and
the effective settings: a flag given wins, then the configuration file, then the default."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import click

from lapkin_audit import settings as declared
from lapkin_audit.settings import Setting

F = TypeVar("F", bound=Callable[..., Any])


def settings_options(function: F) -> F:
    """Every declared setting as an option of ``function``, in the order of the declarations."""
    for name, setting in reversed(declared.declared().items()):
        function = _option(name, setting)(function)
    return function


def _option(name: str, setting: Setting) -> Callable[[F], F]:
    flags = [setting.flag] + ([setting.short] if setting.short else [])
    extra: dict[str, Any] = {"help": setting.help}
    if setting.metavar:
        extra["metavar"] = setting.metavar
    if setting.show_default:
        extra["show_default"] = True
    default = declared.Settings.__dataclass_fields__[name].default
    kind = setting.kind
    if kind == declared.FLAG:
        return click.option(*flags, name, is_flag=True, **extra)
    if kind == declared.TRISTATE:
        no = setting.flag.replace("--", "--no-", 1)
        return click.option(f"{setting.flag}/{no}", name, default=None, **extra)
    types: Mapping[str, Any] = {
        declared.CHOICE: click.Choice(setting.choices),
        declared.FILE: click.Path(dir_okay=False, writable=True),
        declared.FOLDER: click.Path(file_okay=False),
        declared.FOLDERS: click.Path(exists=True, file_okay=False),
        declared.WHOLE: click.IntRange(min=setting.least),
        declared.SECONDS: click.FloatRange(min=setting.floor),
    }
    if kind in (declared.CODES, declared.FOLDERS):
        return click.option(*flags, name, multiple=True, type=types.get(kind), **extra)
    return click.option(*flags, name, type=types.get(kind), default=default, **extra)


def given(ctx: click.Context, flags: Mapping[str, Any]) -> dict[str, Any]:
    """The settings given on the command line (not left to their defaults), by name."""
    left = (click.core.ParameterSource.DEFAULT, click.core.ParameterSource.DEFAULT_MAP)
    return {name: value for name, value in flags.items() if ctx.get_parameter_source(name) not in left}
