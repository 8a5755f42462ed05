"""The machine-readable report, version 1 (spec: report-format.md)."""

from __future__ import annotations

import json
from typing import Any

from lapkin_audit.model import DossierResult, Finding, Report

FORMAT = "lapkin-audit-report/1"


def render(report: Report) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"


def as_dict(report: Report) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "tool": {"name": "lapkin-audit", "version": report.tool_version},
        "summary": report.summary(),
        # Added to the spec's fields: findings counted by kind, waived ones apart.
        "finding_counts": finding_counts(report.results),
        "dossiers": [_dossier(result) for result in report.results],
    }


def finding_counts(results: tuple[DossierResult, ...] | list[DossierResult]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "waived": 0}
    for result in results:
        for finding in result.findings:
            counts["waived" if finding.waived else finding.severity.value] += 1
    return counts


def _dossier(result: DossierResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "sop": result.sop,
        "verdict": result.verdict.value,
        "findings": [_finding(f) for f in result.findings],
    }


def _finding(finding: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "waived": finding.waived,
        "message": finding.message,
        "step": finding.step,
        "field": finding.field,
        "line": finding.line,
    }
    if finding.waived:
        out["waiver_reason"] = finding.waiver_reason
    return out
