"""The note-taker's evening by touch: every step a tap (pilot.click), no ctrl, Esc or F-key.

On a phone (44 columns: one part at a time under a tab bar "Skriv | Noter | Kategorier | ≡") and on
a tablet (100x40: every part at once). Letters are typed as a phone's on-screen keyboard types
them; nothing else is a key.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import TextArea

from workshop.model.session import Live
from workshop.notes import codebook
from workshop.storage.store import ChangeRefused
from workshop.tui.app import WorkshopApp
from workshop.tui.components.capture_header import CaptureHeader
from workshop.tui.components.note_table import NoteTable
from workshop.tui.components.touch_bar import CategoryButton, CategoryButtons
from workshop.tui.screens.notes import NotesScreen

PHONE = (44, 40)
TABLET = (100, 40)


def start_round(store) -> None:
    store.set_section("live", Live(current="p2", started=dt.datetime(2026, 3, 12, 18, 20)), "round 1 started")


def notes_app(store, clock) -> WorkshopApp:
    return WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)


def on_screen(widget) -> bool:
    """Whether the user sees the widget: displayed, with room, inside the screen."""
    region = widget.region
    return widget.display and widget.visible and region.width > 0 and region.height > 0 and widget.is_on_screen


def categories_of(store, text: str) -> list[str]:
    note = next(n for n in store.session.notes if n.text == text)
    return sorted(store.session.category(c).name for c in note.categories)


def button_for(screen, name: str) -> CategoryButton:
    return next(b for b in screen.query(CategoryButton) if name in str(b.label))


async def tap(pilot, target, offset=(0, 0)) -> None:
    """A finger's tap; a button takes the next tap once its pressed look is over (as a real one does)."""
    await pilot.click(target, offset=offset)
    await pilot.pause()
    while any(button.has_class("-active") for button in pilot.app.screen.query("Button")):
        await pilot.pause(0.05)


async def type_letters(pilot, text: str) -> None:
    """What a phone's on-screen keyboard sends: the letters, nothing else."""
    await pilot.press(*["space" if ch == " " else ch for ch in text])


@pytest.mark.parametrize("size", [PHONE, TABLET], ids=["phone-44x40", "tablet-100x40"])
async def test_a_whole_round_by_touch(store, clock, size):
    start_round(store)
    app = notes_app(store, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        phone = size == PHONE
        assert screen.has_class("-narrow") is phone
        assert screen.has_class("-touch")
        # Tabs only on the phone; there, the notes are out of sight while writing.
        assert on_screen(screen.query_one("#touch-tabs")) is phone
        assert on_screen(screen.query_one(NoteTable)) is not phone
        assert on_screen(screen.query_one(CategoryButtons)) is not phone
        assert on_screen(screen.query_one("#touch-save"))

        # Write: a tap in the field, letters, a tap on "Gem".
        await tap(pilot, "#note-text")
        await type_letters(pilot, "Mentorordning for nye ledere")
        await tap(pilot, "#touch-save")
        await pilot.pause()
        assert [n.text for n in store.session.notes] == ["Mentorordning for nye ledere"]
        await tap(pilot, "#note-text")
        await type_letters(pilot, "Praktik i ledelse")
        await tap(pilot, "#touch-save")
        await pilot.pause()
        assert len(store.session.notes) == 2

        # To the list and select the first note (a tap on its row, then the big ▲ button).
        if phone:
            await tap(pilot, "#tab-notes")
            await pilot.pause()
            assert not on_screen(screen.query_one("#note-text"))
        table = screen.query_one(NoteTable)
        assert on_screen(table)
        await tap(pilot, NoteTable, offset=(10, 2))  # the second row (under the heading)
        await tap(pilot, "#touch-previous")
        await pilot.pause()
        assert table.selected_note().text == "Mentorordning for nye ledere"

        # Code it: a tap on a category's button (on the phone under "Kategorier"); again to take it off.
        if phone:
            await tap(pilot, "#tab-codes")
            await pilot.pause()
            assert not on_screen(table)
            assert "Mentorordning" in str(screen.query_one("#touch-selected").render())
        buttons = screen.query_one(CategoryButtons)
        assert on_screen(buttons)
        names = [str(b.label) for b in screen.query(CategoryButton)]
        assert len(names) >= 2
        first, second = (label.split(" ", 1)[1] for label in names[:2])
        await tap(pilot, button_for(screen, first))
        await tap(pilot, button_for(screen, second))
        await pilot.pause()
        assert categories_of(store, "Mentorordning for nye ledere") == sorted([first, second])
        assert str(button_for(screen, first).label).startswith("✓")
        await tap(pilot, button_for(screen, first))
        await pilot.pause()
        assert categories_of(store, "Mentorordning for nye ledere") == [second]
        assert not str(button_for(screen, first).label).startswith("✓")
        assert categories_of(store, "Praktik i ledelse") == []

        # Edit it: "Ret" puts it in the note field; letters; "Gem" keeps the change.
        await tap(pilot, "#touch-edit")
        await pilot.pause()
        field = screen.query_one("#note-text", TextArea)
        assert on_screen(field)
        assert field.text == "Mentorordning for nye ledere"
        await type_letters(pilot, " i dagplejen")
        await tap(pilot, "#touch-save")
        await pilot.pause()
        texts = sorted(n.text for n in store.session.notes)
        assert texts == ["Mentorordning for nye ledere i dagplejen", "Praktik i ledelse"]
        assert categories_of(store, "Mentorordning for nye ledere i dagplejen") == [second]
        assert field.text == ""  # back to a new note

        # Change round: the round button, once for round 1 chosen, again for round 2.
        if phone:
            await tap(pilot, "#tab-write")
            await pilot.pause()
        header = screen.query_one(CaptureHeader)
        round_button = screen.query_one("#touch-round")
        assert on_screen(round_button)
        assert "Runde 1 ▸" in str(round_button.label)
        await tap(pilot, "#touch-round")
        await tap(pilot, "#touch-round")
        await pilot.pause()
        assert "Runde 2 · valgt" in str(round_button.label)
        assert "Runde 2" in str(header.render())
        await tap(pilot, "#note-text")
        await type_letters(pilot, "Runde to")
        await tap(pilot, "#touch-save")
        await pilot.pause()
        assert next(n for n in store.session.notes if n.text == "Runde to").round == 2


async def test_the_phone_reaches_station_notes_codebook_and_draft_by_touch(store, clock):
    """The phone's "≡" tab does what ctrl+g, ctrl+f, ctrl+b and ctrl+o do; the way back is a tap too."""
    from test_small_screens import with_a_draft

    from workshop.tui.components.draft_recommendation import DraftRecommendation
    from workshop.tui.components.key_footer import KeyFooter
    from workshop.tui.screens.codebook import CodebookScreen
    from workshop.tui.screens.review import ReviewScreen

    start_round(store)
    with_a_draft(store)
    app = notes_app(store, clock)
    async with app.run_test(size=PHONE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not on_screen(screen.query_one(KeyFooter))  # no keys a phone cannot press: a button for each
        await tap(pilot, "#tab-more")
        assert not on_screen(screen.query_one("#note-text"))
        labels = [str(b.label) for b in screen.query("#touch-more TouchButton") if on_screen(b)]
        assert labels == ["Skift station", "Alle noter", "Kodebog", "Vis hele udkastet"]

        # All notes, and back with a tap on the footer's Esc (the first key there on a phone's width).
        await tap(pilot, "#touch-review")
        assert isinstance(app.screen, ReviewScreen)
        footer = app.screen.query_one(KeyFooter)
        assert "escape" in footer.shown
        start, _ = footer.columns_of("escape")
        await tap(pilot, footer, offset=(start + 1, 0))
        assert app.screen is screen

        # The codebook, and back the same way.
        await tap(pilot, "#touch-codebook")
        assert isinstance(app.screen, CodebookScreen)
        footer = app.screen.query_one(KeyFooter)
        start, _ = footer.columns_of("escape")
        await tap(pilot, footer, offset=(start + 1, 0))
        assert app.screen is screen

        # The whole draft: the button, and a tap on the draft itself folds it again.
        panel = screen.query_one(DraftRecommendation)
        assert "tryk her for hele udkastet" in str(panel.render())
        await tap(pilot, "#touch-unfold")
        assert panel.unfolded or screen.top_open
        assert str(screen.query_one("#touch-unfold").label) == "Fold udkastet sammen"
        await tap(pilot, "#tab-write")
        await tap(pilot, panel)
        assert not panel.unfolded and not screen.top_open

        # Another station: the dialog's row for station 2, and the phone is back at writing there.
        await tap(pilot, "#tab-more")
        await tap(pilot, "#touch-station")
        dialog = app.screen
        options = dialog.query_one("#dialog-choices")
        await tap(pilot, options, offset=(3, 3))  # station 2 (station 1 wraps onto two lines above it)
        assert app.screen is screen
        assert app.station == "s2"
        assert screen.tab == "write" and on_screen(screen.query_one("#note-text"))


async def test_touch_targets_are_big_enough_for_a_finger(store, clock):
    """Every button a finger taps is at least three rows high and six columns wide."""
    start_round(store)
    app = notes_app(store, clock)
    for size in (PHONE, TABLET):
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = app.screen
            for tab in ("write", "notes", "codes", "more"):
                screen.show_tab(tab)
                await pilot.pause()
                for button in screen.query("Button"):
                    if on_screen(button):
                        assert button.region.height >= 3, (size, tab, button.id, button.region)
                        assert button.region.width >= 6, (size, tab, button.id, button.region)
            app = notes_app(store, clock)


async def test_a_short_terminal_keeps_the_keys_first(store, clock):
    """At 80x24 no touch buttons take the notes' rows: the layout stays keys first."""
    start_round(store)
    app = notes_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.has_class("-touch")
        assert not any(on_screen(b) for b in screen.query("Button"))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20))
async def test_a_category_button_shows_its_name_as_written(store, clock, name):
    """Whatever a category is called (brackets, markup, emoji), its button says it as written, never obeys it."""
    try:
        category = codebook.new_category(store.session, name)
    except ChangeRefused:
        return
    store.set_section("categories", [*store.session.categories, category], "category added")
    app = notes_app(store, clock)
    async with app.run_test(size=PHONE) as pilot:
        await pilot.pause()
        labels = app.screen.query_one(CategoryButtons).labels()
        assert any(label.endswith(category.name) for label in labels), (category.name, labels)
    store.set_section("categories", [c for c in store.session.categories if c.id != category.id], "taken away")


async def test_a_browser_sending_the_same_size_again_redraws_nothing_and_a_new_size_redraws(store, clock):
    """A browser sends its size more than once as it connects: the note-taker's screen redraws only when the
    size (or the session) changed, and then shows it at once: the phone's layout, or the tablet's."""
    app = notes_app(store, clock)
    async with app.run_test(size=PHONE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        redraws: list[object] = []
        redraw = screen.redraw

        def counted() -> None:
            redraws.append(app.size)
            redraw()

        screen.redraw = counted  # type: ignore[method-assign]
        await pilot.resize_terminal(*PHONE)
        await pilot.pause()
        assert redraws == []
        await pilot.resize_terminal(*TABLET)
        await pilot.pause()
        assert redraws and screen.has_class("-narrow") is False
        assert on_screen(screen.query_one(NoteTable)) and on_screen(screen.query_one("#note-text", TextArea))
