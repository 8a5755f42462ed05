"""``lapkin-audit hash [--check]`` over many dossiers: what it says, and its exit status.

Exit status, as ``check``'s: 0 when every value is there and right (written now, or with
``--check`` already); 1 when one is missing or wrong and ``hash`` could not make it right
(a missing attachment, an LFS pointer instead of the document, a blank ``berkas`` of an
untouched ``init`` skeleton, an unreadable manifest), or, with ``--check``, whenever a
value would change; 2 when a manifest could not be written (a folder the user cannot
write): one line for it, and the other dossiers are still done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lapkin_audit.authoring import hashing
from lapkin_audit.lang.commands import HASH, HASH_REASONS
from lapkin_audit.lang.messages import Nested
from lapkin_audit.load.discovery import Target
from lapkin_audit.unassessable import render

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def run(targets: Iterable[Target], check_only: bool, lang: str, say: Callable[[str], None]) -> int:
    """Plan (and unless ``check_only`` write) every target's values; say what happened."""
    w = HASH["en" if lang == "en" else "id"]
    status = EXIT_OK
    for target in targets:
        plan = hashing.plan(target.manifest)
        if plan.problem is not None:
            args = {**plan.problem.args, "what": Nested("what.manifest"), "path": target.manifest.name}
            say(w["unreadable"].format(path=target.display, reason=render(plan.problem.message, args, lang)))
            status = max(status, EXIT_FINDINGS)
            continue
        if plan.changed and not check_only:
            try:
                hashing.write(plan)
            except OSError as exc:
                say(w["unwritable"].format(path=target.display, error=exc.strerror or exc))
                status = EXIT_USAGE
                continue
        _report(target, plan, check_only, lang, say)
        if not plan.complete or (check_only and plan.changed):
            status = max(status, EXIT_FINDINGS)
    return status


def _report(target: Target, plan: hashing.Plan, check_only: bool, lang: str, say: Callable[[str], None]) -> None:
    w = HASH["en" if lang == "en" else "id"]
    names = w["results_check" if check_only else "results"]
    counts = {key: sum(1 for o in plan.outcomes if o.result == key) for key in names}
    done = ", ".join(f"{names[key]} {n}" for key, n in counts.items() if n)
    say(f"{target.display}: {done or w['nothing']}")
    for outcome in plan.outcomes:
        berkas = outcome.berkas or w["blank_document"].format(jenis=outcome.jenis)
        if outcome.result == hashing.NOT_HASHED:
            say("  " + w["not_hashed"].format(berkas=berkas, reason=reason(outcome, lang)))
        elif outcome.result == hashing.LFS_SAME:
            say("  " + w["lfs_same"].format(berkas=berkas))
        elif check_only and outcome.result in (hashing.ADDED, hashing.UPDATED):
            say("  " + w[outcome.result].format(berkas=berkas))
    for name in plan.unnamed:
        say("  " + w["unnamed"].format(berkas=name))


def reason(outcome: hashing.Outcome, lang: str) -> str:
    """Why an attachment was not hashed, in words of ``lang``."""
    key = outcome.reason or "unreadable"
    if key == "missing" and outcome.detail:
        key = "missing_similar"
    texts = HASH_REASONS["en" if lang == "en" else "id"]
    return texts.get(key, texts["unreadable"]).format(detail=outcome.detail or key)
