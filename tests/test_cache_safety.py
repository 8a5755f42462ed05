"""The result cache where others can reach it: a folder others can write is not used, and
a damaged or planted entry is a miss, never a hang, a crash or a verdict of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT
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
    assert b"others can write" in done.stderr
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
