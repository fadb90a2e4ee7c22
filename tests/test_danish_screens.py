"""Danish all the way through: every screen of the Danish example, read as a user sees it.

The example session (sessions/meeting-3.toml, in Danish) is opened in a copy, with a few made-up
notes, and every screen is visited at a laptop's 80 x 24 and a projector's 160 x 45: the
facilitator, F1, the palette, the board, the four setup tabs and their forms, the schedule, the
note-taker, the codebook, the review and its matrix, the secretariat with an export, and the
notices of undo, redo and saving. The text on the screen may hold none of the English words and
phrases below (whole words, as written; the words Danish shares with English, such as Station,
Note, Plenum, Start and Pause, are fine).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from export_notes import add_notes
from screen_reading import svg_text as screen_text
from textual.app import App
from textual.pilot import Pilot
from waiting import palette_open, palette_prompts, until

from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp

EXAMPLE = Path(__file__).parents[1] / "sessions" / "meeting-3.toml"

ENGLISH = (
    # F1
    "Key",
    "Action",
    "What it does",
    "Keys",
    "Cursor up",
    "Cursor down",
    "Cursor left",
    "Page up",
    "Page down",
    "Focus Next",
    "Focus Previous",
    "Copy selected text",
    "Select",
    "Top",
    "Bottom",
    "Home",
    # the palette
    "Search for commands",
    "palette",
    "Palette",
    "Theme",
    "Quit",
    "Screenshot",
    "Maximize",
    "Minimize",
    # the footers
    "Help",
    "Save",
    "Export",
    "Anonymized",
    "Review",
    "Codebook",
    "Summaries",
    "Write",
    "Close",
    "Cancel",
    "Back",
    "Edit",
    "Add",
    "Remove",
    "Delete",
    "Rename",
    "Merge",
    "Split",
    "Colour",
    "Next",
    "Board",
    "Setup",
    "Schedule",
    "Notes",
    "Round",
    "Group",
    "Category",
    "Search",
    "Clear",
    "View",
    "Undo",
    "Redo",
    "Mark",
    "Go on",
    # notices
    "Nothing to undo",
    "Nothing to redo",
    "Undone",
    "Redone",
    "Summary saved",
    "Nothing new to save",
    "Exported",
    "Exporting",
    "Export failed",
    "Minutes",
    "Route cards",
    "Quote table",
    "Failed to save screenshot",
    # the clock, setup, the schedule and the forms
    "nothing to pause",
    "started already",
    "Evening",
    "Programme",
    "Stations",
    "Groups",
    "People",
    "Participants",
    "group wait",
    "groups wait",
    "misses",
    "people met",
    "politician",
    "staff",
    "union",
    "education",
    "correct the value",
    "Summary",
    "Uncoded",
    "waits",
)
"""English words and phrases that must not show on a Danish screen (as written: "Minutes" is the
document, "minutes" may be the session file's own name of a field)."""

PATTERN = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?!\w)")


def english_in(text: str) -> list[str]:
    return sorted({match.group(0) for match in PATTERN.finditer(text)})


def test_the_scan_finds_english_and_passes_danish():
    assert english_in("s Start  ^p palette  Cursor up") == ["Cursor up", "palette"]
    assert english_in("Taster – facilitator · Gem · Eksportér · Station 1 · Noter · Plenum · Pause") == []
    assert english_in("Gruppe 1: Anna (politician)") == ["politician"]
    assert english_in("Keyboard-venlig; Savedelen") == []  # whole words only
    assert english_in("Minutes: referat.docx · [[program]] #2, minutes") == ["Minutes"]  # as written


@pytest.fixture
def example(tmp_path: Path) -> Store:
    """The Danish example in a temporary copy, with the made-up notes of the export tests."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = folder / "meeting-3.toml"
    shutil.copy(EXAMPLE, path)
    store = Store.open(path, author="Testa Testesen")
    add_notes(store)
    yield store
    store.close()


Step = Callable[[Pilot[None]], Awaitable[None]]


def keys(*pressed: str, ready: Callable[[App[Any]], object] | None = None) -> Step:
    """Press ``pressed``; then wait until the app is ``ready`` (by default: until it has taken the keys in)."""

    async def step(pilot: Pilot[None]) -> None:
        await pilot.press(*pressed)
        if ready is None:
            await pilot.pause()
        else:
            await until(pilot, lambda: ready(pilot.app), f"ready after {pressed}")

    return step


async def finish_exports(pilot: Pilot[None]) -> None:
    await pilot.press("f5")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


TOURS: dict[str, tuple[str, list[tuple[str, Step, str]]]] = {
    # mode: the screens visited, in order: what it is, the keys that lead there, the screen it is
    "facilitator": (
        "facilitator",
        [
            ("facilitator", keys(), "FacilitatorScreen"),
            ("undo", keys("ctrl+z"), "FacilitatorScreen"),
            ("pause before the start", keys("p"), "FacilitatorScreen"),
            ("F1", keys("f1"), "HelpScreen"),
            ("palette", keys("escape", "ctrl+p", ready=palette_open), "Palette"),
            ("palette, searching", keys(*"ta", ready=palette_prompts), "Palette"),
            ("board", keys("escape", "b"), "BoardScreen"),
            ("join view", keys("j"), "JoinScreen"),
            ("setup 1 evening", keys("escape", "escape", "o", "1"), "SetupScreen"),
            ("setup 1 evening form", keys("e"), "FormScreen"),
            ("setup 2 programme", keys("escape", "2"), "SetupScreen"),
            ("setup 2 programme form", keys("enter"), "FormScreen"),
            ("setup 2 a refused value", keys("tab", "ctrl+a", "ctrl+k", "0", "ctrl+s"), "FormScreen"),
            ("setup 3 stations", keys("escape", "3"), "SetupScreen"),
            ("setup 3 stations form", keys("e"), "FormScreen"),
            ("setup 4 groups", keys("escape", "4"), "SetupScreen"),
            ("setup 4 person form", keys("a"), "FormScreen"),
            ("setup 4 move a person", keys("escape", "down", "m"), "ChoiceDialog"),
            ("schedule", keys("escape", "escape", "k"), "ScheduleScreen"),
            ("schedule re-mixing", keys("m"), "ScheduleScreen"),
            ("schedule forming groups", keys("m", "f"), "FormScreen"),
        ],
    ),
    "notes": (
        "notes",
        [
            ("note-taker", keys(), "NotesScreen"),
            (
                "note saved, then undone and redone",
                keys(*"Ny note", "ctrl+s", "escape", "ctrl+z", "ctrl+y"),
                "NotesScreen",
            ),
            ("F1 at the notes", keys("f1"), "HelpScreen"),
            ("category prompt", keys("escape", "c"), "CategoryPrompt"),
            ("codebook", keys("escape", "ctrl+b"), "CodebookScreen"),
            ("codebook merge", keys("m"), "ChoiceDialog"),
            ("review", keys("escape", "escape", "ctrl+f"), "ReviewScreen"),
            ("review by station", keys("v"), "ReviewScreen"),
            ("review matrix", keys("m"), "ReviewScreen"),
            ("the notes behind a count", keys("enter"), "NoteListDialog"),
            ("review, nothing found", keys("escape", "m", "slash", *"zzz", "enter"), "ReviewScreen"),
            ("choose a station", keys("escape", "ctrl+t"), "ChoiceDialog"),
            ("palette at the notes", keys("escape", "ctrl+p", ready=palette_open), "Palette"),
        ],
    ),
    "secretariat": (
        "secretariat",
        [
            ("secretariat", keys(), "SecretariatScreen"),
            ("nothing new to save", keys("ctrl+s"), "SecretariatScreen"),
            ("summary saved", keys(*"Godt møde", "ctrl+s"), "SecretariatScreen"),
            ("export", finish_exports, "SecretariatScreen"),
            ("F1", keys("f1"), "HelpScreen"),
            ("palette", keys("escape", "ctrl+p", ready=palette_open), "Palette"),
        ],
    ),
}


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
@pytest.mark.parametrize("tour", list(TOURS))
async def test_every_danish_screen_speaks_danish(example, tour, size):
    mode, steps = TOURS[tour]
    app = WorkshopApp(example, mode=mode, station="s1", poll=False)
    found: dict[str, list[str]] = {}
    visited: list[tuple[str, str]] = []
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        for name, step, _ in steps:
            await step(pilot)
            await pilot.pause()  # the notices of the step show
            visited.append((name, type(app.screen).__name__))
            english = english_in(screen_text(app.export_screenshot()))
            if english:
                found[name] = english
            app.clear_notifications()  # so that they cover nothing the next step shows
    assert visited == [(name, screen) for name, _, screen in steps]
    assert found == {}
