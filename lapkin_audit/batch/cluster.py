"""``--scheduler``: the runner that audits dossiers on a Dask cluster, results in input order.

One more implementation of ``runner.Runner``, not a second pipeline: the session, its rules
read, is sent once to every worker (``Client.scatter(..., broadcast=True)``); chunks of units
are submitted as tasks that run ``runner.audit_units`` (each result comes back as
``model.codec`` text, as from a pool of processes); results are taken as they complete
(``as_completed``) and handed on in the order of the units, so the report is byte for byte
that of ``--jobs 1``. At most ``IN_FLIGHT`` chunks per worker thread are submitted or held
ahead of the next one due, so a run of 100,000 dossiers holds a window, not the run.

``--scheduler local`` starts a ``LocalCluster`` of ``--jobs`` worker processes with one
thread each, on this machine only (``127.0.0.1``, any free ports), and stops it with the run.
``--scheduler tcp://HOST:8786`` uses a running cluster: its workers must run this version of
lapkin-audit (checked first) and see the dossiers, the rules and the cache folder at the
same paths (a shared file system). Both caches are safe to share: an entry is written beside
its name and renamed into place, and the facts cache is keyed by content.

A worker declares the memory its readers may use: Dask's nanny watches the worker process
alone, not the reader children it starts, so a LocalCluster declares for each worker its own
share and a reader's limit (``memory_needed``), and a cluster whose workers declare less (a
limit, but too small for their threads' readers) is refused before anything is audited.

Budgets hold in worker threads (``budget.Deadline`` counts the CPU of the thread that audits
and the children that read for it); a worker thread gets its own copy of the session
(a session is used by one thread at a time). A chunk the cluster fails on (a worker killed
for memory, say) becomes each of its dossiers' E000, never silence and never a finding
against the office.
"""

from __future__ import annotations

import logging
import os
import pickle
import socket
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from lapkin_audit import __version__
from lapkin_audit.batch.runner import Unit, audit_units, received
from lapkin_audit.batch.session import Session
from lapkin_audit.decide import judge
from lapkin_audit.errors import UsageError
from lapkin_audit.model import DossierResult, codec

LOCAL = "local"  # --scheduler local: a LocalCluster on this machine, for this run
CHUNK = 8  # dossiers per task: a task costs the scheduler ~1 ms; a dossier with evidence far more
IN_FLIGHT = 4  # chunks submitted or waiting to be handed on, per worker thread
CONNECT_TIMEOUT = "30s"
# What a worker thread holds besides its reader child: the session, a chunk, its results.
WORKER_OWN = 512 * 1024 * 1024


def available() -> bool:
    """Whether Dask's distributed scheduler is installed (``pip install 'lapkin-audit[dask]'``)."""
    import importlib.util

    return importlib.util.find_spec("distributed") is not None


class DaskRunner:
    """Audits the units on the cluster at ``address`` (``tcp://HOST:8786``), or on a LocalCluster
    of ``workers`` processes started for the run (``"local"``)."""

    def __init__(self, address: str, workers: int = 1) -> None:
        self.address, self.workers = address, max(1, workers)

    def map(self, session: Session, units: Sequence[Unit], looked_up: bool = False) -> Iterator[DossierResult]:
        if not units:
            return
        session = session.loaded()  # the rules read here, once: broken rules stop the run here
        client, cluster = self._connect()
        try:
            _same_version(client)
            _enough_memory(client)
            shared = client.scatter(session, broadcast=True, hash=False)
            chunks = _Chunks(units, CHUNK)
            threads = max(1, sum(client.nthreads().values()))
            yield from _in_order(client, shared, chunks, looked_up, IN_FLIGHT * threads, session)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _connect(self) -> tuple[Any, Any]:
        import dask
        from distributed import Client, LocalCluster

        cluster = None
        try:
            if self.address == LOCAL:
                # Reader children are started by the workers: a daemonic worker may not have any.
                with dask.config.set({"distributed.worker.daemon": False}):
                    cluster = LocalCluster(
                        n_workers=self.workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address="127.0.0.1:0",  # its HTTP server on a free port of this machine only
                        silence_logs=logging.ERROR,
                        memory_limit=memory_needed(1),
                    )
                return Client(cluster, set_as_default=False), cluster
            return Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False), None
        except (OSError, ValueError, TypeError, RuntimeError) as exc:  # refused, unreachable, malformed; no start
            if cluster is not None:
                cluster.close()
            raise UsageError("usage.scheduler", address=self.address, error=exc) from None


def _same_version(client: Any) -> None:
    """Every worker runs this version: results made by other code would differ without a word."""
    found = sorted(set(client.run(_version).values()) - {__version__})
    if found:
        raise UsageError("usage.cluster_versions", found=", ".join(found), version=__version__)


def memory_needed(threads: int) -> int:
    """Bytes a worker of ``threads`` threads must declare: each thread's own, and the limit of
    the reader child each may have running. Dask's nanny counts the worker process alone, not
    its children, so what the readers may take must be in the declaration."""
    from lapkin_audit.evidence.limits import Limits

    return threads * (WORKER_OWN + Limits().memory)


def _enough_memory(client: Any) -> None:
    """Every worker declares room for its readers (or no limit at all): a worker that declares
    less could be killed, or starve its machine, with a reader at its limit."""
    short = []
    for address, worker in sorted(client.scheduler_info()["workers"].items()):
        declared, needed = worker.get("memory_limit") or 0, memory_needed(worker.get("nthreads") or 1)
        if 0 < declared < needed:
            short.append(f"{address} ({declared // 2**20} MiB < {needed // 2**20} MiB)")
    if short:
        raise UsageError("usage.cluster_memory", workers=", ".join(short))


def _version() -> str:
    return __version__


class _Chunks:
    """The units in chunks of ``size``, each made when it is asked for (a window, not the run)."""

    def __init__(self, units: Sequence[Unit], size: int) -> None:
        self.units, self.size = units, size

    def __len__(self) -> int:
        return -(-len(self.units) // self.size)

    def __getitem__(self, at: int) -> Sequence[Unit]:
        return self.units[at * self.size : (at + 1) * self.size]


def _in_order(
    client: Any, shared: Any, chunks: _Chunks, looked_up: bool, window: int, session: Session
) -> Iterator[DossierResult]:
    """Each chunk's results in the order of ``chunks``, submitting ahead at most ``window``."""
    from distributed import as_completed

    index: dict[Any, int] = {}
    done: dict[int, list[DossierResult]] = {}  # finished, waiting for an earlier chunk
    completed = as_completed(loop=client.loop)
    submitted = due = 0

    def submit_ahead() -> None:
        nonlocal submitted
        while submitted < len(chunks) and submitted - due < window:
            future = client.submit(_audit_chunk, shared, chunks[submitted], looked_up, pure=False)
            index[future] = submitted
            completed.add(future)
            submitted += 1

    submit_ahead()
    for future in completed:
        at = index.pop(future)
        done[at] = _results(future, chunks[at], session)
        while due in done:
            yield from done.pop(due)
            due += 1
        submit_ahead()


def _results(future: Any, chunk: Sequence[Unit], session: Session) -> list[DossierResult]:
    try:
        texts = future.result()
    except Exception as exc:  # the task failed or its worker died: the cluster's failure, said so
        error = f"{type(exc).__name__}: {exc}"
        return [_failed(unit, error, session) for unit in chunk]
    return [received(text, unit, session) for unit, text in zip(chunk, texts, strict=True)]


# A worker thread's own copy of the session it was last sent (see the module).
_mine = threading.local()


def _audit_chunk(session: Session, chunk: Sequence[Unit], looked_up: bool) -> list[str]:
    """A task, on a worker: the chunk's results as codec text."""
    if getattr(_mine, "sent", None) is not session:
        if getattr(_mine, "session", None) is not None:
            _mine.session.close()  # the last run's reader: its warm process ends here
        # A copy as a process receives it: the thread's own reader (memo, warm process), not
        # one shared with the worker's other threads.
        _mine.sent, _mine.session = session, pickle.loads(pickle.dumps(session))
    own: Session = _mine.session
    texts = []
    for unit in chunk:
        folder = unit[0].folder
        if os.path.isdir(folder):
            texts.extend(audit_units(own, [unit], looked_up))
            continue
        # Not there on this worker: a cluster without the shared path, never the office's fault.
        error = f"the worker on {socket.gethostname()} does not see the folder {folder}"
        texts.append(codec.dumps(_failed(unit, error, own)))
    return texts


def _failed(unit: Unit, error: str, session: Session) -> DossierResult:
    return judge.internal(unit[0].display, None, "internal.cluster", {"error": error}, session.scope.lang)
