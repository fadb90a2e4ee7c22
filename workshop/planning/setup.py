"""Preparing a session without editing TOML: the programme, stations, groups and the evening.

Each function makes one change through the store (durable at once, undoable with ctrl+z, seen
by every other instance) and raises :class:`~workshop.storage.store.ChangeRefused` with the same
wording as ``workshop check`` when the change would leave the session invalid.

While a session is the square of meeting 3 (as many groups and round items as stations, the
rotation generated, groups moving), adding a station also adds a group and a round, and
removing one also removes a round and a group (whose people become participants without a
group), so every group still visits every station; the result says what else changed, so the
screen can tell the user. Other shapes are left to the schedule (:mod:`workshop.scheduling.shapes`),
whose costs the setup screen shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from workshop.model.problems import Problem
from workshop.model.session import (
    Group,
    Member,
    ProgramItem,
    Session,
    Station,
    Workshop,
)
from workshop.storage.operations import Op, section_op
from workshop.storage.store import ChangeRefused, Store
from workshop.words import word

M = TypeVar("M", bound=BaseModel)

KINDS = ("plenary", "round", "break")
AFFILIATIONS = ("politician", "administration", "staff", "union", "education")
"""Suggested affiliations (any other word is fine too)."""


@dataclass
class Outcome:
    """What a setup change did, beyond the obvious (for the message the user sees)."""

    id: str | None = None
    """The id of what was added, if anything."""
    also: list[tuple[str, str]] = field(default_factory=list)
    """Other changes it made to keep the session valid: (what, name) with what one of
    "group", "round" (a programme item) or "without_group" (name: how many people)."""


def refused(message: str, fix: str = "", loc: tuple = ()) -> ChangeRefused:
    return ChangeRefused([Problem(message, fix, loc)])


def validated(cls: type[M], data: dict[str, Any], loc: tuple = ()) -> M:
    """Build a model, turning pydantic's complaints into a refusal worded like ``workshop check``."""
    try:
        return cls.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            where = loc + tuple(item["loc"])
            message = item["msg"].removeprefix("Value error, ")
            value = item.get("input")
            shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
            problems.append(Problem(f"{message} (found {shown})", "correct the value", where))
        raise ChangeRefused(problems) from None


def _apply(store: Store, label_text: str, edit: Callable[[Session], Iterable[Op]]) -> None:
    store.change(label_text, edit)


def _ops(session: Session, **sections: Any) -> list[Op]:
    ops = [section_op(session, name, value) for name, value in sections.items()]
    return [op for op in ops if op["before"] != op["after"]]


def _free_id(prefix: str, used: Iterable[str]) -> str:
    taken = set(used)
    number = len(taken) + 1
    for candidate in range(1, number + 1):
        if f"{prefix}{candidate}" not in taken:
            return f"{prefix}{candidate}"
    return f"{prefix}{number}"  # pragma: no cover - the loop always finds one


def _moved(items: list[Any], index: int, offset: int) -> list[Any]:
    target = index + offset
    if not 0 <= target < len(items):
        return list(items)
    result = list(items)
    result[index], result[target] = result[target], result[index]
    return result


# The evening --------------------------------------------------------------------------------------


def update_workshop(store: Store, **changes: Any) -> None:
    """Change the title, subtitle, date, location, language or start of the evening.

    Empty text for the date clears it; the start takes "18:00" or "18.00".
    """
    if "date" in changes and changes["date"] in ("", None):
        changes["date"] = None
    elif "date" in changes and isinstance(changes["date"], str):
        changes["date"] = changes["date"].strip()

    def edit(session: Session) -> list[Op]:
        data = session.workshop.model_dump()
        data.update(changes)
        workshop = validated(Workshop, data, ("workshop",))
        return _ops(session, workshop=workshop)

    _apply(store, "evening changed", edit)


# The programme ------------------------------------------------------------------------------------


def _item_index(session: Session, item_id: str) -> int:
    for index, item in enumerate(session.program):
        if item.id == item_id:
            return index
    raise KeyError(f"no programme item {item_id} (removed by someone else?)")


def add_item(
    store: Store,
    title: str,
    minutes: int,
    kind: str = "plenary",
    description: str = "",
    *,
    after: str | None = None,
) -> Outcome:
    """Add a programme item after ``after`` (at the end when None)."""
    outcome = Outcome()

    def edit(session: Session) -> list[Op]:
        ident = _free_id("p", (i.id for i in session.program))
        index = len(session.program)
        item = validated(
            ProgramItem,
            {"id": ident, "title": title, "minutes": minutes, "kind": kind, "description": description},
            ("program", index),
        )
        program = list(session.program)
        at = _item_index(session, after) + 1 if after else len(program)
        program.insert(at, item)
        outcome.id = ident
        return _ops(session, program=program)

    _apply(store, "programme item added", edit)
    return outcome


def update_item(store: Store, item_id: str, **changes: Any) -> None:
    """Change an item's title, minutes, kind or description."""

    def edit(session: Session) -> list[Op]:
        index = _item_index(session, item_id)
        data = session.program[index].model_dump()
        data.update(changes)
        data["id"] = item_id
        item = validated(ProgramItem, data, ("program", index))
        program = list(session.program)
        program[index] = item
        return _ops(session, program=program)

    _apply(store, "programme item changed", edit)


def remove_item(store: Store, item_id: str) -> None:
    """Remove an item (not the one running now); its re-planned duration goes with it."""

    def edit(session: Session) -> list[Op]:
        index = _item_index(session, item_id)
        item = session.program[index]
        if session.live.current == item_id:
            raise refused(
                f'"{item.title}" is the item running now',
                "move on to the next item (or end it) before removing it",
                ("live", "current"),
            )
        program = [i for i in session.program if i.id != item_id]
        sections: dict[str, Any] = {"program": program}
        if item_id in session.live.minutes:
            minutes = {k: v for k, v in session.live.minutes.items() if k != item_id}
            sections["live"] = session.live.model_copy(update={"minutes": minutes})
        return _ops(session, **sections)

    _apply(store, "programme item removed", edit)


def move_item(store: Store, item_id: str, offset: int) -> None:
    """Move an item up (-1) or down (+1) in the programme; the times follow."""

    def edit(session: Session) -> list[Op]:
        index = _item_index(session, item_id)
        return _ops(session, program=_moved(session.program, index, offset))

    _apply(store, "programme item moved", edit)


# Stations -----------------------------------------------------------------------------------------


def _station_index(session: Session, station_id: str) -> int:
    for index, station in enumerate(session.stations):
        if station.id == station_id:
            return index
    raise KeyError(f"no station {station_id} (removed by someone else?)")


def _square(session: Session) -> bool:
    """Is the rotation generated for moving groups, with as many groups and rounds as stations?"""
    n = len(session.stations)
    return (
        not session.rotation
        and session.schedule.mode == "groups"
        and n == len(session.groups) == len(session.round_items())
    )


def _companions(session: Session) -> set[str]:
    """What must come and go with a station to keep every visit: "group" and/or "round"."""
    if session.rotation:
        return set()
    n = len(session.stations)
    if session.schedule.mode == "remix":
        return {"round"} if len(session.round_items()) == n else set()
    return {"group", "round"} if _square(session) else set()


def _next_round_title(session: Session, number: int) -> str:
    rounds = session.round_items()
    language = session.workshop.language
    if rounds:
        last = rounds[-1].title
        previous = str(len(rounds))
        if re.search(rf"\b{previous}\b", last):
            return re.sub(rf"\b{previous}\b", str(number), last, count=1)
    return f"{word('round', language)} {number}"


def add_station(store: Store, name: str, host: str = "", questions: Iterable[str] = ()) -> Outcome:
    """Add a station; with the generated rotation also a group and a round, to keep it square."""
    outcome = Outcome()
    asked = [q.strip() for q in questions if q.strip()]

    def edit(session: Session) -> list[Op]:
        outcome.also.clear()
        language = session.workshop.language
        ident = _free_id("s", (s.id for s in session.stations))
        station = validated(
            Station,
            {"id": ident, "name": name, "host": host, "questions": asked},
            ("stations", len(session.stations)),
        )
        outcome.id = ident
        sections: dict[str, Any] = {"stations": [*session.stations, station]}
        companions = _companions(session)
        number = len(session.stations) + 1
        if "group" in companions:
            group = Group(id=_free_id("g", (g.id for g in session.groups)), name=f"{word('group', language)} {number}")
            sections["groups"] = [*session.groups, group]
            outcome.also.append(("group", group.name))
        if "round" in companions:
            rounds = session.round_items()
            template = rounds[-1] if rounds else None
            item = ProgramItem(
                id=_free_id("p", (i.id for i in session.program)),
                title=_next_round_title(session, number),
                minutes=template.minutes if template else 30,
                kind="round",
                description=template.description if template else "",
            )
            program = list(session.program)
            at = _item_index(session, template.id) + 1 if template else len(program)
            program.insert(at, item)
            sections["program"] = program
            outcome.also.append(("round", item.title))
        return _ops(session, **sections)

    _apply(store, "station added", edit)
    return outcome


def update_station(store: Store, station_id: str, **changes: Any) -> None:
    """Change a station's name (theme), host or questions."""
    if "questions" in changes:
        changes["questions"] = [q.strip() for q in changes["questions"] if q.strip()]

    def edit(session: Session) -> list[Op]:
        index = _station_index(session, station_id)
        data = session.stations[index].model_dump()
        data.update(changes)
        data["id"] = station_id
        station = validated(Station, data, ("stations", index))
        stations = list(session.stations)
        stations[index] = station
        return _ops(session, stations=stations)

    _apply(store, "station changed", edit)


def move_station(store: Store, station_id: str, offset: int) -> None:
    """Move a station up or down (its number, and with a generated rotation its groups, follow)."""

    def edit(session: Session) -> list[Op]:
        index = _station_index(session, station_id)
        return _ops(session, stations=_moved(session.stations, index, offset))

    _apply(store, "station moved", edit)


def remove_station(store: Store, station_id: str) -> Outcome:
    """Remove a station without notes; with the generated rotation also a round and a group."""
    outcome = Outcome()

    def edit(session: Session) -> list[Op]:
        outcome.also.clear()
        index = _station_index(session, station_id)
        station = session.stations[index]
        noted = sum(1 for note in session.notes if note.station == station_id)
        if noted:
            raise refused(
                f'station "{station.name}" has {noted} note(s)',
                "keep the station, or move or delete its notes first",
                ("stations", index),
            )
        if len(session.stations) == 1:
            raise refused("the session has no stations", "add at least one [[stations]] table", ("stations",))
        sections: dict[str, Any] = {"stations": [s for s in session.stations if s.id != station_id]}
        companions = _companions(session)
        if "round" in companions:
            rounds = session.round_items()
            last = rounds[-1]
            number = len(rounds)
            if any(note.round == number for note in session.notes):
                raise refused(
                    f"round {number} has notes, and removing a station removes the last round",
                    "keep the station, or move the notes of the last round first",
                    ("notes",),
                )
            if session.live.current == last.id:
                raise refused(
                    f'"{last.title}" is running now, and removing a station removes the last round',
                    "remove the station after that round",
                    ("live", "current"),
                )
            sections["program"] = [i for i in session.program if i.id != last.id]
            if last.id in session.live.minutes:
                minutes = {k: v for k, v in session.live.minutes.items() if k != last.id}
                sections["live"] = session.live.model_copy(update={"minutes": minutes})
            outcome.also.append(("round", last.title))
        if "group" in companions:
            noted_groups = {note.group for note in session.notes}
            candidates = [g for g in session.groups if g.id not in noted_groups]
            if not candidates:
                raise refused(
                    "every group has notes, and removing a station removes a group",
                    "keep the station",
                    ("groups",),
                )
            empty = [g for g in candidates if not g.members]
            group = (empty or candidates)[-1]
            sections["groups"] = [g for g in session.groups if g.id != group.id]
            outcome.also.append(("group", group.name))
            if group.members:
                sections["participants"] = [*session.participants, *group.members]
                outcome.also.append(("without_group", str(len(group.members))))
        return _ops(session, **sections)

    _apply(store, "station removed", edit)
    return outcome


# Groups and people -------------------------------------------------------------------------------


def _group_index(session: Session, group_id: str) -> int:
    for index, group in enumerate(session.groups):
        if group.id == group_id:
            return index
    raise KeyError(f"no group {group_id} (removed by someone else?)")


def members_of(session: Session, group_id: str | None) -> list[Member]:
    """The members of a group; None means the participants without a group."""
    if group_id is None:
        return list(session.participants)
    return list(session.groups[_group_index(session, group_id)].members)


def _with_members(session: Session, group_id: str | None, members: list[Member]) -> dict[str, Any]:
    if group_id is None:
        return {"participants": members}
    index = _group_index(session, group_id)
    groups = list(session.groups)
    groups[index] = groups[index].model_copy(update={"members": members})
    return {"groups": groups}


def _member_at(session: Session, group_id: str | None, index: int, name: str | None) -> Member:
    members = members_of(session, group_id)
    if not 0 <= index < len(members) or (name is not None and members[index].name != name):
        raise KeyError("that person has been moved or changed by someone else; look again")
    return members[index]


def add_group(store: Store, name: str) -> Outcome:
    """Add a group alone (the schedule then has groups wait or share; see its costs).

    To keep a square evening square, add a station instead: that adds a group and a round.
    """
    outcome = Outcome()

    def edit(session: Session) -> list[Op]:
        ident = _free_id("g", (g.id for g in session.groups))
        group = validated(Group, {"id": ident, "name": name}, ("groups", len(session.groups)))
        outcome.id = ident
        return _ops(session, groups=[*session.groups, group])

    _apply(store, "group added", edit)
    return outcome


def rename_group(store: Store, group_id: str, name: str) -> None:
    def edit(session: Session) -> list[Op]:
        index = _group_index(session, group_id)
        data = session.groups[index].model_dump()
        data["name"] = name
        group = validated(Group, data, ("groups", index))
        groups = list(session.groups)
        groups[index] = group
        return _ops(session, groups=groups)

    _apply(store, "group renamed", edit)


def _member(name: str, affiliation: str | None, loc: tuple) -> Member:
    affiliation = (affiliation or "").strip() or None
    return validated(Member, {"name": name.strip(), "affiliation": affiliation}, loc)


def add_member(store: Store, group_id: str | None, name: str, affiliation: str | None = None) -> None:
    """Add a person to a group (None: to the participants without a group)."""

    def edit(session: Session) -> list[Op]:
        members = members_of(session, group_id)
        members.append(_member(name, affiliation, _member_loc(session, group_id, len(members))))
        return _ops(session, **_with_members(session, group_id, members))

    _apply(store, "person added", edit)


def update_member(
    store: Store,
    group_id: str | None,
    index: int,
    *,
    name: str,
    affiliation: str | None,
    was: str | None = None,
) -> None:
    """Change a person's name or affiliation (``was``: the name shown, to catch others' edits)."""

    def edit(session: Session) -> list[Op]:
        _member_at(session, group_id, index, was)
        members = members_of(session, group_id)
        members[index] = _member(name, affiliation, _member_loc(session, group_id, index))
        return _ops(session, **_with_members(session, group_id, members))

    _apply(store, "person changed", edit)


def remove_member(store: Store, group_id: str | None, index: int, *, was: str | None = None) -> None:
    def edit(session: Session) -> list[Op]:
        _member_at(session, group_id, index, was)
        members = members_of(session, group_id)
        del members[index]
        return _ops(session, **_with_members(session, group_id, members))

    _apply(store, "person removed", edit)


def move_member(
    store: Store, from_group: str | None, index: int, to_group: str | None, *, was: str | None = None
) -> None:
    """Move a person to another group (None: to the participants without a group)."""

    def edit(session: Session) -> list[Op]:
        person = _member_at(session, from_group, index, was)
        if from_group == to_group:
            return []
        source = members_of(session, from_group)
        del source[index]
        sections = _with_members(session, from_group, source)
        staged = session.model_copy(update=sections)
        target = members_of(staged, to_group)
        target.append(person)
        sections.update(_with_members(staged, to_group, target))
        return _ops(session, **sections)

    _apply(store, "person moved", edit)


def _member_loc(session: Session, group_id: str | None, index: int) -> tuple:
    if group_id is None:
        return ("participants", index)
    return ("groups", _group_index(session, group_id), "members", index)
