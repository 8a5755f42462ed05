"""The printable report: one self-contained HTML page for the Sekretaris and the auditor.

Per dossier: the verdict in large type, the findings by family with the SOP clause each
comes from, the waived findings with their reasons, the timeline of the run (an inline SVG,
timeline_svg), and a checklist of what the SOP requires that no machine can check, to be
ticked by hand. No network, no scripts, no external assets; the same report always gives
the same bytes. Everything taken from the report is escaped (manifests are hostile).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Mapping

from lapkin_audit.catalogue import FAMILIES
from lapkin_audit.model import DossierResult, Finding, Report, SopOutline, Verdict, finding_counts
from lapkin_audit.report import PLAIN, Style
from lapkin_audit.report.timeline_svg import escape as e
from lapkin_audit.report.timeline_svg import render as timeline_svg
from lapkin_audit.lang import words

if TYPE_CHECKING:
    from lapkin_audit.authoring.ruledocs import RuleDoc

NEEDS_SOPS = True
NEEDS_RULE_DOCS = True

WORDS = words.HTML

# A mark beside the colour, so that a black-and-white print still tells verdicts apart.
MARKS = {Verdict.PATUH: "✔", Verdict.PATUH_DENGAN_CATATAN: "✎", Verdict.TIDAK_PATUH: "✘", Verdict.TIDAK_DAPAT_DINILAI: "?"}


def chunks(report: Report, style: Style = PLAIN) -> Iterator[str]:
    """The page in pieces: head and summary, one section per dossier, foot."""
    lang = "en" if report.lang == "en" else "id"
    words = WORDS[lang]
    docs = report.rule_docs
    yield _head(report, lang, words)
    total = len(report.results)
    for i, result in enumerate(report.results, 1):
        outline = report.sops.get(result.sop) if result.sop is not None else None
        yield _dossier(i, total, result, outline, docs, lang, words)
    yield f'<footer class="doc-foot"><p>{e(words["footer"].format(version=report.tool_version))}</p></footer>\n</body>\n</html>\n'


def render(report: Report) -> str:
    return "".join(chunks(report))


def _verdict_class(verdict: Verdict) -> str:
    return "v-" + verdict.value.lower().replace("_", "-")


def _head(report: Report, lang: str, words: dict) -> str:  # type: ignore[type-arg]
    n = len(report.results)
    counts = finding_counts(report.results)
    summary = report.summary()
    boxes = "".join(
        f'<div class="tally {_verdict_class(v)}"><span class="tally-n">{summary[v.value]}</span>'
        f'<span class="tally-label"><span class="mark" aria-hidden="true">{MARKS[v]}</span> {e(v.label)}</span></div>'
        for v in Verdict
    )
    out = [
        (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
         '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
         f"<title>lapkin-audit — {e(words['title'])} ({n} {e(words['dossiers'])})</title>\n<style>{CSS}</style>\n</head>\n<body>\n"),
        (f'<header class="doc-head">\n<p class="tool">lapkin-audit {e(report.tool_version)}</p>\n'
         f"<h1>{e(words['title'])}</h1>\n<p class=\"subtitle\">{e(words['subtitle'])}</p>\n"
         f'<div class="tallies">{boxes}</div>\n'
         f'<p class="totals">{n} {e(words["dossiers"])} · {e(words["counts"].format(**counts))}</p>\n</header>\n'),
    ]
    if not report.results:
        out.append(f'<p class="empty">{e(words["none"])}</p>\n')
        return "".join(out)
    rows = []
    for i, r in enumerate(report.results, 1):
        c = finding_counts([r])
        rows.append(
            f'<tr><td class="num">{i}</td><td><a href="#dossier-{i}"><code>{e(r.path)}</code></a></td>'
            f"<td>{e(r.sop if r.sop is not None else '—')}</td>"
            f'<td class="{_verdict_class(r.verdict)}"><span class="mark" aria-hidden="true">{MARKS[r.verdict]}</span> {e(r.verdict.label)}</td>'
            f'<td class="num">{c["error"]}</td><td class="num">{c["warning"]}</td><td class="num">{c["waived"]}</td></tr>'
        )
    heads = (words["no"], "Dossier", words["sop"], words["verdict"], words["errors"], words["warnings"], words["waived"])
    out.append(
        f'<nav class="index" aria-label="{e(words["index"])}"><h2>{e(words["index"])}</h2>\n<table class="grid">'
        f'<thead><tr>{"".join(f"<th>{e(h)}</th>" for h in heads)}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table></nav>\n"
    )
    return "".join(out)


def _dossier(i: int, total: int, result: DossierResult, outline: SopOutline | None,
             docs: Mapping[str, RuleDoc], lang: str, words: dict) -> str:  # type: ignore[type-arg]
    uid = f"d{i}"
    if outline is not None:
        sop = f"{e(outline.name)} — {e(words['nomor'])} {e(outline.nomor)} <span class=\"muted\">({e(outline.id)})</span>"
        facts = f"<dt>{e(words['unit'])}</dt><dd>{e(outline.unit)}</dd><dt>{e(words['total'])}</dt><dd>{e(outline.jumlah_waktu)}</dd>"
    elif result.sop is None:
        sop, facts = f'<span class="muted">{e(words["sop_none"])}</span>', ""
    else:
        sop, facts = f'{e(result.sop)} <span class="muted">({e(words["sop_unknown"])})</span>', ""
    v = result.verdict
    out = [
        f'<section class="dossier" id="dossier-{i}" data-path="{e(result.path)}" aria-labelledby="{uid}-path">\n',
        f'<p class="dossier-no">{e(words["of"].format(i=i, n=total))}</p>\n',
        f'<h2 id="{uid}-path"><code>{e(result.path)}</code></h2>\n',
        f'<dl class="facts"><dt>{e(words["sop"])}</dt><dd>{sop}</dd>{facts}</dl>\n',
        (f'<p class="verdict {_verdict_class(v)}"><span class="mark" aria-hidden="true">{MARKS[v]}</span> '
         f'<span class="verdict-label">{e(v.label)}</span> <span class="gloss">{e(words["gloss"][v])}</span></p>\n'),
        f'<p class="counts">{e(words["counts"].format(**finding_counts([result])))}</p>\n',
        _findings(result.findings, docs, lang, words),
        _waived(result.findings, docs, words),
        f'<h3>{e(words["timeline"])}</h3>\n',
    ]
    if result.timeline:
        legend = "".join(
            f'<li><svg class="swatch" viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">{swatch}</svg> {e(text)}</li>'
            for swatch, text in zip(SWATCHES, words["legend"])
        )
        out.append(f'<figure class="timeline-figure">\n{timeline_svg(result.timeline, lang, uid + "-tl")}\n'
                   f'<figcaption><ul class="legend">{legend}</ul><p class="muted">{e(words["scale"])}</p></figcaption>\n</figure>\n')
    else:
        out.append(f'<p class="empty">{e(words["no_timeline"])}</p>\n')
    out.append(_checklist(outline, uid, words))
    out.append("</section>\n")
    return "".join(out)


def _finding_row(f: Finding, docs: Mapping[str, RuleDoc], words: dict, note: str = "") -> str:  # type: ignore[type-arg]
    """One finding as a table row; ``note`` (escaped HTML) goes under its message and clause."""
    doc = docs.get(f.rule)
    clause = f'<p class="clause"><span class="clause-label">{e(words["clause"])}</span> {e(doc.clause)}</p>' if doc and doc.clause else ""
    return (
        f'<tr><td class="num">{e(f.line) if f.line is not None else "—"}</td><td><code>{e(f.rule)}</code></td>'
        f'<td class="sev-{f.severity.value}">{e(words["sev"].get(f.severity, f.severity.value))}</td>'
        f'<td class="num">{e(f.step) if f.step is not None else "—"}</td>'
        f'<td><p class="msg">{e(f.message)}</p>{clause}{note}</td></tr>'
    )


def _table(rows: list[str], words: dict, classes: str) -> str:  # type: ignore[type-arg]
    heads = "".join(f"<th>{e(h)}</th>" for h in (words["line"], words["code"], words["severity"], words["step"], words["message"]))
    body = "\n".join(rows)
    return f'<table class="{classes}"><thead><tr>{heads}</tr></thead>\n<tbody>\n{body}\n</tbody></table>'



def _findings(findings: tuple[Finding, ...], docs: Mapping[str, RuleDoc], lang: str, words: dict) -> str:  # type: ignore[type-arg]
    active = [f for f in findings if not f.waived]
    out = [f'<h3>{e(words["findings"])}</h3>\n']
    if not active:
        out.append(f'<p class="empty">{e(words["no_findings"])}</p>\n')
        return "".join(out)
    families = list(FAMILIES) + sorted({f.rule[:1] for f in active} - set(FAMILIES))
    for family in families:
        group = [f for f in active if f.rule[:1] == family]
        if not group:
            continue
        names = FAMILIES.get(family)
        name = (names[1] if lang == "en" else names[0]) if names else words["other"]
        rows = [_finding_row(f, docs, words) for f in group]
        out.append(
            f'<div class="family"><h4><span class="family-code">{e(family)}</span> {e(name)}</h4>\n'
            f'{_table(rows, words, "grid findings")}</div>\n'
        )
    return "".join(out)


def _waived(findings: tuple[Finding, ...], docs: Mapping[str, RuleDoc], words: dict) -> str:  # type: ignore[type-arg]
    waived = [f for f in findings if f.waived]
    if not waived:
        return ""
    rows = [
        _finding_row(f, docs, words, f'<p class="reason"><strong>{e(words["reason"])}</strong> '
                     f'{e(f.waiver_reason if f.waiver_reason is not None else "—")}</p>')
        for f in waived
    ]
    return f'<h3>{e(words["waived_h"])}</h3>\n{_table(rows, words, "grid findings waived")}\n'



def _checklist(outline: SopOutline | None, uid: str, words: dict) -> str:  # type: ignore[type-arg]
    out = [f'<div class="checklist">\n<h3>{e(words["checklist"])}</h3>\n']
    if outline is None:
        out.append(f'<p class="empty">{e(words["no_checklist"])}</p>\n</div>\n')
        return "".join(out)
    if not outline.manual_checks:
        out.append(f'<p class="empty">{e(words["no_checks"])}</p>\n')
    else:
        out.append(f'<p class="muted">{e(words["checklist_note"])}</p>\n')
        sections = list(dict.fromkeys(check.section for check in outline.manual_checks))
        for s, section in enumerate(sections):
            title = words["sections"].get(section, section.replace("_", " ").capitalize())
            items = "\n".join(
                f'<li><label><input type="checkbox" name="{uid}-c{s}-{k}"> <span>{e(check.text)}</span></label></li>'
                for k, check in enumerate(c for c in outline.manual_checks if c.section == section)
            )
            out.append(f"<h4>{e(title)}</h4>\n<ul class=\"checks\">\n{items}\n</ul>\n")
    out.append('<div class="signoff">' + "".join(f"<div><span>{e(label)}</span></div>" for label in words["signoff"]) + "</div>\n</div>\n")
    return "".join(out)


SWATCHES = (
    '<rect x="1" y="3" width="26" height="6" fill="#d5dbe2" stroke="#4d5966"/>',
    '<rect x="1" y="2" width="26" height="8" fill="#2e4a6b"/>',
    ('<rect x="1" y="2" width="26" height="8" fill="#c62828"/>'
     '<path d="M4 10 L12 2 M12 10 L20 2 M20 10 L28 2" stroke="#fff" stroke-width="1.6" stroke-opacity=".85"/>'),
    ('<rect x="1" y="4" width="26" height="4" fill="#fff" stroke="#6f7782" stroke-width=".6"/>'
     '<path d="M2 8 L6 4 M7 8 L11 4 M12 8 L16 4 M17 8 L21 4 M22 8 L26 4" stroke="#6f7782" stroke-width="1.4"/>'),
)

CSS = """
:root { --ink: #1b1f24; --muted: #5a636e; --rule: #c9ced5; --navy: #1f3a5f; }
* { box-sizing: border-box; }
html { background: #f3f4f6; }
body { margin: 0 auto; max-width: 1040px; padding: 28px 40px 40px; background: #fff; color: var(--ink);
  font: 14px/1.5 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
h1, h2, h3, h4 { font-family: "Noto Serif", "DejaVu Serif", Georgia, "Times New Roman", serif; color: var(--navy); }
h1 { font-size: 26px; margin: 2px 0 0; }
h2 { font-size: 18px; margin: 2px 0 10px; word-break: break-all; }
h3 { font-size: 16px; margin: 22px 0 8px; padding-bottom: 3px; border-bottom: 1px solid var(--rule); }
h4 { font-size: 14px; margin: 14px 0 6px; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .92em; }
a { color: inherit; }
.muted, .tool, .dossier-no, .counts { color: var(--muted); }
.tool, .dossier-no { margin: 0; font-size: 12px; letter-spacing: .06em; text-transform: uppercase; }
.subtitle { margin: 0 0 14px; color: var(--muted); }
.doc-head { border-bottom: 3px double var(--navy); padding-bottom: 12px; }
.tallies { display: flex; gap: 10px; flex-wrap: wrap; }
.tally { flex: 1 1 0; min-width: 170px; border: 1px solid var(--rule); border-top: 4px solid currentColor; padding: 6px 10px; }
.tally-n { display: block; font-size: 28px; font-weight: 700; line-height: 1.1; }
.tally-label { font-size: 12px; font-weight: 700; }
.totals { margin: 10px 0 0; }
table.grid { width: 100%; border-collapse: collapse; font-size: 13px; }
.grid th, .grid td { border: 1px solid var(--rule); padding: 4px 7px; text-align: left; vertical-align: top; }
.grid th { font-weight: 700; border-bottom: 2px solid var(--ink); background: #eef1f4; }
.grid td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.index td:nth-child(2) { word-break: break-all; }
.index td[class^="v-"] { font-weight: 700; white-space: nowrap; }
.findings th:nth-child(-n+4) { width: 1%; white-space: nowrap; }
.findings p { margin: 0; }
.findings .clause { margin-top: 3px; font-size: 12px; color: var(--muted); font-style: italic; }
.clause-label, .reason strong { font-style: normal; font-weight: 700; }
.findings .reason { margin-top: 4px; padding-left: 8px; border-left: 3px solid var(--ink); }
.sev-error { font-weight: 700; }
.family h4 { margin-bottom: 4px; }
.family-code { display: inline-block; min-width: 1.6em; padding: 0 4px; border: 1.5px solid currentColor; text-align: center; font-family: "DejaVu Sans Mono", monospace; }
.dossier { margin-top: 34px; padding-top: 18px; border-top: 2px solid var(--navy); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 12px; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
.verdict { margin: 8px 0 4px; padding: 8px 14px; border: 3px solid currentColor; border-left-width: 12px;
  font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: 30px; font-weight: 700; line-height: 1.25; }
.verdict .gloss { display: block; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 14px; font-weight: 400; color: var(--ink); }
.v-patuh { color: #1b5e20; }
.v-patuh-dengan-catatan { color: #8a5300; }
.v-patuh-dengan-catatan.verdict { border-style: double; border-width: 5px 5px 5px 12px; }
.v-tidak-patuh { color: #b71c1c; }
.v-tidak-dapat-dinilai { color: #37474f; }
.v-tidak-dapat-dinilai.verdict { border-style: dashed; border-left-style: solid; }
.counts { margin: 0 0 4px; font-size: 13px; }
.empty { font-style: italic; color: var(--muted); }
.timeline-figure { margin: 4px 0 0; }
svg.timeline { display: block; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
svg.timeline .grid { stroke: #e1e5ea; stroke-width: 1; }
svg.timeline .tick { font-size: 10px; fill: var(--muted); }
svg.timeline .row-rule { stroke: #d7dce2; stroke-width: 1; }
svg.timeline .label { font-weight: 700; fill: var(--ink); }
svg.timeline .figures, svg.timeline .wait-text { fill: var(--muted); }
svg.timeline .over-text { fill: #b71c1c; font-weight: 700; }
svg.timeline .standard { fill: #d5dbe2; stroke: #4d5966; stroke-width: 1; }
svg.timeline .actual { fill: #2e4a6b; }
svg.timeline .overrun { fill: #c62828; }
svg.timeline .wait { stroke: #6f7782; stroke-width: .6; }
svg.timeline .limit { stroke: var(--ink); stroke-width: 1.2; stroke-dasharray: 3 2; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 6px 0 2px; padding: 0; list-style: none; font-size: 12px; }
.legend .swatch { vertical-align: -1px; }
figcaption p { margin: 0; font-size: 12px; }
.checks { list-style: none; padding: 0; margin: 0; }
.checks li { margin: 5px 0; }
.checks label { display: flex; gap: 9px; align-items: flex-start; }
.checks input { -webkit-appearance: none; appearance: none; flex: none; width: 16px; height: 16px; margin: 2px 0 0;
  border: 1.5px solid var(--ink); border-radius: 2px; background: #fff; }
.checks input:checked::after { content: "✓"; display: block; font-size: 14px; line-height: 13px; text-align: center; font-weight: 700; }
.signoff { display: flex; gap: 28px; margin-top: 22px; font-size: 12px; }
.signoff div { flex: 1 1 0; border-top: 1px solid var(--ink); padding-top: 3px; margin-top: 26px; }
.signoff div:first-child { flex-grow: 2; }
.doc-foot { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: 12px; color: var(--muted); }
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  html, body { background: none; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .index a { text-decoration: none; }
  .grid th { background: none; }
  .dossier { break-before: page; margin-top: 0; border-top: none; padding-top: 0; }
  .verdict, .timeline-figure, .checklist, .grid tr, .family h4, h3 { break-inside: avoid; }
  h3, h4 { break-after: avoid; }
  thead { display: table-header-group; }
  svg.timeline, .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""
