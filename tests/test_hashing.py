"""``lapkin-audit hash``: only the sha256 values change; everything else stays byte for byte."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from lapkin_audit.authoring import hashing
from lapkin_audit.cli import cli
from tests.helpers import FIXTURES

BASE = (FIXTURES / "patuh" / "dossier.yaml").read_text(encoding="utf-8")
LRA = "lampiran/lra-2024-tw2.pdf"
SK = "lampiran/sk-tim-akuntabilitas-2024.pdf"


def dossier(tmp_path: Path, text: str | bytes = BASE) -> Path:
    folder = tmp_path / "dossier"
    shutil.copytree(FIXTURES / "patuh", folder)
    manifest = folder / "dossier.yaml"
    if isinstance(text, str):
        manifest.write_text(text, encoding="utf-8", newline="")
    else:
        manifest.write_bytes(text)
    return folder


def sha(folder: Path, berkas: str) -> str:
    return hashlib.sha256((folder / berkas).read_bytes()).hexdigest()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def without_hashes(text: str) -> str:
    """The text with every sha256 this tool writes taken out again."""
    text = re.sub(r", sha256: [0-9a-f]{64}", "", text)
    return re.sub(r"(\r?\n)[ ]+sha256: [0-9a-f]{64}(?=\r?\n)", "", text)


COMMENTED = "# Dossier TW II 2024, disusun Sub Bagian Evapor\n" + BASE.replace(
    "dokumen:\n", "dokumen:   # semua dokumen\n"
).replace(
    f"  - {{jenis: laporan_realisasi_anggaran, berkas: {LRA}}}",
    f"  - {{jenis: laporan_realisasi_anggaran,  berkas: '{LRA}'}}  # LRA",
).replace(f"    berkas: {SK}", f'    berkas: "{SK}"   # scan asli di lemari')


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [False, True])
def test_a_commented_manifest_survives_byte_for_byte_outside_the_new_values(tmp_path, newline, bom):
    original = COMMENTED.replace("\n", newline)
    raw = (b"\xef\xbb\xbf" if bom else b"") + original.encode("utf-8")
    folder = dossier(tmp_path, raw)
    code, _ = run("hash", str(folder))
    assert code == 0
    after = (folder / "dossier.yaml").read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") == bom
    text = after.decode("utf-8-sig")
    assert without_hashes(text) == original  # only sha256 values were added
    assert f"{LRA}',  sha256: {sha(folder, LRA)}" not in text  # the value's own quote stays
    assert f"berkas: '{LRA}', sha256: {sha(folder, LRA)}}}  # LRA" in text
    assert f'berkas: "{SK}"   # scan asli di lemari{newline}    sha256: {sha(folder, SK)}{newline}' in text
    assert text.count("sha256:") == 9  # every attachment of the compliant example
    assert run("hash", "--check", str(folder))[0] == 0
    assert run("check", "--no-cache", "--format", "json", str(folder))[0] == 0


def test_a_wrong_sha256_is_corrected_in_place_whatever_its_quotes(tmp_path):
    wrong = "0" * 64
    dpa = "{jenis: dpa, berkas: lampiran/dpa-2024.pdf"
    text = BASE.replace(dpa + "}", dpa + f', sha256: "{wrong}"}}')
    folder = dossier(tmp_path, text)
    code, output = run("hash", "--check", str(folder))
    assert code == 1 and "lampiran/dpa-2024.pdf" in output
    assert (folder / "dossier.yaml").read_text(encoding="utf-8") == text  # --check writes nothing
    assert run("hash", str(folder))[0] == 0
    after = (folder / "dossier.yaml").read_text(encoding="utf-8")
    assert f"berkas: lampiran/dpa-2024.pdf, sha256: {sha(folder, 'lampiran/dpa-2024.pdf')}}}" in after
    assert after.replace(sha(folder, "lampiran/dpa-2024.pdf"), f'"{wrong}"', 1).count(wrong) == 1


def test_missing_attachments_are_named_and_left_alone_and_unnamed_files_listed(tmp_path):
    folder = dossier(tmp_path)
    (folder / "lampiran" / "dpa-2024.pdf").unlink()
    (folder / "lampiran" / "scan-lama.pdf").write_bytes(b"%PDF-1.4\n")
    code, output = run("hash", "--lang", "en", str(folder))
    assert code == 1  # a value is missing that hash could not fill in
    assert "lampiran/dpa-2024.pdf: not hashed: the file does not exist" in output
    assert "lampiran/scan-lama.pdf: in the folder, but the manifest does not name it" in output
    text = (folder / "dossier.yaml").read_text(encoding="utf-8")
    assert "{jenis: dpa, berkas: lampiran/dpa-2024.pdf}" in text


def test_a_hostile_manifest_is_refused_and_not_touched(tmp_path):
    text = "format: 1\nsop: !!python/object/apply:os.getcwd []\n"
    folder = dossier(tmp_path, text)
    code, output = run("hash", str(folder))
    assert code == 1 and "tidak diubah" in output
    assert (folder / "dossier.yaml").read_text(encoding="utf-8") == text


def test_the_file_mode_is_kept(tmp_path):
    folder = dossier(tmp_path)
    (folder / "dossier.yaml").chmod(0o640)
    run("hash", str(folder))
    assert (folder / "dossier.yaml").stat().st_mode & 0o777 == 0o640


def test_plan_writes_nothing(tmp_path):
    folder = dossier(tmp_path)
    before = (folder / "dossier.yaml").read_bytes()
    plan = hashing.plan(folder / "dossier.yaml")
    assert plan.changed and len(plan.outcomes) == 9
    assert (folder / "dossier.yaml").read_bytes() == before


# --------------------------------------------------------------------------- every YAML form of berkas

LRA_LINE = f"  - {{jenis: laporan_realisasi_anggaran, berkas: {LRA}}}\n"
FORMS = {
    "folded": f"  - jenis: laporan_realisasi_anggaran\n    berkas: >-\n      {LRA}\n",
    "literal_kept_blank": f"  - jenis: laporan_realisasi_anggaran\n    berkas: |-\n      {LRA}\n\n",
    "next_line": f"  - jenis: laporan_realisasi_anggaran\n    berkas:\n      {LRA}\n",
    "explicit_key": f"  - ? berkas\n    : {LRA}\n    jenis: laporan_realisasi_anggaran\n",
    "explicit_first": f"  - jenis: laporan_realisasi_anggaran\n    ? berkas\n    : {LRA}  # LRA\n",
    "flow_multiline": f"  - {{jenis: laporan_realisasi_anggaran,\n     berkas: {LRA}  # LRA\n    }}\n",
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_yaml_form_of_berkas_gets_its_value_and_the_dossier_stays_patuh(tmp_path, form):
    # Before, the line went inside the value: a PATUH manifest became TIDAK DAPAT DINILAI.
    text = BASE.replace(LRA_LINE, FORMS[form])
    assert text != BASE
    folder = dossier(tmp_path, text)
    code, output = run("hash", "--lang", "en", str(folder))
    assert code == 0, output
    data = yaml.safe_load((folder / "dossier.yaml").read_text(encoding="utf-8"))
    lra = next(d for d in data["dokumen"] if d["jenis"] == "laporan_realisasi_anggaran")
    assert lra["berkas"] == LRA and lra["sha256"] == sha(folder, LRA)
    assert run("hash", "--check", str(folder))[0] == 0
    assert run("check", "--no-cache", "--format", "json", str(folder))[0] == 0


def test_a_plain_value_continued_on_the_next_line_keeps_its_value(tmp_path):
    # "lampiran/lra\n  2024.pdf" reads as one value with a space; a line inserted after
    # its first line would have made berkas another path without a word.
    text = BASE.replace(LRA_LINE, "  - jenis: laporan_realisasi_anggaran\n    berkas: lampiran/lra\n      2024.pdf\n")
    folder = dossier(tmp_path, text)
    (folder / "lampiran" / "lra 2024.pdf").write_bytes((folder / LRA).read_bytes())
    assert run("hash", str(folder))[0] == 0
    data = yaml.safe_load((folder / "dossier.yaml").read_text(encoding="utf-8"))
    lra = next(d for d in data["dokumen"] if d["jenis"] == "laporan_realisasi_anggaran")
    assert lra == {"jenis": "laporan_realisasi_anggaran", "berkas": "lampiran/lra 2024.pdf", "sha256": sha(folder, LRA)}


@pytest.mark.parametrize(
    "written",
    ["sha256:", "sha256: null", "sha256: ~", "sha256:   # nanti", f"sha256: >-\n      {'0' * 64}", "sha256: ''"],
)
def test_an_empty_or_block_sha256_is_filled_in_place(tmp_path, written):
    text = BASE.replace(LRA_LINE, f"  - jenis: laporan_realisasi_anggaran\n    {written}\n    berkas: {LRA}\n")
    folder = dossier(tmp_path, text)
    assert run("hash", str(folder))[0] == 0
    after = (folder / "dossier.yaml").read_text(encoding="utf-8")
    lra = next(d for d in yaml.safe_load(after)["dokumen"] if d["jenis"] == "laporan_realisasi_anggaran")
    assert lra["sha256"] == sha(folder, LRA) and after.count("sha256:") == 9
    assert ("# nanti" in after) == ("# nanti" in written)


# --------------------------------------------------------------------------- what hash says, and its exit status


def test_an_untouched_skeleton_is_exit_1_with_reasons_in_words(tmp_path, run_cli):
    folder = tmp_path / "baru"
    run_cli("init", str(folder))
    code, output = run("hash", str(folder))
    assert code == 1
    assert "tidak di-hash 9" in output and "berkas belum diisi" in output
    assert "not_file" not in output and "(" not in output.split("\n", 1)[1]  # no reason codes
    assert run("hash", "--check", str(folder))[0] == 1


@pytest.mark.parametrize("check_only", [False, True])
def test_lfs_pointers_are_named_and_a_contradicting_oid_is_exit_1(tmp_path, check_only):
    folder = dossier(tmp_path)
    content = (folder / LRA).read_bytes()
    pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:{}\nsize {}\n"
    (folder / LRA).write_text(pointer.format(hashlib.sha256(content).hexdigest(), len(content)), encoding="utf-8")
    assert run("hash", str(tmp_path / "dossier"))[0] == 1  # no sha256 in the manifest: nothing right to keep
    text = BASE.replace(LRA_LINE, f"  - {{jenis: laporan_realisasi_anggaran, berkas: {LRA}, sha256: {'a' * 64}}}\n")
    (folder / "dossier.yaml").write_text(text, encoding="utf-8")
    args = ("--check",) if check_only else ()
    code, output = run("hash", "--lang", "en", *args, str(folder))
    assert code == 1 and "oid differs from the manifest's sha256" in output and "git lfs pull" in output
    right = text.replace("a" * 64, hashlib.sha256(content).hexdigest())
    (folder / "dossier.yaml").write_text(right, encoding="utf-8")
    run("hash", str(folder))  # the other attachments' values
    code, output = run("hash", "--lang", "en", *args, str(folder))
    assert code == 0 and "the sha256 matches its oid, but the document was not fetched" in output


def test_check_never_says_it_updated_anything(tmp_path):
    wrong = "0" * 64
    dpa = "{jenis: dpa, berkas: lampiran/dpa-2024.pdf"
    folder = dossier(tmp_path, BASE.replace(dpa + "}", dpa + f", sha256: {wrong}}}"))
    code, output = run("hash", "--check", str(folder))
    assert code == 1
    assert "diperbarui" not in output and "ditambahkan" not in output
    assert "salah 1" in output and "belum diisi 8" in output
    assert "lampiran/dpa-2024.pdf: sha256 tidak cocok dengan isi berkasnya" in output


@pytest.mark.skipif(os.name != "posix" or os.getuid() == 0, reason="root writes any folder")
def test_a_folder_the_user_cannot_write_is_one_line_and_exit_2(tmp_path):
    folder = dossier(tmp_path)
    folder.chmod(0o555)
    try:
        result = CliRunner().invoke(cli, ["hash", "--lang", "en", str(folder)])
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert "the manifest cannot be written, left unchanged (Permission denied)" in result.output
    assert "Traceback" not in result.output


def test_a_folder_that_cannot_be_written_is_one_line_and_exit_2_whoever_runs_it(tmp_path, monkeypatch):
    # Root writes any folder: the refusal is made by the operating system's answer, stood in here.
    folder = dossier(tmp_path)
    second = tmp_path / "kedua"
    shutil.copytree(FIXTURES / "patuh", second)

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        if str(kwargs.get("dir", "")).endswith("dossier"):
            raise PermissionError(13, "Permission denied")
        return original(*args, **kwargs)

    original = tempfile.mkstemp
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = CliRunner().invoke(cli, ["hash", "--lang", "en", str(folder), str(second)])
    assert result.exit_code == 2 and not isinstance(result.exception, PermissionError)
    lines = [line for line in result.output.splitlines() if "cannot be written" in line]
    assert lines == [f"{folder}: the manifest cannot be written, left unchanged (Permission denied)"]
    assert "sha256:" in (second / "dossier.yaml").read_text(encoding="utf-8")  # the other dossier is done


def test_a_manifest_that_is_a_link_inside_the_folder_stays_a_link(tmp_path):
    folder = dossier(tmp_path)
    real = folder / "manifest-asli.yaml"
    (folder / "dossier.yaml").rename(real)
    (folder / "dossier.yaml").symlink_to("manifest-asli.yaml")
    assert run("hash", str(folder))[0] == 0
    assert (folder / "dossier.yaml").is_symlink() and os.readlink(folder / "dossier.yaml") == "manifest-asli.yaml"
    assert real.read_text(encoding="utf-8").count("sha256:") == 9


def test_a_manifest_ruamel_cannot_compose_is_left_for_a_person_not_a_traceback(tmp_path, monkeypatch):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    def refuse(self, text):  # type: ignore[no-untyped-def]
        raise YAMLError("stand-in for a form ruamel reads otherwise than libyaml")

    monkeypatch.setattr(YAML, "compose", refuse)
    folder = dossier(tmp_path)
    before = (folder / "dossier.yaml").read_bytes()
    code, output = run("hash", "--lang", "en", str(folder))
    assert code == 1 and "write it yourself: " + sha(folder, LRA) in output
    assert (folder / "dossier.yaml").read_bytes() == before
