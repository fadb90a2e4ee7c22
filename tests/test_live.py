"""The live evening as pure functions: the clock, pauses, extensions, re-timing, catching up."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.model.session import Session
from workshop.scheduling import evening as live
from workshop.scheduling.timetable import clock
from workshop.storage.session_file import load

EVENING = Path(__file__).parent / "data" / "evening.toml"
DAY = dt.date(2026, 3, 12)


def at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute, second))


@pytest.fixture
def session() -> Session:
    return load(EVENING)[0]


def step(session: Session, new: live.Live) -> Session:
    session.live = new
    return session


def times(session: Session, now: dt.datetime) -> dict[str, tuple[str, str]]:
    """Item title -> (planned start, expected start), as a person reads them."""
    return {r.item.title: (clock(r.planned.start), clock(r.start)) for r in live.projected(session, now)}


def test_before_the_start_the_plan_is_shown(session):
    rows = live.projected(session, at(17, 55))
    assert [clock(r.start) for r in rows] == ["18.00", "18.20", "18.50", "19.20", "19.50", "20.20", "20.45"]
    assert {r.state for r in rows} == {"upcoming"}
    assert live.phase(session.live) == "before"
    assert live.timing(session, at(17, 55)).text == "20:00"


def test_a_late_start_moves_the_plenary(session):
    step(session, live.start(session, at(18, 7)))
    assert times(session, at(18, 7))["Opsamling i plenum"] == ("20.20", "20.27")
    assert live.delay_minutes(session, at(18, 7)) == 7
    assert live.timing(session, at(18, 7)).text == "20:00"


def test_the_clock_counts_down_and_changes_colour(session):
    step(session, live.start(session, at(18, 0)))
    assert live.timing(session, at(18, 10)).level == "normal"
    assert live.timing(session, at(18, 16)).level == "warning"  # 4 of 20 minutes left = 20 %
    assert live.timing(session, at(18, 19)).level == "critical"  # 1 of 20 minutes = 5 %
    assert live.timing(session, at(18, 19)).text == "01:00"
    over = live.timing(session, at(18, 22, 15))
    assert over.level == "overtime"
    assert over.text == "+02:15"


def test_overtime_pushes_every_later_item(session):
    step(session, live.start(session, at(18, 0)))
    assert times(session, at(18, 25))["Runde 1 ved stationer"] == ("18.20", "18.25")
    assert times(session, at(18, 25))["Tak for i dag"] == ("20.45", "20.50")


def test_pause_and_resume(session):
    step(session, live.start(session, at(18, 0)))
    step(session, live.pause(session, at(18, 5)))
    assert live.phase(session.live) == "paused"
    # While paused the clock stands still and the programme moves.
    assert live.timing(session, at(18, 8)).text == "15:00"
    assert times(session, at(18, 8))["Runde 1 ved stationer"][1] == "18.23"
    step(session, live.resume(session, at(18, 8)))
    assert session.live.paused_seconds == 180
    assert live.timing(session, at(18, 10)).text == "13:00"
    with pytest.raises(live.LiveError):
        live.resume(session, at(18, 11))


def test_extend_moves_the_rest(session):
    step(session, live.start(session, at(18, 0)))
    step(session, live.extend(session, 5))
    step(session, live.extend(session, 1))
    assert live.timing(session, at(18, 0)).text == "26:00"
    assert times(session, at(18, 0))["Opsamling i plenum"] == ("20.20", "20.26")


def test_end_early_waits_for_the_next_item(session):
    step(session, live.start(session, at(18, 0)))
    step(session, live.end_early(session, at(18, 15)))
    assert live.phase(session.live) == "ended"
    # No frozen count beside "Afsluttet": the digits say the item is over.
    assert live.timing(session, at(18, 16)).text == "--:--"
    # The next item can start now at the earliest.
    assert times(session, at(18, 16))["Runde 1 ved stationer"][1] == "18.16"
    step(session, live.next_item(session, at(18, 17)))
    assert session.live.current == "p2"
    assert [(a.item, a.end) for a in session.live.actual] == [("p1", at(18, 15)), ("p2", None)]


def test_next_through_the_whole_evening(session):
    step(session, live.next_item(session, at(18, 0)))
    moment = at(18, 0)
    for _ in range(len(session.program)):
        moment += dt.timedelta(minutes=30)
        step(session, live.next_item(session, moment))
    assert live.phase(session.live) == "finished"
    assert session.live.current is None
    assert all(r.state == "done" for r in live.projected(session, moment))
    with pytest.raises(live.LiveError):
        live.next_item(session, moment)


def test_catch_up_by_shortening_the_break(session):
    step(session, live.start(session, at(18, 7)))
    step(session, live.next_item(session, at(18, 27)))  # round 1 starts 7 minutes late
    step(session, live.catch_up(session, at(18, 30), "p3"))
    assert session.live.minutes == {"p3": 23}
    assert live.delay_minutes(session, at(18, 30)) == 0
    assert times(session, at(18, 30))["Opsamling i plenum"] == ("20.20", "20.20")
    with pytest.raises(live.LiveError, match="aftenen er i tide"):
        live.catch_up(session, at(18, 30), "p6")


def test_replan_refuses_items_that_ran(session):
    step(session, live.start(session, at(18, 0)))
    step(session, live.next_item(session, at(18, 20)))
    with pytest.raises(live.LiveError, match="vælg et senere punkt"):
        live.replan(session, "p1", 10)
    with pytest.raises(live.LiveError, match="vælg et senere punkt"):
        live.replan(session, "p2", 10)
    with pytest.raises(live.LiveError, match="mindst ét minut"):
        live.replan(session, "p3", 0)
    step(session, live.replan(session, "p3", 20))
    step(session, live.replan(session, "p3", 30))  # back to the plan: no override left
    assert session.live.minutes == {}


def test_steps_that_make_no_sense_now_are_refused(session):
    with pytest.raises(live.LiveError):
        live.pause(session, at(18, 0))
    with pytest.raises(live.LiveError):
        live.extend(session, 1)
    with pytest.raises(live.LiveError):
        live.end_early(session, at(18, 0))
    step(session, live.start(session, at(18, 0)))
    with pytest.raises(live.LiveError, match="aftenen er allerede i gang"):
        live.start(session, at(18, 1))
    with pytest.raises(live.LiveError, match="mindst ét minut"):
        live.extend(session, -20)


def test_an_english_session_is_told_in_english(session):
    session.workshop.language = "en"
    with pytest.raises(live.LiveError, match="nothing is running, so there is nothing to pause"):
        live.pause(session, at(18, 0))


def test_a_rehearsal_on_another_day_compares_clock_times(session):
    rehearsal = dt.datetime(2026, 2, 1, 18, 5)
    step(session, live.start(session, rehearsal))
    assert live.delay_minutes(session, rehearsal) == 5
    assert times(session, rehearsal)["Opsamling i plenum"] == ("20.20", "20.25")


def test_clock_text():
    assert live.clock_text(25 * 60) == "25:00"
    assert live.clock_text(0.4) == "00:01"
    assert live.clock_text(0) == "00:00"
    assert live.clock_text(-61) == "+01:01"
    assert live.clock_text(95 * 60) == "95:00"


def board_cells(session: Session, now: dt.datetime) -> list[tuple[str, list[str], list[int | None]]]:
    content = live.board(session, now)
    return [(line.station.id, line.ids, line.next_station) for line in content.lines]


def test_the_board_follows_the_rounds(session):
    # Before the evening: round 1 is next.
    content = live.board(session, at(17, 50))
    assert (content.round, content.upcoming) == (1, True)
    step(session, live.start(session, at(18, 0)))
    step(session, live.next_item(session, at(18, 20)))
    content = live.board(session, at(18, 21))
    assert (content.round, content.upcoming, content.last_round) == (1, False, False)
    # Round 1: S1-G1, S2-G2, S3-G3; in round 2 G1 goes to S2, G2 to S3, G3 to S1.
    assert board_cells(session, at(18, 21)) == [("s1", ["g1"], [2]), ("s2", ["g2"], [3]), ("s3", ["g3"], [1])]
    step(session, live.next_item(session, at(18, 50)))  # the break: round 2 is shown as upcoming
    content = live.board(session, at(18, 51))
    assert (content.round, content.upcoming) == (2, True)
    assert board_cells(session, at(18, 51)) == [("s1", ["g3"], [2]), ("s2", ["g1"], [3]), ("s3", ["g2"], [1])]
    step(session, live.next_item(session, at(19, 20)))
    step(session, live.next_item(session, at(19, 50)))
    content = live.board(session, at(19, 51))
    assert (content.round, content.last_round) == (3, True)
    assert board_cells(session, at(19, 51)) == [("s1", ["g2"], [None]), ("s2", ["g3"], [None]), ("s3", ["g1"], [None])]
    step(session, live.next_item(session, at(20, 20)))
    assert live.board(session, at(20, 21)).round is None


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["start", "pause", "resume", "extend", "end", "next", "replan"]),
        st.integers(min_value=0, max_value=40),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(ACTIONS)
def test_any_sequence_of_steps_keeps_the_programme_in_order(actions):
    session = load(EVENING)[0]
    moment = at(18, 0)
    for name, amount in actions:
        moment += dt.timedelta(minutes=amount % 13, seconds=amount)
        try:
            if name == "start":
                new = live.start(session, moment)
            elif name == "pause":
                new = live.pause(session, moment)
            elif name == "resume":
                new = live.resume(session, moment)
            elif name == "extend":
                new = live.extend(session, amount % 6 - 1)
            elif name == "end":
                new = live.end_early(session, moment)
            elif name == "next":
                new = live.next_item(session, moment)
            else:
                new = live.replan(session, session.program[amount % 7].id, amount + 1)
        except live.LiveError:
            continue
        session.live = live.Live.model_validate(new.model_dump())
    rows = live.projected(session, moment)
    assert len(rows) == len(session.program)
    upcoming = [r for r in rows if r.state == "upcoming"]
    for before, after in itertools.pairwise(upcoming):
        assert after.start == before.end
    for row in rows:
        assert row.end >= row.start
    timing = live.timing(session, moment)
    assert timing.level in ("normal", "warning", "critical", "overtime")


def test_the_board_shows_waiting_groups(session):
    from workshop.model.session import Group

    session.groups.append(Group(id="g4", name="Gruppe 4"))
    step(session, live.start(session, at(18, 20), "p2"))
    content = live.board(session, at(18, 21))
    assert content.waiting == [("Gruppe 4", 1)]
    assert [line.names for line in content.lines] == [["Gruppe 1"], ["Gruppe 2"], ["Gruppe 3"]]


def test_the_board_names_people_when_they_remix(session):
    session.schedule = session.schedule.model_copy(update={"mode": "remix"})
    step(session, live.start(session, at(18, 20), "p2"))
    content = live.board(session, at(18, 21))
    people = [name for line in content.lines for name in line.names]
    assert sorted(people) == sorted(m.name for m in session.people())
    assert content.waiting == []
    assert all(target is not None for line in content.lines for target in line.next_station)


def test_catch_up_to_the_minute_the_screen_shows(session):
    """Late by 7 min 30 s ("7 min. forsinket"): shortening by 8 put the plenary at 20.19 ("12.25 → 12.24")."""
    step(session, live.start(session, at(18, 7, 30)))
    assert live.delay_minutes(session, at(18, 7, 30)) == 7
    step(session, live.catch_up(session, at(18, 7, 30), "p3"))
    assert session.live.minutes == {"p3": 23}
    assert times(session, at(18, 7, 30))["Opsamling i plenum"] == ("20.20", "20.20")
    assert live.delay_minutes(session, at(18, 7, 30)) == 0


def test_a_rehearsal_hours_before_the_plan_can_move_the_plan(session):
    morning = dt.datetime(2026, 3, 12, 10, 1, 40)
    assert live.minutes_from_plan(session, morning) == -478  # 7 h 58 min 20 s before 18.00
    assert live.far_from_plan(session, morning)
    assert not live.far_from_plan(session, at(18, 45))  # 45 minutes late is an evening, not a rehearsal
    session.workshop = live.moved_plan(session, morning)
    assert session.workshop.start == dt.time(10, 1)
    step(session, live.start(session, morning))
    assert live.delay_minutes(session, morning) == 0
    assert times(session, morning)["Runde 2 ved stationer"] == ("11.21", "11.21")
    assert not live.far_from_plan(session, morning)  # the evening runs: no more questions


def test_an_item_that_just_started_is_not_ended_without_a_question(session):
    step(session, live.start(session, at(18, 0)))
    step(session, live.next_item(session, at(18, 20)))
    assert live.just_started(session, at(18, 20, 30))
    assert not live.just_started(session, at(18, 21))
    step(session, live.end_early(session, at(18, 25)))
    assert not live.just_started(session, at(18, 25, 10))  # ended: nothing left to end


def test_notes_per_station_in_the_round(session):
    from workshop.model.session import Note

    assert live.notes_round(session) is None
    step(session, live.start(session, at(18, 0)))
    step(session, live.next_item(session, at(18, 20)))
    assert live.notes_round(session) == 1
    session.notes = [
        Note(station="s1", round=1, text="a"),
        Note(station="s1", round=1, text="b"),
        Note(station="s3", round=1, text="c"),
        Note(station="s2", round=2, text="d"),
    ]
    assert [(n, count) for n, _, count in live.notes_per_station(session, 1)] == [(1, 2), (2, 0), (3, 1)]
    assert live.quiet_stations(session, 1, at(18, 21)) == {"s2"}  # the others have notes
    session.notes = []
    assert live.quiet_stations(session, 1, at(18, 22)) == set()  # two minutes in: nobody is quiet yet
    assert live.quiet_stations(session, 1, at(18, 26)) == {"s1", "s2", "s3"}
    step(session, live.next_item(session, at(18, 50)))  # the break: still round 1's notes
    assert live.notes_round(session) == 1


def test_the_board_names_every_member(session):
    step(session, live.start(session, at(18, 20), "p2"))
    content = live.board(session, at(18, 21))
    assert content.lines[0].members == [
        ["Åse Lund", "Mikkel Berg", "Freja Holm", "Henrik Dal", "Sofie Krog", "Omar Nasser"]
    ]
    assert not content.remix


def test_remixing_people_are_listed_in_danish_alphabetical_order(session):
    session.schedule = session.schedule.model_copy(update={"mode": "remix"})
    step(session, live.start(session, at(18, 20), "p2"))
    content = live.board(session, at(18, 21))
    names = [move.name for move in content.people]
    assert names[0] == "Ali Hassan" and names[-1] == "Åse Lund"  # Å is the last letter in Danish
    assert names.index("Tobias Eng") < names.index("Åse Lund")
    assert len(names) == len(session.people())
    for move in content.people:
        here = next(line.number for line in content.lines if move.name in line.ids)
        assert move.station == here
        assert move.next_station is not None and move.next_station != here


def test_alphabetical_order_by_language():
    names = ["Åse", "Ali", "Ørn", "Æble", "Zakarias", "Émile"]
    assert sorted(names, key=lambda n: live.alphabetical_key(n, "da")) == [
        "Ali",
        "Émile",
        "Zakarias",
        "Æble",
        "Ørn",
        "Åse",
    ]
    assert sorted(names, key=lambda n: live.alphabetical_key(n, "en"))[:2] == ["Æble", "Ali"]


def test_a_rounds_time_as_the_programme_shows_it(session):
    step(session, live.start(session, at(18, 7)))
    row = live.round_row(session, 2, at(18, 7))
    assert row is not None
    assert (clock(row.planned.start), clock(row.start)) == ("19.20", "19.27")
    assert live.round_row(session, 4, at(18, 7)) is None


def test_an_early_evening_says_as_many_minutes_early_as_the_times_differ(session):
    """Issue 18: the plenary at 20.20 expected at 20.15 must read "5 min. foran", not 4."""
    step(session, live.start(session, at(17, 54, 50)))  # started 5 min 10 s early
    shown = times(session, at(17, 54, 50))["Opsamling i plenum"]
    assert shown == ("20.20", "20.14")
    assert live.delay_minutes(session, at(17, 54, 50)) == -6
    fresh = load(EVENING)[0]
    step(fresh, live.start(fresh, at(17, 55, 0)))
    assert times(fresh, at(17, 55))["Opsamling i plenum"] == ("20.20", "20.15")
    assert live.delay_minutes(fresh, at(17, 55)) == -5


def test_a_plan_dated_years_ago_is_years_from_now_not_hours(session):
    """Issue 18: the start dialog compared the time of day only ("1 t. 22 min. efter planen")."""
    later = dt.datetime(2029, 3, 12, 19, 22)
    assert live.far_from_plan(session, later)
    assert live.plan_distance(session, later, "da") == "1096 dage efter planen (planen er fra 12.03.2026)"
    assert live.plan_distance(session, at(19, 22), "da") == "1 t. 22 min. efter planen"
    assert live.plan_distance(session, dt.datetime(2026, 3, 11, 18, 0), "en") == (
        "1 day before the plan (the plan is for 2026-03-12)"
    )
    moved = live.moved_plan(session, later)
    assert (moved.date, moved.start) == (later.date(), dt.time(19, 22))


def test_the_note_taker_sees_the_rounds_expected_time_not_the_plans(session):
    """Issue 18: round 1 ran 18.27 - ... while the plan said 18.20 - 18.50: the note-taker's top says 18.27."""
    from workshop.notes.capture import place
    from workshop.scheduling.timetable import span

    step(session, live.start(session, at(18, 7)))  # the welcome starts 7 minutes late
    step(session, live.next_item(session, at(18, 27)))  # round 1 starts at 18.27
    here = place(session, "s1", moment=at(18, 30))
    assert here is not None and here.round == 1
    assert here.slot is not None and span(here.slot) == "18.27 – 18.57"
    assert [span(s) for s in live.round_times(session, at(18, 30))][:2] == ["18.27 – 18.57", "19.27 – 19.57"]
