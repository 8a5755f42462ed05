"""``lapkin-audit --version`` imports nothing heavy: no rules, renderers or validators."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("holidays", "tabulate", "cerberus", "pendulum", "yaml", "lapkin_audit.checks", "lapkin_audit.decide.engine")

PROBE = """
import sys
from lapkin_audit.cli import cli
try:
    cli(["--version"])
except SystemExit:
    pass
print("loaded:" + ",".join(m for m in {heavy!r} if m in sys.modules))
"""


def test_version_imports_nothing_heavy():
    out = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0].startswith("lapkin-audit, version")
    assert lines[-1] == "loaded:", f"--version imported {lines[-1]}"


def test_json_report_does_not_import_tabulate(tmp_path):
    probe = """
import sys
from lapkin_audit.cli import cli
try:
    cli(["check", "--no-cache", "--jobs", "1", "--format", "json", "-o", {out!r}, {path!r}])
except SystemExit:
    pass
print("tabulate" in sys.modules)
"""
    from tests.helpers import FIXTURES

    code = probe.format(out=str(tmp_path / "r.json"), path=str(FIXTURES / "patuh"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
