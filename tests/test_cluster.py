"""Past one machine: the Dask runner (``--scheduler``) and ``--shard I/N``.

The runner is tested on a LocalCluster of two worker processes on 127.0.0.1 (nothing beyond
this machine), closed whatever happens. Its reports are byte for byte those of ``--jobs 1``:
with and without the result cache, in both languages, with budgets spent inside worker
threads. Nothing here depends on how fast the machine is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lapkin_audit import api
from lapkin_audit.batch import cluster
from lapkin_audit.batch.session import Session
from lapkin_audit.decide.judge import Scope
from lapkin_audit.errors import UsageError
from lapkin_audit.load.discovery import Target
from lapkin_audit.model import DossierResult, codec
from lapkin_audit.settings import Settings
from tests.helpers import FIXTURES, TTE_RULES

distributed = pytest.importorskip("distributed")

# Compliant dossiers (a revision loop, a scan, signatures) and broken ones of most families.
CHOSEN = (
    "patuh",
    "patuh-revisi",
    "patuh-tte",
    "a002-mulai-sebelum-selesai",
    "b003-kutipan-tidak-di-teks",
    "e002-yaml-rusak",
    "e003-kunci-salah",
    "h001-tanpa-permenpan",
    "k003-berkas-hilang",
    "k005-dikecualikan",
    "p003-penanda-tangan-lain",
    "s002-diubah-setelah-ditandatangani",
    "t005-penyusun-bukan-anggota",
    "w001-langkah-2-terlambat",
    "x001-pengecualian-tidak-sah",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kumpulan")
    for name in CHOSEN:
        shutil.copytree(FIXTURES / name, root / name, symlinks=True)
    return root


@pytest.fixture(scope="module")
def scheduler():
    """A LocalCluster of two worker processes, one thread each: its scheduler's address."""
    import dask

    with dask.config.set({"distributed.worker.daemon": False}):
        with distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
        ) as local:
            yield local.scheduler_address


def _json(run_cli, corpus: Path, *args: str) -> str:
    done = run_cli("check", str(corpus), "--rules", str(TTE_RULES), "--format", "json", *args)
    assert done.exit_code == 1, done.output  # the broken fixtures fail the run
    return done.output


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_cluster_gives_the_bytes_of_one_job(run_cli, corpus, scheduler, lang):
    alone = _json(run_cli, corpus, "--lang", lang, "--no-cache", "--jobs", "1")
    assert _json(run_cli, corpus, "--lang", lang, "--no-cache", "--scheduler", scheduler) == alone
    verdicts = {d["path"].rsplit("/", 1)[-1]: d["verdict"] for d in json.loads(alone)["dossiers"]}
    assert verdicts["patuh"] == "PATUH" and verdicts["w001-langkah-2-terlambat"] == "TIDAK_PATUH"


def test_a_cluster_shares_the_cache_folder_and_a_warm_run_is_the_same(run_cli, corpus, scheduler, tmp_path):
    alone = _json(run_cli, corpus, "--no-cache", "--jobs", "1")
    cache = str(tmp_path / "cache")
    cold = _json(run_cli, corpus, "--cache-dir", cache, "--scheduler", scheduler)
    stored = sorted(p.name for p in (tmp_path / "cache").rglob("*") if p.is_file())
    warm = _json(run_cli, corpus, "--cache-dir", cache, "--scheduler", scheduler)
    assert cold == warm == alone
    assert stored  # the workers wrote the results and facts where this command reads them


def test_budgets_hold_inside_worker_threads(run_cli, corpus, scheduler):
    # A budget no audit fits in (a nanosecond of CPU): spent wherever the dossier is audited,
    # on any machine, however fast.
    budget = ("--timeout", "0.000000001", "--no-cache")
    alone = json.loads(_json(run_cli, corpus, *budget, "--jobs", "1"))
    spread = json.loads(_json(run_cli, corpus, *budget, "--scheduler", scheduler))
    assert spread == alone
    rules = {f["rule"] for d in spread["dossiers"] for f in d["findings"]}
    assert "E000" in rules and spread["summary"]["TIDAK_DAPAT_DINILAI"] >= len(CHOSEN) - 2


def test_the_library_takes_the_runner_too(corpus, scheduler):
    settings = Settings(rules_dirs=(str(TTE_RULES),), no_cache=True, jobs=1)
    with api.run([str(corpus)], settings) as run:
        alone = [r.verdict for r in run.results()]
    with api.run([str(corpus)], settings, runner=cluster.DaskRunner(scheduler)) as run:
        spread = [r.verdict for r in run.results()]
    assert spread == alone and len(alone) == len(CHOSEN)


def test_scheduler_local_starts_and_stops_a_cluster_of_its_own(run_cli, corpus):
    alone = _json(run_cli, corpus, "--no-cache", "--jobs", "1")
    assert _json(run_cli, corpus, "--no-cache", "--jobs", "2", "--scheduler", "local") == alone


def test_a_scheduler_that_cannot_be_reached_is_a_usage_problem(run_cli, corpus, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    done = run_cli("check", str(corpus / "patuh"), "--no-cache", "--scheduler", "tcp://127.0.0.1:9", "--lang", "en")
    assert done.exit_code == 2
    assert "cannot use the Dask scheduler tcp://127.0.0.1:9" in done.stderr


def test_without_dask_the_scheduler_asks_for_the_extra(run_cli, corpus, monkeypatch):
    monkeypatch.setattr(cluster, "available", lambda: False)
    done = run_cli("check", str(corpus / "patuh"), "--scheduler", "local", "--lang", "en")
    assert done.exit_code == 2 and "pip install 'lapkin-audit[dask]'" in done.stderr


def test_workers_of_another_version_stop_the_run():
    class Workers:
        def run(self, function):
            return {"tcp://a": function(), "tcp://b": "0.0.1"}

    with pytest.raises(UsageError) as caught:
        cluster._same_version(Workers())
    assert "0.0.1" in caught.value.text("en")


def test_workers_that_declare_too_little_memory_for_their_readers_stop_the_run():
    class Workers:
        def __init__(self, workers):
            self.workers = workers

        def scheduler_info(self):
            return {"workers": self.workers}

    needed = cluster.memory_needed(2)
    enough = {"tcp://a": {"memory_limit": needed, "nthreads": 2}, "tcp://b": {"memory_limit": 0, "nthreads": 4}}
    cluster._enough_memory(Workers(enough))  # room for two readers; no limit at all
    short = {**enough, "tcp://c": {"memory_limit": needed, "nthreads": 3}}
    with pytest.raises(UsageError) as caught:
        cluster._enough_memory(Workers(short))
    said = caught.value.text("en")
    assert "tcp://c" in said and "tcp://a" not in said and "--memory-limit" in caught.value.text("id")


def test_a_local_cluster_declares_its_readers_memory(corpus, monkeypatch):
    declared = {}
    real = distributed.LocalCluster

    def spy(*args, **kwargs):
        declared.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(distributed, "LocalCluster", spy)
    settings = Settings(rules_dirs=(str(TTE_RULES),), no_cache=True, jobs=1, scheduler="local")
    with api.run([str(corpus / "patuh")], settings) as run:
        assert [r.verdict.name for r in run.results()] == ["PATUH"]
    assert declared["memory_limit"] == cluster.memory_needed(1)


def test_a_worker_that_cannot_see_a_dossier_reports_it_as_its_own_failure(tmp_path):
    session = Session({}, Scope("en"))  # type: ignore[arg-type]
    gone = tmp_path / "tidak-terbagi"
    target = Target(gone, str(gone), gone / "dossier.yaml")
    [text] = cluster._audit_chunk(session, [(target, ())], False)
    result = codec.loads(DossierResult, text)
    assert result is not None and result.verdict.value == "TIDAK_DAPAT_DINILAI"
    assert [f.rule for f in result.findings] == ["E000"]  # the checker's, never the office's (E001)
    assert "does not see the folder" in result.findings[0].message


def test_a_chunk_the_cluster_failed_on_is_each_dossiers_e000():
    class Failed:
        def result(self):
            raise RuntimeError("worker killed")

    units = [(Target(Path(p), p, Path(p) / "dossier.yaml"), ()) for p in ("a", "b")]
    results = cluster._results(Failed(), units, Session({}, Scope("id")))  # type: ignore[arg-type]
    assert [r.path for r in results] == ["a", "b"]
    assert all(r.findings[0].rule == "E000" and "worker killed" in r.findings[0].message for r in results)


# -- --shard I/N ------------------------------------------------------------------------


def test_shards_cover_the_run_once_each(corpus):
    whole = [t.display for t in api.run([str(corpus)], Settings()).targets]
    parts = [[t.display for t in api.run([str(corpus)], Settings(shard=f"{i}/3")).targets] for i in (1, 2, 3)]
    assert sorted(d for part in parts for d in part) == sorted(whole)
    assert sum(len(p) for p in parts) == len(whole)  # no dossier in two parts
    again = [t.display for t in api.run([str(corpus)], Settings(shard="2/3")).targets]
    assert again == parts[1]  # the same split every time, on every machine given the same paths


def test_a_dossier_stays_in_its_shard_as_others_come():
    names = [f"dossiers/kec-{i:03d}" for i in range(200)]
    split = {name: next(i for i in range(1, 5) if api.in_shard(name, i, 4)) for name in names}
    assert all(api.in_shard(name, split[name], 4) for name in names)
    assert set(split.values()) == {1, 2, 3, 4}  # every part gets some


def test_shards_reports_join_to_the_whole_run(run_cli, corpus):
    whole = json.loads(_json(run_cli, corpus, "--no-cache", "--jobs", "1"))["dossiers"]
    joined = []
    for i in (1, 2):
        done = run_cli("check", str(corpus), "--rules", str(TTE_RULES), "--format", "jsonl", "--shard", f"{i}/2")
        joined += [json.loads(line) for line in done.output.splitlines()]
    assert sorted(joined, key=lambda d: d["path"]) == whole


@pytest.mark.parametrize("written", ["0/2", "3/2", "2", "a/b", "1/0", "-1/2"])
def test_a_shard_not_written_i_of_n_is_a_usage_problem(run_cli, corpus, written):
    done = run_cli("check", str(corpus), "--shard", written, "--lang", "en")
    assert done.exit_code == 2 and f"--shard {written}: write I/N" in done.stderr
