"""The HTML report (--format html): one self-contained, printable, escaped page.

The first part reads the page as text and through html.parser; the second opens it in
Debian's headless Chromium (skipped, saying why, where chromium/chromedriver are absent:
scripts/ensure-browser installs them).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit.cli import cli
from lapkin_audit.decide.catalogue import RULES
from lapkin_audit.lang.words import FAMILY_NAMES as FAMILIES
from lapkin_audit.model import (
    DossierResult,
    Finding,
    ManualCheck,
    Report,
    Severity,
    SopOutline,
    StepTiming,
    Verdict,
)
from lapkin_audit.report import needs_sops
from lapkin_audit.report.html import render
from tests.browser_util import PDFTOPPM, chromium, missing, open_page, pdf_pages_png, pdf_text, print_pdf
from tests.helpers import FIXTURES, ROOT

W001 = "w001-langkah-2-terlambat"


def check(*args: str) -> str:
    result = CliRunner().invoke(cli, ["check", "--jobs", "1", "--no-cache", *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def html_of(*paths: str, lang: str = "id") -> str:
    return check("--format", "html", "--lang", lang, *paths)


# --------------------------------------------------------------------------- the page as parsed


class Page(HTMLParser):
    """Elements of the page: (tag, attrs, the dossier section it is in), and its text by section."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], str | None]] = []
        self.text: dict[str | None, list[str]] = {}
        self._section: str | None = None
        self._depth = 0
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "section" and "dossier" in a.get("class", "").split():
            self._section, self._depth = a["data-path"], 0
        if tag == "section" and self._section is not None:
            self._depth += 1
        self.elements.append((tag, a, self._section))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._section is not None:
            self._depth -= 1
            if self._depth == 0:
                self._section = None

    def handle_data(self, data: str) -> None:
        self.text.setdefault(self._section, []).append(data)

    def sections(self) -> list[str]:
        return [a["data-path"] for tag, a, _ in self.elements if tag == "section" and "dossier" in a.get("class", "")]

    def find(self, section: str | None, tag: str | None = None, cls: str | None = None) -> list[dict[str, str]]:
        return [
            a
            for t, a, s in self.elements
            if s == section and (tag is None or t == tag) and (cls is None or cls in a.get("class", "").split())
        ]

    def text_of(self, section: str | None) -> str:
        return " ".join("".join(self.text.get(section, [])).split())


def path_of(name: str) -> str:
    return str(FIXTURES / name)  # absolute: the tests may run from any folder


@pytest.fixture(scope="module")
def page_text() -> str:
    return html_of(str(FIXTURES))


@pytest.fixture(scope="module")
def page(page_text: str) -> Page:
    return Page(page_text)


@pytest.fixture(scope="module")
def json_report() -> dict:
    return json.loads(check("--format", "json", str(FIXTURES)))


def test_the_renderer_asks_for_the_sops():
    assert needs_sops("html")


def test_page_is_one_self_contained_document(page_text, page):
    assert page_text.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert page_text.rstrip().endswith("</html>")
    assert not re.search(r"https?://", page_text)
    tags = {tag for tag, _, _ in page.elements}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base"}
    for tag, attrs, _ in page.elements:
        assert not {"src", "srcset", "xlink:href", "action", "formaction"} & set(attrs), (tag, attrs)
        assert attrs.get("href", "#").startswith("#"), (tag, attrs)  # links only within the page
        assert not attrs.get("fill", "").startswith("url(") or attrs["fill"].startswith("url(#"), (tag, attrs)
    # References from the style sheet and the SVGs only point inside the page.
    assert set(re.findall(r"url\(([^)]*)\)", page_text)) <= {
        f"#{m}" for m in re.findall(r'<pattern id="([^"]+)"', page_text)
    }
    assert "@import" not in page_text and "@font-face" not in page_text


def test_one_section_per_dossier(page, json_report):
    folders = sorted(p.parent.name for p in FIXTURES.glob("*/dossier.yaml"))
    sections = page.sections()
    assert len(sections) == len(folders) == len(set(sections))
    assert sorted(Path(s).name for s in sections) == folders
    assert sections == [d["path"] for d in json_report["dossiers"]]  # in the report's order


def test_w001_timeline_has_the_overrun_of_step_2_and_patuh_none(page):
    w001 = path_of(W001)
    overruns = page.find(w001, "rect", "overrun")
    assert [a["data-step"] for a in overruns] == ["2"]
    assert overruns[0]["fill"] == "#c62828"
    text = page.text_of(w001)
    assert "aktual 7 jam 45 menit · Mutu Baku 1 hari (7 jam 30 menit)" in text
    assert "melampaui 15 menit" in text
    assert "Langkah 2 — Menyusun draft laporan" in text
    assert page.find(path_of("patuh"), "rect", "standard")  # the timeline is there...
    assert not page.find(path_of("patuh"), "rect", "overrun")  # ...with no overrun
    assert not page.find(path_of("patuh-revisi"), cls="overrun")


def test_timeline_shows_every_record_and_the_waiting_time(page):
    revisi = path_of("patuh-revisi")
    rows = page.find(revisi, "g", "step")
    assert [a["data-step"] for a in rows] == ["1", "2", "3", "2", "3", "4", "5", "6"]  # the revision loop
    assert len(page.find(revisi, "rect", "actual")) == 8
    assert page.find(revisi, "rect", "wait")
    assert "menunggu 30 menit" in page.text_of(revisi)
    svg = page.find(revisi, "svg", "timeline")[0]
    assert svg["role"] == "img" and svg["aria-labelledby"]
    assert page.find(revisi, "title") and page.find(revisi, "desc")


def test_unassessable_dossiers_have_no_timeline_and_no_crash(page):
    for name in ("e001-bukan-utf8", "e002-yaml-rusak", "e004-sop-tidak-dikenal"):
        section = path_of(name)
        assert not page.find(section, "svg", "timeline")
        text = page.text_of(section)
        assert "TIDAK DAPAT DINILAI" in text
        assert "Tidak ada catatan langkah yang dapat digambarkan." in text
    assert "pelaporan-keuangan (uraian SOP tidak tersedia)" in page.text_of(path_of("e004-sop-tidak-dikenal"))


def raw_section(page_text: str, path: str) -> str:
    start = page_text.index('<section class="dossier" id="dossier-')
    for chunk in page_text[start:].split('<section class="dossier" ')[1:]:
        if f'data-path="{path}"' in chunk:
            return chunk
    raise AssertionError(f"no section for {path}")


def test_findings_by_family_with_their_clause(page, page_text, json_report):
    docs = RULES
    for dossier in json_report["dossiers"]:
        text = page.text_of(dossier["path"])
        for f in dossier["findings"]:
            assert " ".join(f["message"].split()) in text
            assert " ".join(docs[f["rule"]].clause.split()) in text
        shown = re.findall(
            r'<span class="family-code">(.)</span> ([^<]*)</h4>', raw_section(page_text, dossier["path"])
        )
        expected = sorted({f["rule"][0] for f in dossier["findings"] if not f["waived"]}, key=list(FAMILIES).index)
        assert shown == [(family, FAMILIES[family][0]) for family in expected]
    w001 = page.text_of(path_of(W001))
    assert "W Waktu" in w001 and "Mutu Baku — Waktu" in w001
    assert "Tidak ada temuan." in page.text_of(path_of("patuh"))


def test_waived_findings_are_listed_with_their_reasons(page, json_report):
    seen = 0
    for dossier in json_report["dossiers"]:
        for f in dossier["findings"]:
            if f["waived"]:
                text = page.text_of(dossier["path"])
                assert "Temuan yang dikecualikan" in text
                assert "Alasan pengecualian: " + " ".join(f["waiver_reason"].split()) in text
                seen += 1
    assert seen >= 2
    assert "Listrik kantor padam" in page.text_of(path_of("w001-dikecualikan"))
    assert "Dokumen IKU 2024 masih dalam reviu inspektorat." in page.text_of(path_of("k005-dikecualikan"))


def test_checklist_of_the_sop_manual_checks(page, sops):
    outline = sops["pelaporan-kinerja"].outline()
    assert {check.section for check in outline.manual_checks} == {"kualifikasi_pelaksana", "peralatan"}
    section = path_of("patuh")
    boxes = page.find(section, "input")
    assert len(boxes) == len(outline.manual_checks) and all(b["type"] == "checkbox" for b in boxes)
    text = page.text_of(section)
    for check in outline.manual_checks:
        assert check.text in text
    assert "Kualifikasi pelaksana" in text and "Peralatan" in text and "Paraf" in text
    assert "Daftar periksa tidak tersedia" in page.text_of(path_of("e002-yaml-rusak"))


def test_header_counts_every_verdict(page, page_text, json_report):
    head = page_text[: page_text.index('<section class="dossier"')]
    for verdict, n in json_report["summary"].items():
        label = verdict.replace("_", " ")
        assert re.search(
            rf'<span class="tally-n">{n}</span><span class="tally-label">[^<]*<span[^>]*>.</span> {label}</span>', head
        ), label
    assert f"{len(json_report['dossiers'])} dossier" in page.text_of(None)
    assert page.find(None, "a")[0]["href"] == "#dossier-1"


def test_same_input_same_bytes(page_text):
    assert html_of(str(FIXTURES)) == page_text


def test_english_labels():
    text = Page(html_of(path_of(W001), path_of("k005-dikecualikan"), lang="en"))
    assert text.elements[0][1] == {"lang": "en"}
    head, w001 = text.text_of(None), text.text_of(path_of(W001))
    assert "Laporan Kinerja Dossier Audit" in head
    assert "Findings" in w001 and "Timeline of the run" in w001 and "Manual checklist" in w001
    assert "W Time standards" in w001 and "over by 15 min" in w001 and "actual 7 h 45 min" in w001
    assert "Reason for the waiver:" in text.text_of(path_of("k005-dikecualikan"))
    assert "Temuan" not in w001 and "Lini waktu" not in w001


# --------------------------------------------------------------------------- hostile text

HOSTILE = "<script>alert(1)</script> \"quoted\" 'single' & \x1b[31m\x00 \ud800 </section>"


def hostile_report() -> Report:
    moment = dt.datetime(2024, 7, 1, 8, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    timing = StepTiming(1, HOSTILE, moment, moment, 30, 60, HOSTILE, 5, "langkah[0]")
    findings = (
        Finding("W001", Severity.ERROR, HOSTILE, step=1, field="langkah[0]", line=3),
        Finding("K005", Severity.WARNING, HOSTILE, waived=True, waiver_reason=HOSTILE),
        Finding("Z999", Severity.ERROR, HOSTILE),  # a code the catalogue does not know
    )
    outline = SopOutline(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, (ManualCheck(HOSTILE, HOSTILE),))
    results = (
        DossierResult(HOSTILE, HOSTILE, Verdict.TIDAK_PATUH, findings, (timing,)),
        DossierResult(HOSTILE + "2", "missing-sop", Verdict.TIDAK_DAPAT_DINILAI, findings),
        DossierResult("plain", None, Verdict.TIDAK_DAPAT_DINILAI, ()),
    )
    return Report(HOSTILE, "id", results, {HOSTILE: outline})


def test_hostile_text_is_escaped_and_encodable():
    text = render(hostile_report())
    encoded = text.encode("utf-8")  # no lone surrogate left
    assert b"\xef\xbf\xbd" in encoded  # it became U+FFFD
    assert "<script" not in text.lower() and "</section> " not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\x1b" not in text and "\x00" not in text and "\\x1b[31m" in text
    parsed = Page(text)
    assert not [tag for tag, _, _ in parsed.elements if tag == "script"]
    assert len(parsed.sections()) == 3
    assert parsed.sections()[0].startswith("<script>alert(1)</script> \"quoted\" 'single' &")


def test_a_report_without_dossiers():
    text = render(Report("1.0", "en", ()))
    assert "No dossiers." in text and text.endswith("</html>\n")


def test_docs_screenshot_is_committed():
    shot = ROOT / "docs" / "images" / "laporan-html.png"
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and 10_000 < len(data) < 600 * 1024


# --------------------------------------------------------------------------- in a real browser

NO_BROWSER = missing()


def browser(test):  # type: ignore[no-untyped-def]
    """A test in headless Chromium: marked, and skipped with the reason where there is none."""
    skip = pytest.mark.skipif(NO_BROWSER is not None, reason=f"no headless browser: {NO_BROWSER}")
    return pytest.mark.browser(skip(test))


@pytest.fixture(scope="module")
def loaded(page_text, tmp_path_factory):
    """The page of every fixture, opened once in headless Chromium for the module."""
    file = tmp_path_factory.mktemp("html") / "laporan.html"
    file.write_text(page_text, encoding="utf-8")
    started = time.monotonic()
    with chromium() as driver:
        open_page(driver, file.as_uri())
        yield driver
    print(f"browser: {time.monotonic() - started:.1f} s")


@browser
def test_page_loads_without_console_errors(loaded):
    assert loaded.execute_script("return document.readyState") == "complete"
    assert loaded.title.startswith("lapkin-audit")
    errors = [entry for entry in loaded.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    # Every dossier was laid out, timelines included.
    assert loaded.execute_script("return document.querySelectorAll('section.dossier').length") == len(
        list(FIXTURES.glob("*/dossier.yaml"))
    )


@browser
def test_w001_overrun_is_red_in_the_browser(loaded):
    from selenium.webdriver.common.by import By

    selector = f'section.dossier[data-path$="{W001}"] rect.overrun[data-step="2"]'
    overrun = loaded.find_element(By.CSS_SELECTOR, selector)
    fill = overrun.value_of_css_property("fill")
    r, g, b = (int(n) for n in re.findall(r"\d+", fill)[:3])
    assert r > 150 and g < 100 and b < 100, fill
    assert overrun.size["width"] > 0 and overrun.size["height"] > 0
    patuh = 'section.dossier[data-path$="/patuh"] rect.overrun'
    assert loaded.find_elements(By.CSS_SELECTOR, patuh) == []


@browser
def test_screenshot(loaded, tmp_path):
    shot = tmp_path / "laporan.png"
    assert loaded.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000


@browser
def test_hostile_page_loads_cleanly(loaded, tmp_path):
    file = tmp_path / "hostile.html"
    file.write_text(render(hostile_report()), encoding="utf-8")
    loaded.get(file.as_uri())  # last: the page of the fixtures is no longer needed
    assert loaded.execute_script("return document.querySelectorAll('section.dossier').length") == 3
    assert loaded.execute_script("return document.scripts.length") == 0
    assert [entry for entry in loaded.get_log("browser") if entry["level"] == "SEVERE"] == []


# --------------------------------------------------------------------------- printed (A4, PDF)

NO_PRINT = NO_BROWSER or (None if PDFTOPPM.exists() else "poppler-utils (pdftoppm, pdftotext) not installed")


def printed(test):  # type: ignore[no-untyped-def]
    """A test of the printed pages: Chromium prints the page to PDF, poppler reads it."""
    skip = pytest.mark.skipif(NO_PRINT is not None, reason=f"cannot print and read a PDF here: {NO_PRINT}")
    return pytest.mark.browser(skip(test))


def print_report(tmp_path: Path, *paths: str, lang: str = "id") -> Path:
    page = tmp_path / "laporan.html"
    page.write_text(html_of(*paths, lang=lang), encoding="utf-8")
    with chromium() as driver:
        return print_pdf(driver, page.as_uri(), tmp_path / "laporan.pdf")


def page_count(pdf: Path) -> int:
    return len(pdf_text(pdf).split("\f")) - 1  # pdftotext ends every page with a form feed


@printed
def test_one_dossier_starts_on_the_first_printed_page(tmp_path):
    pdf = print_report(tmp_path, path_of(W001))
    first = pdf_text(pdf, 1)
    pages = page_count(pdf)
    # The first page is no longer a header alone: the dossier, its facts and its verdict are on it.
    assert "DOSSIER 1 DARI 1" in first and "TIDAK PATUH" in first and "Triwulan II 2024" in first
    assert f"Halaman 1 dari {pages}" in first and pages <= 3
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info  # the report's own @page size
    shots = pdf_pages_png(pdf, tmp_path / "satu", 1, 1)
    assert shots and shots[0].stat().st_size > 10_000


@printed
def test_a_batch_prints_page_numbers_an_index_and_each_dossier_on_its_own_pages(tmp_path):
    pdf = print_report(tmp_path, str(FIXTURES))
    names = sorted(p.name for p in FIXTURES.iterdir() if (p / "dossier.yaml").exists())
    pages = pdf_text(pdf).split("\f")[:-1]
    for number, text in enumerate(pages, 1):
        assert f"Halaman {number} dari {len(pages)}" in text
    # Every dossier starts a page of its own, and no page holds two.
    starts = [i for i, text in enumerate(pages) if re.search(r"DOSSIER \d+ DARI \d+", text)]
    assert len(starts) == len(names) == len(set(starts))
    # The index names every dossier whole: paths wrap at a slash, never inside a name.
    index = "".join(pages[: starts[0]])
    assert all(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", index) for name in names)
    # Compact: the index takes a few pages, most dossiers one sheet (358 pages for 200 dossiers before).
    assert starts[0] <= 3 and len(pages) <= 1.6 * len(names) + starts[0]
    grey = pdf_pages_png(pdf, tmp_path / "grey", starts[0] + 1, starts[0] + 1, grey=True)
    assert grey and grey[0].stat().st_size > 10_000


def test_printed_report_screenshots_are_committed():
    for name in ("laporan-cetak-satu.png", "laporan-cetak-batch.png", "laporan-cetak-abu.png"):
        data = (ROOT / "docs" / "images" / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000, name
