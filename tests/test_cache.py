"""The result cache: a re-run prints the same bytes; any changed input is audited again."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import lapkin_audit.batch.cache as cache_module
import lapkin_audit.batch.one as run_module
from lapkin_audit.cli import cli
from lapkin_audit.load.sop import bundled_rules_dir
from lapkin_audit.model import Finding
from lapkin_audit.report import RENDERERS
from tests.helpers import FIXTURES

NAMES = ("patuh", "k003-berkas-hilang", "k004-sha-berbeda", "e003-kunci-salah", "e001-bukan-utf8")


def _age(root: Path) -> None:
    """Files written just before a run are not stored (they may change under it): age them."""
    past = time.time() - 60
    for folder, _, files in os.walk(root):
        for name in files:
            os.utime(os.path.join(folder, name), (past, past))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "dossiers"
    for name in NAMES:
        shutil.copytree(FIXTURES / name, root / name)
    _age(root)
    return root


@pytest.fixture
def counted(monkeypatch):
    """How many dossiers were really audited (cache misses)."""
    calls = []
    real = run_module.assess

    def assess(manifest, display, sops, options, *rest):
        calls.append(display)
        return real(manifest, display, sops, options, *rest)

    monkeypatch.setattr(run_module, "assess", assess)
    return calls


def check(*args: str, cache: Path | None = None) -> str:
    extra = ["--no-cache"] if cache is None else ["--cache-dir", str(cache)]
    result = CliRunner().invoke(cli, ["check", "--jobs", "1", *extra, *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_cached_output_is_byte_identical(tmp_path, tree, counted, fmt):
    uncached = check(str(tree), "--format", fmt)
    cold = check(str(tree), "--format", fmt, cache=tmp_path / "c")
    counted.clear()
    warm = check(str(tree), "--format", fmt, cache=tmp_path / "c")
    assert uncached == cold == warm
    assert counted == [str(tree / "e001-bukan-utf8")]  # an unreadable manifest is never stored


def test_fixtures_with_and_without_cache(tmp_path):
    for lang in ("id", "en"):
        plain = check(str(FIXTURES), "--format", "json", "--lang", lang)
        assert check(str(FIXTURES), "--format", "json", "--lang", lang, cache=tmp_path) == plain
        assert check(str(FIXTURES), "--format", "json", "--lang", lang, cache=tmp_path) == plain


def _warm(tree: Path, cache: Path, counted: list, *args: str) -> None:
    check(str(tree), *args, cache=cache)
    counted.clear()


def test_changed_manifest_is_audited_again(tmp_path, tree, counted):
    _warm(tree, tmp_path / "c", counted)
    manifest = tree / "patuh" / "dossier.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("  - {jenis: arsip_laporan_kinerja, nomor: ARS/2024/113}\n", ""),
        encoding="utf-8",
    )
    _age(tree)
    out = check(str(tree), "--format", "json", cache=tmp_path / "c")
    assert str(tree / "patuh") in counted
    assert '"K002"' in out
    assert out == check(str(tree), "--format", "json")


def test_changed_attachment_is_audited_again(tmp_path, tree, counted):
    _warm(tree, tmp_path / "c", counted)
    attachment = tree / "patuh" / "lampiran" / "dpa-2024.pdf"
    attachment.write_bytes(attachment.read_bytes() + b"% appended\n")  # same verdict, new bytes
    _age(tree)
    check(str(tree), cache=tmp_path / "c")
    assert str(tree / "patuh") in counted
    counted.clear()
    attachment.unlink()  # now a K003
    out = check(str(tree), "--format", "json", cache=tmp_path / "c")
    assert str(tree / "patuh") in counted and "dpa-2024.pdf" in out
    assert out == check(str(tree), "--format", "json")


@pytest.mark.parametrize(
    "swap", ["file_to_outside_link", "folder_to_outside_link", "file_to_folder", "emptied", "inside_link"]
)
def test_same_bytes_reached_another_way_are_audited_again(tmp_path, tree, counted, swap):
    """Hits are confirmed cheaply only for plain files; a link or other kind must not pass as one."""
    _warm(tree, tmp_path / "c", counted)
    lampiran = tree / "patuh" / "lampiran"
    outside = tmp_path / "outside"
    shutil.copytree(lampiran, outside)
    dpa = lampiran / "dpa-2024.pdf"
    if swap == "file_to_outside_link":
        dpa.unlink()
        dpa.symlink_to(outside / "dpa-2024.pdf")
    elif swap == "folder_to_outside_link":
        shutil.rmtree(lampiran)
        lampiran.symlink_to(outside, target_is_directory=True)
    elif swap == "file_to_folder":
        dpa.unlink()
        dpa.mkdir()
    elif swap == "emptied":
        dpa.write_bytes(b"")
    else:  # a link that stays inside: same facts, same result
        (lampiran / "copy.pdf").write_bytes(dpa.read_bytes())
        dpa.unlink()
        dpa.symlink_to("copy.pdf")
    _age(tree)
    out = check(str(tree), "--format", "json", cache=tmp_path / "c")
    assert out == check(str(tree), "--format", "json")
    if swap != "inside_link":
        assert str(tree / "patuh") in counted
        assert '"K003"' in out


def test_restored_attachment_hits_again(tmp_path, tree, counted):
    missing = tree / "k003-berkas-hilang" / "lampiran" / "dpa-2024.pdf"
    _warm(tree, tmp_path / "c", counted)
    shutil.copy(FIXTURES / "patuh" / "lampiran" / "dpa-2024.pdf", missing)
    _age(tree)
    out = check(str(tree), "--format", "json", cache=tmp_path / "c")
    assert str(tree / "k003-berkas-hilang") in counted
    assert out == check(str(tree), "--format", "json")


@pytest.mark.parametrize("rules_file", ["kalender/nasional.yaml", "sop/pelaporan-kinerja.yaml"])
def test_changed_rule_file_invalidates(tmp_path, tree, counted, rules_file):
    rules = tmp_path / "rules"
    rules.mkdir()
    copy = rules / Path(rules_file).name
    shutil.copy(bundled_rules_dir() / rules_file, copy)
    _warm(tree, tmp_path / "c", counted, "--rules", str(rules))
    check(str(tree), "--rules", str(rules), cache=tmp_path / "c")
    assert counted == [str(tree / "e001-bukan-utf8")]  # same rules: all hits
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    counted.clear()
    check(str(tree), "--rules", str(rules), cache=tmp_path / "c")
    assert len(counted) == len(NAMES)


def test_changed_tool_version_invalidates(tmp_path, tree, counted, monkeypatch):
    _warm(tree, tmp_path / "c", counted)
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    check(str(tree), cache=tmp_path / "c")
    assert len(counted) == len(NAMES)


@pytest.mark.parametrize("option", [("--lang", "en"), ("--select", "K"), ("--ignore", "K004")])
def test_report_options_are_part_of_the_key(tmp_path, tree, counted, option):
    _warm(tree, tmp_path / "c", counted)
    out = check(str(tree), "--format", "json", *option, cache=tmp_path / "c")
    assert len(counted) == len(NAMES)
    assert out == check(str(tree), "--format", "json", *option)


def test_corrupt_entries_are_misses(tmp_path, tree, counted):
    expected = check(str(tree), "--format", "json")
    _warm(tree, tmp_path / "c", counted)
    entries = [p for p in (tmp_path / "c").rglob("*") if p.is_file()]
    assert entries
    for i, entry in enumerate(entries):
        entry.write_bytes([b"", b"{", b"[]", b'{"format": "lapkin-audit-cache/1"}', b"\xff\xfe"][i % 5])
    assert check(str(tree), "--format", "json", cache=tmp_path / "c") == expected
    assert len(counted) == len(NAMES)
    counted.clear()
    assert check(str(tree), "--format", "json", cache=tmp_path / "c") == expected  # rewritten
    assert counted == [str(tree / "e001-bukan-utf8")]


def test_nothing_is_written_inside_the_dossiers(tmp_path, tree):
    before = sorted(p for p in tree.rglob("*"))
    check(str(tree), cache=tmp_path / "c")
    assert sorted(p for p in tree.rglob("*")) == before


def test_files_modified_during_the_run_are_not_stored(tmp_path, tree, counted):
    (tree / "patuh" / "dossier.yaml").touch()  # "now": racily clean
    _warm(tree, tmp_path / "c", counted)
    check(str(tree), cache=tmp_path / "c")
    assert str(tree / "patuh") in counted


def test_unwritable_cache_folder_only_warns(tmp_path, tree):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(
        cli, ["check", "--jobs", "1", "--cache-dir", str(blocker / "c"), "--format", "json", str(tree)]
    )
    assert result.exit_code == 1
    assert '"format": "lapkin-audit-report/1"' in result.output


def test_env_var_and_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("LAPKIN_AUDIT_CACHE_DIR", str(tmp_path / "x"))
    assert cache_module.default_dir() == tmp_path / "x"
    monkeypatch.delenv("LAPKIN_AUDIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and not str(cache_module.sys.platform).startswith("darwin"):
        assert cache_module.default_dir() == tmp_path / "xdg" / "lapkin-audit"


def test_lazy_rulebook_lists_the_files_load_rulebook_reads(tmp_path):
    from lapkin_audit.batch.session import LazyRulebook
    from lapkin_audit.load.sop import load_rulebook

    extra = tmp_path / "rules"
    (extra / "nested").mkdir(parents=True)
    shutil.copy(bundled_rules_dir() / "kalender" / "nasional.yaml", extra / "nested" / "nasional.yaml")
    shutil.copy(bundled_rules_dir() / "sop" / "pelaporan-kinerja.yaml", extra / "b.yaml")
    (extra / "notes.txt").write_text("not a rules file")
    lazy = LazyRulebook([extra])
    assert lazy.files == load_rulebook([extra]).files
    assert lazy.load().files == lazy.files


def test_broken_rules_are_reported_even_with_a_warm_cache(tmp_path, tree):
    rules = tmp_path / "rules"
    rules.mkdir()
    check(str(tree), "--rules", str(rules), cache=tmp_path / "c")
    (rules / "broken.yaml").write_text("sop: [not, a, mapping]\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["check", "--jobs", "1", "--lang", "en", "--cache-dir", str(tmp_path / "c"), "--rules", str(rules), str(tree)],
    )
    assert result.exit_code == 2 and "broken rules file" in result.output


def test_a_fully_cached_run_does_not_read_the_rules(tmp_path, tree, monkeypatch):
    check(str(tree / "patuh"), cache=tmp_path / "c")
    import lapkin_audit.load.sop

    def refuse(*args, **kwargs):
        raise AssertionError("rules loaded for a cached run")

    monkeypatch.setattr(lapkin_audit.load.sop, "load_rulebook", refuse)
    assert '"verdict": "PATUH"' in check(str(tree / "patuh"), "--format", "json", cache=tmp_path / "c")


def test_entries_keep_every_field_of_a_finding():
    # The cache keeps findings by their fields (model.codec), a new field too; `baselined` is
    # kept false there: a baseline is applied after the cache, to every run anew.
    assert [f.name for f in dataclasses.fields(Finding)] == [
        "rule",
        "severity",
        "message",
        "step",
        "field",
        "line",
        "waived",
        "waiver_reason",
        "fingerprint",
        "baselined",
        "local",
    ]


def test_every_runtime_dependency_is_either_keyed_or_only_presents():
    """A library that can change a result is in the cache's key: setup.cfg and the two lists
    cannot drift apart (a new dependency must be placed in one of them)."""
    import configparser
    import re

    from lapkin_audit.batch.cache import DEPENDENCIES, PRESENTATION
    from lapkin_audit.load.installed import canonical
    from tests.helpers import ROOT

    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg", encoding="utf-8")
    required = [line.strip() for line in setup["options"]["install_requires"].splitlines()]
    names = {canonical(re.split(r"[<>=!~\[ ;]", line, maxsplit=1)[0]) for line in required if line and line[0] != "#"}
    keyed = {canonical(name) for name in DEPENDENCIES} | {canonical(name) for name in PRESENTATION}
    assert names <= keyed, sorted(names - keyed)
    assert not {canonical(name) for name in DEPENDENCIES} & {canonical(name) for name in PRESENTATION}
