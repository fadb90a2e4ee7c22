"""Snapshots of the note-taker's screens at 80 x 24: capture, codebook and review.

Fixed data (notes with fixed times), a frozen clock and no polling, so nothing moves.
Update with ``pytest tests/test_notes_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import datetime as dt

import pytest
from fixed_notes import put
from textual.widgets import TextArea

from workshop.model.session import Live
from workshop.tui.app import WorkshopApp
from workshop.tui.components.note_table import NoteTable
from workshop.tui.screens.codebook import CodebookScreen
from workshop.tui.screens.review import ReviewScreen

SIZE = (80, 24)
T0 = dt.datetime(2026, 3, 12, 18, 20)

NOTES = [
    ("s1", 1, "g1", "Ledelse er et fag for sig – det skal kunne læres", ["c1"], 2),
    ("s1", 1, "g1", "Nye ledere savner en mentor\nogså i dagplejen", [], 6),
    ("s1", 1, "g1", "Ledelsesspænd: 40 medarbejdere er for mange", ["c1", "c4"], 11),
    ("s1", 1, "g1", "Praktik i ledelse for interesserede", [], 17),
    ("s2", 1, "g2", "Interessen skal skabes allerede i grundskolen", ["c2"], 4),
    ("s2", 1, "g2", "Studiejob som vej ind i faget", ["c2", "c3"], 9),
    ("s3", 1, "g3", "Ledige kan tage uddannelse med løn", ["c3"], 5),
    ("s3", 1, "g3", "Trivselskonsulent – ja tak", ["c4"], 14),
]


@pytest.fixture
def evening(store):
    """Round 1 is running; eight notes at fixed times."""
    store.set_section("live", Live(current="p2", started=T0), "round 1 started")
    for station, round_number, group, text, categories, minute in NOTES:
        author = "Anna" if station != "s2" else "Bo"
        put(store, station, round_number, text, group, categories, author=author, minute=minute, start=T0)
    return store


def notes_app(store, clock) -> WorkshopApp:
    return WorkshopApp(store, mode="notes", station="s1", clock=clock, poll=False)


def test_capture_screen(evening, clock, snap_compare):
    async def run_before(pilot) -> None:
        area = pilot.app.screen.query_one("#note-text", TextArea)
        area.cursor_blink = False
        area.focus()
        area.insert("Hvem tager sig af\nintroduktionen?")
        await pilot.pause()

    assert snap_compare(notes_app(evening, clock), terminal_size=SIZE, run_before=run_before)


def test_codebook_screen(evening, clock, snap_compare):
    async def run_before(pilot) -> None:
        pilot.app.push_screen(CodebookScreen())
        await pilot.pause()
        await pilot.press("down")

    assert snap_compare(notes_app(evening, clock), terminal_size=SIZE, run_before=run_before)


def test_review_screen(evening, clock, snap_compare):
    async def run_before(pilot) -> None:
        pilot.app.push_screen(ReviewScreen())
        await pilot.pause()
        pilot.app.screen.query_one(NoteTable).focus()

    assert snap_compare(notes_app(evening, clock), terminal_size=SIZE, run_before=run_before)


def test_review_matrix(evening, clock, snap_compare):
    async def run_before(pilot) -> None:
        pilot.app.push_screen(ReviewScreen())
        await pilot.pause()
        await pilot.press("m")

    assert snap_compare(notes_app(evening, clock), terminal_size=SIZE, run_before=run_before)
