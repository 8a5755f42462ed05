"""Trust for electronic signatures (TTE): a ``tte`` rules file -> ``TteTrust``; and the
certified providers whose names a visible TTE mark may give: a ``psre`` file -> ``TteProvider``s.

Trust roots are certificate files in the rules folder, each pinned by the SHA-256 of the
certificate (DER), so that a root cannot be swapped without the pin: a file that does not
match its pin is a broken rules folder (exit status 2). None is trusted by default, and
the operating system's store never is. Revocation lists are files beside them (not
pinned: a list is signed by its CA, and replaced as the CA publishes). The tolerance
between a declared ``tanggal`` and a signing time is data too. Format: docs/tte.md.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lapkin_audit.errors import RulesError
from lapkin_audit.load.safefile import read_regular
from lapkin_audit.model import TteProvider, TteTrust

# A certificate is a few KB. A national CA's revocation list grows with every certificate
# it revokes (tens of bytes each): a few MB is normal, so the bound is one no real list
# reaches, and the list is parsed here only as far as its envelope (issuer, dates, the
# signature's algorithm); its entries are read where signatures are validated, in the
# reader's limited child.
MAX_BYTES = {"CERTIFICATE": 1 << 20, "X509 CRL": 64 << 20}
_PEM = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----\s+([A-Za-z0-9+/=\s]+?)-----END \1-----")
_FINGERPRINT = re.compile(r"[0-9A-Fa-f]{2}(?::?[0-9A-Fa-f]{2}){31}")
_KEYS = {"akar_tepercaya", "daftar_pencabutan", "toleransi"}


def load_tte(data: Mapping[str, Any], source: str, folder: Path, lines: Mapping[str, int]) -> TteTrust:
    """``data`` is the file's ``tte`` mapping; files are named relative to ``folder``."""
    if not isinstance(data, dict):
        raise RulesError(source, "tte: expected a mapping with akar_tepercaya, daftar_pencabutan, toleransi")
    unknown = sorted(set(map(str, data)) - _KEYS)
    if unknown:
        known = ", ".join(sorted(_KEYS))
        raise RulesError(source, _at(lines, f"tte.{unknown[0]}") + f"unknown key tte.{unknown[0]} (known: {known})")
    roots, pins = [], []
    for i, entry in enumerate(_list(data.get("akar_tepercaya"), "akar_tepercaya", source)):
        where = f"tte.akar_tepercaya[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"berkas", "sha256"}:
            raise RulesError(source, _at(lines, where) + f"{where}: expected {{berkas, sha256}}")
        pin = str(entry["sha256"])
        if not _FINGERPRINT.fullmatch(pin):
            expected = f"{where}.sha256: expected 64 hex digits (colons allowed), got {pin!r}"
            raise RulesError(source, _at(lines, where) + expected)
        der = _der(folder, entry["berkas"], "CERTIFICATE", source, where)
        found = hashlib.sha256(der).hexdigest()
        if found != pin.replace(":", "").lower():
            raise RulesError(
                source,
                _at(lines, where) + f"{where}: {entry['berkas']} has SHA-256 {found}, not the pinned {pin}; "
                "a trust root is changed only together with its pin",
            )
        roots.append(der)
        pins.append(found)
    crls = tuple(
        _der(folder, entry.get("berkas") if isinstance(entry, dict) else None, "X509 CRL", source, where)
        for i, entry in enumerate(_list(data.get("daftar_pencabutan"), "daftar_pencabutan", source))
        for where in [f"tte.daftar_pencabutan[{i}]"]
    )
    tolerance = data.get("toleransi") or {}
    if not isinstance(tolerance, dict) or not set(tolerance) <= {"menit", "hari"}:
        raise RulesError(source, _at(lines, "tte.toleransi") + "tte.toleransi: expected {menit, hari}")
    minutes, days = tolerance.get("menit", 60), tolerance.get("hari", 0)
    for name, value in (("menit", minutes), ("hari", days)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise RulesError(source, f"tte.toleransi.{name}: expected a whole number of at least 0, got {value!r}")
    return TteTrust(tuple(roots), tuple(pins), crls, minutes, days, source)


MIN_NAME_LETTERS = 4  # a shorter name would be found inside ordinary words of a footer


def load_providers(data: Any, source: str, lines: Mapping[str, int]) -> tuple[TteProvider, ...]:
    """``data`` is the file's ``psre`` list: ``{id, nama: [..], sumber}`` per provider."""
    if not isinstance(data, list) or not data:
        raise RulesError(source, "psre: expected a list of {id, nama, sumber}")
    found: dict[str, TteProvider] = {}
    for i, entry in enumerate(data):
        where = f"psre[{i}]"
        if not isinstance(entry, dict) or set(map(str, entry)) != {"id", "nama", "sumber"}:
            raise RulesError(source, _at(lines, where) + f"{where}: expected {{id, nama, sumber}}")
        ident, names, sumber = entry["id"], entry["nama"], entry["sumber"]
        if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9_-]+", ident):
            raise RulesError(source, _at(lines, where) + f"{where}.id: expected a lowercase id, got {ident!r}")
        if ident in found:
            raise RulesError(source, _at(lines, where) + f"{where}.id: {ident} is listed twice")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            raise RulesError(source, _at(lines, where) + f"{where}.nama: expected a list of names")
        short = [n for n in names if len(re.sub(r"[^a-z]", "", n.lower())) < MIN_NAME_LETTERS]
        if short:
            message = f"{where}.nama: {short[0]!r} has fewer than {MIN_NAME_LETTERS} letters"
            raise RulesError(source, _at(lines, where) + message)
        if not isinstance(sumber, str) or not sumber.strip():
            raise RulesError(source, _at(lines, where) + f"{where}.sumber: say where the name comes from")
        found[ident] = TteProvider(ident, tuple(names), sumber.strip())
    return tuple(found.values())


def _list(value: Any, key: str, source: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RulesError(source, f"tte.{key}: expected a list")
    return value


def _der(folder: Path, name: Any, label: str, source: str, where: str) -> bytes:
    """A certificate or revocation list, PEM or DER, inside the rules folder."""
    if not isinstance(name, str) or not name.strip():
        raise RulesError(source, f"{where}.berkas: expected a file name")
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents:
        raise RulesError(source, f"{where}.berkas: {name} is outside the rules folder")
    try:
        raw = read_regular(path, MAX_BYTES[label] + 1)
    except OSError as exc:
        raise RulesError(source, f"{where}.berkas: cannot read {name}: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES[label]:
        raise RulesError(source, f"{where}.berkas: {name} is larger than {MAX_BYTES[label] // (1 << 20)} MiB")
    pem = _PEM.search(raw)
    if pem is not None:
        if pem.group(1).decode() != label:
            raise RulesError(source, f"{where}.berkas: {name} holds a {pem.group(1).decode()}, not a {label}")
        import base64

        der = base64.b64decode(b"".join(pem.group(2).split()))
    else:
        der = raw
    _parse(der, label, source, f"{where}.berkas: {name}")
    return der


def _parse(der: bytes, label: str, source: str, where: str) -> None:
    """Refuse what is not a certificate (or list) now, not when a signature is checked."""
    from asn1crypto import crl, x509

    try:
        if label == "CERTIFICATE":
            x509.Certificate.load(der, strict=True).native  # noqa: B018 - parsing the whole structure is the check
        else:  # the envelope only: its entries may number millions (see MAX_BYTES)
            listed = crl.CertificateList.load(der, strict=True)
            tbs = listed["tbs_cert_list"]
            for key in ("version", "signature", "issuer", "this_update", "next_update"):
                tbs[key].native  # noqa: B018
            listed["signature_algorithm"].native  # noqa: B018
            listed["signature"].native  # noqa: B018
    except Exception as exc:  # asn1crypto raises ValueError, TypeError and others on junk
        raise RulesError(source, f"{where} is not a readable {label.lower()}: {type(exc).__name__}") from None


def _at(lines: Mapping[str, int], field: str) -> str:
    line = lines.get(field)
    return f"line {line}: " if line else ""
