"""Keys that arrive together (a busy moment, a fast typist) still mean what they meant one by one.

A terminal hands the app whatever was typed while it was busy in one go. Textual sends all of
those keys to the widget that had focus when they came in, and runs a screen's key only after
that widget has seen the keys behind it. Here the note-taker's keys that save a note or move
between the note field and the notes take effect in the order they were typed.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from workshop.tui.app import WorkshopApp
from workshop.tui.components.note_table import NoteTable

SIZE = (100, 30)


def burst(app: WorkshopApp, *keys: str) -> None:
    """Hand the app several keys at once, as a terminal does after a busy moment."""
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(key, character))


def notes_app(store, clock) -> WorkshopApp:
    return WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)


def texts(store) -> list[str]:
    return [note.text for note in store.session.notes]


async def test_the_next_note_typed_right_after_saving_starts_a_new_note(store, clock):
    async with notes_app(store, clock).run_test(size=SIZE) as pilot:
        burst(pilot.app, *"Mere tid", "ctrl+s", *"Færre møder", "f5", *"Kaffe")
        await pilot.pause()
        await pilot.pause()
        assert texts(store) == ["Mere tid", "Færre møder"]
        assert pilot.app.screen.query_one("#note-text", TextArea).text == "Kaffe"


async def test_esc_then_a_digit_codes_the_note_instead_of_typing_the_digit(store, clock):
    async with notes_app(store, clock).run_test(size=SIZE) as pilot:
        burst(pilot.app, *"Mentorordning", "ctrl+s", "escape", "1")
        await pilot.pause()
        await pilot.pause()
        (note,) = store.session.notes
        assert note.text == "Mentorordning"
        assert note.categories == [store.session.categories[0].id]
        assert isinstance(pilot.app.focused, NoteTable)
        assert pilot.app.screen.query_one("#note-text", TextArea).text == ""


async def test_esc_and_a_digit_quicker_than_the_escape_delay_codes_too(store, clock):
    """The terminal hands Esc and a digit typed within its escape delay (100 ms) over as alt+digit."""
    async with notes_app(store, clock).run_test(size=SIZE) as pilot:
        burst(pilot.app, *"Mentorordning", "ctrl+s")
        pilot.app.post_message(events.Key("alt+2", "2"))
        await pilot.pause()
        await pilot.pause()
        (note,) = store.session.notes
        assert note.text == "Mentorordning"  # no "2" typed into it ...
        assert note.categories == [store.session.categories[1].id]  # ... it is coded with key 2
        assert isinstance(pilot.app.focused, NoteTable)
        assert pilot.app.screen.query_one("#note-text", TextArea).text == ""
        pilot.app.post_message(events.Key("alt+2", "2"))  # on the notes, alt+2 is 2: it toggles again
        await pilot.pause()
        assert store.session.notes[0].categories == []


async def test_n_then_letters_writes_the_letters_instead_of_running_keys_on_the_notes(store, clock):
    async with notes_app(store, clock).run_test(size=SIZE) as pilot:
        burst(pilot.app, *"Tillid", "ctrl+s", "escape", "n", *"c1.")
        await pilot.pause()
        await pilot.pause()
        (note,) = store.session.notes
        assert note.categories == []  # neither "1" nor "." coded it, and "c" opened no prompt
        assert isinstance(pilot.app.focused, TextArea)
        assert pilot.app.screen.query_one("#note-text", TextArea).text == "c1."


async def test_a_digit_then_n_codes_the_note_and_goes_back_to_writing(store, clock):
    async with notes_app(store, clock).run_test(size=SIZE) as pilot:
        burst(pilot.app, *"Flere praktikpladser", "ctrl+s", "escape")
        await pilot.pause()
        burst(pilot.app, "1", "n", *"Ny")
        await pilot.pause()
        await pilot.pause()
        (note,) = store.session.notes
        assert note.categories == [store.session.categories[0].id]
        assert pilot.app.screen.query_one("#note-text", TextArea).text == "Ny"


async def test_backspace_and_arrows_in_a_burst_edit_where_they_were_typed(store, clock):
    async with notes_app(store, clock).run_test(size=SIZE) as pilot:
        burst(pilot.app, *"abc", "backspace", "d", "left", "left", "X")
        await pilot.pause()
        await pilot.pause()
        assert pilot.app.screen.query_one("#note-text", TextArea).text == "aXbd"


async def test_in_the_review_a_search_then_esc_then_a_digit_recodes_the_note_found(store, clock):
    store.add_note("s1", 1, "Løn og vilkår")
    store.add_note("s2", 1, "Mentorer til nye")
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        burst(app, "slash", *"mentor", "escape", "2", "s")
        await pilot.pause()
        await pilot.pause()
        by_text = {note.text: note for note in store.session.notes}
        assert by_text["Mentorer til nye"].categories == [store.session.categories[1].id]
        assert by_text["Løn og vilkår"].categories == []
        screen = app.screen
        assert screen.query_one("#review-search").value == "mentor"  # no "2s" typed into it
        assert screen.note_filter.station is not None  # "s" stepped the station filter after all


async def test_in_the_review_a_search_then_alt_digit_recodes_the_note_found(store, clock):
    store.add_note("s1", 1, "Løn og vilkår")
    store.add_note("s2", 1, "Mentorer til nye")
    app = notes_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        burst(app, "slash", *"mentor")
        app.post_message(events.Key("alt+2", "2"))
        await pilot.pause()
        await pilot.pause()
        by_text = {note.text: note for note in store.session.notes}
        assert by_text["Mentorer til nye"].categories == [store.session.categories[1].id]
        assert app.screen.query_one("#review-search").value == "mentor"


async def test_a_setup_form_typed_in_one_go_fills_each_field_and_saves(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("a")  # a new programme item after the selected one
        await pilot.pause()
        burst(app, *"Kaffe", "tab", "ctrl+a", "ctrl+k", *"45", "enter")
        await pilot.pause()
        await pilot.pause()
        added = [item for item in store.session.program if item.title == "Kaffe"]
        assert [(item.title, item.minutes) for item in added] == [("Kaffe", 45)]
