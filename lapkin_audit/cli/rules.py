"""``lapkin-audit rules``: list the rule codes, or explain one."""

from __future__ import annotations

import click

import lapkin_audit.cli.common as common


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


@click.group("rules", cls=_RulesGroup, invoke_without_command=True)
@_LANG
@click.pass_context
def rules_group(ctx: click.Context, lang: str | None) -> None:
    """List the rule codes (rules list), or explain one (rules explain CODE)."""
    ctx.obj = lang
    if ctx.invoked_subcommand is None:
        ctx.invoke(rules_list, lang=lang, fmt="table")


@rules_group.command("list")
@_LANG
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "json")),
    default="table",
    show_default=True,
    help="table for people, json for scripts.",
)
@click.pass_context
def rules_list(ctx: click.Context, lang: str | None, fmt: str = "table") -> None:
    """Every rule: code, family, severity, whether a waiver may cover it, title."""
    from lapkin_audit.authoring import ruledocs

    chosen = lang or ctx.obj or "id"
    click.echo(ruledocs.list_json(chosen) if fmt == "json" else ruledocs.list_table(chosen))


@rules_group.command("explain")
@click.argument("code")
@_LANG
@click.pass_context
def rules_explain(ctx: click.Context, code: str, lang: str | None) -> None:
    """What CODE checks, why, the SOP clause, the fix, a failing and a passing snippet."""
    from lapkin_audit.authoring import ruledocs

    chosen = lang or ctx.obj or "id"
    try:
        text = ruledocs.explain(code.strip().upper(), chosen)
    except KeyError:
        common.fail_with("usage.unknown_code", code=code, lang=chosen)
    click.echo(text)
