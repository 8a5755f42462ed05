"""The human report: one row per dossier, then its findings (tabulate)."""

from __future__ import annotations

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


def render(report: Report) -> str:
    words = HEADERS["en" if report.lang == "en" else "id"]
    rows = []
    findings = []
    for result in report.results:
        counts = finding_counts([result])
        rows.append((result.path, result.sop or "-", result.verdict.label, counts["error"], counts["warning"], counts["waived"]))
        for f in result.findings:
            severity = words["severity"][f.severity]
            if f.waived:
                severity += " (" + words["waived"].format(reason=f.waiver_reason) + ")"
            findings.append((result.path, f.line or "", f.rule, severity, f.step or "", f.message))
    parts = [tabulate(rows, headers=words["dossiers"], tablefmt="simple")]
    parts.append(tabulate(findings, headers=words["findings"], tablefmt="simple", maxcolwidths=[None, None, None, 24, None, 70]) if findings else words["none"])
    summary = ", ".join(f"{label.replace('_', ' ')} {n}" for label, n in report.summary().items())
    parts.append(words["summary"].format(n=len(report.results), counts=summary))
    return "\n\n".join(parts) + "\n"
