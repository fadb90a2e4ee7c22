"""A room of note-takers typing at once (issue 23): what each app leaves out to save CPU, nobody sees.

Thirty apps on two cores each take every note saved in the room. The notes screen redraws only
when something it shows changed (a note at another station changes nothing at this one), and
the note field works out its theme's styles only when its styles change. Here: what the screen
shows is still right after each kind of change from another instance, and the note field draws
exactly as Textual's own text field does, focused or not, in either theme.
"""

from __future__ import annotations

import datetime as dt

from textual.app import App, ComposeResult
from textual.widgets import Button, TextArea

from workshop.model.session import Category, Live
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.capture_header import CaptureHeader
from workshop.tui.components.category_keys import CategoryKeys
from workshop.tui.components.note_table import NoteTable
from workshop.tui.components.steady_text_area import SteadyThemeTextArea

SIZE = (100, 30)


def rows(table: NoteTable) -> list[str]:
    return [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def screen_text(app: App[object]) -> str:
    return app.export_screenshot()


async def test_a_note_at_another_station_changes_nothing_here_and_every_change_of_this_one_shows(
    store, clock, session_path
):
    store.set_section("live", Live(current="p2", started=dt.datetime(2026, 3, 12, 18, 20)), "round started")
    store.add_note("s1", 1, "Mere tid til pauser")
    app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)

    async def from_another(change) -> None:
        other = Store.open(session_path, author="Bent Bentsen", backup=False)
        try:
            change(other)
        finally:
            other.close()
        app.poll_store()
        await pilot.pause()
        await pilot.pause()

    async with app.run_test(size=SIZE) as pilot:
        for key in "Kaffe":
            await pilot.press(key)
        await pilot.pause()
        table = app.screen.query_one(NoteTable)
        before = screen_text(app)

        await from_another(lambda other: other.add_note("s2", 1, "En note ved en anden station"))
        assert screen_text(app) == before
        assert app.screen.query_one("#note-text", TextArea).text == "Kaffe"

        await from_another(lambda other: other.add_note("s1", 1, "En ny note her"))
        assert any("En ny note her" in row for row in rows(table))

        def new_category(other: Store) -> None:
            categories = [*other.session.categories, Category(id="c99", name="Helt ny kategori", key=9)]
            other.set_section("categories", categories, "category added")

        await from_another(new_category)
        assert "Helt ny kategori" in str(app.screen.query_one(CategoryKeys).render())

        header_before = str(app.screen.query_one(CaptureHeader).content)
        await from_another(
            lambda other: other.set_section(
                "live", Live(current="p4", started=dt.datetime(2026, 3, 12, 18, 50)), "next round"
            )
        )
        assert str(app.screen.query_one(CaptureHeader).content) != header_before
        assert app.screen.query_one("#note-text", TextArea).text == "Kaffe"


class Field(App[None]):
    """A text field and a button beside it, with Textual's own field or the steady one."""

    def __init__(self, steady: bool) -> None:
        super().__init__()
        self.steady = steady

    def compose(self) -> ComposeResult:
        kind = SteadyThemeTextArea if self.steady else TextArea
        yield kind("Første linje\nanden linje", id="field")
        yield Button("Gem", id="save")


async def test_the_steady_note_field_draws_as_textual_s_own_whatever_the_focus_and_theme():
    shots: dict[bool, list[str]] = {}
    for steady in (False, True):
        app = Field(steady)
        taken: list[str] = []
        async with app.run_test(size=(60, 12)) as pilot:
            field = app.query_one("#field", TextArea)
            field.focus()
            await pilot.pause()
            for key in "hej":
                await pilot.press(key)
            await pilot.pause()
            taken.append(screen_text(app))
            app.query_one("#save", Button).focus()  # the field without the keys: no cursor line
            await pilot.pause()
            taken.append(screen_text(app))
            app.theme = "textual-light"
            await pilot.pause()
            taken.append(screen_text(app))
            field.focus()
            await pilot.press("x")
            await pilot.pause()
            taken.append(screen_text(app))
            field.add_class("-narrow")
            app.theme = "textual-dark"
            await pilot.pause()
            taken.append(screen_text(app))
        shots[steady] = taken
    assert shots[True] == shots[False]
    assert len(set(shots[True])) == len(shots[True])  # each step drew something new
