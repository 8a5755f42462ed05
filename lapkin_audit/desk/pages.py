"""The desk's pages: its own Jinja2 templates (``desk/templates``), autoescaped, every value
made visible first as the report's are (control and direction characters shown, never
obeyed), and the daftar berkas as a form, with each finding of the last check beside the
field it is about, in the checker's own words."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.responses import HTMLResponse

from lapkin_audit.authoring import formedit
from lapkin_audit.lang.messages import field_words
from lapkin_audit.load.discovery import MANIFEST
from lapkin_audit.load.manifest_schema import JENIS_PERIODE
from lapkin_audit.report.text import visible

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

    from lapkin_audit.desk.state import Desk
    from lapkin_audit.model import Finding, Sop

HIDDEN = {"format"}  # the format's version: for the checker, not a person
_GROUP = re.compile(r"^(dokumen\[\d+\]|langkah\[\d+\]|pengecualian\[\d+\]|pejabat\.[^.\[]+|[^.\[]+)")


def page(desk: Desk, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    text = _environment().get_template(name).render(w=desk.w, lang=desk.lang, csrf=desk.csrf, **values)
    return HTMLResponse(text, status_code=status)


def refused(desk: Desk, reason: str, status: int) -> HTMLResponse:
    text = desk.w["refused"].format(reason=desk.w["reasons"][reason])
    return page(desk, "refused.html.j2", status=status, text=text)


def markup(text: str) -> Markup:
    """HTML made by the report's own templates (already escaped there)."""
    from markupsafe import Markup

    return Markup(text)


@dataclass
class FieldView:
    id: str
    name: str
    label: str
    value: str
    kind: str
    choices: Sequence[tuple[str, str]] = ()
    errors: list[str] = field(default_factory=list)


@dataclass
class Group:
    key: str
    legend: str
    fields: list[FieldView] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    index: int | None = None  # a document's position: it may take an uploaded attachment


def form_page(desk: Desk, key: str, folder: Path, notice: tuple[str, str] | None, message: str | None) -> HTMLResponse:
    form = formedit.read(folder / MANIFEST)
    if form.problem is not None:
        text = desk.w["form_unreadable"].format(problem=form.problem.message)
        return page(desk, "form.html.j2", key=key, folder=folder, groups=[], other=[], notice=("error", text))
    report = desk.reports.get(key)
    first = next(iter(report.results), None) if report is not None else None  # the desk audits one dossier
    findings = first.findings if first is not None else ()
    sop = _sops().get(str(form.by_path().get("sop", formedit.Field("sop", "", "", None)).value))
    groups, other = groups_of(form, findings, sop, desk.lang, desk.w)
    return page(desk, "form.html.j2", key=key, folder=folder, groups=groups, other=other, notice=notice)


def groups_of(
    form: formedit.Form, findings: Sequence[Finding], sop: Sop | None, lang: str, w: Mapping[str, Any]
) -> tuple[list[Group], list[str]]:
    """The form's fields by what they belong to (the period, an official, a document, a step),
    and each finding beside its field, else its group, else among the others."""
    groups: dict[str, Group] = {}
    views: dict[str, FieldView] = {}
    for n, item in enumerate(form.fields):
        if item.path in HIDDEN:
            continue
        match = _GROUP.match(item.path)
        prefix = match.group(1) if match else item.path
        group = groups.get(prefix)
        if group is None:
            group = groups[prefix] = Group(prefix, _legend(prefix, form, sop, lang, w))
            index = re.fullmatch(r"dokumen\[(\d+)\]", prefix)
            group.index = int(index.group(1)) if index else None
        relative = item.path[len(prefix) :].lstrip(".") or item.path
        choices = [(c, w["status_choices"].get(c, c)) for c in item.choices] or _named(item.path, item.value, sop, w)
        view = FieldView(f"f{n}", item.path, field_words(relative, lang), item.value, item.kind, choices)
        group.fields.append(view)
        views[item.path] = view
    other: list[str] = []
    for finding in findings:
        text = f"{finding.rule}: {finding.message}"
        where = finding.field or ""
        if where in views:
            views[where].errors.append(text)
            continue
        owners = [g for p, g in groups.items() if where == p or where.startswith((p + ".", p + "["))]
        if owners:
            max(owners, key=lambda g: len(g.key)).errors.append(text)
        else:
            other.append(text)
    return list(groups.values()), other


def _named(path: str, value: str, sop: Sop | None, w: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A closed set is chosen, never typed: the SOP by its name, the period's kind, the
    time zone (WIB, WITA, WIT), a role or a document kind by the name the SOP gives it. A
    value the set does not hold stays offered (and selected), marked as unknown, so that
    opening and saving the form never changes it silently."""
    if path == "sop":
        names = {key: known.name for key, known in _sops().items()}
    elif path == "periode.jenis":
        names = {jenis: jenis for jenis in JENIS_PERIODE}
    elif path == "instansi.zona_waktu":
        names = dict(w["zones"])
    elif sop is not None and path.endswith(".peran"):
        names = {role: str(name) for role, name in sop.roles.items()}
    elif sop is not None and re.fullmatch(r"dokumen\[\d+\]\.jenis", path):
        names = dict(sop.outline().kinds)  # as the reports name them
    else:
        return []
    if value in names:
        offered = []
    else:
        offered = [(value, w["unknown_choice"].format(value=value) if value else "—")]
    return offered + sorted(names.items(), key=lambda item: item[1].casefold())


def _legend(prefix: str, form: formedit.Form, sop: Sop | None, lang: str, w: Mapping[str, Any]) -> str:
    values = {f.path: f.value for f in form.fields}
    sections = w["sections"]
    number = re.fullmatch(r"(\w+)\[(\d+)\]", prefix)
    if number is not None:
        section, index = number.group(1), int(number.group(2))
        title = (
            f"{sections.get(section, section)} {index + 1}"
            if lang == "en"
            else f"{sections.get(section, section)} ke-{index + 1}"
        )
        if section == "dokumen" and sop is not None:
            kind = sop.outline().kinds.get(values.get(f"{prefix}.jenis", ""))
            if kind is not None:
                title += f" — {kind}"
        if section == "langkah" and sop is not None:
            nomor = values.get(f"{prefix}.nomor", "")
            step = sop.step(int(nomor)) if nomor.isdigit() else None
            if step is not None:
                title = f"{sections['langkah']} {step.nomor} — {step.short_name}"
        return title
    if prefix.startswith("pejabat."):
        role = prefix.split(".", 1)[1]
        name = sop.roles.get(role, role) if sop is not None else role
        return f"{sections['pejabat']} — {name}"
    return str(sections.get(prefix, prefix))


@functools.lru_cache(maxsize=1)
def _sops() -> Mapping[str, Sop]:
    """The bundled SOPs, for the names of kinds, roles and steps on the form."""
    from lapkin_audit.load.sop import load_rulebook

    try:
        return load_rulebook().sops
    except Exception:  # the form still works with ids when the rules cannot be read
        return {}


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
    from markupsafe import Markup

    def shown(value: Any) -> Any:
        if isinstance(value, Markup) or value is None:
            return value
        return visible(str(value))

    return Environment(
        loader=PackageLoader("lapkin_audit.desk", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True),
        undefined=StrictUndefined,
        finalize=shown,
        trim_blocks=True,
        lstrip_blocks=True,
    )
