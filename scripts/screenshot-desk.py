#!/usr/bin/env python3
"""Screenshots of the desk for the guide (docs/panduan/) and the README.

    .venv/bin/python scripts/screenshot-desk.py [OUTPUT_FOLDER]

Serves the desk (uvicorn, in this process) over copies of two fixtures in a folder named
as an office would name it, drives it with Playwright and Debian's chromium (by path, as
tests/test_desk_browser.py does), and saves into docs/images/: desk-beranda.png (the home
page), desk-hasil.png (a check's result: Simpulan and the temuan), desk-isian.png (the
daftar berkas form, the temuan beside its field) and desk-cetak.png (the printed page with
the reviewer's "Diperiksa oleh", through pdftoppm). The history is kept in a temporary
folder, never the user's own.
"""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_util import CHROMIUM, pdf_pages_png, pdf_text  # noqa: E402 - after the path set-up above

FIXTURES = ROOT / "fixtures" / "dossiers"
W001 = "w001-langkah-2-terlambat"
WIDTH, HEIGHT = 1100, 760


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "images"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("screenshot-desk: playwright is not installed (pip install -e '.[test]')", file=sys.stderr)
        return 2
    if not CHROMIUM.exists():
        print(f"screenshot-desk: {CHROMIUM} not installed (scripts/ensure-browser)", file=sys.stderr)
        return 2
    import uvicorn

    from lapkin_audit.desk.app import create_app
    from lapkin_audit.desk.state import Desk

    with tempfile.TemporaryDirectory(prefix="lapkin-desk-") as tmp:
        root = Path(tmp) / "Laporan Kinerja"
        for name in (W001, "patuh"):
            shutil.copytree(FIXTURES / name, root / name)
        desk = Desk(root, "id", Path(tmp) / "data", no_cache=True)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        server = uvicorn.Server(uvicorn.Config(create_app(desk, hosts=("127.0.0.1",)), log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
        try:
            with sync_playwright() as playwright:
                args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
                page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
                _shots(page, url, out, Path(tmp))
                browser.close()
        finally:
            server.should_exit = True
            thread.join()
            sock.close()
    return 0


def _shots(page, url: str, out: Path, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    out.mkdir(parents=True, exist_ok=True)
    page.goto(url)
    page.screenshot(path=str(out / "desk-beranda.png"))

    page.get_by_role("link", name=W001, exact=True).click()
    page.get_by_role("button", name="Periksa dossier ini").click()
    page.wait_for_url("**/hasil")
    page.get_by_text("Simpulan:", exact=True).evaluate("e => e.scrollIntoView()")
    page.evaluate("window.scrollBy(0, -60)")  # the Simpulan, then the temuan
    page.screenshot(path=str(out / "desk-hasil.png"))

    page.get_by_role("link", name="Isi daftar berkas").first.click()
    step = page.get_by_role("group", name="Langkah 2 — Menyusun draft laporan")
    step.evaluate("e => e.scrollIntoView()")  # the role chosen by name, the temuan beside its field
    page.evaluate("window.scrollBy(0, -20)")
    page.screenshot(path=str(out / "desk-isian.png"))

    page.get_by_role("link", name="Hasil pemeriksaan").first.click()
    page.get_by_label("Nama pemeriksa").fill("Drs. Hadi Santoso")
    page.get_by_label("NIP pemeriksa").fill("19700101 199001 1 001")
    page.get_by_label("Tanggal pemeriksaan").fill("8 Juli 2024")
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Buka halaman cetak").click()
    printable = opened.value
    printable.wait_for_load_state()
    pdf = tmp / "cetak.pdf"
    pdf.write_bytes(printable.pdf(format="A4", print_background=True))
    pages = pdf_text(pdf).count("\f")
    signed = next(n for n in range(1, pages + 1) if "Diperiksa oleh" in pdf_text(pdf, n))
    (png,) = pdf_pages_png(pdf, tmp / "cetak", signed, signed, dpi=70)
    shutil.copyfile(png, out / "desk-cetak.png")
    for name in ("desk-beranda.png", "desk-hasil.png", "desk-isian.png", "desk-cetak.png"):
        print(f"{out / name}: {(out / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
