"""Rotation shapes beyond the square (workshop.scheduling.shapes): properties and the meeting-3 square."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.scheduling.shapes import (
    MODES,
    Plan,
    ScheduleError,
    cyclic,
    plan_rotation,
    williams_sequence,
)


def ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(1, count + 1)]


def visits(plan: Plan, group: str) -> list[str]:
    return [s for s in plan.route(group) if s is not None]


# --------------------------------------------------------------------------- the square


def test_meeting_three_square_is_reproduced_exactly() -> None:
    expected = [
        {"S1": ["G1"], "S2": ["G2"], "S3": ["G3"]},
        {"S1": ["G3"], "S2": ["G1"], "S3": ["G2"]},
        {"S1": ["G2"], "S2": ["G3"], "S3": ["G1"]},
    ]
    stations, groups = ["S1", "S2", "S3"], ["G1", "G2", "G3"]
    assert cyclic(stations, groups, 3) == expected
    for mode in MODES:
        plan = plan_rotation(stations, groups, 3, mode=mode)
        assert plan.rounds == expected
        assert plan.shape == "square"
        assert plan.costs == [] and plan.missing == {} and plan.waiting == [[], [], []]


@given(st.integers(1, 12))
def test_square_formula_for_any_size(n: int) -> None:
    stations, groups = ids("s", n), ids("g", n)
    plan = plan_rotation(stations, groups)
    for r, rnd in enumerate(plan.rounds):
        for s, station in enumerate(stations):
            assert rnd[station] == [groups[(s - r) % n]]


# --------------------------------------------------------------------------- every shape


@settings(max_examples=150, deadline=None)
@given(
    n_s=st.integers(1, 10),
    n_g=st.integers(1, 14),
    mode=st.sampled_from(MODES),
    data=st.data(),
)
def test_every_shape_keeps_its_promises(n_s: int, n_g: int, mode: str, data: st.DataObject) -> None:
    stations, groups = ids("s", n_s), ids("g", n_g)
    share = mode == "share" and n_g > n_s
    needed = n_s if share else max(n_s, n_g)
    rounds = data.draw(st.one_of(st.none(), st.integers(1, needed)))
    plan = plan_rotation(stations, groups, rounds, mode=mode)
    count = needed if rounds is None else rounds
    assert len(plan.rounds) == len(plan.waiting) == count
    for rnd, waiting in zip(plan.rounds, plan.waiting):
        assert list(rnd) == stations
        placed = [g for gs in rnd.values() for g in gs]
        assert len(placed) == len(set(placed)), "a group is at two stations at once"
        assert sorted(placed + waiting) == sorted(groups)
        loads = [len(gs) for gs in rnd.values()]
        if share:
            assert max(loads) - min(loads) <= 1 and not waiting
        else:
            assert max(loads) <= 1
    for group in groups:
        seen = visits(plan, group)
        assert len(seen) == len(set(seen)), f"{group} visits a station twice"
        assert sorted(plan.missing.get(group, [])) == sorted(set(stations) - set(seen))
    if rounds is None or rounds == needed:
        assert plan.missing == {}, "with all rounds every group visits every station"
    if plan.missing:
        assert any("misses" in c for c in plan.costs)
    if n_g != n_s or plan.missing:
        assert plan.costs, "a shape other than the square says what it costs"


def test_costs_name_waits_idle_stations_and_missed_visits() -> None:
    plan = plan_rotation(ids("s", 3), ids("g", 5), mode="pause")
    assert plan.shape == "pause"
    assert "2 groups wait in each round" in plan.costs
    idle = plan_rotation(ids("s", 3), ids("g", 2))
    assert idle.shape == "idle"
    assert "station s3 is idle in round 1" in idle.costs
    short = plan_rotation(ids("s", 3), ids("g", 3), 2)
    assert "group g1 misses s3 because there are only 2 rounds" in short.costs
    shared = plan_rotation(ids("s", 2), ids("g", 5), mode="share")
    assert shared.shape == "share" and len(shared.rounds) == 2
    assert any("at once" in c for c in shared.costs)


def test_thirty_by_thirty_rotation_is_the_square() -> None:
    stations, groups = ids("s", 30), ids("g", 30)
    plan = plan_rotation(stations, groups)
    assert len(plan.rounds) == 30 and plan.costs == []
    for group in groups:
        assert sorted(visits(plan, group)) == sorted(stations)


# --------------------------------------------------------------------------- williams


def carry_over(plan: Plan, groups: list[str]) -> Counter:
    pairs: Counter = Counter()
    for group in groups:
        route = visits(plan, group)
        pairs.update(itertools.pairwise(route))
    return pairs


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 12), mode=st.sampled_from(MODES))
def test_williams_design_is_carry_over_balanced(n: int, mode: str) -> None:
    odd = n % 2 == 1 and n > 1
    stations, groups = ids("s", n), ids("g", 2 * n if odd else n)
    plan = plan_rotation(stations, groups, mode=mode, williams=True)
    assert plan.shape == "williams"
    for group in groups:
        assert sorted(visits(plan, group)) == sorted(stations)
    pairs = carry_over(plan, groups)
    if n > 1:
        assert set(pairs) == {(a, b) for a in stations for b in stations if a != b}
        assert set(pairs.values()) == {2 if odd else 1}
    for rnd in plan.rounds:
        loads = {len(gs) for gs in rnd.values()}
        assert loads == ({2} if odd and mode == "share" else {1})
    assert len(plan.rounds) == (2 * n if odd and mode == "pause" else n)


def test_williams_sequence_differences_are_distinct_for_even_orders() -> None:
    for n in range(2, 21, 2):
        seq = williams_sequence(n)
        assert sorted(seq) == list(range(n))
        assert len({(b - a) % n for a, b in itertools.pairwise(seq)}) == n - 1


def test_williams_for_odd_count_explains_it_needs_twice_as_many_groups() -> None:
    with pytest.raises(ScheduleError, match="twice as many groups") as caught:
        plan_rotation(ids("s", 3), ids("g", 3), williams=True)
    assert "6 groups" in str(caught.value)
    with pytest.raises(ScheduleError, match="exactly 4"):
        plan_rotation(ids("s", 4), ids("g", 5), williams=True)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("stations", "groups", "rounds", "message"),
    [
        ([], ["g1"], None, "no stations"),
        (["s1"], [], None, "no groups"),
        (["s1", "s2"], ["g1", "g2"], 0, "at least one round"),
        (["s1", "s2"], ["g1", "g2"], 3, "plan 2 rounds"),
        (["s1", "s1"], ["g1", "g2"], None, "twice"),
        (["s1", ""], ["g1", "g2"], None, "non-empty"),
    ],
)
def test_impossible_input_raises_a_helpful_error(stations, groups, rounds, message) -> None:
    with pytest.raises(ScheduleError, match=message):
        plan_rotation(stations, groups, rounds)


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ScheduleError, match="unknown mode"):
        plan_rotation(["s1"], ["g1"], mode="queue")


def test_a_danish_session_reads_the_costs_and_errors_in_danish() -> None:
    waits = plan_rotation(ids("s", 3), ids("g", 5), language="da")
    assert waits.costs == ["2 grupper venter i hver runde", "hver gruppe venter i 2 af 5 runder"]
    short = plan_rotation(ids("s", 3), ids("g", 3), 2, language="da")
    assert "gruppe g1 når ikke s3, fordi der kun er 2 runder" in short.costs
    one = plan_rotation(ids("s", 3), ids("g", 3), 1, language="da")
    assert "gruppe g1 når ikke s2 og s3, fordi der kun er 1 runde" in one.costs
    with pytest.raises(ScheduleError, match="kræver dobbelt så mange grupper som stationer: 6 grupper"):
        plan_rotation(ids("s", 3), ids("g", 3), williams=True, language="da")
    with pytest.raises(ScheduleError, match="planlæg 2 runder"):
        plan_rotation(ids("s", 2), ids("g", 2), 3, language="da")
