"""Every screen shows the session as it is now, wherever the change came from.

A change made on this screen, on another screen of the same app, by another app instance (a
second Store on the same file, as a second terminal would be) or by ``workshop note`` (its own
process) reaches every screen: the ones in view at once, the others (another mode's screen, the
screen under the one on top) when they are shown again. The tests read the screen as a user
does (:mod:`screen_reading`); the apps take in the others' changes when they poll
(``app.poll_store()``, what the app's timer calls every half second).
"""

from __future__ import annotations

import re
from pathlib import Path

from screen_reading import line_with, screen_text
from textual.widgets import DataTable, Input, TextArea
from workshop_process import note_command as start_note_command

from workshop.notes import codebook
from workshop.planning import setup
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.board import BoardScreen
from workshop.tui.screens.codebook import CodebookScreen
from workshop.tui.screens.facilitator import FacilitatorScreen
from workshop.tui.screens.notes import NotesScreen
from workshop.tui.screens.secretariat import SecretariatScreen
from workshop.tui.screens.setup import SetupScreen
from workshop.tui.screens.setup_forms import FormScreen

SMALL = (80, 24)
LARGE = (160, 45)


async def retype(pilot, text: str) -> None:
    """Replace the dialog's value with ``text`` (as if typed) and press enter."""
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()


async def put(pilot, text: str) -> None:
    """A note in the note field, saved with ctrl+s."""
    area = pilot.app.screen.query_one("#note-text", TextArea)
    area.focus()
    area.insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()


def listed(shown: str, name: str) -> int:
    """The number of notes the secretariat's list gives beside a summary's name."""
    found = re.search(re.escape(name) + r"[^\d]*?(\d+)", line_with(shown, name))
    assert found is not None, shown
    return int(found.group(1))


def other_instance(session_path: Path, author: str = "Bent") -> Store:
    """A second app instance's store on the same session (as a second terminal)."""
    return Store.open(session_path, author=author, backup=False)


async def note_command(session_path: Path, station: str, text: str, *categories: str) -> None:
    """``python -m workshop note ...`` in its own process, waited for."""
    process = await start_note_command(session_path, station, text, *categories)
    _, err = await process.communicate()
    assert process.returncode == 0, err.decode()


async def test_renaming_and_adding_categories_shows_at_once_in_the_codebook_and_the_legend(store, clock):
    app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, CodebookScreen)
        await pilot.press("r")
        await retype(pilot, "Lederskab")
        shown = screen_text(app)
        assert line_with(shown, "#4e79a7").split()[:2] == ["1", "Lederskab"]  # the row, as the dialog closes
        assert "Kodebog · 4 kategorier" in shown

        await pilot.press("n")
        await retype(pilot, "Lønvilkår")
        shown = screen_text(app)
        assert "Kodebog · 5 kategorier" in shown
        assert line_with(shown, "Lønvilkår").lstrip().startswith("5")

        await pilot.press("escape")  # back to the note-taker: the key legend has the new names
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        shown = screen_text(app)
        assert "1  Lederskab" in shown and "5  Lønvilkår" in shown


async def test_the_secretariat_counts_the_notes_taken_while_it_was_not_shown(store, clock, session_path):
    app = WorkshopApp(store, mode="secretariat", station="s2", clock=clock, poll=False)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("ctrl+l", "down", "down")  # station 2's summary
        await pilot.pause()
        assert app.screen.key == "s2"
        await pilot.press("f3")  # the note-taker at station 2 writes three notes
        await pilot.pause()
        for number in range(3):
            await put(pilot, f"Note nummer {number + 1} fra station 2")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, SecretariatScreen)
        shown = screen_text(app)
        assert listed(shown, "Station 2 – Uddannelse – …") == 3
        assert "3 noter" in shown
        assert listed(shown, "Opsamling") == 3

        # A note from a script while the secretariat looks on: the list and the details agree.
        await note_command(session_path, "s2", "Fra scriptet")
        app.poll_store()
        await pilot.pause()
        shown = screen_text(app)
        assert listed(shown, "Station 2 – Uddannelse – …") == 4
        assert "4 noter" in shown and "3 noter" not in shown


async def test_another_instances_change_reaches_the_screen_under_the_codebook(store, clock, session_path):
    app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+b")
        await pilot.pause()
        await note_command(session_path, "s1", "Mentorer til nye ledere", "Mentor")
        app.poll_store()
        await pilot.pause()
        assert "Kodebog · 5 kategorier" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        shown = screen_text(app)
        assert "Mentorer til nye ledere" in shown
        assert "5  Mentor" in line_with(shown, "Uddannelse")


async def test_a_change_made_in_another_mode_shows_when_the_mode_is_opened_again(store, clock, session_path):
    app = WorkshopApp(store, mode="facilitator", station="s1", clock=clock, poll=False)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("f3")  # the note-taker's screen exists now ...
        await pilot.pause()
        await pilot.press("f2")  # ... and is not shown while the facilitator works
        await pilot.pause()
        other = other_instance(session_path)
        setup.rename_group(other, "g1", "Gruppe Ræv")
        codebook.update(other, "c1", name="Ledelse og fag")
        other.close()
        app.poll_store()
        await pilot.pause()
        assert "Gruppe Ræv" in screen_text(app)  # the facilitator's rotation, in view
        await pilot.press("f3")
        await pilot.pause()
        shown = screen_text(app)
        assert "Gruppe Ræv" in shown  # the top: the group at the station
        # the categories: at 160x45 on the touch buttons ("1 Ledelse og fag"), at 80x24 in the legend
        assert re.search(r"\b1 +Ledelse og fag", line_with(shown, "Uddannelse"))


async def test_the_facilitator_under_the_board_shows_the_change_when_the_board_closes(store, clock, session_path):
    app = WorkshopApp(store, mode="facilitator", clock=clock, poll=False)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        other = other_instance(session_path)
        setup.rename_group(other, "g2", "Gruppe Ugle")
        other.close()
        app.poll_store()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorScreen)
        assert "Gruppe Ugle" in screen_text(app)


async def test_the_setup_behind_an_open_form_shows_another_instances_change(store, clock, session_path):
    app = WorkshopApp(store, mode="facilitator", clock=clock, poll=False)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("a")  # a new programme item's form is open
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        other = other_instance(session_path)
        setup.add_item(other, "Kaffe og kage", 15, "break")
        other.close()
        app.poll_store()
        await pilot.pause()
        behind = app.screen_stack[-2]
        assert isinstance(behind, SetupScreen) and behind.is_current  # it shows through around the form ...
        table = behind.query_one("#setup-program-table", DataTable)
        titles = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert "Kaffe og kage" in titles  # ... with the new item
        await pilot.press("escape")
        await pilot.pause()
        assert "Kaffe og kage" in screen_text(app)


async def test_a_form_closing_shows_its_own_change_without_a_redraw_by_hand(store, clock):
    app = WorkshopApp(store, mode="facilitator", clock=clock, poll=False)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("o", "4")  # the groups
        await pilot.pause()
        await pilot.press("r")  # rename the selected group (Gruppe 1)
        await pilot.pause()
        app.screen.query_one("#field-name", Input).value = "Gruppe Los"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "Gruppe Los (6)" in screen_text(app)
