"""The note-taker's round by touch in Chromium, through `workshop serve`: a phone (390x844) and a tablet (768x1024).

Chromium, headless, emulates a touch screen (Emulation.setTouchEmulationEnabled) and every step is
a tap (Input.dispatchTouchEvent: touchStart, touchEnd) on a word the app shows: write (the
phone's keyboard types with Input.insertText), "Gem", the "Noter" tab, the note's row, the
"Kategorier" tab, a category's button (on, then off), "Ret", "Gem", the round's button; on the
phone "≡", "Alle noter" and back (the footer's esc), "Skift station" and station 2. No key is
pressed. The session on disk shows each step. textual-serve's xterm.js turns a tap into the
mouse click the app reads (a browser's compatibility mouse events: xterm.js leaves touches alone
while the app asks for the mouse), so the page needs no script of its own for it.

Where a word is: the page's bytes are kept as a grid of cells (the app moves the cursor with
CSI row;col H before each run of text), and a cell's place on the page follows from the size of
xterm's screen and the columns and rows the page asked the app for. Screenshots of both sizes are
saved beside the test's files (phone-*.png, tablet-*.png).
"""

from __future__ import annotations

import asyncio
import base64
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_serve_browser import WATCH_THE_SCREEN, DevTools, page, png_pixels  # noqa: F401 (page: the fixture)

from workshop.serving.server import WorkshopServer
from workshop.storage.store import Store

KEEP_THE_GRID = r"""
(() => {
  // Test instrumentation, in the browser only: the terminal's cells as the app wrote them, and the size asked for.
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__size = null;
  window.__grid = [];
  let pending = "", row = 0, col = 0;
  function put(text) {
    for (const ch of text) {
      if (!window.__size) return;
      if (ch === "\r") { col = 0; continue; }
      if (ch === "\n") { row += 1; continue; }
      if (ch < " ") continue;
      const line = window.__grid[row];
      if (line && col < line.length) line[col] = ch;
      col += 1;
    }
  }
  function feed(text) {
    pending += text;
    const sequence = /\x1b(\[[0-9;?<>=!]*[ -\/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])/g;
    let last = 0, found;
    while ((found = sequence.exec(pending)) !== null) {
      put(pending.slice(last, found.index));
      const move = /^\[(\d*);?(\d*)H$/.exec(found[1]);
      if (move) { row = Number(move[1] || 1) - 1; col = Number(move[2] || 1) - 1; }
      last = sequence.lastIndex;
    }
    const rest = pending.slice(last);
    const open = rest.indexOf("\x1b");
    if (open === -1) { put(rest); pending = ""; } else { put(rest.slice(0, open)); pending = rest.slice(open); }
  }
  window.__rows = () => window.__grid.map((line) => line.join(""));
  window.__find = (text) => {
    const rows = window.__rows();
    for (let r = 0; r < rows.length; r++) {
      const c = rows[r].indexOf(text);
      if (c !== -1) return [r, c];
    }
    return null;
  };
  window.__findLast = (text) => {
    const rows = window.__rows();
    for (let r = rows.length - 1; r >= 0; r--) {
      const c = rows[r].indexOf(text);
      if (c !== -1) return [r, c];
    }
    return null;
  };
  function Watched(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    const send = socket.send.bind(socket);
    socket.send = (data) => {
      if (typeof data === "string" && data.startsWith('["resize"')) {
        const size = JSON.parse(data)[1];
        window.__size = [size.width, size.height];
        window.__grid = Array.from({ length: size.height }, () => Array(size.width).fill(" "));
      }
      return send(data);
    };
    socket.addEventListener("message", (event) => {
      if (event.data instanceof ArrayBuffer) feed(decoder.decode(new Uint8Array(event.data), { stream: true }));
    });
    return socket;
  }
  Watched.prototype = Native.prototype;
  Object.assign(Watched, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = Watched;
})();
"""

PHONE = (390, 844)
TABLET = (768, 1024)


async def find(browser: DevTools, text: str, timeout: float = 30) -> tuple[int, int]:
    """The cell (row, column) where ``text`` first shows, top down, once it does."""
    found = await browser.until(f"window.__find({text!r})", timeout)
    return int(found[0]), int(found[1])


async def tap(browser: DevTools, text: str, last: bool = False) -> None:
    """A finger's tap on the middle of ``text`` as the page shows it (``last``: its lowest place, a footer's)."""
    if last:
        found = await browser.until(f"window.__findLast({text!r})", 30)
        row, column = int(found[0]), int(found[1])
    else:
        row, column = await find(browser, text)
    box = await browser.evaluate(
        "(() => { const r = document.querySelector('.xterm-screen').getBoundingClientRect();"
        " return [r.left, r.top, r.width, r.height]; })()"
    )
    columns, rows = await browser.evaluate("window.__size")
    left, top, width, height = box
    x = left + (column + len(text) / 2) * width / columns
    y = top + (row + 0.5) * height / rows
    point = {"x": x, "y": y, "radiusX": 8, "radiusY": 8, "force": 1, "id": 1}
    await browser.call("Input.dispatchTouchEvent", type="touchStart", touchPoints=[point])
    await browser.call("Input.dispatchTouchEvent", type="touchEnd", touchPoints=[])
    await asyncio.sleep(0.3)  # a finger lifts and comes down again: the button's pressed look is over


def session_notes(path: Path) -> list[tuple[str, list[str], int]]:
    store = Store.open(path, readonly=True)
    try:
        names = {c.id: c.name for c in store.session.categories}
        return [(n.text, [names[c] for c in n.categories], n.round) for n in store.session.notes]
    finally:
        store.close()


async def until_saved(path: Path, wanted: Any, timeout: float = 15) -> None:
    deadline = time.perf_counter() + timeout
    while (found := session_notes(path)) != wanted:
        if time.perf_counter() > deadline:
            raise AssertionError(f"the session has {found}, not {wanted}")
        await asyncio.sleep(0.1)


async def screenshot(browser: DevTools, picture: Path) -> None:
    await asyncio.sleep(0.5)  # the last frame painted
    shot = base64.b64decode((await browser.call("Page.captureScreenshot", format="png"))["data"])
    picture.write_bytes(shot)
    _, _, pixels = png_pixels(shot)
    colours = Counter(pixels)
    assert colours.most_common(1)[0][1] / len(pixels) < 0.97, f"the screenshot is nearly one colour: {picture}"


@pytest.mark.parametrize("device", [PHONE, TABLET], ids=["phone-390x844", "tablet-768x1024"])
async def test_a_note_takers_round_by_touch_in_chromium(page, session_path, tmp_path, device):  # noqa: F811
    name = "phone" if device == PHONE else "tablet"
    width, height = device
    server = WorkshopServer(session_path, port=0)
    await server.start()
    try:
        await page.call("Page.enable")
        await page.call(
            "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=True
        )
        await page.call("Emulation.setTouchEmulationEnabled", enabled=True, maxTouchPoints=5)
        await page.call("Page.addScriptToEvaluateOnNewDocument", source=WATCH_THE_SCREEN + KEEP_THE_GRID)
        await page.call("Page.navigate", url=server.links.station("s1", "Bodil Browser"))
        await page.until("document.body && document.body.classList.contains('-first-byte')", 60)
        await find(page, "Gem", 60)
        columns, rows = await page.evaluate("window.__size")
        if name == "phone":
            assert 38 <= columns < 60, columns  # a phone held upright: some 40 columns
            await find(page, "Kategorier")  # the tab bar
        else:
            assert columns >= 60 and rows >= 32, (columns, rows)

        # Write: a tap in the note field, the phone's keyboard, a tap on "Gem".
        await tap(page, "Ny note")
        await page.call("Input.insertText", text="Flere cykelstier")
        await tap(page, "Gem")
        await until_saved(session_path, [("Flere cykelstier", [], 1)])
        await screenshot(page, tmp_path / f"{name}-written.png")

        # The list: on the phone its tab; a tap on the note's row selects it.
        if name == "phone":
            await tap(page, "Noter")
        await tap(page, "Flere cykel")  # the phone's table cuts a long note with "…"
        # Code it with a tap on a category's button, and take it off again.
        if name == "phone":
            await tap(page, "Kategorier")
        await tap(page, "1 Ledelse")
        await until_saved(session_path, [("Flere cykelstier", ["Ledelse"], 1)])
        await tap(page, "2 Uddannelse")
        await until_saved(session_path, [("Flere cykelstier", ["Ledelse", "Uddannelse"], 1)])
        await find(page, "✓ 1 Ledelse")
        await screenshot(page, tmp_path / f"{name}-coded.png")
        await tap(page, "1 Ledelse")
        await until_saved(session_path, [("Flere cykelstier", ["Uddannelse"], 1)])

        # Edit it: "Ret", the keyboard, "Gem".
        await tap(page, "Ret")
        await find(page, "Ret note")
        await page.call("Input.insertText", text=" ved skolen")
        await tap(page, "Gem")
        await until_saved(session_path, [("Flere cykelstier ved skolen", ["Uddannelse"], 1)])

        # Change round: the round's button, twice (round 1 chosen, then round 2), and a note in round 2.
        if name == "phone":
            await tap(page, "Skriv")
        await tap(page, "Runde 1 ▸")
        await tap(page, "Runde 1 · valgt")
        await find(page, "Runde 2 · valgt")
        await tap(page, "Ny note")
        await page.call("Input.insertText", text="Cykelparkering")
        await tap(page, "Gem")
        await until_saved(session_path, [("Flere cykelstier ved skolen", ["Uddannelse"], 1), ("Cykelparkering", [], 2)])
        await screenshot(page, tmp_path / f"{name}-round-2.png")

        # The phone's "≡": all notes and back (a tap on the footer's esc), then another station.
        if name == "phone":
            await tap(page, "≡")
            await tap(page, "Alle noter")
            await find(page, "Gennemsyn")
            await tap(page, "esc", last=True)
            await find(page, "Skift station")
            await tap(page, "Skift station")
            await find(page, "Vælg station")
            await tap(page, "Station 2")
            await page.until("window.__find('Vælg station') === null", 30)  # the dialog has closed
            await find(page, "Station 2 –")  # the top: station 2
            await find(page, "Ny note")  # back at writing
            await screenshot(page, tmp_path / f"{name}-station-2.png")
    finally:
        await server.close()
