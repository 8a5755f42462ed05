"""Every process the reader starts ends with it, whatever ends the reader.

The evidence child runs in a process group of its own, with the kernel asked to kill it
when its parent dies (Linux: ``prctl(PR_SET_PDEATHSIG)``; elsewhere a watchdog thread
that notices the parent is gone). Its OCR workers ask the same of it, and hold none of
the pipes to the parent. So a timeout (the whole group is killed), a SIGKILL of the
child (its workers follow), or the death of the parent (SIGTERM, SIGINT, SIGKILL: the
child follows, and its workers after it) leaves nothing behind.

``run`` starts the child, feeds it its request from a thread, and reads its answer line
by line against a deadline that the child's own messages move (a document's wall-clock
guard grows with its CPU budget). The child is a fresh interpreter by default; given a
``spawn``, it is forked by a warm reader process instead (``evidence.warm``), and read
the same way.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import selectors
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Protocol

PR_SET_PDEATHSIG = 1
PARENT_ENV = "LAPKIN_AUDIT_READER_PARENT"  # the pid the child must outlive no longer than
MAX_STDERR = 64 * 1024


@functools.cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


def die_with_parent(parent: int | None = None, thread: bool = True) -> None:
    """End this process (SIGKILL) when its parent does. ``parent``: the pid the parent had
    when it started us, so that a parent that died before this call is noticed too.
    ``thread``: where the kernel cannot do it, watch the parent from a thread (not in a
    child between fork and exec, where no thread may start)."""
    parent = os.getppid() if parent is None else parent
    libc = _libc()
    if libc is not None and libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
        if os.getppid() != parent:  # the parent was already gone: we were given to init
            os.kill(os.getpid(), signal.SIGKILL)
        return
    if thread and hasattr(os, "getppid"):
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="parent-watch").start()


def _watch(parent: int) -> None:  # pragma: no cover - only where prctl is missing
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def limit_cpu(seconds: float) -> None:
    """Set this process's soft CPU-time limit to ``seconds`` more than it has used (within
    the hard limit the parent set): past it the kernel ends it, wherever it is stuck."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(used + seconds) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _preexec(memory: int, cpu_soft: int, cpu_hard: int, parent: int) -> Callable[[], None]:
    def limits() -> None:  # pragma: no cover - runs in the child, before it executes Python
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_soft, cpu_hard))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        die_with_parent(parent, thread=False)

    return limits


@dataclass(frozen=True)
class Ended:
    """How a child ended: its complete output lines, its exit status (negative: the signal
    that killed it), what it said on standard error (bounded), and why it was stopped."""

    lines: tuple[bytes, ...]
    returncode: int
    stderr: bytes
    # "wall": the last guard struck; "output": it wrote too much; "lost": the warm process
    # that forked the child died with it (nothing the child read is to blame)
    stopped: str | None = None


class Child(Protocol):
    """A started child: its three pipes, and how to wait for it and end it."""

    @property
    def stdin(self) -> IO[bytes]: ...

    @property
    def stdout(self) -> IO[bytes]: ...

    @property
    def stderr(self) -> IO[bytes]: ...

    def exited(self, deadline: float) -> str | None:
        """Wait (until ``deadline``, on the monotonic clock) for the child to exit: None
        when it did, "wall" when the deadline passed, "lost" when it can no longer be known."""

    def end(self) -> tuple[int, bool]:
        """Kill the child's whole group and reap it: its exit status (negative: the signal
        that killed it), and whether it was lost (its warm process died)."""


# How a child is started other than by executing ``command``: (address space, CPU soft
# and hard limits in whole seconds) -> the started child (``evidence.warm``).
Spawn = Callable[[int, int, int], Child]


def run(
    command: Sequence[str],
    payload: bytes,
    env: Mapping[str, str],
    *,
    memory: int,
    cpu: tuple[float, float],
    wall: float,
    on_line: Callable[[bytes], float | None],
    max_output: int,
    spawn: Spawn | None = None,
) -> Ended:
    """Run ``command`` with ``payload`` on its standard input under the limits (address
    space ``memory``, CPU ``cpu`` = (soft, hard) seconds, ``wall`` seconds on the clock
    until ``on_line`` returns a new one for the line just read), or the child ``spawn``
    starts under the same limits. The child and anything it started are dead when this
    returns or raises (an interrupt, SIGTERM raised here)."""
    soft, hard = int(cpu[0]) + 1, int(cpu[1]) + 1
    child = spawn(memory, soft, hard) if spawn is not None else _Executed(command, env, memory, soft, hard)
    writer = threading.Thread(target=_feed, args=(child.stdin, payload), daemon=True, name="reader-feed")
    lines: list[bytes] = []
    stopped: str | None = None
    pending, errors, size = bytearray(), bytearray(), 0
    deadline = time.monotonic() + wall
    try:
        writer.start()
        with selectors.DefaultSelector() as selector:
            selector.register(child.stdout, selectors.EVENT_READ)
            selector.register(child.stderr, selectors.EVENT_READ)
            while selector.get_map() and stopped is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    stopped = "wall"
                    break
                for key, _ in selector.select(left):
                    chunk = os.read(key.fd, 65536)
                    if not chunk:
                        selector.unregister(key.fileobj)
                    elif key.fileobj is child.stderr:
                        errors += chunk[: MAX_STDERR - len(errors)]
                    else:
                        size += len(chunk)
                        if size > max_output:
                            stopped = "output"
                            break
                        pending += chunk
                        while b"\n" in pending:
                            line, _, rest = bytes(pending).partition(b"\n")
                            pending = bytearray(rest)
                            lines.append(line)
                            more = on_line(line)
                            if more is not None:
                                deadline = time.monotonic() + more
        if stopped is None:
            stopped = child.exited(deadline)
    finally:
        returncode, lost = child.end()
        if writer.ident is not None:
            writer.join()
        else:
            child.stdin.close()
        for pipe in (child.stdout, child.stderr):
            pipe.close()
    if lost and stopped is None:
        stopped = "lost"
    return Ended(tuple(lines), returncode, bytes(errors), stopped)


def _feed(pipe: object, payload: bytes) -> None:
    try:
        pipe.write(payload)  # type: ignore[attr-defined]
    except (BrokenPipeError, OSError, ValueError):
        pass  # the child stopped reading: it ended (or was ended), which the reader sees
    finally:
        try:
            pipe.close()  # type: ignore[attr-defined]
        except (BrokenPipeError, OSError):
            pass


class _Executed:
    """A fresh interpreter (``command``), started under the limits by ``subprocess``."""

    def __init__(self, command: Sequence[str], env: Mapping[str, str], memory: int, soft: int, hard: int) -> None:
        parent = os.getpid()
        posix = os.name == "posix"
        _libc()  # loaded here: the child must not load a library between fork and exec
        self.popen = subprocess.Popen(
            list(command),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**env, PARENT_ENV: str(parent)},
            preexec_fn=_preexec(memory, soft, hard, parent) if posix else None,
            process_group=0 if posix else None,
        )
        assert self.popen.stdin is not None and self.popen.stdout is not None and self.popen.stderr is not None
        self.stdin: IO[bytes] = self.popen.stdin
        self.stdout: IO[bytes] = self.popen.stdout
        self.stderr: IO[bytes] = self.popen.stderr

    def exited(self, deadline: float) -> str | None:
        """Wait for a child that closed its output to exit, without reaping it (its group is
        killed first, while its pid cannot be reused); "wall" if it outlives the deadline."""
        child = self.popen
        if not hasattr(os, "waitid"):
            try:
                child.wait(max(0.0, deadline - time.monotonic()))
                return None
            except subprocess.TimeoutExpired:
                return "wall"
        while time.monotonic() < deadline:
            try:
                if os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                    return None
            except ChildProcessError:
                return None
            time.sleep(0.01)
        return "wall"

    def end(self) -> tuple[int, bool]:
        """Kill the child's whole group (its OCR workers too) and reap the child."""
        child = self.popen
        if os.name == "posix":
            try:
                os.killpg(child.pid, signal.SIGKILL)  # the child's pid is not reaped yet: still its group
            except (ProcessLookupError, PermissionError):
                pass
        else:  # pragma: no cover - Windows
            child.kill()
        return child.wait(), False
