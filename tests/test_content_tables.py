"""Tables -> figures, and the comparison's edges (lapkin_audit.domain.content, evidence.tables)."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest

from lapkin_audit.domain.content.compare import Documents
from lapkin_audit.domain.content.judge import judge
from lapkin_audit.domain.content.model import Cell, Row, Table
from lapkin_audit.domain.content.read import document_content
from lapkin_audit.domain.content.tables import header_of, indicator_rows, join_continued, period_of
from lapkin_audit.evidence import codec
from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.evidence.read import tessdata_dir
from lapkin_audit.evidence.readers.xlsx import shown
from lapkin_audit.evidence.tables.bounds import join_lines
from lapkin_audit.evidence.tables.docx import docx_tables
from lapkin_audit.evidence.tables.ocr import Word, page_words, tables_from_words
from lapkin_audit.model import ContentRules, IndicatorRule, Periode
from tests.content_util import DOCS

TW2 = Periode(2024, "triwulan", 2)


def table(*rows, page=1, source="teks", confidence=None):
    return Table(tuple(Row(tuple(Cell(t, confidence) for t in r), page) for r in rows), source)


def test_two_header_rows_with_a_merged_title_and_a_numbering_row():
    t = table(
        ["No", "Indikator Kinerja", "Target Triwulan", "", "Realisasi 2023"],
        ["", "", "TW I", "TW II", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["1", "Indeks Kepuasan Masyarakat", "80", "81", "79"],
    )
    labels, start = header_of(t)
    assert labels[2:4] == ("Target Triwulan TW I", "Target Triwulan TW II") and start == 3
    (row,) = indicator_rows(t, "dokumen_iku", "dokumen[4]", 2024)
    assert {k: v.number.text for k, v in row.period_targets.items()} == {"triwulan-1": "80", "triwulan-2": "81"}
    assert row.realisasi is None  # last year's column is not the period's


@pytest.mark.parametrize(
    "label,period",
    [("Target TW II", "triwulan-2"), ("Realisasi Triwulan 3", "triwulan-3"), ("Smt I", "semester-1"), ("Target", None)],
)
def test_periods_in_titles(label, period):
    assert period_of(label) == period


def test_renstra_target_is_not_the_period_target():
    t = table(["Indikator", "Target Renstra 2026", "Target 2024"], ["Jumlah desa", "10", "9"])
    (row,) = indicator_rows(t, "dokumen_iku", "", 2024)
    assert row.target is not None and row.target.number.text == "9"


def test_a_table_continued_overleaf_with_a_row_split_over_the_page():
    header = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]
    first = table(header, ["1", "Jumlah desa yang melaksanakan Musrenbangdes", "9", "9", "100,00"], page=2)
    second = table(
        header, ["", "tepat waktu", "", "", ""], ["2", "Indeks Kepuasan Masyarakat", "81", "84,25", "104,01"], page=3
    )
    (joined,) = join_continued([first, second])
    rows = indicator_rows(joined, "draf_laporan_disahkan", "", 2024)
    assert [r.name for r in rows] == [
        "Jumlah desa yang melaksanakan Musrenbangdes tepat waktu",
        "Indeks Kepuasan Masyarakat",
    ]
    assert rows[1].source.page == 3


def test_a_figure_the_locale_does_not_read_is_unchecked_not_wrong():
    iku = document_content(
        "dokumen_iku", "", [table(["Indikator", "Target", "Arah"], ["Indeks X", "80", "naik"])], "", 2024
    )
    report = document_content(
        "draf_laporan_disahkan",
        "",
        [table(["Indikator", "Target", "Realisasi", "Capaian"], ["Indeks X", "80", "85.5", "106,88"])],
        "",
        2024,
    )
    result = judge(Documents(TW2, iku=iku, signed=report), ContentRules())
    assert [(v.rule, v.message) for v in result.violations] == [("C008", "content.c008.partial")]


def test_unsure_ocr_gives_c008_never_c003():
    data = document_content(
        "laporan_data_kinerja", "", [table(["Indikator", "Realisasi"], ["Indeks X", "85"])], "", 2024
    )
    iku = document_content(
        "dokumen_iku", "", [table(["Indikator", "Target", "Arah"], ["Indeks X", "80", "naik"])], "", 2024
    )
    scan = table(
        ["Indikator", "Target", "Realisasi", "Capaian"], ["Indeks X", "80", "35", "43,75"], source="ocr", confidence=41
    )
    report = document_content("draf_laporan_disahkan", "", [scan], "", 2024)
    result = judge(Documents(TW2, iku=iku, data=data, signed=report), ContentRules())
    assert {v.rule for v in result.violations} == {"C008"}


def test_the_office_rule_states_direction_and_formula():
    iku = document_content("dokumen_iku", "", [table(["Indikator", "Target"], ["Rata-rata waktu", "5"])], "", 2024)
    report = document_content(
        "draf_laporan_disahkan",
        "",
        [table(["Indikator", "Target", "Realisasi", "Capaian"], ["Rata-rata waktu", "5", "4", "125,00"])],
        "",
        2024,
    )
    rules = ContentRules(indicators=(IndicatorRule("RATA-RATA  WAKTU", "turun", "t/r"),))
    assert judge(Documents(TW2, iku=iku, signed=report), rules).violations == ()
    rules = ContentRules(indicators=(IndicatorRule("Rata-rata waktu", "turun", "(2t-r)/t"),))
    assert [v.rule for v in judge(Documents(TW2, iku=iku, signed=report), rules).violations] == ["C004"]


def test_an_unreadable_source_is_c008_and_nothing_is_required_from_it():
    iku = document_content("dokumen_iku", "dokumen[4]", [], "", 2024, readable=False, problem="timeout")
    report = document_content(
        "draf_laporan_disahkan", "", [table(["Indikator", "Target", "Capaian"], ["Indeks X", "80", "100"])], "", 2024
    )
    result = judge(Documents(TW2, iku=iku, signed=report), ContentRules())
    assert [(v.rule, v.args.get("sebab")) for v in result.violations if v.rule != "C008" or "sebab" in v.args] == [
        ("C008", "timeout")
    ]


def test_no_capaian_table_in_the_report():
    iku = document_content("dokumen_iku", "", [table(["Indikator", "Target"], ["Indeks X", "80"])], "", 2024)
    report = document_content("draf_laporan_disahkan", "", [], "Laporan tanpa tabel", 2024)
    result = judge(Documents(TW2, iku=iku, signed=report), ContentRules())
    assert [(v.rule, v.message) for v in result.violations] == [("C008", "content.c008.no_table")]


def test_docx_merged_cells_are_given_once():
    tables: list[Table] = []
    docx_tables(docx.Document(io.BytesIO((DOCS / "pk-2024.docx").read_bytes())), lambda: None, tables)
    first, second = tables[0].rows[0].texts(), tables[0].rows[1].texts()
    assert first[5:] == ("Target Triwulan", "", "", "")
    assert second[:5] == ("", "", "", "", "") and second[5] == "TW I"


def test_ocr_words_to_a_table():
    words = []
    for y, cells in enumerate(
        [("Indikator", "Target", "Realisasi"), ("Indeks", "80", "84,25"), ("Jumlah desa", "9", "9")]
    ):
        x = 100
        for text in cells:
            for part in text.split():
                words.append(
                    Word(part, x, 100 + 40 * y, x + 12 * len(part), 120 + 40 * y, 91 if part != "84,25" else 52)
                )
                x += 12 * len(part) + 10
            x = {0: 500, 1: 700}.get(cells.index(text), 900) if text != cells[-1] else x
    (found,) = tables_from_words(words, 1, 1240)
    assert [r.texts() for r in found.rows][1] == ("Indeks", "80", "84,25")
    assert found.source == "ocr"
    # no image, so no ruling lines: the columns were guessed from blanks, every cell is unsure
    assert all(cell.unsure for row in found.rows for cell in row.cells if cell.text)


def test_ocr_of_a_bordered_table_scan():
    """A page of the compliant report rendered as a scan and read by Tesseract."""
    tessdata = tessdata_dir()
    if tessdata is None:
        pytest.skip("needs Tesseract's Indonesian model (tesseract-ocr-ind)")
    import pypdfium2 as pdfium
    import tesserocr

    page = pdfium.PdfDocument((DOCS / "lkj-2024-tw2-ttd.pdf").read_bytes())[1]
    image = page.render(scale=300 / 72, grayscale=True).to_pil()
    with tesserocr.PyTessBaseAPI(path=tessdata, lang="ind") as api:
        tables = tables_from_words(page_words(api, image), 2, image.width, image)
    rows = indicator_rows(join_continued(tables)[0], "draf_laporan_disahkan", "", 2024)
    named = {r.name: r for r in rows}
    first = named[
        "Persentase pelayanan administrasi kependudukan yang diselesaikan tepat waktu sesuai standar pelayanan"
    ]
    realisasi = first.period_realisasi.get("triwulan-2") or first.realisasi  # OCR reads "TW II" as "Tw Il"
    assert (realisasi.number.text, first.capaian.number.text) == ("96,50", "101,58")  # type: ignore[union-attr]
    assert not first.unsure


@pytest.mark.parametrize(
    "value,fmt,text",
    [
        (1845320000.0, "#,##0.00", "1.845.320.000,00"),
        (44.0287, "0.00", "44,03"),
        (0.4403, "0.00%", "44,03 %"),
        (1845320000, "General", "1.845.320.000"),
        (96.5, "General", "96,5"),
        (None, "General", ""),
        ("Belanja\nPegawai", "@", "Belanja Pegawai"),
    ],
)
def test_cell_values_shown_as_the_sheet_shows_them(value, fmt, text):
    assert shown(value, fmt) == text


def test_wrapped_lines_in_a_cell():
    assert (
        join_lines("Persentase pelayanan adminis-\ntrasi kependudukan")
        == "Persentase pelayanan administrasi kependudukan"
    )
    assert join_lines("1.102.450.000,0\n0") == "1.102.450.000,00"
    assert join_lines("(570.609.750,00\n)") == "(570.609.750,00)"
    assert join_lines("PermenPAN-\nRB") == "PermenPAN- RB"


def test_tables_cross_the_wire():
    t = table(["Indikator", "Target"], ["Indeks", "80"], source="ocr", confidence=77)
    facts = DocumentFacts("ab" * 32, "pdf", 1, tables=(t,), picture_pages=(2,), tables_truncated=True)
    data = codec.facts_to_json(facts)
    assert codec.facts_from_json(data) == facts
    assert Decimal("80") == indicator_rows(t, "x", "", 2024)[0].target.value  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: {**t, "source": "magic"},
        lambda t: {**t, "truncated": 1},
        lambda t: {**t, "rows": [[1.0, [["80", None]]]]},
        lambda t: {**t, "rows": [[1, [["80", 101]]]]},
        lambda t: {**t, "rows": [[1, [["80", True]]]]},
        lambda t: {**t, "rows": [[1, [[80, None]]]]},
        lambda t: {**t, "sheet": 3},
        lambda t: {**t, "extra": 1},
    ],
)
def test_a_damaged_table_is_refused_by_the_codec(damage):
    t = table(["Indikator", "Target"], ["Indeks", "80"], source="ocr", confidence=77)
    data = codec.facts_to_json(DocumentFacts("ab" * 32, "pdf", 1, tables=(t,)))
    data["tables"] = [damage(data["tables"][0])]
    with pytest.raises(ValueError):
        codec.facts_from_json(data)


@pytest.mark.parametrize(
    "text,width,height,rule",
    [
        ("—", 16, 44, True),  # what is left of a vertical ruling line, read as a dash
        ("|", 4, 40, True),
        ("-", 20, 6, False),  # a dash for zero lies flat: a figure, kept
        ("—", 40, 8, False),
        ("1", 10, 30, False),
    ],
)
def test_an_upright_dash_is_a_ruling_line_not_a_word(text, width, height, rule):
    from lapkin_audit.evidence.tables.ocr import _upright_rule

    assert _upright_rule(text, width, height) is rule
