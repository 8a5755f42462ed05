"""The command line: exit statuses, options and the JSON report's shape (report-format.md)."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from lapkin_audit import __version__
from tests.helpers import FIXTURES

PATUH = str(FIXTURES / "patuh")
BROKEN = str(FIXTURES / "k001-tanpa-lra")
NOTES = str(FIXTURES / "k005-tanpa-iku")


def test_version(run_cli):
    result = run_cli("--version")
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize(
    ("paths", "strict", "status"),
    [
        ([PATUH], False, 0),
        ([NOTES], False, 0),
        ([NOTES], True, 1),
        ([PATUH, BROKEN], False, 1),
        ([str(FIXTURES / "e002-yaml-rusak")], False, 1),
    ],
)
def test_exit_status(run_cli, paths, strict, status):
    args = ["check", *paths] + (["--strict"] if strict else [])
    assert run_cli(*args).exit_code == status


def test_missing_path_is_usage_error(run_cli, tmp_path):
    result = run_cli("check", str(tmp_path / "nope"), "--lang", "en")
    assert result.exit_code == 2
    assert "does not exist" in result.output
    said = run_cli("check", str(tmp_path / "nope"))  # in the chosen language: Indonesian by default
    assert said.exit_code == 2 and "path tidak ada" in said.output


def test_no_dossier_found_is_a_warning_or_with_fail_on_empty_a_usage_error(run_cli, tmp_path):
    result = run_cli("check", str(tmp_path), "--lang", "en", "--format", "json")
    assert (result.exit_code, result.stdout) == (0, "")  # a new repository's first pipeline passes
    assert (
        result.stderr == f"lapkin-audit: warning: no dossier.yaml found under: {tmp_path}; nothing was audited"
        " (--fail-on-empty: exit status 2)\n"
    )
    result = run_cli("check", str(tmp_path), "--lang", "en", "--fail-on-empty")
    assert result.exit_code == 2
    assert "no dossier.yaml" in result.output
    (tmp_path / "lapkin-audit.toml").write_text("fail-on-empty = true\n", encoding="utf-8")
    assert run_cli("check", str(tmp_path)).exit_code == 2


def test_unknown_selector_is_usage_error(run_cli):
    assert run_cli("check", PATUH, "--select", "Z9").exit_code == 2


def test_bad_option_is_usage_error(run_cli):
    assert run_cli("check", PATUH, "--format", "xml").exit_code == 2


def test_json_report_shape(run_json):
    status, report = run_json(PATUH, BROKEN)
    assert status == 1
    assert report["format"] == "lapkin-audit-report/1"
    assert report["tool"] == {"name": "lapkin-audit", "version": __version__}
    assert report["summary"] == {"PATUH": 1, "PATUH_DENGAN_CATATAN": 0, "TIDAK_PATUH": 1, "TIDAK_DAPAT_DINILAI": 0}
    assert [d["path"] for d in report["dossiers"]] == sorted([BROKEN, PATUH])
    broken = next(d for d in report["dossiers"] if d["path"] == BROKEN)
    assert broken["sop"] == "pelaporan-kinerja" and broken["verdict"] == "TIDAK_PATUH"
    (finding,) = broken["findings"]
    assert list(finding) == ["rule", "severity", "waived", "message", "step", "field", "line", "fingerprint"]
    assert (finding["rule"], finding["severity"], finding["waived"], finding["step"]) == ("K001", "error", False, 1)
    assert finding["field"] == "langkah[0]"
    manifest = (FIXTURES / "k001-tanpa-lra" / "dossier.yaml").read_text(encoding="utf-8").splitlines()
    assert manifest[finding["line"] - 1] == "  - nomor: 1"  # the first log entry, where step 1 ran


def test_waived_finding_carries_reason_and_counts_apart(run_json):
    _, report = run_json(str(FIXTURES / "k005-dikecualikan"))
    (finding,) = report["dossiers"][0]["findings"]
    assert finding["waived"] is True and finding["waiver_reason"].startswith("Dokumen IKU")
    assert report["finding_counts"] == {"error": 0, "warning": 0, "waived": 1}


def test_unreadable_manifest_has_null_sop(run_json):
    _, report = run_json(str(FIXTURES / "e002-yaml-rusak"))
    assert report["dossiers"][0]["sop"] is None


def test_language_changes_messages_only(run_json):
    _, indonesian = run_json(str(FIXTURES))
    _, english = run_json(str(FIXTURES), "--lang", "en")

    def strip(report):
        return [[{k: v for k, v in f.items() if k != "message"} for f in d["findings"]] for d in report["dossiers"]]

    assert strip(indonesian) == strip(english)
    messages_id = [f["message"] for d in indonesian["dossiers"] for f in d["findings"]]
    messages_en = [f["message"] for d in english["dossiers"] for f in d["findings"]]
    assert all(a != b for a, b in zip(messages_id, messages_en, strict=True))


def test_same_input_same_bytes(run_cli):
    first = run_cli("check", str(FIXTURES), "--format", "json").output
    second = run_cli("check", str(FIXTURES), "--format", "json").output
    assert first == second


def test_select_and_ignore(run_json):
    _, selected = run_json(str(FIXTURES), "--select", "K00")
    rules = {f["rule"] for d in selected["dossiers"] for f in d["findings"]}
    assert rules and all(r.startswith(("K00", "E")) for r in rules)
    _, ignored = run_json(str(FIXTURES), "--ignore", "K,T001")
    rules = {f["rule"] for d in ignored["dossiers"] for f in d["findings"]}
    assert "T002" in rules and not any(r.startswith("K") or r == "T001" for r in rules)
    assert "E002" in rules  # a dossier that cannot be assessed is never hidden


def test_output_file(run_cli, tmp_path):
    target = tmp_path / "report.json"
    result = run_cli("check", PATUH, "--format", "json", "--output", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["PATUH"] == 1


def test_discovery_forms(run_json, tmp_path):
    copy = tmp_path / "berkas" / "2024-tw2"
    shutil.copytree(PATUH, copy)
    by_folder = run_json(str(copy))[1]["dossiers"]
    by_file = run_json(str(copy / "dossier.yaml"))[1]["dossiers"]
    by_tree = run_json(str(tmp_path))[1]["dossiers"]
    assert [d["path"] for d in by_folder] == [str(copy)]
    assert [d["path"] for d in by_file] == [str(copy)]
    assert [d["path"] for d in by_tree] == [str(copy)]


def test_table_report_lists_verdicts(run_cli):
    result = run_cli("check", PATUH, BROKEN)
    assert "PATUH" in result.output and "TIDAK PATUH" in result.output and "K001" in result.output


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rules_list_as_json_for_scripts(run_cli, lang):
    from lapkin_audit.decide.catalogue import RULES

    listing = run_cli("rules", "list", "--format", "json", "--lang", lang)
    assert listing.exit_code == 0
    document = json.loads(listing.output)
    assert document["format"] == "lapkin-audit-rules/1"
    checks = [r for r in document["rules"] if r["command"] == "check"]
    assert [r["code"] for r in checks] == list(RULES)
    for listed in checks:
        rule = RULES[listed["code"]]
        assert (listed["family"], listed["severity"], listed["waivable"]) == (
            rule.family,
            rule.severity.value,
            rule.waivable,
        )
        assert listed["title"] == rule.summary(lang)
    lint = [r["code"] for r in document["rules"] if r["command"] == "sop lint"]
    assert lint and all(code.startswith("L") for code in lint)


@pytest.mark.parametrize(
    "args", [("rules",), ("rules", "list"), ("rules", "list", "--lang", "en"), ("rules", "--lang", "en")]
)
def test_rules_list_forms(run_cli, args):
    from lapkin_audit.decide.catalogue import RULES

    listing = run_cli(*args)
    assert listing.exit_code == 0
    listed = [
        line.split()[0] for line in listing.output.splitlines() if line[:1].isupper() and line.split()[0] in RULES
    ]
    assert listed == list(RULES)
    english = "en" in args
    assert ("Completeness" in listing.output) == english and ("Kelengkapan" in listing.output) != english


@pytest.mark.parametrize(
    "args",
    [
        ("rules", "explain", "a003"),
        ("rules", "a003"),
        ("rules", "--lang", "en", "a003"),
        ("rules", "explain", "A003", "--lang", "en"),
    ],
)
def test_rules_explain_forms(run_cli, args):
    from lapkin_audit.authoring import ruledocs

    one = run_cli(*args)
    lang = "en" if "en" in args else "id"
    assert one.exit_code == 0, one.output
    assert one.output == ruledocs.explain("A003", lang) + "\n"
    assert "W001" not in one.output


@pytest.mark.parametrize("args", [("rules", "Q999"), ("rules", "explain", "Q999"), ("rules", "explain")])
def test_rules_unknown_code_is_usage_error(run_cli, args):
    result = run_cli(*args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_extra_rules_dir_that_is_broken_is_usage_error(run_cli, tmp_path):
    (tmp_path / "rusak.yaml").write_text("sop: [1, 2\n", encoding="utf-8")
    result = run_cli("check", PATUH, "--rules", str(tmp_path))
    assert result.exit_code == 2
    assert "rusak.yaml" in result.output


def test_table_escapes_control_characters(tmp_path, run_cli):
    folder = tmp_path / "d"
    shutil.copytree(PATUH, folder)
    text = (
        (folder / "dossier.yaml").read_text(encoding="utf-8").replace("hasil: diteruskan", 'hasil: "ok\\n\\e[31mPATUH"')
    )
    (folder / "dossier.yaml").write_text(text, encoding="utf-8")
    output = run_cli("check", str(folder)).output
    assert "\x1b" not in output and "ok\\x0a\\x1b[31mPATUH" in output


def test_output_keeps_the_mode_of_the_report_it_replaces(tmp_path, run_cli):
    target = tmp_path / "report.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o644)
    assert run_cli("check", PATUH, "--format", "json", "--output", str(target)).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_renderer_bug_is_a_clear_exit_2(monkeypatch, run_cli, tmp_path):
    import lapkin_audit.report.json_report as json_report

    def broken(report, style):
        yield '{"format": '
        raise RuntimeError("boom")

    monkeypatch.setattr(json_report, "chunks", broken)
    target = tmp_path / "report.json"
    result = run_cli("check", PATUH, "--format", "json", "--output", str(target), "--lang", "en")
    assert result.exit_code == 2 and "internal error" in result.output and "boom" in result.output
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_streamed_json_is_exactly_the_whole_document(audit):
    from lapkin_audit.model import Report
    from lapkin_audit.report import json_report

    results = tuple(audit(FIXTURES / name) for name in ("e002-yaml-rusak", "k005-dikecualikan", "patuh"))
    for report in (Report("1.0.0", "id", results), Report("1.0.0", "en", ())):
        whole = json.dumps(json_report.as_dict(report), ensure_ascii=False, indent=2) + "\n"
        assert "".join(json_report.chunks(report)) == whole


def test_colour_only_when_asked_or_on_a_terminal(run_cli, monkeypatch):
    plain = run_cli("check", BROKEN).output
    assert "\x1b[" not in plain  # CliRunner's stdout is not a terminal
    forced = run_cli("check", BROKEN, "--color").output
    assert "\x1b[31m" in forced and click_unstyle(forced) == plain
    assert "\x1b[" not in run_cli("check", BROKEN, "--format", "json", "--color").output  # only the table is coloured


def test_no_color_and_terminals(monkeypatch):
    from lapkin_audit.cli import check as cli

    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._colour_wanted(None, None) is True
    assert cli._colour_wanted(None, "report.txt") is False  # a file is not a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli._colour_wanted(None, None) is False
    assert cli._colour_wanted(True, None) is True  # an explicit --color wins
    monkeypatch.setenv("NO_COLOR", "")  # empty: as if unset (no-color.org)
    assert cli._colour_wanted(None, None) is True


def click_unstyle(text: str) -> str:
    import click

    return click.unstyle(text)


def _run_with_terminal_stderr(*args: str) -> tuple[str, str]:
    """Runs the installed command with standard error on a pseudo-terminal."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "lapkin_audit", *args], stdout=subprocess.PIPE, stderr=follower, timeout=120
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return proc.stdout.decode(), seen.decode(errors="replace")


def test_progress_bar_on_a_terminal_only(tmp_path):
    stdout, stderr = _run_with_terminal_stderr("check", "--no-cache", "--jobs", "1", "--format", "json", str(FIXTURES))
    count = len(json.loads(stdout)["dossiers"])
    assert f"{count}/{count}" in stderr and "Memeriksa" in stderr
    assert "Memeriksa" not in stdout and json.loads(stdout)  # the report itself is untouched
    _, single = _run_with_terminal_stderr("check", "--no-cache", "--format", "json", PATUH)
    assert "Memeriksa" not in single  # one dossier: no bar


def test_progress_bar_never_in_a_pipe(run_cli):
    result = run_cli("check", "--no-cache", str(FIXTURES), "--format", "json")
    assert "Memeriksa" not in result.output and "Checking" not in result.output


def test_json_keeps_line_separators_and_surrogates_exact():
    """U+2028 inside a message is not a line to indent; a lone surrogate (an undecodable
    file name) cannot be written raw as UTF-8, and is written as its JSON escape."""
    from lapkin_audit.model import DossierResult, Finding, Report, Severity, Verdict
    from lapkin_audit.report import json_report, table

    message = "kunci 'a\u2028b' tidak dikenal"
    finding = Finding("E003", Severity.ERROR, message, field="a\u2028b", line=3)
    report = Report("1.0.0", "id", (DossierResult("arsip/\udcff-tw2", None, Verdict.TIDAK_DAPAT_DINILAI, (finding,)),))
    text = json_report.render(report)
    text.encode("utf-8")  # would raise on a raw surrogate
    parsed = json.loads(text)
    assert parsed["dossiers"][0]["path"] == "arsip/\udcff-tw2"
    assert parsed["dossiers"][0]["findings"][0]["message"] == message
    table_text = table.render(report)
    assert "arsip/\ufffd-tw2" in table_text  # for a person: replaced, and encodable
    table_text.encode("utf-8")


# --------------------------------------------------------------------------- output habits


@pytest.mark.parametrize("width", [80, 100, 120])
def test_the_table_fits_the_terminal(audit, width):
    from lapkin_audit.model import Report
    from lapkin_audit.report import Style
    from lapkin_audit.report.table import render

    results = tuple(audit(path) for path in sorted(FIXTURES.iterdir()) if (path / "dossier.yaml").exists())
    text = render(Report("1", "id", results), Style(width=width))
    assert max(len(line) for line in text.splitlines()) <= width


def test_concise_is_one_line_per_finding_for_editors_and_grep(run_cli):
    result = run_cli("check", "--no-cache", "--format", "concise", str(FIXTURES / "w001-langkah-2-terlambat"))
    (line,) = result.output.splitlines()
    assert re.fullmatch(r".*/w001-langkah-2-terlambat/dossier\.yaml:\d+: W001 Langkah 2 .*", line)
    assert result.exit_code == 1


def test_exit_zero_keeps_2_for_a_failed_tool(run_cli):
    assert run_cli("check", "--no-cache", "--exit-zero", str(FIXTURES / "k001-tanpa-lra")).exit_code == 0
    assert run_cli("check", "--no-cache", "--exit-zero", str(FIXTURES / "no-such-dossier")).exit_code == 2


def test_quiet_shows_only_dossiers_with_findings(run_cli):
    result = run_cli("check", "--no-cache", "-q", str(FIXTURES / "patuh"), str(FIXTURES / "k001-tanpa-lra"))
    assert "k001-tanpa-lra" in result.output and "fixtures/dossiers/patuh " not in result.output


def test_statistics_count_findings_per_code(run_cli):
    result = run_cli("check", "--no-cache", "--statistics", "--format", "json", str(FIXTURES))
    json.loads(result.stdout)  # the report itself is untouched
    counts = {line.split()[1]: int(line.split()[0]) for line in result.stderr.splitlines()}
    assert counts["W001"] == 3 and counts["K003"] >= 2


def test_jobs_beyond_the_cores_are_capped(run_cli, monkeypatch):
    import lapkin_audit.api as run

    seen = []
    real = run.audit_targets
    monkeypatch.setattr(run, "cores", lambda: 2)
    monkeypatch.setattr(run, "audit_targets", lambda *a, **k: seen.append(k["jobs"]) or real(*a, **k))
    assert run_cli("check", "--no-cache", "-j", "16", str(FIXTURES / "patuh")).exit_code == 0
    assert seen == [2]
