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
    import click  # noqa: F401 - its modules are loaded below by name

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
