"""Tables kept across runs (the cache's derived tables): validated rules and each year's
national holidays. Taken from the store they must equal what is derived afresh; a damaged
or planted-garbage entry is a miss; different content never shares an entry."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from importlib import metadata
from pathlib import Path

import pytest

from lapkin_audit.batch import parallel, run
from lapkin_audit.batch.cache import DEPENDENCIES, ResultCache, dependency_versions
from lapkin_audit.batch.store import FileStore
from lapkin_audit.domain import worktime
from lapkin_audit.errors import RulesError
from lapkin_audit.load import kept
from lapkin_audit.load.sop import bundled_rules_dir, load_rulebook


class Counting:
    """A store in memory that counts what was asked and kept."""

    def __init__(self) -> None:
        self.entries: dict[str, object] = {}
        self.hits = 0

    def get(self, key: str) -> object | None:
        if key in self.entries:
            self.hits += 1
        return self.entries.get(key)

    def put(self, key: str, value: object) -> None:
        self.entries[key] = value


def test_rules_from_the_store_equal_rules_validated_afresh():
    store = Counting()
    fresh = load_rulebook()
    first = load_rulebook(kept=store)
    # the SOP, its calendar, its content rules (`isi`) and the report outline (`kerangka`)
    assert sorted(k.split("/")[1] for k in store.entries) == ["calendar", "isi", "kerangka", "sop"]
    assert store.hits == 0
    second = load_rulebook(kept=store)
    assert store.hits == 4
    assert fresh.sops == first.sops == second.sops


def test_a_damaged_entry_is_validated_again():
    store = Counting()
    load_rulebook(kept=store)
    for key in store.entries:
        store.entries[key] = {"kalender": {"$date": "bukan tanggal"}}
    assert load_rulebook(kept=store).sops == load_rulebook().sops


def test_changed_rules_are_validated_again_and_still_refused(tmp_path: Path):
    store = Counting()
    extra = tmp_path / "aturan"
    extra.mkdir()
    source = (bundled_rules_dir() / "sop" / "pelaporan-kinerja.yaml").read_text(encoding="utf-8")
    (extra / "lain.yaml").write_text(source.replace("id: pelaporan-kinerja", "id: lain"), encoding="utf-8")
    load_rulebook([extra], kept=store)
    (extra / "lain.yaml").write_text(source.replace("id: pelaporan-kinerja", "id: lain\n  tidak_dikenal: 1"))
    with pytest.raises(RulesError, match="tidak_dikenal"):
        load_rulebook([extra], kept=store)


def test_only_plain_data_and_dates_are_kept():
    encoded = kept._encode({"a": [dt.date(2024, 1, 2), None, True, 1.5]})
    assert encoded == {"a": [{"$date": "2024-01-02"}, None, True, 1.5]}
    assert kept._decode(kept._encode({"a": [dt.date(2024, 1, 2)]})) == {"a": [dt.date(2024, 1, 2)]}
    for unkeepable in ({"a": dt.datetime(2024, 1, 2, 8)}, {"$date": "x"}, {1: "a"}, {"a": {1, 2}}):
        assert kept._encode(unkeepable) is None


def test_national_holidays_from_the_store_equal_the_library():
    store = Counting()
    built = worktime.Holidays(store).of("ID", ("government", "public"), 2024)
    again = worktime.Holidays(store).of("ID", ("government", "public"), 2024)  # another run
    assert store.hits == 1 and again == built and dt.date(2024, 4, 10) in again  # Idul Fitri
    store.entries = {key: [["bukan tanggal", "x"]] for key in store.entries}  # damaged: built again
    assert worktime.Holidays(store).of("ID", ("government", "public"), 2024) == built
    once = worktime.Holidays(store)
    assert once.of("ID", ("government", "public"), 2024) is once.of("ID", ("government", "public"), 2024)


def test_the_store_on_disk_is_keyed_by_code_and_bounded(tmp_path: Path):
    cache = ResultCache.open(tmp_path / "c", (), "id", (), ())
    store = cache.derived
    assert store is not None and (tmp_path / "c" / "derived").is_dir()
    store.put("a", [1, {"b": "c"}])
    assert store.get("a") == [1, {"b": "c"}] and store.get("b") is None
    assert isinstance(store, FileStore)
    other = FileStore(store.folder, "another code")
    assert other.get("a") is None  # another version of the code derives its own tables
    entry = store._path("a")
    entry.write_text("[" * 100_000, encoding="utf-8")
    assert store.get("a") is None  # too deep: a miss, never a crash
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert store.get("a") is None  # not a regular file: a miss, never a hang


def test_dependency_versions_agree_with_importlib_metadata():
    from lapkin_audit.evidence.cache import LIBRARIES
    from lapkin_audit.load.installed import canonical, versions

    expected = sorted(f"{canonical(name)}-{metadata.version(name)}" for name in DEPENDENCIES)
    assert dependency_versions() == expected
    assert versions(LIBRARIES) == sorted(f"{canonical(name)}-{metadata.version(name)}" for name in LIBRARIES)


def test_small_runs_never_start_workers_and_the_threshold_follows_parallel():
    assert run.FEWEST_FOR_WORKERS == 2 * min(parallel.MIN_PER_WORKER.values())
    assert not parallel.worth_it(run.FEWEST_FOR_WORKERS - 1, 2, "fork")


def test_a_run_with_a_cache_keeps_what_it_derived(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from lapkin_audit.batch.session import LazyRulebook, Session
    from lapkin_audit.load.discovery import discover
    from tests.helpers import FIXTURES

    shutil.copytree(FIXTURES / "patuh", tmp_path / "d")
    rulebook = LazyRulebook()
    cache = ResultCache.open(tmp_path / "c", rulebook.files, "id", (), ())
    results = list(run.audit(discover([str(tmp_path / "d")]), Session(rulebook, cache=cache), 1))
    assert results[0].verdict.value == "PATUH"
    kept_keys = {json.loads(p.read_text(encoding="utf-8"))["key"] for p in (tmp_path / "c" / "derived").glob("*/*")}
    assert {key.split("/")[0] for key in kept_keys} == {"rules", "holidays"}
    assert "holidays/ID/government+public/2024" in kept_keys
