"""Changes during the evening never move people silently, and never rewrite a round that has started.

The made-up evening: three stations, three groups, three rounds (p2, p4, p5). The facilitator
starts it with s (the welcome) and n (round 1); from then on, until the evening is over, a setup
or schedule change that would put someone somewhere else shows the rounds before and after
and waits for Enter; the rounds that have started stay as they were (stored as an explicit
``[[rotation]]`` together with the change, one ctrl+z takes both back).
"""

from __future__ import annotations

import datetime as dt

from screen_reading import screen_text
from textual.widgets import Input

from workshop.model.session import ActualTime, Group, Live
from workshop.planning import setup
from workshop.scheduling.evening_changes import evening_change, started_rounds
from workshop.scheduling.rotation import rotation
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.components.evening_dialog import EveningChangeDialog
from workshop.tui.screens.schedule import ScheduleScreen
from workshop.tui.screens.setup import SetupScreen
from workshop.tui.screens.setup_forms import FormScreen
from workshop.tui.textual_compat import notifications

SIZE = (160, 45)
ROUND_1 = {"s1": ["g1"], "s2": ["g2"], "s3": ["g3"]}


def running(session, *items: str):
    """The session as it is while the last of ``items`` runs (the others ran before it, 30 minutes each)."""
    start = dt.datetime(2026, 3, 12, 18, 0)
    minutes = dt.timedelta(minutes=30)
    actual = [
        ActualTime(item=item, start=start + n * minutes, end=start + (n + 1) * minutes)
        for n, item in enumerate(items[:-1])
    ]
    now = start + dt.timedelta(minutes=30 * (len(items) - 1))
    actual.append(ActualTime(item=items[-1], start=now))
    return session.model_copy(update={"live": Live(current=items[-1], started=now, actual=actual)})


def during_round_1(session):
    """The session as it is while round 1 runs (the welcome has been)."""
    return running(session, "p1", "p2")


def with_group(session, ident: str = "g4", name: str = "Gruppe 4"):
    return session.model_copy(update={"groups": [*session.groups, Group(id=ident, name=name)]})


def visits(rounds) -> set[tuple[str, str]]:
    return {(group, station) for one in rounds for station, groups in one.items() for group in groups}


def test_a_group_added_in_round_1_keeps_round_1_and_joins_the_later_rounds(store):
    before = during_round_1(store.session)
    assert started_rounds(before) == 1
    change = evening_change(before, with_group(before))
    assert change.kept == 1 and change.problem is None
    assert change.after[0] == ROUND_1
    assert change.changed == [2, 3]  # who is where in rounds 2 and 3 changes: it needs a yes
    later = change.after[1:]
    assert any("g4" in groups for one in later for groups in one.values())  # the new group gets stations
    # Nobody comes back to the station they were at in round 1.
    assert not visits(later) & visits([ROUND_1])


def test_a_group_added_in_round_2_keeps_rounds_1_and_2_as_they_ran(store):
    before = running(store.session, "p1", "p2", "p3", "p4")
    assert started_rounds(before) == 2
    ran = rotation(before)[:2]
    after = with_group(before)
    assert rotation(after)[:2] != ran  # the generated plan alone would rewrite round 2
    change = evening_change(before, after)
    assert change.after[:2] == ran and change.changed == [3]
    assert change.explicit == change.after  # so the rounds are stored with the change
    assert not visits(change.after[2:]) & visits(ran)  # and nobody comes back to a station


def test_a_change_that_moves_nobody_needs_no_question(store):
    before = during_round_1(store.session)
    renamed = [g.model_copy(update={"name": "Gruppe Ræv"}) if g.id == "g1" else g for g in before.groups]
    change = evening_change(before, before.model_copy(update={"groups": renamed}))
    assert not change.moves_people and change.explicit is None


async def start_round_1(pilot) -> None:
    await pilot.press("s")  # the welcome ...
    pilot.app.clock.advance(minutes=20)
    await pilot.press("n")  # ... then round 1
    await pilot.pause()
    assert pilot.app.store.session.live.current == "p2"


async def add_group(pilot, name: str = "Gruppe 4") -> None:
    await pilot.press("g")
    await pilot.pause()
    pilot.app.screen.query_one("#field-name", Input).value = name
    await pilot.press("enter")
    await pilot.pause()


async def test_adding_a_group_during_round_1_asks_first_and_keeps_round_1(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await start_round_1(pilot)
        planned = rotation(store.session)
        await pilot.press("o", "4")
        await pilot.pause()
        await add_group(pilot)
        assert isinstance(app.screen, EveningChangeDialog)
        shown = screen_text(app)
        assert "Aftenen er i gang – denne ændring flytter folk" in shown
        assert "Runde 1 er gået i gang og bliver, som den er." in shown
        assert "Før" in shown and "Efter" in shown and "Runde 2" in shown and "Gruppe 4" in shown
        assert "Runde 1 " not in shown.split("Efter", 1)[1]  # round 1 is not among the changes

        await pilot.press("escape")  # no: nothing changes, and the form is still there
        await pilot.pause()
        assert len(store.session.groups) == 3 and store.session.rotation == []
        assert isinstance(app.screen, FormScreen)
        assert "Intet er ændret" in [n.message for n in notifications(app)]

        await pilot.press("enter")  # the form again: yes this time
        await pilot.pause()
        assert isinstance(app.screen, EveningChangeDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert [g.name for g in store.session.groups][-1] == "Gruppe 4"
        now = rotation(store.session)
        assert now[0] == planned[0] == ROUND_1  # round 1 as it was
        assert any("g4" in groups for groups in now[1].values())

        await pilot.press("ctrl+z")  # one undo takes back the group and the stored rounds
        await pilot.pause()
        assert len(store.session.groups) == 3 and store.session.rotation == []
        assert rotation(store.session) == planned


async def test_a_group_added_in_round_2_is_stored_with_the_rounds_that_ran(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await start_round_1(pilot)
        for _ in range(2):  # the break, then round 2
            clock.advance(minutes=30)
            await pilot.press("n")
            await pilot.pause()
        assert store.session.live.current == "p4"
        ran = rotation(store.session)[:2]
        await pilot.press("o", "4")
        await pilot.pause()
        await add_group(pilot)
        assert isinstance(app.screen, EveningChangeDialog)
        assert "Runde 1-2 er gået i gang og bliver, som de er." in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert len(store.session.groups) == 4
        assert [r.round for r in store.session.rotation] == [1, 2, 3]  # stored with the change
        assert rotation(store.session)[:2] == ran
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(store.session.groups) == 3 and store.session.rotation == []


async def test_before_the_evening_a_new_group_is_added_without_a_question(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "4")
        await pilot.pause()
        await add_group(pilot)
        assert isinstance(app.screen, SetupScreen)
        assert len(store.session.groups) == 4 and store.session.rotation == []


async def test_a_rename_during_the_evening_moves_nobody_and_asks_nothing(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await start_round_1(pilot)
        await pilot.press("o", "4")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#field-name", Input).value = "Gruppe Ræv"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert store.session.groups[0].name == "Gruppe Ræv" and store.session.rotation == []


async def test_removing_a_station_whose_group_was_in_round_1_is_refused_during_the_evening(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await start_round_1(pilot)
        await pilot.press("o", "3")  # the stations; the cursor is on station 1
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert len(store.session.stations) == 3 and len(store.session.groups) == 3
        said = " ".join(n.message for n in notifications(app))
        assert "kan ikke fjernes, mens aftenen kører" in said and "vent til aftenen er slut" in said


async def test_switching_to_re_mixing_during_the_evening_asks_first(store, clock):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await start_round_1(pilot)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, EveningChangeDialog)
        shown = screen_text(app)
        assert "Skift til blanding af deltagerne midt i aftenen?" in shown
        assert "også runde 1, der er gået i gang" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert store.session.schedule.mode == "groups"
        await pilot.press("m", "enter")
        await pilot.pause()
        assert store.session.schedule.mode == "remix"


async def test_a_change_by_someone_else_while_the_question_is_open_is_not_made_blindly(store, clock, session_path):
    app = WorkshopApp(store, clock=clock, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await start_round_1(pilot)
        await pilot.press("o", "4")
        await pilot.pause()
        await add_group(pilot, "Gruppe 4")
        assert isinstance(app.screen, EveningChangeDialog)
        other = Store.open(session_path, author="Bent", backup=False)
        setup.add_group(other, "Gruppe Sen")
        other.close()
        app.poll_store()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [g.name for g in store.session.groups] == ["Gruppe 1", "Gruppe 2", "Gruppe 3", "Gruppe Sen"]
        said = " ".join(n.message for n in notifications(app))
        assert "runderne er ændret af en anden, mens du så på dem" in said
