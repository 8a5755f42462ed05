"""One run's dossiers through a runner: results out, in path order.

Each dossier goes through the session's result cache when there is one. With a pool of
workers, the cache is looked up here first (a hit costs less than shipping it to a worker),
and only the misses are sent, when there are enough to repay starting the workers.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Mapping

from lapkin_audit.batch.runner import InProcessRunner, Runner, Unit
from lapkin_audit.batch.session import Session
from lapkin_audit.load.discovery import Target
from lapkin_audit.model import DossierResult

# Fewer misses than this never repay starting workers (twice parallel.MIN_PER_WORKER's
# smallest; tests/test_parallel.py keeps them in step): a small run, such as a pre-commit
# hook's, does not even import multiprocessing.
FEWEST_FOR_WORKERS = 32


def audit(
    targets: Iterable[Target],
    session: Session,
    jobs: int = 1,
    ignored: Mapping[str, tuple[str, ...]] | None = None,
    runner: Runner | None = None,
) -> Generator[DossierResult, None, None]:
    """Every target's result, in the order given. ``ignored`` maps a dossier's display path
    to the codes left out for it only (the configuration file's per-path ignores); ``runner``
    audits the misses (by default: here, or a pool of ``jobs`` worker processes)."""
    ignored = ignored or {}
    units: list[Unit] = [(target, ignored.get(target.display, ())) for target in targets]
    hits: list[DossierResult | None] = [None] * len(units)
    looked_up = (jobs > 1 or runner is not None) and session.cache is not None
    if looked_up and session.cache is not None:
        hits = [session.cache.lookup(target, codes) for target, codes in units]
    misses = [unit for unit, hit in zip(units, hits, strict=True) if hit is None]
    audited = iter((runner or _runner(jobs, len(misses))).map(session, misses, looked_up))
    for hit in hits:
        yield hit if hit is not None else next(audited)


def _runner(jobs: int, misses: int) -> Runner:
    if jobs > 1 and misses >= FEWEST_FOR_WORKERS:
        from lapkin_audit.batch import parallel  # multiprocessing only when it is used

        if parallel.worth_it(misses, jobs):
            return parallel.ProcessPoolRunner(jobs)
    return InProcessRunner()
