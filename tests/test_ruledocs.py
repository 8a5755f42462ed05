"""The rule documentation (each rule's declaration beside its check) covers every code, in
both languages, and its snippets are true: each failing snippet, put into the compliant
example, makes its code fire. docs/rules.md and the README's rules table are generated from
it and cannot drift; tests/test_messages.py validates the declarations themselves."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys

import pytest

from lapkin_audit.authoring import ruledocs
from lapkin_audit.authoring.sopimport.lint import SOP_RULES
from lapkin_audit.decide.catalogue import RULES
from lapkin_audit.model import DOC_PARTS
from tests.helpers import FIXTURES, ROOT

PATUH = FIXTURES / "patuh"
EXAMPLE = (PATUH / "dossier.yaml").read_text(encoding="utf-8")
# A manifest snippet cannot show what lies in a file's signatures or tables, or a file that
# is a Git LFS pointer: S002-S010, C001-C008 and E006 are shown by their fixture dossiers
# (fixtures/dossiers/s0*, c0*, e006-penunjuk-lfs; C006 by the content fixtures), and E000
# by no dossier at all.
WITHOUT_SNIPPETS = ["E000", "E006", *(f"S{n:03d}" for n in range(2, 11)), *(f"C{n:03d}" for n in range(1, 9))]
WITH_SNIPPETS = [code for code in RULES if code not in WITHOUT_SNIPPETS]


# ---------------------------------------------------------------- coverage and shape


@pytest.mark.parametrize("code", list(RULES))
def test_every_text_is_written_in_both_languages(code):
    doc = RULES[code]
    assert doc.clause is not None and doc.clause.strip()
    for part in DOC_PARTS:
        texts = doc.text(part, "id"), doc.text(part, "en")
        assert all(t.strip() for t in texts), part
        assert texts[0] != texts[1], f"{part}: the Indonesian text is the English one"


def test_only_e000_e006_and_the_signature_rules_have_no_snippets():
    bare = [code for code, doc in RULES.items() if doc.failing is None or doc.passing is None]
    assert bare == WITHOUT_SNIPPETS


# ---------------------------------------------------------------- the snippets are true


@pytest.mark.parametrize("code", WITH_SNIPPETS)
def test_passing_snippet_is_the_compliant_example(code):
    doc = RULES[code]
    assert EXAMPLE.count(doc.passing) == 1
    assert doc.failing != doc.passing


@pytest.mark.parametrize("code", WITH_SNIPPETS)
def test_failing_snippet_makes_its_code_fire(code, tmp_path, audit):
    doc = RULES[code]
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
    doc = RULES[code]
    text = ruledocs.explain(code, lang)
    lines = text.splitlines()
    assert lines[0] == f"{code}: {doc.summary(lang)}"
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
    for code, doc in RULES.items():
        assert f"### {code}: {doc.summary('en')}\n" in md
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
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{ruledocs.README_START}\n| old |\n{ruledocs.README_END}\n\nrest\n", encoding="utf-8")
    monkeypatch.setattr(make_docs, "TARGET", stale)
    monkeypatch.setattr(make_docs, "README", readme)
    monkeypatch.setattr(make_docs, "ROOT", tmp_path)
    assert make_docs.main(["--check"]) == 1
    assert make_docs.main([]) == 0
    assert make_docs.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == ruledocs.markdown()
    written = readme.read_text(encoding="utf-8")
    assert "| old |" not in written and ruledocs.readme_table() in written and written.endswith("\n\nrest\n")


def test_the_readme_rules_table_is_generated():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ruledocs.with_readme_table(readme) == readme, "run python scripts/make_docs.py"
    for code in (*RULES, *SOP_RULES):
        assert f"| {code} " in ruledocs.readme_table() or f"; {code} " in ruledocs.readme_table()
