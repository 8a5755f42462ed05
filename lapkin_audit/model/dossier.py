"""The dossier as its manifest declares it (dossier.yaml, read by load/manifest.py and load/build.py).

Field paths (``field``) point into the manifest (``langkah[1].selesai``, list indexes from 0);
the engine turns them into line numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


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
    periode: Periode | None  # None: the SOP produces no periodic report, and none is named
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


@dataclass(frozen=True)
class Attachment:
    """What the file system says about one document's ``berkas`` (``load.attachments.inspect``)."""

    berkas: str
    status: str  # ok | missing | empty | not_file | unreadable | outside | lfs_pointer
    sha256: str | None = None
    reason: str | None = None  # for outside: absolute | parent | link | drive | nul
    error: str | None = None
    declared_sha256: str | None = None  # what the manifest says the file's SHA-256 is
    # For a missing file: the one file in the dossier it most likely means (the same name
    # in another case or Unicode form, or the declared content), as a path in the dossier.
    suggestion: str | None = None
    lfs_oid: str | None = None  # for lfs_pointer: the SHA-256 of the content the pointer stands for
