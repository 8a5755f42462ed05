"""What a rule is: its code, its policy, and every text about it, declared in one place.

Each rule is declared beside the check that finds it (a family module of ``checks/``; the
E rules in ``unassessable/``, X001 in ``decide/waivers.py``, the L rules of ``sop
lint`` in ``authoring/sopimport/lint.py``) and indexed by ``decide/catalogue.py``. Checks
only say *which* rule they broke and with which message; the engine stamps severity and
text from here, so policy and wording live with the rule and nowhere else.
"""

from __future__ import annotations

import codecs
import enum
import string
from collections.abc import Iterator, Mapping
from dataclasses import KW_ONLY, dataclass

# Every text a person reads exists in both languages: (Indonesian, English).
Bilingual = tuple[str, str]


def in_lang(text: Bilingual, lang: str) -> str:
    return text[1] if lang == "en" else text[0]


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


ERROR, WARNING = Severity.ERROR, Severity.WARNING

DOC_PARTS = ("checks", "why", "fix")  # the parts of a rule's documentation written in both languages


@dataclass(frozen=True)
class Rule:
    """One rule. Codes are a public interface (waivers, ``--select``, CI greps): a code never
    changes meaning; a new rule takes a new code.

    ``messages`` are the texts of its findings, by message id: a check yields
    ``Violation(code, message_id, args)`` and the engine renders the message with the
    arguments (``lang.messages.render``); an argument may itself be a message id
    (``lang.messages.Nested``), declared here too. The documentation feeds ``rules explain``,
    docs/rules.md and the reports' rule help; ``failing`` and ``passing`` are proved by
    tests/test_ruledocs.py on the compliant example.
    """

    code: str
    severity: Severity
    waivable: bool
    title: Bilingual
    _: KW_ONLY
    messages: Mapping[str, Bilingual]
    checks: Bilingual  # what it finds
    fix: Bilingual  # how to mend it
    why: Bilingual | None = None  # why the SOP or the law asks for it (None only for the L rules)
    clause: str | None = None  # the SOP clause it comes from, in the SOP's own (Indonesian) words
    failing: str | None = None  # a fragment of fixtures/dossiers/patuh/dossier.yaml, edited to break the rule
    passing: str | None = None  # the same fragment exactly as it is there (it occurs there once)
    encoding: str | None = None  # the failing manifest is saved in this encoding, not UTF-8 (E001)

    @property
    def family(self) -> str:
        return self.code[0]

    def summary(self, lang: str) -> str:
        return in_lang(self.title, lang)

    def text(self, part: str, lang: str) -> str:
        """A documentation part (``checks``, ``why``, ``fix``) in the language."""
        if part not in DOC_PARTS:
            raise ValueError(f"unknown part {part!r} (known: {', '.join(DOC_PARTS)})")
        texts: Bilingual | None = getattr(self, part)
        return in_lang(texts, lang) if texts is not None else ""


def rule_problems(rule: Rule) -> Iterator[str]:
    """What is missing or inconsistent in a rule's declaration, each naming the code and part:
    every text in both languages (and not the same text twice), the messages of both languages
    taking the same arguments, the snippets together, an encoding that exists."""
    texts: dict[str, Bilingual | None] = {"title": rule.title, "checks": rule.checks, "why": rule.why, "fix": rule.fix}
    texts.update({f"messages[{key}]": text for key, text in rule.messages.items()})
    for part, text in texts.items():
        if text is None:
            continue
        if len(text) != 2 or not all(isinstance(t, str) and t.strip() for t in text):
            yield f"{rule.code}: {part}: needs a text in Indonesian and one in English"
        elif text[0] == text[1] and part != "title":
            yield f"{rule.code}: {part}: the Indonesian text is the English one"
        elif _placeholders(text[0]) != _placeholders(text[1]):
            yield f"{rule.code}: {part}: the two languages take different arguments"
    if not rule.messages:
        yield f"{rule.code}: messages: none declared"
    if (rule.failing is None) != (rule.passing is None):
        yield f"{rule.code}: failing and passing come together or not at all"
    elif rule.failing is not None and rule.failing == rule.passing:
        yield f"{rule.code}: failing is the passing snippet"
    if rule.encoding is not None:
        try:
            codecs.lookup(rule.encoding)
        except LookupError:
            yield f"{rule.code}: encoding: unknown encoding {rule.encoding!r}"


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
