"""The report's indicators against their sources: C001-C004, C007 and C008 (content.md).

Pure functions of what was read (``DocumentContent``) and the rules (``ContentRules``):
no file, no clock. C001-C005 judge the signed report (``draf_laporan_disahkan``); C007
compares the distributed report with it, figure by figure. A figure OCR read unsure, or a
document read only in part, never gives C001-C005: it gives C008, which says what stays
unchecked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from lapkin_audit.domain import capaian, indicators
from lapkin_audit.domain.content.model import DocumentContent, Figure, IndicatorRow
from lapkin_audit.model import ContentRules, Periode, Violation

SIGNED = "draf_laporan_disahkan"
REPORTED = "reported"  # a document's problem another finding already reports (B001, B006): no C008 of its own
DISTRIBUTED = "laporan_kinerja_rutin"


@dataclass(frozen=True)
class Documents:
    """What was read of each document the content checks use (None: not attached)."""

    periode: Periode
    iku: DocumentContent | None = None
    pk: DocumentContent | None = None  # perjanjian_kinerja
    data: DocumentContent | None = None  # laporan_data_kinerja
    lra: DocumentContent | None = None
    dpa: DocumentContent | None = None
    signed: DocumentContent | None = None
    distributed: DocumentContent | None = None  # None also when it is the signed report's very file


@dataclass(frozen=True)
class IndicatorRecord:
    """One indicator as the report's ``content`` object shows it."""

    name: str
    unit: str = ""
    target: Figure | None = None  # the report's
    target_source: Figure | None = None  # the IKU's or the Perjanjian Kinerja's
    realisasi: Figure | None = None  # the report's
    realisasi_source: Figure | None = None  # the Laporan Data Kinerja's
    capaian: Figure | None = None  # printed
    computed: Decimal | None = None
    direction: str | None = None
    formula: str | None = None
    codes: tuple[str, ...] = ()


@dataclass
class Findings:
    """Violations as they are found, and the codes each indicator collects."""

    violations: list[Violation] = field(default_factory=list)
    codes: dict[str, list[str]] = field(default_factory=dict)

    def add(self, code: str, message: str, where: str, indicator: str | None = None, **args: Any) -> None:
        self.violations.append(Violation(code, message, args, field=where or None))
        if indicator is not None:
            found = self.codes.setdefault(indicator, [])
            if code not in found:
                found.append(code)


def side(prefix: str, figure: Figure | None) -> dict[str, Any]:
    """A figure's arguments for a message: as printed, its document and page."""
    if figure is None:
        return {prefix: "-", f"{prefix}_dokumen": None, f"{prefix}_halaman": None}
    return {
        prefix: figure.number.text,
        f"{prefix}_dokumen": figure.source.kind,
        f"{prefix}_halaman": figure.source.page,
    }


def period_key(periode: Periode) -> str | None:
    return None if periode.jenis == "tahunan" or periode.ke is None else f"{periode.jenis}-{periode.ke}"


def target_for(row: IndicatorRow, key: str | None) -> Figure | None:
    """The target for the period where the row states one, else the year's (content.md)."""
    return (row.period_targets.get(key) if key else None) or row.target


def realisasi_for(row: IndicatorRow, key: str | None) -> Figure | None:
    return (row.period_realisasi.get(key) if key else None) or row.realisasi


def usable(document: DocumentContent | None) -> bool:
    return document is not None and document.readable and not document.unsure


def unreadable_note(out: Findings, document: DocumentContent | None, unchecked: str, where: str) -> bool:
    """C008 for a source attached but not read (or read unsure); True when it can be used."""
    if document is None:
        return False  # not attached: K001/K005 say so; the content object shows it unchecked
    if document.unsure and document.problem != REPORTED:
        out.add("C008", "content.c008.unsure", document.field, dokumen=document.kind, tidak_diperiksa=unchecked)
        return False
    if not document.readable:
        if document.problem == REPORTED:
            return False
        reason = document.problem or "unreadable"
        out.add(
            "C008",
            "content.c008.unreadable",
            document.field,
            dokumen=document.kind,
            sebab=reason,
            tidak_diperiksa=unchecked,
        )
        return False
    return True


def reference(docs: Documents, rules: ContentRules, out: Findings) -> list[tuple[IndicatorRow, Figure | None]]:
    """The indicators the report must carry (IKU and Perjanjian Kinerja, one row per name)
    and each one's target for the period. A Perjanjian Kinerja's target wins where both
    agree; where they disagree it is C002 naming both, and the report is compared with the
    Perjanjian Kinerja (signed later, for the year)."""
    words = indicators.merged(rules.abbreviations)
    key = period_key(docs.periode)
    rows: dict[str, tuple[IndicatorRow, Figure | None]] = {}
    for document in (docs.iku, docs.pk):
        if document is None or not document.readable or document.unsure:
            continue
        for row in document.indicators:
            if row.unsure:  # its name or target read by unsure OCR: neither required nor compared
                out.add(
                    "C008",
                    "content.c008.source_row_unsure",
                    document.field,
                    row.name,
                    indikator=row.name,
                    dokumen=document.kind,
                )
                continue
            name = indicators.normalize(row.name, words)
            if name not in rows:
                rows[name] = (row, target_for(row, key))
                continue
            first, _ = rows[name]
            # Like with like: the period's targets where both state one, else the year's.
            both_period = key is not None and key in first.period_targets and key in row.period_targets
            mine, theirs = (
                (first.period_targets[key], row.period_targets[key])
                if both_period and key
                else (first.target, row.target)
            )
            if (
                mine is not None
                and theirs is not None
                and mine.value != theirs.value
                and not (mine.unsure or theirs.unsure)
            ):
                out.add(
                    "C002",
                    "content.c002.sumber",
                    document.field,
                    first.name,
                    indikator=first.name,
                    **side("iku", mine),
                    **side("pk", theirs),
                )
            kept = row if row.direction or not first.direction else first
            kept = dataclasses.replace(kept, period_targets={**first.period_targets, **row.period_targets})
            rows[name] = (kept, target_for(row, key) or target_for(first, key))
    return list(rows.values())


def compare_indicators(docs: Documents, rules: ContentRules, out: Findings) -> list[IndicatorRecord]:
    signed, key = docs.signed, period_key(docs.periode)
    words = indicators.merged(rules.abbreviations)
    sources_ok = [unreadable_note(out, d, "indikator dan target", d.field) for d in (docs.iku, docs.pk) if d]
    wanted = reference(docs, rules, out) if any(sources_ok) else []
    if any(sources_ok) and not wanted and not any(d.indicators for d in (docs.iku, docs.pk) if d):
        where = next(d.field for d in (docs.iku, docs.pk) if d)
        out.add("C008", "content.c008.no_sources", where)
    data_ok = unreadable_note(out, docs.data, "realisasi", docs.data.field if docs.data else "")
    if signed is None or not unreadable_note(out, signed, "tabel capaian", signed.field):
        return [IndicatorRecord(row.name, row.unit, target_source=t) for row, t in wanted]
    if not signed.indicators:
        reason = "content.c008.picture_table" if signed.picture_only else "content.c008.no_table"
        out.add("C008", reason, signed.field, dokumen=signed.kind)
        return [IndicatorRecord(row.name, row.unit, target_source=t) for row, t in wanted]
    reported = {indicators.normalize(row.name, words): row for row in reversed(signed.indicators)}
    data_rows = (
        {indicators.normalize(r.name, words): r for r in reversed(docs.data.indicators)}
        if data_ok and docs.data
        else {}
    )
    stated = {indicators.normalize(rule.nama, words): rule for rule in rules.indicators}
    order = list(wanted) or [(row, None) for row in signed.indicators]
    lower = _report_lower_formula(order, reported, stated, words, key, rules)
    records = []
    for source_row, source_target in order:
        name = indicators.normalize(source_row.name, words)
        row = reported.get(name)
        if row is None and signed.ocr:
            # A table read by OCR confirms what it shows; a name it lacks may be a line it lost.
            out.add("C008", "content.c008.not_found_ocr", signed.field, source_row.name, indikator=source_row.name)
        elif row is None:
            names = [r.name for r in signed.indicators]
            out.add(
                "C001",
                "content.c001",
                signed.field,
                source_row.name,
                indikator=source_row.name,
                dokumen=source_row.source.kind,
                halaman=source_row.source.page,
                saran=indicators.suggest(source_row.name, names, words),
            )
        if row is None:  # recorded with what the sources say, and the codes just found
            codes = tuple(out.codes.get(source_row.name, ()))
            records.append(IndicatorRecord(source_row.name, source_row.unit, target_source=source_target, codes=codes))
            continue
        records.append(_judge(row, source_row, source_target, data_rows, stated.get(name), lower, docs, rules, out))
    return records


def _judge(
    row: IndicatorRow,
    source_row: IndicatorRow,
    source_target: Figure | None,
    data_rows: Mapping[str, IndicatorRow],
    rule: Any,
    lower: str,
    docs: Documents,
    rules: ContentRules,
    out: Findings,
) -> IndicatorRecord:
    key, where, words = period_key(docs.periode), row.source.field, indicators.merged(rules.abbreviations)
    name = source_row.name
    missing: list[str] = [f"tidak terbaca: {label}" for label in row.unreadable]
    target, realisasi = target_for(row, key), realisasi_for(row, key)
    if row.unsure:
        out.add("C008", "content.c008.row_unsure", where, name, indikator=name, **side("laporan", row.capaian))
        return IndicatorRecord(
            name, row.unit, target, source_target, realisasi, None, row.capaian, codes=tuple(out.codes.get(name, ()))
        )
    if key is not None and key in row.period_targets and key not in source_row.period_targets and source_target:
        # The report prints a target for its period; its sources state only the year's: the two
        # are not the same figure, and nothing attached shows the period's (C008, not C002).
        missing.append(f"target {key.replace('-', ' ')} (sumber hanya menyatakan target tahun)")
    elif source_target is not None and target is not None and source_target.value != target.value:
        out.add(
            "C002",
            "content.c002",
            where,
            name,
            indikator=name,
            **side("laporan", target),
            **side("sumber", source_target),
        )
    elif source_target is not None and target is None:
        missing.append("target")
    data_row = data_rows.get(indicators.normalize(name, words))
    data_realisasi = realisasi_for(data_row, key) if data_row else None
    if data_rows and data_row is None:
        missing.append("realisasi (indikator tidak ada di Laporan Data Kinerja)")
    if data_realisasi is not None and realisasi is not None and data_realisasi.value != realisasi.value:
        out.add(
            "C003",
            "content.c003",
            where,
            name,
            indikator=name,
            **side("laporan", realisasi),
            **side("sumber", data_realisasi),
        )
    direction = (rule.arah if rule else None) or source_row.direction
    formula = (rule.rumus if rule else None) or (
        capaian.HIGHER if direction == capaian.NAIK else lower if direction else None
    )
    computed = None
    if target is not None and realisasi is not None:
        if formula is None and not any(usable(d) for d in (docs.iku, docs.pk)):
            pass  # no source read: its absence is reported (K005, B001, C008) and says the capaian is unjudged
        elif formula is None:
            both = {f: capaian.compute(f, target.value, realisasi.value) for f in capaian.ALL_FORMULAS}
            shown = {f: _shown(v) for f, v in both.items()}
            out.add(
                "C008",
                "content.c008.direction",
                where,
                name,
                indikator=name,
                **side("laporan", row.capaian),
                naik=shown[capaian.HIGHER],
                turun_2t=shown[capaian.LOWER_TWO_T],
                turun_tr=shown[capaian.LOWER_T_R],
            )
        else:
            computed = capaian.compute(formula, target.value, realisasi.value)
            printed = row.capaian
            if computed is None:
                missing.append("capaian (pembagian dengan nol)")
            elif printed is not None and not capaian.agrees(
                printed.value, printed.number.decimals, computed, rules.capaian_units
            ):
                out.add(
                    "C004",
                    "content.c004",
                    where,
                    name,
                    indikator=name,
                    **side("laporan", printed),
                    dihitung=_shown(computed, printed.number.decimals),
                    rumus=formula,
                    target=target.number.text,
                    realisasi=realisasi.number.text,
                )
            elif printed is None:
                missing.append("capaian")
    if missing:
        out.add("C008", "content.c008.partial", where, name, indikator=name, tidak_diperiksa=", ".join(missing))
    return IndicatorRecord(
        name,
        row.unit or source_row.unit,
        target,
        source_target,
        realisasi,
        data_realisasi,
        row.capaian,
        computed,
        direction,
        formula,
        tuple(out.codes.get(name, ())),
    )


def _report_lower_formula(
    order: Iterable[tuple[IndicatorRow, Figure | None]],
    reported: Mapping[str, IndicatorRow],
    stated: Mapping[str, Any],
    words: Mapping[str, str],
    key: str | None,
    rules: ContentRules,
) -> str:
    """The lower-is-better formula this report uses (``capaian.report_lower_formula``)."""
    agreeing = []
    for source_row, _ in order:
        name = indicators.normalize(source_row.name, words)
        rule, row = stated.get(name), reported.get(name)
        direction = (rule.arah if rule else None) or source_row.direction
        if direction != capaian.TURUN or (rule and rule.rumus) or row is None or row.capaian is None or row.unsure:
            continue
        target, realisasi = target_for(row, key), realisasi_for(row, key)
        if target is not None and realisasi is not None:
            printed = row.capaian
            agreeing.append(
                capaian.formulas_agreeing(
                    printed.value, printed.number.decimals, target.value, realisasi.value, rules.capaian_units
                )
            )
    return capaian.report_lower_formula(agreeing)


def _shown(value: Decimal | None, decimals: int = 2) -> str:
    """A computed percentage as a person writes it (``85,50``), or "-"."""
    if value is None:
        return "-"
    text = f"{capaian.rounded(value, decimals):f}"
    return text.replace(".", ",")


def compare_distributed(docs: Documents, rules: ContentRules, out: Findings) -> bool:
    """C007: every figure of the signed report's capaian table, as distributed; True when
    the distributed report could be compared (its budget table is then compared too)."""
    signed, final = docs.signed, docs.distributed
    if not usable(signed) or final is None or signed is None:
        return False
    if not unreadable_note(out, final, "angka laporan yang didistribusikan", final.field):
        return False
    words, key = indicators.merged(rules.abbreviations), period_key(docs.periode)
    after = {indicators.normalize(r.name, words): r for r in final.indicators}
    for row in signed.indicators:
        other = after.get(indicators.normalize(row.name, words))
        if other is None and (signed.ocr or final.ocr):
            continue  # a name OCR read differently, or a line it lost: OCR never proves a row absent
        pairs = (
            ("target", target_for(row, key), target_for(other, key) if other else None),
            ("realisasi", realisasi_for(row, key), realisasi_for(other, key) if other else None),
            ("capaian", row.capaian, other.capaian if other else None),
        )
        for column, before, now in pairs:
            if before is None or (now is not None and now.unsure):
                continue
            if now is None or now.value != before.value:
                out.add(
                    "C007",
                    "content.c007",
                    final.field,
                    row.name,
                    indikator=row.name,
                    kolom=column,
                    **side("disahkan", before),
                    **side("distribusi", now),
                )
    return True
