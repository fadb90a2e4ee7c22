"""The app opens straight into the mode asked for, the function keys move between modes, and what
the app as a whole says (F1, the palette, undo and redo, Textual's own notices) is in Danish."""

from __future__ import annotations

import pytest
from screen_reading import screen_text
from textual import events
from textual.widgets import DataTable, Input
from waiting import palette_open, palette_prompts, until

from workshop.tui.app import WorkshopApp
from workshop.tui.help import HelpScreen
from workshop.tui.screens.board import BoardScreen
from workshop.tui.screens.facilitator import FacilitatorScreen
from workshop.tui.screens.notes import NotesScreen
from workshop.tui.screens.secretariat import SecretariatScreen
from workshop.tui.textual_compat import notifications
from workshop.words import KEYS, word

SCREENS = {"facilitator": FacilitatorScreen, "notes": NotesScreen, "secretariat": SecretariatScreen}


@pytest.mark.parametrize("mode", list(SCREENS))
async def test_the_app_opens_straight_into_its_mode(store, clock, mode):
    app = WorkshopApp(store, mode=mode, station="s1", clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == mode
        assert isinstance(app.screen, SCREENS[mode])
        await pilot.press("escape")  # nothing underneath to fall back to
        assert isinstance(app.screen, SCREENS[mode])


async def test_function_keys_switch_modes_and_f1_lists_the_keys(store, clock):
    app = WorkshopApp(store, station="s1", clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("f4")
        assert isinstance(app.screen, SecretariatScreen)
        await pilot.press("f2")
        assert isinstance(app.screen, FacilitatorScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, FacilitatorScreen)


def test_an_unknown_mode_is_refused_with_the_known_ones(store):
    with pytest.raises(ValueError, match="facilitator, notes, secretariat"):
        WorkshopApp(store, mode="board")


async def test_f1_lists_only_the_apps_keys_in_danish(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert str(app.screen.query_one(".section-title").content) == "Taster – facilitator"
        table = app.screen.query_one("#help-keys", DataTable)
        assert [str(column.label) for column in table.columns.values()] == ["Tast", "Handling", "Hvad den gør"]
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        actions = [row[1] for row in rows]
        assert actions[:2] == ["Start", "Pause"]  # the screen's own keys first, then the app's
        assert {"Tavle", "Opsætning", "Skema", "Hjælp", "Afslut", "Fortryd", "Kommandoer"} <= set(actions)
        assert not {"Cursor up", "Focus Next", "Copy selected text", "Top", "Bottom", "palette"} & set(actions)
        assert ["o, f5", "Opsætning", "Ret program, stationer, grupper og aftenens data"] in [list(r) for r in rows]
        await pilot.press("q")
        assert isinstance(app.screen, FacilitatorScreen)


async def test_the_palette_offers_the_screens_keys_once_each_in_danish(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        commands = list(app.get_system_commands(app.screen))
        titles = [command.title for command in commands]
        assert len(titles) == len(set(titles))
        assert all(command.help != command.title for command in commands)
        shown_words = {description for description, _ in KEYS.values()} | {
            word(key, "da") for key in ("screenshot", "maximize", "minimize")
        }
        assert set(titles) <= shown_words
        assert {"Indhent", "Tavle", "Skærmbillede", "Afslut"} <= set(titles)
        assert not {"Theme", "Keys", "Quit", "Cursor down", "Bottom"} & set(titles)

        await pilot.press("ctrl+p")
        await until(pilot, lambda: palette_open(app), "the palette")
        assert app.screen.query_one(Input).placeholder == "Søg efter en kommando …"
        await pilot.press(*"tavle")
        await until(pilot, lambda: any("Tavle" in line for line in palette_prompts(app)), "Tavle offered")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_a_search_the_palette_cannot_match_says_so_in_danish(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: palette_open(app), "the palette")
        await pilot.press(*"xyzzyq")
        # The palette waits half a second before it says nothing matched.
        await until(pilot, lambda: "Ingen kommando passer" in screen_text(app), "the palette's no-match line")
        assert "No matches found" not in screen_text(app)


async def test_undo_and_redo_say_what_they_did_in_danish(store, clock):
    app = WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape", "ctrl+y")  # from the notes (in the note field the keys undo typing)
        await pilot.pause()
        assert notifications(app)[-1].message == "Intet at gentage"
        app.attempt(lambda: store.add_note("s1", 1, "Kaffe til alle", categories=["c1"]))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notifications(app)[-1].message == "Fortrudt: note tilføjet"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert notifications(app)[-1].message == "Gentaget: note tilføjet"
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert notifications(app)[-1].message == "Intet at fortryde"


async def test_textuals_screenshot_notices_speak_danish(store, clock, tmp_path):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.deliver_screenshot(filename="skærm.svg", path=str(tmp_path))
        await until(pilot, lambda: notifications(app), "the screenshot's notice")
        assert (tmp_path / "skærm.svg").is_file()
        saved = notifications(app)[-1]
        assert (saved.title, saved.message) == ("Skærmbillede", f"Skærmbilledet er gemt i {tmp_path / 'skærm.svg'}")
        app.post_message(events.DeliveryFailed("key", OSError("disken er fuld"), name="screenshot"))
        await pilot.pause()
        messages = [n.message for n in notifications(app)]
        assert messages[-1] == "Skærmbilledet kunne ikke gemmes"
        assert not {"Saved screenshot", "Failed to save screenshot"} & set(messages)


async def test_f1_wraps_long_descriptions_at_80x24_instead_of_cutting_them(store, clock):
    """Issue 18: "start det næste n" was cut mid-word, the rest only reachable by scrolling sideways."""
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        table = app.screen.query_one("#help-keys", DataTable)
        assert table.virtual_size.width <= table.size.width  # nothing to scroll to sideways
        rows = [list(table.get_row_at(i)) for i in range(table.row_count)]
        longest = max(rows, key=lambda row: len(row[2]))
        index = rows.index(longest)
        assert list(table.rows.values())[index].height > 1  # wrapped onto more lines, not cut
        shown = screen_text(app)
        assert longest[2].split()[-1] in shown  # its last word is on the screen
