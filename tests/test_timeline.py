"""The step log in working time (lapkin_audit.domain.timeline), as W001 and the reports read it."""

from __future__ import annotations

import dataclasses

from lapkin_audit.model import DossierResult, StepTiming, codec
from tests.helpers import FIXTURES


def test_compliant_run_in_working_minutes(audit):
    timeline = audit(FIXTURES / "patuh").timeline
    assert [t.nomor for t in timeline] == [1, 2, 3, 4, 5, 6]
    by_step = {t.nomor: t for t in timeline}
    assert (by_step[1].worked, by_step[1].standard, by_step[1].waited) == (55, 60, 0)
    # Step 2: Monday 08:45-12:00 and 13:00-16:00, Tuesday 07:30-08:00: 6 h 45 min; 1 hari is 7 h 30 min.
    assert (by_step[2].worked, by_step[2].standard, by_step[2].standard_text) == (405, 450, "1 hari")
    assert by_step[2].waited == 5  # 08:40 to 08:45
    # Step 4 starts Wednesday 07:35 after step 3 ended Tuesday 15:30: the office closed at 16:00.
    assert by_step[4].waited == 30 + 5
    assert not any(t.overrun for t in timeline)
    assert [t.kegiatan for t in timeline][:2] == ["Mengumpulkan bahan laporan", "Menyusun draft laporan"]


def test_overrun_is_the_w001_comparison(audit):
    result = audit(FIXTURES / "w001-langkah-2-terlambat")
    overrun = [t.nomor for t in result.timeline if t.overrun]
    assert overrun == [2] == [f.step for f in result.findings if f.rule == "W001"]
    step2 = next(t for t in result.timeline if t.nomor == 2)
    assert step2.worked == 465 and step2.worked > step2.standard


def test_revision_loop_keeps_every_record(audit):
    timeline = audit(FIXTURES / "patuh-revisi").timeline
    assert [t.nomor for t in timeline] == [1, 2, 3, 2, 3, 4, 5, 6]


def test_step_ending_before_it_starts_worked_nothing(audit):
    timeline = audit(FIXTURES / "w003-selesai-sebelum-mulai").timeline
    step6 = next(t for t in timeline if t.nomor == 6)
    assert step6.selesai < step6.mulai and step6.worked == 0 and not step6.overrun


def test_unassessable_dossier_has_no_timeline(audit):
    assert audit(FIXTURES / "e002-yaml-rusak").timeline == ()


def test_cache_entry_keeps_the_timeline(audit):
    for name in ("patuh", "patuh-revisi", "w001-dikecualikan", "e003-kunci-salah"):
        result = audit(FIXTURES / name)
        again = codec.loads(DossierResult, codec.dumps(result))  # what the result cache keeps
        assert again == result
        assert [t.mulai.isoformat() for t in again.timeline] == [t.mulai.isoformat() for t in result.timeline]


def test_cache_writes_every_field_of_a_timing(audit):
    # The cache writes a timing by its fields (model.codec): a new StepTiming field is kept too.
    timing = audit(FIXTURES / "patuh").timeline[0]
    assert (
        list(codec.encode(timing))
        == [f.name for f in dataclasses.fields(StepTiming)]
        == [
            "nomor",
            "kegiatan",
            "mulai",
            "selesai",
            "worked",
            "standard",
            "standard_text",
            "waited",
            "field",
        ]
    )
