"""Hostile tables: each gives a clear outcome in bounded time and memory.

Each input is read by the table readers in a child process under the evidence reader's own
limits (1 GiB of address space, 15 s of CPU): a reader that swelled or looped would be
killed there and the test would fail on the child's exit, never on a clock.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from lapkin_audit.evidence.read import CPU_LIMIT, MEMORY_LIMIT
from lapkin_audit.evidence.tables.limits import MAX_CELL_CHARS, MAX_ROWS
from tests.content_util import DOCS

READER = textwrap.dedent(
    f"""
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))
    resource.setrlimit(resource.RLIMIT_CPU, ({CPU_LIMIT}, {CPU_LIMIT}))
    from lapkin_audit.evidence.tables.read import document_tables
    data = open(sys.argv[1], "rb").read()
    found = document_tables(data, sys.argv[2])
    print(json.dumps({{
        "problem": found.problem, "detail": found.detail, "truncated": found.truncated,
        "rows": [len(t.rows) for t in found.tables],
        "longest": max((len(c.text) for t in found.tables for r in t.rows for c in r.cells), default=0),
    }}))
    """
)


def _read(tmp_path: Path, data: bytes, fmt: str) -> dict[str, object]:
    path = tmp_path / f"input.{fmt}"
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-c", READER, str(path), fmt], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


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


def test_a_million_styled_empty_rows(tmp_path):
    rows = b"".join(
        b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/></row>' % (i, i) for i in range(2, 1_000_001)
    )
    result = _read(tmp_path, _xlsx(HEAD + rows), "xlsx")
    assert result["problem"] is None and result["truncated"] is True


def test_ten_thousand_rows_in_a_sheet(tmp_path):
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>Belanja %d</t></is></c><c r="B%d"><v>%d</v></c></row>'
        % (i, i, i, i, i)
        for i in range(2, 10_002)
    )
    result = _read(tmp_path, _xlsx(HEAD + rows), "xlsx")
    assert result["truncated"] is True and result["rows"] == [MAX_ROWS]


def test_a_formula_only_sheet(tmp_path):
    rows = b"".join(b'<row r="%d"><c r="B%d"><f>SUM(C1:C%d)</f></c></row>' % (i, i, i) for i in range(1, 300))
    result = _read(tmp_path, _xlsx(rows), "xlsx")
    assert result["problem"] == "formulas_only"


def test_a_zip_bomb_disguised_as_xlsx(tmp_path):
    bomb = _replace_part(
        (DOCS / "lra-2024-tw2.xlsx").read_bytes(), "xl/worksheets/sheet1.xml", b" " * (300 * 1024 * 1024)
    )
    result = _read(tmp_path, bomb, "xlsx")
    assert result["problem"] == "hostile" and "inflates" in str(result["detail"])


def test_xml_entities_in_a_workbook(tmp_path):
    sheet = _sheet(HEAD).replace(b"?>\n", b'?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
    result = _read(tmp_path, _replace_part(_xlsx(HEAD), "xl/worksheets/sheet1.xml", sheet), "xlsx")
    assert result["problem"] == "hostile" and "entities" in str(result["detail"])


def test_a_damaged_workbook(tmp_path):
    data = (DOCS / "lra-2024-tw2.xlsx").read_bytes()
    result = _read(tmp_path, data[: len(data) // 2], "xlsx")
    assert result["problem"] == "damaged"


def _megabyte() -> bytes:
    """A megabyte of text that does not compress like a bomb (hex digits of a hash chain)."""
    out, digest = [], b"sel"
    while len(out) < 1024 * 1024 // 64:
        digest = hashlib.sha256(digest).digest()
        out.append(hashlib.sha256(digest).hexdigest().encode())
    return b"".join(out)


def test_a_megabyte_cell(tmp_path):
    cell = _megabyte()
    rows = b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + cell + b'</t></is></c><c r="B2"><v>5</v></c></row>'
    result = _read(tmp_path, _xlsx(HEAD + rows), "xlsx")
    assert result["truncated"] is True and result["longest"] == MAX_CELL_CHARS


def _docx_rows(count: int, cell: str = "Belanja Pegawai") -> bytes:
    data = (DOCS / "dpa-2024.docx").read_bytes()
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", body, flags=re.S)
    row = rows[1].replace("Belanja Pegawai", cell)
    body = body.replace(rows[1], row * count, 1)
    return _replace_part(data, "word/document.xml", body.encode("utf-8"))


def test_ten_thousand_rows_in_a_docx(tmp_path):
    result = _read(tmp_path, _docx_rows(10_000), "docx")
    assert result["truncated"] is True and result["rows"] == [MAX_ROWS]


def test_a_megabyte_cell_in_a_docx(tmp_path):
    result = _read(tmp_path, _docx_rows(1, _megabyte().decode()), "docx")
    assert result["truncated"] is True and result["longest"] == MAX_CELL_CHARS


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_garbage_is_damaged_not_a_traceback(tmp_path, fmt):
    result = _read(tmp_path, b"PK\x03\x04 not an archive at all" if fmt != "pdf" else b"%PDF-1.4 garbage", fmt)
    assert result["problem"] == "damaged"
