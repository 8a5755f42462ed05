"""A run's session: everything one run owns, and nothing a module keeps.

The rules (read when a dossier first needs them), the scope of the rules judged, the time
budget of a dossier, the caches (results, attachment facts, derived tables) and the tools
the stages borrow (the dossier format's validator, the prepared texts of attachments, the
reader of attachments). A front end makes one per run (``api.run``); a worker process or a
cluster's worker gets a copy, without what only its maker may use. A session is used by one
thread at a time: a server audits two requests with two sessions.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lapkin_audit.batch.cache import ResultCache
from lapkin_audit.budget import Deadline
from lapkin_audit.decide.judge import Scope, reads_evidence, table_kinds
from lapkin_audit.evidence.read import Reader
from lapkin_audit.gather.dossier import Reading
from lapkin_audit.load.manifest_schema import FastFirstValidator
from lapkin_audit.load.sop import Rulebook
from lapkin_audit.model import Sop, Store


class LazyRulebook:
    """The rulebook, read when a dossier first needs it: a re-run answered wholly from the
    cache never parses or validates the rules (its key hashes their bytes, from ``files``).

    Results are stored only after the rules loaded, so a cache hit implies rules files,
    byte for byte, that loaded once with this very code: a broken file is still reported
    (RulesError) on the first dossier that has to be audited.
    """

    def __init__(self, extra_dirs: Iterable[Path] = (), kept: Store | None = None) -> None:
        self.extra_dirs = tuple(extra_dirs)
        self.kept = kept  # rules validated, and holidays built, by earlier runs (load.kept)
        self._loaded: Rulebook | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        if self._loaded is not None:
            return self._loaded.files
        from lapkin_audit.load.sop import bundled_rules_dir, rules_files

        # The files load_rulebook reads, in its order (tests/test_cache.py keeps them in step).
        folders = (bundled_rules_dir(), *self.extra_dirs)
        return tuple(path for folder in folders for path in rules_files(folder))

    @property
    def sops(self) -> Mapping[str, Sop]:
        return self.load().sops

    def load(self) -> Rulebook:
        if self._loaded is None:
            from lapkin_audit.load.sop import load_rulebook

            self._loaded = load_rulebook(self.extra_dirs, self.kept)
        return self._loaded


@dataclass
class Session:
    """What one run owns (see the module). ``reader`` reads the attachments (``evidence.read``:
    its limits, the facts cache, its memo and its warm process); ``close()`` ends its process,
    and so does the end of the run (``api.Run.close``) or of a worker process."""

    rulebook: Rulebook | LazyRulebook
    scope: Scope = field(default_factory=Scope)
    budget: float = 60.0  # CPU seconds one dossier may take (0: none); ``budget.Deadline``
    cache: ResultCache | None = None
    reader: Reader | None = None  # None: each dossier is read by a reader of its own
    # Owned, and left behind when the session is copied to another process (see __getstate__).
    _validator: FastFirstValidator | None = field(default=None, init=False, repr=False)
    _texts: dict[tuple[object, ...], Any] = field(default_factory=dict, init=False, repr=False)
    _shared: OrderedDict[tuple[object, ...], Any] = field(default_factory=OrderedDict, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.cache is not None and self.cache.derived is not None and isinstance(self.rulebook, LazyRulebook):
            # Validated rules and each year's holidays from earlier runs, kept for later ones:
            # a one-dossier run (a pre-commit hook) then imports neither cerberus nor holidays.
            self.rulebook.kept = self.cache.derived

    @property
    def sops(self) -> Mapping[str, Sop]:
        return self.rulebook.sops

    def deadline(self) -> Deadline:
        """A fresh budget for the next dossier, counted in this thread's CPU time."""
        return Deadline(self.budget)

    def reading(self, scope: Scope, deadline: Deadline) -> Reading:
        """What the gather stage is to read for a dossier judged by ``scope``, and what it borrows."""
        if self._validator is None:
            self._validator = FastFirstValidator()
        evidence, tables = reads_evidence(scope), table_kinds(scope)
        return Reading(evidence, tables, self.reader, self._validator, self._texts, self._shared, deadline)

    def close(self) -> None:
        """End what the session started (the reader's warm process); a later dossier starts it again."""
        if self.reader is not None:
            self.reader.close()

    def loaded(self) -> Session:
        """A copy of this session with its rules read: what a pool of workers receives, once each."""
        rulebook = self.rulebook.load() if isinstance(self.rulebook, LazyRulebook) else self.rulebook
        return dataclasses.replace(self, rulebook=rulebook)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.update(_validator=None, _texts={}, _shared=OrderedDict())  # built again where the copy is used
        if self.reader is not None:  # the copy starts its own warm process (evidence.warm.Warm travels without one)
            state["reader"] = dataclasses.replace(self.reader, memo=OrderedDict())
        return state
