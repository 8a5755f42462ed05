"""The facts cache: what was read from a content, kept by its SHA-256 across dossiers and runs.

One JSON file per content and OCR set-up under ``<cache folder>/facts/``, with the trust
rules of the result cache (``load.private``: a folder used through its handle, entries
under an HMAC of this user's key). The key hashes the content's SHA-256, the
reader's version (``READER``), the library versions and the OCR model, so a new reader or
model reads again. A damaged or foreign entry is a miss, overwritten by the next store.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from lapkin_audit.evidence.facts import DocumentFacts, facts_from_json
from lapkin_audit.load import installed
from lapkin_audit.load.private import Folder, user_key

READER = "lapkin-audit-facts/2"  # change when the child reads differently
LIBRARIES = (
    *("pypdfium2", "python-docx", "Pillow", "tesserocr", "lxml"),
    *("pyHanko", "pyhanko-certvalidator", "asn1crypto", "zxing-cpp"),  # signatures and QR codes
)
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # the text of a few hundred pages
MAX_ENTRY_DEPTH = 8


def _versions() -> str:
    return ",".join(installed.versions(LIBRARIES))


@dataclass(frozen=True)
class FactsCache:
    """Picklable (it travels to worker processes): the handle of the entries' folder."""

    handle: Folder
    versions: str

    @classmethod
    def open(cls, base: Path | Folder) -> FactsCache:
        """Raises OSError if the folder cannot be made or is not safe (then no cache is used).
        ``base`` is the cache folder, or its handle (the result cache's)."""
        folder = base if isinstance(base, Folder) else Folder.open(Path(base), user_key())
        return cls(folder.child("facts"), _versions())

    def _entry(self, sha256: str, ocr: str) -> str:
        return hashlib.sha256(f"{READER}\0{self.versions}\0{ocr}\0{sha256}".encode()).hexdigest()

    def _path(self, sha256: str, ocr: str) -> Path:
        """Where an entry lies (for a person, or a test; the cache reads through its handle)."""
        name = self._entry(sha256, ocr)
        return self.handle.path / name[:2] / name[2:]

    def load(self, sha256: str, ocr: str) -> DocumentFacts | None:
        try:
            data = self.handle.get(self._entry(sha256, ocr), MAX_ENTRY_BYTES, MAX_ENTRY_DEPTH)
            facts = facts_from_json(data)
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None
        return facts if facts.sha256 == sha256 else None

    def store(self, facts: DocumentFacts, ocr: str) -> None:
        text = json.dumps(facts.as_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        self.handle.put(self._entry(facts.sha256, ocr), text)
