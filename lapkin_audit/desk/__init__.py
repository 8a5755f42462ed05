"""``lapkin-audit desk``: a local web page for the Sekretaris Kecamatan over the library
(``lapkin_audit.api``): check a dossier, fill the daftar berkas without YAML, print the
report with "Diperiksa oleh", and see each audit remembered on this computer."""
