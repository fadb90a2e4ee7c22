"""World-Cafe re-mixing: people, not groups, move between stations from round to round.

Pure functions on plain values; no session model, no UI.

Each person visits each station exactly once (so there are as many rounds as stations),
every station holds floor or ceil of (people / stations) people in every round, and
people meet as many different others as possible (two people *meet* when they are at the
same station in the same round).

Public API
----------
``remix(people, stations, *, affiliations=None, apart=(), fixed_rounds=None, seed=0,
hosts=(), language="en") -> RemixResult``
    The rounds, as station id -> names. Options:

    - ``affiliations``: name -> affiliation; each affiliation then has floor or ceil of
      (its members / stations) people at every station in every round;
    - ``apart``: pairs of names that never meet;
    - ``fixed_rounds``: the rounds already held (someone arrived late or left): they are
      kept as given and the rounds from ``len(fixed_rounds)`` on are re-solved for the
      current ``people``; each person visits the stations they have not yet visited,
      once each, where the remaining rounds allow (late arrivals miss some: see
      ``RemixResult.missing``);
    - ``seed``: the same input and seed give the same rounds;
    - ``hosts``: names that stay at their stations and are never moved (dropped);
    - ``language``: the language of the sentences in the result and of the errors.

``RemixResult`` (frozen dataclass)
    ``rounds`` (list of station id -> names, every station a key), ``gave_way`` (one
    sentence per wish that could not hold), ``missing`` (name -> stations never visited,
    only names that miss some), ``method`` (how the rounds were made, in words).

``distinct_pairs(rounds) -> int``, ``contacts_per_person(rounds) -> dict[str, int]``,
``contact_stats(rounds) -> ContactStats`` (distinct pairs, min / mean / max distinct
people met per person): contact statistics of any rounds (:mod:`workshop.scheduling.contacts`).

``fixed_groups(people, stations)`` and ``random_assignment(people, stations, seed=0)``:
the two baselines (groups that never mix; a random balanced schedule).

How
---
The routes come from the affine plane over GF(k) where k is a prime power: orthogonal Latin
squares, so people of different route classes meet exactly once, people on different routes
of one class never, people on one route k times (:mod:`workshop.scheduling.routes`, with the
field arithmetic in :mod:`workshop.scheduling.finite_fields`). People are dealt to routes in
blocks of k, block j to class j mod (k - 1), so every station holds floor/ceil people.

Why 135 for 21 people and 3 stations is the most: the routes are the 6 permutations
of 3; two routes meet iff they are equal or differ by a transposition, so people on
different routes of one parity (even: the 3 rotations; odd: the 3 reflections) never
meet. Every (round, station) cell is hit by exactly one even and one odd route, so
balanced loads of 7 force a people on every even route and b on every odd one with
a + b = 7, and the pairs that never meet number 3a^2 + 3b^2 >= 75 (a, b = 3, 4):
at most 210 - 75 = 135 pairs meet. The plane reaches it (blocks alternate the two
classes: 4 people on each route of one, 3 on each of the other). For 40 people and 5
stations everyone meets their route partner and the 30 people of the other 3 classes:
31 distinct people each (fixed groups of 8: 7).

With affiliations, each affiliation is split into "layers" of k people (one per route,
spread evenly in any class) and a remainder, and the remainders are packed so that each
lies whole in one class: then each affiliation has floor or ceil of its ideal share at
every station and round (guaranteed: the search never trades that away). Several
such layouts are scored and the best is kept.

For station counts without an affine plane (6, 10, ...) and to honour keep-apart pairs,
a local search (:mod:`workshop.scheduling.mixing_search`: simulated annealing with a fixed
number of tries, no clock) lets two people trade stations along a closed chain of rounds,
which keeps every route a permutation and every station's load; a wish (keep-apart,
affiliation balance) outweighs every pair. If a keep-apart pair still meets, the layout with
a single class (routes that never meet each other) is searched as well and the better result
is kept. Re-solving after a late change uses the same search, which may then also move one
person alone.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from workshop.scheduling.contacts import ContactStats, Round, contact_stats, contacts_per_person, distinct_pairs
from workshop.scheduling.mixing_search import Placement, Wishes, anneal, excess
from workshop.scheduling.routes import (
    Routes,
    layout_score,
    place_on_routes,
    route_classes,
    shuffled_orders,
)
from workshop.scheduling.shapes import ScheduleError, check_ids
from workshop.scheduling.wording import bounds_text, numbers_text
from workshop.words import word

STEPS_WITH_PLANE = 100
"""Local-search tries per person when an affine plane gave the start (only run for wishes)."""

STEPS_WITHOUT_PLANE = 200
"""Local-search tries per person for station counts without an affine plane (6, 10, ...)."""

_LAYOUTS = 24
"""Layouts tried (the best one is searched) when there are affiliations or keep-apart pairs."""

_TEMPERATURE = 0.5
"""Starting temperature of the annealing (in distinct pairs); it falls linearly to 0."""

__all__ = [
    "STEPS_WITHOUT_PLANE",
    "STEPS_WITH_PLANE",
    "ContactStats",
    "RemixResult",
    "Round",
    "contact_stats",
    "contacts_per_person",
    "distinct_pairs",
    "fixed_groups",
    "random_assignment",
    "remix",
]


@dataclass(frozen=True)
class RemixResult:
    """Re-mixed rounds and what they could not honour.

    rounds: per round, station id -> names (every station is a key).
    gave_way: one sentence per wish that could not hold (in the language asked for).
    missing: name -> stations the person never visits (late arrivals; only those).
    method: how the rounds were made, e.g. "affine plane over GF(5)" / "affin plan over GF(5)".
    """

    rounds: list[Round]
    gave_way: list[str]
    missing: dict[str, list[str]]
    method: str


# --------------------------------------------------------------------------- input


def _check(people: list[str], stations: list[str], language: str) -> None:
    check_ids("station", stations, language)
    check_ids("person", people, language, may_be_empty=True)


def _rounds_out(x: Routes, names: list[str], stations: list[str], rounds: range) -> list[Round]:
    out: list[Round] = []
    for r in rounds:
        rnd: Round = {s: [] for s in stations}
        for p, name in enumerate(names):
            if x[p][r] >= 0:
                rnd[stations[x[p][r]]].append(name)
        out.append(rnd)
    return out


def _unmet_wishes(
    placement: Placement, names: list[str], affiliation_of: list[str | None], stations: list[str], language: str
) -> list[str]:
    """Sentences for the wishes that do not hold in the placement."""
    found: list[str] = []
    for p in range(placement.n):
        for o in sorted(placement.apart[p]):
            if o > p and placement.meet[p][o]:
                xp, xo = placement.x[p], placement.x[o]
                rounds = [r + 1 for r in range(placement.k) if xp[r] >= 0 and xp[r] == xo[r]]
                found.append(
                    word("cost_remix_apart_gave_way", language, a=names[p], b=names[o], rounds=numbers_text(rounds))
                )
    for r in placement.active:
        for s in range(placement.k):
            for a, bounds in placement.aff_bounds.items():
                c = placement.counts[r][s].get(a, 0)
                if excess(c, bounds):
                    label = next(affiliation_of[p] for p in range(placement.n) if placement.aff[p] == a)
                    found.append(
                        word(
                            "cost_remix_affiliation_gave_way",
                            language,
                            affiliation=repr(label),
                            station=stations[s],
                            count=c,
                            round=r + 1,
                            ideal=bounds_text(bounds),
                        )
                    )
            size = len(placement.cells[r][s])
            if excess(size, placement.size_bounds):
                found.append(
                    word(
                        "cost_remix_numbers_gave_way",
                        language,
                        station=stations[s],
                        count=size,
                        round=r + 1,
                        ideal=bounds_text(placement.size_bounds),
                    )
                )
    return found


# --------------------------------------------------------------------------- remix


def remix(
    people: list[str],
    stations: list[str],
    *,
    affiliations: Mapping[str, str | None] | None = None,
    apart: Iterable[Sequence[str]] = (),
    fixed_rounds: Sequence[Mapping[str, list[str]]] | None = None,
    seed: int = 0,
    hosts: Collection[str] = (),
    language: str = "en",
) -> RemixResult:
    """Rounds in which every person visits every station once and meets as many others
    as possible; see the module docstring for the options and guarantees."""
    host_names = set(hosts)
    people = [p for p in people if p not in host_names]
    _check(people, stations, language)
    k = len(stations)
    fixed = [dict(r) for r in (fixed_rounds or [])]
    if len(fixed) > k:
        raise ScheduleError(word("cost_error_too_many_fixed", language, fixed=len(fixed), rounds=k))
    station_index = {s: i for i, s in enumerate(stations)}
    for number, rnd in enumerate(fixed, start=1):
        for s in rnd:
            if s not in station_index:
                raise ScheduleError(word("cost_error_fixed_station", language, number=number, station=repr(s)))
    index = {name: i for i, name in enumerate(people)}
    departed = {name for rnd in fixed for names in rnd.values() for name in names} - set(index)
    n = len(people)
    affiliation_of = [(affiliations or {}).get(name) for name in people]
    labels: dict[str, int] = {}
    aff = [-1 if a is None else labels.setdefault(a, len(labels)) for a in affiliation_of]
    apart_of: list[set[int]] = [set() for _ in range(n)]
    for pair in apart:
        a, b = pair
        if host_names.intersection(pair) or departed.intersection(pair):
            continue
        for name in (a, b):
            if name not in index:
                raise ScheduleError(word("cost_error_apart_unknown", language, name=repr(name)))
        if a == b:
            wish = word("cost_wish_apart", language)
            raise ScheduleError(word("cost_error_wish_twice", language, wish=wish, name=repr(a)))
        apart_of[index[a]].add(index[b])
        apart_of[index[b]].add(index[a])
    rng = random.Random(seed)
    if fixed:
        return _resolve(people, stations, fixed, aff, affiliation_of, apart_of, rng, language)
    if n == 0:
        return RemixResult([{s: [] for s in stations} for _ in range(k)], [], {}, word("cost_method_nobody", language))
    return _mix(people, stations, aff, affiliation_of, apart_of, bool(labels), rng, language)


def _mix(
    people: list[str],
    stations: list[str],
    aff: list[int],
    affiliation_of: list[str | None],
    apart_of: list[set[int]],
    affiliated: bool,
    rng: random.Random,
    language: str,
) -> RemixResult:
    """Fresh rounds: routes from the plane (or shifted squares), dealt and, where wishes or no plane ask, searched."""
    k, n = len(stations), len(people)
    classes, orthogonal = route_classes(k, rng)
    method = word("cost_method_plane", language, k=k) if orthogonal else word("cost_method_shifted", language, k=k)
    wishes = bool(any(apart_of) or affiliated)
    everyone_allowed = Wishes(aff, apart_of, [[True] * k for _ in range(n)])
    full = max(1, min(len(classes), -(-n // k)))
    best: tuple[tuple[int, int], Routes, Placement | None] | None = None
    # the best of several layouts over all classes (the packing of affiliations and who
    # sits on which route vary), searched; if a wish still fails, the same with one class
    # only (groups that never meet unless the search mixes them), which always keeps
    # affiliations balanced and lets keep-apart pairs sit on different routes
    for count in (full, 1) if full > 1 else (full,):
        if best is not None and best[0][0] == 0:
            break
        layouts = [
            place_on_routes(order, classes, aff, k, count)
            for order in shuffled_orders(n, _LAYOUTS if wishes else 1, rng)
        ]
        x = layouts[0] if len(layouts) == 1 else min(layouts, key=lambda x: layout_score(x, k, apart_of))
        placement = None
        if wishes or not orthogonal:
            placement = Placement(k, x, list(range(k)), everyone_allowed)
            start = ([list(row) for row in x], placement.broken, placement.pairs)
            anneal(placement, rng, _steps(n, orthogonal), temperature=_TEMPERATURE)
            if (placement.broken, -placement.pairs) > start[1:]:
                # the search ended worse than its start (annealing wanders): keep the start
                x = start[0]
                placement = Placement(k, x, list(range(k)), everyone_allowed)
        score = (placement.broken, -placement.pairs) if placement else (0, 0)
        if best is None or score < best[0]:
            best = (score, x, placement)
    assert best is not None
    _, x, placement = best
    if placement is not None:
        method += word("cost_method_searched", language)
    gave_way = _unmet_wishes(placement, people, affiliation_of, stations, language) if placement else []
    return RemixResult(_rounds_out(x, people, stations, range(k)), gave_way, {}, method)


def _steps(n: int, orthogonal: bool) -> int:
    """The local-search budget: a fixed number of tries (no clock), larger without a plane."""
    return (STEPS_WITH_PLANE if orthogonal else STEPS_WITHOUT_PLANE) * n


def _resolve(
    people: list[str],
    stations: list[str],
    fixed: list[dict[str, list[str]]],
    aff: list[int],
    affiliation_of: list[str | None],
    apart_of: list[set[int]],
    rng: random.Random,
    language: str,
) -> RemixResult:
    """Keep the fixed rounds; re-solve the rest for the present people."""
    k, n = len(stations), len(people)
    index = {name: i for i, name in enumerate(people)}
    station_index = {s: i for i, s in enumerate(stations)}
    start = len(fixed)
    active = list(range(start, k))
    x = [[-1] * k for _ in range(n)]
    for r, rnd in enumerate(fixed):
        for s, names in rnd.items():
            for name in names:
                if name in index:
                    x[index[name]][r] = station_index[s]
    allowed = _stations_left(x, start, len(active), k)
    _greedy_start(x, allowed, active, start, k, rng)
    gave_way: list[str] = []
    if active and n:
        placement = Placement(k, x, active, Wishes(aff, apart_of, allowed, free_loads=True))
        anneal(placement, rng, _steps(n, False), temperature=_TEMPERATURE)
        gave_way = _unmet_wishes(placement, people, affiliation_of, stations, language)
    rounds = [{s: list(rnd.get(s, [])) for s in stations} for rnd in fixed]
    rounds += _rounds_out(x, people, stations, range(start, k))
    missing: dict[str, list[str]] = {}
    for p, name in enumerate(people):
        seen = {x[p][r] for r in range(k)}
        lost = [stations[s] for s in range(k) if s not in seen]
        if lost:
            missing[name] = lost
    return RemixResult(rounds, gave_way, missing, word("cost_method_resolved", language, round=start + 1))


def _stations_left(x: Routes, start: int, open_rounds: int, k: int) -> list[list[bool]]:
    """allowed[p][s]: the stations each person has not visited in the fixed rounds (all, where too few are left)."""
    allowed = []
    for row in x:
        visited = [False] * k
        for r in range(start):
            if row[r] >= 0:
                visited[row[r]] = True
        fresh = [not v for v in visited]
        # someone who already visited a station twice must revisit one: allow all then
        allowed.append(fresh if sum(fresh) >= open_rounds else [True] * k)
    return allowed


def _greedy_start(
    x: Routes, allowed: list[list[bool]], active: list[int], start: int, k: int, rng: random.Random
) -> None:
    """Round by round, least flexible people first, each to the emptiest station still open to them."""
    n = len(x)
    for r in active:
        left = k - r
        load = [0] * k
        order = list(range(n))
        rng.shuffle(order)
        order.sort(key=lambda p: sum(1 for s in range(k) if allowed[p][s] and s not in x[p][start:r]) - left)
        for p in order:
            used = x[p][start:r]
            options = [s for s in range(k) if allowed[p][s] and s not in used]
            s = min(options, key=lambda s: load[s])
            x[p][r] = s
            load[s] += 1


# --------------------------------------------------------------------------- baselines


def fixed_groups(people: list[str], stations: list[str]) -> list[Round]:
    """The baseline without mixing: people dealt into one group per station, groups rotate."""
    _check(people, stations, "en")
    k = len(stations)
    x = [[(p % k + r) % k for r in range(k)] for p in range(len(people))]
    return _rounds_out(x, people, stations, range(k))


def random_assignment(people: list[str], stations: list[str], seed: int = 0) -> list[Round]:
    """The random baseline: each person a random route (a permutation of the stations),
    then routes re-ordered at random until every station holds floor/ceil people."""
    _check(people, stations, "en")
    k, n = len(stations), len(people)
    rng = random.Random(seed)
    x = []
    for _ in range(n):
        route = list(range(k))
        rng.shuffle(route)
        x.append(route)
    nobody_apart = Wishes([-1] * n, [set() for _ in range(n)], [[True] * k for _ in range(n)], 0, True)
    placement = Placement(k, x, list(range(k)), nobody_apart)
    for _ in range(200):
        if placement.broken == 0:
            break
        anneal(placement, rng, 20 * n)
    return _rounds_out(x, people, stations, range(k))
