"""The printable report: one self-contained HTML page for the Sekretaris and the auditor.

Per dossier: the verdict in large type, the findings by family with the SOP clause each
comes from, the waived findings with their reasons, the timeline of the run (an inline SVG,
timeline_svg), and a checklist of what the SOP requires that no machine can check, to be
ticked by hand. No network, no scripts, no external assets; the same report always gives
the same bytes.

This module turns the report into plain values (what to show, in which order, in which
words); the Jinja2 templates in ``report/templates/`` (``report.jinja``) only place them,
with autoescaping on, so text from a manifest (hostile, by assumption) is always escaped.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Collection, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from lapkin_audit.lang import printed
from lapkin_audit.lang.evidence import EVIDENCE_WORDS, evidence_line
from lapkin_audit.lang.words import (
    FAMILY_NAMES,
    RUN_OPTIONS,
    date_words,
    family_name,
    options_note,
    periode_words,
)
from lapkin_audit.model import (
    Claim,
    DossierResult,
    Finding,
    Report,
    Rule,
    SignatureEvidence,
    SopOutline,
    Verdict,
    finding_counts,
    in_lang,
)
from lapkin_audit.report import PLAIN, Style, views
from lapkin_audit.report.auditor import actor_names, actor_of, kriteria, partial_notes
from lapkin_audit.report.capaian_html import capaian_view
from lapkin_audit.report.jinja import template
from lapkin_audit.report.text import manifest_path, visible
from lapkin_audit.report.timeline_svg import render as timeline_svg

if TYPE_CHECKING:  # markupsafe is loaded with the templates, not on import
    from markupsafe import Markup

NEEDS_SOPS = True

WORDS = printed.HTML

# A mark beside the colour, so that a black-and-white print still tells verdicts apart.
MARKS = {
    Verdict.PATUH: "✔",
    Verdict.PATUH_DENGAN_CATATAN: "✎",
    Verdict.TIDAK_PATUH: "✘",
    Verdict.TIDAK_DAPAT_DINILAI: "?",
}

# The legend's samples of the timeline's bars (fixed drawing, no data), in the order of words["legend"].
SWATCHES = (
    '<rect x="1" y="3" width="26" height="6" fill="#d5dbe2" stroke="#4d5966"/>',
    '<rect x="1" y="2" width="26" height="8" fill="#2e4a6b"/>',
    (
        '<rect x="1" y="2" width="26" height="8" fill="#c62828"/>'
        '<path d="M4 10 L12 2 M12 10 L20 2 M20 10 L28 2" stroke="#fff" stroke-width="1.6" stroke-opacity=".85"/>'
    ),
    (
        '<rect x="1" y="4" width="26" height="4" fill="#fff" stroke="#6f7782" stroke-width=".6"/>'
        '<path d="M2 8 L6 4 M7 8 L11 4 M12 8 L16 4 M17 8 L21 4 M22 8 L26 4" stroke="#6f7782" stroke-width="1.4"/>'
    ),
)


def chunks(report: Report, style: Style = PLAIN, reviewer: views.Reviewer | None = None) -> Iterator[str]:
    """The page in pieces: head and summary, one section per dossier, foot. ``reviewer`` is
    what the pemeriksa entered for the "Diperiksa oleh" block (the desk); none: blank lines."""
    lang = "en" if report.lang == "en" else "id"
    w = WORDS[lang]
    yield template("head.html.j2").render(views.fields(_head(report, lang, w)))
    yield from sections(report, reviewer)
    yield template("foot.html.j2").render(footer=w["footer"].format(version=report.tool_version))


def sections(report: Report, reviewer: views.Reviewer | None = None) -> Iterator[str]:
    """One ``<section>`` per dossier, as the page shows it (the desk places them in its own page)."""
    lang = "en" if report.lang == "en" else "id"
    w = WORDS[lang]
    facts = {"audited_on": report.audited_on, "version": report.tool_version, "rules": report.rules_fingerprint}
    dossier = template("dossier.html.j2")
    total = len(report.results)
    for i, result in enumerate(report.results, 1):
        outline = report.sops.get(result.sop) if result.sop is not None else None
        view = _dossier(i, total, result, outline, report, lang, w, facts)
        yield dossier.render(views.fields(dataclasses.replace(view, reviewer=reviewer)))


def stylesheet(lang: str) -> str:
    """The report's style sheet on its own (the page inlines it; the desk serves it)."""
    return template("report.css").render(w=WORDS["en" if lang == "en" else "id"])


def render(report: Report) -> str:
    return "".join(chunks(report))


def _inline_code(text: str) -> Markup:
    """Rule-doc text with its `backquoted` keys and values as <code>, everything escaped."""
    from markupsafe import Markup, escape

    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backquote: show the text as it is
        parts = [text]
    return Markup("").join(
        Markup("<code>{}</code>").format(visible(part)) if odd else escape(visible(part))
        for odd, part in zip(itertools.cycle((False, True)), parts, strict=False)
    )


def _markup(text: str) -> Markup:
    """Text made by our own code and template (the timeline, the swatches): not escaped again."""
    from markupsafe import Markup

    return Markup(text)


def _verdict_class(verdict: Verdict) -> str:
    return "v-" + verdict.value.lower().replace("_", "-")


def _counts(result_or_results: DossierResult | Collection[DossierResult], w: Mapping[str, Any]) -> str:
    results = (result_or_results,) if isinstance(result_or_results, DossierResult) else result_or_results
    return str(w["counts"].format(**finding_counts(results)))


def _head(report: Report, lang: str, w: Mapping[str, Any]) -> views.Head:
    summary = report.summary()
    return views.Head(
        lang=lang,
        w=w,
        n=len(report.results),
        version=report.tool_version,
        totals=_counts(report.results, w),
        note=options_note(report.options, lang),
        note_lead=RUN_OPTIONS[lang]["lead"],
        tallies=[views.Tally(_verdict_class(v), summary[v.value], MARKS[v], v.label) for v in Verdict],
        heads=(w["no"], "Dossier", w["sop"], w["verdict"], w["errors"], w["warnings"], w["waived"]),
        rows=[
            views.IndexRow(
                i=i,
                path=r.path,
                path_parts=r.path.split("/"),
                sop=r.sop if r.sop is not None else "—",
                cls=_verdict_class(r.verdict),
                mark=MARKS[r.verdict],
                label=r.verdict.label,
                counts=finding_counts([r]),
            )
            for i, r in enumerate(report.results, 1)
        ],
    )


def _about(
    result: DossierResult,
    outline: SopOutline | None,
    report_facts: Mapping[str, Any],
    lang: str,
    w: Mapping[str, Any],
) -> list[tuple[str, str]]:
    """What a page filed in the dossier folder must say: period, office, officials, where
    the manifest is, when and by what the audit was made."""
    rows: list[tuple[str, str]] = []
    about = result.about
    if about is not None:
        if about.periode is not None:
            rows.append((w["periode"], periode_words(about.periode, lang)))
        rows.append((w["instansi"], about.instansi))
        roles = outline.roles if outline is not None else {}
        for official in about.pejabat:
            status = w["status"].get(official.status)
            name = official.nama or "—"
            rows.append((actor_names((official.role,), roles, lang), f"{name} ({status})" if status else name))
    rows.append((w["manifest"], manifest_path(result.path)))
    if report_facts["audited_on"] is not None:
        rows.append((w["audited"], date_words(report_facts["audited_on"], lang)))
    rows.append((w["tool"], f"lapkin-audit {report_facts['version']}"))
    if report_facts["rules"] is not None:
        rows.append((w["rules"], report_facts["rules"]))
    return rows


def _dossier(
    i: int,
    total: int,
    result: DossierResult,
    outline: SopOutline | None,
    report: Report,
    lang: str,
    w: Mapping[str, Any],
    report_facts: Mapping[str, Any],
) -> views.DossierView:
    uid = f"d{i}"
    rules = report.rules
    active = [f for f in result.findings if not f.waived]
    present = {f.rule[:1] for f in active}
    families = [code for code in FAMILY_NAMES if code in present] + sorted(present - set(FAMILY_NAMES))
    return views.DossierView(
        w=w,
        i=i,
        uid=uid,
        of=w["of"].format(i=i, n=total),
        path=result.path,
        path_parts=result.path.split("/"),
        sop=result.sop,
        outline=outline,
        verdict=views.VerdictView(
            _verdict_class(result.verdict),
            MARKS[result.verdict],
            result.verdict.label,
            w["gloss"][result.verdict],
            partial_notes(result, report.options, lang),
        ),
        counts=_counts(result, w),
        finding_heads=(w["line"], w["code"], w["severity"], w["step"], w["message"]),
        families=[
            views.FamilyView(
                code,
                family_name(code, lang) if code in FAMILY_NAMES else w["other"],
                [_finding(f, rules, outline, lang, w) for f in active if f.rule[:1] == code],
            )
            for code in families
        ],
        waived=[
            dataclasses.replace(
                _finding(f, rules, outline, lang, w), reason=f.waiver_reason if f.waiver_reason is not None else "—"
            )
            for f in result.findings
            if f.waived
        ],
        timeline=_markup(timeline_svg(result.timeline, lang, uid + "-tl")) if result.timeline else None,
        legend=[(_markup(swatch), text) for swatch, text in zip(SWATCHES, w["legend"], strict=True)],
        checklist=_checklist(outline, uid, w),
        about=_about(result, outline, report_facts, lang, w),
        evidence=_evidence(result, outline, lang) if result.evidence is not None else None,
        capaian=capaian_view(result.content, lang) if result.content is not None else None,
    )


def _evidence(result: DossierResult, outline: SopOutline | None, lang: str) -> views.EvidenceView:
    """A row per attachment: how it was read and what its text proved, claim by claim."""
    words = EVIDENCE_WORDS["en" if lang == "en" else "id"]
    evidence = result.evidence
    assert evidence is not None
    rows = []
    for found in evidence.attachments:
        mine = [c for c in evidence.claims if c.field == found.field or c.field.startswith(found.field + ".")]
        proved = [c for c in mine if c.level != "dinyatakan"]
        declared = [c for c in mine if c.level == "dinyatakan"]
        source = words["source"][found.text_source]
        if found.text_source == "ocr" and found.ocr_confidence is not None:
            source += " (" + words["confidence"].format(n=found.ocr_confidence) + ")"
        if found.problem is not None:
            source += " — " + words["problem"].get(found.problem, found.problem)
        rows.append(
            views.EvidenceRow(
                jenis=outline.kinds.get(found.jenis, found.jenis) if outline is not None else found.jenis,
                berkas=found.berkas,
                format=(found.format or "—").upper(),
                pages=found.pages if found.pages is not None else "—",
                source=source,
                read=found.text_source is not None,
                proved=_grouped(proved, words),
                declared=[_claim_words(c, words) for c in declared],
                signatures=[_signature_words(s, words, lang) for s in found.signatures],
            )
        )
    return views.EvidenceView(evidence_line([result], lang), rows)


def _signature_words(signature: SignatureEvidence, words: Mapping[str, Any], lang: str) -> views.SignatureLine:
    """One signature in a line: who, when and on what basis, and what it amounts to."""
    parts = [signature.signer or "—"]
    if signature.time is not None:
        when = date_words(datetime.fromisoformat(signature.time), lang)  # in the office's zone
        parts.append(f"{when} ({words['basis'][signature.time_basis]})")
    status = words["tte_status"][signature.status]
    if signature.partial and signature.status in ("valid", "partial", "unchecked"):
        status += " — " + ", ".join(words["partial"][p] for p in signature.partial)
    if signature.proves is not None:
        mark = words["claim"]["paraf" if ".paraf" in signature.proves else "tanda_tangan"]
        status += " · " + words["for_mark"].format(mark=mark)
    return views.SignatureLine(" · ".join(parts), status, "yes" if signature.status == "valid" else "no")


def _grouped(claims: list[Claim], words: Mapping[str, Any]) -> list[str]:
    """Claims proved by one document, by kind ("anggota (3)"): a row stays one line."""
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim.claim] = counts.get(claim.claim, 0) + 1
    names = words["claim"]
    return [names.get(kind, kind) + (f" ({n})" if n > 1 else "") for kind, n in counts.items()]


def _claim_words(claim: Claim, words: Mapping[str, Any]) -> str:
    name = words["claim"].get(claim.claim, claim.claim)
    text = name if claim.claim == "dokumen" else f"{name}: {claim.subject}"
    # A paraf or signature: what its signature block says, beside the declared claim.
    return f"{text} ({words['block'][claim.block]})" if claim.block is not None else text


def _finding(
    f: Finding, rules: Mapping[str, Rule], outline: SopOutline | None, lang: str, w: Mapping[str, Any]
) -> views.FindingView:
    doc = rules.get(f.rule)
    return views.FindingView(
        line=f.line if f.line is not None else "—",
        rule=f.rule,
        severity=f.severity.value,
        severity_word=w["sev"].get(f.severity, f.severity.value),
        step=f.step if f.step is not None else "—",
        message=f.message,
        clause=kriteria(doc, lang),
        fix=_inline_code(doc.text("fix", lang)) if doc is not None else None,
        akibat=in_lang(doc.akibat, lang) if doc is not None and doc.akibat is not None else None,
        actor=actor_of(f, doc, outline, lang),
    )


def _checklist(outline: SopOutline | None, uid: str, w: Mapping[str, Any]) -> list[views.CheckSection]:
    """The SOP's manual checks grouped by section, each box with a name unique in the page."""
    if outline is None:
        return []
    sections = list(dict.fromkeys(check.section for check in outline.manual_checks))
    return [
        views.CheckSection(
            w["sections"].get(section, section.replace("_", " ").capitalize()),
            [
                views.CheckItem(f"{uid}-c{s}-{k}", check.text)
                for k, check in enumerate(c for c in outline.manual_checks if c.section == section)
            ],
        )
        for s, section in enumerate(sections)
    ]
