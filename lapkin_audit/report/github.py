"""GitHub Actions workflow commands: one annotation per finding, then a summary notice.

Printed by a workflow step, each line becomes an annotation on ``<dossier>/dossier.yaml``
(at the finding's line when known) in the run and the pull request's diff. Unwaived
errors are ``::error``, warnings ``::warning``, waived findings ``::notice``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lapkin_audit.lang import words
from lapkin_audit.lang.evidence import evidence_line
from lapkin_audit.lang.words import finding_note, options_note
from lapkin_audit.model import DossierResult, Finding, Report, finding_counts
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.text import CONTROL_ESCAPES, manifest_path, unicode_safe

WORDS = words.GITHUB

# The runner reads "%", CR and LF as escapes or line ends (toolkit's escapeData); other
# control characters would reach the log, which renders ANSI sequences: show them as "\xNN".
_DATA = {**CONTROL_ESCAPES, ord("%"): "%25", ord("\r"): "%0D", ord("\n"): "%0A"}
# Property values also end at ":" or "," (toolkit's escapeProperty).
_PROPERTY = {**_DATA, ord(":"): "%3A", ord(","): "%2C"}


def escape_data(text: str) -> str:
    return unicode_safe(text).translate(_DATA)


def escape_property(text: str) -> str:
    return unicode_safe(text).translate(_PROPERTY)


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    words = WORDS["en" if report.lang == "en" else "id"]
    for result in report.results:
        for finding in result.findings:
            yield _annotation(result, finding, report) + "\n"
    verdicts = ", ".join(f"{label.replace('_', ' ')} {n}" for label, n in report.summary().items())
    summary = words["summary"].format(n=len(report.results), verdicts=verdicts, **finding_counts(report.results))
    if any(result.evidence is not None for result in report.results):
        summary += "; " + evidence_line(report.results, report.lang)
    note = options_note(report.options, report.lang)
    yield f"::notice title=lapkin-audit::{escape_data(summary + (f' ({note})' if note else ''))}\n"


def _annotation(result: DossierResult, finding: Finding, report: Report) -> str:
    # Under --strict a warning fails the run: it is an ::error, as the exit status says.
    quiet = finding.waived or finding.baselined
    command = "notice" if quiet else "error" if report.options.fails(finding) else "warning"
    lang = report.lang
    properties = {"file": manifest_path(result.path)}
    if finding.line is not None:
        properties["line"] = str(finding.line)
    properties["title"] = f"{finding.rule} {result.verdict.label}"
    message = finding.message + finding_note(finding, lang)
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{command} {listed}::{escape_data(message)}"
