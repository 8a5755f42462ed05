"""Gathering one dossier: its manifest, the facts of its attachments, their content, its timeline.

The only place (with ``gather.evidence``) that reads a dossier's files: what follows judges
the frozen ``Gathered`` it returns. What is gathered beyond the manifest and the file facts
is asked for (``Reading``): the judge knows which rules are kept and what their families
need, so a run that leaves out every rule reading the attachments' content never opens one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit.budget import NO_DEADLINE, Deadline
from lapkin_audit.domain import timeline
from lapkin_audit.evidence.read import Reader, tessdata_dir
from lapkin_audit.gather.context import Context, Gathered
from lapkin_audit.gather.evidence import read_evidence
from lapkin_audit.load import attachments, manifest, yamlread
from lapkin_audit.load.manifest_schema import FastFirstValidator
from lapkin_audit.model import Attachment, Dossier, Sop


@dataclass(frozen=True)
class Reading:
    """What to gather besides the manifest, the attachments' file facts and the timeline, and
    what its owner (a run's session) lends the reading: nothing here outlives it."""

    evidence: bool = True  # the attachments' content (a kept rule's family needs it)
    # The document kinds whose tables are read with their text (the content checks compare them).
    table_kinds: frozenset[str] = frozenset()
    reader: Reader | None = None  # the attachments' reader, kept by the owner (None: one for this dossier)
    check: FastFirstValidator | None = None  # the dossier format's validator, kept by the owner
    texts: MutableMapping[tuple[object, ...], Any] | None = None  # prepared texts, kept by the owner
    shared: MutableMapping[tuple[object, ...], Any] | None = None  # what checks derive from contents, kept by the owner
    deadline: Deadline = NO_DEADLINE  # the dossier's budget, asked between the steps


def gather(manifest_path: Path, display_path: str, sops: Mapping[str, Sop], reading: Reading) -> Gathered:
    """The dossier of ``manifest_path``, gathered; E findings instead where it cannot be read
    that far. A failure of the checker itself past the manifest is recorded, with the SOP the
    dossier names, for the judge to report (E000); one before that is raised, as is
    ``OutOfTime`` when the budget is spent."""
    loaded = manifest.load(manifest_path, display_path, sops, reading.check)
    reading.deadline.check()
    if loaded.dossier is None or loaded.sop is None:
        return Gathered(display_path, loaded.sop_id, loaded.violations)
    found = loaded.dossier
    try:
        facts = inspect_attachments(found, reading.deadline)
        pointers = attachments.lfs_pointers(found, facts)
        if pointers is not None:  # E006: the documents are not in this checkout; nothing else is judged
            return Gathered(display_path, loaded.sop_id, (pointers,), dossier=found, attachments=facts)
        context = context_for(found, loaded.sop, reading, facts)
    except Exception as exc:  # a bug (or a library's): this dossier's finding, never the batch's end
        return Gathered(display_path, loaded.sop_id, failure=f"{type(exc).__name__}: {exc}")
    return Gathered(display_path, loaded.sop_id, context=context)


def inspect_attachments(found: Dossier, deadline: Deadline = NO_DEADLINE) -> dict[str, Attachment]:
    """What the file system says of every attachment (document field -> its status)."""
    root = os.path.realpath(found.folder)  # once per dossier, not per attachment
    facts = {}
    for doc in found.dokumen:
        if doc.berkas is not None:
            facts[doc.field] = attachments.inspect(found.folder, doc.berkas, root, doc.sha256)
            deadline.check()
    return facts


def context_for(found: Dossier, sop: Sop, reading: Reading, facts: Mapping[str, Attachment] | None = None) -> Context:
    """What the checks receive: ``facts`` are the attachments' file facts when already inspected."""
    facts = inspect_attachments(found, reading.deadline) if facts is None else facts
    evidence = {}
    if reading.evidence:
        tables = tables_wanted(found, facts, reading.table_kinds)
        if reading.reader is not None:
            evidence = read_evidence(found, facts, sop.tte, reading.reader, tables, reading.deadline)
        else:  # no owner lends one: a reader for this dossier alone, its process ended with it
            with Reader(tessdata=tessdata_dir()) as reader:
                evidence = read_evidence(found, facts, sop.tte, reader, tables, reading.deadline)
    timing = timeline.build(found, sop)
    reading.deadline.check()
    texts = reading.texts if reading.texts is not None else {}
    shared = reading.shared if reading.shared is not None else {}
    return Context(found, sop, facts, timing, evidence, texts, shared)


def tables_wanted(found: Dossier, facts: Mapping[str, Attachment], kinds: frozenset[str]) -> set[str]:
    """The contents (SHA-256) whose tables are read: the attachments of ``kinds``."""
    if not kinds:
        return set()
    seen = [facts.get(doc.field) for doc in found.dokumen if doc.jenis in kinds]
    return {file.sha256 for file in seen if file is not None and file.sha256 is not None}


# ----------------------------------------------------------------------- for the result cache


def manifest_text(manifest_path: Path) -> str | None:
    """The manifest's text, as the result cache keys on it; None when it cannot be read (E001)."""
    text = yamlread.read_text(manifest_path)
    return None if isinstance(text, yamlread.ReadProblem) else text


def unchanged(folder: Path, recorded: Iterable[Attachment]) -> bool:
    """Whether the attachments are still what the checks saw when a result was cached: the
    same facts, their bytes hashed again (a plain intact file is checked the cheap way)."""
    root = ""
    for seen in recorded:
        root = root or os.path.realpath(folder)  # once per dossier, and only if it has attachments
        same = attachments.still_the_same(root, seen.berkas, seen.sha256) if seen.status == "ok" else None
        if same is None:  # not the plain case: ask what the checks asked
            same = attachments.inspect(folder, seen.berkas, declared_sha256=seen.declared_sha256) == seen
        if not same:
            return False
    return True
