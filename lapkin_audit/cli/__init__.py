"""The command line: parses, calls the library (``api``), renders, sets the exit status. No logic.

One module per command; imports are made inside the commands so that ``--version`` stays
instant. Exit status: 0 clean (or only notes), 1 findings that fail the run, 2 the command
itself was wrong (a problem, said in the chosen language); 130 Ctrl-C, 143 SIGTERM, 141 a
closed pipe.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import click

from lapkin_audit import __version__
from lapkin_audit.cli import check, desk, hashing, init, rules, sop
from lapkin_audit.cli.common import say
from lapkin_audit.errors import Notice


class _Commands(click.Group):
    """The command group; a closed pipe leaves it as ``_PipeClosed``, which click's own
    handling (exit status 1, the status of findings, even with ``--exit-zero``) lets pass."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        """click's own words (its errors, its help's headings) in the language asked for:
        ``--lang`` is read here, before click parses what its errors are about."""
        from lapkin_audit.lang.clicktext import install, translate_help

        words = list(sys.argv[1:] if args is None else args)
        install(_lang_of(words))
        translate_help(self, _lang_of(words))
        return super().main(args, *rest, **options)

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


for command in (check.check, rules.rules_group, sop.sop_group, init.init, hashing.hash_command, desk.desk):
    cli.add_command(command)


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
    say([Notice(why)])
    # The workers are stopped and no partial report is left (the `finally` blocks ran);
    # end now, without the exit handlers that join a process pool the signal interrupted.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


__all__ = ["cli", "main"]
