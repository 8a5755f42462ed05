"""The library (``lapkin_audit.api``): what every front end calls, tested as a front end would
call it, without the command line."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit import api
from lapkin_audit.cli import cli
from lapkin_audit.errors import Problem, RulesError, UsageError
from lapkin_audit.model import Verdict
from lapkin_audit.report import renderer
from lapkin_audit.settings import Settings, config_keys, declared
from tests.helpers import FIXTURES, TTE_RULES

PATUH = FIXTURES / "patuh"
LATE = FIXTURES / "w001-langkah-2-terlambat"


def test_audit_a_folder():
    result = api.audit(LATE)
    assert result.verdict is Verdict.TIDAK_PATUH
    assert [f.rule for f in result.findings] == ["W001"]
    assert result.findings[0].message.startswith("Langkah 2")  # Indonesian by default


def test_audit_a_manifest_in_english():
    result = api.audit(LATE / "dossier.yaml", Settings(lang="en"))
    assert result.path == str(LATE) and result.findings[0].message.startswith("Step 2")


def test_audit_a_compliant_dossier_with_its_evidence():
    result = api.audit(PATUH, Settings(rules_dirs=(str(TTE_RULES),)))
    assert result.verdict is Verdict.PATUH and result.findings == ()
    assert result.evidence is not None and result.evidence.attachments
    assert result.about is not None and result.about.instansi.startswith("Kantor Kecamatan")


def test_a_path_that_does_not_exist_is_a_coded_problem(tmp_path):
    with pytest.raises(UsageError) as caught:
        api.audit(tmp_path / "tidak-ada")
    problem = caught.value
    assert problem.message_id == "usage.path_not_found"
    assert problem.text("en") == f"path does not exist: {tmp_path / 'tidak-ada'}"
    assert problem.text("id").startswith("path tidak ada: ")
    assert str(problem) == problem.text("en")  # for logs and tracebacks


def test_settings_read_codes_as_a_person_writes_them():
    assert Settings(select=("k, t001",), ignore=("w",)).select == ("K", "T001")
    with pytest.raises(UsageError) as caught:
        api.run([str(PATUH)], Settings(ignore=("Q9",)))
    assert "Q9" in caught.value.text("en")


def test_a_run_yields_results_in_path_order_and_the_report_the_cli_renders(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    paths = [str(LATE), str(PATUH), str(FIXTURES / "k001-tanpa-lra")]
    settings = Settings(no_cache=True, jobs=1, rules_dirs=(str(TTE_RULES),))
    with api.run(paths, settings) as run:
        assert [t.display for t in run.targets] == sorted(str(Path(p)) for p in paths)
        results = tuple(run.results())
    assert [r.path for r in results] == [t.display for t in run.targets]
    report = run.report(results)
    assert next(iter(report.rules)) == "E000" and report.options.select == ()
    text = "".join(renderer("json")(report))
    args = ["check", "--no-cache", "--jobs", "1", "--rules", str(TTE_RULES), "--format", "json", *paths]
    assert CliRunner().invoke(cli, args).output == text  # the command line only renders what the library made


def test_results_come_as_they_are_judged():
    with api.run([str(FIXTURES)], Settings(no_cache=True, jobs=1)) as run:
        first = next(iter(run.results()))  # the first dossier, before the others are audited
        assert first.path == run.targets[0].display


def test_per_path_ignores_are_judged_with_their_dossier(tmp_path):
    for source, name in (("w001-langkah-2-terlambat", "arsip/2023"), ("k001-tanpa-lra", "baru")):
        shutil.copytree(FIXTURES / source, tmp_path / name)
    settings = Settings(no_cache=True, per_path_ignores=(("arsip", ("W001",)),), per_path_base=str(tmp_path))
    with api.run([str(tmp_path)], settings) as run:
        verdicts = {Path(r.path).name: r.verdict for r in run.results()}
    assert verdicts == {"2023": Verdict.PATUH, "baru": Verdict.TIDAK_PATUH}


def test_a_baseline_written_then_read(tmp_path):
    baseline = tmp_path / "baseline.json"
    with api.run([str(LATE)], Settings(no_cache=True, write_baseline=str(baseline))) as run:
        written = list(run.results())
    assert all(f.baselined for r in written for f in r.findings)
    assert [n.message_id for n in run.notes] == ["note.baseline_written"]
    with api.run([str(LATE), str(PATUH)], Settings(no_cache=True, baseline=str(baseline))) as run:
        results = list(run.results())
        report = run.report(results)
    assert [f.baselined for r in results for f in r.findings] == [True]
    assert report.options.baseline == str(baseline) and report.options.baseline_unused == 0
    assert not any(report.options.fails(f) for r in results for f in r.findings)


def test_broken_rules_are_a_coded_problem_of_the_results(tmp_path):
    (tmp_path / "rusak.yaml").write_text("sop: [1, 2\n", encoding="utf-8")
    with api.run([str(PATUH)], Settings(no_cache=True, rules_dirs=(str(tmp_path),))) as run:
        with pytest.raises(RulesError) as caught:
            list(run.results())
    assert caught.value.where.endswith("rusak.yaml")
    assert caught.value.text("id").startswith(caught.value.where + ": baris 2: YAML tidak sah")
    assert caught.value.text("en").startswith(caught.value.where + ": line 2: Invalid YAML")


def test_a_touched_file_in_no_dossier_leaves_nothing_to_audit(tmp_path):
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    with api.run([str(tmp_path / "README.md")], Settings(touched=True)) as run:
        assert run.targets == () and [n.message_id for n in run.notes] == ["note.no_touched"]


# ---------------------------------------------------------------- settings declared once


def test_every_setting_is_a_field_with_its_declaration():
    fields = {f.name for f in dataclasses.fields(Settings)}
    assert set(declared()) == fields - {"per_path_ignores", "per_path_base", "config_file", "from_config"}
    assert all(s.flag.startswith("--") and s.help for s in declared().values())


def test_the_command_line_offers_every_declared_setting():
    from lapkin_audit.cli.check import check

    offered = {opt for param in check.params for opt in param.opts if opt.startswith("--")}
    assert {s.flag for s in declared().values()} <= offered
    assert offered - {s.flag for s in declared().values()} == {"--config", "--isolated", "--show-settings"}


def test_the_configuration_file_holds_the_declared_keys():
    keys = config_keys()
    assert set(keys) == {s.key for s in declared().values() if s.key is not None}
    assert keys["cache"].param == "no_cache" and keys["cache"].invert
    assert keys["format"].param == "fmt" and keys["rules"].param == "rules_dirs"


def test_every_problem_has_both_languages_with_the_same_arguments():
    import string

    from lapkin_audit.lang.problems import PROBLEMS

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for key, (indonesian, english) in PROBLEMS.items():
        assert indonesian.strip() and english.strip(), key
        assert fields(indonesian) == fields(english), key


def test_a_problem_inside_a_problem_is_said_in_the_same_language():
    inner = Problem("value.boolean", raw="ya")
    outer = Problem("usage.config", problem=Problem("config.value", name="strict", problem=inner))
    assert outer.text("en") == "configuration: strict must be true or false, not 'ya'"
    assert outer.text("id") == "konfigurasi: strict harus true atau false, bukan 'ya'"


def test_a_report_can_be_rendered_from_results_sent_elsewhere(tmp_path):
    """A front end may judge here and render there: the report is plain data."""
    with api.run([str(LATE)], Settings(no_cache=True)) as run:
        results = list(run.results())
        report = run.report(results)
    assert json.loads("".join(renderer("json")(report)))["dossiers"][0]["verdict"] == "TIDAK_PATUH"


def test_the_examples_of_docs_api_md_run(capsys, monkeypatch, tmp_path):
    """The page's examples, run on the fixtures: a document that lies is worse than none."""
    import re

    from tests.helpers import ROOT

    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    assert len(blocks) == 6
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lapkin-audit.toml").write_text('ignore = ["K006"]\n', encoding="utf-8")
    exec(blocks[0].replace('"dossiers/2024-tw2"', f'"{LATE}"'), {})
    assert capsys.readouterr().out.startswith("TIDAK PATUH\n")
    names: dict[str, object] = {}
    exec(blocks[1], names)
    assert names["chosen"] == Settings(
        lang="en",
        select=("K", "T"),
        ignore=("K006",),
        per_path_base=str(tmp_path),
        config_file="lapkin-audit.toml",
        from_config=("ignore",),
    )
    exec(blocks[2].replace('["dossiers/"]', f'["{LATE}", "{PATUH}"]').replace("jobs=2", "jobs=1, no_cache=True"), {})
    capsys.readouterr()
    later = blocks[3].replace('["dossiers/"]', f'["{LATE}"]').replace("Settings()", "Settings(no_cache=True)")
    exec(later, {"api": api, "renderer": renderer})  # the page's imports, made in its first example
    line = capsys.readouterr().out
    assert json.loads(line)["verdict"] == "TIDAK_PATUH" and line.count("\n") == 1
    # A cluster's address of the example is not there to reach: its code is checked to compile and name what exists.
    compile(blocks[4], "api.md", "exec")
    assert "from lapkin_audit.batch.cluster import DaskRunner" in blocks[4]
    exec(blocks[5], {})
    assert "path tidak ada: dossiers/2024-tw2" in capsys.readouterr().out


def test_a_runner_of_ones_own_maps_the_audit_over_the_run():
    """What a cluster's runner does: the session sent once, chunks audited where a worker runs
    them, results sent back as codec text and yielded in order (here, in this process)."""
    from lapkin_audit.batch.runner import audit_units, received

    class Chunked:
        def __init__(self) -> None:
            self.chunks = 0

        def map(self, session, units, looked_up=False):  # type: ignore[no-untyped-def]
            import pickle

            remote = pickle.loads(pickle.dumps(session))  # what a cluster's worker receives
            for start in range(0, len(units), 2):
                chunk = units[start : start + 2]
                self.chunks += 1
                texts = audit_units(remote, chunk, looked_up)
                yield from (received(text, unit, session) for unit, text in zip(chunk, texts, strict=True))

    paths = [str(LATE), str(PATUH), str(FIXTURES / "k001-tanpa-lra")]
    runner = Chunked()
    with api.run(paths, Settings(no_cache=True), runner=runner) as run:
        mine = list(run.results())
    with api.run(paths, Settings(no_cache=True, jobs=1)) as run:
        plain = list(run.results())
    assert mine == plain and runner.chunks == 2
