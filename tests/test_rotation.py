"""The rotation: meeting 3's square exactly, its properties for any size, explicit tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.model.problems import SessionError
from workshop.scheduling.rotation import (
    RotationError,
    cyclic,
    groups_at,
    plan,
    rotation,
    route,
)
from workshop.storage.session_file import load, parse

ROOT = Path(__file__).parents[1]


def test_meeting_3_rotation_is_the_slides_table():
    session, _ = load(ROOT / "sessions" / "meeting-3.toml")
    assert rotation(session) == [
        {"s1": ["g1"], "s2": ["g2"], "s3": ["g3"]},
        {"s1": ["g3"], "s2": ["g1"], "s3": ["g2"]},
        {"s1": ["g2"], "s2": ["g3"], "s3": ["g1"]},
    ]


@settings(max_examples=40, deadline=None)
@given(n=st.integers(min_value=1, max_value=30))
def test_every_group_visits_every_station_once_and_each_station_hosts_one_group_a_round(n: int):
    stations = [f"s{i}" for i in range(1, n + 1)]
    groups = [f"g{i}" for i in range(1, n + 1)]
    rounds = cyclic(stations, groups)
    assert len(rounds) == n
    for assignment in rounds:
        assert sorted(assignment) == sorted(stations)
        assert all(len(there) == 1 for there in assignment.values())
        assert sorted(g for there in assignment.values() for g in there) == sorted(groups)
    for group in groups:
        visited = [s for r in rounds for s, there in r.items() if group in there]
        assert sorted(visited) == sorted(stations)


def test_group_at_and_route(session_path: Path):
    session, _ = load(session_path)
    assert groups_at(session, "s1", 2) == ["g3"]
    assert groups_at(session, "s1", 9) == []
    assert route(session, "g1") == [(1, "s1"), (2, "s2"), (3, "s3")]


def _with_extra_group(text: str) -> str:
    return text + '\n[[groups]]\nid = "g4"\nname = "Gruppe 4"\n'


def test_more_groups_than_stations_waits_or_shares_and_says_what_it_costs(session_path: Path):
    text = _with_extra_group(session_path.read_text(encoding="utf-8"))
    session = parse(text, session_path)  # 3 stations, 4 groups, 3 rounds: groups take turns waiting
    rounds = rotation(session)
    assert all(sum(len(g) for g in r.values()) == 3 for r in rounds)
    assert plan(session).costs[0] == "1 gruppe venter i hver runde"  # the session's own language
    english = parse(text.replace('language = "da"', 'language = "en"'), session_path)
    assert plan(english).costs[0] == "1 group waits in each round"
    shared = parse(text + '\n[schedule]\nextra_groups = "share"\n', session_path)
    for assignment in rotation(shared):
        assert sorted(len(g) for g in assignment.values()) == [1, 1, 2]
    for group in ("g1", "g2", "g3", "g4"):
        assert sorted(s for _, s in route(shared, group)) == ["s1", "s2", "s3"]


def test_more_rounds_than_the_shape_needs_gets_a_clear_message(session_path: Path):
    text = session_path.read_text(encoding="utf-8")
    text += '\n[[program]]\nid = "p8"\ntitle = "Runde 4"\nminutes = 30\nkind = "round"\n'
    with pytest.raises(SessionError) as caught:
        parse(text, session_path)
    message = str(caught.value)
    assert "4 runder er flere end denne form kræver" in message  # in the session's language
    assert "planlæg 3 runder" in message and "[[rotation]]" in message


def test_remix_mode_moves_people_and_the_cells_hold_names(session_path: Path):
    text = session_path.read_text(encoding="utf-8") + '\n[schedule]\nmode = "remix"\n'
    session = parse(text, session_path)
    rounds = rotation(session)
    people = sorted(m.name for m in session.people())
    for assignment in rounds:
        assert sorted(n for names in assignment.values() for n in names) == people
    for person in people:
        assert sorted(s for _, s in route(session, person)) == ["s1", "s2", "s3"]
    assert groups_at(session, "s1", 1) == []  # notes then belong to a station and round only


def test_an_explicit_rotation_is_used_and_checked(session_path: Path):
    text = _with_extra_group(session_path.read_text(encoding="utf-8"))
    text += "".join(
        f'\n[[rotation]]\nround = {r}\nstations = {{ s1 = ["g{a}"], s2 = ["g{b}"], s3 = ["g{c}", "g4"] }}\n'
        for r, (a, b, c) in enumerate([(1, 2, 3), (3, 1, 2), (2, 3, 1)], start=1)
    )
    session = parse(text, session_path)
    assert rotation(session)[0]["s3"] == ["g3", "g4"]

    broken = text.replace('s1 = ["g1"]', 's1 = ["g2"]', 1)
    with pytest.raises(SessionError) as caught:
        parse(broken, session_path)
    assert 'gruppen "g2" er ved to stationer i runde 1' in str(caught.value)


def test_rotation_of_a_session_without_stations_is_refused():
    with pytest.raises(RotationError):
        cyclic(["s1", "s2"], ["g1"])
