"""Every file the checker writes goes through one writer (``report.output.write_output``):
atomic over a regular file, written into anything else, never through a planted link, never
inside a dossier: a report (``-o``), a baseline (``--write-baseline``), a rules file (``sop
import -o``), a skeleton (``init``)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit.cli import cli
from tests.helpers import FIXTURES, ROOT
from tests.hostile_util import CLI, copy_patuh

SEED = ROOT / "tests" / "data" / "sop" / "karangploso-pelaporan-kinerja.txt"
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX devices and links")


def lapkin(*args: str, cwd: Path | None = None, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE, timeout=120
    )


@POSIX
def test_a_baseline_written_to_a_device_leaves_the_device(tmp_path):
    """As root, an atomic rename over /dev/null would replace the device with a file."""
    before = os.stat("/dev/null")
    done = lapkin("check", "--no-cache", "--write-baseline", "/dev/null", str(FIXTURES / "patuh"))
    after = os.lstat("/dev/null")
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino


@POSIX
@pytest.mark.parametrize("flag", ["-o", "--write-baseline"])
def test_dev_stdout_into_a_redirect_is_written_through(tmp_path, flag):
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout here")
    link = os.readlink("/dev/stdout")
    redirect = tmp_path / "out.txt"
    with open(redirect, "wb") as handle:
        done = lapkin(
            "check", "--no-cache", "--format", "json", flag, "/dev/stdout", str(FIXTURES / "patuh"), stdout=handle
        )
    assert done.returncode == 0, done.stderr
    assert os.readlink("/dev/stdout") == link  # the system's link is still a link
    assert b'"format"' in redirect.read_bytes() or b"lapkin-audit-baseline" in redirect.read_bytes()


@pytest.mark.parametrize("dangling", [True, False])
def test_sop_import_never_follows_a_planted_link(tmp_path, dangling):
    victim = tmp_path / "victim.yaml"
    if not dangling:
        victim.write_text("precious\n", encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # a folder others can write: the link may be theirs
    (shared / "sop.yaml").symlink_to(victim)
    args = ["sop", "import", str(SEED), "-o", str(shared / "sop.yaml"), "--force"]
    CliRunner().invoke(cli, args, catch_exceptions=False)
    if dangling:
        assert not victim.exists()  # not created through the link
    else:
        assert victim.read_text(encoding="utf-8") == "precious\n"  # not overwritten through it
    assert not (shared / "sop.yaml").is_symlink() and "sop:" in (shared / "sop.yaml").read_text(encoding="utf-8")


def test_sop_import_into_a_folder_that_does_not_exist_creates_it(tmp_path):
    target = tmp_path / "rules-kantor" / "sop" / "x.yaml"
    done = CliRunner().invoke(cli, ["sop", "import", str(SEED), "-o", str(target)], catch_exceptions=False)
    assert done.exit_code == 1 and target.read_text(encoding="utf-8").lstrip().startswith(("#", "sop:"))


def test_a_baseline_inside_a_dossier_is_refused(tmp_path):
    dossier = copy_patuh(tmp_path / "d")
    before = sorted(p.name for p in dossier.rglob("*"))
    done = CliRunner().invoke(
        cli, ["check", "--no-cache", "--lang", "en", "--write-baseline", str(dossier / "baseline.json"), str(dossier)]
    )
    assert done.exit_code == 2 and "never writes in a dossier" in done.output
    assert sorted(p.name for p in dossier.rglob("*")) == before
