"""The documents of the content fixtures, built as a kecamatan office builds them.

A Dokumen IKU, a Perjanjian Kinerja, a Laporan Data Kinerja, the LRA and the DPA, and the
quarterly Laporan Kinerja (draft, signed, distributed) are written as Word documents
(python-docx: merged header cells, a header row repeated on every page, a row of column
numbers under it, indicator names that wrap) and exported to PDF by LibreOffice, as an
office exports them; the LRA and the DPA also as SIPD-like spreadsheets (openpyxl: a
title block above the table, number formats, borders). ``scripts/make_content_fixtures.py``
decides which figures each case changes.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

OFFICE = "KECAMATAN KARANGPLOSO"
PEMDA = "PEMERINTAH KABUPATEN MALANG"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Indicator:
    name: str
    satuan: str
    arah: str  # naik / turun
    target: Decimal  # the year's
    target_tw: tuple[Decimal, ...]  # per quarter
    realisasi_tw: tuple[Decimal, ...]
    sasaran: str = ""


def D(text: str) -> Decimal:
    return Decimal(text)


INDICATORS = (
    Indicator(
        "Persentase pelayanan administrasi kependudukan yang diselesaikan tepat waktu sesuai standar pelayanan",
        "%", "naik", D("95"), (D("95"), D("95"), D("95"), D("95")), (D("93.2"), D("96.5"), D("95.8"), D("0")),
        "Meningkatnya kualitas pelayanan publik kecamatan",
    ),
    Indicator(
        "Indeks Kepuasan Masyarakat terhadap pelayanan kecamatan", "indeks", "naik", D("82"),
        (D("80"), D("81"), D("82"), D("82")), (D("80.6"), D("84.25"), D("83.1"), D("0")),
        "Meningkatnya kualitas pelayanan publik kecamatan",
    ),
    Indicator(
        "Jumlah desa yang melaksanakan Musrenbangdes tepat waktu", "desa", "naik", D("9"),
        (D("9"), D("9"), D("9"), D("9")), (D("7"), D("9"), D("9"), D("0")),
        "Meningkatnya partisipasi masyarakat dalam perencanaan pembangunan",
    ),
    Indicator(
        "Persentase pos kamling yang aktif melaksanakan siskamling", "%", "naik", D("80"),
        (D("70"), D("75"), D("78"), D("80")), (D("68"), D("72"), D("76"), D("0")),
        "Meningkatnya ketenteraman dan ketertiban masyarakat",
    ),
    Indicator(
        "Rata-rata waktu penyelesaian pengaduan masyarakat", "hari", "turun", D("5"),
        (D("6"), D("5"), D("5"), D("5")), (D("5.5"), D("4"), D("4.5"), D("0")),
        "Meningkatnya kualitas pelayanan publik kecamatan",
    ),
    Indicator(
        "Jumlah kejadian gangguan ketenteraman dan ketertiban umum", "kejadian", "turun", D("24"),
        (D("6"), D("6"), D("6"), D("6")), (D("7"), D("5"), D("6"), D("0")),
        "Meningkatnya ketenteraman dan ketertiban masyarakat",
    ),
)  # fmt: skip

# The kecamatan's budget of the year (DPA) and its spending to the end of Triwulan II (LRA).
BUDGET_LINES = (
    ("5.1.01", "Belanja Pegawai", D("1102450000"), D("531840250")),
    ("5.1.02", "Belanja Barang dan Jasa", D("612870000"), D("248336500")),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin", D("130000000"), D("32280000")),
)
PENDAPATAN = ("4.1.02", "Retribusi Daerah", D("15000000"), D("7250000"))


def fmt(value: Decimal, decimals: int = 0, style: str = "id") -> str:
    """A figure as an Indonesian document prints it (``1.234.567,89``)."""
    quantized = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    negative = quantized < 0
    whole, _, frac = f"{abs(quantized):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups) + ("," + frac if decimals else "")
    return f"({text})" if negative else text


def capaian(ind: Indicator, tw: int, lower: str = "(2t-r)/t") -> Decimal:
    t, r = ind.target_tw[tw - 1], ind.realisasi_tw[tw - 1]
    if ind.arah == "naik":
        return r / t * 100
    return (2 * t - r) / t * 100 if lower == "(2t-r)/t" else t / r * 100


# ----------------------------------------------------------------------------- DOCX


def _docx_doc() -> Any:
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(11)
    core = document.core_properties  # fixed, so the same script gives the same bytes
    import datetime as dt

    core.created = core.modified = dt.datetime(2024, 7, 1, 8, 0, 0)
    core.author = core.last_modified_by = "Sub Bagian Evaluasi dan Pelaporan"
    core.revision = 1
    return document


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _table(document: Any, header: Sequence[Sequence[str]], rows: Sequence[Sequence[str]],
           merges: Sequence[tuple[int, int, int, int]] = (), widths: Sequence[float] = (),
           numbering: bool = True, right_from: int = 2) -> Any:  # fmt: skip
    """A bordered table: header rows (repeated on each page), a numbering row, the rows.
    ``merges``: (row, col, row2, col2) cells of the header merged into one."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    width = len(header[0])
    extra = 1 if numbering else 0
    table = document.add_table(rows=len(header) + extra + len(rows), cols=width)
    table.style = "Table Grid"
    for i, line in enumerate(header):
        _repeat_header(table.rows[i])
        for j, text in enumerate(line):
            if text:
                table.cell(i, j).text = text
    for r0, c0, r1, c1 in merges:
        keep = table.cell(r0, c0).text
        merged = table.cell(r0, c0).merge(table.cell(r1, c1))
        merged.text = keep
    if numbering:
        for j in range(width):
            table.cell(len(header), j).text = f"({j + 1})"
    for i, line in enumerate(rows):
        for j, text in enumerate(line):
            cell = table.cell(len(header) + extra + i, j)
            cell.text = text
            if j >= right_from and text and (text[0].isdigit() or text[0] in "(-R"):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in table.rows[: len(header) + extra]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in paragraph.runs:
                    run.font.bold = True
                    run.font.size = Pt(10)
    for row in table.rows[len(header) + extra :]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(10)
    if widths:
        # LibreOffice lays a table out by its grid: set the grid's columns and every cell.
        table.autofit = False
        for j, column in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
            column.set(qn("w:w"), str(int(Cm(widths[j]).twips)))
        for row in table.rows:
            for j, cell in enumerate(row.cells[: len(widths)]):
                cell.width = Cm(widths[j])
    return table


def _title(document: Any, lines: Sequence[str]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for line in lines:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.bold = True


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ----------------------------------------------------------------------------- the documents


def iku_docx(indicators: Sequence[Indicator] = INDICATORS, arah: bool = True, tahun: int = 2024) -> bytes:
    document = _docx_doc()
    _title(document, [PEMDA, OFFICE, "", f"INDIKATOR KINERJA UTAMA (IKU) TAHUN {tahun}"])
    document.add_paragraph(
        "Indikator Kinerja Utama Kecamatan Karangploso ditetapkan sebagai ukuran keberhasilan "
        "pencapaian sasaran strategis sesuai Rencana Strategis Kecamatan Tahun 2021-2026."
    )
    header = [["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", f"Target {tahun}", "Keterangan"]]
    rows = []
    for n, ind in enumerate(indicators, 1):
        note = ("Semakin tinggi semakin baik" if ind.arah == "naik" else "Semakin rendah semakin baik") if arah else ""
        rows.append(
            [
                str(n),
                ind.sasaran,
                ind.name,
                ind.satuan,
                fmt(ind.target, 0 if ind.target == int(ind.target) else 2),
                note,
            ]
        )
    _table(document, header, rows, widths=(1.0, 3.5, 5.5, 1.8, 1.8, 2.4), right_from=4)
    document.add_paragraph("")
    _sign(document, "Karangploso, 8 Januari 2024")
    return _save(document)


def pk_docx(indicators: Sequence[Indicator] = INDICATORS, tahun: int = 2024) -> bytes:
    """The Perjanjian Kinerja with quarterly targets under a merged "Target Triwulan"."""
    document = _docx_doc()
    _title(document, [PEMDA, "PERJANJIAN KINERJA TAHUN 2024", OFFICE])
    document.add_paragraph(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel "
        "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini berjanji akan "
        "mewujudkan target kinerja sebagaimana terlampir."
    )
    header = [
        ["No", "Indikator Kinerja", "Satuan", "Arah", f"Target Tahun {tahun}", "Target Triwulan", "", "", ""],
        ["", "", "", "", "", "TW I", "TW II", "TW III", "TW IV"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 0, 8)]
    rows = []
    for n, ind in enumerate(indicators, 1):
        arrow = "↑" if ind.arah == "naik" else "↓"
        rows.append([str(n), ind.name, ind.satuan, arrow, _f(ind.target), *(_f(t) for t in ind.target_tw)])
    _table(document, header, rows, merges, widths=(0.9, 5.6, 1.6, 1.2, 1.6, 1.2, 1.2, 1.2, 1.2), right_from=4)
    _sign(document, "Karangploso, 15 Januari 2024")
    return _save(document)


def _f(value: Decimal) -> str:
    return fmt(value, 0 if value == int(value) else 2)


def data_docx(indicators: Sequence[Indicator] = INDICATORS, tw: int = 2) -> bytes:
    document = _docx_doc()
    _title(document, [PEMDA, OFFICE, "", f"LAPORAN DATA KINERJA TRIWULAN {ROMAN[tw]} TAHUN 2024"])
    header = [
        ["No", "Indikator Kinerja", "Satuan", "Realisasi Tahun 2024", "", "", ""],
        ["", "", "", "TW I", "TW II", "TW III", "TW IV"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 6)]
    rows = []
    for n, ind in enumerate(indicators, 1):
        values = [_f(r) if q <= tw else "-" for q, r in enumerate(ind.realisasi_tw, 1)]
        rows.append([str(n), ind.name, ind.satuan, *values])
    _table(document, header, rows, merges, widths=(0.9, 7.0, 1.8, 1.6, 1.6, 1.6, 1.6), right_from=3)
    _sign(document, "Karangploso, 1 Juli 2024")
    return _save(document)


def lra_docx(lines=BUDGET_LINES, tw: int = 2) -> bytes:  # type: ignore[no-untyped-def]
    document = _docx_doc()
    _title(document, [PEMDA, OFFICE, "LAPORAN REALISASI ANGGARAN", f"TRIWULAN {ROMAN[tw]} TAHUN ANGGARAN 2024"])
    header = [["Kode Rekening", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Lebih/(Kurang) (Rp)", "%"]]
    rows = [
        [
            PENDAPATAN[0],
            PENDAPATAN[1],
            fmt(PENDAPATAN[2], 2),
            fmt(PENDAPATAN[3], 2),
            fmt(PENDAPATAN[3] - PENDAPATAN[2], 2),
            fmt(PENDAPATAN[3] / PENDAPATAN[2] * 100, 2),
        ]
    ]
    rows.append(
        [
            "",
            "JUMLAH PENDAPATAN",
            fmt(PENDAPATAN[2], 2),
            fmt(PENDAPATAN[3], 2),
            fmt(PENDAPATAN[3] - PENDAPATAN[2], 2),
            fmt(PENDAPATAN[3] / PENDAPATAN[2] * 100, 2),
        ]
    )
    for code, name, pagu, real in lines:
        rows.append([code, name, fmt(pagu, 2), fmt(real, 2), fmt(real - pagu, 2), fmt(real / pagu * 100, 2)])
    pagu, real = sum(x[2] for x in lines), sum(x[3] for x in lines)
    rows.append(["", "JUMLAH BELANJA", fmt(pagu, 2), fmt(real, 2), fmt(real - pagu, 2), fmt(real / pagu * 100, 2)])
    _table(document, header, rows, numbering=False, widths=(2.0, 4.6, 2.8, 2.8, 2.8, 1.2))
    _sign(document, "Karangploso, 1 Juli 2024")
    return _save(document)  # fmt: skip


def dpa_docx(lines=BUDGET_LINES) -> bytes:  # type: ignore[no-untyped-def]
    document = _docx_doc()
    _title(
        document,
        [PEMDA, "DOKUMEN PELAKSANAAN ANGGARAN (DPA)", "SATUAN KERJA PERANGKAT DAERAH", f"{OFFICE} TAHUN ANGGARAN 2024"],
    )
    header = [["Kode Rekening", "Uraian", "Jumlah (Rp)"]]
    rows = [[code, name, fmt(pagu)] for code, name, pagu, _ in lines]
    rows.append(["", "JUMLAH BELANJA", fmt(sum(x[2] for x in lines))])
    _table(document, header, rows, numbering=False, widths=(3.0, 8.0, 4.0))
    return _save(document)  # fmt: skip


@dataclass(frozen=True)
class Report:
    """What a quarterly Laporan Kinerja prints (the cases change one thing each)."""

    tw: int = 2
    indicators: tuple[Indicator, ...] = INDICATORS
    targets: dict[int, Decimal] = field(default_factory=dict)  # index -> printed target instead
    realisasi: dict[int, Decimal] = field(default_factory=dict)
    capaian: dict[int, Decimal] = field(default_factory=dict)
    lower: str = "(2t-r)/t"
    lower_by_index: dict[int, str] = field(default_factory=dict)
    money: str = "rupiah"  # rupiah, rp (Rp1.234.567,-), ribuan ("(dalam ribuan rupiah)")
    pagu: Decimal | None = None  # printed pagu instead
    percent_style: str = "%"  # header "Capaian (%)"; "spasi": "85,5 %" in each cell
    lampiran_pk: bool = False
    drop: tuple[str, ...] = ()  # parts left out: "bab3"
    annual: bool = False
    year_targets: bool = False  # the year's targets (an office without a Perjanjian Kinerja by quarter)
    padding: int = 12  # paragraphs before the capaian table: it starts at a page's foot and goes on overleaf


def report_docx(spec: Report, picture_table: bool = False) -> bytes:
    document = _docx_doc()
    period = "TAHUN 2024" if spec.annual else f"TRIWULAN {ROMAN[spec.tw]} TAHUN 2024"
    _title(document, ["LAPORAN KINERJA INSTANSI PEMERINTAH" if spec.annual else "LAPORAN KINERJA", OFFICE, period])
    document.add_paragraph("")
    document.add_heading("IKHTISAR EKSEKUTIF", level=1)
    document.add_paragraph(
        "Laporan Kinerja ini disusun sebagai wujud pertanggungjawaban Camat Karangploso atas "
        "pelaksanaan tugas dan fungsi kecamatan. Dari enam indikator kinerja utama, lima "
        "indikator mencapai target dan satu indikator belum mencapai target."
    )
    document.add_heading("BAB I PENDAHULUAN", level=1)
    for _ in range(2):
        document.add_paragraph(
            "Kecamatan Karangploso merupakan perangkat daerah yang dipimpin oleh Camat dan "
            "berkedudukan di bawah serta bertanggung jawab kepada Bupati melalui Sekretaris Daerah. "
            "Laporan ini disusun berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
            "Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri Pendayagunaan Aparatur "
            "Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014."
        )
    document.add_heading("BAB II PERENCANAAN KINERJA", level=1)
    for _ in range(3):
        document.add_paragraph(
            "Perencanaan kinerja kecamatan mengacu pada Rencana Strategis Kecamatan Tahun 2021-2026 "
            "dan Perjanjian Kinerja Tahun 2024 yang ditandatangani Camat bersama Bupati Malang. "
            "Sasaran strategis dan indikator kinerja utama beserta targetnya tercantum dalam Dokumen IKU."
        )
    if "bab3" not in spec.drop:
        document.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
        document.add_paragraph("A. Capaian Kinerja Organisasi")
        for _ in range(spec.padding):
            document.add_paragraph(
                "Pengukuran capaian kinerja dilakukan dengan membandingkan realisasi dengan target "
                "setiap indikator. Untuk indikator dengan arah semakin rendah semakin baik, capaian "
                "dihitung dengan rumus yang sama bagi seluruh indikator sejenis dalam laporan ini."
            )
        if picture_table:
            _picture_of_table(document, spec)
        else:
            _capaian_table(document, spec)
        document.add_paragraph("B. Realisasi Anggaran")
        _budget_table(document, spec)
    document.add_heading("BAB IV PENUTUP", level=1)
    document.add_paragraph(
        "Demikian Laporan Kinerja ini disusun sebagai bahan evaluasi dan perbaikan kinerja "
        "Kecamatan Karangploso pada periode berikutnya."
    )
    if spec.lampiran_pk:
        document.add_heading("LAMPIRAN PERJANJIAN KINERJA", level=1)
        document.add_paragraph("Perjanjian Kinerja Tahun 2024 Kecamatan Karangploso terlampir.")
    _sign(document, f"Karangploso, 2 {'Januari 2025' if spec.annual else 'Juli 2024'}")
    return _save(document)


def _capaian_table(document: Any, spec: Report) -> None:
    tw = spec.tw
    target_title = "Target Tahun 2024" if spec.year_targets else f"Target TW {ROMAN[tw]}"
    header = [["No", "Indikator Kinerja", "Satuan", target_title, f"Realisasi TW {ROMAN[tw]}",
               "Capaian (%)" if spec.percent_style == "%" else "Capaian"]]  # fmt: skip
    rows = []
    for n, ind in enumerate(spec.indicators):
        target = spec.targets.get(n, ind.target if spec.year_targets else ind.target_tw[tw - 1])
        real = spec.realisasi.get(n, ind.realisasi_tw[tw - 1])
        lower = spec.lower_by_index.get(n, spec.lower)
        ind_printed = replace(
            ind, target_tw=_with(ind.target_tw, tw, target), realisasi_tw=_with(ind.realisasi_tw, tw, real)
        )
        value = spec.capaian.get(n, capaian(ind_printed, tw, lower))
        shown = fmt(value, 2) + (" %" if spec.percent_style == "spasi" else "")
        rows.append([str(n + 1), ind.name, ind.satuan, _f(target), _f(real), shown])
    _table(document, header, rows, widths=(0.9, 7.6, 1.6, 1.9, 1.9, 1.9), right_from=3)


def _picture_of_table(document: Any, spec: Report) -> None:
    """The capaian table pasted as a picture (a screenshot of a spreadsheet), as offices do."""
    from docx.shared import Cm
    from PIL import Image, ImageDraw, ImageFont

    tw = spec.tw
    lines = [f"No  Indikator Kinerja{' ' * 40}Target  Realisasi  Capaian (%)"]
    for n, ind in enumerate(spec.indicators, 1):
        value = fmt(capaian(ind, tw, spec.lower), 2)
        lines.append(
            f"{n}  {ind.name[:52]:<56}{_f(ind.target_tw[tw - 1]):>6}  {_f(ind.realisasi_tw[tw - 1]):>9}  {value:>10}"
        )
    image = Image.new("L", (1500, 40 + 34 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=20)
    for i, line in enumerate(lines):
        draw.text((20, 20 + 34 * i), line, fill=0, font=font)
    out = io.BytesIO()
    image.save(out, "PNG")
    out.seek(0)
    document.add_picture(out, width=Cm(16))


def _with(values: tuple[Decimal, ...], tw: int, value: Decimal) -> tuple[Decimal, ...]:
    changed = list(values)
    changed[tw - 1] = value
    return tuple(changed)


def _budget_table(document: Any, spec: Report) -> None:
    pagu = spec.pagu if spec.pagu is not None else sum(x[2] for x in BUDGET_LINES)
    real = sum(x[3] for x in BUDGET_LINES)
    if spec.money == "ribuan":
        document.add_paragraph("(dalam ribuan rupiah)")

    def money(value: Decimal) -> str:
        if spec.money == "ribuan":
            return fmt((value / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        if spec.money == "rp":
            return "Rp" + fmt(value) + ",-"
        return fmt(value)

    unit = "" if spec.money == "ribuan" else " (Rp)"
    header = [["No", "Uraian", f"Pagu Anggaran{unit}", f"Realisasi{unit}", "%"]]
    rows = [
        [str(n), name, money(p), money(r), fmt(r / p * 100, 2)] for n, (_, name, p, r) in enumerate(BUDGET_LINES, 1)
    ]
    rows.append(["", "Jumlah", money(pagu), money(real), fmt(real / pagu * 100, 2)])
    _table(document, header, rows, widths=(0.9, 6.0, 3.2, 3.2, 1.6))


def _sign(document: Any, place_date: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for line in [
        "",
        place_date,
        "CAMAT KARANGPLOSO,",
        "",
        "",
        "Drs. Bambang Sutrisno, M.Si",
        "NIP. 19700312 199003 1 004",
    ]:
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


# ----------------------------------------------------------------------------- XLSX


def lra_xlsx(lines=BUDGET_LINES, tw: int = 2) -> bytes:  # type: ignore[no-untyped-def]
    """An LRA as SIPD exports it: a title block, then the table, values (not formulas)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = "LRA"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row, text in enumerate(
        [PEMDA, OFFICE, "LAPORAN REALISASI ANGGARAN", f"Triwulan {ROMAN[tw]} Tahun Anggaran 2024"], 1
    ):
        sheet.cell(row, 1, text).font = Font(bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        sheet.cell(row, 1).alignment = Alignment(horizontal="center")
    header = ["Kode Rekening", "Uraian", "Anggaran", "Realisasi", "Lebih/(Kurang)", "%"]
    body: list[list[Any]] = [[PENDAPATAN[0], PENDAPATAN[1], PENDAPATAN[2], PENDAPATAN[3]]]
    body.append(["", "JUMLAH PENDAPATAN", PENDAPATAN[2], PENDAPATAN[3]])
    body += [[code, name, pagu, real] for code, name, pagu, real in lines]
    body.append(["", "JUMLAH BELANJA", sum(x[2] for x in lines), sum(x[3] for x in lines)])
    for j, text in enumerate(header, 1):
        cell = sheet.cell(6, j, text)
        cell.font, cell.border = Font(bold=True), box
    for i, values in enumerate(body, 7):
        pagu, real = values[2], values[3]
        for j, value in enumerate([*values, real - pagu, (real / pagu * 100).quantize(Decimal("0.01"))], 1):
            cell = sheet.cell(i, j, float(value) if isinstance(value, Decimal) else value)
            cell.border = box
            if j >= 3:
                cell.number_format = "#,##0.00"
    return _save_book(book)  # fmt: skip


def dpa_xlsx(lines=BUDGET_LINES) -> bytes:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "DPA SKPD 2.2"
    sheet["A1"], sheet["A2"] = "DOKUMEN PELAKSANAAN ANGGARAN", f"{OFFICE} TAHUN ANGGARAN 2024"
    sheet["A1"].font = Font(bold=True)
    for j, text in enumerate(["Kode Rekening", "Uraian", "Jumlah (Rp)"], 1):
        sheet.cell(4, j, text).font = Font(bold=True)
    row = 5
    for code, name, pagu, _ in lines:
        sheet.cell(row, 1, code), sheet.cell(row, 2, name), sheet.cell(row, 3, int(pagu))
        row += 1
    sheet.cell(row, 2, "JUMLAH BELANJA"), sheet.cell(row, 3, int(sum(x[2] for x in lines)))
    return _save_book(book)


def _save_book(book: Any) -> bytes:
    import datetime as dt

    book.properties.created = book.properties.modified = dt.datetime(2024, 7, 1, 8, 0, 0)
    book.properties.creator = "SIPD"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ----------------------------------------------------------------------------- PDF


def to_pdf(documents: dict[str, bytes]) -> dict[str, bytes]:
    """Each DOCX exported to PDF by LibreOffice (headless), as an office exports it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice is needed to export the fixtures' PDFs: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, data in documents.items():
            (work / name).write_bytes(data)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf",
             "--outdir", str(work / "out"), *(str(work / n) for n in documents)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        return {name: (work / "out" / Path(name).with_suffix(".pdf").name).read_bytes() for name in documents}
