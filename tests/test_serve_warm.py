"""`workshop serve`'s warm parent (issue 23): each browser's app forked from one process that has imported the app.

Through the websocket protocol, as test_serve.py: a join lands in an app forked from the warm
parent; killing one app leaves the parent and the other browsers typing; a hand edit of the
session file shows in the next browser; a change to the code the warm parent imported replaces it;
Ctrl+C to `workshop serve` leaves no app and no warm parent behind.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
from pathlib import Path

import pytest
from serve_support import (
    TOKEN,
    alive,
    anna_and_bo,
    assert_stopped_cleanly,
    base_of,
    ctrl_c,
    descendants,
    eventually,
    notes_in,
    opened,
    parent_of,
    printed_until,
    serve_process,
    type_note,
)
from workshop_process import ROOT

from workshop.serving.server import WorkshopServer


def warm_parent_and_apps(server_pid: int) -> tuple[int, list[int]]:
    """The warm parent below a `workshop serve` process, and the apps forked from it."""
    (warm,) = [pid for pid in descendants(server_pid) if parent_of(pid) == server_pid]
    return warm, [pid for pid in descendants(server_pid) if parent_of(pid) == warm]


async def test_a_join_is_an_app_forked_from_the_warm_parent_and_its_note_is_saved(server, session_path):
    assert server.warm_parent is not None
    browser = await opened(server.links.station("s2", "Åse Lund"))
    try:
        await browser.wait_for("Station 2 – Uddannelse – før, under og efter", 10)
        (app,) = server.started
        assert app.forked and app.pid is not None
        assert parent_of(app.pid) == server.warm_parent.pid != os.getpid()
        assert os.getpgid(app.pid) == app.pid  # a process session of its own, as a started app has
        # Once its screen is out it is no longer below the others (it started as SCHED_IDLE): every thread.
        threads = [int(tid) for tid in os.listdir(f"/proc/{app.pid}/task")]
        assert len(threads) > 1 and all(os.sched_getscheduler(tid) == os.SCHED_OTHER for tid in threads)
        await type_note(browser, "Praktikpladser mangler – især om vinteren")
        notes = await eventually(lambda: notes_in(session_path), 30)
    finally:
        await browser.close()
    assert [(n.text, n.author, n.station) for n in notes] == [
        ("Praktikpladser mangler – især om vinteren", "Åse Lund", "s2")
    ]
    await eventually(lambda: not server.live, 10)
    assert server.started[0].failed is None  # it quit when its browser left, as a started app does


async def test_an_app_that_crashes_leaves_the_warm_parent_and_the_other_browsers_typing(server, session_path):
    anna, bo = await asyncio.gather(
        opened(server.links.station("s1", "Anna")), opened(server.links.station("s1", "Bo"))
    )
    try:
        by_name = {service.label: service for service in server.started}
        annas = next(service for label, service in by_name.items() if "Anna" in label)
        assert annas.pid is not None and server.warm_parent is not None
        warm = server.warm_parent.pid
        os.kill(annas.pid, signal.SIGKILL)  # Anna's app dies the hardest way there is
        await eventually(lambda: annas.failed == -signal.SIGKILL, 30)  # the warm parent reported it
        assert not annas.running
        since = len(bo.frames)
        await type_note(bo, "Bo skriver videre uden at mærke noget")
        await bo.wait_for("Bo skriver videre", 30, since)
        notes = await eventually(lambda: notes_in(session_path), 30)
        assert [(n.author, n.text) for n in notes] == [("Bo", "Bo skriver videre uden at mærke noget")]
        assert warm is not None and alive(warm) and server.warm_parent.pid == warm
        # A new browser is still forked from the same warm parent.
        cecilie = await opened(server.links.station("s3", "Cecilie"))
        assert server.started[-1].forked and parent_of(server.started[-1].pid) == warm
        await cecilie.close()
    finally:
        await asyncio.gather(anna.close(), bo.close())


async def test_a_hand_edit_of_the_session_file_shows_in_the_next_browser(server, session_path):
    first = await opened(server.links.station("s2", "Anna"))
    await first.close()
    text = session_path.read_text(encoding="utf-8")
    session_path.write_text(
        text.replace("Uddannelse – før, under og efter", "Efteruddannelse hele livet"), encoding="utf-8"
    )
    second = await opened(server.links.station("s2", "Bo"))
    try:
        await second.wait_for("Station 2 – Efteruddannelse hele livet", 30)
        assert all(service.forked for service in server.started)
    finally:
        await second.close()


async def test_a_change_to_the_code_the_warm_parent_imported_replaces_it(session_path, tmp_path, monkeypatch):
    # A module every Python here imports as it starts: the warm parent too, so it watches its file.
    extra = tmp_path / "site"
    extra.mkdir()
    module = extra / "sitecustomize.py"
    module.write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(extra), str(ROOT), os.environ.get("PYTHONPATH", "")]))
    served = WorkshopServer(session_path, token=TOKEN, port=0)
    await served.start()
    try:
        assert served.warm_parent is not None
        anna = await opened(served.links.station("s1", "Anna"))
        old = served.warm_parent.pid
        assert old is not None and parent_of(served.started[0].pid) == old
        module.write_text("VERSION = 2  # a new version installed while the evening runs\n", encoding="utf-8")
        await eventually(lambda: served.warm_parent.replaced == 1, 30)
        bo = await opened(served.links.station("s1", "Bo"))
        new = served.warm_parent.pid
        assert new is not None and new != old and parent_of(served.started[1].pid) == new
        # Anna's app, forked from the old one, types on; the old one ends once her app has.
        since = len(anna.frames)
        await anna.send("Anna er her endnu")
        await anna.wait_for("Anna er her endnu", 30, since)
        assert alive(old)
        await anna.close()
        await eventually(lambda: not alive(old), 30)
        await bo.close()
    finally:
        await served.close()


async def test_ctrl_c_ends_every_app_and_the_warm_parent(session_path):
    with serve_process(session_path, "--token", TOKEN, "--no-qr") as server:
        base = base_of((await printed_until(server, "Facilitator:"))[-1])
        anna, bo = await anna_and_bo(base)
        await type_note(anna, "Skrevet lige før Ctrl+C")
        warm, apps = warm_parent_and_apps(server.pid)
        assert len(apps) == 2 and all(alive(pid) for pid in apps)
        assert b"workshop.cli.warm" in Path(f"/proc/{warm}/cmdline").read_bytes()
        for pid in (warm, *apps):
            assert TOKEN.encode() not in Path(f"/proc/{pid}/cmdline").read_bytes()
            assert TOKEN.encode() not in Path(f"/proc/{pid}/environ").read_bytes()
        await eventually(lambda: notes_in(session_path), 30)
        out, err = await ctrl_c(server, anna, bo)
    assert_stopped_cleanly(server, out, err, [warm, *apps], session_path, "Skrevet lige før Ctrl+C")


async def test_a_server_killed_outright_leaves_no_app_and_no_warm_parent_behind(session_path):
    with serve_process(session_path, "--token", TOKEN, "--no-qr", stderr=subprocess.DEVNULL) as server:
        base = base_of((await printed_until(server, "Facilitator:"))[-1])
        anna = await opened(f"{base}/?token={TOKEN}&station=s1&name=Anna")
        await type_note(anna, "Gemt før serveren blev dræbt")
        await eventually(lambda: notes_in(session_path), 30)
        warm, apps = warm_parent_and_apps(server.pid)
        assert len(apps) == 1
        server.kill()  # no Ctrl+C, no goodbye: the warm parent sees its socket close
        server.wait()
        await eventually(lambda: not any(alive(pid) for pid in (warm, *apps)), 60)
        await anna.close()
    assert [(n.author, n.text) for n in notes_in(session_path)] == [("Anna", "Gemt før serveren blev dræbt")]


REHEARSED = """
import gc, json, os, sys, tempfile, threading
from pathlib import Path
before = set(os.listdir(tempfile.gettempdir()))
from workshop.cli.warm import preload
from workshop.tui.textual_compat import ParseOnceStylesheet
session = Path(sys.argv[1])
text = session.read_bytes()
gc.disable()
preload(session)
parsed = sorted({Path(str(key[1][0])).name for key in ParseOnceStylesheet.parsed_in_this_process})
print(json.dumps({
    "threads": threading.active_count(),
    "collector_on": gc.isenabled(),
    "frozen": gc.get_freeze_count(),
    "left_behind": sorted(set(os.listdir(tempfile.gettempdir())) - before),
    "parsed": parsed,
    "folder": sorted(os.listdir(session.parent)),
    "unchanged": session.read_bytes() == text,
}))
"""


@pytest.mark.parametrize("used", [False, True], ids=["new-session", "session-with-a-journal"])
def test_the_warm_parent_shows_a_note_takers_screen_once_before_any_browser_and_leaves_nothing_behind(tmp_path, used):
    """The warm parent rehearses a note-taker's first screen (headless, on a copy) so every browser's app finds
    the stylesheets parsed, for a new session and for one already used (its file folded from its journal); the
    real session and its folder are untouched, and no thread, no scratch folder and no frozen object of the
    rehearsal is left (a fork with a thread running is refused)."""
    import json
    import shutil
    import sys

    from workshop.storage.store import Store

    session = tmp_path / "aften.toml"
    shutil.copy(ROOT / "sessions" / "meeting-3.toml", session)
    if used:
        with Store.open(session, author="Gitte Holm", backup=False) as store:
            store.add_note("s1", 1, "Parkering ved skolen")
    scratch = tmp_path / "scratch"  # where the rehearsal's copy goes, and must not stay
    scratch.mkdir()
    before = sorted(path.name for path in tmp_path.iterdir())
    done = subprocess.run(
        [sys.executable, "-c", REHEARSED, str(session)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["threads"] == 1 and found["collector_on"] is False and found["frozen"] == 0
    assert found["left_behind"] == []
    assert {"app.tcss", "notes.tcss"} <= set(found["parsed"])
    assert found["folder"] == before and found["unchanged"]


async def test_a_served_session_has_its_journal_and_cache_before_the_first_browser(session_path):
    """workshop serve opens the session to write once as it starts listening: every browser's app then takes the
    validated session from the journal's cache (a room joining at once validated the file sixty times)."""
    from workshop.storage.journal import Journal, journal_path
    from workshop.storage.sync import cache_key

    served = WorkshopServer(session_path, token=TOKEN, port=0, announce=False)
    await served.start()
    try:
        journal = Journal.open(journal_path(session_path), readonly=True, language="da", session=session_path)
        assert journal is not None
        try:
            text = session_path.read_text(encoding="utf-8")
            assert journal.cached_snapshot(cache_key(text)) is not None
        finally:
            journal.close()
    finally:
        await served.close()
