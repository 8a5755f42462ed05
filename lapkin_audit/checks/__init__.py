"""The compliance checks, one module per rule family.

A family module declares its rules (``RULES``: code, severity, waivability, title, finding
messages and documentation, in both languages) and checks them: ``check(ctx)`` reads the
dossier, the SOP and the attachment facts from ``ctx`` (``checks.context``) and says which
rule is broken where. It never reads files, asks for the time or prints; the engine stamps
severity, lines and text from the rules, and applies waivers (``decide.waivers``) afterwards.
Adding a family: write the module (``RULES`` and ``check``) and list it below and in the
catalogue (``decide.catalogue``), its family's name in ``lang.words.FAMILY_NAMES``.
"""

from __future__ import annotations

from lapkin_audit.checks import (
    alur,
    bukti,
    bukti_tanda,
    bukti_teks,
    capaian,
    dasar_hukum,
    kelengkapan,
    paraf,
    paraf_masa,
    tim,
    tte,
    waktu,
)
from lapkin_audit.checks.context import Context, Family

__all__ = ["Context", "Family", "families"]

# In the order they run (the output is sorted anyway).
FAMILIES: tuple[Family, ...] = (  # type: ignore[assignment]
    *(kelengkapan, dasar_hukum, tim, paraf, paraf_masa, tte, alur, waktu),
    *(bukti, bukti_teks, bukti_tanda),
    capaian,
)


def families() -> tuple[Family, ...]:
    return FAMILIES
