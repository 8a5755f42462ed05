"""The auditor's words for a finding and a verdict, the same in every report a person reads
(the printable HTML, the Markdown summary, the table, the desk): kondisi (the finding's
message), kriteria (the SOP clause or the rule, quoted), akibat, rekomendasi and who acts
(the rule's ``actors``, named as the SOP names them), and what a verdict left out."""

from __future__ import annotations

from collections.abc import Mapping

from lapkin_audit.lang.words import ACTOR_NAMES, PARTIAL, scope_notes
from lapkin_audit.model import DossierResult, Finding, Rule, RunOptions, SopOutline


def actor_names(actors: tuple[str, ...], roles: Mapping[str, str], lang: str) -> str:
    """Role ids as the SOP names them ("Sekretaris Kecamatan, Camat")."""
    fallback = ACTOR_NAMES["en" if lang == "en" else "id"]
    names = [fallback["pengelola"] if a == "pengelola" else roles.get(a) or fallback.get(a, a) for a in actors]
    return ", ".join(names)


def kriteria(rule: Rule | None, lang: str) -> str | None:
    """What a finding is measured against, quoted: the SOP's clause, or the rule itself."""
    if rule is None:
        return None
    return f"“{rule.clause}”" if rule.clause else f"{rule.code}: {rule.summary(lang)}"


def actor_of(finding: Finding, rule: Rule | None, outline: SopOutline | None, lang: str) -> str | None:
    """Who acts on a finding's rekomendasi, as the SOP names them."""
    if rule is None or not rule.actors:
        return None
    if outline is None:
        ids = tuple(a for a in rule.actors if a != "langkah")
        return actor_names(ids, {}, lang) or None
    return actor_names(outline.actors(rule.actors, finding.step), outline.roles, lang) or None


def partial_notes(result: DossierResult, options: RunOptions, lang: str) -> list[str]:
    """Why the verdict of one dossier is partial, each in a phrase; empty for a full judgement.

    Rules left out by the run (--select, --ignore, per-path ignores: named with their pattern,
    since a report cannot tell which dossiers a pattern matched), then what only this
    dossier left out (``dossier_notes``). A dossier that could not be assessed is not
    partial: it has no judgement at all.
    """
    if result.verdict.value == "TIDAK_DAPAT_DINILAI":
        return []
    return scope_notes(options, lang) + dossier_notes(result, lang)


def dossier_notes(result: DossierResult, lang: str) -> list[str]:
    """What one dossier's verdict did not weigh: findings the baseline knows, evidence not read."""
    if result.verdict.value == "TIDAK_DAPAT_DINILAI":
        return []
    words = PARTIAL["en" if lang == "en" else "id"]
    notes = []
    baselined = sum(1 for f in result.findings if f.baselined)
    if baselined:
        notes.append(words["baselined"].format(n=baselined))
    if result.evidence is None:
        notes.append(words["no_evidence"])
    else:
        unread = sum(1 for a in result.evidence.attachments if a.text_source is None)
        if unread:
            notes.append(words["evidence"].format(n=unread))
    return notes
