"""Reading the content of a dossier's attachments into facts (``evidence/``, in child processes).

Only an attachment whose file is intact is read (K003 and K004 passed), and each content
once: a content already read, in this run or an earlier one, is found by its SHA-256. The
CPU the reading children spend counts against the dossier's budget.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping

from lapkin_audit.budget import NO_DEADLINE, Deadline
from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.evidence.read import Reader
from lapkin_audit.load import attachments
from lapkin_audit.model import Attachment, Dossier, TteTrust


def read_evidence(
    found: Dossier,
    facts: Mapping[str, Attachment],
    trust: TteTrust,
    reader: Reader,
    tables: Collection[str] = (),
    deadline: Deadline = NO_DEADLINE,
) -> dict[str, DocumentFacts]:
    """What each intact attachment's content says, by document field; with their tables for
    the contents (SHA-256) in ``tables``. ``reader`` is the owner's (its memo, cache and warm
    process serve every dossier of a run); the SOP's trust judges the signatures."""
    if reader.trust != trust:  # the same memo, cache and warm process; the SOP's trust
        reader = dataclasses.replace(reader, trust=trust)
    evidence: dict[str, DocumentFacts] = {}
    wanted: dict[str, tuple[bytes, str]] = {}  # field -> (bytes, sha256)
    for doc in found.dokumen:
        seen = facts.get(doc.field)
        if doc.berkas is None or seen is None or seen.status != "ok" or seen.sha256 is None:
            continue
        if doc.sha256 is not None and doc.sha256.lower() != seen.sha256:
            continue  # K004: the file is not the one the manifest recorded
        already = reader.known(seen.sha256, seen.sha256 in tables)  # the same content in another dossier, or run
        if already is not None:
            evidence[doc.field] = already
            continue
        try:
            data = attachments.read_content(found.folder, doc.berkas, seen.sha256)
        except ValueError as exc:
            evidence[doc.field] = DocumentFacts(seen.sha256, "unknown", problem="too_large", detail=str(exc))
            continue
        if data is not None:
            wanted[doc.field] = (data, seen.sha256)
        deadline.check()
    by_content = {}
    if wanted:
        before = _children_cpu(reader)
        by_content = reader.facts_for_many(list(wanted.values()), tables=tables)
        # The CPU the reading children spent: those of this process (a fresh child), and those
        # the warm process forked and reported. Exact where one dossier is read at a time, as
        # in a worker process; a threaded front end gives each thread its own session.
        deadline.charge(_children_cpu(reader) - before)
        deadline.check()
    for field, (_, sha256) in wanted.items():
        evidence[field] = by_content[sha256]
    return evidence


def _children_cpu(reader: Reader) -> float:
    warm = reader.warm.cpu if reader.warm is not None else 0.0
    try:
        import resource
    except ImportError:  # not on Windows: there the children's own limits are the guard
        return warm
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime + warm
