"""Headless Chromium for the HTML report: Debian's chromium and chromedriver, by explicit
path, so that Selenium Manager never looks for (or downloads) a browser of its own.

Shared by tests/test_html_report.py and scripts/screenshot-html-report.py.
scripts/ensure-browser installs the two packages where they are missing.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def missing() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    absent = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if absent:
        installer = "scripts/ensure-browser installs Debian's chromium and chromium-driver"
        return f"{' and '.join(absent)} not installed ({installer})"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@contextmanager
def chromium(width: int = 1100, height: int = 900) -> Iterator[object]:
    """A headless Chromium WebDriver with its browser log kept; quit and cleaned up after."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="lapkin-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, uri: str, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Load ``uri`` and wait until the document has finished loading.

    ``driver.get`` usually returns after the load event, but not always (a slow machine,
    a large page): reading the page before ``readyState`` is ``complete`` made tests flaky.
    """
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(uri)
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")


PDFTOPPM = Path("/usr/bin/pdftoppm")


def print_pdf(driver, uri: str, path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Chromium's print of ``uri`` to PDF (the page's own @page rules: A4), saved at ``path``.

    Printed through the DevTools protocol rather than WebDriver's print command: that one
    gives up when the renderer takes more than 10 s (a long batch report on a busy
    machine) and ignores the page's @page size (Letter instead of A4)."""
    import base64

    open_page(driver, uri)
    printed = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
    path.write_bytes(base64.b64decode(printed["data"]))
    return path


def pdf_pages_png(pdf: Path, prefix: Path, first: int, last: int, grey: bool = False, dpi: int = 60) -> list[Path]:
    """PNG images of pages ``first``..``last`` of ``pdf`` (pdftoppm), in page order."""
    import subprocess

    args = [str(PDFTOPPM), "-r", str(dpi), "-png", "-f", str(first), "-l", str(last)]
    subprocess.run([*args, *(["-gray"] if grey else []), str(pdf), str(prefix)], check=True, timeout=120)
    return sorted(prefix.parent.glob(prefix.name + "-*.png"))


def pdf_text(pdf: Path, page: int | None = None) -> str:
    """The text of ``pdf`` (one page, or all), as pdftotext reads it."""
    import subprocess

    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(
        [str(PDFTOPPM.with_name("pdftotext")), "-layout", *pages, str(pdf), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8", errors="replace")


def full_page_screenshot(driver, path: Path, width: int = 1100, max_height: int = 6000) -> None:  # type: ignore[no-untyped-def]
    """Resize the window to the page's height (up to ``max_height``), then save a PNG."""
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.set_window_size(width, min(max(height, 400), max_height))
    path.parent.mkdir(parents=True, exist_ok=True)
    if not driver.save_screenshot(str(path)):
        raise RuntimeError(f"the browser could not save a screenshot to {path}")
