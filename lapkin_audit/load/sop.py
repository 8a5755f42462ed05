"""Reading the rules: SOP and calendar files (YAML) -> validated, cross-checked ``Sop`` objects.

Every ``*.yaml`` under a rules folder holds either ``sop:`` or ``kalender:``. Folders are
read in order (the bundled rules first, then each ``--rules`` folder), and a later file
with the same id replaces an earlier one, so an office can override a bundled SOP or
calendar. Anything wrong is a ``RulesError``: no dossier can be judged by broken rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit import unassessable
from lapkin_audit.domain.waktu import parse_waktu
from lapkin_audit.errors import RulesError, flatten_errors
from lapkin_audit.lang.messages import Nested
from lapkin_audit.load import yamlread
from lapkin_audit.load.content_rules import content_rules, load_outline
from lapkin_audit.load.kept import normalized
from lapkin_audit.load.sop_schema import SOP_SCHEMA
from lapkin_audit.model import (
    ContentRules,
    DocumentKind,
    LegalBasis,
    LinkedDocument,
    Precondition,
    ReportPart,
    RetirementAge,
    Sop,
    SopStep,
    Store,
    TteTrust,
)


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


def load_rulebook(extra_dirs: Iterable[Path] = (), kept: Store | None = None) -> Rulebook:
    """Every SOP of the bundled rules and ``extra_dirs``, validated. ``kept`` holds rules
    documents validated by earlier runs (``load.kept``): the same content skips cerberus."""
    from lapkin_audit.domain.worktime import Holidays
    from lapkin_audit.load import calendar as calendar_files  # only runs that audit need the calendar

    holidays = Holidays(kept)  # one table a year for every calendar of these rules
    sop_data: dict[str, tuple[dict[str, Any], str, Mapping[str, int]]] = {}
    calendars: dict[str, Any] = {}
    additions: list[Any] = []  # days off added to a calendar, applied once every calendar is read
    trust = TteTrust()
    outlines: dict[str, tuple[ReportPart, ...]] = {}  # report outlines (`kerangka`), by id
    providers: dict[str, Any] = {}  # by id: a later folder's entry replaces the same id
    files: list[Path] = []
    for folder in (bundled_rules_dir(), *extra_dirs):
        if not folder.is_dir():
            raise RulesError(str(folder), "rules.not_a_folder")
        seen_here: dict[str, str] = {}
        for path in rules_files(folder):
            files.append(path)
            if path.suffix != ".yaml":
                continue  # a certificate or revocation list, read by the tte file that names it
            data, lines = _read_yaml(path)
            source = str(path)
            if isinstance(data, dict) and set(data) == {"kalender"} and calendar_files.is_addition(data):
                additions.append(calendar_files.load_addition(data, source, lines, kept))
            elif isinstance(data, dict) and set(data) == {"kalender"}:
                calendar = calendar_files.load_calendar(data, source, lines, kept, holidays)
                _once(seen_here, "kalender:" + calendar.id, source)
                calendars[calendar.id] = calendar
            elif isinstance(data, dict) and set(data) == {"tte"}:
                from lapkin_audit.load.tte import load_tte

                _once(seen_here, "tte:", source)
                trust = load_tte(data["tte"], source, path.parent, lines)  # a later folder's replaces
            elif isinstance(data, dict) and set(data) == {"kerangka"}:
                outline_id, parts = load_outline(data["kerangka"], source, kept)
                _once(seen_here, "kerangka:" + outline_id, source)
                outlines[outline_id] = parts
            elif isinstance(data, dict) and set(data) == {"psre"}:
                from lapkin_audit.load.tte import load_providers

                for provider in load_providers(data["psre"], source, lines):
                    _once(seen_here, "psre:" + provider.id, source)
                    providers[provider.id] = provider
            elif isinstance(data, dict) and set(data) == {"sop"}:
                if not isinstance(data["sop"], dict) or not isinstance(data["sop"].get("id"), str):
                    raise RulesError(source, "rules.no_sop_id")
                _once(seen_here, "sop:" + data["sop"]["id"], source)
                sop_data[data["sop"]["id"]] = (data["sop"], source, lines)
            else:
                raise RulesError(source, "rules.top_level")
    trust = dataclasses.replace(trust, providers=tuple(providers[key] for key in sorted(providers)))
    for addition in additions:  # to the calendar of that id as the last folder left it
        calendars[addition.target] = calendar_files.extend(calendars.get(addition.target), addition)
    sops = {
        sop_id: dataclasses.replace(
            _build_sop(raw, source, calendars, lines, kept), tte=trust, content=_content(raw, outlines, source, kept)
        )
        for sop_id, (raw, source, lines) in sorted(sop_data.items())
    }
    return Rulebook(sops, tuple(files))


TRUST_SUFFIXES = (".pem", ".crt", ".cer", ".der", ".crl")


def rules_files(folder: Path) -> list[Path]:
    """What a run reads from a rules folder, in order: its YAML files, then the certificates
    and revocation lists a ``tte`` file may name (the result cache keys on all of them)."""
    trust = (path for path in folder.rglob("*") if path.suffix.lower() in TRUST_SUFFIXES)
    return sorted(folder.rglob("*.yaml")) + sorted(trust)


def _once(seen: dict[str, str], key: str, source: str) -> None:
    if key in seen:
        raise RulesError(source, "rules.defined_twice", what=key.replace(":", " ").strip(), other=seen[key])
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
    said = unassessable.Said(problem.message, {**problem.args, "what": Nested("what.rules"), "path": path.name})
    if problem.line:
        raise RulesError(str(path), "rules.yaml_at", line=problem.line, problem=said)
    raise RulesError(str(path), "rules.yaml", problem=said)


def _content(
    raw: Mapping[str, Any], outlines: Mapping[str, tuple[ReportPart, ...]], source: str, kept: Store | None
) -> ContentRules:
    """The SOP's `isi`, checked against its document kinds (after the SOP itself validated)."""
    isi = raw.get("isi") or {}
    rules = content_rules(isi, source, outlines, kept)
    kinds = raw.get("jenis_dokumen") or {}
    for key in rules.parts:
        kind = key.split("@")[0]
        if kind not in kinds:
            raise RulesError(source, "rules.unknown_part_kind", kind=kind)
    return rules


def _build_sop(
    raw: dict[str, Any],
    source: str,
    calendars: Mapping[str, Any],
    lines: Mapping[str, int],
    kept: Store | None = None,
) -> Sop:
    gaps = raw.get("celah")
    if gaps:
        fields = (
            [str(g.get("bidang", "?")) if isinstance(g, dict) else "?" for g in gaps] if isinstance(gaps, list) else []
        )
        more = len(fields) - 5 if len(fields) > 5 else 0
        message = "rules.incomplete_more" if more else "rules.incomplete"
        raise RulesError(source, message, count=len(fields) or "?", fields=", ".join(fields[:5]), more=more)
    raw = {k: v for k, v in raw.items() if k != "celah"}

    def validate(document: Any) -> Any:
        import cerberus  # only rules not validated before pay for importing cerberus

        checker = cerberus.Validator(SOP_SCHEMA, allow_unknown=False)
        if not checker.validate(document):
            raise RulesError(source, "rules.invalid", detail="; ".join(flatten_errors(checker.errors, lines, "sop")))
        return checker.document  # with defaults filled in

    raw = normalized("sop", raw, validate, kept)
    calendar = calendars.get(raw["kalender"])
    if calendar is None:
        known = ", ".join(sorted(calendars)) or "-"
        raise RulesError(source, "rules.unknown_calendar", calendar=raw["kalender"], known=known)
    roles = dict(raw["peran"])
    kinds = {
        kind_id: DocumentKind(
            id=kind_id,
            name=spec["nama"],
            needs_file=spec.get("berkas", False),
            paraf=tuple(spec.get("paraf", ())),
            tanda_tangan=tuple(spec.get("tanda_tangan", ())),
            cites_legal_basis=spec.get("mengutip_dasar_hukum", False),
            tte=spec.get("tte", False),
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
    total, total_calendar = _duration(calendar, raw["jumlah_waktu"], "jumlah_waktu", source)
    # The sum is checked when every time is working time; calendar time does not add to it.
    same_kind = not total_calendar and not any(step.waktu_kalender for step in steps)
    if same_kind and total != sum(step.waktu_minutes for step in steps):
        listed = " + ".join(step.waktu for step in steps)
        summed = sum(s.waktu_minutes for s in steps)
        raise RulesError(
            source, "rules.total_time", total=raw["jumlah_waktu"], minutes=total, listed=listed, summed=summed
        )
    preconditions = []
    for i, item in enumerate(raw.get("peringatan", ())):
        where = f"peringatan[{i}]"
        if "dokumen" not in item:
            continue  # documented only: nothing a dossier must prove
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
    ages = {role: RetirementAge(x["usia"], x["sumber"]) for role, x in raw.get("batas_usia_pensiun", {}).items()}
    refs.roles(tuple(ages), "batas_usia_pensiun")
    return Sop(
        id=raw["id"],
        name=raw["nama"],
        nomor=raw.get("nomor", ""),
        unit=raw.get("unit", ""),
        tanggal_efektif=_first_day(raw["tanggal_efektif"]),
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
        jumlah_waktu_kalender=total_calendar,
        calendar=calendar,
        source=source,
        required_officials=required,
        waiver_approver=raw["pengecualian_disetujui_oleh"],
        periodic=raw["laporan_berkala"],
        texts={k: raw.get(k, ()) for k in ("kualifikasi_pelaksana", "pencatatan")},
        retirement_ages=ages,
    )


class _References:
    """Checks that every role and document kind an SOP names is one it defines."""

    def __init__(self, source: str, roles: Mapping[str, str], kinds: Mapping[str, DocumentKind]) -> None:
        self.source, self.known_roles, self.known_kinds = source, roles, kinds

    def roles(self, names: Iterable[str], where: str) -> None:
        for name in names:
            if name not in self.known_roles:
                raise RulesError(self.source, "rules.unknown_role", where=where, name=name)

    def kinds(self, names: Iterable[str], where: str) -> None:
        for name in names:
            if name not in self.known_kinds:
                raise RulesError(self.source, "rules.unknown_kind", where=where, name=name)


def _build_step(item: dict[str, Any], index: int, calendar: Any, refs: _References) -> SopStep:
    where = f"langkah[{index}]"
    refs.roles(item["pelaksana"], where + ".pelaksana")
    refs.kinds(item.get("kelengkapan", ()), where + ".kelengkapan")
    refs.kinds(item.get("output", ()), where + ".output")
    waktu = item["waktu"]
    if isinstance(waktu, dict):
        waktu_text = waktu["teks"]
        if "total" in waktu:
            minutes, calendar_time = _duration(calendar, waktu["total"], where + ".waktu.total", refs.source)
        else:
            minutes, calendar_time = _duration(calendar, waktu_text, where + ".waktu", refs.source)
    else:
        waktu_text = waktu
        minutes, calendar_time = _duration(calendar, waktu, where + ".waktu", refs.source)
    if minutes < 0:
        raise RulesError(refs.source, "rules.time_per_item", where=where, waktu=waktu_text)
    return SopStep(
        nomor=item["nomor"],
        kegiatan=" ".join(item["kegiatan"].split()),
        short_name=item.get("ringkas") or item["kegiatan"],
        pelaksana=tuple(item["pelaksana"]),
        kelengkapan=tuple(item.get("kelengkapan", ())),
        output=tuple(item.get("output", ())),
        waktu=waktu_text,
        waktu_minutes=minutes,
        waktu_kalender=calendar_time,
        decision=dict(item["keputusan"]) if item.get("keputusan") else None,
        keterangan=item.get("keterangan"),
    )


def _check_flow(steps: tuple[SopStep, ...], source: str) -> None:
    numbers = [step.nomor for step in steps]
    if len(set(numbers)) != len(numbers):
        raise RulesError(source, "rules.steps_repeat", numbers=numbers)
    if numbers != sorted(numbers):
        raise RulesError(source, "rules.steps_order", numbers=numbers)
    for step in steps:
        for hasil, target in (step.decision or {}).items():
            if target not in numbers:
                raise RulesError(source, "rules.unknown_step", step=step.nomor, hasil=hasil, target=target)


def _duration(calendar: Any, text: str, where: str, source: str) -> tuple[int, bool]:
    """(minutes, calendar time?) of a Waktu: working minutes of the office calendar, or
    elapsed minutes for calendar time; -1 for a rate per item (no limit of its own)."""
    try:
        waktu = parse_waktu(text)
    except ValueError as exc:
        raise RulesError(source, "rules.waktu", where=where, detail=str(exc)) from None
    if waktu.per:
        return -1, waktu.kalender
    return waktu.maksimum.minutes(calendar.minutes_per_day), waktu.kalender


def _first_day(value: Any) -> dt.date:
    """A Tanggal Efektif given as a month counts from its first day: the document says no
    more, and the office is not to be faulted for what its SOP leaves out."""
    if isinstance(value, str):
        year, month = value.split("-")
        return dt.date(int(year), int(month), 1)
    result: dt.date = value
    return result
