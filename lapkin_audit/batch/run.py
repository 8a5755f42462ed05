"""One run's dossiers through a runner: results out, in path order.

Each dossier goes through the session's result cache when there is one. With a pool of
workers, the cache is looked up here first (a hit costs less than shipping it to a worker),
and only the misses are sent, when there are enough to repay starting the workers.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping, Sequence
from typing import overload

from lapkin_audit.batch.runner import InProcessRunner, Runner, Unit
from lapkin_audit.batch.session import Session
from lapkin_audit.load.discovery import Made, Target
from lapkin_audit.model import DossierResult

# Fewer misses than this never repay starting workers (twice parallel.MIN_PER_WORKER's
# smallest; tests/test_parallel.py keeps them in step): a small run, such as a pre-commit
# hook's, does not even import multiprocessing.
FEWEST_FOR_WORKERS = 32


def audit(
    targets: Sequence[Target],
    session: Session,
    jobs: int = 1,
    ignored: Mapping[str, tuple[str, ...]] | None = None,
    runner: Runner | None = None,
) -> Generator[DossierResult, None, None]:
    """Every target's result, in the order given. ``ignored`` maps a dossier's display path
    to the codes left out for it only (the configuration file's per-path ignores); ``runner``
    audits the misses (by default: here, or a pool of ``jobs`` worker processes)."""
    units = _Units(targets, ignored or {})
    if session.cache is None or (jobs <= 1 and runner is None):
        # Nothing to look up first: each unit is made as its turn comes, never the run's list.
        yield from (runner or _runner(jobs, len(units))).map(session, units, False)
        return
    hits = [session.cache.lookup(target, codes) for target, codes in units]
    missed = [i for i, hit in enumerate(hits) if hit is None]
    misses = _Units(Made(missed, targets.__getitem__), units.ignored)  # the targets at those places
    audited = iter((runner or _runner(jobs, len(misses))).map(session, misses, True))
    for hit in hits:
        yield hit if hit is not None else next(audited)


class _Units(Sequence[Unit]):
    """Each target with the codes left out for it, made when asked for (see ``Targets``)."""

    def __init__(self, targets: Sequence[Target], ignored: Mapping[str, tuple[str, ...]]) -> None:
        self.targets, self.ignored = targets, ignored

    def __len__(self) -> int:
        return len(self.targets)

    @overload
    def __getitem__(self, index: int) -> Unit: ...

    @overload
    def __getitem__(self, index: slice) -> list[Unit]: ...

    def __getitem__(self, index: int | slice) -> Unit | list[Unit]:
        if isinstance(index, slice):
            return [self._unit(target) for target in self.targets[index]]
        return self._unit(self.targets[index])

    def _unit(self, target: Target) -> Unit:
        return target, self.ignored.get(target.display, ())


def _runner(jobs: int, misses: int) -> Runner:
    if jobs > 1 and misses >= FEWEST_FOR_WORKERS:
        from lapkin_audit.batch import parallel  # multiprocessing only when it is used

        if parallel.worth_it(misses, jobs):
            return parallel.ProcessPoolRunner(jobs)
    return InProcessRunner()
