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

from lapkin_audit.errors import Problem, RulesError
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
        raise RulesError(source, "rules.tte_shape")
    unknown = sorted(set(map(str, data)) - _KEYS)
    if unknown:
        known = ", ".join(sorted(_KEYS))
        raise _at(source, lines, f"tte.{unknown[0]}", Problem("rules.tte_unknown_key", key=unknown[0], known=known))
    roots, pins = [], []
    for i, entry in enumerate(_list(data.get("akar_tepercaya"), "akar_tepercaya", source)):
        where = f"tte.akar_tepercaya[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"berkas", "sha256"}:
            raise _at(source, lines, where, Problem("rules.tte_root_shape", where=where))
        pin = str(entry["sha256"])
        if not _FINGERPRINT.fullmatch(pin):
            raise _at(source, lines, where, Problem("rules.tte_pin_shape", where=where, pin=pin))
        der = _der(folder, entry["berkas"], "CERTIFICATE", source, where)
        found = hashlib.sha256(der).hexdigest()
        if found != pin.replace(":", "").lower():
            pinned = Problem("rules.tte_pin", where=where, name=entry["berkas"], found=found, pin=pin)
            raise _at(source, lines, where, pinned)
        roots.append(der)
        pins.append(found)
    crls = tuple(
        _der(folder, entry.get("berkas") if isinstance(entry, dict) else None, "X509 CRL", source, where)
        for i, entry in enumerate(_list(data.get("daftar_pencabutan"), "daftar_pencabutan", source))
        for where in [f"tte.daftar_pencabutan[{i}]"]
    )
    tolerance = data.get("toleransi") or {}
    if not isinstance(tolerance, dict) or not set(tolerance) <= {"menit", "hari"}:
        raise _at(source, lines, "tte.toleransi", Problem("rules.tte_tolerance_shape"))
    minutes, days = tolerance.get("menit", 60), tolerance.get("hari", 0)
    for name, value in (("menit", minutes), ("hari", days)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise RulesError(source, "rules.tte_tolerance", name=name, value=value)
    return TteTrust(tuple(roots), tuple(pins), crls, minutes, days, source)


MIN_NAME_LETTERS = 4  # a shorter name would be found inside ordinary words of a footer


def load_providers(data: Any, source: str, lines: Mapping[str, int]) -> tuple[TteProvider, ...]:
    """``data`` is the file's ``psre`` list: ``{id, nama: [..], sumber}`` per provider."""
    if not isinstance(data, list) or not data:
        raise RulesError(source, "rules.psre_shape")
    found: dict[str, TteProvider] = {}
    for i, entry in enumerate(data):
        where = f"psre[{i}]"
        if not isinstance(entry, dict) or set(map(str, entry)) != {"id", "nama", "sumber"}:
            raise _at(source, lines, where, Problem("rules.psre_entry", where=where))
        ident, names, sumber = entry["id"], entry["nama"], entry["sumber"]
        if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9_-]+", ident):
            raise _at(source, lines, where, Problem("rules.psre_id", where=where, ident=ident))
        if ident in found:
            raise _at(source, lines, where, Problem("rules.psre_twice", where=where, ident=ident))
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            raise _at(source, lines, where, Problem("rules.psre_names", where=where))
        short = [n for n in names if len(re.sub(r"[^a-z]", "", n.lower())) < MIN_NAME_LETTERS]
        if short:
            problem = Problem("rules.psre_short_name", where=where, name=short[0], letters=MIN_NAME_LETTERS)
            raise _at(source, lines, where, problem)
        if not isinstance(sumber, str) or not sumber.strip():
            raise _at(source, lines, where, Problem("rules.psre_source", where=where))
        found[ident] = TteProvider(ident, tuple(names), sumber.strip())
    return tuple(found.values())


def _list(value: Any, key: str, source: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RulesError(source, "rules.tte_list", key=key)
    return value


def _der(folder: Path, name: Any, label: str, source: str, where: str) -> bytes:
    """A certificate or revocation list, PEM or DER, inside the rules folder."""
    if not isinstance(name, str) or not name.strip():
        raise RulesError(source, "rules.tte_no_name", where=where)
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents:
        raise RulesError(source, "rules.tte_outside", where=where, name=name)
    try:
        raw = read_regular(path, MAX_BYTES[label] + 1)
    except OSError as exc:
        raise RulesError(source, "rules.tte_unreadable", where=where, name=name, error=exc.strerror or exc) from None
    if len(raw) > MAX_BYTES[label]:
        raise RulesError(source, "rules.tte_too_large", where=where, name=name, mib=MAX_BYTES[label] // (1 << 20))
    pem = _PEM.search(raw)
    if pem is not None:
        if pem.group(1).decode() != label:
            raise RulesError(
                source, "rules.tte_pem_kind", where=where, name=name, found=pem.group(1).decode(), label=label
            )
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
        raise RulesError(
            source, "rules.tte_unparsable", where=where, label=label.lower(), error=type(exc).__name__
        ) from None


def _at(source: str, lines: Mapping[str, int], field: str, problem: Problem) -> RulesError:
    """The problem, said at the line of ``field`` when the file has one."""
    line = lines.get(field)
    return (
        RulesError(source, "rules.at_line", line=line, problem=problem)
        if line
        else RulesError(source, "rules.just", problem=problem)
    )
