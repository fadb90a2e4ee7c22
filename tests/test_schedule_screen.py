"""The schedule screen: routes, costs, re-mixing and forming groups from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from screen_reading import screen_text

from workshop.storage.session_file import load
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.schedule import ScheduleScreen


def cells(app) -> list[list[str]]:
    table = app.screen.query_one("#schedule-routes")
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_routes_remix_and_forming_groups(session_path: Path, clock):
    store = Store.open(session_path, author="Vibeke Facilitator")
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        rows = cells(app)
        assert rows[0] == ["Gruppe 1", "Station 1", "Station 2", "Station 3"]
        assert rows[1] == ["Gruppe 2", "Station 2", "Station 3", "Station 1"]
        mode = str(app.screen.query_one("#schedule-mode").render())
        assert mode == "Faste grupper roterer"  # the square: no word of more groups than stations

        await pilot.press("m")  # people re-mix
        await pilot.pause()
        assert store.session.schedule.mode == "remix"
        rows = cells(app)
        assert len(rows) == 17  # every participant has a route
        assert all(sorted(r[1:]) == ["Station 1", "Station 2", "Station 3"] for r in rows)
        costs = str(app.screen.query_one("#schedule-costs").render())
        assert "mødte andre: mindst" in costs

        await pilot.press("m")
        await pilot.press("f")  # form 4 balanced groups
        await pilot.pause()
        count = app.screen.query_one("#field-count")
        count.value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        assert len(store.session.groups) == 4
        assert sorted(len(g.members) for g in store.session.groups) == [4, 4, 4, 5]
        rows = cells(app)
        assert "flere grupper end stationer" in str(app.screen.query_one("#schedule-mode").render())
        assert len(rows) == 4 and any("venter" in r for r in rows)  # 4 groups, 3 stations: one waits
        costs = str(app.screen.query_one("#schedule-costs").render())
        assert "venter" in costs

        await pilot.press("ctrl+z")  # the old groups come back
        await pilot.pause()
        assert len(store.session.groups) == 3
    store.close()
    session, _ = load(session_path)
    assert len(session.groups) == 3 and session.schedule.mode == "groups"


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
async def test_the_schedule_opens_with_every_cell_in_full(session_path: Path, clock, size):
    store = Store.open(session_path, author="Vibeke Facilitator")
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("k")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert next(line for line in lines if "Runde 1" in line).split() == [
            "Gruppe",
            "Runde",
            "1",
            "Runde",
            "2",
            "Runde",
            "3",
        ]
        assert next(line for line in lines if "Gruppe 2" in line).split() == [
            "Gruppe",
            "2",
            "Station",
            "2",
            "Station",
            "3",
            "Station",
            "1",
        ]
    store.close()


def test_the_schedule_screen_looks_right(session_path: Path, clock, snap_compare):
    store = Store.open(session_path, author="Vibeke Facilitator")
    app = WorkshopApp(store, clock=clock, poll=False)
    try:
        assert snap_compare(app, terminal_size=(100, 30), press=["k"])
    finally:
        store.close()
