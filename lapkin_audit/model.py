"""Immutable data passed between the stages: rules -> dossier -> checks -> engine -> report.

Everything here is a frozen dataclass, so a check can never change what the next one sees.
Field paths (``field``) point into the manifest (``langkah[1].selesai``, list indexes from 0);
the engine turns them into line numbers.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the calendar is only needed where working time is computed
    from lapkin_audit.domain.worktime import OfficeCalendar


class KeptTables(Protocol):
    """Where tables derived from rules and libraries outlive a run (the cache folder), so
    that the next start need not derive them again. Values are JSON; a miss is None."""

    def get(self, key: str) -> Any | None: ...

    def put(self, key: str, value: Any) -> None: ...


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class Verdict(str, enum.Enum):
    """Ordered from best to worst; the JSON report uses the values."""

    PATUH = "PATUH"
    PATUH_DENGAN_CATATAN = "PATUH_DENGAN_CATATAN"
    TIDAK_PATUH = "TIDAK_PATUH"
    TIDAK_DAPAT_DINILAI = "TIDAK_DAPAT_DINILAI"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


# --------------------------------------------------------------------------- the SOP


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
class TteTrust:
    """What a run trusts for electronic signatures (a ``tte`` rules file; load/tte.py)."""

    roots: tuple[bytes, ...] = ()  # trust roots, DER; none by default
    pins: tuple[str, ...] = ()  # their SHA-256 fingerprints, as the rules file pins them
    crls: tuple[bytes, ...] = ()  # revocation lists, DER
    tolerance_minutes: int = 60  # a declared datetime and the signing time
    tolerance_days: int = 0  # a declared date and the signing time's local date (0: the same day)
    source: str | None = None  # the rules file, None when none is configured


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
    formats: tuple[str, ...] = ()  # formats its file may have (pdf, docx, jpeg, png, tiff); empty: any
    shares_file_with: tuple[str, ...] = ()  # kinds that may be attached as the very same file
    names_period: bool = False  # its text names the dossier's period and office (B005)


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


# --------------------------------------------------------------------------- the dossier


@dataclass(frozen=True)
class Person:
    nama: str | None
    nip: object  # str or int as written; compare through lapkin_audit.domain.people
    peran: str | None
    field: str
    status: str = "definitif"


@dataclass(frozen=True)
class Mark:
    """A paraf or a tanda tangan."""

    person: Person
    tanggal: dt.date | dt.datetime  # datetimes are aware, in the office zone
    field: str
    metode: str | None = None  # tte | basah | sistem (evidence.md); None: not stated


@dataclass(frozen=True)
class Document:
    jenis: str
    field: str
    judul: str | None = None
    nomor: str | None = None
    tanggal: dt.date | None = None
    berkas: str | None = None
    sha256: str | None = None
    dasar_hukum: tuple[str, ...] = ()
    paraf: tuple[Mark, ...] = ()
    tanda_tangan: tuple[Mark, ...] = ()
    berlaku_mulai: dt.date | None = None
    berlaku_sampai: dt.date | None = None
    anggota: tuple[Person, ...] = ()
    # `berkas: lampiran/lra #2.pdf` unquoted: YAML keeps "lampiran/lra" and reads the
    # rest as a comment. This is the whole text as written, to suggest when the file is missing.
    berkas_as_written: str | None = None


@dataclass(frozen=True)
class StepRecord:
    nomor: int
    pelaksana: tuple[Person, ...]
    mulai: dt.datetime  # aware
    selesai: dt.datetime  # aware
    field: str
    hasil: str | None = None
    catatan: str | None = None


@dataclass(frozen=True)
class Waiver:
    aturan: str
    langkah: int | None
    alasan: str
    disetujui_oleh: Person
    tanggal: dt.date | None
    field: str


@dataclass(frozen=True)
class Periode:
    tahun: int
    jenis: str
    ke: int | None

    def last_day(self) -> dt.date:
        months = {"bulanan": 1, "triwulan": 3, "semester": 6, "tahunan": 12}[self.jenis]
        end_month = months * (self.ke or 1)
        if end_month == 12:
            return dt.date(self.tahun, 12, 31)
        return dt.date(self.tahun, end_month + 1, 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Dossier:
    path: str  # as reached from the paths given on the command line
    folder: Path
    sop_id: str
    instansi: str
    zona_waktu: str
    periode: Periode
    pejabat: Mapping[str, Person]
    dokumen: tuple[Document, ...]
    langkah: tuple[StepRecord, ...]
    pengecualian: tuple[Waiver, ...]
    lines: Mapping[str, int]  # field path -> 1-based line

    def documents(self, jenis: str) -> tuple[Document, ...]:
        return tuple(d for d in self.dokumen if d.jenis == jenis)

    def line_of(self, field_path: str | None) -> int | None:
        return nearest_line(field_path, self.lines)


def nearest_line(field_path: str | None, lines: Mapping[str, int]) -> int | None:
    """Line of a field, or of its nearest written parent (a missing key has no line)."""
    path = field_path
    while path:
        line = lines.get(path)
        if line is not None:
            return line
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return lines.get("")


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class WorkMinutes:
    """A span of working time, rendered in the report language ("14 jam 15 menit")."""

    minutes: int


@dataclass(frozen=True)
class Violation:
    """What a check yields: which rule, which message, where. The engine adds the rest."""

    rule: str
    message: str  # message id in lapkin_audit.lang.messages
    args: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    step: int | None = None
    field: str | None = None
    line: int | None = None  # only for findings made before a Dossier exists (E codes)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    step: int | None = None
    field: str | None = None
    line: int | None = None
    waived: bool = False
    waiver_reason: str | None = None
    # Identifies the finding across runs however its line moves: its code, message id and
    # arguments, and its field without list positions (decide.engine). A baseline matches on it.
    fingerprint: str = ""
    baselined: bool = False  # known in the repository's baseline: reported, never failing

    def sort_key(self) -> tuple[Any, ...]:
        # Spec order: line, then rule; the rest only makes ties deterministic.
        return (
            self.line if self.line is not None else 0,
            self.rule,
            self.step if self.step is not None else -1,
            self.field or "",
            self.message,
        )


@dataclass(frozen=True)
class StepTiming:
    """One record of the step log in working time, against its Mutu Baku: Waktu.

    ``waited`` is the working time between the end of the record before it and its start
    (0 for the first record, or when they overlap); ``worked`` is 0 when it ends before it
    starts (W003). ``overrun`` is the very comparison W001 makes.
    """

    nomor: int
    kegiatan: str  # the SOP's short name of the step
    mulai: dt.datetime
    selesai: dt.datetime
    worked: int  # working minutes
    standard: int  # working minutes of the Mutu Baku
    standard_text: str  # as the SOP writes it ("1 hari")
    waited: int
    field: str

    @property
    def overrun(self) -> bool:
        return self.worked > self.standard


@dataclass(frozen=True)
class DossierResult:
    path: str
    sop: str | None
    verdict: Verdict
    findings: tuple[Finding, ...]
    timeline: tuple[StepTiming, ...] = ()  # empty when the dossier could not be assessed
    about: DossierAbout | None = None  # None when the dossier could not be read that far
    evidence: Evidence | None = None  # what the attachments proved; None when not assessed
    # content.md: the capaian table and budget as read and compared (plain data, the JSON
    # report's `content` object: domain.content.judge.ContentResult.as_json); None when not assessed
    content: Mapping[str, Any] | None = None


LEVELS = ("dinyatakan", "teks", "kriptografis")  # levels of evidence, weakest first


@dataclass(frozen=True)
class AttachmentEvidence:
    """What was read from one attachment (evidence.md: the JSON report's ``evidence``)."""

    field: str  # the document in the manifest ("dokumen[0]")
    jenis: str
    berkas: str
    sha256: str | None
    format: str | None  # pdf | docx | jpeg | png | tiff | unknown; None: not read
    pages: int | None
    text_source: str | None  # "teks" (a text layer, a DOCX), "ocr", or None: no usable text
    ocr_confidence: int | None  # the lowest mean word confidence of its OCR pages
    problem: str | None  # why it was not (fully) read, or None
    signatures: tuple[SignatureEvidence, ...] = ()  # electronic signatures, in signing order


# What a signature amounts to, for a reader: it proves its mark (valid: checked in full), it
# would with more (partial: no timestamp or revocation data), nothing could be judged
# without trust roots (unchecked), or it fails (broken, untrusted, invalid at signing time).
SIGNATURE_STATUS = ("valid", "partial", "unchecked", "broken", "untrusted", "invalid")


@dataclass(frozen=True)
class SignatureEvidence:
    """One electronic signature of an attachment, as the reports show it."""

    field_name: str  # the PDF's signature field
    signer: str | None  # the certificate's common name
    time: str | None  # ISO 8601, UTC
    time_basis: str | None  # timestamp | signer
    status: str  # one of SIGNATURE_STATUS
    partial: tuple[str, ...]  # what could not be checked: no_roots, no_timestamp, no_revocation
    proves: str | None  # the manifest field of the paraf or tanda tangan it is matched to


@dataclass(frozen=True)
class Claim:
    """One claim the checks use, and the level of evidence that backs it."""

    claim: str  # dokumen | dasar_hukum | nomor | anggota | paraf | tanda_tangan
    field: str  # where the manifest declares it
    subject: str  # what is claimed, as the manifest writes it (a citation, a name, a number)
    level: str  # one of LEVELS
    berkas: str | None  # the attachment whose text backs it (level teks), else None


@dataclass(frozen=True)
class Evidence:
    attachments: tuple[AttachmentEvidence, ...]
    claims: tuple[Claim, ...]

    def levels(self) -> dict[str, int]:
        counts = dict.fromkeys(LEVELS, 0)
        for claim in self.claims:
            counts[claim.level] += 1
        return counts

    def sources(self) -> dict[str, int]:
        """Attachments by where their text came from: teks, ocr, none."""
        counts = {"teks": 0, "ocr": 0, "none": 0}
        for found in self.attachments:
            counts[found.text_source or "none"] += 1
        return counts


@dataclass(frozen=True)
class Official:
    """An office holder named in ``pejabat``, as a printed report names them."""

    role: str
    nama: str | None
    status: str  # definitif | plt | plh


@dataclass(frozen=True)
class DossierAbout:
    """What the dossier says about itself, for a report filed in the dossier folder."""

    instansi: str
    periode: Periode
    pejabat: tuple[Official, ...]


@dataclass(frozen=True)
class RunOptions:
    """The options of a run that change what a verdict means, shown beside the verdicts."""

    select: tuple[str, ...] = ()  # only these codes or prefixes were assessed
    ignore: tuple[str, ...] = ()  # these were left out
    strict: bool = False  # warnings fail the run (exit status 1)
    baseline: str | None = None  # the baseline file whose findings do not fail the run
    baseline_unused: int = 0  # entries of the baseline that matched no finding
    # per-path-ignores of the configuration file: (pattern, codes) left out for the dossiers it matches
    per_path_ignore: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The options as the machine-readable reports (JSON, SARIF) record them."""
        return {
            "select": list(self.select),
            "ignore": list(self.ignore),
            "strict": self.strict,
            "baseline": self.baseline,
            "baseline_unused": self.baseline_unused,
            "per_path_ignore": {pattern: list(codes) for pattern, codes in self.per_path_ignore},
        }

    @property
    def partial(self) -> bool:
        """Some rules were not assessed: a verdict covers only the others."""
        return bool(self.select or self.ignore or self.per_path_ignore)

    def fails(self, finding: Finding) -> bool:
        """Whether a finding fails the run (exit status 1): an unwaived error, or under
        --strict any finding (a dossier PATUH DENGAN CATATAN fails then); never one the
        baseline knows. Every format marks failures by this, so it agrees with the status."""
        if finding.baselined:
            return False
        return self.strict or (finding.severity is Severity.ERROR and not finding.waived)


@dataclass(frozen=True)
class Report:
    tool_version: str
    lang: str
    results: tuple[DossierResult, ...]
    # The SOPs the results name, for renderers that show more than findings (NEEDS_SOPS).
    sops: Mapping[str, SopOutline] = field(default_factory=dict)
    # Every rule's documentation (authoring.ruledocs.RuleDoc), for renderers that explain
    # codes (NEEDS_RULE_DOCS); the command line loads it, renderers only read it.
    rule_docs: Mapping[str, Any] = field(default_factory=dict)
    # For a report filed with the dossiers (HTML): when the audit ran, and which rules
    # files (their bytes) judged it. Set by the command line; None in reports that need not say.
    audited_on: dt.date | None = None
    rules_fingerprint: str | None = None
    options: RunOptions = field(default_factory=RunOptions)

    def summary(self) -> dict[str, int]:
        counts = {verdict.value: 0 for verdict in Verdict}
        for result in self.results:
            counts[result.verdict.value] += 1
        return counts


def evidence_counts(results: Iterable[DossierResult]) -> dict[str, int]:
    """Attachments read and claims by level over the results (the short form of the evidence)."""
    counts = {"files": 0, "teks": 0, "ocr": 0, "none": 0, **{f"level_{level}": 0 for level in LEVELS}}
    counts.update(signatures=0, signatures_valid=0)
    for result in results:
        if result.evidence is None:
            continue
        counts["files"] += len(result.evidence.attachments)
        for found in result.evidence.attachments:
            counts["signatures"] += len(found.signatures)
            counts["signatures_valid"] += sum(s.status == "valid" for s in found.signatures)
        for key, n in result.evidence.sources().items():
            counts[key] += n
        for level, n in result.evidence.levels().items():
            counts[f"level_{level}"] += n
    return counts


def finding_counts(results: Iterable[DossierResult]) -> dict[str, int]:
    """Findings counted apart: errors and warnings not waived, and waived ones."""
    counts = {"error": 0, "warning": 0, "waived": 0}
    for result in results:
        for finding in result.findings:
            counts["waived" if finding.waived else finding.severity.value] += 1
    return counts
