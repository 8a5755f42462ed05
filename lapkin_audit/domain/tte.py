"""What electronic signatures mean for a declaration: the visible marks of a TTE, who a
certificate names, and whether a signing time agrees with a declared ``tanggal``."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from lapkin_audit.domain.people import normalize_nip, same_person
from lapkin_audit.model import Mark

# The footer TTE-signed documents carry ("Dokumen ini telah ditandatangani secara
# elektronik menggunakan sertifikat elektronik yang diterbitkan oleh BSrE"), compared on
# letters alone (after Unicode compatibility folding: a ligature "ﬁ" is "fi"), so that any
# spacing, line break or hyphenation still matches. The issuer's names are data: the
# certified providers of the rules (``psre`` files; BSrE's names among them).
_NOT_LETTERS = re.compile(r"[^a-z]+")
_FOOTER = "ditandatanganisecaraelektronik"
_FOOTER_REACH = 400  # letters after the phrase within which the issuer is named
# What a verification QR code of a TTE says (never fetched): a link to a verifier.
_QR_HINTS = ("bsre", "tte", "verif", "ttd", "sign", "srikandi")


def letters(text: str) -> str:
    """``text`` as the footer check compares it: lowercase letters a-z only."""
    return _NOT_LETTERS.sub("", unicodedata.normalize("NFKC", text).lower())


def has_tte_footer(text: str, issuers: Iterable[str]) -> bool:
    """Whether ``text`` carries the TTE footer naming one of ``issuers`` (names as printed)."""
    names = [name for name in map(letters, issuers) if name]
    squeezed = letters(text)
    start = squeezed.find(_FOOTER)
    while start != -1:
        window = squeezed[start : start + len(_FOOTER) + _FOOTER_REACH]
        if any(name in window for name in names):
            return True
        start = squeezed.find(_FOOTER, start + len(_FOOTER))
    return False


def is_tte_qr(content: str) -> bool:
    """A QR code's content that points to a signature verifier."""
    lowered = content.lower()
    return any(hint in lowered for hint in _QR_HINTS)


def signed_by(signer: str | None, ids: tuple[str, ...], nama: str | None, nip: object) -> bool:
    """Whether a certificate (its common name and the NIP or NIK numbers in its subject)
    names the person declared: a NIP decides when both carry one, else the names without
    titles (``people.same_person``)."""
    certificate_nip = next((i for i in ids if len(i) == 18), None)
    if certificate_nip is not None and normalize_nip(nip) is not None:
        return normalize_nip(certificate_nip) == normalize_nip(nip)
    return same_person(signer, None, nama, None)


def within_tolerance(
    declared: dt.date | dt.datetime, signed_at: dt.datetime, zone: ZoneInfo, minutes: int, days: int
) -> bool:
    """A declared datetime within ``minutes`` of the signing time; a declared date within
    ``days`` of the signing time's date in the office's zone (0: the same day)."""
    if isinstance(declared, dt.datetime):
        return abs(declared - signed_at) <= dt.timedelta(minutes=minutes)
    local = signed_at.astimezone(zone).date()
    return abs((local - declared).days) <= days


@dataclass(frozen=True)
class Pairing:
    """A document's declared marks against the signatures in its file."""

    proven: dict[str, Any]  # mark field -> the signature by that person
    wrong: list[tuple[Mark, Any]]  # a mark that must be TTE, against another person's signature
    missing: list[Mark]  # a mark that must be TTE, with no signature left for it
    extra: list[Any]  # signatures no mark declares


def pair(marks: Sequence[Mark], signatures: Sequence[Any], all_tte: bool) -> Pairing:
    """Each declared paraf and tanda tangan matched to a signature by its signer (any mark:
    a signature may prove a mark whose metode is not stated); then what must be TTE (its
    metode, or ``all_tte``: its document kind's) and has no signature of its own stands
    against the signatures left, in file order."""
    proven: dict[str, Any] = {}
    used: set[int] = set()
    for mark in marks:
        for j, signature in enumerate(signatures):
            if j not in used and signed_by(signature.signer, signature.ids, mark.person.nama, mark.person.nip):
                proven[mark.field] = signature
                used.add(j)
                break
    pending = [m for m in marks if m.field not in proven and (m.metode == "tte" or all_tte)]
    unclaimed = [s for j, s in enumerate(signatures) if j not in used]
    wrong = list(zip(pending, unclaimed, strict=False))
    return Pairing(proven, wrong, pending[len(wrong) :], unclaimed[len(wrong) :])
