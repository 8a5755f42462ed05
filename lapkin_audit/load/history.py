"""Which dossier folders of a git repository differ from a ref: read with dulwich, in a child.

``load.changes`` runs ``python -m lapkin_audit.load.history`` under limits, one child per
repository, a JSON request on standard input (the work tree's root, the ref, the dossier
folders relative to the root) and a JSON answer on standard output.

Nothing the repository names is run and nothing in it is written. git itself, asked
"what differs from REF", runs what the repository's configuration and attributes name
(``core.fsmonitor``, clean filters, hooks on an index refresh, external diff and textconv
drivers) and rewrites ``.git/index``; a dossier archive that arrives with its ``.git``
could run code on the auditor's machine. So history is read as data: dulwich parses the
refs, the commits, the trees and the index (plain Python over files; its filter, hook and
subprocess machinery is never reached from the calls below), and the work tree's files are
hashed here, as git hashes a blob, without any filter. A file whose bytes git would
filter (line endings converted, an LFS object) may then differ from its blob: the dossier
is audited although unchanged, never skipped although changed. The child's limits bound
what a hostile ``.git`` can cost (a FIFO among its files, a zlib bomb, a cycle).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from typing import Any

from lapkin_audit.load.safefile import read_regular

IGNORE_FILE_LIMIT = 1024 * 1024  # a .gitignore is a few lines; more is not an ignore file
_SUFFIX = re.compile(r"(?:~\d*|\^\d*)$")
_GITLINK = 0o160000  # a submodule's commit in a tree: its files are another repository's
_CHUNK = 1 << 20


class Problem(Exception):
    """Why the question cannot be answered: a key of ``lang.changes.CHANGES`` and its arguments."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key, self.args_ = key, args


def changed_folders(root: str, ref: str, folders: list[str]) -> list[str]:
    """The ``folders`` (relative to ``root``, ``/``-separated, ``.`` for the root itself)
    holding a file that differs from ``ref``: changed, added and not ignored, or deleted."""
    from dulwich.errors import NotGitRepository

    _check_owner(root)
    from dulwich.repo import Repo

    try:
        repo = Repo(root)
    except (NotGitRepository, OSError, ValueError, KeyError) as exc:
        raise Problem("unreadable", root=root, error=_why(exc)) from None
    tree = _resolve(repo, ref).tree
    index, index_time = _index(repo)
    ignores = _Ignores(repo, root)
    return [folder for folder in folders if _differs(repo, root, tree, folder, index, index_time, ignores)]


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _check_owner(root: str) -> None:
    """Another user's repository is not read, as git refuses it (CVE-2022-24765): whoever
    can write a shared ancestor (``/tmp``) could plant a ``.git`` that decides which
    dossiers count as changed. git's own escape, ``safe.directory`` in the user's (never
    the repository's) configuration, is honoured."""
    if not hasattr(os, "getuid"):
        return
    owners = {os.lstat(os.path.join(root, ".git")).st_uid, os.stat(root).st_uid}
    strangers = owners - {os.getuid(), 0}
    if not strangers or _declared_safe(root):
        return
    raise Problem("not_owned", root=root, uid=min(strangers))


def _declared_safe(root: str) -> bool:
    from dulwich.config import StackedConfig

    try:
        config = StackedConfig(StackedConfig.default_backends())
        values = list(config.get_multivar((b"safe",), b"directory"))
    except (OSError, ValueError, KeyError):
        return False
    real = os.path.realpath(root)
    for value in values:
        text = os.fsdecode(value).rstrip("/")
        if text == "*" or (text and os.path.realpath(os.path.expanduser(text)) == real):
            return True
    return False


def _resolve(repo: Any, ref: str) -> Any:
    """The commit ``ref`` names: a branch, remote branch, tag or (short) commit id, with
    ``~N`` and ``^N`` suffixes. What git would also read (``@{upstream}``, ``:/text``) is an
    unknown ref, said as such."""
    from dulwich.objects import Commit
    from dulwich.objectspec import AmbiguousShortId, parse_commit

    base, steps = ref, list[str]()
    while (match := _SUFFIX.search(base)) and match.start() > 0:
        steps.insert(0, match.group())
        base = base[: match.start()]
    try:
        commit = parse_commit(repo, os.fsencode(base))
    except KeyError:
        raise Problem("unknown_ref", ref=ref, root=repo.path) from None
    except (ValueError, AmbiguousShortId):
        raise Problem("not_commit", ref=ref) from None
    for step in steps:
        count = int(step[1:] or 1)
        for parent in [1] * count if step[0] == "~" else ([count] if count else []):
            if len(commit.parents) < parent:
                raise Problem("no_parent", ref=ref)
            try:
                commit = repo[commit.parents[parent - 1]]
            except KeyError:  # a shallow clone stops before it
                raise Problem("shallow", ref=ref) from None
            if not isinstance(commit, Commit):
                raise Problem("not_commit", ref=ref)
    return commit


def _index(repo: Any) -> tuple[dict[bytes, Any], int]:
    """The index's entries by path, and the index file's time (for git's "racily clean").
    An index that cannot be read costs speed only: every file is then hashed."""
    try:
        index = repo.open_index()
        when = os.stat(repo.index_path()).st_mtime_ns
        return dict(index.iteritems()), when
    except Exception:  # any failure here only means "hash every file"
        return {}, 0


def _differs(
    repo: Any, root: str, tree: Any, folder: str, index: dict[bytes, Any], index_time: int, ignores: _Ignores
) -> bool:
    prefix = b"" if folder == "." else os.fsencode(folder) + b"/"
    recorded = _recorded(repo, tree, prefix)
    seen: set[bytes] = set()
    submodules = {path for path, (mode, _) in recorded.items() if mode == _GITLINK}
    for relative, info in _work_tree(os.path.join(root, folder), submodules):
        path = prefix + relative
        seen.add(relative)
        entry = recorded.get(relative)
        if entry is None:  # not in REF: staged, or untracked and not ignored
            if path in index or not ignores.ignored(os.fsdecode(path)):
                return True
            continue
        mode, sha = entry
        is_link = stat.S_ISLNK(info.st_mode)
        if stat.S_ISLNK(mode) != is_link or not (is_link or stat.S_ISREG(info.st_mode)):
            return True  # a file became a link, a folder, a FIFO (or the other way round)
        cached = index.get(path)
        if cached is not None and getattr(cached, "sha", None) == sha and _fresh(cached, info, index_time):
            continue
        if _blob_id(os.path.join(root, os.fsdecode(path)), info, len(sha)) != sha:
            return True
    return any(relative not in seen and mode != _GITLINK for relative, (mode, _) in recorded.items())


def _recorded(repo: Any, tree: Any, prefix: bytes) -> dict[bytes, tuple[int, bytes]]:
    """Every file of REF under ``prefix``: path relative to it -> (mode, blob id)."""
    from dulwich.object_store import iter_tree_contents, tree_lookup_path

    store = repo.object_store
    sha = tree
    if prefix:
        try:
            mode, sha = tree_lookup_path(_trees(store), tree, prefix.rstrip(b"/"))
        except (KeyError, NotADirectoryError):
            return {}
        if not stat.S_ISDIR(mode):
            return {}
    return {entry.path: (entry.mode, entry.sha) for entry in iter_tree_contents(store, sha)}


def _trees(store: Any) -> Any:
    """The store's lookup, remembering the objects it parsed: the folders of one parent
    (``dossiers/``, a thousand entries) would each parse that parent again."""
    memo = getattr(store, "_lapkin_memo", None)
    if memo is None:
        memo = {}
        store._lapkin_memo = memo

    def lookup(sha: Any) -> Any:
        if sha not in memo:
            memo[sha] = store[sha]
        return memo[sha]

    return lookup


def _work_tree(top: str, gitlinks: set[bytes]) -> Iterator[tuple[bytes, os.stat_result]]:
    """Every entry under ``top`` that is not a folder (links are not followed), as a path
    relative to ``top``; ``.git`` entries and submodules are another repository's."""
    stack = [b""]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(os.path.join(os.fsencode(top), current)) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            relative = current + entry.name
            if entry.name == b".git" or relative in gitlinks:
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                stack.append(relative + b"/")
            else:
                yield relative, info


def _fresh(entry: Any, info: os.stat_result, index_time: int) -> bool:
    """Whether the index's record of a file still describes it (git's stat check): same
    size, modification and change times, and not written in the same instant as the index
    itself (then a change could hide under an unchanged time: git's "racily clean")."""
    try:
        mtime, ctime = _ns(entry.mtime), _ns(entry.ctime)
        if entry.size != info.st_size & 0xFFFFFFFF or mtime != info.st_mtime_ns or ctime != info.st_ctime_ns:
            return False
    except (AttributeError, TypeError, ValueError):
        return False
    return mtime < index_time


def _ns(value: Any) -> int:
    if isinstance(value, tuple):
        return int(value[0]) * 1_000_000_000 + int(value[1])
    return int(float(value) * 1_000_000_000)


def _blob_id(path: str, info: os.stat_result, hex_length: int) -> bytes:
    """The id git gives the file's content as a blob (SHA-1, or SHA-256 in such a
    repository), with no filter applied; a link's blob is its target's text."""
    if stat.S_ISLNK(info.st_mode):
        data = os.fsencode(os.readlink(path))
        return _hash(hex_length, b"blob %d\0" % len(data), data)
    digest = hashlib.sha256() if hex_length == 64 else hashlib.sha1()  # git's object ids
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode):
                return b""
            digest.update(b"blob %d\0" % opened.st_size)
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return b""  # unreadable now: counted as changed
    return digest.hexdigest().encode("ascii")


def _hash(hex_length: int, *parts: bytes) -> bytes:
    digest = hashlib.sha256() if hex_length == 64 else hashlib.sha1()  # git's object ids
    for part in parts:
        digest.update(part)
    return digest.hexdigest().encode("ascii")


class _Ignores:
    """git's ignore rules: the ``.gitignore`` files of the work tree, the repository's
    ``info/exclude`` and the user's own excludes file. Each is read as a regular file
    within a bound (a FIFO committed as ``.gitignore`` is skipped, not waited on)."""

    def __init__(self, repo: Any, root: str) -> None:
        from dulwich.config import StackedConfig
        from dulwich.ignore import IgnoreFilter, IgnoreFilterManager, default_user_ignore_filter_path

        files = [os.path.join(repo.controldir(), "info", "exclude")]
        try:  # the user's configuration only: the repository's could name any file
            files.append(default_user_ignore_filter_path(StackedConfig(StackedConfig.default_backends())))
        except (OSError, ValueError, KeyError):
            pass
        filters = [IgnoreFilter(patterns) for patterns in map(_patterns, files) if patterns is not None]

        class _Manager(IgnoreFilterManager):
            def _load_path(self, path: str) -> Any:  # dulwich's loader opens without O_NONBLOCK
                if path not in self._path_filters:
                    patterns = _patterns(os.path.join(root, path, ".gitignore"), follow_links=False)
                    self._path_filters[path] = None if patterns is None else IgnoreFilter(patterns, path=path)
                return self._path_filters[path]

        self._manager = _Manager(root, filters, False)

    def ignored(self, path: str) -> bool:
        return bool(self._manager.is_ignored(path))


def _patterns(path: str, follow_links: bool = True) -> list[bytes] | None:
    from io import BytesIO

    from dulwich.ignore import read_ignore_patterns

    try:
        data = read_regular(os.path.expanduser(path), IGNORE_FILE_LIMIT, follow_links=follow_links)
    except OSError:
        return None
    return list(read_ignore_patterns(BytesIO(data)))


def main() -> None:
    request = json.loads(sys.stdin.buffer.read())
    try:
        answer: dict[str, Any] = {"changed": changed_folders(request["root"], request["ref"], request["folders"])}
    except Problem as exc:
        answer = {"problem": exc.key, "args": exc.args_}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
