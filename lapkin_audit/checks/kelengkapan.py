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
"""

from __future__ import annotations

from collections.abc import Iterator

from lapkin_audit.checks.context import Context
from lapkin_audit.lang.messages import Nested
from lapkin_audit.model import Violation

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
        elif found.status == "missing" and doc.berkas_as_written is not None:
            # An unquoted # cut the name: that is the cause, whatever file the search found
            # (by its content, the file is the very name written, which a suggestion repeats).
            yield Violation(
                "K003", "K003.missing_hash", {"berkas": shown, "written": doc.berkas_as_written}, field=field
            )
        elif found.status == "missing" and found.suggestion is not None:
            similar = {"berkas": shown, "suggestion": found.suggestion}
            yield Violation("K003", "K003.missing_similar", similar, field=field)
        elif found.status == "lfs_pointer":
            yield from _lfs_pointer(doc.sha256, found.lfs_oid or "", shown, doc.field)
        elif found.status != "ok":
            yield Violation("K003", f"K003.{found.status}", {"berkas": shown}, field=field)
        elif doc.sha256 is not None and found.sha256 != doc.sha256:
            args = {"berkas": shown, "actual": found.sha256, "expected": doc.sha256}
            yield Violation("K004", "K004", args, field=f"{doc.field}.sha256")


def _lfs_pointer(declared: str | None, oid: str, shown: str, doc_field: str) -> Iterator[Violation]:
    """A Git LFS pointer stands where the document should be. Its oid is compared with the
    manifest (a mismatch is K004 without the content); the document itself is still not
    in the checkout, so nothing can be read from it: K003, with `git lfs pull` as the fix."""
    if declared is not None and oid and oid != declared:
        args = {"berkas": shown, "actual": oid, "expected": declared}
        yield Violation("K004", "K004.lfs_pointer", args, field=f"{doc_field}.sha256")
    key = "K003.lfs_pointer_match" if declared is not None and oid == declared else "K003.lfs_pointer"
    yield Violation("K003", key, {"berkas": shown}, field=f"{doc_field}.berkas")


def _linked(ctx: Context) -> Iterator[Violation]:
    present = {doc.jenis for doc in ctx.dossier.dokumen}
    for code, items in (("K005", ctx.sop.peralatan), ("K006", ctx.sop.keterkaitan)):
        for item in items:
            if item.dokumen is not None and item.dokumen not in present:
                yield Violation(code, code, {"nama": item.name, "jenis": item.dokumen}, field="dokumen")
