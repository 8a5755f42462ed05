"""The human report: one row per dossier, then its findings (tabulate)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from typing import Any

import click  # its ANSI styling; tabulate measures cells without the escape codes
from tabulate import tabulate

from lapkin_audit.lang import words
from lapkin_audit.lang.evidence import evidence_line
from lapkin_audit.lang.words import RUN_OPTIONS, finding_note, options_note
from lapkin_audit.model import Report, Severity, Verdict, finding_counts
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.auditor import dossier_notes, partial_notes
from lapkin_audit.report.text import visible

HEADERS = words.TABLE


def _safe(text: object) -> object:
    return visible(text) if isinstance(text, str) else text


# Colour only repeats what the words say (terminals without colour lose nothing).
VERDICT_COLOURS = {
    Verdict.PATUH: "green",
    Verdict.PATUH_DENGAN_CATATAN: "yellow",
    Verdict.TIDAK_PATUH: "red",
    Verdict.TIDAK_DAPAT_DINILAI: "magenta",
}
SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow"}


def render(report: Report, style: Style = PLAIN) -> str:
    def paint(text: str, colour: str | None, bold: bool = False) -> str:
        return click.style(text, fg=colour, bold=bold) if style.colour else text

    words = HEADERS["en" if report.lang == "en" else "id"]
    rows = []
    findings = []
    partial: list[str] = []  # each dossier's own reasons; the run's options are said once, below
    for result in report.results:
        if style.quiet and not result.findings:
            continue
        counts = finding_counts([result])
        label = result.verdict.label
        if partial_notes(result, report.options, report.lang):
            label += " " + words["partial"]
            notes = dossier_notes(result, report.lang)
            if notes:
                partial.append(f"{result.path}: {words['partial_lead']}: {'; '.join(notes)}.")
        verdict = paint(label, VERDICT_COLOURS[result.verdict], bold=True)
        rows.append(
            (
                _safe(result.path),
                _safe(result.sop or "-"),
                verdict,
                counts["error"],
                counts["warning"],
                counts["waived"],
            )
        )
        for f in result.findings:
            severity = words["severity"][f.severity]
            if f.waived or f.baselined:
                severity = _safe(severity + finding_note(f, report.lang))
            else:
                severity = paint(severity, SEVERITY_COLOURS[f.severity])
            findings.append((_safe(result.path), f.line or "", f.rule, severity, f.step or "", _safe(f.message)))
    heads, finding_heads = words["dossiers"], words["findings"]
    dossier_caps = (None, 18, 20, 7, 7, 7)
    parts = [tabulate(rows, tablefmt="simple", **{"headers": heads, **_fit(rows, heads, style, dossier_caps)})]
    finding_caps = (None, 5, 6, 14, 7, None)
    fitted = {"headers": finding_heads, **_fit(findings, finding_heads, style, finding_caps)}
    parts.append(tabulate(findings, tablefmt="simple", **fitted) if findings else words["none"])
    summary = ", ".join(f"{label.replace('_', ' ')} {n}" for label, n in report.summary().items())
    lines = [words["summary"].format(n=len(report.results), counts=summary)]
    if any(result.evidence is not None for result in report.results):
        lines.append(evidence_line(report.results, report.lang) + ".")
    note = options_note(report.options, report.lang)
    if note:
        lines.append(f"{RUN_OPTIONS['en' if report.lang == 'en' else 'id']['lead']}: {note}.")
    lines += [str(_safe(line)) for line in partial]
    parts += [textwrap.fill(line, style.width) if style.width else line for line in lines]
    return "\n\n".join(parts) + "\n"


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    yield render(report, style)  # column widths need every row: a table is not streamed


def _fit(
    rows: Sequence[Sequence[object]], headers: Sequence[str], style: Style, caps: Sequence[int | None]
) -> dict[str, Any]:
    """tabulate's column limits so that the table fits the terminal (``style.width``).

    A column with a cap takes at most that; the columns without one (a path, a message)
    share what is left, the first at most two fifths of it. Headers wrap as cells do.
    Off a terminal only the message is limited (70 columns), as before.
    """
    if not style.width:
        last = len(headers) - 1
        return {"maxcolwidths": [70 if i == last and caps[i] is None else None for i in range(len(headers))]}
    natural = [max([len(click.unstyle(str(row[i]))) for row in rows] + [len(headers[i])]) for i in range(len(headers))]
    free = [i for i, cap in enumerate(caps) if cap is None]
    # tabulate pads every header by 2 (MIN_PADDING) and puts 2 spaces between columns.
    spacing = 2 * len(headers) + 2 * (len(headers) - 1)
    limits: list[int | None] = [min(natural[i], cap) if cap else None for i, cap in enumerate(caps)]
    if style.width - sum(limit or 0 for limit in limits) - spacing < 12 * len(free):
        # A narrow terminal: the capped text columns (SOP, verdict, severity) wrap at 12 too.
        limits = [min(limit, 12) if limit else None for limit in limits]
    left = style.width - sum(limit or 0 for limit in limits) - spacing
    for n, i in enumerate(free):
        share = left if n == len(free) - 1 else min(natural[i], max(12, left * 2 // 5))
        limits[i] = max(12, share)
        left -= limits[i] or 0
    # tabulate does not wrap the header of a numeric column: wrap it here, at its limit.
    wrapped = [
        "\n".join(textwrap.wrap(header, limit)) if limit and len(header) > limit else header
        for header, limit in zip(headers, limits, strict=True)
    ]
    return {"maxcolwidths": limits, "headers": wrapped}
