"""Every rule is documented: in docs/rules.md (with its catalogue severity and
waivability), in the README and in the docstring of the check module that yields it.

docs/rules.md is generated from lapkin_audit/authoring/ruledocs.yaml; tests/test_ruledocs.py
keeps the two equal and checks the documentation itself."""

from __future__ import annotations

import re

import pytest

from lapkin_audit.catalogue import RULES
from lapkin_audit.checks import families
from lapkin_audit.decide import waivers
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


@pytest.mark.parametrize("family", (*families(), waivers), ids=lambda f: f.__name__.rsplit(".", 1)[-1])
def test_check_module_documents_its_codes(family):
    for code in family.CODES:
        assert re.search(rf"^{code}\s", family.__doc__ or "", re.M), f"{code} missing from {family.__name__} docstring"


def test_readme_rule_table_lists_every_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in RULES:
        if code != "E000":
            assert code in readme
