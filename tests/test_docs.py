"""Every rule is documented: in docs/rules.md (with its catalogue severity and
waivability), in the README, and in its declaration beside the check that yields it.

docs/rules.md is generated from the declarations; tests/test_ruledocs.py keeps the two
equal and checks the documentation itself."""

from __future__ import annotations

import re

import pytest

from lapkin_audit.decide.catalogue import DECLARED_IN, RULES
from tests.helpers import ROOT

DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
ROWS = {
    m.group(1): (m.group(2), m.group(3))
    for m in re.finditer(r"^\| (\w\d{3}) \| (error|warning) \| (yes|no) \|", DOC, re.M)
}


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_in_docs_with_its_policy(code):
    rule = RULES[code]
    assert ROWS.get(code) == (rule.severity.value, "yes" if rule.waivable else "no")


def test_docs_list_no_unknown_code():
    assert set(ROWS) <= set(RULES)


@pytest.mark.parametrize("module", DECLARED_IN, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_each_module_declares_and_documents_the_rules_it_finds(module):
    assert module.RULES
    for rule in module.RULES:
        assert RULES[rule.code] is rule
        assert rule.text("checks", "en") and rule.text("fix", "id") and rule.clause


def test_readme_rule_table_lists_every_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in RULES:
        if code != "E000":
            assert code in readme
