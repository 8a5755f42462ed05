"""``lapkin-audit sop``: an office's SOP documents into rules (``sop import``), and their defects (``sop lint``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

import lapkin_audit.cli.common as common


@click.group("sop")
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
            from lapkin_audit.errors import Problem
            from lapkin_audit.report.output import write_output

            target = Path(output)
            if os.path.lexists(target) and not force:
                common.fail_with("output.exists", path=target, lang=lang)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)  # the docs' own example names a new folder
                write_output(target, [outcome.output])
            except OSError as exc:
                common.fail_with("output.cannot_create", path=target.parent, error=exc.strerror or exc, lang=lang)
            except Problem as problem:
                common.fail(problem, lang)
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
