"""Per-path ignores: codes a configuration file leaves out for some dossiers only.

Applied to finished results (after the cache, which keys on the run-wide options), in the
same way ``--ignore`` is: the findings go, the verdict is decided again from what is left,
and E codes always stay (a dossier that cannot be assessed never looks clean). The run's
options record the patterns, so every report says that some verdicts cover fewer rules.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from lapkin_audit.decide.catalogue import matches
from lapkin_audit.decide.engine import verdict_of
from lapkin_audit.model import DossierResult


def narrow(results: tuple[DossierResult, ...], ignored: Mapping[str, tuple[str, ...]]) -> tuple[DossierResult, ...]:
    """``ignored`` maps a dossier's path (as results show it) to the codes left out for it."""
    return tuple(_narrowed(r, ignored.get(r.path, ())) for r in results)


def _narrowed(result: DossierResult, codes: tuple[str, ...]) -> DossierResult:
    if not codes:
        return result
    kept = tuple(f for f in result.findings if f.rule.startswith("E") or not matches(f.rule, codes))
    if len(kept) == len(result.findings):
        return result
    return dataclasses.replace(result, findings=kept, verdict=verdict_of(kept))
