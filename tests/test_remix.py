"""World-Cafe re-mixing (workshop.scheduling.remix): the two targets, properties, wishes, late changes."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.scheduling.remix import (
    ContactStats,
    contact_stats,
    contacts_per_person,
    distinct_pairs,
    fixed_groups,
    random_assignment,
    remix,
)
from workshop.scheduling.shapes import ScheduleError

FIRST = ["Bodil", "Jonas", "Yasmin", "Aksel", "Maren", "Tove", "Iben", "Rasmus", "Signe", "Kaj"]
LAST = ["Ravn", "Fisker", "Holm", "Lind", "Skov", "Dahl", "Krog", "Brink"]
AFFILIATIONS = ["politicians", "administration", "staff", "unions", "education partners"]


def names(count: int) -> list[str]:
    found = [f"{first} {last}" for last in LAST for first in FIRST]
    assert count <= len(found)
    return found[:count]


def stations(count: int) -> list[str]:
    return [f"s{i}" for i in range(1, count + 1)]


def assert_valid(rounds, people: list[str], station_ids: list[str]) -> None:
    """Every person visits every station exactly once; loads within one in every round."""
    assert len(rounds) == len(station_ids)
    for rnd in rounds:
        assert list(rnd) == station_ids
        loads = [len(v) for v in rnd.values()]
        assert max(loads) - min(loads) <= 1
        assert sorted(n for v in rnd.values() for n in v) == sorted(people)
    for person in people:
        route = [s for rnd in rounds for s, here in rnd.items() if person in here]
        assert sorted(route) == sorted(station_ids), person


def meets(rounds, a: str, b: str) -> bool:
    return any(a in here and b in here for rnd in rounds for here in rnd.values())


# --------------------------------------------------------------------------- the targets


def test_21_people_3_stations_meet_135_distinct_pairs() -> None:
    people, ids = names(21), stations(3)
    result = remix(people, ids)
    assert_valid(result.rounds, people, ids)
    assert distinct_pairs(result.rounds) == 135  # the proven maximum
    assert distinct_pairs(fixed_groups(people, ids)) == 63
    assert result.method == "placed by a fixed pattern in which no two people meet more than once"


def test_40_people_5_stations_meet_at_least_31_people_each_on_average() -> None:
    people, ids = names(40), stations(5)
    result = remix(people, ids)
    assert_valid(result.rounds, people, ids)
    stats = contact_stats(result.rounds)
    assert stats.mean >= 31.0
    assert stats.distinct_pairs == 620
    assert contact_stats(fixed_groups(people, ids)).mean == 7.0


@pytest.mark.parametrize("k", [4, 7, 8, 9])
def test_affine_planes_make_every_pair_meet_at_most_once(k: int) -> None:
    """k(k-1) people on the k(k-1) routes of the plane: no pair meets twice (GF(4), GF(8),
    GF(9) check the field arithmetic), so every meeting is a new pair."""
    people, ids = names(k * (k - 1)), stations(k)
    rounds = remix(people, ids).rounds
    assert_valid(rounds, people, ids)
    meetings = sum(len(h) * (len(h) - 1) // 2 for rnd in rounds for h in rnd.values())
    assert distinct_pairs(rounds) == meetings


def test_six_stations_beat_a_random_assignment_by_a_margin() -> None:
    people, ids = names(36), stations(6)
    result = remix(people, ids, seed=1)
    assert_valid(result.rounds, people, ids)
    found = contact_stats(result.rounds).mean
    randoms = [contact_stats(random_assignment(people, ids, seed=s)).mean for s in range(3)]
    assert found >= max(randoms) + 2.0
    assert found > 3 * contact_stats(fixed_groups(people, ids)).mean
    assert "improved by trial" in result.method  # the local search ran


# --------------------------------------------------------------------------- properties


@settings(max_examples=40, deadline=None)
@given(n=st.integers(0, 30), k=st.integers(1, 7), seed=st.integers(0, 5))
def test_each_person_visits_each_station_once_in_balanced_rounds(n: int, k: int, seed: int) -> None:
    people, ids = names(n), stations(k)
    result = remix(people, ids, seed=seed)
    assert_valid(result.rounds, people, ids)
    assert result.gave_way == [] and result.missing == {}
    assert distinct_pairs(result.rounds) >= distinct_pairs(fixed_groups(people, ids))


@settings(max_examples=15, deadline=None)
@given(n=st.integers(0, 24), k=st.integers(1, 7), seed=st.integers(0, 1000))
def test_same_seed_same_rounds(n: int, k: int, seed: int) -> None:
    people, ids = names(n), stations(k)
    assert remix(people, ids, seed=seed) == remix(list(people), list(ids), seed=seed)


@st.composite
def affiliated(draw, max_people: int = 30):
    n = draw(st.integers(1, max_people))
    k = draw(st.sampled_from([2, 3, 4, 5, 7]))
    people = names(n)
    labels = st.one_of(st.none(), st.sampled_from(AFFILIATIONS))
    return people, stations(k), {p: draw(labels) for p in people}


@settings(max_examples=30, deadline=None)
@given(case=affiliated(), seed=st.integers(0, 3))
def test_affiliations_are_balanced_at_every_station_and_round(case, seed: int) -> None:
    people, ids, affiliation = case
    result = remix(people, ids, affiliations=affiliation, seed=seed)
    assert_valid(result.rounds, people, ids)
    totals = Counter(a for a in affiliation.values() if a)
    k = len(ids)
    for rnd in result.rounds:
        for here in rnd.values():
            count = Counter(affiliation[p] for p in here)
            for label, total in totals.items():
                assert total // k <= count[label] <= -(-total // k)
    assert result.gave_way == []


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 30), k=st.sampled_from([2, 3, 4, 5, 6]), data=st.data())
def test_keep_apart_pairs_never_meet(n: int, k: int, data: st.DataObject) -> None:
    people, ids = names(n), stations(k)
    shuffled = data.draw(st.permutations(people))
    pairs = [(shuffled[i], shuffled[i + 1]) for i in range(0, n - 1, 2)]
    apart = pairs[: data.draw(st.integers(1, max(1, n // 4)))]
    result = remix(people, ids, apart=apart, seed=data.draw(st.integers(0, 3)))
    assert_valid(result.rounds, people, ids)
    for a, b in apart:
        assert not meets(result.rounds, a, b), (a, b)
    assert result.gave_way == []


@settings(max_examples=20, deadline=None)
@given(case=affiliated(max_people=20), data=st.data())
def test_wishes_that_do_not_hold_are_reported(case, data: st.DataObject) -> None:
    people, ids, affiliation = case
    pair = st.tuples(st.sampled_from(people), st.sampled_from(people)).filter(lambda t: t[0] != t[1])
    apart = data.draw(st.lists(pair, max_size=5)) if len(people) > 1 else []
    result = remix(people, ids, affiliations=affiliation, apart=apart)
    assert_valid(result.rounds, people, ids)
    said = "\n".join(result.gave_way)
    for a, b in apart:
        if meets(result.rounds, a, b):
            assert f"keep apart {a} and {b}" in said or f"keep apart {b} and {a}" in said


# --------------------------------------------------------------------------- late changes


@settings(max_examples=25, deadline=None)
@given(
    n=st.integers(4, 30),
    k=st.integers(2, 6),
    data=st.data(),
)
def test_late_changes_keep_the_past_and_re_solve_the_rest(n: int, k: int, data: st.DataObject) -> None:
    people, ids = names(n + 3), stations(k)
    first, late = people[:n], people[n:]
    before = remix(first, ids, seed=data.draw(st.integers(0, 3))).rounds
    held = data.draw(st.integers(1, k - 1))
    gone = data.draw(st.lists(st.sampled_from(first), unique=True, max_size=2))
    arrived = late[: data.draw(st.integers(0, 3))]
    now = [p for p in first if p not in gone] + arrived
    result = remix(now, ids, fixed_rounds=before[:held])
    assert result.rounds[:held] == before[:held]
    assert len(result.rounds) == k
    said = "\n".join(result.gave_way)
    for r, rnd in enumerate(result.rounds[held:], start=held + 1):
        assert sorted(p for here in rnd.values() for p in here) == sorted(now)
        loads = [len(here) for here in rnd.values()]
        if max(loads) - min(loads) > 1:
            assert f"in round {r}" in said
    for person in now:
        route = [s for rnd in result.rounds for s, here in rnd.items() if person in here]
        assert len(route) == len(set(route)), f"{person} visits a station twice"
        if person in arrived:
            assert len(route) == k - held
            assert sorted(result.missing[person]) == sorted(set(ids) - set(route))
        else:
            assert sorted(route) == sorted(ids)
            assert person not in result.missing


def test_late_arrival_with_keep_apart_is_honoured() -> None:
    people, ids = names(21), stations(3)
    before = remix(people, ids).rounds
    now = [*people[1:], "Kaj Brink"]
    result = remix(now, ids, fixed_rounds=before[:1], apart=[("Kaj Brink", "Jonas Ravn")])
    assert not meets(result.rounds[1:], "Kaj Brink", "Jonas Ravn")
    assert result.method == "re-solved from round 2"
    assert len(result.missing["Kaj Brink"]) == 1


# --------------------------------------------------------------------------- statistics and errors


def test_contact_statistics_of_a_small_example() -> None:
    rounds = [
        {"s1": ["Bodil Ravn", "Jonas Fisker"], "s2": ["Yasmin Holm"]},
        {"s1": ["Yasmin Holm", "Bodil Ravn"], "s2": ["Jonas Fisker"]},
        {"s1": ["Jonas Fisker", "Bodil Ravn"], "s2": ["Yasmin Holm"]},
    ]
    assert distinct_pairs(rounds) == 2
    assert contacts_per_person(rounds) == {"Bodil Ravn": 2, "Jonas Fisker": 1, "Yasmin Holm": 1}
    assert contact_stats(rounds) == ContactStats(2, 1, 4 / 3, 2)
    assert contact_stats([]) == ContactStats(0, 0, 0.0, 0)


def test_hosts_are_never_moved() -> None:
    people, ids = names(12), stations(3)
    result = remix(people, ids, hosts={people[0]})
    assert all(people[0] not in here for rnd in result.rounds for here in rnd.values())
    assert_valid(result.rounds, people[1:], ids)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"stations": []}, "no stations"),
        ({"people": ["Bodil Ravn", "Bodil Ravn"]}, "twice"),
        ({"apart": [("Bodil Ravn", "Nobody Known")]}, "not among the people"),
        ({"fixed_rounds": [{"s1": []}] * 4}, "only 3 rounds"),
        ({"fixed_rounds": [{"s9": ["Bodil Ravn"]}]}, "not a station"),
    ],
)
def test_impossible_input_raises_schedule_error(kwargs, message) -> None:
    args = {"people": ["Bodil Ravn", "Jonas Fisker"], "stations": stations(3)} | kwargs
    people, ids = args.pop("people"), args.pop("stations")
    with pytest.raises(ScheduleError, match=message):
        remix(people, ids, **args)


def test_the_method_and_the_wishes_that_gave_way_speak_danish() -> None:
    people, ids = names(21), stations(3)
    # in words a committee's secretary knows: no "GF(3)", no "Latin squares"
    assert (
        remix(people, ids, language="da").method == "fordelt efter et fast mønster, så ingen to mødes mere end én gang"
    )
    assert remix(names(12), stations(6), language="da").method == (
        "fordelt efter et forskudt mønster (6 pladser pr. station), derefter forbedret ved afprøvning"
    )
    # at a single station everyone meets everyone, so keeping two apart must give way
    crowded = remix(
        ["Bodil Ravn", "Jonas Fisker", "Yasmin Holm"], ["s1"], apart=[("Bodil Ravn", "Jonas Fisker")], language="da"
    )
    assert crowded.gave_way == ["hold Bodil Ravn og Jonas Fisker adskilt gav efter: de mødes i runde 1"]
    late = remix(people, ids, fixed_rounds=remix(people, ids).rounds[:1], language="da")
    assert late.method == "løst igen fra runde 2"
    with pytest.raises(ScheduleError, match="hold-adskilt nævner 'Nobody Known', som ikke er blandt deltagerne"):
        remix(people, ids, apart=[("Bodil Ravn", "Nobody Known")], language="da")
    with pytest.raises(ScheduleError, match="hold-adskilt nævner 'Bodil Ravn' to gange: nævn to forskellige personer"):
        remix(people, ids, apart=[("Bodil Ravn", "Bodil Ravn")], language="da")
