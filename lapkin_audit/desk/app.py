"""The desk: a local web page over the library (``lapkin_audit.api``) for the Sekretaris.

It never re-implements the pipeline: an audit is ``api.run`` and its report, shown with the
HTML report's own templates (``report.html.sections``, ``stylesheet``), printed as that
report with the reviewer's "Diperiksa oleh". A dossier is named in requests by a key the
desk made when it was opened, never by a path, so no request can reach outside the folders
the user chose; the only writes into a dossier are the form's save and an uploaded
attachment, both on the user's explicit request, both atomic.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from lapkin_audit.desk import attach, guard, pages, unzip
from lapkin_audit.desk.state import Desk, Job
from lapkin_audit.errors import Problem
from lapkin_audit.load.discovery import MANIFEST
from lapkin_audit.report import html, views

UPLOAD_LIMIT = 100 * 1024 * 1024  # a whole request: the largest scan a dossier attaches


def create_app(desk: Desk, hosts: tuple[str, ...] = (), token: str | None = None) -> Any:
    """The ASGI application of ``desk``, behind the guard (size, host, token, headers)."""
    for target in _found(desk.root):
        desk.register(target)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        desk.executor.shutdown(wait=False, cancel_futures=True)

    routes = [
        Route("/", partial(home, desk)),
        Route("/buka", partial(_closing, open_folder, desk), methods=["POST"]),
        Route("/zip", partial(_closing, open_zip, desk), methods=["POST"]),
        Route("/laporan.css", lambda r: Response(html.stylesheet(desk.lang), media_type="text/css")),
        Route("/d/{key}", partial(dossier, desk)),
        Route("/d/{key}/periksa", partial(_closing, start_check, desk), methods=["POST"]),
        Route("/d/{key}/proses/{job}", partial(progress, desk)),
        Route("/d/{key}/proses/{job}/status", partial(status, desk)),
        Route("/d/{key}/hasil", partial(result, desk)),
        Route("/d/{key}/cetak", partial(printable, desk)),
        Route("/d/{key}/isian", partial(_closing, form, desk), methods=["GET", "POST"]),
        Route("/d/{key}/lampiran/{index:int}", partial(_closing, upload, desk), methods=["POST"]),
        Route("/d/{key}/riwayat", partial(history, desk)),
        Mount("/static", StaticFiles(packages=[("lapkin_audit.desk", "static")]), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    return guard.Guard(app, UPLOAD_LIMIT, hosts, token)


def _found(root: Path) -> Iterator[Path]:
    from lapkin_audit.load.discovery import discover

    if root.is_dir():
        for target in discover([str(root)]):
            if not target.unlisted:
                yield target.folder


# --------------------------------------------------------------------------- pages


async def home(desk: Desk, request: Request) -> Response:
    for target in _found(desk.root):  # a dossier made since (``init``) appears on reload
        desk.register(target)
    found = sorted(desk.dossiers.items(), key=lambda item: str(item[1]))
    return pages.page(desk, "home.html.j2", found=found, limit=UPLOAD_LIMIT // (1024 * 1024))


async def open_folder(desk: Desk, request: Request) -> Response:
    values = await _posted(desk, request)
    if isinstance(values, Response):
        return values
    text = str(values.get("folder") or "").strip().strip('"')
    folder = Path(text).expanduser() if text else None
    if folder is not None and folder.name.casefold() == MANIFEST and folder.is_file():
        folder = folder.parent  # the manifest's own path, as Explorer's "Copy as path" gives it
    if folder is None or not folder.is_dir():
        return pages.refused(desk, "no_folder", 400)
    manifest = folder / MANIFEST
    if manifest.is_symlink() or not manifest.is_file():
        return pages.refused(desk, "not_dossier", 400)
    return RedirectResponse(f"/d/{desk.register(folder)}", status_code=303)


async def open_zip(desk: Desk, request: Request) -> Response:
    values = await _posted(desk, request)
    if isinstance(values, Response):
        return values
    upload_file = values.get("zip")
    if not isinstance(upload_file, UploadFile):
        return pages.refused(desk, "zip_bad", 400)
    name = secrets.token_hex(8)
    folder = desk.data / "unggahan"
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"{name}.zip"
    with open(archive, "xb") as sink:
        while chunk := await upload_file.read(1 << 20):
            sink.write(chunk)
    target = folder / name
    target.mkdir()
    try:
        dossier_folder = unzip.extract(archive, target)
    except unzip.Refused as refusal:
        return pages.refused(desk, refusal.reason, 400)
    finally:
        archive.unlink(missing_ok=True)
    return RedirectResponse(f"/d/{desk.register(dossier_folder)}", status_code=303)


async def dossier(desk: Desk, request: Request) -> Response:
    key, folder = _dossier(desk, request)
    if folder is None:
        return pages.refused(desk, "unknown", 404)
    return pages.page(desk, "dossier.html.j2", key=key, folder=folder, checked=key in desk.reports)


async def start_check(desk: Desk, request: Request) -> Response:
    posted = await _posted_to_dossier(desk, request)
    if isinstance(posted, Response):
        return posted
    _, key, folder = posted
    job = secrets.token_hex(8)
    desk.jobs[job] = Job(key, time.monotonic(), desk.executor.submit(desk.audit, folder))
    return RedirectResponse(f"/d/{key}/proses/{job}", status_code=303)


async def progress(desk: Desk, request: Request) -> Response:
    key, folder = _dossier(desk, request)
    job = desk.jobs.get(request.path_params["job"])
    if folder is None or job is None or job.key != key:
        return pages.refused(desk, "unknown", 404)
    if job.future.done():
        return _finished(desk, key, job)
    status_url = f"/d/{key}/proses/{request.path_params['job']}/status"
    return pages.page(desk, "progress.html.j2", key=key, folder=folder, seconds=_seconds(job), status_url=status_url)


async def status(desk: Desk, request: Request) -> Response:
    key, folder = _dossier(desk, request)
    job = desk.jobs.get(request.path_params["job"])
    if folder is None or job is None or job.key != key:
        return JSONResponse({"error": "unknown"}, status_code=404)
    done = job.future.done()
    return JSONResponse(
        {
            "done": done,
            "seconds": _seconds(job),
            "text": desk.w["elapsed"].format(seconds=_seconds(job)),
            "next": f"/d/{key}/proses/{request.path_params['job']}",
        }
    )


def _finished(desk: Desk, key: str, job: Job) -> Response:
    error = job.future.exception()
    if error is not None:
        text = error.text(desk.lang) if isinstance(error, Problem) else f"{type(error).__name__}: {error}"
        return pages.page(desk, "failed.html.j2", key=key, error=text, status=500)
    desk.reports[key] = job.future.result()
    return RedirectResponse(f"/d/{key}/hasil", status_code=303)


async def result(desk: Desk, request: Request) -> Response:
    key, folder = _dossier(desk, request)
    if folder is None:
        return pages.refused(desk, "unknown", 404)
    report = desk.reports.get(key)
    sections = pages.markup("".join(html.sections(report))) if report is not None else None
    return pages.page(desk, "result.html.j2", key=key, folder=folder, sections=sections)


async def printable(desk: Desk, request: Request) -> Response:
    """The HTML report itself, with what the reviewer entered in "Diperiksa oleh"."""
    key, folder = _dossier(desk, request)
    report = desk.reports.get(key) if folder is not None else None
    if report is None:
        return pages.refused(desk, "unknown", 404)
    q = request.query_params
    reviewer = views.Reviewer(
        nama=q.get("nama", "")[:200].strip(), nip=q.get("nip", "")[:40].strip(), tanggal=q.get("tanggal", "")[:40]
    )
    return HTMLResponse("".join(html.chunks(report, reviewer=reviewer)))


async def form(desk: Desk, request: Request) -> Response:
    key, folder = _dossier(desk, request)
    if folder is None:
        return pages.refused(desk, "unknown", 404)
    notice, values = None, None
    if request.method == "POST":
        posted = await _posted(desk, request)
        if isinstance(posted, Response):
            return posted
        values = {k: v for k, v in posted.items() if isinstance(v, str) and k != "csrf"}
        notice = attach.save_form(desk, folder, values)
    return pages.form_page(desk, key, folder, notice, request.query_params.get("pesan"))


async def upload(desk: Desk, request: Request) -> Response:
    posted = await _posted_to_dossier(desk, request)
    if isinstance(posted, Response):
        return posted
    values, key, folder = posted
    file = values.get("berkas")
    if not isinstance(file, UploadFile):
        return pages.refused(desk, "name", 400)
    notice = await attach.attachment(folder, request.path_params["index"], file, desk.w)
    return pages.form_page(desk, key, folder, notice, None)


async def history(desk: Desk, request: Request) -> Response:
    key, folder = _dossier(desk, request)
    if folder is None:
        return pages.refused(desk, "unknown", 404)
    return pages.page(desk, "history.html.j2", key=key, folder=folder, entries=desk.history.of(folder))


# --------------------------------------------------------------------------- helpers


async def _closing(handler: Callable[[Desk, Request], Awaitable[Response]], desk: Desk, request: Request) -> Response:
    """Run a handler that may read a posted form, then close the form's spooled files."""
    try:
        return await handler(desk, request)
    finally:
        posted = getattr(request.state, "form", None)
        if posted is not None:
            await posted.close()


def _dossier(desk: Desk, request: Request) -> tuple[str, Path | None]:
    key = str(request.path_params.get("key", ""))
    return key, desk.folder(key)


async def _posted_to_dossier(desk: Desk, request: Request) -> tuple[Mapping[str, Any], str, Path] | Response:
    """A form posted about one dossier: its values, the dossier's key and folder; or the
    refusal (no CSRF token, a dossier this desk did not open)."""
    values = await _posted(desk, request)
    if isinstance(values, Response):
        return values
    key, folder = _dossier(desk, request)
    if folder is None:
        return pages.refused(desk, "unknown", 404)
    return values, key, folder


async def _posted(desk: Desk, request: Request) -> Mapping[str, Any] | Response:
    """The form's values, or the refusal of a request without the desk's CSRF token."""
    try:
        values = await request.form(max_files=1, max_fields=20_000)
    except guard.TooLarge:
        raise
    except Exception:  # a malformed body: refused, never a traceback
        return pages.refused(desk, "csrf", 400)
    request.state.form = values  # closed after the handler (its files are spooled to disk)
    given = values.get("csrf")
    if not guard.same(given if isinstance(given, str) else None, desk.csrf):
        return pages.refused(desk, "csrf", 403)
    return values


def _seconds(job: Job) -> int:
    return int(time.monotonic() - job.started)
