"""``lapkin-audit check``: parse, call the library (``api.run``), render, set the exit status."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

import lapkin_audit.cli.common as common
from lapkin_audit.cli.options import given, settings_options


@click.command()
@click.argument("paths", nargs=-1)
@settings_options
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Settings from FILE, instead of the lapkin-audit.toml or pyproject.toml found from PATHS upward.",
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
    [tool.lapkin-audit] in pyproject.toml, found from PATHS upward), else
    from the defaults; --show-settings prints them with their sources.
    """
    from lapkin_audit.settings import with_config

    chosen = given(ctx, flags)
    common.LANG[0] = chosen.get("lang") or "id"  # until the file is read, the flag's language or the default
    file = common.configuration(config_file, isolated, paths)
    settings = with_config(chosen, file)
    common.LANG[0] = settings.lang
    if show_settings:
        common.show_settings(file, settings, chosen)
        sys.exit(common.EXIT_OK)
    if not paths:
        common.fail_with("usage.no_paths")
    _check(paths, settings)


def _check(paths: tuple[str, ...], settings: Any) -> None:
    from lapkin_audit import api
    from lapkin_audit.errors import Problem
    from lapkin_audit.report import needs_sops, streams

    try:
        run = api.run(paths, settings)  # refuses an output, a baseline or a cache inside a dossier
    except Problem as problem:
        common.fail(problem)
    if not run.targets:
        common.say(run.notes)  # nothing left to audit (a hook's commit, --changed-since): no problem
        sys.exit(common.EXIT_OK)
    once = streams(settings.fmt)
    with run:  # closed on the way out: interrupted (Ctrl-C, SIGTERM), the workers stop now, not at exit
        try:
            tally = _Tally(settings)
            results = tally.count(_with_progress(run.results(), len(run.targets), settings.lang))
            # A format written a dossier at a time gets each result as it is judged (``once``);
            # the others get them kept in a spool, a few hundred in memory and the rest on disk.
            report = run.report(results, outlines=needs_sops(settings.fmt), once=once)
            if once:
                _render(report, settings)
        except Problem as problem:
            common.say(run.notes)
            common.fail(problem)
        common.say(run.notes)
        if not once:
            try:
                _render(report, settings)
            except Problem as problem:
                common.fail(problem)
    if settings.fmt == "concise":
        _say_options(report)
    if settings.statistics:
        _print_statistics(report, tally.rules)
    sys.exit(common.EXIT_FINDINGS if tally.failed and not settings.exit_zero else common.EXIT_OK)


def _terminal_width() -> int:
    import shutil  # only on a terminal: it imports the archive modules (~10 ms of a hook's start)

    return shutil.get_terminal_size().columns


def _render(report: Any, settings: Any) -> None:
    """The report written where it goes; a ``Problem`` is raised for the caller to say."""
    from lapkin_audit.errors import Problem
    from lapkin_audit.report import Style, renderer
    from lapkin_audit.report.output import write_output

    style = Style(
        colour=_colour_wanted(settings.color, settings.output),
        max_chars=settings.max_chars or None,
        width=_terminal_width() if settings.output is None and sys.stdout.isatty() else None,
        quiet=settings.quiet,
    )
    try:
        parts = renderer(settings.fmt)(report, style)
        if settings.output:
            write_output(Path(settings.output), parts)
        else:
            for part in parts:
                click.echo(part, nl=False, color=style.colour or None)  # None: click strips codes off a terminal
    except BrokenPipeError:
        raise  # the reader went away (`| head`): main() ends quietly
    except Problem:
        raise  # the caller says it (a streamed run's rules problem, with the run's notes)
    except Exception as exc:
        common.fail_with("output.internal", format=settings.fmt, error=f"{type(exc).__name__}: {exc}")


class _Tally:
    """What the exit status and ``--statistics`` need, counted as the results pass: a run
    never reads its results again for them."""

    def __init__(self, settings: Any) -> None:
        from lapkin_audit.model import RunOptions

        # fails() depends on --strict, the hook's leave for this machine's missing tools
        # (--touched), and each finding's own marks (waived, baselined, local) only.
        self.options = RunOptions(strict=settings.strict, local_not_failing=settings.touched)
        self.failed = False
        self.rules: dict[str, int] = {}

    def count(self, results: Iterator[Any]) -> Iterator[Any]:
        for result in results:
            for finding in result.findings:
                self.failed = self.failed or self.options.fails(finding)
                self.rules[finding.rule] = self.rules.get(finding.rule, 0) + 1
            yield result


def _with_progress(results: Iterator[Any], count: int, lang: str) -> Iterator[Any]:
    """The results as they come; a progress bar on standard error meanwhile, for a person
    watching a batch (never in a pipe or a CI log, where it would only be noise)."""
    if count < 2 or not sys.stderr.isatty():
        yield from results
        return
    from lapkin_audit.lang.commands import CLI

    label = CLI[lang]["progress"]
    with click.progressbar(results, length=count, label=label, file=sys.stderr, show_pos=True) as bar:
        yield from bar


def _say_options(report: Any) -> None:
    """concise has no verdicts to stand beside: rules left out, --strict or a baseline are
    said on standard error, so that an empty output never passes for a full audit while
    standard output stays one finding per line."""
    from lapkin_audit.lang.words import options_note

    note = options_note(report.options, report.lang)
    if note:
        click.echo(f"lapkin-audit: {note}.", err=True)


def _print_statistics(report: Any, counts: dict[str, int]) -> None:
    """``--statistics``: how many findings of each code, most frequent first (on standard error,
    so that the report on standard output stays what its format says)."""
    for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = report.rules.get(code)
        summary = rule.summary(report.lang) if rule is not None else ""
        click.echo(f"{n:6d}  {code}  {summary}", err=True)


def _colour_wanted(flag: bool | None, output: str | None) -> bool:
    if flag is not None:
        return flag
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
