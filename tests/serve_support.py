"""What the `workshop serve` tests share: the token, the server and browser fixtures, real processes.

The server runs in the test's event loop (``WorkshopServer.start``); each browser is a real app
process (`python -m workshop run ...`) driven through the page and the websocket as a browser's
script drives it (``workshop.serving.client.Browser``). ``serve_process`` runs `workshop serve`
itself as a process, for Ctrl+C and kill -9. conftest.py makes the fixtures every test's.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import aiohttp
import pytest
from workshop_process import child_env

from workshop.model.session import Note
from workshop.serving.client import Browser
from workshop.serving.server import WorkshopServer
from workshop.storage.store import Store
from workshop.words import word

TOKEN = "Proeveaftenens-adgangsnoegle-42"
T = TypeVar("T")


def notes_in(session_path: Path) -> list[Note]:
    """The notes as any other instance reads them from the session (file and journal)."""
    store = Store.open(session_path, readonly=True)
    try:
        return list(store.session.notes)
    finally:
        store.close()


async def eventually(check: Callable[[], T | None], timeout: float, step: float = 0.05) -> T:
    """``check()`` once it returns something, polled until ``timeout`` seconds have passed."""
    deadline = time.perf_counter() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.perf_counter() > deadline:
            raise AssertionError(f"not within {timeout} s")
        await asyncio.sleep(step)


# Processes, from /proc --------------------------------------------------------------------------


def alive(pid: int) -> bool:
    """Is process ``pid`` still there (a zombie counts as gone)?"""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"


def parent_of(pid: int) -> int:
    """The parent process of ``pid``, from /proc."""
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _below() -> dict[int, list[int]]:
    """Every process's children, by parent."""
    below: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                below.setdefault(parent_of(int(entry.name)), []).append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
    return below


def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from /proc."""
    return _below().get(pid, [])


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children, their children, ...), from /proc."""
    below = _below()
    found, todo = [], [pid]
    while todo:
        for child in below.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


# The server and its browsers ----------------------------------------------------------------------


@pytest.fixture
async def server(session_path: Path) -> AsyncIterator[WorkshopServer]:
    """`workshop serve` on the made-up evening as it starts by default (with its warm parent),
    listening on 127.0.0.1 at a free port; when it closes, no app it started runs on."""
    served = WorkshopServer(session_path, token=TOKEN, port=0)
    await served.start()
    yield served
    await served.close()
    assert not any(service.running for service in served.started)


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    """A browser with no cookie yet (so no token but what a request carries itself)."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        yield session


async def opened(link: str, *, ready: str | None = None, width: int = 100, height: int = 30) -> Browser:
    """A browser on ``link`` whose app has drawn ``ready`` (default: the capture field)."""
    browser = Browser(link, width=width, height=height)
    await browser.open()
    await browser.wait_for(ready or word("new_note", "da"), timeout=30)
    return browser


async def type_note(browser: Browser, text: str) -> float:
    """Type a note and save it with ctrl+s; when ctrl+s was sent."""
    await browser.send(text)
    return await browser.send("\x13")


# `workshop serve` as a process of its own -----------------------------------------------------------


@contextmanager
def serve_process(
    session_path: Path, *arguments: str, stderr: int = subprocess.PIPE
) -> Iterator[subprocess.Popen[str]]:
    """`workshop serve SESSION --port 0 ARGUMENTS...` run from this checkout, its output read as text;
    killed when the test leaves it running, its pipes closed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop", "serve", str(session_path), "--port", "0", *arguments],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=child_env(),
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


async def printed_until(process: subprocess.Popen[str], *starts: str) -> list[str]:
    """The lines ``process`` prints, up to and with the first that starts with one of ``starts``."""
    assert process.stdout is not None
    printed: list[str] = []
    while not printed or not printed[-1].startswith(starts):
        line = await asyncio.to_thread(process.stdout.readline)
        assert line, "workshop serve ended before printing its links"
        printed.append(line)
    return printed


def base_of(facilitator_line: str) -> str:
    """The server's address from the line that prints the facilitator's link."""
    return facilitator_line.split()[-1].split("/?")[0]


async def anna_and_bo(base: str) -> tuple[Browser, Browser]:
    """Anna at station 1 and Bo at station 2, through the links of a `workshop serve` at ``base``."""
    anna, bo = await asyncio.gather(
        opened(f"{base}/?token={TOKEN}&station=s1&name=Anna"), opened(f"{base}/?token={TOKEN}&station=s2&name=Bo")
    )
    return anna, bo


async def ctrl_c(process: subprocess.Popen[str], *browsers: Browser) -> tuple[str, str]:
    """Ctrl+C to a `workshop serve` process; what it printed (out, err) once it ended. The browsers close after."""
    process.send_signal(signal.SIGINT)
    out, err = await asyncio.to_thread(process.communicate, timeout=30)
    await asyncio.gather(*(browser.close() for browser in browsers))
    return out, err


def assert_stopped_cleanly(
    process: subprocess.Popen[str], out: str, err: str, pids: list[int], session_path: Path, note: str
) -> None:
    """After Ctrl+C: `workshop serve` said it stopped, none of ``pids`` runs on, Anna's ``note`` is saved, and
    each of the two apps quit when asked (it saves as it ends): none had to be stopped by a signal."""
    assert process.returncode == 0, err
    assert "workshop serve er stoppet; ingen app-processer kører." in out
    assert not [pid for pid in pids if alive(pid)]
    assert [(n.author, n.text) for n in notes_in(session_path)] == [("Anna", note)]
    assert "lukkede ikke selv" not in err
    assert err.count("lukket: station") == 2
