"""Forming a session's groups and reading everyone's route: the scheduler applied to a session.

Used by ``workshop groups`` and the TUI's schedule screen alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workshop.model.session import Group, Session
from workshop.scheduling.grouping import GroupingResult, Person, form_groups
from workshop.scheduling.rotation import RotationError, plan, remixed, rotation
from workshop.storage.operations import section_op
from workshop.storage.store import Store
from workshop.words import word


def propose(
    session: Session,
    count: int,
    *,
    balance: str | None = "affiliation",
    apart: Iterable[tuple[str, str]] = (),
    together: Iterable[tuple[str, str]] = (),
    pinned: Mapping[str, int] | None = None,
    seed: int = 0,
) -> GroupingResult:
    """Balanced groups from every participant of the session (hosts left out)."""
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
    )


def save_groups(store: Store, groups: list[list[str]]) -> None:
    """Replace the session's groups by these (names), as one undoable change."""

    def build(session: Session):
        language = session.workshop.language
        by_name = {m.name: m for m in session.people()}
        placed = {name for members in groups for name in members}
        new = [
            Group(id=f"g{n}", name=f"{word('group', language)} {n}", members=[by_name[m] for m in members])
            for n, members in enumerate(groups, start=1)
        ]
        left = [m for m in session.people() if m.name not in placed]
        return [section_op(session, "groups", new), section_op(session, "participants", left)]

    store.change(f"{len(groups)} groups formed", build)


@dataclass(frozen=True)
class Overview:
    """What the session's schedule is and costs, in a form any screen can show."""

    who: list[str]
    """The names of the rows: groups, or people when re-mixing."""
    routes: list[list[str | None]]
    """For each row, the station id in each round (None while waiting)."""
    sentences: list[str]
    """What the shape costs, or the contact statistics when re-mixing."""
    problem: str | None = None
    """Why there is no schedule, if there is none."""


def overview(session: Session) -> Overview:
    """Everyone's route and what the shape costs."""
    try:
        rounds = rotation(session)
    except RotationError as error:
        return Overview([], [], [], str(error))
    remixing = session.schedule.mode == "remix" and not session.rotation
    if remixing:
        from workshop.scheduling.remix import contact_stats

        result = remixed(session)
        names = [m.name for m in session.people() if m.name in {n for r in rounds for ns in r.values() for n in ns}]
        stats = contact_stats(result.rounds)
        sentences = [
            f"people met: min {stats.min}, mean {stats.mean:.1f}, max {stats.max} "
            f"({stats.distinct_pairs} distinct pairs; {result.method})",
            *result.gave_way,
        ]
        rows = names
    else:
        rows = [g.id for g in session.groups]
        sentences = [] if session.rotation else list(plan(session).costs)
    routes = [[next((s for s, there in r.items() if row in there), None) for r in rounds] for row in rows]
    if not remixing:
        names_of = {g.id: g.name for g in session.groups}
        rows = [names_of.get(r, r) for r in rows]
    return Overview(rows, routes, sentences)
