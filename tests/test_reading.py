"""Reading documents as their readers see them, within budgets that do not depend on the
machine's load (lapkin_audit.evidence: readers, codec, limits, Reader)."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lapkin_audit.domain.doctext import as_printed, citations_in, prepare
from lapkin_audit.evidence import codec, process, read, readers
from lapkin_audit.evidence.cache import LIBRARIES, FactsCache
from lapkin_audit.evidence.child import read as read_bytes
from lapkin_audit.evidence.facts import DocumentFacts, TextPiece
from lapkin_audit.evidence.limits import Limits
from tests.helpers import FIXTURES, ROOT
from tests.hostile_util import SIGNED, finding_rules, long_scan_pdf, with_signed_report

sys.path.insert(0, str(ROOT / "scripts"))
import fixture_documents as docs

OFFICE = ROOT / "tests" / "data" / "office"
TESSDATA = read.tessdata_dir()
needs_ocr = pytest.mark.skipif(TESSDATA is None, reason="Tesseract with its Indonesian model is not installed")
WITHOUT_PERMENPAN = docs.signed_report_lines(dasar_hukum=docs.DASAR_HUKUM[:3])  # cites only the Perpres


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ----------------------------------------------------------------------------- as printed


@pytest.mark.parametrize(
    ("raw", "printed"),
    [
        ("Nomor 29 Ta\ufffehun 2014", "Nomor 29 Tahun 2014"),  # pdfium: a hyphenated line end, lines joined
        ("Ta\x02hun", "Tahun"),  # pdfium's other mark
        ("Ta\u00ad\r\n   hun", "Tahun"),  # a Word export: the soft hyphen in the text layer
        ("Refor-\nmasi", "Reformasi"),  # a printed hyphen at a line end (OCR, other libraries)
        ("PermenPAN\ufffeRB", "PermenPAN-RB"),  # a compound keeps its hyphen
        ("masing\ufffemasing", "masing-masing"),  # so does a doubled word
        ("e\ufb01siensi dan re\ufb02eksi", "efisiensi dan refleksi"),  # ligatures are their letters
        ("Nomor\u00a053\u202fTahun", "Nomor 53 Tahun"),  # non-breaking spaces are spaces
        ("Ta\u200bhun\ufeff", "Tahun"),  # zero-width characters are nothing
        ("daftar -\nisi", "daftar -\nisi"),  # a dash after a space is no hyphenation
        ("a\x00b\x1fc", "abc"),  # control characters go
    ],
)
def test_text_reads_as_printed(raw, printed):
    assert as_printed(raw) == printed


def test_a_citation_hyphenated_by_pdfium_is_found():
    assert citations_in(prepare("Peraturan Presiden Nomor 29 Ta\ufffehun 2014")) == {("perpres", "29", 2014)}


def test_the_libreoffice_export_is_hyphenated_as_pdfium_reads_it():
    """The committed fixture does exercise the marks (tests/data/office/README.md)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument((OFFICE / "laporan-hyphen.pdf").read_bytes())
    raw = "".join(page.get_textpage().get_text_range() for page in document)
    assert "Ta\ufffehun" in raw and "Pera\ufffeturan" in raw


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: (OFFICE / "laporan-hyphen.pdf").read_bytes(), id="libreoffice"),
        pytest.param(lambda: docs.word_export_pdf(docs.word_report_lines()), id="word"),
    ],
)
def test_a_report_exported_with_hyphenation_cites_correctly(audit, tmp_path, make):
    """Before text was read as printed, these were H001 and B003 on a report that cites
    both legal bases. An export straight from the word processor carries no ink on its
    signature page, which is B008 (an unsigned export) and rightly so: the citations are
    what this holds."""
    baseline = finding_rules(audit(FIXTURES / "patuh"))
    result = audit(with_signed_report(tmp_path, make()), ignore=("C",))  # these exports carry no tables
    assert finding_rules(result) == sorted([*baseline, "B008"])
    signed = next(c for c in result.evidence.claims if c.field == "dokumen[10].dasar_hukum[1]")
    assert signed.level == "teks"


# ----------------------------------------------------------------------------- gave up: B001


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        pytest.param(lambda lines: docs.many_pages_pdf(lines, 501), "too_many_pages", id="501 pages"),
        pytest.param(docs.self_drawing_pdf, ("memory", "crashed", "timeout"), id="self-drawing form"),
    ],
)
def test_a_document_the_reader_gave_up_on_never_passes_more_easily(audit, tmp_path, make, problem):
    """The same page text fails H001/B003 when it can be read; unreadable, it is B001 (an
    error, TIDAK PATUH), never a warning that passes."""
    readable = audit(with_signed_report(tmp_path / "a", docs.text_pdf([WITHOUT_PERMENPAN])))
    assert "B003" in finding_rules(readable) and readable.verdict.value == "TIDAK_PATUH"
    limits = Limits(cpu_base=3, cpu_per_page=1, memory=400 * 1024 * 1024)
    result = audit(with_signed_report(tmp_path / "b", make(WITHOUT_PERMENPAN)), reading=limits)
    assert "B001" in finding_rules(result) and result.verdict.value == "TIDAK_PATUH"
    [signed] = [a for a in result.evidence.attachments if a.berkas == SIGNED]
    assert signed.problem in (problem if isinstance(problem, tuple) else (problem,))


@needs_ocr
def test_a_spent_cpu_budget_is_b001_naming_the_budget_and_never_cached(tmp_path, monkeypatch, run_json):
    from lapkin_audit.evidence import limits

    folder = with_signed_report(tmp_path, docs.scans_pdf(docs.long_scan(2)))
    _age(folder)
    monkeypatch.setattr(read, "_memo", type(read._memo)())
    monkeypatch.setattr(limits, "DEFAULT", Limits(cpu_base=0.2))
    # the scan carries no capaian table: the content checks (C008) are not this test's business
    code, report = run_json("--jobs", "1", "--cpu-per-page", "0.1", "--ignore", "C", str(folder))
    assert code == 1
    [finding] = [f for f in report["dossiers"][0]["findings"] if f["field"] == "dokumen[10].berkas"]
    assert finding["rule"] == "B001" and "--cpu-per-page" in finding["message"]
    monkeypatch.setattr(limits, "DEFAULT", Limits())
    monkeypatch.setattr(read, "_memo", type(read._memo)())  # another run (a run remembers its failures)
    code, report = run_json("--jobs", "1", "--ignore", "C", str(folder))  # the same cache: read again, within budget
    assert code == 0 and report["dossiers"][0]["verdict"] == "PATUH"


def _age(root: Path) -> None:
    from tests.hostile_util import age

    age(root)


def test_a_document_that_killed_its_child_is_not_read_again(monkeypatch):
    """In a batch, the child that gave up on one document is not run again for it: the
    documents before it keep their facts, the ones after it are read in a new child."""
    first, hostile, last = (
        docs.text_pdf([["Laporan pertama, halaman satu."]]),
        docs.self_drawing_pdf(["Laporan berbahaya"]),
        docs.text_pdf([["Laporan terakhir, halaman satu."]]),
    )
    started: list[int] = []
    original = process.run

    def counting(command, payload, env, **kwargs):  # type: ignore[no-untyped-def]
        started.append(len(codec.decode_request(payload).documents))
        return original(command, payload, env, **kwargs)

    monkeypatch.setattr(process, "run", counting)
    reader = read.Reader(Limits(cpu_base=3, cpu_per_page=1, memory=400 * 1024 * 1024))
    facts = reader.read_in_children([(first, _sha(first)), (hostile, _sha(hostile)), (last, _sha(last))])
    assert [f.problem for f in facts] in ([None, p, None] for p in ("memory", "crashed", "timeout"))
    assert started == [3, 1]  # the hostile document was never read a second time


# ----------------------------------------------------------------------------- bounds


def test_what_the_child_returns_is_bounded_and_says_so():
    """40 pages sharing one content stream of long text: each page and the document are
    cut to the limits, the cut counted, and the text can no longer prove anything absent."""
    lines = [f"Baris {n} " + "isi laporan kinerja " * 6 for n in range(50)]
    pdf = docs.many_pages_pdf(lines, 40)
    facts = read_bytes(pdf, "0" * 64, None, limits=Limits(page_chars=2_000, document_chars=50_000))
    assert sum(len(p.text) for p in facts.pieces) == 50_000 and all(len(p.text) <= 2_000 for p in facts.pieces)
    assert facts.cut_chars > 0 and not facts.complete


def test_the_reader_keeps_a_bounded_memo(monkeypatch):
    monkeypatch.setattr(read, "MEMO_CHARS", 250)
    reader = read.Reader()
    for n in range(5):
        reader._remember(DocumentFacts(f"{n:064}", "pdf", 1, (TextPiece(1, "teks", "x" * 100),)))
    assert len(reader.memo) == 2 and reader.known(f"{4:064}") is not None


# ----------------------------------------------------------------------------- the codec


def test_a_request_and_the_facts_go_through_the_codec_unchanged():
    facts = DocumentFacts("ab" * 32, "pdf", 2, (TextPiece(1, "ocr", "Tahun 2014", 88),), None, None, 1, cut_chars=3)
    request = codec.Request("/tess/", 2, Limits(cpu_per_page=5), (b"root",), (b"crl",), (("ab" * 32, b"%PDF-"),))
    assert codec.decode_request(codec.encode_request(request)) == request
    assert codec.decode_message(codec.facts_message(facts)) == ("facts", facts)
    assert codec.decode_message(codec.reading(3, 12.5)) == ("reading", (3, 12.5))


GOOD = codec.facts_to_json(DocumentFacts("ab" * 32, "pdf", 1, (TextPiece(1, "teks", "x"),), unread_pages=0))
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
JSONISH = (
    SCALARS
    | st.lists(SCALARS, max_size=3)
    | st.lists(st.lists(SCALARS, max_size=4), max_size=3)  # the shape of pieces
    | st.dictionaries(st.text(max_size=5), SCALARS, max_size=3)
)


@settings(max_examples=300, deadline=None)
@given(key=st.sampled_from(sorted(GOOD)), value=JSONISH)
def test_a_damaged_facts_entry_is_a_miss_always(tmp_path_factory, key, value):
    """Whatever an entry's field holds (Infinity, a float for a count, a wrong shape), the
    cache answers a miss or facts that are well-formed: never an exception."""
    cache = FactsCache.open(tmp_path_factory.mktemp("facts"))
    # written as the cache writes (under this user's HMAC): the damage is in what it holds
    cache.handle.put(cache._entry("ab" * 32, "no-ocr"), json.dumps({**GOOD, key: value}).encode())
    found = cache.load("ab" * 32, "no-ocr")
    if found is not None:
        assert codec.facts_from_json(codec.facts_to_json(found)) == found
        assert isinstance(found.unread_pages, int) and found.unread_pages >= 0


def test_infinity_in_a_facts_entry_is_a_miss(tmp_path):
    cache = FactsCache.open(tmp_path / "cache")
    damaged = json.dumps(GOOD).replace('"unread_pages": 0', '"unread_pages": Infinity')
    cache.handle.put(cache._entry("ab" * 32, "no-ocr"), damaged.encode())
    assert "Infinity" in cache._path("ab" * 32, "no-ocr").read_text() and cache.load("ab" * 32, "no-ocr") is None


# ----------------------------------------------------------------------------- the registry


def test_every_format_has_a_reader_that_says_what_it_depends_on():
    assert {fmt.name for fmt in readers.FORMATS} == {"pdf", "docx", "xlsx", "jpeg", "png", "tiff"}
    assert all(fmt.depends for fmt in readers.FORMATS)
    assert set(readers.depends()) <= set(LIBRARIES)
    assert readers.sniff(docs.docx(["Halo"])) == "docx" and readers.sniff(b"GIF89a") == "unknown"
    xlsx = (ROOT / "fixtures" / "content" / "dokumen" / "lra-2024-tw2.xlsx").read_bytes()
    assert readers.sniff(xlsx) == "xlsx"


# ----------------------------------------------------------------------------- OCR resolution


@pytest.mark.parametrize(("dpi", "rendered"), [(100, 150), (150, 150), (200, 200), (600, 400)])
def test_a_scan_is_rendered_at_its_own_resolution_within_bounds(dpi, rendered):
    import pypdfium2 as pdfium

    from lapkin_audit.evidence.readers.pdf import scan_dpi

    document = pdfium.PdfDocument(docs.scans_pdf([["Halo"]], dpi=dpi))
    assert round(scan_dpi(document[0], pdfium)) == rendered


def _cer(found: str, expected: str) -> float:
    """Character error rate, from difflib's longest matching blocks (stdlib)."""
    a, b = " ".join(found.split()), " ".join(expected.split())
    return 1 - difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


CER_BOUND = 0.03  # at most 3 characters in 100 read wrong on these clean scans


@needs_ocr
@pytest.mark.parametrize("dpi", [150, 200])
def test_ocr_at_the_scans_resolution_reads_the_text_as_well(monkeypatch, dpi):
    """Rendered at its own resolution (not upsampled to 300 dpi), a scan's text is read
    within the bound, and no worse than at 300 dpi."""
    from lapkin_audit.evidence.readers import pdf

    lines = docs.signed_report_lines()
    scan = docs.scans_pdf([lines], dpi=dpi)
    native = read_bytes(scan, "0" * 64, TESSDATA)
    monkeypatch.setattr(pdf, "MIN_SCAN_DPI", 300)
    monkeypatch.setattr(pdf, "MAX_SCAN_DPI", 300)
    upsampled = read_bytes(scan, "0" * 64, TESSDATA)
    expected = "\n".join(lines)
    assert _cer(native.text, expected) <= CER_BOUND
    assert _cer(native.text, expected) <= _cer(upsampled.text, expected) + 0.005


# ----------------------------------------------------------------------------- a long scan


@pytest.fixture(scope="module")
def long_scan():
    return long_scan_pdf(40)  # built once per test run, shared with the process tests


def _read_long(scan: bytes, workers: int) -> DocumentFacts:
    [facts] = read.Reader(tessdata=TESSDATA, ocr_workers=workers).read_in_children([(scan, _sha(scan))])
    return facts


@pytest.fixture(scope="module")
def long_scan_alone(long_scan):
    return _read_long(long_scan, 1) if TESSDATA is not None else None


@needs_ocr
def test_a_40_page_scan_is_read_within_its_budget(long_scan_alone):
    facts = long_scan_alone
    assert (facts.problem, facts.pages, facts.unread_pages) == (None, 40, 0)
    assert [p.page for p in facts.pieces] == list(range(1, 41)) and {p.source for p in facts.pieces} == {"ocr"}
    assert "Halaman 40" in facts.text and ("perpres", "29", 2014) in citations_in(prepare(facts.text, ocr=True))


@needs_ocr
def test_a_long_scan_gives_the_same_facts_with_two_workers(long_scan, long_scan_alone):
    assert _read_long(long_scan, 2) == long_scan_alone


@needs_ocr
def test_a_long_scan_gives_the_same_facts_beside_busy_processes(long_scan, long_scan_alone):
    """Two busy loops beside the reader (more runnable processes than cores): the budget is
    CPU time, so the outcome does not change. Nothing here measures time."""
    hogs = [subprocess.Popen([sys.executable, "-c", "while 1: pass"]) for _ in range(2)]
    try:
        assert _read_long(long_scan, 2) == long_scan_alone
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


def test_limits_are_plain_data():
    limits = Limits(cpu_per_page=2)
    assert dataclasses.replace(limits, cpu_per_page=3).cpu_for(10) == limits.cpu_base + 30
    assert limits.cpu_for(10_000) == limits.cpu_for(limits.max_pages)


def test_the_checker_keeps_a_bounded_search_form(monkeypatch):
    from types import SimpleNamespace

    from lapkin_audit.checks import bukti

    monkeypatch.setattr(bukti, "TEXT_CHARS_KEPT", 250)
    ctx = SimpleNamespace(texts={})  # what a run's session owns and hands each dossier
    for n in range(5):
        bukti.searchable(ctx, DocumentFacts(f"{n:064}", "pdf", 1, (TextPiece(1, "teks", "kata " * 20),)))
    assert ctx.texts and sum(len(doc.text) for doc in ctx.texts.values()) <= 250


def test_reading_in_place_leaves_this_process_limits_alone():
    """Only the child sets the kernel's CPU limit on itself; a process that reads in place
    (a test, the benchmark) keeps its own."""
    import resource

    before = resource.getrlimit(resource.RLIMIT_CPU)
    read_bytes(docs.text_pdf([docs.sk_lines()]), "0" * 64, None)
    assert resource.getrlimit(resource.RLIMIT_CPU) == before
