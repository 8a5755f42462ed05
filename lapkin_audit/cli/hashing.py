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
    lampiran/ that no berkas names are listed.
    """
    from lapkin_audit.authoring import hashing
    from lapkin_audit.lang.commands import HASH
    from lapkin_audit.lang.messages import Nested
    from lapkin_audit.load.discovery import PathNotFound, discover
    from lapkin_audit.unassessable import render

    common.LANG[0] = lang
    try:
        targets = discover(paths)
    except PathNotFound as exc:
        common.fail_with("usage.path_not_found", path=exc)
    if not targets:
        common.fail_with("usage.no_dossier", paths=" ".join(paths))
    w = HASH[lang]
    failed = False
    for target in targets:
        plan = hashing.plan(target.manifest)
        if plan.problem is not None:
            failed = True
            args = {**plan.problem.args, "what": Nested("what.manifest"), "path": target.manifest.name}
            reason = render(plan.problem.message, args, lang)
            click.echo(w["unreadable"].format(path=target.display, reason=reason))
            continue
        if plan.changed and not check_only:
            hashing.write(plan)
        counts = {key: sum(1 for o in plan.outcomes if o.result == key) for key in w["results"]}
        done = ", ".join(f"{w['results'][key]} {n}" for key, n in counts.items() if n)
        click.echo(f"{target.display}: {done or w['nothing']}")
        for outcome in plan.outcomes:
            if outcome.result == hashing.NOT_HASHED:
                click.echo("  " + w["not_hashed"].format(berkas=outcome.berkas, status=outcome.status))
            elif check_only and outcome.result != hashing.SAME:
                click.echo("  " + w["stale"].format(berkas=outcome.berkas))
        for name in plan.unnamed:
            click.echo("  " + w["unnamed"].format(berkas=name))
        failed = failed or (check_only and plan.changed)
    sys.exit(common.EXIT_FINDINGS if failed else common.EXIT_OK)
