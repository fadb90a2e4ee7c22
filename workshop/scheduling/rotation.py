"""Which group is at which station in each round.

With as many groups as stations and rounds the rotation is the cyclic Latin square of
meeting 3: in round r (from 0) station s (from 0) holds group (s - r) mod n, i.e.

    round 1: S1-G1, S2-G2, S3-G3
    round 2: S1-G3, S2-G1, S3-G2
    round 3: S1-G2, S2-G3, S3-G1

Other shapes (more or fewer groups than stations, fewer rounds, carry-over balance) come
from :mod:`workshop.scheduling.shapes` following the session's ``[schedule]``; in re-mix mode people,
not groups, move (:mod:`workshop.scheduling.remix`) and the cells hold names. A session may instead
give an explicit ``[[rotation]]``, which validation checks.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from workshop.model.session import Session
from workshop.scheduling import shapes
from workshop.words import word

if TYPE_CHECKING:
    from workshop.scheduling.remix import RemixResult

Round = dict[str, list[str]]
"""Station id -> the ids of the groups (or, re-mixing, the names of the people) there."""


class RotationError(ValueError):
    """The session's shape has no rotation: the message says why and what to do (in the session's language)."""


def cyclic(stations: list[str], groups: list[str], language: str = "en") -> list[Round]:
    """The cyclic Latin square for n stations and n groups (n rounds)."""
    if len(stations) != len(groups):
        raise RotationError(word("cost_error_cyclic", language))
    return shapes.cyclic(stations, groups, language=language)


def plan(session: Session) -> shapes.Plan:
    """The generated plan for the session's groups, with what its shape costs in the session's language."""
    stations = tuple(s.id for s in session.stations)
    groups = tuple(g.id for g in session.groups)
    rounds = len(session.round_items())
    schedule = session.schedule
    return _plan(stations, groups, rounds, schedule.extra_groups, schedule.williams, session.workshop.language)


@lru_cache(maxsize=64)
def _plan(
    stations: tuple[str, ...], groups: tuple[str, ...], rounds: int, mode: str, williams: bool, language: str
) -> shapes.Plan:
    if not stations:
        raise RotationError(word("cost_error_session_no_stations", language))
    if not groups:
        raise RotationError(word("cost_error_session_no_groups", language))
    if rounds < 1:
        raise RotationError(word("cost_error_session_no_rounds", language))
    try:
        return shapes.plan_rotation(
            list(stations), list(groups), rounds, mode=mode, williams=williams, language=language
        )
    except shapes.ScheduleError as error:
        raise RotationError(str(error)) from None


def shape_problem(session: Session) -> str | None:
    """Why no rotation can be made for the session (in its language), or None when it can."""
    if session.rotation:
        return None
    try:
        if session.schedule.mode == "remix":
            remixed(session)
        else:
            plan(session)
    except RotationError as error:
        return str(error)
    return None


def remixed(session: Session) -> RemixResult:
    """The re-mixed rounds (people, not groups, move), with their method and wishes in the session's language."""
    language = session.workshop.language
    stations = tuple(s.id for s in session.stations)
    rounds = len(session.round_items())
    if rounds != len(stations):
        raise RotationError(word("cost_error_remix_rounds", language, stations=len(stations), rounds=rounds))
    people = tuple(m.name for m in session.people())
    affiliations = tuple((m.name, m.affiliation) for m in session.people())
    apart = tuple((pair[0], pair[1]) for pair in session.schedule.apart if len(pair) == 2)
    hosts = tuple(s.host for s in session.stations if s.host)
    return _remix(people, stations, affiliations, apart, session.schedule.seed, hosts, language)


@lru_cache(maxsize=16)
def _remix(
    people: tuple[str, ...],
    stations: tuple[str, ...],
    affiliations: tuple[tuple[str, str | None], ...],
    apart: tuple[tuple[str, str], ...],
    seed: int,
    hosts: tuple[str, ...],
    language: str,
) -> RemixResult:
    if not people:
        raise RotationError(word("cost_error_remix_nobody", language))
    # Imported here, not at the top: only a re-mix needs it, and the app's first screen (which
    # draws the rotation) starts faster without the re-mixing search and its statistics.
    from workshop.scheduling.remix import remix

    try:
        return remix(
            list(people),
            list(stations),
            affiliations=dict(affiliations) if any(a for _, a in affiliations) else None,
            apart=list(apart),
            seed=seed,
            hosts=list(hosts),
            language=language,
        )
    except shapes.ScheduleError as error:
        raise RotationError(str(error)) from None


def rotation(session: Session) -> list[Round]:
    """The session's rotation: the explicit one if given, else the generated one."""
    if session.rotation:
        return [dict(r.stations) for r in sorted(session.rotation, key=lambda r: r.round)]
    if session.schedule.mode == "remix":
        return [dict(r) for r in remixed(session).rounds]
    return [dict(r) for r in plan(session).rounds]


def remixing(session: Session) -> bool:
    """True when people, not groups, move between the stations (re-mix mode without an explicit rotation)."""
    return session.schedule.mode == "remix" and not session.rotation


def groups_at(session: Session, station: str, round_number: int) -> list[str]:
    """The groups at a station in a round (from 1); empty when none, unknown or re-mixing."""
    if remixing(session):
        return []
    try:
        rounds = rotation(session)
    except RotationError:
        return []
    if not 1 <= round_number <= len(rounds):
        return []
    return list(rounds[round_number - 1].get(station, []))


def route(session: Session, group: str) -> list[tuple[int, str | None]]:
    """A group's (or, re-mixing, a person's) route: (round, station id or None while waiting)."""
    return [
        (number, next((s for s, there in r.items() if group in there), None))
        for number, r in enumerate(rotation(session), start=1)
    ]
