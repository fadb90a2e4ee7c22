"""Every screen of every role at 80x24 (the floor), 160x45 and 44x40 (a phone), as snapshots (issue 18).

One evening for all: round 1 running late (the clock frozen at 18.53), eight people in group 1,
two draft recommendations for station 1 with long sections, a few notes at fixed times, and the
join view's made-up server; the screens that show who goes where (the facilitator, the board,
the schedule, the note-taker) also re-mixing, people rather than groups moving between rounds.
Update with ``--snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from fixed_notes import put
from test_board import remix
from test_facilitator_snapshots import late_round_one
from test_join_view import LINKS
from textual.widgets import TextArea

from workshop.model.session import Member
from workshop.notes import recommendations as recs
from workshop.serving.announce import announce
from workshop.tui.app import WorkshopApp

SIZES = [(80, 24), (160, 45), (44, 40)]
"""The floor, a wide terminal, and a phone held upright (390x844 through `serve` shows 43x40)."""
LONG = (
    "Der ansættes en deltidsprojektleder i et år, som skal igangsætte forløb for børn og unge i "
    "grundskolen, så de møder velfærdsfagene tidligt og får lyst til at uddanne sig indenfor dem."
)
NOTES = [
    ("s1", "Ledelse er et fag for sig – det skal kunne læres", ["c1"], 22),
    ("s1", "Nye ledere savner en mentor også i dagplejen", [], 26),
    ("s1", "Ledelsesspænd: 40 medarbejdere er for mange", ["c1", "c4"], 31),
    ("s2", "Interessen skal skabes allerede i grundskolen", ["c2"], 24),
]


def the_evening(store, clock) -> None:
    session = store.session
    group = session.groups[0]
    members = [*group.members, Member(name="Karla Fiktiv"), Member(name="Per Opdigt")][:8]
    store.set_section("groups", [group.model_copy(update={"members": members}), *session.groups[1:]], "eight")
    for title in ("Tidlig interesse for velfærdsfagene", "En attraktiv studie- og praktiktid"):
        recs.create(store, title, station="s1", intro=LONG, purpose=LONG, goals=LONG, actions=LONG)
    late_round_one(store, clock)
    start = dt.datetime(2026, 3, 12, 18, 0)
    for index, (station, text, categories, minute) in enumerate(NOTES, start=1):
        group = "g1" if station == "s1" else "g2"
        put(store, station, 1, text, group, categories, minute=minute, start=start, ident=f"n{index}")
    announce(store.path, LINKS)


Steps = Callable[[Any], Awaitable[None]]


def keys(*pressed: str) -> Steps:
    async def run(pilot) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()

    return run


# role (the app's mode), keys pressed, re-mixing
SCREENS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "facilitator": ("facilitator", (), False),
    "facilitator-remix": ("facilitator", (), True),
    "board": ("facilitator", ("b",), False),
    "board-remix": ("facilitator", ("b",), True),
    "join": ("facilitator", ("b", "j"), False),
    "setup-evening": ("facilitator", ("o", "1"), False),
    "setup-programme": ("facilitator", ("o", "2"), False),
    "setup-stations": ("facilitator", ("o", "3"), False),
    "setup-groups": ("facilitator", ("o", "4"), False),
    "schedule": ("facilitator", ("k",), False),
    "schedule-remix": ("facilitator", ("k",), True),
    "notes-draft": ("notes", (), False),
    "notes-remix": ("notes", (), True),
    "review": ("notes", ("ctrl+f",), False),
    "codebook": ("notes", ("ctrl+b",), False),
    "secretariat": ("secretariat", (), False),
    "recommendations": ("secretariat", ("ctrl+r",), False),
    "help": ("facilitator", ("f1",), False),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen(store, clock, snap_compare, screen, size):
    mode, pressed, remixing = SCREENS[screen]
    if remixing:
        remix(store)
    the_evening(store, clock)
    app = WorkshopApp(store, mode=mode, station="s1", clock=clock, poll=False, ask_author=False)
    app.animation_level = "none"

    async def run_before(pilot) -> None:
        pilot.app.sub_title = "evening.toml"
        await pilot.pause()
        await keys(*pressed)(pilot)
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
