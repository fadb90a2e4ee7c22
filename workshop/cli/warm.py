"""The warm parent of ``workshop serve``: one process that has imported the app, forking one app per browser.

    python -m workshop.cli.warm SESSION CONTROL_FD

Started by the server (:mod:`workshop.serving.warm_parent`) as a fresh Python, never forked from it:
the server has an event loop and threads, this process has neither. It imports what ``workshop
run`` needs (Textual, the TUI, the pydantic models, textual's web driver), reads the session once
(the parsing code is warm, then the store is closed: no SQLite connection is open when it forks),
freezes the garbage collector's view of all that (copy-on-write stays shared), and then waits on
``CONTROL_FD``, a Unix socket to the server, for one message per browser:

- the server sends ``{"start": n, "args": ["run", SESSION, "--mode=notes", ...], "env": {...}, "idle": true}``
  with three file descriptors attached (the app's stdin, stdout and stderr: the pipes the server
  reads and writes, exactly those ``asyncio.create_subprocess_exec`` would make); the arguments are
  data, handed to ``workshop``'s own ``main()`` in the child, never to a shell;
- this process forks; the child makes itself what a started ``python -m workshop run`` is: a
  process session of its own, the pipes as 0, 1 and 2, the environment given (textual's web driver
  reads it), the default signal handlers (and, with ``idle``, the ``SCHED_IDLE`` policy until the
  server lifts it); then it runs ``main(args)`` and ends with its exit code;
- it answers ``{"started": n, "pid": PID}``, or ``{"refused": n, "why": ...}`` when it may not fork
  (its code changed on disk since it imported it: it is stale; or a thread is running here);
- when a child ends it says ``{"ended": PID, "code": C}`` (C as ``Popen.returncode``: -N for signal N);
- ``{"retire": true}`` or the socket closing: start nothing more, end once every child has ended.

Unprompted it says ``{"ready": true}`` once warm, and ``{"stale": true}`` when a file it imported
changed (checked while idle): the server then starts a fresh warm parent and retires this one.

A child that crashes is a process of its own: it ends, this process reports it and forks the next.
This module imports the TUI (that is its point); the import contract allows it here and in
``workshop run`` only (pyproject.toml).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import io
import json
import os
import selectors
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop.model.session import Session

MESSAGE_LIMIT = 1 << 20
"""The largest control message (JSON: the arguments and the environment)."""
IDLE_CHECK_SECONDS = 2.0
"""How often an idle warm parent looks whether its code changed on disk."""
CHECK_SECONDS = 1.0
"""The least time between two looks at the imported files (when a browser arrives, and while idle)."""
ORPHAN_SECONDS = 10.0
"""When the server has gone: how long the children may take to end (their stdin is closed) before SIGTERM."""


FileMark = tuple[int, int, int]


def _mark(path: str) -> FileMark | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def code_files() -> dict[str, FileMark | None]:
    """Every file a loaded module came from, with what it looks like now (inode, size, mtime)."""
    files: dict[str, FileMark | None] = {}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path not in files:
            files[path] = _mark(path)
    return files


def preload(session: Path) -> None:
    """Import what an app needs and read the session once; leave no file, thread or connection open."""
    import workshop.cli.main
    import workshop.cli.run
    import workshop.tui.app  # noqa: F401 - the point: the app's code, imported once for every browser
    import workshop.tui.screens.facilitator
    import workshop.tui.screens.notes
    import workshop.tui.screens.secretariat  # noqa: F401 - the screens a link opens (imported late by the app)
    from workshop.storage.store import Store

    driver = os.environ.get("TEXTUAL_DRIVER", "")
    if driver:  # textual's web driver, as the app would import it by this name, and the app's own (tui.app)
        __import__(driver.partition(":")[0])
        import workshop.tui.in_order_web_driver  # noqa: F401
    workshop.cli.main.build_parser("run")
    with contextlib.suppress(Exception):  # a session that cannot be read now is the child's to report
        store = Store.open(session, readonly=True)
        try:
            as_now = store.session
        finally:
            store.close()
        rehearse(session.name, as_now)


def rehearse(name: str, session: Session) -> None:
    """Show a note-taker's first screen once, headless, on a copy of the session in a folder of its own.

    What Textual does the first time in a process is then done before any browser comes, once for all
    of them: the stylesheets parsed (:class:`~workshop.tui.textual_compat.ParseOnceStylesheet` keeps
    them for the process), the modules a screen loads when it is first shown, the caches of styles
    and text. The copy is the session as the store reads it now, written afresh: a copy of the file
    alone would be refused once the file holds changes from its journal. Nothing of the real session
    is touched: the copy, its journal and the folder go away. The app leaves the collector on and
    what it made frozen (its first screen does, see ``tui.app``): the app is collected here, and the
    collector is off again, as before.
    """
    import tempfile

    from workshop.storage.session_file import dumps
    from workshop.storage.store import Store
    from workshop.tui.app import show_note_taker_once

    try:
        with tempfile.TemporaryDirectory(prefix="workshop-warm-") as folder:
            copy = Path(folder) / name
            copy.write_text(dumps(session), encoding="utf-8")
            store = Store.open(copy, author="", backup=False)
            try:
                show_note_taker_once(store)
            finally:
                store.close()
    finally:
        gc.disable()
        gc.unfreeze()
        gc.collect()


class WarmParent:
    """The loop of the warm parent: one socket to the server, one child per browser."""

    def __init__(self, control: socket.socket) -> None:
        self.control = control
        self.children: set[int] = set()
        self.retiring = False
        self.server_gone = False
        self.terminated = False
        self.files: dict[str, FileMark | None] = {}
        self.told_stale = False
        self.checked = 0.0
        self.found_stale = False
        wake_read, wake_write = os.pipe()
        os.set_blocking(wake_read, False)
        os.set_blocking(wake_write, False)
        self.wake_read, self.wake_write = wake_read, wake_write
        self.selector = selectors.DefaultSelector()

    def say(self, message: dict[str, object]) -> None:
        with contextlib.suppress(OSError):
            self.control.send(json.dumps(message).encode("utf-8"))

    def stale(self) -> bool:
        """Has a file this process imported changed on disk (a new version installed, code edited)?

        Some 600 files: looked at no more than once every :data:`CHECK_SECONDS` (a room joining at once
        does not pay for it thirty times).
        """
        now = time.monotonic()
        if not self.found_stale and now - self.checked >= CHECK_SECONDS:
            self.checked = now
            self.found_stale = any(_mark(path) != mark for path, mark in self.files.items())
        return self.found_stale

    def run(self, session: Path) -> int:
        # No collection while importing, none before forking, then freeze: what CPython's gc.freeze()
        # documentation advises before fork (a child's allocations would otherwise fill the holes a
        # collection leaves, copying the parent's pages). A child turns the collector on at its first screen.
        gc.disable()
        preload(session)
        self.files = code_files()
        gc.freeze()  # what is loaded now is never collected (nor touched by a child's collections)
        signal.signal(signal.SIGCHLD, lambda _number, _frame: None)
        signal.set_wakeup_fd(self.wake_write)
        self.say({"ready": True, "pid": os.getpid()})
        selector = self.selector
        selector.register(self.control, selectors.EVENT_READ)
        selector.register(self.wake_read, selectors.EVENT_READ)
        while True:
            self.reap()
            if (self.retiring or self.server_gone) and not self.children:
                return 0
            events = selector.select(ORPHAN_SECONDS if self.server_gone else IDLE_CHECK_SECONDS)
            if not events:
                if self.server_gone:  # its apps had their time to end by themselves: SIGTERM, then SIGKILL
                    self.signal_children(signal.SIGKILL if self.terminated else signal.SIGTERM)
                    self.terminated = True
                elif not self.told_stale and not self.retiring and self.stale():
                    self.told_stale = True
                    self.say({"stale": True})
                continue
            for key, _ in events:
                if key.fileobj is self.control:
                    self.receive()
                else:
                    with contextlib.suppress(OSError):
                        os.read(self.wake_read, 4096)

    def receive(self) -> None:
        try:
            data, fds, _flags, _address = socket.recv_fds(self.control, MESSAGE_LIMIT, 3)
        except OSError:
            data, fds = b"", []
        if not data:  # the server has gone: its apps get ORPHAN_SECONDS to end, then SIGTERM (they save), then this
            self.server_gone = True
            self.retiring = True
            with contextlib.suppress(KeyError, ValueError):
                self.selector.unregister(self.control)
            return
        try:
            message = json.loads(data)
        except ValueError:
            message = {}
        if not isinstance(message, dict):
            message = {}
        if message.get("retire"):
            self.retiring = True
        if "start" in message:
            self.start(message, fds)
        else:
            for fd in fds:
                os.close(fd)

    def start(self, message: dict[str, object], fds: list[int]) -> None:
        number = message.get("start")
        args = message.get("args")
        env = message.get("env")
        why = ""
        if not _well_formed(args, env, fds):
            why = "malformed"
        elif self.retiring:
            why = "retiring"
        elif threading.active_count() != 1:
            why = "threads"  # never fork with a thread running: it could hold a lock the child would wait on
        elif self.stale():
            why = "stale"
        if why:
            for fd in fds:
                os.close(fd)
            self.say({"refused": number, "why": why})
            return
        assert isinstance(args, list) and isinstance(env, dict)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        try:
            pid = os.fork()
        except OSError as error:
            for fd in fds:
                os.close(fd)
            self.say({"refused": number, "why": f"fork: {error.strerror}"})
            return
        if pid == 0:  # the child: never returns
            _child(self, args, env, fds, idle=message.get("idle") is True)
        for fd in fds:
            os.close(fd)
        self.children.add(pid)
        self.say({"started": number, "pid": pid})

    def reap(self) -> None:
        """Report every child that has ended (SIGCHLD woke the loop)."""
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                self.children.clear()
                return
            if pid == 0:
                return
            self.children.discard(pid)
            code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            self.say({"ended": pid, "code": code})

    def signal_children(self, number: signal.Signals) -> None:
        for pid in list(self.children):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, number)


def _well_formed(args: object, env: object, fds: list[int]) -> bool:
    """A start message: three descriptors, the arguments as strings, the environment as strings."""
    if len(fds) != 3 or not isinstance(args, list) or not isinstance(env, dict):
        return False
    return all(isinstance(a, str) for a in args) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in env.items()
    )


def _child(parent: WarmParent, args: list[str], env: dict[str, str], fds: list[int], idle: bool) -> None:
    """In the forked child: become ``python -m workshop ARGS`` as the server would have started it; never returns.

    With ``idle`` it starts as ``SCHED_IDLE``; the server puts it back among the others (``SCHED_OTHER``)
    once its first screen is out, within a second at most.
    """
    code = 1
    try:
        os.setsid()  # a process session of its own: the terminal's Ctrl+C reaches the server only
        if idle and hasattr(os, "SCHED_IDLE"):  # below every app someone types in, until its first screen
            with contextlib.suppress(OSError):
                os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        signal.set_wakeup_fd(-1)
        for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, signal.SIG_DFL)
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # as Python sets it at start
        signal.signal(signal.SIGINT, signal.default_int_handler)
        parent.selector.close()
        parent.control.close()
        os.close(parent.wake_read)
        os.close(parent.wake_write)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)  # stdin, stdout, stderr: the server's pipes
        for fd in fds:
            if fd > 2:
                os.close(fd)
        _standard_streams()
        os.environ.clear()
        os.environ.update(env)
        sys.argv = ["workshop", *args]
        from workshop.cli.main import main

        code = _profiled(main, args, env.get(PROFILE_VARIABLE, ""))
    except SystemExit as leaving:
        code = leaving.code if isinstance(leaving.code, int) else (0 if leaving.code is None else 1)
    except BaseException:  # noqa: BLE001 - a child never goes back into the parent's loop
        code = 1
        with contextlib.suppress(Exception):
            import traceback

            traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            _finish()
        os._exit(code)


PROFILE_VARIABLE = "WORKSHOP_PROFILE_DIR"
"""For benchmarks only: a folder; each forked app writes its cProfile there as it ends (``app-PID.prof``)."""


def _profiled(main: Callable[[list[str]], int], args: list[str], folder: str) -> int:
    """``main(args)``, under cProfile when ``folder`` is given (the benchmark's look at where a key's CPU goes)."""
    if not folder:
        return main(args)
    import cProfile

    profile = cProfile.Profile()
    try:
        return profile.runcall(main, args)
    finally:
        with contextlib.suppress(OSError):
            profile.dump_stats(os.path.join(folder, f"app-{os.getpid()}.prof"))


_KEPT: list[object] = []
"""The warm parent's own standard streams, kept from being collected in a child (collecting one closes its fd)."""


def _standard_streams() -> None:
    """sys.stdin, stdout and stderr made afresh on fds 0, 1 and 2, as Python makes them at start.

    The warm parent's were made on other files (/dev/null: seekable, the pipes are not).
    """
    _KEPT.extend([sys.stdin, sys.stdout, sys.stderr])
    made = []
    for fd, mode, old in ((0, "r", sys.__stdin__), (1, "w", sys.__stdout__), (2, "w", sys.__stderr__)):
        encoding = getattr(old, "encoding", None) or "utf-8"
        errors = "backslashreplace" if fd == 2 else (getattr(old, "errors", None) or "strict")
        raw = open(fd, mode + "b", closefd=False)  # noqa: SIM115 - the process's own stream, open till it ends
        made.append(io.TextIOWrapper(raw, encoding=encoding, errors=errors, line_buffering=fd == 2))
    sys.stdin, sys.stdout, sys.stderr = made
    for name, stream in zip(("__stdin__", "__stdout__", "__stderr__"), made):
        setattr(sys, name, stream)  # textual's web driver writes to sys.__stdout__ and reads sys.__stdin__


def _finish() -> None:
    """What the interpreter does as a program ends: wait for its threads, run atexit, flush the streams."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join(5.0)
    atexit._run_exitfuncs()  # noqa: SLF001 - what the interpreter runs at its end; os._exit would skip it
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    session, control_fd = Path(arguments[0]), int(arguments[1])
    control = socket.socket(fileno=control_fd)
    control.set_inheritable(False)
    return WarmParent(control).run(session)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
