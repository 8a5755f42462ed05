"""The rule documentation (lapkin_audit/authoring/ruledocs.yaml) covers every code, in both
languages, and its snippets are true: each failing snippet, put into the compliant
example, makes its code fire. docs/rules.md is generated from it and cannot drift."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys

import pytest

from lapkin_audit.authoring import ruledocs
from lapkin_audit.catalogue import RULES, SOP_RULES
from tests.helpers import FIXTURES, ROOT

PATUH = FIXTURES / "patuh"
EXAMPLE = (PATUH / "dossier.yaml").read_text(encoding="utf-8")
# A manifest snippet cannot show what lies in a file's signatures: S002-S010 are shown by
# their fixture dossiers (fixtures/dossiers/s0*), C001-C008 (the documents' tables) by the content
# fixtures, and E000 by no dossier at all.
WITHOUT_SNIPPETS = ["E000", *(f"S{n:03d}" for n in range(2, 11)), *(f"C{n:03d}" for n in range(1, 9))]
WITH_SNIPPETS = [code for code in RULES if code not in WITHOUT_SNIPPETS]


@pytest.fixture
def source(tmp_path, monkeypatch):
    """Point load() at a copy of ruledocs.yaml that a test may break."""
    copy = tmp_path / "ruledocs.yaml"
    copy.write_text(ruledocs.SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(ruledocs, "SOURCE", copy)
    ruledocs.load.cache_clear()
    yield copy
    ruledocs.load.cache_clear()


# ---------------------------------------------------------------- coverage and shape


def test_every_catalogue_code_is_documented_in_catalogue_order():
    docs = ruledocs.load()
    assert list(docs) == list(RULES)
    assert all(doc.rule is RULES[code] for code, doc in docs.items())


def test_the_source_names_no_unknown_code():
    import yaml

    assert set(yaml.safe_load(ruledocs.SOURCE.read_text(encoding="utf-8"))) <= set(RULES)


@pytest.mark.parametrize("code", list(RULES))
def test_every_text_is_written_in_both_languages(code):
    doc = ruledocs.load()[code]
    assert doc.clause.strip()
    for part in ruledocs.PARTS:
        texts = doc.text(part, "id"), doc.text(part, "en")
        assert all(t.strip() for t in texts), part
        assert texts[0] != texts[1], f"{part}: the Indonesian text is the English one"


def test_only_e000_and_the_signature_rules_have_no_snippets():
    bare = [code for code, doc in ruledocs.load().items() if doc.failing is None or doc.passing is None]
    assert bare == WITHOUT_SNIPPETS


def test_an_undocumented_code_is_named(source):
    source.write_text(re.sub(r"(?ms)^K004:.*?(?=^K005:)", "", source.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ValueError, match="K004 is not documented"):
        ruledocs.load()


def test_an_unknown_code_is_named(source):
    source.write_text(source.read_text(encoding="utf-8") + "\nZ999:\n  clause: x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Z999 not in the catalogue"):
        ruledocs.load()


def test_a_missing_translation_is_named(source):
    text = source.read_text(encoding="utf-8")
    broken = text.replace('    en: "A step was done by a role the SOP does not give it."\n', "", 1)
    assert broken != text
    source.write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match=r"A003: checks\.en: required field"):
        ruledocs.load()


def test_a_lone_snippet_is_refused(source):
    source.write_text(source.read_text(encoding="utf-8").replace("  passing: null\n", "", 1), encoding="utf-8")
    with pytest.raises(ValueError, match="E000: passing: required field"):
        ruledocs.load()


# ---------------------------------------------------------------- the snippets are true


@pytest.mark.parametrize("code", WITH_SNIPPETS)
def test_passing_snippet_is_the_compliant_example(code):
    doc = ruledocs.load()[code]
    assert EXAMPLE.count(doc.passing) == 1
    assert doc.failing != doc.passing


@pytest.mark.parametrize("code", WITH_SNIPPETS)
def test_failing_snippet_makes_its_code_fire(code, tmp_path, audit):
    doc = ruledocs.load()[code]
    folder = tmp_path / "dossier"
    shutil.copytree(PATUH, folder)
    edited = EXAMPLE.replace(doc.passing, doc.failing)
    (folder / "dossier.yaml").write_bytes(edited.encode(doc.encoding or "utf-8"))
    assert code in {finding.rule for finding in audit(folder).findings}


def test_the_compliant_example_fires_nothing(audit):
    assert [finding.rule for finding in audit(PATUH).findings] == []


# ---------------------------------------------------------------- rules list / explain


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("code", list(RULES))
def test_explain_shows_code_clause_and_snippets(code, lang):
    doc = ruledocs.load()[code]
    text = ruledocs.explain(code, lang)
    lines = text.splitlines()
    assert lines[0] == f"{code}: {doc.rule.summary(lang)}"
    assert " ".join(text.split()).count(doc.clause) == 1  # wrapped, but whole
    assert " ".join(doc.text("checks", lang).split()) in " ".join(text.split())
    for snippet in (doc.failing or "", doc.passing or ""):
        for line in snippet.splitlines():
            assert any(shown.strip() == line.strip() for shown in lines), line


def test_explain_speaks_the_language():
    assert "Klausul SOP" in ruledocs.explain("K001", "id") and "SOP clause" not in ruledocs.explain("K001", "id")
    assert "SOP clause" in ruledocs.explain("K001", "en") and "Klausul SOP" not in ruledocs.explain("K001", "en")
    assert "pelanggaran · tidak dapat dikecualikan · K: Kelengkapan" in ruledocs.explain("K001", "id")
    assert "warning · waivable · K: Completeness" in ruledocs.explain("K005", "en")


def test_explain_notes_the_encoding_of_e001():
    assert "cp1252" in ruledocs.explain("E001", "id") and "cp1252" in ruledocs.explain("E001", "en")


def test_explain_refuses_an_unknown_code():
    with pytest.raises(KeyError):
        ruledocs.explain("K999", "id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_list_table_has_one_row_per_code(lang):
    dossier_rules, sop_rules = ruledocs.list_table(lang).split("\n\n")
    header, _rule, *rows = dossier_rules.splitlines()
    assert header.split()[0] == ("Code" if lang == "en" else "Kode")
    # then the defects of an SOP itself, found by `sop lint`
    assert [row.split()[0] for row in sop_rules.splitlines()[3:]] == list(SOP_RULES)
    assert [row.split()[0] for row in rows] == list(RULES)
    yes, no = ("yes", "no") if lang == "en" else ("ya", "tidak")
    for row, r in zip(rows, RULES.values(), strict=True):
        assert row.rstrip().endswith(r.summary(lang))
        assert f"  {yes if r.waivable else no}  " in row


# ---------------------------------------------------------------- docs/rules.md


def test_docs_rules_md_is_generated():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == ruledocs.markdown(), (
        "run python scripts/make_docs.py"
    )


def test_docs_show_every_code_with_its_prose():
    md = ruledocs.markdown()
    for code, doc in ruledocs.load().items():
        assert f"### {code}: {doc.rule.summary_en}\n" in md
        assert doc.text("checks", "en") in md and doc.clause in md


def test_make_docs_check_passes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_docs.py"), "--check"], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_make_docs_check_fails_on_stale_docs_and_the_rewrite_mends_them(tmp_path, monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "scripts" / "make_docs.py")
    make_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_docs)
    stale = tmp_path / "rules.md"
    stale.write_text("# Rules\n", encoding="utf-8")
    monkeypatch.setattr(make_docs, "TARGET", stale)
    monkeypatch.setattr(make_docs, "ROOT", tmp_path)
    assert make_docs.main(["--check"]) == 1
    assert make_docs.main([]) == 0
    assert make_docs.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == ruledocs.markdown()
