"""The folder of files every cache of a run is kept in (``model.Store``).

One JSON file per key, named by a hash of the key (and of what the store is for, so that
two stores never read each other's entries), read as a regular file only, bounded in size
and nesting, written atomically (``load.private``); anything unreadable is a miss. A
cluster could keep its caches in another store with the same two methods.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit.load.private import private_folder, read_entry, write_entry

MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a result is a few KB; a bigger "entry" is not ours
MAX_ENTRY_DEPTH = 48  # the deepest entry written is about a dozen levels


@dataclass(frozen=True)
class FileStore:
    """Picklable (it travels to worker processes): a folder, and what its keys are prefixed with."""

    folder: Path
    prefix: str = ""  # e.g. the code that derived what is stored

    @classmethod
    def open(cls, folder: Path, prefix: str = "") -> FileStore:
        """Raises OSError unless ``folder`` is (or can be made) a private folder of this user."""
        return cls(private_folder(folder), prefix)

    def get(self, key: str) -> Any | None:
        try:
            data = read_entry(self._path(key), MAX_ENTRY_BYTES, MAX_ENTRY_DEPTH)
        except (OSError, ValueError, RecursionError):
            return None  # no entry, or a damaged one: a miss, overwritten by the next put
        return data["value"] if isinstance(data, dict) and data.get("key") == key and "value" in data else None

    def put(self, key: str, value: Any) -> None:
        import json

        text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
        write_entry(self._path(key), text.encode("utf-8", "surrogatepass"))

    def _path(self, key: str) -> Path:
        name = hashlib.sha256(f"{self.prefix}\0{key}".encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / name[:2] / name[2:]
