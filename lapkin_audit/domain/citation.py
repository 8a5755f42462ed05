"""Legal citations reduced to (kind, number, year), however they are written.

``Peraturan Presiden Nomor 29 Tahun 2014``, ``Perpres No. 29 Th. 2014`` and
``Perpres 29/2014`` are one regulation: H001 compares citations by ``Citation.key()``,
and H002 reports the ones that name a regulation but are not ``complete``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["KINDS", "Citation", "parse_citation", "parse_citations"]

KINDS: dict[str, str] = {
    "uu": "Undang-Undang",
    "pp": "Peraturan Pemerintah",
    "perpres": "Peraturan Presiden",
    "keppres": "Keputusan Presiden",
    "inpres": "Instruksi Presiden",
    "permenpan_rb": "Peraturan Menteri PAN-RB",
    "permendagri": "Peraturan Menteri Dalam Negeri",
    "perda": "Peraturan Daerah",
    "perbup": "Peraturan Bupati",
}

_MIN_YEAR, _MAX_YEAR = 1945, 2100

# Only the part before the title is the identifier: "Nomor 53 Tahun tentang Laporan
# 2014" has no year. "ttg" is how the seed itself abbreviates "tentang"; "sebagaimana
# (telah diubah)" starts a second regulation whose number must not be mixed in.
_TITLE_START = re.compile(r"(?<![a-z])(?:tentang|ttg|sebagaimana)(?![a-z])")

# Matched against the text with every punctuation mark turned into a space, so
# "PermenPAN-RB", "Permen PAN & RB" and "Undang-Undang" need no special cases. The
# leftmost match wins; at one position the first alternative does, which is why
# Perppu (not a kind we know, and not a PP) comes before PP. A kind must end a word
# ("PPh" and "PPN" are taxes) unless a number follows at once: "PerpresNo.29/2014".
_END = r"(?:(?![a-z])|(?=no))"
_KIND = re.compile(
    r"\b(?:"
    rf"(?P<perppu>peraturan\s*pemerintah\s*pengganti|perppu|perpu){_END}"
    rf"|(?P<uu>undang\s*undang|uu){_END}"
    rf"|(?P<pp>peraturan\s*pemerintah|pp){_END}"
    rf"|(?P<perpres>peraturan\s*presiden|perpres){_END}"
    rf"|(?P<keppres>keputusan\s*presiden|kepp?res){_END}"
    rf"|(?P<inpres>instruksi\s*presiden|inpres){_END}"
    rf"|(?P<permendagri>peraturan\s*(?:menteri\s*dalam\s*negeri|mendagri)|permen\s*dagri){_END}"
    # "Pemberdayaan" for "Pendayagunaan" is the seed's own mis-writing.
    r"|(?P<permenpan_rb>peraturan\s*menteri\s*(?:negara\s*)?(?:pendayagunaan|pemberdayaan)"
    rf"|(?:peraturan\s*(?:menteri|men)|permen)\s*pan(?:\s*rb)?{_END})"
    rf"|(?P<perbup>peraturan\s*bupati|perbup){_END}"
    rf"|(?P<perda>peraturan\s*daerah|perda){_END}"
    r")"
)

_PUNCTUATION = re.compile(r"[\W_]")

# A regulation number: digits and at most one letter ("5A"). The letter must not
# start a word, so "Nomor 29Tahun 2014" reads as 29.
_NUM = r"(?P<number>\d+(?:[a-z](?![a-z]))?)"
# Never two `\s*` in a row around an optional mark: "no" followed by 200,000 spaces
# would then try every split of the spaces (quadratic backtracking).
_NUMBER = re.compile(rf"(?:nomor|nmr|no)\s*(?:[.:]\s*)?{_NUM}")
_YEAR = re.compile(r"(?<![a-z])(?:tahun|thn|th)\s*(?:\.\s*)?(?P<year>\d{4})(?!\d)")
# "29/2014"; not the tail of a document number such as "070/12/421.632/2014".
_SLASHED = re.compile(rf"(?<![\d/])(?<!\d\.){_NUM}\s*/\s*(?P<year>\d{{4}})(?!\d)")
# "Perpres 29 Tahun 2014": a number with no "Nomor" in front.
_BARE = re.compile(rf"(?<![\d/])(?<!\d\.){_NUM}\s*(?:tahun|thn|th)(?![a-z])")


@dataclass(frozen=True)
class Citation:
    """One citation as written, and what it identifies."""

    kind: str | None  # a key of KINDS; None when the kind is not recognised
    number: str | None  # "29", "5A": no leading zeros, letters uppercase
    year: int | None
    text: str  # the original text

    @property
    def complete(self) -> bool:
        """Kind, number and year are all known, so the citation can be matched."""
        return self.kind is not None and self.number is not None and self.year is not None

    def key(self) -> tuple[str, str, int] | None:
        """(kind, number, year) when complete: equal keys are the same regulation."""
        if self.kind is None or self.number is None or self.year is None:
            return None
        return (self.kind, self.number, self.year)


def _normalize_number(raw: str) -> str:
    digits = raw.rstrip("abcdefghijklmnopqrstuvwxyz")
    return (digits.lstrip("0") or "0") + raw[len(digits) :].upper()


def _plausible_year(raw: str) -> int | None:
    year = int(raw)
    return year if _MIN_YEAR <= year <= _MAX_YEAR else None


def parse_citation(text: str) -> Citation:
    """Read kind, number and year from a citation as people write it.

    >>> parse_citation("Perpres RI No.29 Th. 2014").key()
    ('perpres', '29', 2014)
    >>> parse_citation("Peraturan Menteri PAN nomor 53 Tahun tentang Laporan 2014").year is None
    True
    """
    lowered = unicodedata.normalize("NFKC", text).lower()
    title = _TITLE_START.search(lowered)
    head = lowered[: title.start()] if title else lowered

    # One space per punctuation mark keeps positions aligned with `head`.
    kind_match = _KIND.search(_PUNCTUATION.sub(" ", head))
    kind = kind_match.lastgroup if kind_match else None
    if kind not in KINDS:
        kind = None  # a Perppu: a regulation, but not one of ours
    # Number and year follow the kind ("Perbup Malang No. 12 Th. 2020").
    rest = head[kind_match.end() :] if kind_match else head

    slashed = _SLASHED.search(rest)
    number_match = _NUMBER.search(rest) or slashed or _BARE.search(rest)
    year_match = _YEAR.search(rest) or slashed
    return Citation(
        kind=kind,
        number=_normalize_number(number_match["number"]) if number_match else None,
        year=_plausible_year(year_match["year"]) if year_match else None,
        text=text,
    )


# One item may cite several regulations: "Perpres Nomor 29 Tahun 2014 dan Permenpan RB
# Nomor 53 Tahun 2014". A kind starts a new citation only after such a joint, so the
# "dan" inside "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi" splits nothing
# (no kind follows it), nor does a kind named inside a title ("tentang ... Perpres").
_JOINT = re.compile(r"(?:(?<![a-z])(?:dan|serta|jo|juncto)\.?|[,;&\n])\s*$")


def parse_citations(text: str) -> tuple[Citation, ...]:
    """Every regulation one text cites, in order; a single citation is ``(parse_citation(text),)``.

    >>> [c.key() for c in parse_citations("Perpres No. 29 Tahun 2014 dan Permenpan RB No. 53 Tahun 2014")]
    [('perpres', '29', 2014), ('permenpan_rb', '53', 2014)]
    """
    normalized = unicodedata.normalize("NFKC", text)
    lowered = normalized.lower()
    if len(lowered) != len(normalized):  # a letter whose lower case is longer: positions would drift
        return (parse_citation(text),)
    flat = _PUNCTUATION.sub(" ", lowered)
    starts, previous_end = [0], None
    for match in _KIND.finditer(flat):
        # Look for the joint only since the previous kind: each character is read once.
        if previous_end is not None and _JOINT.search(lowered, previous_end, match.start()):
            starts.append(match.start())
        previous_end = match.end()
    if len(starts) == 1:
        return (parse_citation(text),)
    ends = starts[1:] + [len(normalized)]
    pieces = (_without_joint(normalized[a:b]) for a, b in zip(starts, ends, strict=True))
    return tuple(parse_citation(piece) for piece in pieces)


def _without_joint(piece: str) -> str:
    """A piece of a list of citations without the "dan" or comma that joined it to the next."""
    piece = piece.rstrip()
    match = _TRAILING_JOINT.search(piece)
    return piece[: match.start()].rstrip() if match else piece


_TRAILING_JOINT = re.compile(r"(?:\s(?:dan|serta|jo|juncto)\.?|[,;&])$", re.IGNORECASE)
