"""The rules' documentation for people: ``rules list``, ``rules explain CODE`` and docs/rules.md.

Each rule declares its own documentation beside its check (``model.Rule``: what it checks,
why, the SOP clause it comes from, how to fix it, a failing and a passing snippet), and the
catalogue indexes them (``decide.catalogue``; the L rules of ``sop lint`` in
``authoring.sopimport.lint``). This module only lays them out, so the listing, the
explanations, the docs and the reports' rule help cannot drift from one another.

tabulate is imported inside the functions: the CLI imports this module only for the
``rules`` commands, and must start fast for everything else.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from lapkin_audit.authoring.sopimport.lint import SOP_RULES
from lapkin_audit.decide.catalogue import RULES
from lapkin_audit.lang import commands, words
from lapkin_audit.lang.words import FAMILY_NAMES, family_name, severity_word
from lapkin_audit.model import Rule

# ---------------------------------------------------------------- rules list / explain

WORDS = commands.RULE_DOCS


def _words(lang: str) -> Mapping[str, Any]:
    chosen: Mapping[str, Any] = WORDS["en" if lang == "en" else "id"]
    return chosen


def list_table(lang: str) -> str:
    """``rules list``: one row per code, in catalogue order."""
    from tabulate import tabulate

    words = _words(lang)
    rows = [
        (
            r.code,
            family_name(r.family, lang),
            severity_word(r.severity, lang),
            words["waivable"][r.waivable],
            r.summary(lang),
        )
        for r in RULES.values()
    ]
    table = tabulate(rows, headers=words["headers"], tablefmt="simple")
    family = family_name("L", lang)
    sop_rows = [(r.code, family, severity_word(r.severity, lang), "-", r.summary(lang)) for r in SOP_RULES.values()]
    intro = "`sop lint`: " + ("defects of the SOP itself" if lang == "en" else "cacat SOP itu sendiri")
    return table + "\n\n" + intro + "\n" + tabulate(sop_rows, headers=words["headers"], tablefmt="simple")


def list_json(lang: str) -> str:
    """``rules list --format json``: every code, the check's and ``sop lint``'s, for scripts:
    codes, families, severities and ``waivable`` never change with the language, the title
    and the family's name are in ``lang``."""
    import json

    rules = [
        {
            "code": r.code,
            "family": r.family,
            "family_name": family_name(r.family, lang),
            "severity": r.severity.value,
            "waivable": r.waivable if r.code in RULES else None,
            "title": r.summary(lang),
            "command": "check" if r.code in RULES else "sop lint",
        }
        for r in (*RULES.values(), *SOP_RULES.values())
    ]
    return json.dumps({"format": "lapkin-audit-rules/1", "rules": rules}, ensure_ascii=False, indent=2)


def explain_sop(code: str, lang: str) -> str:
    """``rules explain L00x``: a defect of an SOP, found by ``sop lint``."""
    rule, sections = SOP_RULES[code], _words(lang)["sections"]
    family = family_name("L", lang)
    out = [f"{rule.code}: {rule.summary(lang)}", f"{severity_word(rule.severity, lang)} · L: {family} (sop lint)"]
    for heading, part in ((sections[0], "checks"), (sections[3], "fix")):
        text = rule.text(part, lang)
        out += ["", heading, textwrap.fill(text, width=88, initial_indent="  ", subsequent_indent="  ")]
    return "\n".join(out)


def explain(code: str, lang: str) -> str:
    """``rules explain CODE``; KeyError for a code not in the catalogue."""
    if code in SOP_RULES:
        return explain_sop(code, lang)
    rule = RULES[code]
    doc, words = rule, _words(lang)
    checks, why, clause, fix, failing, passing = words["sections"]
    out = [
        f"{rule.code}: {rule.summary(lang)}",
        f"{severity_word(rule.severity, lang)} · {words['waivable_long'][rule.waivable]}"
        f" · {rule.family}: {family_name(rule.family, lang)}",
    ]
    for heading, text in (
        (checks, doc.text("checks", lang)),
        (why, doc.text("why", lang)),
        (clause, doc.clause or ""),
        (fix, doc.text("fix", lang)),
    ):
        out += ["", heading, textwrap.fill(text, width=88, initial_indent="  ", subsequent_indent="  ")]
    if doc.failing is not None and doc.passing is not None:
        note = f" ({words['encoding'].format(encoding=doc.encoding)})" if doc.encoding else ""
        bad, good = _shift(doc.failing, doc.passing)
        out += ["", failing + note, bad, "", passing, good]
    return "\n".join(out)


def _shift(*snippets: str) -> list[str]:
    """The snippets indented by four spaces, less the indentation they share (a fragment
    from deep inside the manifest would otherwise start far to the right)."""
    lines = [line for s in snippets for line in s.splitlines() if line.strip()]
    margin = min(len(line) - len(line.lstrip(" ")) for line in lines)
    return ["\n".join("    " + line[margin:] for line in s.splitlines()) for s in snippets]


# ---------------------------------------------------------------- docs/rules.md

_INTRO = """\
# Rules

Every finding carries one of these codes. Codes are a public interface (waivers,
`--select`/`--ignore`, CI greps): a code never changes meaning; new rules take new
codes. `lapkin-audit rules list` lists them and `lapkin-audit rules explain CODE` shows
one (`--lang en` for English). Severity **error** makes a dossier TIDAK PATUH,
**warning** at worst PATUH DENGAN CATATAN; *waivable* says whether a `pengecualian` may
cover it.

Each check reads what it needs from the SOP file (see [rules-format.md](rules-format.md)),
so the wording below is how the rule reads for SOP Pelaporan Kinerja. Every code comes
with a failing snippet: a fragment of the compliant example
(`fixtures/dossiers/patuh/dossier.yaml`) edited to break the rule, and the fragment as it
is there. The tests audit each edit and require the code to fire.
"""

_FAMILY_NOTES = {
    "E": "Verdict TIDAK DAPAT DINILAI; no other rule runs. E findings are never hidden by\n`--select` or `--ignore`.",
    "T": "The precondition in the SOP's Peringatan.",
    "W": "Times are counted in working time.",
}

_VERDICT = """\
## Verdict and exit status

1. Any E finding: **TIDAK DAPAT DINILAI**.
2. Else any error no valid waiver covers: **TIDAK PATUH**.
3. Else any warning or waived error: **PATUH DENGAN CATATAN**.
4. Else: **PATUH**.

`check` exits 0 when every dossier is PATUH or PATUH DENGAN CATATAN; 1 when any is
TIDAK PATUH or TIDAK DAPAT DINILAI (with `--strict`, also PATUH DENGAN CATATAN); 2 when
the command itself was wrong (bad options, a path that does not exist, no dossier
found under `--fail-on-empty`, a broken rules file, an untrusted configuration file or
rules folder).
"""


def markdown() -> str:
    """The whole of docs/rules.md."""
    out = [
        (
            "<!-- Generated from the rules declared beside their checks (indexed by lapkin_audit/decide/catalogue.py):"
            " do not edit. Regenerate with `make docs`. -->"
        ),
        _INTRO,
    ]
    for family, (name_id, name_en) in FAMILY_NAMES.items():
        rules = [r for r in RULES.values() if r.family == family]
        out.append(f"## {family}: {name_id} ({name_en})\n")
        if family in _FAMILY_NOTES:
            out.append(_FAMILY_NOTES[family] + "\n")
        out.append("| code | severity | waivable | title |\n|---|---|---|---|")
        out.append(
            "\n".join(
                f"| {r.code} | {r.severity.value} | {'yes' if r.waivable else 'no'} | {r.summary('en')} |"
                for r in rules
            )
            + "\n"
        )
        out.extend(_markdown_rule(r) for r in rules)
    out.append(_sop_markdown())
    out.append(_VERDICT)
    return "\n".join(out)


def _sop_markdown() -> str:
    name_id, name_en = words.SOP_FAMILY_NAME
    lines = [
        f"## L: {name_id} ({name_en})\n",
        "Defects of an SOP itself, found by `lapkin-audit sop lint RULES_OR_SOURCE` (never by `check`: a dossier"
        "\nis not at fault for its SOP). `sop lint` exits 0 with no defect, 1 with defects, 2 when the file cannot"
        "\nbe read. See [importing-sops.md](importing-sops.md).\n",
        "| code | severity | title |\n|---|---|---|",
        "\n".join(f"| {r.code} | {r.severity.value} | {r.summary('en')} |" for r in SOP_RULES.values()) + "\n",
    ]
    for rule in SOP_RULES.values():
        lines += [f"### {rule.code}: {rule.summary('en')}\n", f"*{rule.summary('id')}*\n"]
        lines += [f"**When:** {rule.text('checks', 'en')}\n", f"**Fix:** {rule.text('fix', 'en')}\n"]
    return "\n".join(lines)


def _markdown_rule(rule: Rule) -> str:
    doc = rule
    lines = [
        f"### {rule.code}: {rule.summary('en')}\n",
        f"*{rule.summary('id')}*\n",
        f"**When:** {doc.text('checks', 'en')}\n",
        f"**Why:** {doc.text('why', 'en')}\n",
        f"**SOP clause:** «{doc.clause}»\n",
        f"**Fix:** {doc.text('fix', 'en')}\n",
    ]
    if doc.failing is not None:
        note = f" (the manifest saved in the {doc.encoding} encoding, not UTF-8)" if doc.encoding else ""
        lines.append(f"Failing{note}:\n\n```yaml\n{doc.failing}```\n")
        lines.append(f"Passing:\n\n```yaml\n{doc.passing}```\n")
    return "\n".join(lines)


# ---------------------------------------------------------------- README's rules table

README_START = "<!-- Generated from the rules' declarations: `make docs` rewrites this table. -->"
README_END = "<!-- End of the generated rules table. -->"


def readme_table() -> str:
    """One row per family, each code with its title; (w) marks a warning."""
    rows = ["| family | codes |", "|---|---|"]
    families = [
        (f"{name_id} ({letter})", [r for r in RULES.values() if r.family == letter])
        for letter, (name_id, _) in FAMILY_NAMES.items()
    ]
    families.append(("SOP defects (`sop lint`, L)", list(SOP_RULES.values())))
    for name, rules in families:
        codes = "; ".join(f"{r.code} {r.summary('en')}{' (w)' if r.severity.value == 'warning' else ''}" for r in rules)
        rows.append(f"| {name} | {codes} |")
    return "\n".join(rows) + "\n"


def with_readme_table(readme: str) -> str:
    """The README with its rules table as the rules declare it now."""
    start, end = readme.index(README_START) + len(README_START), readme.index(README_END)
    return readme[:start] + "\n" + readme_table() + readme[end:]
