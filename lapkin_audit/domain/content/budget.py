"""The report's budget against the DPA and the LRA: C005 (and C007 for the budget table).

Money figures are compared in the unit each table states ("(dalam ribuan rupiah)"), at
the coarser of two units (``capaian.money_agrees``); where a table states none, rupiah is
assumed and the finding says so. The pagu may follow the DPA or the LRA's Anggaran column
(the LRA shows the budget after a change, the DPPA): either agrees. A printed percentage
is checked against realisasi / pagu of the report's own figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lapkin_audit.domain import capaian, indicators
from lapkin_audit.domain.content.compare import Documents, Findings, side, unreadable_note, usable
from lapkin_audit.domain.content.model import Budget, BudgetLine, DocumentContent, Figure
from lapkin_audit.model import ContentRules


@dataclass(frozen=True)
class BudgetRecord:
    """The budget figures as the report's ``content`` object shows them."""

    pagu: Figure | None = None
    realisasi: Figure | None = None
    persen: Figure | None = None
    unit: str = "rupiah"
    unit_stated: bool = False
    dpa_pagu: Figure | None = None
    lra_pagu: Figure | None = None
    lra_realisasi: Figure | None = None
    codes: tuple[str, ...] = ()


def _agree(a: Figure, a_budget: Budget, b: Figure, b_budget: Budget) -> bool:
    coarse = a if a_budget.scale.factor >= b_budget.scale.factor else b
    return capaian.money_agrees(a.value, a_budget.scale.factor, b.value, b_budget.scale.factor, coarse.number.decimals)


def _units(report: Budget, other: Budget) -> dict[str, Any]:
    return {
        "satuan_laporan": report.scale.label + ("" if report.scale.stated else " (dianggap)"),
        "satuan_sumber": other.scale.label + ("" if other.scale.stated else " (dianggap)"),
    }


def compare_budget(docs: Documents, rules: ContentRules, out: Findings) -> BudgetRecord | None:
    signed = docs.signed
    dpa_ok = unreadable_note(out, docs.dpa, "pagu", docs.dpa.field if docs.dpa else "")
    lra_ok = unreadable_note(out, docs.lra, "pagu dan realisasi anggaran", docs.lra.field if docs.lra else "")
    if signed is None or not usable(signed):
        return None
    report = signed.budget
    if report is None or report.total is None:
        if dpa_ok or lra_ok:
            out.add("C008", "content.c008.no_budget", signed.field, dokumen=signed.kind)
        return None
    total = report.total
    dpa = docs.dpa.budget if dpa_ok and docs.dpa else None
    lra = docs.lra.budget if lra_ok and docs.lra else None
    dpa_total = dpa.total if dpa else None
    lra_total = lra.total if lra else None
    codes: list[str] = []
    where = signed.field

    def finding(message: str, other: Budget, mine: Figure | None, theirs: Figure | None, **args: Any) -> None:
        codes.append("C005")
        out.add(
            "C005", message, where, **_units(report, other), **side("laporan", mine), **side("sumber", theirs), **args
        )

    pagu_sources = [
        (b, t.pagu) for b, t in ((dpa, dpa_total), (lra, lra_total)) if b and t and t.pagu and not t.pagu.unsure
    ]
    if total.pagu is not None and not total.pagu.unsure and pagu_sources:
        if not any(_agree(total.pagu, report, figure, budget) for budget, figure in pagu_sources if figure):
            budget, figure = pagu_sources[0]
            finding("content.c005.pagu", budget, total.pagu, figure, baris=total.name)
    if lra and lra_total and lra_total.realisasi and total.realisasi and not lra_total.realisasi.unsure:
        if not _agree(total.realisasi, report, lra_total.realisasi, lra):
            finding("content.c005.realisasi", lra, total.realisasi, lra_total.realisasi, baris=total.name)
    for line in report.lines:
        _percent(line, report, codes, out, where)
        if not line.total and lra is not None:
            _line(line, report, lra, codes, out, where, rules)
    return BudgetRecord(
        total.pagu,
        total.realisasi,
        total.persen,
        report.scale.label,
        report.scale.stated,
        dpa_total.pagu if dpa_total else None,
        lra_total.pagu if lra_total else None,
        lra_total.realisasi if lra_total else None,
        tuple(dict.fromkeys(codes)),
    )


def _percent(line: BudgetLine, report: Budget, codes: list[str], out: Findings, where: str) -> None:
    if line.persen is None or line.pagu is None or line.realisasi is None:
        return
    computed = capaian.percent_of(line.realisasi.value, line.pagu.value)
    printed = line.persen
    if computed is not None and not capaian.agrees(printed.value, printed.number.decimals, computed):
        codes.append("C005")
        shown = f"{capaian.rounded(computed, printed.number.decimals):f}".replace(".", ",")
        out.add(
            "C005",
            "content.c005.persen",
            where,
            baris=line.name,
            dihitung=shown,
            pagu=line.pagu.number.text,
            realisasi=line.realisasi.number.text,
            **side("laporan", printed),
        )


def _line(
    line: BudgetLine, report: Budget, lra: Budget, codes: list[str], out: Findings, where: str, rules: ContentRules
) -> None:
    """A program or kegiatan the report breaks out, against the LRA's line of that name."""
    words = indicators.merged(rules.abbreviations)
    names = [other.name for other in lra.lines]
    at = indicators.find(line.name, names, words)
    if at is None:
        return  # the LRA does not break it out: nothing to compare it with
    other = lra.lines[at]
    for column, mine, theirs in (("pagu", line.pagu, other.pagu), ("realisasi", line.realisasi, other.realisasi)):
        if mine is None or theirs is None or mine.unsure or theirs.unsure:
            continue
        if not _agree(mine, report, theirs, lra):
            codes.append("C005")
            out.add(
                "C005",
                f"content.c005.{column}",
                where,
                baris=line.name,
                **_units(report, lra),
                **side("laporan", mine),
                **side("sumber", theirs),
            )


def distributed_budget(signed: DocumentContent, final: DocumentContent, out: Findings) -> None:
    """C007 for the budget table: each figure of the signed report's total, as distributed."""
    before, after = signed.budget, final.budget
    if before is None or before.total is None:
        return
    now = after.total if after else None
    for column in ("pagu", "realisasi", "persen"):
        mine: Figure | None = getattr(before.total, column)
        theirs: Figure | None = getattr(now, column) if now else None
        if mine is None or (theirs is not None and theirs.unsure):
            continue
        same = theirs is not None and after is not None and _agree(mine, before, theirs, after)
        if column == "persen":
            same = theirs is not None and theirs.value == mine.value
        if not same:
            out.add(
                "C007",
                "content.c007",
                final.field,
                indikator=before.total.name,
                kolom=column,
                **side("disahkan", mine),
                **side("distribusi", theirs),
            )
