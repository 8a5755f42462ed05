"""What the HTML report's templates are given: typed values, made from the model by
``report.html`` and ``report.timeline_svg``, so that a template reads named fields of known
types and a field a template asks for that is not here is an error, not a blank."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lapkin_audit.model import SopOutline

if TYPE_CHECKING:  # markupsafe is loaded with the templates, not on import
    from markupsafe import Markup


def fields(view: Any) -> dict[str, Any]:
    """A view's fields, as a template's names (the values stay typed)."""
    return {f.name: getattr(view, f.name) for f in dataclasses.fields(view)}


# --------------------------------------------------------------------------- the page's head


@dataclass(frozen=True)
class Tally:
    cls: str
    count: int
    mark: str
    label: str


@dataclass(frozen=True)
class IndexRow:
    i: int
    path: str
    path_parts: Sequence[str]
    sop: str
    cls: str
    mark: str
    label: str
    counts: Mapping[str, int]


@dataclass(frozen=True)
class Head:
    lang: str
    w: Mapping[str, Any]  # the page's words (lang.printed.HTML)
    n: int
    version: str
    totals: str
    note: str
    note_lead: str
    tallies: Sequence[Tally]
    heads: Sequence[str]
    rows: Sequence[IndexRow]


# --------------------------------------------------------------------------- one dossier


@dataclass(frozen=True)
class VerdictView:
    cls: str
    mark: str
    label: str
    gloss: str


@dataclass(frozen=True)
class FindingView:
    line: int | str
    rule: str
    severity: str
    severity_word: str
    step: int | str
    message: str
    clause: str | None
    fix: Markup | None  # the rule's fix, its `keys` as <code>
    reason: str | None = None  # the waiver's alasan, for a waived finding


@dataclass(frozen=True)
class FamilyView:
    code: str
    name: str
    findings: Sequence[FindingView]


@dataclass(frozen=True)
class SignatureLine:
    text: str
    status: str
    ok: str  # "yes" | "no": the row's colour


@dataclass(frozen=True)
class EvidenceRow:
    jenis: str
    berkas: str
    format: str
    pages: int | str
    source: str
    read: bool
    proved: Sequence[str]
    declared: Sequence[str]
    signatures: Sequence[SignatureLine]


@dataclass(frozen=True)
class EvidenceView:
    line: str
    rows: Sequence[EvidenceRow]


@dataclass(frozen=True)
class CheckItem:
    name: str  # unique in the page
    text: str


@dataclass(frozen=True)
class CheckSection:
    title: str
    items: Sequence[CheckItem]


@dataclass(frozen=True)
class DossierView:
    w: Mapping[str, Any]
    i: int
    uid: str
    of: str
    path: str
    path_parts: Sequence[str]
    sop: str | None
    outline: SopOutline | None
    verdict: VerdictView
    counts: str
    finding_heads: Sequence[str]
    families: Sequence[FamilyView]
    waived: Sequence[FindingView]
    timeline: Markup | None  # the timeline's SVG
    legend: Sequence[tuple[Markup, str]]  # (the swatch's SVG, its words)
    checklist: Sequence[CheckSection]
    about: Sequence[tuple[str, str]]
    evidence: EvidenceView | None
    capaian: Mapping[str, Any] | None = None  # report.capaian_html: the capaian and budget tables


# --------------------------------------------------------------------------- the timeline


@dataclass(frozen=True)
class Tick:
    x: str
    y1: int
    y_text: int
    anchor: str
    label: str


@dataclass(frozen=True)
class Wait:
    width: str
    text_x: str
    text: str


@dataclass(frozen=True)
class Overrun:
    width: str


@dataclass(frozen=True)
class TimelineRow:
    cls: str
    nomor: int
    index: int
    y: int
    y_text: int
    tip: str
    label: str
    figures: str
    over: str
    wait: Wait | None
    standard_width: str
    limit_x: str
    actual_width: str | None
    overrun: Overrun | None


@dataclass(frozen=True)
class Timeline:
    uid: str
    width: int
    height: int
    bottom: int
    title: str
    desc: str
    x0: str
    figures_x: str
    label_size: int
    small_size: int
    ticks: Sequence[Tick]
    rows: Sequence[TimelineRow]
