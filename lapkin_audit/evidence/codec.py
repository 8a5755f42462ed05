"""The evidence child's wire format, and the JSON form of facts, in one place.

A request (parent to child, on standard input): an 8-byte big-endian length, a JSON
header (the wire version, the OCR model's folder, the OCR workers, the limits, the trust
roots and revocation lists in base64, each document's SHA-256 and size, and the SHA-256s
of the documents whose tables are wanted), then the documents' bytes one after the other.

The answer (child to parent, on standard output): one JSON message a line, ASCII only,
flushed as it is written, so that what a child finished before it was stopped is kept:

- ``{"reading": i, "cpu": s}``: document ``i`` is being read with a CPU budget of ``s``
  seconds (sent again when its page count raises the budget); a child that dies now died
  on document ``i``, which is not read again;
- ``{"facts": {...}}``: the facts of the next document, in the request's order.

Facts are decoded strictly: every field's type and range is checked, and anything else
(``Infinity``, a float for a count, a wrong shape) raises ValueError. The facts cache
stores the same JSON form, so a damaged entry is a miss, always.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lapkin_audit.domain.content.model import Cell, Row, Table
from lapkin_audit.evidence.facts import FORMATS, NOT_A_DOCUMENT, NOT_READ, TABLES_PROBLEMS, DocumentFacts, TextPiece
from lapkin_audit.evidence.limits import Limits
from lapkin_audit.evidence.signatures import signature_from_json

WIRE = "lapkin-audit-evidence/4"
MAX_HEADER = 256 * 1024 * 1024  # trust lists are data: a national revocation list can be large


@dataclass(frozen=True)
class Request:
    tessdata: str | None
    ocr_workers: int
    limits: Limits
    roots: tuple[bytes, ...]
    crls: tuple[bytes, ...]
    documents: tuple[tuple[str, bytes], ...]  # (sha256, bytes)
    tables: frozenset[str] = frozenset()  # the documents (by SHA-256) whose tables are wanted


def encode_request(request: Request) -> bytes:
    header = {
        "wire": WIRE,
        "tessdata": request.tessdata,
        "ocr_workers": request.ocr_workers,
        "limits": dataclasses.asdict(request.limits),
        "roots": [base64.b64encode(r).decode("ascii") for r in request.roots],
        "crls": [base64.b64encode(c).decode("ascii") for c in request.crls],
        "documents": [[sha256, len(data)] for sha256, data in request.documents],
        "tables": sorted(request.tables),
    }
    body = json.dumps(header, allow_nan=False).encode("ascii")
    return b"".join([len(body).to_bytes(8, "big"), body, *(data for _, data in request.documents)])


def decode_request(raw: bytes) -> Request:
    """Raises ValueError on anything ``encode_request`` did not write."""
    size = int.from_bytes(raw[:8], "big")
    if size > min(MAX_HEADER, len(raw) - 8):
        raise ValueError("bad request header")
    try:
        header = json.loads(raw[8 : 8 + size], parse_constant=_no_constant)
        if header["wire"] != WIRE:
            raise ValueError(f"wire format {header['wire']!r}, expected {WIRE}")
        limits = Limits(**header["limits"])
        documents, at = [], 8 + size
        for sha256, length in header["documents"]:
            if not isinstance(sha256, str) or not _count(length) or at + length > len(raw):
                raise ValueError("bad document")
            documents.append((sha256, raw[at : at + length]))
            at += length
        tables, known = _list(header["tables"]), {sha256 for sha256, _ in documents}
        if not all(isinstance(sha256, str) and sha256 in known for sha256 in tables):
            raise ValueError("bad tables")
        return Request(
            header["tessdata"] or None,
            max(1, int(header["ocr_workers"])),
            limits,
            tuple(base64.b64decode(r) for r in header["roots"]),
            tuple(base64.b64decode(c) for c in header["crls"]),
            tuple(documents),
            frozenset(tables),
        )
    except ValueError:
        raise
    except Exception as exc:
        raise ValueError(f"bad request: {type(exc).__name__}") from exc


def reading(index: int, cpu: float) -> bytes:
    return json.dumps({"reading": index, "cpu": round(cpu, 3)}).encode("ascii") + b"\n"


def facts_message(facts: DocumentFacts) -> bytes:
    return json.dumps({"facts": facts_to_json(facts)}, ensure_ascii=True, allow_nan=False).encode("ascii") + b"\n"


def decode_message(line: bytes) -> tuple[str, Any]:
    """``("reading", (index, cpu))`` or ``("facts", DocumentFacts)``; ValueError otherwise."""
    try:
        data = json.loads(line, parse_constant=_no_constant)
        if "reading" in data:
            index, cpu = data["reading"], data["cpu"]
            if not _count(index) or not isinstance(cpu, (int, float)) or not math.isfinite(cpu) or cpu < 0:
                raise ValueError("bad reading message")
            return "reading", (index, float(cpu))
        return "facts", facts_from_json(data["facts"])
    except ValueError:
        raise
    except Exception as exc:
        raise ValueError(f"bad message: {type(exc).__name__}") from exc


# ----------------------------------------------------------------------------- facts


def facts_to_json(facts: DocumentFacts) -> dict[str, Any]:
    return {
        "sha256": facts.sha256,
        "format": facts.format,
        "pages": facts.pages,
        "pieces": [[p.page, p.source, p.text, p.confidence] for p in facts.pieces],
        "problem": facts.problem,
        "detail": facts.detail,
        "unread_pages": facts.unread_pages,
        "cut_chars": facts.cut_chars,
        "signatures": [s.as_json() for s in facts.signatures],
        "signature_problem": facts.signature_problem,
        "qr_codes": list(facts.qr_codes),
        "image_pages": list(facts.image_pages),
        "tables": [_table_to_json(table) for table in facts.tables],
        "picture_pages": list(facts.picture_pages),
        "tables_truncated": facts.tables_truncated,
        "tables_problem": facts.tables_problem,
    }


def facts_from_json(data: Any) -> DocumentFacts:
    """Raises ValueError on anything ``facts_to_json`` did not write (never anything else)."""
    try:
        return _facts(data)
    except ValueError:
        raise
    except Exception as exc:  # a wrong shape anywhere: KeyError, TypeError, OverflowError...
        raise ValueError(f"bad facts: {type(exc).__name__}") from exc


def _facts(data: Mapping[str, Any]) -> DocumentFacts:
    if not isinstance(data, Mapping):
        raise ValueError("not an object")
    pieces = []
    for piece in _list(data["pieces"]):
        page, source, text, confidence = _list(piece)
        if not _count(page) or source not in ("teks", "ocr") or not isinstance(text, str):
            raise ValueError("bad piece")
        if confidence is not None and not (_count(confidence) and confidence <= 100):
            raise ValueError("bad confidence")
        pieces.append(TextPiece(page, source, text, confidence))
    if data["problem"] not in (None, *NOT_A_DOCUMENT, *NOT_READ):
        raise ValueError("bad problem")
    if data["format"] not in (*FORMATS, "unknown"):
        raise ValueError("bad format")
    if data["pages"] is not None and not _count(data["pages"]):
        raise ValueError("bad pages")
    if not _count(data["unread_pages"]) or not _count(data["cut_chars"]):
        raise ValueError("bad count")
    texts = (data["sha256"], *(data[key] for key in ("detail", "signature_problem") if data[key] is not None))
    if not all(isinstance(text, str) for text in texts):
        raise ValueError("bad text")
    codes = _list(data["qr_codes"])
    if not all(isinstance(code, str) for code in codes):
        raise ValueError("bad QR codes")
    images = _list(data["image_pages"])
    if not all(_count(page) for page in images):
        raise ValueError("bad image pages")
    pictures = _list(data["picture_pages"])
    if not all(_count(page) for page in pictures):
        raise ValueError("bad picture pages")
    if not isinstance(data["tables_truncated"], bool) or data["tables_problem"] not in (None, *TABLES_PROBLEMS):
        raise ValueError("bad tables' outcome")
    return DocumentFacts(
        data["sha256"],
        data["format"],
        data["pages"],
        tuple(pieces),
        data["problem"],
        data["detail"],
        data["unread_pages"],
        tuple(signature_from_json(s) for s in _list(data["signatures"])),
        data["signature_problem"],
        tuple(codes),
        data["cut_chars"],
        tuple(images),
        tuple(_table(table) for table in _list(data["tables"])),
        tuple(pictures),
        data["tables_truncated"],
        data["tables_problem"],
    )


def _table_to_json(table: Table) -> dict[str, Any]:
    return {
        "rows": [[row.page, [[cell.text, cell.confidence] for cell in row.cells]] for row in table.rows],
        "source": table.source,
        "caption": table.caption,
        "sheet": table.sheet,
        "truncated": table.truncated,
    }


def _table(data: Mapping[str, Any]) -> Table:
    if not isinstance(data, Mapping) or set(data) != {"rows", "source", "caption", "sheet", "truncated"}:
        raise ValueError("bad table")
    rows = []
    for row in _list(data["rows"]):
        page, cells = _list(row)
        if not _count(page):
            raise ValueError("bad row")
        parsed = []
        for cell in _list(cells):
            text, confidence = _list(cell)
            if not isinstance(text, str) or not (confidence is None or (_count(confidence) and confidence <= 100)):
                raise ValueError("bad cell")
            parsed.append(Cell(text, confidence))
        rows.append(Row(tuple(parsed), page))
    source, caption, sheet, truncated = data["source"], data["caption"], data["sheet"], data["truncated"]
    if source not in ("teks", "ocr") or not isinstance(caption, str) or not isinstance(truncated, bool):
        raise ValueError("bad table")
    if sheet is not None and not isinstance(sheet, str):
        raise ValueError("bad sheet")
    return Table(tuple(rows), source, caption, sheet, truncated)


def _count(value: object) -> bool:
    """A whole number of at least 0 (never a bool, a float or Infinity)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _list(value: object) -> Sequence[Any]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
