"""Loading dossier.yaml: E001-E005, one finding per problem, each with field and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lapkin_audit.load import manifest
from tests.helpers import FIXTURES

BASE = (FIXTURES / "patuh" / "dossier.yaml").read_text(encoding="utf-8")


def load(sops, text: str, folder: Path = FIXTURES / "patuh"):
    return manifest.load_text(text, folder, "x", sops)


def codes(loaded):
    return [(v.rule, v.field, v.line) for v in loaded.violations]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_compliant_example_loads(sops):
    loaded = load(sops, BASE)
    assert loaded.violations == ()
    found = loaded.dossier
    assert found.periode.last_day() == dt.date(2024, 6, 30)
    assert found.langkah[1].mulai.isoformat() == "2024-07-01T08:45:00+07:00"
    assert found.dokumen[0].anggota[1].nama == "Agus Prasetyo, SE"


def test_unknown_key_is_e003_with_line(sops):
    text = BASE.replace("    hasil: diteruskan", "    hasil: diteruskan\n    hasill: diteruskan")
    assert codes(load(sops, text)) == [("E003", "langkah[2].hasill", line_of(text, "hasill"))]


def test_boolean_key_gets_a_hint(sops):
    text = BASE.replace("  - nomor: 4\n", "  - no: 4\n")
    loaded = load(sops, text)
    assert ("E003", "langkah[3].False", line_of(text, "- no: 4")) in codes(loaded)
    assert any(v.message == "format.bool_key" for v in loaded.violations)


def test_one_finding_per_problem(sops):
    text = BASE.replace("format: 1\n", "").replace("tahun: 2024, jenis: triwulan", "tahun: dua ribu, jenis: kuartal")
    found = sorted(codes(load(sops, text)))
    assert found == [
        ("E003", "format", 1),
        ("E003", "periode.jenis", line_of(text, "periode:")),
        ("E003", "periode.tahun", line_of(text, "periode:")),
    ]


def test_unknown_format_version(sops):
    assert codes(load(sops, BASE.replace("format: 1", "format: 2"))) == [("E003", "format", 1)]


def test_nip_as_integer_and_string_both_accepted(sops):
    text = BASE.replace('nip: "19790825 200501 2 011"', "nip: 197908252005012011")
    assert load(sops, text).violations == ()


def test_dates_without_offset_read_in_office_zone(sops):
    text = BASE.replace("+07:00", "").replace("zona_waktu: Asia/Jakarta", "zona_waktu: Asia/Jayapura")
    found = load(sops, text).dossier
    assert found.langkah[0].mulai.isoformat() == "2024-07-01T07:45:00+09:00"


def test_quoted_datetimes_parse(sops):
    text = BASE.replace("mulai: 2024-07-01T07:45:00+07:00", 'mulai: "2024-07-01 07:45"')
    found = load(sops, text).dossier
    assert found.langkah[0].mulai.isoformat() == "2024-07-01T07:45:00+07:00"


def test_unparseable_date_is_e003(sops):
    text = BASE.replace("mulai: 2024-07-01T07:45:00+07:00", 'mulai: "kemarin sore"')
    assert codes(load(sops, text)) == [("E003", "langkah[0].mulai", line_of(text, "kemarin"))]


def test_step_needs_a_time_of_day(sops):
    text = BASE.replace("mulai: 2024-07-01T07:45:00+07:00", "mulai: 2024-07-01")
    loaded = load(sops, text)
    assert codes(loaded) == [("E003", "langkah[0].mulai", line_of(text, "mulai: 2024-07-01"))]
    assert loaded.violations[0].message == "format.need_time"


@pytest.mark.parametrize(
    ("periode", "ok"),
    [
        ("{tahun: 2024, jenis: triwulan, ke: 5}", False),
        ("{tahun: 2024, jenis: tahunan, ke: 1}", False),
        ("{tahun: 2024, jenis: semester}", False),
        ("{tahun: 2023, jenis: tahunan}", True),
        ("{tahun: 2024, jenis: bulanan, ke: 6}", True),
    ],
)
def test_periode_ke_depends_on_jenis(sops, periode, ok):
    text = BASE.replace("periode: {tahun: 2024, jenis: triwulan, ke: 2}", f"periode: {periode}")
    assert (load(sops, text).violations == ()) is ok


def test_unknown_zone_is_e003(sops):
    text = BASE.replace("zona_waktu: Asia/Jakarta", "zona_waktu: Asia/Karangploso")
    assert codes(load(sops, text)) == [("E003", "instansi.zona_waktu", line_of(text, "zona_waktu"))]


def test_unknown_role_and_kind_are_e004(sops):
    text = BASE.replace("peran: sub_umum", "peran: sub_keuangan", 1).replace("jenis: dpa,", "jenis: dpa_perubahan,")
    found = codes(load(sops, text))
    assert ("E004", "dokumen[2].jenis", line_of(text, "dpa_perubahan")) in found
    assert ("E004", "langkah[3].pelaksana[0].peran", line_of(text, "sub_keuangan")) in found


def test_missing_required_official_is_e003(sops):
    text = BASE.replace('  sekretaris: {nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011"}\n', "")
    assert [c[:2] for c in codes(load(sops, text))] == [("E003", "pejabat.sekretaris")]


def test_duplicate_key_is_e002_at_the_second(sops):
    text = BASE.replace("sop: pelaporan-kinerja\n", "sop: pelaporan-kinerja\nsop: pelaporan-kinerja\n")
    assert codes(load(sops, text)) == [("E002", None, 3)]


# Broken YAML as offices break it: the finding says what is wrong in the reader's words,
# at which line and column, and never in libyaml's English.
BROKEN_YAML = [
    (("  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}", "  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf"), "'}'"),
    (("nama: Kantor Kecamatan Karangploso", "nama: Kantor Kecamatan: Karangploso"), "titik dua"),
    (("  - nomor: 6\n", "  - nomor: 6\n   x: 1\n"), "indentasi"),
    (("sop: pelaporan-kinerja\n", "sop: pelaporan-kinerja\n---\nformat: 1\n"), "dokumen YAML kedua"),
    (("zona_waktu: Asia/Jakarta", "zona_waktu: @Asia/Jakarta"), "mengawali"),
    (("zona_waktu: Asia/Jakarta", 'zona_waktu: "Asia\\Jakarta"'), "garis miring terbalik"),
    (("zona_waktu: Asia/Jakarta", "zona_waktu: Asia/Jakarta\x07"), "karakter kendali U+0007"),
    (("zona_waktu: Asia/Jakarta", "zona_waktu: *zona"), "alias"),
]
ENGLISH = ("did not find", "expected", "not allowed", "while ", "found ", "could not", "unacceptable")


@pytest.mark.parametrize(("edit", "word"), BROKEN_YAML)
def test_broken_yaml_is_said_in_the_readers_words_with_line_and_column(sops, edit, word):
    from lapkin_audit.decide.catalogue import render

    text = BASE.replace(*edit)
    assert text != BASE
    (violation,) = load(sops, text).violations
    assert violation.rule == "E002" and violation.line is not None
    indonesian = render(violation.message, violation.args, "id")
    english = render(violation.message, violation.args, "en")
    assert f"baris {violation.line}, kolom " in indonesian and word in indonesian, indonesian
    assert f"line {violation.line}, column " in english
    assert not any(phrase in indonesian for phrase in ENGLISH), indonesian


def test_an_impossible_date_is_said_in_the_readers_words(sops):
    from lapkin_audit.decide.catalogue import render

    (violation,) = load(sops, BASE.replace("tanggal: 2024-01-08\n", "tanggal: 2024-02-30\n")).violations
    assert violation.rule == "E002"
    assert render(violation.message, violation.args, "id").endswith("bukan tanggal yang ada di kalender.")
    assert "day is out of range" not in render(violation.message, violation.args, "en")


def test_sop_not_yet_in_effect_is_e005(sops):
    text = BASE.replace("2024-07-01T07:45", "2014-12-19T07:45")
    assert codes(load(sops, text)) == [("E005", "langkah[0].mulai", line_of(text, "2014-12-19T07:45"))]


def test_far_off_dates_are_e003(sops):
    text = BASE.replace("selesai: 2024-07-03T09:35:00+07:00", "selesai: 9024-07-03T09:35:00+07:00")
    assert codes(load(sops, text)) == [("E003", "langkah[5].selesai", line_of(text, "9024-07-03"))]
