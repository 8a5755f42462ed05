"""``lapkin-audit --version`` imports nothing heavy: no rules, renderers or validators."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("holidays", "tabulate", "cerberus", "pendulum", "yaml", "lapkin_audit.checks", "lapkin_audit.decide.judge")

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


HOOK_PROBE = """
import sys
from lapkin_audit.cli import cli
try:
    cli(["check", "--touched", "--format", "concise", {manifest!r}])
except SystemExit as exc:
    print("status:", exc.code)
heavy = ("cerberus", "holidays", "multiprocessing", "importlib.metadata")
print("loaded:" + ",".join(m for m in heavy if m in sys.modules))
"""


def test_a_hook_run_after_the_first_imports_neither_cerberus_nor_holidays(tmp_path):
    """The validated rules and the year's holidays are kept in the cache's derived tables:
    the second run on a changed dossier (a pre-commit hook's case) re-derives neither."""
    import os
    import shutil

    from tests.helpers import FIXTURES

    shutil.copytree(FIXTURES / "patuh", tmp_path / "d")
    manifest = tmp_path / "d" / "dossier.yaml"
    env = {**os.environ, "LAPKIN_AUDIT_CACHE_DIR": str(tmp_path / "cache")}

    def hook() -> list[str]:
        code = HOOK_PROBE.format(manifest=str(manifest))
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout.splitlines()

    first = hook()
    assert first[0] == "status: 0" and "cerberus" in first[1] and "holidays" in first[1]
    manifest.write_text(manifest.read_text(encoding="utf-8") + "# diubah\n", encoding="utf-8")  # a result-cache miss
    assert hook() == ["status: 0", "loaded:"]


CLASS_CODE_PROBE = """
import dataclasses
import lapkin_audit.classcode as classcode
del dataclasses.exec  # installed by the package's import: again, keeping its code in {kept!r}
classcode._FILE = {kept!r}
classcode.install()
codes = dataclasses.exec.__self__
import lapkin_audit.model as model

@dataclasses.dataclass(frozen=True)
class Foreign:  # a dataclass of another package: not kept
    foreign_marker: int

finding = model.Finding("A001", "error", "pesan", 3)
same = finding == model.Finding("A001", "error", "pesan", 3) and Foreign(1) == Foreign(1)
def names(code):
    inner = [names(c) for c in code.co_consts if hasattr(c, "co_code")]
    return set(code.co_varnames).union(code.co_names, *inner)
foreign = any("foreign_marker" in names(code) for code in codes.known.values())
assert any("severity" in names(code) for code in codes.known.values())
print(len(codes.used), codes.added, same, repr(finding).startswith("Finding(rule='A001'"), foreign)
"""


def test_the_generated_code_of_the_model_is_compiled_once_and_kept(tmp_path):
    """The first start compiles the dataclasses' code and keeps it; the next one compiles none
    and its classes behave alike. Another package's dataclass never enters the kept code."""
    import os

    from lapkin_audit import classcode

    kept = tmp_path / "__pycache__" / "kept.marshal"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    code = CLASS_CODE_PROBE.format(kept=str(kept))

    def start() -> list[str]:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        return done.stdout.split()

    first = start()
    assert kept.exists() and first[1:] == ["True", "True", "True", "False"] and int(first[0]) > 50
    assert start() == [first[0], "False", "True", "True", "False"]
    kept.write_bytes(b"\0" * 40)  # damaged: compiled again, nothing said, written again
    assert start()[1:] == ["True", "True", "True", "False"]
    assert len(classcode._read(str(kept))) == int(first[0])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # -B: not written
    assert done.stderr == ""


def test_an_interrupted_write_of_the_kept_code_leaves_no_file(tmp_path, monkeypatch):
    """Ctrl+C while the compiled code is written at exit: the interrupt goes on, and neither a
    temporary file nor a half-written one is left in ``__pycache__``."""
    from lapkin_audit import classcode

    kept = tmp_path / "__pycache__" / "kept.marshal"
    codes = classcode._Codes(str(kept))
    codes.exec("def f(): return 1\n", {"__name__": "lapkin_audit.probe"})
    monkeypatch.setattr(classcode.sys, "dont_write_bytecode", False)

    def interrupted(value, handle):
        handle.write(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(classcode.marshal, "dump", interrupted)
    with pytest.raises(KeyboardInterrupt):
        codes.save()
    assert list(kept.parent.iterdir()) == []
