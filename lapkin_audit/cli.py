"""The command line: builds the parts, runs them, prints, sets the exit status. No logic.

Imports are made inside the commands so that ``--version`` stays instant.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable

import click

from lapkin_audit import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ("table", "json")  # keep in step with lapkin_audit.report.RENDERERS (a test checks)


def _codes(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for item in value for code in item.split(",") if code.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lapkin-audit")
def cli() -> None:
    """Periksa dossier Laporan Kinerja terhadap SOP-nya.

    Checks Laporan Kinerja dossiers against their SOP.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE (atomically).")
@click.option("--lang", type=click.Choice(("id", "en")), default="id", show_default=True, help="Language of messages.")
@click.option("--select", multiple=True, help="Only these codes or prefixes (e.g. K,T001). Repeatable.")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes. Repeatable.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True, file_okay=False), help="Extra folder of SOP/calendar files. Repeatable.")
@click.option("--strict", is_flag=True, help="Exit 1 also for PATUH DENGAN CATATAN.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: the number of cores; 1: audit in this process).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, help="Folder of the result cache (default: $LAPKIN_AUDIT_CACHE_DIR, else the per-user cache folder).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
def check(paths: tuple[str, ...], fmt: str, output: str | None, lang: str, select: tuple[str, ...],
          ignore: tuple[str, ...], rules_dirs: tuple[str, ...], strict: bool,
          jobs: int | None, cache_dir: str | None, no_cache: bool) -> None:
    """Audit the dossiers found under PATHS (dossier.yaml files, dossier folders or trees)."""
    from lapkin_audit.catalogue import unknown_selectors
    from lapkin_audit.discovery import PathNotFound, discover
    from lapkin_audit.engine import Options
    from lapkin_audit.errors import RulesError
    from lapkin_audit.model import Report, Verdict
    from lapkin_audit.report import renderer
    from lapkin_audit.run import LazyRulebook, audit

    selectors, ignored = _codes(select), _codes(ignore)
    unknown = unknown_selectors(selectors + ignored)
    if unknown:
        _fail(f"unknown rule code or prefix: {', '.join(unknown)} (see `lapkin-audit rules`)")
    try:
        targets = discover(paths)
    except PathNotFound as exc:
        _fail(f"path does not exist: {exc}")
    if not targets:
        _fail(f"no dossier.yaml found under: {' '.join(paths)}")
    rulebook = LazyRulebook(Path(d) for d in rules_dirs)  # read by the first dossier not in the cache
    options = Options(lang=lang, select=selectors, ignore=ignored)
    cache = None if no_cache else _open_cache(cache_dir, rulebook, options)
    try:
        results = tuple(audit(targets, rulebook, options, jobs=jobs or _cores(), cache=cache))
    except RulesError as exc:
        _fail(f"broken rules file: {exc}")
    report = Report(__version__, lang, results)
    try:
        parts = renderer(fmt)(report)
        if output:
            _write_atomically(Path(output), parts)
        else:
            for part in parts:
                click.echo(part, nl=False)
    except Exception as exc:  # noqa: BLE001 - a bug in a renderer: say so, never half a report file
        _fail(f"internal error while writing the {fmt} report: {type(exc).__name__}: {exc}")
    bad = {Verdict.TIDAK_PATUH, Verdict.TIDAK_DAPAT_DINILAI}
    if strict:
        bad.add(Verdict.PATUH_DENGAN_CATATAN)
    sys.exit(EXIT_FINDINGS if any(r.verdict in bad for r in report.results) else EXIT_OK)


@cli.command("rules")
@click.argument("code", required=False)
@click.option("--lang", type=click.Choice(("id", "en")), default="id", show_default=True)
def rules_command(code: str | None, lang: str) -> None:
    """List the rule codes, or explain one CODE."""
    from tabulate import tabulate

    from lapkin_audit.catalogue import RULES

    if code is not None:
        rule = RULES.get(code.upper())
        if rule is None:
            _fail(f"unknown rule code: {code}")
        rules = [rule]
    else:
        rules = list(RULES.values())
    headers = ("Kode", "Tingkat", "Dapat dikecualikan", "Ringkasan") if lang == "id" else ("Code", "Severity", "Waivable", "Summary")
    yes_no = ("ya", "tidak") if lang == "id" else ("yes", "no")
    rows = [(r.code, r.severity.value, yes_no[0] if r.waivable else yes_no[1], r.summary(lang)) for r in rules]
    click.echo(tabulate(rows, headers=headers, tablefmt="simple"))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _open_cache(folder: str | None, rulebook, options):  # type: ignore[no-untyped-def]
    from lapkin_audit.cache import ResultCache, default_dir

    where = Path(folder) if folder else default_dir()
    try:
        return ResultCache.open(where, rulebook.files, options.lang, options.select, options.ignore)
    except OSError as exc:  # a read-only home, say: the audit goes on, only slower
        click.echo(f"lapkin-audit: not using the cache {where}: {exc.strerror or exc}", err=True)
        return None


def _fail(message: str) -> None:
    click.echo(f"lapkin-audit: {message}", err=True)
    sys.exit(EXIT_USAGE)


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
    cli()


if __name__ == "__main__":  # python -m lapkin_audit.cli
    main()
