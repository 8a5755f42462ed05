"""The SOP as the checks read it: steps, document kinds, legal bases, preconditions, and
what a run trusts for electronic signatures (rules/*.yaml, read by load/sop.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the calendar is only needed where working time is computed
    from lapkin_audit.domain.worktime import OfficeCalendar


@dataclass(frozen=True)
class LegalBasis:
    """One regulation of the SOP's Dasar Hukum, reduced to (kind, number, year)."""

    kind: str
    number: str
    year: int
    title: str
    original_text: str | None = None

    def key(self) -> tuple[str, str, int]:
        return (self.kind, self.number, self.year)


@dataclass(frozen=True)
class TteProvider:
    """A certified provider of electronic certificates (PSrE) under Root CA Indonesia, as
    a document's TTE footer names it (a ``psre`` rules file; load/tte.py)."""

    id: str
    names: tuple[str, ...]  # as documents print them, e.g. "Balai Besar Sertifikasi Elektronik"
    source: str  # sumber: where the list comes from


@dataclass(frozen=True)
class TteTrust:
    """What a run trusts for electronic signatures (a ``tte`` rules file; load/tte.py)."""

    roots: tuple[bytes, ...] = ()  # trust roots, DER; none by default
    pins: tuple[str, ...] = ()  # their SHA-256 fingerprints, as the rules file pins them
    crls: tuple[bytes, ...] = ()  # revocation lists, DER
    tolerance_minutes: int = 60  # a declared datetime and the signing time
    tolerance_days: int = 0  # a declared date and the signing time's local date (0: the same day)
    source: str | None = None  # the rules file, None when none is configured
    providers: tuple[TteProvider, ...] = ()  # whose names a visible TTE mark may give (``psre`` files)


# ----------------------------------------------------------------------------- content rules
# What the content checks (C001-C008, content.md) read from an SOP's `isi` (load/sop.py).


@dataclass(frozen=True)
class IndicatorRule:
    """An office's statement about one indicator: its direction and capaian formula."""

    nama: str
    arah: str | None = None  # naik (higher is better) or turun
    rumus: str | None = None  # r/t, (2t-r)/t or t/r (lapkin_audit.domain.capaian)


@dataclass(frozen=True)
class ReportPart:
    """A part a report must have (PermenPAN-RB 53/2014's outline for an LKjIP)."""

    id: str
    nama: str
    pola: tuple[str, ...]  # headings that show it, any one of them (case and spacing folded)
    sumber: str  # where the requirement comes from
    atau_dokumen: str | None = None  # a document kind whose attachment satisfies it too


@dataclass(frozen=True)
class ContentRules:
    indicators: tuple[IndicatorRule, ...] = ()
    abbreviations: Mapping[str, str] = field(default_factory=dict)  # added to the default list
    # document kind -> its parts; "kind@tahunan" (a periode jenis) for one kind of period only
    parts: Mapping[str, tuple[ReportPart, ...]] = field(default_factory=dict)
    capaian_units: int = 1  # a printed capaian may be off by this many units of its last digit


@dataclass(frozen=True)
class DocumentKind:
    id: str
    name: str
    needs_file: bool
    paraf: tuple[str, ...] = ()  # roles that must initial it
    tanda_tangan: tuple[str, ...] = ()  # roles that must sign it
    cites_legal_basis: bool = False
    tte: bool = False  # its paraf and tanda tangan must be electronic signatures in the PDF
    formats: tuple[str, ...] = ()  # formats its file may have (pdf, docx, xlsx, jpeg, png, tiff); empty: any
    shares_file_with: tuple[str, ...] = ()  # kinds that may be attached as the very same file
    names_period: bool = False  # its text names the dossier's period and office (B005)


@dataclass(frozen=True)
class RetirementAge:
    """The retirement age (BUP) of a role's office, and the regulation that sets it (P007)."""

    usia: int
    sumber: str


@dataclass(frozen=True)
class SopStep:
    nomor: int
    kegiatan: str
    short_name: str
    pelaksana: tuple[str, ...]
    kelengkapan: tuple[str, ...]  # input document kinds
    output: tuple[str, ...]  # output document kinds
    waktu: str  # as the SOP writes it, e.g. "1 hari"
    waktu_minutes: int  # working minutes (elapsed minutes when waktu_kalender)
    decision: Mapping[str, int] | None = None  # hasil -> next step; None for a plain step
    keterangan: str | None = None
    waktu_kalender: bool = False  # the Waktu is calendar time ("1 x 24 jam"), not working time


@dataclass(frozen=True)
class LinkedDocument:
    """An equipment item (Peralatan) or related SOP (Keterkaitan) and the kind that proves it."""

    name: str
    dokumen: str | None  # None: nothing in a dossier can prove it (e.g. a computer)


@dataclass(frozen=True)
class Precondition:
    """A decree that must exist before the run (the SOP's Peringatan)."""

    text: str
    dokumen: str
    signed_by: str
    before_first_step: bool
    covers_run: bool
    members_for_role: str | None


@dataclass(frozen=True)
class Sop:
    id: str
    name: str
    nomor: str
    unit: str
    tanggal_efektif: dt.date
    disahkan_oleh: Mapping[str, Any]
    roles: Mapping[str, str]  # role id -> name
    document_kinds: Mapping[str, DocumentKind]
    steps: tuple[SopStep, ...]
    legal_bases: tuple[LegalBasis, ...]
    peralatan: tuple[LinkedDocument, ...]
    keterkaitan: tuple[LinkedDocument, ...]
    preconditions: tuple[Precondition, ...]
    jumlah_waktu: str
    jumlah_waktu_minutes: int
    calendar: OfficeCalendar
    source: str
    required_officials: tuple[str, ...] = ()  # roles a dossier must name in `pejabat`
    waiver_approver: str = "camat"  # the role whose holder may approve a pengecualian
    texts: Mapping[str, Any] = field(default_factory=dict)  # kualifikasi, pencatatan, ...: documented only
    jumlah_waktu_kalender: bool = False  # the total is calendar time
    tte: TteTrust = field(default_factory=TteTrust)  # the run's trust for electronic signatures
    # The SOP produces a report for a period (triwulan, semester, ...): only then does a
    # dossier name its `periode` and may not start before the period ends (W004).
    periodic: bool = False
    # role id -> the BUP of its office (`batas_usia_pensiun`); a role without one is
    # checked for its holders' TMT only (P007)
    retirement_ages: Mapping[str, RetirementAge] = field(default_factory=dict)
    content: ContentRules = field(default_factory=ContentRules)  # the content checks' data (`isi`)

    def outline(self) -> SopOutline:
        """What a reader needs of this SOP beside the findings."""
        manual = tuple(
            ManualCheck("kualifikasi_pelaksana", text) for text in self.texts.get("kualifikasi_pelaksana", ())
        )
        # Equipment a dossier can prove is checked (K005); the rest only a person can confirm.
        manual += tuple(ManualCheck("peralatan", item.name) for item in self.peralatan if item.dokumen is None)
        return SopOutline(self.id, self.name, self.nomor, self.unit, self.jumlah_waktu, manual)

    def step(self, nomor: int) -> SopStep | None:
        for step in self.steps:
            if step.nomor == nomor:
                return step
        return None

    def successors(self, nomor: int, hasil: str | None) -> tuple[int, ...]:
        """Steps that may follow ``nomor``; a decision step follows its ``hasil``."""
        step = self.step(nomor)
        if step is None:
            return ()
        if step.decision is not None:
            if hasil is not None and hasil in step.decision:
                return (step.decision[hasil],)
            # No valid hasil (reported on its own): any exit of the decision may follow.
            return tuple(sorted(set(step.decision.values())))
        index = self.steps.index(step)
        return (self.steps[index + 1].nomor,) if index + 1 < len(self.steps) else ()


@dataclass(frozen=True)
class ManualCheck:
    """A requirement of the SOP that no machine can check, for a reader to tick."""

    section: str  # "kualifikasi_pelaksana" or "peralatan" (the SOP's section)
    text: str


@dataclass(frozen=True)
class SopOutline:
    id: str
    name: str
    nomor: str
    unit: str
    jumlah_waktu: str
    manual_checks: tuple[ManualCheck, ...]
