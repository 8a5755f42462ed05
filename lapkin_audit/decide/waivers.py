"""Waivers (`pengecualian`): which violations a valid waiver covers, and X001 for invalid ones.

A stage of its own, after every check family and before the engine stamps findings:
it pairs each violation with the reason of the waiver that covers it (or None).

X001  a waiver waives nothing because it is invalid: its rule is unknown or not
      waivable, its `alasan` is empty, it was not approved by the official the SOP
      names (the Camat in office), or it matches no finding.
      Fails: `{aturan: K003, alasan: "...", disetujui_oleh: {peran: camat, ...}}`
      (K003 is not waivable). Fix: remove it, or mend what K003 found.
"""

from __future__ import annotations

from collections.abc import Iterable

from lapkin_audit.catalogue import RULES
from lapkin_audit.domain.people import same_person
from lapkin_audit.model import Dossier, Sop, Violation, Waiver

CODES = ("X001",)


Judged = tuple[Violation, "str | None"]  # a violation and the alasan of the waiver covering it


def apply(dossier: Dossier, sop: Sop, violations: Iterable[Violation]) -> list[Judged]:
    """Every violation with its waiver's reason (None: not waived), then the X001s."""
    found = list(violations)
    reasons: dict[int, str] = {}
    invalid: list[Violation] = []
    approver_role = sop.waiver_approver
    approver = dossier.pejabat.get(approver_role)
    for waiver in dossier.pengecualian:
        problem = _problem(waiver, approver_role, approver)
        matches = [i for i, v in enumerate(found) if _covers(waiver, v)]
        if problem is None and not matches:
            problem = "no_match"
        if problem is not None:
            args = {
                "aturan": waiver.aturan,
                "langkah": waiver.langkah if waiver.langkah is not None else "-",
                "role": approver_role,
            }
            invalid.append(Violation("X001", f"X001.{problem}", args, step=waiver.langkah, field=waiver.field))
            continue
        for i in matches:
            reasons.setdefault(i, waiver.alasan.strip())
    return [(v, reasons.get(i)) for i, v in enumerate(found)] + [(v, None) for v in invalid]


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
