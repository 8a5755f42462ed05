"""Manifests as offices type them: accepted where the meaning is clear, else one finding
that names the real cause and says what to write instead (never a verdict on the SOP)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lapkin_audit.decide.catalogue import MESSAGES, render
from lapkin_audit.lang.messages import field_words
from lapkin_audit.load import manifest, yamlread
from lapkin_audit.load.datetext import Unreadable, iso_example, parse_when
from tests.helpers import FIXTURES

BASE = (FIXTURES / "patuh" / "dossier.yaml").read_text(encoding="utf-8")
WIB = dt.timezone(dt.timedelta(hours=7))
STEP1_START = "    mulai: 2024-07-01T07:45:00+07:00"


def load(sops, text: str, folder: Path = FIXTURES / "patuh"):
    return manifest.load_text(text, folder, "x", sops)


def messages_of(loaded) -> list[tuple[str, str]]:
    return [(v.rule, v.message) for v in loaded.violations]


# --- dates and times -------------------------------------------------------------------

READ = [
    ("2025-07-12", dt.date(2025, 7, 12)),
    ("12/07/2025", dt.date(2025, 7, 12)),  # day first, always, in Indonesia
    ("12-07-2025", dt.date(2025, 7, 12)),
    ("1/7/2025", dt.date(2025, 7, 1)),
    ("12 Juli 2025", dt.date(2025, 7, 12)),
    ("12 juli 2025", dt.date(2025, 7, 12)),
    ("12 Jul 2025", dt.date(2025, 7, 12)),
    ("17 Agustus 2025", dt.date(2025, 8, 17)),
    ("17 Agt 2025", dt.date(2025, 8, 17)),
    ("10 Nopember 2025", dt.date(2025, 11, 10)),
    ("12 July 2025", dt.date(2025, 7, 12)),
    ("2025-07-12T08:00", dt.datetime(2025, 7, 12, 8, 0)),
    ("2025-07-12 08.00", dt.datetime(2025, 7, 12, 8, 0)),  # the official dot
    ("2025-07-12 08:00:30", dt.datetime(2025, 7, 12, 8, 0, 30)),
    ("12/07/2025 08.00", dt.datetime(2025, 7, 12, 8, 0)),
    ("12 Juli 2025 pukul 08.00", dt.datetime(2025, 7, 12, 8, 0)),
    ("12 Juli 2025, 08.00 WIB", dt.datetime(2025, 7, 12, 8, 0, tzinfo=WIB)),
    ("2025-07-12 08:00 WIB", dt.datetime(2025, 7, 12, 8, 0, tzinfo=WIB)),
    ("2025-07-12 08.00 WITA", dt.datetime(2025, 7, 12, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))),
    ("2025-07-12 08.00 WIT", dt.datetime(2025, 7, 12, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))),
    ("2025-07-12T08:00+07:00", dt.datetime(2025, 7, 12, 8, 0, tzinfo=WIB)),
    ("2025-07-12T01:00Z", dt.datetime(2025, 7, 12, 1, 0, tzinfo=dt.UTC)),
    ("  2025-07-12  ", dt.date(2025, 7, 12)),
]


@pytest.mark.parametrize(("text", "expected"), READ)
def test_dates_and_times_as_offices_write_them(text, expected):
    assert parse_when(text) == expected


REFUSED = [
    ("now", None),  # the clock is not a date: the report would change with it
    ("today", None),
    ("kemarin", None),
    ("2025/07/12", "2025-07-12"),  # year first with slashes: almost right
    ("2025.07.12", "2025-07-12"),
    ("12/07/25", None),  # two-digit year
    ("31/02/2025", None),  # no such day
    ("12 Juliii 2025", None),
    ("2025-07-12T24:00", None),
    ("2025-07-12 8", None),
    ("07/12", None),
    ("", None),
    ("1" * 500, None),
]


@pytest.mark.parametrize(("text", "suggestion"), REFUSED)
def test_other_forms_are_refused_with_a_suggestion_where_one_is_clear(text, suggestion):
    result = parse_when(text)
    assert isinstance(result, Unreadable)
    assert result.suggestion == suggestion


def test_short_years_are_named():
    assert parse_when("12/07/25") == Unreadable(short_year=True)


def test_iso_example():
    assert iso_example(dt.date(2025, 7, 12)) == "2025-07-12"
    assert iso_example(dt.datetime(2025, 7, 12, 8, 0)) == "2025-07-12T08:00"
    assert iso_example(dt.datetime(2025, 7, 12, 8, 0, tzinfo=WIB)) == "2025-07-12T08:00+07:00"


@pytest.mark.parametrize("written", ["01/07/2024 07.45", "1 Juli 2024 pukul 07.45 WIB", "2024-07-01 07:45 WIB"])
def test_a_step_time_in_office_notation_gives_the_same_dossier(sops, written):
    plain = load(sops, BASE).dossier
    loaded = load(sops, BASE.replace(STEP1_START, f"    mulai: {written}"))
    assert loaded.violations == ()
    assert loaded.dossier.langkah[0].mulai == plain.langkah[0].mulai


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("now", "format.date"),
        ("2024/07/01 07:45", "format.date"),
        ("2024/07/01", "format.date_suggest"),
        ("01/07/24 07.45", "format.date"),
    ],
)
def test_an_unreadable_step_time_is_one_e003_that_says_what_to_write(sops, written, message):
    loaded = load(sops, BASE.replace(STEP1_START, f"    mulai: {written}"))
    assert messages_of(loaded) == [("E003", message)] or messages_of(loaded) == [("E003", "format.need_time")]
    text = render(loaded.violations[0].message, loaded.violations[0].args, "id")
    assert "2025-07-12" in text or "maksud Anda" in text or "tulis" in text.lower()


def test_a_date_for_a_step_time_says_how_to_add_the_time(sops):
    loaded = load(sops, BASE.replace(STEP1_START, "    mulai: 1 Juli 2024"))
    (violation,) = loaded.violations
    assert (violation.rule, violation.message) == ("E003", "format.need_time")
    assert violation.args["value"] == "1 Juli 2024"  # as written, so it can be found
    assert violation.args["example"] == "2024-07-01T08:00"


# --- encodings and typing habits ---------------------------------------------------------


def read_bytes(tmp_path: Path, data: bytes):
    path = tmp_path / "dossier.yaml"
    path.write_bytes(data)
    return yamlread.read_text(path)


def test_a_utf8_bom_is_read_past(tmp_path):
    assert read_bytes(tmp_path, b"\xef\xbb\xbf" + BASE.encode()) == BASE


def test_a_cp1252_file_is_named_and_told_to_be_saved_as_utf8(tmp_path):
    text = BASE.replace("Siti Aminah", "Siti Amínah")
    problem = read_bytes(tmp_path, text.encode("cp1252"))
    assert isinstance(problem, yamlread.ReadProblem)
    assert (problem.kind, problem.message) == (yamlread.UNREADABLE, "read.cp1252")
    assert problem.line == next(i for i, line in enumerate(text.splitlines(), 1) if "Amínah" in line)
    assert "Amínah" in problem.args["text"]
    assert "UTF-8" in render(problem.message, {**problem.args, "what": "Manifest"}, "id")


def test_tab_indentation_is_named(sops):
    loaded = load(sops, BASE.replace("  nama: Kantor", "\tnama: Kantor", 1))
    assert messages_of(loaded) == [("E002", "yaml.tab")]
    assert loaded.violations[0].line == 4


def test_curly_quotes_in_a_flow_mapping_are_named_once_per_line(sops):
    text = BASE.replace(
        'camat:      {nama: "Drs. Bambang Sutrisno, M.Si"', "camat:      {nama: “Drs. Bambang Sutrisno, M.Si”"
    )
    loaded = load(sops, text)
    assert messages_of(loaded) == [("E003", "format.curly_quotes")]
    assert loaded.violations[0].line == 9


def test_curly_quotes_around_a_whole_value_mean_the_text_inside(sops):
    text = BASE.replace("  nama: Kantor Kecamatan Karangploso", "  nama: “Kantor Kecamatan Karangploso”")
    loaded = load(sops, text)
    assert loaded.violations == ()
    assert loaded.dossier.instansi == "Kantor Kecamatan Karangploso"


def test_curly_quotes_that_break_the_yaml_are_named(sops):
    text = BASE.replace("  nama: Kantor Kecamatan Karangploso", "  nama: “Kantor: Karangploso”")
    assert messages_of(load(sops, text)) == [("E002", "yaml.curly_quotes")]


def test_an_unquoted_hash_in_a_flow_mapping_is_named(sops):
    text = BASE.replace("{jenis: dpa, berkas: lampiran/dpa-2024.pdf}", "{jenis: dpa, berkas: lampiran/dpa #2024.pdf}")
    loaded = load(sops, text)
    assert messages_of(loaded) == [("E002", "yaml.hash_in_flow")]
    assert "#" in render("yaml.hash_in_flow", {}, "id")


@pytest.mark.parametrize("with_sha256", [False, True])
def test_an_unquoted_hash_in_a_block_berkas_is_named_not_suggested_as_written(audit, tmp_path, with_sha256):
    # With the sha256 given, the file was found by its content and K003 asked "maksud Anda
    # 'lampiran/DPA #2024.pdf'?": the very name the user wrote.
    import hashlib
    import shutil

    folder = tmp_path / "dossier"
    shutil.copytree(FIXTURES / "patuh", folder)
    (folder / "lampiran" / "dpa-2024.pdf").rename(folder / "lampiran" / "DPA #2024.pdf")
    digest = hashlib.sha256((folder / "lampiran" / "DPA #2024.pdf").read_bytes()).hexdigest()
    sha = f"\n    sha256: {digest}" if with_sha256 else ""
    block = f"  - jenis: dpa\n    berkas: lampiran/DPA #2024.pdf{sha}"
    (folder / "dossier.yaml").write_text(BASE.replace("  - {jenis: dpa, berkas: lampiran/dpa-2024.pdf}", block))
    result = audit(folder)
    (finding,) = [f for f in result.findings if f.rule == "K003"]
    assert "memulai komentar YAML" in finding.message and "maksud Anda" not in finding.message
    assert 'berkas: "lampiran/DPA #2024.pdf"' in finding.message


# --- enumerated values in another case -----------------------------------------------------

CASES = [
    ("hasil: diteruskan", "hasil: Diteruskan", "langkah[2].hasil", "diteruskan"),
    ("jenis: triwulan", "jenis: Triwulan", "periode.jenis", "triwulan"),
    ("{peran: camat,", "{peran: Camat,", "dokumen[0].tanda_tangan[0].peran", "camat"),
    ("{jenis: dpa,", "{jenis: DPA,", "dokumen[2].jenis", "dpa"),
    ("sop: pelaporan-kinerja", "sop: Pelaporan-Kinerja", "sop", "pelaporan-kinerja"),
    ("  camat:      {", "  Camat:      {", "pejabat.Camat", "camat"),
]


@pytest.mark.parametrize(("old", "new", "field", "suggestion"), CASES, ids=[c[2] for c in CASES])
def test_every_enumerated_value_in_another_case_is_one_e003_with_a_suggestion(sops, old, new, field, suggestion):
    loaded = load(sops, BASE.replace(old, new, 1))
    assert [(v.rule, v.message, v.field) for v in loaded.violations] == [("E003", "format.case", field)]
    assert loaded.violations[0].args["suggestion"] == suggestion
    assert f"maksud Anda '{suggestion}'" in render("format.case", loaded.violations[0].args, "id")


def test_a_value_unknown_in_any_case_keeps_its_code(sops):
    assert messages_of(load(sops, BASE.replace("{jenis: dpa,", "{jenis: dpa_lama,", 1))) == [("E004", "ref.jenis")]
    assert messages_of(load(sops, BASE.replace("jenis: triwulan", "jenis: kuartal", 1))) == [("E003", "format.allowed")]


# --- words in Indonesian messages ------------------------------------------------------------


def test_field_paths_count_as_people_do():
    assert field_words("langkah[0].mulai", "id") == "langkah ke-1 › mulai"
    assert field_words("dokumen[5].paraf[0].tanggal", "id") == "dokumen ke-6 › paraf ke-1 › tanggal"
    assert field_words("langkah[0].mulai", "en") == "langkah no. 1 › mulai"
    assert field_words("periode.ke", "id") == "periode › ke"


PROGRAMMER_WORDS = ("dict", "string", "integer", "boolean", "float", "list", "null", "none", "str", "int")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("ke: 2}", "ke: [2]}"),
        ("ke: 2}", "ke: dua}"),
        ("  zona_waktu: Asia/Jakarta", "  zona_waktu: [Asia/Jakarta]"),
        ("    hasil: diteruskan", "    hasil: {a: 1}"),
        ("format: 1", "format: satu"),
    ],
)
def test_no_programmer_words_reach_an_indonesian_message(sops, old, new):
    loaded = load(sops, BASE.replace(old, new, 1))
    assert loaded.violations
    for violation in loaded.violations:
        text = render(violation.message, violation.args, "id").lower()
        words = set(text.replace("'", " ").replace(",", " ").replace(".", " ").split())
        assert not words & set(PROGRAMMER_WORDS), text


def test_every_message_renders_without_programmer_type_names_in_indonesian():
    for message_id, (indonesian, _) in MESSAGES.items():
        assert not any(f" {word} " in f" {indonesian.lower()} " for word in ("dict", "string", "integer")), message_id


def test_an_unquoted_hash_in_a_file_name_is_named_by_k003(sops, audit, tmp_path):
    import shutil

    folder = tmp_path / "hash"
    shutil.copytree(FIXTURES / "patuh", folder)
    manifest = folder / "dossier.yaml"
    manifest.write_text(
        BASE.replace("    berkas: lampiran/sk-tim-akuntabilitas-2024.pdf", "    berkas: lampiran/sk-tim #1.pdf"),
        encoding="utf-8",
    )
    result = audit(folder)
    (finding,) = [f for f in result.findings if f.rule == "K003"]
    assert 'berkas: "lampiran/sk-tim #1.pdf"' in finding.message


def test_a_comment_after_a_file_that_exists_is_only_a_comment(sops, audit, tmp_path):
    import shutil

    folder = tmp_path / "comment"
    shutil.copytree(FIXTURES / "patuh", folder)
    (folder / "dossier.yaml").write_text(
        BASE.replace(
            "    berkas: lampiran/sk-tim-akuntabilitas-2024.pdf",
            "    berkas: lampiran/sk-tim-akuntabilitas-2024.pdf  # dipindai ulang",
        ),
        encoding="utf-8",
    )
    assert audit(folder).findings == ()
