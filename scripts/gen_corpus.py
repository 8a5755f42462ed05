"""Generates a corpus of realistic dossiers for the benchmark (scripts/bench.py).

Every dossier is a copy of one of the fixture dossiers (fixtures/dossiers/*): half are
compliant ones (including revision loops, weekends, Lebaran, WITA), the other half are
spread over the fixtures that break each rule (E001-E005, K, H, T, P, A, W, X). Each copy
is varied a little so no two manifests are alike: the office's name, archive numbers,
a title on every document and a note on every step (which also brings a manifest to the
size of a real one, ~5 KB). Attachments are present, hard-linked to the fixture's files
when the file system allows (they are never written to), else copied.

Dossiers are written in groups of 1,000 (``g00/``, ``g01/``, ...), so a benchmark can
audit the first 1,000 or all of them by naming folders.

    python scripts/gen_corpus.py OUT --n 2000 [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "dossiers"
GROUP = 1000

OFFICES = (
    "Karangploso",
    "Singosari",
    "Lawang",
    "Pakis",
    "Tumpang",
    "Dau",
    "Wagir",
    "Kepanjen",
    "Turen",
    "Dampit",
    "Gondanglegi",
    "Pakisaji",
    "Ngajum",
    "Kromengan",
    "Sumberpucung",
)
NOTES = (
    "Bahan dikumpulkan dari seluruh seksi dan diverifikasi oleh sub bagian evaluasi dan pelaporan.",
    "Draf disusun berdasarkan capaian indikator kinerja utama triwulan berjalan.",
    "Pemeriksaan dilakukan bersama; catatan perbaikan disampaikan secara tertulis kepada tim.",
    "Naskah digandakan sebanyak lima eksemplar untuk distribusi ke instansi terkait.",
    "Laporan dikirim ke Bappeda dan Inspektorat; tanda terima dilampirkan.",
    "Berkas disimpan di lemari arsip ruang sekretariat sesuai klasifikasi.",
)


def sources() -> tuple[list[Path], list[Path]]:
    compliant, broken = [], []
    for folder in sorted(FIXTURES.iterdir()):
        if (folder / "dossier.yaml").exists():
            (compliant if folder.name.startswith("patuh") else broken).append(folder)
    return compliant, broken


def vary(text: str, rng: random.Random) -> str:
    office = rng.choice(OFFICES)
    text = text.replace("Karangploso", office)
    text = re.sub(r"ARS/(\d{4})/\d+", lambda m: f"ARS/{m.group(1)}/{rng.randint(1, 999)}", text)
    if "catatan:" in text or "judul:" in text:
        return text  # already annotated: adding more would duplicate keys
    # A note under every step's `selesai:` (block style, as in the fixtures).
    text = re.sub(
        r"^(    selesai: [^\n]*\n)",
        lambda m: m.group(1) + f'    catatan: "{rng.choice(NOTES)}"\n',
        text,
        flags=re.MULTILINE,
    )
    # A title on every document, flow or block style.
    text = re.sub(r"\{jenis: (\w+),", lambda m: f'{{jenis: {m.group(1)}, judul: "{_title(m.group(1), office)}",', text)
    text = re.sub(
        r"\{jenis: (\w+)\}", lambda m: f'{{jenis: {m.group(1)}, judul: "{_title(m.group(1), office)}"}}', text
    )
    text = re.sub(
        r"^(  - jenis: (\w+)\n)",
        lambda m: m.group(1) + f'    judul: "{_title(m.group(2), office)}"\n',
        text,
        flags=re.MULTILINE,
    )
    return text


def _title(jenis: str, office: str) -> str:
    return f"{jenis.replace('_', ' ').title()} Kantor Kecamatan {office}"


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def generate(out: Path, n: int, seed: int = 1) -> list[Path]:
    """Writes ``n`` dossiers under ``out``; returns the group folders."""
    rng = random.Random(seed)
    compliant, broken = sources()
    texts = {folder: (folder / "dossier.yaml").read_bytes() for folder in compliant + broken}
    groups: list[Path] = []
    for i in range(n):
        group = out / f"g{i // GROUP:02d}"
        if i % GROUP == 0:
            groups.append(group)
        source = rng.choice(compliant) if i % 2 == 0 else broken[(i // 2) % len(broken)]
        target = group / f"d{i:05d}"
        (target / "lampiran").mkdir(parents=True)
        raw = texts[source]
        try:
            manifest = vary(raw.decode("utf-8"), rng).encode("utf-8")
        except UnicodeDecodeError:  # the E001 fixture stays as broken as it is
            manifest = raw
        (target / "dossier.yaml").write_bytes(manifest)
        attachments = source / "lampiran"
        if attachments.is_dir():
            for item in attachments.iterdir():
                if item.is_file() and not item.is_symlink():
                    _link_or_copy(item, target / "lampiran" / item.name)
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.n, args.seed)
    print(f"wrote {args.n} dossiers under {args.out}")


if __name__ == "__main__":
    main()
