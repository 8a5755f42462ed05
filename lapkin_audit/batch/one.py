"""Auditing one dossier: gather it (``gather``), then judge it (``decide.judge``), within its
budget, through the result cache of its session.

``assess`` never raises for a dossier's sake: the checker's own failure becomes that
dossier's finding (E000), so one broken dossier never ends a batch. Every runner (in this
process, a pool of processes, a cluster) audits each dossier through ``audit_one``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lapkin_audit.batch.session import Session
from lapkin_audit.budget import Deadline, OutOfTime
from lapkin_audit.decide import judge
from lapkin_audit.gather.dossier import gather
from lapkin_audit.load.discovery import Target
from lapkin_audit.model import Attachment, DossierResult


def assess(
    manifest_path: Path,
    display_path: str,
    session: Session,
    attachments_seen: dict[str, Attachment] | None = None,
    ignored: tuple[str, ...] = (),
    deadline: Deadline | None = None,
) -> DossierResult:
    """Never raises for a dossier's sake: an internal error becomes this dossier's finding.
    ``OutOfTime`` is raised when its budget is spent (``audit_one`` reports that), and
    ``RulesError`` when the rules, read now if not before, are broken.

    ``attachments_seen``, if given, receives the attachment facts the checks saw (the cache
    keys on them); ``ignored`` are codes left out for this dossier only (per-path ignores).
    """
    scope = session.scope.narrowed(ignored)
    deadline = deadline or session.deadline()
    # The rules are read by the first dossier that needs them (never on a run answered wholly
    # from the cache), inside its budget; broken rules are the run's problem (RulesError),
    # never this dossier's finding.
    sops = session.sops
    sop_id: str | None = None
    try:
        gathered = gather(manifest_path, display_path, sops, session.reading(scope, deadline))
        sop_id = gathered.sop_id
        if attachments_seen is not None and gathered.context is not None:
            attachments_seen.update(gathered.context.attachments)
        return judge.judge(gathered, scope, deadline)
    except Exception as exc:
        return judge.internal(display_path, sop_id, "internal", {"error": f"{type(exc).__name__}: {exc}"}, scope.lang)


def audit_one(
    target: Target, session: Session, looked_up: bool = False, ignored: tuple[str, ...] = ()
) -> DossierResult:
    """``target``'s result: from the cache when its inputs are unchanged, else audited within
    its budget (past it: E000, never cached). ``looked_up``: the cache already missed;
    ``ignored``: the codes left out for this dossier only (its per-path ignores)."""
    if target.unlisted:
        return judge.unlisted(target.display, session.scope.lang)  # nothing to read, nothing to cache
    deadline = session.deadline()

    def compute(attachments_seen: dict[str, Any] | None = None) -> DossierResult:
        return assess(target.manifest, target.display, session, attachments_seen, ignored, deadline)

    try:
        if session.cache is None:
            return compute()
        return session.cache.audit(target, compute, looked_up, ignored)
    except OutOfTime:
        args = {"seconds": f"{session.budget:g}"}
        return judge.internal(target.display, None, "internal.timeout", args, session.scope.lang)
