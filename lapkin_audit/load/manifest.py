"""Reading one dossier: dossier.yaml -> a typed ``Dossier``, or the E findings that say why not.

Stages, each stopping at the first that fails: read the bytes (E001), parse YAML
(E002), validate the format (E003), resolve against the SOP (E004), build the typed
model (``load.build``: dates that do not parse are E003), check the SOP was in effect
(E005). One finding per problem, each with its field and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lapkin_audit.lang.messages import Nested, TypeNames
from lapkin_audit.load import yamlread
from lapkin_audit.load.build import DossierBuilder
from lapkin_audit.load.manifest_schema import FastFirstValidator
from lapkin_audit.model import (
    Dossier,
    Sop,
    Violation,
    nearest_line,
)

KE_LIMIT = {"bulanan": 12, "triwulan": 4, "semester": 2}


@dataclass(frozen=True)
class Loaded:
    """A dossier ready for the checks, or why it is not (then ``dossier`` is None)."""

    dossier: Dossier | None
    sop: Sop | None
    sop_id: str | None
    violations: tuple[Violation, ...]


def load(manifest: Path, display_path: str, sops: Mapping[str, Sop], check: FastFirstValidator | None = None) -> Loaded:
    """``check``: the validator of the format its owner keeps (a new one when None: slower)."""
    folder = manifest.parent
    text = yamlread.read_text(manifest)
    if isinstance(text, yamlread.ReadProblem):
        return Loaded(None, None, None, (_from_problem(text),))
    return load_text(text, folder, display_path, sops, check)


def load_text(
    text: str, folder: Path, display_path: str, sops: Mapping[str, Sop], check: FastFirstValidator | None = None
) -> Loaded:
    data, lines, problems = yamlread.parse(text)
    errors = [_from_problem(p) for p in problems]
    sop_id = data.get("sop") if isinstance(data, dict) and isinstance(data.get("sop"), str) else None
    if data is None and not errors:
        errors.append(Violation("E003", "format.empty", line=1))
    if data is None or (errors and not isinstance(data, dict)):
        return Loaded(None, None, sop_id, tuple(errors))
    errors.extend(_format_errors(data, lines, check or FastFirstValidator()))
    if errors:
        return Loaded(None, None, sop_id, tuple(_name_curly_quotes(errors, text)))
    sop = sops.get(data["sop"])
    if sop is None:
        suggestion = same_but_case(data["sop"], sops)
        if suggestion is not None:
            args = {"field": "sop", "value": data["sop"], "suggestion": suggestion}
            return Loaded(
                None, None, sop_id, (Violation("E003", "format.case", args, field="sop", line=lines.get("sop")),)
            )
        known = ", ".join(sorted(sops)) or "-"
        return Loaded(
            None,
            None,
            sop_id,
            (
                Violation(
                    "E004", "sop.unknown", {"sop": data["sop"], "known": known}, field="sop", line=lines.get("sop")
                ),
            ),
        )
    if sop.periodic and "periode" not in data:  # a periodic report names its period
        field = {"field": "periode"}
        return Loaded(None, sop, sop_id, (Violation("E003", "format.required", field, field="periode", line=1),))
    builder = DossierBuilder(data, lines, sop, text)
    dossier = builder.build(folder, display_path)
    errors = builder.errors + _unknown_references(data, sop, lines)
    if not errors and dossier is not None:
        errors += _sop_in_effect(dossier, sop)
    if errors:
        return Loaded(None, sop, sop_id, tuple(errors))
    return Loaded(dossier, sop, sop_id, ())


def _from_problem(problem: yamlread.ReadProblem) -> Violation:
    rule = "E001" if problem.kind == yamlread.UNREADABLE else "E002"
    return Violation(rule, problem.message, {**problem.args, "what": Nested("what.manifest")}, line=problem.line)


# --------------------------------------------------------------------------- E003: the format


def _format_errors(data: Any, lines: Mapping[str, int], check: FastFirstValidator) -> list[Violation]:
    if not isinstance(data, dict):
        return [Violation("E003", "format.not_mapping", {"kind": TypeNames((_type_name(data),))}, line=1)]
    if (
        "format" in data
        and data["format"] != 1
        and isinstance(data["format"], int)
        and not isinstance(data["format"], bool)
    ):
        return [
            Violation("E003", "format.version", {"found": data["format"]}, field="format", line=lines.get("format"))
        ]
    errors: list[Violation] = []
    try:
        valid = check.validate(data)
    except TypeError:  # cerberus sorts its errors by key path: a null, date or float key among text ones
        valid = check.validate(_sortable_keys(data))
    if not valid:
        seen: set[tuple[str, int | None, str]] = set()
        found = [_schema_violation(error, lines) for error in _leaves(check._errors)]
        for violation in sorted(found, key=lambda v: (v.line or 0, v.field or "", v.message)):
            # A value merged in from an anchor (<<: *camat) fails wherever it is merged;
            # the person fixes it once, on the anchor's line: report it there once.
            key = (violation.message, violation.line, (violation.field or "").rsplit(".", 1)[-1])
            if key not in seen:
                seen.add(key)
                errors.append(violation)
    errors.extend(_periode_errors(data, lines))
    return errors


def _name_curly_quotes(errors: list[Violation], text: str) -> list[Violation]:
    """Findings on a line whose value opens with Word's curly quotes have that one cause.

    ``{nama: “Drs. Bambang, M.Si”}`` reads as the value ``“Drs. Bambang`` and an unknown key
    ``M.Si”``: the finding that helps names the quotes, once per line.
    """
    curly = yamlread.curly_quote_lines(text)
    if not curly:
        return errors
    kept = [error for error in errors if error.line not in curly]
    named = sorted({error.line for error in errors if error.line in curly})
    return kept + [Violation("E003", "format.curly_quotes", {}, line=line) for line in named]


def _sortable_keys(value: Any) -> Any:
    """``value`` with every key that is not text or a number as text (such keys are all unknown keys)."""
    if isinstance(value, dict):
        return {key if isinstance(key, (str, int)) else str(key): _sortable_keys(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_sortable_keys(child) for child in value]
    return value


def _leaves(errors: Any) -> list[Any]:
    out = []
    for error in errors:
        if error.is_group_error:
            out.extend(_leaves(error.child_errors))
        else:
            out.append(error)
    return out


def field_path(parts: tuple[Any, ...]) -> str:
    path = ""
    for part in parts:
        if isinstance(part, int) and not isinstance(part, bool):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _schema_violation(error: Any, lines: Mapping[str, int]) -> Violation:
    """One cerberus error (a manifest the fast check refused) as a finding."""
    import cerberus.errors as ce  # here: a valid manifest never imports cerberus

    path = field_path(error.document_path)
    args: dict[str, Any] = {"field": path}
    code = error.code
    if code == ce.UNKNOWN_FIELD.code:
        key = error.document_path[-1]
        message = "format.bool_key" if isinstance(key, bool) else "format.unknown_key"
        args["key"] = key
    elif code == ce.REQUIRED_FIELD.code:
        message = "format.required"
    elif code == ce.BAD_TYPE.code:
        message = "format.bool_value" if isinstance(error.value, bool) else "format.type"
        expected = error.constraint
        args["expected"] = TypeNames(expected if isinstance(expected, (list, tuple)) else (expected,))
        args["found"] = TypeNames((_type_name(error.value),))
    elif code == ce.NOT_NULLABLE.code:
        message = "format.null"
    elif code == ce.EMPTY_NOT_ALLOWED.code:
        message = "format.empty_value"
    elif code in (ce.UNALLOWED_VALUE.code, ce.UNALLOWED_VALUES.code):
        suggestion = same_but_case(error.value, error.constraint)
        message = "format.allowed" if suggestion is None else "format.case"
        args["value"] = error.value
        args["allowed"] = ", ".join(str(a) for a in error.constraint)
        if suggestion is not None:
            args["suggestion"] = suggestion
    elif code == ce.REGEX_MISMATCH.code:
        message = "format.sha256" if path.endswith("sha256") else "format.pattern"
        args["value"] = error.value
    elif code in (ce.MIN_VALUE.code, ce.MAX_VALUE.code, ce.MIN_LENGTH.code, ce.MAX_LENGTH.code):
        message = "format.range"
        args["value"] = error.value if code in (ce.MIN_VALUE.code, ce.MAX_VALUE.code) else len(error.value)
        args["rule"] = error.rule
        args["limit"] = error.constraint
    else:  # pragma: no cover - the schema uses no other rule
        message = "format.other"
        args["detail"] = str(error.rule)
    return Violation("E003", message, args, field=path, line=nearest_line(path, lines))


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return type(value).__name__


def _periode_errors(data: dict[str, Any], lines: Mapping[str, int]) -> list[Violation]:
    periode = data.get("periode")
    if not isinstance(periode, dict) or periode.get("jenis") not in (*KE_LIMIT, "tahunan"):
        return []
    jenis, ke = periode["jenis"], periode.get("ke")
    if not isinstance(ke, (int, type(None))) or isinstance(ke, bool):
        return []  # the schema already said so
    if jenis == "tahunan":
        if ke is not None:
            return [
                Violation(
                    "E003",
                    "format.ke_tahunan",
                    {"field": "periode.ke"},
                    field="periode.ke",
                    line=lines.get("periode.ke"),
                )
            ]
        return []
    if ke is None:
        if "ke" in periode:
            return []  # written as null: the schema already said so
        return [
            Violation("E003", "format.required", {"field": "periode.ke"}, field="periode.ke", line=lines.get("periode"))
        ]
    if not 1 <= ke <= KE_LIMIT[jenis]:
        args = {"field": "periode.ke", "value": ke, "jenis": jenis, "limit": KE_LIMIT[jenis]}
        return [Violation("E003", "format.ke_range", args, field="periode.ke", line=lines.get("periode.ke"))]
    return []


# --------------------------------------------------------------------------- E004: references


def _unknown_references(data: dict[str, Any], sop: Sop, lines: Mapping[str, int]) -> list[Violation]:
    errors: list[Violation] = []

    def miscased(value: Any, known: Any, path: str) -> bool:
        """A known id written in another case: one E003 that names it, never E004 or A002."""
        suggestion = same_but_case(value, known)
        if suggestion is not None:
            args = {"field": path, "value": value, "suggestion": suggestion}
            errors.append(Violation("E003", "format.case", args, field=path, line=nearest_line(path, lines)))
        return suggestion is not None

    def role(value: Any, path: str) -> None:
        if value is not None and value not in sop.roles and not miscased(value, sop.roles, path):
            args = {"role": value, "sop": sop.id, "known": ", ".join(sop.roles)}
            errors.append(Violation("E004", "ref.role", args, field=path, line=nearest_line(path, lines)))

    def people(items: Any, path: str) -> None:
        for i, person in enumerate(items or ()):
            role(person.get("peran"), f"{path}[{i}].peran")

    for name in data["pejabat"]:
        role(name, f"pejabat.{name}")
    for i, doc in enumerate(data["dokumen"]):
        if doc["jenis"] not in sop.document_kinds and not miscased(
            doc["jenis"], sop.document_kinds, f"dokumen[{i}].jenis"
        ):
            args = {"jenis": doc["jenis"], "sop": sop.id}
            errors.append(
                Violation("E004", "ref.jenis", args, field=f"dokumen[{i}].jenis", line=lines.get(f"dokumen[{i}].jenis"))
            )
        for key in ("paraf", "tanda_tangan", "anggota"):
            people(doc.get(key), f"dokumen[{i}].{key}")
    for i, step in enumerate(data["langkah"]):
        sop_step = sop.step(step["nomor"])
        if sop_step is None:
            args = {"nomor": step["nomor"], "sop": sop.id, "known": ", ".join(str(s.nomor) for s in sop.steps)}
            errors.append(
                Violation("E004", "ref.step", args, field=f"langkah[{i}].nomor", line=lines.get(f"langkah[{i}].nomor"))
            )
        elif sop_step.decision is not None and step.get("hasil") not in sop_step.decision:
            miscased(step.get("hasil"), sop_step.decision, f"langkah[{i}].hasil")  # other values: A002
        people(step["pelaksana"], f"langkah[{i}].pelaksana")
    for i, waiver in enumerate(data.get("pengecualian") or ()):
        role(waiver["disetujui_oleh"].get("peran"), f"pengecualian[{i}].disetujui_oleh.peran")
    for needed in sop.required_officials:
        if needed not in data["pejabat"] and same_but_case(needed, data["pejabat"]) is None:
            args = {"field": f"pejabat.{needed}", "sop": sop.id}
            errors.append(
                Violation("E003", "format.pejabat_required", args, field=f"pejabat.{needed}", line=lines.get("pejabat"))
            )
    return errors


def same_but_case(value: Any, known: Any) -> str | None:
    """The one known id that ``value`` spells in another case (``Camat`` -> ``camat``), else None."""
    if not isinstance(value, str):
        return None
    folded = value.strip().casefold()
    matches = [k for k in known if isinstance(k, str) and k.casefold() == folded and k != value]
    return matches[0] if len(matches) == 1 else None


def _sop_in_effect(dossier: Dossier, sop: Sop) -> list[Violation]:
    if not dossier.langkah:
        return []
    first = min(dossier.langkah, key=lambda step: step.mulai)
    if first.mulai.date() < sop.tanggal_efektif:
        args = {"sop": sop.id, "efektif": sop.tanggal_efektif, "mulai": first.mulai}
        where = f"{first.field}.mulai"
        return [Violation("E005", "sop.not_in_effect", args, field=where, line=dossier.line_of(where))]
    return []
