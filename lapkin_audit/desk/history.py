"""Each audit made at the desk, remembered on this computer (SQLite in the user's data
folder), so that a dossier's temuan can be seen going down as it is fixed."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from lapkin_audit.model import DossierResult, finding_counts

ENV_DIR = "LAPKIN_AUDIT_DATA_DIR"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    folder TEXT NOT NULL,
    at TEXT NOT NULL,
    verdict TEXT NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    waived INTEGER NOT NULL,
    codes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_folder ON audit (folder, id);
"""


def data_dir() -> Path:
    """``$LAPKIN_AUDIT_DATA_DIR``, else the per-user data folder of the platform."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "lapkin-audit"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "lapkin-audit"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "lapkin-audit"


@dataclass(frozen=True)
class Entry:
    at: str
    verdict: str
    errors: int
    warnings: int
    waived: int
    codes: str


class History:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "riwayat.sqlite3"
        with closing(self._connect()) as db, db:
            db.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def record(self, folder: Path, result: DossierResult, at: dt.datetime | None = None) -> None:
        counts = finding_counts([result])
        codes = " ".join(sorted({f.rule for f in result.findings if not f.waived}))
        when = (at or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
        row = (str(folder), when, result.verdict.value, counts["error"], counts["warning"], counts["waived"], codes)
        with closing(self._connect()) as db, db:
            db.execute(
                "INSERT INTO audit (folder, at, verdict, errors, warnings, waived, codes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )

    def of(self, folder: Path, limit: int = 200) -> list[Entry]:
        """The dossier's audits, newest first."""
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT at, verdict, errors, warnings, waived, codes FROM audit"
                " WHERE folder = ? ORDER BY id DESC LIMIT ?",
                (str(folder), limit),
            ).fetchall()
        return [Entry(*row) for row in rows]
