"""The projector board: legible at 80x24, filling 160x45 and 200x60, right for every round, with the
people of every group (or, re-mixing, every person and their station); and the board and the
facilitator's screen no longer import each other."""

from __future__ import annotations

import ast
import datetime as dt
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
from workshop.tui.screens.board import BoardScreen, PeopleColumns, StationCard


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


def card_text(card: StationCard) -> list[str]:
    """The lines a card shows on the screen, as drawn for its size."""
    return [line.plain.rstrip() for line in card.lines()]


@pytest.mark.parametrize("size", [(80, 24), (160, 45), (200, 60)])
async def test_every_station_and_every_name_fits(store, clock, size):
    late_round_one(store, clock)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=size) as pilot:
        screen = await open_board(pilot)
        cards = list(screen.query(StationCard))
        assert len(cards) == 3
        for card, group in zip(cards, store.session.groups):
            assert card.region.bottom <= size[1] - 1, f"{card.title} is cut off"
            assert card.region.right <= size[0]
            shown = card_text(card)
            assert len(shown) <= card.content_region.height
            flat = " ".join(" ".join(shown).split())
            assert " ".join(card.title.split()) in flat, f"{card.title} is cut short"
            for member in group.members:
                assert member.name in flat, f"{member.name} is missing under {card.title}"
        assert screen.query_one(BoardClock).region.height >= 5
        assert visible(screen, "#board-round-state") == "Tilbage"
        assert screen.query_one(BoardClock).value == "06:00"
        # The room is filled: the cards reach the hint line at the bottom.
        assert max(card.region.bottom for card in cards) >= size[1] - 2


async def test_under_each_station_the_people_there_now_and_where_they_go_next(store, clock):
    late_round_one(store, clock)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        first = screen.query(StationCard).first()
        assert card_text(first) == [
            "Station 1 – Ledelse",
            "som fag v. Bodil",
            "",
            "",
            "",
            "",
            "Gruppe 1  → Station 2",
            "Åse Lund",
            "Mikkel Berg",
            "Freja Holm",
            "Henrik Dal",
            "Sofie Krog",
            "Omar Nasser",
        ]


async def test_during_the_break_the_board_shows_the_next_round(store, clock):
    late_round_one(store, clock)
    clock.now = dt.datetime(2026, 3, 12, 18, 59)
    store.set_section("live", live.next_item(store.session, clock.now), "break", undoable=False)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot)
        assert visible(screen, "#board-round-name") == "Pause og aftensmad"
        assert visible(screen, "#board-round-time") == "Næste runde: Runde 2 kl. 19.29"
        cards = list(screen.query(StationCard))
        # Where each group goes then, with its people: no "next" arrows yet.
        assert [(g.name, g.target) for c in cards for g in c.groups] == [
            ("Gruppe 3", ""),
            ("Gruppe 1", ""),
            ("Gruppe 2", ""),
        ]
        assert cards[0].groups[0].members[0] == "Birthe Møller"


async def test_the_board_follows_a_new_station(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await open_board(pilot)
        assert len(screen.query(StationCard)) == 3
        app.attempt(lambda: setup.add_station(store, "Fastholdelse", "Mette"))
        await pilot.pause()
        await pilot.pause()
        titles = [card.title for card in screen.query(StationCard)]
        assert titles[-1] == "Station 4 – Fastholdelse v. Mette"
        # Four cards do not fit side by side in 80 columns: two rows of two.
        cards = list(screen.query(StationCard))
        assert cards[2].region.y > cards[0].region.y
        assert all(card.region.width >= 26 for card in cards)


def remix(store) -> None:
    """People, not groups, move from round to round."""
    schedule = store.session.schedule.model_copy(update={"mode": "remix"})
    store.set_section("schedule", schedule, "remix")


async def test_remixing_lists_every_person_and_their_next_station(store, clock):
    remix(store)
    late_round_one(store, clock)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert not screen.query_one("#board-stations").display
        assert visible(screen, "#board-people-title") == "Hvor skal jeg hen efter runde 1?"
        people = screen.query_one(PeopleColumns)
        names = [name for name, _, _ in people.entries]
        assert names == sorted(names, key=lambda n: live.alphabetical_key(n, "da"))
        assert names[-1] == "Åse Lund" and len(names) == 17
        content = live.board(store.session, clock.now)
        expected = {move.name: f"→ Station {move.next_station}" for move in content.people}
        assert {name: target for name, target, _ in people.entries} == expected
        region = people.content_region
        lines = people.fit_lines(region.width, region.height)
        assert len(lines) <= region.height and max(len(line.plain) for line in lines) <= region.width
        shown = " ".join(line.plain for line in lines)
        assert all(name in shown for name in names)
        assert "Station 2 – Uddannelse" in visible(screen, "#board-legend")


async def test_remixing_before_a_round_says_where_to_go(store, clock):
    remix(store)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot)
        assert visible(screen, "#board-people-title") == "Hvor skal jeg hen i runde 1?"
        content = live.board(store.session, clock.now)
        entries = screen.query_one(PeopleColumns).entries
        assert entries[0] == ("Ali Hassan", f"→ Station {content.people[0].station}", f"→ {content.people[0].station}")


async def test_after_the_last_round(store, clock):
    moment = dt.datetime(2026, 3, 12, 18, 0)
    store.set_section("live", live.start(store.session, moment, "p6"), "plenary", undoable=False)
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(pilot)
        assert visible(screen, "#board-message") == "Alle runder er slut"
        assert visible(screen, "#board-round-name") == "Opsamling i plenum"


@pytest.mark.parametrize("size", [(80, 24), (160, 45), (200, 60)], ids=["80x24", "160x45", "200x60"])
@pytest.mark.parametrize("mode", ["groups", "remix"])
def test_board_with_people_snapshot(store, clock, snap_compare, size, mode):
    """The board with every group's people (or every person's next station) at 80x24, 160x45 and
    200x60, round 1 running with six minutes left (the clock frozen at 18.53)."""
    if mode == "remix":
        remix(store)
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
                circles.append(" -> ".join([*path[path.index(imported) :], imported]))
            elif len(path) < len(graph):
                follow(imported, [*path, imported])

    for module in graph:
        follow(module, [module])
    assert circles == []
