"""Renderers: a ``Report`` in, text out. No decisions are made here.

One module per reader, each with ``chunks(report, style)`` yielding the report in pieces
(written as they come). A module that shows more of the SOP than the findings (the HTML
report's checklist) sets ``NEEDS_SOPS = True`` and the command line fills ``Report.sops``
for it; one that reads the results once, in order (``jsonl``, ``concise``), sets
``STREAMS = True`` and gets them as they are judged; the rules a report names or explains
come in ``Report.rules``: renderers never read files. The registry drives ``--format``'s
choices; each renderer is imported only when used, so ``--version`` and ``--format json`` never pay for tabulate.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from lapkin_audit.model import Report

RENDERERS: dict[str, str] = {
    "table": "lapkin_audit.report.table",  # people at a terminal
    "json": "lapkin_audit.report.json_report",  # programs (spec: report-format.md)
    "jsonl": "lapkin_audit.report.jsonl",  # programs, very large runs: a dossier per line, as judged
    "junit": "lapkin_audit.report.junit",  # CI test views (GitLab, Jenkins)
    "sarif": "lapkin_audit.report.sarif",  # code-scanning views (SARIF 2.1.0)
    "github": "lapkin_audit.report.github",  # GitHub Actions annotations
    "markdown": "lapkin_audit.report.markdown",  # a merge-request comment
    "html": "lapkin_audit.report.html",  # the Sekretaris and the auditor, printable
    "concise": "lapkin_audit.report.concise",  # editors and grep: path:line: CODE message
}


@dataclass(frozen=True)
class Style:
    """How the command line wants text shown; decided there (terminal, NO_COLOR), not here."""

    colour: bool = False
    max_chars: int | None = None  # a comment's size limit (markdown); None: no limit
    width: int | None = None  # the terminal's columns (table); None: not a terminal
    quiet: bool = False  # table and concise: only dossiers with findings


PLAIN = Style()


def module(name: str) -> ModuleType:
    return importlib.import_module(RENDERERS[name])


def renderer(name: str) -> Callable[[Report, Style], Iterable[str]]:
    """The renderer's ``chunks``: the report as pieces of text, written as they come."""
    return module(name).chunks  # type: ignore[no-any-return]


def needs_sops(name: str) -> bool:
    return bool(getattr(module(name), "NEEDS_SOPS", False))


def streams(name: str) -> bool:
    """Whether the format reads the results once, in order, as they are judged (``STREAMS``):
    then the run holds none of them; other formats get them kept in a spool."""
    return bool(getattr(module(name), "STREAMS", False))
