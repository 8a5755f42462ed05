"""``lapkin-audit init``: a dossier skeleton to fill in."""

from __future__ import annotations

from pathlib import Path

import click

import lapkin_audit.cli.common as common


@click.command()
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
    from lapkin_audit.errors import Problem
    from lapkin_audit.load.sop import load_rulebook
    from lapkin_audit.report.output import write_atomically

    common.LANG[0] = lang
    try:
        sops = load_rulebook(tuple(Path(d) for d in rules_dirs)).sops
    except Problem as problem:
        common.fail(problem)
    limit = {"bulanan": 12, "triwulan": 4, "semester": 2, "tahunan": 0}[jenis]
    if ke is not None and not 1 <= ke <= limit:
        if limit:
            common.fail_with("usage.ke_range", ke=ke, jenis=jenis, limit=limit)
        common.fail_with("usage.ke_tahunan")
    chosen = sop_id or (next(iter(sops)) if len(sops) == 1 else skeleton.DEFAULT_SOP)
    if chosen not in sops:
        common.fail_with("usage.unknown_sop", sop=chosen, known=", ".join(sorted(sops)))
    target = Path(folder) / "dossier.yaml"
    if target.exists() and not force:
        common.fail_with("output.exists", path=target)
    try:
        (Path(folder) / "lampiran").mkdir(parents=True, exist_ok=True)
        installed = Path(__file__).resolve().parent.parent / "schema" / "dossier.schema.json"
        schema, schema_written = skeleton.schema_for(Path(folder), installed)
        start = skeleton.Start(tahun, jenis, ke, instansi, schema)
        write_atomically(target, [skeleton.render(sops[chosen], lang, start)])
    except OSError as exc:
        common.fail_with("output.cannot_create", path=folder, error=exc.strerror or exc)
    except Problem as problem:
        common.fail(problem)
    from lapkin_audit.lang.commands import CLI

    click.echo(CLI[lang]["init_done"].format(path=target, folder=folder))
    if schema_written is not None:
        click.echo(CLI[lang]["schema_written"].format(path=schema_written))
