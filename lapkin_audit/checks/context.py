"""What every check receives (``Context``) and is (``Family``), and helpers they share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from lapkin_audit.domain.people import format_nip, normalize_nip
from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.load.attachments import Attachment
from lapkin_audit.model import Dossier, Person, Rule, Sop, StepTiming, Violation


@dataclass(frozen=True)
class Context:
    dossier: Dossier
    sop: Sop
    attachments: Mapping[str, Attachment]  # document field ("dokumen[3]") -> facts
    timeline: tuple[StepTiming, ...] = ()  # lapkin_audit.domain.timeline: the log in working time
    # lapkin_audit.evidence: what each read attachment's content says (document field -> facts).
    evidence: Mapping[str, DocumentFacts] = field(default_factory=dict)


def mismatch(message_id: str, person: Person, holder: Person, **args: object) -> tuple[str, dict[str, object]]:
    """Message id and arguments for "``person`` is not ``holder``" (P003, T006).

    When both carry a NIP the NIPs decided, so the message shows the two that differ
    (the names may even be equal); otherwise the names decided.
    """
    args = {"nama": person.nama, "holder": holder.nama, **args}
    mine, theirs = normalize_nip(person.nip), normalize_nip(holder.nip)
    if mine is not None and theirs is not None:
        return f"{message_id}.nip", {**args, "nip": format_nip(mine), "holder_nip": format_nip(theirs)}
    return message_id, args


class Family(Protocol):
    RULES: tuple[Rule, ...]

    def check(self, ctx: Context) -> Iterable[Violation]: ...
