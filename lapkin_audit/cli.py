"""The command line: builds the parts, runs them, prints, sets the exit status. No logic.

Imports are made inside the commands so that ``--version`` stays instant.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import signal
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from lapkin_audit import __version__
from lapkin_audit.report import RENDERERS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _codes(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for item in value for code in item.split(",") if code.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lapkin-audit")
def cli() -> None:
    """Periksa dossier Laporan Kinerja terhadap SOP-nya.

    Checks Laporan Kinerja dossiers against their SOP.
    """


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(tuple(RENDERERS)),
    default="table",
    show_default=True,
    help="Output format: table (terminal), json, junit, sarif, github, markdown, html, concise.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE (atomically)."
)
@click.option("--lang", type=click.Choice(("id", "en")), default="id", show_default=True, help="Language of messages.")
@click.option("--select", multiple=True, help="Only these codes or prefixes (e.g. K,T001). Repeatable.")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes. Repeatable.")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Extra folder of SOP/calendar files. Repeatable.",
)
@click.option("--strict", is_flag=True, help="Exit 1 also for PATUH DENGAN CATATAN.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of cores; 1: audit in this process).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of the result cache (default: $LAPKIN_AUDIT_CACHE_DIR, else the per-user cache folder).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    help="Seconds one dossier may take; past it, it is reported (E000) and the run goes on. 0: no limit.",
)
@click.option(
    "--cpu-per-page",
    type=click.FloatRange(min=0.1),
    default=3.0,
    show_default=True,
    help="CPU seconds reading an attachment may spend per page (OCR of a scanned page takes ~0.6); past it, B001.",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=0),
    default=60_000,
    show_default=True,
    help="markdown: stay within N characters (GitHub takes 65,536), saying what was left out. 0: no limit.",
)
@click.option(
    "--changed-since", metavar="REF", default=None, help="Only dossiers with a file changed since this git ref."
)
@click.option(
    "--touched",
    is_flag=True,
    help="PATHS are changed files (as a pre-commit hook passes them): audit the dossiers that hold them.",
)
@click.option(
    "--baseline", metavar="FILE", default=None, help="Findings recorded in FILE are reported but do not fail the run."
)
@click.option(
    "--write-baseline", metavar="FILE", default=None, help="Record this run's findings in FILE as the baseline."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still means the tool failed).")
@click.option("--quiet", "-q", is_flag=True, help="table, concise: only dossiers with findings.")
@click.option("--statistics", is_flag=True, help="Also print the number of findings of each code (on standard error).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option(
    "--color/--no-color",
    "color",
    default=None,
    help="Colour the table (default: only on a terminal, and never with NO_COLOR set).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Settings from FILE, instead of the lapkin-audit.toml or pyproject.toml found from here upward.",
)
@click.option("--isolated", is_flag=True, help="Read no configuration file: only flags and defaults.")
@click.option(
    "--show-settings", is_flag=True, help="Print the effective settings and where each comes from; audit nothing."
)
@click.pass_context
def check(
    ctx: click.Context,
    /,
    paths: tuple[str, ...],
    config_file: str | None,
    isolated: bool,
    show_settings: bool,
    **flags: Any,
) -> None:
    """Audit the dossiers found under PATHS (dossier.yaml files, dossier folders or trees).

    Settings come from the flags, else from the configuration file (lapkin-audit.toml, or
    [tool.lapkin-audit] in pyproject.toml, found from the working folder upward), else
    from the defaults; --show-settings prints them with their sources.
    """
    config = _config(config_file, isolated)
    settings, sources = _effective(ctx, flags, config)
    if show_settings:
        _show_settings(config, settings, sources)
        sys.exit(EXIT_OK)
    if not paths:
        _fail("no PATHS given: name dossiers or folders to audit (see `lapkin-audit check --help`)")
    _check(paths, config, **settings)


def _check(
    paths: tuple[str, ...],
    config: Any,
    fmt: str,
    output: str | None,
    lang: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    rules_dirs: tuple[str, ...],
    strict: bool,
    jobs: int | None,
    cache_dir: str | None,
    timeout: float,
    cpu_per_page: float,
    max_chars: int,
    changed_since: str | None,
    touched: bool,
    baseline: str | None,
    write_baseline: str | None,
    exit_zero: bool,
    quiet: bool,
    statistics: bool,
    no_cache: bool,
    color: bool | None,
) -> None:
    from lapkin_audit.batch.run import LazyRulebook, audit
    from lapkin_audit.decide import baseline as baseline_stage
    from lapkin_audit.decide.catalogue import RULES, unknown_selectors
    from lapkin_audit.decide.engine import Options
    from lapkin_audit.errors import RulesError
    from lapkin_audit.evidence.limits import DEFAULT as READING_LIMITS
    from lapkin_audit.load.discovery import PathNotFound, discover, holding
    from lapkin_audit.model import Report, RunOptions
    from lapkin_audit.report import Style, needs_sops, renderer

    selectors, ignored = _codes(select), _codes(ignore)
    unknown = unknown_selectors(selectors + ignored)
    if unknown:
        _fail(f"unknown rule code or prefix: {', '.join(unknown)} (see `lapkin-audit rules`)")
    if touched:
        targets = holding(paths)
        if not targets:  # a commit that touches no dossier has nothing to audit
            click.echo("lapkin-audit: no dossier among the files given.", err=True)
            sys.exit(EXIT_OK)
    else:
        try:
            targets = discover(paths)
        except PathNotFound as exc:
            _fail(f"path does not exist: {exc}")
        if not targets:
            _fail(f"no dossier.yaml found under: {' '.join(paths)}")
    if changed_since is not None:
        from lapkin_audit.load.changes import ChangesUnknown
        from lapkin_audit.load.changes import changed_since as changed

        try:
            targets = changed(targets, changed_since)
        except ChangesUnknown as exc:
            _fail(f"--changed-since {changed_since}: {exc.text(lang)}")
        if not targets:
            click.echo(f"lapkin-audit: no dossier changed since {changed_since}.", err=True)
            sys.exit(EXIT_OK)
    if output:
        _refuse_inside_dossiers(Path(output), [t.manifest.parent for t in targets])
    rulebook = LazyRulebook(Path(d) for d in rules_dirs)  # read by the first dossier not in the cache
    workers = min(jobs or _cores(), _cores())  # more than the cores only adds overhead (-j16 on 2: 4x slower)
    reading = dataclasses.replace(READING_LIMITS, cpu_per_page=cpu_per_page)
    options = Options(lang=lang, select=selectors, ignore=ignored, budget=timeout, ocr_workers=workers, reading=reading)
    cache = None if no_cache else _open_cache(cache_dir, rulebook, options)
    if cache is not None:  # what was read from attachments, by content, beside the results
        options = dataclasses.replace(options, facts_cache=_open_facts_cache(cache.folder.parent))
    stream = audit(targets, rulebook, options, jobs=workers, cache=cache)
    try:
        results = _with_progress(stream, len(targets), lang)
        sops = _outlines(rulebook, results) if needs_sops(fmt) else {}
    except RulesError as exc:
        _fail(f"broken rules file: {exc}")
    finally:
        stream.close()  # interrupted (Ctrl-C, SIGTERM): the worker processes stop now, not at exit
    unused = 0
    if write_baseline:
        _write_atomically(Path(write_baseline), [baseline_stage.dumps(results)])
        written = sum(len(r.findings) for r in results)
        click.echo(f"lapkin-audit: baseline of {written} findings written to {write_baseline}", err=True)
        baseline = write_baseline  # this run's findings are the baseline now: none fails
    if config.per_path_ignores:
        from lapkin_audit.decide.scope import narrow

        results = narrow(results, {t.display: config.ignored_for(t.folder) for t in targets})
    if baseline:
        try:
            results, unused = baseline_stage.apply(results, baseline_stage.load(Path(baseline)))
        except baseline_stage.BaselineError as exc:
            _fail(f"--baseline: {exc}")
    report = Report(
        __version__,
        lang,
        results,
        sops,
        RULES,
        audited_on=_audit_date() if needs_sops(fmt) else None,
        rules_fingerprint=_fingerprint(rulebook.files) if needs_sops(fmt) else None,
        options=RunOptions(selectors, ignored, strict, baseline, unused, config.per_path_ignores),
    )
    width = shutil.get_terminal_size().columns if output is None and sys.stdout.isatty() else None
    style = Style(colour=_colour_wanted(color, output), max_chars=max_chars or None, width=width, quiet=quiet)
    try:
        parts = renderer(fmt)(report, style)
        if output:
            _write_report(Path(output), parts)
        else:
            for part in parts:
                click.echo(part, nl=False, color=style.colour or None)  # None: click strips codes off a terminal
    except BrokenPipeError:
        raise  # the reader went away (`| head`): main() ends quietly
    except Exception as exc:
        _fail(f"internal error while writing the {fmt} report: {type(exc).__name__}: {exc}")
    if fmt == "concise":
        _say_options(report)
    if statistics:
        _print_statistics(report)
    failed = any(report.options.fails(f) for r in report.results for f in r.findings)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_OK)


def _config(path: str | None, isolated: bool) -> Any:
    """The configuration file's settings: the one named by --config, else the one found
    from the working folder upward; none with --isolated. A broken one is exit status 2."""
    from lapkin_audit.load import config

    if isolated:
        return config.Config()
    found = Path(path) if path else config.find(Path.cwd())
    if found is None:
        return config.Config()
    try:
        from lapkin_audit.decide.catalogue import RULES

        return config.load(found, RENDERERS, RULES)
    except config.ConfigError as exc:
        _fail(f"configuration: {exc}")


def _effective(ctx: click.Context, flags: dict[str, Any], config: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """Each setting and where it came from: a flag given wins, then the configuration file,
    then the default."""
    settings, sources = dict(flags), {}
    for name in flags:
        given = ctx.get_parameter_source(name) not in (
            click.core.ParameterSource.DEFAULT,
            click.core.ParameterSource.DEFAULT_MAP,
        )
        if given:
            sources[name] = "command line"
        elif name in config.values:
            settings[name], sources[name] = config.values[name], config.label
        else:
            sources[name] = "default"
    return settings, sources


def _show_settings(config: Any, settings: dict[str, Any], sources: dict[str, str]) -> None:
    from tabulate import tabulate

    from lapkin_audit.load.config import names

    shown = {param: key for key, param in names().items()}
    rows = []
    for param, key in sorted(shown.items(), key=lambda item: item[1]):
        value = settings[param]
        if key == "cache":
            value = not value
        if isinstance(value, tuple):
            value = ", ".join(value) or "-"
        rows.append((key, "-" if value is None else value, sources[param]))
    for pattern, codes in config.per_path_ignores:
        rows.append((f"per-path-ignores {pattern}", ", ".join(codes), config.label))
    click.echo(f"configuration file: {config.label or '(none)'}")
    click.echo(tabulate(rows, headers=("setting", "value", "source"), tablefmt="simple", disable_numparse=True))


def _say_options(report: Any) -> None:
    """concise has no verdicts to stand beside: rules left out, --strict or a baseline are
    said on standard error, so that an empty output never passes for a full audit while
    standard output stays one finding per line."""
    from lapkin_audit.lang.words import options_note

    note = options_note(report.options, report.lang)
    if note:
        click.echo(f"lapkin-audit: {note}.", err=True)


def _print_statistics(report: Any) -> None:
    """``--statistics``: how many findings of each code, most frequent first (on standard error,
    so that the report on standard output stays what its format says)."""
    from collections import Counter

    from lapkin_audit.decide.catalogue import RULES

    counts = Counter(f.rule for r in report.results for f in r.findings)
    for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = RULES.get(code)
        summary = rule.summary(report.lang) if rule is not None else ""
        click.echo(f"{n:6d}  {code}  {summary}", err=True)


def _audit_date() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), so
    that a report can be made again byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _fingerprint(files: Iterable[Path]) -> str:
    """The rules that judged: a short hash of every rules file's name and bytes, in load order."""
    import hashlib

    from lapkin_audit.load.safefile import sha256_of

    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path.name}\0{sha256_of(path)}\n".encode())
    return digest.hexdigest()[:12]


class _RulesGroup(click.Group):
    """``rules`` lists, ``rules explain CODE`` explains; ``rules CODE`` (the first form of
    the command, kept for scripts that use it) means ``rules explain CODE``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        words = iter(args)
        for word in words:
            if word == "--lang":
                next(words, None)  # its value
            elif not word.startswith("-"):
                if word not in self.commands:
                    args = ["explain", *args]
                break
        return super().parse_args(ctx, args)


_LANG = click.option(
    "--lang", type=click.Choice(("id", "en")), default=None, help="Language of the texts (default: id)."
)


@cli.group("rules", cls=_RulesGroup, invoke_without_command=True)
@_LANG
@click.pass_context
def rules_group(ctx: click.Context, lang: str | None) -> None:
    """List the rule codes (rules list), or explain one (rules explain CODE)."""
    ctx.obj = lang
    if ctx.invoked_subcommand is None:
        ctx.invoke(rules_list, lang=lang)


@rules_group.command("list")
@_LANG
@click.pass_context
def rules_list(ctx: click.Context, lang: str | None) -> None:
    """Every rule: code, family, severity, whether a waiver may cover it, title."""
    from lapkin_audit.authoring import ruledocs

    click.echo(ruledocs.list_table(lang or ctx.obj or "id"))


@rules_group.command("explain")
@click.argument("code")
@_LANG
@click.pass_context
def rules_explain(ctx: click.Context, code: str, lang: str | None) -> None:
    """What CODE checks, why, the SOP clause, the fix, a failing and a passing snippet."""
    from lapkin_audit.authoring import ruledocs

    try:
        text = ruledocs.explain(code.strip().upper(), lang or ctx.obj or "id")
    except KeyError:
        _fail(f"unknown rule code: {code} (see `lapkin-audit rules list`)")
    click.echo(text)


@cli.group("sop")
def sop_group() -> None:
    """Bring an office's SOP AP documents in as rules (sop import), and find their defects (sop lint)."""


@sop_group.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the rules file here.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option(
    "--lengkapi-dari",
    "policy",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Complete what the document does not say from this rules file, and report where they differ.",
)
@click.option("--lang", type=click.Choice(("id", "en")), default="id", show_default=True, help="Language of texts.")
def sop_import(source: str, output: str | None, force: bool, policy: str | None, lang: str) -> None:
    """Turn an SOP AP document (text, HTML, DOCX, e-SOP JSON) into a rules file.

    Exit status: 0 written and complete; 1 written with gaps to complete by hand; 2 refused.
    """
    from lapkin_audit.authoring.sopimport.commands import run_import

    outcome = run_import(Path(source), lang, Path(policy) if policy else None)
    if outcome.output is not None:
        if output is None:
            click.echo(outcome.output, nl=False)
        else:
            target = Path(output)
            if target.exists() and not force:
                _fail(f"{target} already exists (use --force to overwrite)")
            try:
                target.write_text(outcome.output, encoding="utf-8")
            except OSError as exc:
                _fail(f"cannot write {target}: {exc.strerror or exc}")
    for line in outcome.messages:
        click.echo(line, err=True)
    sys.exit(outcome.status)


@sop_group.command("lint")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", type=click.Choice(("id", "en")), default="id", show_default=True, help="Language of messages.")
def sop_lint(path: str, lang: str) -> None:
    """Find defects of an SOP (L codes; see `rules list`): a rules file or an SOP document.

    Exit status: 0 no defect; 1 defects; 2 the file cannot be read.
    """
    from lapkin_audit.authoring.sopimport.commands import run_lint

    outcome = run_lint(Path(path), lang)
    if outcome.output:
        click.echo(outcome.output, nl=False)
    for line in outcome.messages:
        click.echo(line, err=True)
    sys.exit(outcome.status)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option(
    "--sop", "sop_id", default=None, help="The SOP the dossier follows (default: the only one, or pelaporan-kinerja)."
)
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Extra folder of SOP/calendar files. Repeatable.",
)
@click.option(
    "--lang", type=click.Choice(("id", "en")), default="id", show_default=True, help="Language of the comments."
)
@click.option("--force", is_flag=True, help="Overwrite an existing dossier.yaml.")
@click.option("--tahun", type=click.IntRange(1945, 2100), default=None, help="Year of the reporting period.")
@click.option(
    "--jenis",
    type=click.Choice(("bulanan", "triwulan", "semester", "tahunan")),
    default="triwulan",
    show_default=True,
    help="Kind of reporting period.",
)
@click.option("--ke", type=click.IntRange(1, 12), default=None, help="Which period of the year (3: triwulan III).")
@click.option("--instansi", default=None, help="Name of the office, e.g. 'Kantor Kecamatan Karangploso'.")
def init(
    folder: str,
    sop_id: str | None,
    rules_dirs: tuple[str, ...],
    lang: str,
    force: bool,
    tahun: int | None,
    jenis: str,
    ke: int | None,
    instansi: str | None,
) -> None:
    """Write a dossier skeleton into FOLDER: every document and step of the SOP, commented, to fill in."""
    from lapkin_audit.authoring import skeleton
    from lapkin_audit.errors import RulesError
    from lapkin_audit.load.sop import load_rulebook

    try:
        sops = load_rulebook(tuple(Path(d) for d in rules_dirs)).sops
    except RulesError as exc:
        _fail(f"broken rules file: {exc}")
    limit = {"bulanan": 12, "triwulan": 4, "semester": 2, "tahunan": 0}[jenis]
    if ke is not None and not 1 <= ke <= limit:
        _fail(f"--ke {ke} does not fit --jenis {jenis} (1 to {limit})" if limit else "--ke is not for --jenis tahunan")
    chosen = sop_id or (next(iter(sops)) if len(sops) == 1 else skeleton.DEFAULT_SOP)
    if chosen not in sops:
        _fail(f"unknown SOP: {chosen} (known: {', '.join(sorted(sops))})")
    target = Path(folder) / "dossier.yaml"
    if target.exists() and not force:
        _fail(f"{target} already exists (use --force to overwrite)")
    try:
        (Path(folder) / "lampiran").mkdir(parents=True, exist_ok=True)
        installed = Path(__file__).resolve().parent / "schema" / "dossier.schema.json"
        schema, schema_written = skeleton.schema_for(Path(folder), installed)
        start = skeleton.Start(tahun, jenis, ke, instansi, schema)
        _write_atomically(target, [skeleton.render(sops[chosen], lang, start)])
    except OSError as exc:
        _fail(f"cannot create {folder}: {exc.strerror or exc}")
    from lapkin_audit.lang.words import CLI

    click.echo(CLI[lang]["init_done"].format(path=target, folder=folder))
    if schema_written is not None:
        click.echo(CLI[lang]["schema_written"].format(path=schema_written))


@cli.command("hash")
@click.argument("paths", nargs=-1, required=True)
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 if a sha256 is missing or wrong.")
@click.option("--lang", type=click.Choice(("id", "en")), default="id", show_default=True, help="Language of messages.")
def hash_command(paths: tuple[str, ...], check_only: bool, lang: str) -> None:
    """Fill in or correct the sha256 of every attachment in the manifests under PATHS.

    Only the sha256 values change: comments and layout stay as they are. Files in
    lampiran/ that no berkas names are listed. Exit status: 0 every value right; 1 a value
    missing or wrong that could not be made right (or, with --check, any to change); 2 a
    manifest that could not be written.
    """
    from lapkin_audit.authoring.hashcommand import run
    from lapkin_audit.load.discovery import PathNotFound, discover

    try:
        targets = discover(paths)
    except PathNotFound as exc:
        _fail(f"path does not exist: {exc}")
    if not targets:
        _fail(f"no dossier.yaml found under: {' '.join(paths)}")
    sys.exit(run(targets, check_only, lang, click.echo))


def _with_progress(results: Iterable, count: int, lang: str) -> tuple:  # type: ignore[type-arg]
    """All results; a progress bar on standard error while they come, for a person watching
    a batch (never in a pipe or a CI log, where it would only be noise)."""
    if count < 2 or not sys.stderr.isatty():
        return tuple(results)
    from lapkin_audit.lang.words import CLI

    label = CLI[lang]["progress"]
    with click.progressbar(results, length=count, label=label, file=sys.stderr, show_pos=True) as bar:
        return tuple(bar)


def _outlines(rulebook, results) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The SOPs named by the results, for renderers that show more than findings."""
    sops = rulebook.load().sops
    return {r.sop: sops[r.sop].outline() for r in sorted(results, key=lambda r: r.sop or "") if r.sop in sops}


def _colour_wanted(flag: bool | None, output: str | None) -> bool:
    if flag is not None:
        return flag
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _open_cache(folder: str | None, rulebook, options):  # type: ignore[no-untyped-def]
    from lapkin_audit.batch.cache import ResultCache, default_dir

    where = Path(folder) if folder else default_dir()
    try:
        return ResultCache.open(where, rulebook.files, options.lang, options.select, options.ignore)
    except OSError as exc:  # a read-only home, say: the audit goes on, only slower
        click.echo(f"lapkin-audit: not using the cache {where}: {exc.strerror or exc}", err=True)
        return None


def _open_facts_cache(folder: Path):  # type: ignore[no-untyped-def]
    from lapkin_audit.evidence.cache import FactsCache

    try:
        return FactsCache.open(folder)
    except OSError:  # already refused above, or made unsafe since: read again, only slower
        return None


def _fail(message: str) -> None:
    click.echo(f"lapkin-audit: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _refuse_inside_dossiers(output: Path, folders: list[Path]) -> None:
    """The checker never writes inside a dossier, not even when told to (``-o DOSSIER/x``)."""
    where = Path(os.path.realpath(output.parent if str(output.parent) else "."))
    for folder in folders:
        real = Path(os.path.realpath(folder))
        if where == real or real in where.parents:
            _fail(f"will not write {output} inside the dossier {folder}: lapkin-audit never writes in a dossier")


def _write_report(path: Path, parts: Iterable[str]) -> None:
    """A report file is replaced atomically. A device (/dev/null), a FIFO, or a link to one
    (/dev/stdout) is written into, never replaced by a regular file. A link to a regular
    file is itself replaced: a link planted in a shared folder must not make the report
    overwrite the file it points to."""
    try:
        info = os.stat(path)  # what the path leads to
    except FileNotFoundError:
        info = None  # a new file, or a dangling link: replaced
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")
    if info is None or stat.S_ISREG(info.st_mode):
        _write_atomically(path, parts)
        return
    if stat.S_ISDIR(info.st_mode):
        _fail(f"cannot write {path}: it is a folder")
    try:
        with open(path, "w", encoding="utf-8") as handle:
            for part in parts:
                handle.write(part)
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")


def _write_atomically(path: Path, parts: Iterable[str]) -> None:
    """A temporary file beside the target, renamed into place: never half a report."""
    import tempfile  # here, not at the top: --version stays light

    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            os.fchmod(fd, _report_mode(path))  # mkstemp makes 0600; a report is as readable as before
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                for part in parts:
                    handle.write(part)
                handle.flush()
                os.fsync(handle.fileno())  # on disk before the rename: not even a power cut leaves half
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")


def _report_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:  # a new file: what the umask allows
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def main() -> None:
    """The console entry point: signals and closed pipes end the run with one line at most."""
    signal.signal(signal.SIGTERM, _terminated)
    signal.signal(signal.SIGINT, _interrupted)  # click would turn Ctrl-C into exit status 1
    try:
        cli()
    except _Terminated:
        _stopped("terminated", 143)
    except (_Interrupted, KeyboardInterrupt):
        _stopped("interrupted", 130)
    except BrokenPipeError:
        # The reader of standard output went away (`| head -1`): stop quietly, like other tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(141)


class _Terminated(BaseException):
    """SIGTERM, raised where the process is, so that `finally` blocks stop the workers and
    remove a half-written report before the process ends."""


class _Interrupted(BaseException):
    """Ctrl-C (SIGINT), kept out of click's hands, which would exit 1 as for findings."""


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated


def _interrupted(signum: int, frame: object) -> None:
    raise _Interrupted


def _stopped(why: str, status: int) -> None:
    click.echo(f"lapkin-audit: {why}; no report written.", err=True)
    # The workers are stopped and no partial report is left (the `finally` blocks ran);
    # end now, without the exit handlers that join a process pool the signal interrupted.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":  # python -m lapkin_audit.cli
    main()
