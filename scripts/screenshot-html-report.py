#!/usr/bin/env python3
"""Renders the HTML report of a few fixtures and saves screenshots of it for the docs.

    .venv/bin/python scripts/screenshot-html-report.py [OUTPUT.png]

Default output: docs/images/laporan-html.png (the page on screen), and the printed pages
(Chromium's print to PDF, then pdftoppm): laporan-cetak-satu.png (one dossier, page 1),
laporan-cetak-batch.png (every fixture: the index) and laporan-cetak-abu.png (a dossier
page in greyscale). Needs Debian's chromium, chromedriver and poppler-utils
(scripts/ensure-browser); the browser setup is the one the tests use (tests/browser_util.py).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_util import (  # noqa: E402 - after the path set-up above
    chromium,
    full_page_screenshot,
    missing,
    open_page,
    pdf_pages_png,
    pdf_text,
    print_pdf,
)

# Step 2 over its Mutu Baku (red in both timelines): waived with its reason in the first
# (PATUH DENGAN CATATAN), a finding with its SOP clause in the second (TIDAK PATUH).
FIXTURES = ("w001-dikecualikan", "w001-langkah-2-terlambat")
DEFAULT = ROOT / "docs" / "images" / "laporan-html.png"
WIDTH = 1100


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT
    why = missing()
    if why:
        print(f"screenshot-html-report: cannot run the browser: {why}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="lapkin-html-") as tmp:
        page = Path(tmp) / "laporan.html"
        dossiers = [str(Path("fixtures") / "dossiers" / name) for name in FIXTURES]
        command = [
            sys.executable,
            "-m",
            "lapkin_audit",
            "check",
            "--jobs",
            "1",
            "--no-cache",
            "--format",
            "html",
            "--output",
            str(page),
            *dossiers,
        ]
        status = subprocess.run(command, cwd=ROOT, check=False).returncode
        if status not in (0, 1):  # 1: findings, as these fixtures are meant to have
            print(f"screenshot-html-report: lapkin-audit exited with {status}", file=sys.stderr)
            return 2
        with chromium(width=WIDTH) as driver:
            open_page(driver, page.as_uri())
            full_page_screenshot(driver, out, width=WIDTH)
        if not argv:
            _printed(Path(tmp))
    print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {out.stat().st_size // 1024} KB")
    return 0


def _report(tmp: Path, name: str, *paths: str) -> Path:
    page = tmp / f"{name}.html"
    command = [sys.executable, "-m", "lapkin_audit", "check", "--no-cache", "--format", "html", "-o", str(page), *paths]
    subprocess.run(command, cwd=ROOT, check=False)
    return page


def _printed(tmp: Path) -> None:
    """The printed pages, as the tests print them (tests/test_html_report.py, `printed`)."""
    images = ROOT / "docs" / "images"
    one = _report(tmp, "satu", str(Path("fixtures") / "dossiers" / FIXTURES[1]))
    batch = _report(tmp, "batch", str(Path("fixtures") / "dossiers"))
    with chromium(width=WIDTH) as driver:
        one_pdf = print_pdf(driver, one.as_uri(), tmp / "satu.pdf")
        batch_pdf = print_pdf(driver, batch.as_uri(), tmp / "batch.pdf")
    first_dossier = next(i for i, text in enumerate(pdf_text(batch_pdf).split("\f"), 1) if "DOSSIER 1 DARI" in text)
    for pdf, page, name, grey in (
        (one_pdf, 1, "laporan-cetak-satu.png", False),
        (batch_pdf, 1, "laporan-cetak-batch.png", False),
        (batch_pdf, first_dossier, "laporan-cetak-abu.png", True),
    ):
        (shot,) = pdf_pages_png(pdf, tmp / name.removesuffix(".png"), page, page, grey=grey, dpi=70)
        (images / name).write_bytes(shot.read_bytes())
        print(f"docs/images/{name}: {(images / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
