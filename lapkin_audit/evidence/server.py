"""The warm reader process: the readers' libraries loaded once, a limited child forked for
each request (``evidence.warm`` starts it and speaks to it).

``python -m lapkin_audit.evidence.server FD TESSDATA`` imports what reading needs
(PDFium, Pillow and its plugins, python-docx, zxing-cpp, the OCR model of TESSDATA when
given, and pyHanko once a request holds a signed PDF), then waits on the socket FD. It
never parses a document, never runs OCR and never starts a thread: every fork happens in
a process with one thread, so no lock of a native library can be held in a child by a
thread that does not exist there. A request brings the child's three pipes (passed as
file descriptors: the documents' bytes go from the reader to the child, never through
here) and its limits; the child, forked here:

- leads a process group of its own and dies with this process (``PR_SET_PDEATHSIG``);
- sets its limits itself, after the fork: address space, the CPU soft and hard limits
  (a fork's CPU time starts at zero), no core file;
- answers exactly as a fresh child does (``evidence.child.answer``), then ``_exit``\\s.

When the child exits, or the reader asks (its wall-clock guard struck), the child's whole
group is killed (its OCR workers too) before it is reaped, while its pid cannot be reused;
then its exit status, CPU time and this process's memory go back to the reader. When the
reader closes the socket or dies, the running child is ended and this process exits.

Linux only (``evidence.warm.possible``): elsewhere the reader starts a fresh child.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import selectors
import signal
import socket
import sys
import traceback
from collections.abc import Sequence
from typing import Any

from lapkin_audit.evidence.process import PARENT_ENV, die_with_parent

MAX_MESSAGE = 4096  # bytes of one control message (all of them are a few dozen)
PIPES = 3  # the child's standard input, output and error
# What a child would import as it reads (found by listing the modules a child imported
# reading every fixture): the readers' libraries, the codecs they look up (a DOCX's names,
# PDFium's text), and the OCR pool a scan's pages are read by.
LIBRARIES = (
    "pypdfium2",
    "PIL.Image",
    "docx",
    "docx.opc.exceptions",
    "zxingcpp",
    "encodings.cp437",
    "encodings.utf_16_le",
    "concurrent.futures.process",
    "multiprocessing.popen_fork",
    "multiprocessing.synchronize",
)


def send(control: socket.socket, message: dict[str, Any], fds: Sequence[int] = ()) -> None:
    data = json.dumps(message).encode("ascii")
    if fds:
        socket.send_fds(control, [data], list(fds))
    else:
        control.send(data)


def receive(control: socket.socket) -> tuple[dict[str, Any] | None, list[int]]:
    """The next message and the descriptors it carries; (None, []) once the peer is gone."""
    try:
        data, fds, _, _ = socket.recv_fds(control, MAX_MESSAGE, PIPES, socket.MSG_CMSG_CLOEXEC)
    except (ConnectionError, OSError):
        return None, []
    if not data:
        return None, fds
    message = json.loads(data)
    return (message if isinstance(message, dict) else None), fds


def preload(tessdata: str | None) -> None:
    """Import what the readers use, as a fresh child would on its first document; a library
    that is missing stays missing (the child then fails on it exactly as a fresh one would)."""
    from lapkin_audit.evidence import child, ocr  # noqa: F401 - the readers' registry comes with it

    for name in LIBRARIES:
        try:
            __import__(name)
        except ImportError:
            continue
    if "PIL.Image" in sys.modules:
        sys.modules["PIL.Image"].init()  # every image plugin, not only the common five
    if tessdata:
        ocr.engine(tessdata)  # the model: its loading is the dearest part of a fresh child


def load(names: Sequence[str]) -> None:
    """Libraries a request says its documents need (a signed PDF: pyHanko)."""
    if "signatures" in names and "pyhanko.sign.validation" not in sys.modules:
        from lapkin_audit.evidence import signatures

        try:
            signatures.load_libraries()
        except Exception:  # the child then fails on it exactly as a fresh one would
            pass
        gc.freeze()  # what was imported stays out of every child's collections


def threads() -> int:
    """This process's threads (Linux's /proc)."""
    return len(os.listdir("/proc/self/task"))


def memory() -> int:
    """This process's resident memory in bytes."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def fork_child(control: socket.socket, fds: Sequence[int], limits: Sequence[int]) -> int:
    """Fork the child that answers the request on the pipes ``fds``, under ``limits``
    (address space, CPU soft and hard limits); its pid."""
    sys.stdout.flush()
    sys.stderr.flush()
    server = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child: it never returns into the loop below
        status = 1
        try:
            control.close()
            status = _child(fds, server, limits)
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 1
        except MemoryError:
            os.write(2, b"MemoryError\n")
        except BaseException:  # as a fresh interpreter would: the traceback on standard error
            try:
                traceback.print_exc()
                sys.stderr.flush()
            except BaseException:
                pass
        finally:
            os._exit(status)
    for fd in fds:
        os.close(fd)
    try:
        os.setpgid(pid, pid)  # also here: the group must exist before any killpg below
    except OSError:
        pass
    return pid


def _child(fds: Sequence[int], server: int, limits: Sequence[int]) -> int:  # pragma: no cover - in the child
    os.setpgid(0, 0)
    die_with_parent(server, thread=False)
    memory_limit, cpu_soft, cpu_hard = limits
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_soft, cpu_hard))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    from lapkin_audit.evidence import child

    with open(0, "rb", closefd=False) as request, open(1, "wb", closefd=False) as out:
        return child.answer(request.read(), out)


def watch(control: socket.socket, pid: int) -> tuple[int | None, float]:
    """Wait until the child exits or the reader asks to end it; kill the child's group and
    reap it. Its exit status (None: the reader is gone) and CPU seconds (its OCR workers'
    included: it reaps them)."""
    try:
        exited: int | None = os.pidfd_open(pid)
    except (AttributeError, OSError):
        exited = None  # an old kernel: look every 10 ms
    gone = False
    with selectors.DefaultSelector() as selector:
        selector.register(control, selectors.EVENT_READ)
        if exited is not None:
            selector.register(exited, selectors.EVENT_READ)
        while True:
            ready = {key.fd for key, _ in selector.select(None if exited is not None else 0.01)}
            if exited is None and os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                break
            if exited in ready:
                break
            if control.fileno() in ready:
                message, fds = receive(control)
                for fd in fds:
                    os.close(fd)
                if message is None:
                    gone = True
                    break
                if message.get("kill"):
                    break
    if exited is not None:
        os.close(exited)
    for kill in (os.killpg, os.kill):  # the leader is not reaped yet: its group is still its own
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    _, status, usage = os.wait4(pid, 0)
    return (None if gone else os.waitstatus_to_exitcode(status)), usage.ru_utime + usage.ru_stime


def serve(control: socket.socket) -> int:
    """Answer requests until the reader closes the socket."""
    while True:
        message, fds = receive(control)
        if message is None:
            for fd in fds:
                os.close(fd)
            return 0
        if "run" not in message or len(fds) != PIPES:  # a late "kill" for a child already ended
            for fd in fds:
                os.close(fd)
            continue
        load(message.get("load", ()))
        count = threads()
        if count != 1:  # a library started a thread as it loaded: no fork here is safe now
            for fd in fds:
                os.close(fd)
            send(control, {"refused": f"{count} threads in the warm reader"})
            return 1
        pid = fork_child(control, fds, message["run"])
        send(control, {"started": pid})
        status, cpu = watch(control, pid)
        if status is None:
            return 0
        send(control, {"ended": status, "cpu": cpu, "memory": memory()})


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    fd, tessdata = int(argv[-2]), argv[-1] or None
    parent = os.environ.get(PARENT_ENV, "")
    if parent.isdigit():
        die_with_parent(int(parent), thread=False)  # no thread here, ever
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    control = socket.socket(fileno=fd)
    try:
        preload(tessdata)
    except Exception as exc:  # a library that fails as it loads: the reader reads with fresh children
        send(control, {"error": f"{type(exc).__name__}: {exc}"[:500]})
        return 1
    gc.freeze()  # what was loaded stays out of every child's collections (fewer pages copied)
    count = threads()
    if count != 1:  # a library started a thread: forking here would not be safe
        send(control, {"error": f"{count} threads in the warm reader"})
        return 1
    send(control, {"ready": os.getpid(), "threads": count})
    return serve(control)


if __name__ == "__main__":
    sys.exit(main())
