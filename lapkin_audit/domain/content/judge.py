"""The content checks as one pure function: what was read, and the rules -> the ``content``
record and the C001-C008 violations (content.md)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from lapkin_audit.domain.content.budget import BudgetRecord, compare_budget, distributed_budget
from lapkin_audit.domain.content.compare import (
    Documents,
    Findings,
    IndicatorRecord,
    compare_distributed,
    compare_indicators,
    usable,
)
from lapkin_audit.domain.content.model import Figure
from lapkin_audit.domain.content.parts import missing_parts
from lapkin_audit.model import ContentRules, Violation


@dataclass(frozen=True)
class ContentResult:
    indicators: tuple[IndicatorRecord, ...]
    budget: BudgetRecord | None
    missing_parts: tuple[str, ...]
    violations: tuple[Violation, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "indicators": [_indicator_json(r) for r in self.indicators],
            "budget": None if self.budget is None else _budget_json(self.budget),
            "missing_parts": list(self.missing_parts),
        }


def judge(docs: Documents, rules: ContentRules, attached: Collection[str] = ()) -> ContentResult:
    """``attached``: the document kinds the dossier attaches (a part another document stands for)."""
    out = Findings()
    records = compare_indicators(docs, rules, out)
    budget = compare_budget(docs, rules, out)
    if compare_distributed(docs, rules, out) and docs.signed and docs.distributed:
        distributed_budget(docs.signed, docs.distributed, out)
    parts: tuple[str, ...] = ()
    if docs.signed is not None and usable(docs.signed):
        parts = missing_parts(docs.signed, rules, attached, docs.signed.complete, out, docs.periode.jenis)
    # An indicator's codes include those found after its record was made (C007).
    records = [IndicatorRecord(**{**r.__dict__, "codes": tuple(out.codes.get(r.name, r.codes))}) for r in records]
    return ContentResult(tuple(records), budget, parts, tuple(out.violations))


def figure_json(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {
        "value": str(figure.value),
        "text": figure.number.text,
        "source": figure.source.as_json(),
        "unsure": figure.unsure,
    }


def _indicator_json(record: IndicatorRecord) -> dict[str, Any]:
    return {
        "name": record.name,
        "unit": record.unit,
        "target": figure_json(record.target),
        "target_source": figure_json(record.target_source),
        "realisasi": figure_json(record.realisasi),
        "realisasi_source": figure_json(record.realisasi_source),
        "capaian": figure_json(record.capaian),
        "capaian_computed": None if record.computed is None else f"{record.computed:.4f}",
        "direction": record.direction,
        "formula": record.formula,
        "codes": list(record.codes),
    }


def _budget_json(record: BudgetRecord) -> dict[str, Any]:
    return {
        "unit": record.unit,
        "unit_stated": record.unit_stated,
        "pagu": figure_json(record.pagu),
        "realisasi": figure_json(record.realisasi),
        "persen": figure_json(record.persen),
        "dpa_pagu": figure_json(record.dpa_pagu),
        "lra_pagu": figure_json(record.lra_pagu),
        "lra_realisasi": figure_json(record.lra_realisasi),
        "codes": list(record.codes),
    }
