"""The warm reader: a process with the readers' libraries loaded (``evidence.server``) that
forks a limited child for each batch of documents, so that reading a dossier's attachments
costs a fork instead of a fresh interpreter and its imports (~0.5 s, the OCR model too).

A ``Warm`` belongs to one ``Reader`` (a worker's): it starts its process lazily, on the
first documents to read, and keeps it for the next ones. A caller that reads from several
threads at once gets one process per thread that is reading (a small pool), never a
process shared by two children at a time. A process is recycled (ended, and another
started when next needed) after ``documents`` documents or once its own memory passes
``memory`` bytes; it is replaced when it died; it ends with its owner: ``close()``, the
``Warm`` being collected, the interpreter's exit, and otherwise the kernel
(``PR_SET_PDEATHSIG``: it dies with the thread of the reader that started it). A process
forked from the owner (a batch worker) forgets the owner's processes and starts its own.

The child forked for a request is read exactly as a fresh one is (``process.run``): the
same request on its standard input, the same answer, the same limits (applied in the
child after the fork), its whole process group killed when it ends. Where the warm
process cannot be used (not Linux: no ``PR_SET_PDEATHSIG`` to tie it to its owner without
a thread; or it failed to start), the reader starts a fresh child, as before.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any

from lapkin_audit.evidence.process import PARENT_ENV

# The warm process's command line (tests replace it with one whose children hang or die);
# the socket's descriptor and the OCR model's folder are added to it.
SERVER = (sys.executable, "-m", "lapkin_audit.evidence.server")
RECYCLE_DOCUMENTS = 2_000  # documents read through one warm process before it is replaced
RECYCLE_MEMORY = 512 * 1024 * 1024  # bytes of its own resident memory (it starts near 100 MB)
START_GUARD = 300.0  # seconds for the process to load its libraries (only a hung one reaches it)
END_GUARD = 60.0  # seconds for it to report a killed child reaped
MAX_MESSAGE = 4096


def possible() -> bool:
    """Whether a warm process can be used here (Linux, with descriptor passing)."""
    import socket  # here: the checker imports this module before it knows it reads anything

    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and hasattr(socket, "send_fds")
        and hasattr(socket, "SOCK_SEQPACKET")
    )


class Unavailable(Exception):
    """The warm process could not start: the reader reads with fresh children."""


class Lost(Exception):
    """The warm process died before the child began: nothing was read."""


class _Process:
    """One warm process and the socket to it."""

    def __init__(self, command: Sequence[str], tessdata: str | None, env: Mapping[str, str], generation: int) -> None:
        import socket
        import tempfile

        self.generation = generation
        self.documents = 0  # documents its children were given
        self.memory = 0  # its own resident memory, as it last said
        self.cpu = 0.0  # CPU seconds its children spent (with their OCR workers)
        self.clean = True  # every child it started has been reported ended
        try:
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        except OSError as exc:  # out of descriptors, say: the reader reads with fresh children
            raise Unavailable(f"the warm reader could not start: {exc}") from exc
        self.control = ours
        try:
            self.errors = tempfile.TemporaryFile()  # what it says if it cannot start
            try:
                self.popen = subprocess.Popen(
                    [*command, str(theirs.fileno()), tessdata or ""],
                    pass_fds=(theirs.fileno(),),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=self.errors,
                    env={**env, PARENT_ENV: str(os.getpid())},
                    process_group=0,
                )
            except BaseException:
                self.errors.close()
                raise
        except OSError as exc:
            ours.close()
            raise Unavailable(f"the warm reader could not start: {exc}") from exc
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        try:
            message = self.receive(time.monotonic() + START_GUARD)
        except TimeoutError:
            message = {"error": f"not ready within {START_GUARD:g} s"}
        except BaseException:  # interrupted while it loads: it ends now, not at exit
            self.close()
            raise
        if message is None or "ready" not in message:
            with contextlib.suppress(ProcessLookupError):
                self.popen.kill()
            self.popen.wait()
            why = (message or {}).get("error") or self._said()
            self.close()
            raise Unavailable(f"the warm reader did not start: {why}")
        self.pid: int = self.popen.pid

    def _said(self) -> str:
        """What a process that could not start said, once it ended."""
        self.errors.seek(0)
        said = self.errors.read(64 * 1024).decode("utf-8", "replace").strip()
        return said[-300:] or f"exit status {self.popen.returncode}"

    def alive(self) -> bool:
        return self.popen.poll() is None

    def receive(self, deadline: float) -> dict[str, Any] | None:
        """The next message (None: the process is gone); TimeoutError past ``deadline``."""
        self.control.settimeout(max(deadline - time.monotonic(), 0.0))
        try:
            data = self.control.recv(MAX_MESSAGE)
        except (TimeoutError, BlockingIOError):  # a timeout of 0 makes the socket non-blocking
            raise TimeoutError from None
        except OSError:
            return None
        if not data:
            return None
        message = json.loads(data)
        return message if isinstance(message, dict) else None

    def spawn(self, memory: int, cpu_soft: int, cpu_hard: int, *, documents: int, load: Sequence[str]) -> WarmChild:
        """Have the process fork a child for a request under these limits (``process.Spawn``)."""
        import socket

        pipes = [os.pipe() for _ in range(3)]
        theirs = (pipes[0][0], pipes[1][1], pipes[2][1])  # the child's stdin, stdout, stderr
        ours = (pipes[0][1], pipes[1][0], pipes[2][0])
        self.clean = False  # until the child is reported ended
        try:
            try:
                data = json.dumps({"run": [memory, cpu_soft, cpu_hard], "load": list(load)}).encode("ascii")
                socket.send_fds(self.control, [data], list(theirs))
                message = self.receive(time.monotonic() + START_GUARD)
            finally:
                for fd in theirs:
                    os.close(fd)
            if message is not None and "refused" in message:
                raise Unavailable(f"the warm reader refused to fork: {message['refused']}")
            if message is None or "started" not in message:
                raise Lost("the warm reader ended before it began the request")
        except (OSError, TimeoutError, Lost) as exc:
            for fd in ours:
                os.close(fd)
            raise Lost(str(exc)) from exc
        except BaseException:  # refused (Unavailable), or interrupted
            for fd in ours:
                os.close(fd)
            raise
        self.documents += documents
        return WarmChild(self, ours)

    def close(self) -> None:
        """End the process (its child, if any, dies with it) and reap it."""
        self.control.close()
        with contextlib.suppress(ProcessLookupError):
            self.popen.kill()
        self.popen.wait()
        self.errors.close()

    def forget(self) -> None:
        """In a forked copy of the owner: drop the socket, leave the process to the owner."""
        self.control.close()
        self.errors.close()


class WarmChild:
    """A child forked by the warm process (``process.Child``)."""

    def __init__(self, owner: _Process, fds: Sequence[int]) -> None:
        self.owner = owner
        self.stdin: IO[bytes] = os.fdopen(fds[0], "wb")
        self.stdout: IO[bytes] = os.fdopen(fds[1], "rb", buffering=0)
        self.stderr: IO[bytes] = os.fdopen(fds[2], "rb", buffering=0)
        self.status: int | None = None
        self.lost = False

    def exited(self, deadline: float) -> str | None:
        try:
            self._ended(self.owner.receive(deadline))
        except TimeoutError:
            return "wall"
        return "lost" if self.lost else None

    def end(self) -> tuple[int, bool]:
        if self.status is None and not self.lost:
            try:
                self.owner.control.send(b'{"kill": true}')
                self._ended(self.owner.receive(time.monotonic() + END_GUARD))
            except (OSError, TimeoutError):
                self.lost = True
        self.owner.clean = not self.lost
        return (-signal.SIGKILL if self.status is None else self.status), self.lost

    def _ended(self, message: dict[str, Any] | None) -> None:
        if message is None or "ended" not in message:
            self.lost = True
            return
        self.status = int(message["ended"])
        self.owner.cpu += float(message.get("cpu", 0.0))
        self.owner.memory = int(message.get("memory", 0))


class Warm:
    """The warm processes of one reader (``evidence.read.Reader``): picklable, and a copy
    starts its own."""

    def __init__(
        self, command: Sequence[str] = SERVER, documents: int = RECYCLE_DOCUMENTS, memory: int = RECYCLE_MEMORY
    ) -> None:
        self.command = tuple(command)
        self.documents = documents
        self.memory = memory
        self.broken: str | None = None  # why the warm process could not start (then: fresh children)
        self.started = 0  # processes started, for the benchmark and the tests
        self.cpu = 0.0  # CPU seconds of the children of processes already given back
        self._idle: list[_Process] = []  # one list for the object's life: the finalizer holds it
        self._lock = threading.Lock()
        self._generation = 0  # a process of an older generation is ended when it is given back
        weakref.finalize(self, _close_all, self._idle)
        _LIVE.add(self)

    def __reduce__(self) -> tuple[type[Warm], tuple[tuple[str, ...], int, int]]:
        return Warm, (self.command, self.documents, self.memory)  # a copy has no process yet

    def usable(self) -> bool:
        return self.broken is None and possible()

    @contextlib.contextmanager
    def lease(self, tessdata: str | None, env: Mapping[str, str]) -> Iterator[_Process | None]:
        """A warm process for one request (None: read with a fresh child instead), given
        back afterwards unless it is due to be recycled or lost track of its child."""
        process = self._take(tessdata, env)
        if process is None:
            yield None
            return
        try:
            yield process
        finally:
            self._give(process)

    def pids(self) -> list[int]:
        """The idle warm processes' pids (tests, the benchmark)."""
        with self._lock:
            return [process.pid for process in self._idle]

    def close(self) -> None:
        """End every warm process now; one in use ends when it is given back."""
        with self._lock:
            idle = list(self._idle)
            self._idle.clear()
            self._generation += 1
        _close_all(idle)

    def _take(self, tessdata: str | None, env: Mapping[str, str]) -> _Process | None:
        if not self.usable():
            return None
        dead: list[_Process] = []
        with self._lock:
            found = None
            while self._idle and found is None:
                process = self._idle.pop()
                if process.alive():
                    found = process
                else:
                    dead.append(process)
            generation = self._generation
        _close_all(dead)
        if found is not None:
            return found
        try:
            process = _Process(self.command, tessdata, env, generation)
        except Unavailable as exc:
            self.broken = str(exc)
            return None
        self.started += 1
        return process

    def _give(self, process: _Process) -> None:
        keep = process.clean and process.alive() and process.documents < self.documents and process.memory < self.memory
        with self._lock:
            self.cpu += process.cpu
            process.cpu = 0.0
            if keep and process.generation == self._generation:
                self._idle.append(process)
                return
        process.close()

    def _forget(self) -> None:
        """After a fork, in the child: the processes are the parent's."""
        self._lock = threading.Lock()  # another thread may have held it at the fork
        for process in self._idle:
            process.forget()
        self._idle.clear()
        self._generation += 1


def _close_all(processes: list[_Process]) -> None:
    for process in processes:
        process.close()
    processes.clear()


_LIVE: weakref.WeakSet[Warm] = weakref.WeakSet()


def _forget_all() -> None:
    for warm in list(_LIVE):
        warm._forget()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_all)
