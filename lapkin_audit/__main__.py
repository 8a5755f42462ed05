"""``python -m lapkin_audit``: the same as the ``lapkin-audit`` command."""

from lapkin_audit.cli import main

main()
