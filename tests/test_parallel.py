"""``--jobs N`` prints exactly what ``--jobs 1`` prints, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit.batch import parallel
from lapkin_audit.batch.run import audit
from lapkin_audit.cli import cli
from lapkin_audit.load.discovery import discover
from tests.helpers import FIXTURES, session


def check(*args: str) -> str:
    result = CliRunner().invoke(cli, ["check", "--no-cache", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """Every fixture three times over: enough dossiers for workers and many chunks."""
    root = tmp_path_factory.mktemp("many")
    for copy in ("a", "b", "c"):
        shutil.copytree(FIXTURES, root / copy, symlinks=True)
    return root


@pytest.mark.parametrize("fmt", ["json", "table"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_jobs_output_is_byte_identical(many, fmt, lang):
    assert parallel.worth_it(len(discover([str(many)])), 2)
    one = check(str(many), "--jobs", "1", "--format", fmt, "--lang", lang)
    assert check(str(many), "--jobs", "2", "--format", fmt, "--lang", lang) == one
    assert check(str(many), "--jobs", "3", "--format", fmt, "--lang", lang) == one


def test_jobs_with_cache_is_byte_identical(many, tmp_path):
    one = check(str(many), "--jobs", "1", "--format", "json")
    for _ in range(2):  # cold, then warm
        result = CliRunner().invoke(
            cli, ["check", "--jobs", "2", "--cache-dir", str(tmp_path), "--format", "json", str(many)]
        )
        assert result.output == one


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_workers_started_either_way_give_the_same_results(rulebook, many, method):
    if method not in parallel.multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    targets = discover([str(many)])
    units = [(target, ()) for target in targets]
    expected = list(audit(targets, session(rulebook, "en", ignore=("K005",)), jobs=1))
    runner = parallel.ProcessPoolRunner(2, method=method)
    assert list(runner.map(session(rulebook, "en", ignore=("K005",)), units)) == expected


def test_few_dossiers_are_audited_in_process(rulebook, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a pool was started for two dossiers")

    monkeypatch.setattr(parallel.ProcessPoolRunner, "map", refuse)
    targets = discover([str(FIXTURES / "patuh"), str(FIXTURES / "k001-tanpa-lra")])
    assert [r.path for r in audit(targets, session(rulebook), jobs=8)] == [t.display for t in targets]


def test_chunks_keep_input_order(rulebook, many):
    targets = discover([str(many)])
    results = list(parallel.ProcessPoolRunner(2).map(session(rulebook), [(target, ()) for target in targets]))
    assert [r.path for r in results] == [t.display for t in targets]


def test_jobs_must_be_positive():
    result = CliRunner().invoke(cli, ["check", "--jobs", "0", str(FIXTURES / "patuh")])
    assert result.exit_code == 2


def test_a_dead_worker_neither_hangs_nor_loses_dossiers(tmp_path, monkeypatch):
    """A worker killed mid-run (out of memory, say): the run finishes with every dossier."""
    import os
    import shutil

    from lapkin_audit.batch import parallel
    from lapkin_audit.load.discovery import discover
    from lapkin_audit.load.sop import load_rulebook
    from tests.helpers import FIXTURES, session

    for i in range(40):
        shutil.copytree(FIXTURES / "patuh", tmp_path / f"d{i:02}")
    targets = discover([str(tmp_path)])
    from lapkin_audit.batch import runner

    real = runner.audit_one  # the name the workers call

    def dying(target, *args, **kwargs):
        if os.getpid() != parent and target.display.endswith("d07"):
            (tmp_path / "a-worker-died").touch()
            os._exit(9)  # the worker dies; forked workers inherit this patch
        return real(target, *args, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(runner, "audit_one", dying)
    units = [(target, ()) for target in targets]
    results = list(parallel.ProcessPoolRunner(2, method="fork").map(session(load_rulebook()), units))
    assert [r.path for r in results] == [t.display for t in targets]
    assert {r.verdict.value for r in results} == {"PATUH"}
    assert (tmp_path / "a-worker-died").exists()  # the patch reached the workers
