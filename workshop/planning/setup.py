"""Preparing a session without editing TOML: the programme, stations, groups and the evening.

Each function makes one change through the store (durable at once, undoable with ctrl+z, seen
by every other instance) and raises :class:`~workshop.storage.writer.ChangeRefused` with the same
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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from workshop.model.problems import Loc, Problem
from workshop.model.pydantic_problems import problems_from
from workshop.model.session import (
    ITEM_KINDS,
    Group,
    ItemKind,
    Live,
    Member,
    ProgramItem,
    Session,
    Station,
    Workshop,
)
from workshop.scheduling.regroup import regrouped
from workshop.storage.change_labels import change_label
from workshop.storage.operations import Op, SectionChanged, changed_sections
from workshop.storage.writer import ChangeRefused, SessionWriter
from workshop.words import word

M = TypeVar("M", bound=BaseModel)

KINDS: tuple[ItemKind, ...] = ITEM_KINDS
"""The kinds of programme item, in the order the setup screen offers them (the model's own)."""
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


def refused(session: Session, message: str, fix: str = "", loc: Loc = ()) -> ChangeRefused:
    """A refusal of a change to ``session``, worded in its language."""
    language = session.workshop.language
    return ChangeRefused([Problem(message, fix, loc)], language)


def validated(cls: type[M], data: dict[str, Any], session: Session, loc: Loc = ()) -> M:
    """Build a model, turning pydantic's complaints into a refusal worded like ``workshop check``.

    ``loc`` is where the model sits in ``session`` (("program", 2)); the fixes are in its language.
    """
    try:
        return cls.model_validate(data)
    except ValidationError as error:
        language = session.workshop.language
        raise ChangeRefused(problems_from(error, language, prefix=loc), language) from None


def _apply(store: SessionWriter, label: str, edit: Callable[[Session], Iterable[Op]]) -> None:
    """Make the change ``edit`` builds, under ``label`` (what undo says it takes back)."""
    store.change(label, edit)


def _gone(session: Session, key: str, ident: str) -> KeyError:
    """Something someone else has removed meanwhile, said in the session's language."""
    return KeyError(word(key, session.workshop.language, id=ident))


def _index_of(session: Session, parts: Sequence[ProgramItem | Station | Group], ident: str, gone: str) -> int:
    """Where the part with id ``ident`` stands; when someone else has removed it meanwhile, the ``gone`` word."""
    for index, part in enumerate(parts):
        if part.id == ident:
            return index
    raise _gone(session, gone, ident)


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


def update_workshop(store: SessionWriter, **changes: Any) -> None:
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
        workshop = validated(Workshop, data, session, ("workshop",))
        return changed_sections(session, workshop=workshop)

    _apply(store, change_label("evening_changed"), edit)


# The programme ------------------------------------------------------------------------------------


def _item_index(session: Session, item_id: str) -> int:
    return _index_of(session, session.program, item_id, "gone_item")


def add_item(
    store: SessionWriter,
    title: str,
    minutes: int,
    kind: ItemKind = "plenary",
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
            session,
            ("program", index),
        )
        program = list(session.program)
        at = _item_index(session, after) + 1 if after else len(program)
        program.insert(at, item)
        outcome.id = ident
        return changed_sections(session, program=program)

    _apply(store, change_label("item_added"), edit)
    return outcome


def update_item(store: SessionWriter, item_id: str, **changes: Any) -> None:
    """Change an item's title, minutes, kind or description."""

    def edit(session: Session) -> list[Op]:
        index = _item_index(session, item_id)
        data = session.program[index].model_dump()
        data.update(changes)
        data["id"] = item_id
        item = validated(ProgramItem, data, session, ("program", index))
        program = list(session.program)
        program[index] = item
        return changed_sections(session, program=program)

    _apply(store, change_label("item_changed"), edit)


def remove_item(store: SessionWriter, item_id: str) -> None:
    """Remove an item (not the one running now); its re-planned duration goes with it."""

    def edit(session: Session) -> list[Op]:
        index = _item_index(session, item_id)
        item = session.program[index]
        if session.live.current == item_id:
            language = session.workshop.language
            raise refused(
                session,
                word("refused_item_running", language, title=item.title),
                word("fix_item_running", language),
                ("live", "current"),
            )
        program = [i for i in session.program if i.id != item_id]
        sections: dict[str, Any] = {"program": program}
        live = _live_without(session, item_id)
        if live is not None:
            sections["live"] = live
        return changed_sections(session, **sections)

    _apply(store, change_label("item_removed"), edit)


def _live_without(session: Session, item_id: str) -> Live | None:
    """``[live]`` without the re-planned duration and the runs of a removed item (every reference in
    ``[live]`` names an item of the programme); None when it has neither."""
    live = session.live
    actual = [run for run in live.actual if run.item != item_id]
    if item_id not in live.minutes and len(actual) == len(live.actual):
        return None
    minutes = {k: v for k, v in live.minutes.items() if k != item_id}
    return live.model_copy(update={"minutes": minutes, "actual": actual})


def move_item(store: SessionWriter, item_id: str, offset: int) -> None:
    """Move an item up (-1) or down (+1) in the programme; the times follow."""

    def edit(session: Session) -> list[Op]:
        index = _item_index(session, item_id)
        return changed_sections(session, program=_moved(session.program, index, offset))

    _apply(store, change_label("item_moved"), edit)


# Stations -----------------------------------------------------------------------------------------


def _station_index(session: Session, station_id: str) -> int:
    return _index_of(session, session.stations, station_id, "gone_station")


def _square(session: Session) -> bool:
    """Is the rotation generated for moving groups, with as many groups and rounds as stations?"""
    n = len(session.stations)
    return (
        not session.rotation
        and session.schedule.mode == "groups"
        and n == len(session.groups) == len(session.round_items())
    )


def companions(session: Session) -> set[str]:
    """What must come and go with a station to keep every visit: "group" and/or "round"; empty: nothing."""
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


def add_station(
    store: SessionWriter, name: str, host: str = "", questions: Iterable[str] = (), *, keep_square: bool = True
) -> Outcome:
    """Add a station; with the generated rotation also a group and a round, to keep it square.

    ``keep_square=False``: only the station, idle in the rounds that have no group for it.
    """
    outcome = Outcome()
    asked = [q.strip() for q in questions if q.strip()]

    def edit(session: Session) -> list[Op]:
        outcome.also.clear()
        language = session.workshop.language
        ident = _free_id("s", (s.id for s in session.stations))
        station = validated(
            Station,
            {"id": ident, "name": name, "host": host, "questions": asked},
            session,
            ("stations", len(session.stations)),
        )
        outcome.id = ident
        sections: dict[str, Any] = {"stations": [*session.stations, station]}
        brings = companions(session) if keep_square else set()
        number = len(session.stations) + 1
        if "group" in brings:
            group = Group(id=_free_id("g", (g.id for g in session.groups)), name=f"{word('group', language)} {number}")
            sections["groups"] = [*session.groups, group]
            outcome.also.append(("group", group.name))
        if "round" in brings:
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
        return changed_sections(session, **sections)

    _apply(store, change_label("station_added"), edit)
    return outcome


def update_station(store: SessionWriter, station_id: str, **changes: Any) -> None:
    """Change a station's name (theme), host or questions."""
    if "questions" in changes:
        changes["questions"] = [q.strip() for q in changes["questions"] if q.strip()]

    def edit(session: Session) -> list[Op]:
        index = _station_index(session, station_id)
        data = session.stations[index].model_dump()
        data.update(changes)
        data["id"] = station_id
        station = validated(Station, data, session, ("stations", index))
        stations = list(session.stations)
        stations[index] = station
        return changed_sections(session, stations=stations)

    _apply(store, change_label("station_changed"), edit)


def move_station(store: SessionWriter, station_id: str, offset: int) -> None:
    """Move a station up or down (its number, and with a generated rotation its groups, follow)."""

    def edit(session: Session) -> list[Op]:
        index = _station_index(session, station_id)
        return changed_sections(session, stations=_moved(session.stations, index, offset))

    _apply(store, change_label("station_moved"), edit)


def remove_station(store: SessionWriter, station_id: str) -> Outcome:
    """Remove a station without notes; with the generated rotation also a round and a group."""
    outcome = Outcome()

    def edit(session: Session) -> list[Op]:
        outcome.also.clear()
        language = session.workshop.language
        index = _station_index(session, station_id)
        station = session.stations[index]
        noted = sum(1 for note in session.notes if note.station == station_id)
        if noted:
            raise refused(
                session,
                word("refused_station_has_notes", language, name=station.name, count=noted),
                word("fix_station_has_notes", language),
                ("stations", index),
            )
        if len(session.stations) == 1:
            raise refused(
                session, word("refused_last_station", language), word("fix_last_station", language), ("stations",)
            )
        sections: dict[str, Any] = {"stations": [s for s in session.stations if s.id != station_id]}
        brings = companions(session)
        if "round" in brings:
            rounds = session.round_items()
            last = rounds[-1]
            number = len(rounds)
            if any(note.round == number for note in session.notes):
                raise refused(
                    session,
                    word("refused_last_round_has_notes", language, number=number),
                    word("fix_last_round_has_notes", language),
                    ("notes",),
                )
            if session.live.current == last.id:
                raise refused(
                    session,
                    word("refused_last_round_running", language, title=last.title),
                    word("fix_last_round_running", language),
                    ("live", "current"),
                )
            sections["program"] = [i for i in session.program if i.id != last.id]
            live = _live_without(session, last.id)
            if live is not None:
                sections["live"] = live
            outcome.also.append(("round", last.title))
        if "group" in brings:
            noted_groups = {note.group for note in session.notes}
            candidates = [g for g in session.groups if g.id not in noted_groups]
            if not candidates:
                raise refused(
                    session,
                    word("refused_every_group_has_notes", language),
                    word("fix_keep_station", language),
                    ("groups",),
                )
            empty = [g for g in candidates if not g.members]
            group = (empty or candidates)[-1]
            sections["groups"] = [g for g in session.groups if g.id != group.id]
            outcome.also.append(("group", group.name))
            if group.members:
                sections["participants"] = [*session.participants, *group.members]
                outcome.also.append(("without_group", str(len(group.members))))
        return changed_sections(session, **sections)

    _apply(store, change_label("station_removed"), edit)
    return outcome


# Groups and people -------------------------------------------------------------------------------


def _group_index(session: Session, group_id: str) -> int:
    return _index_of(session, session.groups, group_id, "gone_group")


def members_of(session: Session, group_id: str | None) -> list[Member]:
    """The members of a group; None means the participants without a group."""
    if group_id is None:
        return list(session.participants)
    return list(session.groups[_group_index(session, group_id)].members)


def _with_members(session: Session, group_id: str | None, members: list[Member]) -> dict[str, Any]:
    """The section(s) that change when the members of a group (None: the loose participants) are ``members``."""
    if group_id is None:
        return {"participants": members}
    index = _group_index(session, group_id)
    groups = list(session.groups)
    groups[index] = groups[index].model_copy(update={"members": members})
    return {"groups": groups}


def _member_at(session: Session, group_id: str | None, index: int, name: str | None) -> Member:
    """The person at ``index``; a KeyError when it is no longer the one the user saw (``name``)."""
    members = members_of(session, group_id)
    if not 0 <= index < len(members) or (name is not None and members[index].name != name):
        raise KeyError(word("gone_person", session.workshop.language))
    return members[index]


def add_group(store: SessionWriter, name: str) -> Outcome:
    """Add a group alone (the schedule then has groups wait or share; see its costs).

    To keep a square evening square, add a station instead: that adds a group and a round.
    """
    outcome = Outcome()

    def edit(session: Session) -> list[Op]:
        ident = _free_id("g", (g.id for g in session.groups))
        group = validated(Group, {"id": ident, "name": name}, session, ("groups", len(session.groups)))
        outcome.id = ident
        return changed_sections(session, groups=[*session.groups, group])

    _apply(store, change_label("group_added"), edit)
    return outcome


def rename_group(store: SessionWriter, group_id: str, name: str) -> None:
    """Give a group a new name (its id, which notes refer to, stays)."""

    def edit(session: Session) -> list[Op]:
        index = _group_index(session, group_id)
        data = session.groups[index].model_dump()
        data["name"] = name
        group = validated(Group, data, session, ("groups", index))
        groups = list(session.groups)
        groups[index] = group
        return changed_sections(session, groups=groups)

    _apply(store, change_label("group_renamed"), edit)


def _member(session: Session, name: str, affiliation: str | None, loc: Loc) -> Member:
    """A person as typed in the form: the name trimmed, an empty affiliation none."""
    affiliation = (affiliation or "").strip() or None
    return validated(Member, {"name": name.strip(), "affiliation": affiliation}, session, loc)


def add_member(store: SessionWriter, group_id: str | None, name: str, affiliation: str | None = None) -> None:
    """Add a person to a group (None: to the participants without a group)."""

    def edit(session: Session) -> list[Op]:
        members = members_of(session, group_id)
        members.append(_member(session, name, affiliation, _member_loc(session, group_id, len(members))))
        return changed_sections(session, **_with_members(session, group_id, members))

    _apply(store, change_label("person_added"), edit)


def update_member(
    store: SessionWriter,
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
        members[index] = _member(session, name, affiliation, _member_loc(session, group_id, index))
        return changed_sections(session, **_with_members(session, group_id, members))

    _apply(store, change_label("person_changed"), edit)


def remove_member(store: SessionWriter, group_id: str | None, index: int, *, was: str | None = None) -> None:
    """Take a person out of a group (None: out of the participants without a group)."""

    def edit(session: Session) -> list[Op]:
        _member_at(session, group_id, index, was)
        members = members_of(session, group_id)
        del members[index]
        return changed_sections(session, **_with_members(session, group_id, members))

    _apply(store, change_label("person_removed"), edit)


def move_member(
    store: SessionWriter, from_group: str | None, index: int, to_group: str | None, *, was: str | None = None
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
        return changed_sections(session, **sections)

    _apply(store, change_label("person_moved"), edit)


def save_groups(store: SessionWriter, groups: list[list[str]]) -> None:
    """Replace the session's groups by these (lists of names), as one undoable change: ``workshop groups --write``
    and the schedule screen's "form balanced groups"."""

    def build(session: Session) -> list[Op]:
        new, left = regrouped(session, groups)
        return [SectionChanged.of(session, "groups", new), SectionChanged.of(session, "participants", left)]

    store.change(change_label("groups_formed"), build)


def _member_loc(session: Session, group_id: str | None, index: int) -> Loc:
    """Where a person sits in the session file: ("groups", 1, "members", 3) or ("participants", 3)."""
    if group_id is None:
        return ("participants", index)
    return ("groups", _group_index(session, group_id), "members", index)
