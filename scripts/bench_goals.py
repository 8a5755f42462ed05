"""What ``make bench`` measures beyond throughput: CPU time of whole commands, paired with a peer,
the checker's own peak memory, and the Dask runner's speed-up.

CPU time (user + system of the command and the children it waited for, from ``wait4``) is
what the goals compare where the machine is shared: another process's load lengthens a
command's wall time, not its CPU time. A ratio against a peer is taken pair by pair, the two
commands run in turn (A B A B ...), and the median of the ratios kept, so a machine whose
speed drifts during the benchmark still gives a fair ratio.

The checker's peak memory is the kernel's high-water mark of the checker's own process
(``VmHWM``), read by the process itself as it ends: not the largest of its children (a reader
that renders a scanned page at 300 dpi), and not ``ru_maxrss``, which Linux carries over
``exec`` from the process that started it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

MB = 1024 * 1024

# Runs lapkin-audit's command line in this interpreter, then says the process's own peak.
_PEAK = (
    "import sys\n"
    "from lapkin_audit.cli import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "own = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
    "sys.stderr.write(f'\\nVmHWM {own}\\n')\n"
)


def cpu_of(args: Sequence[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """CPU seconds (the command and its waited-for children) and wall seconds of one run."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(list(args), stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in ok:
            errors.seek(0)
            said = errors.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"bench: {' '.join(args[:4])} ... failed ({process.returncode}): {said}")
    return usage.ru_utime + usage.ru_stime, wall


def paired(
    ours: Callable[[], tuple[float, float]], peer: Callable[[], tuple[float, float]], runs: int
) -> dict[str, float]:
    """Median CPU and wall of each side, and the median of the per-pair CPU ratios (ours/peer),
    after one unmeasured run of each (bytecode and derived tables written)."""
    ours(), peer()
    a, b = [], []
    for _ in range(runs):
        a.append(ours())
        b.append(peer())
    return {
        "ours_cpu": statistics.median(x[0] for x in a),
        "peer_cpu": statistics.median(x[0] for x in b),
        "ours_wall": statistics.median(x[1] for x in a),
        "peer_wall": statistics.median(x[1] for x in b),
        "ratio": statistics.median(x[0] / y[0] for x, y in zip(a, b, strict=True)),
    }


def hook_vs_peer(lapkin: str, peer: str, schema: Path, folder: Path, cache: Path, runs: int) -> dict[str, float]:
    """One changed dossier through the pre-commit hook against check-jsonschema on the same file.

    Before each run of either, the manifest gets a new comment line: the hook's result is never
    cached (the dossier changed), while its derived tables (validated rules, the year's
    holidays) and the facts of the unchanged attachments are, as in a working copy."""
    manifest = folder / "dossier.yaml"
    env = {**os.environ, "LAPKIN_AUDIT_CACHE_DIR": str(cache)}
    edits = [0]

    def touched() -> None:
        edits[0] += 1
        with open(manifest, "a", encoding="utf-8") as handle:
            handle.write(f"# diubah {edits[0]}\n")

    def ours() -> tuple[float, float]:
        touched()
        return cpu_of([lapkin, "check", "--touched", "--format", "concise", str(manifest)], env)

    def theirs() -> tuple[float, float]:
        touched()
        return cpu_of([peer, "--schemafile", str(schema), str(manifest)])

    return paired(ours, theirs, runs)


def version_vs_peer(lapkin: str, peer: str, runs: int) -> dict[str, float]:
    return paired(lambda: cpu_of([lapkin, "--version"]), lambda: cpu_of([peer, "--version"]), runs)


def checker_peak(args: Sequence[str]) -> int:
    """Bytes: the peak resident memory of the checker's own process running ``lapkin-audit ARGS``."""
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run(
            [sys.executable, "-c", _PEAK, *args], stdout=subprocess.DEVNULL, stderr=errors, check=False
        )
        errors.seek(0)
        said = errors.read().decode(errors="replace")
    lines = [line for line in said.splitlines() if line.startswith("VmHWM ")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"bench: lapkin-audit {' '.join(args[:3])} ... failed: {said[-2000:]}")
    return int(lines[-1].split()[1]) * 1024


def without_evidence() -> str:
    """The codes of every family that needs the attachments' content read: ignoring them all,
    a run reads no attachment (each family says what it needs gathered)."""
    from lapkin_audit.checks import families
    from lapkin_audit.checks.context import NEEDS_EVIDENCE

    return ",".join(rule.code for family in families() if NEEDS_EVIDENCE in family.NEEDS for rule in family.RULES)


def dask_speedup(lapkin: str, folders: Sequence[str], runs: int) -> dict[str, float] | None:
    """Wall seconds of a run on a LocalCluster of one worker and of two (one thread each), on a
    CPU-bound corpus (no attachment read, no cache); None without the dask extra.

    Each run starts its cluster (a few seconds, in both figures): the corpus must be large
    enough for the audit to outweigh it."""
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        return None
    base = [lapkin, "check", *folders, "--no-cache", "--ignore", without_evidence(), "--format", "json"]
    base += ["-o", os.devnull, "--scheduler", "local"]
    one, two = [], []
    for _ in range(runs):
        one.append(cpu_of([*base, "--jobs", "1"])[1])
        two.append(cpu_of([*base, "--jobs", "2"])[1])
    return {"one": statistics.median(one), "two": statistics.median(two)}
