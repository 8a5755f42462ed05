"""Trust for electronic signatures as rules data: roots pinned by fingerprint, none by
default, revocation lists beside them, the tolerance; a wrong pin is a broken rules folder."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit.batch.session import LazyRulebook
from lapkin_audit.cli import cli
from lapkin_audit.errors import RulesError
from lapkin_audit.load.sop import load_rulebook
from tests.helpers import FIXTURES

pytest.importorskip("asn1crypto")
from tests.tte_pki import build_pki


@pytest.fixture(scope="module")
def pki():
    return build_pki()


def pem(der: bytes, label: str = "CERTIFICATE") -> str:
    body = base64.encodebytes(der).decode().replace("\n", "")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n"


def folder(tmp_path: Path, pki, pin: str | None = None, extra: str = "") -> Path:
    rules = tmp_path / "aturan"
    (rules / "tte").mkdir(parents=True)
    (rules / "tte" / "root-ca-uji.pem").write_text(pem(pki.root.der), encoding="utf-8")
    (rules / "tte" / "osd-uji.crl").write_bytes(pki.crl())
    fingerprint = pin or ":".join(f"{b:02X}" for b in hashlib.sha256(pki.root.der).digest())
    (rules / "tte.yaml").write_text(
        "tte:\n"
        "  akar_tepercaya:\n"
        f'    - {{berkas: tte/root-ca-uji.pem, sha256: "{fingerprint}"}}\n'
        "  daftar_pencabutan:\n"
        "    - {berkas: tte/osd-uji.crl}\n" + extra,
        encoding="utf-8",
    )
    return rules


def test_none_is_trusted_by_default():
    trust = load_rulebook().sops["pelaporan-kinerja"].tte
    assert trust.roots == () and trust.crls == () and trust.source is None
    assert (trust.tolerance_minutes, trust.tolerance_days) == (60, 0)


def test_a_pinned_root_and_a_list_are_loaded_for_every_sop(tmp_path, pki):
    rules = folder(tmp_path, pki, extra="  toleransi: {menit: 30, hari: 1}\n")
    trust = load_rulebook([rules]).sops["pelaporan-kinerja"].tte
    assert trust.roots == (pki.root.der,) and trust.pins == (hashlib.sha256(pki.root.der).hexdigest(),)
    assert trust.crls == (pki.crl(),) or len(trust.crls) == 1
    assert (trust.tolerance_minutes, trust.tolerance_days) == (30, 1)
    assert trust.source == str(rules / "tte.yaml")


def test_the_files_a_run_depends_on_include_certificates_and_lists(tmp_path, pki):
    rules = folder(tmp_path, pki)
    names = [p.name for p in LazyRulebook([rules]).files if p.is_relative_to(rules)]
    assert names == ["tte.yaml", "osd-uji.crl", "root-ca-uji.pem"]
    assert [p.name for p in load_rulebook([rules]).files if p.is_relative_to(rules)] == names


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("pin", "not the pinned"),
        ("outside", "outside the rules folder"),
        ("not-a-cert", "holds a X509 CRL, not a CERTIFICATE"),
        ("junk", "is not a readable certificate"),
        ("bad-pin", "expected 64 hex digits"),
        ("unknown-key", "unknown key tte.akar"),
        ("tolerance", "tte.toleransi.menit"),
    ],
)
def test_a_broken_trust_file_is_a_broken_rules_folder(tmp_path, pki, change, message):
    rules = folder(tmp_path, pki)
    text = (rules / "tte.yaml").read_text(encoding="utf-8")
    if change == "pin":  # the pin of another root with the same names
        text = text.replace(text.split('sha256: "')[1].split('"')[0], hashlib.sha256(build_pki().root.der).hexdigest())
    elif change == "outside":
        text = text.replace("tte/root-ca-uji.pem", "../../etc/passwd")
    elif change == "not-a-cert":
        (rules / "tte" / "root-ca-uji.pem").write_text(pem(pki.crl(), "X509 CRL"), encoding="utf-8")
    elif change == "junk":
        (rules / "tte" / "root-ca-uji.pem").write_bytes(b"bukan sertifikat")
    elif change == "bad-pin":
        text = text.replace('sha256: "', 'sha256: "zz')
    elif change == "unknown-key":
        text = text.replace("akar_tepercaya", "akar")
    elif change == "tolerance":
        text += "  toleransi: {menit: -5}\n"
    (rules / "tte.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=message.replace("(", r"\(")):
        load_rulebook([rules])
    done = CliRunner().invoke(
        cli, ["check", "--no-cache", "--lang", "en", "--rules", str(rules), str(FIXTURES / "patuh")]
    )
    assert done.exit_code == 2 and "broken rules file" in done.stderr


def test_the_fixtures_trust_holds_public_material_only():
    """scripts/make_tte_sources.py throws its keys away: only certificates and lists are kept."""
    from tests.helpers import TTE_RULES

    kept = sorted(p for p in TTE_RULES.parent.rglob("*") if p.is_file())
    assert kept and not [p for p in kept if b"PRIVATE KEY" in p.read_bytes()]
    labels = {line for p in kept if p.suffix in (".pem", ".crl") for line in p.read_text("ascii").splitlines()}
    assert {line for line in labels if line.startswith("-----BEGIN")} == {
        "-----BEGIN CERTIFICATE-----",
        "-----BEGIN X509 CRL-----",
    }


def _long_list(pki, entries: int) -> bytes:
    """The intermediate's list with ``entries`` revoked serials, signed as a CA signs it
    (cryptography's builder copies its list at every entry: too slow for a national list)."""
    from asn1crypto import crl
    from asn1crypto.core import Integer
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    listed = crl.CertificateList.load(pki.crl())
    tbs = listed["tbs_cert_list"]
    when = tbs["this_update"].chosen.dump()
    # each entry written as DER directly: asn1crypto's objects cost ~80 us an entry
    body = b"".join(_der(0x30, Integer(10**12 + n).dump() + when) for n in range(entries))
    tbs["revoked_certificates"] = crl.RevokedCertificates.load(_der(0x30, body))
    tbs_der = tbs.dump(force=True)
    signature = pki.inter.key.sign(tbs_der, padding.PKCS1v15(), hashes.SHA256())
    return crl.CertificateList(
        {
            "tbs_cert_list": crl.TbsCertList.load(tbs_der),
            "signature_algorithm": listed["signature_algorithm"],
            "signature": signature,
        }
    ).dump()


def _der(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        return bytes([tag, size]) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + content


def test_a_national_list_over_a_megabyte_is_read(tmp_path, pki):
    """Real revocation lists grow with every certificate a national CA revokes."""
    rules = folder(tmp_path, pki)
    big = _long_list(pki, 100_000)
    assert len(big) > 2 * 1024 * 1024
    (rules / "tte" / "osd-uji.crl").write_bytes(big)
    assert load_rulebook([rules]).sops["pelaporan-kinerja"].tte.crls == (big,)


def test_a_cut_list_is_a_broken_rules_folder(tmp_path, pki):
    rules = folder(tmp_path, pki)
    (rules / "tte" / "osd-uji.crl").write_bytes(_long_list(pki, 2_000)[:-100])
    with pytest.raises(RulesError, match="is not a readable x509 crl"):
        load_rulebook([rules])
