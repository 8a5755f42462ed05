"""The machine-readable report, version 1 (spec: report-format.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lapkin_audit.model import DossierResult, Evidence, Finding, Report, codec, finding_counts
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.text import indent_json, json_safe

FORMAT = "lapkin-audit-report/1"


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    """The report in pieces, one per dossier, so that 10,000 dossiers never sit in memory
    as one document. The bytes are exactly those of ``json.dumps(as_dict(report), indent=2)``."""
    head = _dumps(_head(report))
    yield head[: -len("\n}")] + ',\n  "dossiers": ['
    first = True
    for result in report.results:
        body = _dumps(dossier_dict(result))
        yield ("\n" if first else ",\n") + indent_json(body, 4)
        first = False
    yield ("]" if first else "\n  ]") + "\n}\n"


def _dumps(data: object) -> str:
    """JSON text, non-ASCII kept as is; a lone surrogate (an undecodable file name) is
    written as its ``\\uXXXX`` escape, which reads back as the same string, since no
    UTF-8 writer accepts it raw."""
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2))


def as_dict(report: Report) -> dict[str, Any]:
    return {**_head(report), "dossiers": [dossier_dict(result) for result in report.results]}


def _head(report: Report) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "tool": {"name": "lapkin-audit", "version": report.tool_version},
        "summary": report.summary(),
        # Added to the spec's fields: findings counted by kind, waived ones apart, and the
        # options that change what the verdicts mean (rules left out, --strict).
        "finding_counts": finding_counts(report.results),
        "options": report.options.as_dict(),
    }


def dossier_dict(result: DossierResult) -> dict[str, Any]:
    """One dossier as the report lists it (and as ``jsonl`` writes it, a line each)."""
    return {
        **{key: codec.encode(getattr(result, key)) for key in ("path", "sop", "verdict")},
        "findings": [_finding(f) for f in result.findings],
        # Added (evidence.md): what the attachments were read as, and each claim's level.
        "evidence": evidence_dict(result.evidence),
        # Added (content.md): the capaian table and the budget, each figure with its source.
        "content": None if result.content is None else dict(result.content),
    }


def evidence_dict(evidence: Evidence | None) -> dict[str, Any] | None:
    """The levels of evidence, then the model's own keys (``model.codec``)."""
    if evidence is None:
        return None
    return {"levels": evidence.levels(), **codec.encode(evidence)}


# The spec's order of a finding's keys, and the keys written only where they apply.
_FINDING = (
    "rule",
    "severity",
    "waived",
    "message",
    "step",
    "field",
    "line",
    "waiver_reason",
    "fingerprint",
    "baselined",
)
_WHERE_THEY_APPLY = {"waiver_reason": "waived", "baselined": "baselined"}


def _finding(finding: Finding) -> dict[str, Any]:
    # Added to the spec's fields: what a baseline matches on (fingerprint), and whether it did.
    encoded = codec.encode(finding)
    return {key: encoded[key] for key in _FINDING if key not in _WHERE_THEY_APPLY or encoded[_WHERE_THEY_APPLY[key]]}
