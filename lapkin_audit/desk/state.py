"""What one running desk knows: the dossiers it opened, the audits running and done, and
how it audits one (through the library). The pages and the routes read it; it reads none
of them."""

from __future__ import annotations

import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lapkin_audit import api
from lapkin_audit.desk import guard
from lapkin_audit.desk.history import History
from lapkin_audit.lang.desk import DESK
from lapkin_audit.model import Report


@dataclass
class Job:
    key: str
    started: float
    future: Future[Report]


@dataclass
class Desk:
    """What one running desk knows: the dossiers opened, the audits running and done."""

    root: Path
    lang: str = "id"
    data: Path = field(default_factory=lambda: Path("."))
    no_cache: bool = False
    rules: tuple[str, ...] = ()  # extra folders of SOP/calendar files, as check --rules
    csrf: str = field(default_factory=guard.new_token)
    dossiers: dict[str, Path] = field(default_factory=dict)
    jobs: dict[str, Job] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)
    executor: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(max_workers=1))

    def __post_init__(self) -> None:
        self.history = History(self.data)
        self.w = DESK["en" if self.lang == "en" else "id"]

    def register(self, folder: Path) -> str:
        folder = folder.resolve()
        key = hashlib.sha256(str(folder).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.dossiers[key] = folder
        return key

    def folder(self, key: str) -> Path | None:
        return self.dossiers.get(key)

    def audit(self, folder: Path) -> Report:
        """One dossier through the library, remembered in the history."""
        settings = api.Settings(lang=self.lang, jobs=1, no_cache=self.no_cache, rules_dirs=self.rules)
        with api.run([str(folder)], settings) as run:
            results = list(run.results())
            report = run.report(results, outlines=True)
        for result in results:
            self.history.record(folder, result)
        return report
