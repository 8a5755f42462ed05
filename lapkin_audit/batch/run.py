"""One run of ``check``: discovered dossiers in, results out, in path order.

Each dossier goes through the result cache when there is one, and through worker
processes when ``jobs`` > 1 and there are enough dossiers to repay starting them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from lapkin_audit.batch.cache import ResultCache
from lapkin_audit.load.discovery import Target
from lapkin_audit.decide.engine import Options, assess
from lapkin_audit.model import DossierResult
from lapkin_audit.load.sop import Rulebook


class LazyRulebook:
    """The rulebook, read when a dossier first needs it: a re-run answered wholly from the
    cache never parses or validates the rules (its key hashes their bytes, from ``files``).

    Results are stored only after the rules loaded, so a cache hit implies rules files,
    byte for byte, that loaded once with this very code: a broken file is still reported
    (RulesError) on the first dossier that has to be audited.
    """

    def __init__(self, extra_dirs: Iterable[Path] = ()) -> None:
        self.extra_dirs = tuple(extra_dirs)
        self._loaded: Rulebook | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        if self._loaded is not None:
            return self._loaded.files
        from lapkin_audit.load.sop import bundled_rules_dir

        # The files load_rulebook reads, in its order (tests/test_cache.py keeps them in step).
        folders = (bundled_rules_dir(), *self.extra_dirs)
        return tuple(path for folder in folders for path in sorted(folder.rglob("*.yaml")))

    @property
    def sops(self):  # type: ignore[no-untyped-def]
        return self.load().sops

    def load(self) -> Rulebook:
        if self._loaded is None:
            from lapkin_audit.load.sop import load_rulebook

            self._loaded = load_rulebook(self.extra_dirs)
        return self._loaded


def audit(
    targets: Iterable[Target],
    rulebook: Rulebook | LazyRulebook,
    options: Options,
    jobs: int = 1,
    cache: ResultCache | None = None,
) -> Iterator[DossierResult]:
    targets = list(targets)
    hits: list[DossierResult | None] = [None] * len(targets)
    looked_up = jobs > 1 and cache is not None
    if looked_up:
        # Cache hits cost less than shipping them to a worker: look them up here, and
        # start workers only if enough dossiers are left to audit.
        hits = [cache.lookup(target) for target in targets]  # type: ignore[union-attr]
    misses = [target for target, hit in zip(targets, hits) if hit is None]
    audited: Iterator[DossierResult]
    if jobs > 1 and _parallel().worth_it(len(misses), jobs):
        loaded = rulebook.load() if isinstance(rulebook, LazyRulebook) else rulebook  # once, here, for all workers
        audited = _parallel().audit(misses, loaded, options, jobs, cache)
    else:
        audited = (audit_one(target, rulebook, options, cache, looked_up) for target in misses)
    for hit in hits:
        yield hit if hit is not None else next(audited)


def _parallel():  # type: ignore[no-untyped-def]
    from lapkin_audit.batch import parallel  # multiprocessing only when it is used

    return parallel


def audit_one(target: Target, rulebook: Rulebook | LazyRulebook, options: Options, cache: ResultCache | None,
              looked_up: bool = False) -> DossierResult:
    def compute(attachments_seen: dict | None = None) -> DossierResult:
        return assess(target.manifest, target.display, rulebook.sops, options, attachments_seen)

    return compute() if cache is None else cache.audit(target, compute, looked_up)
