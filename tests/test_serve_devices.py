"""`workshop serve` with several devices: each browser is a person of its own (issue 17).

Real app processes driven through the page and the websocket (``workshop.serving.client.Browser``),
each browser with its own cookies, as in test_serve.py. A browser that comes back (a reload, a new
tab, the server restarted) brings its cookies with it: :class:`Device` keeps them between tabs.
"""

from __future__ import annotations

import asyncio
import getpass
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from serve_support import TOKEN, eventually, notes_in
from test_serve_browser import WATCH_THE_SCREEN, page  # noqa: F401 - page: the Chromium fixture

from workshop.serving.client import Browser
from workshop.serving.devices import COOKIE, device_id
from workshop.serving.server import WorkshopServer
from workshop.storage import drafts
from workshop.storage.store import Store
from workshop.words import word

ASKED = word("who_writes", "da")
FIELD = word("new_note", "da")
CTRL_S, CTRL_Q, CTRL_Z, ESC, ENTER = "\x13", "\x11", "\x1a", "\x1b", "\r"


class Device:
    """One browser: its cookies outlive its tabs."""

    def __init__(self) -> None:
        self.jar = aiohttp.CookieJar(unsafe=True)

    async def open(self, link: str, ready: str) -> Browser:
        browser = Browser(link, width=100, height=30, cookies=self.jar)
        await browser.load()
        await browser.connect()
        await browser.wait_for(ready, timeout=30)
        return browser

    @property
    def id(self) -> str:
        """The device id the app was given (from the browser's cookie)."""
        cookie = next(c for c in self.jar if c.key == COOKIE)
        return device_id(cookie.value)


async def close(browser: Browser) -> None:
    """Close the tab (its cookies stay with the Device's jar)."""
    await browser.close()


async def keys(browser: Browser, *presses: str) -> None:
    """Press keys one after another, as a person does (an Esc on its own is Esc, not alt+the next key)."""
    for press in presses:
        await browser.send(press)
        await asyncio.sleep(0.3)


@pytest.fixture
async def server(session_path: Path) -> AsyncIterator[WorkshopServer]:
    served = WorkshopServer(session_path, token=TOKEN, port=0, announce=False)
    await served.start()
    yield served
    await served.close()


def draft_of(session_path: Path, device: str, place: str) -> str | None:
    """A device's draft as another program reads it from the journal."""
    store = Store.open(session_path, readonly=True)
    store.device = device
    try:
        kept = drafts.draft(store, place)
        return None if kept is None else kept.text
    finally:
        store.close()


async def test_two_browsers_on_one_station_link_are_each_asked_their_name(server, session_path):
    anna, bo = Device(), Device()
    first = await anna.open(server.links.station("s2"), ASKED)
    await first.send("Åse" + ENTER)
    await first.wait_for(word("signed_as", "da", name="Åse"), 30)
    await first.send("Fra Åses tablet" + CTRL_S)
    await eventually(lambda: notes_in(session_path), 30)
    second = await bo.open(server.links.station("s2"), ASKED)  # asked too: never signed "Åse"
    await second.send(ESC)
    await second.wait_for(FIELD, 30)
    await asyncio.sleep(0.3)  # the dialog closes before the keys of the note
    await second.send("Uden navn" + CTRL_S)
    notes = await eventually(lambda: [n for n in notes_in(session_path) if n.text == "Uden navn"], 30)
    await asyncio.gather(close(first), close(second))
    assert notes[0].author == "Notetager 1, station 2" != getpass.getuser()
    assert [n.author for n in notes_in(session_path) if n.text == "Fra Åses tablet"] == ["Åse"]
    # The same browser again (a new tab): not asked, its name is remembered for it.
    again = await anna.open(server.links.station("s2"), FIELD)
    await again.send("Igen fra Åses tablet" + CTRL_S)
    notes = await eventually(lambda: [n for n in notes_in(session_path) if n.text.startswith("Igen")], 30)
    await close(again)
    assert notes[0].author == "Åse"


async def test_one_browsers_undo_never_changes_anothers_notes_even_under_the_same_name(server, session_path):
    one, two = Device(), Device()
    first, second = await asyncio.gather(
        one.open(server.links.station("s1", "Kim"), FIELD), two.open(server.links.station("s1", "Kim"), FIELD)
    )
    await first.send("Kims første note" + CTRL_S)
    await eventually(lambda: notes_in(session_path), 30)
    since = len(second.frames)
    await keys(second, ESC, CTRL_Z)
    await second.wait_for(word("nothing_to_undo", "da"), 30, since)
    await asyncio.gather(close(first), close(second))
    assert [n.text for n in notes_in(session_path)] == ["Kims første note"]
    # The first browser, back after its tab was closed, takes back its own note.
    again = await one.open(server.links.station("s1", "Kim"), FIELD)
    await keys(again, ESC, CTRL_Z)
    await eventually(lambda: not notes_in(session_path), 30)
    await close(again)


async def test_a_note_typed_before_the_tab_closed_is_back_when_the_browser_returns(server, session_path):
    device = Device()
    tab = await device.open(server.links.station("s3", "Lis"), FIELD)
    await tab.send("Halvskrevet note om parkering")
    await close(tab)  # the websocket closes: the server ends the app, which keeps the draft
    kept = await eventually(lambda: draft_of(session_path, device.id, "note:s3"), 30)
    assert kept == "Halvskrevet note om parkering"
    back = await device.open(server.links.station("s3", "Lis"), "Halvskrevet note om parkering")
    await back.send(CTRL_S)
    await eventually(lambda: [n for n in notes_in(session_path) if n.text == "Halvskrevet note om parkering"], 30)
    await close(back)


async def test_ctrl_q_in_a_browser_says_the_note_is_kept_and_it_comes_back(server, session_path):
    device = Device()
    tab = await device.open(server.links.station("s1", "Mo"), FIELD)
    await tab.send("Note før ctrl+q")
    await asyncio.sleep(0.3)
    await tab.send(CTRL_Q)
    await tab.wait_for("kladde", 30)
    await asyncio.wait_for(tab.closed.wait(), 30)
    await close(tab)
    back = await device.open(server.links.station("s1", "Mo"), "Note før ctrl+q")
    await close(back)
    assert notes_in(session_path) == []


async def test_a_note_typed_before_the_server_stopped_is_there_after_a_restart(session_path):
    device = Device()
    served = WorkshopServer(session_path, token=TOKEN, port=0, announce=False)
    await served.start()
    link = served.links.station("s2", "Per")
    tab = await device.open(link, FIELD)
    await tab.send("Skrevet lige før serveren stoppede")
    await asyncio.sleep(0.3)
    await served.close()  # Ctrl+C in the facilitator's terminal: every app asked to quit
    await close(tab)
    assert draft_of(session_path, device.id, "note:s2") == "Skrevet lige før serveren stoppede"
    again = WorkshopServer(session_path, token=TOKEN, port=0, announce=False)
    await again.start()
    try:
        back = await device.open(again.links.station("s2", "Per"), "Skrevet lige før serveren stoppede")
        await close(back)
    finally:
        await again.close()


async def test_a_summary_typed_before_its_app_was_killed_is_saved_when_the_browser_returns(server, session_path):
    device = Device()
    tab = await device.open(server.links.secretariat(), word("summary", "da"))
    await asyncio.sleep(0.5)
    await tab.send("Konklusion skrevet før et nedbrud")
    await eventually(
        lambda: draft_of(session_path, device.id, "summary:overall") == "Konklusion skrevet før et nedbrud", 30
    )
    (service,) = list(server.live)
    os.killpg(service.pid, signal.SIGKILL)  # a crash: nothing saved on the way out
    await close(tab)
    back = await device.open(server.links.secretariat(), "Konklusion skrevet")

    def overall() -> str:
        store = Store.open(session_path, readonly=True)
        try:
            return store.session.summary.overall
        finally:
            store.close()

    assert await eventually(overall, 30) == "Konklusion skrevet før et nedbrud"
    await close(back)


async def test_in_chromium_the_footer_shows_keys_the_browser_passes_on_and_they_work(page, session_path):  # noqa: F811
    server = WorkshopServer(session_path, port=0, announce=False)
    await server.start()
    try:
        await page.call("Page.enable")
        await page.call("Page.addScriptToEvaluateOnNewDocument", source=WATCH_THE_SCREEN)
        await page.call("Page.navigate", url=server.links.station("s1", "Bodil Browser"))
        await page.until(f"window.__screen.includes({FIELD!r})", 60)
        await page.until("window.__screen.includes('^g')", 30)  # the footer: ctrl+g, not ctrl+t, changes station
        assert not await page.evaluate("window.__screen.includes('^t')")
        assert not await page.evaluate("document.cookie.includes('workshop_device')")  # HttpOnly: not the page's
        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await page.key("Escape", "Escape", 27)
        await asyncio.sleep(0.3)
        await page.key("g", "KeyG", 71, modifiers=2)  # ctrl+g: Chromium passes it on
        await page.until(f"window.__screen.includes({word('choose_station', 'da')!r})", 30)
    finally:
        await server.close()
