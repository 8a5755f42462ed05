"""The content fixtures (fixtures/content): every C code has a case that gives it, and only
it; the compliant cases (each number format, both lower-is-better formulas, DOCX, XLSX,
the year's targets, direction from the office's rules) give none. Read through the real
readers from documents LibreOffice exported (scripts/make_content_fixtures.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.content_util import CONTENT, DOCS, cases, run_case

CODES = ("C001", "C002", "C003", "C004", "C005", "C006", "C007", "C008")


@pytest.mark.parametrize("name", sorted(cases()))
def test_each_case_gives_exactly_its_codes(name):
    found = sorted({v.rule for v in run_case(name).violations})
    assert found == sorted(set(cases()[name]["kode"]))


def test_every_code_has_a_case_and_compliant_cases_exist():
    named = {code for case in cases().values() for code in case["kode"]}
    assert named == set(CODES)
    compliant = [name for name, case in cases().items() if not case["kode"]]
    assert len(compliant) >= 6
    assert all(name.startswith("patuh") for name in compliant)


def test_case_documents_are_committed():
    for case in cases().values():
        for name in case["dokumen"].values():
            assert (DOCS / name).is_file(), name
    assert (CONTENT / "kasus.yaml").is_file()


def _one(name, code):
    found = [v for v in run_case(name).violations if v.rule == code]
    assert len(found) == 1, found
    return found[0]


def test_c001_names_the_indicator_its_source_and_no_false_suggestion():
    finding = _one("c001-indikator-hilang", "C001")
    assert finding.args["indikator"] == "Persentase pos kamling yang aktif melaksanakan siskamling"
    assert finding.args["dokumen"] in ("dokumen_iku", "perjanjian_kinerja")
    assert finding.field == "dokumen[11]"


def test_c002_names_both_figures_and_pages():
    args = _one("c002-target-beda", "C002").args
    assert (args["laporan"], args["sumber"]) == ("82", "81")
    assert args["sumber_dokumen"] == "perjanjian_kinerja"
    assert args["laporan_halaman"] == 2 and args["sumber_halaman"] == 1


def test_c002_between_iku_and_perjanjian_kinerja():
    finding = _one("c002-iku-pk-beda", "C002")
    assert finding.message == "content.c002.sumber"
    assert (finding.args["iku"], finding.args["pk"]) == ("80", "85")


def test_c003_names_the_data():
    args = _one("c003-realisasi-beda", "C003").args
    assert (args["laporan"], args["sumber"], args["sumber_dokumen"]) == ("8", "9", "laporan_data_kinerja")


def test_c004_shows_the_formula_and_the_computed_figure():
    args = _one("c004-capaian-salah", "C004").args
    assert args["rumus"] == "r/t" and args["laporan"] == "110,00" and args["dihitung"] == "101,58"


def test_c004_mixed_lower_formulas_blame_the_odd_one():
    args = _one("c004-rumus-campur", "C004").args
    assert args["indikator"].startswith("Jumlah kejadian") and args["rumus"] == "(2t-r)/t"


def test_c005_says_which_unit_was_assumed():
    args = _one("c005-pagu-beda", "C005").args
    assert args["satuan_laporan"] == "rupiah (dianggap)"
    assert (args["laporan"], args["sumber"]) == ("1.854.320.000", "1.845.320.000")


def test_c006_names_the_part_and_its_source():
    args = _one("c006-tanpa-lampiran-pk", "C006").args
    assert args["bagian"] == "Lampiran Perjanjian Kinerja" and "53 Tahun 2014" in args["sumber"]


def test_c007_names_the_changed_figures():
    found = [v for v in run_case("c007-diubah-setelah-ttd").violations if v.rule == "C007"]
    assert {(v.args["kolom"], v.args["disahkan"], v.args["distribusi"]) for v in found} == {
        ("realisasi", "84,25", "85,25"),
        ("capaian", "104,01", "105,25"),
    }


def test_c008_direction_unknown_shows_every_computed_value_and_no_c004():
    result = run_case("c008-arah-tidak-diketahui")
    assert {v.message for v in result.violations} == {"content.c008.direction"}
    lower = next(v for v in result.violations if v.args["indikator"].startswith("Rata-rata"))
    assert (lower.args["naik"], lower.args["turun_2t"], lower.args["turun_tr"]) == ("80,00", "120,00", "125,00")


def test_c008_picture_table():
    assert _one("c008-tabel-gambar", "C008").message == "content.c008.picture_table"


def test_content_record_of_a_compliant_report():
    result = run_case("patuh-ribuan")
    record = {r.name: r for r in result.indicators}
    lower = record["Rata-rata waktu penyelesaian pengaduan masyarakat"]
    assert lower.direction == "turun" and lower.formula == "(2t-r)/t"
    assert lower.computed == Decimal(120)
    assert lower.target_source is not None and lower.target_source.source.kind == "perjanjian_kinerja"
    assert lower.realisasi_source is not None and lower.realisasi_source.source.kind == "laporan_data_kinerja"
    assert result.budget is not None and result.budget.unit == "ribuan rupiah" and result.budget.unit_stated
    assert result.as_json()["budget"]["pagu"]["text"] == "1.845.320"
    assert all(not r.codes for r in result.indicators)


def test_t_per_r_reports_are_judged_by_their_own_formula():
    record = {r.name: r for r in run_case("patuh-t-per-r").indicators}
    assert record["Rata-rata waktu penyelesaian pengaduan masyarakat"].formula == "t/r"
