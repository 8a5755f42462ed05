"""Documentation of every rule code: what it checks, why, the SOP clause it comes from,
how to fix it, and a failing and a passing snippet of a dossier.

One source (``ruledocs.yaml`` beside this module) feeds ``lapkin-audit rules list``,
``lapkin-audit rules explain CODE``, the help text of the SARIF report, the HTML
report's clauses and docs/rules.md, so none of them can drift from the others. The
catalogue owns severity, waivability and title; this module only adds the prose.

yaml, cerberus and tabulate are imported inside the functions: the CLI imports this
module only for the ``rules`` commands, and must start fast for everything else.
"""

from __future__ import annotations

import functools
import textwrap
import types
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit.catalogue import FAMILIES, RULES, SOP_FAMILY, SOP_RULES, Rule
from lapkin_audit.errors import flatten_errors
from lapkin_audit.lang import words
from lapkin_audit.lang.words import severity_word

SOURCE = Path(__file__).with_name("ruledocs.yaml")
PARTS = ("checks", "why", "fix")

_TEXT = {
    "type": "dict",
    "required": True,
    "schema": {lang: {"type": "string", "required": True, "empty": False} for lang in ("id", "en")},
}
_SNIPPET = {"type": "string", "required": True, "nullable": True, "empty": False}
_SCHEMA = {
    **dict.fromkeys(PARTS, _TEXT),
    "clause": {"type": "string", "required": True, "empty": False},
    "failing": _SNIPPET,
    "passing": _SNIPPET,
    "encoding": {"type": "string", "empty": False},
}


@dataclass(frozen=True)
class RuleDoc:
    rule: Rule
    checks: Mapping[str, str]  # lang -> text
    why: Mapping[str, str]
    clause: str  # the SOP clause, in the SOP's own words (Indonesian)
    fix: Mapping[str, str]
    failing: str | None  # a dossier.yaml fragment that breaks the rule (None only for E000)
    passing: str | None  # the same fragment as in the compliant example
    encoding: str | None = None  # the failing manifest is saved in this encoding (E001)

    def text(self, part: str, lang: str) -> str:
        if part not in PARTS:
            raise ValueError(f"unknown part {part!r} (known: {', '.join(PARTS)})")
        texts: Mapping[str, str] = getattr(self, part)
        return texts["en" if lang == "en" else "id"]


@functools.cache
def load() -> Mapping[str, RuleDoc]:
    """Every code of the catalogue, documented, in catalogue order; raises ValueError
    naming the code and field when an entry is missing, unknown or malformed."""
    import codecs

    import cerberus
    import yaml

    # libyaml where available: this file is read by every SARIF and HTML report.
    data = yaml.load(SOURCE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise ValueError(f"{SOURCE.name}: expected a mapping of rule codes")
    unknown = sorted(set(data) - set(RULES))
    if unknown:
        raise ValueError(f"{SOURCE.name}: {', '.join(map(str, unknown))} not in the catalogue")
    validator = cerberus.Validator(_SCHEMA, allow_unknown=False)
    docs = {}
    for code, rule in RULES.items():
        if code not in data:
            raise ValueError(f"{SOURCE.name}: {code} is not documented")
        if not isinstance(data[code], dict):
            raise ValueError(f"{SOURCE.name}: {code}: expected a mapping of checks, why, clause, fix, failing, passing")
        if not validator.validate(data[code]):
            raise ValueError(f"{SOURCE.name}: {code}: {'; '.join(flatten_errors(validator.errors))}")
        entry = validator.document
        if (entry["failing"] is None) != (entry["passing"] is None):
            raise ValueError(f"{SOURCE.name}: {code}: failing and passing come together or not at all")
        if entry.get("encoding"):
            try:
                codecs.lookup(entry["encoding"])
            except LookupError:
                raise ValueError(f"{SOURCE.name}: {code}.encoding: unknown encoding {entry['encoding']!r}") from None
        docs[code] = RuleDoc(rule, **entry)
    return types.MappingProxyType(docs)


# ---------------------------------------------------------------- rules list / explain

WORDS = words.RULE_DOCS


def _words(lang: str) -> Mapping[str, Any]:
    chosen: Mapping[str, Any] = WORDS["en" if lang == "en" else "id"]
    return chosen


def _family(rule: Rule, lang: str) -> str:
    return FAMILIES[rule.family][1 if lang == "en" else 0]


def list_table(lang: str) -> str:
    """``rules list``: one row per code, in catalogue order."""
    from tabulate import tabulate

    words = _words(lang)
    rows = [
        (r.code, _family(r, lang), severity_word(r.severity, lang), words["waivable"][r.waivable], r.summary(lang))
        for r in RULES.values()
    ]
    table = tabulate(rows, headers=words["headers"], tablefmt="simple")
    family = SOP_FAMILY[1][1 if lang == "en" else 0]
    sop_rows = [(r.code, family, severity_word(r.severity, lang), "-", r.summary(lang)) for r in SOP_RULES.values()]
    intro = "`sop lint`: " + ("defects of the SOP itself" if lang == "en" else "cacat SOP itu sendiri")
    return table + "\n\n" + intro + "\n" + tabulate(sop_rows, headers=words["headers"], tablefmt="simple")


def explain_sop(code: str, lang: str) -> str:
    """``rules explain L00x``: a defect of an SOP, found by ``sop lint``."""
    from lapkin_audit.authoring.sopimport.lint import EXPLAIN

    rule, words = SOP_RULES[code], _words(lang)
    (checks_text, fix_text), sections = EXPLAIN[code], words["sections"]
    family = SOP_FAMILY[1][1 if lang == "en" else 0]
    out = [f"{rule.code}: {rule.summary(lang)}", f"{severity_word(rule.severity, lang)} · L: {family} (sop lint)"]
    for heading, pair in ((sections[0], checks_text), (sections[3], fix_text)):
        text = pair[1 if lang == "en" else 0]
        out += ["", heading, textwrap.fill(text, width=88, initial_indent="  ", subsequent_indent="  ")]
    return "\n".join(out)


def explain(code: str, lang: str) -> str:
    """``rules explain CODE``; KeyError for a code not in the catalogue."""
    if code in SOP_RULES:
        return explain_sop(code, lang)
    doc = load()[code]
    rule, words = doc.rule, _words(lang)
    checks, why, clause, fix, failing, passing = words["sections"]
    out = [
        f"{rule.code}: {rule.summary(lang)}",
        f"{severity_word(rule.severity, lang)} · {words['waivable_long'][rule.waivable]}"
        f" · {rule.family}: {_family(rule, lang)}",
    ]
    for heading, text in (
        (checks, doc.text("checks", lang)),
        (why, doc.text("why", lang)),
        (clause, doc.clause),
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
found, a broken rules file).
"""


def markdown() -> str:
    """The whole of docs/rules.md."""
    docs = load()
    out = [
        (
            "<!-- Generated from lapkin_audit/authoring/ruledocs.yaml and lapkin_audit/catalogue.py: do not edit."
            " Regenerate with `python scripts/make_docs.py`. -->"
        ),
        _INTRO,
    ]
    for family, (name_id, name_en) in FAMILIES.items():
        rules = [r for r in RULES.values() if r.family == family]
        out.append(f"## {family}: {name_id} ({name_en})\n")
        if family in _FAMILY_NOTES:
            out.append(_FAMILY_NOTES[family] + "\n")
        out.append("| code | severity | waivable | title |\n|---|---|---|---|")
        out.append(
            "\n".join(
                f"| {r.code} | {r.severity.value} | {'yes' if r.waivable else 'no'} | {r.summary_en} |" for r in rules
            )
            + "\n"
        )
        out.extend(_markdown_rule(docs[r.code]) for r in rules)
    out.append(_sop_markdown())
    out.append(_VERDICT)
    return "\n".join(out)


def _sop_markdown() -> str:
    from lapkin_audit.authoring.sopimport.lint import EXPLAIN

    name_id, name_en = SOP_FAMILY[1]
    lines = [
        f"## L: {name_id} ({name_en})\n",
        "Defects of an SOP itself, found by `lapkin-audit sop lint RULES_OR_SOURCE` (never by `check`: a dossier"
        "\nis not at fault for its SOP). `sop lint` exits 0 with no defect, 1 with defects, 2 when the file cannot"
        "\nbe read. See [importing-sops.md](importing-sops.md).\n",
        "| code | severity | title |\n|---|---|---|",
        "\n".join(f"| {r.code} | {r.severity.value} | {r.summary_en} |" for r in SOP_RULES.values()) + "\n",
    ]
    for rule in SOP_RULES.values():
        (checks_text, fix_text) = EXPLAIN[rule.code]
        lines += [f"### {rule.code}: {rule.summary_en}\n", f"*{rule.summary_id}*\n"]
        lines += [f"**When:** {checks_text[1]}\n", f"**Fix:** {fix_text[1]}\n"]
    return "\n".join(lines)


def _markdown_rule(doc: RuleDoc) -> str:
    rule = doc.rule
    lines = [
        f"### {rule.code}: {rule.summary_en}\n",
        f"*{rule.summary_id}*\n",
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
