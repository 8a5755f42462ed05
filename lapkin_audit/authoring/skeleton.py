"""``lapkin-audit init``: a dossier.yaml skeleton for an SOP, to be filled in by hand.

Everything the SOP asks for is there, in the order a Sekretaris meets it: the office
holders, every document kind (the Peringatan decree, each step's Kelengkapan and
Output, Peralatan, Keterkaitan) and every step of a straight run. What only the office
knows is left empty (``""`` or ``null``), so ``lapkin-audit check`` on the untouched
skeleton lists, line by line, what is still to be filled (E003), and nothing else.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from lapkin_audit.lang import commands
from lapkin_audit.model import DocumentKind, Sop

DEFAULT_SOP = "pelaporan-kinerja"

_TEXTS = commands.SKELETON

_EMPTY_PERSON = 'nama: "", nip: ""'


@dataclass(frozen=True)
class Start:
    """What the person running ``init`` already knows: the period and the office."""

    tahun: int | None = None
    jenis: str = "triwulan"
    ke: int | None = None
    instansi: str | None = None
    schema: str | None = None  # where editors find the JSON Schema: a path relative to the manifest


def render(sop: Sop, lang: str = "id", start: Start = Start()) -> str:
    t = _TEXTS["en" if lang == "en" else "id"]
    tahun = "null" if start.tahun is None else str(start.tahun)
    ke = "" if start.jenis == "tahunan" else f", ke: {'null' if start.ke is None else start.ke}"
    instansi = json.dumps(start.instansi or "", ensure_ascii=False)
    lines = [f"# yaml-language-server: $schema={start.schema}"] if start.schema else []
    lines += [
        "# " + t["title"].format(sop=sop.name, nomor=sop.nomor),
        "# " + sop.unit,
        "# " + t["fill"],
        "# " + t["format"],
        "format: 1",
        f"sop: {_scalar(sop.id)}",
        "instansi:",
        f"  nama: {instansi}  # {t['instansi']}",
        f"  zona_waktu: {_scalar(sop.calendar.zone)}  # {t['zona']}",
    ]
    if sop.periodic:  # only a periodic report names its period (a service SOP does not)
        lines.append(f"periode: {{tahun: {tahun}, jenis: {start.jenis}{ke}}}  # {t['periode']}")
    lines += [
        f"pejabat:  # {t['pejabat']} {t['anchors']}",
    ]
    # Each office holder is typed once, under an anchor; the marks and steps they sign or
    # do merge it in (<<: *camat), so a name or NIP can never differ between two places.
    lines += [
        f"  {role}: &{role} {{{_EMPTY_PERSON}}}  # {sop.roles.get(role, role)}" for role in sop.required_officials
    ]
    lines.append(f"dokumen:  # {t['dokumen']}")
    for jenis, comment in _document_order(sop, t):
        lines += _document(sop, sop.document_kinds[jenis], comment, t)
    lines.append(f"langkah:  # {t['langkah']}")
    for step in sop.steps:
        lines.append(f"  # {t['step'].format(nomor=step.nomor, kegiatan=step.kegiatan, waktu=step.waktu)}")
        lines.append(f"  - nomor: {step.nomor}")
        roles = ", ".join(step.pelaksana)
        lines.append(f"    pelaksana: [{_person(step.pelaksana[0], sop)}]  # {t['roles'].format(roles=roles)}")
        lines.append(f"    mulai: null  # {t['when']}")
        lines.append("    selesai: null")
        if step.decision:
            choices = ", ".join(f"{hasil} -> {nomor}" for hasil, nomor in step.decision.items())
            first = next(iter(step.decision))
            lines.append(f"    hasil: {first}  # {t['decision'].format(choices=choices)}")
    lines += [f"# {line}" if line else "#" for line in _waiver_example(sop, t)]
    return "\n".join(lines) + "\n"


def _person(role: str, sop: Sop, extra: str = "") -> str:
    """A person in a role: the office holder's anchor merged in, or name and NIP to fill."""
    who = f"<<: *{role}" if role in sop.required_officials else _EMPTY_PERSON
    return f"{{peran: {role}, {who}{extra}}}"


def _waiver_example(sop: Sop, t: dict[str, str]) -> list[str]:
    approver = sop.waiver_approver
    who = f"{{peran: {approver}, <<: *{approver}}}" if approver in sop.required_officials else f"{{peran: {approver}}}"
    return [
        "",
        t["waiver"],
        "pengecualian:",
        "  - aturan: W001",
        "    langkah: 2",
        f'    alasan: "{t["waiver_reason"]}"',
        f"    disetujui_oleh: {who}",
        "    tanggal: 2025-07-03",
    ]


def _document_order(sop: Sop, t: dict[str, str]) -> list[tuple[str, str]]:
    """Every document kind a run needs, once, in the order it first comes up."""
    order: dict[str, list[str]] = {}

    def add(jenis: str | None, comment: str) -> None:
        if jenis is not None and jenis in sop.document_kinds:
            order.setdefault(jenis, []).append(comment)

    for pre in sop.preconditions:
        add(pre.dokumen, t["precondition"].format(text=pre.text))
    for step in sop.steps:
        for jenis in step.kelengkapan:
            add(jenis, t["input_of"].format(steps=step.nomor))
        for jenis in step.output:
            add(jenis, t["output_of"].format(steps=step.nomor))
    for item in sop.peralatan:
        add(item.dokumen, t["peralatan"])
    for item in sop.keterkaitan:
        add(item.dokumen, t["keterkaitan"].format(name=item.name))
    return [(jenis, "; ".join(dict.fromkeys(comments))) for jenis, comments in order.items()]


def _document(sop: Sop, kind: DocumentKind, comment: str, t: dict[str, str]) -> list[str]:
    lines = [f"  # {kind.name}: {comment}", f"  - jenis: {kind.id}"]
    precondition = next((p for p in sop.preconditions if p.dokumen == kind.id), None)
    if precondition is not None:
        lines += ['    nomor: ""', "    tanggal: null", "    berlaku_mulai: null", "    berlaku_sampai: null"]
    if kind.needs_file:
        lines.append(f'    berkas: ""  # {t["file"]}')
        lines.append(f"    sha256: null  # {t['sha256']}")
    if kind.cites_legal_basis:
        example = "; ".join(f"{basis.kind} {basis.number}/{basis.year}" for basis in sop.legal_bases)
        lines.append(f"    dasar_hukum:  # {t['cite'].format(example=example)}")
        lines += ['      - ""' for _ in sop.legal_bases]
    for key, roles, label in (("paraf", kind.paraf, "paraf"), ("tanda_tangan", kind.tanda_tangan, "ttd")):
        signers = roles or ((precondition.signed_by,) if precondition is not None and key == "tanda_tangan" else ())
        if signers:
            lines.append(f"    {key}:")
            lines += [
                f"      - {_person(role, sop, ', tanggal: null')}  # {t[label].format(role=sop.roles.get(role, role))}"
                for role in signers
            ]
    if precondition is not None and precondition.members_for_role:
        lines.append(f"    anggota:  # {t['members'].format(role=precondition.members_for_role)}")
        lines.append(f"      - {{{_EMPTY_PERSON}}}")
    return lines


def _scalar(text: str) -> str:
    """A YAML scalar for an id from the rules: plain when safe, else a quoted string."""
    plain = text.replace("-", "").replace("_", "").replace("/", "").isalnum()
    return text if plain else json.dumps(text, ensure_ascii=False)


SCHEMA_NAME = "lapkin-dossier.schema.json"


def schema_for(folder: Path, installed: Path) -> tuple[str | None, Path | None]:
    """The ``$schema`` reference for a manifest in ``folder`` that works on every machine
    sharing the repository, and the schema file written or refreshed for it (None if none).

    Editors resolve a relative ``$schema`` against the manifest, so the installed JSON
    Schema is copied once, as ``lapkin-dossier.schema.json``, to the top of the
    repository holding ``folder`` (the nearest folder with ``.git``; outside a repository,
    the folder holding ``folder``), unless a copy lies nearer; a copy older than the
    installed schema is refreshed. An absolute path (``file:///home/...``) would name this
    machine's installation. If the copy cannot be written, there is no reference.
    """
    from lapkin_audit.atomic import kept_mode, replace_atomically
    from lapkin_audit.load.discovery import repository_root
    from lapkin_audit.load.safefile import read_regular

    wanted = installed.read_bytes()
    folder = Path(os.path.abspath(folder))
    top = Path(repository_root(str(folder)) or folder.parent)
    place = next((d / SCHEMA_NAME for d in (folder, *folder.parents) if (d / SCHEMA_NAME).is_file()), None)
    if place is None or top not in (place.parent, *place.parent.parents):
        place = top / SCHEMA_NAME
    written = None
    try:
        if not place.is_file() or read_regular(place, len(wanted) + 1) != wanted:
            replace_atomically(place, [wanted], kept_mode(place))
            written = place
    except OSError:
        return None, None
    return Path(os.path.relpath(place, folder)).as_posix(), written
