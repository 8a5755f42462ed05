"""Writes docs/rules.md from the rule documentation (lapkin_audit/authoring/ruledocs.yaml).

python scripts/make_docs.py          # rewrite docs/rules.md
python scripts/make_docs.py --check  # exit 1 if docs/rules.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, installed or not

from lapkin_audit.authoring import ruledocs  # noqa: E402 - after the path set-up above

TARGET = ROOT / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    text = ruledocs.markdown()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if "--check" in argv:
        if current != text:
            print(f"out of date: {TARGET.relative_to(ROOT)} (run python scripts/make_docs.py)")
            return 1
        return 0
    if current != text:
        TARGET.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
