"""Immutable data passed between the stages: rules -> dossier -> checks -> engine -> report.

Everything here is a frozen dataclass, so a check can never change what the next one sees.
One module per part of the flow (``rule``, ``sop``, ``dossier``, ``result``, ``report``); every
name is handed on from here.
"""

from __future__ import annotations

from lapkin_audit.model.dossier import (
    Attachment,
    Document,
    Dossier,
    Mark,
    Periode,
    Person,
    StepRecord,
    Waiver,
    nearest_line,
)
from lapkin_audit.model.report import (
    Report,
    RunOptions,
    Tally,
    evidence_counts,
    finding_counts,
    tally,
)
from lapkin_audit.model.result import (
    LEVELS,
    SIGNATURE_STATUS,
    AttachmentEvidence,
    Claim,
    DossierAbout,
    DossierResult,
    Evidence,
    Finding,
    Official,
    SignatureEvidence,
    StepTiming,
    Verdict,
    Violation,
    WorkMinutes,
)
from lapkin_audit.model.rule import (
    DOC_PARTS,
    ERROR,
    WARNING,
    Bilingual,
    Rule,
    Severity,
    in_lang,
    rule_problems,
)
from lapkin_audit.model.sop import (
    DocumentKind,
    LegalBasis,
    LinkedDocument,
    ManualCheck,
    Precondition,
    Sop,
    SopOutline,
    SopStep,
    TteTrust,
)
from lapkin_audit.model.store import Store

__all__ = [
    "DOC_PARTS",
    "ERROR",
    "LEVELS",
    "SIGNATURE_STATUS",
    "WARNING",
    "Attachment",
    "AttachmentEvidence",
    "Bilingual",
    "Claim",
    "Document",
    "DocumentKind",
    "Dossier",
    "DossierAbout",
    "DossierResult",
    "Evidence",
    "Finding",
    "LegalBasis",
    "LinkedDocument",
    "ManualCheck",
    "Mark",
    "Official",
    "Periode",
    "Person",
    "Precondition",
    "Report",
    "Rule",
    "RunOptions",
    "Severity",
    "SignatureEvidence",
    "Sop",
    "SopOutline",
    "SopStep",
    "StepRecord",
    "StepTiming",
    "Store",
    "Tally",
    "TteTrust",
    "Verdict",
    "Violation",
    "Waiver",
    "WorkMinutes",
    "evidence_counts",
    "finding_counts",
    "in_lang",
    "nearest_line",
    "rule_problems",
    "tally",
]
