"""The desk's only writes into a dossier, each on the user's explicit request and atomic:
the form's save (``authoring.formedit``) and an uploaded attachment (into ``lampiran/``,
its ``berkas`` and SHA-256 then written by ``authoring.hashing``, as ``hash`` does)."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lapkin_audit.atomic import kept_mode, replace_atomically
from lapkin_audit.authoring import formedit, hashing
from lapkin_audit.desk import names
from lapkin_audit.load.discovery import MANIFEST
from lapkin_audit.report.text import visible

if TYPE_CHECKING:
    from starlette.datastructures import UploadFile

    from lapkin_audit.desk.state import Desk


def save_form(desk: Desk, folder: Path, values: Mapping[str, str]) -> tuple[str, str]:
    """Save the changed values, then check the dossier again (its findings go beside the
    fields). Returns (kind, words) for the page's notice."""
    form = formedit.read(folder / MANIFEST)
    if form.problem is not None:
        return ("error", desk.w["form_unreadable"].format(problem=form.problem.message))
    # A value with control or direction characters is shown escaped ("\u202e"); sent back
    # unchanged, it is not a change (never written as those escapes).
    shown = {f.path: visible(f.value) for f in form.fields}
    values = {path: value for path, value in values.items() if value.strip() != shown.get(path)}
    try:
        changed = formedit.save(form, values)
    except formedit.Unsaved as unsaved:
        return ("error", desk.w["unsaved"].format(problem=unsaved))
    except OSError as error:  # on Windows, another program holding the file open
        return ("error", desk.w["unwritten"].format(problem=error.strerror or error))
    if not changed:
        return ("info", desk.w["saved_none"])
    desk.reports[desk.register(folder)] = desk.audit(folder)
    return ("ok", desk.w["saved"].format(n=len(changed)))


def safe_filename(name: str) -> str | None:
    """The last part of an uploaded file's name, if it is a name every system can hold and
    a person can read (no control or direction-changing characters, no device name)."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    if name.startswith(".") or len(name) > 120 or not names.portable(name):
        return None
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for c in name):
        return None
    return name


async def attachment(folder: Path, index: int, upload: UploadFile, w: Mapping[str, Any]) -> tuple[str, str]:
    """Write an uploaded attachment into ``lampiran/`` of the dossier, then its ``berkas``
    and SHA-256 into the manifest; never through a link, never outside the folder."""
    name = safe_filename(upload.filename or "")
    refused = w["attach_refused"]
    if name is None:
        return ("error", refused.format(reason=w["reasons"]["name"]))
    form = formedit.read(folder / MANIFEST)
    fields = form.by_path()
    if form.problem is not None or f"dokumen[{index}].jenis" not in fields:
        return ("error", refused.format(reason=w["reasons"]["index"]))
    lampiran = folder / "lampiran"
    if lampiran.is_symlink() or (lampiran.exists() and not lampiran.is_dir()):
        return ("error", refused.format(reason=w["reasons"]["name"]))
    lampiran.mkdir(exist_ok=True)
    target = lampiran / name
    if target.is_symlink() or (target.exists() and not target.is_file()):
        return ("error", refused.format(reason=w["reasons"]["name"]))
    if os.path.realpath(target.parent) != os.path.realpath(lampiran):
        return ("error", refused.format(reason=w["reasons"]["name"]))
    try:
        await _write(upload, target)
        berkas = f"lampiran/{name}"
        formedit.save(form, {f"dokumen[{index}].berkas": berkas})
        plan = hashing.plan(folder / MANIFEST)
        if plan.problem is None and plan.changed:
            hashing.write(plan)
    except OSError as error:  # a full disk, a read-only folder, a file another program holds
        return ("error", w["unwritten"].format(problem=error.strerror or error))
    return ("ok", w["attached"].format(berkas=berkas))


async def _write(upload: UploadFile, target: Path) -> None:
    """The upload's bytes replace ``target`` whole, read and written in a worker thread: the
    page's other requests go on meanwhile."""
    from starlette.concurrency import run_in_threadpool

    chunks = iter(lambda: upload.file.read(1 << 20), b"")
    await run_in_threadpool(replace_atomically, target, chunks, kept_mode(target))
