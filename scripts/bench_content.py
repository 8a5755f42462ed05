"""What the content checks (C001-C008) add to a realistic dossier's warm run.

The compliant fixture dossier (nine attachments, tables in six of them) is assessed with
its attachments' facts already read (the evidence memo warm, as on a re-run where only the
manifest changed), with every rule and with the C family left out (``--ignore C``: the
content record and checks are then not computed), and the content checks are timed alone.
CPU seconds, median of many runs. Goal: at most +20%.

    .venv/bin/python scripts/bench_content.py
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lapkin_audit.batch.one import assess  # noqa: E402
from lapkin_audit.batch.session import Session  # noqa: E402
from lapkin_audit.budget import NO_DEADLINE  # noqa: E402
from lapkin_audit.checks import capaian  # noqa: E402
from lapkin_audit.domain.content.tables import header_of  # noqa: E402
from lapkin_audit.domain.indicators import _normalized_default  # noqa: E402
from lapkin_audit.domain.numbers import _parsed, find_scale  # noqa: E402
from lapkin_audit.evidence import read  # noqa: E402
from lapkin_audit.gather.dossier import context_for  # noqa: E402
from lapkin_audit.load import manifest as manifests  # noqa: E402
from lapkin_audit.load.sop import load_rulebook  # noqa: E402

DOSSIER = ROOT / "fixtures" / "dossiers" / "patuh"
RUNS = 40


def cpu(run, repeat: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _child_cpu(args: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    rulebook = load_rulebook([ROOT / "fixtures" / "tte" / "aturan-uji"])
    sops = rulebook.sops
    manifest = DOSSIER / "dossier.yaml"
    reader = read.Reader(tessdata=read.tessdata_dir())
    every = Session(rulebook, reader=reader)
    assess(manifest, str(DOSSIER), every)  # the attachments read once: the reader's memo is warm
    loaded = manifests.load(manifest, str(DOSSIER), sops)
    assert loaded.dossier is not None and loaded.sop is not None
    ctx = context_for(loaded.dossier, loaded.sop, every.reading(every.scope, NO_DEADLINE))

    def fresh() -> None:  # a dossier whose documents the content stage has not seen yet
        ctx.shared.clear()  # the session's, shared with assess
        ctx.derived.clear()
        for remembered in (header_of, find_scale, _parsed, _normalized_default):
            remembered.cache_clear()

    t_all = cpu(lambda: (fresh(), assess(manifest, str(DOSSIER), every)))
    t_content = cpu(lambda: (fresh(), list(capaian.check(ctx)), capaian.record(ctx)))
    reader.close()
    share = t_content / (t_all - t_content)
    cli = [
        sys.executable,
        "-m",
        "lapkin_audit",
        "check",
        str(DOSSIER),
        "--rules",
        str(ROOT / "fixtures/tte/aturan-uji"),
    ]
    with tempfile.TemporaryDirectory() as cache:
        run = [*cli, "--cache-dir", cache]
        subprocess.run(run, capture_output=True, check=False)  # the facts and the result cached
        t_cli = statistics.median(_child_cpu(run) for _ in range(5))
    print(f"the warm command (`check {DOSSIER.name}`, everything cached): {t_cli * 1000:.0f} ms CPU")
    print(
        f"warm assessment of {DOSSIER.name}: {t_all * 1000:.1f} ms CPU with every rule, of which the content"
        f" checks and record {t_content * 1000:.1f} ms: +{share * 100:.0f}% over the rest (goal: <= 20%)"
    )


if __name__ == "__main__":
    main()
