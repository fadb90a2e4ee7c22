"""Snapshots of the note-taker by touch: a phone (44x40, the Skriv and Kategorier tabs) and a tablet (100x40).

The same fixed evening as tests/test_notes_snapshots.py (eight notes at fixed times, a frozen
clock, no polling). Update with ``pytest tests/test_notes_touch_snapshots.py --snapshot-update``
and look at the SVGs.
"""

from __future__ import annotations

from test_notes_snapshots import evening, notes_app  # noqa: F401 (evening: the fixture)
from textual.widgets import TextArea

from workshop.tui.components.note_table import NoteTable

PHONE = (44, 40)
TABLET = (100, 40)


def test_phone_writing(evening, clock, snap_compare):  # noqa: F811
    async def run_before(pilot) -> None:
        pilot.app.screen.query_one("#note-text", TextArea).cursor_blink = False
        await pilot.pause()

    assert snap_compare(notes_app(evening, clock), terminal_size=PHONE, run_before=run_before)


def test_phone_categories_of_the_selected_note(evening, clock, snap_compare):  # noqa: F811
    async def run_before(pilot) -> None:
        pilot.app.screen.query_one("#note-text", TextArea).cursor_blink = False
        await pilot.click("#tab-codes")
        pilot.app.screen.query_one(NoteTable).move_cursor(row=2)  # "Ledelsesspænd": Ledelse and Fastholdelse
        await pilot.pause()

    assert snap_compare(notes_app(evening, clock), terminal_size=PHONE, run_before=run_before)


def test_tablet(evening, clock, snap_compare):  # noqa: F811
    async def run_before(pilot) -> None:
        pilot.app.screen.query_one("#note-text", TextArea).cursor_blink = False
        pilot.app.screen.query_one(NoteTable).move_cursor(row=2)
        await pilot.pause()

    assert snap_compare(notes_app(evening, clock), terminal_size=TABLET, run_before=run_before)


def test_phone_more(evening, clock, snap_compare):  # noqa: F811
    """The "≡" tab: change station, all notes, the codebook (no footer of keys a phone cannot press)."""

    async def run_before(pilot) -> None:
        pilot.app.screen.query_one("#note-text", TextArea).cursor_blink = False
        await pilot.click("#tab-more")
        await pilot.pause()

    assert snap_compare(notes_app(evening, clock), terminal_size=PHONE, run_before=run_before)
