"""The content checks' rules data (content.md): report outlines (`kerangka` files) and an
SOP's `isi` section, validated as the rest of the rules are (cerberus) -> ``ContentRules``.

```yaml
isi:
  bagian: {draf_laporan_disahkan: lkjip}   # document kind -> the outline its report follows;
                                           # or per period: {draf_laporan_disahkan: {tahunan: lkjip}}
  singkatan: {"kel.": kelurahan}           # added to the default abbreviations
  indikator:                               # an indicator's direction and capaian formula
    - {nama: "Rata-rata waktu penyelesaian pengaduan", arah: turun, rumus: "(2t-r)/t"}
  toleransi: {capaian_digit_terakhir: 1}
```
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lapkin_audit.domain.capaian import DIRECTIONS, FORMULAS
from lapkin_audit.errors import RulesError, flatten_errors
from lapkin_audit.load.kept import normalized
from lapkin_audit.model import ContentRules, IndicatorRule, ReportPart, Store

_ID = {"type": "string", "regex": "[a-z0-9_-]+", "required": True}
OUTLINE_SCHEMA: dict[str, Any] = {
    "id": _ID,
    "nama": {"type": "string", "required": True},
    "sumber": {"type": "string", "required": True, "empty": False},
    "bagian": {
        "type": "list",
        "required": True,
        "minlength": 1,
        "schema": {
            "type": "dict",
            "schema": {
                "id": _ID,
                "nama": {"type": "string", "required": True, "empty": False},
                "pola": {
                    "type": "list",
                    "required": True,
                    "minlength": 1,
                    "schema": {"type": "string", "empty": False},
                },
                "sumber": {"type": "string"},  # where the part's own requirement differs from the outline's
                "atau_dokumen": {"type": "string"},
            },
        },
    },
}
ISI_SCHEMA: dict[str, Any] = {
    # kind -> outline, or kind -> {periode jenis -> outline} (an annual LKjIP, a routine quarter)
    "bagian": {
        "type": "dict",
        "keysrules": {"type": "string"},
        "valuesrules": {
            "anyof": [
                {"type": "string"},
                {
                    "type": "dict",
                    "keysrules": {"type": "string", "allowed": ["bulanan", "triwulan", "semester", "tahunan"]},
                    "valuesrules": {"type": "string"},
                },
            ]
        },
    },
    "singkatan": {"type": "dict", "keysrules": {"type": "string", "empty": False}, "valuesrules": {"type": "string"}},
    "indikator": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                "nama": {"type": "string", "required": True, "empty": False},
                "arah": {"type": "string", "allowed": list(DIRECTIONS)},
                "rumus": {"type": "string", "allowed": [f for forms in FORMULAS.values() for f in forms]},
            },
        },
    },
    "toleransi": {
        "type": "dict",
        "schema": {"capaian_digit_terakhir": {"type": "integer", "min": 0, "max": 10}},
    },
}


def _validated(
    schema: dict[str, Any], document: Any, source: str, prefix: str, kept: Store | None = None
) -> dict[str, Any]:
    """The document as cerberus validated it, or as an earlier run did (``load.kept``): a
    run whose rules were seen before imports no cerberus."""

    def validate(raw: Any) -> Any:
        import cerberus

        checker = cerberus.Validator(schema, allow_unknown=False)
        if not isinstance(raw, dict) or not checker.validate(raw):
            errors = checker.errors if isinstance(raw, dict) else {prefix: ["must be a mapping"]}
            raise RulesError(source, "rules.invalid", detail="; ".join(flatten_errors(errors, {}, prefix)))
        return checker.document

    result: dict[str, Any] = normalized(prefix, document, validate, kept)
    return result


def load_outline(raw: Any, source: str, kept: Store | None = None) -> tuple[str, tuple[ReportPart, ...]]:
    """A `kerangka` file: (its id, its parts)."""
    data = _validated(OUTLINE_SCHEMA, raw, source, "kerangka", kept)
    parts = tuple(
        ReportPart(
            part["id"],
            part["nama"],
            tuple(part["pola"]),
            part.get("sumber") or data["sumber"],
            part.get("atau_dokumen"),
        )
        for part in data["bagian"]
    )
    return data["id"], parts


def content_rules(
    raw: Any, source: str, outlines: Mapping[str, tuple[ReportPart, ...]], kept: Store | None = None
) -> ContentRules:
    """An SOP's `isi` (absent: nothing required beyond the IKU's own indicators)."""
    data = _validated(ISI_SCHEMA, raw or {}, source, "isi", kept)
    parts = {}
    for kind, named in data.get("bagian", {}).items():
        by_period = named.items() if isinstance(named, dict) else [(None, named)]
        for period, outline in by_period:
            if outline not in outlines:
                known = ", ".join(sorted(outlines)) or "-"
                raise RulesError(source, "rules.unknown_outline", kind=kind, outline=outline, known=known)
            parts[kind if period is None else f"{kind}@{period}"] = outlines[outline]
    indicators = []
    for item in data.get("indikator", ()):
        if item.get("rumus") and item.get("arah") and item["rumus"] not in FORMULAS[item["arah"]]:
            args = {"nama": item["nama"], "rumus": item["rumus"], "arah": item["arah"]}
            raise RulesError(source, "rules.formula_direction", **args)
        arah = item.get("arah") or next((d for d, forms in FORMULAS.items() if item.get("rumus") in forms), None)
        indicators.append(IndicatorRule(item["nama"], arah, item.get("rumus")))
    return ContentRules(
        indicators=tuple(indicators),
        abbreviations=dict(data.get("singkatan", {})),
        parts=parts,
        capaian_units=data.get("toleransi", {}).get("capaian_digit_terakhir", 1),
    )
