"""An imported SOP as a rules file: YAML in the order of docs/rules-format.md, same bytes
for the same document."""

from __future__ import annotations

from typing import Any

from lapkin_audit.authoring.sopimport.imported import Imported
from lapkin_audit.lang.importing import ASSUMPTIONS, GAPS, HEADER, SUGGESTIONS, pick

ORDER = (
    "id", "nama", "unit", "nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh",
    "kalender", "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "pencatatan", "peringatan",
    "pejabat_wajib", "pengecualian_disetujui_oleh", "laporan_berkala", "peran", "batas_usia_pensiun",
    "jenis_dokumen", "langkah", "jumlah_waktu",
)  # fmt: skip


def document(imported: Imported, source_name: str, shape: str, sha256: str, lang: str) -> dict[str, Any]:
    sop = {key: imported.sop[key] for key in ORDER if key in imported.sop}
    sop.update({key: value for key, value in imported.sop.items() if key not in sop})
    if imported.asumsi:
        sop["asumsi"] = [
            {
                "bidang": a["bidang"],
                "teks": pick(
                    ASSUMPTIONS[a["teks"]], lang, **{k: v for k, v in a.items() if k not in ("bidang", "teks")}
                ),
            }
            for a in imported.asumsi
        ]
    if imported.celah:
        sop["celah"] = [
            {
                "bidang": gap["bidang"],
                "alasan": pick(GAPS[gap["alasan"][0]], lang, **gap["alasan"][1]),
                **({"saran": gap["saran"]} if gap.get("saran") else {}),
            }
            for gap in imported.celah
        ]
    if imported.saran:
        sop["saran"] = [
            {"bidang": note["bidang"], "teks": pick(SUGGESTIONS[note["teks"][0]], lang, **note["teks"][1])}
            for note in imported.saran
        ]
    sop["sumber"] = {"berkas": source_name, "sha256": sha256, "bentuk": shape, "teks_asli": dict(imported.teks_asli)}
    return {"sop": sop}


def to_yaml(imported: Imported, source_name: str, shape: str, sha256: str, lang: str) -> str:
    import yaml

    header = [pick(HEADER["imported"], lang, source=source_name)]
    if imported.celah:
        header.append(pick(HEADER["incomplete"], lang, count=len(imported.celah)))
    else:
        header.append(pick(HEADER["complete"], lang))
    body = yaml.safe_dump(
        document(imported, source_name, shape, sha256, lang), sort_keys=False, allow_unicode=True, width=110
    )
    return "".join(f"# {line}\n" for line in header) + body
