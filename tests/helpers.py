"""What several test modules share that is not a fixture: paths, and rendering a report
the way the command line does (with the rules of the catalogue)."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

from lapkin_audit.model import Report
from lapkin_audit.report import renderer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "dossiers"
# The trust of the fixtures' electronic signatures (a test PKI; scripts/make_tte_sources.py).
TTE_RULES = ROOT / "fixtures" / "tte" / "aturan-uji"


def session(sops, lang="id", select=(), ignore=(), budget=60.0, reading=None, facts_cache=None):  # type: ignore[no-untyped-def]
    """A run's session over ``sops`` (a mapping, or a rulebook), as the library makes one; its
    reader shares the module API's memo and warm process (``evidence.read``), so that the
    tests of a session read each fixture once, and with the reading limits ``reading``."""
    from lapkin_audit.batch.session import Session
    from lapkin_audit.decide.judge import Scope
    from lapkin_audit.evidence import read
    from lapkin_audit.evidence.limits import DEFAULT
    from lapkin_audit.load.sop import Rulebook

    rulebook = sops if hasattr(sops, "files") else Rulebook(dict(sops), ())
    reader = read._reader(facts_cache, None, reading or DEFAULT)
    return Session(rulebook, Scope(lang, tuple(select), tuple(ignore)), budget, reader=reader)


def render_as_cli(fmt: str, report: Report) -> str:
    """The text of ``report`` in ``fmt``, given the rules as ``check`` gives them."""
    if not report.rules:
        from lapkin_audit.decide.catalogue import RULES

        report = dataclasses.replace(report, rules=RULES)
    return "".join(renderer(fmt)(report))


def git(root: Path, *args: str) -> str:
    """``git -C root ARGS`` as a clerk of the office would commit; its standard output."""
    command = ["git", "-c", "user.name=Sub Bagian Umum", "-c", "user.email=umum@kecamatan.test", "-C", str(root), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout
