"""Forming a session's groups and reading everyone's route: the scheduler applied to a session.

Used by ``workshop groups`` and the TUI's schedule screen alike; every sentence is in the
session's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from workshop.model.session import Group, Member, Session
from workshop.scheduling.contacts import contact_stats
from workshop.scheduling.grouping import GroupingResult, Person, form_groups
from workshop.scheduling.rotation import RotationError, plan, remixed, remixing, rotation
from workshop.scheduling.wording import people_met
from workshop.words import word


def propose(
    session: Session,
    count: int,
    *,
    balance: str | None = "affiliation",
    apart: Iterable[Sequence[str]] = (),
    together: Iterable[Sequence[str]] = (),
    pinned: Mapping[str, int] | None = None,
    seed: int = 0,
) -> GroupingResult:
    """Balanced groups from every participant of the session (hosts left out); wishes that gave way in its language."""
    people = [Person(m.name, m.affiliation) for m in session.people()]
    return form_groups(
        people,
        count,
        balance=balance,
        apart=list(apart),
        together=list(together),
        pinned=dict(pinned or {}),
        seed=seed,
        hosts=[s.host for s in session.stations if s.host],
        language=session.workshop.language,
    )


def regrouped(session: Session, groups: list[list[str]]) -> tuple[list[Group], list[Member]]:
    """The session's new groups from these names ("Gruppe 1", "Gruppe 2", ...), and the people left without one."""
    language = session.workshop.language
    by_name = {m.name: m for m in session.people()}
    placed = {name for members in groups for name in members}
    new = [
        Group(id=f"g{n}", name=f"{word('group', language)} {n}", members=[by_name[m] for m in members])
        for n, members in enumerate(groups, start=1)
    ]
    left = [m for m in session.people() if m.name not in placed]
    return new, left


@dataclass(frozen=True)
class Overview:
    """What the session's schedule is and costs, in a form any screen can show."""

    who: list[str]
    """The names of the rows: groups, or people when re-mixing."""
    routes: list[list[str | None]]
    """For each row, the station id in each round (None while waiting)."""
    sentences: list[str]
    """What the shape costs, or the contact statistics when re-mixing (in the session's language)."""
    problem: str | None = None
    """Why there is no schedule, if there is none."""


def costs(session: Session) -> list[str]:
    """What the session's schedule costs, in its language: groups waiting and visits missed, or,
    re-mixing, who met whom ("people met: ...") and the wishes that gave way. Empty for the square
    and for an explicit rotation. Raises RotationError when there is no schedule."""
    if session.rotation:
        return []
    if remixing(session):
        result = remixed(session)
        language = session.workshop.language
        return [people_met(contact_stats(result.rounds), result.method, language), *result.gave_way]
    return list(plan(session).costs)


def overview(session: Session) -> Overview:
    """Everyone's route and what the shape costs."""
    try:
        rounds = rotation(session)
        sentences = costs(session)
    except RotationError as error:
        return Overview([], [], [], str(error))
    if remixing(session):
        present = {n for r in rounds for ns in r.values() for n in ns}
        rows = [m.name for m in session.people() if m.name in present]
    else:
        rows = [g.id for g in session.groups]
    routes = [[next((s for s, there in r.items() if row in there), None) for r in rounds] for row in rows]
    if not remixing(session):
        names_of = {g.id: g.name for g in session.groups}
        rows = [names_of.get(r, r) for r in rows]
    return Overview(rows, routes, sentences)
