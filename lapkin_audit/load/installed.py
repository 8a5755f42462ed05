"""Versions of installed distributions, read from their ``NAME-VERSION.dist-info`` folder
names on ``sys.path``: what ``importlib.metadata`` reads, without its ~15 ms import (a
pre-commit hook's start pays for every millisecond). tests/test_derived_tables.py holds the
two equal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable


def canonical(name: str) -> str:
    """A distribution name as wheels write it in their folder names (PEP 503, then ``_``)."""
    return name.lower().replace("-", "_").replace(".", "_")


def versions(names: Iterable[str]) -> list[str]:
    """``name-version`` of each installed distribution in ``names`` (canonical names), sorted."""
    wanted = {canonical(name) for name in names}
    found = set()
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:  # a zip file, or a folder that is gone
            continue
        for entry in entries:
            if entry.endswith(".dist-info"):
                name, _, version = entry.removesuffix(".dist-info").partition("-")
                if canonical(name) in wanted:
                    found.add(f"{canonical(name)}-{version}")
    return sorted(found)
