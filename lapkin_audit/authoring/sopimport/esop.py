"""The JSON export of an e-SOP application: openSOP's SOP AP model.

openSOP (github.com/ocidserver/openSOP, an SOP AP management system after Perka BPS
19/2013) keeps an SOP as identity fields (``nomorSOP``, ``judulSOP``, the three dates,
``pengesahanOleh``, ``dasarHukum``, ...) and a list of ``aktivitas`` (``noKegiatan``,
``aktivitasKegiatan``, ``tipeSimbol``, ``aktor.namaJabatan``, ``nextActivityYes/No``) each
with its ``mutuBaku`` (``persyaratanKelengkapan``, ``waktu``, ``output``,
``keterangan``): a record as the application returns it (Prisma, camelCase).

The record is laid out as the same grid of cells a document gives, so one extractor
reads every shape; what the record states that a printed document loses (the actor of
each step, a decision's two exits) is then taken from it as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lapkin_audit.authoring.sopimport.grid import Cell, Grid, SourceError, clean
from lapkin_audit.authoring.sopimport.imported import Imported

_TEXT_SECTIONS = (
    ("Dasar Hukum", "dasarHukum"),
    ("Kualifikasi Pelaksana", "kualifikasiPelaksana"),
    ("Peralatan/Perlengkapan", "peralatanPerlengkapan"),
    ("Peringatan", "peringatan"),
    ("Pencatatan dan Pendataan", "catatanPendataan"),
)


_CAMEL = {"tanggal_pembuatan": "tanggalPembuatan", "tanggal_revisi": "tanggalRevisi"}


def is_opensop(data: Any) -> bool:
    return isinstance(data, Mapping) and isinstance(data.get("aktivitas"), list) and "judulSOP" in data


def _text(value: Any) -> str:
    return clean(value) if isinstance(value, str) else ""


def _lines(value: Any) -> Cell:
    lines = [clean(line) for line in value.splitlines()] if isinstance(value, str) else []
    lines = [line for line in lines if line]
    return Cell(" ".join(lines), lines, [])


def _row(label: str, value: str | Cell) -> list[Cell]:
    cell = value if isinstance(value, Cell) else Cell(value, [value] if value else [], [])
    return [Cell(label, [label], []), cell]


def to_grid(data: Mapping[str, Any]) -> tuple[Grid, dict[str, Any]]:
    """(the grid, what the record states beyond it)."""
    grid: Grid = []
    for label, key in (("Nomor SOP", "nomorSOP"), ("Nama SOP", "judulSOP")):
        if _text(data.get(key)):
            grid.append(_row(label, _text(data[key])))
    for label, key in (
        ("Tanggal Pembuatan", "tanggalPembuatan"),
        ("Tanggal Revisi", "tanggalRevisi"),
        ("Tanggal Efektif", "tanggalEfektif"),
    ):
        value = _text(data.get(key))
        if value:
            grid.append(_row(label, value[:10]))  # "2014-12-20T00:00:00.000Z": the date
    for label, key in _TEXT_SECTIONS:
        if _text(data.get(key)):
            grid.append(_row(label, _lines(data[key])))
    related = [
        _text(link.get("sopTerkait", {}).get("judulSOP"))
        for link in data.get("keterkaitan") or ()
        if isinstance(link, Mapping) and isinstance(link.get("sopTerkait"), Mapping)
    ]
    if any(related):
        names = [name for name in related if name]
        grid.append(_row("Keterkaitan", Cell(" ".join(names), names, [])))

    steps = [a for a in data["aktivitas"] if isinstance(a, Mapping) and isinstance(a.get("noKegiatan"), int)]
    if len(steps) > 1000:
        raise SourceError("size", "too_many", count=1000, what="aktivitas")
    steps.sort(key=lambda a: a["noKegiatan"])
    actors: list[str] = []
    for step in steps:
        name = _text((step.get("aktor") or {}).get("namaJabatan")) if isinstance(step.get("aktor"), Mapping) else ""
        if name and name not in actors:
            actors.append(name)
    header = ["No", "Kegiatan", *actors, "Kelengkapan", "Waktu", "Output", "Keterangan"]
    grid.append([Cell(text, [text], []) for text in header])
    by_id = {step.get("id"): step["noKegiatan"] for step in steps if step.get("id")}
    decisions: dict[int, dict[str, int]] = {}
    for step in steps:
        quality: Mapping[str, Any] = step["mutuBaku"] if isinstance(step.get("mutuBaku"), Mapping) else {}
        actor = _text((step.get("aktor") or {}).get("namaJabatan")) if isinstance(step.get("aktor"), Mapping) else ""
        marks = ["v" if name == actor else "" for name in actors]
        texts = [
            str(step["noKegiatan"]),
            _text(step.get("aktivitasKegiatan")),
            *marks,
            _text(quality.get("persyaratanKelengkapan")),
            _text(quality.get("waktu")),
            _text(quality.get("output")),
            _text(quality.get("keterangan")),
        ]
        grid.append([Cell(text, [text] if text else [], []) for text in texts])
        if step.get("tipeSimbol") == "BELAH_KETUPAT":
            exits = {"ya": by_id.get(step.get("nextActivityYes")), "tidak": by_id.get(step.get("nextActivityNo"))}
            decisions[step["noKegiatan"]] = {answer: target for answer, target in exits.items() if target is not None}
    unit = data.get("unitKerja")
    extras = {
        # null dates: the record states there is none (a revision not yet made)
        "no_date": [key for key in ("tanggal_pembuatan", "tanggal_revisi") if data.get(_CAMEL[key], "") is None],
        "unit": _text(unit.get("nama")) if isinstance(unit, Mapping) else "",
        "pengesahan": _text(data.get("pengesahanOleh")),
        "decisions": decisions,
    }
    return grid, extras


def apply(imported: Imported, extras: Mapping[str, Any]) -> None:
    """What the record states beyond the grid: unit, the signer's name, decisions' exits."""
    sop, texts = imported.sop, imported.teks_asli
    for key in extras["no_date"]:
        sop.setdefault(key, None)
    if extras["unit"]:
        sop["unit"] = texts["unit"] = extras["unit"]
    if "disahkan_oleh" in sop or extras["pengesahan"]:
        # pengesahanOleh is the official's name (the model keeps jabatan elsewhere)
        for key in [k for k in texts if k.startswith("disahkan_oleh.")]:
            del texts[key]
        sop.pop("disahkan_oleh", None)
        if extras["pengesahan"]:
            sop["disahkan_oleh"] = {"nama": extras["pengesahan"]}
            texts["disahkan_oleh.nama"] = extras["pengesahan"]
    for i, step in enumerate(sop.get("langkah") or ()):
        exits = extras["decisions"].get(step["nomor"])
        if exits is None:
            continue
        where = f"langkah[{i}].keputusan"
        imported.celah = [g for g in imported.celah if g["bidang"] != where]
        if len(exits) == 2:
            step["keputusan"] = dict(exits)
        else:  # a decision (the diamond) with an exit missing: the record says no more
            step["keputusan"] = None
            imported.gap(where, "decision_exit_missing", [dict(exits)] if exits else None)
