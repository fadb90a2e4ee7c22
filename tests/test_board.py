"""The projector board: legible at 80x24, filling 160x45, right for every round; and the board and the
facilitator's screen no longer import each other."""

from __future__ import annotations

import ast
import datetime as dt
import textwrap
from pathlib import Path

import pytest
from test_facilitator_snapshots import fixed_title, late_round_one
from textual.widgets import Static

from workshop.planning import setup
from workshop.scheduling import evening as live
from workshop.tui.app import WorkshopApp
from workshop.tui.components.board_clock import (
    BoardClock,
    best_scale,
    render_big,
    width_of,
)
from workshop.tui.screens.board import BoardScreen


def test_block_digits_grow_with_the_room():
    assert width_of("25:00", 1) == 30  # four digits of 6, a colon of 2, four gaps
    assert best_scale("25:00", 30, 5) == 1
    assert best_scale("25:00", 29, 5) == 0
    assert best_scale("25:00", 30, 4) == 0
    assert best_scale("25:00", 106, 13) == 2
    assert best_scale("+05:00", 200, 60) == 5
    lines = render_big("1:0", 2)
    assert len(lines) == 10
    assert {len(line) for line in lines} == {width_of("1:0", 2)}


async def open_board(pilot) -> BoardScreen:
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BoardScreen)
    return screen


def visible(screen: BoardScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_the_board_before_the_evening(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert visible(screen, "#board-round-name") == "Næste runde: Runde 1"
        assert visible(screen, "#board-round-state") == "Starter 18.00"
        assert screen.query_one(BoardClock).value == "18.00"


async def test_every_station_fits_at_80x24(store, clock):
    late_round_one(store, clock)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        for row in screen.query(".board-row"):
            assert row.region.bottom <= 23, f"{row.id} is cut off"
        for title in screen.query(".board-station"):
            lines = textwrap.wrap(str(title.content), width=title.content_region.width)
            assert len(lines) <= title.content_region.height, f"{title.content} is cut off"
        assert screen.query_one(BoardClock).region.height >= 5
        assert visible(screen, "#board-round-state") == "Tilbage"
        assert screen.query_one(BoardClock).value == "06:00"


async def test_the_board_follows_a_new_station(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await open_board(pilot)
        assert len(screen.query(".board-station")) == 4  # the column titles and three stations
        app.attempt(lambda: setup.add_station(store, "Fastholdelse", "Mette"))
        await pilot.pause()
        await pilot.pause()
        titles = [str(s.content) for s in screen.query(".board-station")]
        assert titles[-1] == "Station 4 – Fastholdelse v. Mette"


async def test_after_the_last_round(store, clock):
    moment = dt.datetime(2026, 3, 12, 18, 0)
    store.set_section("live", live.start(store.session, moment, "p6"), "plenary", undoable=False)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert visible(screen, "#board-message") == "Alle runder er slut"
        assert visible(screen, "#board-round-name") == "Opsamling i plenum"


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_board_snapshot(store, clock, snap_compare, size):
    late_round_one(store, clock)
    app = WorkshopApp(store, clock=clock, poll=False)
    assert snap_compare(app, terminal_size=size, press=["b"], run_before=fixed_title)


def tui_imports() -> dict[str, set[str]]:
    """Each module of workshop.tui -> the modules of workshop.tui it imports when it runs (also late,
    inside a function; not the ones only the type checker reads)."""
    root = Path(__file__).parents[1] / "workshop"
    graph: dict[str, set[str]] = {}
    for path in (root / "tui").rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        imported: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and id(node) not in typing_only:
                base = package.split(".")[: len(package.split(".")) - max(node.level - 1, 0)] if node.level else []
                module = ".".join([*base, node.module] if node.module else base)
                if module.startswith("workshop.tui"):
                    imported.add(module)
        graph[name] = imported
    return graph


def test_no_two_modules_of_the_tui_import_each_other():
    graph = tui_imports()
    assert "workshop.tui.screens.clock_steps" in graph["workshop.tui.screens.board"]
    circles = []

    def follow(module: str, path: list[str]) -> None:
        for imported in graph.get(module, ()):
            if imported in path:
                circles.append(" -> ".join([*path[path.index(imported):], imported]))
            elif len(path) < len(graph):
                follow(imported, [*path, imported])

    for module in graph:
        follow(module, [module])
    assert circles == []
