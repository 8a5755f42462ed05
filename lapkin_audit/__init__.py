"""lapkin-audit: checks Laporan Kinerja dossiers against their SOP."""

__version__ = "1.0.0.dev0"
