"""lapkin-audit: checks Laporan Kinerja dossiers against their SOP."""

from lapkin_audit import classcode

__version__ = "1.0.0.dev0"

# Before any of the package's dataclasses is made: their generated code is compiled once.
classcode.install()
