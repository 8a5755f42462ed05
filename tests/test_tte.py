"""Electronic signatures judged against the declarations (checks/tte.py, domain/tte.py):
what the fixtures do not show one by one, and the reports' view of signatures."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import sys
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from lapkin_audit.cli import cli
from lapkin_audit.domain.tte import has_tte_footer, is_tte_qr, signed_by, within_tolerance
from tests.helpers import FIXTURES, ROOT, TTE_RULES
from tests.hostile_util import SIGNED

sys.path.insert(0, str(ROOT / "scripts"))
import fixture_documents as docs
import fixture_tables

WIB = ZoneInfo("Asia/Jakarta")


# ----------------------------------------------------------------------------- domain


def bundled_issuers() -> list[str]:
    from lapkin_audit.load.sop import load_rulebook

    providers = load_rulebook().sops["pelaporan-kinerja"].tte.providers
    return [name for provider in providers for name in provider.names]


ISSUERS = bundled_issuers()
PHRASE = "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh "


@pytest.mark.parametrize(
    "text",
    [
        PHRASE + "BSrE",
        PHRASE + "Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara",
        PHRASE + "Balai Besar Sertifikasi Elektronik",  # BSrE's name since 2023, written out alone
        PHRASE + "Balai Sertifikasi Elektronik",
        PHRASE + "BSSN",
        PHRASE + "B S S N",
        PHRASE + "Badan Siber dan Sandi Negara",
        "ditanda-\ntangani secara elek-\ntronik menggunakan sertifikat elektronik yang diterbitkan "
        "oleh Balai Besar Sertiﬁkasi Elek-\ntronik",  # hyphenated at line ends, a ligature
        "ditanda\ufffetangani secara elek\u00adtronik ... Balai\u00a0Besar\u200bSertifikasi Elektronik",
        "DITANDATANGANI  SECARA  ELEKTRONIK ... BSSN",
        PHRASE + "PT Privy Identitas Digital",  # another certified provider, from the rules data
        PHRASE + "Perum Peruri",
    ],
)
def test_the_tte_footer_is_found_however_written(text):
    assert has_tte_footer(text, ISSUERS)


@pytest.mark.parametrize(
    "text",
    [
        "ditandatangani oleh Camat",
        "secara elektronik",
        "BSrE " * 3,
        "",
        PHRASE + "PT Sertifikasi Lain",  # a name no rules file lists
        "Balai Besar Sertifikasi Elektronik " + "x" * 10 + " ditandatangani secara elektronik",  # issuer before
    ],
)
def test_other_text_is_not_a_footer(text):
    assert not has_tte_footer(text, ISSUERS)


def test_a_long_text_of_phrases_without_an_issuer_is_not_a_footer():
    assert not has_tte_footer("ditandatangani secara elektronik " * 50_000, ISSUERS)


def test_the_providers_are_data_with_their_sources():
    from lapkin_audit.load.sop import load_rulebook

    providers = {p.id: p for p in load_rulebook().sops["pelaporan-kinerja"].tte.providers}
    assert "Balai Besar Sertifikasi Elektronik" in providers["bsre"].names and "BSSN" in providers["bsre"].names
    assert all(p.source for p in providers.values()) and len(providers) > 1


def test_an_office_adds_a_provider_in_its_rules_folder(tmp_path):
    from lapkin_audit.load.sop import load_rulebook

    rules = tmp_path / "aturan"
    rules.mkdir()
    (rules / "psre.yaml").write_text(
        "psre:\n  - {id: contoh, nama: [PT Contoh Sertifikasi Digital], sumber: SK pengakuan PSrE (contoh)}\n",
        encoding="utf-8",
    )
    providers = load_rulebook([rules]).sops["pelaporan-kinerja"].tte.providers
    names = [name for p in providers for name in p.names]
    assert has_tte_footer(PHRASE + "PT Contoh Sertifikasi Digital", names)
    assert "BSrE" in names  # the bundled providers stay


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{id: x, nama: [VI], sumber: s}", "fewer than 4 letters"),
        ("{id: x, nama: [PT Contoh]}", "expected {id, nama, sumber}"),
        ("{id: X Y, nama: [PT Contoh], sumber: s}", "lowercase id"),
        ("{id: x, nama: [PT Contoh], sumber: ''}", "say where"),
    ],
)
def test_a_broken_provider_list_is_a_broken_rules_folder(tmp_path, entry, message):
    from lapkin_audit.errors import RulesError
    from lapkin_audit.load.sop import load_rulebook

    rules = tmp_path / "aturan"
    rules.mkdir()
    (rules / "psre.yaml").write_text(f"psre:\n  - {entry}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        load_rulebook([rules])


def test_verification_codes():
    assert is_tte_qr("https://tte.kominfo.go.id/verifyPDF?id=abc")
    assert is_tte_qr("https://srikandi.arsip.go.id/verifikasi/123")
    assert not is_tte_qr("https://malangkab.go.id")


def test_a_nip_in_the_certificate_decides():
    nip = "19790825 200501 2 011"
    assert signed_by("SITI AMINAH, S.Sos", ("197908252005012011",), "Siti Aminah", nip)
    assert not signed_by("SITI AMINAH, S.Sos", ("197001011990031001",), "Siti Aminah", nip)  # same name, another NIP
    assert signed_by("Drs. BAMBANG SUTRISNO, M.Si", (), "Bambang Sutrisno", "19700312 199003 1 004")
    assert not signed_by("AGUS PRASETYO, SE", (), "Siti Aminah, S.Sos", None)


def test_tolerance_of_a_date_and_of_a_datetime():
    signed = dt.datetime(2024, 7, 2, 16, 30, tzinfo=dt.UTC)  # 23.30 WIB on the 2nd
    assert within_tolerance(dt.date(2024, 7, 2), signed, WIB, 60, 0)
    assert not within_tolerance(dt.date(2024, 7, 3), signed, WIB, 60, 0)
    assert within_tolerance(dt.date(2024, 7, 3), signed, WIB, 60, 1)
    declared = dt.datetime(2024, 7, 2, 22, 45, tzinfo=WIB)
    assert within_tolerance(declared, signed, WIB, 60, 0)
    assert not within_tolerance(declared, signed, WIB, 30, 0)


# ----------------------------------------------------------------------------- in a run


def run(*args: str) -> tuple[int, dict]:
    done = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", *args])
    return done.exit_code, json.loads(done.stdout)


def test_without_trust_roots_a_valid_signature_is_only_a_partial_proof():
    code, report = run(str(FIXTURES / "patuh-tte"))
    (dossier,) = report["dossiers"]
    assert code == 0 and dossier["verdict"] == "PATUH_DENGAN_CATATAN"
    assert [(f["rule"], f["severity"]) for f in dossier["findings"]] == [("S008", "warning")] * 2
    assert "akar tepercaya" in dossier["findings"][0]["message"]
    # Text never proves an act: without a fully checked signature the marks stay declared,
    # beside what their signature blocks say.
    report_marks = [c for c in dossier["evidence"]["claims"] if c["field"].startswith("dokumen[10].")]
    marks = {c["claim"]: (c["level"], c["block"]) for c in report_marks if c["claim"] in ("paraf", "tanda_tangan")}
    assert marks == {"paraf": ("dinyatakan", "declared"), "tanda_tangan": ("dinyatakan", "declared")}


def test_the_evidence_lists_each_signature_and_what_it_proves():
    code, report = run(str(FIXTURES / "patuh-tte"), "--rules", str(TTE_RULES))
    (dossier,) = report["dossiers"]
    assert code == 0 and dossier["verdict"] == "PATUH" and dossier["evidence"]["levels"]["kriptografis"] == 2
    signed = next(a for a in dossier["evidence"]["attachments"] if a["berkas"] == SIGNED)
    assert [(s["field"], s["signer"], s["time"], s["time_basis"], s["status"]) for s in signed["signatures"]] == [
        ("Paraf Sekretaris", "SITI AMINAH, S.Sos", "2024-07-02T10:00:00+07:00", "timestamp", "valid"),
        ("Tanda Tangan Camat", "Drs. BAMBANG SUTRISNO, M.Si", "2024-07-02T15:00:00+07:00", "timestamp", "valid"),
    ]
    paraf_field = next(c["field"] for c in dossier["evidence"]["claims"] if c["claim"] == "paraf")
    assert signed["signatures"][0]["proves"] == paraf_field


def test_a_signature_proves_a_mark_whose_metode_is_not_stated(tmp_path):
    """Undeclared metode, signed file: the signature proves the marks, and nothing is S009."""
    folder = tmp_path / "d"
    shutil.copytree(FIXTURES / "patuh-tte", folder)
    manifest = folder / "dossier.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(", metode: tte}", "}"), encoding="utf-8")
    code, report = run(str(folder), "--rules", str(TTE_RULES))
    (dossier,) = report["dossiers"]
    assert code == 0 and dossier["findings"] == [] and dossier["evidence"]["levels"]["kriptografis"] == 2


def test_basah_declared_with_a_signed_file_is_still_matched(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(FIXTURES / "s001-tte-tanpa-tanda-tangan", folder)
    manifest = folder / "dossier.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("metode: tte", "metode: basah"), encoding="utf-8")
    code, report = run(str(folder), "--rules", str(TTE_RULES))
    assert code == 0 and report["dossiers"][0]["findings"] == []  # wet ink needs no signature in the file


def test_a_kind_that_requires_tte_needs_no_metode(tmp_path):
    rules = tmp_path / "aturan"
    shutil.copytree(TTE_RULES, rules)
    sop = (ROOT / "rules" / "sop" / "pelaporan-kinerja.yaml").read_text(encoding="utf-8")
    anchor = "      mengutip_dasar_hukum: true\n"
    assert sop.count(anchor) == 1
    (rules / "sop.yaml").write_text(sop.replace(anchor, anchor + "      tte: true\n"), encoding="utf-8")
    code, report = run(str(FIXTURES / "patuh"), "--rules", str(rules))
    assert code == 1 and [f["rule"] for f in report["dossiers"][0]["findings"]] == ["S001", "S001"]


def test_a_scanned_copy_with_the_footer_is_s010_when_ocr_reads_it(tmp_path):
    from lapkin_audit.evidence.read import tessdata_dir

    if tessdata_dir() is None:
        pytest.skip("Tesseract with its Indonesian model is not installed (README: Reading scans)")
    folder = tmp_path / "d"
    shutil.copytree(FIXTURES / "patuh", folder)
    footer = [
        "Dokumen ini telah ditandatangani secara",
        "elektronik menggunakan sertifikat",
        "elektronik yang diterbitkan oleh BSrE",
    ]
    scan = docs.scanned_pdf([*docs.signed_report_lines(), "", *footer], tables=fixture_tables.report_tables(2))
    (folder / SIGNED).write_bytes(scan)
    _, report = run(str(folder), "--rules", str(TTE_RULES))
    assert [f["rule"] for f in report["dossiers"][0]["findings"]] == ["S010"]


def test_a_verification_qr_code_on_a_scan_is_read_never_opened(tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    from lapkin_audit.evidence.child import read

    code = zxingcpp.create_barcode("https://tte.komdigi.go.id/verifyPDF?id=UJI-1", zxingcpp.BarcodeFormat.QRCode)
    image = code.to_image(scale=8)
    page = Image.new("L", (1240, 1754), 255)
    page.paste(Image.fromarray(image) if not isinstance(image, Image.Image) else image, (900, 1400))
    out = tmp_path / "scan.png"
    page.save(out)
    facts = read(out.read_bytes(), "0" * 64, None)
    assert facts.qr_codes == ("https://tte.komdigi.go.id/verifyPDF?id=UJI-1",)


def test_signatures_pyhanko_cannot_read_are_recorded_by_the_child(monkeypatch):
    from lapkin_audit.evidence import child, signatures

    def unreadable(pdf, roots=(), crls=()):
        raise ValueError("PdfReadError: xref table damaged")

    monkeypatch.setattr(signatures, "read_signatures", unreadable)
    pdf = docs.text_pdf([docs.signed_report_lines()]) + b"% /ByteRange\n"
    facts = child.read(pdf, "0" * 64, None)
    assert facts.signature_problem == "PdfReadError: xref table damaged" and facts.signatures == ()
    assert facts.text_source == "teks"  # the text is still read


def _replace_signatures(monkeypatch, change):
    """Run the real reader, then change the signature facts of every signed file."""
    from lapkin_audit.evidence import read

    original = read.Reader.read_in_children

    def changed(self, items, tables=()):
        found = original(self, items, tables)
        return [change(f) if b"/ByteRange" in data else f for (data, _), f in zip(items, found, strict=True)]

    monkeypatch.setattr(read.Reader, "read_in_children", changed)
    monkeypatch.setattr(read, "_memo", type(read._memo)())  # nothing already read


def test_a_file_whose_signatures_cannot_be_read_is_s008_unreadable_never_s002(audit, monkeypatch):
    """The checker's own limit is said as such (a warning): the message never claims the
    bytes changed; the marks declared TTE stay unproven (S001)."""
    problem = "PdfReadError: xref table damaged"
    _replace_signatures(monkeypatch, lambda f: dataclasses.replace(f, signatures=(), signature_problem=problem))
    result = audit(FIXTURES / "patuh-tte")
    assert sorted(f.rule for f in result.findings) == ["S001", "S001", "S008"], [f.message for f in result.findings]
    s008 = next(f for f in result.findings if f.rule == "S008")
    assert "xref table damaged" in s008.message and "tidak berarti berkasnya berubah" in s008.message


def test_a_signature_the_checker_could_not_evaluate_is_s008_unreadable(audit, monkeypatch):
    def unreadable(facts):
        signatures = tuple(
            dataclasses.replace(
                s,
                intact=None,
                changed_after=False,
                chain="unchecked",
                validity="unknown",
                partial=("unreadable",),
                detail="TypeError: crls must be a list",
                time=None,
                time_basis=None,
            )
            for s in facts.signatures
        )
        return dataclasses.replace(facts, signatures=signatures)

    _replace_signatures(monkeypatch, unreadable)
    result = audit(FIXTURES / "patuh-tte")
    assert [f.rule for f in result.findings] == ["S008", "S008"], [f.message for f in result.findings]
    assert all("tidak dapat dinilai" in f.message and "TypeError" in f.message for f in result.findings)
    assert result.verdict.name == "PATUH_DENGAN_CATATAN"
    levels = [c.level for c in result.evidence.claims if c.claim in ("paraf", "tanda_tangan")]
    assert levels and "kriptografis" not in levels


def test_a_signature_whose_signer_could_not_be_read_is_not_someone_elses(audit, monkeypatch):
    def anonymous(facts):
        signatures = tuple(
            dataclasses.replace(
                s,
                signer=None,
                subject="",
                ids=(),
                issuer="",
                intact=None,
                chain="unchecked",
                validity="unknown",
                partial=("unreadable",),
                detail="SignatureValidationError: signer certificate not found",
                time=None,
                time_basis=None,
            )
            for s in facts.signatures
        )
        return dataclasses.replace(facts, signatures=signatures)

    _replace_signatures(monkeypatch, anonymous)
    result = audit(FIXTURES / "patuh-tte")
    assert [f.rule for f in result.findings] == ["S008", "S008"], [f.message for f in result.findings]


def test_junit_and_the_evidence_line_count_the_signatures():
    done = CliRunner().invoke(
        cli, ["check", "--no-cache", "--format", "junit", "--rules", str(TTE_RULES), str(FIXTURES / "patuh-tte")]
    )
    assert 'name="evidence.tte" value="2"' in done.stdout and 'name="evidence.tte.valid" value="2"' in done.stdout
    table = CliRunner().invoke(cli, ["check", "--no-cache", "--rules", str(TTE_RULES), str(FIXTURES / "patuh-tte")])
    assert "TTE: 2 tanda tangan (2 sah)" in table.stdout


@pytest.mark.parametrize(
    ("name", "says"),
    [
        # revoked ten days after the time the paraf claims: no proof it came first
        ("s004-dicabut-tanpa-cap-waktu", ["sejak 12 Juli 2024 pukul 10.00", "tanpa cap waktu tepercaya"]),
        # revoked a week after the timestamp, for a key compromised the day before it
        ("s004-kunci-bocor", ["sejak 1 Juli 2024 pukul 10.00", "key_compromise", "2 Juli 2024 pukul 10.00"]),
        ("s004-sertifikat-dicabut", ["sejak 30 Juni 2024 pukul 10.00", "menurut cap waktu tepercaya"]),
    ],
)
def test_s004_says_from_when_the_certificate_stopped_counting(audit, name, says):
    (finding,) = audit(FIXTURES / name).findings
    assert finding.rule == "S004" and finding.field.endswith(".paraf[0]"), finding
    assert all(part in finding.message for part in says), finding.message
