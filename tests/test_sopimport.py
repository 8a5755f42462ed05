"""`sop import` and `sop lint`: the seed, real SOP documents, near-misses and hostile input."""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from lapkin_audit.authoring.sopimport import GAPS, REFUSED, WRITTEN, import_source
from lapkin_audit.authoring.sopimport.complete import complete
from lapkin_audit.authoring.sopimport.grid import clean
from lapkin_audit.authoring.sopimport.lint import SOP_RULES, lint
from lapkin_audit.authoring.sopimport.writer import document, to_yaml
from lapkin_audit.cli import cli
from lapkin_audit.domain.waktu import parse_waktu
from lapkin_audit.errors import RulesError
from lapkin_audit.load.datetext import parse_document_date as parse_date
from lapkin_audit.load.sop import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "sop"
SEED = DATA / "karangploso-pelaporan-kinerja.txt"
BUNDLED = ROOT / "rules" / "sop" / "pelaporan-kinerja.yaml"


def imported_sop(path: Path) -> dict:
    result = import_source(path)
    assert result.imported is not None, result
    return document(result.imported, path.name, result.shape or "", result.sha256 or "", "id")["sop"]


def grounding_text(path: Path) -> str:
    """The source as the grounding test reads it: tags removed, entities decoded, spaces collapsed."""
    text = path.read_text(encoding="utf-8")
    return clean(re.sub(r"<[^>]*>", " ", text))


# ------------------------------------------------------------------ the seed


def test_seed_imports_with_exactly_the_gaps_it_has():
    result = import_source(SEED)
    assert result.status == GAPS
    assert result.imported is not None
    assert [g["bidang"] for g in result.imported.celah] == [
        "dasar_hukum[1].tahun",
        "langkah[0].pelaksana",
        "langkah[1].pelaksana",
        "langkah[2].pelaksana",
        "langkah[2].keputusan",
        "langkah[3].pelaksana",
        "langkah[4].pelaksana",
        "langkah[5].pelaksana",
        "peringatan[0]",
    ]
    sop = result.imported.sop
    assert sop["nomor"] == "070/ /421.632/2014"
    assert sop["disahkan_oleh"] == {
        "jabatan": "CAMAT KARANGPLOSO",
        "nama": "SUROTO, SH, MM",
        "pangkat": "Pembina Tingkat I",
        "nip": "19610219 198103 1 007",
    }
    assert [s["waktu"] for s in sop["langkah"]] == ["1 jam", "1 hari", "1 hari", "1 jam", "1 jam", "15 Menit"]
    assert sop["jumlah_waktu"] == "2 hari 3 jam 15 menit"
    assert all(step["pelaksana"] == [] for step in sop["langkah"])  # never invented
    # the decision's suggestion: forward to 4, back to 2
    decision = next(g for g in result.imported.celah if g["bidang"] == "langkah[2].keputusan")
    assert decision["saran"] == [{"diteruskan": 4, "diperbaiki": 2}]


def test_same_document_same_bytes():
    first = import_source(SEED)
    second = import_source(SEED)
    assert first.imported is not None and second.imported is not None
    args = (SEED.name, "teks", first.sha256 or "", "id")
    assert to_yaml(first.imported, *args) == to_yaml(second.imported, *args)


def test_an_incomplete_import_does_not_load(tmp_path):
    result = import_source(SEED)
    assert result.imported is not None
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "seed.yaml").write_text(to_yaml(result.imported, SEED.name, "teks", result.sha256 or "", "en"))
    with pytest.raises(RulesError, match="incomplete: 9 gaps"):
        load_rulebook([folder])


def test_seed_lints_with_its_real_defects_only():
    expected = [("L002", "dasar_hukum[1]"), ("L003", "dasar_hukum[1]"), ("L005", "nomor")]
    assert [(d.code, d.field) for d in lint(imported_sop(SEED))] == expected
    bundled = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))["sop"]
    assert [(d.code, d.field) for d in lint(bundled)] == expected


def _audit(runner: CliRunner, *extra: str) -> dict:
    result = runner.invoke(cli, ["check", str(ROOT / "fixtures"), "--format", "json", "--no-cache", *extra])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.output)
    return {
        d["path"]: (d["verdict"], [(f["rule"], f.get("field"), f["waived"]) for f in d["findings"]])
        for d in report["dossiers"]
    }


def test_round_trip_audits_every_fixture_as_the_bundled_rules(tmp_path):
    bundled = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))["sop"]
    completed, differences = complete(imported_sop(SEED), bundled)
    assert "celah" not in completed
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "pelaporan-kinerja.yaml").write_text(yaml.safe_dump({"sop": completed}, allow_unicode=True))
    runner = CliRunner()
    assert _audit(runner, "--rules", str(folder)) == _audit(runner)
    # the seed's own text differs from the bundled file here, and says so
    assert any(d.startswith("langkah[3].kegiatan: dokumen 'Mengandakan") for d in differences)
    assert any(d.startswith("dasar_hukum[1].judul") for d in differences)
    assert any(d.startswith("langkah[5].waktu: dokumen '15 Menit'") for d in differences)


# ------------------------------------------------------------------ grounding of real documents

REAL = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".html") and not p.name.startswith("bukan-"))


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_every_imported_value_occurs_in_its_document(path):
    result = import_source(path)
    assert result.status in (WRITTEN, GAPS), result
    assert result.imported is not None
    source = grounding_text(path)
    texts = result.imported.teks_asli
    # a flattened transcript may give nothing that can be paired: then every item is a gap
    assert texts or len(result.imported.celah) >= 5
    for where, text in texts.items():
        assert clean(text) in source, (where, text)
    # every text value of the SOP is one of the original texts (nothing written that the document lacks)
    originals = {clean(t) for t in texts.values()}
    for where, value in _text_values(result.imported.sop, ""):
        if where.endswith(".jenis") or where in ("id", "kalender") or ".keputusan" in where:
            continue
        if where.startswith("tanggal_"):  # a month read from its text: "JUNI 2020" -> "2020-06"
            assert str(parse_date(texts[where])) == value, (where, value)
            continue
        if re.fullmatch(r"dasar_hukum\[\d+\]\.nomor", where):  # read from the citation's own text
            assert value in texts[where.replace(".nomor", ".teks_asli")], (where, value)
            continue
        assert clean(value) in originals, (where, value)


def _text_values(value: object, where: str):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _text_values(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str) and (
                where.endswith(".kelengkapan") or where.endswith(".output") or where.endswith(".pelaksana")
            ):
                continue  # ids of kinds and roles, each named by a grounded `nama`
            yield from _text_values(item, f"{where}[{i}]")
    elif isinstance(value, str):
        yield where, value


# A complete service SOP of one step, as an HTML page shows it (nothing left to ask).
SURAT_MASUK = (
    "<table><tr><td>Nomor SOP</td><td>800/12/2020</td></tr><tr><td>Tanggal Efektif</td><td>2 Januari 2020</td></tr>"
    "<tr><td>Nama SOP</td><td>Surat Masuk</td></tr></table><table><tr><th>No</th><th>Kegiatan</th><th>Lurah</th>"
    "<th>Kelengkapan</th><th>Waktu</th><th>Output</th></tr><tr><td>1</td><td>Menerima surat</td><td>v</td>"
    "<td>Surat</td><td>5 menit</td><td>Agenda</td></tr><tr><td>Jumlah Waktu</td><td></td><td></td><td></td>"
    "<td>5 menit</td><td></td></tr></table>"
)

NEAR_MISSES = {"bukan-standar-pelayanan.txt": "standar_pelayanan", "bukan-spo-puskesmas.txt": "spo"}


@pytest.mark.parametrize("name,kind", sorted(NEAR_MISSES.items()))
def test_near_misses_are_refused_saying_what_they_are(name, kind):
    result = import_source(DATA / name)
    assert result.status == REFUSED
    assert result.reason == kind
    runner = CliRunner()
    out = runner.invoke(cli, ["sop", "import", str(DATA / name), "--lang", "en"])
    assert out.exit_code == 2
    assert ("Standar Pelayanan" if kind == "standar_pelayanan" else "SPO") in out.output


# ------------------------------------------------------------------ hostile input


def test_hostile_inputs_get_a_clear_refusal(tmp_path):
    cases = {
        "junk.bin": bytes(range(256)) * 100,
        "latin1.txt": "Nomor SOP\tTanggal\xe9".encode("latin-1"),
        "deep.html": ("<table><tr><td>" + "<div>" * 5000 + "x").encode(),
        "huge.txt": b"a\t" * (3 * 1024 * 1024),
        "empty.txt": b"",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * (40 * 1024 * 1024))
    runner = CliRunner()
    for path in [*(tmp_path / n for n in cases), bomb]:
        out = runner.invoke(cli, ["sop", "import", str(path)])
        assert out.exit_code == 2, (path.name, out.output)
        assert ("Traceback" not in out.output and out.exception is None) or isinstance(out.exception, SystemExit)


# ------------------------------------------------------------------ Waktu and the rules format


@pytest.mark.parametrize(
    "text,minutes,calendar",
    [
        ("1 hari kerja", 450, False),
        ("5-10 menit", 10, False),
        ("30 menit - 3 jam", 180, False),
        ("1 x 24 jam", 1440, True),
        ("± 1 jam", 60, False),
        ("2 minggu", 4500, False),
        ("1 bulan", 43200, True),
        ("2 hari 3 jam 15 menit", 1095, False),
        ("15 Menit", 15, False),
    ],
)
def test_waktu_forms(text, minutes, calendar):
    waktu = parse_waktu(text)
    assert waktu.maksimum.minutes(450) == minutes
    assert waktu.kalender is calendar


def test_waktu_rate_and_unknown_units():
    assert parse_waktu("3 menit/berkas").per == "berkas"
    for bad in ("60", "5 detik", "1 tahun", "x" * 500):
        with pytest.raises(ValueError):
            parse_waktu(bad)


def _variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    change(data["sop"])
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "sop.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    return folder


def test_the_format_grows_what_real_sops_need(tmp_path):
    def grow(sop):
        sop["tanggal_pembuatan"] = "2014-12"
        sop["tanggal_revisi"] = None
        sop["langkah"][1]["waktu"] = "1 hari kerja"
        sop["asumsi"] = [{"bidang": "langkah[*].pelaksana", "teks": "executors assumed"}]
        sop["sumber"] = {"berkas": "seed.txt", "bentuk": "teks", "teks_asli": {"nomor": "070/ /421.632/2014"}}
        sop["peringatan"].append({"teks": "documented only"})

    sop = load_rulebook([_variant(tmp_path, grow)]).sops["pelaporan-kinerja"]
    assert sop.step(2).waktu_minutes == 450  # type: ignore[union-attr]
    assert len(sop.preconditions) == 1


def test_a_rate_needs_a_total(tmp_path):
    def rate(sop):
        sop["langkah"][0]["waktu"] = "3 menit/berkas"

    with pytest.raises(RulesError, match="per item"):
        load_rulebook([_variant(tmp_path, rate)])

    def with_total(sop):
        sop["langkah"][0]["waktu"] = {"teks": "3 menit/berkas", "total": "1 jam"}

    assert load_rulebook([_variant(tmp_path, with_total)]).sops["pelaporan-kinerja"].steps[0].waktu_minutes == 60


# ------------------------------------------------------------------ lint on made-up defects

LINT_CASES = {
    "L001": lambda s: s.pop("nomor"),
    "L002": lambda s: s["dasar_hukum"][0].update(teks_asli="Peraturan Presiden tentang SAKIP"),
    "L004": lambda s: s["disahkan_oleh"].update(nip="19610219 198103 1 0077"),
    "L006": lambda s: s.update(jumlah_waktu="2 hari"),
    "L007": lambda s: s["langkah"][2].update(keputusan={"diteruskan": 4}),
    "L008": lambda s: s["langkah"][0].update(output=["bahan_penyusunan_laporan", "dpa_salinan"]),
    "L009": lambda s: s["langkah"][0].update(waktu="60"),
    "L010": lambda s: s.update(tanggal_efektif="2014-11"),
}


@pytest.mark.parametrize("code", sorted(LINT_CASES))
def test_each_lint_code_fires(code):
    sop = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))["sop"]
    before = {(d.code, d.field) for d in lint(sop)}
    LINT_CASES[code](sop)
    new = {(d.code, d.field) for d in lint(sop)} - before
    assert {c for c, _ in new} == {code}


def test_every_lint_code_is_in_the_catalogue_and_explained():
    from lapkin_audit.authoring.sopimport.lint import MESSAGES

    assert {key.split(".")[0] for key in MESSAGES} == set(SOP_RULES)
    runner = CliRunner()
    listing = runner.invoke(cli, ["rules", "list", "--lang", "en"])
    for code in SOP_RULES:
        assert code in listing.output
        explained = runner.invoke(cli, ["rules", "explain", code, "--lang", "en"])
        assert explained.exit_code == 0 and code in explained.output


def test_cli_import_exit_codes_and_lint(tmp_path):
    runner = CliRunner()
    target = tmp_path / "out.yaml"
    out = runner.invoke(cli, ["sop", "import", str(SEED), "-o", str(target), "--lang", "en"])
    assert out.exit_code == 1 and "9 gaps" in out.output
    assert runner.invoke(cli, ["sop", "import", str(SEED), "-o", str(target)]).exit_code == 2  # exists
    linted = runner.invoke(cli, ["sop", "lint", str(target)])
    assert linted.exit_code == 1
    assert [line.split()[1] for line in linted.output.splitlines() if line.strip()] == ["L002", "L003", "L005"]


# ------------------------------------------------------------------ HTML and DOCX shapes


def _seed_rows() -> list[list[str]]:
    return [line.split("\t") for line in SEED.read_text(encoding="utf-8").splitlines()]


def _same_import(other: Path) -> None:
    ours, theirs = import_source(SEED), import_source(other)
    assert ours.imported is not None and theirs.imported is not None, theirs
    a, b = ours.imported.sop, theirs.imported.sop
    for key in ("nama", "nomor", "tanggal_efektif", "jumlah_waktu", "peran", "dasar_hukum", "keterkaitan"):
        assert b.get(key) == a.get(key), key
    assert [(s["nomor"], s["waktu"], s["kelengkapan"], s["output"]) for s in b["langkah"]] == [
        (s["nomor"], s["waktu"], s["kelengkapan"], s["output"]) for s in a["langkah"]
    ]
    assert b["disahkan_oleh"] == a["disahkan_oleh"]
    assert [g["bidang"] for g in theirs.imported.celah] == [g["bidang"] for g in ours.imported.celah]


def test_the_seed_as_an_html_table_imports_the_same(tmp_path):
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in _seed_rows())
    page = tmp_path / "sop.html"
    page.write_text(f"<html><body><h2>Prosedur Pelaporan Kinerja</h2><table>{rows}</table></body></html>")
    assert import_source(page).shape == "html"
    _same_import(page)


def test_the_seed_as_a_word_table_imports_the_same(tmp_path):
    docx = pytest.importorskip("docx")
    from lapkin_audit.authoring.sopimport.grid import cell_from_html

    document = docx.Document()
    rows = [row for row in _seed_rows() if any(cell.strip() for cell in row)]
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, raw in enumerate(row):
            cell = cell_from_html(raw)
            lines = cell.items or cell.segments
            target = table.cell(r, c)
            target.text = lines[0] if lines else ""
            for line in lines[1:]:
                target.add_paragraph(line)
    path = tmp_path / "sop.docx"
    document.save(str(path))
    assert import_source(path).shape == "docx"
    _same_import(path)


def test_hostile_inputs_end_with_an_answer(tmp_path):
    """Each runs in a child process under the hostile tests' time limit: a hang fails the
    test instead of blocking the suite (speed itself is `make bench`'s business)."""
    import subprocess
    import sys

    from tests.hostile_util import CLI, TIMEOUT

    cases = {
        "many-cells.txt": ("a\t" * 150 + "\n") * 1200,
        "many-labels.txt": "Nomor SOP Nama SOP Disahkan oleh " * 100_000,
        "spaces.txt": "Nomor SOP" + " " * 3_000_000 + "x",
        "nested-lists.html": "<table><tr><td>" + "<ol><li>" * 60 + "x" + "</li></ol>" * 60 + "</td></tr></table>",
        "deep.json": "[" * 200_000,
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text)
        done = subprocess.run(
            [sys.executable, "-c", CLI, "sop", "import", str(path), "--lang", "en"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert done.returncode in (0, 1, 2), (name, done.stderr[-500:])
        assert "Traceback" not in done.stderr, name


def test_the_bundled_rules_name_their_source_and_assumptions():
    import hashlib

    sop = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))["sop"]
    assert sop["sumber"]["sha256"] == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert {a["bidang"] for a in sop["asumsi"]} >= {"langkah[*].pelaksana", "dasar_hukum[1].tahun"}


def test_cli_completes_an_import_from_a_rules_file(tmp_path):
    runner = CliRunner()
    out = runner.invoke(cli, ["sop", "import", str(SEED), "--lengkapi-dari", str(BUNDLED), "--lang", "en"])
    assert out.exit_code == 0, out.output
    assert "Mengandakan" in out.output  # a difference the seed's text has, reported
    folder = tmp_path / "rules"
    folder.mkdir()
    text = out.output[: out.output.index("differences between")]
    (folder / "pk.yaml").write_text(text[: text.rindex("\n") + 1])
    assert "pelaporan-kinerja" in load_rulebook([folder]).sops


def test_readme_and_docs_name_every_sop_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "importing-sops.md").read_text(encoding="utf-8")
    for code in SOP_RULES:
        assert code in readme and code in guide


@pytest.mark.parametrize(
    "waktu,fires", [("0,9 hari kalender", True), ("1 hari kalender", False), ("1 x 24 jam", False)]
)
def test_a_step_in_calendar_time_is_measured_in_elapsed_time(tmp_path, waktu, fires):
    # Step 2 of the compliant example runs Monday 08:45 to Tuesday 08:00: 405 working
    # minutes, 1,395 elapsed. 0,9 hari kalender allows 1,296 elapsed minutes.
    folder = _variant(tmp_path, lambda sop: sop["langkah"][1].update(waktu=waktu))
    runner = CliRunner()
    result = runner.invoke(
        cli, ["check", str(ROOT / "fixtures" / "dossiers" / "patuh"), "--rules", str(folder), "--format", "json"]
    )
    findings = json.loads(result.output[: result.output.rindex("}") + 1])["dossiers"][0]["findings"]
    assert any(f["rule"] == "W001" and f.get("step") == 2 for f in findings) is fires


# ------------------------------------------------------------------ e-SOP JSON (openSOP's model)


def _opensop_record() -> dict:
    """The Karangploso SOP as an openSOP record (its fields, camelCase, as the application
    returns them). The seed lost its executors, so each `aktor` here is the first role the
    bundled rules assume: a record states one, and the importer must take it as stated."""
    seed = imported_sop(SEED)
    bundled = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))["sop"]
    names = {
        "camat": "Camat",
        "sekretaris": "Sekretaris",
        "tim": "Tim",
        "sub_umum": "Sub. Umum",
        "sub_evapor": "Sub. Evapor",
    }
    kinds = seed["jenis_dokumen"]
    steps = []
    for step, policy in zip(seed["langkah"], bundled["langkah"], strict=True):
        steps.append(
            {
                "id": f"a{step['nomor']}",
                "noKegiatan": step["nomor"],
                "aktivitasKegiatan": step["kegiatan"],
                "tipeSimbol": "BELAH_KETUPAT" if step["nomor"] == 3 else "KOTAK",
                "aktor": {"namaJabatan": names[policy["pelaksana"][0]]},
                "nextActivityYes": "a4" if step["nomor"] == 3 else None,
                "nextActivityNo": "a2" if step["nomor"] == 3 else None,
                "mutuBaku": {
                    "persyaratanKelengkapan": ", ".join(kinds[k]["nama"] for k in step["kelengkapan"]),
                    "waktu": step["waktu"],
                    "output": " dan ".join(kinds[k]["nama"] for k in step["output"]),
                    "keterangan": step.get("keterangan"),
                },
            }
        )
    return {
        "nomorSOP": seed["nomor"],
        "judulSOP": seed["nama"],
        "unitKerja": {"kode": "35.07.25", "nama": "Kantor Kecamatan Karangploso"},
        "tanggalPembuatan": "2014-12-20T00:00:00.000Z",
        "tanggalRevisi": None,
        "tanggalEfektif": "2014-12-20T00:00:00.000Z",
        "pengesahanOleh": seed["disahkan_oleh"]["nama"],
        "dasarHukum": "\n".join(b["teks_asli"] for b in seed["dasar_hukum"]),
        "kualifikasiPelaksana": "\n".join(seed["kualifikasi_pelaksana"]),
        "peralatanPerlengkapan": "\n".join(p["nama"] for p in seed["peralatan"]),
        "peringatan": seed["peringatan"][0]["teks"],
        "catatanPendataan": seed["pencatatan"][0],
        "keterkaitan": [
            {"tipeHubungan": "SOP_TERKAIT", "sopTerkait": {"judulSOP": k["nama"]}} for k in seed["keterkaitan"]
        ],
        "aktivitas": steps,
    }


def test_an_esop_json_record_imports_with_what_it_states(tmp_path):
    path = tmp_path / "pelaporan-kinerja.json"
    path.write_text(json.dumps(_opensop_record(), ensure_ascii=False, indent=2), encoding="utf-8")
    result = import_source(path)
    assert result.shape == "json" and result.imported is not None
    sop = result.imported.sop
    assert [s["pelaksana"] for s in sop["langkah"]] == [
        ["sub_evapor"],
        ["tim"],
        ["sekretaris"],
        ["sub_umum"],
        ["sub_umum"],
        ["sub_umum"],
    ]
    assert sop["langkah"][2]["keputusan"] == {"ya": 4, "tidak": 2}
    assert sop["disahkan_oleh"] == {"nama": "SUROTO, SH, MM"}
    # the model has no Jumlah Waktu Penyelesaian (a gap, suggesting the steps' sum), and no
    # step names the Camat, who approves waivers by default
    assert [g["bidang"] for g in result.imported.celah] == [
        "dasar_hukum[1].tahun",
        "jumlah_waktu",
        "pengecualian_disetujui_oleh",
        "peringatan[0]",
    ]
    source = path.read_text(encoding="utf-8")
    for where, text in result.imported.teks_asli.items():
        assert text in source, (where, text)
    assert [(d.code, d.field) for d in lint(document(result.imported, path.name, "json", "0" * 64, "id")["sop"])] == [
        ("L002", "dasar_hukum[1]"),
        ("L003", "dasar_hukum[1]"),
        ("L005", "nomor"),
    ]


def test_json_that_is_not_an_esop_export_is_refused(tmp_path):
    for name, text in {"other.json": '{"a": 1}', "deep.json": "[" * 100_000, "broken.json": "{"}.items():
        path = tmp_path / name
        path.write_text(text)
        assert import_source(path).status == REFUSED, name


# ------------------------------------------------------------------ fuzzing


def test_any_text_gets_an_answer(tmp_path_factory):
    """Whatever the text (fragments of SOP documents recombined), import and lint answer."""
    import os

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = [
        "Nomor SOP", "Tanggal Efektif", "Disahkan oleh", "Nama SOP", "Dasar Hukum", "Kegiatan", "Kelengkapan",
        "Waktu", "Output", "Mutu Baku", "\t", "|", "\n", "<td>", "<tr>", "<li>", "<b>", "1 jam", "5-10 menit",
        "JUNI 2020", "NIP. 19610219 198103 1 007", "apakah", "JUMLAH WAKTU", "070/ /421.632/2014", "±", "x 24 jam",
    ]  # fmt: skip
    folder = tmp_path_factory.mktemp("fuzz")

    @settings(
        max_examples=int(os.environ.get("LAPKIN_FUZZ_EXAMPLES", "60")),
        deadline=None,
        derandomize=bool(os.environ.get("CI")),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=8)), max_size=80))
    def check(parts: list[str]) -> None:
        path = folder / "sop.txt"
        path.write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
        result = import_source(path)
        assert result.status in (WRITTEN, GAPS, REFUSED)
        if result.imported is not None:
            sop = document(result.imported, path.name, result.shape or "", result.sha256 or "", "id")["sop"]
            lint(sop)
            text = to_yaml(result.imported, path.name, result.shape or "", result.sha256 or "", "en")
            assert yaml.safe_load(text)["sop"]["sumber"]["sha256"] == result.sha256

    check()


def test_messages_take_the_same_arguments_in_both_languages():
    import string

    from lapkin_audit.authoring.sopimport import lint as lint_module
    from lapkin_audit.lang import importing as texts

    tables = [texts.GAPS, texts.DETAILS, texts.SUGGESTIONS, texts.HEADER, texts.ASSUMPTIONS, lint_module.MESSAGES]
    tables += [texts.REFUSALS, texts.SUMMARY]
    for table in tables:
        for key, (id_text, en_text) in table.items():
            fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (id_text, en_text)]
            assert fields[0] == fields[1], key


def test_marks_that_survive_become_executors(tmp_path):
    """A table with one header row whose Pelaksana columns still hold their marks."""
    page = tmp_path / "sop.html"
    page.write_text(
        "<table>"
        "<tr><td>Nomor SOP</td><td>800/12/35.07.25/2020</td></tr>"
        "<tr><td>Tanggal Pembuatan</td><td>2 Januari 2020</td></tr>"
        "<tr><td>Tanggal Efektif</td><td>Juni 2020</td></tr>"
        "<tr><td>Nama SOP</td><td>Pengurusan Surat Masuk</td></tr>"
        "</table><table>"
        "<tr><th>No</th><th>Kegiatan</th><th>Lurah</th><th>Sekretaris</th><th>Kelengkapan</th><th>Waktu</th>"
        "<th>Output</th><th>Keterangan</th></tr>"
        "<tr><td>1</td><td>Menerima surat</td><td></td><td>&#10003;</td><td>Surat masuk</td><td>5-10 menit</td>"
        "<td>Surat terdaftar</td><td></td></tr>"
        "<tr><td>2</td><td>Mendisposisi surat</td><td>&#10003;</td><td></td><td>Surat terdaftar</td>"
        "<td>1 hari kerja</td><td>Lembar disposisi</td><td></td></tr>"
        "<tr><td colspan='5'>Jumlah Waktu</td><td>1 hari 10 menit</td><td></td><td></td></tr>"
        "</table>"
    )
    result = import_source(page)
    assert result.imported is not None
    sop = result.imported.sop
    assert [s["pelaksana"] for s in sop["langkah"]] == [["sekretaris"], ["lurah"]]
    assert sop["tanggal_efektif"] == "2020-06"
    assert sop["jumlah_waktu"] == "1 hari 10 menit"
    assert not any(g["bidang"].endswith(".pelaksana") for g in result.imported.celah)


def test_complete_means_the_checker_loads_it(tmp_path):
    """An import with nothing left to ask is written as complete only once it loads."""
    page = tmp_path / "sop.html"
    page.write_text(SURAT_MASUK)
    result = import_source(page)
    assert result.imported is not None
    assert [g["bidang"] for g in result.imported.celah] == ["pengecualian_disetujui_oleh"]
    result.imported.sop["pengecualian_disetujui_oleh"] = "lurah"
    result.imported.celah.clear()
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "surat.yaml").write_text(to_yaml(result.imported, page.name, "html", "0" * 64, "id"))
    assert "surat-masuk" in load_rulebook([folder]).sops


def test_an_esop_decision_with_one_exit_is_a_gap(tmp_path):
    record = _opensop_record()
    record["aktivitas"][2]["nextActivityNo"] = None
    path = tmp_path / "sop.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    result = import_source(path)
    assert result.imported is not None
    gap = next(g for g in result.imported.celah if g["bidang"] == "langkah[2].keputusan")
    assert gap["alasan"][0] == "decision_exit_missing" and gap["saran"] == [{"ya": 4}]


def test_a_book_of_sops_imports_its_first_and_says_so(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    book = tmp_path / "buku-sop.txt"
    book.write_text(text + "\n" + text, encoding="utf-8")
    result = import_source(book)
    assert result.imported is not None
    assert [s["nomor"] for s in result.imported.sop["langkah"]] == [1, 2, 3, 4, 5, 6]
    assert [n["teks"][0] for n in result.imported.saran] == []  # the JUMLAH row ends the first table
    rows = [line for line in text.splitlines() if not line.startswith("JUMLAH")]
    book.write_text("\n".join(rows + rows), encoding="utf-8")
    result = import_source(book)
    assert result.imported is not None
    assert [s["nomor"] for s in result.imported.sop["langkah"]] == [1, 2, 3, 4, 5, 6]
    assert [n["teks"][0] for n in result.imported.saran] == ["more_sops"]


def test_lint_reads_a_document_s_own_times(tmp_path):
    """A total that is not the sum, and a time without a unit, as the document writes them."""
    text = SEED.read_text(encoding="utf-8").replace("2 hari 3 jam 15 menit", "2 hari 4 jam")
    text = text.replace("\t15 Menit\t", "\t15\t")
    path = tmp_path / "sop.txt"
    path.write_text(text, encoding="utf-8")
    result = import_source(path)
    assert result.imported is not None
    gaps = {g["bidang"]: g["alasan"][0] for g in result.imported.celah}
    assert gaps["langkah[5].waktu"] == "bad_waktu"
    sop = document(result.imported, path.name, "teks", result.sha256 or "", "id")["sop"]
    assert [(d.code, d.field) for d in lint(sop) if d.code in ("L006", "L009")] == [("L009", "langkah[5].waktu")]
    text = SEED.read_text(encoding="utf-8").replace("2 hari 3 jam 15 menit", "2 hari 4 jam")
    path.write_text(text, encoding="utf-8")
    result = import_source(path)
    assert result.imported is not None
    assert {g["bidang"]: g["alasan"][0] for g in result.imported.celah}["jumlah_waktu"] == "total_not_sum"
    sop = document(result.imported, path.name, "teks", result.sha256 or "", "id")["sop"]
    assert [(d.code, d.field) for d in lint(sop) if d.code == "L006"] == [("L006", "jumlah_waktu")]


def test_lint_answers_whatever_a_rules_file_holds():
    """A hand-edited rules file may hold any type anywhere: lint reports, never crashes."""
    import copy
    import os

    from hypothesis import given, settings
    from hypothesis import strategies as st

    base = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))["sop"]
    values = st.one_of(
        st.none(), st.integers(), st.text(max_size=12), st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=4), st.integers(), max_size=3), st.booleans(),
    )  # fmt: skip

    def paths(value, prefix=()):
        yield prefix
        if isinstance(value, dict):
            for key, item in value.items():
                yield from paths(item, (*prefix, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from paths(item, (*prefix, index))

    every = [p for p in paths(base) if p]

    @settings(max_examples=int(os.environ.get("LAPKIN_FUZZ_EXAMPLES", "60")), deadline=None)
    @given(st.lists(st.tuples(st.sampled_from(every), values), max_size=6))
    def check(changes):
        sop = copy.deepcopy(base)
        for path, value in changes:
            target = sop
            try:
                for key in path[:-1]:
                    target = target[key]
                target[path[-1]] = value
            except (KeyError, IndexError, TypeError):
                continue
        for defect in lint(sop):
            assert defect.code in SOP_RULES
            defect.message("id")

    check()


def test_completing_from_a_broken_rules_file_is_refused(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("sop:\n  id: x\n  jenis_dokumen: [1, 2]\n")
    out = CliRunner().invoke(cli, ["sop", "import", str(SEED), "--lengkapi-dari", str(broken), "--lang", "en"])
    assert out.exit_code == 2 and "jenis_dokumen" in out.output


REAL_DEFECTS = {
    # the seed: exactly its real defects
    "karangploso-pelaporan-kinerja.txt": [("L002", "dasar_hukum[1]"), ("L003", "dasar_hukum[1]"), ("L005", "nomor")],
    # the Nomor SOP cell is empty in the document
    "galang-batam-penyusunan-rka.txt": [("L001", "nomor")],
    # the stored copy ends after the Peringatan label; the template's blank sequence
    "lawang-malang-imb.txt": [("L001", "keterkaitan"), ("L001", "peralatan"), ("L005", "nomor")],
    # the transcript cut "KETERKAITAN" and "NOMOR SOP" to "ERKAITAN" and "MOR SOP"
    "sei-putih-timur-medan-surat-masuk.txt": [("L001", "keterkaitan"), ("L001", "nomor")],
    # the stored copy ends inside the Dasar Hukum
    "fisip-unpad-peminjaman-kendaraan.txt": [
        ("L001", "keterkaitan"),
        ("L001", "kualifikasi_pelaksana"),
        ("L001", "pencatatan"),
        ("L001", "peralatan"),
        ("L001", "peringatan"),
    ],
}


@pytest.mark.parametrize("name", sorted(REAL_DEFECTS))
def test_real_documents_lint_with_what_they_lack(name):
    assert [(d.code, d.field) for d in lint(imported_sop(DATA / name))] == REAL_DEFECTS[name]
    assert set(REAL_DEFECTS) == {p.name for p in REAL}


def test_the_seed_is_imported_as_a_periodic_report_and_says_it_assumed_so():
    """No SOP document says laporan_berkala in so many words: the importer infers it from
    the SOP's name and its outputs, and records the inference for a person to confirm."""
    sop = imported_sop(SEED)
    assert sop["laporan_berkala"] is True
    said = next(a["teks"] for a in sop["asumsi"] if a["bidang"] == "laporan_berkala")
    assert '"laporan kinerja"' in said and "W004" in said


def test_a_service_sop_is_imported_as_not_periodic(tmp_path):
    page = tmp_path / "sop.html"
    page.write_text(SURAT_MASUK)
    sop = imported_sop(page)
    assert sop["laporan_berkala"] is False
    assert any(a["bidang"] == "laporan_berkala" for a in sop["asumsi"])


@pytest.mark.parametrize(
    ("child", "said"),
    [
        ("import os; os.abort()", "pembacanya berhenti: exit status -6"),
        ("while True: pass", "lebih dari 1 detik CPU"),
        ("print('bukan json')", "pembacanya berhenti: unreadable answer"),
    ],
)
def test_a_source_is_read_in_a_limited_child_whose_failure_is_a_refusal(tmp_path, monkeypatch, child, said):
    """The document is parsed in a child process under CPU and memory limits: a reader that
    crashes, spins or answers nonsense is a refusal naming why, never a traceback."""
    from lapkin_audit.authoring.sopimport import child as reading

    monkeypatch.setattr(reading, "CHILD", (sys.executable, "-c", child))
    monkeypatch.setattr(reading, "CPU", 1)
    done = CliRunner().invoke(cli, ["sop", "import", str(SEED), "-o", str(tmp_path / "out.yaml")])
    assert done.exit_code == 2, done.output
    assert said in done.stderr and "Traceback" not in done.output
    assert not (tmp_path / "out.yaml").exists()


def test_the_child_reads_the_seed_as_the_library_does():
    from lapkin_audit.authoring.sopimport.child import import_in_child

    here, there = import_source(SEED), import_in_child(SEED)
    assert there == here
