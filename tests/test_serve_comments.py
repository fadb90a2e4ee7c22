"""The comment round through `workshop serve`: a comment link opens a real app process that can only comment.

Driven as a browser drives it, through the websocket protocol (:class:`workshop.serving.client.Browser`):
a member's comment lands in the session, and the keys that edit notes and recommendations elsewhere
(F2-F4 to another mode, ctrl+n, ctrl+r, F8, ctrl+s) change nothing.
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from serve_support import TOKEN, eventually, opened

from workshop.cli.serve import print_start
from workshop.model.session import Session
from workshop.serving.links import read_link
from workshop.serving.server import WorkshopServer
from workshop.storage.store import Store
from workshop.words import word

MEETING = Path(__file__).resolve().parents[1] / "sessions" / "meeting-3.toml"

F2, F3, F4, F8 = "\x1bOQ", "\x1bOR", "\x1bOS", "\x1b[19~"
CTRL_E, CTRL_N, CTRL_R, CTRL_S = "\x05", "\x0e", "\x12", "\x13"
ENTER = "\r"
ELSEWHERE = (F2, F3, F4, CTRL_N, CTRL_R, F8, CTRL_S, F2)
"""Keys that change the mode, make, retitle or delete a recommendation or save a text in the other modes."""


def session_of(path: Path) -> Session:
    """The session as any other instance reads it (file and journal)."""
    store = Store.open(path, readonly=True)
    try:
        return store.session.model_copy(deep=True)
    finally:
        store.close()


def two_comments(path: Path) -> Session | None:
    """The session once it holds two comments."""
    session = session_of(path)
    return session if len(session.comments) >= 2 else None


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    """Meeting 3's drafts (no series beside it: the round is open) with one note of the evening."""
    path = tmp_path / "meeting-3.toml"
    shutil.copy(MEETING, path)
    with Store.open(path, author="Notetager") as store:
        store.add_note(store.session.stations[0].id, 1, "Nye ledere savner en mentor")
        store.fold()
    return path


@pytest.fixture
async def server(meeting: Path) -> AsyncIterator[WorkshopServer]:
    served = WorkshopServer(meeting, token=TOKEN, port=0)
    await served.start()
    yield served
    await served.close()


def test_a_comment_link_asks_for_the_comment_mode_and_never_a_station():
    links_query = {"token": TOKEN, "mode": "comment", "station": "s1", "name": "Karen Holt"}
    launch = read_link(links_query, ["s1", "s2"], "meeting-3.toml")
    assert (launch.mode, launch.station, launch.name) == ("comment", None, "Karen Holt")


async def test_a_comment_made_through_a_comment_link_lands_in_the_session_and_nothing_else_changes(server, meeting):
    before = session_of(meeting)
    assert "mode=comment" in server.links.comment()
    link = server.links.comment("Karen Holt")
    browser = await opened(link, ready=word("comment_round_open", "da"), width=120, height=36)
    try:
        for keys in ELSEWHERE:  # from the list of sections
            await browser.send(keys)
        await browser.send(CTRL_E)  # write on the section under the cursor: the first draft's first
        await browser.wait_for(word("comment_line_keys", "da"), 30)  # the comment line has the keys now
        await browser.send("Tak for udkastet – husk souschefer")
        await browser.send(ENTER)
        said = await eventually(lambda: session_of(meeting).comments, 30)
        for keys in ELSEWHERE:  # from the comment line
            await browser.send(keys)
        await browser.send("Anden kommentar")
        await browser.send(ENTER)
        after = await eventually(lambda: two_comments(meeting), 30)
    finally:
        await browser.close()
    assert [(c.author, c.recommendation, c.section, c.text) for c in said] == [
        ("Karen Holt", before.recommendations[0].id, "intro", "Tak for udkastet – husk souschefer")
    ]
    assert [c.text for c in after.comments][-1] == "Anden kommentar"
    assert after.notes == before.notes
    assert after.recommendations == before.recommendations
    assert after.themes == before.themes and after.summary == before.summary
    assert [service.argv[5] for service in server.started] == ["--mode=comment"]


async def test_serve_prints_the_comment_link_at_the_start(server, meeting, capsys):
    print_start(server, argparse.Namespace(session=meeting, no_qr=True, cards=False), "da")
    printed = capsys.readouterr().out
    assert f"Kommentering:  {server.links.comment()}" in printed
