"""The human report: one row per dossier, then its findings (tabulate)."""

from __future__ import annotations

from typing import Iterator

from tabulate import tabulate

from lapkin_audit.model import Report, Severity
from lapkin_audit.report.json_report import finding_counts

HEADERS = {
    "id": {
        "dossiers": ("Dossier", "SOP", "Putusan", "Galat", "Peringatan", "Dikecualikan"),
        "findings": ("Dossier", "Baris", "Aturan", "Tingkat", "Langkah", "Pesan"),
        "severity": {Severity.ERROR: "galat", Severity.WARNING: "peringatan"},
        "waived": "dikecualikan: {reason}",
        "none": "Tidak ada temuan.",
        "summary": "{n} dossier: {counts}.",
    },
    "en": {
        "dossiers": ("Dossier", "SOP", "Verdict", "Errors", "Warnings", "Waived"),
        "findings": ("Dossier", "Line", "Rule", "Severity", "Step", "Message"),
        "severity": {Severity.ERROR: "error", Severity.WARNING: "warning"},
        "waived": "waived: {reason}",
        "none": "No findings.",
        "summary": "{n} dossier(s): {counts}.",
    },
}


# Control characters from a manifest (a YAML "\n" or "\e") must not forge table rows
# or reach a terminal as escape sequences: show them as escapes instead.
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), 0x7F)}


def _safe(text: object) -> object:
    return text.translate(_CONTROL) if isinstance(text, str) else text


def render(report: Report) -> str:
    words = HEADERS["en" if report.lang == "en" else "id"]
    rows = []
    findings = []
    for result in report.results:
        counts = finding_counts([result])
        rows.append((result.path, _safe(result.sop or "-"), result.verdict.label, counts["error"], counts["warning"], counts["waived"]))
        for f in result.findings:
            severity = words["severity"][f.severity]
            if f.waived:
                severity += " (" + words["waived"].format(reason=f.waiver_reason) + ")"
            findings.append((result.path, f.line or "", f.rule, _safe(severity), f.step or "", _safe(f.message)))
    parts = [tabulate(rows, headers=words["dossiers"], tablefmt="simple")]
    parts.append(tabulate(findings, headers=words["findings"], tablefmt="simple", maxcolwidths=[None, None, None, 24, None, 70]) if findings else words["none"])
    summary = ", ".join(f"{label.replace('_', ' ')} {n}" for label, n in report.summary().items())
    parts.append(words["summary"].format(n=len(report.results), counts=summary))
    return "\n\n".join(parts) + "\n"


def chunks(report: Report) -> Iterator[str]:
    yield render(report)  # column widths need every row: a table is not streamed

