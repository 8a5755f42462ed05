"""Builds the fixture dossiers under fixtures/dossiers/ from the compliant example.

Each variant is the spec's compliant example (fixtures/dossiers/patuh/dossier.yaml)
with a few textual edits, so every fixture reads like a real dossier and differs from
the compliant one only where it breaks its rule. Attachments are small real PDFs.

    python scripts/make_fixtures.py          # rewrite every fixture
    python scripts/make_fixtures.py --check  # exit 1 if a fixture is out of date

The expected findings of each fixture live in tests/test_fixtures.py.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOSSIERS = ROOT / "fixtures" / "dossiers"
BASE = DOSSIERS / "patuh" / "dossier.yaml"

ATTACHMENTS = {
    "lampiran/sk-tim-akuntabilitas-2024.pdf": "Keputusan Camat Karangploso 188.45/07/421.632/2024 tentang Tim Akuntabilitas Kinerja",
    "lampiran/lra-2024-tw2.pdf": "Laporan Realisasi Anggaran Triwulan II 2024",
    "lampiran/dpa-2024.pdf": "Dokumen Pelaksanaan Anggaran 2024",
    "lampiran/iku-2024.pdf": "Dokumen Indikator Kinerja Utama 2024",
    "lampiran/data-kinerja-2024-tw2.pdf": "Laporan Data Kinerja Triwulan II 2024",
    "lampiran/draf-lkj-2024-tw2.pdf": "Draf Laporan Kinerja Triwulan II 2024",
    "lampiran/lkj-2024-tw2-ttd.pdf": "Laporan Kinerja Triwulan II 2024 (diparaf dan ditandatangani)",
    "lampiran/lkj-2024-tw2-final.pdf": "Laporan Kinerja Triwulan II 2024",
    "lampiran/tanda-terima-bappeda.pdf": "Tanda terima Bappeda Kabupaten Malang",
}


def pdf(text: str) -> bytes:
    """A minimal, valid one-page PDF showing ``text`` (correct xref offsets)."""
    stream = f"BT /F1 11 Tf 56 780 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@dataclass
class Variant:
    name: str
    why: str  # one line: what this dossier breaks (or why it is compliant)
    edits: list[tuple[str, str]] = field(default_factory=list)  # (old, new): old must occur exactly once
    drop_files: list[str] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # extra or replaced attachments
    raw: bytes | None = None  # a manifest that is not an edit of the example


def sha(path: str) -> str:
    return hashlib.sha256(pdf(ATTACHMENTS[path])).hexdigest()


def _step(nomor: int, mulai: str, selesai: str) -> tuple[str, str]:
    """An edit changing the times of the one log entry that has these `nomor`'s example times."""
    base = {
        1: ("2024-07-01T07:45:00+07:00", "2024-07-01T08:40:00+07:00"),
        2: ("2024-07-01T08:45:00+07:00", "2024-07-02T08:00:00+07:00"),
        3: ("2024-07-02T08:15:00+07:00", "2024-07-02T15:30:00+07:00"),
        4: ("2024-07-03T07:35:00+07:00", "2024-07-03T08:25:00+07:00"),
        5: ("2024-07-03T08:30:00+07:00", "2024-07-03T09:20:00+07:00"),
        6: ("2024-07-03T09:25:00+07:00", "2024-07-03T09:35:00+07:00"),
    }[nomor]
    return (f"mulai: {base[0]}\n    selesai: {base[1]}", f"mulai: {mulai}\n    selesai: {selesai}")


VARIANTS: list[Variant] = [
    # ------------------------------------------------------------------ E: cannot be assessed
    Variant("e001-bukan-utf8", "the manifest is Latin-1, not UTF-8", raw="nama: Kantor Kecamatan Karangploso \u2013 Kab. Malang\n".encode("cp1252")),
    Variant("e002-yaml-rusak", "an unclosed flow mapping", edits=[("  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}", "  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf")]),
    Variant("e003-kunci-salah", "a typo in a key (`tanda_tangn`) and a step without `selesai`", edits=[
        ("    tanda_tangan:\n      - {peran: camat, nama: \"Drs. Bambang Sutrisno, M.Si\", nip: \"19700312 199003 1 004\", tanggal: 2024-07-02T15:00:00+07:00}",
         "    tanda_tangn:\n      - {peran: camat, nama: \"Drs. Bambang Sutrisno, M.Si\", nip: \"19700312 199003 1 004\", tanggal: 2024-07-02T15:00:00+07:00}"),
        ("    mulai: 2024-07-03T09:25:00+07:00\n    selesai: 2024-07-03T09:35:00+07:00", "    mulai: 2024-07-03T09:25:00+07:00"),
    ]),
    Variant("e004-sop-tidak-dikenal", "names an SOP that is not in the rules", edits=[("sop: pelaporan-kinerja", "sop: pelaporan-keuangan")]),
    Variant("e005-sop-belum-berlaku", "the run took place before the SOP's Tanggal Efektif (20 Dec 2014)", edits=[
        ("periode: {tahun: 2024, jenis: triwulan, ke: 2}", "periode: {tahun: 2014, jenis: triwulan, ke: 3}"),
        *[(f"2024-07-0{d}T", f"2014-10-0{d + 5}T") for d in (1, 2, 3)],
    ]),
    # ------------------------------------------------------------------ K: kelengkapan
    Variant("k001-tanpa-lra", "step 1 ran without its input Laporan Realisasi Anggaran", edits=[("  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}\n", "")], drop_files=["lampiran/lra-2024-tw2.pdf"]),
    Variant("k002-tanpa-arsip", "step 6 ran but its output, the archive record, is not listed", edits=[("  - {jenis: arsip_laporan_kinerja, nomor: ARS/2024/113}\n", "")]),
    Variant("k003-berkas-hilang", "the DPA attachment named in the manifest does not exist", drop_files=["lampiran/dpa-2024.pdf"]),
    Variant("k003-di-luar-dossier", "an attachment path leaves the dossier through `..`", edits=[("berkas: lampiran/dpa-2024.pdf", "berkas: ../patuh/lampiran/dpa-2024.pdf")], drop_files=["lampiran/dpa-2024.pdf"]),
    Variant("k004-sha-berbeda", "the recorded SHA-256 of the LRA is not that of the file", edits=[(
        "  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}",
        "  - jenis: laporan_realisasi_anggaran\n    berkas: lampiran/lra-2024-tw2.pdf\n    sha256: " + sha("lampiran/dpa-2024.pdf"),
    )]),
    Variant("k005-tanpa-iku", "the equipment document Dokumen IKU is absent", edits=[("  - {jenis: dokumen_iku, berkas: lampiran/iku-2024.pdf}\n", "")], drop_files=["lampiran/iku-2024.pdf"]),
    Variant("k006-tanpa-data-siskamling", "the data of the related SOP on Siskamling is absent", edits=[("  - {jenis: data_kinerja_siskamling}\n", "")]),
]


def build(variant: Variant, into: Path) -> None:
    if into.exists():
        shutil.rmtree(into)
    (into / "lampiran").mkdir(parents=True)
    if variant.raw is not None:
        (into / "dossier.yaml").write_bytes(variant.raw)
        return
    text = BASE.read_text(encoding="utf-8")
    for old, new in variant.edits:
        count = text.count(old)
        if count == 0:
            raise SystemExit(f"{variant.name}: edit not found: {old!r}")
        text = text.replace(old, new)
    header = f"# Fixture: {variant.why}.\n# Generated by scripts/make_fixtures.py from fixtures/dossiers/patuh; edit there.\n"
    (into / "dossier.yaml").write_text(header + text, encoding="utf-8")
    for path, title in ATTACHMENTS.items():
        if path not in variant.drop_files:
            (into / path).write_bytes(pdf(title))
    for path, data in variant.files.items():
        (into / path).parent.mkdir(parents=True, exist_ok=True)
        (into / path).write_bytes(data)


def write_base_attachments() -> None:
    for path, title in ATTACHMENTS.items():
        target = DOSSIERS / "patuh" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf(title))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    if check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            stale = []
            for variant in VARIANTS:
                build(variant, Path(tmp) / variant.name)
                if _snapshot(Path(tmp) / variant.name) != _snapshot(DOSSIERS / variant.name):
                    stale.append(variant.name)
            if stale:
                print("out of date: " + ", ".join(stale) + " (run python scripts/make_fixtures.py)")
                return 1
            return 0
    write_base_attachments()
    for variant in VARIANTS:
        build(variant, DOSSIERS / variant.name)
    print(f"wrote {len(VARIANTS) + 1} fixture dossiers under {DOSSIERS.relative_to(ROOT)}")
    return 0


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
