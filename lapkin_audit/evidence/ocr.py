"""OCR in the evidence child: Tesseract (its Indonesian model) through tesserocr.

The model loads once per child. With more than one worker (the run's ``--jobs``) a scan's
pages are read by that many processes at once, forked after the model loaded: pages are
queued as they are rendered and read in batches as large as the pool, so memory stays a
few page images whatever the document's length. Each worker dies with the child
(``process.die_with_parent``), holds none of its pipes, and reports the CPU time each page
cost, so that the document's CPU budget counts the workers' time as its own.

A document whose tables are wanted (content.md) has each page's tables read too, from the
same recognition (``evidence.tables.ocr``), its CPU time counted with the page's.

Depends on: tesserocr and a Tesseract model (``ind.traineddata``); without them a scan's
pages stay unread (B006 ``no_ocr``).
"""

from __future__ import annotations

import os
import time
from typing import Any, NamedTuple

from lapkin_audit.domain.content.model import Table
from lapkin_audit.domain.doctext import as_printed


class Read(NamedTuple):
    """A page's text, its mean word confidence (None: a blank page), the CPU seconds it
    took, and its tables (when asked for; their rows' page is 0 until the page is added)."""

    text: str
    confidence: int | None
    spent: float
    tables: tuple[Table, ...] = ()


_ENGINES: dict[str, Any] = {}  # tessdata folder -> PyTessBaseAPI: the model loads once per child


def engine(tessdata: str) -> Any:
    """Tesseract with the Indonesian model, loaded on first use and kept for the child's
    other documents; None when tesserocr or the model cannot be loaded."""
    if tessdata not in _ENGINES:
        try:
            import tesserocr

            _ENGINES[tessdata] = tesserocr.PyTessBaseAPI(path=tessdata, lang="ind")
        except (ImportError, RuntimeError):
            _ENGINES[tessdata] = None
    return _ENGINES[tessdata]


def read_page(api: Any, image: Any, tables: bool = False) -> Read:
    """One page image's text, as printed, with its confidence and CPU cost; its tables too
    with ``tables``."""
    started = time.process_time()
    api.SetImage(image)
    text = api.GetUTF8Text()
    words = [c for c in api.AllWordConfidences() if c >= 0]
    if not text.strip():
        return Read("", None, time.process_time() - started)
    confidence = round(sum(words) / len(words)) if words else 0
    found: tuple[Table, ...] = ()
    if tables:
        from lapkin_audit.evidence.tables.ocr import page_tables

        found = tuple(page_tables(api, image))
    return Read(as_printed(text), confidence, time.process_time() - started, found)


class Ocr:
    """The child's OCR, shared by every document it reads (one model, one pool)."""

    def __init__(self, tessdata: str | None, workers: int = 1) -> None:
        self.tessdata = tessdata
        self.workers = max(1, workers)
        self.api: Any = None
        self.missing = tessdata is None
        self.pool: Any = None

    def available(self) -> bool:
        if self.missing:
            return False
        if self.api is None:
            self.api = engine(self.tessdata or "")
            self.missing = self.api is None
        return not self.missing

    def read(self, images: list[Any], tables: bool = False) -> tuple[list[Read | None], float]:
        """The pages' reads, in order (None: not read, no OCR here), and the CPU seconds
        the pool's workers spent on them (this process's own time counts itself)."""
        if not images or not self.available():
            return [None] * len(images), 0.0
        if self.workers > 1 and len(images) > 1 and self._start_pool():
            try:
                reads: list[Read | None] = list(self.pool.map(_pool_read, images, [tables] * len(images)))
                return reads, sum(done[2] for done in reads if done is not None)  # each page's CPU seconds
            except Exception:  # a worker died (BrokenProcessPool): read here instead
                self.close()
                self.workers = 1
        return [read_page(self.api, image, tables) for image in images], 0.0

    def _start_pool(self) -> bool:
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            if "fork" not in multiprocessing.get_all_start_methods():
                self.workers = 1
                return False
            context = multiprocessing.get_context("fork")  # the model is loaded once, here, and shared
            self.pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),)
            )
        return True

    def close(self) -> None:
        """Stop the workers (they die with this process in any case)."""
        if self.pool is not None:
            pool, self.pool = self.pool, None
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            pool.shutdown(wait=True, cancel_futures=True)


def _worker_start(parent: int) -> None:  # pragma: no cover - runs in a forked OCR worker
    """A worker dies with the child, and holds none of the pipes to the parent: with them
    open, a parent waiting for the end of the child's output would wait for the workers."""
    from lapkin_audit.evidence.process import die_with_parent

    die_with_parent(parent)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    try:  # the child's CPU limit counts the child; the child counts the pages we report
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))
    except (ImportError, ValueError, OSError):
        pass


def _pool_read(image: Any, tables: bool) -> Read | None:
    """One page's OCR in a pool process (forked after the model was loaded)."""
    api = next((api for api in _ENGINES.values() if api is not None), None)
    return None if api is None else read_page(api, image, tables)
