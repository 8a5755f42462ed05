"""Hostile tables: each gives a clear outcome in bounded time and memory.

Each input is read as the checker reads it, its tables wanted: in the evidence reader's
child process, under its limits (memory, and CPU time: the document's budget and the
tables' own allowance). A reader that swelled or looped would be stopped there and named
in the facts (B001), never by a clock of the test's own.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from typing import Any

import pytest

from lapkin_audit.evidence import read
from lapkin_audit.evidence.cache import FactsCache
from lapkin_audit.evidence.limits import Limits
from lapkin_audit.evidence.read import Reader
from lapkin_audit.evidence.tables.bounds import MAX_CELL_CHARS, MAX_ROWS
from tests.content_util import DOCS


def _read(data: bytes) -> dict[str, Any]:
    sha256 = hashlib.sha256(data).hexdigest()
    [facts] = Reader().read_in_children([(data, sha256)], {sha256})
    return {
        "problem": facts.problem,
        "tables_problem": facts.tables_problem,
        "detail": facts.detail,
        "truncated": facts.tables_truncated,
        "rows": [len(t.rows) for t in facts.tables],
        "longest": max((len(c.text) for t in facts.tables for r in t.rows for c in r.cells), default=0),
    }


def _replace_part(data: bytes, part: str, body: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, body if info.filename == part else source.read(info.filename))
    return out.getvalue()


def _sheet(rows: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:F1000000"/><sheetData>' + rows + b"</sheetData></worksheet>"
    )


def _xlsx(rows: bytes) -> bytes:
    return _replace_part((DOCS / "lra-2024-tw2.xlsx").read_bytes(), "xl/worksheets/sheet1.xml", _sheet(rows))


HEAD = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>Uraian</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>Anggaran</t></is></c></row>'
)


def test_a_million_styled_empty_rows():
    rows = b"".join(
        b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/></row>' % (i, i) for i in range(2, 1_000_001)
    )
    result = _read(_xlsx(HEAD + rows))
    assert result["problem"] is None and result["truncated"] is True


def test_ten_thousand_rows_in_a_sheet():
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>Belanja %d</t></is></c><c r="B%d"><v>%d</v></c></row>'
        % (i, i, i, i, i)
        for i in range(2, 10_002)
    )
    result = _read(_xlsx(HEAD + rows))
    assert result["truncated"] is True and result["rows"] == [MAX_ROWS]


def test_a_formula_only_sheet():
    rows = b"".join(b'<row r="%d"><c r="B%d"><f>SUM(C1:C%d)</f></c></row>' % (i, i, i) for i in range(1, 300))
    result = _read(_xlsx(rows))
    assert result["problem"] == "formulas_only"


def test_a_zip_bomb_disguised_as_xlsx():
    bomb = _replace_part(
        (DOCS / "lra-2024-tw2.xlsx").read_bytes(), "xl/worksheets/sheet1.xml", b" " * (300 * 1024 * 1024)
    )
    result = _read(bomb)
    assert result["problem"] == "hostile" and "inflates" in str(result["detail"])


def test_xml_entities_in_a_workbook():
    sheet = _sheet(HEAD).replace(b"?>\n", b'?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
    result = _read(_replace_part(_xlsx(HEAD), "xl/worksheets/sheet1.xml", sheet))
    assert result["problem"] == "hostile" and "entities" in str(result["detail"])


def test_a_damaged_workbook():
    data = (DOCS / "lra-2024-tw2.xlsx").read_bytes()
    # cut in half, its archive's directory (at the end) is gone: no longer recognisable as XLSX
    assert _read(data[: len(data) // 2])["problem"] == "unknown_format"
    broken = _replace_part(data, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row>")
    assert _read(broken)["problem"] == "damaged"


def _megabyte() -> bytes:
    """A megabyte of text that does not compress like a bomb (hex digits of a hash chain)."""
    out, digest = [], b"sel"
    while len(out) < 1024 * 1024 // 64:
        digest = hashlib.sha256(digest).digest()
        out.append(hashlib.sha256(digest).hexdigest().encode())
    return b"".join(out)


def test_a_megabyte_cell():
    cell = _megabyte()
    rows = b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + cell + b'</t></is></c><c r="B2"><v>5</v></c></row>'
    result = _read(_xlsx(HEAD + rows))
    assert result["truncated"] is True and result["longest"] == MAX_CELL_CHARS


def _docx_rows(count: int, cell: str = "Belanja Pegawai") -> bytes:
    """The DPA with its first budget line repeated ``count`` times, each row's name its own
    (a table of identical rows inflates like a zip bomb, and is refused as one)."""
    data = (DOCS / "dpa-2024.docx").read_bytes()
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", body, flags=re.S)
    names = [cell] if count == 1 else [f"{cell} {hashlib.sha256(b'%d' % n).hexdigest()[:24]}" for n in range(count)]
    body = body.replace(rows[1], "".join(rows[1].replace("Belanja Pegawai", name) for name in names), 1)
    return _replace_part(data, "word/document.xml", body.encode("utf-8"))


def test_ten_thousand_rows_in_a_docx():
    result = _read(_docx_rows(10_000))
    assert result["truncated"] is True and result["rows"] == [MAX_ROWS]


def test_a_megabyte_cell_in_a_docx():
    result = _read(_docx_rows(1, _megabyte().decode()))
    assert result["truncated"] is True and result["longest"] == MAX_CELL_CHARS


def _archive(part: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(part, b"<not xml")
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4 garbage", _archive("word/document.xml"), _archive("xl/workbook.xml")],
    ids=["pdf", "docx", "xlsx"],
)
def test_garbage_is_damaged_not_a_traceback(data):
    assert _read(data)["problem"] == "damaged"


# ---------------------------------------------------------------- the tables' own allowance

SIGNED_REPORT = DOCS.parent.parent / "dossiers" / "patuh" / "lampiran" / "lkj-2024-tw2-ttd.pdf"
NO_TIME_FOR_TABLES = Limits(tables_cpu=1e-6)  # spent before pdfplumber reaches the first page


def test_tables_past_their_allowance_lose_the_tables_never_the_text(tmp_path):
    data = SIGNED_REPORT.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    reader = Reader(limits=NO_TIME_FOR_TABLES, cache=FactsCache.open(tmp_path))
    facts = reader.facts_for_many([(data, sha256)], tables={sha256})[sha256]
    assert facts.problem is None and "LAPORAN KINERJA" in facts.text and facts.image_pages == (1,)
    assert facts.tables == () and facts.tables_problem == "timeout" and facts.tables_truncated
    # like any budget, it may be the machine's doing: never cached, read again next run
    assert reader.cache is not None and reader.cache.load(sha256, reader.setup, tables=True) is None
    without = Reader(limits=NO_TIME_FOR_TABLES).read_in_children([(data, sha256)])
    assert without[0].tables_problem is None and without[0].text == facts.text


def test_documents_whose_tables_were_not_read_are_c008_never_a_figure_finding(audit, monkeypatch):
    monkeypatch.setattr(read, "_memo", type(read._memo)())  # what this run read stays with it
    result = audit(DOCS.parent.parent / "dossiers" / "patuh", reading=NO_TIME_FOR_TABLES)
    assert result.verdict.name == "PATUH_DENGAN_CATATAN"
    assert {f.rule for f in result.findings} == {"C008"}
    assert all("tables_timeout" in f.message for f in result.findings)
