"""Git LFS pointers: a checkout without `git lfs pull` leaves them where the documents were."""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner

from lapkin_audit.cli import cli
from lapkin_audit.load import attachments
from tests.helpers import FIXTURES
from tests.hostile_util import copy_patuh, run_check

LRA = "lampiran/lra-2024-tw2.pdf"
LRA_LINE = "  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}"


def _pointer(oid: str, size: int = 48213) -> bytes:
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {size}\n".encode()


def _dossier(tmp_path: Path, declared: str | None) -> tuple[Path, str]:
    """The compliant dossier with its LRA replaced by an LFS pointer; returns (folder, real oid)."""
    folder = copy_patuh(tmp_path / "lfs")
    content = (folder / LRA).read_bytes()
    oid = hashlib.sha256(content).hexdigest()
    (folder / LRA).write_bytes(_pointer(oid, len(content)))
    if declared is not None:
        manifest = folder / "dossier.yaml"
        text = manifest.read_text(encoding="utf-8")
        assert LRA_LINE in text
        manifest.write_text(text.replace(LRA_LINE, LRA_LINE[:-1] + f', sha256: "{declared}"}}'), encoding="utf-8")
    return folder, oid


def _only_finding(report: dict) -> dict:
    (dossier,) = report["dossiers"]
    assert dossier["verdict"] == "TIDAK_DAPAT_DINILAI" and dossier["evidence"] is None
    (finding,) = dossier["findings"]  # E006 alone: nothing else is judged on files nobody read
    assert finding["rule"] == "E006" and finding["line"] == _line_of(LRA_LINE[:40])
    return finding


def _line_of(start: str) -> int:
    text = (FIXTURES / "patuh" / "dossier.yaml").read_text(encoding="utf-8")
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_a_pointer_is_recognised_with_the_oid_it_stands_for(tmp_path):
    folder, oid = _dossier(tmp_path, declared=None)
    found = attachments.inspect(folder, LRA)
    assert (found.status, found.lfs_oid) == ("lfs_pointer", oid)
    assert found.sha256 == hashlib.sha256((folder / LRA).read_bytes()).hexdigest() != oid


def test_a_pointer_whose_oid_matches_the_manifest_is_still_not_the_document(tmp_path):
    content = (copy_patuh(tmp_path / "original") / LRA).read_bytes()
    folder, _ = _dossier(tmp_path, declared=hashlib.sha256(content).hexdigest())
    code, report = run_check(str(folder))
    assert code == 1
    message = _only_finding(report)["message"]
    assert f"'{LRA}' (its oid equals the manifest's sha256)" in message and "git lfs pull" in message


def test_a_pointer_whose_oid_differs_says_both(tmp_path):
    folder, oid = _dossier(tmp_path, declared="0" * 64)
    code, report = run_check(str(folder))
    assert code == 1
    assert f"'{LRA}' (its oid is {oid}, not {'0' * 64} as the manifest's sha256)" in _only_finding(report)["message"]


def test_a_pointer_without_a_declared_sha256_is_named(tmp_path):
    folder, _ = _dossier(tmp_path, declared=None)
    code, report = run_check(str(folder))
    assert code == 1
    assert f"'{LRA}' (the manifest records no sha256)" in _only_finding(report)["message"]


def test_every_pointer_is_named_in_one_finding(tmp_path):
    folder, _ = _dossier(tmp_path, declared=None)
    dpa = folder / "lampiran" / "dpa-2024.pdf"
    dpa.write_bytes(_pointer(hashlib.sha256(dpa.read_bytes()).hexdigest()))
    code, report = run_check(str(folder))
    message = _only_finding(report)["message"]
    assert code == 1 and "stand where 2 attachment(s)" in message
    assert f"'{LRA}'" in message and "'lampiran/dpa-2024.pdf'" in message


def test_indonesian_message_names_the_pointer(tmp_path):
    folder, _ = _dossier(tmp_path, declared=None)
    code, report = run_check(str(folder), "--lang", "id")
    assert code == 1
    message = _only_finding(report)["message"]
    assert message.startswith("Penunjuk Git LFS") and "tidak dapat dinilai" in message and "git lfs pull" in message


def test_a_pointer_is_never_hidden_by_ignore(tmp_path):
    folder, _ = _dossier(tmp_path, declared=None)
    code, report = run_check(str(folder), "--ignore", "E,K")
    assert code == 1
    _only_finding(report)


def test_a_small_text_file_that_only_looks_similar_is_a_document(tmp_path):
    folder = copy_patuh(tmp_path / "plain")
    (folder / LRA).write_bytes(b"version 1\noid sha256:" + b"a" * 64 + b"\n")
    found = attachments.inspect(folder, LRA)
    assert found.status == "ok" and found.lfs_oid is None


def test_a_pointer_with_another_hash_method_is_still_a_pointer(tmp_path):
    folder = copy_patuh(tmp_path / "other")
    (folder / LRA).write_bytes(b"version https://git-lfs.github.com/spec/v1\noid sha512:abcd\nsize 3\n")
    found = attachments.inspect(folder, LRA)
    assert found.status == "lfs_pointer" and found.lfs_oid == ""


def test_hash_never_records_a_pointers_own_sha256(tmp_path):
    folder, _ = _dossier(tmp_path, declared=None)
    result = CliRunner().invoke(cli, ["hash", "--lang", "en", str(folder)])
    assert result.exit_code == 1  # the value is missing, and only `git lfs pull` can supply it
    assert f"{LRA}: not hashed: a Git LFS pointer, not the document: run git lfs pull" in result.output
    after = (folder / "dossier.yaml").read_text(encoding="utf-8")
    assert LRA_LINE in after.splitlines()  # the other attachments got their sha256, the pointer did not
    assert "sha256: " in after
