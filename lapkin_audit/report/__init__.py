"""Renderers: a ``Report`` in, text out. No decisions are made here.

The registry drives ``--format``'s choices; each renderer is imported only when used,
so ``--version`` and ``--format json`` never pay for tabulate.
"""

from __future__ import annotations

import importlib
from typing import Callable, Iterable

from lapkin_audit.model import Report

RENDERERS: dict[str, str] = {
    "table": "lapkin_audit.report.table",
    "json": "lapkin_audit.report.json_report",
}


def renderer(name: str) -> Callable[[Report], Iterable[str]]:
    """The renderer's ``chunks``: the report as pieces of text, written as they come."""
    module = importlib.import_module(RENDERERS[name])
    return module.chunks  # type: ignore[no-any-return]
