"""The result cache where others can reach it: a folder others can write is not used, and
a damaged or planted entry is a miss, never a hang, a crash or a verdict of its own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import FIXTURES, ROOT
from tests.hostile_util import CLI, copy_patuh


def check(cwd: Path, cache: Path, *paths: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LAPKIN_AUDIT_CACHE_DIR": str(cache)}
    command = [sys.executable, "-c", CLI, "check", "--format", "json", "--jobs", "1", *paths]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=60)


def entries(cache: Path) -> list[Path]:
    return [p for p in (cache / "results").rglob("*") if p.is_file() and not p.name.startswith(".")]


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    return copy_patuh(tmp_path / "d")


def test_a_cache_folder_others_can_write_is_not_used(tmp_path, dossier):
    cache = tmp_path / "shared-cache"
    cache.mkdir()
    cache.chmod(0o777)
    done = check(tmp_path, cache, "d")
    assert done.returncode == 0 and json.loads(done.stdout)["dossiers"][0]["verdict"] == "PATUH"
    assert b"pengguna lain dapat menulis" in done.stderr  # in the language of the run
    assert not (cache / "results").exists()


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path, dossier):
    real = tmp_path / "real-cache"
    real.mkdir(mode=0o700)
    link = tmp_path / "cache-link"
    link.symlink_to(real)
    done = check(tmp_path, link, "d", "--lang", "en")
    assert done.returncode == 0 and b"not using the cache" in done.stderr
    assert list(real.iterdir()) == []


@pytest.mark.parametrize("damage", ["fifo", "dev-zero", "deep", "huge"])
def test_a_damaged_entry_is_a_miss(tmp_path, dossier, damage):
    cache = tmp_path / "cache"
    first = check(tmp_path, cache, "d")
    (entry,) = entries(cache)
    entry.unlink()
    if damage == "fifo":
        os.mkfifo(entry)
    elif damage == "dev-zero":
        entry.symlink_to("/dev/zero")
    elif damage == "deep":
        entry.write_text("[" * 200_000 + "]" * 200_000)
    else:
        entry.write_bytes(b" " * (5 * 1024 * 1024))
    again = check(tmp_path, cache, "d")  # within the time limit: no hang
    assert again.returncode == first.returncode == 0
    assert again.stdout == first.stdout and b"Traceback" not in again.stderr


# ----------------------------------------------------------------------------- forged entries


def _key_env(tmp_path: Path, name: str) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": str(tmp_path / name)}


def check_as(cwd: Path, cache: Path, env: dict[str, str], *paths: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "LAPKIN_AUDIT_CACHE_DIR": str(cache), **env}
    command = [sys.executable, "-c", CLI, "check", "--format", "json", "--jobs", "1", *paths]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, timeout=120)


def _forge_green(entry: Path, key: bytes | None) -> None:
    """The entry rewritten to say PATUH with no finding; signed with ``key`` (None: the MAC it had)."""
    import hashlib
    import hmac

    mac, _, body = entry.read_bytes().partition(b"\n")
    data = json.loads(body)
    result = data["value"]["value"]["result"]
    result["verdict"], result["findings"] = "PATUH", []
    forged = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    if key is not None:
        name = entry.parent.name + entry.name
        signed = hmac.new(key, f"results\0{name}\0".encode(), hashlib.sha256)
        signed.update(forged)
        mac = signed.hexdigest().encode()
    entry.write_bytes(mac + b"\n" + forged)


@pytest.fixture
def failing(tmp_path: Path) -> Path:
    """A TIDAK PATUH dossier (K001) whose manifest is old enough to be cached."""
    folder = tmp_path / "d"
    shutil.copytree(FIXTURES / "k001-tanpa-lra", folder)
    os.utime(folder / "dossier.yaml", (1_600_000_000, 1_600_000_000))
    return folder


def _verdict(done: subprocess.CompletedProcess) -> str:  # type: ignore[type-arg]
    return str(json.loads(done.stdout)["dossiers"][0]["verdict"])


def test_an_entry_forged_without_the_users_key_is_a_miss(tmp_path, failing):
    cache = tmp_path / "cache"
    mine = _key_env(tmp_path, "mine")
    assert _verdict(check_as(tmp_path, cache, mine, "d")) == "TIDAK_PATUH"
    (entry,) = entries(cache)
    _forge_green(entry, key=None)  # edited, its MAC kept
    done = check_as(tmp_path, cache, mine, "d")
    assert done.returncode == 1 and _verdict(done) == "TIDAK_PATUH"


def test_a_cache_made_with_another_key_decides_nothing(tmp_path, failing):
    """A pull request commits a cache made (and signed) on the attacker's machine: the CI
    user's key differs, so every entry is a miss. The same entry under the attacker's own key
    would turn the verdict green: the key is what stops it."""
    cache = tmp_path / "cache"
    theirs, mine = _key_env(tmp_path, "theirs"), _key_env(tmp_path, "mine")
    assert _verdict(check_as(tmp_path, cache, theirs, "d")) == "TIDAK_PATUH"
    (entry,) = entries(cache)
    key = bytes.fromhex((tmp_path / "theirs" / "lapkin-audit" / "cache.key").read_text().strip())
    _forge_green(entry, key)
    assert _verdict(check_as(tmp_path, cache, theirs, "d")) == "PATUH"  # the forgery is a real one
    done = check_as(tmp_path, cache, mine, "d")
    assert done.returncode == 1 and _verdict(done) == "TIDAK_PATUH"


def test_the_key_is_made_private_and_a_readable_key_is_refused(tmp_path, dossier):
    from lapkin_audit.load.private import user_key

    first = user_key(tmp_path / "lapkin-audit")
    assert user_key(tmp_path / "lapkin-audit") == first and len(first) == 32
    key_file = tmp_path / "lapkin-audit" / "cache.key"
    assert key_file.stat().st_mode & 0o777 == 0o600 and (tmp_path / "lapkin-audit").stat().st_mode & 0o777 == 0o700
    key_file.chmod(0o644)
    done = check_as(tmp_path, tmp_path / "cache", {"XDG_CONFIG_HOME": str(tmp_path)}, "d", "--lang", "en")
    assert done.returncode == 0 and b"others can read the cache key" in done.stderr
    assert not (tmp_path / "cache" / "results").exists()


# ----------------------------------------------------------------------------- where a cache lies


def test_a_cache_folder_inside_a_repository_is_not_used(tmp_path, dossier):
    """README once recommended `.lapkin-cache` in the document repository: a change could commit it."""
    (tmp_path / ".git").mkdir()
    cache = tmp_path / "elsewhere" / ".lapkin-cache"
    done = check(tmp_path, cache, "d", "--lang", "en")
    assert done.returncode == 0 and _verdict(done) == "PATUH"
    assert b"inside a git repository" in done.stderr and not cache.exists()


def test_a_cache_folder_inside_an_audited_folder_is_not_used(tmp_path, dossier):
    cache = tmp_path / ".lapkin-cache"
    done = check(tmp_path, cache, ".", "--lang", "en")
    assert done.returncode == 0 and b"inside an audited folder" in done.stderr and not cache.exists()


@pytest.mark.parametrize("how", ["flag", "config", "environment"])
def test_a_cache_folder_inside_a_dossier_is_refused(tmp_path, dossier, how):
    inside = dossier / "lampiran" / ".cache"
    args = ["d", "--lang", "en"]
    env = {}
    if how == "flag":
        args += ["--cache-dir", str(inside)]
    elif how == "config":
        (tmp_path / "lapkin-audit.toml").write_text('cache-dir = "d/lampiran/.cache"\n', encoding="utf-8")
    else:
        env["LAPKIN_AUDIT_CACHE_DIR"] = str(inside)
    done = check_as(tmp_path, tmp_path / "cache", env, *args)
    assert done.returncode == 2 and b"never writes in a dossier" in done.stderr and not inside.exists()


# ----------------------------------------------------------------------------- the folder's handle


def test_a_parent_swapped_after_the_check_cannot_redirect_the_cache(tmp_path):
    """Someone who owns the cache's parent swaps the checked folder for their own after the
    run opened it: entries still go to, and come from, the folder the run checked."""
    import pickle

    from lapkin_audit.load.private import Folder

    parent = tmp_path / "shared"
    (parent / "cache").mkdir(parents=True, mode=0o700)
    folder = Folder.open(parent / "cache", b"k" * 32, "results")
    name = "ab" + "c" * 62
    folder.put(name, b'{"mine": 1}')
    (parent / "cache").rename(tmp_path / "moved")
    planted = tmp_path / "planted"
    (planted / "ab").mkdir(parents=True, mode=0o700)
    (planted / "ab" / name[2:]).write_bytes(b"0" * 64 + b'\n{"theirs": 1}')
    (parent / "cache").symlink_to(planted)
    assert folder.get(name, 1000, 8) == {"mine": 1}
    folder.put("cd" + "e" * 62, b"{}")
    assert (tmp_path / "moved" / "cd").is_dir() and not (planted / "cd").exists()
    copy = pickle.loads(pickle.dumps(folder))  # as a worker process receives it: not the same folder now
    with pytest.raises(OSError):
        copy.get(name, 1000, 8)
    copy.put("ef" + "0" * 62, b"{}")
    assert not (planted / "ef").exists()


def test_a_worker_opens_the_very_folder_the_run_checked(tmp_path):
    import pickle

    from lapkin_audit.load.private import Folder

    folder = Folder.open(tmp_path / "cache", b"k" * 32, "facts")
    name = "12" + "3" * 62
    folder.put(name, b"[1]")
    assert pickle.loads(pickle.dumps(folder)).get(name, 100, 4) == [1]


def _depth_by_every_byte(raw: bytes) -> int:
    depth = deepest = 0
    for byte in raw:
        if byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


@given(raw=st.binary(max_size=300) | st.text(alphabet='[]{}"a,:\\', max_size=300).map(str.encode))
def test_the_depth_guard_counts_as_a_walk_over_every_byte(raw):
    """The guard before an authenticated entry is parsed: too deep is refused exactly where a
    plain walk over the bytes finds it too deep (brackets in strings included)."""
    from lapkin_audit.load.private import _check_depth

    for limit in (0, 1, 3, 8):
        refused = False
        try:
            _check_depth(raw, limit)
        except ValueError:
            refused = True
        assert refused == (_depth_by_every_byte(raw) > limit)


def test_an_authenticated_entry_too_deep_is_a_miss(tmp_path):
    """An entry with this user's HMAC but nested past the bound is refused before parsing."""
    from lapkin_audit.load.private import Folder

    folder = Folder.open(tmp_path / "c", b"k" * 32, "uji")
    folder.put("ab" + "0" * 62, b"[" * 100 + b"]" * 100)
    with pytest.raises(ValueError, match="too deep"):
        folder.get("ab" + "0" * 62, 1 << 20, 64)
    assert folder.get("ab" + "0" * 62, 1 << 20, 100) is not None
