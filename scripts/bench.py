"""``make bench``: lapkin-audit against the parse floor and a peer, from one run.

Generates a corpus of realistic dossiers (scripts/gen_corpus.py) in a temporary folder,
then measures, side by side:

- floor: reading and parsing every manifest with PyYAML's C loader, nothing else;
- peer: ``check-jsonschema`` validating the same manifests against the shipped JSON
  Schema of the format (lapkin_audit/schema/dossier.schema.json);
- lapkin-audit: the full audit with ``--jobs 1`` and ``--jobs 2``, without cache; the
  result cache cold (empty) and warm (an unchanged re-run); one dossier from a cold
  process against the peer's check of that one file; peak memory (max RSS) at 1,000 and
  10,000 dossiers;

and prints the ratios against the targets of issue 6 with PASS or MISS. Our figures are
wall-clock times of the real command, start-up included; the floor is timed in process.
Each figure is the median of ``--repeat`` runs.

    python scripts/bench.py [--n 2000] [--repeat 3] [--quick] [--keep] [--json FILE]
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


def peak_rss(args: list[str]) -> int:
    """Max RSS in bytes of a command (the largest of it and the children it waited for)."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(args[:3])} ... failed ({process.returncode})")
    return usage.ru_maxrss * 1024  # KiB on Linux


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


def main() -> int:
    parser = argparse.ArgumentParser(description="lapkin-audit benchmark (issue 6)")
    parser.add_argument("--n", type=int, default=2000, help="dossiers in the throughput corpus (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is kept (default 3)")
    parser.add_argument("--quick", action="store_true", help="n=300, one run each, memory at 1,000 only")
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    n, repeat = (300, 1) if args.quick else (args.n, args.repeat)
    memory_sizes = (1000,) if args.quick else (1000, 10000)

    lapkin, peer = tool("lapkin-audit"), tool("check-jsonschema")
    work = Path(tempfile.mkdtemp(prefix="lapkin-bench-"))
    figures: dict[str, float] = {}
    try:
        print(f"machine: {machine()}")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        if load > 0.5:
            print(f"warning: load average {load:.2f}: other processes are running; figures will be perturbed")
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
        # The pre-commit hook's case: this dossier changed (its result is not cached), but
        # earlier runs kept the validated rules and the year's holidays (the derived tables).
        hook = [lapkin, "check", "--touched", "--format", "concise", str(one / "dossier.yaml")]
        hook_env = {**os.environ, "LAPKIN_AUDIT_CACHE_DIR": str(work / "hook-cache")}
        subprocess.run(hook, env=hook_env, capture_output=True)
        hook_times = []
        for i in range(max(5, repeat)):
            with open(one / "dossier.yaml", "a", encoding="utf-8") as manifest:
                manifest.write(f"# diubah {i}\n")
            start = time.perf_counter()
            subprocess.run(hook, env=hook_env, capture_output=True)
            hook_times.append(time.perf_counter() - start)
        figures["one_hook"] = statistics.median(hook_times)
        figures["one_hit"] = median_time(
            command([lapkin, "check", str(one), "--cache-dir", str(work / "one-0")]), max(5, repeat)
        )

        # -- peak memory --------------------------------------------------------------
        for count in memory_sizes:
            folders = [str(g) for g in memory_groups[: count // GROUP]]
            for jobs in (1, 2):
                rss = peak_rss(
                    [lapkin, "check", *folders, "--no-cache", "--jobs", str(jobs), "--format", "json", "-o", os.devnull]
                )
                figures[f"rss{count}_jobs{jobs}"] = rss
    finally:
        if args.keep:
            print(f"corpus kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    report(figures, n, memory_sizes)
    if args.json:
        args.json.write_text(json.dumps({"n": n, "machine": machine(), "figures": figures}, indent=2) + "\n")
    return 0


def report(f: dict[str, float], n: int, memory_sizes: tuple[int, ...]) -> None:
    def rate(seconds: float) -> str:
        return f"{n / seconds:8.0f} dossiers/s  ({seconds * 1000 / n:6.2f} ms each, {seconds:6.2f} s)"

    print(f"{'floor: read + PyYAML CSafeLoader':44} {rate(f['floor'])}")
    print(f"{'peer: check-jsonschema':44} {rate(f['peer'])}")
    print(f"{'lapkin-audit --jobs 1 (no cache, json)':44} {rate(f['jobs1'])}")
    print(f"{'lapkin-audit --jobs 2 (no cache, json)':44} {rate(f['jobs2'])}")
    print(f"{'lapkin-audit --jobs 1 (no cache, table)':44} {rate(f['jobs1_table'])}")
    print(f"{'lapkin-audit --jobs 1, cache cold':44} {rate(f['cold1'])}")
    print(f"{'lapkin-audit --jobs 1, cache warm':44} {rate(f['warm1'])}")
    print(f"{'lapkin-audit --jobs 2, cache cold':44} {rate(f['cold2'])}")
    print(f"{'lapkin-audit --jobs 2, cache warm':44} {rate(f['warm2'])}")
    print()
    print(f"{'one dossier, cold process: peer':44} {f['one_peer'] * 1000:8.0f} ms")
    print(f"{'one dossier: lapkin-audit, first run':44} {f['one_miss'] * 1000:8.0f} ms")
    print(f"{'one dossier: the hook, result not cached':44} {f['one_hook'] * 1000:8.0f} ms")
    print(f"{'one dossier: lapkin-audit --no-cache':44} {f['one_nocache'] * 1000:8.0f} ms")
    print(f"{'one dossier: lapkin-audit, result cached':44} {f['one_hit'] * 1000:8.0f} ms")
    for count in memory_sizes:
        print(
            f"{f'peak RSS at {count} dossiers, --jobs 1 / 2':44} {f[f'rss{count}_jobs1'] / MB:8.1f} MB / {f[f'rss{count}_jobs2'] / MB:.1f} MB (largest process)"  # noqa: E501 - one manifest or figure line, kept whole to read it
        )
    print()

    targets = [
        ("ours/floor per dossier, one job", f["jobs1"] / f["floor"], "<= 2.0", f["jobs1"] / f["floor"] <= 2.0),
        ("ours/peer dossiers/s, one job", f["peer"] / f["jobs1"], ">= 8.0", f["peer"] / f["jobs1"] >= 8.0),
        ("jobs-2/jobs-1 dossiers/s", f["jobs1"] / f["jobs2"], ">= 1.7", f["jobs1"] / f["jobs2"] >= 1.7),
        ("warm-cache/cold time, one job", f["warm1"] / f["cold1"], "<= 0.10", f["warm1"] / f["cold1"] <= 0.10),
        ("one dossier, hook: ours/peer", f["one_hook"] / f["one_peer"], "<= 0.50", f["one_hook"] <= f["one_peer"] / 2),
    ]
    largest = max(memory_sizes)
    peak = f[f"rss{largest}_jobs1"]
    targets.append(
        (
            f"peak RSS at {largest} dossiers (MB)",
            peak / MB,
            "< 150" if largest >= 10000 else "< 150 (at 10k)",
            peak < 150 * MB,
        )
    )
    if len(memory_sizes) > 1:
        # "Flat": what each further 1,000 dossiers add to the peak (the report kept until printed).
        small = memory_sizes[0]
        slope = (f[f"rss{largest}_jobs1"] - f[f"rss{small}_jobs1"]) / MB / ((largest - small) / 1000)
        targets.append(("peak RSS growth, MB per 1,000 dossiers", slope, "~0 (flat)", slope <= 1.0))
    print(f"{'target':44} {'value':>8}  {'goal':9} result")
    for name, value, goal, ok in targets:
        print(f"{name:44} {value:8.3f}  {goal:9} {'PASS' if ok else 'MISS'}")
    print(f"(machine: two CPU-bound processes run {f['ceiling']:.2f}x as fast as one; 2.00 on two free cores)")
    print(
        f"(also: ours/peer with --jobs 2: {f['peer'] / f['jobs2']:.1f}x; warm/cold with --jobs 2: {f['warm2'] / f['cold2']:.2f})"  # noqa: E501 - one manifest or figure line, kept whole to read it
    )


if __name__ == "__main__":
    sys.exit(main())
