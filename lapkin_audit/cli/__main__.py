"""``python -m lapkin_audit.cli``."""

from lapkin_audit.cli import main

main()
