"""Builds the content fixtures (fixtures/content): the documents, and one case per C code.

    .venv/bin/python scripts/make_content_fixtures.py

Needs LibreOffice (``apt-get install libreoffice-writer-nogui``) to export the PDFs as an
office does; its PDFs carry their export time, so the outputs are built once and
committed, and the tests read the committed files. ``kasus.yaml`` lists each case: the
dossier's period, the document of each kind, the office's rules where a case needs them,
and the codes it must give (none for the compliant ones). Each breaking case differs from
the compliant one in one document only.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import content_documents as cd

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "content"
DOCS = OUT / "dokumen"

BASE = {
    "dokumen_iku": "iku-2024.pdf",
    "perjanjian_kinerja": "pk-2024.pdf",
    "laporan_data_kinerja": "data-kinerja-2024-tw2.pdf",
    "laporan_realisasi_anggaran": "lra-2024-tw2.pdf",
    "dpa": "dpa-2024.pdf",
    "draf_laporan_disahkan": "lkj-2024-tw2-ttd.pdf",
    "laporan_kinerja_rutin": "lkj-2024-tw2-ttd.pdf",
}
LKJIP_PARTS = {"draf_laporan_disahkan": "lkjip"}


def documents() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """(Word documents to export to PDF, files kept as they are)."""
    R = cd.Report
    words = {
        "iku-2024.docx": cd.iku_docx(),
        "iku-2024-tanpa-arah.docx": cd.iku_docx(arah=False),
        "pk-2024.docx": cd.pk_docx(),
        "pk-2024-target-beda.docx": cd.pk_docx(_changed_target(3, Decimal("85"))),
        "data-kinerja-2024-tw2.docx": cd.data_docx(),
        "lra-2024-tw2.docx": cd.lra_docx(),
        "dpa-2024.docx": cd.dpa_docx(),
        "lkj-2024-tw2-ttd.docx": cd.report_docx(R()),
        "lkj-2024-tw2-t-per-r.docx": cd.report_docx(R(lower="t/r")),
        "lkj-2024-tw2-ribuan.docx": cd.report_docx(R(money="ribuan", percent_style="spasi")),
        "lkj-2024-tw2-rp.docx": cd.report_docx(R(money="rp")),
        "lkj-2024-tw2-lampiran-pk.docx": cd.report_docx(R(lampiran_pk=True, year_targets=True)),
        "lkj-2024-tw2-target-tahunan.docx": cd.report_docx(R(year_targets=True)),
        "lkj-2024-tw2-tanpa-indikator.docx": cd.report_docx(R(indicators=cd.INDICATORS[:3] + cd.INDICATORS[4:])),
        "lkj-2024-tw2-target-beda.docx": cd.report_docx(R(targets={1: Decimal("82")})),
        "lkj-2024-tw2-realisasi-beda.docx": cd.report_docx(R(realisasi={2: Decimal("8")})),
        "lkj-2024-tw2-capaian-salah.docx": cd.report_docx(R(capaian={0: Decimal("110")})),
        "lkj-2024-tw2-rumus-campur.docx": cd.report_docx(R(lower_by_index={5: "t/r"})),
        "lkj-2024-tw2-pagu-beda.docx": cd.report_docx(R(pagu=Decimal("1854320000"))),
        "lkj-2024-tw2-final-diubah.docx": cd.report_docx(R(realisasi={1: Decimal("85.25")})),
        "lkj-2024-tw2-tabel-gambar.docx": cd.report_docx(R(), picture_table=True),
    }
    kept = {
        "lra-2024-tw2.xlsx": cd.lra_xlsx(),
        "dpa-2024.xlsx": cd.dpa_xlsx(),
        "lkj-2024-tw2-rp.docx": words["lkj-2024-tw2-rp.docx"],
        "iku-2024.docx": words["iku-2024.docx"],
        "pk-2024.docx": words["pk-2024.docx"],
        "data-kinerja-2024-tw2.docx": words["data-kinerja-2024-tw2.docx"],
        "lra-2024-tw2.docx": words["lra-2024-tw2.docx"],
        "dpa-2024.docx": words["dpa-2024.docx"],
        "lkj-2024-tw2-ttd.docx": words["lkj-2024-tw2-ttd.docx"],
        "lkj-2024-tw2-ribuan.docx": words["lkj-2024-tw2-ribuan.docx"],
    }
    return words, kept


def _changed_target(index: int, year_target: Decimal) -> tuple[cd.Indicator, ...]:
    changed = list(cd.INDICATORS)
    changed[index] = cd.replace(changed[index], target=year_target)
    return tuple(changed)


def cases() -> dict[str, dict[str, object]]:
    """Each case: its documents (the compliant set with one changed), rules and codes."""

    def case(codes: list[str], rules: dict[str, object] | None = None, **changed: str | None) -> dict[str, object]:
        if "draf_laporan_disahkan" in changed and "laporan_kinerja_rutin" not in changed:
            changed["laporan_kinerja_rutin"] = changed["draf_laporan_disahkan"]  # distributed as signed
        docs = {kind: name for kind, name in {**BASE, **changed}.items() if name is not None}
        entry: dict[str, object] = {"periode": {"tahun": 2024, "jenis": "triwulan", "ke": 2}, "dokumen": docs}
        if rules:
            entry["aturan"] = rules
        entry["kode"] = codes
        return entry

    return {
        "patuh": case([]),
        "patuh-docx": case(
            [],
            dokumen_iku="iku-2024.docx",
            perjanjian_kinerja="pk-2024.docx",
            laporan_data_kinerja="data-kinerja-2024-tw2.docx",
            draf_laporan_disahkan="lkj-2024-tw2-rp.docx",
        ),
        "patuh-xlsx": case([], laporan_realisasi_anggaran="lra-2024-tw2.xlsx", dpa="dpa-2024.xlsx"),
        "patuh-ribuan": case([], draf_laporan_disahkan="lkj-2024-tw2-ribuan.pdf"),
        "patuh-t-per-r": case([], draf_laporan_disahkan="lkj-2024-tw2-t-per-r.pdf"),
        "patuh-tanpa-pk": case([], perjanjian_kinerja=None, draf_laporan_disahkan="lkj-2024-tw2-target-tahunan.pdf"),
        "patuh-bagian-lkjip": case(
            [], {"bagian": LKJIP_PARTS}, perjanjian_kinerja=None, draf_laporan_disahkan="lkj-2024-tw2-lampiran-pk.pdf"
        ),
        "patuh-arah-dari-aturan": case(
            [],
            {"indikator": _directions()},
            dokumen_iku="iku-2024-tanpa-arah.pdf",
            perjanjian_kinerja=None,
            draf_laporan_disahkan="lkj-2024-tw2-target-tahunan.pdf",
        ),
        "c001-indikator-hilang": case(["C001"], draf_laporan_disahkan="lkj-2024-tw2-tanpa-indikator.pdf"),
        "c002-target-beda": case(["C002"], draf_laporan_disahkan="lkj-2024-tw2-target-beda.pdf"),
        "c002-iku-pk-beda": case(["C002"], perjanjian_kinerja="pk-2024-target-beda.pdf"),
        "c003-realisasi-beda": case(["C003"], draf_laporan_disahkan="lkj-2024-tw2-realisasi-beda.pdf"),
        "c004-capaian-salah": case(["C004"], draf_laporan_disahkan="lkj-2024-tw2-capaian-salah.pdf"),
        "c004-rumus-campur": case(["C004"], draf_laporan_disahkan="lkj-2024-tw2-rumus-campur.pdf"),
        "c005-pagu-beda": case(["C005"], draf_laporan_disahkan="lkj-2024-tw2-pagu-beda.pdf"),
        "c006-tanpa-lampiran-pk": case(
            ["C006"],
            {"bagian": LKJIP_PARTS},
            perjanjian_kinerja=None,
            draf_laporan_disahkan="lkj-2024-tw2-target-tahunan.pdf",
        ),
        "c007-diubah-setelah-ttd": case(["C007"], laporan_kinerja_rutin="lkj-2024-tw2-final-diubah.pdf"),
        "c008-arah-tidak-diketahui": case(
            ["C008"],
            dokumen_iku="iku-2024-tanpa-arah.pdf",
            perjanjian_kinerja=None,
            draf_laporan_disahkan="lkj-2024-tw2-target-tahunan.pdf",
        ),
        "c008-tabel-gambar": case(["C008"], draf_laporan_disahkan="lkj-2024-tw2-tabel-gambar.pdf"),
    }


def _directions() -> list[dict[str, str]]:
    return [{"nama": ind.name, "arah": ind.arah} for ind in cd.INDICATORS]


def main() -> None:
    import yaml

    words, kept = documents()
    DOCS.mkdir(parents=True, exist_ok=True)
    pdfs = cd.to_pdf(words)
    for name, data in pdfs.items():
        (DOCS / Path(name).with_suffix(".pdf").name).write_bytes(data)
    for name, data in kept.items():
        (DOCS / name).write_bytes(data)
    header = "# Built by scripts/make_content_fixtures.py: each case's documents, rules and expected codes.\n"
    text = yaml.safe_dump({"kasus": cases()}, allow_unicode=True, sort_keys=False, width=120)
    (OUT / "kasus.yaml").write_text(header + text, encoding="utf-8")
    used = {name for case in cases().values() for name in case["dokumen"].values()}  # type: ignore[attr-defined]
    print(f"{len(pdfs)} PDFs, {len(kept)} other files, {len(cases())} cases; documents used: {len(used)}")


if __name__ == "__main__":
    main()
