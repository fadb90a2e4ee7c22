"""Rotations beyond the square: which group is at which station in each round.

Pure functions on plain ids (strings); no session model, no UI.

Public API
----------
``cyclic(stations, groups, rounds=None) -> list[Round]``
    The cyclic rotation. With n = max(stations, groups) "slots", round r (from 0)
    slot s (from 0) holds group (s - r) mod n; slots beyond the stations are pauses and
    groups beyond the real ones leave their station idle. With as many groups as
    stations this is meeting 3's square:
    round 1: S1-G1, S2-G2, S3-G3; round 2: S1-G3, S2-G1, S3-G2; round 3: S1-G2, S2-G3, S3-G1.

``plan_rotation(stations, groups, rounds=None, *, mode="pause", williams=False, language="en") -> Plan``
    The rotation for any shape, with what the shape costs in plain words (in ``language``):

    - as many groups as stations: the square above;
    - more groups than stations, ``mode="pause"``: groups take turns waiting; every
      group still visits every station once; it takes as many rounds as groups;
    - more groups than stations, ``mode="share"``: two (or more) groups share a station
      in a round, loads differ by at most one; it takes as many rounds as stations;
    - fewer groups than stations: some stations are idle in each round; every group
      visits every station once when there are as many rounds as stations;
    - fewer rounds than that: every group visits distinct stations and ``Plan.missing``
      says which visits are lost;
    - ``williams=True``: carry-over balance (Williams design): over all groups every
      station follows every other station equally often. An even number of stations
      needs as many groups as stations; an odd number needs twice as many groups
      (two mirrored squares). Anything else raises ``ScheduleError``.

``Plan`` (frozen dataclass)
    ``rounds``: station id -> group ids per round (every station is a key; an idle
    station has an empty list); ``waiting``: the groups pausing in each round;
    ``missing``: group -> stations it never visits (only groups that miss some);
    ``costs``: sentences saying what the shape costs, in the language asked for (empty for
    the square); ``shape``: a short name ("square", "pause", "share", "idle", "williams").
    ``Plan.route(group)`` gives the group's station per round (None while it waits).

``ScheduleError`` (a ``ValueError``)
    Impossible input, with a message that says why and what to do (in the language asked for).

The sentences are catalogue words (``workshop/words/costs.py``, keys ``cost_*``).

Rounds are numbered from 1 in every sentence (the facilitator's numbering) and from 0
in the lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.scheduling.wording import counted, names_text, span_sentence, span_text
from workshop.words import word

Round = dict[str, list[str]]
"""Station id -> the ids of the groups there in one round (empty when idle)."""

MODES = ("pause", "share")
"""How more groups than stations are handled: groups wait, or groups share stations."""

_DETAIL_LIMIT = 6
"""Up to this many idle slots or missed visits are listed one by one; beyond, summarised."""


class ScheduleError(ValueError):
    """The requested schedule is impossible; the message says why and what to do."""


@dataclass(frozen=True)
class Plan:
    """A rotation and what it costs.

    rounds: per round, station id -> group ids there (empty list: the station is idle).
    waiting: per round, the group ids that pause.
    missing: group id -> station ids it never visits (only groups that miss some).
    costs: sentences on what the shape costs, in the plan's language (empty when nothing).
    shape: "square", "pause", "share", "idle" or "williams".
    """

    rounds: list[Round]
    waiting: list[list[str]]
    missing: dict[str, list[str]]
    costs: list[str]
    shape: str

    def route(self, group: str) -> list[str | None]:
        """The station the group is at in each round; None in a round where it waits."""
        found: list[str | None] = []
        for rnd in self.rounds:
            found.append(next((s for s, gs in rnd.items() if group in gs), None))
        return found


# --------------------------------------------------------------------------- checks


def check_ids(kind: str, ids: list[str], language: str, *, may_be_empty: bool = False) -> None:
    """Unique, non-blank ids (names) of stations, groups or people (``kind``); at least one unless ``may_be_empty``."""
    if not ids and not may_be_empty:
        raise ScheduleError(word(f"cost_error_no_{kind}s", language))
    seen: set[str] = set()
    for item in ids:
        if not isinstance(item, str) or not item.strip():
            raise ScheduleError(word(f"cost_error_{kind}_blank", language, item=repr(item)))
        if item in seen:
            raise ScheduleError(word(f"cost_error_{kind}_twice", language, item=repr(item)))
        seen.add(item)


def _check_rounds(rounds: int | None, needed: int, why: str, language: str) -> int:
    """The number of rounds to plan: the given one, or all that are needed.

    ``why``: the catalogue key of what the rounds are needed for ("every group visits every station once").
    """
    if rounds is None:
        return needed
    if isinstance(rounds, bool) or not isinstance(rounds, int):
        raise ScheduleError(word("cost_error_rounds_whole", language, rounds=repr(rounds)))
    if rounds < 1:
        raise ScheduleError(word("cost_error_rounds_none", language, rounds=rounds))
    if rounds > needed:
        raise ScheduleError(
            word(
                "cost_error_rounds_too_many",
                language,
                rounds=counted(rounds, "round", language),
                why=word(why, language),
                needed_rounds=counted(needed, "round", language),
                needed=needed,
            )
        )
    return rounds


# --------------------------------------------------------------------------- cyclic


def cyclic(stations: list[str], groups: list[str], rounds: int | None = None, *, language: str = "en") -> list[Round]:
    """The cyclic rotation: round r, slot s holds group (s - r) mod max(#stations, #groups).

    With as many groups as stations (and rounds) this is exactly meeting 3's square.
    Slots past the last station are pauses (those groups do not appear); station slots
    past the last group are idle (empty list). Rounds default to max(#stations, #groups),
    after which every group has visited every station once.
    """
    check_ids("station", stations, language)
    check_ids("group", groups, language)
    slots = max(len(stations), len(groups))
    count = _check_rounds(rounds, slots, "cost_why_every_visit", language)
    result: list[Round] = []
    for r in range(count):
        rnd: Round = {}
        for s, station in enumerate(stations):
            g = (s - r) % slots
            rnd[station] = [groups[g]] if g < len(groups) else []
        result.append(rnd)
    return result


def _shared(stations: list[str], groups: list[str], rounds: int) -> list[Round]:
    """Shared stations: group g is at station (g + r) mod #stations in round r.

    Groups whose numbers differ by a multiple of the station count share a station, so
    each station holds floor or ceil of #groups / #stations groups in every round.
    """
    n = len(stations)
    result: list[Round] = []
    for r in range(rounds):
        rnd: Round = {station: [] for station in stations}
        for g, group in enumerate(groups):
            rnd[stations[(g + r) % n]].append(group)
        result.append(rnd)
    return result


# --------------------------------------------------------------------------- williams


def williams_sequence(n: int) -> list[int]:
    """The first row of a Williams square of order n: 0, 1, n-1, 2, n-2, ...

    Its successive differences are all distinct mod n when n is even, so adding i to
    every entry (row i) gives a square in which each ordered pair of distinct stations
    is adjacent exactly once.
    """
    seq = [0]
    for j in range(1, n):
        seq.append((j + 1) // 2 if j % 2 else n - j // 2)
    return seq


def _williams_rows(n: int) -> list[list[int]]:
    """Station index per round for each group of a Williams design of order n.

    Even n: n rows. Odd n: 2n rows, the square and its mirror image (every ordered pair
    of distinct stations is then adjacent exactly twice).
    """
    seq = williams_sequence(n)
    rows = [[(a + i) % n for a in seq] for i in range(n)]
    if n % 2 and n > 1:
        mirror = list(reversed(seq))
        rows += [[(a + i) % n for a in mirror] for i in range(n)]
    return rows


def _williams(stations: list[str], groups: list[str], rounds: int | None, mode: str, language: str) -> Plan:
    """Carry-over balanced rotation, or ScheduleError saying what the design needs."""
    n = len(stations)
    odd = n % 2 == 1 and n > 1
    need = 2 * n if odd else n
    if len(groups) != need:
        key = "cost_error_williams_odd" if odd else "cost_error_williams_even"
        raise ScheduleError(word(key, language, stations=n, need=need, groups=len(groups)))
    rows = _williams_rows(n)
    sequential = odd and mode == "pause"
    needed = 2 * n if sequential else n
    if rounds is not None and rounds != needed:
        _check_rounds(rounds, needed, "cost_why_williams", language)
        raise ScheduleError(word("cost_error_williams_rounds", language, needed=needed, rounds=rounds))
    plan_rounds: list[Round] = []
    waiting: list[list[str]] = []
    total = needed
    for r in range(total):
        rnd: Round = {station: [] for station in stations}
        idle: list[str] = []
        for g, group in enumerate(groups):
            half, col = divmod(r, n) if sequential else (g // n, r)
            if sequential and g // n != half:
                idle.append(group)
                continue
            rnd[stations[rows[g][col]]].append(group)
        plan_rounds.append(rnd)
        waiting.append(idle)
    costs: list[str] = []
    if n > 1:
        costs.append(word("cost_williams_twice" if odd else "cost_williams_once", language))
    if odd:
        if sequential:
            costs.append(
                word(
                    "cost_williams_odd_wait",
                    language,
                    need=need,
                    needed=needed,
                    groups=counted(n, "group", language),
                    n=n,
                )
            )
        else:
            costs.append(word("cost_williams_odd_share", language, need=need))
    return Plan(plan_rounds, waiting, {}, costs, "williams")


# --------------------------------------------------------------------------- plan


def plan_rotation(
    stations: list[str],
    groups: list[str],
    rounds: int | None = None,
    *,
    mode: str = "pause",
    williams: bool = False,
    language: str = "en",
) -> Plan:
    """The rotation for any number of stations, groups and rounds, with its costs.

    rounds: how many rounds to plan; None plans as many as the shape needs for every
    group to visit every station once (more than that raises ScheduleError; fewer is
    allowed and reported in ``missing`` and ``costs``).
    mode: with more groups than stations, "pause" (groups take turns waiting; rounds
    needed = #groups) or "share" (groups share stations; rounds needed = #stations).
    williams: carry-over balance; see the module docstring for what it needs.
    language: the language of the costs and of the errors ("da" or "en").
    """
    check_ids("station", stations, language)
    check_ids("group", groups, language)
    if mode not in MODES:
        raise ScheduleError(word("cost_error_mode", language, mode=repr(mode)))
    if williams:
        return _williams(stations, groups, rounds, mode, language)
    n_s, n_g = len(stations), len(groups)
    if n_g > n_s and mode == "share":
        count = _check_rounds(rounds, n_s, "cost_why_every_visit", language)
        plan_rounds = _shared(stations, groups, count)
        shape = "share"
    else:
        count = _check_rounds(rounds, max(n_s, n_g), "cost_why_every_visit", language)
        plan_rounds = cyclic(stations, groups, count, language=language)
        shape = "square" if n_s == n_g else ("pause" if n_g > n_s else "idle")
    waiting = []
    for rnd in plan_rounds:
        present = {g for gs in rnd.values() for g in gs}
        waiting.append([g for g in groups if g not in present])
    missing: dict[str, list[str]] = {}
    for group in groups:
        seen = {s for rnd in plan_rounds for s, gs in rnd.items() if group in gs}
        lost = [s for s in stations if s not in seen]
        if lost:
            missing[group] = lost
    costs = _costs(groups, plan_rounds, waiting, missing, language)
    return Plan(plan_rounds, waiting, missing, costs, shape)


def _costs(
    groups: list[str],
    rounds: list[Round],
    waiting: list[list[str]],
    missing: dict[str, list[str]],
    language: str,
) -> list[str]:
    """Sentences on what a plan costs: waiting, sharing, idle stations, missed visits."""
    costs: list[str] = []
    count = len(rounds)
    waits = [len(w) for w in waiting]
    if any(waits):
        if len(set(waits)) == 1:
            costs.append(counted(waits[0], "wait_each_round", language))
        else:
            costs.append(word("cost_wait_each_round_span", language, span=span_text(waits, language)))
        per_group = [sum(g in w for w in waiting) for g in groups]
        costs.append(
            word(
                "cost_each_group_waits",
                language,
                span=span_text(per_group, language),
                rounds=counted(count, "round", language),
            )
        )
    loads = [len(gs) for rnd in rounds for gs in rnd.values()]
    if max(loads) > 1:
        crowded = [sum(len(gs) > 1 for gs in rnd.values()) for rnd in rounds]
        costs.append(span_sentence(crowded, "shared_stations", language, most=max(loads)))
    idle = [(r, s) for r, rnd in enumerate(rounds) for s, gs in rnd.items() if not gs]
    if idle:
        if len(idle) <= _DETAIL_LIMIT:
            costs.extend(word("cost_idle_station", language, station=s, round=r + 1) for r, s in idle)
        else:
            per_round = [sum(not gs for gs in rnd.values()) for rnd in rounds]
            costs.append(span_sentence(per_round, "idle_each_round", language))
    if missing:
        lost = sum(len(v) for v in missing.values())
        because = word(
            "cost_because_one_round" if count == 1 else "cost_because_rounds",
            language,
            rounds=counted(count, "round", language),
        )
        if lost <= _DETAIL_LIMIT:
            costs.extend(
                word("cost_group_misses", language, group=g, stations=names_text(s, language), because=because)
                for g, s in missing.items()
            )
        else:
            per_group = [len(missing.get(g, [])) for g in groups]
            costs.append(span_sentence(per_group, "each_group_misses", language, because=because))
    return costs
