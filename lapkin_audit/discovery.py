"""Finding dossiers under the paths given on the command line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

MANIFEST = "dossier.yaml"


class PathNotFound(Exception):
    """A path given on the command line does not exist (exit status 2)."""


@dataclass(frozen=True)
class Target:
    folder: Path
    display: str  # the dossier folder as reached from the path given
    manifest: Path


def discover(paths: Iterable[str]) -> list[Target]:
    """Every dossier under ``paths``, sorted by display path, each once.

    A path may be a ``dossier.yaml``, a dossier folder, or any folder searched
    recursively (links to folders are not followed, so a link loop cannot trap us).
    """
    found: dict[str, Target] = {}
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            raise PathNotFound(raw)
        if path.is_dir():
            candidates = [(folder, os.path.join(folder, MANIFEST)) for folder in _walk(raw)]
        else:  # a file given directly is the manifest, whatever its name
            candidates = [(os.path.dirname(raw) or ".", raw)]
        for folder, manifest in candidates:
            display = os.path.normpath(folder)
            identity = os.path.realpath(manifest)
            if identity not in seen:
                seen.add(identity)
                found.setdefault(display, Target(Path(folder), display, Path(manifest)))
    return [found[key] for key in sorted(found)]


def _walk(root: str) -> list[str]:
    folders = []
    for current, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        # A broken link is listed among files, a folder (or a link to one) among dirs:
        # both are reported as unreadable manifests rather than skipped.
        if MANIFEST in files or MANIFEST in dirs:
            folders.append(current)
    return folders
