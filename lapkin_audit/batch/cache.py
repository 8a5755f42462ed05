"""The incremental cache: a dossier whose inputs have not changed is not audited again.

A result depends on the manifest's bytes, on what the checks were told about each
attachment it names (``attachments.inspect``: status and SHA-256), on the rules files,
on the code and its dependencies, and on the options that shape the report (language,
``--select``/``--ignore``). So:

- the *run key* hashes everything that is the same for every dossier of a run: tool
  version, a fingerprint of the package's source files (an editable install changes
  code without changing the version), dependency versions, the options, and the bytes
  of every SOP and calendar file the run loaded;
- an *entry key* hashes the run key, the dossier's display path and its manifest bytes;
- the entry stores the result and the attachment facts the checks saw. A lookup
  inspects those attachments again (their bytes are hashed again) and uses the entry
  only if every fact is unchanged.

Entries are small JSON files (never pickle: a cache folder must not be able to run
code) under the cache folder, written atomically; anything unreadable is a miss.
Results that depend on more than these inputs are not stored: E000 (a checker bug) and
E001 (the manifest could not be read), and any dossier whose manifest was written just
before or during the run.
"""

from __future__ import annotations

import datetime as dt
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
from lapkin_audit.evidence.facts import NOT_KEPT
from lapkin_audit.evidence.read import ocr_fingerprint
from lapkin_audit.load import attachments, installed, yamlread
from lapkin_audit.load.discovery import Target
from lapkin_audit.load.private import private_folder, read_entry, write_entry
from lapkin_audit.load.safefile import sha256_of
from lapkin_audit.model import (
    AttachmentEvidence,
    Claim,
    DossierAbout,
    DossierResult,
    Evidence,
    Finding,
    Official,
    Periode,
    Severity,
    SignatureEvidence,
    StepTiming,
    Verdict,
)

# 2: timelines; 3: the dossier's own facts, fingerprints; 4: evidence; 5: signatures;
# 6: what signature blocks say; 7: a dossier without a periode, with what blocks say;
# 8: what the report says (content.md: the `content` record)
FORMAT = "lapkin-audit-cache/8"
ENV_DIR = "LAPKIN_AUDIT_CACHE_DIR"
DEPENDENCIES = (
    *("PyYAML", "Cerberus", "pendulum", "holidays"),
    *("pypdfium2", "python-docx", "Pillow", "tesserocr", "lxml"),
    *("pyHanko", "pyhanko-certvalidator", "asn1crypto", "zxing-cpp"),
    *("pdfplumber", "pdfminer.six", "openpyxl", "Babel", "rapidfuzz"),  # content.md: tables, figures
)
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
    parts = {"format": FORMAT, "tool": __version__, "code": _code_fingerprint(), "python": sys.version}
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
    """Picklable (it travels to worker processes): a folder, a run key and a start time."""

    folder: Path
    key: str
    started_ns: int  # files modified after this may have changed under the audit
    derived: DerivedStore | None = None  # what the code derives from rules and libraries, kept across runs

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
        results, derived = private_folder(base / "results"), private_folder(base / "derived")
        code = code_key()
        return cls(results, run_key(rule_files, lang, select, ignore, code), started, DerivedStore(derived, code))

    def audit(
        self, target: Target, compute: Callable[[dict[str, Any]], DossierResult], looked_up: bool = False
    ) -> DossierResult:
        """The cached result of ``target`` if its inputs are unchanged, else ``compute(seen)``, stored.

        ``compute`` fills ``seen`` with the attachment facts the checks used (field -> Attachment).
        ``looked_up``: the caller already had ``lookup`` miss, so do not look again.
        """
        entry = self._entry(target)
        if entry is None:
            return compute({})  # E001: nothing to key on
        cached = None if looked_up else self._load(entry, target)
        if cached is not None:
            return cached
        seen: dict[str, attachments.Attachment] = {}
        result = compute(seen)
        if not any(f.rule in UNCACHEABLE_RULES for f in result.findings) and not _gave_up(result):
            self._store(entry, target, seen, result)
        return result

    def lookup(self, target: Target) -> DossierResult | None:
        """The cached result of ``target`` if its inputs are unchanged; never audits."""
        entry = self._entry(target)
        return None if entry is None else self._load(entry, target)

    # ----------------------------------------------------------------------- lookup

    def _entry(self, target: Target) -> Path | None:
        manifest = yamlread.read_text(target.manifest)
        if isinstance(manifest, yamlread.ReadProblem):
            return None
        digest = hashlib.sha256(f"{self.key}\0{target.display}\0".encode("utf-8", "surrogatepass"))
        digest.update(manifest.encode("utf-8"))
        name = digest.hexdigest()
        return self.folder / name[:2] / name[2:]

    def _load(self, entry: Path, target: Target) -> DossierResult | None:
        try:
            data = _read_entry(entry)
            if data["format"] != FORMAT:
                return None
            folder = target.manifest.parent
            root = os.path.realpath(folder) if data["attachments"] else ""
            for recorded in data["attachments"]:
                berkas, status, digest = recorded[1], recorded[2], recorded[3]
                same = attachments.still_the_same(root, berkas, digest) if status == "ok" else None
                if same is None:  # not the plain case: ask what the checks asked
                    again = attachments.inspect(folder, recorded[1], declared_sha256=recorded[6])
                    same = _facts(again, recorded[0]) == recorded
                if not same:
                    return None
            return _result_from_json(target.display, data["result"])
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
            return None  # no entry, or a damaged one: a miss, overwritten by the store

    # ----------------------------------------------------------------------- store

    def _store(
        self, entry: Path, target: Target, seen: dict[str, attachments.Attachment], result: DossierResult
    ) -> None:
        if self._written_during_run(target.manifest):
            return
        data = {
            "format": FORMAT,
            "attachments": [_facts(found, field) for field, found in seen.items()],
            "result": _result_to_json(result),
        }
        _write_entry(entry, data)

    def _written_during_run(self, manifest: Path) -> bool:
        """The key hashed the manifest as read before the audit, which read it again: if it
        may have been written in between, the two could differ, so the result is not stored
        (as git treats "racily clean" files). The attachment facts need no such care: they
        are the very ones the checks saw.
        """
        try:
            return os.stat(manifest).st_mtime_ns >= self.started_ns - RACY_NS
        except OSError:
            return True


def _gave_up(result: DossierResult) -> bool:
    """An attachment the reader gave up on for a reason that may be the machine's (a budget,
    a crash): the next run reads it again rather than serve the failure from the cache."""
    found = result.evidence.attachments if result.evidence is not None else ()
    return any(attachment.problem in NOT_KEPT for attachment in found)


@dataclass(frozen=True)
class DerivedStore:
    """Tables the code derives from its rules and libraries (the validated rules, each
    year's national holidays), kept across runs so that a hook's start does not rebuild
    them: keyed by the code that derived them (``code_key``) and by what they came from.
    Same trust as results: JSON only, read bounded, written atomically; damage is a miss."""

    folder: Path
    code: str

    def get(self, key: str) -> Any | None:
        try:
            data = _read_entry(self._entry(key))
            return data["value"] if isinstance(data, dict) and data.get("key") == key else None
        except (OSError, ValueError, KeyError):
            return None

    def put(self, key: str, value: Any) -> None:
        _write_entry(self._entry(key), {"key": key, "value": value})

    def _entry(self, key: str) -> Path:
        name = hashlib.sha256(f"{self.code}\0{key}".encode()).hexdigest()
        return self.folder / name[:2] / name[2:]


def _write_entry(entry: Path, data: Any) -> None:
    write_entry(entry, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a result is a few KB; a bigger "entry" is not ours
MAX_ENTRY_DEPTH = 32  # the deepest entry we write is about 6 levels


def _read_entry(entry: Path) -> Any:
    return read_entry(entry, MAX_ENTRY_BYTES, MAX_ENTRY_DEPTH)


def _facts(found: attachments.Attachment, field: str) -> list[Any]:
    return [
        field,
        found.berkas,
        found.status,
        found.sha256,
        found.reason,
        found.error,
        found.declared_sha256,
        found.suggestion,
    ]


def _result_to_json(result: DossierResult) -> dict[str, Any]:
    findings = [
        [f.rule, f.severity.value, f.message, f.step, f.field, f.line, f.waived, f.waiver_reason, f.fingerprint]
        for f in result.findings
    ]
    timeline = [
        [
            t.nomor,
            t.kegiatan,
            t.mulai.isoformat(),
            t.selesai.isoformat(),
            t.worked,
            t.standard,
            t.standard_text,
            t.waited,
            t.field,
        ]
        for t in result.timeline
    ]
    about = result.about
    facts = None
    if about is not None:
        periode = None if about.periode is None else [about.periode.tahun, about.periode.jenis, about.periode.ke]
        facts = [about.instansi, periode, [[o.role, o.nama, o.status] for o in about.pejabat]]
    evidence = None
    if result.evidence is not None:
        evidence = [
            [
                [
                    a.field,
                    a.jenis,
                    a.berkas,
                    a.sha256,
                    a.format,
                    a.pages,
                    a.text_source,
                    a.ocr_confidence,
                    a.problem,
                    [
                        [s.field_name, s.signer, s.time, s.time_basis, s.status, list(s.partial), s.proves]
                        for s in a.signatures
                    ],
                ]
                for a in result.evidence.attachments
            ],
            [[c.claim, c.field, c.subject, c.level, c.berkas, c.block] for c in result.evidence.claims],
        ]
    return {
        "sop": result.sop,
        "verdict": result.verdict.value,
        "findings": findings,
        "timeline": timeline,
        "about": facts,
        "evidence": evidence,
        "content": result.content,  # content.md: already plain data
    }


def _attachment(row: list[Any]) -> AttachmentEvidence:
    field, jenis, berkas, sha256, fmt, pages, source, confidence, problem, signatures = row
    found = tuple(_signature(s) for s in signatures)
    return AttachmentEvidence(field, jenis, berkas, sha256, fmt, pages, source, confidence, problem, found)


def _signature(row: list[Any]) -> SignatureEvidence:
    field_name, signer, time, basis, status, partial, proves = row
    return SignatureEvidence(field_name, signer, time, basis, status, tuple(partial), proves)


def _result_from_json(path: str, data: dict[str, Any]) -> DossierResult:
    findings = tuple(
        Finding(rule, Severity(severity), message, step, field, line, waived, reason, fingerprint)
        for rule, severity, message, step, field, line, waived, reason, fingerprint in data["findings"]
    )
    timeline = tuple(
        StepTiming(
            nomor,
            kegiatan,
            dt.datetime.fromisoformat(mulai),
            dt.datetime.fromisoformat(selesai),
            worked,
            standard,
            text,
            waited,
            field,
        )
        for nomor, kegiatan, mulai, selesai, worked, standard, text, waited, field in data["timeline"]
    )
    about = None
    if data["about"] is not None:
        instansi, periode, pejabat = data["about"]
        officials = tuple(Official(role, nama, status) for role, nama, status in pejabat)
        about = DossierAbout(instansi, None if periode is None else Periode(*periode), officials)
    evidence = None
    if data["evidence"] is not None:
        found, claims = data["evidence"]
        evidence = Evidence(
            tuple(_attachment(row) for row in found),
            tuple(Claim(*row) for row in claims),
        )
    content = data["content"]
    if content is not None and not isinstance(content, dict):
        raise ValueError("bad content")
    return DossierResult(path, data["sop"], Verdict(data["verdict"]), findings, timeline, about, evidence, content)
