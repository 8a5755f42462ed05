"""lapkin-audit: checks Laporan Kinerja dossiers against their SOP."""

from lapkin_audit import classcode

__version__ = "1.0.0.dev0"

# Where the documentation is published: SARIF's rules link their page there (helpUri), and
# --docs-url (docs-url in the configuration) points a copy of the project at its own.
DOCS_URL = "https://git.example.go.id/lapkin-audit/-/blob/main/docs"

# Before any of the package's dataclasses is made: their generated code is compiled once.
classcode.install()
