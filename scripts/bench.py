"""``make bench``: lapkin-audit against the parse floor and a peer, from one run.

Generates a corpus of realistic dossiers (scripts/gen_corpus.py) in a temporary folder,
then measures, side by side:

- floor: reading and parsing every manifest with PyYAML's C loader, nothing else;
- peer: ``check-jsonschema`` validating the same manifests against the shipped JSON
  Schema of the format (lapkin_audit/schema/dossier.schema.json);
- lapkin-audit: the full audit with ``--jobs 1`` and ``--jobs 2``, without cache; the
  result cache cold (empty) and warm (an unchanged re-run); the same without reading any
  attachment; one changed dossier through the pre-commit hook, and ``--version``, paired
  with the peer's (CPU time); the checker's own peak memory (VmHWM) at 1,000 and 10,000
  dossiers (and 100,000 with ``--large``); a run on a Dask LocalCluster of two workers
  against one (``bench_goals``);

and prints every goal with its figure, the goal and PASS or MISS. Throughput figures are
wall-clock times of the real command, start-up included (the floor is timed in process);
figures compared with a peer on one file are CPU times, paired. Each figure is the median
of ``--repeat`` runs. The load average is printed first and last: on a shared machine, read
the CPU-time figures.

    python scripts/bench.py [--n 2000] [--repeat 3] [--quick] [--large] [--keep] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_goals import checker_peak, dask_speedup, hook_vs_peer, version_vs_peer, without_evidence
from gen_corpus import GROUP, generate

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "lapkin_audit" / "schema" / "dossier.schema.json"
BIN = Path(sys.executable).parent
MB = 1024 * 1024


def tool(name: str) -> str:
    local = BIN / name
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"bench: {name} not found (make sets up .venv with the bench extras)")
    return found


def median_time(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command(args: list[str], ok: tuple[int, ...] = (0, 1)) -> Callable[[], None]:
    def run() -> None:
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode not in ok:
            raise SystemExit(
                f"bench: {' '.join(args[:3])} ... failed ({done.returncode}): {done.stderr.decode()[-2000:]}"
            )

    return run


def _spin(_: int = 0) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def parallel_ceiling() -> float:
    """How much faster two CPU-bound processes finish two loops than one process does.

    2.0 on two free cores; less where the two "cores" share a physical core or a host.
    """
    import multiprocessing

    alone = _spin() * 2
    start = time.perf_counter()
    with multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn").Pool(
        2
    ) as pool:
        pool.map(_spin, [0, 1])
    return alone / (time.perf_counter() - start)


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = next(
            int(line.split()[1]) * 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        ram = f"{memory / 1024**3:.0f} GiB RAM"
    except OSError:
        ram = "RAM ?"
    return f"{os.cpu_count()} cores ({model}), {ram}, Python {platform.python_version()}, {platform.system()} {platform.release()}"  # noqa: E501 - one manifest or figure line, kept whole to read it


def load() -> str:
    if not hasattr(os, "getloadavg"):
        return "load average ?"
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description="lapkin-audit benchmark")
    parser.add_argument("--n", type=int, default=2000, help="dossiers in the throughput corpus (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is kept (default 3)")
    parser.add_argument("--quick", action="store_true", help="n=300, one run each, memory at 1,000 only")
    parser.add_argument("--large", action="store_true", help="also the checker's memory at 100,000 dossiers")
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    n, repeat = (300, 1) if args.quick else (args.n, args.repeat)
    memory_sizes: tuple[int, ...] = (1000,) if args.quick else (1000, 10000)
    if args.large:
        memory_sizes += (100000,)
    # Bytecode as an installed package has it: written once, read at every start (a
    # PYTHONDONTWRITEBYTECODE left in the environment would make every start compile).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

    lapkin, peer = tool("lapkin-audit"), tool("check-jsonschema")
    work = Path(tempfile.mkdtemp(prefix="lapkin-bench-"))
    figures: dict[str, float] = {}
    try:
        print(f"machine: {machine()}")
        print(f"at the start: {load()}")
        if os.getloadavg()[0] > 0.5:
            print("warning: other processes are running; wall-clock figures will be perturbed (CPU times less)")
        print(f"corpus: generating {n} dossiers (+{max(memory_sizes)} for memory) under {work} ...", flush=True)
        corpus = work / "corpus"
        generate(corpus, n)
        memory_groups = generate(work / "memory", max(memory_sizes), seed=2)
        generated = time.time()
        manifests = sorted(str(p) for p in corpus.rglob("dossier.yaml"))
        size = statistics.mean(os.path.getsize(m) for m in manifests)
        print(f"corpus: {len(manifests)} dossiers, mean manifest {size / 1024:.1f} KB\n", flush=True)

        # -- floor: read + PyYAML C parse, nothing else -----------------------------------
        def floor() -> None:
            for manifest in manifests:
                with open(manifest, "rb") as handle:
                    try:
                        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
                    except yaml.YAMLError:
                        pass  # the broken fixtures' copies

        figures["floor"] = median_time(floor, repeat)

        # -- the peer: check-jsonschema on the same manifests -----------------------------
        figures["peer"] = median_time(command([peer, "--schemafile", str(SCHEMA), *manifests]), repeat)

        figures["ceiling"] = statistics.median(parallel_ceiling() for _ in range(repeat))

        # -- lapkin-audit, no cache -------------------------------------------------------
        audit = [lapkin, "check", str(corpus), "--format", "json", "-o", os.devnull]
        for jobs in (1, 2):
            figures[f"jobs{jobs}"] = median_time(command(audit + ["--no-cache", "--jobs", str(jobs)]), repeat)
        figures["jobs1_table"] = median_time(command([lapkin, "check", str(corpus), "--no-cache", "--jobs", "1"]), 1)
        # Without evidence: every family that needs an attachment's content ignored, so none is read.
        unread = audit + ["--no-cache", "--jobs", "1", "--ignore", without_evidence()]
        figures["jobs1_unread"] = median_time(command(unread), repeat)

        # -- the result cache: cold (empty) then warm (unchanged re-run) ------------------
        time.sleep(max(0.0, generated + 1.2 - time.time()))  # files newer than ~1 s are not stored
        for jobs in (1, 2):
            colds, warms = [], []
            for _ in range(repeat):
                folder = work / f"cache-{jobs}-{len(colds)}"
                run = command(audit + ["--cache-dir", str(folder), "--jobs", str(jobs)])
                colds.append(median_time(run, 1))
                warms.append(median_time(run, 1))
            figures[f"cold{jobs}"], figures[f"warm{jobs}"] = statistics.median(colds), statistics.median(warms)

        # -- one dossier from a cold process ------------------------------------------
        one = Path(manifests[0]).parent
        figures["one_peer"] = median_time(
            command([peer, "--schemafile", str(SCHEMA), str(one / "dossier.yaml")]), max(5, repeat)
        )
        figures["one_nocache"] = median_time(command([lapkin, "check", str(one), "--no-cache"]), max(5, repeat))
        misses = []
        for i in range(max(5, repeat)):
            misses.append(median_time(command([lapkin, "check", str(one), "--cache-dir", str(work / f"one-{i}")]), 1))
        figures["one_miss"] = statistics.median(misses)
        figures["one_hit"] = median_time(
            command([lapkin, "check", str(one), "--cache-dir", str(work / "one-0")]), max(5, repeat)
        )
        # The pre-commit hook's case, and --version: CPU time, paired with the peer's.
        hook = hook_vs_peer(lapkin, peer, SCHEMA, one, work / "hook-cache", max(10, repeat))
        figures.update({f"hook_{key}": value for key, value in hook.items()})
        version = version_vs_peer(lapkin, peer, max(10, repeat))
        figures.update({f"version_{key}": value for key, value in version.items()})

        # -- the checker's own peak memory --------------------------------------------
        for count in memory_sizes:
            folders = [str(g) for g in memory_groups[: count // GROUP]]
            for jobs in (1, 2):
                figures[f"rss{count}_jobs{jobs}"] = checker_peak(
                    ["check", *folders, "--no-cache", "--jobs", str(jobs), "--format", "json", "-o", os.devnull]
                )

        # -- Dask: a LocalCluster of two workers against one --------------------------
        dask_size = min(max(memory_sizes), 10000)
        dask = dask_speedup(lapkin, [str(g) for g in memory_groups[: dask_size // GROUP]], repeat)
        if dask is not None:
            figures["dask_n"] = dask_size
            figures.update({f"dask_{key}": value for key, value in dask.items()})
    finally:
        if args.keep:
            print(f"corpus kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    report(figures, n, memory_sizes)
    print(f"at the end: {load()}")
    if args.json:
        args.json.write_text(json.dumps({"n": n, "machine": machine(), "figures": figures}, indent=2) + "\n")
    return 0


def report(f: dict[str, float], n: int, memory_sizes: tuple[int, ...]) -> None:
    def rate(seconds: float) -> str:
        return f"{n / seconds:8.0f} dossiers/s  ({seconds * 1000 / n:6.2f} ms each, {seconds:6.2f} s)"

    print(f"{'floor: read + PyYAML CSafeLoader':44} {rate(f['floor'])}")
    print(f"{'peer: check-jsonschema':44} {rate(f['peer'])}")
    print(f"{'lapkin-audit --jobs 1 (no cache, json)':44} {rate(f['jobs1'])}")
    print(f"{'lapkin-audit --jobs 1, no attachment read':44} {rate(f['jobs1_unread'])}")
    print(f"{'lapkin-audit --jobs 2 (no cache, json)':44} {rate(f['jobs2'])}")
    print(f"{'lapkin-audit --jobs 1 (no cache, table)':44} {rate(f['jobs1_table'])}")
    print(f"{'lapkin-audit --jobs 1, cache cold':44} {rate(f['cold1'])}")
    print(f"{'lapkin-audit --jobs 1, cache warm':44} {rate(f['warm1'])}")
    print(f"{'lapkin-audit --jobs 2, cache cold':44} {rate(f['cold2'])}")
    print(f"{'lapkin-audit --jobs 2, cache warm':44} {rate(f['warm2'])}")
    print()
    print(f"{'one dossier, cold process: peer':44} {f['one_peer'] * 1000:8.0f} ms")
    print(f"{'one dossier: lapkin-audit, first run':44} {f['one_miss'] * 1000:8.0f} ms")
    print(f"{'one dossier: lapkin-audit --no-cache':44} {f['one_nocache'] * 1000:8.0f} ms")
    print(f"{'one dossier: lapkin-audit, result cached':44} {f['one_hit'] * 1000:8.0f} ms")
    for what, key in (("one changed dossier, the hook", "hook"), ("--version", "version")):
        print(
            f"{what + ': ours / peer, CPU':44} {f[f'{key}_ours_cpu'] * 1000:8.0f} ms / "
            f"{f[f'{key}_peer_cpu'] * 1000:.0f} ms  (wall {f[f'{key}_ours_wall'] * 1000:.0f} / "
            f"{f[f'{key}_peer_wall'] * 1000:.0f} ms)"
        )
    for count in memory_sizes:
        print(
            f"{f'checker peak at {count} dossiers, --jobs 1 / 2':44} {f[f'rss{count}_jobs1'] / MB:8.1f} MB / {f[f'rss{count}_jobs2'] / MB:.1f} MB (VmHWM)"  # noqa: E501 - one manifest or figure line, kept whole to read it
        )
    if "dask_one" in f:
        label = f"Dask LocalCluster, {f['dask_n']:.0f} dossiers: 1 / 2 workers"
        print(f"{label:44} {f['dask_one']:8.2f} s / {f['dask_two']:.2f} s  (wall, cluster start included)")
    print()

    targets = [
        ("per dossier / floor, one job", f["jobs1"] / f["floor"], "<= 2.0", f["jobs1"] / f["floor"] <= 2.0),
        (
            "per dossier / floor, one job, nothing read",
            f["jobs1_unread"] / f["floor"],
            "<= 2.0",
            f["jobs1_unread"] / f["floor"] <= 2.0,
        ),
        ("ours/peer dossiers/s, one job", f["peer"] / f["jobs1"], ">= 8.0", f["peer"] / f["jobs1"] >= 8.0),
        ("jobs-2/jobs-1 dossiers/s", f["jobs1"] / f["jobs2"], ">= 1.7", f["jobs1"] / f["jobs2"] >= 1.7),
        ("warm-cache/cold time, one job", f["warm1"] / f["cold1"], "<= 0.10", f["warm1"] / f["cold1"] <= 0.10),
        ("one changed dossier, hook: ours/peer CPU", f["hook_ratio"], "<= 0.50", f["hook_ratio"] <= 0.5),
        ("--version: ours/peer CPU", f["version_ratio"], "<= 0.50", f["version_ratio"] <= 0.5),
    ]
    for count in (10000, 100000):
        if count in memory_sizes:
            peak = max(f[f"rss{count}_jobs1"], f[f"rss{count}_jobs2"]) / MB
            targets.append((f"checker peak at {count:,} dossiers (MB)", peak, "<= 100", peak <= 100))
        else:
            how = "--large" if count > 10000 else "without --quick"
            print(f"(checker peak at {count:,} dossiers: not measured; {how})")
    if len(memory_sizes) > 1:
        # "Flat": what each further 1,000 dossiers add to the checker's peak.
        small, largest = memory_sizes[0], max(memory_sizes)
        slope = (f[f"rss{largest}_jobs1"] - f[f"rss{small}_jobs1"]) / MB / ((largest - small) / 1000)
        targets.append(("checker peak growth, MB per 1,000 dossiers", slope, "~0 (flat)", slope <= 1.0))
    if "dask_one" in f:
        speedup = f["dask_one"] / f["dask_two"]
        targets.append(("Dask: 2 workers / 1 worker, speed-up", speedup, ">= 1.7", speedup >= 1.7))
    else:
        print("(Dask speed-up: not measured; pip install 'lapkin-audit[dask]')")
    print(f"{'target':44} {'value':>8}  {'goal':9} result")
    for name, value, goal, ok in targets:
        print(f"{name:44} {value:8.3f}  {goal:9} {'PASS' if ok else 'MISS'}")
    print(f"(machine: two CPU-bound processes run {f['ceiling']:.2f}x as fast as one; 2.00 on two free cores)")
    print(
        f"(also: ours/peer with --jobs 2: {f['peer'] / f['jobs2']:.1f}x; warm/cold with --jobs 2: {f['warm2'] / f['cold2']:.2f})"  # noqa: E501 - one manifest or figure line, kept whole to read it
    )


if __name__ == "__main__":
    sys.exit(main())
