"""Completing an imported SOP with the policy an existing rules file states.

An office that already keeps an SOP as rules (the bundled Pelaporan Kinerja, say) can
import the document again and take from its rules file only what the document does not
say: executors, decision exits, the preconditions' decree and signer, document kinds'
ids and duties (berkas, paraf, tanda tangan), links of equipment and related SOPs, the
calendar, who must be named, whether it reports for a period, the retirement ages of the
roles' offices and who approves waivers, and a citation's missing year when kind and
number agree. What the document says is kept, and every place where the
document and the rules file differ is reported, so nothing changes silently.
"""

from __future__ import annotations

import copy
from typing import Any

from lapkin_audit.authoring.sopimport.imported import doc_key

_POLICY_KEYS = ("kalender", "pejabat_wajib", "pengecualian_disetujui_oleh", "laporan_berkala", "batas_usia_pensiun")


def complete(imported: dict[str, Any], policy: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(the imported SOP completed with ``policy``, the differences between them)."""
    sop = copy.deepcopy(imported)
    diffs: list[str] = []
    filled: set[str] = set()

    def differ(where: str, ours: Any, theirs: Any) -> None:
        if ours != theirs:
            diffs.append(f"{where}: dokumen {ours!r} / aturan {theirs!r}")

    sop["id"] = policy.get("id", sop.get("id"))
    for key in ("nama", "unit", "nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
        differ(key, sop.get(key), policy.get(key))
    signer, their_signer = sop.get("disahkan_oleh") or {}, policy.get("disahkan_oleh") or {}
    for key in sorted(set(signer) | set(their_signer)):
        differ(f"disahkan_oleh.{key}", signer.get(key), their_signer.get(key))
    for key in _POLICY_KEYS:
        if key in policy:
            sop[key] = copy.deepcopy(policy[key])

    # Document kinds: matched by name; the rules file's ids and duties are policy.
    renamed: dict[str, str] = {}
    theirs_by_name = {doc_key(spec.get("nama", "")): kid for kid, spec in (policy.get("jenis_dokumen") or {}).items()}
    kinds: dict[str, Any] = {}
    for kid, spec in (sop.get("jenis_dokumen") or {}).items():
        target = theirs_by_name.get(doc_key(spec.get("nama", "")))
        if target is None:
            kinds[kid] = spec
            continue
        renamed[kid] = target
        their = policy["jenis_dokumen"][target]
        differ(f"jenis_dokumen.{target}.nama", spec.get("nama"), their.get("nama"))
        kinds[target] = {**spec, **{k: copy.deepcopy(v) for k, v in their.items() if k != "nama"}}
    for kid, spec in (policy.get("jenis_dokumen") or {}).items():
        kinds.setdefault(kid, copy.deepcopy(spec))  # kinds only policy names (decrees, equipment)
    sop["jenis_dokumen"] = kinds

    # Roles: matched by id; the rules file's names are kept beside the document's.
    roles = dict(sop.get("peran") or {})
    for rid, name in (policy.get("peran") or {}).items():
        if rid in roles:
            differ(f"peran.{rid}", roles[rid], name)
        roles[rid] = name
    sop["peran"] = roles

    their_steps = {s.get("nomor"): s for s in policy.get("langkah") or ()}
    for i, step in enumerate(sop.get("langkah") or ()):
        step["kelengkapan"] = [renamed.get(k, k) for k in step.get("kelengkapan") or ()]
        step["output"] = [renamed.get(k, k) for k in step.get("output") or ()]
        their = their_steps.get(step.get("nomor"))
        if their is None:
            diffs.append(f"langkah[{i}]: step {step.get('nomor')} is not in the rules file")
            continue
        for key in ("kegiatan", "waktu", "keterangan", "kelengkapan", "output"):
            ours, theirs = step.get(key), their.get(key)
            if key == "kegiatan" and isinstance(theirs, str):
                theirs = " ".join(theirs.split())
            differ(f"langkah[{i}].{key}", ours, theirs)
        if not step.get("pelaksana"):
            step["pelaksana"] = list(their.get("pelaksana") or ())
            filled.add(f"langkah[{i}].pelaksana")
        if "keputusan" in step and step["keputusan"] is None and their.get("keputusan"):
            step["keputusan"] = dict(their["keputusan"])
            filled.add(f"langkah[{i}].keputusan")
        if their.get("ringkas"):
            step["ringkas"] = their["ringkas"]

    for i, base in enumerate(sop.get("dasar_hukum") or ()):
        for their in policy.get("dasar_hukum") or ():
            if their.get("jenis") == base.get("jenis") and str(their.get("nomor")) == str(base.get("nomor")):
                if base.get("tahun") is None and their.get("tahun") is not None:
                    base["tahun"] = their["tahun"]
                    filled.add(f"dasar_hukum[{i}].tahun")
                differ(f"dasar_hukum[{i}].judul", base.get("judul"), their.get("judul"))

    warnings = list(sop.get("peringatan") or ())
    their_warnings = {doc_key(w.get("teks", "")): w for w in policy.get("peringatan") or ()}
    for i, warning in enumerate(warnings):
        their = their_warnings.get(doc_key(warning.get("teks", "")))
        if their is not None:
            warnings[i] = {**copy.deepcopy(their), "teks": warning["teks"]}
            filled.add(f"peringatan[{i}]")
    if warnings:
        sop["peringatan"] = warnings

    for key in ("peralatan", "keterkaitan"):
        their_links = {doc_key(x.get("nama", "")): x.get("dokumen") for x in policy.get(key) or ()}
        for item in sop.get(key) or ():
            link = their_links.get(doc_key(item.get("nama", "")))
            if link:
                item["dokumen"] = link

    if sop.get("jumlah_waktu") is None and policy.get("jumlah_waktu"):
        sop["jumlah_waktu"] = policy["jumlah_waktu"]
        filled.add("jumlah_waktu")
    differ("jumlah_waktu", imported.get("jumlah_waktu"), policy.get("jumlah_waktu"))

    left = [gap for gap in sop.get("celah") or () if gap.get("bidang") not in filled]
    if left:
        sop["celah"] = left
    else:
        sop.pop("celah", None)
    sop.pop("asumsi", None)
    if policy.get("asumsi"):
        sop["asumsi"] = copy.deepcopy(policy["asumsi"])
    return sop, diffs
