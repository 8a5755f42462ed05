"""Where data outlives a run: the protocol every cache of lapkin-audit is stored through."""

from __future__ import annotations

from typing import Any, Protocol


class Store(Protocol):
    """A keyed store of JSON values that outlive a run: the result cache's entries, the tables
    derived from rules and libraries (validated rules, each year's national holidays). The
    folder of files (``batch.store.FileStore``) is one; a cluster's shared store could be
    another. A miss (absent, damaged, foreign) is None; a failed ``put`` costs speed, never a
    result, so it never raises."""

    def get(self, key: str) -> Any | None: ...

    def put(self, key: str, value: Any) -> None: ...
