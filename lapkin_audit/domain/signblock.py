"""What a document's signature blocks say: whose office, signed by whom, on whose behalf.

Tata naskah dinas (Permendagri 1/2023) prints a signature block as the office, room for
the signature, the name, the rank and the NIP::

    a.n. CAMAT KARANGPLOSO          Plt. CAMAT KARANGPLOSO,         CAMAT KARANGPLOSO,
    Sekretaris Kecamatan,
                                    (signature)                      (signature)
    Sri Wahyuni, S.Sos              Siti Aminah, S.Sos               Drs. Bambang Sutrisno, M.Si
    Penata Tingkat I                Penata Tingkat I                 Pembina Tingkat I
    NIP. 19810101 200601 2 001      NIP. 19790825 200501 2 011       NIP. 19700312 199003 1 004

"a.n." (atas nama) signs for the office named after it, "u.b." (untuk beliau) for the one
who signs a.n.; "Plt." (pelaksana tugas, a vacant post) and "Plh." (pelaksana harian, an
absence) act in it. A paraf is often a line of its own ("Paraf koordinasi: Sekretaris
Kecamatan, Siti Aminah, S.Sos" and the NIP below).

Blocks are read line by line from a page's text. Only a line that is an office of the
SOP's roles and nothing else (a few words of the office's place at most, a comma) opens
one, and only a name followed by a NIP, or an office line that ends with a comma, or a
signature on behalf, makes it a block: the decree's heading "KEPUTUSAN CAMAT KARANGPLOSO"
and a sentence naming the Camat are not blocks. What is not recognised is no block, and
no block says nothing against anyone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lapkin_audit.domain.people import normalize_name, normalize_nip

__all__ = ["SignBlock", "blocks"]

TANDA_TANGAN, PARAF = "tanda_tangan", "paraf"


@dataclass(frozen=True)
class SignBlock:
    kind: str  # TANDA_TANGAN, or PARAF for a paraf line
    role: str  # the SOP role whose office the block names
    office: str  # the office line as printed ("CAMAT KARANGPLOSO")
    on_behalf: str | None  # "a.n." or "u.b.": signed for the office, not by its holder
    acting: str | None  # "plt" or "plh": signed by someone acting in the office
    nama: str | None  # the name under it, as printed
    nip: str | None  # its NIP (18 digits), when printed
    signer_office: str | None  # for "a.n.": the office of who signs for it, as printed
    page: int  # the page it is on (1-based; 0 for a DOCX body)


_AN = r"(?:a\s*\.\s*n\s*\.?|a\s*/\s*n\.?|an\.|atas\s+nama)"
_UB = r"(?:u\s*\.\s*b\s*\.?|u\s*/\s*b\.?|ub\.|untuk\s+beliau)"
_ACTING = r"(?:plt|plh)\s*\.?|pelaksana\s+(?:tugas|harian)"
# A prefix ends at its dot or before a space: "Plt.CAMAT" and "Plt CAMAT", never "Pltx".
_PREFIX = re.compile(rf"^\s*(?:(?P<an>{_AN})|(?P<ub>{_UB})|(?P<acting>{_ACTING}))(?:(?<=\.)|(?=\s|$))\s*", re.I)
_PARAF_LABEL = re.compile(r"^\s*paraf(?:\s+(?:koordinasi|hierarki|hirarki|pejabat))?\s*[:.\-]?\s*", re.IGNORECASE)
_NIP_LINE = re.compile(r"^\s*(?:nip|ni\s*pppk)\b", re.IGNORECASE)
_RANK = re.compile(r"^\s*(?:juru|pengatur|penata|pembina)\b", re.IGNORECASE)
# What stands where the signature goes, in copies that print it ("ttd", "dto", "$").
_SIGNATURE_MARK = re.compile(
    r"^\s*\(?\s*(?:ttd|t\.t\.d|dto|cap(?:\s+dan\s+tanda\s+tangan)?|tanda\s+tangan|\$)\W*$", re.I
)
# Words of an office, never of a person's name: a line holding one is not the name.
_OFFICE_WORDS = {
    "camat", "kecamatan", "kabupaten", "kota", "sekretaris", "kepala", "bagian", "subbagian",
    "sub", "seksi", "bidang", "lurah", "kelurahan", "bupati", "walikota", "wali", "pemerintah",
    "dinas", "badan", "kantor", "sekretariat", "kasubag", "kasubbag", "kasi", "sekcam",
}  # fmt: skip
_MAX_PLACE_WORDS = 4  # "CAMAT KARANGPLOSO KABUPATEN MALANG": the office's place after it
_WINDOW = 10  # lines after the office line where its name and NIP are looked for
_WORD = re.compile(r"[^\W\d_]+")


def blocks(pages: Iterable[tuple[int, str]], roles: Mapping[str, str]) -> list[SignBlock]:
    """Every signature block and paraf line in the pages' text, in reading order.

    ``pages`` are (page number, text); ``roles`` the SOP's role ids and names ("camat":
    "Camat"), whose names are how the offices are printed.
    """
    names = sorted(((_words(name), role) for role, name in roles.items() if _words(name)), key=lambda x: -len(x[0]))
    found = []
    for page, text in pages:
        lines = [_clean(line) for line in text.splitlines()]
        index = 0
        while index < len(lines):
            block, used = _block_at(lines, index, names, page)
            if block is not None:
                found.append(block)
            index += used  # the lines of a block open no other ("Sekretaris Kecamatan," after "a.n.")
    return found


def _block_at(
    lines: list[str], index: int, roles: list[tuple[list[str], str]], page: int
) -> tuple[SignBlock | None, int]:
    """The block that opens at ``lines[index]``, if any, and how many lines it spans (1: none)."""
    start = index
    line = lines[index]
    kind = TANDA_TANGAN
    label = _PARAF_LABEL.match(line)
    if label is not None and line[label.end() :].strip():
        kind, line = PARAF, line[label.end() :]
    on_behalf, acting, rest = _prefixes(line)
    if not rest and (on_behalf or acting) and index + 1 < len(lines):
        rest = lines[index + 1]  # "a.n." alone on its line, the office on the next
        index += 1
    office = _office(rest, roles)
    if office is None:
        return None, 1
    role, office_text, tail = office
    if tail and kind != PARAF:
        return None, 1  # "Camat Karangploso, selaku Pengarah": a sentence, not an office line
    after = lines[index + 1 : index + 1 + _WINDOW]
    if tail:  # a paraf line carries the name after the office: "Sekretaris Kecamatan, Siti Aminah"
        after = [tail, *after]
    nama, nip, signer_office, ub, used = _under(after, on_behalf is not None)
    if ub:
        on_behalf = "u.b."
    closed = office_text.rstrip().endswith(",") or bool(tail)
    if nama is None or (nip is None and not closed and on_behalf is None):
        return None, 1  # no name, or a bare office line before a name-like line: not shown to be a block
    used -= bool(tail)
    block = SignBlock(kind, role, office_text.rstrip(" ,"), on_behalf, acting, nama, nip, signer_office, page)
    return block, index - start + 1 + used


def _prefixes(line: str) -> tuple[str | None, str | None, str]:
    on_behalf = acting = None
    rest = line
    while True:
        match = _PREFIX.match(rest)
        if match is None or match.end() == 0:
            return on_behalf, acting, rest.strip()
        if match.group("an"):
            on_behalf = on_behalf or "a.n."
        elif match.group("ub"):
            on_behalf = "u.b."
        else:
            acting = "plh" if re.match(r"\s*(?:plh|pelaksana\s+harian)", match.group("acting"), re.I) else "plt"
        rest = rest[match.end() :]


def _office(text: str, roles: list[tuple[list[str], str]]) -> tuple[str, str, str] | None:
    """(role, the office as printed, what follows it on a paraf line) when ``text`` is an
    office line of a role: the role's name, then at most a few words of its place."""
    words = _words(text)
    for name, role in roles:
        if words[: len(name)] != name:
            continue
        head, comma, tail = text.partition(",")
        place = _words(head)[len(name) :]
        if len(place) > _MAX_PLACE_WORDS or re.search(r"[\d:;]", head):
            return None  # a sentence or a title that starts with the office, not a block
        return role, head + comma, tail.strip()
    return None


def _under(lines: list[str], on_behalf: bool) -> tuple[str | None, str | None, str | None, bool, int]:
    """Below an office line: the name, its NIP, the signer's own office (of an "a.n."),
    whether "u.b." came, and how many of ``lines`` the block takes."""
    nama = nip = signer_office = None
    ub = False
    used = 0
    for line in lines:
        if not line.strip() or _SIGNATURE_MARK.match(line):
            used += 1
            continue
        if _NIP_LINE.match(line):
            if nama is not None:
                nip = normalize_nip(line)
                used += 1
            break
        if nama is not None:
            if _RANK.match(line):
                used += 1
                continue
            break  # the line after the name is neither rank nor NIP: the block ends here
        prefix_ub, _, rest = _prefixes(line)
        if prefix_ub == "u.b.":
            ub, line = True, rest
            if not line:
                used += 1
                continue
        if _is_office(line):
            if on_behalf or ub:
                signer_office = line.rstrip(" ,")  # "Sekretaris Kecamatan," of "a.n. CAMAT"
            used += 1
            continue
        if _RANK.match(line) or not _is_name(line):
            return None, None, None, False, 0
        nama = line.strip(" ()")
        used += 1
    return nama, nip, signer_office, ub, used


def _is_office(line: str) -> bool:
    return line.rstrip().endswith(",") or bool(set(_words(line)) & _OFFICE_WORDS)


def _is_name(line: str) -> bool:
    """A person's name as blocks print it: a few words, each of the name capitalised
    (titles aside: "dr. Siti Aminah"), no digits, no sentence."""
    text = line.strip(" ()")
    if not text or len(text) > 80 or re.search(r"[\d:;]", text) or len(text.split()) > 8:
        return False
    name = normalize_name(text).split()
    capitalised: set[str] = set()
    for token in text.replace(",", " ").split():
        if token[:1].isupper():
            bare = re.sub(r"['`\u2019]", "", token.casefold())  # "Nur'aini" is "nuraini"
            capitalised.update({re.sub(r"[\W_]", "", bare), *_WORD.findall(bare)})
    return bool(name) and all(word in capitalised for word in name)


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(unicodedata.normalize("NFKC", text))]


def _clean(line: str) -> str:
    """A line as printed: compatibility forms folded, invisible marks gone, spaces single."""
    text = unicodedata.normalize("NFKC", line)
    text = "".join(" " if ch in "\u00a0\u2007\u202f\t" else ch for ch in text if ch not in "\u00ad\u200b\ufeff\ufffe")
    return " ".join(text.split())
