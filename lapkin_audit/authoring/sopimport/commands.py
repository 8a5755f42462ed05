"""What ``lapkin-audit sop import`` and ``sop lint`` do, apart from printing: each returns
the text to write, the lines to report and the exit status, so the CLI stays a
composition root and the tests need no terminal.

Exit status of ``sop import``: 0 written and complete, 1 written with gaps to complete
by hand, 2 refused (not an SOP AP, unreadable, over a limit) or a usage error.
``sop lint``: 0 no defect, 1 defects, 2 the input cannot be read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lapkin_audit.authoring.sopimport import EXIT, GAPS, REFUSED
from lapkin_audit.authoring.sopimport.child import import_in_child
from lapkin_audit.authoring.sopimport.lint import SOP_RULES, Defect, lint
from lapkin_audit.authoring.sopimport.writer import document, to_yaml
from lapkin_audit.lang.importing import SUMMARY, pick
from lapkin_audit.lang.words import severity_word
from lapkin_audit.model import nearest_line


def _t(key: str, lang: str, **args: Any) -> str:
    return pick(SUMMARY[key], lang, **args)


@dataclass
class Outcome:
    status: int
    output: str | None = None  # the rules file (import) or the report (lint)
    messages: list[str] = field(default_factory=list)  # for standard error


def run_import(source: Path, lang: str, policy: Path | None = None) -> Outcome:
    result = import_in_child(source)
    if result.status == REFUSED or result.imported is None:
        return Outcome(EXIT[REFUSED], messages=[result.refusal(str(source), lang)])
    imported = result.imported
    if policy is not None:
        return _completed(source, result, policy, lang)
    text = to_yaml(imported, source.name, result.shape or "teks", result.sha256 or "", lang)
    sop_id = imported.sop.get("id")
    if result.status == GAPS:
        data = document(imported, source.name, result.shape or "teks", result.sha256 or "", lang)
        lines = [_t("gaps", lang, path=source, id=sop_id, count=len(imported.celah))]
        lines += [f"  {gap['bidang']}: {gap['alasan']}" for gap in data["sop"]["celah"]]
        return Outcome(EXIT[GAPS], text, lines)
    return Outcome(EXIT["written"], text, [_t("written", lang, path=source, id=sop_id)])


def _completed(source: Path, result: Any, policy: Path, lang: str) -> Outcome:
    """The import completed with the policy of a rules file, and where the two differ."""
    import cerberus
    import yaml

    from lapkin_audit.authoring.sopimport.complete import complete
    from lapkin_audit.errors import flatten_errors
    from lapkin_audit.load.sop_schema import SOP_SCHEMA

    rules, problem = read_rules_or_source(policy, lang) if policy.suffix.lower() in (".yaml", ".yml") else (None, None)
    if rules is None:
        return Outcome(2, messages=[problem or _t("unreadable", lang, path=policy, detail="not a rules file")])
    checker = cerberus.Validator(SOP_SCHEMA, allow_unknown=False)
    if not checker.validate(rules):
        detail = "; ".join(list(flatten_errors(checker.errors, None, "sop"))[:3])
        return Outcome(2, messages=[_t("unreadable", lang, path=policy, detail=detail)])
    data = document(result.imported, source.name, result.shape or "teks", result.sha256 or "", lang)["sop"]
    completed, differences = complete(data, rules)
    gaps = completed.get("celah") or []
    header = _t("completed", lang, source=source.name, policy=policy.name)
    text = f"# {header}\n" + yaml.safe_dump({"sop": completed}, sort_keys=False, allow_unicode=True, width=110)
    lines = [_t("differences", lang, count=len(differences))] + [f"  {d}" for d in differences]
    if gaps:
        lines.append(_t("gaps", lang, path=source, id=completed.get("id"), count=len(gaps)))
        lines += [f"  {gap['bidang']}: {gap['alasan']}" for gap in gaps]
    return Outcome(EXIT[GAPS] if gaps else EXIT["written"], text, lines)


def read_rules_or_source(path: Path, lang: str) -> tuple[dict[str, Any] | None, str | None]:
    """(the mapping under ``sop:``, None) or (None, why not) for a rules file or a document."""
    sop, problem, _lines = _read(path, lang)
    return sop, problem


def _read(path: Path, lang: str) -> tuple[dict[str, Any] | None, str | None, Mapping[str, int]]:
    """As ``read_rules_or_source``, with the line of every field of a rules file."""
    if path.suffix.lower() in (".yaml", ".yml"):
        from lapkin_audit.lang.messages import Nested
        from lapkin_audit.load import yamlread
        from lapkin_audit.unassessable import render

        text = yamlread.read_text(path)
        if isinstance(text, yamlread.ReadProblem):
            problem = text
        else:
            data, lines, problems = yamlread.parse(text)
            if not problems:
                if isinstance(data, dict) and isinstance(data.get("sop"), dict):
                    return data["sop"], None, lines
                return None, _t("unreadable", lang, path=path, detail="no top-level `sop:`"), {}
            problem = problems[0]
        message = render(problem.message, {**problem.args, "what": Nested("what.rules"), "path": path.name}, lang)
        return None, _t("unreadable", lang, path=path, detail=message), {}
    result = import_in_child(path)
    if result.imported is None:
        return None, result.refusal(str(path), lang), {}
    sop = document(result.imported, path.name, result.shape or "teks", result.sha256 or "", lang)["sop"]
    return sop, None, {}


def run_lint(path: Path, lang: str) -> Outcome:
    sop, problem, lines = _read(path, lang)
    if sop is None:
        return Outcome(2, messages=[problem or ""])
    defects = lint(sop)
    if not defects:
        return Outcome(0, messages=[_t("clean", lang, path=path)])
    return Outcome(1, "\n".join(format_defect(path, d, lang, lines) for d in defects) + "\n")


def format_defect(path: Path, defect: Defect, lang: str, lines: Mapping[str, int] | None = None) -> str:
    """``path[:line]: CODE [severity] field: message``; the line for a rules file."""
    rule = SOP_RULES[defect.code]
    line = nearest_line(f"sop.{defect.field}", lines) if lines else None
    where = f"{path}:{line}" if line else str(path)
    return f"{where}: {defect.code} [{severity_word(rule.severity, lang)}] {defect.field}: {defect.message(lang)}"
