"""Writes the pre-commit hook's pins (.pre-commit-hooks.yaml) from the runtime lock.

pre-commit installs a hook with ``pip install . <additional_dependencies>``: from setup.cfg
alone, pip would pick the newest versions its ranges allow, untested. The hook's
``additional_dependencies`` list every version of requirements/run.txt, so a developer's
hook runs what CI tested. ``make lock`` runs this after the locks.

python scripts/pin_hook.py          # rewrite the pins
python scripts/pin_hook.py --check  # exit 1 if they are out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "run.txt"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
START = "  # Pinned from requirements/run.txt by scripts/pin_hook.py (make lock): do not edit.\n"
_PIN = re.compile(r"^([A-Za-z0-9_.-]+==[^\s\\;]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def pins(lock: str) -> list[str]:
    """Every ``name==version`` of a lock, with its environment marker."""
    found = []
    for line in lock.splitlines():
        match = _PIN.match(line)
        if match:
            found.append(match[1] + (f"; {match[2].strip()}" if match[2] else ""))
    return found


def manifest(current: str, lock: str) -> str:
    """The hook manifest with its pins block (from START to the end of the hook) rewritten."""
    head = current.split(START, 1)[0]
    quoted = "".join(f'    - "{pin}"\n' for pin in pins(lock))
    return f"{head}{START}  additional_dependencies:\n{quoted}"


def main(argv: list[str]) -> int:
    current = HOOKS.read_text(encoding="utf-8")
    text = manifest(current, LOCK.read_text(encoding="utf-8"))
    if "--check" in argv:
        if current != text:
            print("out of date: .pre-commit-hooks.yaml (run python scripts/pin_hook.py)")
            return 1
        return 0
    if current != text:
        HOOKS.write_text(text, encoding="utf-8", newline="\n")
        print("wrote .pre-commit-hooks.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
