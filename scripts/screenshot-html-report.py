#!/usr/bin/env python3
"""Renders the HTML report of a few fixtures and saves a screenshot of it for the docs.

    .venv/bin/python scripts/screenshot-html-report.py [OUTPUT.png]

Default output: docs/images/laporan-html.png. Needs Debian's chromium and chromedriver
(scripts/ensure-browser); the browser setup is the one the tests use (tests/browser_util.py).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser_util import chromium, full_page_screenshot, missing, open_page  # noqa: E402 - after the path set-up above

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
    print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
