"""The library: the one entry for every front end (the command line, a web desk, a cluster runner).

    from lapkin_audit import api

    result = api.audit("dossiers/2024-tw2", api.Settings(lang="en"))
    print(result.verdict.label)            # PATUH DENGAN CATATAN
    for finding in result.findings:
        print(finding.line, finding.rule, finding.message)

``audit`` judges one dossier; ``run`` opens a run over many (discovery, ``changed_since`` and
``touched`` targets, the result cache, per-path ignores, the baseline) whose ``results`` come
as they are judged, in path order, and whose ``report`` is what every renderer takes. What
stops a run is raised as coded data (``errors.Problem``: ``UsageError``, ``ConfigError``,
``RulesError``, ``BaselineError``, ``OutputError``) that ``.text(lang)`` renders; nothing here
prints or exits. Settings are one frozen value (``settings.Settings``), declared once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from collections import Counter, OrderedDict
from collections.abc import Collection, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from lapkin_audit import __version__
from lapkin_audit.batch.run import audit as audit_targets
from lapkin_audit.batch.runner import Runner
from lapkin_audit.batch.session import LazyRulebook, Session
from lapkin_audit.batch.spool import Once, Spool
from lapkin_audit.decide import baseline as baselines
from lapkin_audit.decide.catalogue import RULES, unknown_selectors
from lapkin_audit.decide.judge import Scope
from lapkin_audit.errors import BaselineError, Notice, OutputError, Problem, UsageError
from lapkin_audit.evidence import read
from lapkin_audit.load import config, owner
from lapkin_audit.load.discovery import PathNotFound, Target, Targets, discover, holding
from lapkin_audit.load.safefile import read_regular, sha256_of
from lapkin_audit.load.sop import rules_files
from lapkin_audit.model import DossierResult, Report, RunOptions, SopOutline
from lapkin_audit.report.output import refuse_inside_dossiers, write_output
from lapkin_audit.settings import Settings, declared

if TYPE_CHECKING:
    from lapkin_audit.batch.cache import ResultCache
    from lapkin_audit.evidence.cache import FactsCache
    from lapkin_audit.evidence.facts import DocumentFacts

__all__ = ["Problem", "Run", "Settings", "audit", "run"]


def audit(dossier: str | Path, settings: Settings | None = None) -> DossierResult:
    """The result of one dossier: its folder, or its manifest (``dossier.yaml``).

    Never raises for the dossier's sake (what it breaks is its findings, and the checker's
    own failure is E000); raises ``Problem`` for the settings' sake (broken rules, an unknown
    code, a path that does not exist)."""
    path = Path(dossier)
    manifest = path / "dossier.yaml" if path.is_dir() else path
    with run([str(manifest)], settings or Settings()) as one:
        return next(iter(one.results()))


def run(paths: Sequence[str], settings: Settings | None = None, runner: Runner | None = None) -> Run:
    """A run over the dossiers under ``paths`` (dossier folders, manifests, or trees searched for
    them; with ``settings.touched``, changed files whose dossiers are audited). Nothing is
    audited until ``Run.results`` is read; a ``Run`` is closed after (``with`` closes it).
    ``runner`` audits the dossiers the cache does not answer (``batch.runner.Runner``; by
    default here, or in ``settings.jobs`` worker processes): a cluster's runner, say."""
    settings = settings or Settings()
    unknown = unknown_selectors(settings.select + settings.ignore)
    if unknown:
        raise UsageError("usage.unknown_selectors", codes=", ".join(unknown))
    for folder in settings.rules_dirs:  # whoever named it, a folder others can change is not rules
        if os.path.isdir(folder):
            owner.check_rules_folder(Path(folder), rules_files(Path(folder)), owner=False)
    if settings.scheduler and runner is None:
        from lapkin_audit.batch import cluster

        if not cluster.available():
            raise UsageError("usage.no_dask")
        runner = cluster.DaskRunner(settings.scheduler, settings.jobs or cores())
    part = shard(settings.shard) if settings.shard else None
    targets, nothing = _targets(paths, settings)
    if part is not None and targets:
        targets = Targets.of(t for t in targets if in_shard(t.display, *part))
        if not targets:
            nothing = Notice("note.shard_empty", shard=settings.shard)
    audited = (*(t.folder for t in targets), *(Path(p) for p in paths if os.path.isdir(p)))
    _refuse_writing_inside(settings, targets)
    return Run(settings, targets, nothing, runner, audited)


def _refuse_writing_inside(settings: Settings, targets: Sequence[Target]) -> None:
    """The checker never writes inside a dossier: not a report, a baseline or a cache, even
    when a flag or the configuration names one there (OutputError, exit status 2)."""
    dossiers = [t.manifest.parent for t in targets]
    if settings.output:
        refuse_inside_dossiers(Path(settings.output), dossiers)
    if settings.write_baseline:
        refuse_inside_dossiers(Path(settings.write_baseline), dossiers)
    if not settings.no_cache:
        refuse_inside_dossiers(_cache_dir(settings) / "entry", dossiers)


def _cache_dir(settings: Settings) -> Path:
    from lapkin_audit.batch.cache import default_dir

    return Path(settings.cache_dir) if settings.cache_dir else default_dir()


def shard(written: str) -> tuple[int, int]:
    """``--shard I/N`` read: the I-th (from 1) of N parts; a ``UsageError`` if it is not one."""
    i, _, n = written.partition("/")
    if not (i.strip().isdigit() and n.strip().isdigit()) or not 1 <= int(i) <= int(n):
        raise UsageError("usage.shard", shard=written)
    return int(i), int(n)


def in_shard(display: str, i: int, n: int) -> bool:
    """Whether the dossier shown as ``display`` is in part ``i`` of ``n``: by a hash of its path
    alone, so that every machine given the same paths splits alike, whatever else it finds,
    and a dossier stays in its part as others are added (its cache stays where it was)."""
    digest = hashlib.sha256(display.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % n == i - 1


def _targets(paths: Sequence[str], settings: Settings) -> tuple[Sequence[Target], Notice | None]:
    """The dossiers to audit, or none and why (no problem: nothing was left to audit)."""
    targets: Sequence[Target]
    if settings.touched:
        targets = holding(paths)
        if not targets:  # a commit that touches no dossier has nothing to audit
            return (), Notice("note.no_touched")
    else:
        try:
            targets = discover(paths)
        except PathNotFound as exc:
            raise UsageError("usage.path_not_found", path=exc) from None
        if not targets:  # a new repository's first pipeline: a warning, unless asked to fail
            if settings.fail_on_empty:
                raise UsageError("usage.no_dossier", paths=" ".join(paths))
            return (), Notice("note.no_dossier", paths=" ".join(paths))
    if settings.changed_since is not None:
        from lapkin_audit.load.changes import ChangesUnknown, changed_since, inputs_changed

        inputs = [Path(p) for p in (settings.config_file, *settings.rules_dirs) if p]
        try:
            judging = inputs_changed(inputs, settings.changed_since)
            if judging:  # what judges every dossier changed: every dossier is judged again
                note = Notice("note.inputs_changed", ref=settings.changed_since, files=", ".join(map(str, judging)))
                return tuple(targets), note
            targets = changed_since(targets, settings.changed_since)
        except ChangesUnknown as exc:
            raise UsageError("usage.changes_unknown", ref=settings.changed_since, detail=exc) from None
        if not targets:
            return (), Notice("note.none_changed", ref=settings.changed_since)
    return targets, None


class Run:
    """One run: its dossiers (``targets``), their results as they are judged, and its report.

    ``notes`` says what a person should know that is no problem (the cache could not be
    used, nothing was left to audit, the baseline written)."""

    # Facts already read that a long-lived process lends to each of its runs, by content and
    # reading set-up (the test suite reads its fixtures once so); None: each run reads afresh.
    facts_memo: OrderedDict[str, DocumentFacts] | None = None

    def __init__(
        self,
        settings: Settings,
        targets: Sequence[Target],
        nothing: Notice | None = None,
        runner: Runner | None = None,
        audited: Iterable[Path] = (),
    ) -> None:
        self.settings = settings
        self.targets = targets
        self.runner = runner
        self.audited = tuple(audited) or tuple(t.folder for t in targets)  # where no cache may lie
        self._displays = frozenset(t.display for t in targets)
        self._ignored_memo: dict[str, tuple[str, ...]] | None = None
        self.notes: list[Notice] = [nothing] if nothing is not None else []
        self.rulebook = LazyRulebook(Path(d) for d in settings.rules_dirs)  # read by the first dossier not cached
        self.workers = min(settings.jobs or cores(), cores())  # more than the cores only adds overhead
        self._known = None
        self._kept: list[baselines.Key] = []  # entries of the baseline this run does not cover
        if settings.baseline and not settings.write_baseline:
            self._known, _ = baselines.covered(_baseline(Path(settings.baseline)), self._covers)
        elif settings.write_baseline and _nonempty_file(settings.write_baseline):
            # A baseline written again keeps the entries this run did not cover (a partial run:
            # --changed-since, the hook, some rules only); one it cannot read is not replaced by
            # a smaller one (OutputError, exit status 2).
            try:
                existing = _baseline(Path(settings.write_baseline))
            except Problem as problem:
                raise OutputError("output.baseline_not_merged", file=settings.write_baseline, problem=problem) from None
            _, self._kept = baselines.covered(existing, self._covers)
        self._unused = 0
        self._facts_cache: FactsCache | None = None
        self._stream: Generator[DossierResult, None, None] | None = None
        self._spools: list[Spool] = []
        self._sessions: list[Session] = []  # what this run made, closed with it

    def __enter__(self) -> Run:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop what is still running (worker processes, the reader's warm process): at once,
        on Ctrl-C as at the end; let go of the results a report kept (a report is rendered
        before its run is closed)."""
        if self._stream is not None:
            self._stream.close()
        for session in self._sessions:
            session.close()
        for spool in self._spools:  # a report's results read back from disk: gone with the run
            spool.close()

    def results(self) -> Iterator[DossierResult]:
        """Each dossier's result, in path order, as it is judged; the baseline's findings marked.
        Raises ``RulesError`` when the first dossier not in the cache finds the rules broken."""
        session, ignored = self.session(), self._ignored()
        self._stream = audit_targets(self.targets, session, jobs=self.workers, ignored=ignored, runner=self.runner)
        return self._marked(self._stream)

    def _marked(self, stream: Iterable[DossierResult]) -> Iterator[DossierResult]:
        written: list[baselines.Entry] = []  # the entries only: the results themselves are not held
        count = 0
        known = Counter(self._known) if self._known is not None else None
        local = 0  # findings about this machine's missing tools (no OCR here)
        for result in stream:
            local += sum(1 for f in result.findings if f.local)
            if self.settings.write_baseline:
                written.extend(baselines.entries([result]))
                count += len(result.findings)
                result = baselines.mark(result, None)  # this run's findings are the baseline now: none fails
            elif known is not None:
                result = baselines.mark(result, known)
            yield result
        if local and self.settings.touched:  # a developer's PC: said once, not once per scan
            self.notes.append(Notice("note.no_ocr_here", count=local))
        if self.settings.write_baseline:
            kept = [baselines.Entry(*key) for key in self._kept]
            write_output(Path(self.settings.write_baseline), [baselines.dumps_entries([*written, *kept])])
            self.notes.append(Notice("note.baseline_written", count=count, file=self.settings.write_baseline))
            if self._kept:
                self.notes.append(Notice("note.baseline_kept", count=len(self._kept)))
        elif known is not None:
            self._unused = sum(known.values())

    def report(self, results: Iterable[DossierResult], outlines: bool = False, once: bool = False) -> Report:
        """What a renderer takes: the results, every rule of the catalogue, the options that change
        what a verdict means; with ``outlines`` (for a report filed with the dossiers, the HTML
        report), the SOPs the results name, the date of the audit and the rules' fingerprint.

        Results given as a collection (a list, a tuple) are the report's as they are; given as
        an iterator (``results()``), they are read now into a spool that holds a few hundred in
        memory and the rest on disk (``batch.spool``), or with ``once`` left to be read once, as
        they are judged, by a renderer that writes a dossier at a time (``jsonl``)."""
        if once:
            results = Once(results, len(self.targets))
        elif not isinstance(results, Collection):
            results = Spool(results)
            self._spools.append(results)
        s = self.settings
        options = RunOptions(
            s.select,
            s.ignore,
            s.strict,
            s.write_baseline or s.baseline,
            self._unused,
            s.per_path_ignores,
            select_from=self._source("select"),
            ignore_from=self._source("ignore"),
            config=(config.label_of(Path(s.config_file)), _digest([Path(s.config_file)])) if s.config_file else None,
            rules_dirs=tuple((folder, _digest(rules_files(Path(folder)), Path(folder))) for folder in s.rules_dirs),
            local_not_failing=s.touched,
        )
        return Report(
            __version__,
            s.lang,
            results,
            _outlines(self.rulebook, results) if outlines else {},
            RULES,
            audited_on=audit_date() if outlines else None,
            rules_fingerprint=_fingerprint(self.rulebook.files) if outlines else None,
            options=options,
            docs_url=s.docs_url,
        )

    def _source(self, name: str) -> str:
        """What gave a setting: its flag, or the configuration file and its key."""
        setting = declared()[name]
        s = self.settings
        if name in s.from_config and s.config_file:
            return f"{config.label_of(Path(s.config_file))}: {setting.key}"
        return setting.flag

    def session(self) -> Session:
        """What the run owns: its rules, scope, budget, caches and reader; made when results are
        read, and closed with the run."""
        s = self.settings
        cache = self._cache()
        scope = Scope(s.lang, s.select, s.ignore)
        memo = self.facts_memo if self.facts_memo is not None else OrderedDict()
        reader = read.Reader(
            s.reading(),
            self._facts_cache,
            tessdata=read.tessdata_dir(),
            ocr_workers=self.workers,
            memo=memo,
            command=read.CHILD,
        )
        session = Session(self.rulebook, scope, s.timeout, cache, reader)
        self._sessions.append(session)
        return session

    def _covers(self, key: baselines.Key) -> bool:
        """Whether a baseline entry is this run's to judge: its dossier audited and its rule judged
        there, or its dossier gone (its findings can only be stale). A dossier this run did not
        audit (unchanged, outside the paths given) is not its business."""
        dossier, rule, _ = key
        if dossier not in self._displays:
            return not os.path.lexists(dossier)
        s = self.settings
        if self._ignored_memo is None:
            self._ignored_memo = self._ignored()
        return Scope(s.lang, s.select, s.ignore).narrowed(self._ignored_memo.get(dossier, ())).keeps(rule)

    def _ignored(self) -> dict[str, tuple[str, ...]]:
        """The codes the per-path ignores leave out, by dossier (judged with each one)."""
        if not self.settings.per_path_ignores:
            return {}
        return {t.display: self.settings.ignored_for(t.folder) for t in self.targets}

    def _cache(self) -> ResultCache | None:
        self._facts_cache = None
        if self.settings.no_cache:
            return None
        from lapkin_audit.batch.cache import ResultCache
        from lapkin_audit.load.private import NotPrivate, check_outside

        where = _cache_dir(self.settings)
        s = self.settings
        try:
            check_outside(where, self.audited)
            cache = ResultCache.open(where, self.rulebook.files, s.lang, s.select, s.ignore)
        except NotPrivate as exc:  # one others could write, or a repository could carry: not trusted
            self.notes.append(Notice("note.no_cache", where=where, error=Problem(exc.reason, where=exc.where)))
            return None
        except OSError as exc:  # a read-only home, say: the audit goes on, only slower
            self.notes.append(Notice("note.no_cache", where=where, error=exc.strerror or exc))
            return None
        from lapkin_audit.evidence import cache as facts

        try:  # what was read from attachments, by content, beside the results
            self._facts_cache = facts.FactsCache.open(cache.base) if cache.base is not None else None
        except OSError:  # made unsafe since: read again, only slower
            pass
        return cache


def _nonempty_file(path: str) -> bool:
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > 0


def _baseline(path: Path) -> Counter[baselines.Key]:
    """The findings the baseline file at ``path`` records (a FIFO or ``/dev/zero`` named by
    ``--baseline`` cannot hang the run: ``load.safefile``)."""
    try:
        raw = read_regular(path, baselines.MAX_BYTES + 1)
    except OSError as exc:
        raise BaselineError("baseline.unreadable", path=path, error=exc.strerror or exc) from None
    return baselines.parse(raw, path)


def _outlines(rulebook: LazyRulebook, results: Iterable[DossierResult]) -> dict[str, SopOutline]:
    """The SOPs named by the results, for renderers that show more than findings."""
    sops = rulebook.load().sops
    named = sorted({r.sop for r in results if r.sop is not None and r.sop in sops})
    return {sop: sops[sop].outline() for sop in named}


def audit_date() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), so
    that a report can be made again byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _fingerprint(files: Iterable[Path]) -> str:
    """The rules that judged: a short hash of every rules file's name and bytes, in load order."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path.name}\0{sha256_of(path)}\n".encode())
    return digest.hexdigest()[:12]


def _digest(files: Iterable[Path], base: Path | None = None) -> str:
    """A configuration file's or a rules folder's fingerprint: the SHA-256 of each file's name
    (relative to ``base``) and bytes, shortened as git shortens a commit's."""
    digest = hashlib.sha256()
    for path in files:
        name = path.relative_to(base).as_posix() if base is not None else ""
        digest.update(f"{name}\0{sha256_of(path)}\n".encode())
    return digest.hexdigest()[:12]


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1
