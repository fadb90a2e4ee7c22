"""One browser's app process: ``python -m workshop run SESSION --mode ... --station ... --author ...``.

textual-serve starts the app with ``create_subprocess_shell(command)``; here it is started from an
argument list (``create_subprocess_exec``), so a station id or a name from a link is one argument
to ``workshop run`` and nothing a browser sends ever reaches a shell. The options are written
``--author=NAME``, so a name that begins with ``-`` is still a name.

The process runs in a session of its own: Ctrl+C in the facilitator's terminal reaches the server
only, and the server ends each app in order (asks it to quit, so it saves; then SIGTERM; then SIGKILL).

With a warm parent (:mod:`workshop.serving.warm_parent`, the default of ``workshop serve``), the same
arguments after ``python -m workshop`` go to it as data and the app is forked from it instead of
started afresh: the same pipes, environment and process session, a start without the imports. An
argument list of another program (a test's app) is always started the cold way.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import signal
import sys
from asyncio.subprocess import PIPE, Process
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from workshop.serving.links import Launch

if TYPE_CHECKING:
    from workshop.serving.warm_parent import WarmParent

QUIT_SECONDS = 5.0
"""How long an app may take to save and quit when asked, before it is terminated."""
TERMINATE_SECONDS = 2.0
"""How long after SIGTERM before SIGKILL."""
FIRST_SCREEN_BYTES = 512
"""An app's first write at least this long is its first screen (the driver's set-up sequences are shorter)."""


def app_argv(session: Path, launch: Launch) -> list[str]:
    """The argument list that opens ``launch`` on ``session``: the same Python, ``-m workshop run``, no shell."""
    argv = [sys.executable, "-m", "workshop", "run", str(session.resolve()), f"--mode={launch.mode}"]
    if launch.station:
        argv.append(f"--station={launch.station}")
    if launch.name:
        argv.append(f"--author={launch.name}")
    if launch.device:  # the browser's own device (workshop.serving.devices): its name, undo and drafts
        argv.append(f"--device={launch.device}")
    return argv


def workshop_arguments(argv: Sequence[str]) -> list[str] | None:
    """The arguments after ``python -m workshop`` when ``argv`` starts this very program that way; else None."""
    if len(argv) > 3 and argv[0] == sys.executable and list(argv[1:3]) == ["-m", "workshop"]:
        return list(argv[3:])
    return None


def app_environment(width: int = 80, height: int = 24) -> dict[str, str]:
    """The environment textual-serve gives an app (its web driver, colours, the terminal's size)."""
    bare = AppService.__new__(AppService)
    bare.debug = False
    return bare._build_environment(width=width, height=height)  # noqa: SLF001 - checked in test_textual_serve_compat


class AppProcess(AppService):
    """textual-serve's app service, started from an argument list and always ended, whatever the app does."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        download_manager: DownloadManager,
        label: str = "",
        warm: WarmParent | None = None,
    ) -> None:
        # textual-serve keeps a command string; here it is only ever shown, never run.
        super().__init__(
            shlex.join(argv),
            write_bytes=write_bytes,
            write_str=write_str,
            close=close,
            download_manager=download_manager,
        )
        self.argv = list(argv)
        self.label = label
        """What this app is, for the server's log ("station s2, Anna"); never the link or the token."""
        self._stopped = asyncio.Event()
        self._stopping = False
        self._run_task: asyncio.Task[None] | None = None
        self.forced = False
        """True when the app did not quit when asked and had to be ended by a signal."""
        self.warm = warm
        self.forked = False
        """True when the app was forked from the warm parent (not started afresh)."""
        self._first_output: Callable[[], None] | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        """Start the app from :attr:`argv`, without a shell, in a process session of its own."""
        environment = self._build_environment(width=width, height=height)
        arguments = workshop_arguments(self.argv)
        if self.warm is not None and arguments is not None:
            child = await self.warm.spawn(arguments, environment)
            if child is not None:  # what create_subprocess_exec gives, forked from the warm parent
                self.forked = True
                self._first_output = child.started_up
                self._process = cast(Process, child)
                self._stdin = child.stdin
                return cast(Process, child)
        process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=PIPE,
            stdout=PIPE,
            stderr=PIPE,
            env=environment,
            start_new_session=True,
        )
        assert process.stdin is not None
        self._process = process
        self._stdin = process.stdin
        return process

    async def start(self, width: int, height: int) -> None:
        """Start the app process and the task that relays its output (kept here, so stop can wait for it)."""
        await self._open_app_process(width, height)
        self._run_task = asyncio.create_task(self.run())

    async def on_data(self, payload: bytes) -> None:
        """The app's output to the browser; its first large write is its first screen (the next app may start).

        (Before it, textual's web driver writes a few short sequences: the alternate screen, the mouse.)
        """
        if self._first_output is not None and len(payload) >= FIRST_SCREEN_BYTES:
            first, self._first_output = self._first_output, None
            first()
        await super().on_data(payload)

    @property
    def pid(self) -> int | None:
        """The app process's id, once started."""
        return None if self._process is None else self._process.pid

    @property
    def running(self) -> bool:
        """Is the app process there and not yet ended?"""
        return self._process is not None and self._process.returncode is None

    async def stop(self) -> None:
        """End the app: ask it to quit (it saves), then SIGTERM, then SIGKILL; wait until it has gone.

        Safe to call more than once and from several places (the browser leaving, the server stopping).
        """
        if self._stopping:
            await self._stopped.wait()
            return
        self._stopping = True
        try:
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
            process = self._process
            if process is not None and process.returncode is None:
                await self.send_meta({"type": "quit"})
                if not await _ended_within(process, QUIT_SECONDS):
                    self.forced = True
                    _signal_group(process, signal.SIGTERM)
                    if not await _ended_within(process, TERMINATE_SECONDS):
                        _signal_group(process, signal.SIGKILL)
                        await process.wait()
            if self._run_task is not None:
                task, self._run_task = self._run_task, None
                try:
                    await asyncio.wait_for(task, TERMINATE_SECONDS)
                except (TimeoutError, asyncio.CancelledError):
                    task.cancel()
        finally:
            self._stopped.set()

    @property
    def failed(self) -> int | None:
        """The app's exit code when it ended by itself with an error (not when the server ended it); else None."""
        process = self._process
        if process is None or process.returncode in (None, 0) or self.forced:
            return None
        return process.returncode

    def kill_now(self) -> bool:
        """The last resort when the server itself is going: SIGKILL the app if it is still there (then True)."""
        if self._process is None or self._process.returncode is not None:
            return False
        self.forced = True
        _signal_group(self._process, signal.SIGKILL)
        return True


async def _ended_within(process: Process, seconds: float) -> bool:
    try:
        await asyncio.wait_for(process.wait(), seconds)
    except TimeoutError:
        return False
    return True


def _signal_group(process: Process, number: signal.Signals) -> None:
    """Signal the app and anything it started (its own process group); gone already is fine."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, number)
