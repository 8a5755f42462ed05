"""A baseline: the findings a document repository already had, which no longer fail a run.

Dossiers submitted years ago would otherwise keep CI red forever. ``--write-baseline
FILE`` records today's findings; ``--baseline FILE`` then marks the same findings as
baselined (still reported, never failing), so that only new findings fail. A finding is
matched by its dossier, its code and its fingerprint (``decide.judge.fingerprint``),
never by its line, and as many times as the baseline lists it. Entries that match nothing
are counted and reported, as an unused waiver is.

A baseline is not a waiver: a waiver (``pengecualian``) is a decision in the dossier,
approved by the Camat, with its reason; a baseline is the repository's history, kept by
whoever runs the checks.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit.errors import BaselineError
from lapkin_audit.model import DossierResult, codec

FORMAT = "lapkin-audit-baseline/1"
MAX_BYTES = 64 * 1024 * 1024


Key = tuple[str, str, str]  # dossier path, rule, fingerprint


@dataclass(frozen=True)
class Entry:
    """One finding the repository already had (written and read with ``model.codec``)."""

    dossier: str
    rule: str
    fingerprint: str


def entries(results: Iterable[DossierResult]) -> list[Entry]:
    """Today's findings as baseline entries (waived ones need none), sorted."""
    keys = [(r.path, f.rule, f.fingerprint) for r in results for f in r.findings if not f.waived]
    return [Entry(*key) for key in sorted(keys)]


def dumps(results: Iterable[DossierResult], kept: Iterable[Key] = ()) -> str:
    """The baseline of ``results``, with the entries ``kept`` of an earlier one (those the
    run did not cover: see ``covered``)."""
    return dumps_entries([*entries(results), *(Entry(*key) for key in kept)])


def dumps_entries(found: Iterable[Entry]) -> str:
    """The baseline file of ``found``, sorted as ``entries`` sorts them."""
    ordered = sorted(found, key=lambda e: (e.dossier, e.rule, e.fingerprint))
    document = {"format": FORMAT, "findings": codec.encode(ordered)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def covered(known: Counter[Key], covers: Callable[[Key], bool]) -> tuple[Counter[Key], list[Key]]:
    """``known`` split into the entries a run covers (a dossier it audited, a rule it judged
    there) and the others, which a partial run (``--changed-since``, ``--touched``, some
    rules only) neither uses nor reports as matching nothing, and keeps when it writes."""
    inside: Counter[Key] = Counter()
    outside: list[Key] = []
    for key, n in sorted(known.items()):
        if covers(key):
            inside[key] = n
        else:
            outside.extend([key] * n)
    return inside, outside


def parse(raw: bytes, path: Path) -> Counter[Key]:
    """The findings a baseline file (``raw``, read from ``path`` by ``load.safefile``) records."""
    try:
        if len(raw) > MAX_BYTES:
            raise ValueError("too large")
        data: Any = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        found: list[Entry] = codec.decode(list[Entry], data["findings"])
        return Counter((e.dossier, e.rule, e.fingerprint) for e in found)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise BaselineError("baseline.not_baseline", path=path, detail=exc) from None


def apply(results: Iterable[DossierResult], known: Counter[Key]) -> tuple[tuple[DossierResult, ...], int]:
    """The results with the baseline's findings marked, and how many entries matched nothing."""
    left = Counter(known)
    marked = tuple(mark(result, left) for result in results)
    return marked, sum(left.values())


def mark(result: DossierResult, left: Counter[Key] | None) -> DossierResult:
    """``result`` with the findings ``left`` still lists marked (and taken off ``left``), so that
    a run marks its results one by one, as they come; ``None``: every finding not waived
    (a run that writes the baseline: its own findings are the baseline now)."""
    findings = []
    for finding in result.findings:
        key = (result.path, finding.rule, finding.fingerprint)
        if not finding.waived and (left is None or left[key] > 0):
            if left is not None:
                left[key] -= 1
            finding = dataclasses.replace(finding, baselined=True)
        findings.append(finding)
    return dataclasses.replace(result, findings=tuple(findings))
