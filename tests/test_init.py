"""``lapkin-audit init``: a skeleton that names everything the SOP asks for, and that the
checker itself turns into a to-do list (E003 on each value still to fill)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lapkin_audit.load.sop import load_rulebook
from tests.helpers import FIXTURES

SOP = load_rulebook(()).sops["pelaporan-kinerja"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_skeleton_names_every_document_and_step(run_cli, tmp_path, lang):
    folder = tmp_path / "2025-tw1"
    result = run_cli("init", str(folder), "--lang", lang)
    assert result.exit_code == 0, result.output
    assert (folder / "lampiran").is_dir()
    data = yaml.safe_load((folder / "dossier.yaml").read_text(encoding="utf-8"))
    example = yaml.safe_load((FIXTURES / "patuh" / "dossier.yaml").read_text(encoding="utf-8"))
    # The same documents and steps as the compliant example, in the same shape.
    assert sorted(d["jenis"] for d in data["dokumen"]) == sorted(d["jenis"] for d in example["dokumen"])
    assert [s["nomor"] for s in data["langkah"]] == [s.nomor for s in SOP.steps]
    assert set(data["pejabat"]) == set(SOP.required_officials)
    for step, record in zip(SOP.steps, data["langkah"], strict=True):
        assert record["pelaksana"][0]["peran"] in step.pelaksana
        assert ("hasil" in record) == (step.decision is not None)


def test_untouched_skeleton_lists_only_what_is_left_to_fill(run_cli, audit, tmp_path):
    run_cli("init", str(tmp_path / "baru"))
    result = audit(tmp_path / "baru")
    lines = (tmp_path / "baru" / "dossier.yaml").read_text(encoding="utf-8").splitlines()
    assert result.verdict.value == "TIDAK_DAPAT_DINILAI"
    assert result.findings and {f.rule for f in result.findings} == {"E003"}
    for finding in result.findings:  # each points at a line holding a blank to fill
        assert finding.line is not None
        assert '""' in lines[finding.line - 1] or "null" in lines[finding.line - 1], finding


def test_untouched_skeleton_lists_every_blank_in_the_first_round(run_cli, audit, tmp_path):
    # Blank NIPs and dasar_hukum items were only reported after the other blanks were
    # filled (as P005 and H001): every line holding a blank now has its finding at once.
    run_cli("init", str(tmp_path / "baru"))
    result = audit(tmp_path / "baru")
    lines = (tmp_path / "baru" / "dossier.yaml").read_text(encoding="utf-8").splitlines()
    blank_lines = {
        number
        for number, line in enumerate(lines, 1)
        if not line.lstrip().startswith("#") and ('""' in line.split("#")[0] or "null" in line.split("#")[0])
    }
    assert blank_lines and blank_lines == {f.line for f in result.findings}
    blank_fields = sum(
        line.split("#")[0].count('""') + line.split("#")[0].count("null")
        for line in lines
        if not line.lstrip().startswith("#")
    )
    assert len(result.findings) == blank_fields


def test_filled_skeleton_is_compliant(run_cli, audit, tmp_path):
    """Filling the blanks with the example's values gives the example's verdict: the
    skeleton's shape is one a real dossier can take."""
    import shutil

    folder = tmp_path / "isi"
    shutil.copytree(FIXTURES / "patuh", folder)
    (folder / "dossier.yaml").unlink()
    run_cli("init", str(folder))
    data = yaml.safe_load((folder / "dossier.yaml").read_text(encoding="utf-8"))
    example = yaml.safe_load((FIXTURES / "patuh" / "dossier.yaml").read_text(encoding="utf-8"))
    data["instansi"].update(example["instansi"])
    data["periode"] = example["periode"]
    data["pejabat"] = example["pejabat"]
    by_kind = {d["jenis"]: d for d in example["dokumen"]}
    data["dokumen"] = [{**skeleton_doc, **by_kind[skeleton_doc["jenis"]]} for skeleton_doc in data["dokumen"]]
    data["langkah"] = [{**s, **e} for s, e in zip(data["langkah"], example["langkah"], strict=True)]
    (folder / "dossier.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert audit(folder).verdict.value == "TIDAK_DAPAT_DINILAI"  # the sha256 fields are still blank
    assert run_cli("hash", str(folder)).exit_code == 0  # the helper fills them, as README walks through
    result = audit(folder)
    assert result.verdict.value == "PATUH", result.findings


def test_init_never_overwrites_without_force(run_cli, tmp_path):
    assert run_cli("init", str(tmp_path)).exit_code == 0
    (tmp_path / "dossier.yaml").write_text("format: 1\n", encoding="utf-8")
    again = run_cli("init", str(tmp_path))
    assert again.exit_code == 2 and "--force" in again.output
    assert (tmp_path / "dossier.yaml").read_text(encoding="utf-8") == "format: 1\n"
    assert run_cli("init", str(tmp_path), "--force").exit_code == 0
    assert "jenis: sk_tim_akuntabilitas" in (tmp_path / "dossier.yaml").read_text(encoding="utf-8")


def test_init_unknown_sop_is_usage_error(run_cli, tmp_path):
    result = run_cli("init", str(tmp_path / "x"), "--sop", "pelaporan-keuangan")
    assert result.exit_code == 2 and "pelaporan-kinerja" in result.output
    assert not (tmp_path / "x").exists()


def test_init_into_a_file_is_usage_error(run_cli, tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("", encoding="utf-8")
    result = run_cli("init", str(blocker / "sub"))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_init_takes_the_period_and_the_office(run_cli, tmp_path):
    from lapkin_audit.load import yamlread

    args = ("--tahun", "2025", "--jenis", "triwulan", "--ke", "3", "--instansi", "Kantor Kecamatan Karangploso")
    assert run_cli("init", str(tmp_path / "tw3"), *args).exit_code == 0
    text = (tmp_path / "tw3" / "dossier.yaml").read_text(encoding="utf-8")
    data, _, problems = yamlread.parse(text)
    assert problems == []
    assert data["periode"] == {"tahun": 2025, "jenis": "triwulan", "ke": 3}
    assert data["instansi"]["nama"] == "Kantor Kecamatan Karangploso"


def test_init_types_each_official_once_with_anchors(run_cli, tmp_path):
    from lapkin_audit.load import yamlread

    run_cli("init", str(tmp_path / "baru"))
    text = (tmp_path / "baru" / "dossier.yaml").read_text(encoding="utf-8")
    assert "  camat: &camat {" in text and "<<: *camat" in text and "<<: *sekretaris" in text
    bambang = 'camat: &camat {nama: "Bambang", nip: "19700312 199003 1 004"}'
    filled = text.replace('camat: &camat {nama: "", nip: ""}', bambang)
    data, _, _ = yamlread.parse(filled)
    signed = next(d for d in data["dokumen"] if d["jenis"] == "draf_laporan_disahkan")["tanda_tangan"][0]
    assert (signed["peran"], signed["nama"], signed["nip"]) == ("camat", "Bambang", "19700312 199003 1 004")


INSTALLED_SCHEMA = Path(__file__).resolve().parent.parent / "lapkin_audit" / "schema" / "dossier.schema.json"


def schema_of(manifest: Path) -> Path:
    first = manifest.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    reference = first.split("=", 1)[1]
    assert not reference.startswith(("file:", "/")), reference  # not a path of this machine
    return manifest.parent / reference


def test_init_writes_the_schema_line_sha256_fields_and_a_waiver_example(run_cli, tmp_path):
    run_cli("init", str(tmp_path / "baru"))
    lines = (tmp_path / "baru" / "dossier.yaml").read_text(encoding="utf-8").splitlines()
    assert schema_of(tmp_path / "baru" / "dossier.yaml").read_bytes() == INSTALLED_SCHEMA.read_bytes()
    assert sum("sha256: null" in line for line in lines) == 9
    assert "# pengecualian:" in lines and any(line.startswith("#   - aturan: ") for line in lines)


@pytest.mark.parametrize("args", [("--jenis", "triwulan", "--ke", "5"), ("--jenis", "tahunan", "--ke", "1")])
def test_init_refuses_a_period_that_cannot_be(run_cli, tmp_path, args):
    result = run_cli("init", str(tmp_path / "x"), *args)
    assert result.exit_code == 2 and not (tmp_path / "x" / "dossier.yaml").exists()


def test_the_schema_reference_works_on_every_machine_sharing_the_repository(run_cli, tmp_path):
    # It was file:///<this machine's site-packages>/...: broken on every other machine.
    from tests.helpers import git

    repository = tmp_path / "arsip"
    git(tmp_path, "init", "-q", str(repository))
    result = run_cli("init", str(repository / "dossiers" / "2025-tw1"))
    copy = repository / "lapkin-dossier.schema.json"
    assert str(copy) in result.output and copy.read_bytes() == INSTALLED_SCHEMA.read_bytes()
    assert schema_of(repository / "dossiers" / "2025-tw1" / "dossier.yaml").resolve() == copy.resolve()
    # A clone elsewhere resolves the same relative reference.
    moved = tmp_path / "klon"
    repository.rename(moved)
    assert schema_of(moved / "dossiers" / "2025-tw1" / "dossier.yaml").is_file()
    # The next dossier uses the copy there; an outdated copy is brought up to date.
    (moved / "lapkin-dossier.schema.json").write_text("{}", encoding="utf-8")
    result = run_cli("init", str(moved / "dossiers" / "2025-tw2"))
    assert schema_of(moved / "dossiers" / "2025-tw2" / "dossier.yaml").read_bytes() == INSTALLED_SCHEMA.read_bytes()
    result = run_cli("init", str(moved / "dossiers" / "2025-tw3"))
    assert "lapkin-dossier.schema.json" not in result.output  # up to date: not written again
