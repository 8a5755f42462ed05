"""Waivers (`pengecualian`): which violations a valid waiver covers, and X001 for invalid ones.

A stage of its own, after every check family and before the engine stamps findings:
it pairs each violation with the reason of the waiver that covers it (or None). Which
rules a waiver may cover is the catalogue's to say (``decide.catalogue``), passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lapkin_audit.domain.people import same_person
from lapkin_audit.model import WARNING, Dossier, Rule, Sop, Violation, Waiver

RULES = (
    Rule(
        "X001",
        WARNING,
        waivable=False,
        title=("Pengecualian tidak sah", "An invalid waiver"),
        akibat=(
            "Pengecualian yang tidak sah tidak dapat membenarkan temuan yang dikecualikannya.",
            "An invalid waiver cannot justify the finding it waives.",
        ),
        actors=("camat",),
        messages={
            "X001.unknown_rule": (
                "Pengecualian untuk aturan {aturan} tidak sah: kode aturan tidak dikenal.",
                "The waiver of {aturan} is invalid: unknown rule code.",
            ),
            "X001.not_waivable": (
                "Pengecualian untuk aturan {aturan} tidak sah: aturan ini tidak dapat dikecualikan.",
                "The waiver of {aturan} is invalid: this rule cannot be waived.",
            ),
            "X001.empty_reason": (
                "Pengecualian untuk aturan {aturan} tidak sah: alasan kosong.",
                "The waiver of {aturan} is invalid: its alasan is empty.",
            ),
            "X001.not_approver": (
                "Pengecualian untuk aturan {aturan} tidak sah: tidak disetujui oleh {role} yang menjabat.",
                "The waiver of {aturan} is invalid: not approved by the {role} in office.",
            ),
            "X001.no_match": (
                "Pengecualian untuk aturan {aturan} (langkah {langkah}) tidak cocok dengan temuan mana pun.",
                "The waiver of {aturan} (step {langkah}) matches no finding.",
            ),
        },
        checks=(
            "Sebuah pengecualian tidak sah dan tidak mengecualikan apa pun: aturannya tidak dikenal atau tidak dapat dikecualikan, `alasan` kosong, tidak disetujui `camat` yang menjabat, atau tidak cocok dengan temuan mana pun.",
            "A waiver is invalid and waives nothing: an unknown or non-waivable rule, an empty `alasan`, not approved by the `camat` in office, or it matches no finding.",
        ),
        why=(
            "Hanya Camat yang mengesahkan SOP yang dapat menyetujui penyimpangan darinya, dan hanya untuk aturan yang boleh dikecualikan.",
            "Only the Camat who enacts the SOP may approve a departure from it, and only from rules that may be waived.",
        ),
        fix=(
            "Hapus pengecualian itu, atau perbaiki aturan, alasan dan persetujuannya.",
            "Remove the waiver, or correct its rule, reason and approval.",
        ),
        clause="Disahkan oleh: CAMAT KARANGPLOSO",
        failing="""\
  - {jenis: arsip_laporan_kinerja, nomor: ARS/2024/113}
pengecualian:
  - aturan: K003
    alasan: Berkas DPA menyusul.
    disetujui_oleh: {peran: camat, nama: "Bambang Sutrisno", nip: "19700312 199003 1 004"}
    tanggal: 2024-07-03
langkah:
""",
        passing="""\
  - {jenis: arsip_laporan_kinerja, nomor: ARS/2024/113}
langkah:
""",
    ),
)


Judged = tuple[Violation, "str | None"]  # a violation and the alasan of the waiver covering it


def apply(dossier: Dossier, sop: Sop, violations: Iterable[Violation], rules: Mapping[str, Rule]) -> list[Judged]:
    """Every violation with its waiver's reason (None: not waived), then the X001s; ``rules``
    is the catalogue, which says whether a waiver's rule exists and may be waived."""
    found = list(violations)
    reasons: dict[int, str] = {}
    invalid: list[Violation] = []
    approver_role = sop.waiver_approver
    approver = dossier.pejabat.get(approver_role)
    for waiver in dossier.pengecualian:
        problem = _problem(waiver, rules.get(waiver.aturan), approver_role, approver)
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


def _problem(waiver: Waiver, rule: Rule | None, approver_role: str, approver: object) -> str | None:
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
