"""The content checks' rules data: the LKjIP outline, an SOP's `isi`, and the bundled SOP."""

from __future__ import annotations

import pytest
import yaml

from lapkin_audit.errors import RulesError
from lapkin_audit.load.sop import load_rulebook
from tests.test_sop import write_variant


def test_bundled_sop_requires_no_parts_of_a_routine_report(rulebook):
    sop = rulebook.sops["pelaporan-kinerja"]
    assert set(sop.content.parts) == {"draf_laporan_disahkan@tahunan"}  # the annual LKjIP
    assert sop.content.indicators == ()  # a quarterly report: no parts required
    assert sop.document_kinds["perjanjian_kinerja"].needs_file
    assert not any("perjanjian_kinerja" in step.kelengkapan for step in sop.steps)  # optional
    assert sop.document_kinds["laporan_realisasi_anggaran"].formats == ("pdf", "xlsx")
    assert sop.document_kinds["dpa"].formats == ("pdf", "xlsx")


def test_an_office_names_the_lkjip_outline_and_states_directions(tmp_path):
    def change(sop):
        sop["isi"] = {
            "bagian": {"draf_laporan_disahkan": "lkjip"},
            "singkatan": {"Pddk.": "penduduk"},
            "indikator": [{"nama": "Rata-rata waktu penyelesaian pengaduan", "rumus": "t/r"}],
        }

    sop = load_rulebook([write_variant(tmp_path, change)]).sops["pelaporan-kinerja"]
    parts = sop.content.parts["draf_laporan_disahkan"]
    assert parts[0].id == "ikhtisar_eksekutif" and parts[-1].atau_dokumen == "perjanjian_kinerja"
    assert all("53 Tahun 2014" in p.sumber for p in parts)
    assert sop.content.indicators[0].arah == "turun"  # implied by its formula
    assert sop.content.abbreviations == {"Pddk.": "penduduk"}


@pytest.mark.parametrize(
    ("isi", "message"),
    [
        ({"bagian": {"draf_laporan_disahkan": "lakip"}}, "unknown outline 'lakip'"),
        ({"bagian": {"laporan_tahunan": "lkjip"}}, "document kind 'laporan_tahunan'"),
        ({"indikator": [{"nama": "X", "arah": "naik", "rumus": "t/r"}]}, "not for arah naik"),
        ({"indikator": [{"nama": "X", "arah": "atas"}]}, "unallowed value"),
        ({"toleransi": {"capaian_digit_terakhir": -1}}, "min value"),
        ({"tabel": {}}, "unknown field"),
    ],
)
def test_wrong_isi_is_a_rules_error(tmp_path, isi, message):
    with pytest.raises(RulesError, match=message):
        load_rulebook([write_variant(tmp_path, lambda sop: sop.update(isi=isi))])


def test_an_office_writes_its_own_outline(tmp_path):
    folder = write_variant(tmp_path, lambda sop: sop.update(isi={"bagian": {"laporan_kinerja_rutin": "rutin-kantor"}}))
    part = {"id": "bab_3", "nama": "Bab III Capaian", "pola": ["bab iii"]}
    outline = {
        "kerangka": {"id": "rutin-kantor", "nama": "Laporan rutin", "sumber": "Perbup 12/2023", "bagian": [part]}
    }
    (folder / "rutin.yaml").write_text(yaml.safe_dump(outline), encoding="utf-8")
    (parsed,) = load_rulebook([folder]).sops["pelaporan-kinerja"].content.parts["laporan_kinerja_rutin"]
    assert (parsed.nama, parsed.pola, parsed.sumber) == ("Bab III Capaian", ("bab iii",), "Perbup 12/2023")
    broken = {"kerangka": {"id": "x", "nama": "x", "bagian": []}}
    (folder / "rusak.yaml").write_text(yaml.safe_dump(broken), encoding="utf-8")
    with pytest.raises(RulesError, match="kerangka"):
        load_rulebook([folder])


def test_the_annual_lkjip_requires_its_outline_a_quarterly_report_nothing(rulebook):
    from lapkin_audit.domain.content.compare import Documents
    from lapkin_audit.domain.content.judge import judge
    from lapkin_audit.domain.content.model import DocumentContent
    from lapkin_audit.model import Periode

    rules = rulebook.sops["pelaporan-kinerja"].content
    report = DocumentContent("draf_laporan_disahkan", "dokumen[11]", text="BAB I PENDAHULUAN ...", complete=True)
    annual = judge(Documents(Periode(2024, "tahunan", None), signed=report), rules)
    quarter = judge(Documents(Periode(2024, "triwulan", 2), signed=report), rules)
    assert "bab_3" in annual.missing_parts and "bab_1" not in annual.missing_parts
    assert next(v.args["bagian"] for v in annual.violations if v.rule == "C006") == "Ikhtisar Eksekutif"
    assert quarter.missing_parts == () and "C006" not in {v.rule for v in quarter.violations}
