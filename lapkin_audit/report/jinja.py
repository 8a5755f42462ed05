"""The Jinja2 templates of the HTML report (``report/templates/``), loaded once per process.

Autoescaping is on for HTML and SVG, and every value passes through ``visible`` first
(control characters shown, lone surrogates replaced), so a template can never print
manifest text raw. A name a template misspells is an error, never an empty string.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from lapkin_audit.report.text import visible

if TYPE_CHECKING:
    from jinja2 import Environment, Template


def template(name: str) -> Template:
    return _environment().get_template(name)


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    # Imported here: only the HTML report pays for Jinja2.
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
    from markupsafe import Markup

    def shown(value: Any) -> Any:
        """Every value as a person may see it: control characters visible, lone surrogates
        replaced (then autoescaping makes it safe HTML). Markup is already safe text."""
        if isinstance(value, Markup) or value is None:
            return value
        return visible(str(value))

    return Environment(
        loader=PackageLoader("lapkin_audit.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "svg", "j2"), default_for_string=True),
        undefined=StrictUndefined,  # a misspelt name in a template is an error, never blank
        finalize=shown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
