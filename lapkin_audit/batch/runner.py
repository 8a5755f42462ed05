"""Runners: how the audit of one dossier (``batch.one.audit_one``) is mapped over a run.

A runner takes a session and units (a dossier and the codes its per-path ignores leave out)
and yields each unit's result in the order given, so that the output is the same whichever
runs it. ``InProcessRunner`` audits here, one by one; ``batch.parallel.ProcessPoolRunner``
in worker processes. A cluster runner is one more implementation of ``Runner``, a small
module: send the session once to every worker (Dask's ``Client.scatter``), map
``audit_units`` over chunks of units (``Client.map``), and yield the results in order as
they complete (``as_completed``), each sent back as ``model.codec`` text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from lapkin_audit.batch.one import audit_one
from lapkin_audit.batch.session import Session
from lapkin_audit.decide import judge
from lapkin_audit.load.discovery import Target
from lapkin_audit.model import DossierResult, codec

Unit = tuple[Target, tuple[str, ...]]  # a dossier, and the codes left out for it only


class Runner(Protocol):
    def map(self, session: Session, units: Sequence[Unit], looked_up: bool = False) -> Iterator[DossierResult]:
        """Each unit's result, in the order of ``units``. ``looked_up``: the session's cache
        already missed every one of them (their results are stored, not looked up again)."""
        ...


class InProcessRunner:
    """Audits the units here, one after the other: a result as soon as it is judged."""

    def map(self, session: Session, units: Sequence[Unit], looked_up: bool = False) -> Iterator[DossierResult]:
        for target, ignored in units:
            yield audit_one(target, session, looked_up, ignored)


def audit_units(session: Session, units: Sequence[Unit], looked_up: bool) -> list[str]:
    """A chunk of units audited where a worker runs it, each result as ``model.codec`` text:
    what crosses a process's (or a machine's) boundary is plain, versioned data."""
    return [codec.dumps(audit_one(target, session, looked_up, ignored)) for target, ignored in units]


def received(text: str, unit: Unit, session: Session) -> DossierResult:
    """A result sent back by a worker; one that does not decode is that dossier's E000 (a bug
    of the checker, never silence)."""
    result = codec.loads(DossierResult, text)
    if result is None:
        args = {"error": "the result sent back by a worker could not be read"}
        return judge.internal(unit[0].display, None, "internal", args, session.scope.lang)
    return result
