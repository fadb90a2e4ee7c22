"""Changes during the evening: who a change would move, and keeping the rounds that have started.

Once the facilitator's clock has started (and until the evening is over), route cards are out
and people are at their stations. A change of the setup (a group more, a station less, another
schedule) must then never move anyone silently, and never rewrite a round that has started.

:func:`evening_change` compares the rotation before a change with the one after it and says
which rounds would look different. With fixed groups the rounds that have started (up to the
latest one the clock started) are kept exactly as they were, and the later rounds follow the
new shape: the generated plan's rounds, chosen so that as few groups as possible come back to a
station they have already visited. When the session's generated rotation would no longer give
those rounds, the result is an explicit rotation to store (``[[rotation]]``) together with the
change. Re-mixing people cannot be kept that way (an explicit rotation names groups, not people):
there the change says which started rounds the new re-mix would move.

Nothing here reads the clock or writes the store: the screens ask before they change anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from workshop.model.session import Session
from workshop.scheduling.evening import phase
from workshop.scheduling.rotation import RotationError, Round, remixing, rotation
from workshop.words import word

Placement = dict[str, tuple[str, ...]]
"""Station id -> who is there (sorted), leaving out stations nobody is at."""


def during_evening(session: Session) -> bool:
    """True while the evening runs: the clock has started and the last item has not ended."""
    return phase(session.live) in ("running", "paused", "ended")


def started_rounds(session: Session) -> int:
    """How many rounds are kept as they are: every round up to the latest one the clock started."""
    rounds = [item.id for item in session.round_items()]
    started = [rounds.index(run.item) + 1 for run in session.live.actual if run.item in rounds]
    if session.live.current in rounds:
        started.append(rounds.index(session.live.current) + 1)
    return max(started, default=0)


def rounds_of(session: Session) -> list[Round]:
    """The session's rotation; empty when its shape has none."""
    try:
        return rotation(session)
    except RotationError:
        return []


def placement(one_round: Round) -> Placement:
    """Who is where in a round, in a form two rounds can be compared by."""
    return {station: tuple(sorted(there)) for station, there in one_round.items() if there}


def changed_rounds(before: Sequence[Round], after: Sequence[Round]) -> list[int]:
    """The numbers (from 1) of the rounds in which someone is somewhere else."""
    count = max(len(before), len(after))
    return [
        number
        for number in range(1, count + 1)
        if placement(before[number - 1] if number <= len(before) else {})
        != placement(after[number - 1] if number <= len(after) else {})
    ]


def waiting(session: Session, one_round: Round) -> list[str]:
    """The groups that are at no station in a round (they wait), in the session's order."""
    there = {group for groups in one_round.values() for group in groups}
    return [g.id for g in session.groups if g.id not in there]


@dataclass(frozen=True)
class EveningChange:
    """What a change would do to the rounds of an evening that has started."""

    kept: int
    """How many rounds have started (and are kept as they were)."""
    before: list[Round]
    """The rounds before the change."""
    after: list[Round]
    """The rounds after the change, the started ones kept where that is possible."""
    changed: list[int] = field(default_factory=list)
    """The rounds (from 1) in which someone would be somewhere else."""
    explicit: list[Round] | None = None
    """The rotation to store with the change so that the started rounds stay (None: not needed)."""
    started_moved: list[int] = field(default_factory=list)
    """Started rounds that would change all the same (re-mixing people cannot keep them)."""
    problem: str | None = None
    """Why the change cannot be made during the evening (in the session's language), if it cannot."""

    @property
    def moves_people(self) -> bool:
        """Would anyone be at another station than before in some round?"""
        return bool(self.changed)


def evening_change(before: Session, after: Session) -> EveningChange:
    """What changing ``before`` into ``after`` does to the evening's rounds (see the module's notes)."""
    kept = started_rounds(before)
    old = rounds_of(before)
    if remixing(before) or remixing(after):
        new = rounds_of(after)
        changed = changed_rounds(old, new)
        return EveningChange(kept, old, new, changed, None, [n for n in changed if n <= kept])
    language = after.workshop.language
    as_is = rounds_of(after)
    if after.rotation and (after.rotation != before.rotation or not _plan_changed(before, after)):
        later = as_is[kept:]
        total = len(as_is)
    else:
        try:
            generated = rotation(after.model_copy(update={"rotation": []}))
        except RotationError as error:
            return EveningChange(kept, old, as_is, changed_rounds(old, as_is), problem=str(error))
        groups, stations = [g.id for g in after.groups], [s.id for s in after.stations]
        later = _later_rounds(generated[kept:], old[:kept], groups, stations)
        total = len(generated)
    if total < kept:
        problem = word("evening_fewer_rounds", language, rounds=kept)
        return EveningChange(kept, old, as_is, changed_rounds(old, as_is), problem=problem)
    result = [dict(r) for r in old[:kept]] + [dict(r) for r in later]
    gone = _gone(before, after, result[:kept])
    if gone:
        problem = word("evening_gone", language, names=", ".join(gone), rounds=kept)
        return EveningChange(kept, old, as_is, changed_rounds(old, as_is), problem=problem)
    explicit = None if not changed_rounds(as_is, result) and len(as_is) == len(result) else result
    return EveningChange(kept, old, result, changed_rounds(old, result), explicit)


def _plan_changed(before: Session, after: Session) -> bool:
    """Would a generated plan differ: other groups, stations, number of rounds or schedule?"""
    return (
        [g.id for g in before.groups] != [g.id for g in after.groups]
        or [s.id for s in before.stations] != [s.id for s in after.stations]
        or len(before.round_items()) != len(after.round_items())
        or before.schedule != after.schedule
    )


def _later_rounds(
    template: Sequence[Round], kept: Sequence[Round], groups: Sequence[str], stations: Sequence[str]
) -> list[Round]:
    """The rounds after the kept ones, shaped like the new plan's (``template``), each filled so that
    groups go to stations they have not visited yet, the groups with the most still to see first.

    Nobody is sent back to a station they have been at: a group with nowhere new to go waits. With
    no history in the way the result is the plan's own rounds (its choices break every tie).
    """
    visited = {(group, station) for one in kept for station, there in one.items() for group in there}
    order = {group: index for index, group in enumerate(groups)}
    result: list[Round] = []
    for shape in template:
        capacity = {station: max(len(shape.get(station, [])), 1) for station in stations}
        planned = {(group, station) for station, there in shape.items() for group in there}

        unseen = {group: sum((group, station) not in visited for station in stations) for group in groups}
        pairs = [
            (-unseen[group], (group, station) not in planned, order[group], stations.index(station), group, station)
            for group in groups
            for station in stations
            if (group, station) not in visited
        ]
        placed: set[str] = set()
        filled: Round = {station: [] for station in stations}
        for *_, group, station in sorted(pairs):
            if group in placed or len(filled[station]) >= capacity[station]:
                continue
            filled[station].append(group)
            placed.add(group)
        result.append({station: there for station, there in filled.items() if there})
        visited |= {(group, station) for station, there in filled.items() for group in there}
    return result


def _gone(before: Session, after: Session, kept: Sequence[Round]) -> list[str]:
    """The names of the stations and groups of the kept rounds that the changed session no longer has."""
    stations = {s.id for s in after.stations}
    groups = {g.id for g in after.groups}
    names = {s.id: s.name for s in before.stations} | {g.id: g.name for g in before.groups}
    missing: list[str] = []
    for one in kept:
        for ident in [station for station in one if station not in stations]:
            missing.append(ident)
        for there in one.values():
            missing += [g for g in there if g not in groups]
    return [names.get(ident, ident) for ident in dict.fromkeys(missing)]
