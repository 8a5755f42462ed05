"""``make bench``, part two: what reading the attachments costs (lapkin_audit/evidence).

- text extraction per page: our reader (in process, and in its child process with its
  start-up) against a bare pypdfium2 loop over the same pages (goal: at most 1.5x);
- a realistic dossier (the compliant fixture: eight text PDFs and DOCX, one scanned
  page) audited cold (empty caches) and warm (an unchanged re-run: goal at most 10% of
  cold), with the result cache missed but the facts cache warm (another --lang), and with
  no attachment read at all (every family that reads content ignored); CPU time of the
  command and its readers, per dossier;
- OCR seconds per page (Tesseract, Indonesian, a scanned A4 page at 150 dpi);
- peak memory (VmHWM) auditing many dossiers whose attachments all differ: the checker's
  own process (goal: at most 100 MB) and its largest reader child (under 200 MB).

    python scripts/bench_evidence.py [--dossiers 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fixture_documents as docs
from bench import median_time  # beside this script
from bench_goals import cpu_of, without_evidence

ROOT = Path(__file__).resolve().parent.parent
PATUH = ROOT / "fixtures" / "dossiers" / "patuh"
CLI = [sys.executable, "-m", "lapkin_audit"]
MB = 1024 * 1024


def long_report(pages: int) -> bytes:
    """A report of ``pages`` pages of text, as a word processor prints one."""
    page = docs.signed_report_lines() + [
        f"Capaian indikator {i}: target 80, realisasi {70 + i % 20}" for i in range(25)
    ]
    return docs.text_pdf([page] * pages)


def extraction(repeat: int) -> dict[str, float]:
    import pypdfium2 as pdfium

    from lapkin_audit.evidence import child, read

    pages = 200
    data = long_report(pages)
    sha = hashlib.sha256(data).hexdigest()

    def bare() -> None:
        document = pdfium.PdfDocument(data)
        for page in document:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        document.close()

    return {
        "pages": pages,
        "bare": median_time(bare, repeat) / pages,
        "ours": median_time(lambda: child.read(data, sha, None), repeat) / pages,
        "ours_child": median_time(lambda: read.read_in_child(data, sha), repeat) / pages,
    }


def ocr_per_page(repeat: int) -> float | None:
    from lapkin_audit.evidence import child, read

    folder = read.tessdata_dir()
    if folder is None:
        return None
    pages = 4
    scan = docs.scanned_pdf(docs.signed_report_lines(), pages=pages)
    with_ocr = median_time(lambda: child.read(scan, "x", folder), repeat)
    without = median_time(lambda: child.read(scan, "x", None), repeat)
    return (with_ocr - without) / pages  # the model's loading shared by the pages, as in a run


def _copies(root: Path, count: int, source: Path = PATUH) -> None:
    """``count`` copies of a compliant dossier whose attachments all differ (each PDF gets a
    comment after its end: another file, the same document), so that nothing is shared."""
    for i in range(count):
        target = root / f"d{i:05d}"
        shutil.copytree(source, target)
        for path in (target / "lampiran").iterdir():
            if path.suffix == ".pdf":
                path.write_bytes(path.read_bytes() + f"% copy {i}\n".encode())
        old = time.time() - 3600  # not "written during the run": results may be stored
        os.utime(target / "dossier.yaml", (old, old))


def dossier(repeat: int, count: int = 20) -> dict[str, float]:
    """CPU seconds per dossier (the command and its reader children), over ``count`` realistic
    dossiers with distinct attachments (one start-up)."""
    results: dict[str, list[float]] = {"cold": [], "warm": [], "facts_warm": [], "no_evidence": []}
    unread = without_evidence()  # every family that needs an attachment's content: nothing is read
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp) / "cache"
            cache.mkdir(mode=0o700)
            corpus = Path(tmp) / "corpus"
            _copies(corpus, count)
            base = [*CLI, "check", str(corpus), "--jobs", "1", "--cache-dir", str(cache), "--format", "json"]
            for key, args in (
                ("no_evidence", [*CLI, "check", str(corpus), "--jobs", "1", "--no-cache", "--ignore", unread]),
                ("cold", base),
                ("warm", base),
                ("facts_warm", [*base, "--lang", "en"]),
            ):
                results[key].append(cpu_of(args)[0] / count)
    return {key: statistics.median(values) for key, values in results.items()}


# Three fixtures alike but for what costs: eight text documents and one scanned page
# (patuh); two scanned pages and seven text documents (patuh-pindaian); the report
# signed twice, a timestamp and a signer, validated against the test PKI (patuh-tte).
UNITS = {"text": "patuh", "scans": "patuh-pindaian", "signed": "patuh-tte"}
TEST_RULES = ROOT / "fixtures" / "tte" / "aturan-uji"


def unit_costs(repeat: int, count: int = 10) -> dict[str, float]:
    """CPU seconds (the command and its readers, one start-up spread over ``count`` dossiers with
    distinct files, nothing cached): a dossier reading nothing, a dossier as the compliant
    fixture, and what one more OCR page and one more signature add to a dossier."""
    runs: dict[str, list[float]] = {key: [] for key in [*UNITS, "unread"]}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            for key, name in UNITS.items():
                corpus = Path(tmp) / name
                _copies(corpus, count, PATUH.parent / name)
                base = [*CLI, "check", str(corpus), "--jobs", "1", "--no-cache", "--rules", str(TEST_RULES)]
                runs[key].append(cpu_of([*base, "--format", "json"])[0] / count)
                if key == "text":
                    runs["unread"].append(cpu_of([*base, "--ignore", without_evidence()])[0] / count)
    cost = {key: statistics.median(values) for key, values in runs.items()}
    return {
        "unread": cost["unread"],
        "dossier": cost["text"],
        "ocr_page": cost["scans"] - cost["text"],  # one page scanned instead of printed
        "signature": (cost["signed"] - cost["text"]) / 2,
    }


def memory(count: int) -> tuple[int, int]:
    """Max RSS of the checker's own process, and of the largest reader child, over ``count``
    dossiers whose attachments all differ (every file is read: nothing is shared)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _copies(root, count)
        script = (
            "import resource, sys\n"
            "from lapkin_audit.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the process that
            # forked this one (the benchmark itself, with the OCR model loaded).
            "own = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
            "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "sys.stderr.write(f'{own} {kids}\\n')\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script, "check", str(root), "--no-cache", "--jobs", "1", "--format", "json"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        own, kids = done.stderr.decode().strip().splitlines()[-1].split()
        return int(own) * 1024, int(kids) * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=1000, help="dossiers for the memory figure")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print("evidence: reading attachments", flush=True)
    x = extraction(args.repeat)
    print(f"{'text per page: bare pypdfium2 loop':44} {x['bare'] * 1000:8.3f} ms  ({x['pages']} pages)")
    print(f"{'text per page: our reader, in process':44} {x['ours'] * 1000:8.3f} ms")
    print(f"{'text per page: our reader, in its child':44} {x['ours_child'] * 1000:8.3f} ms  (start-up included)")
    ocr = ocr_per_page(args.repeat)
    print(
        f"{'OCR per page (Tesseract ind, A4 150 dpi)':44} "
        + (f"{ocr:8.3f} s" if ocr is not None else "  (no OCR here)")
    )
    u = unit_costs(args.repeat)
    print("CPU per unit (10 dossiers of distinct files, one start-up, nothing cached):")
    print(f"{'  a dossier reading no attachment':44} {u['unread'] * 1000:8.0f} ms")
    print(f"{'  a dossier: 8 text documents, 1 scanned page':44} {u['dossier'] * 1000:8.0f} ms")
    print(f"{'  one more OCR page':44} {u['ocr_page'] * 1000:8.0f} ms")
    print(f"{'  one more electronic signature':44} {u['signature'] * 1000:8.0f} ms")
    d = dossier(args.repeat)
    evidence_cold = d["cold"] - d["no_evidence"]
    print("a realistic dossier (the compliant fixture), CPU per dossier over 20 with distinct files:")
    print(f"{'  audit reading no attachment':44} {d['no_evidence'] * 1000:8.0f} ms")
    print(f"{'  audit, caches cold':44} {d['cold'] * 1000:8.0f} ms  (evidence {evidence_cold * 1000:.0f} ms)")
    print(f"{'  audit, facts cache warm (result missed)':44} {d['facts_warm'] * 1000:8.0f} ms")
    print(f"{'  unchanged re-run (warm)':44} {d['warm'] * 1000:8.0f} ms")
    print(f"memory: {args.dossiers} dossiers, every attachment distinct ...", flush=True)
    own, kids = memory(args.dossiers)
    print(f"{'peak RSS: checker process':44} {own / MB:8.0f} MB")
    print(f"{'peak RSS: largest reader child':44} {kids / MB:8.0f} MB")
    targets = [
        ("in-process reader / bare loop, per page", x["ours"] / x["bare"], "<= 1.5", x["ours"] / x["bare"] <= 1.5),
        ("warm re-run / cold, realistic dossier", d["warm"] / d["cold"], "<= 0.10", d["warm"] / d["cold"] <= 0.10),
        ("peak RSS, checker process (MB)", own / MB, "<= 100", own / MB <= 100),
        ("peak RSS, largest reader child (MB)", kids / MB, "< 200", kids / MB < 200),
    ]
    print(f"\n{'target':44} {'value':>8}  {'goal':9} result")
    for name, value, goal, ok in targets:
        print(f"{name:44} {value:8.3f}  {goal:9} {'PASS' if ok else 'MISS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
