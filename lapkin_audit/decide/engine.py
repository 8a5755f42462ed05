"""Assessing one dossier: load it, run every check, stamp, apply waivers, decide.

The engine alone turns violations into findings: it takes severity from the catalogue,
the line from the manifest, the text from the messages, applies waivers and
``--select``/``--ignore``, sorts, and decides the verdict. Checks never do any of that.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit.checks import Context, bukti, bukti_tanda, bukti_teks, capaian, families, levels, tte
from lapkin_audit.decide import waivers
from lapkin_audit.decide.catalogue import RULES, matches, render
from lapkin_audit.domain import timeline
from lapkin_audit.evidence import read
from lapkin_audit.evidence.cache import FactsCache
from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.evidence.limits import DEFAULT as READING_LIMITS
from lapkin_audit.evidence.limits import Limits
from lapkin_audit.load import attachments, manifest
from lapkin_audit.model import (
    Dossier,
    DossierAbout,
    DossierResult,
    Finding,
    Official,
    Severity,
    Sop,
    StepTiming,
    TteTrust,
    Verdict,
    Violation,
)

INTERNAL_ERROR = "E000"


@dataclass(frozen=True)
class Options:
    lang: str = "id"
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    budget: float = 60.0  # seconds one dossier may take before it is reported and skipped (0: none)
    facts_cache: FactsCache | None = None  # what was read from attachments, by content (evidence.cache)
    ocr_workers: int = 1  # processes that read a scan's pages at once (the run's --jobs)
    reading: Limits = READING_LIMITS  # what reading one attachment may cost (--cpu-per-page)

    def keeps(self, code: str) -> bool:
        if code.startswith("E"):
            return True  # a dossier that cannot be assessed must never look clean
        if self.select and not matches(code, self.select):
            return False
        return not matches(code, self.ignore)


def assess(
    manifest_path: Path,
    display_path: str,
    sops: Mapping[str, Sop],
    options: Options,
    attachments_seen: dict[str, attachments.Attachment] | None = None,
) -> DossierResult:
    """Never raises for a dossier's sake: an internal error becomes this dossier's finding.

    ``attachments_seen``, if given, receives the attachment facts the checks saw (the cache keys on them).
    """
    sop_id: str | None = None
    try:
        loaded = manifest.load(manifest_path, display_path, sops)
        sop_id = loaded.sop_id
        if loaded.dossier is None or loaded.sop is None:
            return _result(display_path, sop_id, _stamp(((v, None) for v in loaded.violations), None, options.lang))
        return _audit(loaded.dossier, loaded.sop, options, attachments_seen)
    except Exception as exc:
        return _internal(display_path, sop_id, "internal", {"error": f"{type(exc).__name__}: {exc}"}, options)


def out_of_time(display_path: str, options: Options) -> DossierResult:
    """A dossier whose audit ran past its time budget: reported, and the batch goes on."""
    return _internal(display_path, None, "internal.timeout", {"seconds": f"{options.budget:g}"}, options)


def _internal(display_path: str, sop_id: str | None, key: str, args: dict[str, str], options: Options) -> DossierResult:
    """A dossier the tool itself could not assess (E000): never a pass, never the end of a batch."""
    finding = Finding(rule=INTERNAL_ERROR, severity=Severity.ERROR, message=render(key, args, options.lang))
    return DossierResult(display_path, sop_id, Verdict.TIDAK_DAPAT_DINILAI, (finding,))


def unlisted(display_path: str, options: Options) -> DossierResult:
    """A folder the search could enter but not list: reported, so a partial audit never looks clean."""
    violation = Violation("E001", "read.unlisted", {"path": display_path})
    return _result(display_path, None, _stamp([(violation, None)], None, options.lang))


def inspect_attachments(found: Dossier) -> dict[str, attachments.Attachment]:
    """What the file system says of every attachment (document field -> its status)."""
    root = os.path.realpath(found.folder)  # once per dossier, not per attachment
    return {
        doc.field: attachments.inspect(found.folder, doc.berkas, root, doc.sha256)
        for doc in found.dokumen
        if doc.berkas is not None
    }


def context_for(
    found: Dossier,
    sop: Sop,
    options: Options | None = None,
    facts: Mapping[str, attachments.Attachment] | None = None,
) -> Context:
    options = options or Options()
    facts = inspect_attachments(found) if facts is None else facts
    evidence_rules = (*bukti.RULES, *bukti_teks.RULES, *bukti_tanda.RULES, *tte.RULES, *capaian.RULES)
    read_them = any(options.keeps(rule.code) for rule in evidence_rules) or options.keeps("H001")
    evidence = _evidence(found, facts, options, sop.tte) if read_them else {}
    return Context(found, sop, facts, timeline.build(found, sop), evidence)


def _evidence(
    found: Dossier, facts: Mapping[str, attachments.Attachment], options: Options, trust: TteTrust
) -> dict[str, DocumentFacts]:
    """The content of every attachment that is intact (K003 and K004 passed), read once per
    content; the tables of the documents the content checks compare, when they are kept."""
    cache = options.facts_cache
    evidence: dict[str, DocumentFacts] = {}
    wanted: dict[str, tuple[bytes, str]] = {}  # field -> (bytes, sha256)
    tables = _tables_wanted(found, facts, options)
    for doc in found.dokumen:
        seen = facts.get(doc.field)
        if doc.berkas is None or seen is None or seen.status != "ok" or seen.sha256 is None:
            continue
        if doc.sha256 is not None and doc.sha256.lower() != seen.sha256:
            continue  # K004: the file is not the one the manifest recorded
        # the same content in another dossier, or run
        already = read.known(seen.sha256, cache, trust, seen.sha256 in tables)
        if already is not None:
            evidence[doc.field] = already
            continue
        try:
            data = attachments.read_content(found.folder, doc.berkas, seen.sha256)
        except ValueError as exc:
            evidence[doc.field] = DocumentFacts(seen.sha256, "unknown", problem="too_large", detail=str(exc))
            continue
        if data is not None:
            wanted[doc.field] = (data, seen.sha256)
    by_content = (
        read.facts_for_many(list(wanted.values()), cache, trust, options.ocr_workers, options.reading, tables)
        if wanted
        else {}
    )
    for field, (_, sha256) in wanted.items():
        evidence[field] = by_content[sha256]
    return evidence


def _tables_wanted(found: Dossier, facts: Mapping[str, attachments.Attachment], options: Options) -> set[str]:
    """The contents (SHA-256) whose tables the content checks compare, when they are kept."""
    if not any(options.keeps(rule.code) for rule in capaian.RULES):
        return set()
    seen = [facts.get(doc.field) for doc in found.dokumen if doc.jenis in capaian.TABLE_KINDS]
    return {file.sha256 for file in seen if file is not None and file.sha256 is not None}


def _audit(found: Dossier, sop: Sop, options: Options, attachments_seen: dict[str, Any] | None = None) -> DossierResult:
    files = inspect_attachments(found)
    if attachments_seen is not None:
        attachments_seen.update(files)
    about = DossierAbout(
        found.instansi,
        found.periode,
        tuple(Official(role, person.nama, person.status) for role, person in found.pejabat.items()),
    )
    pointers = attachments.lfs_pointers(found, files)
    if pointers is not None:  # E006: the documents are not in this checkout; nothing else is judged
        return dataclasses.replace(
            _result(found.path, sop.id, _stamp([(pointers, None)], found, options.lang)), about=about
        )
    ctx = context_for(found, sop, options, files)
    violations = [v for family in families() for v in family.check(ctx)]
    judged = waivers.apply(found, sop, violations, RULES)  # --select/--ignore after: a waiver still finds its finding
    findings = _stamp([(v, reason) for v, reason in judged if options.keeps(v.rule)], found, options.lang)
    result = _result(found.path, sop.id, findings, ctx.timeline)
    content = capaian.record(ctx) if any(options.keeps(rule.code) for rule in capaian.RULES) else None
    return dataclasses.replace(result, about=about, evidence=levels.evidence(ctx), content=content)


def _stamp(judged: Iterable[waivers.Judged], found: Dossier | None, lang: str) -> list[Finding]:
    findings = []
    for violation, reason in judged:
        rule = RULES[violation.rule]
        line = violation.line
        if line is None and found is not None:
            line = found.line_of(violation.field)
        findings.append(
            Finding(
                rule=rule.code,
                severity=rule.severity,
                message=render(violation.message, violation.args, lang),
                step=violation.step,
                field=violation.field,
                line=line,
                waived=reason is not None,
                waiver_reason=reason,
                fingerprint=fingerprint(violation),
            )
        )
    return findings


_INDEXES = re.compile(r"\[\d+\]")


def fingerprint(violation: Violation) -> str:
    """The same finding in another run, whatever its line: code, message id, arguments, and
    field without list positions (a document inserted above must not change it)."""
    args = json.dumps(violation.args, sort_keys=True, default=str, ensure_ascii=False)
    field = _INDEXES.sub("[]", violation.field or "")
    key = f"{violation.rule}\0{violation.message}\0{args}\0{field}\0{violation.step}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _result(
    path: str, sop_id: str | None, findings: list[Finding], steps: tuple[StepTiming, ...] = ()
) -> DossierResult:
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    return DossierResult(path, sop_id, verdict_of(ordered), ordered, steps)


def verdict_of(findings: Iterable[Finding]) -> Verdict:
    findings = list(findings)
    if any(f.rule.startswith("E") for f in findings):
        return Verdict.TIDAK_DAPAT_DINILAI
    if any(f.severity is Severity.ERROR and not f.waived for f in findings):
        return Verdict.TIDAK_PATUH
    if findings:  # warnings and waived errors
        return Verdict.PATUH_DENGAN_CATATAN
    return Verdict.PATUH
