"""One run of ``check``: discovered dossiers in, results out, in path order.

Each dossier goes through the result cache when there is one, and through worker
processes when ``jobs`` > 1 and there are enough dossiers to repay starting them.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Mapping
from types import ModuleType

from lapkin_audit.batch.cache import ResultCache
from lapkin_audit.batch.one import LazyRulebook, Options, audit_one
from lapkin_audit.load.discovery import Target
from lapkin_audit.load.sop import Rulebook
from lapkin_audit.model import DossierResult

__all__ = ["LazyRulebook", "audit", "audit_one"]

# Fewer misses than this never repay starting workers (twice parallel.MIN_PER_WORKER's
# smallest; tests/test_parallel.py keeps them in step): a small run, such as a pre-commit
# hook's, does not even import multiprocessing.
FEWEST_FOR_WORKERS = 32


def audit(
    targets: Iterable[Target],
    rulebook: Rulebook | LazyRulebook,
    options: Options,
    jobs: int = 1,
    cache: ResultCache | None = None,
    ignored: Mapping[str, tuple[str, ...]] | None = None,
) -> Generator[DossierResult, None, None]:
    """Every target's result, in the order given. ``ignored`` maps a dossier's display path
    to the codes left out for it only (the configuration file's per-path ignores)."""
    targets = list(targets)
    ignored = ignored or {}
    if cache is not None:
        _keep_derived_tables(cache, rulebook)
    hits: list[DossierResult | None] = [None] * len(targets)
    looked_up = jobs > 1 and cache is not None
    if looked_up:
        # Cache hits cost less than shipping them to a worker: look them up here, and
        # start workers only if enough dossiers are left to audit.
        hits = [cache.lookup(t, ignored.get(t.display, ())) for t in targets]  # type: ignore[union-attr]
    misses = [target for target, hit in zip(targets, hits, strict=True) if hit is None]
    audited: Iterator[DossierResult]
    if jobs > 1 and len(misses) >= FEWEST_FOR_WORKERS and _parallel().worth_it(len(misses), jobs):
        loaded = rulebook.load() if isinstance(rulebook, LazyRulebook) else rulebook  # once, here, for all workers
        audited = _parallel().audit(misses, loaded, options, jobs, cache, ignored=ignored)
    else:
        audited = (
            audit_one(target, rulebook, options, cache, looked_up, ignored.get(target.display, ())) for target in misses
        )
    for hit in hits:
        yield hit if hit is not None else next(audited)


def _keep_derived_tables(cache: ResultCache, rulebook: Rulebook | LazyRulebook) -> None:
    """Validated rules and national holiday tables from earlier runs, and kept for later
    ones: a one-dossier run (a pre-commit hook) then imports neither cerberus nor holidays."""
    if cache.derived is None:
        return
    from lapkin_audit.domain.worktime import keep_holidays_in

    keep_holidays_in(cache.derived)
    if isinstance(rulebook, LazyRulebook):
        rulebook.kept = cache.derived


def _parallel() -> ModuleType:
    from lapkin_audit.batch import parallel  # multiprocessing only when it is used

    return parallel
