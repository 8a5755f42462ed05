"""The code ``dataclasses`` generates for this package's classes, compiled once and kept.

At every import, ``dataclasses`` writes the source of each class's ``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` and frozen ``__setattr__``/``__delattr__`` and compiles it: ~380
functions for the package's ~60 classes, ~50 ms of a ~130 ms start (a commit hook's run).
The same source compiles to the same code, so the compiled code is kept, keyed by a hash of
the source text (a changed class writes another text and is compiled afresh), in one file beside
the package's bytecode: ``lapkin_audit/__pycache__``, written as Python writes ``.pyc`` files
(not when bytecode may not be written, nothing said when the folder is read-only), and as
trusted as they are. Never in the cache folder: whoever can write there must not be able to
run code.

Only the package's own classes take this path (known by the module globals their code runs
in); every other dataclass is compiled by ``dataclasses`` as always.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import hashlib
import marshal
import os
import sys
from collections.abc import Mapping
from importlib.util import MAGIC_NUMBER
from types import CodeType
from typing import Any

_FILE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "__pycache__", f"dataclass-code.{sys.implementation.cache_tag}.marshal"
)
_PREFIX = __name__.rsplit(".", 1)[0] + "."
_MOST = 4096  # entries kept; past it, only those this process used (old versions of classes go)


class _Codes:
    """The compiled functions known: read from the file when installed, written at exit if any
    were added."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.known: dict[bytes, CodeType] = _read(path)
        self.used: set[bytes] = set()
        self.added = False

    def exec(self, source: Any, globals: dict[str, Any] | None = None, locals: Mapping[str, Any] | None = None) -> None:
        if isinstance(source, str) and globals is not None and str(globals.get("__name__", "")).startswith(_PREFIX):
            # The text as key would cost ~10 ms to read back: its hash, ~1 ms.
            key = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            code = self.known.get(key)
            if code is None:
                # dont_inherit: compiled as dataclasses.py would compile it (no __future__ of ours)
                code = self.known[key] = compile(source, "<string>", "exec", dont_inherit=True)
                self.added = True
            self.used.add(key)
            source = code
        builtins.exec(source, globals, locals)

    def save(self) -> None:
        if not self.added or sys.dont_write_bytecode:
            return
        keep = self.known if len(self.known) <= _MOST else {s: c for s, c in self.known.items() if s in self.used}
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(MAGIC_NUMBER)
                marshal.dump(keep, handle)
            os.replace(temporary, self.path)  # whole or not at all, whoever writes last
        except BaseException as error:  # an interrupt at exit too: no half-written file is left
            try:
                os.unlink(temporary)
            except OSError:
                pass
            if not isinstance(error, OSError):
                raise


def _read(path: str) -> dict[bytes, CodeType]:
    try:
        with open(path, "rb") as handle:
            if handle.read(len(MAGIC_NUMBER)) != MAGIC_NUMBER:
                return {}  # another Python's bytecode
            data = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return {}  # missing or damaged: compiled again, and written again
    if not isinstance(data, dict):
        return {}
    return {k: c for k, c in data.items() if isinstance(k, bytes) and isinstance(c, CodeType)}


def install() -> None:
    """Route the package's generated dataclass code through the kept compilations.

    ``dataclasses`` calls ``exec`` by its global name, so a module attribute of that name is
    what it finds; it behaves as the built-in for everything but this package's classes."""
    if "exec" in vars(dataclasses):
        return  # installed already (or someone else's: left alone)
    codes = _Codes(_FILE)
    setattr(dataclasses, "exec", codes.exec)  # noqa: B010 - a name dataclasses looks up, not an attribute of ours
    atexit.register(codes.save)
