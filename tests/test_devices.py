"""Every device is a person: its name, its undo and what it typed are its own (issue 17).

A device is a browser (its cookie, through ``workshop serve``: tests/test_serve_devices.py) or a
terminal; here the store, the names file, the drafts and the app are driven as one device or two.
"""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import TextArea
from waiting import until

from workshop.storage import drafts
from workshop.storage.authors import (
    authors_file,
    is_device_id,
    release,
    remember_author,
    remembered_author,
    terminal_device,
    unnamed_author,
)
from workshop.storage.journal import journal_path
from workshop.storage.lanes import lanes_for_mode
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.key_footer import footer_units
from workshop.tui.components.note_dialogs import TextDialog
from workshop.tui.keys import BROWSER_ALTERNATIVES, BROWSER_KEEPS
from workshop.tui.screens.notes import NotesScreen
from workshop.tui.screens.secretariat import SecretariatScreen
from workshop.tui.textual_compat import notifications

ROOT = Path(__file__).resolve().parents[1]
SIZE = (100, 30)
NOTES = lanes_for_mode("notes")


def device_store(path: Path, device: str, author: str) -> Store:
    store = Store.open(path, author=author, backup=False)
    store.device = device
    return store


def texts(store: Store) -> list[str]:
    return sorted(note.text for note in store.session.notes)


# Undo in the lane of the device ---------------------------------------------------------------------


def test_one_devices_undo_never_takes_back_another_devices_note_even_under_the_same_name(session_path):
    tablet = device_store(session_path, "browser-aaaa", "Kim")
    phone = device_store(session_path, "browser-bbbb", "Kim")  # two people who both typed "Kim"
    try:
        tablet.add_note("s1", 1, "Fra tabletten")
        phone.refresh()
        assert phone.undo(lanes=NOTES) is None  # nothing of the phone's own to take back
        assert texts(phone) == ["Fra tabletten"]
        phone.add_note("s1", 1, "Fra telefonen")
        assert phone.undo(lanes=NOTES) is not None
        tablet.refresh()
        assert texts(tablet) == ["Fra tabletten"]  # the phone took back its own note only
        assert tablet.undo(lanes=NOTES) is not None
        assert texts(tablet) == []
    finally:
        tablet.close()
        phone.close()


def test_a_device_gets_its_own_undo_back_after_a_restart_and_a_rename(session_path):
    first = device_store(session_path, "terminal-1", "Notetager 1, station 1")
    first.add_note("s1", 1, "Før genstarten")
    first.close()
    again = device_store(session_path, "terminal-1", "Åse")  # the same device, now with a name
    try:
        assert again.can_undo(lanes=NOTES)
        again.undo(lanes=NOTES)
        assert texts(again) == []
    finally:
        again.close()


def test_a_script_without_a_device_still_undoes_by_its_author(session_path):
    script = Store.open(session_path, author="Script", backup=False)
    try:
        script.add_note("s1", 1, "Fra et script")
        assert script.undo() is not None
        assert texts(script) == []
    finally:
        script.close()


def test_a_journal_from_before_devices_gets_the_devices_table_and_its_old_changes_stay(session_path):
    import sqlite3

    older = Store.open(session_path, author="Bo", backup=False)
    older.add_note("s1", 1, "Gammel note")
    older.close()
    db = sqlite3.connect(journal_path(session_path))
    db.execute("DROP TABLE event_devices")
    db.commit()
    db.close()
    store = device_store(session_path, "terminal-x", "Bo")
    try:
        assert texts(store) == ["Gammel note"]
        assert not store.can_undo(lanes=NOTES)  # made by no device: not this device's to take back
        store.add_note("s1", 1, "Ny note")
        assert store.undo(lanes=NOTES) is not None and texts(store) == ["Gammel note"]
    finally:
        store.close()


# Names per device ------------------------------------------------------------------------------------


def test_a_name_is_remembered_for_its_device_only(session_path):
    remember_author(session_path, "browser-aaaa", "Åse")
    assert remembered_author(session_path, "browser-aaaa") == "Åse"
    assert remembered_author(session_path, "browser-bbbb") is None  # another browser is asked
    assert remembered_author(session_path, "") is None
    assert authors_file(session_path).stat().st_mode & 0o077 == 0


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
        max_leaves=20,
    )
)
def test_a_names_file_of_any_shape_is_read_as_no_names_or_as_names(tmp_path_factory, data):
    import json

    session = tmp_path_factory.mktemp("names") / "aften.toml"
    authors_file(session).write_text(json.dumps(data), encoding="utf-8")
    found = remembered_author(session, "browser-aaaa")
    assert found is None or (isinstance(found, str) and found.strip())
    assert unnamed_author(session, "browser-aaaa", "1", "da").startswith("Notetager ")


def test_a_skipped_name_tells_devices_apart_is_kept_per_device_and_is_never_the_login(session_path):
    first = unnamed_author(session_path, "browser-aaaa", "2", "da")
    second = unnamed_author(session_path, "browser-bbbb", "2", "da")
    assert (first, second) == ("Notetager 1, station 2", "Notetager 2, station 2")
    assert unnamed_author(session_path, "browser-aaaa", "3", "en") == "Note-taker 1, station 3"
    assert getpass.getuser() not in (first, second)


@given(st.text(max_size=120))
def test_a_device_id_is_plain_letters_digits_and_punctuation(text):
    if is_device_id(text):
        assert 1 <= len(text) <= 100 and all(c.isascii() and (c.isalnum() or c in "_.:-") for c in text)


def test_a_terminal_started_the_same_way_is_the_same_device_but_two_at_once_are_two(session_path):
    first = terminal_device(session_path, mode="notes", station="s1", author="Anna")
    second = terminal_device(session_path, mode="notes", station="s1", author="Anna")  # open meanwhile
    other = terminal_device(session_path, mode="notes", station="s1", author="Bo")
    assert len({first, second, other}) == 3 and second == f"{first}-2"
    release(first)
    assert terminal_device(session_path, mode="notes", station="s1", author="Anna") == first  # restarted
    for device in (first, second, other):
        release(device)


def test_a_bad_device_argument_is_one_line_and_exit_2(session_path):
    done = subprocess.run(
        [sys.executable, "-m", "workshop", "run", str(session_path), "--device", "ab cd;rm"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 2
    assert "--device" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not journal_path(session_path).exists()


# Drafts -----------------------------------------------------------------------------------------------


def test_drafts_belong_to_their_device_and_outlive_the_store(session_path):
    tablet = device_store(session_path, "browser-aaaa", "Åse")
    assert drafts.keep(tablet, "note:s1", "Halv note")
    tablet.close()
    again = device_store(session_path, "browser-aaaa", "Åse")
    phone = device_store(session_path, "browser-bbbb", "Bo")
    try:
        assert drafts.draft(again, "note:s1").text == "Halv note"
        assert drafts.draft(phone, "note:s1") is None
        assert drafts.keep(again, "note:s1", "  ")  # emptied: no draft
        assert drafts.draft(again, "note:s1") is None
        assert again.pending() == 0  # a draft is never a change of the session
    finally:
        again.close()
        phone.close()


# The app as one device or two ------------------------------------------------------------------------


def app_for(store: Store, device: str, clock, mode: str = "notes", **options) -> WorkshopApp:
    return WorkshopApp(
        store, mode=mode, station="s1", clock=clock, poll=False, ask_author=True, device=device, **options
    )


async def test_two_devices_at_one_station_are_each_asked_their_name(session_path, clock):
    store = Store.open(session_path, backup=False)
    async with app_for(store, "browser-aaaa", clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, TextDialog)
        await pilot.press(*"Åse", "enter")
        await pilot.pause()
        assert store.author == "Åse"
    store.close()
    other = Store.open(session_path, backup=False)
    async with app_for(other, "browser-bbbb", clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, TextDialog)  # asked, not signed "Åse"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(*"Uden navn", "ctrl+s")
        await pilot.pause()
        assert other.session.notes[-1].author == "Notetager 1, station 1"
        assert other.session.notes[-1].author != getpass.getuser()
    other.close()


async def test_ctrl_q_keeps_a_half_typed_note_as_the_devices_draft_and_says_so(session_path, clock):
    store = Store.open(session_path, author="Åse", backup=False)
    app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False, device="browser-aaaa")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Halv note", "ctrl+q")
        await pilot.pause()
    store.close()
    said = "\n".join(store.notices)
    assert "Din note ved station 1 var ikke gemt: den er gemt som kladde" in said
    assert [n.text for n in store.session.notes] == []

    again = Store.open(session_path, author="Åse", backup=False)
    app = WorkshopApp(again, mode="notes", station="s1", clock=clock, poll=False, device="browser-aaaa")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#note-text", TextArea).text == "Halv note"
        assert any("tilbage i notefeltet" in n.message for n in notifications(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [n.text for n in again.session.notes] == ["Halv note"]
        assert drafts.draft(again, "note:s1") is None  # saved: no draft left
    again.close()

    other = Store.open(session_path, author="Bo", backup=False)
    app = WorkshopApp(other, mode="notes", station="s1", clock=clock, poll=False, device="browser-bbbb")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#note-text", TextArea).text == ""  # another device's draft is not here
    other.close()


async def test_a_summary_being_typed_is_kept_as_a_draft_within_a_second_and_saved_on_return(session_path, clock):
    store = Store.open(session_path, author="Sekretær", backup=False)
    app = WorkshopApp(store, mode="secretariat", clock=clock, poll=False, device="terminal-sek")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SecretariatScreen)
        # A crash before any save: the screen's saves (2 s after typing, on closing) never come.
        screen.save = lambda quiet=False: False  # type: ignore[method-assign]
        await pilot.press(*"Aftenens konklusion")

        def kept() -> bool:  # the draft follows the keys a moment later
            draft = drafts.draft(store, "summary:overall")
            return draft is not None and draft.text == "Aftenens konklusion"

        await until(pilot, kept, "the draft kept")
        assert drafts.draft(store, "summary:overall").text == "Aftenens konklusion"
    assert store.session.summary.overall == ""
    store.close()

    again = Store.open(session_path, author="Sekretær", backup=False)
    app = WorkshopApp(again, mode="secretariat", clock=clock, poll=False, device="terminal-sek")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.session.summary.overall == "Aftenens konklusion"
        assert any("er gemt nu" in n.message for n in notifications(app))
    again.close()


# Browser keys -------------------------------------------------------------------------------------------


def _all_bindings():
    from textual.binding import Binding

    import workshop.tui.screens as screens_package

    modules = [
        f"workshop.tui.screens.{p.stem}"
        for p in Path(screens_package.__file__).parent.glob("*.py")
        if p.stem != "__init__"
    ]
    modules += ["workshop.tui.app", "workshop.tui.components.note_table", "workshop.tui.components.note_dialogs"]
    import importlib

    for name in modules:
        module = importlib.import_module(name)
        for value in vars(module).values():
            for binding in getattr(value, "BINDINGS", []) if isinstance(value, type) else []:
                if isinstance(binding, Binding) and binding.id:
                    yield binding


def test_every_action_has_a_key_a_browser_passes_on():
    for binding in _all_bindings():
        keys = [key.strip() for key in binding.key.split(",")]
        kept = [key for key in keys if key in BROWSER_KEEPS]
        if kept:
            assert binding.id in BROWSER_ALTERNATIVES, binding.id
            assert BROWSER_ALTERNATIVES[binding.id] in keys and BROWSER_ALTERNATIVES[binding.id] not in BROWSER_KEEPS


@pytest.mark.parametrize(("browser", "shown", "hidden"), [(True, "^g", "^t"), (False, "^t", "^g")])
async def test_the_footer_in_a_browser_shows_the_keys_a_browser_passes_on(store, clock, browser, shown, hidden):
    app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False, browser=browser)
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        keys = [key.display for unit in footer_units(app.screen) for key in unit.keys]
        assert shown in keys and hidden not in keys
        await pilot.press("escape", "ctrl+g")  # from the notes table: the station list
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ChoiceDialog"


async def test_the_facilitators_window_visiting_a_station_is_asked_and_never_takes_a_browsers_name(session_path, clock):
    remember_author(session_path, "browser-aaaa", "Åse")  # a browser at station 1 named itself
    store = Store.open(session_path, backup=False)
    app = WorkshopApp(store, mode="facilitator", clock=clock, poll=False, ask_author=True, device="terminal-fac")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert store.author == "Facilitator"  # before a name: the role, never the login
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("enter")  # the station list: station 1
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)  # asked its own name
        await pilot.press(*"Kim", "enter")
        await pilot.pause()
        assert store.author == "Kim"
    store.close()
    assert remembered_author(session_path, "terminal-fac") == "Kim"
    assert remembered_author(session_path, "browser-aaaa") == "Åse"
