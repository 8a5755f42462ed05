"""The human report: one row per dossier, then its findings (tabulate)."""

from __future__ import annotations

from collections.abc import Iterator

from tabulate import tabulate

from lapkin_audit.lang import words
from lapkin_audit.lang.words import RUN_OPTIONS, options_note, waiver_note
from lapkin_audit.model import Report, Severity, Verdict, finding_counts
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.text import visible

HEADERS = words.TABLE


def _safe(text: object) -> object:
    return visible(text) if isinstance(text, str) else text


# Colour only repeats what the words say (terminals without colour lose nothing).
VERDICT_COLOURS = {
    Verdict.PATUH: "green",
    Verdict.PATUH_DENGAN_CATATAN: "yellow",
    Verdict.TIDAK_PATUH: "red",
    Verdict.TIDAK_DAPAT_DINILAI: "magenta",
}
SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow"}


def render(report: Report, style: Style = PLAIN) -> str:
    import click  # for its ANSI styling; tabulate measures cells without the escape codes

    def paint(text: str, colour: str | None, bold: bool = False) -> str:
        return click.style(text, fg=colour, bold=bold) if style.colour else text

    words = HEADERS["en" if report.lang == "en" else "id"]
    rows = []
    findings = []
    for result in report.results:
        counts = finding_counts([result])
        verdict = paint(result.verdict.label, VERDICT_COLOURS[result.verdict], bold=True)
        rows.append(
            (
                _safe(result.path),
                _safe(result.sop or "-"),
                verdict,
                counts["error"],
                counts["warning"],
                counts["waived"],
            )
        )
        for f in result.findings:
            severity = words["severity"][f.severity]
            if f.waived:
                severity = _safe(severity + waiver_note(f.waiver_reason, report.lang))
            else:
                severity = paint(severity, SEVERITY_COLOURS[f.severity])
            findings.append((_safe(result.path), f.line or "", f.rule, severity, f.step or "", _safe(f.message)))
    parts = [tabulate(rows, headers=words["dossiers"], tablefmt="simple")]
    parts.append(
        tabulate(findings, headers=words["findings"], tablefmt="simple", maxcolwidths=[None, None, None, 24, None, 70])
        if findings
        else words["none"]
    )
    summary = ", ".join(f"{label.replace('_', ' ')} {n}" for label, n in report.summary().items())
    parts.append(words["summary"].format(n=len(report.results), counts=summary))
    note = options_note(report.options, report.lang)
    if note:
        parts.append(f"{RUN_OPTIONS['en' if report.lang == 'en' else 'id']['lead']}: {note}.")
    return "\n\n".join(parts) + "\n"


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    yield render(report, style)  # column widths need every row: a table is not streamed
