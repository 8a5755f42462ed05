"""``--jobs N``: auditing dossiers in worker processes, results in input order.

Each worker receives the rulebook once, when it starts (not with every dossier), and
then audits chunks of dossiers: one message per chunk each way keeps the pipes cheap.
``map`` hands chunks back in the order they were sent, so the output is exactly that
of ``--jobs 1``. Where ``fork`` is available the workers start as copies of this
process, with the modules and rules already loaded; elsewhere they are spawned, which
works too (everything sent is picklable) but costs an import and a rules load each.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from lapkin_audit.batch.cache import ResultCache
from lapkin_audit.batch.one import Options, audit_one
from lapkin_audit.load.discovery import Target
from lapkin_audit.load.sop import Rulebook
from lapkin_audit.model import DossierResult

MAX_CHUNK = 32  # dossiers per message: big enough to amortise the IPC, small enough to balance
CHUNKS_PER_WORKER = 8
# Dossiers per worker below which starting workers costs more than it saves (measured
# on 2 cores: a dossier takes ~2 ms; a pool of forked workers ~40 ms to start and warm
# up, of spawned ones ~0.4 s, as each imports the package and receives the rules).
MIN_PER_WORKER = {"fork": 16, "forkserver": 100, "spawn": 100}

_worker: tuple[Rulebook, Options, ResultCache | None] | None = None  # set in each worker


def _child_signals() -> None:
    """In a forked worker, from its first instruction: Ctrl-C is the parent's to handle, and
    SIGTERM (the parent stopping it) simply ends it. The command's own handlers, inherited
    through fork, would otherwise raise inside the worker and print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)  # held by the parent while it forked


_STOPPING = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while the workers are forked: raised inside fork's own
    handlers (logging's lock release, say) the exception would be swallowed, and the run
    would go on as if never stopped. Delivered as soon as the workers exist."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_child_signals)


def start_method() -> str:
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def worth_it(count: int, jobs: int, method: str | None = None) -> bool:
    return jobs > 1 and count >= 2 * MIN_PER_WORKER[method or start_method()]


def audit(
    targets: Sequence[Target],
    rulebook: Rulebook,
    options: Options,
    jobs: int,
    cache: ResultCache | None,
    method: str | None = None,
    ignored: Mapping[str, tuple[str, ...]] | None = None,
) -> Iterator[DossierResult]:
    size = max(1, min(MAX_CHUNK, len(targets) // (jobs * CHUNKS_PER_WORKER)))
    units = [(target, (ignored or {}).get(target.display, ())) for target in targets]
    chunks = [units[i : i + size] for i in range(0, len(units), size)]
    context = multiprocessing.get_context(method or start_method())
    done, interrupted = 0, False
    pool = ProcessPoolExecutor(
        min(jobs, len(chunks)), mp_context=context, initializer=_start, initargs=(rulebook, options, cache)
    )
    try:
        with _stop_signals_held():
            batches = pool.map(_audit_chunk, chunks)  # submits every chunk, forking the workers
        for results in batches:  # in submission order
            yield from results
            done += 1
    except BrokenProcessPool:
        # A worker died (killed for memory, say): finish here rather than hang or stop.
        # What would crash this process too would also have crashed `--jobs 1`.
        _start(rulebook, options, cache, in_worker=False)
        for chunk in chunks[done:]:
            yield from _audit_chunk(chunk)
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM) or abandoned: stop the workers now rather than let
        # them finish their chunks after this process is gone. (Python 3.14 has
        # terminate_workers(); on 3.11 the pool's processes are reached directly.) Waiting
        # for the pool here could deadlock: the signal may have struck inside its locks.
        interrupted = True
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        raise
    finally:
        pool.shutdown(wait=not interrupted, cancel_futures=True)


def _start(rulebook: Rulebook, options: Options, cache: ResultCache | None, in_worker: bool = True) -> None:
    if in_worker:
        # Ctrl-C reaches the whole process group: let the parent alone handle it and stop us.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # A forked worker inherits the command's SIGTERM handler; the parent stops a worker
        # with SIGTERM, which must simply end it.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)  # a spawned worker inherits the held mask
    if cache is not None and cache.derived is not None:
        from lapkin_audit.domain.worktime import keep_holidays_in

        keep_holidays_in(cache.derived)  # a worker builds a year's holidays once, for every later run
    global _worker
    _worker = (rulebook, options, cache)


def _audit_chunk(chunk: Sequence[tuple[Target, tuple[str, ...]]]) -> list[DossierResult]:
    assert _worker is not None, "worker not started"
    rulebook, options, cache = _worker
    # Workers only ever get misses: run.audit looked every dossier up before starting them.
    return [audit_one(target, rulebook, options, cache, cache is not None, ignored) for target, ignored in chunk]
