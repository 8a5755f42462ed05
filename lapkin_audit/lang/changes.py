"""Why ``--changed-since`` cannot say what changed, in both languages, by the key the history
reader gives (``load.history``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Why `--changed-since` cannot say what changed (exit status 2), by the key the history
# reader gives (lapkin_audit.load.history).
CHANGES: dict[str, dict[str, str]] = {
    "id": {
        "bad_ref": "'{ref}' bukan ref git",
        "not_repository": "{folder} tidak berada di dalam repositori git",
        "unknown_ref": (
            "ref '{ref}' tidak ada di repositori {root}; ambil dulu: {fetch}"
            " (checkout CI yang dangkal perlu riwayatnya: actions/checkout dengan fetch-depth: 0, GitLab GIT_DEPTH: 0)"
        ),
        "shallow": (
            "riwayat '{ref}' tidak ada di klon ini (klon dangkal); ambil riwayatnya: git fetch --unshallow"
            " (actions/checkout dengan fetch-depth: 0, GitLab GIT_DEPTH: 0)"
        ),
        "no_parent": "'{ref}' menunjuk induk commit yang tidak ada",
        "not_commit": "'{ref}' tidak menunjuk sebuah commit",
        "not_owned": (
            "repositori {root} milik pengguna lain (uid {uid}), sehingga tidak dibaca, seperti git menolaknya;"
            " jika memang dipercaya: git config --global --add safe.directory {root}"
        ),
        "unreadable": "repositori {root} tidak dapat dibaca: {error}",
        "failed": "riwayat repositori {root} tidak dapat dibaca: {error}",
    },
    "en": {
        "bad_ref": "'{ref}' is not a git ref",
        "not_repository": "{folder} is not inside a git repository",
        "unknown_ref": (
            "no ref '{ref}' in the repository {root}; fetch it first: {fetch}"
            " (a shallow CI checkout needs the history: actions/checkout with fetch-depth: 0, GitLab GIT_DEPTH: 0)"
        ),
        "shallow": (
            "the history of '{ref}' is not in this clone (a shallow clone); fetch it: git fetch --unshallow"
            " (actions/checkout with fetch-depth: 0, GitLab GIT_DEPTH: 0)"
        ),
        "no_parent": "'{ref}' names a parent commit that does not exist",
        "not_commit": "'{ref}' does not name a commit",
        "not_owned": (
            "the repository {root} belongs to another user (uid {uid}), so it is not read, as git refuses it;"
            " if you trust it: git config --global --add safe.directory {root}"
        ),
        "unreadable": "the repository {root} cannot be read: {error}",
        "failed": "the history of the repository {root} could not be read: {error}",
    },
}


def changes_message(key: str, args: Mapping[str, Any], lang: str) -> str:
    """Why ``--changed-since`` cannot answer, in ``lang``; an unknown ref says what to fetch."""
    args = dict(args)
    if key == "unknown_ref":
        args["fetch"] = fetch_command(str(args.get("ref", "")))
    return CHANGES["en" if lang == "en" else "id"][key].format_map(args)


def fetch_command(ref: str) -> str:
    """The git command that brings ``ref`` into a clone: ``origin/main`` is the branch
    ``main`` of the remote ``origin``; anything else is asked of ``origin``."""
    name = ref.removeprefix("refs/remotes/")
    for suffix in ("~", "^"):
        name = name.split(suffix, 1)[0]
    if "/" in name and not name.startswith("refs/"):
        remote, branch = name.split("/", 1)
        return f"git fetch {remote} {branch}"
    return f"git fetch origin {name.removeprefix('refs/heads/').removeprefix('refs/tags/')}"
