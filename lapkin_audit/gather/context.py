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
    # What a family works out from an attachment's content, kept the same way for the run's
    # other dossiers (a batch shares its LRA, DPA and IKU); keys begin with the family's name,
    # and each family bounds what it keeps (``keep``).
    shared: MutableMapping[tuple[object, ...], Any] = field(default_factory=dict, compare=False, repr=False)
    # What a family works out once for this dossier and uses twice (its check, and a record
    # the judge keeps: checks.capaian); this dossier's only.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def keep(shared: MutableMapping[tuple[object, ...], Any], key: tuple[object, ...], value: Any, most: int) -> Any:
    """``value`` kept in ``shared`` under ``key``; the oldest of the same family's entries (the
    same ``key[0]``) dropped past ``most``. Returns ``value``."""
    shared[key] = value
    mine = [k for k in shared if k[0] == key[0]]
    for old in mine[: max(0, len(mine) - most)]:
        del shared[old]
    return value


@dataclass(frozen=True)
class Gathered:
    """One dossier, gathered: its ``context`` for the checks, or the E findings that stopped
    it being read that far (an unreadable manifest, an unknown SOP: ``context`` is None;
    Git LFS pointers instead of its documents, E006: ``dossier`` and ``attachments`` say
    what was read before), or the checker's own failure while reading it (never the
    office's fault: E000)."""

    path: str  # as the results show it
    sop_id: str | None
    problems: tuple[Violation, ...] = ()  # E001-E006: the dossier cannot be assessed
    context: Context | None = None
    failure: str | None = None  # "TypeError: ...": the checker failed while gathering
    dossier: Dossier | None = None  # the manifest, when it was read before the dossier stopped
    attachments: Mapping[str, Attachment] = field(default_factory=dict)  # the file facts, likewise

    def seen(self) -> Mapping[str, Attachment]:
        """The attachment facts gathered (the result cache keys on them)."""
        return self.context.attachments if self.context is not None else self.attachments
