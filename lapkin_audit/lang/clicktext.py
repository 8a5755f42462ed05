"""click's own words (its errors, its help's headings) in Indonesian.

click writes them through ``gettext`` (each of its modules imports ``gettext`` and
``ngettext`` by name) and ships no Indonesian catalogue. ``install("id")`` gives those
modules translators that look the English text up here; a text not listed stays English,
``install("en")`` puts gettext's own back. Placeholders (``{name!r}``, ``%(prog)s``) are
kept as click fills them.
"""

from __future__ import annotations

import gettext
import sys
from collections.abc import Callable

import click

# English msgid -> Indonesian
SINGULAR: dict[str, str] = {
    "Usage:": "Penggunaan:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Show this message and exit.": "Tampilkan pesan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "Missing command.": "Perintah tidak diberikan.",
    "Missing argument": "Argumen tidak diberikan",
    "Missing option": "Opsi tidak diberikan",
    "Missing parameter": "Parameter tidak diberikan",
    "Missing parameter: {param_name}": "Parameter tidak diberikan: {param_name}",
    "Missing {param_type}": "{param_type} tidak diberikan",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} menerima {nargs} nilai.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} tidak dalam rentang {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} bukan nilai benar/salah yang sah. Yang dikenal: {states}"
    ),
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulis.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "file": "berkas",
    "directory": "folder",
    "path": "path",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "deprecated": "usang",
    "Aborted!": "Dibatalkan!",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
}

# English (singular, plural) -> Indonesian (one form: Indonesian does not inflect for number)
PLURAL: dict[tuple[str, str], str] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Argumen tambahan yang tidak dikenal ({args})"
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Opsi {name!r} memerlukan nilai."
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "(Maksud Anda salah satu dari: {possibilities}?)"
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): "{value!r} bukan salah satu dari {choices}.",
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Menerima {nargs} nilai, tetapi {len} diberikan."
    ),
}
# click fills the singular "Did you mean {possibility}?" alone, and "{value!r} is not {choice}."
_ONE = {
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan sebuah nilai.",
    "Takes {nargs} values but 1 was given.": "Menerima {nargs} nilai, tetapi 1 diberikan.",
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def _indonesian(message: str) -> str:
    return SINGULAR.get(message, message)


def _indonesian_n(singular: str, plural: str, n: int) -> str:
    if n == 1 and singular in _ONE:
        return _ONE[singular]
    return PLURAL.get((singular, plural), singular if n == 1 else plural)


def install(lang: str) -> None:
    """click's words in ``lang`` from now on, in this process."""
    translate: Callable[[str], str] = _indonesian if lang != "en" else gettext.gettext
    translate_n: Callable[[str, str, int], str] = _indonesian_n if lang != "en" else gettext.ngettext
    for name in _MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translate_n  # type: ignore[attr-defined]


# The commands' own help (their docstrings and options' help, written in English where
# they are declared), in Indonesian, keyed by the English text as gettext keys a catalogue.
HELP: dict[str, str] = {
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Audit the dossiers found under PATHS (dossier.yaml files, dossier folders or trees).\n\n"
    "Settings come from the flags, else from the configuration file (lapkin-audit.toml, or\n"
    "[tool.lapkin-audit] in pyproject.toml, found from PATHS upward), else\n"
    "from the defaults; --show-settings prints them with their sources.": (
        "Periksa dossier di PATHS (berkas dossier.yaml, folder dossier, atau pohon folder).\n\n"
        "Pengaturan diambil dari opsi, lalu dari berkas konfigurasi (lapkin-audit.toml, atau\n"
        "[tool.lapkin-audit] di pyproject.toml, dicari dari PATHS ke atas), lalu dari\n"
        "bawaan; --show-settings menampilkannya beserta asalnya."
    ),
    "The report's format, for its reader (README: Reports).": "Format laporan, sesuai pembacanya (README: Reports).",
    "Write the report to FILE (atomically).": "Tulis laporan ke FILE (secara atomik).",
    "Language of messages.": "Bahasa pesan.",
    "Only these codes or prefixes (e.g. K,T001). Repeatable.": (
        "Hanya kode atau awalan ini (mis. K,T001). Dapat diulang."
    ),
    "Skip these codes or prefixes. Repeatable.": "Lewati kode atau awalan ini. Dapat diulang.",
    "Extra folder of SOP/calendar files. Repeatable.": "Folder tambahan berisi berkas SOP/kalender. Dapat diulang.",
    "Exit 1 also for PATUH DENGAN CATATAN.": "Keluar dengan status 1 juga untuk PATUH DENGAN CATATAN.",
    "Worker processes (default: the number of cores; 1: audit in this process).": (
        "Jumlah proses pekerja (bawaan: jumlah inti prosesor; 1: periksa di proses ini)."
    ),
    "Folder of the result cache (default: $LAPKIN_AUDIT_CACHE_DIR, else the per-user cache folder).": (
        "Folder cache hasil (bawaan: $LAPKIN_AUDIT_CACHE_DIR, selain itu folder cache milik pengguna)."
    ),
    "Seconds one dossier may take; past it, it is reported (E000) and the run goes on. 0: no limit.": (
        "Detik yang boleh dipakai satu dossier; lewat dari itu, dilaporkan (E000) dan pemeriksaan berlanjut."
        " 0: tanpa batas."
    ),
    "markdown: stay within N characters (GitHub takes 65,536), saying what was left out. 0: no limit.": (
        "markdown: paling banyak N karakter (GitHub menerima 65.536), dengan keterangan apa yang tidak"
        " ditampilkan. 0: tanpa batas."
    ),
    "Only dossiers with a file changed since this git ref.": (
        "Hanya dossier yang berkasnya berubah sejak ref git ini."
    ),
    "PATHS are changed files (as a pre-commit hook passes them): audit the dossiers that hold them.": (
        "PATHS adalah berkas yang berubah (seperti yang diberikan hook pre-commit): periksa dossier yang memuatnya."
    ),
    "Findings recorded in FILE are reported but do not fail the run.": (
        "Temuan yang tercatat di FILE tetap dilaporkan tetapi tidak menggagalkan pemeriksaan."
    ),
    "Record this run's findings in FILE as the baseline.": "Catat temuan pemeriksaan ini di FILE sebagai baseline.",
    "Exit 2 when PATHS hold no dossier (default: exit 0 with a warning, as a new repository has none yet).": (
        "Keluar dengan status 2 bila PATHS tidak memuat dossier (bawaan: status 0 dengan peringatan, karena"
        " repositori baru memang belum memilikinya)."
    ),
    "Where this copy's documentation is published: SARIF links each rule's page there.": (
        "Alamat dokumentasi salinan ini: SARIF menautkan halaman setiap aturan ke sana."
    ),
    "Exit 0 even with findings (2 still means the tool failed).": (
        "Keluar dengan status 0 meskipun ada temuan (2 tetap berarti alat ini gagal)."
    ),
    "table, concise: only dossiers with findings.": "table, concise: hanya dossier yang memiliki temuan.",
    "Also print the number of findings of each code (on standard error).": (
        "Tampilkan juga jumlah temuan setiap kode (di standard error)."
    ),
    "Neither read nor write the result cache.": "Jangan membaca atau menulis cache hasil.",
    "Colour the table (default: only on a terminal, and never with NO_COLOR set).": (
        "Beri warna pada tabel (bawaan: hanya di terminal, dan tidak pernah bila NO_COLOR diisi)."
    ),
    "Settings from FILE, instead of the lapkin-audit.toml or pyproject.toml found from PATHS upward.": (
        "Pengaturan dari FILE, bukan dari lapkin-audit.toml atau pyproject.toml yang dicari dari PATHS ke atas."
    ),
    "Read no configuration file: only flags and defaults.": "Jangan membaca berkas konfigurasi: hanya opsi dan bawaan.",
    "Print the effective settings and where each comes from; audit nothing.": (
        "Tampilkan pengaturan yang berlaku beserta asalnya; tidak memeriksa apa pun."
    ),
    "List the rule codes (rules list), or explain one (rules explain CODE).": (
        "Daftar kode aturan (rules list), atau penjelasan satu aturan (rules explain CODE)."
    ),
    "Language of the texts (default: id).": "Bahasa teks (bawaan: id).",
    "Every rule: code, family, severity, whether a waiver may cover it, title.": (
        "Setiap aturan: kode, kelompok, tingkat, boleh tidaknya dikecualikan, judul."
    ),
    "table for people, json for scripts.": "table untuk dibaca orang, json untuk skrip.",
    "What CODE checks, why, the SOP clause, the fix, a failing and a passing snippet.": (
        "Apa yang diperiksa CODE, alasannya, klausul SOP, cara memperbaiki, contoh yang gagal dan yang lolos."
    ),
    "Bring an office's SOP AP documents in as rules (sop import), and find their defects (sop lint).": (
        "Jadikan dokumen SOP AP kantor sebagai berkas aturan (sop import), dan temukan cacatnya (sop lint)."
    ),
    "Turn an SOP AP document (text, HTML, DOCX, e-SOP JSON) into a rules file.\n\n"
    "Exit status: 0 written and complete; 1 written with gaps to complete by hand; 2 refused.": (
        "Ubah dokumen SOP AP (teks, HTML, DOCX, JSON e-SOP) menjadi berkas aturan.\n\n"
        "Status keluar: 0 ditulis dan lengkap; 1 ditulis dengan bagian yang harus dilengkapi sendiri;"
        " 2 ditolak."
    ),
    "Write the rules file here.": "Tulis berkas aturan di sini.",
    "Overwrite an existing output file.": "Timpa berkas keluaran yang sudah ada.",
    "Complete what the document does not say from this rules file, and report where they differ.": (
        "Lengkapi yang tidak disebut dokumen dari berkas aturan ini, dan laporkan di mana keduanya berbeda."
    ),
    "Language of texts.": "Bahasa teks.",
    "Find defects of an SOP (L codes; see `rules list`): a rules file or an SOP document.\n\n"
    "Exit status: 0 no defect; 1 defects; 2 the file cannot be read.": (
        "Temukan cacat sebuah SOP (kode L; lihat `rules list`): berkas aturan atau dokumen SOP.\n\n"
        "Status keluar: 0 tidak ada cacat; 1 ada cacat; 2 berkas tidak dapat dibaca."
    ),
    "Write a dossier skeleton into FOLDER: every document and step of the SOP, commented, to fill in.": (
        "Tulis kerangka dossier ke FOLDER: setiap dokumen dan langkah SOP, dengan komentar, untuk diisi."
    ),
    "The SOP the dossier follows (default: the only one, or pelaporan-kinerja).": (
        "SOP yang diikuti dossier (bawaan: satu-satunya SOP, atau pelaporan-kinerja)."
    ),
    "Language of the comments.": "Bahasa komentar.",
    "Overwrite an existing dossier.yaml.": "Timpa dossier.yaml yang sudah ada.",
    "Year of the reporting period.": "Tahun periode pelaporan.",
    "Kind of reporting period.": "Jenis periode pelaporan.",
    "Which period of the year (3: triwulan III).": "Periode ke berapa dalam tahun itu (3: triwulan III).",
    "Name of the office, e.g. 'Kantor Kecamatan Karangploso'.": ("Nama kantor, mis. 'Kantor Kecamatan Karangploso'."),
    "Fill in or correct the sha256 of every attachment in the manifests under PATHS.\n\n"
    "Only the sha256 values change: comments and layout stay as they are. Files in\n"
    "lampiran/ that no berkas names are listed. Exit status: 0 every value right; 1 a value\n"
    "missing or wrong that could not be made right (or, with --check, any to change); 2 a\n"
    "manifest that could not be written.": (
        "Isi atau betulkan sha256 setiap lampiran di manifest di bawah PATHS.\n\n"
        "Hanya nilai sha256 yang berubah: komentar dan tata letak tetap. Berkas di lampiran/\n"
        "yang tidak disebut berkas mana pun didaftar. Status keluar: 0 semua nilai benar; 1 ada\n"
        "nilai kosong atau salah yang tidak dapat dibetulkan (atau, dengan --check, ada yang perlu\n"
        "diubah); 2 ada manifest yang tidak dapat ditulis."
    ),
    "CPU seconds reading an attachment may spend per page (OCR of a scanned page takes ~0.6); past it, B001.": (
        "Detik CPU yang boleh dipakai untuk membaca satu halaman lampiran (OCR satu halaman pindaian"
        " sekitar 0,6); lewat dari itu, B001."
    ),
    "Write nothing; exit 1 if a sha256 is missing or wrong.": (
        "Jangan menulis apa pun; keluar dengan status 1 bila ada sha256 yang kosong atau salah."
    ),
    # lapkin-audit desk
    "Start the desk on the dossiers under FOLDER (default: here) and open it in the browser.\n\n"
    "Binds to this computer only (127.0.0.1) unless --host says otherwise; then every\n"
    "request needs the token printed at start.": (
        "Jalankan meja kerja untuk dossier di bawah FOLDER (bawaan: folder ini) dan buka di peramban.\n\n"
        "Hanya dapat dibuka dari komputer ini (127.0.0.1), kecuali --host menyebut alamat lain;\n"
        "maka setiap permintaan memerlukan token yang dicetak saat mulai."
    ),
    "Address to listen on; another than this computer's requires the printed token.": (
        "Alamat yang didengarkan; alamat selain komputer ini memerlukan token yang dicetak."
    ),
    "Port (0: any free port).": "Port (0: port bebas mana pun).",
    "Do not open the browser.": "Jangan buka peramban.",
    "Language of the pages.": "Bahasa halaman.",
    "Extra folder of SOP/calendar files, as for check. Repeatable.": (
        "Folder tambahan berkas SOP/kalender, seperti pada check. Dapat diulang."
    ),
}


def translate_help(root: click.Command, lang: str) -> None:
    """Every command's and option's help under ``root`` in ``lang`` (the English, as
    declared, kept beside it); a help not in ``HELP`` stays as declared."""
    import inspect

    def place(owner: object, attribute: str) -> None:
        english = getattr(owner, f"_{attribute}_declared", None)
        if english is None:
            english = getattr(owner, attribute, None)
            if not english:
                return
            setattr(owner, f"_{attribute}_declared", english)
        wanted = HELP.get(inspect.cleandoc(english)) if lang != "en" else None
        setattr(owner, attribute, wanted or english)

    place(root, "help")
    for param in root.params:
        place(param, "help")
    if isinstance(root, click.Group):
        for command in root.commands.values():
            translate_help(command, lang)
