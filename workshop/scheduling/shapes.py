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

``plan_rotation(stations, groups, rounds=None, *, mode="pause", williams=False) -> Plan``
    The rotation for any shape, with what the shape costs in plain words:

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
    ``costs``: plain-English sentences saying what the shape costs (empty for the
    square); ``shape``: a short name ("square", "pause", "share", "idle", "williams").
    ``Plan.route(group)`` gives the group's station per round (None while it waits).

``ScheduleError`` (a ``ValueError``)
    Impossible input, with a message that says why and what to do.

Rounds are numbered from 1 in every sentence (the facilitator's numbering) and from 0
in the lists.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    costs: plain-English sentences on what the shape costs (empty when nothing).
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


# --------------------------------------------------------------------------- helpers


def _plural(count: int, word: str, plural: str | None = None) -> str:
    """'1 group', '2 groups' (or the given plural)."""
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def _names(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _span(values: list[int]) -> str:
    """'2' when all equal, else '1 to 2'."""
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low} to {high}"


def _check_ids(kind: str, ids: list[str]) -> None:
    """Non-empty, unique, non-blank ids."""
    if not ids:
        raise ScheduleError(f"there are no {kind}s: add at least one {kind}")
    seen: set[str] = set()
    for item in ids:
        if not isinstance(item, str) or not item.strip():
            raise ScheduleError(f"every {kind} needs a non-empty id (got {item!r})")
        if item in seen:
            raise ScheduleError(f"the {kind} id {item!r} appears twice: {kind} ids must be unique")
        seen.add(item)


def _check_rounds(rounds: int | None, needed: int, why: str) -> int:
    """The number of rounds to plan: the given one, or all that are needed."""
    if rounds is None:
        return needed
    if isinstance(rounds, bool) or not isinstance(rounds, int):
        raise ScheduleError(f"the number of rounds must be a whole number (got {rounds!r})")
    if rounds < 1:
        raise ScheduleError(f"there must be at least one round (got {rounds})")
    if rounds > needed:
        raise ScheduleError(
            f"{_plural(rounds, 'round')} are more than this shape needs: {why} in "
            f"{_plural(needed, 'round')}; plan {needed} rounds (or add stations or groups)"
        )
    return rounds


# --------------------------------------------------------------------------- cyclic


def cyclic(stations: list[str], groups: list[str], rounds: int | None = None) -> list[Round]:
    """The cyclic rotation: round r, slot s holds group (s - r) mod max(#stations, #groups).

    With as many groups as stations (and rounds) this is exactly meeting 3's square.
    Slots past the last station are pauses (those groups do not appear); station slots
    past the last group are idle (empty list). Rounds default to max(#stations, #groups),
    after which every group has visited every station once.
    """
    _check_ids("station", stations)
    _check_ids("group", groups)
    slots = max(len(stations), len(groups))
    count = _check_rounds(rounds, slots, "every group visits every station once")
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


def _williams(stations: list[str], groups: list[str], rounds: int | None, mode: str) -> Plan:
    """Carry-over balanced rotation, or ScheduleError saying what the design needs."""
    n = len(stations)
    odd = n % 2 == 1 and n > 1
    need = 2 * n if odd else n
    if len(groups) != need:
        if odd:
            raise ScheduleError(
                f"carry-over balance (a Williams design) for an odd number of stations "
                f"({n}) needs twice as many groups as stations: {need} groups, but there "
                f"are {len(groups)}. Form {need} groups (e.g. split groups in two), use an "
                f"even number of stations, or turn carry-over balance off"
            )
        raise ScheduleError(
            f"carry-over balance (a Williams design) for {n} stations needs exactly {need} "
            f"groups, but there are {len(groups)}. Form {need} groups or turn carry-over "
            f"balance off"
        )
    rows = _williams_rows(n)
    sequential = odd and mode == "pause"
    needed = 2 * n if sequential else n
    if rounds is not None and rounds != needed:
        _check_rounds(rounds, needed, "the design has every group visit every station once")
        raise ScheduleError(
            f"carry-over balance needs every group to visit every station: plan {needed} "
            f"rounds (not {rounds}) or turn carry-over balance off"
        )
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
    times = 2 if odd else 1
    costs: list[str] = []
    if n > 1:
        costs.append(
            f"carry-over balanced: every station follows every other station exactly "
            f"{'once' if times == 1 else 'twice'} over all groups"
        )
    if odd:
        if sequential:
            costs.append(
                f"the odd number of stations needs {need} groups and {needed} rounds: "
                f"{_plural(n, 'group')} wait in each round and each group waits in "
                f"{n} of {needed} rounds"
            )
        else:
            costs.append(
                f"the odd number of stations needs {need} groups: two groups share each "
                f"station in every round"
            )
    return Plan(plan_rounds, waiting, {}, costs, "williams")


# --------------------------------------------------------------------------- plan


def plan_rotation(
    stations: list[str],
    groups: list[str],
    rounds: int | None = None,
    *,
    mode: str = "pause",
    williams: bool = False,
) -> Plan:
    """The rotation for any number of stations, groups and rounds, with its costs.

    rounds: how many rounds to plan; None plans as many as the shape needs for every
    group to visit every station once (more than that raises ScheduleError; fewer is
    allowed and reported in ``missing`` and ``costs``).
    mode: with more groups than stations, "pause" (groups take turns waiting; rounds
    needed = #groups) or "share" (groups share stations; rounds needed = #stations).
    williams: carry-over balance; see the module docstring for what it needs.
    """
    _check_ids("station", stations)
    _check_ids("group", groups)
    if mode not in MODES:
        raise ScheduleError(f"unknown mode {mode!r}: use 'pause' or 'share'")
    if williams:
        return _williams(stations, groups, rounds, mode)
    n_s, n_g = len(stations), len(groups)
    if n_g > n_s and mode == "share":
        count = _check_rounds(rounds, n_s, "every group visits every station once")
        plan_rounds = _shared(stations, groups, count)
        shape = "share"
    else:
        count = _check_rounds(rounds, max(n_s, n_g), "every group visits every station once")
        plan_rounds = cyclic(stations, groups, count)
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
    costs = _costs(stations, groups, plan_rounds, waiting, missing)
    return Plan(plan_rounds, waiting, missing, costs, shape)


def _costs(
    stations: list[str],
    groups: list[str],
    rounds: list[Round],
    waiting: list[list[str]],
    missing: dict[str, list[str]],
) -> list[str]:
    """Plain-English sentences on what a plan costs: waiting, sharing, idle, missed visits."""
    costs: list[str] = []
    count = len(rounds)
    waits = [len(w) for w in waiting]
    if any(waits):
        if len(set(waits)) == 1:
            costs.append(f"{_plural(waits[0], 'group')} wait in each round")
        else:
            costs.append(f"{_span(waits)} groups wait in each round")
        per_group = [sum(g in w for w in waiting) for g in groups]
        costs.append(f"each group waits in {_span(per_group)} of {_plural(count, 'round')}")
    loads = [len(gs) for rnd in rounds for gs in rnd.values()]
    if max(loads) > 1:
        crowded = [sum(len(gs) > 1 for gs in rnd.values()) for rnd in rounds]
        costs.append(
            f"{_span(crowded)} stations hold up to {max(loads)} groups at once in each "
            f"round (loads differ by at most one)"
        )
    idle = [(r, s) for r, rnd in enumerate(rounds) for s, gs in rnd.items() if not gs]
    if idle:
        if len(idle) <= _DETAIL_LIMIT:
            costs.extend(f"station {s} is idle in round {r + 1}" for r, s in idle)
        else:
            per_round = [sum(not gs for gs in rnd.values()) for rnd in rounds]
            costs.append(f"{_span(per_round)} stations are idle in each round")
    if missing:
        lost = sum(len(v) for v in missing.values())
        because = f"because there {'is' if count == 1 else 'are'} only {_plural(count, 'round')}"
        if lost <= _DETAIL_LIMIT:
            costs.extend(f"group {g} misses {_names(s)} {because}" for g, s in missing.items())
        else:
            per_group = [len(missing.get(g, [])) for g in groups]
            costs.append(f"each group misses {_span(per_group)} stations {because}")
    return costs
