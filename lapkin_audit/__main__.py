"""``python -m lapkin_audit``: the same as the ``lapkin-audit`` command."""

from lapkin_audit.cli import main

if __name__ == "__main__":  # guarded: spawned workers import this module as __mp_main__
    main()
