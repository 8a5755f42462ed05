"""Every fixture dossier gives exactly the findings it was built for.

Each rule code has a fixture that breaks it (and only it); the compliant fixtures give
none. A second test proves every code fires on its own fixtures and nowhere else.
"""

from __future__ import annotations

import re

import pytest

from lapkin_audit.decide.catalogue import RULES
from tests.helpers import FIXTURES

# Every fixture says what it must give in its folder's name, so a new rule's fixture needs
# no table here: `patuh...` no finding (PATUH); `<code>-...` exactly that code, with the
# verdict its severity makes; `<code>-...-dikecualikan` that code, waived by a valid waiver.
_NAME = re.compile(r"(?P<patuh>patuh)(-[a-z0-9-]+)?|(?P<code>[a-z]\d{3})-[a-z0-9-]+")


def expected(name: str) -> tuple[str, set[str]]:
    """The verdict and the set of codes a fixture must give, from its name."""
    match = _NAME.fullmatch(name)
    assert match is not None, f"{name}: a fixture is named patuh-... or <code>-..."
    if match["patuh"]:
        return "PATUH", set()
    rule = RULES[match["code"].upper()]
    if rule.family == "E":
        verdict = "TIDAK_DAPAT_DINILAI"
    elif rule.severity.value == "error" and not name.endswith("-dikecualikan"):
        verdict = "TIDAK_PATUH"
    else:  # a warning, or a waived error
        verdict = "PATUH_DENGAN_CATATAN"
    return verdict, {rule.code}


# Codes not reachable from a dossier on disk in a stable way are tested elsewhere:
# E000 (an internal error) in test_engine.py; C006 needs a report kind whose rules require
# parts (the bundled SOP requires them of an annual LKjIP only): the content fixtures' cases
# c006-* with an office's `isi.bagian` (tests/test_content_cases.py).
NOT_FIXTURED = {"E000", "C006"}


def _fixtures():
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "dossier.yaml").exists())


EXPECTED = {name: expected(name) for name in _fixtures()}


def test_every_fixture_is_named_for_a_known_code():
    assert EXPECTED and all(codes <= set(RULES) for _, codes in EXPECTED.values())
    assert ("PATUH", set()) in EXPECTED.values()


# Read by OCR: where Tesseract is absent the scan is B006 (never a silent pass), tested in
# tests/test_evidence.py; CI installs Tesseract (.ci/run), so there these fixtures run.
NEEDS_OCR = {"patuh-pindaian"}


def _skip_without_ocr(name: str) -> None:
    from lapkin_audit.evidence.read import tessdata_dir

    if name in NEEDS_OCR and tessdata_dir() is None:
        pytest.skip("Tesseract with its Indonesian model is not installed (README: Reading scans)")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_exactly_its_findings(audit, name):
    _skip_without_ocr(name)
    verdict, codes = EXPECTED[name]
    result = audit(FIXTURES / name)
    assert {f.rule for f in result.findings} == codes, [f.message for f in result.findings]
    assert result.verdict.value == verdict


def test_every_code_has_a_fixture_that_breaks_it():
    covered = set().union(*(codes for _, codes in EXPECTED.values()))
    assert set(RULES) - covered - NOT_FIXTURED == set()


def test_fixtures_are_up_to_date():
    """The committed fixtures are exactly what scripts/make_fixtures.py builds."""
    import subprocess
    import sys

    from tests.helpers import ROOT

    done = subprocess.run(
        [sys.executable, "scripts/make_fixtures.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_each_code_fires_only_on_fixtures_named_for_it(audit):
    from lapkin_audit.evidence.read import tessdata_dir

    for name in _fixtures():
        if name in NEEDS_OCR and tessdata_dir() is None:
            continue  # B006 there, by design: see NEEDS_OCR
        for finding in audit(FIXTURES / name).findings:
            assert name.startswith(finding.rule.lower()), f"{finding.rule} fired on {name}"


@pytest.mark.parametrize("name", ["k005-dikecualikan", "w001-dikecualikan"])
def test_valid_waivers_waive_with_their_reason(audit, name):
    findings = audit(FIXTURES / name).findings
    assert len(findings) == 1
    assert findings[0].waived and findings[0].waiver_reason


MARKS = {"paraf", "tanda_tangan"}


def test_compliant_fixtures_rest_on_the_documents(audit):
    """Every claim of a compliant fixture is backed by the attachments' text (level teks),
    but a paraf or a signature: an act, which text cannot prove (evidence.md 1.2). Those are
    kriptografis with a valid TTE, else dinyatakan, and their signature block names the
    declared person."""
    from lapkin_audit.evidence.read import tessdata_dir

    if tessdata_dir() is None:  # the delivery receipt is a scan: without OCR it stays declared
        pytest.skip("Tesseract with its Indonesian model is not installed (README: Reading scans)")
    for name in sorted(n for n, (verdict, _) in EXPECTED.items() if verdict == "PATUH"):
        evidence = audit(FIXTURES / name).evidence
        assert evidence is not None and evidence.claims, name
        weak = [(c.claim, c.subject) for c in evidence.claims if c.level == "dinyatakan" and c.claim not in MARKS]
        assert weak == [], name
        proven = {c.claim for c in evidence.claims if c.level == "kriptografis"}
        assert proven == (MARKS if name.startswith("patuh-tte") else set()), name
        marks = [c for c in evidence.claims if c.claim in MARKS]
        assert {c.claim for c in marks} == MARKS, name
        for mark in marks:  # patuh-tte...: the signed report's paraf and signature are TTE
            tte = name.startswith("patuh-tte") and mark.field.startswith("dokumen[10].")
            assert mark.level == ("kriptografis" if tte else "dinyatakan"), (name, mark)
        assert {c.block for c in marks} == {"declared"}, name
        assert all(c.block is None for c in evidence.claims if c.claim not in MARKS), name


@pytest.mark.parametrize(
    ("name", "block"),
    [
        ("b007-sk-atas-nama", "on_behalf"),
        ("b007-penanda-tangan-lain", "other"),
        ("b007-plt-tanpa-keterangan", "declared"),  # the right person, without "Plt." (B007 says so)
        ("b008-ekspor-tanpa-tanda-tangan", "declared"),
        ("p006-plt-camat", "declared"),
    ],
)
def test_a_marks_claim_says_what_its_block_says(audit, name, block):
    evidence = audit(FIXTURES / name).evidence
    field = "dokumen[0].tanda_tangan[0]" if name.startswith("b007-sk") else "dokumen[10].tanda_tangan[0]"
    (claim,) = [c for c in evidence.claims if c.field == field]
    assert (claim.level, claim.block) == ("dinyatakan", block)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_carry_lines(audit, name):
    for finding in audit(FIXTURES / name).findings:
        assert finding.line is not None and finding.line >= 1, finding
