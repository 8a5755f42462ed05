"""``make bench``, part two: what reading the attachments costs (lapkin_audit/evidence).

- text extraction per page: our reader (in process, and in its child process with its
  start-up) against a bare pypdfium2 loop over the same pages (goal: at most 1.5x);
- reading a realistic dossier's documents (the compliant fixture's attachments: text PDFs,
  a DOCX, one scanned page; no facts cache) through the warm reader (a fork of a process
  with the libraries loaded) against the same reading done in one process (goal: at most
  1.5x, in CPU time), and through a fresh child (as before the warm reader);
- a realistic dossier (the compliant fixture: eight text PDFs and DOCX, one scanned
  page) audited cold (empty caches) and warm (an unchanged re-run: goal at most 10% of
  cold), with the result cache missed but the facts cache warm (another --lang), and with
  no attachment read at all (every family that reads content ignored); CPU time of the
  command and its readers, per dossier;
- what one dossier, one more OCR page and one more signature cost a run (CPU, nothing
  cached): the figures of docs/performance.md's national run on paper;
- OCR per page of a scanned A4 report at 150 dpi: our reader (in process) against bare
  tesserocr on the same pages rendered at the same resolution (goal: at most 1.15x), and
  in its child with two workers (start-up and the model's loading included);
- electronic signatures: our reading of every signature of the signed fixtures (PAdES
  B-LT and B-LTA as BSrE signs, and the S cases), against a bare loop of pyHanko's
  ``validate_pdf_signature`` over the same signatures (goal: at most 1.2x), in CPU time;
- peak memory (VmHWM) auditing many dossiers whose attachments all differ: the checker's
  own process (goal: at most 100 MB) and the largest reader process (under 200 MB).

    python scripts/bench_evidence.py [--dossiers 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import resource
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
        "ours_child": median_time(lambda: read.Reader().read_in_children([(data, sha)]), repeat) / pages,
    }


def ocr_per_page(repeat: int, pages: int = 8) -> dict[str, float] | None:
    """Seconds per scanned page: bare tesserocr (render at the scan's 150 dpi, OCR), our
    reader in process (the same, plus text as printed, QR codes and the budget), and our
    reader in its child with two OCR workers (its start-up and model loading included)."""
    import pypdfium2 as pdfium
    import tesserocr

    from lapkin_audit.evidence import child, read

    folder = read.tessdata_dir()
    if folder is None:
        return None
    scan = docs.scans_pdf(docs.long_scan(pages))
    sha = hashlib.sha256(scan).hexdigest()
    api = tesserocr.PyTessBaseAPI(path=folder, lang="ind")  # loaded once, as our child does

    def bare() -> None:
        document = pdfium.PdfDocument(scan)
        for page in document:
            api.SetImage(page.render(scale=150 / 72, grayscale=True).to_pil())
            api.GetUTF8Text()
            api.AllWordConfidences()
            page.close()
        document.close()

    child.read(scan, sha, folder)  # loads the model in this process before timing
    try:
        return {
            "pages": pages,
            "bare": median_time(bare, repeat) / pages,
            "ours": median_time(lambda: child.read(scan, sha, folder), repeat) / pages,
            "child_j2": median_time(
                lambda: read.Reader(tessdata=folder, ocr_workers=2).read_in_children([(scan, sha)]), repeat
            )
            / pages,
        }
    finally:
        api.End()


def _server_cpu(pids: list[int]) -> float:
    """CPU seconds the warm processes spent themselves (forking, waiting), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def reading(repeat: int, tessdata: str | None) -> dict[str, float]:
    """Seconds (CPU, and on the clock) to read the compliant dossier's distinct attachments:
    in this process (libraries and model loaded, an OCR engine per dossier as the child
    makes), through the warm reader (its process started beforehand), and through a fresh
    child per dossier. CPU counts every process: this one, its children, and the warm
    process with the children it forked. Interleaved, so a busy spell hits all three."""
    from lapkin_audit.evidence import child, read
    from lapkin_audit.evidence.ocr import Ocr

    contents = {path.read_bytes() for path in sorted((PATUH / "lampiran").iterdir())}
    items = [(data, hashlib.sha256(data).hexdigest()) for data in sorted(contents)]
    warm_reader = read.Reader(tessdata=tessdata)
    fresh_reader = read.Reader(tessdata=tessdata, warm=None)
    assert warm_reader.warm is not None

    def in_process() -> None:
        ocr = Ocr(tessdata, 1)
        try:
            for data, sha in items:
                child.read(data, sha, tessdata, ocr=ocr)
        finally:
            ocr.close()

    def cpu() -> float:
        assert warm_reader.warm is not None
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        mine = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
        return mine + warm_reader.warm.cpu + _server_cpu(warm_reader.warm.pids())

    runs = {"in_process": in_process, "warm": lambda: warm_reader.read_in_children(items)}
    runs["fresh"] = lambda: fresh_reader.read_in_children(items)
    for run in runs.values():  # imports, the OCR model, the warm process: once, beforehand
        run()
    times: dict[str, list[tuple[float, float]]] = {key: [] for key in runs}
    try:
        for _ in range(repeat):
            for key, run in runs.items():
                started, wall = cpu(), time.perf_counter()
                run()
                times[key].append((cpu() - started, time.perf_counter() - wall))
    finally:
        warm_reader.close()
    result: dict[str, float] = {"documents": len(items)}
    for key, values in times.items():
        result[f"{key}_cpu"] = statistics.median(c for c, _ in values)
        result[f"{key}_wall"] = statistics.median(w for _, w in values)
    return result


def signatures(repeat: int) -> dict[str, float]:
    """CPU seconds per signature: ``evidence.signatures.read_signatures`` on the signed
    fixtures with their rules' trust, and a bare pyHanko loop over the same signatures (one
    ``validate_pdf_signature`` each, at the signer's time, with the same roots and lists)."""
    import io

    from asn1crypto import crl as asn1_crl
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from lapkin_audit.evidence.signatures import read_signatures
    from lapkin_audit.load.sop import load_rulebook

    trust = load_rulebook([ROOT / "fixtures" / "tte" / "aturan-uji"]).sops["pelaporan-kinerja"].tte
    files = [path.read_bytes() for path in sorted((ROOT / "fixtures" / "tte" / "berkas").glob("*.pdf"))]
    count = sum(len(read_signatures(data, trust.roots, trust.crls)) for data in files)
    roots = [asn1_x509.Certificate.load(der) for der in trust.roots]
    lists = [asn1_crl.CertificateList.load(der) for der in trust.crls]

    def bare() -> None:
        for data in files:
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            for sig in reader.embedded_signatures:
                if sig.sig_object_type != "/Sig":
                    continue
                context = ValidationContext(
                    trust_roots=roots,
                    crls=lists,
                    allow_fetching=False,
                    moment=sig.self_reported_timestamp,
                    retroactive_revinfo=True,
                )
                validate_pdf_signature(sig, context)

    def ours() -> None:
        for data in files:
            read_signatures(data, trust.roots, trust.crls)

    for name in ("pyhanko", "pyhanko_certvalidator"):  # as the reader does: no log lines to format
        logging.getLogger(name).setLevel(logging.CRITICAL)
    bare()  # both import and warm up pyHanko before either is timed
    times: dict[str, list[float]] = {"bare": [], "ours": []}
    for _ in range(repeat):  # interleaved, so that a busy spell hits both alike
        for key, run in (("bare", bare), ("ours", ours)):
            start = time.process_time()
            run()
            times[key].append(time.process_time() - start)
    # The best of each: CPU time still grows when other processes share the cores' caches.
    return {"signatures": count, "files": len(files), **{key: min(t) / count for key, t in times.items()}}


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
    """CPU seconds per dossier (the command and its readers), over ``count`` realistic
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
        # The signed report scanned instead of printed: its pages (one at 150 dpi, one at 300).
        "ocr_page": (cost["scans"] - cost["text"]) / _scanned_pages(),
        "signature": (cost["signed"] - cost["text"]) / 2,
    }


def _scanned_pages() -> int:
    """The pages of the documents the scanned fixture has in place of the compliant one's."""
    import pypdfium2

    scanned, printed = PATUH.parent / UNITS["scans"], PATUH
    pages = 0
    for path in sorted((scanned / "lampiran").glob("*.pdf")):
        if (printed / "lampiran" / path.name).read_bytes() != path.read_bytes():
            document = pypdfium2.PdfDocument(path)
            pages += len(document)
            document.close()
    return max(pages, 1)


def memory(count: int) -> tuple[int, int]:
    """Max RSS of the checker's own process, and of the largest reader process (the warm one
    or a child it forked), over ``count`` dossiers whose attachments all differ (every file
    is read: nothing is shared)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _copies(root, count)
        script = (
            "import resource, sys\n"
            "from lapkin_audit.cli import main\n"
            "from lapkin_audit.evidence import read\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "read.close()  # the warm reader, reaped: its children's peak joins RUSAGE_CHILDREN\n"
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


def read_tessdata() -> str | None:
    from lapkin_audit.evidence.read import tessdata_dir

    return tessdata_dir()


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
    if ocr is None:
        print(f"{'OCR per page':44}   (no OCR here)")
    else:
        print(f"{'OCR per page: bare tesserocr (A4, 150 dpi)':44} {ocr['bare']:8.3f} s  ({ocr['pages']} pages)")
        print(f"{'OCR per page: our reader, in process':44} {ocr['ours']:8.3f} s")
        print(f"{'OCR per page: our reader, child, 2 workers':44} {ocr['child_j2']:8.3f} s  (start-up included)")
    folder = read_tessdata()
    reads = {"with OCR" if folder else "no OCR here": reading(max(args.repeat, 15), folder)}
    if folder is not None:  # the scanned page then stays unread: the stricter ratio
        reads["text only"] = reading(max(args.repeat, 15), None)
    for label, r in reads.items():
        print(f"reading the compliant dossier's {r['documents']:.0f} documents, {label}, per dossier:")
        for key, name in (("in_process", "in one process"), ("warm", "warm reader"), ("fresh", "a fresh child")):
            print(
                f"{'  ' + name:44} {r[key + '_cpu'] * 1000:8.0f} ms CPU  {r[key + '_wall'] * 1000:6.0f} ms on the clock"
            )
    sig = signatures(max(args.repeat, 7))
    print(
        f"{'signatures: bare validate_pdf_signature loop':44} {sig['bare'] * 1000:8.1f} ms CPU per signature"
        f"  ({sig['signatures']} signatures, {sig['files']} files)"
    )
    print(f"{'signatures: our reading (read_signatures)':44} {sig['ours'] * 1000:8.1f} ms CPU per signature")
    u = unit_costs(args.repeat)
    print("CPU per unit (10 dossiers of distinct files, one start-up, nothing cached):")
    print(f"{'  a dossier reading no attachment':44} {u['unread'] * 1000:8.0f} ms")
    print(f"{'  a dossier: 8 text documents, 1 scanned page':44} {u['dossier'] * 1000:8.0f} ms")
    print(f"{'  one more OCR page (150-300 dpi)':44} {u['ocr_page'] * 1000:8.0f} ms")
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
    print(f"{'peak RSS: largest reader process':44} {kids / MB:8.0f} MB")
    targets = [
        ("in-process reader / bare loop, per page", x["ours"] / x["bare"], "<= 1.5", x["ours"] / x["bare"] <= 1.5),
    ]
    for label, r in reads.items():
        ratio = r["warm_cpu"] / r["in_process_cpu"]
        targets.append((f"warm reader / one process, CPU, {label}", ratio, "<= 1.5", ratio <= 1.5))
    targets += [
        ("signatures: ours / bare pyHanko, CPU", sig["ours"] / sig["bare"], "<= 1.2", sig["ours"] / sig["bare"] <= 1.2),
        ("warm re-run / cold, realistic dossier", d["warm"] / d["cold"], "<= 0.10", d["warm"] / d["cold"] <= 0.10),
        ("peak RSS, checker process (MB)", own / MB, "<= 100", own / MB <= 100),
        ("peak RSS, largest reader process (MB)", kids / MB, "< 200", kids / MB < 200),
    ]
    if ocr is not None:
        ratio = ocr["ours"] / ocr["bare"]
        targets.insert(1, ("OCR per page: our reader / bare tesserocr", ratio, "<= 1.15", ratio <= 1.15))
    print(f"\n{'target':44} {'value':>8}  {'goal':9} result")
    for name, value, goal, ok in targets:
        print(f"{name:44} {value:8.3f}  {goal:9} {'PASS' if ok else 'MISS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
