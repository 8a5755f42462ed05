"""Results streamed: a run's results are never all held. Formats that print a summary first
read them from a spool (a few in memory, the rest on disk) whose counts were kept as they
came; ``jsonl`` writes each dossier as it is judged. Either way the report's bytes are those
of the results held in memory, as before."""

from __future__ import annotations

import json

import pytest

from lapkin_audit import api
from lapkin_audit.batch.spool import Once, Spool
from lapkin_audit.model import Report, finding_counts, tally
from lapkin_audit.report import RENDERERS, streams
from lapkin_audit.settings import Settings
from tests.helpers import FIXTURES, TTE_RULES, render_as_cli

SETTINGS = Settings(rules_dirs=(str(TTE_RULES),), no_cache=True, jobs=1)


@pytest.fixture(scope="module")
def every_fixture():
    """Every fixture dossier's result (compliant ones, one per broken rule, with evidence)."""
    with api.run([str(FIXTURES)], SETTINGS) as run:
        return run, tuple(run.results())


def _report(run, results, fmt) -> Report:  # the run's report over given results
    return run.report(results, outlines=fmt == "html")


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_a_spool_on_disk_gives_the_same_bytes_as_results_in_memory(every_fixture, fmt):
    run, results = every_fixture
    spool = Spool(results, in_memory=3)  # all but three of them written to its file
    assert len(results) > 10 and len(spool) == len(results)
    held, spooled = _report(run, results, fmt), _report(run, spool, fmt)
    assert spooled.results is spool
    assert render_as_cli(fmt, spooled) == render_as_cli(fmt, held)


def test_a_spool_reads_back_every_result_equal_and_passes_may_overlap(every_fixture):
    _, results = every_fixture
    spool = Spool(results, in_memory=2)
    assert list(spool) == list(results)
    pairs = [(a.path, b.path) for a in spool for b in spool]  # a pass inside a pass
    assert pairs == [(a.path, b.path) for a in results for b in results]
    assert results[5] in spool


def test_the_counts_a_spool_kept_are_those_counted_over_the_results(every_fixture):
    _, results = every_fixture
    spool = Spool(results, in_memory=0)
    assert tally(spool) is spool.tally
    counted = tally(list(results))  # a list keeps no counts: counted now
    assert spool.tally.verdicts == counted.verdicts and spool.tally.findings == counted.findings
    assert spool.tally.evidence == counted.evidence and counted.evidence["files"] > 0
    assert finding_counts(spool) == finding_counts(list(results))
    assert sum(counted.verdicts.values()) == len(results)


def test_jsonl_is_the_json_reports_dossiers_a_line_each(run_cli):
    args = ("check", str(FIXTURES), "--rules", str(TTE_RULES), "--jobs", "1")
    whole = json.loads(run_cli(*args, "--format", "json").output)
    lines = run_cli(*args, "--format", "jsonl").output
    assert lines.endswith("\n") and lines.count("\n") == len(whole["dossiers"])
    assert [json.loads(line) for line in lines.splitlines()] == whole["dossiers"]


def test_jsonl_keeps_the_exit_status_and_statistics_of_the_run(run_cli):
    args = ("check", str(FIXTURES / "w001-langkah-2-terlambat"), "--statistics")
    assert run_cli(*args, "--format", "jsonl").exit_code == 1
    assert "W001" in run_cli(*args, "--format", "jsonl").stderr
    assert run_cli(*args, "--format", "jsonl", "--exit-zero").exit_code == 0
    assert run_cli("check", str(FIXTURES / "patuh"), "--format", "jsonl").exit_code == 0


def test_jsonl_writes_a_dossier_before_the_next_is_judged():
    assert streams("jsonl") and not streams("json")
    judged: list[str] = []
    with api.run([str(FIXTURES)], SETTINGS) as run:

        def counted():
            for result in run.results():
                judged.append(result.path)
                yield result

        report = run.report(counted(), once=True)
        assert isinstance(report.results, Once) and len(report.results) == len(run.targets)
        from lapkin_audit.report import renderer

        for n, _line in enumerate(renderer("jsonl")(report, None), 1):  # type: ignore[arg-type]
            assert len(judged) == n  # nothing read ahead, nothing held
        with pytest.raises(RuntimeError):
            list(report.results)  # read once: a second pass is a bug, said loudly


def test_the_dossiers_found_are_kept_packed_and_given_back_as_targets(tmp_path):
    """A run's list of dossiers is kept as strings, not objects: the same targets come back,
    in the same order (display path, then the manifest's bytes when two display alike)."""
    import sys

    from lapkin_audit.load.discovery import Target, Targets, discover

    for name in ("b", "a-b", "a", "a/x"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "dossier.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "a" / "lain.yaml").write_text("{}\n", encoding="utf-8")
    found = discover([str(tmp_path), str(tmp_path / "a" / "lain.yaml")])
    shown = [t.display[len(str(tmp_path)) :] for t in found]
    assert shown == ["/a", "/a", "/a-b", "/a/x", "/b"]  # by display: "-" before "/"
    assert [t.manifest.name for t in found][:2] == ["dossier.yaml", "lain.yaml"]
    expected = [Target(t.folder, t.display, t.manifest, t.unlisted) for t in found]
    assert found[1:3] == expected[1:3] and found[-1] == expected[-1] and Targets.of(expected) == expected
    assert isinstance(found[0].folder, type(tmp_path)) and found[0].folder == tmp_path / "a"
    many = Targets.of([expected[0]] * 1000)
    assert sys.getsizeof(many._items[0]) < 300 and len(many) == 1000
