"""The CI formats (junit, sarif, github, markdown), through the command line on the bundled
fixtures, and on hand-built reports holding what a hostile manifest can put in a message."""

from __future__ import annotations

import functools
import html
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from lapkin_audit.cli import cli
from lapkin_audit.decide.catalogue import RULES
from lapkin_audit.lang.words import FAMILY_NAMES as FAMILIES
from lapkin_audit.model import DossierResult, Finding, Report, Severity, Verdict
from tests.helpers import render_as_cli
from tests.hostile_util import copy_patuh

ROOT = Path(__file__).resolve().parents[1]
# The OASIS SARIF 2.1.0 schema (sarif-spec, sarif-2.1/schema/), vendored so that the
# validation below runs in any clone and can never skip.
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
ALL = "fixtures/dossiers"  # relative, as a CI job gives it: the reports must keep it relative
FORMATS = ("junit", "sarif", "github", "markdown")
W001 = "fixtures/dossiers/w001-langkah-2-terlambat"
PATUH = "fixtures/dossiers/patuh"
WAIVED = ("fixtures/dossiers/k005-dikecualikan", "fixtures/dossiers/w001-dikecualikan")
E_FIXTURES = sorted(f"{ALL}/{p.name}" for p in (ROOT / ALL).iterdir() if re.match(r"e\d{3}-", p.name))

# One workflow command: "::error file=F,line=N,title=T::message", properties optional.
GITHUB_LINE = re.compile(
    r"::(error|warning|notice)(?: ((?:file|line|title)=[^,:\r\n]*(?:,(?:file|line|title)=[^,:\r\n]*)*))?::([^\r\n]*)"
)


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def check(fmt: str, *paths: str, jobs: int = 1, lang: str = "id") -> str:
    args = ["check", "--jobs", str(jobs), "--no-cache", "--format", fmt, "--lang", lang, *paths]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def json_dossiers(*paths: str, lang: str = "id") -> list[dict[str, Any]]:
    return json.loads(check("json", *paths, lang=lang))["dossiers"]


def findings_of(dossiers: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(d["path"], f) for d in dossiers for f in d["findings"]]


def render(fmt: str, report: Report) -> str:
    return render_as_cli(fmt, report)


# --------------------------------------------------------------------------- JUnit


def junit(*paths: str, lang: str = "id") -> ET.Element:
    return ET.fromstring(check("junit", *paths, lang=lang).encode("utf-8"))


def case_of(root: ET.Element, suite: str, family: str) -> ET.Element:
    (case,) = [
        c for c in root.iterfind(f"testsuite[@name='{suite}']/testcase") if c.get("name", "").startswith(family + " ")
    ]
    return case


def test_junit_one_suite_per_dossier_with_consistent_counts():
    root = junit(ALL)
    dossiers = json_dossiers(ALL)
    assert root.tag == "testsuites"
    assert [s.get("name") for s in root.findall("testsuite")] == [d["path"] for d in dossiers]
    totals: Counter[str] = Counter()
    for suite, dossier in zip(root.findall("testsuite"), dossiers, strict=True):
        cases = suite.findall("testcase")
        assert [c.get("name") for c in cases] == [f"{code} {names[0]}" for code, names in FAMILIES.items()]
        assert {c.get("classname") for c in cases} == {dossier["path"]}
        assert suite.find("properties/property[@name='verdict']").get("value") == dossier["verdict"]
        counts = {"tests": len(cases)} | {
            key: sum(c.find(tag) is not None for c in cases)
            for key, tag in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped"))
        }
        assert {key: int(suite.get(key)) for key in counts} == counts, suite.get("name")
        totals.update(counts)
    assert {key: int(root.get(key)) for key in totals} == dict(totals)
    assert totals["failures"] > 0 and totals["errors"] == len(E_FIXTURES)


def test_junit_w001_fails_the_time_family_only():
    root = junit(W001)
    ((_, finding),) = findings_of(json_dossiers(W001))
    failure = case_of(root, W001, "W").find("failure")
    assert failure is not None and failure.get("type") == "W001"
    assert finding["message"] in failure.get("message")
    assert f"W001 [pelanggaran] baris {finding['line']}" in failure.text and finding["message"] in failure.text
    assert root.get("failures") == "1" and root.get("errors") == "0" and root.get("skipped") == "0"


def test_junit_patuh_has_no_failure():
    root = junit(PATUH)
    assert (root.get("failures"), root.get("errors"), root.get("skipped")) == ("0", "0", "0")
    assert root.find(".//failure") is None and root.find(".//system-out") is None


@pytest.mark.parametrize("path", E_FIXTURES)
def test_junit_unreadable_dossier_errors_and_skips_the_rest(path):
    root = junit(path)
    error = case_of(root, path, "E").find("error")
    assert error is not None and re.fullmatch(r"E\d{3}( E\d{3})*", error.get("type"))
    for family in FAMILIES:
        if family != "E":
            assert case_of(root, path, family).find("skipped") is not None
    assert root.find(".//failure") is None
    assert root.find("testsuite").get("skipped") == str(len(FAMILIES) - 1)


@pytest.mark.parametrize("path", WAIVED)
def test_junit_waived_findings_do_not_fail(path):
    root = junit(path)
    ((_, finding),) = findings_of(json_dossiers(path))
    assert root.find(".//failure") is None
    out = case_of(root, path, finding["rule"][0]).find("system-out")
    assert finding["rule"] in out.text and finding["waiver_reason"] in out.text


# --------------------------------------------------------------------------- SARIF


def sarif(*paths: str, lang: str = "id") -> dict[str, Any]:
    return json.loads(check("sarif", *paths, lang=lang))


@functools.cache
def schema_validator() -> Any:
    import jsonschema

    return jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


@pytest.fixture
def sarif_validator():
    return schema_validator()


def validate_sarif(log: dict[str, Any]) -> None:
    """Validate when the schema is there; the other checks of a test run without it."""
    if schema_validator() is not None:
        schema_validator().validate(log)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sarif_validates_against_the_schema(sarif_validator, lang):
    log = sarif(ALL, lang=lang)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(log)]
    assert not errors, errors[:5]
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sarif_documents_every_rule(lang):
    driver = sarif(PATUH, lang=lang)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "lapkin-audit" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    for described in driver["rules"]:
        rule = doc = RULES[described["id"]]
        assert described["shortDescription"]["text"] == rule.summary(lang)
        assert described["fullDescription"]["text"] == doc.text("checks", lang)
        for text in (doc.text("checks", lang), doc.text("why", lang), doc.text("fix", lang)):
            assert text in described["help"]["text"] and text in described["help"]["markdown"]
        assert doc.clause.strip().splitlines()[0] in described["help"]["text"]
        assert described["defaultConfiguration"]["level"] == rule.severity.value
        assert described["properties"] == {"family": rule.family, "waivable": rule.waivable}
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]+", described["name"])


def test_sarif_has_every_finding_of_the_json_report():
    results = sarif(ALL)["runs"][0]["results"]
    rules = list(RULES)
    expected = findings_of(json_dossiers(ALL))
    assert len(results) == len(expected)
    for result, (path, finding) in zip(results, expected, strict=True):
        location = result["locations"][0]["physicalLocation"]
        assert (result["ruleId"], result["level"], result["message"]["text"]) == (
            finding["rule"],
            finding["severity"],
            finding["message"],
        )
        assert rules[result["ruleIndex"]] == finding["rule"]
        assert location["artifactLocation"] == {"uri": f"{path}/dossier.yaml", "uriBaseId": "%SRCROOT%"}
        assert location.get("region", {}).get("startLine") == finding["line"]
        assert result["properties"]["dossier"] == path and result["properties"]["field"] == finding["field"]
        assert ("suppressions" in result) is finding["waived"]


@pytest.mark.parametrize("path", WAIVED)
def test_sarif_waived_findings_are_suppressed_with_the_reason(path):
    (result,) = sarif(path)["runs"][0]["results"]
    ((_, finding),) = findings_of(json_dossiers(path))
    assert result["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": finding["waiver_reason"]}
    ]


def test_sarif_absolute_path_is_a_file_uri():
    (result,) = sarif(str(ROOT / W001))["runs"][0]["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": (ROOT / W001 / "dossier.yaml").as_uri()}


# --------------------------------------------------------------------------- GitHub


def test_github_one_annotation_per_finding():
    lines = check("github", ALL).splitlines()
    expected = findings_of(json_dossiers(ALL))
    assert len(lines) == len(expected) + 1  # and the summary notice
    for line, (path, finding) in zip(lines[:-1], expected, strict=True):
        command, properties, message = GITHUB_LINE.fullmatch(line).groups()
        fields = dict(p.split("=", 1) for p in properties.split(","))
        assert command == ("notice" if finding["waived"] else finding["severity"])
        assert fields["file"] == f"{path}/dossier.yaml" and fields["line"] == str(finding["line"])
        assert fields["title"].startswith(finding["rule"] + " ") and message.startswith(finding["message"])
    dossiers = len(list((ROOT / ALL).glob("*/dossier.yaml")))
    assert GITHUB_LINE.fullmatch(lines[-1]).group(1) == "notice" and f"{dossiers} dossier" in lines[-1]


def test_github_escapes_data_and_properties():
    finding = Finding("K001", Severity.ERROR, "100% sure\r\nnext: a, b", line=7)
    report = Report("1", "id", (DossierResult("odd,dir:x", "sop", Verdict.TIDAK_PATUH, (finding,)),))
    first = render("github", report).splitlines()[0]
    assert first == "::error file=odd%2Cdir%3Ax/dossier.yaml,line=7,title=K001 TIDAK PATUH::100%25 sure%0D%0Anext: a, b"


def test_github_omits_an_unknown_line():
    finding = Finding("E000", Severity.ERROR, "boom")
    report = Report("1", "en", (DossierResult("d", None, Verdict.TIDAK_DAPAT_DINILAI, (finding,)),))
    assert (
        render("github", report).splitlines()[0] == "::error file=d/dossier.yaml,title=E000 TIDAK DAPAT DINILAI::boom"
    )


# --------------------------------------------------------------------------- Markdown


def test_markdown_summary_has_one_row_per_dossier():
    text = check("markdown", ALL)
    dossiers = json_dossiers(ALL)
    rows = [line for line in text.splitlines() if line.startswith("| fixtures/")]
    assert len(rows) == len(dossiers)
    for row, dossier in zip(rows, dossiers, strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[0] == dossier["path"] and cells[1].endswith(dossier["verdict"].replace("_", " "))
    assert text.count("<details>") == sum(1 for d in dossiers if d["findings"]) == text.count("</details>")


def test_markdown_escapes_hostile_text():
    hostile = "a | b\n<script>alert(1)</script> `x` ![i](http://e/p.png) [l](http://e) &amp;"
    finding = Finding("K001", Severity.ERROR, hostile, step=1, line=3)
    report = Report("1", "id", (DossierResult("x|<b>y", "sop", Verdict.TIDAK_PATUH, (finding,)),))
    text = render("markdown", report)
    assert "<script" not in text and "<b>" not in text and "![i](" not in text and "[l](" not in text
    (row,) = [line for line in text.splitlines() if line.startswith("| 3 |")]
    assert len(re.findall(r"(?<!\\)\|", row)) == 6  # still five cells: the message's pipe is escaped
    assert "&lt;script&gt;" in row and "&amp;amp;" in row and "\\`x\\`" in row and "b<br>&lt;script" in row


@pytest.mark.parametrize("lang", ["id", "en"])
def test_markdown_makes_mentions_and_references_inert(lang):
    # A dossier named "@camat-karangploso" pinged that GitHub user in every comment posted.
    name = "arsip/@camat-karangploso #12 !7 GH-3 ~rahasia $4 %v1 &5 https://contoh.test www.contoh.test"
    finding = Finding("K001", Severity.ERROR, "Dokumen milik @sekretaris tidak ada (lihat #12)", step=1, line=3)
    report = Report("1", lang, (DossierResult(name, "sop", Verdict.TIDAK_PATUH, (finding,)),))
    text = render("markdown", report)
    live = re.compile(r"[@%~]\w|[#!$]\d|&amp;\d|GH-\d|://[^\s\u200b]|www\.\w")
    assert not live.search(text.replace("&#8203;", "\u200b")), live.search(text.replace("&#8203;", "\u200b"))
    assert "@&#8203;camat-karangploso" in text and "#&#8203;12" in text and "@&#8203;sekretaris" in text
    shown = html.unescape(text.replace("&#8203;", ""))
    assert "@camat-karangploso #12 !7 GH-3" in shown  # reads as written once rendered


# --------------------------------------------------------------------------- all four


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_input_same_bytes(fmt):
    first = check(fmt, ALL)
    assert check(fmt, ALL) == first
    assert check(fmt, ALL, jobs=2) == first


def test_sarif_streamed_bytes_equal_one_json_document():
    text = check("sarif", ALL)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def _junit_facts(text: str) -> list[Any]:
    root = ET.fromstring(text.encode("utf-8"))
    return [
        (
            s.get("name"),
            s.find("properties/property[@name='verdict']").get("value"),
            [(o.tag, o.get("type")) for o in s.iterfind("testcase/*")],
        )
        for s in root.iter("testsuite")
    ]


def _sarif_facts(text: str) -> list[Any]:
    results = json.loads(text)["runs"][0]["results"]
    return [(r["ruleId"], r["level"], r["properties"]["verdict"], r["locations"], "suppressions" in r) for r in results]


def _github_facts(text: str) -> list[Any]:
    return [GITHUB_LINE.fullmatch(line).group(1, 2) for line in text.splitlines()[:-1]]


def _markdown_facts(text: str) -> list[Any]:
    rows = [
        line.split("|")
        for line in text.splitlines()
        if line.startswith("| fixtures/") or re.match(r"\| \d* \| [A-Z]\d{3} \|", line)
    ]
    return [(row[1], row[2]) for row in rows]  # dossier and verdict, line and rule


FACTS: dict[str, Callable[[str], list[Any]]] = {
    "junit": _junit_facts,
    "sarif": _sarif_facts,
    "github": _github_facts,
    "markdown": _markdown_facts,
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_language_changes_messages_not_codes_or_verdicts(fmt):
    indonesian, english = check(fmt, ALL, lang="id"), check(fmt, ALL, lang="en")
    assert indonesian != english
    assert FACTS[fmt](indonesian) == FACTS[fmt](english) != []
    message = findings_of(json_dossiers(W001, lang="en"))[0][1]["message"]
    assert message in english and message not in indonesian


HOSTILE = "a|b\x1b[31m\x00\x07\ud800\udfff\ufffe\u2028<script>&\r\n,:%`[x](y)"
SAFE = HOSTILE.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")  # all UTF-8 can carry


def hostile_report(lang: str) -> Report:
    findings = (
        Finding("K001", Severity.ERROR, HOSTILE, step=1, field=HOSTILE, line=3),
        Finding("K005", Severity.WARNING, HOSTILE, field="dokumen", line=None, waived=True, waiver_reason=HOSTILE),
        Finding("H002", Severity.WARNING, HOSTILE, line=9),
    )
    unreadable = (Finding("E002", Severity.ERROR, HOSTILE, line=1),)
    return Report(
        "1.0",
        lang,
        (
            DossierResult("dir/" + HOSTILE, HOSTILE, Verdict.TIDAK_PATUH, findings),
            DossierResult(HOSTILE, None, Verdict.TIDAK_DAPAT_DINILAI, unreadable),
        ),
    )


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_renders_safely(fmt, lang):
    text = render(fmt, hostile_report(lang))
    text.encode("utf-8")  # no lone surrogate left: writing the report cannot fail
    assert "\x1b" not in text and "\x00" not in text
    if fmt == "junit":
        root = ET.fromstring(text.encode("utf-8"))
        assert (
            root.get("failures") == "1" and root.get("errors") == "1" and root.get("skipped") == str(len(FAMILIES) - 1)
        )
        assert "<script>" in root.find(".//failure").text  # escaped in the file, intact once parsed
    elif fmt == "sarif":
        log = json.loads(text)
        validate_sarif(log)
        results = log["runs"][0]["results"]
        assert [r["message"]["text"] for r in results] == [SAFE] * 4
        assert results[1]["suppressions"][0]["justification"] == SAFE
    elif fmt == "github":
        lines = text.split("\n")[:-1]  # the runner ends a command at LF only, not at U+2028
        assert len(lines) == 5 and all(GITHUB_LINE.fullmatch(line) for line in lines)
    else:
        assert "<script" not in text and "\r" not in text
        assert sum(line.startswith("| ") for line in text.splitlines()) == 3 + 2 + 4  # headers, dossiers, findings


def test_hostile_manifest_end_to_end(tmp_path):
    """An unknown key full of control characters, in a folder whose name needs escaping."""
    folder = copy_patuh(tmp_path / "dos, s:ier %x")
    with (folder / "dossier.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write('"bad\\e[31m\\a\\u2028|<b>key\\n%: 1": 1\n')
    outputs = {fmt: check(fmt, str(folder)) for fmt in FORMATS}
    assert ET.fromstring(outputs["junit"].encode("utf-8")).get("errors") == "1"
    validate_sarif(json.loads(outputs["sarif"]))
    assert all(GITHUB_LINE.fullmatch(line) for line in outputs["github"].split("\n")[:-1])
    assert "%2C s%3Aier %25x/dossier.yaml" in outputs["github"]
    assert "<b>" not in outputs["markdown"] and "\x1b" not in "".join(outputs.values())


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", ("table", "json", "junit", "sarif", "github", "markdown", "html"))
def test_bidirectional_controls_are_shown_never_obeyed(fmt, lang):
    # U+202E would display the rest of a name reversed ("fdp.lanigiro" for "original.pdf").
    tricky = "lampiran/\u202efdp.exe\u2066x\u2069 \u200f"
    finding = Finding("K003", Severity.ERROR, f"Berkas '{tricky}' tidak ada.", field="dokumen[1].berkas", line=3)
    report = Report("1.0", lang, (DossierResult("d/" + tricky, "sop", Verdict.TIDAK_PATUH, (finding,)),))
    text = render(fmt, report)
    assert not any(char in text for char in "\u202e\u2066\u2069\u200f")
    assert "\\u202e" in text or "\\\\u202e" in text


# --------------------------------------------------------------------------- honest summaries

IGNORED = f"{ALL}/t001-tanpa-sk-tim"  # no decree at all: PATUH once T is left out
WARNED = f"{ALL}/k005-tanpa-iku"  # a warning only: PATUH DENGAN CATATAN


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fmt", ("table", "json", "junit", "sarif", "github", "markdown", "html"))
def test_rules_left_out_are_said_in_every_format(fmt, lang):
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", fmt, "--lang", lang, "--ignore", "T", IGNORED])
    assert result.exit_code == 0  # the verdict is PATUH: only the rest was assessed ...
    text = result.stdout
    # ... and the report says so, beside the verdicts.
    said = {"id": "aturan T tidak dinilai (--ignore)", "en": "rules T were not assessed (--ignore)"}[lang]
    if fmt == "json":
        options = json.loads(text)["options"]
        assert (options["select"], options["ignore"], options["strict"]) == ([], ["T"], False)
    elif fmt == "sarif":
        assert json.loads(text)["runs"][0]["properties"]["options"]["ignore"] == ["T"]
    elif fmt == "junit":
        assert '<property name="ignore" value="T"' in text
    else:
        assert said in text


def test_under_strict_every_format_agrees_with_the_exit_status():
    def run(fmt: str) -> tuple[int, str]:
        result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", fmt, "--strict", WARNED])
        return result.exit_code, result.stdout

    code, junit = run("junit")
    assert code == 1
    root = ET.fromstring(junit)
    assert int(root.get("failures")) >= 1 and '<property name="strict" value="true"' in junit
    code, github = run("github")
    assert code == 1 and github.startswith("::error ") and "K005" in github.splitlines()[0]
    code, sarif = run("sarif")
    (result,) = json.loads(sarif)["runs"][0]["results"]
    assert code == 1 and result["level"] == "error"
    # Without --strict the same warning passes: the formats follow the option, not a fixed rule.
    plain = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "github", WARNED])
    assert plain.exit_code == 0 and plain.stdout.startswith("::warning ")


def test_markdown_stays_within_its_limit_and_says_what_it_left_out():
    def markdown(*args: str) -> str:
        return CliRunner().invoke(cli, ["check", "--no-cache", "--format", "markdown", *args, ALL]).stdout

    whole = markdown("--max-chars", "0")
    short = markdown("--max-chars", "3000")
    assert len(whole) > 3000 and "Tidak ditampilkan" not in whole
    assert len(short) <= 3000
    summary = next(line for line in whole.splitlines() if line.startswith("**"))
    assert summary in short  # the totals are never cut
    assert "Tidak ditampilkan agar komentar tetap di bawah 3000 karakter" in short
