"""``sop import`` and ``sop lint`` read an office's document in a limited child process,
as attachments are read (``evidence.process``: its own process group, address-space and
CPU limits, no core file, dead with its parent): a DOCX is parsed by lxml and python-docx,
an HTML page by our grid reader, and neither runs in the checker's own process.

The child answers with the import's result as one line of JSON (dates tagged), never a
pickle: what it says is data, even if a parser in it were subverted.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from lapkin_audit.authoring.sopimport import REFUSED, ImportResult, import_source
from lapkin_audit.authoring.sopimport.imported import Imported
from lapkin_audit.evidence import process

CHILD = (sys.executable, "-m", "lapkin_audit.authoring.sopimport.child")
MEMORY = 1 << 30  # bytes of address space: a 16 MiB source and its grid fit many times over
CPU = 30  # seconds: the seed takes well under one; a document that needs more is not an SOP
MAX_OUTPUT = 64 * 1024 * 1024


def import_in_child(path: Path) -> ImportResult:
    """``import_source(path)``, run in a limited child; a child that ran out of its limits
    or failed is a refusal that says so (the document, not the office's SOP, is at fault)."""
    env = {**os.environ, "PYTHONPATH": _package_root(), "OMP_THREAD_LIMIT": "1"}
    try:
        ended = process.run(
            CHILD,
            json.dumps({"path": os.fspath(path)}).encode(),
            env,
            memory=MEMORY,
            cpu=(CPU, CPU + 5),
            wall=CPU * 6,  # a guard only: the CPU limit decides, whatever the machine's load
            on_line=lambda line: None,
            max_output=MAX_OUTPUT,
        )
    except OSError as exc:
        return _failed("cannot_start", error=exc.strerror or str(exc))
    if ended.returncode == 0 and len(ended.lines) == 1:
        try:
            return _decode(json.loads(ended.lines[0], object_hook=_dates))
        except (ValueError, TypeError, KeyError):
            return _failed("crashed", detail="unreadable answer")
    if ended.stopped == "wall" or ended.returncode in (-24, -9):  # SIGXCPU, SIGKILL at the hard limit
        return _failed("too_costly", seconds=CPU)
    if b"MemoryError" in ended.stderr:
        return _failed("too_much_memory", mib=MEMORY >> 20)
    return _failed("crashed", detail=_last_line(ended.stderr) or f"exit status {ended.returncode}")


def _failed(key: str, **args: Any) -> ImportResult:
    return ImportResult(REFUSED, reason="binary" if key == "cannot_start" else "cost", detail=key, detail_args=args)


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1][:300] if lines else ""


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot encode a {type(value).__name__}")


def _dates(data: dict[str, Any]) -> Any:
    if set(data) == {"$date"}:
        return dt.date.fromisoformat(data["$date"])
    if set(data) == {"$datetime"}:
        return dt.datetime.fromisoformat(data["$datetime"])
    return data


def _decode(data: dict[str, Any]) -> ImportResult:
    got = data["imported"]
    imported = None
    if got is not None:
        celah = [{**gap, "alasan": tuple(gap["alasan"])} for gap in got["celah"]]
        imported = Imported(got["sop"], got["teks_asli"], celah, got["saran"], got["asumsi"])
    return ImportResult(
        data["status"], imported, data["shape"], data["sha256"], data["reason"], data["detail"], data["detail_args"]
    )


def _package_root() -> str:
    root = str(Path(__file__).resolve().parents[3])
    existing = os.environ.get("PYTHONPATH")
    return root if not existing else root + os.pathsep + existing


def main() -> None:
    process.die_with_parent(int(os.environ.get(process.PARENT_ENV, "0")) or None)
    request = json.loads(sys.stdin.buffer.read())
    result = import_source(Path(request["path"]))
    imported = result.imported
    answer = {
        "status": result.status,
        "imported": None
        if imported is None
        else {
            "sop": imported.sop,
            "teks_asli": imported.teks_asli,
            "celah": imported.celah,
            "saran": imported.saran,
            "asumsi": imported.asumsi,
        },
        "shape": result.shape,
        "sha256": result.sha256,
        "reason": result.reason,
        "detail": result.detail,
        "detail_args": dict(result.detail_args),
    }
    sys.stdout.write(json.dumps(answer, default=_encode, ensure_ascii=True) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
