"""A baseline: the findings a document repository already had, which no longer fail a run.

Dossiers submitted years ago would otherwise keep CI red forever. ``--write-baseline
FILE`` records today's findings; ``--baseline FILE`` then marks the same findings as
baselined (still reported, never failing), so that only new findings fail. A finding is
matched by its dossier, its code and its fingerprint (``decide.engine.fingerprint``),
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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lapkin_audit.load.safefile import read_regular
from lapkin_audit.model import DossierResult

FORMAT = "lapkin-audit-baseline/1"
MAX_BYTES = 64 * 1024 * 1024


class BaselineError(Exception):
    """The baseline file cannot be read or is not one (exit status 2)."""


Key = tuple[str, str, str]  # dossier path, rule, fingerprint


def entries(results: Iterable[DossierResult]) -> list[dict[str, str]]:
    """Today's findings as baseline entries (waived ones need none), sorted."""
    keys = [(r.path, f.rule, f.fingerprint) for r in results for f in r.findings if not f.waived]
    return [{"dossier": path, "rule": rule, "fingerprint": fp} for path, rule, fp in sorted(keys)]


def dumps(results: Iterable[DossierResult]) -> str:
    return json.dumps({"format": FORMAT, "findings": entries(results)}, ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> Counter[Key]:
    try:
        raw = read_regular(path, MAX_BYTES + 1)  # a FIFO or /dev/zero named by --baseline cannot hang the run
    except OSError as exc:
        raise BaselineError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        if len(raw) > MAX_BYTES:
            raise ValueError("too large")
        data: Any = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        return Counter((e["dossier"], e["rule"], e["fingerprint"]) for e in data["findings"])
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise BaselineError(f"{path} is not a baseline: {exc}") from None


def apply(results: Iterable[DossierResult], known: Counter[Key]) -> tuple[tuple[DossierResult, ...], int]:
    """The results with the baseline's findings marked, and how many entries matched nothing."""
    left = Counter(known)
    marked = []
    for result in results:
        findings = []
        for finding in result.findings:
            key = (result.path, finding.rule, finding.fingerprint)
            if not finding.waived and left[key] > 0:
                left[key] -= 1
                finding = dataclasses.replace(finding, baselined=True)
            findings.append(finding)
        marked.append(dataclasses.replace(result, findings=tuple(findings)))
    return tuple(marked), sum(left.values())
