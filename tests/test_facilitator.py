"""The facilitator's evening driven through the app with a fake clock."""

from __future__ import annotations

import datetime as dt

import pytest
from screen_reading import screen_text
from textual.command import CommandPalette
from textual.widgets import Static

from workshop.scheduling import evening as live
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.key_footer import KeyFooter
from workshop.tui.components.live_programme import LiveProgramme
from workshop.tui.components.rotation_table import RotationTable, wrapped_lines
from workshop.tui.components.round_clock import WARNING_COLOUR, RoundClock
from workshop.tui.screens.board import BoardScreen, StationCard
from workshop.tui.screens.facilitator import FacilitatorScreen, TitleBar
from workshop.tui.textual_compat import notifications
from workshop.words import KEYS
from workshop.words.facilitator import KEYS as FACILITATOR_KEYS

# The facilitator's new keys speak Danish from workshop/words/facilitator.py until they are merged
# into workshop/words/keys.py.
KEYS.update({key: words for key, words in FACILITATOR_KEYS.items() if key not in KEYS})

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
        return self.screen.query_one(RoundClock).digits

    @property
    def item(self) -> str:
        return self.screen.query_one(RoundClock).item

    @property
    def state(self) -> str:
        return self.screen.query_one(RoundClock).state

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
    """Each station's card on the board: (its title, the group there, where the group goes next)."""
    screen = app.screen
    assert isinstance(screen, BoardScreen)
    return [
        (card.title, ", ".join(g.name for g in card.groups), ", ".join(g.target for g in card.groups))
        for card in screen.query(StationCard)
    ]


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
            (
                "Station 2 – Uddannelse – før, under og efter. Tidlig interesse for fagene v. Jonas",
                "Gruppe 2",
                "→ Station 3",
            ),
            (
                "Station 3 – Fra ledighed til uddannelse til fastansættelse og fastholdelse v. Yasmin",
                "Gruppe 3",
                "→ Station 1",
            ),
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
        assert text(app.screen.query_one("#board-round-time", Static)) == "Næste runde: Runde 2 kl. 19.20"
        assert board_rows(app)[0] == ("Station 1 – Ledelse som fag v. Bodil", "Gruppe 3", "")
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
        assert board_rows(app)[0] == ("Station 1 – Ledelse som fag v. Bodil", "Gruppe 2", "→ Plenum")
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
        await pilot.press("s", "s")  # the second s is no key any more: the evening is running
        await pilot.pause()
        assert len(store.session.live.actual) == 1
        assert " Start " not in str(app.screen.query_one(KeyFooter).render())


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
        await pilot.press("s")
        await pilot.press("n")  # a second n at once asks first: the welcome has just started
        await pilot.press("down", "enter")  # yes: round 1 runs from 18.00
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
            await pilot1.press("s")
            clock.advance(minutes=20)
            await pilot1.press("n")
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
        assert text(app.screen.query_one("#board-round-state", Static)) == "Overtid +00:01"


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


# The live view at every width ---------------------------------------------------------------------


def visible_footer_keys(app: WorkshopApp) -> list[str]:
    """The keys the footer shows, left to right, that lie wholly inside the terminal."""
    return app.screen.query_one(KeyFooter).shown


@pytest.mark.parametrize("mode", ["facilitator", "notes", "secretariat"])
async def test_f1_to_f4_stay_in_the_footer_at_80x24(store, clock, mode):
    app = WorkshopApp(store, clock=clock, poll=False, mode=mode, station="s1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = visible_footer_keys(app)
        assert {"f1", "f2", "f3", "f4"} <= set(shown), shown
        if mode == "facilitator":
            assert shown[:3] == ["s", "p", "n"]  # the evening's own keys first, as many as fit
            footer = app.screen.query_one(KeyFooter)
            assert "b" in footer.left_out  # the board is still on b, in F1's list and the palette


async def test_a_wide_footer_leaves_nothing_out(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(220, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(KeyFooter).left_out == ()
        assert {"s", "p", "n", "b", "o", "k", "f1", "f4", "ctrl+q"} <= set(visible_footer_keys(app))


async def test_a_click_on_a_footer_key_presses_it_and_hovering_shows_what_it_does(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        where = footer.columns_of("b")
        assert where is not None
        await pilot.hover(KeyFooter, offset=(where[0] + 1, 0))
        assert footer.tooltip == "Vis rotationstavlen til projektoren"
        await pilot.click(KeyFooter, offset=(where[0] + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_the_title_line_names_the_session_and_its_icon_opens_the_palette(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.sub_title = "aften.toml"
        await pilot.pause()
        assert "Udvalget om trivsel og rekruttering — aften.toml" in screen_text(app).splitlines()[0]
        await pilot.hover(TitleBar, offset=(1, 0))
        assert app.screen.query_one(TitleBar).tooltip == "Find en kommando på denne skærm ved navn"
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_footer_speaks_the_new_language_at_once(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        footer_line = screen_text(app).splitlines()[-1]
        assert " b Tavle " in footer_line and " f1 Hjælp " in footer_line
        english = store.session.workshop.model_copy(update={"language": "en"})
        store.set_section("workshop", english, "language")
        app.changed()
        await pilot.pause()
        await pilot.pause()
        footer_line = screen_text(app).splitlines()[-1]
        assert " b Board " in footer_line and " f1 Help " in footer_line and "Tavle" not in footer_line


async def test_the_rotation_uses_the_width_there_is(store, clock):
    """At 160 columns no station is cut to "Station 3: Fr": every name is whole, wrapped in the header."""
    app = make_app(store, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(RotationTable)
        columns = list(table.columns.values())
        assert sum(c.get_render_width(table) for c in columns) <= 160
        for column, station in zip(columns[1:], store.session.stations):
            assert station.name in " ".join(str(column.label).split())
            assert wrapped_lines(str(column.label), column.width) <= table.header_height
            assert column.width >= 40  # an equal share of what the round column leaves


async def test_the_rotation_at_80x24_shows_every_station_and_the_round_now(store, clock):
    """At 80 columns all three stations are on the screen (not 1.5), and the running round's row
    shows under a header cut short with "…" (the table scrolls for the rest)."""
    from test_facilitator_snapshots import late_round_one

    late_round_one(store, clock)
    app = make_app(store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one(RotationTable)
        columns = list(table.columns.values())
        assert len(columns) == 4
        assert sum(c.get_render_width(table) for c in columns) <= 80
        labels = [str(c.label) for c in columns[1:]]
        assert all(label.startswith(f"Station {n}:") for n, label in enumerate(labels, start=1))
        assert labels[1].endswith("…")
        assert table.cursor_row == 0  # round 1 runs
        assert table.header_height + 1 <= table.size.height  # and its row is below the header


async def test_the_rotation_shows_the_rounds_expected_times_at_every_size(store, clock):
    """Issue 18: round 1 began 18.29 (the plan said 18.20): the rotation says 18.29 – 18.59, also
    after the terminal is resized (a resize laid the plan's times out again)."""
    from test_facilitator_snapshots import late_round_one

    late_round_one(store, clock)
    app = make_app(store, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(RotationTable)
        assert "18.29 – 18.59" in " ".join(str(table.get_row_at(0)[0]).split())
        for size in ((80, 24), (44, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            first = " ".join(str(table.get_row_at(0)[0]).split())
            assert "18.29 – 18.59" in first and "18.20" not in first, (size, first)


async def test_stations_named_as_new_names_them_are_headed_once(tmp_path, clock):
    """A session from ``workshop new`` heads its columns "Station 1", not "Station 1: Station 1"."""
    from workshop.cli.main import main

    path = tmp_path / "ny.toml"
    assert main(["new", str(path), "--stations", "3", "--groups", "3"]) == 0
    with Store.open(path, author="Testa Testesen") as store:
        app = make_app(store, clock)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            table = app.screen.query_one(RotationTable)
            labels = [" ".join(str(c.label).split()) for c in list(table.columns.values())[1:]]
            assert labels == ["Station 1", "Station 2", "Station 3"]


async def test_the_rotation_follows_a_switch_to_remixing(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        table = app.screen.query_one(RotationTable)
        assert str(table.get_row_at(0)[1]) == "Gruppe 1"
        schedule = store.session.schedule.model_copy(update={"mode": "remix"})
        app.attempt(lambda: store.set_section("schedule", schedule, "remix"))
        await pilot.pause()
        await pilot.pause()
        title = app.screen.query_one("#live-rotation-title", Static)
        assert text(title) == "Rotation – deltagerne blandes"
        people = {m.name for m in store.session.people()}
        first_round = [str(table.get_row_at(0)[i]) for i in range(1, 4)]
        named = [name.strip() for cell in first_round for name in cell.split(",")]
        assert sorted(named) == sorted(people)


async def test_notes_per_station_in_the_round_from_other_processes(store, clock, session_path):
    app = make_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        look = Look(app)
        notes = app.screen.query_one("#live-notes", Static)
        assert not notes.display  # before the first round there is nothing to count
        await pilot.press("s")
        clock.advance(minutes=20)
        await pilot.press("n")
        assert text(notes) == "Noter i runde 1 – station 1: 0 · 2: 0 · 3: 0"
        other = Store.open(session_path, author="Referent", backup=False)
        try:
            other.add_note("s1", 1, "Første note")
            other.add_note("s1", 1, "Anden note")
            other.add_note("s3", 1, "Tredje note")
            other.add_note("s2", 2, "Skrevet til runde 2 ved en fejl")
        finally:
            other.close()
        app.poll_store()
        await pilot.pause()
        assert text(notes) == "Noter i runde 1 – station 1: 2 · 2: 0 (stille) · 3: 1"
        content = notes.content
        marked = {content.plain[span.start : span.end] for span in content.spans if WARNING_COLOUR in str(span.style)}
        assert marked == {"2: 0 (stille)"}, "the quiet station stands out in orange"
        assert look.item == "Runde 1 ved stationer"  # all without leaving the live view
