"""``--changed-since REF``: only the dossiers whose manifest or attachments changed since a
git ref, so that dossiers submitted years ago do not keep a repository's CI red.

A dossier changed when any file under its folder differs between REF and the working
tree (committed since, staged, or not yet committed), or is new and not ignored. The
history is read by ``load.history`` in a child process under limits, once per
repository: git is never run, so nothing the audited repository's configuration, hooks
or attributes name is executed, and nothing in it is written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from lapkin_audit.load.discovery import Target, printable, repository_root

# Limits of the child that reads a repository's history. A real repository answers in a
# second or two; a hostile .git (a FIFO among its files, a compression bomb) costs at most
# these, and the run then stops with exit status 2: it never passes without an answer.
MEMORY_LIMIT = 2 * 1024 * 1024 * 1024  # bytes of address space
CPU_LIMIT = 300  # seconds of CPU time
WALL_LIMIT = 600.0  # seconds on the clock (a FIFO costs no CPU while it blocks)
CHILD = (sys.executable, "-m", "lapkin_audit.load.history")


class ChangesUnknown(Exception):
    """What changed cannot be said (not a repository, an unknown ref): exit status 2.
    ``key`` and ``args`` are a message of ``lang.changes.CHANGES``."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key, self.details = key, args

    def text(self, lang: str) -> str:
        from lapkin_audit.lang.changes import changes_message

        return changes_message(self.key, self.details, lang)


def changed_since(targets: Iterable[Target], ref: str) -> list[Target]:
    """The targets with a file changed since ``ref``, in their order."""
    targets = list(targets)
    if not ref.strip() or ref.startswith("-"):
        raise ChangesUnknown("bad_ref", ref=ref)
    where: dict[Target, tuple[str, str]] = {}  # target -> (repository root, folder relative to it)
    for target in targets:
        folder = os.path.realpath(target.folder)
        root = repository_root(folder)
        if root is None:
            raise ChangesUnknown("not_repository", folder=target.display)
        where[target] = (root, Path(os.path.relpath(folder, root)).as_posix())
    changed: set[tuple[str, str]] = set()
    for root in sorted({root for root, _ in where.values()}):
        folders = sorted({folder for r, folder in where.values() if r == root})
        changed.update((root, folder) for folder in _ask(root, ref, folders))
    return [target for target in targets if where[target] in changed]


def _ask(root: str, ref: str, folders: list[str]) -> list[str]:
    request = json.dumps({"root": root, "ref": ref, "folders": folders}).encode()
    env = {**os.environ, "PYTHONPATH": _package_root()}
    try:
        done = subprocess.run(
            CHILD,
            input=request,
            capture_output=True,
            timeout=WALL_LIMIT,
            env=env,
            preexec_fn=_limits if os.name == "posix" else None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ChangesUnknown("failed", root=printable(root), error=f"no answer within {WALL_LIMIT:g} s") from None
    except OSError as exc:
        raise ChangesUnknown("failed", root=printable(root), error=exc.strerror or str(exc)) from None
    try:
        answer = json.loads(done.stdout)
        if done.returncode == 0 and "problem" in answer:
            args = {k: printable(v) if isinstance(v, str) else v for k, v in answer["args"].items()}
            raise ChangesUnknown(answer["problem"], **args)
        if done.returncode == 0 and isinstance(answer.get("changed"), list):
            return [folder for folder in answer["changed"] if folder in folders]
    except (ValueError, TypeError, AttributeError):
        pass
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    error = lines[-1] if lines else f"exit status {done.returncode}"
    raise ChangesUnknown("failed", root=printable(root), error=error)


def _limits() -> None:  # pragma: no cover - runs in the child, before it executes Python
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@cache
def _package_root() -> str:
    root = str(Path(__file__).resolve().parent.parent.parent)
    existing = os.environ.get("PYTHONPATH")
    return root if not existing else root + os.pathsep + existing
