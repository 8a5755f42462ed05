"""A run's report: the results of every dossier, and what the renderers show beside them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lapkin_audit.model.result import LEVELS, DossierResult, Finding, Verdict
from lapkin_audit.model.rule import Rule, Severity
from lapkin_audit.model.sop import SopOutline


@dataclass(frozen=True)
class RunOptions:
    """The options of a run that change what a verdict means, shown beside the verdicts."""

    select: tuple[str, ...] = ()  # only these codes or prefixes were assessed
    ignore: tuple[str, ...] = ()  # these were left out
    strict: bool = False  # warnings fail the run (exit status 1)
    baseline: str | None = None  # the baseline file whose findings do not fail the run
    baseline_unused: int = 0  # entries of the baseline that matched no finding
    # per-path-ignores of the configuration file: (pattern, codes) left out for the dossiers it matches
    per_path_ignore: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # What set select and ignore: "--select", or the configuration file and its key.
    select_from: str = "--select"
    ignore_from: str = "--ignore"
    # The configuration file that set this run, and the rules folders it read beyond the
    # bundled ones, each with the fingerprint of its bytes: (name, fingerprint).
    config: tuple[str, str] | None = None
    rules_dirs: tuple[tuple[str, str], ...] = ()
    # A run on a developer's PC (the pre-commit hook): findings about its missing tools
    # (``Finding.local``) are reported, and said once, but fail nothing, even under --strict.
    local_not_failing: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The options as the machine-readable reports (JSON, SARIF) record them."""
        return {
            "select": list(self.select),
            "ignore": list(self.ignore),
            "strict": self.strict,
            "baseline": self.baseline,
            "baseline_unused": self.baseline_unused,
            "per_path_ignore": {pattern: list(codes) for pattern, codes in self.per_path_ignore},
            "select_from": self.select_from if self.select else None,
            "ignore_from": self.ignore_from if self.ignore else None,
            "config": {"file": self.config[0], "sha256": self.config[1]} if self.config else None,
            "rules": [{"folder": folder, "sha256": digest} for folder, digest in self.rules_dirs],
        }

    @property
    def partial(self) -> bool:
        """Some rules were not assessed: a verdict covers only the others."""
        return bool(self.select or self.ignore or self.per_path_ignore)

    def fails(self, finding: Finding) -> bool:
        """Whether a finding fails the run (exit status 1): an unwaived error, or under
        --strict any finding (a dossier PATUH DENGAN CATATAN fails then); never one the
        baseline knows. Every format marks failures by this, so it agrees with the status."""
        if finding.baselined or (finding.local and self.local_not_failing):
            return False
        return self.strict or (finding.severity is Severity.ERROR and not finding.waived)


@dataclass(frozen=True)
class Report:
    tool_version: str
    lang: str
    # A tuple, or for a large run a spool of results kept on disk (``batch.spool``): read it
    # by iterating (each pass reads it again), and ask ``tally`` for what is counted over it.
    results: Collection[DossierResult]
    # The SOPs the results name, for renderers that show more than findings (NEEDS_SOPS).
    sops: Mapping[str, SopOutline] = field(default_factory=dict)
    # Every rule of the catalogue (decide.catalogue.RULES), in its order, for renderers that
    # name or explain codes (SARIF's rules, the HTML report's clauses and fixes): the front end
    # gives it, renderers only read it.
    rules: Mapping[str, Rule] = field(default_factory=dict)
    # For a report filed with the dossiers (HTML): when the audit ran, and which rules
    # files (their bytes) judged it. Set by the command line; None in reports that need not say.
    audited_on: dt.date | None = None
    rules_fingerprint: str | None = None
    # Where docs/rules.md is published (SARIF's helpUri); None: reports link nothing.
    docs_url: str | None = None
    options: RunOptions = field(default_factory=RunOptions)

    def summary(self) -> dict[str, int]:
        return dict(tally(self.results).verdicts)


class Tally:
    """What a report counts over its results (verdicts, findings, evidence), counted once per
    result: as a spool receives them, so that a summary printed first needs no second pass."""

    def __init__(self) -> None:
        self.verdicts = {verdict.value: 0 for verdict in Verdict}
        self.findings = {"error": 0, "warning": 0, "waived": 0}  # errors and warnings not waived, waived ones
        self.evidence = {"files": 0, "teks": 0, "ocr": 0, "none": 0, **{f"level_{level}": 0 for level in LEVELS}}
        self.evidence.update(signatures=0, signatures_valid=0)
        self.with_evidence = 0  # results whose attachments were read

    def add(self, result: DossierResult) -> None:
        self.verdicts[result.verdict.value] += 1
        for finding in result.findings:
            self.findings["waived" if finding.waived else finding.severity.value] += 1
        if result.evidence is None:
            return
        counts = self.evidence
        self.with_evidence += 1
        counts["files"] += len(result.evidence.attachments)
        for found in result.evidence.attachments:
            counts["signatures"] += len(found.signatures)
            counts["signatures_valid"] += sum(s.status == "valid" for s in found.signatures)
        for key, n in result.evidence.sources().items():
            counts[key] += n
        for level, n in result.evidence.levels().items():
            counts[f"level_{level}"] += n


def tally(results: Iterable[DossierResult]) -> Tally:
    """The counts over ``results``: kept by a spool as it filled, else counted now."""
    kept = getattr(results, "tally", None)
    if isinstance(kept, Tally):
        return kept
    counted = Tally()
    for result in results:
        counted.add(result)
    return counted


def evidence_counts(results: Iterable[DossierResult]) -> dict[str, int]:
    """Attachments read and claims by level over the results (the short form of the evidence)."""
    return dict(tally(results).evidence)


def finding_counts(results: Iterable[DossierResult]) -> dict[str, int]:
    """Findings counted apart: errors and warnings not waived, and waived ones."""
    return dict(tally(results).findings)
