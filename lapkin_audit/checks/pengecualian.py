"""Waivers (`pengecualian`): which findings a valid waiver covers, and X001 for invalid ones.

Runs after every other family, on their violations (the engine calls it).

X001  a waiver waives nothing because it is invalid: its rule is unknown or not
      waivable, its `alasan` is empty, it was not approved by the official the SOP
      names (the Camat in office), or it matches no finding.
      Fails: `{aturan: K003, alasan: "...", disetujui_oleh: {peran: camat, ...}}`
      (K003 is not waivable). Fix: remove it, or mend what K003 found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from lapkin_audit.decide.catalogue import RULES
from lapkin_audit.checks import Context
from lapkin_audit.model import Violation, Waiver
from lapkin_audit.domain.people import same_person

CODES = ("X001",)


def check(ctx: Context) -> Iterable[Violation]:
    """Waivers act on the other families' findings: see ``apply``, called by the engine."""
    return ()


@dataclass(frozen=True)
class WaiverOutcome:
    reasons: dict[int, str]  # index of a covered violation -> the waiver's alasan
    violations: tuple[Violation, ...]  # X001 findings


def apply(ctx: Context, violations: Iterable[Violation]) -> WaiverOutcome:
    found = list(violations)
    reasons: dict[int, str] = {}
    invalid: list[Violation] = []
    approver_role = ctx.sop.waiver_approver
    approver = ctx.dossier.pejabat.get(approver_role)
    for waiver in ctx.dossier.pengecualian:
        problem = _problem(waiver, approver_role, approver)
        matches = [i for i, v in enumerate(found) if _covers(waiver, v)]
        if problem is None and not matches:
            problem = "no_match"
        if problem is not None:
            args = {"aturan": waiver.aturan, "langkah": waiver.langkah if waiver.langkah is not None else "-", "role": approver_role}
            invalid.append(Violation("X001", f"X001.{problem}", args, step=waiver.langkah, field=waiver.field))
            continue
        for i in matches:
            reasons.setdefault(i, waiver.alasan.strip())
    return WaiverOutcome(reasons, tuple(invalid))


def _problem(waiver: Waiver, approver_role: str, approver: object) -> str | None:
    rule = RULES.get(waiver.aturan)
    if rule is None:
        return "unknown_rule"
    if not rule.waivable:
        return "not_waivable"
    if not waiver.alasan.strip():
        return "empty_reason"
    who = waiver.disetujui_oleh
    if who.peran != approver_role or approver is None:
        return "not_approver"
    if not same_person(who.nama, who.nip, approver.nama, approver.nip):  # type: ignore[attr-defined]
        return "not_approver"
    return None


def _covers(waiver: Waiver, violation: Violation) -> bool:
    if violation.rule != waiver.aturan:
        return False
    return waiver.langkah is None or violation.step == waiver.langkah
