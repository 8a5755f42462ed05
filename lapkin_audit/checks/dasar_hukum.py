"""Dasar hukum: the signed report cites the SOP's legal bases, however written.

Citations are reduced to (kind, number, year) by lapkin_audit.domain.citation, so
`Peraturan Presiden Nomor 29 Tahun 2014`, `Perpres No. 29 Tahun 2014` and
`Perpres 29/2014` are one regulation, and one item may cite several ("Perpres 29/2014
dan Permenpan RB 53/2014").

H001  a document kind that must cite the legal bases (`mengutip_dasar_hukum`) does
      not cite one the SOP lists; one finding per missing regulation.
      Fails: the signed report cites only Perpres 29/2014. Fix: add PermenPAN-RB 53/2014.
      Judged on the document's text where it is readable (lapkin_audit.evidence): a
      regulation its text layer does not cite is H001 whatever the manifest declares;
      OCR, or a text read in part, cannot prove a citation absent, so then the declared
      `dasar_hukum` decides (and B006 says what OCR could not confirm).
H002  a citation names a regulation but leaves out its number or year, so it cannot
      be matched (waivable). Fails: "Permendagri Nomor 86". Fix: write the year.
"""

from __future__ import annotations

from collections.abc import Iterator

from lapkin_audit.checks.bukti import readable_text
from lapkin_audit.checks.context import Context
from lapkin_audit.domain.citation import KINDS, parse_citations
from lapkin_audit.model import Violation

CODES = ("H001", "H002")


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
