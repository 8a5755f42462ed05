"""Indicator names compared as text, never by their row in a table.

Two names are the same indicator when they are equal once normalised: Unicode NFKC, case
folded, punctuation dropped (a hyphen inside a word joins it: "ber-KTP" is "berKTP"),
spacing collapsed, and abbreviations written out ("Jml." is "Jumlah", a leading "%" is
"Persentase"). Nothing looser decides a match: a similar name is only ever offered as
"maksud Anda ...?" (rapidfuzz), because two indicators of one IKU often differ by a word
("Persentase desa ..." and "Persentase kelurahan ...").
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

# Abbreviation -> the word it stands for (content.md: a default list; an office's rules add more).
DEFAULT_ABBREVIATIONS: Mapping[str, str] = {
    "%": "persentase",
    "prosentase": "persentase",  # a spelling as common as the right one
    "jml": "jumlah",
    "kec": "kecamatan",
    "ds": "desa",
    "idx": "indeks",
    "kel": "kelurahan",
    "thn": "tahun",
    "th": "tahun",
    "yg": "yang",
    "dg": "dengan",
    "dgn": "dengan",
}
MIN_SUGGESTION_SCORE = 60.0  # rapidfuzz token_sort_ratio (0-100) below which nothing is suggested


def normalize(name: str, abbreviations: Mapping[str, str] = DEFAULT_ABBREVIATIONS) -> str:
    """The form two names are compared in."""
    if abbreviations is DEFAULT_ABBREVIATIONS:
        return _normalized_default(name)
    return _normalize(name, abbreviations)


@functools.lru_cache(maxsize=4096)
def _normalized_default(name: str) -> str:
    return _normalize(name, DEFAULT_ABBREVIATIONS)


def _normalize(name: str, abbreviations: Mapping[str, str]) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    words: list[str] = []
    for raw in text.split():
        word = "".join(c for c in raw.replace("-", "") if c.isalnum() or c == "%")
        if not word:
            continue
        if "%" in word:
            # "%" in front is the word "Persentase"; a unit after the name ("(%)") is not part of it.
            if words or word != "%":
                word = word.replace("%", "")
                if not word:
                    continue
        key = raw.strip("().,;:").casefold().rstrip(".")
        full = abbreviations.get(key) or abbreviations.get(word)
        words.extend((full or word).split())
    return " ".join(words)


def merged(extra: Mapping[str, str] | None) -> Mapping[str, str]:
    """The default abbreviations with an office's own (its entries win)."""
    if not extra:
        return DEFAULT_ABBREVIATIONS
    return {**DEFAULT_ABBREVIATIONS, **{k.casefold().rstrip("."): v.casefold() for k, v in extra.items()}}


def index_by_name(names: Iterable[str], abbreviations: Mapping[str, str] = DEFAULT_ABBREVIATIONS) -> dict[str, int]:
    """Normalised name -> position of its first occurrence."""
    found: dict[str, int] = {}
    for position, name in enumerate(names):
        found.setdefault(normalize(name, abbreviations), position)
    return found


def find(name: str, names: Sequence[str], abbreviations: Mapping[str, str] = DEFAULT_ABBREVIATIONS) -> int | None:
    """The position of the name in ``names`` that is the same indicator, or None."""
    return index_by_name(names, abbreviations).get(normalize(name, abbreviations))


def suggest(name: str, names: Sequence[str], abbreviations: Mapping[str, str] = DEFAULT_ABBREVIATIONS) -> str | None:
    """The most similar of ``names`` (as written there), for "maksud Anda ...?"; never a match."""
    if not names:
        return None
    from rapidfuzz import fuzz, process

    choices = [normalize(candidate, abbreviations) for candidate in names]
    best = process.extractOne(
        normalize(name, abbreviations), choices, scorer=fuzz.token_sort_ratio, score_cutoff=MIN_SUGGESTION_SCORE
    )
    return None if best is None else names[best[2]]
