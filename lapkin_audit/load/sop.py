"""Reading the rules: SOP and calendar files (YAML) -> validated, cross-checked ``Sop`` objects.

Every ``*.yaml`` under a rules folder holds either ``sop:`` or ``kalender:``. Folders are
read in order (the bundled rules first, then each ``--rules`` folder), and a later file
with the same id replaces an earlier one, so an office can override a bundled SOP or
calendar. Anything wrong is a ``RulesError``: no dossier can be judged by broken rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cerberus

from lapkin_audit.errors import RulesError, flatten_errors
from lapkin_audit.lang.messages import Nested, render
from lapkin_audit.load import yamlread
from lapkin_audit.model import DocumentKind, LegalBasis, LinkedDocument, Precondition, Sop, SopStep

_ID = {"type": "string", "regex": "[a-z0-9_-]+", "required": True}
_TEXT = {"type": "string"}
_TEXTS = {"type": "list", "schema": {"type": "string"}}
_ROLE_LIST = {"type": "list", "schema": {"type": "string"}}
_LINKED = {
    "type": "list",
    "schema": {"type": "dict", "schema": {"nama": {"type": "string", "required": True}, "dokumen": _TEXT}},
}

SOP_SCHEMA: dict[str, Any] = {
    "id": _ID,
    "nama": {"type": "string", "required": True},
    "unit": _TEXT,
    "nomor": _TEXT,
    "tanggal_pembuatan": {"type": "date"},
    "tanggal_revisi": {"type": "date"},
    "tanggal_efektif": {"type": "date", "required": True},
    "disahkan_oleh": {
        "type": "dict",
        "schema": {"jabatan": _TEXT, "nama": _TEXT, "pangkat": _TEXT, "nip": {"type": ["string", "integer"]}},
    },
    "kalender": {"type": "string", "required": True},
    "dasar_hukum": {
        "type": "list",
        "required": True,
        "schema": {
            "type": "dict",
            "schema": {
                "jenis": {"type": "string", "required": True},
                "nomor": {"type": "string", "required": True, "empty": False},
                "tahun": {"type": "integer", "required": True, "min": 1945, "max": 2100},
                "judul": _TEXT,
                "teks_asli": _TEXT,
            },
        },
    },
    "kualifikasi_pelaksana": _TEXTS,
    "keterkaitan": _LINKED,
    "peralatan": _LINKED,
    "pencatatan": _TEXTS,
    "peringatan": {
        "type": "list",
        "schema": {
            "type": "dict",
            "schema": {
                "teks": {"type": "string", "required": True},
                "dokumen": {"type": "string", "required": True},
                "ditandatangani_oleh": {"type": "string", "required": True},
                "sebelum_langkah_pertama": {"type": "boolean", "default": True},
                "mencakup_seluruh_proses": {"type": "boolean", "default": True},
                "anggota_untuk_peran": _TEXT,
            },
        },
    },
    "pejabat_wajib": _ROLE_LIST,
    "pengecualian_disetujui_oleh": {"type": "string", "default": "camat"},
    "peran": {"type": "dict", "required": True, "keysrules": _ID, "valuesrules": {"type": "string"}},
    "jenis_dokumen": {
        "type": "dict",
        "required": True,
        "keysrules": _ID,
        "valuesrules": {
            "type": "dict",
            "schema": {
                "nama": {"type": "string", "required": True},
                "berkas": {"type": "boolean"},
                "paraf": _ROLE_LIST,
                "tanda_tangan": _ROLE_LIST,
                "mengutip_dasar_hukum": {"type": "boolean"},
                # evidence.md, rules additions: what the attachment's bytes may be, which
                # kinds may be the very same file, and whether its text names the period.
                "format": {
                    "type": "list",
                    "schema": {"type": "string", "allowed": ["pdf", "docx", "jpeg", "png", "tiff"]},
                },
                "berkas_sama_dengan": {"type": "list", "schema": {"type": "string"}},
                "menyebut_periode": {"type": "boolean"},
            },
        },
    },
    "langkah": {
        "type": "list",
        "required": True,
        "minlength": 1,
        "schema": {
            "type": "dict",
            "schema": {
                "nomor": {"type": "integer", "required": True, "min": 1},
                "kegiatan": {"type": "string", "required": True},
                "ringkas": _TEXT,
                "pelaksana": {**_ROLE_LIST, "required": True, "minlength": 1},
                "kelengkapan": _ROLE_LIST,
                "waktu": {"type": "string", "required": True},
                "output": _ROLE_LIST,
                "keterangan": _TEXT,
                "keputusan": {"type": "dict", "keysrules": {"type": "string"}, "valuesrules": {"type": "integer"}},
            },
        },
    },
    "jumlah_waktu": {"type": "string", "required": True},
}


@dataclass(frozen=True)
class Rulebook:
    """All SOPs known to a run, and the files they came from (the cache keys on them)."""

    sops: Mapping[str, Sop]
    files: tuple[Path, ...]


def bundled_rules_dir() -> Path:
    """The rules shipped with the tool: inside the package once installed, else the source tree."""
    package = Path(__file__).resolve().parent.parent  # lapkin_audit/, from lapkin_audit/load/
    installed = package / "bundled_rules"
    return installed if installed.is_dir() else package.parent / "rules"


def load_rulebook(extra_dirs: Iterable[Path] = ()) -> Rulebook:
    from lapkin_audit.load.calendar import load_calendar  # only runs that audit need the calendar

    sop_data: dict[str, tuple[dict[str, Any], str, Mapping[str, int]]] = {}
    calendars: dict[str, Any] = {}
    files: list[Path] = []
    for folder in (bundled_rules_dir(), *extra_dirs):
        if not folder.is_dir():
            raise RulesError(str(folder), "not a folder of rules")
        seen_here: dict[str, str] = {}
        for path in sorted(folder.rglob("*.yaml")):
            data, lines = _read_yaml(path)
            files.append(path)
            source = str(path)
            if isinstance(data, dict) and set(data) == {"kalender"}:
                calendar = load_calendar(data, source, lines)
                _once(seen_here, "kalender:" + calendar.id, source)
                calendars[calendar.id] = calendar
            elif isinstance(data, dict) and set(data) == {"sop"}:
                if not isinstance(data["sop"], dict) or not isinstance(data["sop"].get("id"), str):
                    raise RulesError(source, "sop.id is missing")
                _once(seen_here, "sop:" + data["sop"]["id"], source)
                sop_data[data["sop"]["id"]] = (data["sop"], source, lines)
            else:
                raise RulesError(source, "a rules file holds exactly one top-level key: `sop` or `kalender`")
    sops = {
        sop_id: _build_sop(raw, source, calendars, lines) for sop_id, (raw, source, lines) in sorted(sop_data.items())
    }
    return Rulebook(sops, tuple(files))


def _once(seen: dict[str, str], key: str, source: str) -> None:
    if key in seen:
        raise RulesError(source, f"{key.replace(':', ' ')} is also defined in {seen[key]}")
    seen[key] = source


def _read_yaml(path: Path) -> tuple[Any, Mapping[str, int]]:
    """The file's data and the line of every field, read as safely as a manifest.

    Duplicate keys, tags and everything else a manifest may not hold are errors here too.
    """
    text = yamlread.read_text(path)
    problems: list[yamlread.ReadProblem]
    if isinstance(text, yamlread.ReadProblem):
        problems = [text]
    else:
        data, lines, problems = yamlread.parse(text)
        if not problems:
            return data, lines
    problem = problems[0]
    where = f"line {problem.line}: " if problem.line else ""
    message = render(problem.message, {**problem.args, "what": Nested("what.rules"), "path": path.name}, "en")
    raise RulesError(str(path), where + message)


def _build_sop(raw: dict[str, Any], source: str, calendars: Mapping[str, Any], lines: Mapping[str, int]) -> Sop:
    checker = cerberus.Validator(SOP_SCHEMA, allow_unknown=False)
    if not checker.validate(raw):
        raise RulesError(source, "; ".join(flatten_errors(checker.errors, lines, "sop")))
    raw = checker.document  # with defaults filled in
    calendar = calendars.get(raw["kalender"])
    if calendar is None:
        raise RulesError(
            source,
            f"sop.kalender names an unknown calendar {raw['kalender']!r}"
            f" (known: {', '.join(sorted(calendars)) or '-'})",
        )
    roles = dict(raw["peran"])
    kinds = {
        kind_id: DocumentKind(
            id=kind_id,
            name=spec["nama"],
            needs_file=spec.get("berkas", False),
            paraf=tuple(spec.get("paraf", ())),
            tanda_tangan=tuple(spec.get("tanda_tangan", ())),
            cites_legal_basis=spec.get("mengutip_dasar_hukum", False),
            formats=tuple(spec.get("format", ())),
            shares_file_with=tuple(spec.get("berkas_sama_dengan", ())),
            names_period=spec.get("menyebut_periode", False),
        )
        for kind_id, spec in raw["jenis_dokumen"].items()
    }
    refs = _References(source, roles, kinds)
    for kind in kinds.values():
        refs.roles(kind.paraf + kind.tanda_tangan, f"jenis_dokumen.{kind.id}")
        refs.kinds(kind.shares_file_with, f"jenis_dokumen.{kind.id}.berkas_sama_dengan")
    steps = tuple(_build_step(item, i, calendar, refs) for i, item in enumerate(raw["langkah"]))
    _check_flow(steps, source)
    total = _duration(calendar, raw["jumlah_waktu"], "jumlah_waktu", source)
    if total != sum(step.waktu_minutes for step in steps):
        listed = " + ".join(step.waktu for step in steps)
        raise RulesError(
            source,
            f"jumlah_waktu {raw['jumlah_waktu']!r} ({total} working minutes) is not the sum of the steps' waktu "
            f"({listed} = {sum(s.waktu_minutes for s in steps)} working minutes)",
        )
    preconditions = []
    for i, item in enumerate(raw.get("peringatan", ())):
        where = f"peringatan[{i}]"
        refs.kinds((item["dokumen"],), where)
        refs.roles((item["ditandatangani_oleh"],), where)
        if item.get("anggota_untuk_peran"):
            refs.roles((item["anggota_untuk_peran"],), where)
        preconditions.append(
            Precondition(
                text=item["teks"],
                dokumen=item["dokumen"],
                signed_by=item["ditandatangani_oleh"],
                before_first_step=item["sebelum_langkah_pertama"],
                covers_run=item["mencakup_seluruh_proses"],
                members_for_role=item.get("anggota_untuk_peran"),
            )
        )
    linked = {}
    for key in ("peralatan", "keterkaitan"):
        items = tuple(LinkedDocument(x["nama"], x.get("dokumen")) for x in raw.get(key, ()))
        refs.kinds(tuple(x.dokumen for x in items if x.dokumen), key)
        linked[key] = items
    required = tuple(raw.get("pejabat_wajib", ()))
    refs.roles(required, "pejabat_wajib")
    refs.roles((raw["pengecualian_disetujui_oleh"],), "pengecualian_disetujui_oleh")
    return Sop(
        id=raw["id"],
        name=raw["nama"],
        nomor=raw.get("nomor", ""),
        unit=raw.get("unit", ""),
        tanggal_efektif=raw["tanggal_efektif"],
        disahkan_oleh=raw.get("disahkan_oleh", {}),
        roles=roles,
        document_kinds=kinds,
        steps=steps,
        legal_bases=tuple(
            LegalBasis(x["jenis"], x["nomor"], x["tahun"], x.get("judul", ""), x.get("teks_asli"))
            for x in raw["dasar_hukum"]
        ),
        peralatan=linked["peralatan"],
        keterkaitan=linked["keterkaitan"],
        preconditions=tuple(preconditions),
        jumlah_waktu=raw["jumlah_waktu"],
        jumlah_waktu_minutes=total,
        calendar=calendar,
        source=source,
        required_officials=required,
        waiver_approver=raw["pengecualian_disetujui_oleh"],
        texts={k: raw.get(k, ()) for k in ("kualifikasi_pelaksana", "pencatatan")},
    )


class _References:
    """Checks that every role and document kind an SOP names is one it defines."""

    def __init__(self, source: str, roles: Mapping[str, str], kinds: Mapping[str, DocumentKind]) -> None:
        self.source, self.known_roles, self.known_kinds = source, roles, kinds

    def roles(self, names: Iterable[str], where: str) -> None:
        for name in names:
            if name not in self.known_roles:
                raise RulesError(self.source, f"{where} names role {name!r}, which `peran` does not define")

    def kinds(self, names: Iterable[str], where: str) -> None:
        for name in names:
            if name not in self.known_kinds:
                raise RulesError(
                    self.source, f"{where} names document kind {name!r}, which `jenis_dokumen` does not define"
                )


def _build_step(item: dict[str, Any], index: int, calendar: Any, refs: _References) -> SopStep:
    where = f"langkah[{index}]"
    refs.roles(item["pelaksana"], where + ".pelaksana")
    refs.kinds(item.get("kelengkapan", ()), where + ".kelengkapan")
    refs.kinds(item.get("output", ()), where + ".output")
    return SopStep(
        nomor=item["nomor"],
        kegiatan=" ".join(item["kegiatan"].split()),
        short_name=item.get("ringkas") or item["kegiatan"],
        pelaksana=tuple(item["pelaksana"]),
        kelengkapan=tuple(item.get("kelengkapan", ())),
        output=tuple(item.get("output", ())),
        waktu=item["waktu"],
        waktu_minutes=_duration(calendar, item["waktu"], where + ".waktu", refs.source),
        decision=dict(item["keputusan"]) if item.get("keputusan") else None,
        keterangan=item.get("keterangan"),
    )


def _check_flow(steps: tuple[SopStep, ...], source: str) -> None:
    numbers = [step.nomor for step in steps]
    if len(set(numbers)) != len(numbers):
        raise RulesError(source, f"langkah numbers repeat: {numbers}")
    if numbers != sorted(numbers):
        raise RulesError(source, f"langkah must be listed in order of nomor: {numbers}")
    for step in steps:
        for hasil, target in (step.decision or {}).items():
            if target not in numbers:
                raise RulesError(source, f"langkah {step.nomor}: keputusan {hasil!r} leads to unknown step {target}")


def _duration(calendar: Any, text: str, where: str, source: str) -> int:
    try:
        minutes: int = calendar.parse_duration(text)
        return minutes
    except ValueError as exc:
        raise RulesError(source, f"{where}: {exc}") from None
