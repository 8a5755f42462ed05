"""Dasar hukum: the signed report cites the SOP's legal bases, however written.

Citations are reduced to (kind, number, year) by lapkin_audit.domain.citation, so
`Peraturan Presiden Nomor 29 Tahun 2014`, `Perpres No. 29 Tahun 2014` and
`Perpres 29/2014` are one regulation, and one item may cite several ("Perpres 29/2014
dan Permenpan RB 53/2014"). Judged on the document's text where it is readable: a
regulation its text layer does not cite is H001 whatever the manifest declares; OCR, or
a text read in part, cannot prove a citation absent, so then the declared `dasar_hukum`
decides (and B006 says what OCR could not confirm).
"""

from __future__ import annotations

from collections.abc import Iterator

from lapkin_audit.checks.bukti import readable_text
from lapkin_audit.checks.context import NEEDS_EVIDENCE, Context
from lapkin_audit.domain.citation import KINDS, parse_citations
from lapkin_audit.model import ERROR, WARNING, Rule, Violation

# The attachments' content (read in child processes by the gather stage).
NEEDS = frozenset({NEEDS_EVIDENCE})

RULES = (
    Rule(
        "H001",
        ERROR,
        waivable=False,
        title=("Dasar hukum SOP tidak dikutip", "A legal basis of the SOP is not cited"),
        akibat=(
            "Laporan tidak menunjukkan dasar hukum yang diwajibkan, sehingga kedudukan hukumnya lemah.",
            "The report does not show its required legal basis, which weakens its legal standing.",
        ),
        actors=("tim",),
        messages={
            "H001": (
                "{jenis} tidak mengutip {kind} Nomor {nomor} Tahun {tahun} ({judul}) (dinilai dari dasar_hukum di manifest).",
                "{jenis} does not cite {kind} Nomor {nomor} Tahun {tahun} ({judul}) (judged on the manifest's dasar_hukum).",
            ),
            "H001.text": (
                "Teks {berkas} ({jenis}) tidak mengutip {kind} Nomor {nomor} Tahun {tahun} ({judul}) (dinilai dari teks dokumen).",
                "The text of {berkas} ({jenis}) does not cite {kind} Nomor {nomor} Tahun {tahun} ({judul}) (judged on the document's text).",
            ),
        },
        checks=(
            "Laporan yang ditandatangani (`draf_laporan_disahkan`) tidak mengutip dasar hukum yang tercantum di SOP; satu temuan per peraturan. Dinilai dari teks dokumennya bila teks itu terbaca utuh (lapisan teks PDF atau DOCX), dan dari `dasar_hukum` di manifest bila tidak (pindaian tanpa OCR, atau OCR yang tidak menemukannya); temuan menyebut yang mana. Kutipan dicocokkan menurut jenis, nomor dan tahun, bagaimanapun ditulis: `Peraturan Presiden Nomor 29 Tahun 2014` dan `Perpres 29/2014` adalah satu peraturan. Satu butir boleh mengutip beberapa peraturan (`Perpres 29/2014 dan Permenpan RB 53/2014`).",
            "The signed report (`draf_laporan_disahkan`) does not cite a legal basis the SOP lists; one finding per regulation. Judged on the document's text where it is read in full (a PDF text layer or a DOCX), and on the manifest's `dasar_hukum` otherwise (a scan without OCR, or OCR that did not find it); the finding says which. Citations match by kind, number and year however written: `Peraturan Presiden Nomor 29 Tahun 2014` and `Perpres 29/2014` are one regulation. One item may cite several (`Perpres 29/2014 dan Permenpan RB 53/2014`).",
        ),
        why=(
            "Laporan kinerja harus disusun menurut peraturan yang menjadi dasar SOP, dan menyebutnya.",
            "The report must be made under the regulations the SOP rests on, and say so.",
        ),
        fix=(
            "Kutip `Perpres 29/2014` dan `PermenPAN-RB 53/2014` di bagian Dasar Hukum laporan dan di `dasar_hukum`.",
            "Cite `Perpres 29/2014` and `PermenPAN-RB 53/2014` in the report's Dasar Hukum and under `dasar_hukum`.",
        ),
        clause="Dasar Hukum: 1. Peraturan Presiden nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah. 2. Peraturan Menteri Pemberdayaan Aparatur Negara nomor 53 Tahun tentang petunjuk Perjanjian Kinerja, Pelaporan Kinerja dan Tata cara Review atas Laporan Kinerja Instansi Pemerintah.",
        failing="""\
    berkas: lampiran/lra-2024-tw2.pdf
    dasar_hukum:
""",
        passing="""\
    berkas: lampiran/lkj-2024-tw2-ttd.pdf
    dasar_hukum:
""",
    ),
    Rule(
        "H002",
        WARNING,
        waivable=True,
        title=("Kutipan dasar hukum tanpa nomor atau tahun", "A citation lacks its number or year"),
        akibat=(
            "Rujukan yang tidak lengkap tidak dapat ditelusuri ke peraturan yang dimaksud.",
            "An incomplete citation cannot be traced to the regulation meant.",
        ),
        actors=("tim",),
        messages={
            "H002.year": (
                "Kutipan '{text}' tidak memuat tahun, sehingga tidak dapat dicocokkan.",
                "Citation '{text}' has no year, so it cannot be matched.",
            ),
            "H002.number": (
                "Kutipan '{text}' tidak memuat nomor, sehingga tidak dapat dicocokkan.",
                "Citation '{text}' has no number, so it cannot be matched.",
            ),
        },
        checks=(
            'Sebuah kutipan menyebut peraturan tetapi tanpa nomor atau tahunnya, sehingga tidak dapat dicocokkan (kutipan SOP sendiri, "nomor 53 Tahun tentang …", salah satunya).',
            'A citation names a regulation but leaves out its number or year, so it cannot be matched (the SOP\'s own "nomor 53 Tahun tentang …" is one).',
        ),
        why=(
            "Tanpa nomor dan tahun, pembaca tidak dapat memastikan peraturan mana yang dimaksud.",
            "Without number and year a reader cannot tell which regulation is meant.",
        ),
        fix=("Tulis nomor dan tahunnya.", "Write both the number and the year."),
        clause="Dasar Hukum: 2. Peraturan Menteri Pemberdayaan Aparatur Negara nomor 53 Tahun tentang petunjuk Perjanjian Kinerja, Pelaporan Kinerja dan Tata cara Review atas Laporan Kinerja Instansi Pemerintah.",
        failing="""\
      - Permenpan RB No. 53 Tahun 2014
      - Peraturan Menteri Dalam Negeri Nomor 86 tentang Tata Cara Perencanaan
    paraf:
""",
        passing="""\
      - Permenpan RB No. 53 Tahun 2014
    paraf:
""",
    ),
)


def check(ctx: Context) -> Iterator[Violation]:
    for doc in ctx.dossier.dokumen:
        cited = set()
        for i, text in enumerate(doc.dasar_hukum):
            for citation in parse_citations(text):  # one item may cite several
                if citation.complete:
                    cited.add(citation.key())
                elif citation.kind is not None:
                    missing = "year" if citation.number else "number"
                    yield Violation(
                        "H002", f"H002.{missing}", {"text": citation.text}, field=f"{doc.field}.dasar_hukum[{i}]"
                    )
        if not ctx.sop.document_kinds[doc.jenis].cites_legal_basis:
            continue
        readable, complete = readable_text(ctx, doc)
        in_text = readable.citations if readable is not None else set()
        for basis in ctx.sop.legal_bases:
            if basis.key() in in_text:
                continue
            if complete or basis.key() not in cited:
                args = {
                    "jenis": doc.jenis,
                    "kind": KINDS.get(basis.kind, basis.kind),
                    "nomor": basis.number,
                    "tahun": basis.year,
                    "judul": basis.title,
                }
                field = f"{doc.field}.dasar_hukum" if doc.dasar_hukum else doc.field
                if complete:
                    yield Violation("H001", "H001.text", {**args, "berkas": doc.berkas}, field=field)
                else:
                    yield Violation("H001", "H001", args, field=field)
