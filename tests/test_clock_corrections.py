"""The facilitator corrects the clock: minutes taken off, the last step taken back, a second `n`
that asks first, an ended item that says so, catching up to the minute, and a rehearsal hours
away from the plan; the clock's state in words and in colours a projector shows."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from workshop.scheduling import evening as live
from workshop.storage.change_labels import change_label
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.board_clock import BoardClock
from workshop.tui.components.live_programme import LiveProgramme
from workshop.tui.components.note_dialogs import ChoiceDialog
from workshop.tui.components.round_clock import RoundClock
from workshop.tui.screens.board import BoardScreen
from workshop.tui.screens.facilitator import FacilitatorScreen
from workshop.tui.textual_compat import notifications
from workshop.words import KEYS
from workshop.words.facilitator import KEYS as FACILITATOR_KEYS

# The facilitator's new keys speak Danish from workshop/words/facilitator.py until they are merged
# into workshop/words/keys.py.
KEYS.update({key: words for key, words in FACILITATOR_KEYS.items() if key not in KEYS})

SIZE = (100, 30)
DAY = dt.date(2026, 3, 12)


def make_app(store: Store, clock, mode: str = "facilitator") -> WorkshopApp:
    return WorkshopApp(store, clock=clock, poll=False, mode=mode)


def text(widget: Static) -> str:
    return str(widget.content)


def digits(app: WorkshopApp) -> str:
    return app.screen.query_one(RoundClock).digits


def state(app: WorkshopApp) -> str:
    return app.screen.query_one(RoundClock).state


def row(app: WorkshopApp, item_id: str) -> list[str]:
    return [str(cell) for cell in app.screen.query_one(LiveProgramme).get_row(item_id)]


async def tick(pilot) -> None:
    """What the screen's once-a-second timer does."""
    result = pilot.app.screen.tick()
    if result is not None:
        await result
    await pilot.pause()


def messages(app: WorkshopApp) -> list[str]:
    return [n.message for n in notifications(app)]


async def test_minutes_off_the_running_item(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.press("z")
        assert digits(app) == "19:00"
        await pilot.press("Z")
        assert digits(app) == "14:00"
        assert row(app, "p1")[4] == "20 - 6"
        assert row(app, "p2")[2] == "18.14 – 18.44"  # round 1 comes six minutes sooner
        await pilot.press("Z", "Z", "Z")  # not below one minute: the third is refused with a reason
        await pilot.pause()
        assert digits(app) == "04:00"
        assert any("mindst ét minut" in m for m in messages(app))
        keys = {b.binding.id: b.binding.description for b in app.screen.active_bindings.values()}
        assert keys["facilitator.shorten1"] == "-1 min"


async def test_n_pressed_twice_asks_before_the_dinner_break_is_gone(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        clock.advance(minutes=20)
        await pilot.press("n")  # round 1 starts
        clock.advance(minutes=30)
        await pilot.press("n", "n")  # the break starts, and the second n asks
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "«Pause og aftensmad» startede for 0 sekunder siden" in app.screen.title_text
        await pilot.press("enter")  # the first answer is "no": the break goes on
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorScreen)
        assert store.session.live.current == "p3"
        assert digits(app) == "30:00"

        await pilot.press("e")  # ending early asks too
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert live.phase(store.session.live) == "running"

        await pilot.press("n", "down", "enter")  # yes: round 2 starts
        await pilot.pause()
        assert store.session.live.current == "p4"

        clock.advance(minutes=1)  # a minute on, n goes on without a question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorScreen)
        assert store.session.live.current == "p5"


async def test_the_board_asks_too(store, clock):
    store.set_section("live", live.start(store.session, clock.now), change_label("clock_started"), undoable=False)
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b", "n")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert store.session.live.current == "p1"


async def test_undo_takes_back_the_clocks_last_step_and_nothing_else(store, clock, session_path):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        clock.advance(minutes=21)
        await pilot.press("n")  # round 1 from 18.21
        # Meanwhile a note-taker writes a note and the secretariat a summary, in other processes.
        other = Store.open(session_path, author="Referent", backup=False)
        try:
            note = other.add_note("s1", 1, "En note fra runde 1")
            other.set_section("summary", store.session.summary.model_copy(update={"overall": "Opsamlet"}), "sum")
        finally:
            other.close()
        app.poll_store()
        clock.advance(minutes=2)
        await pilot.press("X")
        assert digits(app) == "33:00"

        await pilot.press("u")  # the five minutes go
        await pilot.pause()
        assert digits(app) == "28:00"
        assert "Fortrudt: punktet forlænget med 5 min." in messages(app)
        await pilot.press("u")  # round 1 goes: the welcome runs on from 18.00
        await pilot.pause()
        assert store.session.live.current == "p1"
        assert app.screen.query_one(RoundClock).item == "Velkomst v. formanden"
        assert digits(app) == "+03:00"
        assert "Fortrudt: næste punkt startet" in messages(app)
        # The note and the summary are still there.
        assert [n.id for n in store.session.notes] == [note.id]
        assert store.session.summary.overall == "Opsamlet"

        await pilot.press("u", "u")  # the start goes, then there is nothing left to take back
        await pilot.pause()
        assert live.phase(store.session.live) == "before"
        assert "Intet trin på uret at fortryde" in messages(app)

    # The journal says what happened, in words.
    with Store.open(session_path, readonly=True, backup=False) as journal:
        labels = [event.label for event in journal.history(3)]
    assert labels[0].startswith("change_clock_undone")


async def test_undo_from_the_board_after_a_restart(session_path, clock):
    first = Store.open(session_path, author="Facilitator")
    try:
        first.set_section("live", live.start(first.session, clock.now), change_label("clock_started"), undoable=False)
        clock.advance(minutes=20)
        first.set_section("live", live.next_item(first.session, clock.now), change_label("clock_next"), undoable=False)
    finally:
        first.close()
    again = Store.open(session_path, author="Facilitator")
    try:
        app = make_app(again, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("b", "u")
            await pilot.pause()
            assert again.session.live.current == "p1"
            assert text(app.screen.query_one("#board-round-name", Static)) == "Velkomst v. formanden"
    finally:
        again.close()


async def test_an_ended_item_shows_no_frozen_count(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        clock.advance(minutes=15, seconds=25)
        await pilot.press("e", "enter")  # e asks first; Enter ends it
        clock.advance(minutes=2)
        await tick(pilot)
        assert digits(app) == "--:--"
        assert state(app) == "Afsluttet kl. 18.15 – tryk n for næste punkt"
        await pilot.press("b")
        await pilot.pause()
        assert app.screen.query_one(BoardClock).value == "--:--"
        assert text(app.screen.query_one("#board-round-state", Static)) == "Afsluttet"


async def test_catching_up_does_not_overshoot_by_a_minute(store, clock):
    clock.now = dt.datetime.combine(DAY, dt.time(18, 7, 30))
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        delay = app.screen.query_one("#live-delay", Static)
        assert text(delay) == "7 min. forsinket · Opsamling i plenum 20.20 → 20.27"
        table = app.screen.query_one(LiveProgramme)
        table.move_cursor(row=table.get_row_index("p3"))
        await pilot.press("c")
        await pilot.pause()
        assert row(app, "p3")[4] == "30 → 23"
        assert row(app, "p6")[2] == "20.20 – 20.45"  # not 20.19
        assert text(delay) == "Til tiden"


async def test_a_morning_rehearsal_moves_the_plan_to_now(store, clock):
    clock.now = dt.datetime.combine(DAY, dt.time(10, 1, 40))
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.title_text == (
            "Aftenen er planlagt til kl. 18.00, og klokken er 10.01: 7 t. 58 min. før planen. Flyt planen til nu?"
        )
        await pilot.press("escape")  # not now: nothing starts
        await pilot.pause()
        assert live.phase(store.session.live) == "before"

        await pilot.press("s", "enter")  # move the plan
        await pilot.pause()
        assert isinstance(app.screen, FacilitatorScreen)
        assert store.session.workshop.start == dt.time(10, 1)
        assert text(app.screen.query_one("#live-delay", Static)) == "Til tiden"
        assert row(app, "p4")[1:3] == ["11.21 – 11.51", "11.21 – 11.51"]  # planned and expected agree
        clock.advance(minutes=20)
        await pilot.press("n")
        await pilot.pause()

        # The note-taker's round follows the same clock.
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)  # which station?
        await pilot.press("enter")
        await pilot.pause()
        top = str(app.screen.query_one("CaptureHeader").render())
        assert "Runde 1 10.21 – 10.51" in top

        # One step takes it all back: the plan is at 18.00 again.
        await pilot.press("f2", "u", "u")
        await pilot.pause()
        assert store.session.workshop.start == dt.time(18, 0)
        assert live.phase(store.session.live) == "before"


async def test_keeping_the_plan_says_how_far_off_the_rehearsal_is(store, clock):
    clock.now = dt.datetime.combine(DAY, dt.time(10, 2))
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "down", "enter")
        await pilot.pause()
        assert store.session.workshop.start == dt.time(18, 0)
        assert text(app.screen.query_one("#live-delay", Static)).startswith("478 min. foran")


async def test_the_clock_says_its_state_in_words_and_in_strong_colours(store, clock):
    app = make_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        clock.advance(minutes=17)
        await tick(pilot)
        widget = app.screen.query_one(RoundClock)
        orange = widget.digits_colour
        assert orange.r >= 230 and 110 <= orange.g <= 190 and orange.b <= 60, orange
        clock.advance(minutes=6, seconds=12)
        await tick(pilot)
        assert state(app) == "Overtid +03:12 – Tryk n for at gå videre"
        background = widget.styles.background
        assert background.r >= 180 and background.g <= 40 and background.b <= 40, background  # white on red
        assert widget.digits_colour.brightness > 0.9
        await pilot.press("b")
        await pilot.pause()
        assert text(app.screen.query_one("#board-round-state", Static)) == "Overtid +03:12"
        big = app.screen.query_one(BoardClock).styles.background
        assert big.r >= 180 and big.g <= 40 and big.b <= 40
        await pilot.press("p")
        await tick(pilot)
        assert text(app.screen.query_one("#board-round-state", Static)) == "Pause"
