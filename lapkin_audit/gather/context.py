"""What the gather stage hands on: a dossier as the checks see it (``Context``), or why
there is none (``Gathered``)."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.model import Attachment, Dossier, Sop, StepTiming, Violation


@dataclass(frozen=True)
class Context:
    """Everything a check may read: it never reads a file, asks the time or prints."""

    dossier: Dossier
    sop: Sop
    attachments: Mapping[str, Attachment]  # document field ("dokumen[3]") -> what the file system says
    timeline: tuple[StepTiming, ...] = ()  # lapkin_audit.domain.timeline: the log in working time
    # lapkin_audit.evidence: what each read attachment's content says (document field -> facts).
    evidence: Mapping[str, DocumentFacts] = field(default_factory=dict)
    # Texts prepared for searching, by content: its owner (a run's session) shares it between
    # the dossiers of the run that attach the same files (checks.bukti.searchable).
    texts: MutableMapping[tuple[object, ...], Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Gathered:
    """One dossier, gathered: its ``context`` for the checks, or the E findings that stopped
    it being read that far (an unreadable manifest, an unknown SOP: ``context`` is None), or
    the checker's own failure while reading it (never the office's fault: E000)."""

    path: str  # as the results show it
    sop_id: str | None
    problems: tuple[Violation, ...] = ()  # E001-E005: the dossier cannot be assessed
    context: Context | None = None
    failure: str | None = None  # "TypeError: ...": the checker failed while gathering
