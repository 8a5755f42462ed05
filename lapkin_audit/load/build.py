"""Validated plain data of a manifest -> the frozen ``Dossier`` model.

Runs after the format check (``load.manifest``): every key has its type. What is left
to judge here is the text of dates and times (``load.datetext``); those that do not
read are E003, each with its field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lapkin_audit.domain.worktime import zone_info
from lapkin_audit.load.datetext import Unreadable, iso_example, parse_when
from lapkin_audit.model import (
    Document,
    Dossier,
    Mark,
    Periode,
    Person,
    Sop,
    StepRecord,
    Violation,
    Waiver,
    nearest_line,
)

DEFAULT_ZONE = "Asia/Jakarta"
MIN_YEAR, MAX_YEAR = 1945, 2100


class DossierBuilder:
    """Turns validated plain data into the frozen model; dates that do not parse are E003."""

    def __init__(self, data: dict[str, Any], lines: Mapping[str, int], sop: Sop, text: str) -> None:
        self.data = data
        self.lines = lines
        self.text = text
        self._text_lines: list[str] | None = None
        self.errors: list[Violation] = []
        instansi = data["instansi"]
        self.zone = instansi.get("zona_waktu") or sop.calendar.zone or DEFAULT_ZONE
        try:
            self.tz = zone_info(self.zone)
        except ValueError:
            self.tz = zone_info(DEFAULT_ZONE)
            self._error("format.zone", "instansi.zona_waktu", zone=self.zone)

    def build(self, folder: Path, display_path: str) -> Dossier | None:
        d = self.data
        periode = (
            Periode(d["periode"]["tahun"], d["periode"]["jenis"], d["periode"].get("ke")) if "periode" in d else None
        )
        pejabat = {role: self._person(p, f"pejabat.{role}", role) for role, p in d["pejabat"].items()}
        dokumen = tuple(self._document(doc, f"dokumen[{i}]") for i, doc in enumerate(d["dokumen"]))
        langkah = tuple(self._step(step, f"langkah[{i}]") for i, step in enumerate(d["langkah"]))
        waivers = tuple(self._waiver(w, f"pengecualian[{i}]") for i, w in enumerate(d.get("pengecualian") or ()))
        if self.errors:
            return None
        return Dossier(
            path=display_path,
            folder=folder,
            sop_id=d["sop"],
            instansi=d["instansi"]["nama"],
            zona_waktu=self.zone,
            periode=periode,
            pejabat=pejabat,
            dokumen=dokumen,
            langkah=langkah,
            pengecualian=waivers,
            lines=self.lines,
        )

    def _error(self, message: str, path: str, **args: Any) -> None:
        args.setdefault("field", path)
        self.errors.append(Violation("E003", message, args, field=path, line=nearest_line(path, self.lines)))

    def _person(self, raw: dict[str, Any], path: str, peran: str | None = None) -> Person:
        return Person(
            nama=raw.get("nama"),
            nip=raw.get("nip"),
            peran=raw.get("peran", peran),
            field=path,
            status=raw.get("status", "definitif"),
        )

    def _marks(self, raw: list[Any] | None, path: str) -> tuple[Mark, ...]:
        marks = []
        for i, item in enumerate(raw or ()):
            where = f"{path}[{i}]"
            when = self._moment(item["tanggal"], f"{where}.tanggal", need_time=False)
            if when is not None:
                marks.append(Mark(self._person(item, where), when, where, item.get("metode")))
        return tuple(marks)

    def _document(self, raw: dict[str, Any], path: str) -> Document:
        return Document(
            jenis=raw["jenis"],
            field=path,
            judul=raw.get("judul"),
            nomor=raw.get("nomor"),
            tanggal=self._date(raw.get("tanggal"), f"{path}.tanggal"),
            berkas=raw.get("berkas"),
            sha256=raw["sha256"].lower() if raw.get("sha256") else None,
            dasar_hukum=tuple(raw.get("dasar_hukum") or ()),
            paraf=self._marks(raw.get("paraf"), f"{path}.paraf"),
            tanda_tangan=self._marks(raw.get("tanda_tangan"), f"{path}.tanda_tangan"),
            berlaku_mulai=self._date(raw.get("berlaku_mulai"), f"{path}.berlaku_mulai"),
            berlaku_sampai=self._date(raw.get("berlaku_sampai"), f"{path}.berlaku_sampai"),
            anggota=tuple(self._person(p, f"{path}.anggota[{i}]") for i, p in enumerate(raw.get("anggota") or ())),
            berkas_as_written=self._cut_at_hash(raw.get("berkas"), f"{path}.berkas"),
        )

    def _cut_at_hash(self, value: Any, path: str) -> str | None:
        """The value and the `` #...`` that YAML took for a comment on its line, if any."""
        line = self.lines.get(path)
        if not isinstance(value, str) or line is None or "#" not in self.text:
            return None
        if self._text_lines is None:  # split once, and only for a manifest with a "#"
            self._text_lines = self.text.splitlines()
        source = self._text_lines[line - 1] if line <= len(self._text_lines) else ""
        match = re.search(rf"berkas\s*:\s*{re.escape(value)}(\s+#.*)$", source)
        return (value + match.group(1)).rstrip() if match else None

    def _step(self, raw: dict[str, Any], path: str) -> StepRecord:
        mulai = self._moment(raw["mulai"], f"{path}.mulai", need_time=True)
        selesai = self._moment(raw["selesai"], f"{path}.selesai", need_time=True)
        return StepRecord(
            nomor=raw["nomor"],
            pelaksana=tuple(self._person(p, f"{path}.pelaksana[{i}]") for i, p in enumerate(raw["pelaksana"])),
            mulai=mulai,  # type: ignore[arg-type]  # None only when an error was recorded
            selesai=selesai,  # type: ignore[arg-type]
            field=path,
            hasil=raw.get("hasil"),
            catatan=raw.get("catatan"),
        )

    def _waiver(self, raw: dict[str, Any], path: str) -> Waiver:
        return Waiver(
            aturan=raw["aturan"],
            langkah=raw.get("langkah"),
            alasan=raw["alasan"],
            disetujui_oleh=self._person(raw["disetujui_oleh"], f"{path}.disetujui_oleh"),
            tanggal=self._date(raw.get("tanggal"), f"{path}.tanggal"),
            field=path,
        )

    def _date(self, value: Any, path: str) -> dt.date | None:
        if value is None:
            return None
        moment = self._moment(value, path, need_time=False)
        if isinstance(moment, dt.datetime):
            return moment.date()
        return moment

    def _moment(self, value: Any, path: str, need_time: bool) -> dt.date | dt.datetime | None:
        """A date, or an aware datetime in the office zone (naive times are office-local)."""
        written = value
        if isinstance(value, str):
            parsed = parse_when(value)
            if isinstance(parsed, Unreadable):
                if parsed.suggestion is not None:
                    self._error("format.date_suggest", path, value=value, suggestion=parsed.suggestion)
                elif parsed.short_year:
                    self._error("format.date_short_year", path, value=value)
                else:
                    self._error("format.date", path, value=value)
                return None
            value = parsed
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            # Far-off dates are typos, and would make working-time sums walk centuries.
            self._error("format.date_range", path, value=str(value), low=MIN_YEAR, high=MAX_YEAR)
            return None
        if isinstance(value, dt.datetime):
            # Plain datetime arithmetic with a ZoneInfo is exact (Indonesia has no DST).
            if value.tzinfo is None:
                return value.replace(tzinfo=self.tz)
            return value.astimezone(self.tz)
        if need_time:
            example = iso_example(dt.datetime(value.year, value.month, value.day, 8, 0))
            self._error("format.need_time", path, value=str(written), example=example)
            return None
        day: dt.date = value
        return day
