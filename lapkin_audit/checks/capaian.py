"""C — Capaian: the report's figures against their sources (content.md).

C001  an IKU (or Perjanjian Kinerja) indicator is not in the signed report's capaian table
C002  a target differs from the IKU or Perjanjian Kinerja (or those two differ)
C003  a realisasi differs from the Laporan Data Kinerja
C004  a printed capaian is not what its target and realisasi give under its formula
C005  the pagu or realisasi anggaran differs from the DPA or LRA, or its % from realisasi/pagu
C006  a part the report's kind requires is missing
C007  a figure of the distributed report differs from the signed report's
C008  content checked only in part (says which, and what stays unchecked)

The comparison itself is ``lapkin_audit.domain.content`` (pure functions); this module
gathers what the evidence stage read from each document (its tables and text) and names
the documents in the findings' words. A document another finding already reports as not
readable (B001, or B006 for a document needed as evidence) gets no C008 of its own.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from lapkin_audit.checks.bukti import needed_as_evidence
from lapkin_audit.checks.context import Context
from lapkin_audit.domain.content.compare import DISTRIBUTED, REPORTED, SIGNED, Documents
from lapkin_audit.domain.content.judge import ContentResult, judge
from lapkin_audit.domain.content.model import DocumentContent
from lapkin_audit.domain.content.read import document_content
from lapkin_audit.evidence.facts import NOT_A_DOCUMENT, DocumentFacts
from lapkin_audit.lang.messages import Where
from lapkin_audit.model import Violation

CODES = ("C001", "C002", "C003", "C004", "C005", "C006", "C007", "C008")
KINDS = {
    "dokumen_iku": "iku",
    "perjanjian_kinerja": "pk",
    "laporan_data_kinerja": "data",
    "laporan_realisasi_anggaran": "lra",
    "dpa": "dpa",
    SIGNED: "signed",
    DISTRIBUTED: "distributed",
}


def check(ctx: Context) -> Iterator[Violation]:
    for violation in content(ctx).violations:
        yield _worded(violation, ctx)


_LAST: list[tuple[Context, ContentResult]] = []  # the engine asks twice per dossier: findings, record


def content(ctx: Context) -> ContentResult:
    """The ``content`` record and the violations, from what the attachments said."""
    if _LAST and _LAST[0][0] is ctx:
        return _LAST[0][1]
    found = _judged(ctx)
    _LAST[:] = [(ctx, found)]
    return found


def _judged(ctx: Context) -> ContentResult:
    docs: dict[str, Any] = {}
    files: dict[str, str] = {}
    for doc in ctx.dossier.dokumen:
        role = KINDS.get(doc.jenis)
        if role is None or role in docs or doc.berkas is None:
            continue  # the first document of a kind is the one compared
        facts = ctx.evidence.get(doc.field)
        if facts is None:
            continue  # not read: missing, changed (K003, K004), or left out by --select
        formats = ctx.sop.document_kinds[doc.jenis].formats
        reported = (
            facts.problem in NOT_A_DOCUMENT
            or bool(formats and facts.format not in formats)  # B001: not a format its kind accepts
            or (needed_as_evidence(ctx, doc) and facts.text_source is None)  # B006
        )
        docs[role] = _content(doc.jenis, doc.field, facts, ctx.dossier.periode.tahun, reported)
        files[role] = facts.sha256
    if files.get("distributed") is not None and files.get("distributed") == files.get("signed"):
        docs.pop("distributed")  # the very same file: nothing can differ
    attached = tuple(doc.jenis for doc in ctx.dossier.dokumen if doc.berkas is not None)
    return judge(Documents(ctx.dossier.periode, **docs), ctx.sop.content, attached)


def record(ctx: Context) -> dict[str, Any]:
    """The report's ``content`` object: the content record, and the name of each document
    kind its figures come from (for a reader)."""
    found = content(ctx).as_json()
    kinds = ctx.sop.document_kinds
    found["documents"] = {kind: kinds[kind].name for kind in KINDS if kind in kinds}
    return found


_MEMO: OrderedDict[tuple[str, str, str, int, bool], DocumentContent] = OrderedDict()
MEMO_SIZE = 256  # documents kept: a batch shares its LRA, DPA and IKU across dossiers


def _content(kind: str, field: str, facts: DocumentFacts, year: int, reported: bool) -> DocumentContent:
    """``reported``: B001 or B006 already says the document could not be read. Remembered by
    the document's content (its SHA-256) and place in the manifest."""
    key = (kind, field, facts.sha256, year, reported)
    if key in _MEMO:
        _MEMO.move_to_end(key)
        return _MEMO[key]
    found = _read(kind, field, facts, year, reported)
    _MEMO[key] = found
    if len(_MEMO) > MEMO_SIZE:
        _MEMO.popitem(last=False)
    return found


def _read(kind: str, field: str, facts: DocumentFacts, year: int, reported: bool) -> DocumentContent:
    readable = not reported and (facts.problem is None or bool(facts.tables))
    problem = REPORTED if reported else facts.problem
    return document_content(
        kind,
        field,
        facts.tables,
        facts.text,
        year,
        readable=readable,
        complete=facts.complete,
        problem=problem,
        picture_pages=facts.picture_pages,
    )


def _worded(violation: Violation, ctx: Context) -> Violation:
    """Each figure's document named as the SOP names it, with its page."""
    args = dict(violation.args)
    kinds = ctx.sop.document_kinds
    for key in [k for k in args if k.endswith("_dokumen")]:
        prefix = key[: -len("_dokumen")]
        kind = args[key]
        name = kinds[kind].name if kind in kinds else str(kind or "-")
        page = args.get(f"{prefix}_halaman")
        args[f"{prefix}_nama"] = name
        args[f"{prefix}_di"] = Where(name, page if isinstance(page, int) else None)
    if "dokumen" in args:
        kind = args["dokumen"]
        args["dokumen_nama"] = kinds[kind].name if kind in kinds else str(kind)
    message = violation.message
    if message == "content.c001" and args.get("saran"):
        message = "content.c001.saran"
    return dataclasses.replace(violation, message=message, args=args)
