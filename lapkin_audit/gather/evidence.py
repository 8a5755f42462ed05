"""Reading the content of a dossier's attachments into facts (``evidence/``, in child processes).

Only an attachment whose file is intact is read (K003 and K004 passed), and each content
once: a content already read, in this run or an earlier one, is found by its SHA-256. The
CPU the reading children spend counts against the dossier's budget.
"""

from __future__ import annotations

from collections.abc import Mapping

from lapkin_audit.budget import NO_DEADLINE, Deadline
from lapkin_audit.evidence import read
from lapkin_audit.evidence.cache import FactsCache
from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.load import attachments
from lapkin_audit.model import Attachment, Dossier, TteTrust


def read_evidence(
    found: Dossier,
    facts: Mapping[str, Attachment],
    trust: TteTrust,
    cache: FactsCache | None,
    ocr_workers: int,
    deadline: Deadline = NO_DEADLINE,
) -> dict[str, DocumentFacts]:
    """What each intact attachment's content says, by document field."""
    evidence: dict[str, DocumentFacts] = {}
    wanted: dict[str, tuple[bytes, str]] = {}  # field -> (bytes, sha256)
    for doc in found.dokumen:
        seen = facts.get(doc.field)
        if doc.berkas is None or seen is None or seen.status != "ok" or seen.sha256 is None:
            continue
        if doc.sha256 is not None and doc.sha256.lower() != seen.sha256:
            continue  # K004: the file is not the one the manifest recorded
        already = read.known(seen.sha256, cache, trust)  # the same content in another dossier, or run
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
        before = _children_cpu()
        by_content = read.facts_for_many(list(wanted.values()), cache, trust, ocr_workers)
        # Until the reader reports its children's CPU itself: the CPU of the children that
        # ended during the read (exact where one dossier is audited at a time, as in a
        # worker process; a threaded front end's other audits may add theirs).
        deadline.charge(_children_cpu() - before)
        deadline.check()
    for field, (_, sha256) in wanted.items():
        evidence[field] = by_content[sha256]
    return evidence


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # not on Windows: there the children's own limits are the guard
        return 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime
