"""Reading attachments into facts (lapkin_audit.evidence) and the B checks that use them.

Hostile files are built here, small, at test time; each must become B001 or B006 within
the limits, never a hang, a traceback or a lost batch.
"""

from __future__ import annotations

import os
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from lapkin_audit.domain.doctext import Searchable, citations_in, periods_named, prepare, shows_number, shows_person
from lapkin_audit.evidence import read
from lapkin_audit.evidence.cache import FactsCache
from lapkin_audit.evidence.child import read as read_bytes
from lapkin_audit.evidence.facts import DocumentFacts, TextPiece
from lapkin_audit.evidence.sniff import claimed, sniff
from tests.helpers import FIXTURES
from tests.hostile_util import SIGNED, copy_patuh, finding_rules, with_signed_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import fixture_documents as docs
import fixture_tables

HAS_OCR = read.tessdata_dir() is not None
needs_ocr = pytest.mark.skipif(not HAS_OCR, reason="Tesseract with its Indonesian model is not installed")


@pytest.fixture
def fresh_memo():
    read._memo.clear()
    yield
    read._memo.clear()


# ----------------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"junk before %PDF-1.4\n", "pdf"),
        (b"\xff\xd8\xff\xe0rest", "jpeg"),
        (b"\x89PNG\r\n\x1a\nrest", "png"),
        (b"II*\x00rest", "tiff"),
        (b"MM\x00*rest", "tiff"),
        (b"PK\x03\x04not a zip", "unknown"),
        (b"<html>", "unknown"),
    ],
)
def test_the_format_comes_from_the_bytes(data, expected):
    assert sniff(data) == expected


def test_a_docx_is_a_zip_with_a_word_document():
    assert sniff(docs.docx(["Halo"])) == "docx"


def test_names_claim_formats():
    assert claimed("lampiran/LRA.PDF") == "pdf"
    assert claimed("foto.jpeg") == "jpeg"
    assert claimed("catatan.txt") is None


# ----------------------------------------------------------------------------- text


def test_prepare_joins_hyphenated_words_and_collapses_space():
    assert prepare("Refor-\nmasi   Birokrasi\n\nNomor") == "Reformasi Birokrasi Nomor"
    assert prepare("PermenPAN-\nRB 53/2014") == "PermenPAN-RB 53/2014"


def test_ocr_digits_are_mended_only_where_digits_are():
    assert prepare("Tahun 2O14 dan 2Ol4", ocr=True) == "Tahun 2014 dan 2014"
    # Words without digits stay as they are; a text layer is never mended.
    assert prepare("NIP Sistem Olah", ocr=True) == "NIP Sistem Olah"
    assert prepare("Tahun 2O14") == "Tahun 2O14"


def test_a_number_is_never_changed_to_make_a_match():
    text = prepare("Peraturan Presiden Nomor 28 Tahun 2014", ocr=True)
    assert ("perpres", "29", 2014) not in citations_in(text)


def test_citations_across_a_whole_document():
    text = prepare("\n".join(docs.signed_report_lines()))
    assert citations_in(text) == {("perpres", "29", 2014), ("permenpan_rb", "53", 2014)}


def test_people_and_numbers_in_text():
    doc = Searchable.of(prepare("1. Siti Aminah, S.Sos, NIP. 19790825 200501 2 011\nNOMOR: 188.45 / 07 / 421.632/2024"))
    assert shows_person(doc, "SITI AMINAH", None)
    assert shows_person(doc, "Siti A.", "197908252005012011")  # the NIP decides
    assert not shows_person(doc, "Dewi Lestari, A.Md", "19900102 201503 2 006")
    assert shows_number(doc, "188.45/07/421.632/2024")


def test_periods_named():
    found = periods_named("LRA Triwulan I Tahun Anggaran 2024, semester kedua 2023")
    assert [(m.jenis, m.ke, m.tahun) for m in found][:2] == [("triwulan", 1, 2024), ("semester", 2, 2023)]


# ----------------------------------------------------------------------------- reading


def test_a_text_pdf_reads_from_its_text_layer():
    facts = read_bytes(docs.text_pdf([docs.sk_lines()]), "x", None)
    assert (facts.format, facts.pages, facts.text_source, facts.problem) == ("pdf", 1, "teks", None)
    assert facts.complete and "188.45/07/421.632/2024" in facts.text


def test_a_docx_reads_body_and_tables():
    facts = read_bytes(docs.docx(["Judul"], [["Indikator", "Target"], ["IKM", "82"]]), "x", None)
    assert facts.format == "docx" and facts.text_source == "teks"
    assert "Judul" in facts.text and "IKM" in facts.text


def test_a_scan_without_ocr_has_no_text():
    facts = read_bytes(docs.scanned_pdf(["LAPORAN KINERJA"]), "x", None)
    assert (facts.text_source, facts.problem, facts.unread_pages) == (None, "no_ocr", 1)


@needs_ocr
def test_a_scan_reads_by_ocr_with_its_confidence():
    facts = read_bytes(docs.scanned_pdf(docs.signed_report_lines()), "x", read.tessdata_dir())
    assert facts.text_source == "ocr" and facts.problem is None
    assert facts.ocr_confidence is not None and facts.ocr_confidence >= 60
    assert not facts.complete  # OCR confirms; it never proves absence
    assert ("perpres", "29", 2014) in citations_in(prepare(facts.text, ocr=True))


def test_unsure_ocr_is_not_used():
    unsure = DocumentFacts("x", "pdf", 1, (TextPiece(1, "ocr", "Perpres 29/2014", 31),), "ocr_unsure")
    assert unsure.text_source is None and unsure.text == ""


def test_encrypted_and_damaged_pdfs():
    assert read_bytes(docs.encrypted_pdf(["RAHASIA"]), "x", None).problem == "encrypted"
    assert read_bytes(docs.damaged_pdf(["RUSAK"]), "x", None).problem == "damaged"


# ----------------------------------------------------------------------------- the checks


def test_without_tesseract_a_scan_is_b006_never_a_silent_pass(audit, monkeypatch):
    monkeypatch.setattr(read, "tessdata_dir", lambda: None)
    result = audit(FIXTURES / "patuh-pindaian")
    assert finding_rules(result) == ["B006"]
    assert result.verdict.value == "PATUH_DENGAN_CATATAN"
    assert result.evidence is not None
    levels = {c.claim: c.level for c in result.evidence.claims if c.field.startswith("dokumen[10]")}
    assert set(levels.values()) == {"dinyatakan"}


@needs_ocr
def test_ocr_cannot_prove_a_citation_absent(audit, tmp_path):
    scan = docs.scanned_pdf(
        docs.signed_report_lines(dasar_hukum=docs.DASAR_HUKUM[:3]), tables=fixture_tables.report_tables(2)
    )  # the report's tables scanned too, as in patuh-pindaian: its figures agree
    folder = with_signed_report(tmp_path, scan)
    (folder / "dossier.yaml").write_text(
        (folder / "dossier.yaml").read_text(encoding="utf-8").replace("\n", "\n", 1), encoding="utf-8"
    )
    result = audit(folder)
    # The scan shows the Perpres but not the PermenPAN: not proved absent (B006), and
    # H001 falls back to the declared dasar_hukum, which cites both.
    assert finding_rules(result) == ["B006"]


def test_h001_is_judged_on_the_text_where_readable(audit):
    result = audit(FIXTURES / "h001-tanpa-permenpan")
    [finding] = result.findings
    assert finding.rule == "H001" and "teks dokumen" in finding.message


def test_one_file_for_two_kinds_that_may_share_it_is_fine(audit, tmp_path):
    folder = copy_patuh(tmp_path / "d")
    manifest = folder / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("lampiran/lkj-2024-tw2-final.pdf", SIGNED), encoding="utf-8")
    assert finding_rules(audit(folder)) == []  # the SOP lets the signed draft be the distributed report


@needs_ocr
def test_levels_of_the_compliant_example(audit):
    evidence = audit(FIXTURES / "patuh").evidence
    assert evidence is not None
    kinds = {c.claim for c in evidence.claims}
    assert kinds == {"dokumen", "dasar_hukum", "nomor", "anggota", "paraf", "tanda_tangan"}
    # Text proves what a document says, never an act: the decree's signature and the report's
    # paraf and signature stay declared, each beside what its signature block says.
    marks = [(c.field, c.level, c.block) for c in evidence.claims if c.claim in ("paraf", "tanda_tangan")]
    assert marks == [
        ("dokumen[0].tanda_tangan[0]", "dinyatakan", "declared"),
        ("dokumen[10].paraf[0]", "dinyatakan", "declared"),
        ("dokumen[10].tanda_tangan[0]", "dinyatakan", "declared"),
    ]
    assert evidence.levels()["dinyatakan"] == len(marks)
    formats = {a.berkas: a.format for a in evidence.attachments}
    assert formats["lampiran/draf-lkj-2024-tw2.docx"] == "docx"


def test_only_the_families_that_need_the_content_read_it(audit, monkeypatch):
    """B, H (H001 judges the signed report's text) and S (the signatures) declare that they
    need the attachments' content; with those left out, no attachment is opened, however
    warm the memo of what was read before."""

    def boom(*args, **kwargs):
        raise AssertionError("read an attachment")

    monkeypatch.setattr(read.Reader, "read_in_children", boom)
    monkeypatch.setattr(read.Reader, "known", boom)
    result = audit(FIXTURES / "patuh", ignore=("B", "H", "S", "C"))
    assert result.findings == () and result.evidence is not None
    kept = audit(FIXTURES / "patuh", ignore=("B", "H"))  # S still needs the content: it is read
    assert [f.rule for f in kept.findings] == ["E000"] and "read an attachment" in kept.findings[0].message


# ----------------------------------------------------------------------------- hostile files


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _pdf_with(content: bytes, extra: bytes = b"") -> bytes:
    return docs._assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R" + extra + b" >>",
            content,
        ]
    )


HOSTILE = {
    # 200 MB of zeros in a 200 KB content stream
    "decompression bomb": lambda: _pdf_with(
        docs._stream(zlib.compress(b"\0" * (200 * 1024 * 1024), 9), b" /Filter /FlateDecode")
    ),
    "deep nesting": lambda: _pdf_with(docs._stream(b"q Q"), b" /Deep " + b"[" * 200_000 + b"]" * 200_000),
    "xref loop": lambda: docs.text_pdf([["x"]]).replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev 9"),
    "pixel bomb page": lambda: docs._assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R >>",
            docs._stream(b"0 0 m 14400 14400 l S"),
        ]
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pdfs_become_findings_within_the_limits(audit, tmp_path, name):
    folder = with_signed_report(tmp_path, HOSTILE[name]())
    result = audit(folder)
    rules = set(finding_rules(result))
    assert rules & {"B001", "B006"} and rules <= {"B001", "B006", "H001", "B003"}, [f.message for f in result.findings]
    assert "E000" not in rules


def test_a_pixel_bomb_image_is_refused(audit, tmp_path):
    folder = copy_patuh(tmp_path / "d")
    (folder / "lampiran/tanda-terima.png").write_bytes(_png_header(100_000, 100_000))
    manifest = folder / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8").replace(
        "lampiran/tanda-terima-bappeda.pdf", "lampiran/tanda-terima.png"
    )
    manifest.write_text(text, encoding="utf-8")
    result = audit(folder)
    assert [(f.rule, f.field) for f in result.findings] == [("B001", "dokumen[13].berkas")]
    assert "pixels" in result.findings[0].message


def _docx_with(document_xml: bytes) -> bytes:
    good = docs.docx(["x"])
    out = Path(os.devnull)  # unused: built in memory below
    del out
    import io

    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = document_xml if info.filename == "word/document.xml" else source.read(info)
            archive.writestr(info, data)
    return buffer.getvalue()


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: _docx_with(b" " * (40 * 1024 * 1024)), id="zip bomb"),
        pytest.param(lambda: _docx_with(BILLION_LAUGHS), id="xml entities"),
    ],
)
def test_hostile_docx_are_refused_unparsed(audit, tmp_path, data):
    folder = copy_patuh(tmp_path / "d")
    (folder / "lampiran/draf-lkj-2024-tw2.docx").write_bytes(data())
    result = audit(folder)
    assert [f.rule for f in result.findings] == ["B001"]
    assert result.findings[0].field == "dokumen[9].berkas"


# A stand-in for the reader's child: it takes the request, says it began the first
# document (as the real one does), then crashes, hangs or swells.
BEGAN = 'import sys; sys.stdin.buffer.read(); print(\'{"reading": 0, "cpu": 1}\', flush=True)\n'


@pytest.mark.parametrize(
    ("child", "problem"),
    [
        ("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", "crashed"),
        ("import time; time.sleep(600)", "timeout"),
        ("x = bytearray(4 * 1024 ** 3)", "memory"),
        ("while True: pass", "timeout"),
    ],
    ids=["crash", "hang", "memory", "cpu"],
)
def test_a_reader_that_crashes_hangs_or_swells_is_b001(audit, tmp_path, monkeypatch, child, problem):
    """The reader gave up on the document: B001, an error, never easier than a readable one."""
    from lapkin_audit.evidence.limits import Limits

    audit(FIXTURES / "patuh")  # its other attachments are read by the real reader, once
    monkeypatch.setattr(read, "CHILD", (sys.executable, "-c", BEGAN + child))
    folder = with_signed_report(
        tmp_path, docs.text_pdf([docs.signed_report_lines()]) + b"%" + problem.encode() + child.encode() + b"\n"
    )
    result = audit(folder, reading=Limits(cpu_base=1, wall_factor=1, wall_slack=3))
    assert finding_rules(result) == ["B001"] and result.verdict.value == "TIDAK_PATUH"
    signed = [a for a in result.evidence.attachments if a.berkas == SIGNED]
    assert signed[0].problem == problem


def test_a_reader_that_fails_before_any_document_is_the_checkers_failure(audit, tmp_path, monkeypatch):
    """A child that dies before it begins a document says nothing about the document: E000
    (TIDAK DAPAT DINILAI), never a B001 blaming the office."""
    audit(FIXTURES / "patuh")
    monkeypatch.setattr(read, "CHILD", (sys.executable, "-c", "import sys; sys.exit(3)"))
    folder = with_signed_report(tmp_path, docs.text_pdf([docs.signed_report_lines()]) + b"%other\n")
    result = audit(folder)
    assert finding_rules(result) == ["E000"] and result.verdict.value == "TIDAK_DAPAT_DINILAI"


# ----------------------------------------------------------------------------- the facts cache


def test_facts_are_cached_by_content_and_shared(tmp_path, monkeypatch, fresh_memo):
    cache = FactsCache.open(tmp_path / "cache")
    data = docs.text_pdf([["Laporan Kinerja Triwulan II 2024"]])
    sha = __import__("hashlib").sha256(data).hexdigest()
    first = read.facts_for(data, sha, cache)
    read._memo.clear()
    monkeypatch.setattr(read, "read_in_children", lambda *a: pytest.fail("read again"))
    assert read.facts_for(data, sha, cache) == first


def test_a_damaged_cache_entry_is_a_miss(tmp_path):
    cache = FactsCache.open(tmp_path / "cache")
    facts = DocumentFacts("ab" * 32, "pdf", 1, (TextPiece(1, "teks", "x"),))
    cache.store(facts, "no-ocr")
    assert cache.load("ab" * 32, "no-ocr") == facts
    entry = cache._path("ab" * 32, "no-ocr")
    entry.write_bytes(b"[" * 100 + b"]" * 100)
    assert cache.load("ab" * 32, "no-ocr") is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_facts_cache_others_can_write_is_refused(tmp_path):
    base = tmp_path / "cache"
    base.mkdir()
    base.chmod(0o777)
    with pytest.raises(OSError):
        FactsCache.open(base)


# ----------------------------------------------------------------------------- every format


@pytest.fixture(scope="module")
def evidence_report():
    from lapkin_audit.batch.one import assess
    from lapkin_audit.load.sop import load_rulebook
    from lapkin_audit.model import Report
    from tests.helpers import session

    sops = load_rulebook(()).sops
    results = tuple(
        assess(FIXTURES / name / "dossier.yaml", f"fixtures/dossiers/{name}", session(sops))
        for name in ("b006-pindaian-tak-terbaca", "e002-yaml-rusak", "patuh")
    )
    return Report("1.0", "id", results)


def test_json_has_the_evidence_object_per_dossier(evidence_report):
    import json

    from tests.helpers import render_as_cli

    dossiers = json.loads(render_as_cli("json", evidence_report))["dossiers"]
    unread, broken, patuh = (d["evidence"] for d in dossiers)
    assert broken is None  # not assessed: nothing was read
    assert set(patuh["levels"]) == {"dinyatakan", "teks", "kriptografis"} and patuh["levels"]["kriptografis"] == 0
    # The three marks (never proven by text), and the scanned receipt without OCR.
    assert patuh["levels"]["dinyatakan"] == (3 if HAS_OCR else 4)
    signed = next(a for a in unread["attachments"] if a["jenis"] == "draf_laporan_disahkan")
    assert signed["format"] == "pdf" and signed["text_source"] is None and signed["signatures"] == []
    assert {"sha256", "pages", "ocr_confidence", "problem"} <= set(signed)
    declared = [c for c in unread["claims"] if c["field"].startswith("dokumen[10]")]
    assert declared and {c["level"] for c in declared} == {"dinyatakan"}
    assert all(set(c) == {"claim", "field", "subject", "level", "berkas", "block"} for c in patuh["claims"])
    blocks = {c["field"]: c["block"] for c in patuh["claims"] if c["block"] is not None}
    marks = ["dokumen[0].tanda_tangan[0]", "dokumen[10].paraf[0]", "dokumen[10].tanda_tangan[0]"]
    assert blocks == dict.fromkeys(marks, "declared")


@pytest.mark.parametrize("fmt", ["table", "markdown", "github"])
def test_the_short_form_is_in_the_text_formats(evidence_report, fmt):
    from tests.helpers import render_as_cli

    text = render_as_cli(fmt, evidence_report)
    assert "Bukti:" in text and "dinyatakan" in text and "teks" in text


def test_junit_and_sarif_carry_the_levels(evidence_report):
    import json

    from tests.helpers import render_as_cli

    junit = render_as_cli("junit", evidence_report)
    assert 'name="evidence.dinyatakan"' in junit and 'name="evidence.read.ocr"' in junit
    sarif = json.loads(render_as_cli("sarif", evidence_report))
    assert sarif["runs"][0]["properties"]["evidence"]["files"] == 18


def test_html_has_a_table_of_what_each_document_proved(evidence_report):
    from tests.helpers import render_as_cli

    html = render_as_cli("html", evidence_report)
    assert html.count('<table class="grid evidence">') == 2
    assert "Hanya dinyatakan manifest:" in html and "lapisan teks" in html
    # The marks are declared, with what their signature blocks say beside them.
    assert "tanda tangan: Drs. Bambang Sutrisno, M.Si (bloknya menyebut orang yang dinyatakan)" in html


def test_the_result_cache_keeps_the_evidence(tmp_path):
    from lapkin_audit.batch.one import assess
    from lapkin_audit.load.sop import load_rulebook
    from lapkin_audit.model import DossierResult, codec
    from tests.helpers import session

    result = assess(FIXTURES / "patuh" / "dossier.yaml", "p", session(load_rulebook(())))
    assert result.evidence is not None and result.evidence.attachments
    assert codec.loads(DossierResult, codec.dumps(result)) == result


def test_another_period_is_one_finding_per_document(audit):
    findings = audit(FIXTURES / "b005-lra-triwulan-lain").findings
    assert [(f.rule, f.field) for f in findings] == [("B005", "dokumen[1].berkas")]


def test_another_office_in_the_heading_is_b005(audit, tmp_path):
    folder = copy_patuh(tmp_path / "d")
    lines = [*docs.heading("LAPORAN DATA KINERJA", 2), "Data kinerja Kecamatan Singosari bulan Juni"]
    (folder / "lampiran/data-kinerja-2024-tw2.pdf").write_bytes(docs.text_pdf([lines]))
    findings = audit(folder).findings
    assert [(f.rule, f.field) for f in findings] == [("B005", "dokumen[4].berkas")]
    assert "Kecamatan Singosari" in findings[0].message


def test_other_offices_and_periods_in_the_body_are_no_b005(audit, tmp_path):
    """evidence.md 1.2: a report compares with earlier years and describes its setting."""
    folder = copy_patuh(tmp_path / "d")
    body = [
        "Indeks Kepuasan Masyarakat: 83,4 (Triwulan I Tahun 2024: 81,0; Triwulan II Tahun 2023: 79,2)",
        "Pembanding: capaian rata-rata Kecamatan Singosari dan Kecamatan Lawang pada Tahun Anggaran 2023.",
    ]
    lines = [*docs.heading("LAPORAN DATA KINERJA", 2), "Uraian capaian", *body]
    (folder / "lampiran/data-kinerja-2024-tw2.pdf").write_bytes(docs.text_pdf([lines]))
    assert audit(folder).findings == ()


def test_the_decree_number_must_be_in_its_text(audit, tmp_path):
    folder = copy_patuh(tmp_path / "d")
    manifest = folder / "dossier.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("nomor: 188.45/07/421.632/2024", "nomor: 188.45/08/421.632/2024"),
        encoding="utf-8",
    )
    assert [(f.rule, f.field) for f in audit(folder).findings] == [("B004", "dokumen[0].nomor")]


def test_a_file_too_large_to_read_is_b001_not_a_wrong_format(audit, tmp_path, monkeypatch):
    from lapkin_audit.load import attachments

    monkeypatch.setattr(read, "_memo", type(read._memo)())  # nothing already known
    monkeypatch.setattr(attachments, "MAX_DOCUMENT_BYTES", 1000)
    original = attachments.read_content
    monkeypatch.setattr(
        attachments, "read_content", lambda folder, berkas, sha256: original(folder, berkas, sha256, limit=1000)
    )
    result = audit(FIXTURES / "patuh")
    signed = [f for f in result.findings if f.field == "dokumen[10].berkas"]
    assert [f.rule for f in signed] == ["B001"] and "terlalu besar" in signed[0].message
    assert all(f.rule == "B001" and "terlalu besar" in f.message for f in result.findings)


@needs_ocr
def test_a_photographed_receipt_reads_by_ocr(audit, tmp_path):
    folder = copy_patuh(tmp_path / "d")
    lines = ["TANDA TERIMA", "BAPPEDA KABUPATEN MALANG", "Laporan Kinerja Triwulan II Tahun 2024"]
    (folder / "lampiran/tanda-terima.jpg").write_bytes(docs.jpeg(lines))
    manifest = folder / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8").replace(
        "lampiran/tanda-terima-bappeda.pdf", "lampiran/tanda-terima.jpg"
    )
    manifest.write_text(text, encoding="utf-8")
    result = audit(folder)
    assert result.findings == ()
    receipt = next(a for a in result.evidence.attachments if a.jenis == "bukti_pengiriman")
    assert (receipt.format, receipt.pages, receipt.text_source) == ("jpeg", 1, "ocr")


def test_a_batch_with_hostile_attachments_loses_no_dossier(tmp_path):
    """The whole command, in a child process: hostile files in two dossiers, a clean one
    between them; every dossier is reported, no traceback, within the time limit."""
    from tests.hostile_util import by_path, rules_of, run_check

    root = tmp_path / "batch"
    bomb = copy_patuh(root / "a-bom-zip")
    (bomb / "lampiran/draf-lkj-2024-tw2.docx").write_bytes(_docx_with(BILLION_LAUGHS))
    copy_patuh(root / "b-patuh")
    nested = copy_patuh(root / "c-bersarang")
    (nested / SIGNED).write_bytes(HOSTILE["deep nesting"]())
    status, report = run_check(str(root), "--jobs", "2")
    assert status == 1
    found = by_path(report)
    assert len(found) == 3
    assert rules_of(found[str(root / "a-bom-zip")]) == ["B001"]
    assert rules_of(found[str(root / "b-patuh")]) == []
    assert set(rules_of(found[str(root / "c-bersarang")])) <= {"B001", "B006", "H001", "B003"}


# tte: the unsigned signed report holds no signature by the Sekretaris (S001, tests/test_tte.py).
@pytest.mark.parametrize(("metode", "rules"), [("basah", []), ("tte", ["S001"]), ("sistem", []), ("pena", ["E003"])])
def test_marks_may_say_how_they_were_made(audit, tmp_path, metode, rules):
    folder = copy_patuh(tmp_path / "d")
    manifest = folder / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8").replace(
        "tanggal: 2024-07-02T10:00:00+07:00}", f"tanggal: 2024-07-02T10:00:00+07:00, metode: {metode}}}"
    )
    manifest.write_text(text, encoding="utf-8")
    result = audit(folder)
    assert finding_rules(result) == rules


def test_a_scan_is_read_page_by_page_across_processes(monkeypatch):
    """With --jobs 2 the child reads a scan's pages two at a time, in two processes: the
    facts are exactly those of one process, pages in order."""
    from lapkin_audit.evidence import child
    from lapkin_audit.evidence.read import tessdata_dir

    folder = tessdata_dir()
    if folder is None:
        pytest.skip("Tesseract with its Indonesian model is not installed (README: Reading scans)")
    lines = docs.signed_report_lines()
    scan = docs.scanned_pdf(lines, pages=3)
    monkeypatch.setenv(child.OCR_WORKERS_ENV, "1")
    alone = child.read(scan, "0" * 64, folder)
    monkeypatch.setenv(child.OCR_WORKERS_ENV, "2")
    together = child.read(scan, "0" * 64, folder)
    assert together == alone
    assert [p.page for p in together.pieces] == [1, 2, 3] and all(p.source == "ocr" for p in together.pieces)
    assert "Peraturan Presiden" in together.text


def _pid_read(image, tables=False):
    """A stand-in page reader that says which process read the page."""
    return str(os.getpid()), None, 0.25


def test_the_pages_go_to_other_processes(monkeypatch):
    from PIL import Image

    from lapkin_audit.evidence import ocr
    from lapkin_audit.evidence.read import tessdata_dir

    folder = tessdata_dir()
    if folder is None:
        pytest.skip("Tesseract with its Indonesian model is not installed (README: Reading scans)")
    monkeypatch.setattr(ocr, "_pool_read", _pid_read)
    reader = ocr.Ocr(folder, 2)
    page = Image.new("L", (100, 100), 255)
    try:
        reads, elsewhere = reader.read([page, page])
    finally:
        reader.close()
    readers = {read[0] for read in reads if read is not None}
    assert readers and str(os.getpid()) not in readers  # read by the pool, not here
    assert elsewhere == 0.5  # the workers' CPU time counts in the document's budget
