"""The server's side of the warm parent: each browser's app forked from one process that has imported the app.

A fresh ``python -m workshop run`` spends most of its start importing Textual, pydantic and the
app; thirty of them at once on two cores take seconds that every browser waits for. The warm
parent (:mod:`workshop.cli.warm`, started here as a fresh Python, never forked from the server,
which has an event loop and threads) imports all of that once and forks one child per browser, the
way gunicorn's preload and Android's zygote do: a new app only builds its screen.

What the server gets back is what it would get from ``asyncio.create_subprocess_exec``: a process
with a pid (in a process session of its own, so ``killpg`` ends it), its stdin, stdout and stderr as
asyncio streams on pipes made here, ``returncode`` and ``wait()`` (the warm parent reports each
child's end). The arguments (``run SESSION --mode=... --station=... --author=...``) and the
environment (textual's web driver, the terminal's size) go to the warm parent as JSON over a Unix
socket, with the pipes attached; no shell ever sees them.

- **Joining in order.** At most :data:`STARTING` apps build their first screen at once, in the order
  their browsers arrived (a FIFO gate): the first to arrive are typing while the rest join. A
  starting app runs as ``SCHED_IDLE``, below every app someone types in (echo before new screens),
  and is put back among them (``SCHED_OTHER``, every thread) once its first screen is out, or after
  :data:`STARTING_SECONDS` at most: on a laptop busy with something else it never waits long.
- **Stale.** The warm parent watches the files of the code it imported; when one changes (a new
  version, an edited file) it says so, or refuses to fork: a fresh warm parent is started and the
  old one ends once its last app has. The session is opened by each app after the fork, never by a
  connection that crossed it, so an app always sees the session as it is now.
- **Where fork is not available** (or the warm parent cannot start), :meth:`WarmParent.spawn` returns
  None and the server starts the app the cold way, as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("workshop.serve")

STARTING_VARIABLE = "WORKSHOP_SERVE_STARTING"
"""For measuring (``benchmarks/serve.py --starting``): how many apps build a screen at once, not :data:`STARTING`."""


def _starting_default() -> int:
    given = os.environ.get(STARTING_VARIABLE, "")
    return int(given) if given.isdigit() and int(given) > 0 else 4 * max(1, os.cpu_count() or 1)


STARTING = _starting_default()
"""How many apps may build their first screen at once (four per core); the others wait their turn.

Measured on the 2-core machine with a room of 30 opening at once, each typing once its screen is
there: two per core (and 3 s before a slow start let the next through) kept the typists' echo but
the last screen came after 15 s, as the first ones' typing took the CPU from the rest; no gate at
all, 3.8 s, but every screen at the very end and nobody typing meanwhile; four per core with 1 s:
5.3 s, and the first in type while the rest join. Starting as SCHED_IDLE (see above) took the
echo p95 while joining from 235 to 167 ms and from 677 to 532 ms in two pairs of runs."""
STARTING_SECONDS = 1.0
"""An app that has drawn nothing by then lets the next one through the gate anyway, and is back to normal priority."""
READY_SECONDS = 60.0
"""How long a browser waits for the warm parent to finish importing before its app starts cold."""
RETIRE_SECONDS = 5.0
"""How long a retired warm parent may take to end once its last app has, before SIGKILL."""
MESSAGE_LIMIT = 1 << 16
_NORMAL_POLICY = getattr(os, "SCHED_OTHER", None) if hasattr(os, "SCHED_IDLE") else None


def fork_available() -> bool:
    """Can apps be forked here (POSIX: fork, Unix sockets passing descriptors)?"""
    return hasattr(os, "fork") and hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX")


def normal_priority(pid: int) -> None:
    """Put every thread of ``pid`` back to the normal policy (from SCHED_IDLE; allowed without privileges)."""
    if _NORMAL_POLICY is None:
        return
    threads = [pid]
    with contextlib.suppress(OSError, ValueError):
        threads += [int(tid) for tid in os.listdir(f"/proc/{pid}/task") if int(tid) != pid]
    for tid in threads:  # the main thread first: a thread it starts from now on has its policy
        with contextlib.suppress(OSError):
            os.sched_setscheduler(tid, _NORMAL_POLICY, os.sched_param(0))


class WarmChild:
    """One app forked by the warm parent, as the server sees it: what ``asyncio.subprocess.Process`` offers."""

    def __init__(
        self, pid: int, stdin: asyncio.StreamWriter, stdout: asyncio.StreamReader, stderr: asyncio.StreamReader
    ) -> None:
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.returncode: int | None = None
        self._ended = asyncio.Event()
        self._starting: Callable[[], None] | None = None

    def ended(self, code: int) -> None:
        """The warm parent said this app has ended, with ``code`` (-N for signal N)."""
        if self.returncode is None:
            self.returncode = code
        self.started_up()
        with contextlib.suppress(Exception):
            self.stdin.close()
        self._ended.set()

    async def wait(self) -> int:
        await self._ended.wait()
        assert self.returncode is not None
        return self.returncode

    def started_up(self) -> None:
        """Its first screen is out (or it took too long, or it ended): the next in line may start."""
        starting, self._starting = self._starting, None
        if starting is not None:
            starting()


@dataclass
class _Parent:
    """One warm parent process and the socket to it."""

    process: asyncio.subprocess.Process
    control: socket.socket
    ready: asyncio.Future[bool]
    waiting: dict[int, asyncio.Future[dict[str, object]]] = field(default_factory=dict)
    children: dict[int, WarmChild] = field(default_factory=dict)
    ended_early: dict[int, int] = field(default_factory=dict)
    stale: bool = False
    gone: bool = False
    reader: asyncio.Task[None] | None = None


class WarmParent:
    """Starts, feeds, replaces and ends the warm parent process of one server."""

    def __init__(self, session: Path, environment: dict[str, str]) -> None:
        self.session = session.resolve()
        self.environment = dict(environment)
        """The warm parent's environment: the apps' (textual reads some of it as it is imported), minus their size."""
        self._current: _Parent | None = None
        self._retired: list[_Parent] = []
        self._gate = asyncio.Semaphore(STARTING)
        self._numbers = 0
        self._closing = False
        self._tasks: set[asyncio.Task[None]] = set()
        self.replaced = 0
        """How many times a stale warm parent was replaced (for the log and the tests)."""

    @property
    def pid(self) -> int | None:
        """The current warm parent's process id, once started."""
        return None if self._current is None else self._current.process.pid

    async def start(self) -> None:
        """Start the warm parent (it imports in the background; this returns at once)."""
        if self._current is None or self._current.gone:
            self._current = await self._launch()

    async def _launch(self) -> _Parent:
        loop = asyncio.get_running_loop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "workshop.cli.warm",
                str(self.session),
                str(theirs.fileno()),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                env=self.environment,
                pass_fds=[theirs.fileno()],
                start_new_session=True,  # Ctrl+C in the terminal reaches the server only
            )
        finally:
            theirs.close()
        ours.setblocking(False)
        parent = _Parent(process, ours, loop.create_future())
        parent.reader = asyncio.create_task(self._read(parent))
        return parent

    async def _read(self, parent: _Parent) -> None:
        """The warm parent's messages: ready, started/refused, ended, stale; the socket closing means it is gone."""
        loop = asyncio.get_running_loop()
        try:
            while True:
                try:
                    data = await loop.sock_recv(parent.control, MESSAGE_LIMIT)
                except OSError:
                    data = b""
                if not data:
                    break
                try:
                    message = json.loads(data)
                except ValueError:
                    continue
                if not isinstance(message, dict):
                    continue
                if message.get("ready") and not parent.ready.done():
                    parent.ready.set_result(True)
                if message.get("stale"):
                    self._went_stale(parent)
                for key in ("started", "refused"):
                    number = message.get(key)
                    if isinstance(number, int) and number in parent.waiting:
                        waiting = parent.waiting.pop(number)
                        if not waiting.done():
                            waiting.set_result(message)
                ended, code = message.get("ended"), message.get("code")
                if isinstance(ended, int) and isinstance(code, int):
                    if ended in parent.children:
                        parent.children.pop(ended).ended(code)
                    else:  # it ended before its pipes were connected here: kept for _fork
                        parent.ended_early[ended] = code
        finally:
            parent.gone = True
            parent.control.close()
            if not parent.ready.done():
                parent.ready.set_result(False)
            for waiting in parent.waiting.values():
                if not waiting.done():
                    waiting.set_result({"refused": -1, "why": "gone"})
            parent.waiting.clear()
            for pid, child in list(parent.children.items()):
                self._background(_watch_orphan(pid, child))
            parent.children.clear()

    def _went_stale(self, parent: _Parent) -> None:
        """Its code changed on disk: a fresh warm parent starts now (warm by the next browser); the old one retires."""
        if parent.stale:
            return
        parent.stale = True
        if parent is self._current and not self._closing:
            log.info("workshop serve: the app's code changed on disk; starting a fresh warm parent")
            self._current = None
            self._retire(parent)
            self.replaced += 1
            self._background(self.start())

    def _background(self, work: Coroutine[object, object, None]) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _retire(self, parent: _Parent) -> None:
        self._retired.append(parent)
        self._send(parent, {"retire": True})

    def _send(self, parent: _Parent, message: dict[str, object], fds: list[int] | None = None) -> bool:
        if parent.gone:
            return False
        try:
            socket.send_fds(parent.control, [json.dumps(message).encode("utf-8")], fds or [])
        except OSError:
            return False
        return True

    async def spawn(self, args: list[str], environment: dict[str, str]) -> WarmChild | None:
        """Fork ``workshop ARGS`` from the warm parent, in arrival order; None when it cannot (start it cold then).

        The app counts as starting until :meth:`WarmChild.started_up` (its first screen); at most
        :data:`STARTING` start at once.
        """
        if self._closing or not self._same_textual(environment):
            return None
        await self._gate.acquire()
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self._gate.release()

        try:
            child = None
            for _attempt in range(2):  # a stale parent is replaced once, then the app starts cold
                parent = await self._ready_parent()
                if parent is None:
                    break
                child = await self._fork(parent, args, environment)
                if child is not None or not parent.stale:
                    break
        except BaseException:
            release()
            raise
        if child is None:
            release()
            return None
        loop = asyncio.get_running_loop()
        timer = loop.call_later(STARTING_SECONDS, child.started_up)

        def started() -> None:
            timer.cancel()
            normal_priority(child.pid)
            release()

        child._starting = started  # noqa: SLF001 - this module's own child, handed its start-up here
        return child

    def _same_textual(self, environment: dict[str, str]) -> bool:
        """Textual reads its settings as it is imported: only an app with the warm parent's settings can be forked."""
        keys = {k for k in (*environment, *self.environment) if k.startswith("TEXTUAL")}
        return all(environment.get(k) == self.environment.get(k) for k in keys)

    async def _ready_parent(self) -> _Parent | None:
        if self._current is None or self._current.gone:
            await self.start()
        parent = self._current
        assert parent is not None
        try:
            ready = await asyncio.wait_for(asyncio.shield(parent.ready), READY_SECONDS)
        except TimeoutError:
            return None
        return parent if ready and not parent.gone else None

    async def _fork(self, parent: _Parent, args: list[str], environment: dict[str, str]) -> WarmChild | None:
        loop = asyncio.get_running_loop()
        stdin_read, stdin_write = os.pipe()
        stdout_read, stdout_write = os.pipe()
        stderr_read, stderr_write = os.pipe()
        ours = [stdin_write, stdout_read, stderr_read]
        theirs = [stdin_read, stdout_write, stderr_write]
        for fd in ours:
            os.set_inheritable(fd, False)
        self._numbers += 1
        number = self._numbers
        answer: asyncio.Future[dict[str, object]] = loop.create_future()
        parent.waiting[number] = answer
        message = {"start": number, "args": args, "env": environment, "idle": _NORMAL_POLICY is not None}
        try:
            sent = self._send(parent, message, theirs)
        finally:
            for fd in theirs:
                os.close(fd)
        reply = await answer if sent else {"refused": number, "why": "gone"}
        parent.waiting.pop(number, None)
        pid = reply.get("pid")
        if "started" not in reply or not isinstance(pid, int):
            for fd in ours:
                os.close(fd)
            if reply.get("why") == "stale":
                self._went_stale(parent)
            elif reply.get("why") not in ("gone", "retiring"):
                log.warning("workshop serve: the warm parent did not fork (%s); the app starts cold", reply.get("why"))
            return None
        stdout = asyncio.StreamReader(limit=2**16, loop=loop)
        stderr = asyncio.StreamReader(limit=2**16, loop=loop)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdout), os.fdopen(stdout_read, "rb", 0))
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stderr), os.fdopen(stderr_read, "rb", 0))
        transport, protocol = await loop.connect_write_pipe(
            asyncio.streams.FlowControlMixin, os.fdopen(stdin_write, "wb", 0)
        )
        stdin = asyncio.StreamWriter(transport, protocol, None, loop)
        child = WarmChild(pid, stdin, stdout, stderr)
        if pid in parent.ended_early:
            child.ended(parent.ended_early.pop(pid))
            return child
        parent.children[pid] = child
        if parent.gone:  # it went while answering: watch the child by itself
            parent.children.pop(pid, None)
            self._background(_watch_orphan(pid, child))
        return child

    async def close(self) -> None:
        """Retire every warm parent (each ends once its apps have) and wait until they have gone."""
        self._closing = True
        parents = [*self._retired, *([self._current] if self._current else [])]
        self._current = None
        for parent in parents:
            self._send(parent, {"retire": True})
        for parent in parents:
            try:
                await asyncio.wait_for(parent.process.wait(), RETIRE_SECONDS)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    parent.process.send_signal(signal.SIGKILL)
                await parent.process.wait()
            if parent.reader is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(parent.reader, RETIRE_SECONDS)
        self._retired.clear()


async def _watch_orphan(pid: int, child: WarmChild) -> None:
    """An app whose warm parent has gone (killed): it is no one's child here, so watch for its end by its pid."""
    while child.returncode is None:
        try:
            state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            state = "X"
        if state in ("Z", "X"):
            child.ended(-signal.SIGKILL)  # its real code went with its parent
            return
        await asyncio.sleep(0.5)
