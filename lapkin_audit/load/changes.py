"""``--changed-since REF``: only the dossiers whose manifest or attachments changed since a
git ref, so that dossiers submitted years ago do not keep a repository's CI red.

A dossier changed when any file under its folder differs between REF and the working
tree (committed since, staged, or not yet committed), or is new and not ignored. git is
asked once per repository; nothing is written.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from lapkin_audit.load.discovery import Target


class ChangesUnknown(Exception):
    """git could not say what changed (not a repository, an unknown ref): exit status 2."""


def changed_since(targets: Iterable[Target], ref: str) -> list[Target]:
    """The targets with a file changed since ``ref``, in their order."""
    targets = list(targets)
    changed: dict[Path, set[Path]] = {}  # repository root -> changed files (absolute, real)
    kept = []
    for target in targets:
        folder = Path(os.path.realpath(target.folder))
        root = _root(folder)
        if root not in changed:
            changed[root] = _changed_files(root, ref)
        if any(folder == path.parent or folder in path.parents for path in changed[root]):
            kept.append(target)
    return kept


def inputs_changed(inputs: Iterable[Path], ref: str) -> list[Path]:
    """Which of ``inputs`` (the configuration file, the rules folders: what judges every
    dossier) differ from ``ref``; one outside any repository has no history to compare."""
    found = []
    for path in inputs:
        real = Path(os.path.realpath(path))
        folder = real if real.is_dir() else real.parent
        try:
            root = _root(folder)
        except ChangesUnknown:
            continue
        if any(changed == real or real in changed.parents for changed in _changed_files(root, ref, real)):
            found.append(path)
    return found


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ChangesUnknown(f"git could not run: {exc}") from None
    if done.returncode != 0:
        raise ChangesUnknown(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed")
    return done.stdout


def _root(folder: Path) -> Path:
    return Path(_git(folder, "rev-parse", "--show-toplevel").strip())


def _changed_files(root: Path, ref: str, *only: Path) -> set[Path]:
    if ref.startswith("-"):
        raise ChangesUnknown(f"not a git ref: {ref}")
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    limit = [str(path) for path in only]
    names = _git(root, "diff", "--name-only", "--no-renames", "-z", ref, "--", *limit).split("\0")
    names += _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *limit).split("\0")
    return {Path(os.path.realpath(root / name)) for name in names if name}
