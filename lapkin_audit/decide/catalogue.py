"""The rule catalogue: every rule a dossier can break, indexed from where each is declared.

A rule is declared once, beside the check that finds it (``model.Rule``): the E rules in
``unassessable``, each family of ``checks/`` in its module, X001 in
``decide.waivers``. This module only gathers them, in a stable order, so the engine can
stamp severity and text, waivers know what may be waived, and ``rules list``, ``rules
explain``, docs/rules.md and the reports read one source. The defects of an SOP itself
(``sop lint``, L codes) are not a dossier's: ``authoring.sopimport.lint`` keeps them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import ModuleType
from typing import Any

from lapkin_audit import checks, unassessable
from lapkin_audit.checks import families
from lapkin_audit.decide import waivers
from lapkin_audit.lang import messages
from lapkin_audit.lang.words import FAMILY_NAMES
from lapkin_audit.model import Bilingual, Rule, rule_problems

# Where the rules are declared, in the order they are listed (`rules list`, SARIF's rule
# indexes): the families in the order they were added, which reports keep stable.
DECLARED_IN: tuple[ModuleType, ...] = (
    unassessable,
    *(checks.kelengkapan, checks.dasar_hukum, checks.tim, checks.paraf, checks.paraf_masa, checks.alur),
    checks.waktu,
    waivers,
    *(checks.bukti, checks.bukti_teks, checks.bukti_tanda, checks.tte, checks.capaian),
)

RULES: dict[str, Rule] = {rule.code: rule for module in DECLARED_IN for rule in module.RULES}
# Every finding message, by id (a message id is unique over the catalogue).
MESSAGES: dict[str, Bilingual] = {key: text for rule in RULES.values() for key, text in rule.messages.items()}


def render(message_id: str, args: Mapping[str, Any], lang: str) -> str:
    """A finding message with its arguments, in ``lang``."""
    return messages.render(MESSAGES, message_id, args, lang)


def matches(code: str, selectors: tuple[str, ...]) -> bool:
    """True when a selector names the code or a prefix of it (``K``, ``K00``, ``K003``)."""
    return any(code.startswith(selector) for selector in selectors)


def unknown_selectors(selectors: tuple[str, ...]) -> list[str]:
    return [s for s in selectors if not any(code.startswith(s) for code in RULES)]


def problems(declared_in: tuple[ModuleType, ...] = DECLARED_IN) -> Iterator[str]:
    """What keeps the catalogue from being whole, each naming the code or module: every rule
    declared completely (``model.rule_problems``) and documented as a dossier's rule is (why,
    the SOP clause), each code and message id declared once, each family named, and every
    check family's module listed here."""
    codes: dict[str, str] = {}
    message_ids: dict[str, str] = {}
    for module in declared_in:
        for rule in module.RULES:
            yield from rule_problems(rule)
            if rule.why is None or rule.clause is None:
                yield f"{rule.code}: why and clause are required of a dossier's rule"
            if rule.family not in FAMILY_NAMES:
                yield f"{rule.code}: family {rule.family!r} has no name in lang.words.FAMILY_NAMES"
            if rule.code in codes:
                yield f"{rule.code}: declared in {codes[rule.code]} and in {module.__name__}"
            codes[rule.code] = module.__name__
            for key in rule.messages:
                if key in message_ids:
                    yield f"{rule.code}: message {key!r} is declared by {message_ids[key]} too"
                message_ids[key] = rule.code
    for family in families():
        if family not in declared_in:
            yield f"{getattr(family, '__name__', family)}: a check family missing from decide.catalogue.DECLARED_IN"
