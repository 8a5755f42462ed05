"""Reading the content fixtures (fixtures/content) as the checks will: each document's
tables and text through the readers, then ``judge`` with the case's rules."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

import yaml

from lapkin_audit.checks.capaian_documents import content_of
from lapkin_audit.domain.content.compare import Documents
from lapkin_audit.domain.content.judge import ContentResult, judge
from lapkin_audit.domain.content.model import DocumentContent
from lapkin_audit.evidence import child
from lapkin_audit.load.content_rules import content_rules, load_outline
from lapkin_audit.load.sop import bundled_rules_dir
from lapkin_audit.model import ContentRules, Periode

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "fixtures" / "content"
DOCS = CONTENT / "dokumen"
FIELDS = {
    "dokumen_iku": "dokumen[4]",
    "perjanjian_kinerja": "dokumen[5]",
    "laporan_data_kinerja": "dokumen[6]",
    "laporan_realisasi_anggaran": "dokumen[1]",
    "dpa": "dokumen[2]",
    "draf_laporan_disahkan": "dokumen[11]",
    "laporan_kinerja_rutin": "dokumen[13]",
}


@functools.cache
def cases() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((CONTENT / "kasus.yaml").read_text(encoding="utf-8"))
    return dict(data["kasus"])


def read_document(data: bytes, kind: str, field: str, year: int) -> DocumentContent:
    """What the checks take from these bytes, their tables wanted (read in this process: the
    reading itself is tested through the child elsewhere)."""
    facts = child.read(data, hashlib.sha256(data).hexdigest(), None, tables=True)
    return content_of(kind, field, facts, year, reported=False)


@functools.cache
def _read(name: str, kind: str, year: int) -> DocumentContent:
    return read_document((DOCS / name).read_bytes(), kind, FIELDS[kind], year)


@functools.cache
def outlines() -> dict[str, Any]:
    found = {}
    for path in sorted((bundled_rules_dir() / "kerangka").glob("*.yaml")):
        outline_id, parts = load_outline(yaml.safe_load(path.read_text(encoding="utf-8"))["kerangka"], str(path))
        found[outline_id] = parts
    return found


def rules_of(case: dict[str, Any]) -> ContentRules:
    return content_rules(case["aturan"], "kasus.yaml", outlines()) if case.get("aturan") else ContentRules()


def run_case(name: str) -> ContentResult:
    case = cases()[name]
    periode = Periode(**case["periode"])
    docs = case["dokumen"]
    read = {kind: _read(file, kind, periode.tahun) for kind, file in docs.items()}
    same = docs.get("laporan_kinerja_rutin") == docs.get("draf_laporan_disahkan")
    documents = Documents(
        periode,
        iku=read.get("dokumen_iku"),
        pk=read.get("perjanjian_kinerja"),
        data=read.get("laporan_data_kinerja"),
        lra=read.get("laporan_realisasi_anggaran"),
        dpa=read.get("dpa"),
        signed=read.get("draf_laporan_disahkan"),
        distributed=None if same else read.get("laporan_kinerja_rutin"),
    )
    return judge(documents, rules_of(case), attached=tuple(docs))
