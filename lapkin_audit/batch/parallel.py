"""``--jobs N``: the runner that audits dossiers in worker processes, results in input order.

Each worker receives the session once, when it starts (not with every dossier), with its
rules read, and then audits chunks of dossiers: one message per chunk each way keeps the
pipes cheap, and the results come back as ``model.codec`` text. ``map`` hands chunks back in
the order they were sent, so the output is exactly that of ``--jobs 1``. Where ``fork`` is
available the workers start as copies of this process, with the modules already loaded;
elsewhere they are spawned, which works too (the session is picklable) but costs an import
and a rules load each.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import chain

from lapkin_audit.batch.runner import Unit, audit_units, received
from lapkin_audit.batch.session import Session
from lapkin_audit.model import DossierResult

MAX_CHUNK = 32  # dossiers per message: big enough to amortise the IPC, small enough to balance
CHUNKS_PER_WORKER = 8
IN_FLIGHT = 4  # chunks submitted ahead per worker: each worker always has the next one queued
# Dossiers per worker below which starting workers costs more than it saves (measured
# on 2 cores: a dossier takes ~2 ms; a pool of forked workers ~40 ms to start and warm
# up, of spawned ones ~0.4 s, as each imports the package and receives the rules).
MIN_PER_WORKER = {"fork": 16, "forkserver": 100, "spawn": 100}

# The session of this worker process, given once when it starts (``_start``): a worker
# process exists only to serve it.
_session: tuple[Session, bool] | None = None


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


def start_method() -> str:
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def worth_it(count: int, jobs: int, method: str | None = None) -> bool:
    return jobs > 1 and count >= 2 * MIN_PER_WORKER[method or start_method()]


class ProcessPoolRunner:
    """``jobs`` worker processes, started when ``map`` is first read and stopped with it."""

    def __init__(self, jobs: int, method: str | None = None) -> None:
        self.jobs, self.method = jobs, method

    def map(self, session: Session, units: Sequence[Unit], looked_up: bool = False) -> Iterator[DossierResult]:
        _install_fork_hook()
        session = session.loaded()  # once, here, for all workers
        size = max(1, min(MAX_CHUNK, len(units) // (self.jobs * CHUNKS_PER_WORKER)))
        starts = iter(range(0, len(units), size))
        context = multiprocessing.get_context(self.method or start_method())
        interrupted = False
        workers = min(self.jobs, -(-len(units) // size))  # no more than there are chunks
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(session, looked_up))
        # Chunks submitted and not yet handed on, in order: a window, never the run (each chunk
        # is made from the units when submitted), so 100,000 dossiers hold what 4,000 would.
        pending: deque[tuple[Sequence[Unit], Future[list[str]] | None]] = deque()

        def submit_ahead() -> None:
            while len(pending) < IN_FLIGHT * self.jobs and (at := next(starts, None)) is not None:
                chunk = units[at : at + size]
                pending.append((chunk, None))  # kept if the submission finds the pool broken
                with _stop_signals_held():  # a submission may fork a worker
                    pending[-1] = (chunk, pool.submit(_audit_chunk, chunk))

        try:
            submit_ahead()
            while pending:
                chunk, future = pending[0]
                assert future is not None  # set when submitted; a failed submission raised
                texts = future.result()
                pending.popleft()
                yield from (received(text, unit, session) for unit, text in zip(chunk, texts, strict=True))
                submit_ahead()
        except BrokenProcessPool:
            # A worker died (killed for memory, say): finish here rather than hang or stop.
            # What would crash this process too would also have crashed `--jobs 1`.
            rest = chain((chunk for chunk, _ in pending), (units[at : at + size] for at in starts))
            for chunk in rest:
                texts = audit_units(session, chunk, looked_up)
                yield from (received(text, unit, session) for unit, text in zip(chunk, texts, strict=True))
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


_FORK_HOOK: list[bool] = []  # whether this process registered it (register_at_fork cannot be undone)


def _install_fork_hook() -> None:
    """When a pool first starts in this process: a forked worker handles no Ctrl-C of its own."""
    if not _FORK_HOOK and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_child_signals)
        _FORK_HOOK.append(True)


def _start(session: Session, looked_up: bool) -> None:
    # Ctrl-C reaches the whole process group: let the parent alone handle it and stop us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the command's SIGTERM handler; the parent stops a worker
    # with SIGTERM, which must simply end it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)  # a spawned worker inherits the held mask
    global _session
    _session = (session, looked_up)
    # The worker's copy of the session owns its reader's warm process: ended as the worker
    # exits (multiprocessing runs its finalizers then; atexit it does not).
    from multiprocessing import util

    util.Finalize(session, session.close, exitpriority=10)


def _audit_chunk(chunk: Sequence[Unit]) -> list[str]:
    assert _session is not None, "worker not started"
    session, looked_up = _session
    return audit_units(session, chunk, looked_up)
