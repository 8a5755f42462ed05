"""What assessing one dossier yields: violations from the checks, findings and a verdict
from the engine, the timeline, and what the attachments proved (evidence.md)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lapkin_audit.model.dossier import Periode
from lapkin_audit.model.rule import Severity


class Verdict(str, enum.Enum):
    """Ordered from best to worst; the JSON report uses the values."""

    PATUH = "PATUH"
    PATUH_DENGAN_CATATAN = "PATUH_DENGAN_CATATAN"
    TIDAK_PATUH = "TIDAK_PATUH"
    TIDAK_DAPAT_DINILAI = "TIDAK_DAPAT_DINILAI"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


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
    # arguments, and its field without list positions (decide.judge). A baseline matches on it.
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

    field_name: str = field(metadata={"key": "field"})  # the PDF's signature field (its key in JSON: "field")
    signer: str | None  # the certificate's common name
    time: str | None  # ISO 8601, UTC
    time_basis: str | None  # timestamp | signer
    status: str  # one of SIGNATURE_STATUS
    partial: tuple[str, ...]  # what could not be checked: no_roots, no_timestamp, no_revocation
    proves: str | None  # the manifest field of the paraf or tanda tangan it is matched to


# What a signature block says of a declared mark: it names the declared person, names
# someone else, is signed on behalf ("a.n."/"u.b."), or the text read in full has none.
BLOCK_SAYS = ("declared", "other", "on_behalf", "absent")


@dataclass(frozen=True)
class Claim:
    """One claim the checks use, and the level of evidence that backs it."""

    claim: str  # dokumen | dasar_hukum | nomor | anggota | paraf | tanda_tangan
    field: str  # where the manifest declares it
    subject: str  # what is claimed, as the manifest writes it (a citation, a name, a number)
    level: str  # one of LEVELS
    berkas: str | None  # the attachment whose text backs it (level teks), else None
    # A paraf or tanda tangan: what the document's signature block says of it (BLOCK_SAYS),
    # None where there is no readable text to tell; None for every other claim.
    block: str | None = None


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
    periode: Periode | None
    pejabat: tuple[Official, ...]
