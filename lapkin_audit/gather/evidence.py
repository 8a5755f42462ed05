"""Reading the content of a dossier's attachments into facts (``evidence/``, in child processes).

Only an attachment whose file is intact is read (K003 and K004 passed), and each content
once: a content already read, in this run or an earlier one, is found by its SHA-256.
"""

from __future__ import annotations

from collections.abc import Mapping

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
    by_content = read.facts_for_many(list(wanted.values()), cache, trust, ocr_workers) if wanted else {}
    for field, (_, sha256) in wanted.items():
        evidence[field] = by_content[sha256]
    return evidence
