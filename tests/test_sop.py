"""Loading the rules: the SOP file is validated and cross-checked; anything wrong is RulesError."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from lapkin_audit.errors import RulesError
from lapkin_audit.load.sop import bundled_rules_dir, load_rulebook

SOP_FILE = bundled_rules_dir() / "sop" / "pelaporan-kinerja.yaml"


def test_bundled_sop(rulebook):
    sop = rulebook.sops["pelaporan-kinerja"]
    assert [s.nomor for s in sop.steps] == [1, 2, 3, 4, 5, 6]
    assert sop.jumlah_waktu_minutes == 2 * 450 + 3 * 60 + 15
    assert sop.step(3).decision == {"diteruskan": 4, "diperbaiki": 2}
    assert sop.successors(3, "diperbaiki") == (2,)
    assert sop.successors(2, None) == (3,)
    assert {b.key() for b in sop.legal_bases} == {("perpres", "29", 2014), ("permenpan_rb", "53", 2014)}
    assert sop.document_kinds["draf_laporan_disahkan"].paraf == ("sekretaris",)
    assert sop.preconditions[0].members_for_role == "tim"


def write_variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(SOP_FILE.read_text(encoding="utf-8"))
    change(data["sop"])
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "sop.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s["langkah"][1].update(pelaksana=["penyusun"]), "role 'penyusun'"),
        (lambda s: s["langkah"][0].update(kelengkapan=["apbd"]), "document kind 'apbd'"),
        (lambda s: s.update(jumlah_waktu="2 hari 3 jam"), "not the sum"),
        (lambda s: s["langkah"][3].update(waktu="1 detik"), "langkah[3].waktu"),
        (lambda s: s.update(kalender="kalender-bulan"), "unknown calendar"),
        (lambda s: s["langkah"][2]["keputusan"].update(diperbaiki=9), "unknown step 9"),
        (lambda s: s.update(warna="merah"), "warna"),
        (lambda s: s["peringatan"][0].update(ditandatangani_oleh="bupati"), "role 'bupati'"),
        (lambda s: s.pop("tanggal_efektif"), "tanggal_efektif"),
    ],
)
def test_broken_sop_is_a_rules_error(tmp_path, change, message):
    folder = write_variant(tmp_path, change)
    with pytest.raises(RulesError) as raised:
        load_rulebook([folder])
    assert message in str(raised.value)
    assert "sop.yaml" in str(raised.value)


def test_an_office_overrides_the_bundled_sop(tmp_path):
    folder = write_variant(tmp_path, lambda s: s["langkah"][0].update(pelaksana=["sub_evapor"]))
    sop = load_rulebook([folder]).sops["pelaporan-kinerja"]
    assert sop.step(1).pelaksana == ("sub_evapor",)


def test_a_second_sop_and_calendar_from_data_alone(tmp_path):
    folder = write_variant(tmp_path, lambda s: s.update(id="pelaporan-kinerja-desa", kalender="kerja-enam-hari"))
    calendar = Path(__file__).parent / "data" / "kalender-enam-hari.yaml"
    shutil.copy(calendar, folder / "kalender.yaml")
    book = load_rulebook([folder])
    assert set(book.sops) == {"pelaporan-kinerja", "pelaporan-kinerja-desa"}
    desa = book.sops["pelaporan-kinerja-desa"]
    assert desa.calendar.minutes_per_day != book.sops["pelaporan-kinerja"].calendar.minutes_per_day


def test_same_id_twice_in_one_folder_is_an_error(tmp_path):
    folder = write_variant(tmp_path, lambda s: None)
    shutil.copy(folder / "sop.yaml", folder / "sop-salinan.yaml")
    with pytest.raises(RulesError, match="also defined"):
        load_rulebook([folder])


def test_file_with_unknown_top_level_key(tmp_path):
    (tmp_path / "x.yaml").write_text("prosedur: {}\n", encoding="utf-8")
    with pytest.raises(RulesError, match="exactly one top-level key"):
        load_rulebook([tmp_path])


def test_rules_files_are_read_like_manifests_with_lines(tmp_path):
    # The line-keeping reader serves every YAML file: a duplicate key in a rules file is
    # an error (plain YAML would silently keep the last), named with its line.
    folder = tmp_path / "rules"
    folder.mkdir()
    text = SOP_FILE.read_text(encoding="utf-8")
    (folder / "sop.yaml").write_text(text.replace("  nama:", "  nama: Dua kali\n  nama:", 1), encoding="utf-8")
    with pytest.raises(RulesError) as raised:
        load_rulebook([folder])
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("  nama:")) + 1
    assert f"line {line}" in str(raised.value) and "appears twice" in str(raised.value)


def test_schema_errors_of_a_rules_file_name_the_line(tmp_path):
    folder = write_variant(tmp_path, lambda s: s.update(warna="merah"))
    with pytest.raises(RulesError) as raised:
        load_rulebook([folder])
    text = (folder / "sop.yaml").read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "warna" in row)
    assert f"sop.warna (line {line})" in str(raised.value)


def test_a_python_tag_in_a_rules_file_is_refused(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "x.yaml").write_text("sop: !!python/object/apply:os.getcwd []\n", encoding="utf-8")
    with pytest.raises(RulesError, match="line 1"):
        load_rulebook([folder])


# --------------------------------------------------------------------------- periodic reports only


def service_sop(tmp_path: Path) -> Path:
    """An office's service SOP (a Surat Keterangan Domisili): the bundled SOP's shape under
    another id, with no laporan_berkala, as `sop import` writes one."""

    def change(sop):  # type: ignore[no-untyped-def]
        sop.update(id="surat-keterangan-domisili", nama="Pelayanan Surat Keterangan Domisili")
        sop.pop("laporan_berkala")

    return write_variant(tmp_path, change)


def with_sop(folder: Path, sop_id: str, drop_periode: bool = False) -> str:
    text = (folder / "dossier.yaml").read_text(encoding="utf-8").replace("sop: pelaporan-kinerja", f"sop: {sop_id}")
    if drop_periode:
        text = "\n".join(line for line in text.splitlines() if not line.startswith("periode:")) + "\n"
    (folder / "dossier.yaml").write_text(text, encoding="utf-8")
    return str(folder)


def test_period_rules_are_data_of_the_sop(rulebook, tmp_path):
    assert rulebook.sops["pelaporan-kinerja"].periodic
    assert not load_rulebook([service_sop(tmp_path)]).sops["surat-keterangan-domisili"].periodic


def test_a_service_sop_gets_no_w004(tmp_path, run_json):
    # An imported "Surat Keterangan Domisili" was judged as a report on a period: W004.
    from tests.helpers import FIXTURES

    rules = service_sop(tmp_path)
    early = tmp_path / "dossier"
    shutil.copytree(FIXTURES / "w004-sebelum-periode-berakhir", early)
    _, report = run_json("--no-cache", str(early))
    assert "W004" in [f["rule"] for f in report["dossiers"][0]["findings"]]
    code, report = run_json("--no-cache", "--rules", str(rules), with_sop(early, "surat-keterangan-domisili"))
    assert code == 0 and report["dossiers"][0]["findings"] == []


def test_only_a_periodic_report_must_name_its_periode(tmp_path, run_json):
    from tests.helpers import FIXTURES

    rules = service_sop(tmp_path)
    shutil.copytree(FIXTURES / "patuh", tmp_path / "layanan")
    code, report = run_json(
        "--no-cache", "--rules", str(rules), with_sop(tmp_path / "layanan", "surat-keterangan-domisili", True)
    )
    assert code == 0 and report["dossiers"][0]["verdict"] == "PATUH"
    shutil.copytree(FIXTURES / "patuh", tmp_path / "laporan")
    code, report = run_json("--no-cache", with_sop(tmp_path / "laporan", "pelaporan-kinerja", True))
    assert code == 1
    assert [(f["rule"], f["field"]) for f in report["dossiers"][0]["findings"]] == [("E003", "periode")]


def test_init_writes_periode_only_for_a_periodic_report(tmp_path, run_cli):
    rules = service_sop(tmp_path)
    run_cli("init", str(tmp_path / "layanan"), "--rules", str(rules), "--sop", "surat-keterangan-domisili")
    run_cli("init", str(tmp_path / "laporan"))
    assert "periode:" not in (tmp_path / "layanan" / "dossier.yaml").read_text(encoding="utf-8")
    assert "\nperiode: {tahun: null" in (tmp_path / "laporan" / "dossier.yaml").read_text(encoding="utf-8")
