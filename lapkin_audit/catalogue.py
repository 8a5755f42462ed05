"""The rule catalogue: every code, its severity and whether a waiver may cover it.

This is the single place severity policy lives (checks only say *which* rule they
broke). Codes are a public interface: never change a code's meaning, add new codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from lapkin_audit.model import Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    waivable: bool
    summary_id: str
    summary_en: str

    @property
    def family(self) -> str:
        return self.code[0]

    def summary(self, lang: str) -> str:
        return self.summary_en if lang == "en" else self.summary_id


FAMILIES = {
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

_RULES = (
    # E000 is not in the spec's catalogue: it marks a dossier the checker itself failed
    # on (a bug), so the batch goes on and the dossier is never mistaken for compliant.
    Rule("E000", ERROR, False, "Kesalahan internal pemeriksa", "Internal error of the checker"),
    Rule("E001", ERROR, False, "Manifest tidak dapat dibaca", "The manifest cannot be read"),
    Rule("E002", ERROR, False, "Manifest bukan YAML yang sah", "The manifest is not valid YAML"),
    Rule("E003", ERROR, False, "Manifest melanggar format dossier", "The manifest breaks the dossier format"),
    Rule("E004", ERROR, False, "SOP, peran atau jenis dokumen tidak dikenal", "Unknown SOP, role or document kind"),
    Rule("E005", ERROR, False, "SOP belum berlaku saat proses dimulai", "The SOP was not yet in effect"),
    Rule("K001", ERROR, False, "Kelengkapan (masukan) langkah tidak ada", "A step's required input is missing"),
    Rule("K002", ERROR, False, "Output langkah tidak ada", "A step's output is missing"),
    Rule(
        "K003",
        ERROR,
        False,
        "Berkas lampiran tidak ada, kosong atau di luar dossier",
        "An attachment is missing, empty or outside the dossier",
    ),
    Rule("K004", ERROR, False, "SHA-256 lampiran tidak cocok", "An attachment's SHA-256 does not match"),
    Rule("K005", WARNING, True, "Dokumen peralatan tidak ada", "An equipment document is absent"),
    Rule("K006", WARNING, True, "Data SOP terkait tidak ada", "Data of a related SOP is absent"),
    Rule("H001", ERROR, False, "Dasar hukum SOP tidak dikutip", "A legal basis of the SOP is not cited"),
    Rule("H002", WARNING, True, "Kutipan dasar hukum tanpa nomor atau tahun", "A citation lacks its number or year"),
    Rule("T001", ERROR, False, "SK Tim Akuntabilitas Kinerja tidak ada", "No Tim Akuntabilitas decree"),
    Rule("T002", ERROR, False, "SK tim tidak ditandatangani Camat", "The decree is not signed by the Camat"),
    Rule("T003", ERROR, False, "SK tim bertanggal setelah proses dimulai", "The decree is dated after the run started"),
    Rule(
        "T004",
        ERROR,
        False,
        "Masa berlaku SK tim tidak mencakup proses",
        "The decree's validity does not cover the run",
    ),
    Rule("T005", ERROR, False, "Pelaksana langkah tim bukan anggota tim", "A team step was done by a non-member"),
    Rule("T006", WARNING, True, "SK tim ditandatangani Camat lain", "The decree was signed by another Camat"),
    Rule("P001", ERROR, False, "Paraf wajib tidak ada", "A required paraf is missing"),
    Rule("P002", ERROR, False, "Tanda tangan wajib tidak ada", "A required signature is missing"),
    Rule(
        "P003",
        ERROR,
        False,
        "Pemaraf atau penanda tangan bukan pejabat yang menjabat",
        "Initialled or signed by someone not in office",
    ),
    Rule(
        "P004",
        ERROR,
        False,
        "Urutan atau waktu paraf dan tanda tangan salah",
        "Paraf and signature out of order or outside their step",
    ),
    Rule("P005", ERROR, False, "NIP tidak sah", "A malformed NIP"),
    Rule("P006", WARNING, True, "Orang yang sama memaraf dan menandatangani", "The same person initialled and signed"),
    Rule("A001", ERROR, False, "Langkah SOP tidak pernah dilakukan", "A step of the SOP never appears"),
    Rule("A002", ERROR, False, "Alur langkah melanggar SOP", "The log breaks the flow of the SOP"),
    Rule(
        "A003",
        ERROR,
        True,
        "Pelaksana dengan peran yang tidak diberikan SOP",
        "A step done by a role the SOP does not give it",
    ),
    Rule("W001", ERROR, True, "Langkah melampaui waktu baku", "A step took longer than its standard time"),
    Rule("W002", ERROR, True, "Seluruh proses melampaui jumlah waktu", "The whole run took longer than allowed"),
    Rule("W003", ERROR, False, "Langkah selesai sebelum dimulai", "A step ends before it starts"),
    Rule(
        "W004",
        WARNING,
        True,
        "Proses dimulai sebelum periode laporan berakhir",
        "The run started before the period ended",
    ),
    Rule("X001", WARNING, False, "Pengecualian tidak sah", "An invalid waiver"),
    Rule(
        "B001",
        ERROR,
        False,
        "Lampiran bukan dokumen terbaca dengan format yang diterima",
        "An attachment is not a readable document of an accepted format",
    ),
    Rule(
        "B002",
        ERROR,
        False,
        "Satu berkas dilampirkan sebagai dua dokumen yang harus berbeda",
        "One file is attached as two documents that must differ",
    ),
    Rule(
        "B003",
        ERROR,
        False,
        "Teks dokumen tidak memuat dasar hukum yang dinyatakan",
        "The document's text lacks a declared legal basis",
    ),
    Rule(
        "B004",
        ERROR,
        False,
        "Teks SK tidak memuat nomor atau anggota yang dinyatakan",
        "The decree's text lacks its declared number or a member",
    ),
    Rule(
        "B005",
        WARNING,
        True,
        "Teks dokumen menyebut periode, tahun atau kantor lain",
        "A document's text names another period, year or office",
    ),
    Rule(
        "B006",
        WARNING,
        True,
        "Dokumen yang diperlukan sebagai bukti tidak dapat dibaca",
        "A document needed as evidence could not be read",
    ),
    Rule(
        "S001",
        ERROR,
        False,
        "Tanda tangan elektronik yang dinyatakan tidak ada",
        "A declared electronic signature is missing",
    ),
    Rule("S002", ERROR, False, "Tanda tangan elektronik rusak", "An electronic signature is broken"),
    Rule(
        "S003",
        ERROR,
        False,
        "Sertifikat tidak berantai ke akar tepercaya",
        "A certificate does not chain to a trust root",
    ),
    Rule(
        "S004",
        ERROR,
        False,
        "Sertifikat dicabut atau tidak berlaku saat ditandatangani",
        "A certificate revoked or not valid at signing time",
    ),
    Rule("S005", ERROR, False, "Penanda tangan bukan orang yang dinyatakan", "The signer is not the person declared"),
    Rule(
        "S006",
        ERROR,
        True,
        "Waktu tanda tangan elektronik di luar toleransi tanggal",
        "A signing time outside the tolerance of the date",
    ),
    Rule(
        "S007",
        ERROR,
        False,
        "Tanda tangan mendahului paraf di berkas",
        "The signature comes before the paraf in the file",
    ),
    Rule(
        "S008",
        WARNING,
        True,
        "Tanda tangan elektronik diperiksa sebagian",
        "An electronic signature checked only in part",
    ),
    Rule("S009", WARNING, True, "Tanda tangan elektronik yang tidak dinyatakan", "An undeclared electronic signature"),
    Rule("S010", WARNING, False, "Tanda TTE tanpa tanda tangan elektronik sah", "A TTE mark without a valid signature"),
    # ------------------------------------------------------------ C: capaian (content.md)
    Rule("C001", ERROR, False, "Indikator IKU tidak dilaporkan", "An IKU indicator is not reported"),
    Rule("C002", ERROR, False, "Target berbeda dari IKU atau Perjanjian Kinerja", "A target differs from its source"),
    Rule("C003", ERROR, False, "Realisasi berbeda dari Laporan Data Kinerja", "A realisasi differs from the data"),
    Rule("C004", ERROR, False, "Capaian tidak sesuai target dan realisasinya", "A capaian its figures do not give"),
    Rule("C005", ERROR, False, "Anggaran berbeda dari DPA atau LRA", "The budget differs from the DPA or LRA"),
    Rule(
        "C006", WARNING, True, "Bagian laporan yang disyaratkan tidak ada", "A required part of the report is missing"
    ),
    Rule("C007", ERROR, False, "Angka berubah setelah laporan ditandatangani", "A figure changed after signing"),
    Rule("C008", WARNING, True, "Isi laporan diperiksa sebagian", "The report's content checked only in part"),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}

# Defects of an SOP itself, found by `lapkin-audit sop lint` (never by `check`: a dossier
# is not at fault for its SOP). A family of its own, apart from RULES, so that the
# dossier rules' registries (fixtures, waivers, SARIF) stay as they are.
SOP_FAMILY = ("L", ("Cacat dokumen SOP", "Defects of the SOP document"))
_SOP_RULES = (
    Rule("L001", ERROR, False, "Butir identitas SOP tidak ada", "An identity item of the SOP is missing"),
    Rule("L002", WARNING, False, "Dasar hukum tanpa nomor atau tahun", "A legal basis without number or year"),
    Rule("L003", WARNING, False, "Nama penerbit peraturan salah", "A regulation's issuer is misnamed"),
    Rule("L004", ERROR, False, "NIP pengesah tidak sah", "The signer's NIP is not valid"),
    Rule("L005", WARNING, False, "Nomor SOP memuat bagian kosong", "The Nomor SOP has a blank part"),
    Rule(
        "L006",
        ERROR,
        False,
        "Waktu langkah tidak berjumlah sama dengan jumlah waktu",
        "Step times do not add up to the total",
    ),
    Rule("L007", ERROR, False, "Keputusan dengan satu jalan keluar", "A decision with one exit"),
    Rule("L008", WARNING, False, "Output tidak dipakai langkah berikutnya", "An output no later step uses"),
    Rule("L009", ERROR, False, "Satuan waktu tidak dikenal", "An unknown time unit"),
    Rule(
        "L010",
        ERROR,
        False,
        "Tanggal Efektif sebelum Tanggal Pembuatan",
        "Tanggal Efektif before Tanggal Pembuatan",
    ),
)
SOP_RULES: dict[str, Rule] = {rule.code: rule for rule in _SOP_RULES}


def matches(code: str, selectors: tuple[str, ...]) -> bool:
    """True when a selector names the code or a prefix of it (``K``, ``K00``, ``K003``)."""
    return any(code.startswith(selector) for selector in selectors)


def unknown_selectors(selectors: tuple[str, ...]) -> list[str]:
    return [s for s in selectors if not any(code.startswith(s) for code in RULES)]
