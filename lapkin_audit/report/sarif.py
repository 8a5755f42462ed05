"""SARIF 2.1.0 for code-scanning views (GitHub code scanning, GitLab, IDE viewers).

One run; ``tool.driver.rules`` holds every catalogue rule (``Report.rules``) with its
documentation, so a viewer can explain a code without lapkin-audit installed. Results come in
report order (dossiers by path, findings by line), streamed one by one like the JSON report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from lapkin_audit.lang import words
from lapkin_audit.model import DossierResult, Finding, Report, Rule, RunOptions, evidence_counts, finding_counts
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.text import MANIFEST, indent_json, json_safe, unicode_safe

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LANGUAGE = {"id": "id-ID", "en": "en-US"}  # run.language: what the messages are written in
_HEADINGS = words.SARIF_HELP


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    """The log in pieces, one per result; the bytes equal ``json.dumps(log, indent=2)``."""
    head = _dumps(_log(report, results=[]))
    before, after = head.rsplit('"results": []', 1)  # "results" is the run's last key
    yield before + '"results": ['
    first = True
    indexes = {code: index for index, code in enumerate(report.rules)}
    for result in report.results:
        for finding in result.findings:
            body = _dumps(_result(result, finding, report.options, indexes))
            yield ("\n" if first else ",\n") + indent_json(body, 8)
            first = False
    yield ("]" if first else "\n      ]") + after + "\n"


def _dumps(value: Any) -> str:
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2))


def _log(report: Report, results: list[Any]) -> dict[str, Any]:
    lang = "en" if report.lang == "en" else "id"
    run = {
        "tool": {
            "driver": {
                "name": "lapkin-audit",
                "version": report.tool_version,
                "rules": [_rule(rule, lang, report.docs_url) for rule in report.rules.values()],
            }
        },
        "language": _LANGUAGE[lang],
        "properties": {
            "summary": report.summary(),
            "finding_counts": finding_counts(report.results),
            "options": report.options.as_dict(),
            # Levels of evidence over every dossier (evidence.md), the short form.
            "evidence": evidence_counts(report.results),
        },
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(rule: Rule, lang: str, docs_url: str | None) -> dict[str, Any]:
    doc = rule
    linked = {"helpUri": f"{docs_url}/rules.md#{rule.anchor}"} if docs_url else {}
    return {
        "id": rule.code,
        "name": _identifier(rule.summary("en")),  # SARIF wants a non-localised name
        "shortDescription": {"text": rule.summary(lang)},
        "fullDescription": {"text": doc.text("checks", lang)},
        **linked,
        "help": {"text": _help_text(doc, lang), "markdown": _help_markdown(doc, lang)},
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"family": rule.family, "waivable": rule.waivable},
    }


def _identifier(summary: str) -> str:
    """ "An attachment's SHA-256 does not match" -> "AnAttachmentsSHA256DoesNotMatch"."""
    words = re.findall(r"[A-Za-z0-9]+", re.sub(r"['\u2019]", "", summary))
    return "".join(word[:1].upper() + word[1:] for word in words)


def _help_text(doc: Rule, lang: str) -> str:
    words = _HEADINGS[lang]
    return "\n\n".join(
        [
            doc.text("checks", lang),
            f"{words['why']}: {doc.text('why', lang)}",
            f"{words['clause']}: {doc.clause}",
            f"{words['fix']}: {doc.text('fix', lang)}",
        ]
    )


def _help_markdown(doc: Rule, lang: str) -> str:
    words = _HEADINGS[lang]
    quoted = "\n".join("> " + line for line in (doc.clause or "").strip().splitlines())
    parts = [
        doc.text("checks", lang),
        f"**{words['why']}**\n\n{doc.text('why', lang)}",
        f"**{words['clause']}**\n\n{quoted}",
        f"**{words['fix']}**\n\n{doc.text('fix', lang)}",
    ]
    for example in ("failing", "passing"):
        snippet = getattr(doc, example)
        if snippet:
            parts.append(f"**{words[example]}**\n\n```yaml\n{snippet.rstrip()}\n```")
    return "\n\n".join(parts)


def _result(result: DossierResult, finding: Finding, options: RunOptions, indexes: Mapping[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in indexes:
        out["ruleIndex"] = indexes[finding.rule]
    # SARIF's levels "error" and "warning" are ours; under --strict a warning fails the run.
    out["level"] = "error" if options.fails(finding) else finding.severity.value
    out["message"] = {"text": unicode_safe(finding.message)}
    out["locations"] = [{"physicalLocation": _physical_location(result.path, finding.line)}]
    if finding.waived or finding.baselined:
        reason = finding.waiver_reason if finding.waived else "baseline"
        suppression = {"kind": "external", "status": "accepted", "justification": unicode_safe(reason or "")}
        out["suppressions"] = [suppression]
    # Code-scanning views track a result across commits by this, not by its line.
    out["partialFingerprints"] = {"lapkinAudit/v1": finding.fingerprint}
    out["properties"] = {
        "dossier": unicode_safe(result.path),
        "verdict": result.verdict.value,
        "step": finding.step,
        "field": None if finding.field is None else unicode_safe(finding.field),
    }
    return out


def _physical_location(dossier: str, line: int | None) -> dict[str, Any]:
    path = PurePath(unicode_safe(dossier), MANIFEST)
    if path.is_absolute():
        artifact = {"uri": path.as_uri()}
    else:
        # A URI reference, relative to where `check` ran (the checkout root, in CI).
        artifact = {"uri": quote(path.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}
    location: dict[str, Any] = {"artifactLocation": artifact}
    if line is not None:
        location["region"] = {"startLine": line}
    return location
