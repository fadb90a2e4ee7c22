"""Undo in its own lane, through the app: ctrl+z takes back only what this role does.

Seen on an evening: one person (one author name) wrote the secretariat's summary, went to the
facilitator's screen and pressed ctrl+z; the toast said "Undone: summary of s1 written", the
summary was gone, and the secretariat's editor still showed it. Now the facilitator's ctrl+z takes
back setup only, the note-taker's notes and coding only, the secretariat's summaries (and notes);
each says what it took back, or that there is nothing to take back.
"""

from __future__ import annotations

from textual.widgets import TextArea

from workshop.planning import setup
from workshop.tui.app import WorkshopApp
from workshop.tui.textual_compat import notifications

SIZE = (120, 40)


def last_toast(app: WorkshopApp) -> str:
    shown = notifications(app)
    assert shown, "no toast"
    return str(shown[-1].message)


def summary_editor(app: WorkshopApp) -> str:
    return app.screen.query_one("#summary-text", TextArea).text


async def write_summary(pilot, text: str) -> None:
    """F4, type the overall summary (its editor has the focus) and save it with ctrl+s."""
    await pilot.press("f4")
    await pilot.pause()
    pilot.app.screen.query_one("#summary-text", TextArea).insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_the_facilitators_undo_leaves_the_secretariats_summary(store, clock):
    store.author = "Mette"  # one person in every role
    app = WorkshopApp(store, mode="facilitator", station="s1", clock=clock, poll=False, ask_author=False)
    async with app.run_test(size=SIZE) as pilot:
        await write_summary(pilot, "Vigtig opsamling")
        assert store.session.summary.overall == "Vigtig opsamling"
        await pilot.press("f2")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.session.summary.overall == "Vigtig opsamling"
        assert last_toast(app) == "Intet at fortryde"
        await pilot.press("f4")
        await pilot.pause()
        assert summary_editor(app) == "Vigtig opsamling"


async def test_the_facilitators_undo_takes_back_setup_and_says_so(store, clock):
    store.author = "Mette"
    app = WorkshopApp(store, mode="facilitator", station="s1", clock=clock, poll=False, ask_author=False)
    async with app.run_test(size=SIZE) as pilot:
        title = store.session.workshop.title
        assert app.saved(lambda: setup.update_workshop(store, title="Ny titel"))
        await write_summary(pilot, "Skrevet efter")
        await pilot.press("f2")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.session.workshop.title == title
        assert store.session.summary.overall == "Skrevet efter"
        assert last_toast(app) == "Fortrudt: aftenens data ændret"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert last_toast(app) == "Intet at fortryde"
        assert store.session.summary.overall == "Skrevet efter"


async def test_the_note_takers_undo_takes_back_notes_and_coding_only(store, clock):
    store.author = "Mette"
    app = WorkshopApp(store, mode="secretariat", station="s1", clock=clock, poll=False, ask_author=False)
    async with app.run_test(size=SIZE) as pilot:
        await write_summary(pilot, "Opsamling først")
        await pilot.press("f3")
        await pilot.pause()
        if not isinstance(app.focused, TextArea):
            await pilot.press("n")
        assert isinstance(app.focused, TextArea)
        app.focused.insert("Mentorordning foreslået")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape", "1")  # to the notes, code the newest with category 1
        await pilot.pause()
        [note] = store.session.notes
        assert note.categories == ["c1"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert last_toast(app) == "Fortrudt: kategori sat på eller taget af en note"
        assert [n.categories for n in store.session.notes] == [[]]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert last_toast(app) == "Fortrudt: note tilføjet"
        assert store.session.notes == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert last_toast(app) == "Intet at fortryde"
        assert store.session.summary.overall == "Opsamling først"


async def test_the_secretariats_undo_takes_back_the_summary_and_the_editor_follows(store, clock):
    store.author = "Mette"
    app = WorkshopApp(store, mode="secretariat", station="s1", clock=clock, poll=False, ask_author=False)
    async with app.run_test(size=SIZE) as pilot:
        await write_summary(pilot, "Første udkast")
        await pilot.press("ctrl+l", "ctrl+z")  # in the editor, ctrl+z takes back typing; in the list, changes
        await pilot.pause()
        assert store.session.summary.overall == ""
        assert last_toast(app) == "Fortrudt: samlet opsamling skrevet"
        assert summary_editor(app) == ""
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert store.session.summary.overall == "Første udkast"
        assert summary_editor(app) == "Første udkast"
