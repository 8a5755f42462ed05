"""What differs on the Windows PCs most kecamatan offices use: backslashes, names found in
any case, Unicode forms of names, spaces, CRLF. The same dossier gets the same verdict
on every platform, and a name that is nearly right is named in the finding."""

from __future__ import annotations

import hashlib
import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from lapkin_audit.load import attachments
from tests.helpers import FIXTURES

BASE = (FIXTURES / "patuh" / "dossier.yaml").read_text(encoding="utf-8")
LRA = "lampiran/lra-2024-tw2.pdf"


def dossier(tmp_path: Path, text: str = BASE, name: str = "dossier") -> Path:
    folder = tmp_path / name
    shutil.copytree(FIXTURES / "patuh", folder)
    (folder / "dossier.yaml").write_text(text, encoding="utf-8", newline="")
    return folder


def k003(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message for f in result.findings if f.rule == "K003"]


def test_backslashes_in_berkas_are_read_as_separators(tmp_path, audit):
    folder = dossier(tmp_path, BASE.replace(f"berkas: {LRA}", "berkas: lampiran\\lra-2024-tw2.pdf"))
    assert audit(folder).findings == ()


def test_spaces_in_folders_and_file_names(tmp_path, audit):
    folder = dossier(tmp_path, BASE.replace(f"berkas: {LRA}", 'berkas: "lampiran/LRA TW II 2024.pdf"'), "Dossier TW II")
    (folder / LRA).rename(folder / "lampiran" / "LRA TW II 2024.pdf")
    assert audit(folder).findings == ()


def test_crlf_manifest_reads_as_the_plain_one(tmp_path, audit):
    assert audit(dossier(tmp_path, BASE.replace("\n", "\r\n"))).findings == ()


def test_a_name_in_another_case_is_k003_naming_the_file_found(tmp_path, audit):
    folder = dossier(tmp_path)
    (folder / LRA).rename(folder / "lampiran" / "LRA-2024-TW2.pdf")
    (message,) = k003(audit(folder))
    assert "maksud Anda 'lampiran/LRA-2024-TW2.pdf'?" in message


def test_a_case_insensitive_file_system_gives_the_same_verdict(tmp_path, audit, monkeypatch):
    # Simulate Windows: lstat finds a name in any case. Without the check, "LRA" would
    # open "lra" there and pass, while Linux reports it: the verdict would depend on the PC.
    folder = dossier(tmp_path, BASE.replace(f"berkas: {LRA}", "berkas: lampiran/LRA-2024-TW2.pdf"))
    real_lstat = os.lstat

    def lstat_any_case(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        parent, name = os.path.split(path)
        if os.path.isdir(parent) and name not in os.listdir(parent):
            for other in os.listdir(parent):
                if other.casefold() == name.casefold():
                    return real_lstat(os.path.join(parent, other), *args, **kwargs)
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(attachments.os, "lstat", lstat_any_case)
    monkeypatch.setattr(attachments, "CASE_INSENSITIVE_FS", True)
    (message,) = k003(audit(folder))
    assert "maksud Anda 'lampiran/lra-2024-tw2.pdf'?" in message
    # A name written exactly as it is passes on such a file system too.
    assert audit(dossier(tmp_path, BASE, "exact")).findings == ()


def test_a_name_in_another_unicode_form_is_named(tmp_path, audit):
    nfc, nfd = unicodedata.normalize("NFC", "lampiran/lra-é.pdf"), unicodedata.normalize("NFD", "lampiran/lra-é.pdf")
    folder = dossier(tmp_path, BASE.replace(f"berkas: {LRA}", f'berkas: "{nfc}"'))
    (folder / LRA).rename(folder / nfd)
    (message,) = k003(audit(folder))
    assert f"maksud Anda '{nfd}'?" in message


def test_the_declared_content_under_another_name_is_named(tmp_path, audit):
    digest = hashlib.sha256((FIXTURES / "patuh" / LRA).read_bytes()).hexdigest()
    text = BASE.replace(f"berkas: {LRA}}}", f"berkas: lampiran/lra.pdf, sha256: {digest}}}")
    folder = dossier(tmp_path, text)
    (message,) = k003(audit(folder))
    assert f"maksud Anda '{LRA}'?" in message


@pytest.mark.parametrize("names", [("LRA-2024-tw2.pdf", "lra-2024-TW2.pdf")])
def test_two_candidates_suggest_nothing(tmp_path, audit, names):
    folder = dossier(tmp_path)
    (folder / LRA).unlink()
    for name in names:
        (folder / "lampiran" / name).write_bytes(b"%PDF-1.4\n")
    (message,) = k003(audit(folder))
    assert "maksud Anda" not in message
