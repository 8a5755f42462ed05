"""The desk in a real browser: Playwright driving Debian's chromium (by path: Playwright's
own browser download is never used), headless, against a desk served by uvicorn in this
process. Page objects name what a person sees: roles and labels, never CSS classes.
Screenshots for the docs are made by scripts/screenshot-desk.py, not here."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lapkin_audit.desk.app import create_app
from lapkin_audit.desk.state import Desk
from tests.browser_util import CHROMIUM, PDFTOPPM, pdf_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "dossiers"
W001 = "w001-langkah-2-terlambat"


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not installed (scripts/ensure-browser installs Debian's chromium)"
    if not PDFTOPPM.exists():
        return "poppler-utils not installed (scripts/ensure-browser installs it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(_missing() is not None, reason=f"no headless browser: {_missing()}"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Playwright for this module only, stopped at its end: its synchronous API runs an event
    loop in the main thread while it lives, and a later test's ``asyncio.run`` (pyHanko's)
    would find that loop running."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def served(tmp_path) -> Iterator[tuple[str, Desk]]:
    """A desk on the fixtures' copies, served by uvicorn on a socket already listening."""
    import uvicorn

    root = tmp_path / "kerja"
    for name in (W001, "patuh"):
        shutil.copytree(FIXTURES / name, root / name)
    desk = Desk(root, "id", tmp_path / "data", no_cache=True)
    app = create_app(desk, hosts=("127.0.0.1",))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)  # connections wait in the backlog until the server accepts them: no race
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", desk
    finally:
        server.should_exit = True
        thread.join()
        sock.close()


class DeskPage:
    """What the Sekretaris sees and does, in her words."""

    def __init__(self, page: Any, url: str) -> None:
        self.page, self.url = page, url
        self.dialogs: list[str] = []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def open(self) -> DeskPage:
        self.page.goto(self.url)
        return self

    def choose(self, name: str) -> None:
        self.page.get_by_role("link", name=name, exact=True).click()

    def check(self) -> None:
        self.page.get_by_role("button", name="Periksa dossier ini").click()
        self.page.wait_for_url("**/hasil")

    def verdict(self) -> str:
        return str(self.page.locator(".verdict-label").first.inner_text())

    def findings(self) -> str:
        return str(self.page.get_by_role("table").first.inner_text())

    def fill_form(self, group: str, label: str, value: str) -> None:
        self.page.get_by_role("link", name="Isi daftar berkas").first.click()
        field = self.page.get_by_role("group", name=group).get_by_label(label, exact=True)
        field.fill(value)
        self.page.get_by_role("button", name="Simpan").click()


def test_check_fix_check_again_and_print(served, page, tmp_path):
    url, _ = served
    desk_page = DeskPage(page, url).open()
    desk_page.choose(W001)
    desk_page.check()
    assert desk_page.verdict() == "TIDAK PATUH"
    findings = desk_page.findings()
    assert "W001" in findings and "Rekomendasi:" in findings and "Oleh: Tim Akuntabilitas Kinerja" in findings

    desk_page.fill_form("Langkah 2 — Menyusun draft laporan", "selesai", "2024-07-02T08:00:00+07:00")
    assert "Tersimpan: 1 isian diubah" in page.get_by_role("status").first.inner_text()
    page.get_by_role("link", name="Dossier", exact=True).click()
    desk_page.check()
    assert desk_page.verdict() == "PATUH"
    assert "W001" not in page.locator("main").inner_text()

    page.get_by_label("Nama pemeriksa").fill("Drs. Hadi Santoso")
    page.get_by_label("NIP pemeriksa").fill("19700101 199001 1 001")
    page.get_by_label("Tanggal pemeriksaan").fill("8 Juli 2024")
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Buka halaman cetak").click()
    printable = opened.value
    printable.wait_for_load_state()
    pdf = tmp_path / "cetak.pdf"
    pdf.write_bytes(printable.pdf(format="A4", print_background=True))
    text = pdf_text(pdf)
    assert "Diperiksa oleh" in text and "Drs. Hadi Santoso" in text and "19700101 199001 1 001" in text
    assert "Halaman 1 dari" in text  # page numbers, from the report's own @page rules
    assert desk_page.dialogs == []


def test_keyboard_only(served, page):
    url, _ = served
    page.goto(url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Langsung ke isi"
    page.keyboard.press("Enter")
    for _ in range(40):  # tab on until the dossier's link has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == W001:
            break
    else:
        pytest.fail("the dossier's link cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/d/*")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Periksa dossier ini":
            break
    else:
        pytest.fail("the check button cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/hasil")
    assert page.locator(".verdict-label").first.inner_text() == "TIDAK PATUH"


def test_a_hostile_dossier_runs_nothing(served, page):
    url, desk = served
    manifest = desk.root / W001 / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8")
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\u202eSOS"
    manifest.write_text(text.replace('"Siti Aminah, S.Sos"', f'"{hostile}"', 1), encoding="utf-8")
    desk_page = DeskPage(page, url).open()
    desk_page.choose(W001)
    desk_page.check()
    assert "<script>alert(1)</script><img src=x onerror=alert(2)>\\u202eSOS" in page.locator("main").inner_text()
    page.get_by_role("link", name="Isi daftar berkas").first.click()
    shown = page.get_by_role("group", name="Pejabat — Sekretaris Kecamatan").get_by_label("nama", exact=True)
    assert shown.input_value() == "<script>alert(1)</script><img src=x onerror=alert(2)>\\u202eSOS"
    assert desk_page.dialogs == []


def test_another_site_cannot_post_to_the_desk(served, page):
    url, desk = served
    manifest = desk.root / W001 / "dossier.yaml"
    before = manifest.read_bytes()
    key = next(k for k, folder in desk.dossiers.items() if folder.name == W001)
    page.set_content(
        f'<form method="post" action="{url}/d/{key}/isian"><input name="periode.tahun" value="1999">'
        '<button type="submit">kirim</button></form>'
    )
    with page.expect_navigation() as response:
        page.get_by_role("button", name="kirim").click()
    assert response.value is not None and response.value.status == 403
    assert manifest.read_bytes() == before


def test_a_zip_slip_dropped_in_the_browser_is_refused(served, page, tmp_path):
    import zipfile

    url, _ = served
    archive = tmp_path / "jahat.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("dossier.yaml", "format: 1\n")
        zf.writestr("../../luar.txt", "x")
    page.goto(url)
    page.get_by_label("Berkas zip dossier").set_input_files(str(archive))
    page.get_by_role("button", name="Unggah dan buka").click()
    assert "zip memuat nama yang keluar dari foldernya" in page.get_by_role("alert").inner_text()
    assert not (tmp_path / "luar.txt").exists()
