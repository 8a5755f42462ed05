"""What several test modules share that is not a fixture: paths, and rendering a report
the way the command line does (with the rule docs a renderer asks for)."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

from lapkin_audit.model import Report
from lapkin_audit.report import needs_rule_docs, renderer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "dossiers"
# The trust of the fixtures' electronic signatures (a test PKI; scripts/make_tte_sources.py).
TTE_RULES = ROOT / "fixtures" / "tte" / "aturan-uji"


def render_as_cli(fmt: str, report: Report) -> str:
    """The text of ``report`` in ``fmt``, given the rule docs as ``check`` gives them."""
    if needs_rule_docs(fmt) and not report.rule_docs:
        from lapkin_audit.authoring import ruledocs

        report = dataclasses.replace(report, rule_docs=ruledocs.load())
    return "".join(renderer(fmt)(report))


def git(root: Path, *args: str) -> str:
    """``git -C root ARGS`` as a clerk of the office would commit; its standard output."""
    command = ["git", "-c", "user.name=Sub Bagian Umum", "-c", "user.email=umum@kecamatan.test", "-C", str(root), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout
