"""A summary for a merge-request comment (GitLab, GitHub): one row per dossier, then each
dossier's findings folded in a ``<details>`` block.

Manifest text is hostile: it is escaped so that it can neither break a table row nor
bring in HTML, links or images (an image would load from anywhere when the comment is read),
nor mention people or reference issues (``@name`` would notify someone, ``#12`` link elsewhere).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from lapkin_audit.lang import words
from lapkin_audit.lang.evidence import evidence_line
from lapkin_audit.lang.words import RUN_OPTIONS, finding_note, options_note
from lapkin_audit.model import DossierResult, Report, Verdict, finding_counts
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.auditor import actor_of, partial_notes
from lapkin_audit.report.text import CONTROL_ESCAPES, inert_references, unicode_safe

NEEDS_SOPS = True  # who acts on a rekomendasi is named as the SOP names them

WORDS = words.MARKDOWN
# Plain text marks (no emoji), so the verdict column can be scanned at a glance.
MARKS = {
    Verdict.PATUH: "✓",
    Verdict.PATUH_DENGAN_CATATAN: "✓",
    Verdict.TIDAK_PATUH: "✗",
    Verdict.TIDAK_DAPAT_DINILAI: "?",
}

_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
# Markdown punctuation that could open code, emphasis, a link or an image, or end a cell.
_MARKDOWN = {ord(c): "\\" + c for c in "\\`*_[]|~"}
_HTML = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}


def cell(text: object) -> str:
    """Text for a table cell: one line, no markup of its own, no live mention or link."""
    text = unicode_safe(str(text)).translate({**_MARKDOWN, **_HTML})
    return inert_references(_NEWLINES.sub("<br>", text).translate(CONTROL_ESCAPES))


def inline_html(text: str) -> str:
    """Text inside an HTML element (``<summary>``), where Markdown is not read (but a
    forge still links mentions and references)."""
    escaped = html.escape(unicode_safe(text), quote=False)
    return inert_references(_NEWLINES.sub(" ", escaped).translate(CONTROL_ESCAPES))


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    words = WORDS["en" if report.lang == "en" else "id"]
    rows = [_row(words["dossiers"], align=":--|:--|--:|--:|--:")]
    for result in report.results:
        counts = finding_counts([result])
        verdict = f"{MARKS[result.verdict]} {result.verdict.label}"
        if partial_notes(result, report.options, report.lang):
            verdict += " " + words["partial"]
        rows.append(_row((cell(result.path), verdict, counts["error"], counts["warning"], counts["waived"])))
    verdicts = ", ".join(f"{Verdict(value).label} {n}" for value, n in report.summary().items())
    summary = words["summary"].format(n=len(report.results), verdicts=verdicts, **finding_counts(report.results))
    if any(result.evidence is not None for result in report.results):
        summary += "\n\n" + cell(evidence_line(report.results, report.lang)) + "."
    note = options_note(report.options, report.lang)
    if note:
        summary += f"\n\n**{RUN_OPTIONS['en' if report.lang == 'en' else 'id']['lead']}:** {cell(note)}."
    # A forge takes comments up to a size (GitHub: 65,536 characters): stay within the
    # limit, keeping the summary, then as many rows and details as fit, and say what is out.
    budget = (style.max_chars or 10**12) - _RESERVE
    head = f"## {words['title']}\n\n{rows[0]}\n"
    tail = f"\n{summary}\n"
    budget -= len(head) + len(tail)
    shown = []
    for row in rows[1:]:
        if len(row) + 1 > budget:
            break
        shown.append(row)
        budget -= len(row) + 1
    yield head + "".join(row + "\n" for row in shown) + tail
    rows_left, details_left = len(rows) - 1 - len(shown), 0
    for result in report.results:
        if not result.findings:
            continue
        details = _details(result, report, words)
        if len(details) > budget:
            details_left += 1
            continue
        budget -= len(details)
        yield details
    if rows_left or details_left:
        yield "\n" + words["left_out"].format(limit=style.max_chars, rows=rows_left, details=details_left) + "\n"


_RESERVE = 400  # room for the note on what was left out


def _row(cells: tuple[object, ...], align: str | None = None) -> str:
    line = "| " + " | ".join(str(c) for c in cells) + " |"
    return line + "\n|" + align + "|" if align else line


def _details(result: DossierResult, report: Report, words: dict) -> str:  # type: ignore[type-arg]
    lang = report.lang
    title = f"{inline_html(result.path)}: {result.verdict.label} ({words['count'].format(n=len(result.findings))})"
    notes = partial_notes(result, report.options, lang)
    if notes:
        title += f" — {inline_html(words['partial_lead'])}: {inline_html('; '.join(notes))}"
    rows = [_row(words["findings"], align="--:|:--|:--|--:|:--|:--")]
    outline = report.sops.get(result.sop) if result.sop is not None else None
    for f in result.findings:
        severity = words["severity"][f.severity]
        severity += finding_note(f, lang)
        step = "" if f.step is None else f.step
        rule = report.rules.get(f.rule)
        fix = rule.text("fix", lang) if rule is not None else ""
        actor = actor_of(f, rule, outline, lang)
        advice = f"{fix} ({actor})" if fix and actor else fix
        rows.append(_row((f.line or "", f.rule, cell(severity), step, cell(f.message), cell(advice))))
    if result.evidence is not None:
        rows.append("\n" + cell(evidence_line([result], lang)) + ".")
    # Blank lines around the table: Markdown inside an HTML block is read only after one.
    return f"\n<details>\n<summary>{title}</summary>\n\n" + "\n".join(rows) + "\n\n</details>\n"
