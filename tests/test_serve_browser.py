"""`workshop serve` in a real browser: Debian's Chromium, headless, driven over its DevTools protocol.

A join link is opened, the capture screen appears, a note is typed with the keyboard and saved
with ctrl+s, and the note is in the session with the name from the link. A screenshot shows the
capture screen (saved beside the test's files, to look at). The page asks nothing of the internet.

Chromium comes from Debian (``apt-get install chromium``; .ci/run installs it). Nothing here
downloads a browser. Without Chromium this test fails, with the line that installs it.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import re
import shutil
import struct
import time
import zlib
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from workshop.serving.server import WorkshopServer
from workshop.storage.store import Store
from workshop.words import word

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1100,700",
]

WATCH_THE_SCREEN = r"""
(() => {
  // Test instrumentation, in the browser only: keep what the app draws as text, escape sequences removed.
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__screen = "";
  function Watched(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      if (event.data instanceof ArrayBuffer) {
        const text = decoder.decode(new Uint8Array(event.data), { stream: true });
        window.__screen += text.replace(/\x1b\[[0-9;?<>=!]*[ -\/]*[@-~]/g, "");
      }
    });
    return socket;
  }
  Watched.prototype = Native.prototype;
  Object.assign(Watched, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = Watched;
})();
"""


def chromium() -> str:
    """Debian's Chromium; without it the test fails (never skipped: .ci/run installs it)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Debian's chromium is not installed: apt-get install chromium (.ci/run does)")
    return found


class DevTools:
    """One page of the browser over the DevTools protocol: call a method, get its result."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        await self.socket.send_json({"id": number, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.socket.receive_json(), 30)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result
            if "method" in message:
                self.events.append(message)

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def until(self, expression: str, timeout: float) -> Any:
        """Wait until ``expression`` is true in the page; its value."""
        deadline = time.perf_counter() + timeout
        while True:
            value = await self.evaluate(expression)
            if value:
                return value
            if time.perf_counter() > deadline:
                raise AssertionError(f"{expression} was not true within {timeout} s")
            await asyncio.sleep(0.1)

    async def key(self, key: str, code: str, number: int, modifiers: int = 0) -> None:
        """A key pressed and released, as the keyboard sends it (modifiers: 2 is ctrl)."""
        common = {"key": key, "code": code, "windowsVirtualKeyCode": number, "nativeVirtualKeyCode": number}
        await self.call("Input.dispatchKeyEvent", type="rawKeyDown", modifiers=modifiers, **common)
        await self.call("Input.dispatchKeyEvent", type="keyUp", modifiers=modifiers, **common)


@pytest.fixture
async def page(tmp_path: Path) -> AsyncIterator[DevTools]:
    """A fresh headless Chromium with one blank page, ended after the test."""
    executable = chromium()
    profile = tmp_path / "chromium-profile"
    process = await asyncio.create_subprocess_exec(
        executable,
        *FLAGS,
        f"--user-data-dir={profile}",
        "about:blank",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    try:
        address = None
        deadline = time.perf_counter() + 60
        while address is None and time.perf_counter() < deadline:
            line = (await asyncio.wait_for(process.stderr.readline(), 60)).decode(errors="replace")
            assert line, "chromium ended before it listened for DevTools"
            found = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            address = found and found.group(1)
        assert address, "chromium did not say where DevTools listens"
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{address}/json/list") as response:
                targets = await response.json()
            target = next(t for t in targets if t["type"] == "page")
            socket = await http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0)
            yield DevTools(socket)
            await socket.close()
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 10)
            except TimeoutError:
                process.kill()
                await process.wait()


def png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """(width, height, every pixel) of an 8-bit RGB or RGBA PNG, as Chromium's screenshots are."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat = 8, b""
    width = height = colour = 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    pixels: list[tuple[int, ...]] = []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[i] = (line[i] + near[2]) & 0xFF
        pixels += [tuple(line[i : i + 3]) for i in range(0, stride, channels)]
        previous = line
    return width, height, pixels


async def test_a_note_typed_in_chromium_on_a_join_link_is_in_the_session(page, session_path, tmp_path):
    server = WorkshopServer(session_path, port=0)
    await server.start()
    try:
        link = server.links.station("s1", "Bodil Browser")
        await page.call("Network.enable")
        await page.call("Page.enable")
        await page.call("Page.addScriptToEvaluateOnNewDocument", source=WATCH_THE_SCREEN)
        await page.call("Page.navigate", url=link)
        # The terminal has its first output, then the app has drawn the capture screen.
        await page.until("document.body && document.body.classList.contains('-first-byte')", 60)
        await page.until(f"window.__screen.includes({word('new_note', 'da')!r})", 60)
        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await page.call("Input.insertText", text="Flere cykelstier – især ved skolen")
        await page.key("s", "KeyS", 83, modifiers=2)  # ctrl+s
        # The browser shows the saved note in the station's table, and it is in the session.
        await page.until(r"/\d\d[.:]\d\d\s+1\s+Flere cykelstier/.test(window.__screen)", 30)
        deadline = time.perf_counter() + 10
        notes: list[Any] = []
        while not notes and time.perf_counter() < deadline:
            store = Store.open(session_path, readonly=True)
            notes = [(n.text, n.author, n.station) for n in store.session.notes]
            store.close()
            await asyncio.sleep(0.1)
        assert notes == [("Flere cykelstier – især ved skolen", "Bodil Browser", "s1")]
        await asyncio.sleep(0.5)  # the last frame painted
        shot = base64.b64decode((await page.call("Page.captureScreenshot", format="png"))["data"])
    finally:
        await server.close()
    picture = tmp_path / "capture-screen.png"
    picture.write_bytes(shot)
    width, height, pixels = png_pixels(shot)
    assert width >= 800 and height >= 400
    colours = Counter(pixels)
    _, most = colours.most_common(1)[0]
    assert most / len(pixels) < 0.97, f"the screenshot is nearly one colour: {picture}"
    assert len(colours) > 20, f"the screenshot has only {len(colours)} colours: {picture}"
    # Everything the page asked for came from the server itself: no font or script from the internet.
    requested = [e["params"]["request"]["url"] for e in page.events if e["method"] == "Network.requestWillBeSent"]
    assert requested and all(url.startswith(server.public_url) for url in requested), requested


async def test_after_a_restart_the_open_tab_comes_back_by_itself(page, session_path):
    """Restarting `workshop serve` (same session, same port, the kept token): the tab reconnects, no click."""
    from workshop.serving.announce import kept_token

    token, _ = kept_token(session_path)
    first = WorkshopServer(session_path, token=token, port=0)
    await first.start()
    port = first.port
    link = first.links.station("s1", "Bodil Browser")
    await page.call("Page.enable")
    await page.call("Page.addScriptToEvaluateOnNewDocument", source=WATCH_THE_SCREEN)
    await page.call("Page.navigate", url=link)
    await page.until(f"window.__screen.includes({word('new_note', 'da')!r})", 60)
    await page.evaluate("window.__before_the_restart = true")
    await first.close()
    # The page says it is trying again (in the session's language), then finds the server back.
    await page.until("document.body.classList.contains('-reconnecting')", 30)
    assert await page.evaluate("getComputedStyle(document.querySelector('.reconnecting')).display") == "block"
    again, _ = kept_token(session_path)
    second = WorkshopServer(session_path, token=again, port=port)
    await second.start()
    try:
        await page.until(f"!window.__before_the_restart && window.__screen.includes({word('new_note', 'da')!r})", 60)
        assert len(second.started) == 1
    finally:
        await second.close()


async def test_a_browser_export_downloads_every_document(page, session_path, tmp_path):
    """F5 in the secretariat, in Chromium: every document arrives, in one zip (no pop-up to block)."""
    import io
    import zipfile

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    server = WorkshopServer(session_path, port=0)
    await server.start()
    try:
        try:
            await page.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads))
        except RuntimeError:  # an older Chromium: the page's own method
            await page.call("Page.setDownloadBehavior", behavior="allow", downloadPath=str(downloads))
        await page.call("Page.enable")
        await page.call("Page.addScriptToEvaluateOnNewDocument", source=WATCH_THE_SCREEN)
        await page.call("Page.navigate", url=server.links.secretariat())
        await page.until(f"window.__screen.includes({word('summary', 'da')!r})", 60)
        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await page.key("F5", "F5", 116)
        deadline = time.perf_counter() + 120
        arrived = downloads / "evening-dokumenter.zip"
        while not arrived.exists() and time.perf_counter() < deadline:
            await asyncio.sleep(0.2)
        assert arrived.exists(), sorted(p.name for p in downloads.iterdir())
    finally:
        await server.close()
    names = sorted(zipfile.ZipFile(io.BytesIO(arrived.read_bytes())).namelist())
    written = sorted(p.name for p in (session_path.parent.parent / "exports").iterdir())
    assert names == written and len(names) >= 7


async def test_a_printed_table_card_scans_as_its_stations_link(page, session_path, tmp_path):
    """The card `workshop serve --cards` writes, as Chromium draws it: its QR code reads as the link."""
    import subprocess

    from workshop.serving.cards import write_cards
    from workshop.serving.links import Links

    links = Links("http://192.168.1.23:8000", "Kaffe-og-kage-2026-aften")
    stations = [("Station 1 – Ledelse som fag", links.station("s1")), ("Station 2 – Uddannelse", links.station("s2"))]
    cards = write_cards(session_path, tmp_path / "exports", "Udvalget", "da", stations)
    await page.call("Page.enable")
    await page.call("Page.navigate", url=cards.as_uri())
    await page.until("document.readyState === 'complete' && document.querySelectorAll('svg').length === 2", 30)
    shot = base64.b64decode((await page.call("Page.captureScreenshot", format="png"))["data"])
    picture = tmp_path / "card.png"
    picture.write_bytes(shot)
    assert shutil.which("zbarimg"), "the QR reader zbarimg is missing: apt-get install zbar-tools (.ci/run does)"
    found = subprocess.run(["zbarimg", "--quiet", "--raw", str(picture)], capture_output=True, text=True)
    assert found.stdout.split() == [links.station("s1")], picture
