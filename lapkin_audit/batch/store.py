"""The folder of files every cache of a run is kept in (``model.Store``).

One JSON file per key, named by a hash of the key (and of what the store is for, so that
two stores never read each other's entries), in a private folder opened once and reached
through its handle, each entry under an HMAC of this user's key, read as a regular file
only, bounded in size and nesting, written atomically (``load.private``); anything
unreadable, or not written with the key, is a miss. A cluster could keep its caches in
another store with the same two methods.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit.load.private import Folder, user_key

MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a result is a few KB; a bigger "entry" is not ours
MAX_ENTRY_DEPTH = 48  # the deepest entry written is about a dozen levels


@dataclass(frozen=True)
class FileStore:
    """Picklable (it travels to worker processes): a folder's handle, and what its keys are prefixed with."""

    handle: Folder
    prefix: str = ""  # e.g. the code that derived what is stored

    @classmethod
    def open(cls, folder: Path, prefix: str = "") -> FileStore:
        """Raises OSError unless ``folder`` is (or can be made) a private folder of this user."""
        return cls(Folder.open(folder, user_key()), prefix)

    @property
    def folder(self) -> Path:
        return self.handle.path

    def get(self, key: str) -> Any | None:
        try:
            data = self.handle.get(self._name(key), MAX_ENTRY_BYTES, MAX_ENTRY_DEPTH)
        except (OSError, ValueError, RecursionError):
            return None  # no entry, or a damaged one: a miss, overwritten by the next put
        return data["value"] if isinstance(data, dict) and data.get("key") == key and "value" in data else None

    def put(self, key: str, value: Any) -> None:
        import json

        text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
        self.handle.put(self._name(key), text.encode("utf-8", "surrogatepass"))

    def _name(self, key: str) -> str:
        return hashlib.sha256(f"{self.prefix}\0{key}".encode("utf-8", "surrogatepass")).hexdigest()

    def _path(self, key: str) -> Path:
        """Where the entry of ``key`` lies (for a person, or a test; the store reads through its handle)."""
        name = self._name(key)
        return self.folder / name[:2] / name[2:]
