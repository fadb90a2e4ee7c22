"""The facilitator's evening driven through the app with a fake clock."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Digits, Static

from workshop.scheduling import evening as live
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.live_programme import LiveProgramme
from workshop.tui.components.round_clock import RoundClock
from workshop.tui.screens.board import BoardScreen
from workshop.tui.screens.facilitator import FacilitatorScreen
from workshop.tui.textual_compat import notifications

SIZE = (100, 30)


def make_app(store: Store, clock) -> WorkshopApp:
    return WorkshopApp(store, clock=clock, poll=False)


def text(widget: Static) -> str:
    return str(widget.content)


class Look:
    """What the facilitator sees, read from the screen's widgets."""

    def __init__(self, app: WorkshopApp) -> None:
        self.app = app

    @property
    def screen(self) -> FacilitatorScreen:
        screen = self.app.screen
        assert isinstance(screen, FacilitatorScreen)
        return screen

    @property
    def digits(self) -> str:
        return self.screen.query_one("#clock-digits", Digits).value

    @property
    def item(self) -> str:
        return text(self.screen.query_one("#clock-item", Static))

    @property
    def state(self) -> str:
        return text(self.screen.query_one("#clock-state", Static))

    @property
    def delay(self) -> str:
        return text(self.screen.query_one("#live-delay", Static))

    def row(self, item_id: str) -> list[str]:
        table = self.screen.query_one(LiveProgramme)
        return [str(cell) for cell in table.get_row(item_id)]

    @property
    def level(self) -> str:
        widget = self.screen.query_one(RoundClock)
        return next((c for c in ("-overtime", "-critical", "-warning") if widget.has_class(c)), "-normal")


async def tick(pilot) -> None:
    screen = pilot.app.screen
    result = screen.tick()
    if result is not None:
        await result
    await pilot.pause()


def select_row(app: WorkshopApp, item_id: str) -> None:
    table = app.screen.query_one(LiveProgramme)
    table.move_cursor(row=table.get_row_index(item_id))


def board_rows(app: WorkshopApp) -> list[tuple[str, str, str]]:
    screen = app.screen
    assert isinstance(screen, BoardScreen)
    rows = []
    for row in screen.query(".board-row"):
        if row.id == "board-columns":
            continue
        cells = [text(row.query_one(f".{name}", Static)) for name in ("board-station", "board-now", "board-next")]
        rows.append(tuple(cells))
    return rows


async def test_a_whole_evening(store, clock):
    app = make_app(store, clock)
    bells: list[int] = []
    app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        look = Look(app)
        assert look.item == "Velkomst v. formanden"
        assert look.digits == "20:00"
        assert "Tryk s" in look.state

        # The chair arrives late: the welcome starts at 18.07 and the plenary moves.
        clock.advance(minutes=7)
        await pilot.press("s")
        assert look.row("p1")[0] == "▶"
        assert look.delay == "7 min. forsinket · Opsamling i plenum 20.20 → 20.27"
        assert look.row("p6")[1:3] == ["20.20 – 20.45", "20.27 – 20.52"]

        # Five more minutes for the welcome.
        await pilot.press("X")
        assert look.digits == "25:00"
        assert look.delay.startswith("12 min. forsinket")

        # A pause of three minutes stops the clock and moves the rest.
        clock.advance(minutes=3)
        await pilot.press("p")
        assert "pause" in look.state.lower()
        clock.advance(minutes=3)
        await tick(pilot)
        assert look.digits == "22:00"
        assert look.delay.startswith("15 min. forsinket")
        await pilot.press("p")
        assert look.state.startswith("Kører")

        # Orange at 20 % left, red at 5 %, the bell once at zero, then overtime counting up.
        clock.advance(minutes=17)
        await tick(pilot)
        assert (look.digits, look.level) == ("05:00", "-warning")
        clock.advance(minutes=4)
        await tick(pilot)
        assert (look.digits, look.level) == ("01:00", "-critical")
        clock.advance(minutes=1, seconds=30)
        await tick(pilot)
        assert (look.digits, look.level) == ("+00:30", "-overtime")
        assert len(bells) == 1
        clock.advance(seconds=30)
        await tick(pilot)
        assert look.digits == "+01:00"
        assert len(bells) == 1

        # Round 1 (18.20 planned) starts at 18.36.
        await pilot.press("n")
        assert look.item == "Runde 1 ved stationer"
        assert look.row("p2")[0] == "▶"
        assert look.row("p1")[0] == "✓"
        assert look.delay == "16 min. forsinket · Opsamling i plenum 20.20 → 20.36"

        # The board shows who is where now and where they go next.
        await pilot.press("b")
        assert isinstance(app.screen, BoardScreen)
        assert board_rows(app) == [
            ("Station 1 – Ledelse som fag v. Bodil", "Gruppe 1", "→ Station 2"),
            ("Station 2 – Uddannelse – før, under og efter. Tidlig interesse for fagene v. Jonas",
             "Gruppe 2", "→ Station 3"),
            ("Station 3 – Fra ledighed til uddannelse til fastansættelse og fastholdelse v. Yasmin",
             "Gruppe 3", "→ Station 1"),
        ]
        assert text(app.screen.query_one("#board-round-name", Static)) == "Runde 1"
        await pilot.press("escape")
        assert isinstance(app.screen, FacilitatorScreen)

        # Catch up: shorten the dinner break by the delay.
        select_row(app, "p3")
        await pilot.press("c")
        assert look.row("p3")[4] == "30 → 14"
        assert look.delay.startswith("Til tiden")

        # The break: the board shows round 2 coming, with its groups.
        clock.advance(minutes=30)
        await pilot.press("n")
        assert look.item == "Pause og aftensmad"
        assert look.digits == "14:00"
        await pilot.press("b")
        assert text(app.screen.query_one("#board-col-now", Static)) == "Runde 2"
        assert [row[1] for row in board_rows(app)] == ["Gruppe 3", "Gruppe 1", "Gruppe 2"]
        # Next from the board itself.
        clock.advance(minutes=14)
        await pilot.press("n")
        assert text(app.screen.query_one("#board-round-name", Static)) == "Runde 2"
        await pilot.press("escape")

        clock.advance(minutes=30)
        await pilot.press("n")
        assert look.item == "Runde 3 ved stationer"
        await pilot.press("b")
        assert board_rows(app)[0] == ("Station 1 – Ledelse som fag v. Bodil", "Gruppe 2", "Plenum")
        await pilot.press("escape")
        for minutes in (30, 25, 15):
            clock.advance(minutes=minutes)
            await pilot.press("n")
        assert look.item == "Aftenen er slut"
        assert all(look.row(item.id)[0] == "✓" for item in store.session.program)

    # Everything the clock did is in the session file's journal.
    again = Store.open(store.path, backup=False, readonly=True)
    assert again.session.live.finished
    assert [a.item for a in again.session.live.actual] == [i.id for i in store.session.program]
    assert again.session.live.minutes == {"p3": 14}


async def test_refused_steps_are_explained(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert any("intet at sætte på pause" in n.message for n in notifications(app))
        await pilot.press("s", "s")
        await pilot.pause()
        assert any("allerede i gang" in n.message for n in notifications(app))


async def test_replan_a_later_item(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        select_row(app, "p6")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", "2", "0", "enter")
        await pilot.pause()
        look = Look(app)
        assert look.row("p6")[4] == "25 → 20"
        assert look.row("p7")[2] == "20.40 – 20.55"
        assert store.session.live.minutes == {"p6": 20}


async def test_reopening_after_a_crash_resumes_the_clock(session_path, clock):
    first = Store.open(session_path, author="Testa Testesen")
    app = make_app(first, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "n")  # round 1 runs from 18.00
        await pilot.press("x")
    # The process dies here: the store is never closed, nothing is folded into the TOML.
    clock.advance(minutes=12)
    second = Store.open(session_path, author="Testa Testesen")
    try:
        again = make_app(second, clock)
        async with again.run_test(size=SIZE) as pilot:
            look = Look(again)
            assert look.item == "Runde 1 ved stationer"
            assert look.digits == "19:00"  # 30 + 1 minutes, 12 gone
            assert look.state.startswith("Kører")
    finally:
        second.close()
        first.journal.close()


async def test_a_second_instance_follows_the_round(session_path, clock):
    facilitator = Store.open(session_path, author="Facilitator")
    notes = Store.open(session_path, author="Referent", backup=False)
    try:
        first = make_app(facilitator, clock)
        second = make_app(notes, clock)
        async with first.run_test(size=SIZE) as pilot1, second.run_test(size=SIZE) as pilot2:
            await pilot1.press("s", "n")
            look = Look(second)
            assert look.item == "Velkomst v. formanden"
            second.poll_store()  # what the app's 0.5 s timer does
            await pilot2.pause()
            assert look.item == "Runde 1 ved stationer"
            assert look.row("p2")[0] == "▶"
    finally:
        notes.close()
        facilitator.close()


async def test_an_english_session_speaks_english(store, clock):
    from workshop.planning import setup

    setup.update_workshop(store, language="en")
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        look = Look(app)
        assert "Press s" in look.state
        table = app.screen.query_one(LiveProgramme)
        headers = [str(column.label) for column in table.columns.values()]
        assert headers[1:] == ["Planned", "Actual / expected", "Activity", "min"]
        clock.advance(minutes=3)
        await pilot.press("s")
        assert look.delay == "3 min late · Opsamling i plenum 20:20 → 20:23"
        keys = {b.binding.id: b.binding.description for b in app.screen.active_bindings.values()}
        assert keys["facilitator.next"] == "Next"


async def test_danish_keys_in_the_footer_and_palette(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE):
        keys = {b.binding.id: b.binding.description for b in app.screen.active_bindings.values()}
        assert keys["facilitator.next"] == "Næste"
        assert keys["facilitator.board"] == "Tavle"
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Indhent" in commands and "Opsætning" in commands


def test_transitions_keep_the_store_valid(store):
    """The live state the screen saves passes the store's checks at every step."""
    moment = dt.datetime(2026, 3, 12, 18, 0)
    for transition in (live.start, live.next_item, live.next_item):
        new = transition(store.session, moment)
        store.set_section("live", new, "step", undoable=False)
        moment += dt.timedelta(minutes=25)
    assert store.session.live.current == "p3"
    assert not store.can_undo()


async def test_the_bell_rings_while_the_board_is_shown(store, clock):
    app = make_app(store, clock)
    bells: list[int] = []
    app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        facilitator = app.screen
        await pilot.press("s")
        await pilot.press("b")
        clock.advance(minutes=19, seconds=59)
        facilitator.tick()
        clock.advance(seconds=2)
        facilitator.tick()
        facilitator.tick()
        assert len(bells) == 1
        # The board shows the overtime too.
        await app.screen.tick()
        await pilot.pause()
        assert text(app.screen.query_one("#board-round-state", Static)) == "Overtid"


async def test_no_bell_when_reopened_in_overtime(store, clock):
    store.set_section("live", live.start(store.session, clock.now), "started", undoable=False)
    clock.advance(minutes=25)
    app = make_app(store, clock)
    bells: list[int] = []
    app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await tick(pilot)
        assert Look(app).digits == "+05:00"
        assert bells == []
