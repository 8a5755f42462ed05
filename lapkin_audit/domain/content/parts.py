"""The parts a report must have (C006): headings found in its text, as the rules list them.

A part is present when one of its headings (``pola``) appears in the text, compared with
case, spacing and line breaks folded ("BAB III\\nAKUNTABILITAS KINERJA"). Absence is only
ever concluded from a text read whole from a text layer or a DOCX: a report read by OCR
or in part cannot prove a heading missing, so that is C008 instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection

from lapkin_audit.domain.content.compare import Findings
from lapkin_audit.domain.content.model import DocumentContent
from lapkin_audit.model import ContentRules, ReportPart


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " " + " ".join("".join(c if c.isalnum() else " " for c in folded).split()) + " "


def present(part: ReportPart, folded_text: str) -> bool:
    return any(_fold(pattern) in folded_text for pattern in part.pola)


def missing_parts(
    report: DocumentContent,
    rules: ContentRules,
    attached: Collection[str],
    complete: bool,
    out: Findings,
    period: str | None = None,
) -> tuple[str, ...]:
    """C006 for each part the report's kind requires (for the dossier's kind of ``period``,
    where the rules say so) and its text lacks (``attached``: the document kinds the dossier
    attaches, for a part another document may stand for)."""
    required = rules.parts.get(f"{report.kind}@{period}") or rules.parts.get(report.kind, ())
    if not required:
        return ()
    text = _fold(report.text)
    lacking = [p for p in required if not present(p, text) and not (p.atau_dokumen and p.atau_dokumen in attached)]
    if lacking and not complete:
        out.add(
            "C008",
            "content.c008.parts",
            report.field,
            dokumen=report.kind,
            tidak_diperiksa=", ".join(p.nama for p in lacking),
        )
        return ()
    for part in lacking:
        out.add("C006", "content.c006", report.field, bagian=part.nama, sumber=part.sumber, dokumen=report.kind)
    return tuple(part.id for part in lacking)
