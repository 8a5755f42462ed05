"""The compliance checks, one module per rule family.

A check is a function ``check(ctx) -> Iterable[Violation]``: it reads the dossier, the
SOP and the attachment facts from ``ctx`` (``checks.context``) and says which rule is
broken where. It never reads files, asks for the time or prints; the engine stamps
severity and lines, and applies waivers (``decide.waivers``) afterwards.
Adding a family: write the module (with ``CODES`` and ``check``) and list it below.
"""

from __future__ import annotations

from lapkin_audit.checks import alur, bukti, capaian, dasar_hukum, kelengkapan, paraf, tim, tte, waktu
from lapkin_audit.checks.context import Context, Family

__all__ = ["Context", "Family", "families"]

# In the order they run (the output is sorted anyway).
FAMILIES: tuple[Family, ...] = (kelengkapan, dasar_hukum, tim, paraf, tte, alur, waktu, bukti, capaian)  # type: ignore[assignment]


def families() -> tuple[Family, ...]:
    return FAMILIES
