"""The content object in the reports: JSON (`content`), the HTML capaian table with each
disagreeing cell marked (both figures and their sources), one line per C finding elsewhere."""

from __future__ import annotations

import pytest

from tests.browser_util import chromium, missing, open_page
from tests.helpers import FIXTURES

C002 = str(FIXTURES / "c002-target-beda")
PATUH = str(FIXTURES / "patuh")


def test_json_content_of_a_compliant_dossier(run_json):
    code, report = run_json(PATUH, "--no-cache")
    assert code == 0
    content = report["dossiers"][0]["content"]
    assert len(content["indicators"]) == 6 and content["missing_parts"] == []
    lower = next(i for i in content["indicators"] if i["name"].startswith("Rata-rata"))
    assert (lower["direction"], lower["formula"], lower["capaian"]["text"]) == ("turun", "(2t-r)/t", "120,00")
    assert lower["target_source"]["source"]["jenis"] == "dokumen_iku"
    assert lower["realisasi_source"]["source"] == {"jenis": "laporan_data_kinerja", "field": "dokumen[4]", "page": 1}
    assert content["budget"]["pagu"]["text"] == "1.845.320.000" and content["budget"]["codes"] == []
    assert content["documents"]["dokumen_iku"] == "Dokumen IKU"


def test_json_content_names_the_disagreeing_indicator(run_json):
    _, report = run_json(C002, "--no-cache")
    dossier = report["dossiers"][0]
    item = next(i for i in dossier["content"]["indicators"] if i["codes"])
    assert item["codes"] == ["C002"] and (item["target"]["text"], item["target_source"]["text"]) == ("81", "82")
    (finding,) = dossier["findings"]
    assert finding["rule"] == "C002" and "81" in finding["message"] and "82" in finding["message"]


@pytest.mark.parametrize("fmt", ["concise", "markdown", "github"])  # the table wraps long messages
def test_one_line_per_c_finding_with_both_figures(run_cli, fmt):
    result = run_cli("check", C002, "--format", fmt, "--no-cache", "--lang", "en")
    lines = [line for line in result.output.splitlines() if "C002" in line and "81" in line and "82" in line]
    assert lines, result.output


@pytest.mark.parametrize("lang", ["id", "en"])
def test_html_marks_the_cell_with_both_figures_and_sources(run_cli, lang):
    page = run_cli("check", C002, "--format", "html", "--no-cache", "--lang", lang).output
    assert 'class="grid capaian"' in page
    cell = page[page.index('class="num bad"') :]
    cell = cell[: cell.index("</td>")]
    assert "<strong>81</strong>" in cell and "82" in cell
    assert ("hlm. 2" if lang == "id" else "p. 2") in cell and "Dokumen IKU" in cell


@pytest.mark.browser
@pytest.mark.skipif(missing() is not None, reason=f"no headless browser: {missing()}")
def test_capaian_table_in_a_browser(run_cli, tmp_path):
    page = tmp_path / "laporan.html"
    page.write_text(run_cli("check", C002, "--format", "html", "--no-cache").output, encoding="utf-8")
    with chromium() as driver:
        open_page(driver, page.as_uri())
        marked = driver.execute_script(
            "return [...document.querySelectorAll('table.capaian td.bad')].map(td => td.innerText)"
        )
    assert len(marked) == 1 and "81" in marked[0] and "≠ 82" in marked[0]
