"""The rule families beyond their one fixture each: variants that must and must not fire.

Each case edits the compliant example's text and audits it in a temporary copy of the
dossier; the assertions are on codes (and steps or fields), never on message wording.
"""

from __future__ import annotations

import shutil

import pytest

from tests.helpers import FIXTURES

BASE = (FIXTURES / "patuh" / "dossier.yaml").read_text(encoding="utf-8")
BAMBANG = 'nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004"'
SITI = 'nama: "Siti Aminah, S.Sos", nip: "19790825 200501 2 011"'
STEP3 = "  - nomor: 3\n"


@pytest.fixture
def check(tmp_path, audit):
    def run(*edits: tuple[str, str], append: str = ""):
        text = BASE
        for old, new in edits:
            assert old in text, old
            text = text.replace(old, new)
        folder = tmp_path / "dossier"
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(FIXTURES / "patuh", folder)
        (folder / "dossier.yaml").write_text(text + append, encoding="utf-8")
        return audit(folder)

    return run


def rules(result):
    return sorted(f.rule for f in result.findings)


def waiver(aturan: str, alasan: str = "Alasan yang sah.", by: str = BAMBANG, langkah: str = "") -> str:
    step = f"    langkah: {langkah}\n" if langkah else ""
    return f'pengecualian:\n  - aturan: {aturan}\n{step}    alasan: "{alasan}"\n    disetujui_oleh: {{peran: camat, {by}}}\n    tanggal: 2024-07-03\n'  # noqa: E501 - one manifest or figure line, kept whole to read it


# --------------------------------------------------------------------------- A


def test_skipping_the_decision_is_a002(check):
    # steps 1, 2, 4, 5, 6, then 3 at the end: 2->4 and 6->3 break the flow
    text = BASE.split(STEP3)
    step3, rest = text[1].split("  - nomor: 4\n", 1)
    result = check((BASE, text[0] + "  - nomor: 4\n" + rest.rstrip("\n") + "\n" + STEP3 + step3))
    a002 = [f for f in result.findings if f.rule == "A002"]
    assert {f.step for f in a002} >= {3, 4}


def test_unknown_hasil_is_a002(check):
    result = check(("hasil: diteruskan", "hasil: disetujui"))
    assert [(f.rule, f.field) for f in result.findings] == [("A002", "langkah[2].hasil")]


def test_diperbaiki_then_forward_is_a002(check):
    result = check(("hasil: diteruskan", "hasil: diperbaiki"))
    assert rules(result) == ["A002"] and result.findings[0].step == 4


def test_two_roles_in_one_step_one_wrong(check):
    result = check(
        (
            f"      - {{peran: camat, {BAMBANG}}}\n    mulai: 2024-07-02T08:15",
            f"      - {{peran: camat, {BAMBANG}}}\n      - {{peran: sub_umum, nama: Rudi Hartono}}\n    mulai: 2024-07-02T08:15",  # noqa: E501 - one manifest or figure line, kept whole to read it
        )
    )
    assert [(f.rule, f.field) for f in result.findings] == [("A003", "langkah[2].pelaksana[2].peran")]


# --------------------------------------------------------------------------- W


def test_time_before_office_hours_does_not_count(check):
    # step 1 from 05:30 to 07:45: 2 h 15 min on the clock, 15 min of working time
    result = check(
        (
            "mulai: 2024-07-01T07:45:00+07:00\n    selesai: 2024-07-01T08:40:00+07:00",
            "mulai: 2024-07-01T05:30:00+07:00\n    selesai: 2024-07-01T07:45:00+07:00",
        )
    )
    assert rules(result) == []


def test_revision_allowance_grows_w002_limit(check):
    # The patuh-revisi fixture runs 16 h 50 min with a loop; without the loop's allowance,
    # stretching it by a day would break W002. With the allowance (+2 hari) it does not.
    revisi = (FIXTURES / "patuh-revisi" / "dossier.yaml").read_text(encoding="utf-8")
    stretched = revisi.replace("2024-07-03T", "2024-07-04T")
    result = check((BASE, stretched))
    assert rules(result) == []
    much_later = revisi.replace("2024-07-03T", "2024-07-08T")
    assert rules(check((BASE, much_later))) == ["W002"]


def test_w002_waiting_counts(check):
    later = BASE.replace("2024-07-03T", "2024-07-05T")
    assert rules(check((BASE, later))) == ["W002"]


# --------------------------------------------------------------------------- T


def test_decree_validity_starting_after_the_run_is_t004(check):
    result = check(("berlaku_mulai: 2024-01-01", "berlaku_mulai: 2024-07-02"))
    assert [(f.rule, f.field) for f in result.findings] == [("T004", "dokumen[0].berlaku_mulai")]


def test_member_matched_by_nip_despite_other_name(check):
    result = check(
        ('pelaksana: [{peran: tim, nama: "Agus Prasetyo, SE"', 'pelaksana: [{peran: tim, nama: "A. Prasetyo"')
    )
    assert rules(result) == []


def test_open_ended_decree_covers(check):
    assert rules(check(("    berlaku_sampai: 2024-12-31\n", ""))) == []


# --------------------------------------------------------------------------- P


def test_signature_outside_step_3_is_p004(check):
    result = check(("tanggal: 2024-07-02T15:00:00+07:00}", "tanggal: 2024-07-03T08:00:00+07:00}"))
    assert rules(result) == ["P004"]


def test_date_only_marks_on_the_step_day_pass(check):
    result = check(
        ("tanggal: 2024-07-02T10:00:00+07:00}", "tanggal: 2024-07-02}"),
        ("tanggal: 2024-07-02T15:00:00+07:00}", "tanggal: 2024-07-02}"),
    )
    assert rules(result) == []


def test_paraf_by_someone_else_as_sekretaris_is_p003(check):
    result = check(
        (
            f"{{peran: sekretaris, {SITI}, tanggal: 2024-07-02T10:00",
            '{peran: sekretaris, nama: "Rina Wulandari", tanggal: 2024-07-02T10:00',
        )
    )
    # The attached report's paraf line still names Siti Aminah: it contradicts the manifest.
    assert rules(result) == ["B007", "P003"]


@pytest.mark.parametrize(
    "nip",
    ['"1970031219900310"', '"19700231 199003 1 004"', '"19700312 198503 1 004"', '"19700312 199003 3 004"', "true"],
)
def test_malformed_nips_of_pejabat(check, nip):
    result = check((f"camat:      {{{BAMBANG}}}", f'camat:      {{nama: "Drs. Bambang Sutrisno, M.Si", nip: {nip}}}'))
    if nip == "true":
        assert rules(result) == ["E003"]  # a boolean is not a NIP at all
    else:
        assert "P005" in rules(result)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("19820605 200801 1 012", "19820605 200801 1 000"),  # serial 000
        ("19820605 200801 1 012", "20050614 202321 1 012"),  # a PPPK of 2023 born in 2005: 18 at most
    ],
)
def test_p005_serial_and_pppk_age(check, old, new):
    assert rules(check((old, new))) == ["P005"] * 3  # steps 4, 5 and 6


def test_digits_13_14_of_an_ni_pppk_are_a_code_not_a_contract_count(check):
    # "35" is no month and no contract number 1-9: still the code of a PPPK, and valid.
    assert rules(check(("19820605 200801 1 012", "19900102 202435 1 012"))) == []


_SK_SIGNER = '{peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-01-08}'


def test_a_decree_signed_by_a_camat_retired_since_2023_is_p007_and_t006(check):
    # Born 1 January 1965: 58 on 1 January 2023, out of service from 1 February 2023.
    retired = '{peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19650101 199003 1 003", tanggal: 2024-01-08}'
    result = check((_SK_SIGNER, retired))
    assert rules(result) == ["B007", "P007", "T006"]  # B007: the decree's block shows another NIP
    (p007,) = [f for f in result.findings if f.rule == "P007"]
    assert p007.field == "dokumen[0].tanda_tangan[0]" and "1 Februari 2023" in p007.message


def test_the_month_of_the_58th_birthday_is_still_in_service(check):
    # Born 1 July 1966: 58 on 1 July 2024, in service until 31 July; he signs on 2 July.
    holder = '"19700312 199003 1 004"'
    result = check((holder, '"19660701 198903 1 004"'))
    assert "P007" not in rules(result)


def test_the_camat_retired_before_the_run_is_p007_for_each_act(check):
    # Born 1 June 1966: out of service from 1 July 2024; the decree (January) is before it.
    result = check(("19700312 199003 1 004", "19660601 198903 1 004"))
    p007 = sorted((f.field, f.step) for f in result.findings if f.rule == "P007")
    assert p007 == [("dokumen[10].tanda_tangan[0]", None), ("langkah[2].pelaksana[1]", 3)]


def test_p007_can_be_waived(check):
    result = check(
        ("19820605 200801 1 012", "20000415 202408 1 012"),
        append=waiver("P007", "TMT tercatat salah di SIASN; SK CPNS TMT 1 Juni 2024 terlampir.", langkah="4"),
    )
    waived = [f for f in result.findings if f.rule == "P007" and f.waived]
    assert [f.step for f in waived] == [4]


# --------------------------------------------------------------------------- H


@pytest.mark.parametrize(
    "citations",
    [
        ["Perpres 29/2014", "Permen PANRB Nomor 53 Tahun 2014"],
        ["PERATURAN PRESIDEN REPUBLIK INDONESIA NOMOR 29 TAHUN 2014", "PermenPAN-RB No. 53 Tahun 2014"],
    ],
)
def test_other_spellings_match(check, citations):
    block = "".join(f"      - {c}\n" for c in citations)
    assert (
        rules(
            check(("      - Peraturan Presiden Nomor 29 Tahun 2014\n      - Permenpan RB No. 53 Tahun 2014\n", block))
        )
        == []
    )


_NO_CITATIONS = (
    "    dasar_hukum:\n      - Peraturan Presiden Nomor 29 Tahun 2014\n      - Permenpan RB No. 53 Tahun 2014\n",
    "",
)


def test_no_citations_at_all_is_two_h001_where_the_text_cannot_be_read(check, monkeypatch):
    # A scan with no readable text: H001 is judged on the declared dasar_hukum (and B006 says why).
    from lapkin_audit.evidence import read

    original = read.Reader.read_in_children

    def signed_report_unread(self, items, tables=()):
        return [
            read.DocumentFacts(sha, "pdf", 1, problem="no_text") if b"Paraf koordinasi" in data else facts
            for (data, sha), facts in zip(items, original(self, items, tables), strict=True)
        ]

    monkeypatch.setattr(read.Reader, "read_in_children", signed_report_unread)
    monkeypatch.setattr(read, "_memo", type(read._memo)())  # nothing already read
    result = check(_NO_CITATIONS)
    assert rules(result) == ["B006", "H001", "H001"]
    assert all("manifest" in f.message for f in result.findings if f.rule == "H001")


def test_no_citations_declared_is_judged_on_the_text(check):
    # The signed report's text cites both: the manifest's silence proves nothing against it.
    assert rules(check(_NO_CITATIONS)) == []


def test_wrong_year_does_not_match(check):
    # The text cites PermenPAN-RB 53/2014; the manifest declares 53/2015, which it does not.
    result = check(("Permenpan RB No. 53 Tahun 2014", "Permenpan RB No. 53 Tahun 2015"))
    assert rules(result) == ["B003"]


# --------------------------------------------------------------------------- X


@pytest.mark.parametrize(
    ("waiver_text", "why"),
    [
        (waiver("K005", alasan="  "), "X001.empty_reason"),
        (waiver("K005", by=SITI), "X001.not_approver"),
        (waiver("Z123"), "X001.unknown_rule"),
        (waiver("W001", langkah="2"), "X001.no_match"),
    ],
)
def test_invalid_waivers(check, waiver_text, why):
    result = check(("\nlangkah:\n", "\n" + waiver_text + "langkah:\n"))
    assert rules(result) == ["X001"]


def test_invalid_waiver_waives_nothing(check):
    edits = [
        ("  - {jenis: dokumen_iku, berkas: lampiran/iku-2024.pdf}\n", ""),
        ("\nlangkah:\n", "\n" + waiver("K005", by=SITI) + "langkah:\n"),
    ]
    result = check(*edits)
    assert rules(result) == ["K005", "X001"]
    assert not any(f.waived for f in result.findings)


def test_waiver_for_another_step_does_not_cover(check):
    edits = [
        ("selesai: 2024-07-02T08:00:00+07:00", "selesai: 2024-07-02T09:00:00+07:00"),
        ("mulai: 2024-07-02T08:15:00+07:00", "mulai: 2024-07-02T09:05:00+07:00"),
        ("\nlangkah:\n", "\n" + waiver("W001", langkah="3") + "langkah:\n"),
    ]
    result = check(*edits)
    assert rules(result) == ["W001", "X001"]
    assert result.verdict.value == "TIDAK_PATUH"


def test_p003_by_nip_shows_both_nips_even_when_the_names_agree(check, sops):
    # Same name, another NIP: the NIP decided, so the message must show the two NIPs.
    other = 'nama: "Siti Aminah, S.Sos", nip: "19810101 200601 2 001"'
    result = check(
        (
            f"{{peran: sekretaris, {SITI}, tanggal: 2024-07-02T10:00",
            f"{{peran: sekretaris, {other}, tanggal: 2024-07-02T10:00",
        )
    )
    assert rules(result) == ["B007", "P003"]  # the report's paraf line shows the other NIP
    (finding,) = [f for f in result.findings if f.rule == "P003"]
    assert "19810101 200601 2 001" in finding.message and "19790825 200501 2 011" in finding.message


def test_t006_by_nip_shows_both_nips(check):
    old = '{peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19700312 199003 1 004", tanggal: 2024-01-08}'
    new = '{peran: camat, nama: "Drs. Bambang Sutrisno, M.Si", nip: "19690505 199403 1 002", tanggal: 2024-01-08}'
    result = check((old, new))
    assert rules(result) == ["B007", "T006"]  # the decree's block shows the other NIP
    (finding,) = [f for f in result.findings if f.rule == "T006"]
    assert "19690505 199403 1 002" in finding.message and "19700312 199003 1 004" in finding.message


def test_a_pppk_officer_acts_without_p005(check):
    result = check(
        ('nama: "Rudi Hartono", nip: "19820605 200801 1 012"', 'nama: "Rina Wulandari", nip: "19950314 202321 2 001"')
    )
    assert rules(result) == []


def test_a_broken_ni_pppk_says_it_is_an_ni_pppk(check):
    result = check(
        ('nama: "Rudi Hartono", nip: "19820605 200801 1 012"', 'nama: "Rina Wulandari", nip: "19950314 202321 3 001"')
    )
    assert set(rules(result)) == {"P005"}
    assert all(f.message.startswith("NI PPPK ") for f in result.findings)


@pytest.mark.parametrize("nip", ['"19720815.199303.1.007"', '"19720815-199303-1-007"', '"NIP. 19720815 199303 1 007"'])
def test_a_nip_written_with_dots_or_a_label_is_the_same_nip(check, nip):
    # The holder in pejabat is written plainly; the paraf writes the same number otherwise.
    result = check(
        (f"sekretaris: {{{SITI}}}", 'sekretaris: {nama: "Siti Aminah, S.Sos", nip: "19720815 199303 1 007"}'),
        (
            f"{{peran: sekretaris, {SITI}, tanggal: 2024-07-02T10:00",
            f'{{peran: sekretaris, nama: "Siti Aminah, S.Sos", nip: {nip}, tanggal: 2024-07-02T10:00',
        ),
    )
    # No P003 nor P005. The attached report's paraf line shows her former NIP: B007 only.
    assert rules(result) == ["B007"]
