"""Finding what a manifest declares in a document's extracted text (the evidence checks).

Text is first made what a reader of the printed page sees (``as_printed``): a word
hyphenated at a line end is one word (pdfium marks such a hyphen with U+FFFE or U+0002
and joins the lines; a Word export keeps the soft hyphen U+00AD in its text layer),
ligatures are their letters, non-breaking spaces are spaces, zero-width characters are
nothing. Text from a PDF's text layer or from OCR is then prepared before it is
searched: whitespace is collapsed, and in OCR text the letters
OCR mistakes for digits (``2O14``) are mended, only inside runs that already hold digits.
Nothing is ever changed to make a match: a number or a year stays what it reads.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from lapkin_audit.domain.citation import _KIND, _PUNCTUATION, parse_citation
from lapkin_audit.domain.people import normalize_name, normalize_nip

# A hyphen where a line ends: the marks PDF libraries leave (pdfium's U+FFFE and U+0002, a
# soft hyphen) with or without the line end, or a printed hyphen followed by a line end.
_LINE_END_HYPHEN = re.compile(r"(?<!\w)(\w+)(?:([\ufffe\x02\u00ad])[ \t]*\n?|-[ \t]*\n)[ \t]*(?=(\w*))")
_ANY_HYPHEN = re.compile(r"[\ufffe\x02\u00ad]|-[ \t]*\n")  # a cheap look first: most pages have none
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\ufffe\u00ad"))  # zero-width, stray marks
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f"), " ")  # non-breaking spaces print as spaces
_LIGATURES = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
# Control characters but tab and line break go (a NUL or a stray mark is not text).
_CONTROLS = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127])
_PRINTED = {**_INVISIBLE, **_SPACE_LIKE, **_LIGATURES, **_CONTROLS}
_HYPHEN_LOWER = re.compile(r"(\w)-[ \t]*\n[ \t]*(?=[a-z])")  # "Refor-\nmasi" -> "Reformasi"
_HYPHEN_OTHER = re.compile(r"(\w)-[ \t]*\n[ \t]*(?=\w)")  # "PermenPAN-\nRB" -> "PermenPAN-RB"
_SPACES = re.compile(r"\s+")
# A run of digits and letters OCR confuses with them; mended only when it holds a digit.
_DIGITISH = re.compile(r"[0-9OoIl|SB]{2,}")
_MEND = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8"})
_CITATION_WINDOW = 240  # characters after a kind of regulation where its number and year are


def as_printed(text: str) -> str:
    """The text as a reader of the printed page reads it: line ends as \\n, a word
    hyphenated at a line end joined ("Ta-/hun" is "Tahun"; "PermenPAN-/RB" keeps its
    hyphen, and so does a doubled word, "masing-/masing"), ligatures as their letters,
    non-breaking spaces as spaces, no zero-width or control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ANY_HYPHEN.search(text):
        text = _LINE_END_HYPHEN.sub(_join, text)
    return text.translate(_PRINTED).strip()


def _join(match: re.Match[str]) -> str:
    before, mark, after = match.group(1), match.group(2), match.group(3)
    if mark == "\u00ad":
        return before  # a soft hyphen is printed only where the word goes on
    doubled = bool(before) and before.casefold() == after.casefold()
    return before if after[:1].islower() and not doubled else before + "-"


def prepare(text: str, ocr: bool = False) -> str:
    """The text joined, collapsed and (for OCR) mended, as the checks search it."""
    text = unicodedata.normalize("NFKC", as_printed(text))
    text = _HYPHEN_LOWER.sub(r"\1", text)
    text = _HYPHEN_OTHER.sub(r"\1-", text)
    if ocr:
        text = _DIGITISH.sub(_mend, text)
    return _SPACES.sub(" ", text).strip()


def _mend(match: re.Match[str]) -> str:
    run = match.group(0)
    return run.translate(_MEND) if any(ch.isdigit() for ch in run) else run


def citations_in(text: str) -> set[tuple[str, str, int]]:
    """Every complete citation (kind, number, year) in a prepared text.

    Each kind of regulation named in the text starts a citation that runs to the next
    kind (or a bounded window), and is read by the same parser as the manifest's.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text  # a letter whose lower case is longer: search as written
    flat = _PUNCTUATION.sub(" ", lowered)
    starts = [match.start() for match in _KIND.finditer(flat)]
    found: set[tuple[str, str, int]] = set()
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        key = parse_citation(text[start : min(end, start + _CITATION_WINDOW)]).key()
        if key is not None:
            found.add(key)
    return found


def _words(text: str) -> str:
    return " " + " ".join(_PUNCTUATION.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split()) + " "


@dataclass(frozen=True)
class Searchable:
    """A prepared text with the forms the searches need, computed once."""

    text: str
    words: str  # casefolded, punctuation as spaces, single-spaced, padded with spaces
    digits: str  # every run of digits, spaces and NIP separators collapsed to digits

    @classmethod
    def of(cls, text: str) -> Searchable:
        return cls(text, _words(text), re.sub(r"(?<=\d)[ .\-](?=\d)", "", text))

    @functools.cached_property
    def citations(self) -> frozenset[tuple[str, str, int]]:
        """Every complete citation in the text (``citations_in``), found once."""
        return frozenset(citations_in(self.text))


def shows_person(doc: Searchable, nama: str | None, nip: object) -> bool:
    """The text names the person: their name without titles, or their NIP."""
    number = normalize_nip(nip)
    if number is not None and number in doc.digits:
        return True
    if not isinstance(nama, str):
        return False
    name = normalize_name(nama)
    return bool(name) and f" {name} " in doc.words


def shows_number(doc: Searchable, nomor: str) -> bool:
    """The text shows a document number, however it is spaced (``188.45 / 07 / ...``)."""
    wanted = re.sub(r"\s+", "", nomor).casefold()
    if not wanted:
        return False
    compact = re.sub(r"\s*([/.\-])\s*", r"\1", doc.text).casefold()
    return wanted in compact


# ------------------------------------------------------------------ periods and offices

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "pertama": 1, "kedua": 2}
_ROMAN.update({"ketiga": 3, "keempat": 4, "satu": 1, "dua": 2, "tiga": 3, "empat": 4})
_PERIOD = re.compile(
    r"\b(triwulan|semester)\s+(iv|iii|ii|i|[1-4]|pertama|kedua|ketiga|keempat|satu|dua|tiga|empat)\b"
    r"(?:\s*(?:tahun\s+(?:anggaran\s+)?|ta\.?\s*)?(\d{4}))?",
    re.IGNORECASE,
)
_BUDGET_YEAR = re.compile(r"\btahun\s+anggaran\s+(\d{4})\b", re.IGNORECASE)
_OFFICE = re.compile(r"\bKecamatan\s+([A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+)?)")


@dataclass(frozen=True)
class Mention:
    text: str  # as the document writes it
    jenis: str | None  # triwulan | semester | None (a year alone)
    ke: int | None
    tahun: int | None


def periods_named(text: str) -> list[Mention]:
    found = []
    for match in _PERIOD.finditer(text):
        year = int(match.group(3)) if match.group(3) else None
        found.append(Mention(match.group(0), match.group(1).lower(), _ROMAN[match.group(2).lower()], year))
    for match in _BUDGET_YEAR.finditer(text):
        found.append(Mention(match.group(0), None, None, int(match.group(1))))
    return found


def offices_named(text: str) -> list[str]:
    """The names after "Kecamatan" in the text (capitalised: "Kecamatan Karangploso")."""
    names = []
    for match in _OFFICE.finditer(text):
        name = match.group(1)
        if name.split()[0].lower() not in _NOT_NAMES:
            names.append(name)
    return names


# Capitalised words that follow "Kecamatan" without naming one ("Kantor Kecamatan Yang ...").
_NOT_NAMES = {"yang", "dan", "di", "se", "dalam", "tersebut", "ini", "itu", "nomor", "tahun", "kabupaten", "kota"}


def same_office(name: str, instansi: str) -> bool:
    """Whether a kecamatan's name is the dossier's office (its words appear in ``instansi``)."""
    return _words(name.split()[0]) in _words(instansi)
