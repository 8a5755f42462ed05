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
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOSSIERS = ROOT / "fixtures" / "dossiers"
BASE = DOSSIERS / "patuh" / "dossier.yaml"

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fixture_documents as docs  # noqa: E402  (beside this script)
import fixture_tables  # noqa: E402  (beside this script)

ATTACHMENTS: dict[str, bytes] = docs.documents(ke=2)
TW1 = docs.documents(ke=1)  # the same documents for the dossiers of Triwulan I
SIGNED = "lampiran/lkj-2024-tw2-ttd.pdf"
FINAL = "lampiran/lkj-2024-tw2-final.pdf"
_PERMENDAGRI = "      - Permenpan RB No. 53 Tahun 2014\n      - Permendagri Nomor 86 Tahun 2017\n"


@dataclass
class Variant:
    name: str
    why: str  # one line: what this dossier breaks (or why it is compliant)
    edits: list[tuple[str, str]] = field(default_factory=list)  # (old, new): old must occur exactly once
    subs: list[tuple[str, str]] = field(default_factory=list)  # (old, new): every occurrence, at least one
    drop_files: list[str] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # extra or replaced attachments
    raw: bytes | None = None  # a manifest that is not an edit of the example


def sha(path: str) -> str:
    return hashlib.sha256(ATTACHMENTS[path]).hexdigest()


def _step(nomor: int, mulai: str, selesai: str) -> tuple[str, str]:
    """An edit changing the times of step ``nomor`` in the example log ("+07:00" is added)."""
    base = {
        1: ("2024-07-01T07:45:00+07:00", "2024-07-01T08:40:00+07:00"),
        2: ("2024-07-01T08:45:00+07:00", "2024-07-02T08:00:00+07:00"),
        3: ("2024-07-02T08:15:00+07:00", "2024-07-02T15:30:00+07:00"),
        4: ("2024-07-03T07:35:00+07:00", "2024-07-03T08:25:00+07:00"),
        5: ("2024-07-03T08:30:00+07:00", "2024-07-03T09:20:00+07:00"),
        6: ("2024-07-03T09:25:00+07:00", "2024-07-03T09:35:00+07:00"),
    }[nomor]
    return (f"mulai: {base[0]}\n    selesai: {base[1]}", f"mulai: {mulai}+07:00\n    selesai: {selesai}+07:00")


def _marks(paraf: str, tanda_tangan: str) -> list[tuple[str, str]]:
    """Edits moving the paraf and signature of the signed report."""
    return [
        ("tanggal: 2024-07-02T10:00:00+07:00}", f"tanggal: {paraf}+07:00}}"),
        ("tanggal: 2024-07-02T15:00:00+07:00}", f"tanggal: {tanda_tangan}+07:00}}"),
    ]


_SK_TTD = (
    '      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-01-08}\n'
)
_PARAF = '    paraf:\n      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011", tanggal: 2024-07-02T10:00:00+07:00}\n'
_TTD = '    tanda_tangan:\n      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}\n'
_STEP2_PELAKSANA = '    pelaksana: [{peran: tim, nama: "Agus Prasetyo, SE", nip: "19850417 201001 1 019"}]\n'
_BAMBANG = 'nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004"'
_SITI = 'nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011"'
_WAIVER_BY_CAMAT = '    disetujui_oleh: {peran: camat, nama: "Bambang Sutrisno", nip: "19700312 199003 1 004"}\n'
_STEP4_PELAKSANA = '    pelaksana: [{peran: sub_umum, nama: "Rudi Hartono", nip: "19820605 200801 1 012"}]\n    mulai: 2024-07-03T07:35'
_STEP3_END = "    selesai: 2024-07-02T15:30:00+07:00\n    hasil: diteruskan\n"
_RUDI = 'nama: "Rudi Hartono", nip: "19820605 200801 1 012"'
_SITI_NIP = '"19790825 200501 2 011"'
_SITI_RETIRED = (docs.SITI[0], docs.SITI[1], "19660601 198903 2 011")  # 58 on 1 June 2024
_SUHARTO = ("Ir. Suharto, M.M.", "Pembina Tingkat I", "19690715 199403 1 005")
_HADI = ("Drs. Hadi Purnomo", "Pembina", "19680505 199203 1 010")
_HADI_MANIFEST = 'nama: "Drs. Hadi Purnomo", nip: "19680505 199203 1 010"'
_SRI = ("Sri Wahyuni, S.Sos", "Penata Tingkat I", "19810101 200601 2 001")
SK = "lampiran/sk-tim-akuntabilitas-2024.pdf"


def _lfs_pointer(content: bytes) -> bytes:
    """What Git LFS leaves in a checkout made without `git lfs pull` (its spec, version 1)."""
    oid = hashlib.sha256(content).hexdigest()
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {len(content)}\n".encode()


def _with_comparisons(lines: list[str]) -> list[str]:
    """A report's body as PermenPAN-RB 53/2014 asks: its setting, and a comparison with the
    same quarter of last year (Bab III)."""
    at = lines.index("BAB I PENDAHULUAN") + 1
    setting = [
        "Kecamatan Karangploso berbatasan dengan Kecamatan Lawang di sebelah utara, Kecamatan",
        "Singosari di sebelah timur, dan Kecamatan Dau di sebelah selatan.",
    ]
    comparison = [
        "BAB III AKUNTABILITAS KINERJA",
        "Indeks Kepuasan Masyarakat Triwulan II Tahun 2024 mencapai 83,4, naik dari 79,2 pada",
        "Triwulan II Tahun 2023; realisasi belanja Tahun Anggaran 2023 pada periode yang sama 44,1%.",
    ]
    dasar = lines.index("Dasar Hukum:")
    return [*lines[:at], *setting, *lines[at:dasar], *comparison, *lines[dasar:]]


def _lra_with_last_year() -> list[Any]:
    """The LRA with a column of last year's realisasi to the same quarter, for comparison."""
    fmt, lines = fixture_tables.cd.fmt, fixture_tables.spent(2)
    last = [(real * Decimal("0.94")).quantize(Decimal(1000)) for _, _, _, real in lines]
    rows = [
        [code, name, fmt(pagu, 2), fmt(real, 2), fmt(before, 2), fmt(real / pagu * 100, 2)]
        for (code, name, pagu, real), before in zip(lines, last, strict=True)
    ]
    pagu, real = sum(x[2] for x in lines), sum(x[3] for x in lines)
    rows.append(["", "JUMLAH BELANJA", fmt(pagu, 2), fmt(real, 2), fmt(sum(last), 2), fmt(real / pagu * 100, 2)])
    header = ["Kode Rekening", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Realisasi TA 2023 s.d. TW II (Rp)", "%"]
    return [
        *docs.heading("LAPORAN REALISASI ANGGARAN", 2),
        "Periode Triwulan II Tahun Anggaran 2024",
        fixture_tables.Grid(header, rows, [50, 125, 80, 80, 85, 40]),
        "Realisasi Triwulan II Tahun Anggaran 2023 sebagai pembanding.",
    ]


def _other_office_data() -> list[Any]:
    """Another kecamatan's performance data: its letterhead, and a table of the same
    indicators (the figures agree: only the office is wrong)."""
    return [
        "PEMERINTAH KABUPATEN MALANG",
        "KANTOR KECAMATAN SINGOSARI",
        "Jl. Kertanegara No. 12 Singosari",
        "",
        "LAPORAN DATA KINERJA",
        "TRIWULAN II TAHUN 2024",
        "",
        fixture_tables.data_grid(2),
    ]


def _sk(signer: list[str]) -> bytes:
    """The team decree, signed in ink under the signature block ``signer``."""
    return docs.text_pdf([docs.sk_lines(signer=signer)], signed=(0,))


def _signed(lines: list[str], printed: fixture_tables.Printed | None = None) -> bytes:
    """The signed report with these lines, signed in ink under its signature block, and its
    capaian and budget tables on the next page (as ``printed``)."""
    return docs.text_pdf([lines, fixture_tables.report_tables(2, printed or fixture_tables.Printed())], signed=(0,))


def _signed_by(signer: list[str]) -> dict[str, bytes]:
    """The decree and the signed report, both signed under the signature block ``signer``."""
    return {SK: _sk(signer), SIGNED: _signed(docs.signed_report_lines(signer=signer))}


VARIANTS: list[Variant] = [
    # ------------------------------------------------------------------ B: what the files say
    Variant(
        "b001-jpeg-bernama-pdf",
        "the LRA is a photo (JPEG) saved under a .pdf name",
        files={"lampiran/lra-2024-tw2.pdf": docs.jpeg(["LAPORAN REALISASI ANGGARAN", "TRIWULAN II TAHUN 2024"])},
    ),
    Variant(
        "b001-pdf-rusak",
        "the DPA was cut short in transfer: a PDF header and nothing readable",
        files={"lampiran/dpa-2024.pdf": docs.damaged_pdf(["DOKUMEN PELAKSANAAN ANGGARAN"])},
    ),
    Variant(
        "b001-pdf-terenkripsi",
        "the IKU document is locked with a password",
        files={"lampiran/iku-2024.pdf": docs.encrypted_pdf(["INDIKATOR KINERJA UTAMA 2024"])},
    ),
    Variant(
        "b001-docx-sebagai-laporan-ttd",
        "the distributed report is the Word draft, where the SOP data accepts only PDF",
        edits=[
            (
                "  - {jenis: laporan_kinerja_rutin, berkas: lampiran/lkj-2024-tw2-final.pdf}",
                "  - {jenis: laporan_kinerja_rutin, berkas: lampiran/lkj-2024-tw2-final.docx}",
            )
        ],
        drop_files=["lampiran/lkj-2024-tw2-final.pdf"],
        files={"lampiran/lkj-2024-tw2-final.docx": docs.docx(docs.signed_report_lines())},
    ),
    Variant(
        "b002-dpa-sama-dengan-lra",
        "the LRA file is attached again as the DPA",
        edits=[
            ("  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}", "  - {jenis: dpa, berkas: lampiran/lra-2024-tw2.pdf}")
        ],
        drop_files=["lampiran/dpa-2024.pdf"],
    ),
    Variant(
        "b003-kutipan-tidak-di-teks",
        "dasar_hukum declares Permendagri 86/2017 too, which the signed report's text never cites",
        edits=[("      - Permenpan RB No. 53 Tahun 2014\n", _PERMENDAGRI)],
    ),
    Variant(
        "b004-anggota-tidak-di-sk",
        "anggota names a member the decree's text does not list",
        edits=[
            (
                '      - {nama: "Dewi Lestari, A.Md", nip: "19900102 201503 2 006"}\n',
                '      - {nama: "Dewi Lestari, A.Md", nip: "19900102 201503 2 006"}\n'
                '      - {nama: "Rina Wulandari, S.Kom", nip: "19950314 202321 2 001"}\n',
            )
        ],
    ),
    Variant(
        "b005-lra-triwulan-lain",
        "the attached LRA is titled Triwulan I, in a Triwulan II dossier",
        # Last quarter's LRA kept as the template: its title still says Triwulan I (its figures
        # were brought up to date, so only the title is wrong and the budget agrees).
        files={
            "lampiran/lra-2024-tw2.pdf": docs.text_pdf(
                [
                    [
                        *docs.heading("LAPORAN REALISASI ANGGARAN", 1),
                        "Periode Triwulan I Tahun Anggaran 2024",
                        fixture_tables.lra_grid(2),
                    ]
                ]
            )
        },
    ),
    Variant(
        "b007-sk-atas-nama",
        "the decree's block reads 'a.n. CAMAT KARANGPLOSO / Sekretaris Kecamatan' and is signed by a Sekretaris"
        " for the Camat, while the manifest says the Camat signed it",
        files={SK: _sk(["a.n. CAMAT KARANGPLOSO", "Sekretaris Kecamatan,", *docs.block(_SRI, ())])},
    ),
    Variant(
        "b007-penanda-tangan-lain",
        "the manifest says the Camat signed the report, but its block names another official",
        files={SIGNED: _signed(docs.signed_report_lines(signer=docs.block(_HADI)))},
    ),
    Variant(
        "b007-plt-tanpa-keterangan",
        "the Camat is recorded as acting (status: plt), but the blocks of the decree and the report say only"
        " 'CAMAT KARANGPLOSO,'",
        edits=[(f"  camat:      {{{_BAMBANG}}}", f"  camat:      {{{_BAMBANG}, status: plt}}")],
    ),
    Variant(
        "b008-ekspor-tanpa-tanda-tangan",
        "the signed report is the word processor's PDF export: a text layer, no signature on it, no TTE",
        files={SIGNED: docs.text_pdf(docs.signed_report_pages())},
    ),
    Variant(
        "b005-data-kecamatan-lain",
        "the performance data attached is that of Kantor Kecamatan Singosari, as its letterhead says",
        files={"lampiran/data-kinerja-2024-tw2.pdf": docs.text_pdf([_other_office_data()])},
    ),
    Variant(
        "b006-pindaian-tak-terbaca",
        "the signed report is a scan too faint to read, so its citations and marks stay declared",
        files={SIGNED: docs.scanned_pdf([], noise=True)},
    ),
    # ------------------------------------------------------------------ C: capaian (content.md)
    # The signed report prints one figure differently from its sources; the distributed copy
    # is the same text exported again, with the same tables.
    *[
        Variant(
            name,
            why,
            files={
                SIGNED: _signed(docs.signed_report_lines(), printed),
                FINAL: docs.text_pdf(
                    docs.signed_report_pages(printed=printed, extra=["", "Salinan untuk distribusi."])
                ),
            },
        )
        for name, why, printed in (
            (
                "c001-indikator-hilang",
                "the signed report's capaian table leaves out an indicator of the IKU",
                fixture_tables.Printed(drop=(3,)),
            ),
            (
                "c002-target-beda",
                "the report prints a target of 81 where the IKU states 82",
                fixture_tables.Printed(targets={1: Decimal(81)}),
            ),
            (
                "c003-realisasi-beda",
                "the report prints a realisasi of 8 where the Laporan Data Kinerja states 9",
                fixture_tables.Printed(realisasi={2: Decimal(8)}),
            ),
            (
                "c004-capaian-salah",
                "a printed capaian is not realisasi / target x 100",
                fixture_tables.Printed(capaian={0: Decimal(110)}),
            ),
            (
                "c005-pagu-beda",
                "the report's pagu is not the DPA's",
                fixture_tables.Printed(pagu=Decimal(1854320000)),
            ),
        )
    ],
    Variant(
        "c007-diubah-setelah-ttd",
        "a realisasi was changed in the distributed report after the Camat signed",
        files={
            FINAL: docs.text_pdf(
                docs.signed_report_pages(
                    printed=fixture_tables.Printed(realisasi={1: Decimal("85.25")}),
                    extra=["", "Salinan untuk distribusi."],
                )
            )
        },
    ),
    Variant(
        "c008-arah-tidak-diketahui",
        "the IKU states no direction for its indicators, so no capaian can be judged",
        files={
            "lampiran/iku-2024.pdf": docs.text_pdf(
                [["INDIKATOR KINERJA UTAMA", docs.OFFICE, "TAHUN 2024", "", fixture_tables.iku_grid(arah=False)]]
            )
        },
    ),
    # ------------------------------------------------------------------ E: cannot be assessed
    Variant(
        "e001-bukan-utf8",
        "the manifest is Latin-1, not UTF-8",
        raw="nama: Kantor Kecamatan Karangploso \u2013 Kab. Malang\n".encode("cp1252"),
    ),
    Variant(
        "e002-yaml-rusak",
        "an unclosed flow mapping",
        edits=[("  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}", "  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf")],
    ),
    Variant(
        "e003-kunci-salah",
        "a typo in a key (`tanda_tangn`) and a step without `selesai`",
        edits=[
            (
                '    tanda_tangan:\n      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}',
                '    tanda_tangn:\n      - {peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-07-02T15:00:00+07:00}',
            ),
            (
                "    mulai: 2024-07-03T09:25:00+07:00\n    selesai: 2024-07-03T09:35:00+07:00",
                "    mulai: 2024-07-03T09:25:00+07:00",
            ),
        ],
    ),
    Variant(
        "e004-sop-tidak-dikenal",
        "names an SOP that is not in the rules",
        edits=[("sop: pelaporan-kinerja", "sop: pelaporan-keuangan")],
    ),
    Variant(
        "e005-sop-belum-berlaku",
        "the run took place before the SOP's Tanggal Efektif (20 Dec 2014)",
        edits=[
            ("periode: {tahun: 2024, jenis: triwulan, ke: 2}", "periode: {tahun: 2014, jenis: triwulan, ke: 3}"),
        ],
        subs=[(f"2024-07-0{d}T", f"2014-10-0{d + 5}T") for d in (1, 2, 3)],
    ),
    Variant(
        "e006-penunjuk-lfs",
        "the repository was cloned without `git lfs pull`: the LRA and the DPA are Git LFS pointers",
        edits=[
            (
                "  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}",
                "  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf, sha256: " + sha("lampiran/dpa-2024.pdf") + "}",
            )
        ],
        files={
            path: _lfs_pointer(ATTACHMENTS[path]) for path in ("lampiran/lra-2024-tw2.pdf", "lampiran/dpa-2024.pdf")
        },
    ),
    # ------------------------------------------------------------------ K: kelengkapan
    Variant(
        "k001-tanpa-lra",
        "step 1 ran without its input Laporan Realisasi Anggaran",
        edits=[("  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}\n", "")],
        drop_files=["lampiran/lra-2024-tw2.pdf"],
    ),
    Variant(
        "k002-tanpa-arsip",
        "step 6 ran but its output, the archive record, is not listed",
        edits=[("  - {jenis: arsip_laporan_kinerja, nomor: ARS/2024/113}\n", "")],
    ),
    Variant(
        "k003-berkas-hilang",
        "the DPA attachment named in the manifest does not exist",
        drop_files=["lampiran/dpa-2024.pdf"],
    ),
    Variant(
        "k003-di-luar-dossier",
        "an attachment path leaves the dossier through `..`",
        edits=[("berkas: lampiran/dpa-2024.pdf", "berkas: ../patuh/lampiran/dpa-2024.pdf")],
        drop_files=["lampiran/dpa-2024.pdf"],
    ),
    Variant(
        "k004-sha-berbeda",
        "the recorded SHA-256 of the LRA is not that of the file",
        edits=[
            (
                "  - {jenis: laporan_realisasi_anggaran, berkas: lampiran/lra-2024-tw2.pdf}",
                "  - jenis: laporan_realisasi_anggaran\n    berkas: lampiran/lra-2024-tw2.pdf\n    sha256: "
                + sha("lampiran/dpa-2024.pdf"),
            )
        ],
    ),
    Variant(
        "k005-tanpa-iku",
        "the equipment document Dokumen IKU is absent",
        edits=[("  - {jenis: dokumen_iku, berkas: lampiran/iku-2024.pdf}\n", "")],
        drop_files=["lampiran/iku-2024.pdf"],
    ),
    Variant(
        "k006-tanpa-data-siskamling",
        "the data of the related SOP on Siskamling is absent",
        edits=[("  - {jenis: data_kinerja_siskamling}\n", "")],
    ),
    # ------------------------------------------------------------------ A: alur
    Variant(
        "a001-tanpa-langkah-6",
        "step 6 (archiving) was never done",
        edits=[
            (
                '  - nomor: 6\n    pelaksana: [{peran: sub_umum, nama: "Rudi Hartono", nip: "19820605 200801 1 012"}]\n'
                "    mulai: 2024-07-03T09:25:00+07:00\n    selesai: 2024-07-03T09:35:00+07:00\n",
                "",
            )
        ],
    ),
    Variant(
        "a002-mulai-sebelum-selesai",
        "step 3 starts at 07:55, before step 2 ended at 08:00",
        edits=[_step(3, "2024-07-02T07:55:00", "2024-07-02T15:30:00")],
    ),
    Variant(
        "a002-tanpa-hasil",
        "the decision step 3 records no hasil",
        edits=[(_STEP3_END, "    selesai: 2024-07-02T15:30:00+07:00\n")],
    ),
    Variant(
        "a003-peran-salah",
        "step 4 was done by the Sekretaris, a role the SOP does not give it",
        edits=[
            (
                _STEP4_PELAKSANA,
                '    pelaksana: [{peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011"}]\n    mulai: 2024-07-03T07:35',
            )
        ],
    ),
    # ------------------------------------------------------------------ W: waktu
    Variant(
        "w001-langkah-2-terlambat",
        "step 2 took 7 h 45 min of working time; 1 hari is 7 h 30 min",
        edits=[
            _step(2, "2024-07-01T08:45:00", "2024-07-02T09:00:00"),
            _step(3, "2024-07-02T09:05:00", "2024-07-02T15:30:00"),
        ],
    ),
    Variant(
        "w001-ramadan",
        "in Ramadan 2024 (break 12:00-12:30), step 1 from 11:20 to 13:00 on a Wednesday is 70 working minutes, over 1 jam",
        files=TW1,
        edits=[
            ("periode: {tahun: 2024, jenis: triwulan, ke: 2}", "periode: {tahun: 2024, jenis: triwulan, ke: 1}"),
            _step(1, "2024-04-03T11:20:00", "2024-04-03T13:00:00"),
            _step(2, "2024-04-03T13:05:00", "2024-04-04T11:00:00"),
            _step(3, "2024-04-04T11:10:00", "2024-04-04T14:30:00"),
            *_marks("2024-04-04T12:40:00", "2024-04-04T14:00:00"),
            _step(4, "2024-04-05T08:05:00", "2024-04-05T08:55:00"),
            _step(5, "2024-04-05T09:00:00", "2024-04-05T09:50:00"),
            _step(6, "2024-04-05T09:55:00", "2024-04-05T10:05:00"),
        ],
    ),
    Variant(
        "w002-proses-terlambat",
        "every step is on time, but steps 4-6 waited until Thursday: 24 h 20 min in all",
        edits=[
            _step(4, "2024-07-04T07:35:00", "2024-07-04T08:25:00"),
            _step(5, "2024-07-04T08:30:00", "2024-07-04T09:20:00"),
            _step(6, "2024-07-04T09:25:00", "2024-07-04T09:35:00"),
        ],
    ),
    Variant(
        "w003-selesai-sebelum-mulai",
        "step 6 ends at 09:20, before it starts at 09:25",
        edits=[_step(6, "2024-07-03T09:25:00", "2024-07-03T09:20:00")],
    ),
    Variant(
        "w004-sebelum-periode-berakhir",
        "the report on triwulan 3 was made in July, before the quarter ended",
        files=docs.documents(ke=3),
        edits=[("periode: {tahun: 2024, jenis: triwulan, ke: 2}", "periode: {tahun: 2024, jenis: triwulan, ke: 3}")],
    ),
    # ------------------------------------------------------------------ H: dasar hukum
    Variant(
        "h001-tanpa-permenpan",
        "the signed report cites Perpres 29/2014 but not PermenPAN-RB 53/2014",
        edits=[("      - Permenpan RB No. 53 Tahun 2014\n", "")],
        files={SIGNED: _signed(docs.signed_report_lines(dasar_hukum=docs.DASAR_HUKUM[:3]))},
    ),
    Variant(
        "h002-tanpa-tahun",
        "a third citation, Permendagri Nomor 86, leaves out its year",
        edits=[
            (
                "      - Permenpan RB No. 53 Tahun 2014\n",
                "      - Permenpan RB No. 53 Tahun 2014\n      - Peraturan Menteri Dalam Negeri Nomor 86 tentang Tata Cara Perencanaan\n",
            )
        ],
    ),
    # ------------------------------------------------------------------ T: tim akuntabilitas kinerja
    Variant(
        "t001-tanpa-sk-tim",
        "no decree establishing the Tim Akuntabilitas Kinerja",
        edits=[
            (
                "  - jenis: sk_tim_akuntabilitas\n    nomor: 188.45/07/421.632/2024\n    tanggal: 2024-01-08\n    berlaku_mulai: 2024-01-01\n"
                "    berlaku_sampai: 2024-12-31\n    berkas: lampiran/sk-tim-akuntabilitas-2024.pdf\n    tanda_tangan:\n"
                + _SK_TTD
                + "    anggota:\n"
                '      - {nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011"}\n      - {nama: "Agus Prasetyo, SE", nip: "19850417 201001 1 019"}\n'
                '      - {nama: "Dewi Lestari, A.Md", nip: "19900102 201503 2 006"}\n',
                "",
            )
        ],
        drop_files=["lampiran/sk-tim-akuntabilitas-2024.pdf"],
    ),
    Variant(
        "t002-sk-tanpa-ttd-camat",
        "the team decree is signed by the Sekretaris, not the Camat",
        edits=[(_SK_TTD, f"      - {{peran: sekretaris, {_SITI}, tanggal: 2024-01-08}}\n")],
        files={SK: _sk(docs.block(docs.SITI, ("SEKRETARIS KECAMATAN KARANGPLOSO,",)))},
    ),
    Variant(
        "t003-sk-setelah-mulai",
        "the team decree is dated 2 July 2024, after the run started on 1 July",
        edits=[
            ("    tanggal: 2024-01-08\n", "    tanggal: 2024-07-02\n"),
            (_SK_TTD, _SK_TTD.replace("2024-01-08", "2024-07-02")),
        ],
    ),
    Variant(
        "t004-sk-kedaluwarsa",
        "the team decree expired on 30 June 2024, before the run",
        edits=[("    berlaku_sampai: 2024-12-31\n", "    berlaku_sampai: 2024-06-30\n")],
    ),
    Variant(
        "t005-penyusun-bukan-anggota",
        "step 2 was drafted as `tim` by someone the decree does not name",
        edits=[
            (
                _STEP2_PELAKSANA,
                '    pelaksana: [{peran: tim, nama: "Hendra Wijaya, S.Kom", nip: "19880321 201101 1 008"}]\n',
            )
        ],
    ),
    Variant(
        "t006-sk-camat-lain",
        "the team decree was signed by the previous Camat, who is still in service",
        edits=[
            (
                _SK_TTD,
                '      - {peran: camat, nama: "Ir. Suharto, M.M.", nip: "19690715 199403 1 005", tanggal: 2024-01-08}\n',
            )
        ],
        files={SK: _sk(docs.block(_SUHARTO))},
    ),
    # ------------------------------------------------------------------ P: paraf and tanda tangan
    Variant("p001-tanpa-paraf", "the signed report has no paraf by the Sekretaris", edits=[(_PARAF, "")]),
    Variant("p002-tanpa-ttd", "the signed report is not signed by the Camat", edits=[(_TTD, "")]),
    Variant(
        "p003-penanda-tangan-lain",
        "the report is signed as camat by someone who is not the Camat in `pejabat`",
        edits=[(_TTD, _TTD.replace(_BAMBANG, 'nama: "Drs. Hadi Purnomo", nip: "19680505 199203 1 010"'))],
        files={SIGNED: _signed(docs.signed_report_lines(signer=docs.block(_HADI)))},
    ),
    Variant(
        "p004-paraf-setelah-ttd",
        "the paraf (15:10) comes after the signature (15:00)",
        edits=[("tanggal: 2024-07-02T10:00:00+07:00}", "tanggal: 2024-07-02T15:10:00+07:00}")],
    ),
    Variant(
        "p005-nip-rusak",
        "Rudi Hartono's NIP in step 4 has appointment month 13",
        edits=[(_STEP4_PELAKSANA, _STEP4_PELAKSANA.replace("200801 1 012", "200813 1 012"))],
    ),
    Variant(
        "p006-plt-camat",
        "the Sekretaris is also acting Camat (Plt.) and both initialled and signed",
        edits=[(f"  camat:      {{{_BAMBANG}}}", f"  camat:      {{{_SITI}, status: plt}}")],
        subs=[(_BAMBANG, _SITI)],
        files=_signed_by(docs.block(docs.SITI, ("Plt. CAMAT KARANGPLOSO,",))),
    ),
    Variant(
        "p007-belum-diangkat",
        "steps 4-6 were done on 3 July 2024 by a new CPNS whose TMT is 1 August 2024",
        subs=[(_RUDI, 'nama: "Putri Maharani, A.Md", nip: "20000415 202408 2 003"')],
    ),
    Variant(
        "p007-sekretaris-pensiun",
        "the Sekretaris reached 58 in June 2024 and retired on 1 July, yet initialled on 2 July",
        subs=[(_SITI_NIP, f'"{_SITI_RETIRED[2]}"')],
        files=docs.documents(sekretaris=_SITI_RETIRED),
    ),
    # ------------------------------------------------------------------ X: waivers
    Variant(
        "x001-pengecualian-tidak-sah",
        "a waiver of K003, which cannot be waived",
        edits=[],
        subs=[
            (
                "\nlangkah:\n",
                (
                    "\npengecualian:\n  - aturan: K003\n    alasan: Berkas DPA menyusul.\n"
                    + _WAIVER_BY_CAMAT
                    + "    tanggal: 2024-07-03\n\nlangkah:\n"
                ),
            )
        ],
    ),
    Variant(
        "k005-dikecualikan",
        "Dokumen IKU is absent, covered by a valid waiver: PATUH DENGAN CATATAN",
        edits=[("  - {jenis: dokumen_iku, berkas: lampiran/iku-2024.pdf}\n", "")],
        drop_files=["lampiran/iku-2024.pdf"],
        subs=[
            (
                "\nlangkah:\n",
                (
                    "\npengecualian:\n  - aturan: K005\n    alasan: Dokumen IKU 2024 masih dalam reviu inspektorat.\n"
                    + _WAIVER_BY_CAMAT
                    + "    tanggal: 2024-07-01\n\nlangkah:\n"
                ),
            )
        ],
    ),
    Variant(
        "w001-dikecualikan",
        "step 2 overran 1 hari; a waiver for step 2 approved by the Camat covers it",
        edits=[
            _step(2, "2024-07-01T08:45:00", "2024-07-02T09:00:00"),
            _step(3, "2024-07-02T09:05:00", "2024-07-02T15:30:00"),
        ],
        subs=[
            (
                "\nlangkah:\n",
                (
                    "\npengecualian:\n  - aturan: W001\n    langkah: 2\n    alasan: Listrik kantor padam pada 1 Juli 2024 pukul 13.00-13.15.\n"
                    + _WAIVER_BY_CAMAT
                    + "    tanggal: 2024-07-02\n\nlangkah:\n"
                ),
            )
        ],
    ),
    # ------------------------------------------------------------------ compliant, but not to a naive checker
    Variant(
        "patuh-penulisan-lain",
        "compliant: other citation spellings, names without titles, NIPs without spaces or as integers, correct sha256",
        edits=[
            (
                "      - Peraturan Presiden Nomor 29 Tahun 2014\n      - Permenpan RB No. 53 Tahun 2014\n",
                "      - Perpres RI No.29 Th. 2014 tentang SAKIP\n      - Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014\n",
            ),
            (
                _PARAF,
                "    paraf:\n      - {peran: sekretaris, nama: SITI AMINAH, nip: 197908252005012011, tanggal: 2024-07-02T10:00:00+07:00}\n",
            ),
            (
                _TTD,
                '    tanda_tangan:\n      - {peran: camat, nama: "Bambang Sutrisno", nip: "197003121990031004", tanggal: 2024-07-02T15:00:00+07:00}\n',
            ),
            (
                "  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}",
                "  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf, sha256: " + sha("lampiran/dpa-2024.pdf") + "}",
            ),
        ],
    ),
    Variant(
        "patuh-akhir-pekan",
        "compliant: step 2 runs Friday 14:00 to Monday 10:00, 5 working hours (68 hours on the clock)",
        edits=[
            _step(1, "2024-07-05T13:00:00", "2024-07-05T13:50:00"),
            _step(2, "2024-07-05T14:00:00", "2024-07-08T10:00:00"),
            _step(3, "2024-07-08T10:15:00", "2024-07-08T15:30:00"),
            *_marks("2024-07-08T10:30:00", "2024-07-08T15:00:00"),
            _step(4, "2024-07-09T07:35:00", "2024-07-09T08:25:00"),
            _step(5, "2024-07-09T08:30:00", "2024-07-09T09:20:00"),
            _step(6, "2024-07-09T09:25:00", "2024-07-09T09:35:00"),
        ],
    ),
    Variant(
        "patuh-lebaran-2024",
        "compliant: step 2 spans Lebaran 2024 (cuti bersama 8, 9, 12, 15 April; holidays 10-11 April): 4 working hours, Friday 5 April in Ramadan hours",
        files=TW1,
        edits=[
            ("periode: {tahun: 2024, jenis: triwulan, ke: 2}", "periode: {tahun: 2024, jenis: triwulan, ke: 1}"),
            _step(1, "2024-04-05T13:00:00", "2024-04-05T13:50:00"),
            _step(2, "2024-04-05T14:00:00", "2024-04-16T10:00:00"),
            _step(3, "2024-04-16T10:15:00", "2024-04-16T15:30:00"),
            *_marks("2024-04-16T10:30:00", "2024-04-16T15:00:00"),
            _step(4, "2024-04-17T07:35:00", "2024-04-17T08:25:00"),
            _step(5, "2024-04-17T08:30:00", "2024-04-17T09:20:00"),
            _step(6, "2024-04-17T09:25:00", "2024-04-17T09:35:00"),
        ],
    ),
    Variant(
        "patuh-ramadan-2024",
        "compliant: the run falls in Ramadan 2024 (office opens 08:00): step 1 from 07:30 to 08:45 on a Tuesday is 45 working minutes, within 1 jam",
        files=TW1,
        edits=[
            ("periode: {tahun: 2024, jenis: triwulan, ke: 2}", "periode: {tahun: 2024, jenis: triwulan, ke: 1}"),
            _step(1, "2024-04-02T07:30:00", "2024-04-02T08:45:00"),
            _step(2, "2024-04-02T08:50:00", "2024-04-03T08:30:00"),
            _step(3, "2024-04-03T08:40:00", "2024-04-03T14:30:00"),
            *_marks("2024-04-03T10:00:00", "2024-04-03T14:00:00"),
            _step(4, "2024-04-04T08:05:00", "2024-04-04T08:55:00"),
            _step(5, "2024-04-04T09:00:00", "2024-04-04T09:50:00"),
            _step(6, "2024-04-04T09:55:00", "2024-04-04T10:05:00"),
        ],
    ),
    Variant(
        "patuh-tulisan-kantor",
        "compliant: written as an office types it: dates 02/07/2024 and times 07.45 WIB, "
        "one dasar_hukum item citing both regulations, NIPs with dots and a label, a PPPK officer with an NI PPPK",
        edits=[
            (
                "      - Peraturan Presiden Nomor 29 Tahun 2014\n      - Permenpan RB No. 53 Tahun 2014\n",
                "      - Perpres Nomor 29 Tahun 2014 dan Permenpan RB Nomor 53 Tahun 2014\n",
            ),
            (
                "mulai: 2024-07-01T07:45:00+07:00\n    selesai: 2024-07-01T08:40:00+07:00",
                "mulai: 01/07/2024 07.45 WIB\n    selesai: 1 Juli 2024 pukul 08.40",
            ),
            ("tanggal: 2024-07-02T10:00:00+07:00}", "tanggal: 02-07-2024 10.00 WIB}"),
            (
                '  sekretaris: {nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011"}',
                '  sekretaris: {nama: "Siti Aminah, S.Sos", nip: "NIP. 19790825.200501.2.011"}',
            ),
        ],
        subs=[
            (
                'nama: "Rudi Hartono", nip: "19820605 200801 1 012"',
                'nama: "Rina Wulandari, S.Kom", nip: "19950314 202321 2 001"',
            )
        ],
    ),
    Variant(
        "patuh-pindaian",
        "compliant: the signed report is a scanned page with no text layer, read by OCR",
        files={SIGNED: docs.scanned_pdf(docs.signed_report_lines(), tables=fixture_tables.report_tables(2))},
    ),
    Variant(
        "patuh-revisi",
        "compliant: the draft is sent back once (1, 2, 3 diperbaiki, 2, 3 diteruskan, 4, 5, 6)",
        edits=[
            (
                _step(2, "", "")[0],
                "mulai: 2024-07-01T08:45:00+07:00\n    selesai: 2024-07-01T13:30:00+07:00\n"
                "  - nomor: 3\n    pelaksana:\n"
                '      - {peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011"}\n'
                "    mulai: 2024-07-01T13:35:00+07:00\n    selesai: 2024-07-01T15:30:00+07:00\n    hasil: diperbaiki\n"
                "    catatan: Capaian IKU triwulan II belum dibandingkan dengan target.\n"
                "  - nomor: 2\n"
                '    pelaksana: [{peran: tim, nama: "Agus Prasetyo, SE", nip: "19850417 201001 1 019"}]\n'
                "    mulai: 2024-07-02T07:30:00+07:00\n    selesai: 2024-07-02T09:30:00+07:00",
            ),
            _step(3, "2024-07-02T09:45:00", "2024-07-02T15:30:00"),
        ],
    ),
    Variant(
        "patuh-plh",
        "compliant: a Plh. Camat (status: plh) signed the decree and the report, and both blocks say 'Plh. CAMAT'",
        edits=[(f"  camat:      {{{_BAMBANG}}}", f"  camat:      {{{_HADI_MANIFEST}, status: plh}}")],
        subs=[(_BAMBANG, _HADI_MANIFEST)],
        files=_signed_by(docs.block(_HADI, ("Plh. CAMAT KARANGPLOSO,",))),
    ),
    Variant(
        "patuh-pembanding",
        "compliant: the report compares with Triwulan II 2023 and names the kecamatan's neighbours, and the LRA"
        " has a column of Tahun Anggaran 2023: mentions in the body, not documents of another period or office",
        files={
            SIGNED: _signed(_with_comparisons(docs.signed_report_lines())),
            FINAL: docs.text_pdf([_with_comparisons(docs.signed_report_lines()), fixture_tables.report_tables(2)]),
            "lampiran/lra-2024-tw2.pdf": docs.text_pdf([_lra_with_last_year()]),
        },
    ),
    Variant(
        "patuh-wita",
        "compliant: an office in WITA writing naive local times; the paraf and signature carry +08:00",
        edits=[
            ("zona_waktu: Asia/Jakarta", "zona_waktu: Asia/Makassar"),
            ("tanggal: 2024-07-02T10:00:00+07:00}", "tanggal: 2024-07-02T08:20:00+08:00}"),
            ("tanggal: 2024-07-02T15:00:00+07:00}", "tanggal: 2024-07-02T15:25:00+08:00}"),
        ],
        subs=[(":00+07:00\n", ":00\n")],
    ),
]


# Electronic signatures (S): the signed report as scripts/make_tte_sources.py signed it, with
# a test PKI whose trust is fixtures/tte/aturan-uji (the tests and `make demo` pass it with
# --rules). The manifest declares the paraf and the signature as TTE.
TTE = ROOT / "fixtures" / "tte" / "berkas"
_DECLARED_TTE = [
    ("tanggal: 2024-07-02T10:00:00+07:00}", "tanggal: 2024-07-02T10:00:00+07:00, metode: tte}"),
    ("tanggal: 2024-07-02T15:00:00+07:00}", "tanggal: 2024-07-02T15:00:00+07:00, metode: tte}"),
]
_TTE_CASES = {
    "patuh-tte": "compliant: the paraf and the signature as BSrE makes them (PAdES B-LT: timestamped, "
    "the chain's CRLs and OCSP responses in the file), valid at their timestamped times",
    "patuh-tte-lta": "compliant: as patuh-tte, sealed by a document timestamp (PAdES B-LTA)",
    "patuh-tte-isian": "compliant: the agenda number filled in after both signatures (form filling they allow)",
    "s002-diubah-setelah-ditandatangani": "the signed report was changed after both signatures",
    "s002-isian-terkunci": "the agenda number filled in after the Camat's signature, which locks that field",
    "s003-akar-asing": "signed with certificates of another PKI that uses the same names",
    "s004-sertifikat-dicabut": "the Sekretaris's certificate was revoked before the paraf",
    "s004-dicabut-tanpa-cap-waktu": "the paraf carries no timestamp, and its certificate was revoked ten days "
    "after the time it claims: nothing proves it was made before",
    "s004-kunci-bocor": "the Sekretaris's key was compromised the day before the paraf (invalidityDate), "
    "the certificate revoked a week after it",
    "s005-paraf-orang-lain": "the paraf is signed electronically by another member of the team",
    "s006-di-luar-toleransi": "the Camat's signature was made two days after the declared date",
    "s007-tanda-tangan-sebelum-paraf": "in the file, the Camat signed before the Sekretaris's paraf",
    "s008-tanpa-cap-waktu": "the signatures carry no timestamp: their times are the signers' own claims",
    "s009-tanda-tangan-tak-dinyatakan": "the file carries a third signature the manifest does not declare",
}
VARIANTS += [
    Variant(name, why, edits=list(_DECLARED_TTE), files={SIGNED: (TTE / f"{name}.pdf").read_bytes()})
    for name, why in _TTE_CASES.items()
]
VARIANTS += [
    Variant(
        "s001-tte-tanpa-tanda-tangan",
        "the paraf and the signature are declared TTE, but the signed report holds no electronic signature",
        edits=list(_DECLARED_TTE),
    ),
    Variant(
        "s010-tanda-tte-tanpa-tanda-tangan",
        "the signed report shows the BSrE footer of a TTE but holds no signature (a printed copy)",
        files={
            SIGNED: docs.text_pdf(
                docs.signed_report_pages(
                    extra=[
                        "",
                        "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elek-",
                        "tronik yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN",
                    ]
                )
            )
        },
    ),
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
        if text.count(old) != 1:
            raise SystemExit(f"{variant.name}: edit must match once, matches {text.count(old)}: {old!r}")
        text = text.replace(old, new)
    for old, new in variant.subs:
        if old not in text:
            raise SystemExit(f"{variant.name}: substitution not found: {old!r}")
        text = text.replace(old, new)
    header = f"# Fixture: {variant.why}.\n# Generated by scripts/make_fixtures.py from fixtures/dossiers/patuh; edit there.\n"
    (into / "dossier.yaml").write_text(header + text, encoding="utf-8")
    for path, data in ATTACHMENTS.items():
        if path not in variant.drop_files:
            (into / path).write_bytes(data)
    for path, data in variant.files.items():
        (into / path).parent.mkdir(parents=True, exist_ok=True)
        (into / path).write_bytes(data)


def write_base_attachments() -> None:
    for stale in (DOSSIERS / "patuh" / "lampiran").glob("*"):
        if stale.name not in {Path(path).name for path in ATTACHMENTS}:
            stale.unlink()
    for path, data in ATTACHMENTS.items():
        target = DOSSIERS / "patuh" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


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
