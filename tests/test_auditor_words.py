"""The auditor's words in every report a person reads: kondisi, kriteria, akibat,
rekomendasi and who acts; temuan and catatan, never "pelanggaran"; a simpulan that says
when the judgement was partial."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit.cli import cli
from lapkin_audit.decide.catalogue import RULES
from lapkin_audit.lang.words import ACTOR_NAMES

ROOT = Path(__file__).resolve().parents[1]
P001 = "fixtures/dossiers/p001-tanpa-paraf"
A001 = "fixtures/dossiers/a001-tanpa-langkah-6"
W001 = "fixtures/dossiers/w001-langkah-2-terlambat"
PATUH = "fixtures/dossiers/patuh"
# Words an auditor does not write in a report: a disciplinary word, a court's word, the tool as reviewer.
NEVER = ("pelanggaran", "Pelanggaran", "Putusan", "Cara memperbaiki", "Pemeriksa</dt><dd>lapkin-audit")


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def check(fmt: str, *args: str, lang: str = "id") -> str:
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", fmt, "--lang", lang, *args])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_every_rule_says_what_it_risks_and_who_acts(sops):
    roles = set(sops["pelaporan-kinerja"].roles)
    known = roles | {"langkah", "pengelola"}
    for code, rule in RULES.items():
        assert rule.akibat is not None and all(t.strip() for t in rule.akibat), code
        assert rule.actors and set(rule.actors) <= known, code
        assert all(a in ACTOR_NAMES["id"] or a == "langkah" for a in rule.actors), code


def test_a_finding_in_the_auditors_words():
    html = check("html", P001)
    (row,) = re.findall(r'<p class="msg">.*?</td>', html)
    # kondisi: the document named as the SOP names it, and the role by its name, never its id
    assert "Draft Laporan yang sudah di paraf dan ditandatangani tidak diparaf oleh Sekretaris Kecamatan." in row
    assert "(sekretaris)" not in row and "draf_laporan_disahkan tidak" not in row
    assert "Kriteria:</span> “Keterangan langkah 3: Diparaf Sekretaris dan ditandatangani Camat”" in row
    assert "Akibat:</span> Tidak terbukti bahwa draf diperiksa Sekretaris" in row
    assert "Rekomendasi:</span> Catat paraf Sekretaris" in row
    assert '<span class="actor-label">Oleh:</span> Sekretaris Kecamatan</span>' in row
    assert "Simpulan:" in html and "Diperiksa oleh" in html
    for word in NEVER:
        assert word not in html, word
    english = check("html", P001, lang="en")
    assert "Effect:</span> Nothing shows the Sekretaris checked" in english and "Recommendation:" in english


def test_the_actor_of_a_step_is_its_pelaksana():
    html = check("html", W001)
    assert '<span class="actor-label">Oleh:</span> Tim Akuntabilitas Kinerja</span>' in html  # step 2: [tim]
    html = check("html", A001)  # step 6: [sub_umum, sub_evapor], then the Tim
    assert "Oleh:</span> Sub Bagian Umum, Sub Bagian Evaluasi dan Pelaporan, Tim Akuntabilitas Kinerja" in html


def test_a001_says_not_recorded_not_never_done():
    text = check("table", A001)
    assert "tidak tercatat" in text and "tidak pernah" not in text


def test_a_partial_judgement_is_said_in_every_verdict_box():
    html = check("html", "--select", "K,H", P001)
    assert '<div class="verdict v-patuh partial">' in html
    assert "Penilaian sebagian:</strong> hanya aturan K, H yang dinilai (--select)." in html
    table = check("table", "--select", "K,H", P001)
    assert re.search(r"PATUH \(sebagian\)", table) and not re.search(r"PATUH\s+0\s+0\s+0", table)
    markdown = check("markdown", "--select", "K,H", P001)
    assert "✓ PATUH (penilaian sebagian)" in markdown


def test_a_full_judgement_is_not_called_partial():
    html = check("html", PATUH)
    assert '<div class="verdict v-patuh">' in html and "Penilaian sebagian" not in html
    assert "(sebagian)" not in check("table", PATUH)
    for word in NEVER:
        assert word not in check("markdown", PATUH, P001), word


def test_the_markdown_summary_gives_the_rekomendasi_and_who_acts():
    markdown = check("markdown", P001)
    (row,) = [line for line in markdown.splitlines() if "| P001 |" in line]
    assert "tidak diparaf oleh Sekretaris Kecamatan" in row
    assert row.endswith("(Sekretaris Kecamatan) |") and "Catat paraf Sekretaris" in row
    assert "| temuan |" in row
