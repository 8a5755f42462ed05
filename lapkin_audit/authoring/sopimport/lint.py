"""``lapkin-audit sop lint``: defects of an SOP itself, as stable L codes.

Reads a rules file (as written, even one still incomplete) or an SOP document (imported
first), so an office can check a document before it imports it and a rules file after
it edits one. Each check is a small function yielding ``Defect``s; ``RULES`` declares each
code's title, severity, messages and documentation.

L001 an identity item is missing          L006 step times do not add up to the total
L002 a citation without number or year    L007 a decision with one exit
L003 a citation names its issuer wrongly  L008 an output no later step uses
L004 a NIP that is not valid              L009 a time with an unknown unit
L005 a Nomor SOP with a blank part        L010 Tanggal Efektif before Tanggal Pembuatan
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from typing import Any

from lapkin_audit.authoring.sopimport.imported import IDENTITY_ITEMS
from lapkin_audit.authoring.sopimport.timesum import STANDARD_DAY
from lapkin_audit.domain.citation import parse_citation
from lapkin_audit.domain.people import nip_problem
from lapkin_audit.domain.waktu import parse_waktu
from lapkin_audit.model import ERROR, WARNING, Rule


@dataclass(frozen=True)
class Defect:
    code: str
    field: str
    key: str  # message key of MESSAGES
    args: Mapping[str, Any] = dc_field(default_factory=dict)

    def message(self, lang: str) -> str:
        return MESSAGES[self.key][1 if lang == "en" else 0].format(**self.args)


# The defects' policy, messages and documentation (`rules explain L00x`, docs/rules.md).
RULES = (
    Rule(
        "L001",
        ERROR,
        waivable=False,
        title=("Butir identitas SOP tidak ada", "An identity item of the SOP is missing"),
        messages={"L001": ("butir identitas {item} tidak ada", "the identity item {item} is missing")},
        checks=(
            "Salah satu butir identitas SOP AP (PermenPAN-RB 35/2012) tidak ada: Nomor SOP, Tanggal Pembuatan, Revisi, Efektif, Disahkan oleh, Nama SOP, Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan.",
            "An identity item of the SOP AP format (PermenPAN-RB 35/2012) is missing: Nomor SOP, Tanggal Pembuatan, Revisi, Efektif, Disahkan oleh, Nama SOP, Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan.",
        ),
        fix=(
            "Lengkapi butir itu dalam dokumen SOP (tulis `-` bila memang tidak ada).",
            "Complete the item in the SOP document (write `-` where there is truly none).",
        ),
    ),
    Rule(
        "L002",
        WARNING,
        waivable=False,
        title=("Dasar hukum tanpa nomor atau tahun", "A legal basis without number or year"),
        messages={
            "L002.nomor": ("kutipan tanpa nomor: {text!r}", "a citation without a number: {text!r}"),
            "L002.tahun": ("kutipan tanpa tahun: {text!r}", "a citation without a year: {text!r}"),
        },
        checks=(
            'Dasar hukum yang menyebut jenis peraturan tanpa nomor atau tanpa tahun, seperti "nomor 53 Tahun tentang ..." dalam SOP Pelaporan Kinerja: kutipan dossier tidak dapat dicocokkan dengannya.',
            "A legal basis that names a kind of regulation without its number or year, like the seed's \"nomor 53 Tahun tentang ...\": no dossier's citation can be matched with it.",
        ),
        fix=(
            "Tulis nomor dan tahun peraturan (cari menurut judulnya).",
            "Write the number and year (look it up by its title).",
        ),
    ),
    Rule(
        "L003",
        WARNING,
        waivable=False,
        title=("Nama penerbit peraturan salah", "A regulation's issuer is misnamed"),
        messages={
            "L003": (
                "kutipan menyebut penerbitnya {wrong!r}; yang benar {right!r}",
                "the citation names its issuer {wrong!r}; the right name is {right!r}",
            )
        },
        checks=(
            'Penerbit peraturan ditulis salah, misalnya "Menteri Pemberdayaan Aparatur Negara" untuk Menteri Pendayagunaan Aparatur Negara.',
            'The issuer of a regulation is misnamed, e.g. "Menteri Pemberdayaan Aparatur Negara" for the Menteri Pendayagunaan Aparatur Negara.',
        ),
        fix=("Tulis nama penerbit yang benar.", "Write the issuer's right name."),
    ),
    Rule(
        "L004",
        ERROR,
        waivable=False,
        title=("NIP pengesah tidak sah", "The signer's NIP is not valid"),
        messages={"L004": ("NIP {nip!r} tidak sah ({problem})", "the NIP {nip!r} is not valid ({problem})")},
        checks=(
            "NIP pengesah (Disahkan oleh) tidak sah: bukan 18 angka, tanggal lahir atau TMT mustahil, kode jenis kelamin salah.",
            "The signer's NIP (Disahkan oleh) is not valid: not 18 digits, an impossible birth date or TMT, a wrong sex digit.",
        ),
        fix=("Salin NIP dari SK pengangkatan pejabat.", "Copy the NIP from the official's appointment decree."),
    ),
    Rule(
        "L005",
        WARNING,
        waivable=False,
        title=("Nomor SOP memuat bagian kosong", "The Nomor SOP has a blank part"),
        messages={"L005": ("Nomor SOP {nomor!r} memuat bagian kosong", "the Nomor SOP {nomor!r} has a blank part")},
        checks=(
            "Nomor SOP memuat bagian kosong, seperti nomor urut templat `070/ /421.632/2014`.",
            "The Nomor SOP has a blank part, like the template's sequence in `070/ /421.632/2014`.",
        ),
        fix=("Isi nomor urut dari buku agenda.", "Fill in the sequence number from the register."),
    ),
    Rule(
        "L006",
        ERROR,
        waivable=False,
        title=("Waktu langkah tidak berjumlah sama dengan jumlah waktu", "Step times do not add up to the total"),
        messages={
            "L006": (
                "waktu langkah-langkah berjumlah {summed} ({summed_minutes} menit kerja), jumlah waktu tertulis {total!r} ({total_minutes} menit kerja)",
                "the steps' times add up to {summed} ({summed_minutes} working minutes); the total written is {total!r} ({total_minutes} working minutes)",
            )
        },
        checks=(
            "Jumlah waktu langkah-langkah (satu kali jalan, dalam waktu kerja) tidak sama dengan Jumlah Waktu Penyelesaian.",
            "The steps' times (one pass, in working time) do not add up to the Jumlah Waktu Penyelesaian.",
        ),
        fix=("Betulkan waktu langkah atau jumlahnya.", "Correct the steps' times or the total."),
    ),
    Rule(
        "L007",
        ERROR,
        waivable=False,
        title=("Keputusan dengan satu jalan keluar", "A decision with one exit"),
        messages={
            "L007": (
                "keputusan langkah {step} hanya punya satu jalan keluar ({exits})",
                "the decision of step {step} has one exit only ({exits})",
            )
        },
        checks=(
            "Keputusan (belah ketupat) hanya punya satu jalan keluar; keputusan punya dua, yang negatif kembali ke langkah sebelumnya.",
            "A decision (the diamond) has one exit only; a decision has two, the negative one leading back.",
        ),
        fix=(
            "Tulis kedua jalan keluar, misalnya {diteruskan: 4, diperbaiki: 2}.",
            "Write both exits, e.g. {diteruskan: 4, diperbaiki: 2}.",
        ),
    ),
    Rule(
        "L008",
        WARNING,
        waivable=False,
        title=("Output tidak dipakai langkah berikutnya", "An output no later step uses"),
        messages={
            "L008": (
                "output {output!r} langkah {step} tidak dipakai langkah sesudahnya",
                "the output {output!r} of step {step} is used by no later step",
            )
        },
        checks=(
            "Output sebuah langkah (bukan langkah terakhir) tidak menjadi Kelengkapan langkah sesudahnya.",
            "An output of a step (not the last) is the Kelengkapan of no later step.",
        ),
        fix=(
            "Sebut output itu dalam Kelengkapan langkah yang memakainya, atau hapus.",
            "Name the output in the Kelengkapan of the step that uses it, or remove it.",
        ),
    ),
    Rule(
        "L009",
        ERROR,
        waivable=False,
        title=("Satuan waktu tidak dikenal", "An unknown time unit"),
        messages={"L009": ("waktu {text!r} tidak dapat dibaca: {error}", "the time {text!r} cannot be read: {error}")},
        checks=(
            "Waktu yang tidak dapat dibaca: angka tanpa satuan atau satuan yang tidak dikenal (detik, tahun).",
            "A time that cannot be read: a number without a unit, or an unknown unit (seconds, years).",
        ),
        fix=(
            "Tulis dengan menit, jam, hari (kerja), minggu, bulan, atau `N x 24 jam`.",
            "Write it in menit, jam, hari (kerja), minggu, bulan, or `N x 24 jam`.",
        ),
    ),
    Rule(
        "L010",
        ERROR,
        waivable=False,
        title=("Tanggal Efektif sebelum Tanggal Pembuatan", "Tanggal Efektif before Tanggal Pembuatan"),
        messages={
            "L010": (
                "Tanggal Efektif {efektif} sebelum Tanggal Pembuatan {pembuatan}",
                "Tanggal Efektif {efektif} is before Tanggal Pembuatan {pembuatan}",
            )
        },
        checks=("Tanggal Efektif sebelum Tanggal Pembuatan.", "Tanggal Efektif is before Tanggal Pembuatan."),
        fix=("Betulkan salah satu tanggal.", "Correct one of the dates."),
    ),
)

SOP_RULES: dict[str, Rule] = {rule.code: rule for rule in RULES}
MESSAGES: dict[str, tuple[str, str]] = {key: text for rule in RULES for key, text in rule.messages.items()}

# Issuers written wrongly in real documents -> the right name.
MISNAMED = {
    "pemberdayaan aparatur negara": "Pendayagunaan Aparatur Negara",
    "pendayagunaan aparatur sipil negara": "Pendayagunaan Aparatur Negara",
}


class SopView:
    """What the checks read: the rules data, and the original texts it came from."""

    def __init__(self, sop: Mapping[str, Any]) -> None:
        self.sop = sop
        source = sop.get("sumber")
        texts = source.get("teks_asli") if isinstance(source, Mapping) else None
        self.teks_asli: Mapping[str, Any] = texts if isinstance(texts, Mapping) else {}
        # Fields an import left open: there, but not readable in this copy of the document.
        gaps = sop.get("celah")
        self.gaps = {str(g.get("bidang")) for g in gaps if isinstance(g, Mapping)} if isinstance(gaps, list) else set()

    def text(self, path: str, value: Any) -> Any:
        """The value, or its original text when the value was left open."""
        if value is None or value == [] or value == {}:
            return self.teks_asli.get(path)
        return value

    def steps(self) -> list[Mapping[str, Any]]:
        steps = self.sop.get("langkah")
        return [s for s in steps if isinstance(s, Mapping)] if isinstance(steps, list) else []


Check = Callable[[SopView], Iterator[Defect]]


def identity(view: SopView) -> Iterator[Defect]:
    """An item counts as there when the file has it, the import read it, or the import left
    it as a gap (the copy was unreadable there, which is not the SOP's defect)."""
    seen = set(view.teks_asli) | view.gaps
    for item in IDENTITY_ITEMS:
        if item not in view.sop and not any(k == item or k.startswith((f"{item}[", f"{item}.")) for k in seen):
            yield Defect("L001", item, "L001", {"item": item})


def citations(view: SopView) -> Iterator[Defect]:
    bases = view.sop.get("dasar_hukum")
    for i, base in enumerate(bases if isinstance(bases, list) else []):
        if not isinstance(base, Mapping):
            continue
        text = base.get("teks_asli")
        if not isinstance(text, str):
            continue
        citation = parse_citation(text)
        where = f"dasar_hukum[{i}]"
        if citation.kind is not None and citation.number is None:
            yield Defect("L002", where, "L002.nomor", {"text": text})
        if citation.kind is not None and citation.year is None:
            yield Defect("L002", where, "L002.tahun", {"text": text})
        lowered = " ".join(text.lower().split())
        for wrong, right in MISNAMED.items():
            if wrong in lowered:
                start = lowered.index(wrong)
                yield Defect("L003", where, "L003", {"wrong": text[start : start + len(wrong)], "right": right})


def nip(view: SopView) -> Iterator[Defect]:
    signer = view.sop.get("disahkan_oleh")
    if isinstance(signer, Mapping) and signer.get("nip") is not None:
        problem = nip_problem(signer["nip"])
        if problem is not None:
            yield Defect("L004", "disahkan_oleh.nip", "L004", {"nip": str(signer["nip"]), "problem": problem})


_BLANK_PART = re.compile(r"^[\s._\-]*$")


def nomor(view: SopView) -> Iterator[Defect]:
    value = view.sop.get("nomor")
    if isinstance(value, str) and "/" in value and any(_BLANK_PART.match(part) for part in value.split("/")):
        yield Defect("L005", "nomor", "L005", {"nomor": value})


def _waktu_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping) and isinstance(value.get("teks"), str):
        return str(value["teks"])
    return None


def times(view: SopView) -> Iterator[Defect]:
    summed_days, summed_minutes, summable = 0.0, 0, True
    steps = view.steps()
    for i, step in enumerate(steps):
        where = f"langkah[{i}].waktu"
        text = _waktu_text(view.text(where, step.get("waktu")))
        if text is None:
            summable = False
            continue
        try:
            waktu = parse_waktu(text)
        except ValueError as exc:
            summable = False
            yield Defect("L009", where, "L009", {"text": text, "error": str(exc)})
            continue
        if waktu.kalender or waktu.per:
            summable = False
        summed_days += waktu.maksimum.hari
        summed_minutes += waktu.maksimum.menit
    total = _waktu_text(view.text("jumlah_waktu", view.sop.get("jumlah_waktu")))
    if total is None:
        return
    try:
        total_waktu = parse_waktu(total)
    except ValueError as exc:
        yield Defect("L009", "jumlah_waktu", "L009", {"text": total, "error": str(exc)})
        return
    if not summable or not steps or total_waktu.kalender:
        return
    from lapkin_audit.authoring.sopimport.timesum import format_parts

    got = round(summed_days * STANDARD_DAY) + summed_minutes
    expected = total_waktu.maksimum.minutes(STANDARD_DAY)
    if got != expected:
        args = {
            "summed": format_parts(summed_days, summed_minutes),
            "summed_minutes": got,
            "total": total,
            "total_minutes": expected,
        }
        yield Defect("L006", "jumlah_waktu", "L006", args)


def _list(value: Any) -> list[Any]:
    """A list field as a list; anything else (a hand-written mistake) as empty."""
    return value if isinstance(value, list) else []


def _hashable(values: list[Any]) -> set[Any]:
    return {v if isinstance(v, (str, int, float, bool, type(None))) else repr(v) for v in values}


def decisions(view: SopView) -> Iterator[Defect]:
    for i, step in enumerate(view.steps()):
        exits = step.get("keputusan")
        if isinstance(exits, Mapping) and len(_hashable(list(exits.values()))) < 2:
            shown = ", ".join(f"{k}: {v}" for k, v in exits.items()) or "-"
            yield Defect("L007", f"langkah[{i}].keputusan", "L007", {"step": step.get("nomor"), "exits": shown})


def outputs(view: SopView) -> Iterator[Defect]:
    steps = view.steps()
    kinds = view.sop.get("jenis_dokumen")
    names = kinds if isinstance(kinds, Mapping) else {}
    for i, step in enumerate(steps[:-1]):
        later: set[Any] = set()
        for other in steps[i + 1 :]:
            later.update(_hashable(_list(other.get("kelengkapan"))))
        # a revision loop: a decision's "back" exit makes earlier steps later too
        number: int = step["nomor"] if isinstance(step.get("nomor"), int) else 0
        for j, other in enumerate(steps):
            exits = other.get("keputusan")
            if j > i and isinstance(exits, Mapping) and any(isinstance(t, int) and t <= number for t in exits.values()):
                for again in steps[: i + 1]:
                    later.update(_hashable(_list(again.get("kelengkapan"))))
        for output in _list(step.get("output")):
            if isinstance(output, str) and output not in later:
                entry = names.get(output)
                name = entry.get("nama", output) if isinstance(entry, Mapping) else output
                yield Defect("L008", f"langkah[{i}].output", "L008", {"output": name, "step": step.get("nomor")})


def _as_month(value: Any) -> tuple[int, int, int] | None:
    if isinstance(value, date):
        return (value.year, value.month, value.day)
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
        if m:
            return (int(m.group(1)), int(m.group(2)), 0)
    return None


def dates(view: SopView) -> Iterator[Defect]:
    made, effective = _as_month(view.sop.get("tanggal_pembuatan")), _as_month(view.sop.get("tanggal_efektif"))
    if made is None or effective is None:
        return
    month_only = made[2] == 0 or effective[2] == 0
    if (effective[:2] < made[:2]) if month_only else (effective < made):
        args = {"efektif": view.sop.get("tanggal_efektif"), "pembuatan": view.sop.get("tanggal_pembuatan")}
        yield Defect("L010", "tanggal_efektif", "L010", args)


CHECKS: tuple[Check, ...] = (identity, citations, nip, nomor, times, decisions, outputs, dates)


def lint(sop: Mapping[str, Any]) -> list[Defect]:
    """Every defect of one SOP (the mapping under ``sop:``), sorted by code and field."""
    view = SopView(sop)
    found = [defect for check in CHECKS for defect in check(view)]
    return sorted(found, key=lambda d: (d.code, d.field, d.key))
