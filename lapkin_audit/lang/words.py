"""Every word a person reads besides the finding messages (``lang.messages``), in both languages.

One table per reader, each ``{"id": ..., "en": ...}``; codes, fields and verdicts are
never translated. Modules take their table from here, so a wording changes in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from lapkin_audit.model import Periode, Severity, Verdict

# A severity reads the same in every report and listing.
SEVERITY_WORDS: dict[str, dict[Severity, str]] = {
    "id": {Severity.ERROR: "pelanggaran", Severity.WARNING: "peringatan"},
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


# authoring/hashing.py, `lapkin-audit hash`
HASH: dict[str, Any] = {
    "id": {
        "results": {
            "added": "ditambahkan",
            "updated": "diperbarui",
            "same": "sudah benar",
            "lfs_same": "cocok dengan penunjuk Git LFS",
            "not_hashed": "tidak di-hash",
        },
        # --check writes nothing: it says what is wrong, never what it changed.
        "results_check": {
            "added": "belum diisi",
            "updated": "salah",
            "same": "sudah benar",
            "lfs_same": "cocok dengan penunjuk Git LFS",
            "not_hashed": "tidak di-hash",
        },
        "nothing": "tidak ada berkas lampiran",
        "not_hashed": "{berkas}: tidak di-hash: {reason}",
        "added": "{berkas}: sha256 belum diisi",
        "updated": "{berkas}: sha256 tidak cocok dengan isi berkasnya",
        "lfs_same": "{berkas}: penunjuk Git LFS; sha256 cocok dengan oid-nya, tetapi dokumennya belum diambil (git lfs pull)",
        "unnamed": "{berkas}: ada di folder, tetapi tidak disebut di manifest",
        "unreadable": "{path}: manifest tidak dapat dibaca, tidak diubah ({reason})",
        "unwritable": "{path}: manifest tidak dapat ditulis, tidak diubah ({error})",
        "blank_document": "dokumen '{jenis}'",
    },
    "en": {
        "results": {
            "added": "added",
            "updated": "updated",
            "same": "already right",
            "lfs_same": "matching a Git LFS pointer",
            "not_hashed": "not hashed",
        },
        "results_check": {
            "added": "missing",
            "updated": "wrong",
            "same": "already right",
            "lfs_same": "matching a Git LFS pointer",
            "not_hashed": "not hashed",
        },
        "nothing": "no attachments",
        "not_hashed": "{berkas}: not hashed: {reason}",
        "added": "{berkas}: sha256 missing",
        "updated": "{berkas}: sha256 does not match the file's content",
        "lfs_same": "{berkas}: a Git LFS pointer; the sha256 matches its oid, but the document was not fetched (git lfs pull)",
        "unnamed": "{berkas}: in the folder, but the manifest does not name it",
        "unreadable": "{path}: the manifest cannot be read, left unchanged ({reason})",
        "unwritable": "{path}: the manifest cannot be written, left unchanged ({error})",
        "blank_document": "document '{jenis}'",
    },
}

# Why an attachment was not hashed, by the key authoring.hashing gives (the attachment's
# status from load.attachments, or its own): words, never the codes themselves.
HASH_REASONS: dict[str, dict[str, str]] = {
    "id": {
        "blank": "berkas belum diisi",
        "not_text": "berkas bukan teks",
        "missing": "berkasnya tidak ada",
        "missing_similar": "berkasnya tidak ada; maksud Anda '{detail}'?",
        "empty": "berkasnya kosong (0 bita)",
        "not_file": "bukan berkas biasa (folder, FIFO atau perangkat)",
        "unreadable": "tidak dapat dibaca ({detail})",
        "outside": "di luar folder dossier",
        "lfs_pointer": "penunjuk Git LFS, bukan dokumennya: jalankan git lfs pull, lalu hash lagi",
        "lfs_mismatch": (
            "penunjuk Git LFS yang oid-nya berbeda dengan sha256 di manifest: jalankan git lfs pull, lalu hash lagi"
        ),
        "cannot_place": "sha256 tidak dapat ditulis di tempatnya tanpa mengubah nilai lain; tulis sendiri: {detail}",
    },
    "en": {
        "blank": "berkas is not filled in yet",
        "not_text": "berkas is not text",
        "missing": "the file does not exist",
        "missing_similar": "the file does not exist; did you mean '{detail}'?",
        "empty": "the file is empty (0 bytes)",
        "not_file": "not a regular file (a folder, FIFO or device)",
        "unreadable": "cannot be read ({detail})",
        "outside": "outside the dossier folder",
        "lfs_pointer": "a Git LFS pointer, not the document: run git lfs pull, then hash again",
        "lfs_mismatch": "a Git LFS pointer whose oid differs from the manifest's sha256: run git lfs pull, then hash again",
        "cannot_place": "the sha256 cannot be written in place without changing another value; write it yourself: {detail}",
    },
}

# Why `--changed-since` cannot say what changed (exit status 2), by the key the history
# reader gives (lapkin_audit.load.history).
CHANGES: dict[str, dict[str, str]] = {
    "id": {
        "bad_ref": "'{ref}' bukan ref git",
        "not_repository": "{folder} tidak berada di dalam repositori git",
        "unknown_ref": (
            "ref '{ref}' tidak ada di repositori {root}; ambil dulu: {fetch}"
            " (checkout CI yang dangkal perlu riwayatnya: actions/checkout dengan fetch-depth: 0, GitLab GIT_DEPTH: 0)"
        ),
        "shallow": (
            "riwayat '{ref}' tidak ada di klon ini (klon dangkal); ambil riwayatnya: git fetch --unshallow"
            " (actions/checkout dengan fetch-depth: 0, GitLab GIT_DEPTH: 0)"
        ),
        "no_parent": "'{ref}' menunjuk induk commit yang tidak ada",
        "not_commit": "'{ref}' tidak menunjuk sebuah commit",
        "not_owned": (
            "repositori {root} milik pengguna lain (uid {uid}), sehingga tidak dibaca, seperti git menolaknya;"
            " jika memang dipercaya: git config --global --add safe.directory {root}"
        ),
        "unreadable": "repositori {root} tidak dapat dibaca: {error}",
        "failed": "riwayat repositori {root} tidak dapat dibaca: {error}",
    },
    "en": {
        "bad_ref": "'{ref}' is not a git ref",
        "not_repository": "{folder} is not inside a git repository",
        "unknown_ref": (
            "no ref '{ref}' in the repository {root}; fetch it first: {fetch}"
            " (a shallow CI checkout needs the history: actions/checkout with fetch-depth: 0, GitLab GIT_DEPTH: 0)"
        ),
        "shallow": (
            "the history of '{ref}' is not in this clone (a shallow clone); fetch it: git fetch --unshallow"
            " (actions/checkout with fetch-depth: 0, GitLab GIT_DEPTH: 0)"
        ),
        "no_parent": "'{ref}' names a parent commit that does not exist",
        "not_commit": "'{ref}' does not name a commit",
        "not_owned": (
            "the repository {root} belongs to another user (uid {uid}), so it is not read, as git refuses it;"
            " if you trust it: git config --global --add safe.directory {root}"
        ),
        "unreadable": "the repository {root} cannot be read: {error}",
        "failed": "the history of the repository {root} could not be read: {error}",
    },
}


def changes_message(key: str, args: Mapping[str, Any], lang: str) -> str:
    """Why ``--changed-since`` cannot answer, in ``lang``; an unknown ref says what to fetch."""
    args = dict(args)
    if key == "unknown_ref":
        args["fetch"] = fetch_command(str(args.get("ref", "")))
    return CHANGES["en" if lang == "en" else "id"][key].format_map(args)


def fetch_command(ref: str) -> str:
    """The git command that brings ``ref`` into a clone: ``origin/main`` is the branch
    ``main`` of the remote ``origin``; anything else is asked of ``origin``."""
    name = ref.removeprefix("refs/remotes/")
    for suffix in ("~", "^"):
        name = name.split(suffix, 1)[0]
    if "/" in name and not name.startswith("refs/"):
        remote, branch = name.split("/", 1)
        return f"git fetch {remote} {branch}"
    return f"git fetch origin {name.removeprefix('refs/heads/').removeprefix('refs/tags/')}"


CLI: dict[str, Any] = {
    "id": {
        "init_done": "Kerangka dossier ditulis: {path}. Isi nilainya, lalu: lapkin-audit check {folder}",
        "schema_written": "Skema JSON untuk editor ditulis: {path} (commit bersama dossier-nya).",
        "progress": "Memeriksa",
    },
    "en": {
        "init_done": "Dossier skeleton written: {path}. Fill in its values, then: lapkin-audit check {folder}",
        "schema_written": "JSON Schema for editors written: {path} (commit it with the dossiers).",
        "progress": "Checking",
    },
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
        "select": "hanya aturan {codes} yang dinilai (--select)",
        "ignore": "aturan {codes} tidak dinilai (--ignore)",
        "per_path": "aturan {codes} tidak dinilai untuk dossier di {pattern} (per-path-ignores)",
        "strict": "peringatan dihitung gagal (--strict)",
        "baseline": "temuan yang tercatat di {file} tidak dihitung gagal ({unused} catatannya tidak cocok dengan temuan mana pun)",
        "lead": "Catatan penilaian",
    },
    "en": {
        "select": "only rules {codes} were assessed (--select)",
        "ignore": "rules {codes} were not assessed (--ignore)",
        "per_path": "rules {codes} were not assessed for dossiers in {pattern} (per-path-ignores)",
        "strict": "warnings count as failures (--strict)",
        "baseline": "findings recorded in {file} do not fail the run ({unused} of its entries matched no finding)",
        "lead": "Assessment note",
    },
}


def options_note(options: Any, lang: str) -> str:
    """``aturan T tidak dinilai (--ignore); ...``, or "" when the run used every rule."""
    words = RUN_OPTIONS["en" if lang == "en" else "id"]
    parts = []
    if options.select:
        parts.append(words["select"].format(codes=", ".join(options.select)))
    if options.ignore:
        parts.append(words["ignore"].format(codes=", ".join(options.ignore)))
    for pattern, codes in options.per_path_ignore:
        parts.append(words["per_path"].format(codes=", ".join(codes), pattern=pattern))
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


# report/table.py
TABLE: dict[str, Any] = {
    "id": {
        "dossiers": ("Dossier", "SOP", "Putusan", "Pelanggaran", "Peringatan", "Dikecualikan"),
        "findings": ("Dossier", "Baris", "Aturan", "Tingkat", "Langkah", "Pesan"),
        "severity": SEVERITY_WORDS["id"],
        "none": "Tidak ada temuan.",
        "summary": "{n} dossier: {counts}.",
    },
    "en": {
        "dossiers": ("Dossier", "SOP", "Verdict", "Errors", "Warnings", "Waived"),
        "findings": ("Dossier", "Line", "Rule", "Severity", "Step", "Message"),
        "severity": SEVERITY_WORDS["en"],
        "none": "No findings.",
        "summary": "{n} dossier(s): {counts}.",
    },
}


# report/markdown.py
MARKDOWN: dict[str, Any] = {
    "id": {
        "title": "Hasil lapkin-audit",
        "dossiers": ("Dossier", "Putusan", "Pelanggaran", "Peringatan", "Dikecualikan"),
        "findings": ("Baris", "Aturan", "Tingkat", "Langkah", "Pesan"),
        "severity": SEVERITY_WORDS["id"],
        "count": "{n} temuan",
        "left_out": "_Tidak ditampilkan agar komentar tetap di bawah {limit} karakter: {rows} baris dossier dan rincian {details} dossier. Laporan lengkap: `--format html` atau `--format json`._",
        "summary": "**{n} dossier:** {verdicts}. **Temuan:** pelanggaran {error}, peringatan {warning}, dikecualikan {waived}.",
    },
    "en": {
        "title": "lapkin-audit results",
        "dossiers": ("Dossier", "Verdict", "Errors", "Warnings", "Waived"),
        "findings": ("Line", "Rule", "Severity", "Step", "Message"),
        "severity": SEVERITY_WORDS["en"],
        "count": "{n} finding(s)",
        "left_out": "_Left out to keep the comment under {limit} characters: {rows} dossier row(s) and the details of {details} dossier(s). The whole report: `--format html` or `--format json`._",
        "summary": "**{n} dossier(s):** {verdicts}. **Findings:** {error} error(s), {warning} warning(s), {waived} waived.",
    },
}


# report/github.py
GITHUB: dict[str, Any] = {
    "id": {
        "summary": "{n} dossier: {verdicts}; temuan: pelanggaran {error}, peringatan {warning}, dikecualikan {waived}.",
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


# report/html.py
HTML: dict[str, Any] = {
    "id": {
        "title": "Hasil Pemeriksaan Dossier Laporan Kinerja",
        "subtitle": "Pemeriksaan kepatuhan terhadap Standar Operasional Prosedur (SOP)",
        "dossiers": "dossier",
        "index": "Daftar dossier",
        "no": "No.",
        "sop": "SOP",
        "verdict": "Putusan",
        "errors": "Pelanggaran",
        "warnings": "Peringatan",
        "waived": "Dikecualikan",
        "findings": "Temuan",
        "of": "Dossier {i} dari {n}",
        "unit": "Unit",
        "total": "Jumlah waktu",
        "nomor": "Nomor",
        "sop_none": "tidak terbaca dari manifest",
        "sop_unknown": "uraian SOP tidak tersedia",
        "counts": "{error} pelanggaran, {warning} peringatan, {waived} dikecualikan",
        "line": "Baris",
        "code": "Kode",
        "severity": "Tingkat",
        "step": "Langkah",
        "message": "Pesan dan klausul SOP",
        "clause": "Klausul SOP:",
        "fix": "Cara memperbaiki:",
        "page": ("Halaman ", " dari "),
        "periode": "Periode",
        "instansi": "Instansi",
        "manifest": "Manifest",
        "audited": "Tanggal pemeriksaan",
        "tool": "Pemeriksa",
        "rules": "Sidik jari aturan",
        "status": {"plt": "Plt.", "plh": "Plh."},
        "no_findings": "Tidak ada temuan.",
        "other": "Lainnya",
        "sev": SEVERITY_WORDS["id"],
        "waived_h": "Temuan yang dikecualikan",
        "reason": "Alasan pengecualian:",
        "timeline": "Lini waktu proses",
        "no_timeline": "Tidak ada catatan langkah yang dapat digambarkan.",
        "scale": "Skala: waktu kerja (menit dan jam kerja kantor menurut kalender SOP).",
        "legend": (
            "Mutu Baku (waktu baku)",
            "Waktu kerja aktual",
            "Melampaui Mutu Baku",
            "Waktu tunggu sebelum langkah",
        ),
        "evidence": "Bukti dari berkas",
        "evidence_heads": ("Dokumen", "Berkas", "Format", "Halaman", "Dibaca dari", "Yang dibuktikan teksnya"),
        "no_evidence": "Tidak ada lampiran yang dibaca.",
        "only_declared": "Hanya dinyatakan manifest:",
        "checklist": "Daftar periksa manual",
        "checklist_note": "Persyaratan SOP yang tidak dapat diperiksa mesin. Beri tanda centang bila terpenuhi.",
        "no_checklist": "Daftar periksa tidak tersedia: uraian SOP dossier ini tidak ada.",
        "no_checks": "SOP ini tidak memuat persyaratan yang harus diperiksa manual.",
        "sections": {"kualifikasi_pelaksana": "Kualifikasi pelaksana", "peralatan": "Peralatan"},
        "signoff": ("Diperiksa oleh", "Tanggal", "Paraf"),
        "none": "Tidak ada dossier.",
        "footer": "Dibuat oleh lapkin-audit {version}. Putusan dan temuan berasal dari pemeriksaan otomatis "
        "terhadap SOP; daftar periksa manual diisi oleh pemeriksa.",
        "gloss": {
            Verdict.PATUH: "Sesuai SOP",
            Verdict.PATUH_DENGAN_CATATAN: "Sesuai SOP, dengan catatan",
            Verdict.TIDAK_PATUH: "Tidak sesuai SOP",
            Verdict.TIDAK_DAPAT_DINILAI: "Dossier tidak dapat dinilai",
        },
    },
    "en": {
        "title": "Laporan Kinerja Dossier Audit",
        "subtitle": "Compliance check against the Standard Operating Procedure (SOP)",
        "dossiers": "dossier(s)",
        "index": "Dossiers",
        "no": "No.",
        "sop": "SOP",
        "verdict": "Verdict",
        "errors": "Errors",
        "warnings": "Warnings",
        "waived": "Waived",
        "findings": "Findings",
        "of": "Dossier {i} of {n}",
        "unit": "Unit",
        "total": "Total time",
        "nomor": "Number",
        "sop_none": "not readable from the manifest",
        "sop_unknown": "SOP outline not available",
        "counts": "{error} error(s), {warning} warning(s), {waived} waived",
        "line": "Line",
        "code": "Code",
        "severity": "Severity",
        "step": "Step",
        "message": "Message and SOP clause",
        "clause": "SOP clause:",
        "fix": "How to fix:",
        "page": ("Page ", " of "),
        "periode": "Period",
        "instansi": "Office",
        "manifest": "Manifest",
        "audited": "Audited on",
        "tool": "Checked by",
        "rules": "Rules fingerprint",
        "status": {"plt": "Plt. (acting, vacant post)", "plh": "Plh. (acting, holder absent)"},
        "no_findings": "No findings.",
        "other": "Other",
        "sev": SEVERITY_WORDS["en"],
        "waived_h": "Waived findings",
        "reason": "Reason for the waiver:",
        "timeline": "Timeline of the run",
        "no_timeline": "No step records to draw.",
        "scale": "Scale: working time (office minutes and hours per the SOP's calendar).",
        "legend": ("Mutu Baku (standard time)", "Actual working time", "Over the Mutu Baku", "Waiting before the step"),
        "evidence": "Evidence in the files",
        "evidence_heads": ("Document", "File", "Format", "Pages", "Read from", "What its text proves"),
        "no_evidence": "No attachment was read.",
        "only_declared": "Declared by the manifest only:",
        "checklist": "Manual checklist",
        "checklist_note": "What the SOP requires that no machine can check. Tick each item that is met.",
        "no_checklist": "No checklist: the outline of this dossier's SOP is not available.",
        "no_checks": "This SOP states no requirement to be checked by hand.",
        "sections": {
            "kualifikasi_pelaksana": "Kualifikasi pelaksana (qualifications)",
            "peralatan": "Peralatan (equipment)",
        },
        "signoff": ("Checked by", "Date", "Paraf"),
        "none": "No dossiers.",
        "footer": "Made by lapkin-audit {version}. Verdicts and findings come from an automated check against "
        "the SOP; the manual checklist is filled in by the reviewer.",
        "gloss": {
            Verdict.PATUH: "Compliant with the SOP",
            Verdict.PATUH_DENGAN_CATATAN: "Compliant, with notes",
            Verdict.TIDAK_PATUH: "Not compliant with the SOP",
            Verdict.TIDAK_DAPAT_DINILAI: "The dossier cannot be assessed",
        },
    },
}


# report/timeline_svg.py
TIMELINE: dict[str, Any] = {
    "id": {
        "step": "Langkah {n} — {kegiatan}",
        "actual": "aktual {worked}",
        "standard": "Mutu Baku {standard}",
        "over": "melampaui {over}",
        "waited": "menunggu {waited}",
        "title": "Lini waktu proses: waktu kerja tiap langkah terhadap Mutu Baku",
        "desc": "{n} catatan langkah. Melampaui Mutu Baku: {over}.",
        "none": "tidak ada",
        "range": "{mulai} s.d. {selesai}",
    },
    "en": {
        "step": "Langkah {n} — {kegiatan}",
        "actual": "actual {worked}",
        "standard": "Mutu Baku {standard}",
        "over": "over by {over}",
        "waited": "waited {waited}",
        "title": "Timeline of the run: working time of each step against its Mutu Baku",
        "desc": "{n} step records. Over the Mutu Baku: {over}.",
        "none": "none",
        "range": "{mulai} to {selesai}",
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


# authoring/ruledocs.py
RULE_DOCS: dict[str, Any] = {
    "id": {
        "headers": ("Kode", "Kelompok", "Tingkat", "Dapat dikecualikan", "Judul"),
        "waivable": ("tidak", "ya"),
        "waivable_long": ("tidak dapat dikecualikan", "dapat dikecualikan"),
        "sections": (
            "Yang diperiksa",
            "Mengapa",
            "Klausul SOP",
            "Cara memperbaiki",
            "Contoh yang melanggar",
            "Contoh yang patuh",
        ),
        "encoding": "disimpan dalam pengodean {encoding}, bukan UTF-8",
    },
    "en": {
        "headers": ("Code", "Family", "Severity", "Waivable", "Title"),
        "waivable": ("no", "yes"),
        "waivable_long": ("not waivable", "waivable"),
        "sections": ("What it checks", "Why", "SOP clause", "How to fix", "Failing example", "Passing example"),
        "encoding": "saved in the {encoding} encoding, not UTF-8",
    },
}


# authoring/skeleton.py
SKELETON: dict[str, Any] = {
    "id": {
        "title": "Dossier {sop} ({nomor}): kerangka yang dibuat oleh lapkin-audit init.",
        "fill": 'Isi setiap "" dan null, lampirkan berkas di lampiran/, lalu periksa: lapkin-audit check <folder ini>.',
        "format": "Format dossier versi 1. Waktu tanpa zona dibaca sebagai waktu setempat (zona_waktu).",
        "instansi": "Nama kantor",
        "zona": "WIB; WITA: Asia/Makassar; WIT: Asia/Jayapura",
        "periode": "tahun, mis. 2024; jenis: bulanan, triwulan, semester atau tahunan; ke: nomor periodenya",
        "pejabat": "Pejabat yang menjabat selama proses (NIP 18 digit; spasi boleh)",
        "dokumen": "Dokumen",
        "precondition": "Peringatan: {text}",
        "members": "anggota tim (yang bertindak sebagai {role} harus tercantum di sini)",
        "input_of": "kelengkapan langkah {steps}",
        "output_of": "output langkah {steps}",
        "peralatan": "Peralatan",
        "keterkaitan": "Keterkaitan: {name}",
        "file": "berkas di folder dossier, mis. lampiran/nama-berkas.pdf",
        "paraf": "paraf {role}",
        "ttd": "tanda tangan {role}",
        "cite": "kutipan dasar hukum sebagaimana tertulis di laporan, mis. {example}",
        "langkah": "Langkah, dalam urutan terjadinya; ulangi langkah bila draft diperbaiki",
        "step": "Langkah {nomor}: {kegiatan} (waktu baku {waktu})",
        "roles": "peran yang diberikan SOP: {roles}",
        "when": "mis. 2024-07-01T07:45",
        "decision": "hasil: {choices}",
        "anchors": "(ditulis sekali; &camat di sini, <<: *camat di tempat lain)",
        "sha256": "isi dengan: lapkin-audit hash <folder ini>",
        "waiver": "Contoh pengecualian, bila Camat menyetujuinya (hapus tanda # untuk memakainya):",
        "waiver_reason": "Alasan yang disetujui Camat",
    },
    "en": {
        "title": "Dossier {sop} ({nomor}): skeleton written by lapkin-audit init.",
        "fill": 'Fill in every "" and null, put the files in lampiran/, then check: lapkin-audit check <this folder>.',
        "format": "Dossier format version 1. Times without a zone are local time (zona_waktu).",
        "instansi": "Name of the office",
        "zona": "WIB; WITA: Asia/Makassar; WIT: Asia/Jayapura",
        "periode": "tahun, e.g. 2024; jenis: bulanan, triwulan, semester or tahunan; ke: which period",
        "pejabat": "Office holders during the run (18-digit NIP; spaces allowed)",
        "dokumen": "Documents",
        "precondition": "Peringatan: {text}",
        "members": "team members (whoever acts as {role} must be listed here)",
        "input_of": "input of step {steps}",
        "output_of": "output of step {steps}",
        "peralatan": "Peralatan (equipment)",
        "keterkaitan": "Keterkaitan (related SOP): {name}",
        "file": "a file in the dossier folder, e.g. lampiran/file-name.pdf",
        "paraf": "paraf (initials) of {role}",
        "ttd": "signature of {role}",
        "cite": "legal basis as the report cites it, e.g. {example}",
        "langkah": "Steps, in the order they happened; repeat steps when the draft is sent back",
        "step": "Step {nomor}: {kegiatan} (standard time {waktu})",
        "roles": "roles the SOP gives it: {roles}",
        "when": "e.g. 2024-07-01T07:45",
        "decision": "hasil: {choices}",
        "anchors": "(typed once: &camat here, <<: *camat elsewhere)",
        "sha256": "filled in by: lapkin-audit hash <this folder>",
        "waiver": "A waiver, if the Camat approves one (remove the # to use it):",
        "waiver_reason": "The reason the Camat approved",
    },
}


# Levels of evidence and where a document's text came from (evidence.md), for every format.
EVIDENCE_WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "source": {"teks": "lapisan teks", "ocr": "OCR", None: "tidak terbaca"},
        "problem": {
            "unknown_format": "format tidak dikenal",
            "damaged": "rusak",
            "encrypted": "terenkripsi",
            "hostile": "ditolak (berbahaya)",
            "too_large": "terlalu besar",
            "timeout": "batas waktu",
            "memory": "batas memori",
            "crashed": "pembaca berhenti",
            "no_ocr": "tanpa OCR",
            "ocr_unsure": "OCR ragu",
            "no_text": "tanpa teks",
            "missing": "tidak ada",
            "empty": "kosong",
            "outside": "di luar dossier",
            "lfs_pointer": "penunjuk Git LFS",
            "not_file": "bukan berkas",
            "unreadable": "tak terbaca",
        },
        "claim": {
            "dokumen": "dokumen ada",
            "dasar_hukum": "dasar hukum",
            "nomor": "nomor",
            "anggota": "anggota",
            "paraf": "paraf",
            "tanda_tangan": "tanda tangan",
        },
        # What the signature block says of a declared paraf or signature (model.BLOCK_SAYS).
        "block": {
            "declared": "bloknya menyebut orang yang dinyatakan",
            "other": "bloknya menyebut orang lain",
            "on_behalf": "bloknya ditandatangani a.n./u.b.",
            "absent": "teksnya tanpa blok untuk jabatan itu",
        },
        "line": "Bukti: {files} berkas dibaca ({teks} lapisan teks, {ocr} OCR, {none} tidak terbaca); "
        "klaim: {level_teks} teks, {level_dinyatakan} dinyatakan, {level_kriptografis} kriptografis",
        "level": {"dinyatakan": "dinyatakan", "teks": "teks", "kriptografis": "kriptografis"},
        "confidence": "keyakinan {n}%",
        "basis": {"timestamp": "cap waktu", "signer": "menurut penanda tangan", None: "tanpa waktu"},
        "tte_status": {
            "valid": "sah",
            "partial": "sah sebagian",
            "unchecked": "tidak diperiksa",
            "broken": "rusak",
            "untrusted": "tidak tepercaya",
            "invalid": "sertifikat tidak berlaku",
        },
        "partial": {
            "no_roots": "tanpa akar tepercaya",
            "no_timestamp": "tanpa cap waktu",
            "no_revocation": "tanpa data pencabutan",
            "unreadable": "tidak dapat dinilai pemeriksa",
        },
        "tte_line": "; TTE: {signatures} tanda tangan ({signatures_valid} sah)",
        "for_mark": "untuk {mark}",
    },
    "en": {
        "source": {"teks": "text layer", "ocr": "OCR", None: "not readable"},
        "problem": {
            "unknown_format": "unknown format",
            "damaged": "damaged",
            "encrypted": "encrypted",
            "hostile": "refused (hostile)",
            "too_large": "too large",
            "timeout": "time limit",
            "memory": "memory limit",
            "crashed": "reader stopped",
            "no_ocr": "no OCR",
            "ocr_unsure": "OCR unsure",
            "no_text": "no text",
            "missing": "missing",
            "empty": "empty",
            "outside": "outside the dossier",
            "lfs_pointer": "Git LFS pointer",
            "not_file": "not a file",
            "unreadable": "unreadable",
        },
        "claim": {
            "dokumen": "document exists",
            "dasar_hukum": "legal basis",
            "nomor": "number",
            "anggota": "member",
            "paraf": "paraf",
            "tanda_tangan": "tanda tangan",
        },
        "block": {
            "declared": "its block names the declared person",
            "other": "its block names someone else",
            "on_behalf": "its block is signed a.n./u.b. (on behalf)",
            "absent": "its text has no block for that office",
        },
        "line": "Evidence: {files} files read ({teks} text layer, {ocr} OCR, {none} not readable); "
        "claims: {level_teks} teks, {level_dinyatakan} dinyatakan, {level_kriptografis} kriptografis",
        "level": {"dinyatakan": "dinyatakan (declared)", "teks": "teks (in the text)", "kriptografis": "kriptografis"},
        "confidence": "confidence {n}%",
        "basis": {"timestamp": "timestamp", "signer": "the signer's claim", None: "no time"},
        "tte_status": {
            "valid": "valid",
            "partial": "valid in part",
            "unchecked": "not checked",
            "broken": "broken",
            "untrusted": "not trusted",
            "invalid": "certificate not valid",
        },
        "partial": {
            "no_roots": "no trust roots",
            "no_timestamp": "no timestamp",
            "no_revocation": "no revocation data",
            "unreadable": "the checker could not evaluate it",
        },
        "tte_line": "; TTE: {signatures} signatures ({signatures_valid} valid)",
        "for_mark": "for the {mark}",
    },
}


def evidence_line(results: Any, lang: str) -> str:
    """The short form of the evidence of one or more ``DossierResult``s, one line in any format."""
    from lapkin_audit.model import evidence_counts

    words = EVIDENCE_WORDS["en" if lang == "en" else "id"]
    counts = evidence_counts(results)
    line = str(words["line"]).format(**counts)
    return line + str(words["tte_line"]).format(**counts) if counts["signatures"] else line


# ----------------------------------------------------------------------------- content.md
# The capaian table of the HTML report (report/capaian_html.py).
CONTENT_WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "title": "Capaian kinerja dan anggaran menurut laporan",
        "heads": ("No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)", "Arah · rumus", "Kode"),
        "budget_heads": ("Satuan", "Pagu", "Realisasi anggaran", "%"),
        "page": "hlm.",
        "computed": "dihitung",
        "assumed": "dianggap",
        "not_reported": "(tidak dilaporkan)",
        "no_table": "Tabel capaian tidak terbaca; lihat temuan C008.",
        "unknown_direction": "arah tidak diketahui",
        "direction": {"naik": "↑ naik", "turun": "↓ turun"},
    },
    "en": {
        "title": "Performance and budget as the report states them",
        "heads": ("No", "Indicator", "Unit", "Target", "Realisasi", "Capaian (%)", "Direction · formula", "Codes"),
        "budget_heads": ("Unit", "Pagu", "Realisasi anggaran", "%"),
        "page": "p.",
        "computed": "computed",
        "assumed": "assumed",
        "not_reported": "(not reported)",
        "no_table": "No capaian table could be read; see the C008 findings.",
        "unknown_direction": "direction unknown",
        "direction": {"naik": "↑ higher", "turun": "↓ lower"},
    },
}
