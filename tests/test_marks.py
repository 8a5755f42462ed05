"""B007 and B008: what a document's signature blocks say against the manifest, and a
document declared signed in ink that shows no signature (checks.bukti_tanda).

Each case edits the compliant dossier's manifest or replaces one of its documents with one
built as offices build them (scripts/fixture_documents.py); assertions are on codes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import FIXTURES
from tests.hostile_util import SIGNED, copy_patuh

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import fixture_documents as docs
import fixture_tables

SK = "lampiran/sk-tim-akuntabilitas-2024.pdf"
BASE = (FIXTURES / "patuh" / "dossier.yaml").read_text(encoding="utf-8")
CAMAT = '  camat:      {nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004"}'
SRI = ("Sri Wahyuni, S.Sos", "Penata Tingkat I", "19810101 200601 2 001")
PARAF_AT = "tanggal: 2024-07-02T10:00:00+07:00}"
TTD_AT = "tanggal: 2024-07-02T15:00:00+07:00}"


@pytest.fixture
def dossier(tmp_path, audit):
    """Audit the compliant dossier with the manifest edited and some files replaced."""

    runs = iter(range(100))

    def run(*edits: tuple[str, str], files: dict[str, bytes] | None = None):
        folder = copy_patuh(tmp_path / f"d{next(runs)}")
        text = BASE
        for old, new in edits:
            assert old in text, old
            text = text.replace(old, new)
        (folder / "dossier.yaml").write_text(text, encoding="utf-8")
        for path, data in (files or {}).items():
            (folder / path).write_bytes(data)
        result = audit(folder)
        return sorted(f.rule for f in result.findings), result

    yield run


TABLES = fixture_tables.report_tables(2)  # the report's capaian and budget, on its last page


def _report(lines: list[str], signed: bool = True) -> bytes:
    return docs.text_pdf([lines, TABLES], signed=(0,) if signed else ())


# ----------------------------------------------------------------------------- B007


def test_a_paraf_on_behalf_of_the_sekretaris_is_b007(dossier):
    lines = docs.signed_report_lines()
    paraf = lines.index("Paraf koordinasi: Sekretaris Kecamatan, Siti Aminah, S.Sos")
    lines[paraf] = "Paraf koordinasi: a.n. Sekretaris Kecamatan, Rina Wulandari, S.Kom"
    lines[paraf + 1] = "NIP. 19950314 202321 2 001"
    codes, result = dossier(files={SIGNED: _report(lines)})
    assert codes == ["B007"]
    assert result.findings[0].field == "dokumen[10].paraf[0]"


def test_u_b_under_an_a_n_is_b007(dossier):
    block = ["a.n. CAMAT KARANGPLOSO", "Sekretaris Kecamatan", "u.b.", "Kepala Subbagian Umum,", "", "Rudi Hartono"]
    codes, result = dossier(
        files={SIGNED: _report([*docs.signed_report_lines(signer=block), "NIP. 19820605 200801 1 012"])}
    )
    assert codes == ["B007"]
    assert '"u.b. CAMAT KARANGPLOSO"' in result.findings[0].message


def test_plh_in_the_manifest_and_plt_in_the_block_is_b007(dossier):
    signer = docs.block(docs.BAMBANG, ("Plt. CAMAT KARANGPLOSO,",))
    sk = docs.text_pdf([docs.sk_lines(signer=signer)], signed=(0,))
    codes, result = dossier(
        (CAMAT, CAMAT[:-1] + ", status: plh}"),
        files={SK: sk, SIGNED: _report(docs.signed_report_lines(signer=signer))},
    )
    assert codes == ["B007", "B007"]
    assert all('"Plt. CAMAT KARANGPLOSO", bukan "Plh. CAMAT KARANGPLOSO"' in f.message for f in result.findings)


def test_a_block_that_names_the_declared_person_without_titles_or_by_nip_is_no_b007(dossier):
    signer = docs.block(("BAMBANG SUTRISNO", "Pembina Tingkat I", "19700312.199003.1.004"))
    codes, result = dossier(files={SIGNED: _report(docs.signed_report_lines(signer=signer))})
    assert codes == []
    (claim,) = [c for c in result.evidence.claims if c.field == "dokumen[10].tanda_tangan[0]"]
    assert claim.block == "declared"


def test_a_report_without_any_block_gives_no_b007_and_says_so(dossier):
    lines = [*docs.heading("LAPORAN KINERJA", 2), *docs.DASAR_HUKUM, "Karangploso, 2 Juli 2024"]
    codes, result = dossier(files={SIGNED: _report([*lines, "NIP. 19700312 199003 1 004"])})
    assert "B007" not in codes
    blocks = {c.field: c.block for c in result.evidence.claims if c.field.startswith("dokumen[10].")}
    assert blocks["dokumen[10].tanda_tangan[0]"] == "absent"


@pytest.mark.skipif("not __import__('lapkin_audit.evidence.read', fromlist=['x']).tessdata_dir()")
def test_ocr_confirms_an_a_n_but_never_proves_another_name(dossier):
    """A scanned decree: its "a.n." is read by OCR and counts; a name OCR reads otherwise
    (garbled, or really another) is not taken as proof of another signer."""
    an = ["a.n. CAMAT KARANGPLOSO", "Sekretaris Kecamatan,", *docs.block(SRI, ())]
    codes, _ = dossier(files={SK: docs.scanned_pdf(docs.sk_lines(signer=an))})
    assert "B007" in codes
    other = docs.block(("Drs. Hadi Purnomo", "Pembina", "19680505 199203 1 010"))
    codes, result = dossier(files={SK: docs.scanned_pdf(docs.sk_lines(signer=other))})
    assert "B007" not in codes
    (claim,) = [c for c in result.evidence.claims if c.field == "dokumen[0].tanda_tangan[0]"]
    assert claim.block is None  # OCR could not confirm the declared signer, nor prove another


# ----------------------------------------------------------------------------- B008


def test_an_unsigned_export_declared_tte_is_s001_not_b008(dossier):
    """metode: tte on an export: the declared TTE is missing (S001); B008 is for ink."""
    codes, _ = dossier(
        (PARAF_AT, PARAF_AT[:-1] + ", metode: tte}"),
        (TTD_AT, TTD_AT[:-1] + ", metode: tte}"),
        files={SIGNED: _report(docs.signed_report_lines(), signed=False)},
    )
    assert codes == ["S001", "S001"]


@pytest.mark.parametrize("metode", ["", ", metode: basah"])
def test_an_unsigned_export_declared_in_ink_is_b008(dossier, metode):
    codes, result = dossier(
        (TTD_AT, TTD_AT[:-1] + metode + "}"), files={SIGNED: _report(docs.signed_report_lines(), signed=False)}
    )
    assert codes == ["B008"]
    assert result.findings[0].field == "dokumen[10].berkas" and "halaman 1" in result.findings[0].message


def test_an_approval_in_an_e_office_system_is_no_b008(dossier):
    codes, _ = dossier(
        (PARAF_AT, PARAF_AT[:-1] + ", metode: sistem}"),
        (TTD_AT, TTD_AT[:-1] + ", metode: sistem}"),
        files={SIGNED: _report(docs.signed_report_lines(), signed=False)},
    )
    assert codes == []


def test_only_the_signature_blocks_page_counts(dossier):
    """A logo on the cover does not sign the last page; a signature on the last page does."""
    cover = docs.heading("LAPORAN KINERJA", 2)
    body = docs.signed_report_lines()
    logo_on_cover = docs.text_pdf([cover, body, TABLES], signed=(0,))
    codes, result = dossier(files={SIGNED: logo_on_cover})
    assert codes == ["B008"] and "halaman 2" in result.findings[0].message
    codes, _ = dossier(files={SIGNED: docs.text_pdf([cover, body, TABLES], signed=(1,))})
    assert codes == []


def test_with_no_block_found_every_page_must_lack_an_image(dossier):
    lines = [*docs.heading("LAPORAN KINERJA", 2), *docs.DASAR_HUKUM, "Paraf dan tanda tangan: lihat lembar pengesahan."]
    codes, result = dossier(files={SIGNED: _report(lines, signed=False)})
    assert "B008" in codes
    (b008,) = [f for f in result.findings if f.rule == "B008"]
    assert "tidak satu halaman pun" in b008.message


def test_a_visible_tte_mark_without_a_signature_is_s010_not_b008(dossier):
    footer = "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan"
    footer += " oleh Balai Besar Sertifikasi Elektronik (BSrE)"
    codes, _ = dossier(files={SIGNED: _report([*docs.signed_report_lines(), footer], signed=False)})
    assert codes == ["S010"]


def test_a_scan_of_the_signed_paper_is_no_b008(dossier):
    # A scan is an image on every page; whether OCR reads it is B006's business.
    codes, _ = dossier(files={SIGNED: docs.scanned_pdf(docs.signed_report_lines())})
    assert "B008" not in codes


def test_the_image_pages_are_read_from_the_pdf():
    import hashlib

    from lapkin_audit.evidence.child import read

    cover, body = docs.heading("LAPORAN KINERJA", 2), docs.signed_report_lines()
    data = docs.text_pdf([cover, body, cover], signed=(1,))
    assert read(data, hashlib.sha256(data).hexdigest(), None).image_pages == (2,)
    scan = docs.scanned_pdf(["TANDA TERIMA"], pages=3)
    assert read(scan, hashlib.sha256(scan).hexdigest(), None).image_pages == (1, 2, 3)


def test_an_image_drawn_inside_a_form_counts_and_a_crowded_page_counts_as_possibly_signed(monkeypatch):
    import hashlib

    from lapkin_audit.evidence import child

    # A signature stamped as a Form XObject that draws the image (as PDF editors stamp one).
    image = docs._signature_image()
    form = docs._stream(
        b"q 130 0 0 48 0 0 cm /Im1 Do Q",
        b" /Type /XObject /Subtype /Form /BBox [0 0 130 48] /Resources << /XObject << /Im1 6 0 R >> >>",
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        docs._stream(b"q 1 0 0 1 300 200 cm /Fm1 Do Q"),
        form,
        image,
    ]
    data = docs._assemble(objects)
    assert child.read(data, hashlib.sha256(data).hexdigest(), None).image_pages == (1,)
    # Past the bound of objects looked at, a page is taken as one that may carry an image.
    from lapkin_audit.evidence.readers import pdf

    monkeypatch.setattr(pdf, "MAX_PAGE_OBJECTS", 5)
    text = docs.text_pdf([docs.signed_report_lines()])
    assert child.read(text, hashlib.sha256(text).hexdigest(), None).image_pages == (1,)
