"""The judge: the only place a verdict is made.

It runs every check family on a gathered dossier, pairs the violations with the waivers
that cover them, keeps the rules in scope (``--select``/``--ignore``, and the per-path
ignores of the dossier's folder), turns each violation into a finding (severity from the
catalogue, line from the manifest, text in the report's language) and decides the verdict.
Checks never do any of that; nothing after the judge decides a verdict again (a baseline
only marks findings that do not fail a run, ``decide.baseline``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lapkin_audit.budget import NO_DEADLINE, Deadline
from lapkin_audit.checks import Context, capaian, families, levels
from lapkin_audit.checks.context import NEEDS_EVIDENCE, TABLES_OF
from lapkin_audit.decide import waivers
from lapkin_audit.decide.catalogue import RULES, matches, render
from lapkin_audit.gather.context import Gathered
from lapkin_audit.model import (
    Dossier,
    DossierAbout,
    DossierResult,
    Finding,
    Official,
    Severity,
    StepTiming,
    Verdict,
    Violation,
)

INTERNAL_ERROR = "E000"


@dataclass(frozen=True)
class Scope:
    """The rules a dossier is judged by, and the language its findings are written in."""

    lang: str = "id"
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()  # the run's --ignore, and the per-path ignores of the dossier

    def keeps(self, code: str) -> bool:
        if code.startswith("E"):
            return True  # a dossier that cannot be assessed must never look clean
        if self.select and not matches(code, self.select):
            return False
        return not matches(code, self.ignore)

    def narrowed(self, ignored: tuple[str, ...]) -> Scope:
        """This scope with more codes left out (a dossier's per-path ignores)."""
        return dataclasses.replace(self, ignore=(*self.ignore, *ignored)) if ignored else self


def needs(scope: Scope) -> frozenset[str]:
    """What the families with a rule in scope need gathered (``checks.context.NEEDS_EVIDENCE``)."""
    return frozenset(
        need for family in families() if any(scope.keeps(r.code) for r in family.RULES) for need in family.NEEDS
    )


def reads_evidence(scope: Scope) -> bool:
    """Whether the attachments' content must be gathered for the rules in scope."""
    return NEEDS_EVIDENCE in needs(scope)


def table_kinds(scope: Scope) -> frozenset[str]:
    """The document kinds whose tables the families with a rule in scope compare
    (``checks.context.tables_of``)."""
    return frozenset(need[len(TABLES_OF) :] for need in needs(scope) if need.startswith(TABLES_OF))


def judge(gathered: Gathered, scope: Scope, deadline: Deadline = NO_DEADLINE) -> DossierResult:
    """The verdict on one gathered dossier, with its findings, timeline and evidence; the
    budget is asked between check families (``OutOfTime`` when it is spent)."""
    if gathered.failure is not None:
        return internal(gathered.path, gathered.sop_id, "internal", {"error": gathered.failure}, scope.lang)
    ctx = gathered.context
    if ctx is None:
        found = gathered.dossier  # read before the dossier stopped (E006), else None
        findings = _stamp(((v, None) for v in gathered.problems), found, scope)
        result = _result(gathered.path, gathered.sop_id, findings)
        return result if found is None else dataclasses.replace(result, about=_about(found))
    return _judged(ctx, scope, deadline)


def _judged(ctx: Context, scope: Scope, deadline: Deadline) -> DossierResult:
    found, sop = ctx.dossier, ctx.sop
    violations: list[Violation] = []
    for family in families():
        violations.extend(family.check(ctx))
        deadline.check()
    judged = waivers.apply(found, sop, violations, RULES)  # scope after: a waiver still finds its finding
    findings = _stamp([(v, reason) for v, reason in judged if scope.keeps(v.rule)], found, scope)
    result = _result(found.path, sop.id, findings, ctx.timeline)
    # The content checks' record (content.md: the report's `content` object), when they judged.
    content = capaian.record(ctx) if any(scope.keeps(rule.code) for rule in capaian.RULES) else None
    return dataclasses.replace(result, about=_about(found), evidence=levels.evidence(ctx), content=content)


def _about(found: Dossier) -> DossierAbout:
    return DossierAbout(
        found.instansi,
        found.periode,
        tuple(Official(role, person.nama, person.status) for role, person in found.pejabat.items()),
    )


def internal(path: str, sop_id: str | None, key: str, args: Mapping[str, Any], lang: str) -> DossierResult:
    """A dossier the tool itself could not assess (E000: a bug, or its time budget spent):
    never a pass, never the end of a batch, never the office's fault."""
    finding = Finding(rule=INTERNAL_ERROR, severity=Severity.ERROR, message=render(key, args, lang))
    return DossierResult(path, sop_id, Verdict.TIDAK_DAPAT_DINILAI, (finding,))


def unlisted(path: str, lang: str) -> DossierResult:
    """A folder the search could enter but not list: reported, so a partial audit never looks clean."""
    violation = Violation("E001", "read.unlisted", {"path": path})
    return _result(path, None, _stamp([(violation, None)], None, Scope(lang)))


def _stamp(judged: Iterable[waivers.Judged], found: Dossier | None, scope: Scope) -> list[Finding]:
    findings = []
    for violation, reason in judged:
        rule = RULES[violation.rule]
        line = violation.line
        if line is None and found is not None:
            line = found.line_of(violation.field)
        findings.append(
            Finding(
                rule=rule.code,
                severity=rule.severity,
                message=render(violation.message, violation.args, scope.lang),
                step=violation.step,
                field=violation.field,
                line=line,
                waived=reason is not None,
                waiver_reason=reason,
                fingerprint=fingerprint(violation),
            )
        )
    return findings


_INDEXES = re.compile(r"\[\d+\]")


def fingerprint(violation: Violation) -> str:
    """The same finding in another run, whatever its line: code, message id, arguments, and
    field without list positions (a document inserted above must not change it)."""
    args = json.dumps(violation.args, sort_keys=True, default=str, ensure_ascii=False)
    field = _INDEXES.sub("[]", violation.field or "")
    key = f"{violation.rule}\0{violation.message}\0{args}\0{field}\0{violation.step}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _result(
    path: str, sop_id: str | None, findings: list[Finding], steps: tuple[StepTiming, ...] = ()
) -> DossierResult:
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    return DossierResult(path, sop_id, verdict_of(ordered), ordered, steps)


def verdict_of(findings: Iterable[Finding]) -> Verdict:
    findings = list(findings)
    if any(f.rule.startswith("E") for f in findings):
        return Verdict.TIDAK_DAPAT_DINILAI
    if any(f.severity is Severity.ERROR and not f.waived for f in findings):
        return Verdict.TIDAK_PATUH
    if findings:  # warnings and waived errors
        return Verdict.PATUH_DENGAN_CATATAN
    return Verdict.PATUH
