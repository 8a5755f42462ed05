"""Kelengkapan: every input and output of every executed step, and sound attachments.

K001  an executed step's input (Mutu Baku: Kelengkapan) is not among the documents.
      Fails: step 1 ran but no `laporan_realisasi_anggaran` is listed.
      Fix:   add `- {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra.pdf}`.
K002  an executed step's output (Mutu Baku: Output) is not among the documents.
      Fails: step 6 ran but no `arsip_laporan_kinerja`. Fix: list the archive record.
K003  a kind that needs a file has none, or the attachment is missing, empty,
      unreadable, or outside the dossier (absolute, `..`, drive, NUL, a link out).
      Fails: `berkas: ../other/lra.pdf`. Fix: copy the file into `lampiran/`.
K004  an attachment's SHA-256 differs from its `sha256`.
      Fails: the PDF was replaced after the hash was written. Fix: re-hash or restore.
K005  an equipment document (Peralatan) is absent. Fix: list `dokumen_iku`.
K006  the data of a related SOP (Keterkaitan) is absent. Fix: list it.

E006 (``lfs_pointers``, asked by the engine before any check): an attachment is a Git LFS
pointer, the checkout was made without `git lfs pull`: the dossier cannot be assessed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lapkin_audit.checks.context import Context
from lapkin_audit.lang.messages import Each, Nested
from lapkin_audit.load.attachments import Attachment
from lapkin_audit.model import Dossier, Violation

CODES = ("K001", "K002", "K003", "K004", "K005", "K006")


def check(ctx: Context) -> Iterator[Violation]:
    yield from _inputs_and_outputs(ctx)
    yield from _attachments(ctx)
    yield from _linked(ctx)


def _inputs_and_outputs(ctx: Context) -> Iterator[Violation]:
    present = {doc.jenis for doc in ctx.dossier.dokumen}
    first_entry: dict[int, str] = {}
    for record in ctx.dossier.langkah:
        first_entry.setdefault(record.nomor, record.field)
    for nomor, field in sorted(first_entry.items()):
        step = ctx.sop.step(nomor)
        if step is None:
            continue
        for code, kinds in (("K001", step.kelengkapan), ("K002", step.output)):
            for jenis in kinds:
                if jenis not in present:
                    args = {
                        "step": nomor,
                        "kegiatan": step.short_name,
                        "jenis": jenis,
                        "jenis_nama": ctx.sop.document_kinds[jenis].name,
                    }
                    yield Violation(code, code, args, step=nomor, field=field)


def _attachments(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        kind = ctx.sop.document_kinds[doc.jenis]
        if doc.berkas is None:
            if kind.needs_file:
                yield Violation("K003", "K003.no_file", {"jenis": doc.jenis}, field=doc.field)
            continue
        found = ctx.attachments[doc.field]
        field = f"{doc.field}.berkas"
        shown = doc.berkas.replace("\x00", "\\0")
        if found.status == "outside":
            yield Violation(
                "K003", "K003.outside", {"berkas": shown, "reason": Nested(f"outside.{found.reason}")}, field=field
            )
        elif found.status == "unreadable":
            yield Violation("K003", "K003.unreadable", {"berkas": shown, "error": found.error}, field=field)
        elif found.status == "missing" and found.suggestion is not None:
            similar = {"berkas": shown, "suggestion": found.suggestion}
            yield Violation("K003", "K003.missing_similar", similar, field=field)
        elif found.status == "missing" and doc.berkas_as_written is not None:
            yield Violation(
                "K003", "K003.missing_hash", {"berkas": shown, "written": doc.berkas_as_written}, field=field
            )
        elif found.status != "ok":
            yield Violation("K003", f"K003.{found.status}", {"berkas": shown}, field=field)
        elif doc.sha256 is not None and found.sha256 != doc.sha256:
            args = {"berkas": shown, "actual": found.sha256, "expected": doc.sha256}
            yield Violation("K004", "K004", args, field=f"{doc.field}.sha256")


def _linked(ctx: Context) -> Iterator[Violation]:
    present = {doc.jenis for doc in ctx.dossier.dokumen}
    for code, items in (("K005", ctx.sop.peralatan), ("K006", ctx.sop.keterkaitan)):
        for item in items:
            if item.dokumen is not None and item.dokumen not in present:
                yield Violation(code, code, {"nama": item.name, "jenis": item.dokumen}, field="dokumen")


# ----------------------------------------------------------------------------- E006


def lfs_pointers(dossier: Dossier, found: Mapping[str, Attachment]) -> Violation | None:
    """One finding naming every attachment that is a Git LFS pointer, with whether its oid
    agrees with the manifest's `sha256`; None when there is none.

    A pointer is not the document: nothing in it (text, paraf, signatures) can be judged,
    and judging the rest would give a verdict on a dossier nobody read. So the whole dossier
    cannot be assessed, with `git lfs pull` as the fix, rather than one K003 per pointer.
    """
    pointers = []
    first = None
    for doc in dossier.dokumen:
        seen = found.get(doc.field)
        if doc.berkas is None or seen is None or seen.status != "lfs_pointer":
            continue
        first = first or doc.field
        oid = seen.lfs_oid or ""
        declared = doc.sha256.lower() if doc.sha256 else None
        if not oid:
            pointers.append(("E006.other_hash", {"berkas": doc.berkas}))
        elif declared is None:
            pointers.append(("E006.undeclared", {"berkas": doc.berkas}))
        elif oid == declared:
            pointers.append(("E006.match", {"berkas": doc.berkas}))
        else:
            pointers.append(("E006.differs", {"berkas": doc.berkas, "oid": oid, "expected": declared}))
    if not pointers:
        return None
    args = {"count": len(pointers), "pointers": Each(pointers)}
    return Violation("E006", "E006", args, field=f"{first}.berkas")
