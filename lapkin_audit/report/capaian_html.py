"""The capaian table the Sekretaris knows, for the HTML report, from a dossier's `content`.

Each cell the content checks disagree with is marked, with both figures and where each
comes from (document, page): the report's target against the IKU's or the Perjanjian
Kinerja's (C002), its realisasi against the Laporan Data Kinerja's (C003), its printed
capaian against the computed one (C004), the budget against the DPA and the LRA (C005).
A renderer decides nothing: the codes come with the content.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lapkin_audit.lang.evidence import CONTENT_WORDS

FLAGS = {"target": "C002", "realisasi": "C003", "capaian": "C004"}


def capaian_view(content: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """Rows of the indicator table and of the budget table, each cell its text and, where a
    check disagrees, the other figure and both sources."""
    words = CONTENT_WORDS["en" if lang == "en" else "id"]
    names: Mapping[str, str] = content.get("documents") or {}
    rows = []
    for number, item in enumerate(content.get("indicators") or (), 1):
        codes = set(item.get("codes") or ())
        computed = item.get("capaian_computed")
        rows.append(
            {
                "no": number,
                "name": item["name"],
                "unit": item.get("unit") or "",
                "target": _cell(item.get("target"), item.get("target_source"), "C002" in codes, names, words),
                "realisasi": _cell(item.get("realisasi"), item.get("realisasi_source"), "C003" in codes, names, words),
                "capaian": _capaian(item.get("capaian"), computed, "C004" in codes, names, words),
                "formula": _formula(item, words),
                "codes": sorted(codes),
                "missing": "C001" in codes,
            }
        )
    return {"heads": words["heads"], "rows": rows, "budget": _budget(content.get("budget"), names, words), "w": words}


def _where(figure: Mapping[str, Any] | None, names: Mapping[str, str], words: Mapping[str, Any]) -> str:
    if not figure:
        return ""
    source = figure.get("source") or {}
    kind = str(source.get("jenis") or "")
    name = names.get(kind, kind)
    page = source.get("page")
    return f"{name}, {words['page']} {page}" if page else name


def _cell(
    mine: Mapping[str, Any] | None,
    theirs: Mapping[str, Any] | None,
    differs: bool,
    names: Mapping[str, str],
    words: Mapping[str, Any],
) -> dict[str, Any]:
    return {
        "text": mine["text"] if mine else "—",
        "differs": differs,
        "where": _where(mine, names, words),
        "other": theirs["text"] if theirs else "—",
        "other_where": _where(theirs, names, words),
        "unsure": bool(mine and mine.get("unsure")),
    }


def _capaian(
    printed: Mapping[str, Any] | None,
    computed: str | None,
    differs: bool,
    names: Mapping[str, str],
    words: Mapping[str, Any],
) -> dict[str, Any]:
    shown = "—" if computed is None else f"{float(computed):.2f}".replace(".", ",")
    return {
        "text": printed["text"] if printed else "—",
        "differs": differs,
        "where": _where(printed, names, words),
        "other": shown,
        "other_where": words["computed"],
        "unsure": bool(printed and printed.get("unsure")),
    }


def _formula(item: Mapping[str, Any], words: Mapping[str, Any]) -> str:
    direction = item.get("direction")
    if direction is None:
        return str(words["unknown_direction"])
    return f"{words['direction'][direction]} · {item.get('formula') or '—'}"


def _budget(
    budget: Mapping[str, Any] | None, names: Mapping[str, str], words: Mapping[str, Any]
) -> dict[str, Any] | None:
    if not budget:
        return None
    differs = "C005" in (budget.get("codes") or ())
    pagu_source = budget.get("dpa_pagu") or budget.get("lra_pagu")
    return {
        "unit": budget["unit"] + ("" if budget.get("unit_stated") else f" ({words['assumed']})"),
        "pagu": _cell(
            budget.get("pagu"), pagu_source, differs and _differ(budget.get("pagu"), pagu_source), names, words
        ),
        "realisasi": _cell(
            budget.get("realisasi"),
            budget.get("lra_realisasi"),
            differs and _differ(budget.get("realisasi"), budget.get("lra_realisasi")),
            names,
            words,
        ),
        "persen": _cell(budget.get("persen"), None, False, names, words),
    }


def _differ(mine: Mapping[str, Any] | None, theirs: Mapping[str, Any] | None) -> bool:
    """Whether two money figures differ as printed (their units aside, the check decided)."""
    return bool(mine and theirs and mine.get("value") != theirs.get("value"))
