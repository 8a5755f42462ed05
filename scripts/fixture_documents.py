"""The attachments of the fixture dossiers, built as real documents are (scripts/make_fixtures.py).

Text PDFs with a text layer (Helvetica, several lines, as an office's word processor
prints them), scanned pages (an image only, read by OCR), a DOCX, and the broken files
the evidence checks must recognise. Every byte is deterministic: the same script gives
the same files (the scans use the font bundled with Pillow, compressed by zlib).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

import fixture_tables  # beside this script

OFFICE = "KANTOR KECAMATAN KARANGPLOSO"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
BAMBANG = ("Drs. Bambang Sutrisno, M.Si", "Pembina Tingkat I", "19700312 199003 1 004")
SITI = ("Siti Aminah, S.Sos", "Penata Tingkat I", "19790825 200501 2 011")


def block(person: tuple[str, str, str] = BAMBANG, heading: tuple[str, ...] = ("CAMAT KARANGPLOSO,",)) -> list[str]:
    """A signature block as tata naskah dinas prints it: the office (with "a.n.", "Plt." or
    "Plh." where the signer acts for it), room for the signature, the name, rank and NIP."""
    nama, pangkat, nip = person
    return [*heading, "", "", nama, pangkat, f"NIP. {nip}"]


CAMAT = block()
MEMBERS = [
    (SITI[0], SITI[2], "Ketua"),
    ("Agus Prasetyo, SE", "19850417 201001 1 019", "Anggota"),
    ("Dewi Lestari, A.Md", "19900102 201503 2 006", "Anggota"),
]
DASAR_HUKUM = [
    "Dasar Hukum:",
    "1. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas",
    "   Kinerja Instansi Pemerintah;",
    "2. Peraturan Menteri Pendayagunaan Aparatur Negara dan Refor-",
    "   masi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian",
    "   Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja",
    "   Instansi Pemerintah.",
]


def _escape(line: str) -> bytes:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def _assemble(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(
    pages: list[list[Any]],
    trailer_extra: bytes = b"",
    extra_objects: list[bytes] | None = None,
    signed: tuple[int, ...] = (),
) -> bytes:
    """A PDF with a text layer: each page its lines, top to bottom (A4, Helvetica 11); a page
    may hold bordered tables instead (``fixture_tables.Grid``).

    The pages listed in ``signed`` (0-based) carry the image of a signature above the name
    of their last signature block, as a document printed, signed in ink and scanned back
    into the office's PDF, or signed with a pasted image, does.
    """
    count = len(pages)
    image = 4 + 2 * count + len(extra_objects or [])  # the signature's object number
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        if all(isinstance(line, str) for line in lines):
            body = (
                b"BT /F1 11 Tf 15 TL 64 790 Td " + b" ".join(b"(%s) Tj T*" % _escape(line) for line in lines) + b" ET"
            )
        else:
            body = fixture_tables.page_ops(lines)
        xobject = b""
        if i in signed:
            # above the name of the last block, or at the foot of a page without one (a logo, a stamp)
            texts = [line if isinstance(line, str) else "" for line in lines]
            name_line = max((n for n, line in enumerate(texts) if line.startswith("NIP.")), default=len(lines) + 2) - 2
            body += b" q 130 0 0 48 300 %d cm /Ttd Do Q" % (790 - 15 * name_line + 8)
            xobject = b" /XObject << /Ttd %d 0 R >>" % image
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>%s >>"
            b" /Contents %d 0 R >>" % (xobject, 5 + 2 * i)
        )
        objects.append(_stream(body))
    extra = list(extra_objects or [])
    if signed:
        extra.append(_signature_image())
    return _assemble(objects + extra, trailer_extra)


def _signature_image() -> bytes:
    """A pen stroke of a signature, grey pixels (deterministic: drawn, not scanned)."""
    from PIL import Image, ImageDraw

    width, height = 260, 96
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    stroke = [(12, 70), (40, 22), (58, 74), (84, 18), (102, 66), (128, 30), (150, 58), (196, 40), (248, 52)]
    draw.line(stroke, fill=20, width=4, joint="curve")
    draw.line([(30, 84), (230, 80)], fill=40, width=3)
    pixels = zlib.compress(image.tobytes(), 9)
    return _stream(
        pixels,
        b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
    )


def _render(lines: list[str], size: tuple[int, int] = (1240, 1754), font_size: int = 30, noise: bool = False) -> bytes:
    """Grey pixels of a scanned page (150 dpi A4) showing ``lines``; raw, 8 bits a pixel."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=font_size)
    for i, line in enumerate(lines):
        draw.text((110, 110 + i * int(font_size * 1.55)), line, fill=0, font=font)
    if noise:  # a scan too faint and speckled to read: a few grey marks, no words
        for y in range(0, size[1], 97):
            for x in range(0, size[0], 89):
                draw.point((x, y), fill=200)
    return image.tobytes()


def _printed_page(items: list[Any], size: tuple[int, int] = (1240, 1754)) -> bytes:
    """A page with tables as a scanner sees its print: the text PDF's page rendered at 150 dpi."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(text_pdf([items]))[0]
    image = page.render(scale=size[0] / 595, grayscale=True).to_pil().convert("L").resize(size)
    return bytes(image.tobytes())


def scanned_pdf(lines: list[str], noise: bool = False, pages: int = 1, tables: list[Any] | None = None) -> bytes:
    """A PDF of scanned pages (each the same image) with no text layer: OCR has to read it;
    with ``tables``, a last page that shows them (a printed page with tables, scanned)."""
    width, height = 1240, 1754
    pixels = zlib.compress(_render([] if noise else lines, (width, height), noise=noise), 9)
    if tables is not None:  # a page of small print is scanned at 300 dpi, as offices scan tables
        page = zlib.compress(_printed_page(tables, (2 * width, 2 * height)), 9)
        return _scans([*[(pixels, (width, height))] * pages, (page, (2 * width, 2 * height))])
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        _stream(
            pixels,
            b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
            b" /BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
        ),
        _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
    ]
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 3 0 R >> >>"
            b" /Contents 4 0 R >>"
        )
    return _assemble(objects)


def _scans(images: list[tuple[bytes, tuple[int, int]]]) -> bytes:
    """A PDF of scanned pages, one compressed grey image (and its size in pixels) each."""
    count = len(images)
    kids = b" ".join(b"%d 0 R" % (3 + 3 * i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    for i, (pixels, size) in enumerate(images):
        image = 3 + 3 * i + 1
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 %d 0 R >> >>"
            b" /Contents %d 0 R >>" % (image, image + 1)
        )
        objects.append(
            _stream(
                pixels,
                b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                b" /BitsPerComponent 8 /Filter /FlateDecode" % size,
            )
        )
        objects.append(_stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"))
    return _assemble(objects)


def _scan_page(lines: list[str], dpi: int, page_size: tuple[float, float] = (595, 842)) -> tuple[bytes, int, int]:
    """One scanned page at ``dpi``: its pixels (8-bit grey, zlib), width and height."""
    width, height = round(page_size[0] * dpi / 72), round(page_size[1] * dpi / 72)
    font = max(8, round(30 * dpi / 150))
    return zlib.compress(_render(lines, (width, height), font_size=font), 9), width, height


def scans_pdf(pages: list[list[str]], dpi: int = 150) -> bytes:
    """A scanned document: each page its own image at ``dpi`` (no text layer)."""
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (3 + 3 * i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    for i, lines in enumerate(pages):
        pixels, width, height = _scan_page(lines, dpi)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 %d 0 R >> >>"
            b" /Contents %d 0 R >>" % (4 + 3 * i, 5 + 3 * i)
        )
        objects.append(
            _stream(
                pixels,
                b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                b" /BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
            )
        )
        objects.append(_stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"))
    return _assemble(objects)


def long_scan(pages: int = 40) -> list[list[str]]:
    """The pages of a long scanned report: the signed report's first page, then pages of
    its body, each with its own number (so every page's text is known and different)."""
    body = [
        "BAB II PERENCANAAN KINERJA",
        "Sasaran strategis kecamatan adalah meningkatnya",
        "kualitas pelayanan publik dan tata kelola",
        "pemerintahan yang akuntabel.",
    ]
    return [signed_report_lines()] + [[*body, "", f"Halaman {n}"] for n in range(2, pages + 1)]


# A Word export: the font's ligature glyphs and its soft hyphen, mapped by ToUnicode to the
# characters Word puts in the text layer (U+FB01, U+FB02, U+00AD).
_WORD_CODES = {"\ufb01": b"\x80", "\ufb02": b"\x81", "\u00ad": b"\xad"}
_WORD_CMAP = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Word-UCS def"
    b" /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange"
    b" 3 beginbfchar <80> <FB01> <81> <FB02> <AD> <00AD> endbfchar"
    b" 2 beginbfrange <20> <7E> <0020> <A0> <AC> <00A0> endbfrange"
    b" endcmap CMapName currentdict /CMap defineresource pop end end"
)


def word_export_pdf(lines: list[str]) -> bytes:
    """A text PDF with a Word export's traits: ligatures (ﬁ, ﬂ) as single glyphs whose text
    is U+FB01 and U+FB02, and a soft hyphen (U+00AD) where a word is broken at a line end.
    Write "ﬁ", "ﬂ" and "\u00ad" in ``lines`` where Word would."""

    def encode(line: str) -> bytes:
        raw = b"".join(_WORD_CODES.get(ch) or ch.encode("latin-1") for ch in line)
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    body = b"BT /F1 11 Tf 15 TL 64 790 Td " + b" ".join(b"(%s) Tj T*" % encode(line) for line in lines) + b" ET"
    return _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R"
            b" /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 /fi /fl] >> >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents 5 0 R >>",
            _stream(body),
            _stream(_WORD_CMAP),
        ]
    )


def word_report_lines() -> list[str]:
    """The signed report as Word lays it out: legal bases hyphenated at line ends."""
    lines = signed_report_lines()
    start = lines.index("Dasar Hukum:")
    bases = [
        "Dasar Hukum:",
        "1. Peraturan Presiden Nomor 29 Ta\u00ad",
        "   hun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
        "2. Peraturan Menteri Pendayagunaan Aparatur Negara dan Re\u00ad",
        "   formasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Per\u00ad",
        "   janjian Kinerja, demi e\ufb01siensi dan re\ufb02eksi kinerja.",
    ]
    return [*lines[:start], *bases, *lines[start + len(DASAR_HUKUM) :]]


def self_drawing_pdf(lines: list[str]) -> bytes:
    """A text PDF whose page also draws a Form XObject that draws itself twice: each level
    doubles the work, so a reader that follows it runs out of memory or time."""
    body = b"BT /F1 11 Tf 15 TL 64 790 Td " + b" ".join(b"(%s) Tj T*" % _escape(line) for line in lines) + b" ET"
    return _assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources"
            b" << /Font << /F1 3 0 R >> /XObject << /X 6 0 R >> >> /Contents 5 0 R >>",
            _stream(body + b" q /X Do Q"),
            _stream(
                b"BT /F1 11 Tf 0 0 Td (x) Tj ET q 1 0 0 1 1 1 cm /X Do Q q /X Do Q",
                b" /Type /XObject /Subtype /Form /BBox [0 0 595 842]"
                b" /Resources << /Font << /F1 3 0 R >> /XObject << /X 6 0 R >> >>",
            ),
        ]
    )


def many_pages_pdf(lines: list[str], pages: int) -> bytes:
    """A text PDF of ``pages`` pages, all showing ``lines`` (one content stream shared)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    body = b"BT /F1 11 Tf 15 TL 64 790 Td " + b" ".join(b"(%s) Tj T*" % _escape(line) for line in lines) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _stream(body),
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
        b" /Contents 4 0 R >>"
    )
    return _assemble(objects + [page] * pages)


def jpeg(lines: list[str]) -> bytes:
    """A photographed page as JPEG (deterministic for one Pillow version)."""
    from PIL import Image

    image = Image.frombytes("L", (620, 877), _render(lines, (620, 877), font_size=16))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def encrypted_pdf(lines: list[str]) -> bytes:
    """A PDF locked by a user password (the standard security handler): unreadable without it."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <%s> /U <%s> >>" % (b"6f" * 32, b"75" * 32)
    count = 6  # the five objects of a one-page text PDF, then the dictionary
    return text_pdf(
        [lines],
        trailer_extra=b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (count, b"ab" * 16, b"ab" * 16),
        extra_objects=[encrypt],
    )


def damaged_pdf(lines: list[str]) -> bytes:
    """A PDF cut short in transfer, its header kept: the rest is gone."""
    good = text_pdf([lines])
    return good[:15] + b"\x00" * 40


def docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A minimal Word document (body paragraphs and a table), zipped with fixed dates."""

    def para(text: str) -> str:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f'<w:p><w:r><w:t xml:space="preserve">{escaped}</w:t></w:r></w:p>'

    body = "".join(para(p) for p in paragraphs)
    if table:
        rows = "".join("<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in row) + "</w:tr>" for row in table)
        body += f"<w:tbl>{rows}</w:tbl>"
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:document {ns}><w:body>{body}</w:body></w:document>"
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 7, 1, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return out.getvalue()


# ------------------------------------------------------------------ the documents of a dossier


def heading(title: str, ke: int) -> list[str]:
    return [
        "PEMERINTAH KABUPATEN MALANG",
        OFFICE,
        "Jl. Panglima Sudirman No. 1 Karangploso",
        "",
        title,
        f"TRIWULAN {ROMAN[ke]} TAHUN 2024",
        "",
    ]


def sk_lines(members: list[tuple[str, str, str]] = MEMBERS, signer: list[str] = CAMAT) -> list[str]:
    lines = [
        "PEMERINTAH KABUPATEN MALANG",
        OFFICE,
        "",
        "KEPUTUSAN CAMAT KARANGPLOSO",
        "NOMOR: 188.45/07/421.632/2024",
        "TENTANG",
        "PEMBENTUKAN TIM AKUNTABILITAS KINERJA",
        "KANTOR KECAMATAN KARANGPLOSO TAHUN 2024",
        "",
        "Menimbang : bahwa untuk melaksanakan pelaporan kinerja perlu dibentuk Tim",
        "            Akuntabilitas Kinerja dengan Keputusan Camat;",
        "MEMUTUSKAN:",
        "KESATU : Membentuk Tim Akuntabilitas Kinerja dengan susunan sebagai berikut:",
    ]
    for i, (nama, nip, jabatan) in enumerate(members, start=1):
        lines.append(f"   {i}. {nama}, NIP. {nip}, {jabatan}")
    lines += [
        "KEDUA : Keputusan ini berlaku sejak 1 Januari 2024 sampai dengan 31 Desember 2024.",
        "",
        "Ditetapkan di Karangploso",
        "pada tanggal 8 Januari 2024",
        *signer,
    ]
    return lines


def signed_report_pages(
    ke: int = 2,
    dasar_hukum: list[str] = DASAR_HUKUM,
    printed: Any = None,
    extra: list[str] | None = None,
    signer: list[str] = CAMAT,
    paraf: tuple[str, str, str] = SITI,
) -> list[list[Any]]:
    """The signed report: its text and signature, then its capaian and budget tables."""
    tables = fixture_tables.report_tables(ke, printed or fixture_tables.Printed())
    return [[*signed_report_lines(ke, dasar_hukum, signer, paraf), *(extra or [])], tables]


def signed_report_lines(
    ke: int = 2,
    dasar_hukum: list[str] = DASAR_HUKUM,
    signer: list[str] = CAMAT,
    paraf: tuple[str, str, str] = SITI,
) -> list[str]:
    return [
        *heading("LAPORAN KINERJA", ke),
        "BAB I PENDAHULUAN",
        f"Laporan Kinerja {OFFICE.title()} ini disusun sebagai pertanggung-",
        "jawaban atas pelaksanaan tugas dan fungsi kecamatan.",
        *dasar_hukum,
        "",
        f"Paraf koordinasi: Sekretaris Kecamatan, {paraf[0]}",
        f"NIP. {paraf[2]}",
        "",
        "Karangploso, 2 Juli 2024",
        *signer,
    ]


def documents(ke: int = 2, camat: list[str] = CAMAT, sekretaris: tuple[str, str, str] = SITI) -> dict[str, bytes]:
    """The compliant dossier's attachments for Triwulan ``ke`` of 2024, the decree and the
    signed report signed by ``camat`` (a signature block) and initialled by ``sekretaris``."""
    roman = ROMAN[ke]
    members = [(sekretaris[0], sekretaris[2], "Ketua"), *MEMBERS[1:]]
    signed = signed_report_pages(ke, signer=camat, paraf=sekretaris)
    lra = [
        *heading("LAPORAN REALISASI ANGGARAN", ke),
        f"Periode Triwulan {roman} Tahun Anggaran 2024",
        fixture_tables.lra_grid(ke),
    ]
    receipt = [
        "TANDA TERIMA",
        "BAPPEDA KABUPATEN MALANG",
        "",
        "Telah diterima dari Kantor Kecamatan Karangploso:",
        f"Laporan Kinerja Triwulan {roman} Tahun 2024",
        "sebanyak 1 (satu) berkas.",
        "",
        "Kepanjen, 3 Juli 2024",
        "Petugas Penerima",
        "Sri Handayani",
    ]
    return {
        "lampiran/sk-tim-akuntabilitas-2024.pdf": text_pdf([sk_lines(members, camat)], signed=(0,)),
        "lampiran/lra-2024-tw2.pdf": text_pdf([lra]),
        "lampiran/dpa-2024.pdf": text_pdf(
            [
                [
                    "PEMERINTAH KABUPATEN MALANG",
                    "DOKUMEN PELAKSANAAN ANGGARAN (DPA)",
                    "SATUAN KERJA PERANGKAT DAERAH",
                    OFFICE,
                    "TAHUN ANGGARAN 2024",
                    "",
                    "Program Penyelenggaraan Pemerintahan Kecamatan",
                    "Kegiatan Koordinasi Penyelenggaraan Kegiatan Pemerintahan",
                    "",
                    fixture_tables.dpa_grid(),
                ]
            ]
        ),
        "lampiran/iku-2024.pdf": text_pdf(
            [
                [
                    "INDIKATOR KINERJA UTAMA",
                    OFFICE,
                    "TAHUN 2024",
                    "",
                    "Sasaran: Meningkatnya kualitas pelayanan publik kecamatan",
                    "",
                    fixture_tables.iku_grid(),
                ]
            ]
        ),
        "lampiran/data-kinerja-2024-tw2.pdf": text_pdf(
            [[*heading("LAPORAN DATA KINERJA", ke), fixture_tables.data_grid(ke)]]
        ),
        "lampiran/draf-lkj-2024-tw2.docx": docx(
            [
                "PEMERINTAH KABUPATEN MALANG",
                OFFICE,
                "DRAF LAPORAN KINERJA",
                f"TRIWULAN {roman} TAHUN 2024",
                "BAB I PENDAHULUAN",
                "Draf disusun oleh Tim Akuntabilitas Kinerja.",
            ],
            [["Indikator", "Target", "Realisasi"], ["Indeks Kepuasan Masyarakat", "82", "83,4"]],
        ),
        "lampiran/lkj-2024-tw2-ttd.pdf": text_pdf(signed, signed=(0,)),
        # The distributed copy: the same text exported again, with no signature on it.
        "lampiran/lkj-2024-tw2-final.pdf": text_pdf([[*signed[0], "", "Salinan untuk distribusi."], *signed[1:]]),
        "lampiran/tanda-terima-bappeda.pdf": scanned_pdf(receipt),
    }
