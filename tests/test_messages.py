"""The rule registry: every rule declares its title, messages and documentation in both
languages, its messages taking the same arguments in each; the catalogue holds every rule
once; and messages render."""

from __future__ import annotations

import dataclasses
import string
import types

import pytest

from lapkin_audit.authoring.sopimport.lint import SOP_RULES
from lapkin_audit.checks import kelengkapan, tim
from lapkin_audit.decide.catalogue import DECLARED_IN, MESSAGES, RULES, problems, render
from lapkin_audit.model import Rule, WorkMinutes, rule_problems


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_catalogue_is_whole():
    assert list(problems()) == []


@pytest.mark.parametrize("code", [*RULES, *SOP_RULES])
def test_every_rule_is_declared_in_full(code):
    rule = RULES.get(code) or SOP_RULES[code]
    assert list(rule_problems(rule)) == []
    assert rule.code == code and rule.messages


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_both_languages_take_the_same_arguments(message_id):
    indonesian, english = MESSAGES[message_id]
    assert indonesian and english and indonesian != english
    assert fields(indonesian) == fields(english)


# ---------------------------------------------------------------- what the validation names


def test_a_missing_translation_is_named():
    broken = dataclasses.replace(RULES["A003"], checks=(RULES["A003"].checks[0], ""))
    assert list(rule_problems(broken)) == ["A003: checks: needs a text in Indonesian and one in English"]


def test_an_untranslated_text_is_named():
    broken = dataclasses.replace(RULES["K001"], fix=(RULES["K001"].fix[1], RULES["K001"].fix[1]))
    assert list(rule_problems(broken)) == ["K001: fix: the Indonesian text is the English one"]


def test_messages_that_take_other_arguments_are_named():
    broken = dataclasses.replace(RULES["W003"], messages={"W003": ("Langkah {step} selesai.", "Step {nomor} ends.")})
    assert list(rule_problems(broken)) == ["W003: messages[W003]: the two languages take different arguments"]


def test_a_lone_snippet_is_refused():
    broken = dataclasses.replace(RULES["E000"], passing="format: 1\n")
    assert list(rule_problems(broken)) == ["E000: failing and passing come together or not at all"]


def test_an_unknown_encoding_is_named():
    broken = dataclasses.replace(RULES["E001"], encoding="cp9999")
    assert list(rule_problems(broken)) == ["E001: encoding: unknown encoding 'cp9999'"]


def _module(name: str, *rules: Rule) -> types.ModuleType:
    module = types.ModuleType(name)
    module.RULES = rules  # type: ignore[attr-defined]
    return module


def test_an_undocumented_rule_is_named():
    bare = _module("bare", dataclasses.replace(RULES["K004"], why=None))
    assert list(problems((*DECLARED_IN, bare))) == [
        "K004: why and clause are required of a dossier's rule",
        "K004: declared in lapkin_audit.checks.kelengkapan and in bare",
        "K004: message 'K004' is declared by K004 too",
    ]


def test_a_rule_of_an_unnamed_family_is_named():
    stray = _module("stray", dataclasses.replace(RULES["K005"], code="Z999", messages={"Z999": ("a {x}", "b {x}")}))
    assert list(problems((*DECLARED_IN, stray))) == ["Z999: family 'Z' has no name in lang.words.FAMILY_NAMES"]


def test_a_family_left_out_of_the_catalogue_is_named():
    assert list(problems(tuple(m for m in DECLARED_IN if m is not tim))) == [
        "lapkin_audit.checks.tim: a check family missing from decide.catalogue.DECLARED_IN"
    ]
    assert kelengkapan in DECLARED_IN


# ---------------------------------------------------------------- rendering


def test_working_time_renders_per_language():
    args = {
        "step": 2,
        "kegiatan": "Menyusun draft laporan",
        "actual": WorkMinutes(855),
        "limit_text": "1 hari",
        "limit": WorkMinutes(450),
    }
    assert (
        render("W001", args, "id")
        == "Langkah 2 (Menyusun draft laporan) memakan 14 jam 15 menit kerja; batas 1 hari (7 jam 30 menit)."
    )
    assert "14 h 15 min" in render("W001", args, "en")


def test_dates_read_as_people_write_them_in_each_language():
    import datetime as dt

    moment = dt.datetime(2024, 7, 1, 7, 45, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    args = {"mulai": moment, "akhir": dt.date(2024, 9, 30)}
    assert (
        render("W004", args, "id")
        == "Proses dimulai 1 Juli 2024 pukul 07.45, sebelum periode laporan berakhir (30 September 2024)."
    )
    assert "1 July 2024, 07:45" in render("W004", args, "en") and "30 September 2024" in render("W004", args, "en")
