"""``lapkin-audit hash``: only the sha256 values change; everything else stays byte for byte."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
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
    assert code == 0
    assert "lampiran/dpa-2024.pdf: not hashed (missing)" in output
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
