"""JUnit XML for CI test views (GitLab merge requests, Jenkins).

A dossier is a ``<testsuite>``, a rule family one ``<testcase>`` in it, so a CI view
shows which families a dossier fails. Unwaived errors fail their family (``<failure>``;
``<error>`` for the E family: the dossier could not be read); warnings and waived
findings never fail and go to ``<system-out>``. When the dossier could not be assessed,
the other families are ``<skipped>``. No timestamps: the same input gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from lapkin_audit.lang import words
from lapkin_audit.lang.words import FAMILY_NAMES, family_name, finding_note
from lapkin_audit.model import DossierResult, Finding, Report, RunOptions, Verdict
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.text import BIDI_CONTROLS, CONTROL_ESCAPES, manifest_path

WORDS = words.JUNIT

# Characters XML 1.0 cannot carry at all, not even escaped (control characters, lone
# surrogates, U+FFFE/U+FFFF): a manifest may hold them, a parser would reject the file.
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text).translate(_BIDI)


_BIDI = {c: CONTROL_ESCAPES[c] for c in BIDI_CONTROLS}  # shown as "\u202e", never obeyed


_COUNTED = {"failures": "failure", "errors": "error", "skipped": "skipped"}  # attribute -> element


@dataclass(frozen=True)
class _Case:
    family: str
    kind: str | None  # "failure", "error", "skipped" or None (passed)
    findings: tuple[Finding, ...]  # all of the family's
    failing: tuple[Finding, ...]  # the unwaived errors among them


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    """One piece per dossier, after the totals that ``<testsuites>`` carries."""
    words = WORDS["en" if report.lang == "en" else "id"]
    outcomes = [[_outcome(result, family, report.options) for family in FAMILY_NAMES] for result in report.results]
    kinds = [case.kind for cases in outcomes for case in cases]
    totals = {"tests": len(kinds), **{key: kinds.count(kind) for key, kind in _COUNTED.items()}}
    attributes = "".join(f' {key}="{value}"' for key, value in totals.items())
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lapkin-audit"{attributes} time="0">\n'
    for result, cases in zip(report.results, outcomes, strict=True):
        suite = _suite(result, cases, words, report.lang, report.options)
        ET.indent(suite, space="  ", level=1)
        yield "  " + ET.tostring(suite, encoding="unicode") + "\n"
    yield "</testsuites>\n"


def _outcome(result: DossierResult, family: str, options: RunOptions) -> _Case:
    findings = tuple(f for f in result.findings if f.rule.startswith(family))
    failing = tuple(f for f in findings if options.fails(f))  # under --strict, warnings too
    if failing:
        # An E code means the manifest could not be read: the test could not run.
        kind: str | None = "error" if family == "E" else "failure"
    elif result.verdict is Verdict.TIDAK_DAPAT_DINILAI and family != "E":
        kind = "skipped"
    else:
        kind = None
    return _Case(family, kind, findings, failing)


def _suite(
    result: DossierResult,
    cases: list[_Case],
    words: dict,  # type: ignore[type-arg]
    lang: str,
    options: RunOptions,
) -> ET.Element:
    path = _xml(result.path)
    kinds = [case.kind for case in cases]
    counts = {key: str(kinds.count(kind)) for key, kind in _COUNTED.items()}
    suite = ET.Element("testsuite", {"name": path, "tests": str(len(cases)), **counts, "time": "0"})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="verdict", value=result.verdict.value)
    ET.SubElement(properties, "property", name="sop", value=_xml(result.sop or ""))
    # The options that change what the verdict means, beside it.
    for key, value in (("select", ",".join(options.select)), ("ignore", ",".join(options.ignore))):
        if value:
            ET.SubElement(properties, "property", name=key, value=_xml(value))
    for pattern, left_out in options.per_path_ignore:
        ET.SubElement(properties, "property", name="per-path-ignore", value=_xml(f"{pattern}={','.join(left_out)}"))
    if options.strict:
        ET.SubElement(properties, "property", name="strict", value="true")
    if options.config:
        file, digest = options.config
        ET.SubElement(properties, "property", name="config", value=_xml(f"{file} sha256={digest}"))
    for folder, digest in options.rules_dirs:
        ET.SubElement(properties, "property", name="rules", value=_xml(f"{folder} sha256={digest}"))
    if result.evidence is not None:  # levels of evidence (evidence.md), the short form
        for level, n in result.evidence.levels().items():
            ET.SubElement(properties, "property", name=f"evidence.{level}", value=str(n))
        for source, n in result.evidence.sources().items():
            ET.SubElement(properties, "property", name=f"evidence.read.{source}", value=str(n))
        signatures = [s for a in result.evidence.attachments for s in a.signatures]
        if signatures:
            ET.SubElement(properties, "property", name="evidence.tte", value=str(len(signatures)))
            valid = sum(s.status == "valid" for s in signatures)
            ET.SubElement(properties, "property", name="evidence.tte.valid", value=str(valid))
    for case in cases:
        name = f"{case.family} {family_name(case.family, lang)}"
        element = ET.SubElement(
            suite, "testcase", classname=path, name=name, file=_xml(manifest_path(result.path)), time="0"
        )
        if case.failing:
            first = case.failing[0]
            codes = " ".join(dict.fromkeys(f.rule for f in case.failing))
            outcome = ET.SubElement(element, case.kind, type=codes, message=_xml(f"{first.rule}: {first.message}"))  # type: ignore[arg-type]
            outcome.text = "\n".join(_describe(f, words, lang) for f in case.findings)
        elif case.kind == "skipped":
            ET.SubElement(element, "skipped", message=words["skipped"])
        failing = {id(f) for f in case.failing}  # by identity: `f not in case.failing` was O(n^2)
        others = [f for f in case.findings if id(f) not in failing]
        if others:
            ET.SubElement(element, "system-out").text = "\n".join(_describe(f, words, lang) for f in others)
    return suite


def _describe(finding: Finding, words: dict, lang: str) -> str:  # type: ignore[type-arg]
    """ "W001 [pelanggaran] baris 56, langkah[1].selesai: <message>", with the waiver when waived."""
    where = [f"{words['line']} {finding.line}"] if finding.line is not None else []
    where += [finding.field] if finding.field else []
    text = f"{finding.rule} [{words['severity'][finding.severity]}]"
    text += f" {', '.join(where)}: {finding.message}" if where else f": {finding.message}"
    text += finding_note(finding, lang)
    return _xml(text)
