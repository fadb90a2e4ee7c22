"""Keys that cannot skip the evening: starting past items, ending early and s Start ask or go (issue 18)."""

from __future__ import annotations

from textual.widgets import Static

from workshop.tui.app import WorkshopApp
from workshop.tui.components.key_footer import KeyFooter
from workshop.tui.components.live_programme import LiveProgramme
from workshop.tui.components.note_dialogs import ChoiceDialog

SIZE = (100, 30)


def facilitator(store, clock) -> WorkshopApp:
    return WorkshopApp(store, clock=clock, poll=False)


def select_row(app: WorkshopApp, item_id: str) -> None:
    table = app.screen.query_one(LiveProgramme)
    table.move_cursor(row=table.get_row_index(item_id))


def question(app: WorkshopApp) -> str:
    assert isinstance(app.screen, ChoiceDialog), "a question is asked"
    return str(app.screen.query_one(".dialog-title", Static).content)


def footer_keys(app: WorkshopApp) -> list[str]:
    return list(app.screen.query_one(KeyFooter).shown)


async def to_the_break(pilot, clock) -> None:
    """s, then n twice: welcome, round 1, the break (p3) running."""
    for key in ("s", "n", "n"):
        await pilot.press(key)
        await pilot.pause()
        clock.advance(minutes=5)


async def test_g_past_rounds_not_run_asks_first_esc_changes_nothing_enter_starts(store, clock):
    app = facilitator(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_break(pilot, clock)
        before = store.session.live
        assert before.current == "p3"
        select_row(app, "p6")
        await pilot.press("g")
        await pilot.pause()
        asked = question(app)
        assert "springer 2 punkter over" in asked
        assert "Runde 2 ved stationer" in asked and "Runde 3 ved stationer" in asked
        await pilot.press("escape")
        await pilot.pause()
        assert store.session.live == before
        select_row(app, "p6")
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")  # Enter confirms
        await pilot.pause()
        assert store.session.live.current == "p6"
        await pilot.press("u")  # and undo stays
        await pilot.pause()
        assert store.session.live.current == "p3"


async def test_g_on_the_next_item_starts_it_without_asking(store, clock):
    app = facilitator(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_break(pilot, clock)
        select_row(app, "p4")
        await pilot.press("g")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        assert store.session.live.current == "p4"


async def test_e_asks_before_ending_a_round_early(store, clock):
    app = facilitator(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_break(pilot, clock)
        before = store.session.live
        await pilot.press("e")
        await pilot.pause()
        assert "Pause og aftensmad" in question(app) and "før tid" in question(app)
        await pilot.press("escape")
        await pilot.pause()
        assert store.session.live == before
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        ended = [a for a in store.session.live.actual if a.item == "p3"]
        assert ended and ended[0].end is not None


async def test_s_start_leaves_the_footer_once_the_evening_has_started(store, clock):
    app = facilitator(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "s" in footer_keys(app)
        await pilot.press("s")
        await pilot.pause()
        assert "s" not in footer_keys(app)
        await pilot.press("u")  # the start taken back: s is there again
        await pilot.pause()
        assert "s" in footer_keys(app)


# Adding a station to a square evening -----------------------------------------------------------


async def add_station(pilot) -> None:
    await pilot.press("o", "3")
    await pilot.press("a", *"Trivsel", "tab", *"Mette", "ctrl+s")
    await pilot.pause()


async def test_a_station_on_a_square_evening_asks_esc_adds_nothing(store, clock):
    from workshop.tui.screens.setup_forms import FormScreen

    app = facilitator(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_station(pilot)
        asked = question(app)
        assert "3 stationer, 3 grupper og 3 runder" in asked and "Trivsel" in asked
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # back at the form, as typed
        assert [s.name for s in store.session.stations][-1] != "Trivsel"
        assert len(store.session.groups) == 3 and len(store.session.round_items()) == 3


async def test_a_station_left_idle_brings_no_group_and_no_round(store, clock):
    app = facilitator(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_station(pilot)
        await pilot.press("down", "enter")  # leave it idle
        await pilot.pause()
        assert store.session.stations[-1].name == "Trivsel"
        assert len(store.session.groups) == 3 and len(store.session.round_items()) == 3


async def test_a_station_with_a_group_and_a_round(store, clock):
    app = facilitator(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await add_station(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert store.session.groups[-1].name == "Gruppe 4" and len(store.session.round_items()) == 4
