"""The incremental cache: a dossier whose inputs have not changed is not audited again.

A result depends on the manifest's bytes, on what the checks were told about each
attachment it names (``model.Attachment``: status and SHA-256), on the rules files,
on the code and its dependencies, and on the options that shape the report (language,
``--select``/``--ignore``, the dossier's per-path ignores). So:

- the *run key* hashes everything that is the same for every dossier of a run: tool
  version, a fingerprint of the package's source files (an editable install changes
  code without changing the version), dependency versions, the options, and the bytes
  of every SOP and calendar file the run loaded;
- an *entry key* hashes the run key, the dossier's display path, its per-path ignores
  and its manifest bytes;
- the entry stores the result and the attachment facts the checks saw. A lookup has the
  gather stage inspect those attachments again (their bytes are hashed again) and uses
  the entry only if every fact is unchanged. The cache itself reads no dossier file.

Entries are kept in a store (``model.Store``; the folder of files, ``batch.store``) in the
model's codec (``model.codec``; never pickle: a cache must not be able to run code);
anything unreadable, damaged or of another codec version is a miss.
Results that depend on more than these inputs are not stored: E000 (a checker bug) and
E001 (the manifest could not be read), and any dossier whose manifest was written just
before or during the run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit import __version__
from lapkin_audit.batch.store import FileStore
from lapkin_audit.evidence.cache import LIBRARIES
from lapkin_audit.evidence.facts import NOT_KEPT
from lapkin_audit.evidence.read import ocr_fingerprint
from lapkin_audit.gather.dossier import manifest_text, unchanged
from lapkin_audit.load import installed
from lapkin_audit.load.discovery import Target
from lapkin_audit.load.private import private_folder
from lapkin_audit.load.safefile import sha256_of
from lapkin_audit.model import Attachment, DossierResult, Store, codec


@dataclass(frozen=True)
class Entry:
    """What a stored result rests on besides its key: the attachment facts the checks saw."""

    attachments: tuple[Attachment, ...]
    result: DossierResult


ENV_DIR = "LAPKIN_AUDIT_CACHE_DIR"
# The libraries whose versions a result depends on: those that read the manifest and the
# rules and count working time, those that compare the report's figures (content.md), and
# those that read the attachments (evidence.cache keeps that list, for the facts cache).
# The others only present results or choose which dossiers a run audits (dulwich, for
# --changed-since); tests/test_cache.py holds setup.cfg to these two lists.
DEPENDENCIES = ("PyYAML", "Cerberus", "pendulum", "holidays", "rapidfuzz", *LIBRARIES)
PRESENTATION = ("click", "tabulate", "jinja2", "ruamel.yaml", "dulwich")
UNCACHEABLE_RULES = ("E000", "E001")
# File clocks are coarse (a few ms on Linux, 1-2 s on some file systems): a manifest whose
# mtime is this close to the start of the run may have been written during it.
RACY_NS = 1_000_000_000


def default_dir() -> Path:
    """``$LAPKIN_AUDIT_CACHE_DIR``, else the per-user cache folder of the platform."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "lapkin-audit" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "lapkin-audit"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lapkin-audit"


def code_key() -> str:
    """The code that computes: the tool, its source files, Python and the dependencies."""
    parts = {"codec": codec.VERSION, "tool": __version__, "code": _code_fingerprint(), "python": sys.version}
    parts["dependencies"] = ",".join(dependency_versions())
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def dependency_versions() -> list[str]:
    """The installed versions of DEPENDENCIES (load.installed: without importlib.metadata)."""
    return installed.versions(DEPENDENCIES)


def run_key(
    rule_files: tuple[Path, ...], lang: str, select: tuple[str, ...], ignore: tuple[str, ...], code: str | None = None
) -> str:
    """Everything a result depends on that is the same for every dossier of the run."""
    parts = {
        "code": code or code_key(),
        # A scan's findings change when OCR is installed (B006 -> read): its model is an input.
        "ocr": ocr_fingerprint(),
        "lang": lang,
        "select": list(select),
        "ignore": list(ignore),
        # In load order: a later file overrides an earlier one with the same id.
        "rules": [(path.name, sha256_of(path)) for path in rule_files],  # a FIFO among them cannot hang it
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _code_fingerprint() -> str:
    """Names, sizes and mtimes of the package's source files (cheap: stat only)."""
    root = Path(__file__).resolve().parent.parent  # lapkin_audit/, from lapkin_audit/batch/
    entries = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                entries.append(f"{os.path.relpath(os.path.join(folder, name), root)}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(entries).encode()).hexdigest()


@dataclass(frozen=True)
class ResultCache:
    """Picklable (it travels to worker processes): a store, a run key and a start time."""

    store: Store
    key: str
    started_ns: int  # files modified after this may have changed under the audit
    derived: Store | None = None  # what the code derives from rules and libraries, kept across runs

    @classmethod
    def open(
        cls, folder: Path, rule_files: tuple[Path, ...], lang: str, select: tuple[str, ...], ignore: tuple[str, ...]
    ) -> ResultCache:
        """Raises OSError if the folder cannot be made, or is not safe (the caller runs without a cache).

        Safe: the cache folder and its ``results`` folder are real folders (not links),
        owned by this user, and writable by no one else. In a folder others can write (a
        shared temporary folder on a CI runner) they could plant entries that turn a
        verdict green, or links that make a store overwrite this user's files.
        """
        started = time.time_ns()
        base = private_folder(Path(folder))
        code = code_key()
        results, derived = FileStore.open(base / "results"), FileStore.open(base / "derived", code)
        return cls(results, run_key(rule_files, lang, select, ignore, code), started, derived)

    @property
    def folder(self) -> Path:
        """The cache folder (where the facts cache lives too), for a store of files."""
        return self.store.folder if isinstance(self.store, FileStore) else Path(".")

    def audit(
        self,
        target: Target,
        compute: Callable[[dict[str, Any]], DossierResult],
        looked_up: bool = False,
        ignored: tuple[str, ...] = (),
    ) -> DossierResult:
        """The cached result of ``target`` if its inputs are unchanged, else ``compute(seen)``, stored.

        ``compute`` fills ``seen`` with the attachment facts the checks used (field -> Attachment).
        ``looked_up``: the caller already had ``lookup`` miss, so do not look again.
        ``ignored``: the codes left out for this dossier only (its per-path ignores).
        """
        entry = self._entry(target, ignored)
        if entry is None:
            return compute({})  # E001: nothing to key on
        cached = None if looked_up else self._load(entry, target)
        if cached is not None:
            return cached
        seen: dict[str, Attachment] = {}
        result = compute(seen)
        if (
            not any(f.rule in UNCACHEABLE_RULES for f in result.findings)
            and not self._written_during_run(target)
            and not _gave_up(result)
        ):
            self.store.put(entry, codec.wrap(Entry(tuple(seen.values()), result)))
        return result

    def lookup(self, target: Target, ignored: tuple[str, ...] = ()) -> DossierResult | None:
        """The cached result of ``target`` if its inputs are unchanged; never audits."""
        entry = self._entry(target, ignored)
        return None if entry is None else self._load(entry, target)

    def _entry(self, target: Target, ignored: tuple[str, ...]) -> str | None:
        manifest = manifest_text(target.manifest)
        if manifest is None:
            return None
        head = f"{self.key}\0{target.display}\0{','.join(ignored)}\0"
        digest = hashlib.sha256(head.encode("utf-8", "surrogatepass"))
        digest.update(manifest.encode("utf-8"))
        return digest.hexdigest()

    def _load(self, entry: str, target: Target) -> DossierResult | None:
        found = codec.unwrap(Entry, self.store.get(entry))
        if found is None or not unchanged(target.manifest.parent, found.attachments):
            return None  # none, damaged, foreign or another version; or an attachment changed
        return found.result

    def _written_during_run(self, target: Target) -> bool:
        """The key hashed the manifest as read before the audit, which read it again: if it
        may have been written in between, the two could differ, so the result is not stored
        (as git treats "racily clean" files). The attachment facts need no such care: they
        are the very ones the checks saw.
        """
        try:
            return os.stat(target.manifest).st_mtime_ns >= self.started_ns - RACY_NS
        except OSError:
            return True


def _gave_up(result: DossierResult) -> bool:
    """An attachment the reader gave up on for a reason that may be the machine's (a budget,
    a crash): the next run reads it again rather than serve the failure from the cache."""
    found = result.evidence.attachments if result.evidence is not None else ()
    return any(attachment.problem in NOT_KEPT for attachment in found)
