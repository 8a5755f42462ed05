"""People in a dossier: NIPs, NI PPPKs and names, and whether two mentions are one person.

Every rule that compares people (P003, P005, P006, T002, T005, T006) goes through
this module, so "the same person" means the same thing everywhere.

A NIP (Perka BKN 22/2007) is 18 digits, ``YYYYMMDD YYYYMM G NNN``: birth date, TMT CPNS
(year and month of appointment), sex (1 male, 2 female) and a serial number from 001. A
PPPK (ASN on contract) carries an 18-digit NI PPPK of the same shape, except that digits
13-14 are a PPPK code (``21`` and up), never a month: an opaque code, not a count of
contracts. The NIP also says when its holder was in service (``service``): from the TMT
to retirement at the age (BUP) of their office.
Names are compared without academic and religious titles, because the same official
is written ``SUROTO, SH, MM``, ``Suroto, S.H., M.M.`` or just ``Suroto``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

__all__ = [
    "PNS",
    "PPPK",
    "NipInfo",
    "People",
    "format_nip",
    "nip_kind",
    "nip_problem",
    "normalize_name",
    "normalize_nip",
    "out_of_service",
    "parse_nip",
    "retirement",
    "same_person",
]

# --- NIP -------------------------------------------------------------------------------

# What people write around and inside the 18 digits: a label ("NIP.", "NIP:", "NI PPPK"),
# then groups separated by spaces, dots or hyphens ("19720815.199303.1.007").
_LABEL = re.compile(r"^\s*(?:ni\s*pppk|nip)\s*[.:]?\s*", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s.\-]+")
# ASCII digits only: str.isdigit() would also accept e.g. "١٢٣" or superscripts.
_NIP = re.compile(r"[0-9]{18}")
_MIN_YEAR = 1900
_MIN_AGE = 18  # PP 11/2017 Pasal 23: a CPNS applicant is at least 18
_PPPK_MIN_AGE = 20  # PP 49/2018 Pasal 16 huruf a: a PPPK applicant is at least 20
# PPPK exist since PP 49/2018 (28 November 2018): no contract can start before it.
_PPPK_FIRST_YEAR = 2018
_PPPK_CODE = 21  # digits 13-14 from here on are the PPPK code (a month is 01-12)

PNS = "nip"  # Nomor Induk Pegawai of a PNS: digits 13-14 are the TMT month, 01-12
PPPK = "ni_pppk"  # Nomor Induk PPPK: digits 13-14 are the PPPK code, 21 and up


@dataclass(frozen=True)
class NipInfo:
    """What a valid NIP or NI PPPK says about its holder."""

    nip: str
    kind: str  # PNS or PPPK
    birth_date: date
    tmt_year: int  # year of appointment (TMT CPNS, or the first PPPK contract)
    tmt_month: int | None  # None for a PPPK: the number holds no month
    sex: str  # "L" (laki-laki) or "P" (perempuan), as on Indonesian forms
    pppk_code: str | None = None  # digits 13-14 of an NI PPPK, as written: a code, never a count

    @property
    def tmt(self) -> date:
        """The first day the holder can have been in service: TMT CPNS is the 1st of its
        month; an NI PPPK holds only the year, so its first day is the earliest possible."""
        return date(self.tmt_year, self.tmt_month or 1, 1)


def normalize_nip(value: object) -> str | None:
    """The number as 18 digits, or None if it is not 18 digits.

    Spaces, dots and hyphens between the groups and a leading "NIP." label are how
    people write one number, not different numbers. YAML reads an unquoted 18-digit
    NIP as an int, so ints are accepted; bool (an int subclass), float and everything
    else are not.

    >>> normalize_nip("19610219 198103 1 007")
    '196102191981031007'
    >>> normalize_nip("NIP. 19720815.199303.1.007")
    '197208151993031007'
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, str):
        text = _SEPARATORS.sub("", _LABEL.sub("", value, count=1))
    else:
        return None
    return text if _NIP.fullmatch(text) else None


def nip_kind(nip: str) -> str:
    """PNS or PPPK, read from digits 13-14 of a normalized number.

    A month is 01-12, so digits 13-14 of a PNS number read at most 12; from 21 they are
    the PPPK code. Anything between (13-20) is read as a (broken) PNS number.
    """
    return PPPK if int(nip[12:14]) >= _PPPK_CODE else PNS


def _birth_date(nip: str) -> date | None:
    try:
        return date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:  # 31 February, month 13, day 00, ...
        return None


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # born 29 February: the birthday of a common year is 1 March
        return date(born.year + years, 3, 1)


def nip_problem(value: object) -> str | None:
    """None for a valid NIP or NI PPPK, else the first problem found, as a stable id.

    In order: ``format`` (not 18 digits), ``birth_date`` (not a real date, before 1900,
    or after the appointment), ``tmt_month`` (digits 13-14 are neither a month 01-12 nor
    a PPPK code, 21 and up, or the year is before 1900), ``pppk_year`` (a PPPK contract
    before PPPK existed, 2018), ``tmt_age`` (a PNS appointed before the 18th birthday: TMT
    CPNS is always the 1st of its month), ``pppk_age`` (a PPPK under 20 all through the
    year of appointment: the number holds no month, so only a certain case counts),
    ``sex`` (digit 15 not 1 or 2), ``serial`` (``000``: serials start at 001).

    >>> nip_problem("19610219 198103 1 007") is None
    True
    >>> nip_problem("19610231 198103 1 007")
    'birth_date'
    >>> nip_problem("19950314 202321 2 001") is None  # a PPPK, first contract in 2023
    True
    """
    nip = normalize_nip(value)
    return "format" if nip is None else _content_problem(nip)


def _content_problem(nip: str) -> str | None:
    born = _birth_date(nip)
    year = int(nip[8:12])
    if nip_kind(nip) == PPPK:
        if born is None or born.year < _MIN_YEAR or born.year > year:
            return "birth_date"
        if year < _PPPK_FIRST_YEAR:
            return "pppk_year"
        if year - born.year < _PPPK_MIN_AGE:  # under 20 even on 31 December of that year
            return "pppk_age"
    else:
        month = int(nip[12:14])
        plausible = year >= _MIN_YEAR and 1 <= month <= 12
        if born is None or born.year < _MIN_YEAR:
            return "birth_date"
        # "Born after appointed" only makes sense against a TMT that is itself valid;
        # otherwise the TMT is the part to report.
        if plausible and (born.year, born.month) > (year, month):
            return "birth_date"
        if not plausible:
            return "tmt_month"
        if date(year, month, 1) < _birthday(born, _MIN_AGE):
            return "tmt_age"
    if nip[14] not in "12":
        return "sex"
    if nip[15:] == "000":
        return "serial"
    return None


def parse_nip(value: object) -> NipInfo | None:
    """The fields of a valid number; None when ``nip_problem`` finds any problem."""
    nip = normalize_nip(value)
    if nip is None or _content_problem(nip) is not None:
        return None
    pppk = nip_kind(nip) == PPPK
    return NipInfo(
        nip=nip,
        kind=PPPK if pppk else PNS,
        birth_date=date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8])),
        tmt_year=int(nip[8:12]),
        tmt_month=None if pppk else int(nip[12:14]),
        sex="L" if nip[14] == "1" else "P",
        pppk_code=nip[12:14] if pppk else None,
    )


def retirement(born: date, age: int) -> date:
    """The first day out of service for age: the first day of the month after the one in
    which the holder reaches ``age`` (UU 5/2014 Pasal 90, PP 11/2017 Pasal 239)."""
    reached = _birthday(born, age)
    return date(reached.year + reached.month // 12, reached.month % 12 + 1, 1)


def out_of_service(info: NipInfo, on: date, retirement_age: int | None) -> str | None:
    """Why the holder cannot act on ``on``: ``before_tmt``, ``retired``, or None.

    ``retirement_age`` is the BUP of the office they act in (rules data); None: not known,
    and only the TMT is checked.
    """
    if on < info.tmt:
        return "before_tmt"
    if retirement_age is not None and on >= retirement(info.birth_date, retirement_age):
        return "retired"
    return None


def format_nip(nip: str) -> str:
    """A normalized number in its printed groups: ``19610219 198103 1 007``."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


# --- Names -----------------------------------------------------------------------------

# Titles written before the name. Matched only as a whole token, or glued to the name
# by a dot ("Drs.Bambang"), so "Hartono" keeps its "H" and "Irawan" its "Ir".
_FRONT = r"prof|drs|dra|drg|dr|ir|hj|h|kh|k\.h"
_FRONT_TOKEN = re.compile(rf"(?:{_FRONT})\.?")
_FRONT_GLUED = re.compile(rf"(?:{_FRONT})\.(?=[^\W\d_])")

# Degree titles written after the name: a degree level (S = sarjana, M = magister,
# B = bachelor) and a field code, then optional qualifiers: S.H., M.Si, S.Pd.I,
# M.Ec.Dev, S.Kom.I. The field codes are listed (not "any 1-4 letters") so that an
# abbreviated first name such as "M.Ali" or "M.Nur" is not mistaken for a degree.
_FIELD = (
    r"a|ab|adm|ag|ak|ap|ars|ds|e|ec|eng|farm|fil|gz|h|hi|hum|hut|ikom|ip|kel|keb|"
    r"ked|kep|kes|kesos|kg|km|kn|kom|li|m|mat|p|pd|pi|pol|psi|pt|pwk|sc|si|sn|sos|"
    r"stat|stp|sy|t|th|tp|tr"
)
_QUALIFIER = r"(?:\.[^\W\d_]{1,5})*"
_BACK_DOTTED = re.compile(
    rf"(?:[smb]\.(?:{_FIELD}|i){_QUALIFIER}"  # S.H., M.Si, S.Pd.I, M.Ec.Dev, S.I.Kom
    rf"|a\.?m[ad]{_QUALIFIER}"  # A.Md, A.Md.Kom, Amd, A.Ma.Pd (ahli madya / muda)
    r"|sp\.[^\W\d_]{1,5}"  # Sp.PD, Sp.A: medical specialists
    r"|ph\.d|m\.b\.a)\.?"
)
# The same degrees written without dots: SH, MM, MSi, SSos, SKom, SE, ST, SIP ...
_BACK_COMPACT = re.compile(rf"(?:[sm](?:{_FIELD})i?|amd(?:kom)?|lc|mba|mpa|phd|skm|apt|ns|msc|bsc|ma|ba)")
# Behind a comma anything dotted is a title too (S.Tr.Kes, M.T.I., S.I.Kom), because
# Indonesian names put only titles there.
_ANY_DOTTED = re.compile(r"(?:[^\W\d_]{1,4}\.)+[^\W\d_]{0,5}")

_APOSTROPHES = re.compile(r"['`\u2018\u2019]")  # "Nur'aini" is "Nuraini"
_NON_WORD = re.compile(r"[\W_]+")


def _is_front_title(token: str) -> bool:
    return _FRONT_TOKEN.fullmatch(token) is not None


def _is_back_title(token: str) -> bool:
    return _BACK_DOTTED.fullmatch(token) is not None or _BACK_COMPACT.fullmatch(token.rstrip(".")) is not None


def _head_words(head: str) -> list[str]:
    """The part before the first comma: front titles, the name, maybe back titles."""
    tokens = head.split()
    while tokens:  # front titles, including ones glued on: "Dr.Ir.H.Hartono"
        glued = _FRONT_GLUED.match(tokens[0])
        if glued:
            tokens[0] = tokens[0][glued.end() :]
        elif _is_front_title(tokens[0]):
            del tokens[0]
        else:
            break
    if tokens and all(_is_back_title(t) for t in tokens):
        return []  # only titles ("S.H.") - there is no name to compare
    # Back titles without a comma ("Budi Santoso ST MT"), only from the end so that
    # a title-like word inside the name stays, and never the last word left.
    while len(tokens) > 1 and _is_back_title(tokens[-1]):
        tokens.pop()
    return tokens


@lru_cache(maxsize=4096)
def normalize_name(name: str) -> str:
    """The name without titles and punctuation, lowercase, single-spaced.

    >>> normalize_name("Drs. Bambang Sutrisno, M.Si")
    'bambang sutrisno'
    >>> normalize_name("SUROTO, SH, MM")
    'suroto'
    """
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", name).casefold())
    head, *tails = text.split(",")
    words = _head_words(head)
    for tail in tails:
        words += [t for t in tail.split() if not (_is_back_title(t) or _ANY_DOTTED.fullmatch(t) or _is_front_title(t))]
    return " ".join(_NON_WORD.sub(" ", " ".join(words)).split())


def same_person(name_a: str | None, nip_a: object, name_b: str | None, nip_b: object) -> bool:
    """Whether two mentions are one person.

    When both carry a NIP, the NIP decides and the names are ignored (a NIP is unique;
    a name may be written many ways, and two people may share one). Otherwise the
    names are compared without titles; an empty or missing name matches nothing.
    """
    a, b = normalize_nip(nip_a), normalize_nip(nip_b)
    if a is not None and b is not None:
        return a == b
    left = normalize_name(name_a) if isinstance(name_a, str) else ""
    right = normalize_name(name_b) if isinstance(name_b, str) else ""
    return left != "" and left == right


class People:
    """A set of people to test mentions against in constant time, by ``same_person``'s rule.

    Comparing every executor with every member (T005), or every paraf with every
    signature (P006), is quadratic; with YAML aliases a 40 KB manifest made millions of
    comparisons. Here each person is normalised once and looked up by NIP or by name.
    """

    def __init__(self, people: Iterable[tuple[str | None, object]]) -> None:
        self._nips: set[str] = set()
        self._names: set[str] = set()  # of everyone
        self._names_without_nip: set[str] = set()  # of those a NIP cannot decide for
        for name, nip in people:
            number = normalize_nip(nip)
            normalized = normalize_name(name) if isinstance(name, str) else ""
            if number is not None:
                self._nips.add(number)
            if normalized:
                self._names.add(normalized)
                if number is None:
                    self._names_without_nip.add(normalized)

    def has(self, name: str | None, nip: object) -> bool:
        """``any(same_person(name, nip, n, p) for n, p in people)``, without the loop."""
        number = normalize_nip(nip)
        normalized = normalize_name(name) if isinstance(name, str) else ""
        if number is not None:
            return number in self._nips or (normalized != "" and normalized in self._names_without_nip)
        return normalized != "" and normalized in self._names
