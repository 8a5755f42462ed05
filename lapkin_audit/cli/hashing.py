"""``lapkin-audit hash``: write each attachment's sha256 into its manifest."""

from __future__ import annotations

import sys

import click

import lapkin_audit.cli.common as common


@click.command("hash")
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

    common.LANG[0] = lang
    try:
        targets = discover(paths)
    except PathNotFound as exc:
        common.fail_with("usage.path_not_found", path=exc)
    if not targets:
        common.fail_with("usage.no_dossier", paths=" ".join(paths))
    sys.exit(run(targets, check_only, lang, click.echo))
