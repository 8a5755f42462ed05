"""Writes docs/rules.md and the README's rules table from the rules' declarations.

python scripts/make_docs.py          # rewrite what is out of date
python scripts/make_docs.py --check  # exit 1 if either is out of date
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, installed or not

from lapkin_audit.authoring import ruledocs  # noqa: E402 - after the path set-up above

TARGET = ROOT / "docs" / "rules.md"
README = ROOT / "README.md"


def wanted() -> dict[Path, Callable[[str | None], str]]:
    """Each generated file, and how its text follows from what is there now."""
    return {
        TARGET: lambda current: ruledocs.markdown(),
        README: lambda current: ruledocs.with_readme_table(current or ""),
    }


def main(argv: list[str]) -> int:
    stale = 0
    for target, make in wanted().items():
        current = target.read_text(encoding="utf-8") if target.exists() else None
        text = make(current)
        if "--check" in argv:
            if current != text:
                print(f"out of date: {target.relative_to(ROOT)} (run python scripts/make_docs.py)")
                stale = 1
            continue
        if current != text:
            target.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {target.relative_to(ROOT)}")
    return stale


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
