"""One run of ``check``: discovered dossiers in, results out, in path order."""

from __future__ import annotations

from typing import Iterable, Iterator

from lapkin_audit.discovery import Target
from lapkin_audit.engine import Options, assess
from lapkin_audit.sop import Rulebook
from lapkin_audit.model import DossierResult


def audit(targets: Iterable[Target], rulebook: Rulebook, options: Options) -> Iterator[DossierResult]:
    for target in targets:
        yield assess(target.manifest, target.display, rulebook.sops, options)
