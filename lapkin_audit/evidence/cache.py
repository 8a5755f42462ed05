"""The facts cache: what was read from a content, kept by its SHA-256 across dossiers and runs.

One JSON file per content and OCR set-up under ``<cache folder>/facts/``, with the trust
rules of the result cache (``load.private``). The key hashes the content's SHA-256, the
reader's version (``READER``), the versions of the libraries the readers depend on
(``evidence.readers``), the OCR model and whether the tables were read (content.md), so a
new reader or model reads again. An entry
is decoded strictly (``evidence.codec``): a damaged or foreign entry, whatever it holds
(``Infinity``, a wrong type, a wrong shape), is a miss, overwritten by the next store.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from lapkin_audit.evidence.codec import facts_from_json, facts_to_json
from lapkin_audit.evidence.facts import DocumentFacts
from lapkin_audit.evidence.readers import depends
from lapkin_audit.load import installed
from lapkin_audit.load.private import private_folder, read_entry, write_entry

# Change when the child reads differently (3: text as printed, budgets; 4: image pages and
# the signatures' revocation time; 5: both together; 6: tables, XLSX).
READER = "lapkin-audit-facts/6"
SIGNATURES = ("pyHanko", "pyhanko-certvalidator", "asn1crypto")  # what evidence.signatures reads with
LIBRARIES = (*depends(), *SIGNATURES)
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # the text of a few hundred pages
MAX_ENTRY_DEPTH = 8


def _versions() -> str:
    return ",".join(installed.versions(LIBRARIES))


@dataclass(frozen=True)
class FactsCache:
    """Picklable (it travels to worker processes): the folder of the entries."""

    folder: Path
    versions: str

    @classmethod
    def open(cls, base: Path) -> FactsCache:
        """Raises OSError if the folder cannot be made or is not safe (then no cache is used)."""
        private_folder(Path(base))
        return cls(private_folder(Path(base) / "facts"), _versions())

    def _entry(self, sha256: str, ocr: str, tables: bool = False) -> Path:
        read = "tables" if tables else "text"
        name = hashlib.sha256(f"{READER}\0{self.versions}\0{ocr}\0{read}\0{sha256}".encode()).hexdigest()
        return self.folder / name[:2] / name[2:]

    def load(self, sha256: str, ocr: str, tables: bool = False) -> DocumentFacts | None:
        try:
            data = read_entry(self._entry(sha256, ocr, tables), MAX_ENTRY_BYTES, MAX_ENTRY_DEPTH)
            facts = facts_from_json(data)
        except (OSError, ValueError, RecursionError):  # the codec raises ValueError for any damage
            return None
        return facts if facts.sha256 == sha256 else None

    def store(self, facts: DocumentFacts, ocr: str, tables: bool = False) -> None:
        text = json.dumps(facts_to_json(facts), ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "surrogatepass"
        )
        write_entry(self._entry(facts.sha256, ocr, tables), text)
