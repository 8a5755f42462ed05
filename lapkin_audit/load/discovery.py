"""Finding dossiers under the paths given on the command line."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

MANIFEST = "dossier.yaml"


class PathNotFound(Exception):
    """A path given on the command line does not exist (exit status 2)."""


@dataclass(frozen=True)
class Target:
    folder: Path
    display: str  # the dossier folder as reached from the path given (always printable)
    manifest: Path
    # A folder that could be entered but not listed: what it holds is unknown, so it is
    # reported (E001) instead of passing unnoticed, and the run cannot look clean.
    unlisted: bool = False


class Made(Sequence[Target]):
    """Targets made one at a time, when asked for, from ``items`` by ``make``: a run of
    100,000 dossiers holds its compact items, not as many ``Target`` objects and paths."""

    def __init__(self, items: Sequence[Any], make: Callable[[Any], Target]) -> None:
        self._items, self._make = items, make

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Target: ...

    @overload
    def __getitem__(self, index: slice) -> list[Target]: ...

    def __getitem__(self, index: int | slice) -> Target | list[Target]:
        if isinstance(index, slice):
            return [self._make(item) for item in self._items[index]]
        return self._make(self._items[index])

    def __iter__(self) -> Iterator[Target]:
        return map(self._make, self._items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # compared by value, as a list


class Targets(Made):
    """Targets in order, each kept as one string until it is asked for (~15 MB for 100,000
    dossiers, not the ~80 MB of as many ``Target`` objects and paths)."""

    def __init__(self, packed: list[str]) -> None:
        super().__init__(packed, _unpack)  # display NUL manifest NUL folder NUL unlisted ("1" or "")

    @classmethod
    def of(cls, targets: Iterable[Target]) -> Targets:
        return cls([_pack(t.folder, t.display, t.manifest, t.unlisted) for t in targets])


def _pack(folder: str | Path, display: str, manifest: str | Path, unlisted: bool) -> str:
    return "\0".join((display, os.fspath(manifest), os.fspath(folder), "1" if unlisted else ""))


def _unpack(packed: str) -> Target:
    display, manifest, folder, unlisted = packed.split("\0")  # no path holds a NUL
    return Target(Path(folder), display, Path(manifest), bool(unlisted))


def discover(paths: Iterable[str]) -> Targets:
    """Every dossier under ``paths``, sorted by display path, each once.

    A path may be a ``dossier.yaml``, a dossier folder, or any folder searched
    recursively (links to folders are not followed, so a link loop cannot trap us).
    Two different manifests are never merged into one, even if they display alike.
    """
    found: dict[str, str] = {}  # real path of the manifest -> the target, packed
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            raise PathNotFound(raw)
        if path.is_dir():
            candidates = [(folder, os.path.join(folder, MANIFEST), unlisted) for folder, unlisted in _walk(raw)]
        else:  # a file given directly is the manifest, whatever its name
            candidates = [(os.path.dirname(raw) or ".", raw, False)]
        for folder, manifest, unlisted in candidates:
            _add(found, folder, manifest, unlisted)
    return _in_order(found)


def _add(found: dict[str, str], folder: str, manifest: str, unlisted: bool = False) -> None:
    """Record a dossier once, by the real path of its manifest."""
    identity = os.path.realpath(manifest)
    if identity not in found:
        # As a Target would hold them (Path normalises: "a//b/." is "a/b").
        found[identity] = _pack(Path(folder), printable(os.path.normpath(folder)), Path(manifest), unlisted)


def _in_order(found: dict[str, str]) -> Targets:
    """By display path, then by the manifest's bytes. Packed, the display comes first and NUL
    ends it, so plain string order is display order; the rare dossiers that display alike
    (two manifests of one folder given by name) are then put in their manifests' byte order."""
    packed = sorted(found.values())
    start = 0
    while start < len(packed):
        display = packed[start].split("\0", 1)[0]
        end = start + 1
        while end < len(packed) and packed[end].split("\0", 1)[0] == display:
            end += 1
        if end - start > 1:
            packed[start:end] = sorted(packed[start:end], key=lambda p: os.fsencode(p.split("\0")[1]))
        start = end
    return Targets(packed)


def holding(files: Iterable[str]) -> Targets:
    """The dossiers that hold ``files`` (as a pre-commit hook passes them), sorted, each once.

    A file belongs to the nearest folder above it with a ``dossier.yaml``: a changed
    attachment, a changed manifest and a deleted file (its path need not exist) all make
    their dossier audited. A relative path is looked up no higher than the current folder;
    files in no dossier (a README, a CI file) are skipped.

    Links are not followed, as ``discover`` follows none inside the tree it searches: a
    link is a file (git commits it as one), and a dossier reached through a link (below
    the current folder for a relative path, at or below the dossier for an absolute one)
    is not audited. A committed link to a folder outside the repository must not make
    the hook audit, and quote, what lies there.
    """
    found: dict[str, str] = {}
    checked: dict[str, str | None] = {}  # folder -> the dossier folder holding it, None: none
    for raw in files:
        path = os.path.normpath(raw)
        start = path if os.path.isdir(path) and not os.path.islink(path) else os.path.dirname(path)
        folder = _holding_folder(start, checked)
        if folder is not None and not _through_link(start, folder, relative=not os.path.isabs(path)):
            _add(found, folder, os.path.join(folder, MANIFEST))
    return _in_order(found)


def _through_link(start: str, folder: str, relative: bool) -> bool:
    """Whether ``start`` (a folder at or below the dossier ``folder``) is reached through a
    link: one of the folders from ``start`` up to ``folder``, or, for a relative path, up
    to the current folder."""
    current = start
    while True:
        if current and current != os.curdir and os.path.islink(current):
            return True
        if current == folder and not relative:
            return False
        parent = os.path.dirname(current)
        if parent == current or not current or current == os.curdir:
            return False
        current = parent


def _holding_folder(folder: str, checked: dict[str, str | None]) -> str | None:
    """The nearest folder from ``folder`` upwards that holds a manifest (memoised per folder)."""
    walked: list[str] = []
    answer: str | None = None
    while True:
        if folder in checked:
            answer = checked[folder]
            break
        walked.append(folder)
        if os.path.isfile(os.path.join(folder or ".", MANIFEST)):
            answer = folder or "."
            break
        parent = os.path.dirname(folder)
        if parent == folder or not folder or folder == os.curdir:
            break  # the top: "/" for an absolute path, the current folder for a relative one
        folder = parent
    for each in walked:
        checked[each] = answer
    return answer


def repository_root(folder: str) -> str | None:
    """The nearest folder from ``folder`` upward holding ``.git`` (a folder, or a file
    naming one, as in a linked work tree or a submodule)."""
    current = folder
    while True:
        try:
            info = os.lstat(os.path.join(current, ".git"))
            if not os.path.islink(os.path.join(current, ".git")) and (info.st_mode & 0o170000) in (0o040000, 0o100000):
                return current
        except OSError:
            pass
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def printable(path: str) -> str:
    """A path as text that can always be printed and written as UTF-8, on one line.

    Names that are not UTF-8 reach Python as lone surrogates, which no UTF-8 writer
    accepts; control characters (a newline, ESC) would forge lines or colours in the
    table. Both are shown as ``\\xff`` escapes instead; the real path is kept apart.
    """
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) == "Cc" else c for c in text)


def _walk(root: str) -> list[tuple[str, bool]]:
    """Folders holding a ``dossier.yaml``, searched without recursion (any depth is safe).

    Any entry named ``dossier.yaml`` counts, whatever it is: a broken link, a folder or a
    FIFO is then reported as an unreadable manifest rather than skipped. A folder that
    cannot be listed is reported too: as a dossier when it holds a ``dossier.yaml``, else
    as unlisted (its dossiers, if any, could not be seen, and must not pass unnoticed).
    """
    folders: list[tuple[str, bool]] = []
    stack = [root]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: os.fsencode(e.name))
        except OSError:
            folders.append((current, not _may_hold_manifest(current)))
            continue
        subfolders = []
        for entry in entries:
            if entry.name == MANIFEST:
                folders.append((current, False))
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(entry.path)
        stack.extend(reversed(subfolders))
    return folders


def _may_hold_manifest(folder: str) -> bool:
    try:
        os.lstat(os.path.join(folder, MANIFEST))
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True
