"""Which group is at which station in each round.

With as many groups as stations and rounds the rotation is the cyclic Latin square of
meeting 3: in round r (from 0) station s (from 0) holds group (s - r) mod n, i.e.

    round 1: S1-G1, S2-G2, S3-G3
    round 2: S1-G3, S2-G1, S3-G2
    round 3: S1-G2, S2-G3, S3-G1

A session may instead give an explicit ``[[rotation]]``, which validation checks.
"""

from __future__ import annotations

from .model import Session

Round = dict[str, list[str]]
"""Station id -> the ids of the groups there in one round."""


class RotationError(ValueError):
    """The session's shape has no generated rotation (yet): say why and what to do."""


def cyclic(stations: list[str], groups: list[str]) -> list[Round]:
    """The cyclic Latin square for n stations and n groups (n rounds)."""
    n = len(stations)
    if n != len(groups):
        raise RotationError("the cyclic rotation needs as many groups as stations")
    return [{stations[s]: [groups[(s - r) % n]] for s in range(n)} for r in range(n)]


def shape_problem(stations: int, groups: int, rounds: int) -> str | None:
    """Why no rotation can be generated for this shape, or None when it can."""
    if stations == 0:
        return "the session has no stations"
    if stations == groups == rounds:
        return None
    return (
        f"{stations} stations, {groups} groups and {rounds} round items: a rotation is "
        "generated only when the three are equal (as in meeting 3)"
    )


def rotation(session: Session) -> list[Round]:
    """The session's rotation: the explicit one if given, else the generated square."""
    if session.rotation:
        return [dict(r.stations) for r in sorted(session.rotation, key=lambda r: r.round)]
    stations = [s.id for s in session.stations]
    groups = [g.id for g in session.groups]
    problem = shape_problem(len(stations), len(groups), len(session.round_items()))
    if problem:
        raise RotationError(problem)
    return cyclic(stations, groups)


def groups_at(session: Session, station: str, round_number: int) -> list[str]:
    """The groups at a station in a round (from 1); empty when none or unknown."""
    try:
        rounds = rotation(session)
    except RotationError:
        return []
    if not 1 <= round_number <= len(rounds):
        return []
    return list(rounds[round_number - 1].get(station, []))


def route(session: Session, group: str) -> list[tuple[int, str | None]]:
    """A group's route: (round number, station id or None when it waits) for every round."""
    return [
        (number, next((s for s, gs in r.items() if group in gs), None))
        for number, r in enumerate(rotation(session), start=1)
    ]
