"""What the content checks (``checks.capaian``) read from each document: its tables and
text as ``domain.content`` sees them, made once per content and kept for the run's other
dossiers (a batch shares its LRA, DPA and IKU)."""

from __future__ import annotations

from lapkin_audit.checks.context import Context, keep
from lapkin_audit.domain.content.compare import REPORTED
from lapkin_audit.domain.content.model import DocumentContent
from lapkin_audit.domain.content.read import document_content
from lapkin_audit.evidence.facts import DocumentFacts

MEMO_SIZE = 256  # documents kept: a batch shares its LRA, DPA and IKU across dossiers


def document(ctx: Context, kind: str, field: str, facts: DocumentFacts, year: int, reported: bool) -> DocumentContent:
    """``reported``: B001 or B006 already says the document could not be read. Remembered by
    the document's content (its SHA-256), place in the manifest, and whether its tables were
    read (a content read without them, when the C rules were left out, gives nothing)."""
    key = (__name__, kind, field, facts.sha256, year, reported, bool(facts.tables), facts.tables_problem)
    found: DocumentContent | None = ctx.shared.get(key)  # the run's: its session owns it
    if found is None:
        found = keep(ctx.shared, key, content_of(kind, field, facts, year, reported), MEMO_SIZE)
    return found


def content_of(kind: str, field: str, facts: DocumentFacts, year: int, reported: bool) -> DocumentContent:
    """A document whose text was read but whose tables were not (their CPU allowance ran out,
    or their parser failed on it: ``tables_problem``) is one whose content is unread (C008),
    even with the tables found before: a row left out must never read as an absent one."""
    readable = not reported and facts.tables_problem is None and (facts.problem is None or bool(facts.tables))
    problem = REPORTED if reported else facts.problem
    if not reported and facts.tables_problem is not None:
        problem = f"tables_{facts.tables_problem}"
    return document_content(
        kind,
        field,
        facts.tables,
        facts.text,
        year,
        readable=readable,
        complete=facts.complete,
        problem=problem,
        picture_pages=facts.picture_pages,
    )
