"""An app process of ``workshop serve`` ends with its server, however the server ends (kill -9 included).

The server starts each browser's app with :data:`SERVER_PID` in its environment. The app, when it
sees that variable, calls :func:`watch` as it starts:

- on Linux it asks the kernel for SIGTERM when its parent dies (``prctl(PR_SET_PDEATHSIG)``
  through ctypes); Textual's web driver takes SIGTERM as "quit", so the app saves and ends;
- a watcher thread checks twice a second that the server is still there (its process id, and the
  parent the app started with) and that the server's end of the app's stdin is still open (a
  pipe whose writer has gone reports POLLHUP, read by ``poll`` without taking any input);
  otherwise it asks the app to quit (``on_orphaned``) and, should that not be done within
  :data:`GRACE_SECONDS`, ends the process.

Nothing here is needed for an app started in a terminal: without the variable, :func:`watch` does nothing.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable

SERVER_PID = "WORKSHOP_SERVE_PID"
"""The environment variable that names the server's process id (set by the server for its apps)."""

CHECK_SECONDS = 0.5
"""How often the watcher looks."""
GRACE_SECONDS = 5.0
"""How long the app may take to save and quit once its server has gone, before the process ends."""
EXIT_ORPHANED = 75
"""The exit code of an app that had to end itself because its server had gone."""

_PR_SET_PDEATHSIG = 1


def die_with_parent(number: int = signal.SIGTERM) -> bool:
    """Ask the kernel to send ``number`` to this process when its parent ends (Linux); True if it was set."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here: an app in a terminal never needs it
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, int(number), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def alive(pid: int) -> bool:
    """Is process ``pid`` there (one of another user's counts too)?"""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stdin_closed(descriptor: int = 0) -> bool:
    """Has the writer of ``descriptor`` (a pipe) gone? Read without taking any input; False for a terminal."""
    try:
        if os.isatty(descriptor):
            return False
        poller = select.poll()
        poller.register(descriptor, select.POLLHUP)
        events = poller.poll(0)
    except (OSError, ValueError, AttributeError):  # AttributeError: no poll() on this platform
        return False
    return any(event & (select.POLLHUP | select.POLLERR) for _, event in events)


def orphaned(server: int, parent: int) -> bool:
    """Has this app lost its server: the server's process gone, another parent, or stdin's writer gone?"""
    return os.getppid() != parent or not alive(server) or stdin_closed()


def watch(on_orphaned: Callable[[], object], *, grace: float = GRACE_SECONDS) -> bool:
    """When started by ``workshop serve`` (:data:`SERVER_PID` set): end with the server. True if watching.

    ``on_orphaned`` is called once, from the watcher thread, when the server has gone: it asks
    the app to quit (``app.exit``, which is safe from another thread). Then, after ``grace``
    seconds, the process ends whatever the app is doing.
    """
    given = os.environ.get(SERVER_PID, "")
    if not given.isdigit():
        return False
    server, parent = int(given), os.getppid()
    die_with_parent()
    thread = threading.Thread(
        target=_watching, args=(server, parent, on_orphaned, grace), name="workshop-lifeline", daemon=True
    )
    thread.start()
    return True


def _watching(server: int, parent: int, on_orphaned: Callable[[], object], grace: float) -> None:
    while not orphaned(server, parent):
        time.sleep(CHECK_SECONDS)
    with contextlib.suppress(Exception):  # the app may be ending already; the process ends anyway
        on_orphaned()
    time.sleep(grace)
    os._exit(EXIT_ORPHANED)
