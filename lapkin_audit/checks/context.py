"""What every check receives (``Context``, from the gather stage) and is (``Family``), and
helpers they share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from lapkin_audit.domain.people import format_nip, normalize_nip
from lapkin_audit.gather.context import Context, keep
from lapkin_audit.model import Person, Rule, Violation

__all__ = ["NEEDS_EVIDENCE", "TABLES_OF", "Context", "Family", "keep", "mismatch", "tables_of"]

# What a family may need gathered beyond the manifest, the attachments' file facts and the
# timeline (which every dossier gets): the attachments' content, read in child processes.
NEEDS_EVIDENCE = "evidence"
# ...and, read with that content, the tables of the documents of a kind (``tables_of(kind)``).
TABLES_OF = "tables:"


def tables_of(kind: str) -> str:
    """What a family needs to compare the tables of the documents of ``kind``."""
    return TABLES_OF + kind


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
    """A module of ``checks/``: the rules it declares, what it needs gathered, its check."""

    RULES: tuple[Rule, ...]
    NEEDS: frozenset[str]  # e.g. {NEEDS_EVIDENCE}; empty: the manifest and the file facts suffice

    def check(self, ctx: Context) -> Iterable[Violation]: ...
