"""Auditing one dossier: gather it (``gather``), then judge it (``decide.judge``); in a run,
with the rules read when first needed and the result cache consulted.

``assess`` never raises for a dossier's sake: the checker's own failure becomes that
dossier's finding (E000), so one broken dossier never ends a batch. Both the in-process run
(``batch.run``) and the worker processes (``batch.parallel``) audit each dossier through
``audit_one``.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit.batch.cache import ResultCache
from lapkin_audit.decide import judge
from lapkin_audit.evidence.cache import FactsCache
from lapkin_audit.gather.dossier import Reading, gather
from lapkin_audit.load.discovery import Target
from lapkin_audit.load.sop import Rulebook
from lapkin_audit.model import Attachment, DossierResult, KeptTables, Sop


@dataclass(frozen=True)
class Options:
    lang: str = "id"
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    budget: float = 60.0  # seconds one dossier may take before it is reported and skipped (0: none)
    facts_cache: FactsCache | None = None  # what was read from attachments, by content (evidence.cache)
    ocr_workers: int = 1  # processes that read a scan's pages at once (the run's --jobs)

    @property
    def scope(self) -> judge.Scope:
        return judge.Scope(self.lang, self.select, self.ignore)

    def keeps(self, code: str) -> bool:
        return self.scope.keeps(code)


def assess(
    manifest_path: Path,
    display_path: str,
    sops: Mapping[str, Sop],
    options: Options,
    attachments_seen: dict[str, Attachment] | None = None,
    ignored: tuple[str, ...] = (),
) -> DossierResult:
    """Never raises for a dossier's sake: an internal error becomes this dossier's finding.

    ``attachments_seen``, if given, receives the attachment facts the checks saw (the cache
    keys on them); ``ignored`` are codes left out for this dossier only (per-path ignores).
    """
    scope = options.scope.narrowed(ignored)
    reading = Reading(judge.reads_evidence(scope), options.facts_cache, options.ocr_workers)
    sop_id: str | None = None
    try:
        gathered = gather(manifest_path, display_path, sops, reading)
        sop_id = gathered.sop_id
        if attachments_seen is not None and gathered.context is not None:
            attachments_seen.update(gathered.context.attachments)
        return judge.judge(gathered, scope)
    except Exception as exc:
        return judge.internal(display_path, sop_id, "internal", {"error": f"{type(exc).__name__}: {exc}"}, scope.lang)


def out_of_time(display_path: str, options: Options) -> DossierResult:
    """A dossier whose audit ran past its time budget: reported, and the batch goes on."""
    return judge.internal(display_path, None, "internal.timeout", {"seconds": f"{options.budget:g}"}, options.lang)


def unlisted(display_path: str, options: Options) -> DossierResult:
    """A folder the search could enter but not list: reported, so a partial audit never looks clean."""
    return judge.unlisted(display_path, options.lang)


class LazyRulebook:
    """The rulebook, read when a dossier first needs it: a re-run answered wholly from the
    cache never parses or validates the rules (its key hashes their bytes, from ``files``).

    Results are stored only after the rules loaded, so a cache hit implies rules files,
    byte for byte, that loaded once with this very code: a broken file is still reported
    (RulesError) on the first dossier that has to be audited.
    """

    def __init__(self, extra_dirs: Iterable[Path] = (), kept: KeptTables | None = None) -> None:
        self.extra_dirs = tuple(extra_dirs)
        self.kept = kept  # rules validated by earlier runs (load.kept)
        self._loaded: Rulebook | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        if self._loaded is not None:
            return self._loaded.files
        from lapkin_audit.load.sop import bundled_rules_dir, rules_files

        # The files load_rulebook reads, in its order (tests/test_cache.py keeps them in step).
        folders = (bundled_rules_dir(), *self.extra_dirs)
        return tuple(path for folder in folders for path in rules_files(folder))

    @property
    def sops(self):  # type: ignore[no-untyped-def]
        return self.load().sops

    def load(self) -> Rulebook:
        if self._loaded is None:
            from lapkin_audit.load.sop import load_rulebook

            self._loaded = load_rulebook(self.extra_dirs, self.kept)
        return self._loaded


def audit_one(
    target: Target,
    rulebook: Rulebook | LazyRulebook,
    options: Options,
    cache: ResultCache | None,
    looked_up: bool = False,
    ignored: tuple[str, ...] = (),
) -> DossierResult:
    """``ignored``: the codes left out for this dossier only (its per-path ignores)."""
    if target.unlisted:
        return unlisted(target.display, options)  # nothing to read, nothing to cache

    def compute(attachments_seen: dict[str, Any] | None = None) -> DossierResult:
        # The rules are read by the first dossier that needs them (never on a run answered
        # wholly from the cache); a second or so at most, inside its budget.
        return assess(target.manifest, target.display, rulebook.sops, options, attachments_seen, ignored)

    try:
        with time_budget(options.budget):
            return compute() if cache is None else cache.audit(target, compute, looked_up, ignored)
    except OutOfTime:
        return out_of_time(target.display, options)  # never cached


class OutOfTime(BaseException):
    """Raised into a dossier's audit when its time budget is spent. A BaseException, so that
    the engine's isolation (which turns an Exception into E000) lets it through to here."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (POSIX interval timer, main thread only;
    elsewhere, or with 0, no budget). No input must hang a batch: this is the last guard
    behind the limits of every reader."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise OutOfTime

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
