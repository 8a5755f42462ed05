"""The command line: parses, calls the library (``api``), renders, sets the exit status. No logic.

One module per command, imported when its command is named (``--version`` imports none of
them, ``check`` only its own). Exit status: 0 clean (or only notes), 1 findings that fail the run, 2 the command
itself was wrong (a problem, said in the chosen language); 130 Ctrl-C, 143 SIGTERM, 141 a
closed pipe.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import click

from lapkin_audit import __version__

# Each command: the module and the name it has there.
COMMANDS = {
    "check": ("check", "check"),
    "desk": ("desk", "desk"),
    "hash": ("hashing", "hash_command"),
    "init": ("init", "init"),
    "rules": ("rules", "rules_group"),
    "sop": ("sop", "sop_group"),
}


class _Commands(click.Group):
    """Click's group, with each command's module imported when the command is wanted
    (click's documented way of loading subcommands lazily), its help in the language asked
    for; a closed pipe leaves it as ``_PipeClosed``, which click's own handling (exit status
    1, the status of findings, even with ``--exit-zero``) lets pass."""

    lang = "id"

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        """click's own words (its errors, its help's headings) in the language asked for:
        ``--lang`` is read here, before click parses what its errors are about."""
        from lapkin_audit.lang.clicktext import install, translate_help

        self.lang = _lang_of(list(sys.argv[1:] if args is None else args))
        install(self.lang)
        translate_help(self, self.lang)
        return super().main(args, *rest, **options)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        from lapkin_audit.lang.clicktext import translate_help

        module, name = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(f"lapkin_audit.cli.{module}"), name)
        assert isinstance(command, click.Command)
        translate_help(command, self.lang)
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lapkin-audit")
def cli() -> None:
    """Periksa dossier Laporan Kinerja terhadap SOP-nya.

    Checks Laporan Kinerja dossiers against their SOP.
    """


def main() -> None:
    """The console entry point: signals and closed pipes end the run with one line at most."""
    signal.signal(signal.SIGTERM, _terminated)
    signal.signal(signal.SIGINT, _interrupted)  # click would turn Ctrl-C into exit status 1
    try:
        cli()
    except _Terminated:
        _stopped("note.terminated", 143)
    except (_Interrupted, KeyboardInterrupt):
        _stopped("note.interrupted", 130)
    except (_PipeClosed, BrokenPipeError):
        # The reader of standard output went away (`| head -1`): stop quietly, like other tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(141)


def _lang_of(words: list[str]) -> str:
    """The value of the last ``--lang`` among the words (``--lang en``, ``--lang=en``); else
    the default, Indonesian."""
    lang = "id"
    for i, word in enumerate(words):
        if word == "--lang" and i + 1 < len(words):
            lang = words[i + 1]
        elif word.startswith("--lang="):
            lang = word.split("=", 1)[1]
    return lang


class _PipeClosed(BaseException):
    """The reader of standard output went away: exit status 141, whatever else was asked."""


class _Terminated(BaseException):
    """SIGTERM, raised where the process is, so that `finally` blocks stop the workers and
    remove a half-written report before the process ends."""


class _Interrupted(BaseException):
    """Ctrl-C (SIGINT), kept out of click's hands, which would exit 1 as for findings."""


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated


def _interrupted(signum: int, frame: object) -> None:
    raise _Interrupted


def _stopped(why: str, status: int) -> None:
    from lapkin_audit.cli.common import say
    from lapkin_audit.errors import Notice

    say([Notice(why)])
    # The workers are stopped and no partial report is left (the `finally` blocks ran);
    # end now, without the exit handlers that join a process pool the signal interrupted.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


__all__ = ["cli", "main"]
