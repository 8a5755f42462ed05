"""Isolation: a bug met while assessing one dossier is that dossier's failure, not the run's.

It becomes the finding E000 (verdict TIDAK_DAPAT_DINILAI, a message naming the error),
the exit status is 1 (findings), never 2 (the command failed) or a traceback, and every
other dossier of the run is assessed as usual, in this process or in worker processes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lapkin_audit.load.attachments as attachments
import lapkin_audit.load.manifest as manifest
from lapkin_audit.batch.one import assess
from lapkin_audit.checks import kelengkapan
from tests.helpers import session
from tests.hostile_util import by_path, copy_patuh, rules_of

NAMES = [f"d{i:02d}" for i in range(20)]  # enough for --jobs 2 to use worker processes
VICTIM = "d07"


@pytest.fixture
def tree(tmp_path):
    for name in NAMES:
        copy_patuh(tmp_path / name)
    return tmp_path


class Boom(Exception):
    pass


def _explode_for_victim(real, path_of):
    def wrapper(*args, **kwargs):
        if Path(path_of(*args, **kwargs)).name == VICTIM:
            raise Boom("simulated bug for this dossier only")
        return real(*args, **kwargs)

    return wrapper


def _patch(monkeypatch, where: str) -> None:
    if where == "manifest.load":
        monkeypatch.setattr(
            manifest, "load", _explode_for_victim(manifest.load, lambda manifest, *a, **k: manifest.parent)
        )
    elif where == "check family":
        monkeypatch.setattr(
            kelengkapan, "check", _explode_for_victim(kelengkapan.check, lambda ctx: ctx.dossier.folder)
        )
    elif where == "attachments.inspect":
        monkeypatch.setattr(
            attachments, "inspect", _explode_for_victim(attachments.inspect, lambda folder, *rest: folder)
        )
    else:
        raise ValueError(where)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("where", ["manifest.load", "check family", "attachments.inspect"])
def test_an_internal_error_fails_only_its_own_dossier(tree, monkeypatch, run_cli, where, jobs):
    _patch(monkeypatch, where)  # worker processes are forked from this one, patch included
    result = run_cli("check", "--format", "json", "--lang", "en", "--no-cache", "--jobs", jobs, str(tree))
    assert result.exit_code == 1, result.output
    results = by_path(json.loads(result.output))
    victim = results[str(tree / VICTIM)]
    assert victim["verdict"] == "TIDAK_DAPAT_DINILAI"
    assert rules_of(victim) == ["E000"]
    (finding,) = victim["findings"]
    assert finding["severity"] == "error"
    assert "Boom" in finding["message"] and "simulated bug for this dossier only" in finding["message"]
    others = {path: r["verdict"] for path, r in results.items() if path != str(tree / VICTIM)}
    assert others == {str(tree / n): "PATUH" for n in NAMES if n != VICTIM}


def test_the_table_reports_it_too_with_exit_status_1(tree, monkeypatch, run_cli):
    _patch(monkeypatch, "manifest.load")
    result = run_cli("check", "--no-cache", "--jobs", "1", str(tree))
    assert result.exit_code == 1
    assert "E000" in result.output and "Boom" in result.output


def test_an_internal_error_is_not_remembered_by_the_cache(tree, monkeypatch, run_cli):
    """A transient bug must not outlive its run: the next run assesses the dossier again."""
    with monkeypatch.context() as patched:
        _patch(patched, "check family")
        first = run_cli("check", "--format", "json", "--jobs", "1", str(tree / VICTIM))
    assert rules_of(json.loads(first.output)["dossiers"][0]) == ["E000"]
    second = run_cli("check", "--format", "json", "--jobs", "1", str(tree / VICTIM))
    assert second.exit_code == 0
    assert json.loads(second.output)["dossiers"][0]["verdict"] == "PATUH"


@pytest.mark.parametrize("error", [RecursionError("deep"), MemoryError(), KeyError("x"), UnicodeError("u")])
def test_any_exception_becomes_e000(tree, monkeypatch, sops, error):
    def explode(*args, **kwargs):
        raise error

    monkeypatch.setattr(manifest, "load", explode)
    result = assess(tree / VICTIM / "dossier.yaml", VICTIM, session(sops))
    assert result.verdict.value == "TIDAK_DAPAT_DINILAI"
    assert [f.rule for f in result.findings] == ["E000"]
    assert type(error).__name__ in result.findings[0].message


def test_an_interrupt_is_not_swallowed(tree, monkeypatch, sops):
    """Ctrl-C must stop the run: only Exception is isolated, not BaseException."""

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(manifest, "load", interrupt)
    with pytest.raises(KeyboardInterrupt):
        assess(tree / VICTIM / "dossier.yaml", VICTIM, session(sops))


def test_a_dossier_past_its_time_budget_is_reported_and_the_batch_goes_on(tree, monkeypatch, run_cli):
    import time

    real = kelengkapan.check

    def slow_for_the_victim(ctx):  # type: ignore[no-untyped-def]
        if ctx.dossier.folder.name == VICTIM:
            started = time.thread_time()
            while time.thread_time() - started < 1.0:  # stands for an input that makes a check slow
                pass
        return real(ctx)

    monkeypatch.setattr(kelengkapan, "check", slow_for_the_victim)
    # what the checks cost, not the attachments' reading (CPU its children spend counts too)
    no_reading = ("--ignore", "B,S,C,H001")
    args = ("--format", "json", "--lang", "en", "--no-cache", "--jobs", "1", "--timeout", "0.5", *no_reading)
    result = run_cli("check", *args, str(tree))
    report = json.loads(result.output)
    verdicts = {d["path"].rsplit("/", 1)[-1]: d for d in report["dossiers"]}
    victim = verdicts.pop(VICTIM)
    assert victim["verdict"] == "TIDAK_DAPAT_DINILAI" and victim["findings"][0]["rule"] == "E000"
    assert "time limit of 0.5 seconds" in victim["findings"][0]["message"]
    assert {d["verdict"] for d in verdicts.values()} == {"PATUH"} and result.exit_code == 1


def test_the_budget_is_cpu_time_so_a_busy_machine_changes_no_verdict():
    """A dossier waiting (a loaded machine, a slow disk) spends no budget; one computing does;
    the wall clock stops only what runs many times longer than its budget."""
    from lapkin_audit.budget import Deadline, OutOfTime

    cpu, wall = [0.0], [0.0]
    deadline = Deadline(2.0, cpu=lambda: cpu[0], wall=lambda: wall[0])
    wall[0] = 19.0  # waited 19 s, computed nothing: still within budget
    deadline.check()
    deadline.charge(1.5)  # the reader's children computed 1.5 s
    cpu[0] = 0.4
    deadline.check()
    cpu[0] = 0.6  # 2.1 s of CPU in all
    with pytest.raises(OutOfTime):
        deadline.check()
    waiting = Deadline(2.0, cpu=lambda: 0.0, wall=lambda: wall[0])
    wall[0] += 2.0 + 120.0 + 1  # the last guard: past max(10 x budget, budget + 2 min) of waiting
    with pytest.raises(OutOfTime):
        waiting.check()
    assert not Deadline(0, cpu=lambda: 1e9, wall=lambda: 1e9).spent()  # 0: no budget


def test_a_budget_works_in_a_thread_where_no_alarm_could(tree, sops):
    """A server audits in threads: the budget is counted in the auditing thread's own CPU."""
    import threading
    import time

    from lapkin_audit.batch.runner import InProcessRunner
    from lapkin_audit.load.discovery import discover

    real = kelengkapan.check

    def busy(ctx):  # type: ignore[no-untyped-def]
        started = time.thread_time()
        while time.thread_time() - started < 0.5:
            pass
        return real(ctx)

    found = []
    target = discover([str(tree / VICTIM)])[0]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kelengkapan, "check", busy)
        thread = threading.Thread(
            target=lambda: found.extend(InProcessRunner().map(session(sops, "en", budget=0.2), [(target, ())]))
        )
        thread.start()
        thread.join()
    assert [f.rule for f in found[0].findings] == ["E000"] and "time limit" in found[0].findings[0].message
