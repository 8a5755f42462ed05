"""Every word a person reads besides the finding messages (``lang.messages``), in both languages.

One table per reader, each ``{"id": ..., "en": ...}``; codes, fields and verdicts are
never translated. Modules take their table from here, so a wording changes in one place.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from lapkin_audit.model import Periode, Severity

# A severity reads the same in every report and listing.
SEVERITY_WORDS: dict[str, dict[Severity, str]] = {
    "id": {Severity.ERROR: "temuan", Severity.WARNING: "catatan"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning"},
}


# The rule families, by the letter that starts their codes, in the order reports show them
# (JUnit's test cases, the HTML report, docs/rules.md).
FAMILY_NAMES: dict[str, tuple[str, str]] = {
    "E": ("Dossier tidak dapat dinilai", "The dossier cannot be assessed"),
    "K": ("Kelengkapan", "Completeness"),
    "H": ("Dasar hukum", "Legal basis"),
    "T": ("Tim Akuntabilitas Kinerja", "Performance Accountability Team"),
    "P": ("Paraf dan tanda tangan", "Initials and signatures"),
    "A": ("Alur", "Flow of steps"),
    "W": ("Waktu", "Time standards"),
    "S": ("Tanda tangan elektronik (TTE)", "Electronic signatures (TTE)"),
    "X": ("Pengecualian", "Waivers"),
    "B": ("Bukti berkas", "Evidence in the files"),
    "C": ("Capaian dan isi laporan", "The report's figures against their sources"),
}
# The defects of an SOP itself (`sop lint`, L codes): never a dossier's finding.
SOP_FAMILY_NAME = ("Cacat dokumen SOP", "Defects of the SOP document")


def family_name(letter: str, lang: str) -> str:
    names = FAMILY_NAMES.get(letter) or (SOP_FAMILY_NAME if letter == "L" else (letter, letter))
    return names[1] if lang == "en" else names[0]


def severity_word(severity: Severity, lang: str) -> str:
    return SEVERITY_WORDS["en" if lang == "en" else "id"][severity]


def waiver_note(reason: str | None, lang: str) -> str:
    """How every text report marks a waived finding: " (dikecualikan: <alasan>)"."""
    return f" ({'waived' if lang == 'en' else 'dikecualikan'}: {reason})"


def finding_note(finding: Any, lang: str) -> str:
    """What every text report adds to a finding that does not count: waived, or in the baseline."""
    if finding.waived:
        return waiver_note(finding.waiver_reason, lang)
    if finding.baselined:
        return " (baseline: already known)" if lang == "en" else " (baseline: temuan lama)"
    return ""


# The kinds of value the format asks for, in words a person uses (never "dict" or "string").
TYPE_WORDS: dict[str, tuple[str, str]] = {
    "dict": ("peta kunci: nilai", "a mapping of keys"),
    "list": ("daftar (baris diawali '- ')", "a list (lines starting with '- ')"),
    "string": ("teks", "text"),
    "integer": ("bilangan bulat", "a whole number"),
    "float": ("bilangan pecahan", "a decimal number"),
    "boolean": ("ya/tidak (boolean)", "true/false"),
    "null": ("kosong", "empty"),
    "date": ("tanggal", "a date"),
    "datetime": ("tanggal dan jam", "a date and time"),
    "temporal": ("tanggal atau tanggal dan jam", "a date or a date and time"),
    "nip": ("NIP (18 digit)", "a NIP (18 digits)"),
}


def date_words(value: date, lang: str) -> str:
    """A date as people write it, with pendulum's month names: ``2 Juli 2024``,
    ``2 Juli 2024 pukul 15.00`` (the official dot); ``2 July 2024, 15:00`` in English."""
    import pendulum  # only reports with dates in their messages pay for its locales

    locale = "en" if lang == "en" else "id"
    if isinstance(value, datetime):
        pattern = "D MMMM YYYY, HH:mm" if locale == "en" else "D MMMM YYYY [pukul] HH.mm"
        return pendulum.instance(value).format(pattern, locale=locale)
    return pendulum.date(value.year, value.month, value.day).format("D MMMM YYYY", locale=locale)


ROMAN = ("I", "II", "III", "IV")


def periode_words(periode: Periode, lang: str) -> str:
    """The reporting period as offices write it: ``Triwulan III 2025``, ``Juli 2025``, ``Tahun 2025``."""
    import pendulum

    ke = periode.ke or 1
    if periode.jenis == "bulanan":
        return pendulum.date(periode.tahun, ke, 1).format("MMMM YYYY", locale="en" if lang == "en" else "id")
    if periode.jenis == "tahunan":
        return f"{'Year' if lang == 'en' else 'Tahun'} {periode.tahun}"
    name = {"triwulan": ("Triwulan", "Quarter"), "semester": ("Semester", "Half-year")}[periode.jenis]
    return f"{name[1] if lang == 'en' else name[0]} {ROMAN[ke - 1]} {periode.tahun}"


# How every report says which options changed what its verdicts mean.
RUN_OPTIONS: dict[str, dict[str, str]] = {
    "id": {
        "select": "hanya aturan {codes} yang dinilai ({source})",
        "ignore": "aturan {codes} tidak dinilai ({source})",
        "config": "konfigurasi {file} (sha256 {digest})",
        "rules": "folder aturan {folder} (sha256 {digest})",
        "per_path": "aturan {codes} tidak dinilai untuk dossier di {pattern} (per-path-ignores)",
        "strict": "catatan dihitung gagal (--strict)",
        "baseline": "temuan yang tercatat di {file} tidak dihitung gagal ({unused} catatannya tidak cocok dengan temuan mana pun)",
        "lead": "Catatan penilaian",
    },
    "en": {
        "select": "only rules {codes} were assessed ({source})",
        "ignore": "rules {codes} were not assessed ({source})",
        "config": "configuration {file} (sha256 {digest})",
        "rules": "rules folder {folder} (sha256 {digest})",
        "per_path": "rules {codes} were not assessed for dossiers in {pattern} (per-path-ignores)",
        "strict": "warnings count as failures (--strict)",
        "baseline": "findings recorded in {file} do not fail the run ({unused} of its entries matched no finding)",
        "lead": "Assessment note",
    },
}


def scope_notes(options: Any, lang: str) -> list[str]:
    """The rules a run left out, each in a phrase naming where that came from: --select,
    --ignore or the configuration's key, and the per-path ignores with their pattern."""
    words = RUN_OPTIONS["en" if lang == "en" else "id"]
    notes = []
    if options.select:
        notes.append(words["select"].format(codes=", ".join(options.select), source=options.select_from))
    if options.ignore:
        notes.append(words["ignore"].format(codes=", ".join(options.ignore), source=options.ignore_from))
    for pattern, codes in options.per_path_ignore:
        notes.append(words["per_path"].format(codes=", ".join(codes), pattern=pattern))
    return notes


def options_note(options: Any, lang: str) -> str:
    """``konfigurasi lapkin-audit.toml (sha256 …); aturan T tidak dinilai (--ignore); ...``,
    or "" when the run used every rule, no configuration file and only the bundled rules."""
    words = RUN_OPTIONS["en" if lang == "en" else "id"]
    parts = []
    if options.config:
        parts.append(words["config"].format(file=options.config[0], digest=options.config[1]))
    for folder, digest in options.rules_dirs:
        parts.append(words["rules"].format(folder=folder, digest=digest))
    parts.extend(scope_notes(options, lang))
    if options.strict:
        parts.append(words["strict"])
    if options.baseline:
        parts.append(words["baseline"].format(file=options.baseline, unused=options.baseline_unused))
    return "; ".join(parts)


def format_minutes(minutes: int, lang: str = "id") -> str:
    """Hours and minutes of working time (never days): 855 -> '14 jam 15 menit'."""
    labels = {"id": ("jam", "menit"), "en": ("h", "min")}  # never days: a "day" of elapsed working time is ambiguous
    if lang not in labels:
        raise ValueError(f"unknown language {lang!r}; expected one of {sorted(labels)}")
    if minutes < 0:
        raise ValueError(f"negative duration: {minutes} minutes")
    h_label, m_label = labels[lang]
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} {h_label}"] if hours else []) + ([f"{rest} {m_label}"] if rest or not hours else [])
    return " ".join(parts)


# Who acts on a rekomendasi when no SOP outline names the role (the SOP's `peran` does
# otherwise), and the one actor no SOP has: whoever runs the checker.
ACTOR_NAMES: dict[str, dict[str, str]] = {
    "id": {
        "camat": "Camat",
        "sekretaris": "Sekretaris Kecamatan",
        "tim": "Tim Akuntabilitas Kinerja",
        "sub_umum": "Subbagian Umum",
        "sub_evapor": "Subbagian Evaluasi dan Pelaporan",
        "pengelola": "pengelola lapkin-audit",
    },
    "en": {
        "camat": "Camat",
        "sekretaris": "Sekretaris Kecamatan",
        "tim": "Tim Akuntabilitas Kinerja",
        "sub_umum": "Subbagian Umum",
        "sub_evapor": "Subbagian Evaluasi dan Pelaporan",
        "pengelola": "whoever runs lapkin-audit",
    },
}


# What a verdict did not weigh (never a bare PATUH on a partial check), per dossier.
PARTIAL: dict[str, dict[str, str]] = {
    "id": {
        "lead": "Penilaian sebagian",
        "evidence": "{n} lampiran tidak terbaca; isinya hanya dinyatakan, tidak dibuktikan",
        "no_evidence": "isi lampiran tidak dibaca",
        "baselined": "{n} temuan tercatat di baseline dan tidak dihitung gagal",
    },
    "en": {
        "lead": "Partial judgement",
        "evidence": "{n} attachment(s) could not be read; their content is only declared, not proved",
        "no_evidence": "the attachments' content was not read",
        "baselined": "{n} finding(s) known to the baseline do not fail the run",
    },
}


# report/table.py
TABLE: dict[str, Any] = {
    "id": {
        "dossiers": ("Dossier", "SOP", "Simpulan", "Temuan", "Catatan", "Dikecualikan"),
        "findings": ("Dossier", "Baris", "Aturan", "Tingkat", "Langkah", "Kondisi"),
        "severity": SEVERITY_WORDS["id"],
        "none": "Tidak ada temuan.",
        "summary": "{n} dossier: {counts}.",
        "partial": "(sebagian)",
        "partial_lead": "penilaian sebagian",
    },
    "en": {
        "dossiers": ("Dossier", "SOP", "Verdict", "Errors", "Warnings", "Waived"),
        "findings": ("Dossier", "Line", "Rule", "Severity", "Step", "Message"),
        "severity": SEVERITY_WORDS["en"],
        "none": "No findings.",
        "summary": "{n} dossier(s): {counts}.",
        "partial": "(partial)",
        "partial_lead": "partial judgement",
    },
}


# report/markdown.py
MARKDOWN: dict[str, Any] = {
    "id": {
        "title": "Hasil lapkin-audit",
        "dossiers": ("Dossier", "Simpulan", "Temuan", "Catatan", "Dikecualikan"),
        "findings": ("Baris", "Aturan", "Tingkat", "Langkah", "Kondisi", "Rekomendasi (oleh)"),
        "severity": SEVERITY_WORDS["id"],
        "count": "{n} temuan",
        "partial": "(penilaian sebagian)",
        "partial_lead": "penilaian sebagian",
        "left_out": "_Tidak ditampilkan agar komentar tetap di bawah {limit} karakter: {rows} baris dossier dan rincian {details} dossier. Laporan lengkap: `--format html` atau `--format json`._",
        "summary": "**{n} dossier:** {verdicts}. **Hasil:** temuan {error}, catatan {warning}, dikecualikan {waived}.",
    },
    "en": {
        "title": "lapkin-audit results",
        "dossiers": ("Dossier", "Verdict", "Errors", "Warnings", "Waived"),
        "findings": ("Line", "Rule", "Severity", "Step", "Condition", "Recommendation (by)"),
        "severity": SEVERITY_WORDS["en"],
        "count": "{n} finding(s)",
        "partial": "(partial judgement)",
        "partial_lead": "partial judgement",
        "left_out": "_Left out to keep the comment under {limit} characters: {rows} dossier row(s) and the details of {details} dossier(s). The whole report: `--format html` or `--format json`._",
        "summary": "**{n} dossier(s):** {verdicts}. **Findings:** {error} error(s), {warning} warning(s), {waived} waived.",
    },
}


# report/github.py
GITHUB: dict[str, Any] = {
    "id": {
        "summary": "{n} dossier: {verdicts}; hasil: temuan {error}, catatan {warning}, dikecualikan {waived}.",
    },
    "en": {
        "summary": "{n} dossier(s): {verdicts}; findings: {error} error(s), {warning} warning(s), {waived} waived.",
    },
}


# report/junit.py
JUNIT: dict[str, Any] = {
    "id": {
        "severity": SEVERITY_WORDS["id"],
        "line": "baris",
        "skipped": "Tidak dinilai: dossier tidak dapat dinilai.",
    },
    "en": {
        "severity": SEVERITY_WORDS["en"],
        "line": "line",
        "skipped": "Not assessed: the dossier cannot be assessed.",
    },
}


# report/sarif.py
SARIF_HELP: dict[str, Any] = {
    "id": {
        "why": "Mengapa",
        "clause": "Klausul SOP",
        "fix": "Perbaikan",
        "failing": "Contoh melanggar",
        "passing": "Contoh patuh",
    },
    "en": {
        "why": "Why",
        "clause": "SOP clause",
        "fix": "How to fix",
        "failing": "Failing example",
        "passing": "Passing example",
    },
}
