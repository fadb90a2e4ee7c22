"""Cross-reference checks of a session: every reference resolves, ids are unique, the
rotation fits the programme. Collects every problem instead of stopping at the first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workshop.model.problems import Problem
from workshop.model.session import Session
from workshop.scheduling.rotation import shape_problem


def _duplicates(section: str, ids: Iterable[str], what: str) -> list[Problem]:
    ids = list(ids)
    counts = Counter(ids)
    problems = []
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if counts[value] > 1 and value in seen:
            problems.append(
                Problem(
                    f'the {what} id "{value}" is used more than once',
                    f"give each {what} its own id",
                    (section, index, "id"),
                )
            )
        seen.add(value)
    return problems


def check(session: Session) -> list[Problem]:
    """Every problem with the session's references and shape."""
    problems: list[Problem] = []
    problems += _duplicates("program", (p.id for p in session.program), "programme item")
    problems += _duplicates("stations", (s.id for s in session.stations), "station")
    problems += _duplicates("groups", (g.id for g in session.groups), "group")
    problems += _duplicates("categories", (c.id for c in session.categories), "category")
    problems += _duplicates("notes", (n.id for n in session.notes), "note")

    if not session.stations:
        problems.append(
            Problem("the session has no stations", "add at least one [[stations]] table", ("stations",))
        )

    names: dict[str, int] = {}
    keys: dict[int, int] = {}
    for index, category in enumerate(session.categories):
        folded = category.name.strip().casefold()
        if folded in names:
            problems.append(
                Problem(
                    f'the category name "{category.name}" is used twice',
                    "rename one of them or merge them",
                    ("categories", index, "name"),
                )
            )
        names.setdefault(folded, index)
        if category.key is not None:
            if category.key in keys:
                problems.append(
                    Problem(
                        f"the key {category.key} is given to two categories",
                        "give each key 1-9 to one category at most",
                        ("categories", index, "key"),
                    )
                )
            keys.setdefault(category.key, index)

    station_ids = {s.id for s in session.stations}
    group_ids = {g.id for g in session.groups}
    category_ids = {c.id for c in session.categories}
    item_ids = {p.id for p in session.program}
    rounds = len(session.round_items())

    def unknown(kind: str, value: str, known: set[str], loc: tuple) -> Problem:
        listed = ", ".join(sorted(known)) or "none defined"
        return Problem(
            f'unknown {kind} "{value}"', f"use one of the {kind} ids ({listed})", loc
        )

    for index, note in enumerate(session.notes):
        if note.station not in station_ids:
            problems.append(unknown("station", note.station, station_ids, ("notes", index, "station")))
        if note.group is not None and note.group not in group_ids:
            problems.append(unknown("group", note.group, group_ids, ("notes", index, "group")))
        if note.round > max(rounds, len(session.rotation)):
            problems.append(
                Problem(
                    f"round {note.round} does not exist (the programme has {rounds} rounds)",
                    "use a round number from 1 to the number of round items",
                    ("notes", index, "round"),
                )
            )
        for category in note.categories:
            if category not in category_ids:
                problems.append(
                    unknown("category", category, category_ids, ("notes", index, "categories"))
                )

    if session.rotation:
        problems += _check_rotation(session, station_ids, group_ids, rounds)
    elif session.stations:
        shape = shape_problem(session)
        if shape:
            problems.append(
                Problem(
                    shape,
                    "change the counts or the [schedule], or write the rotation out as [[rotation]] tables",
                    ("program",),
                )
            )
    people = {m.name for m in session.people()}
    for index, pair in enumerate(session.schedule.apart):
        if len(pair) != 2:
            problems.append(Problem("a keep-apart pair needs two names", 'write ["Anna", "Bo"]', ("schedule", "apart")))
        for name in pair:
            if name not in people:
                problems.append(
                    Problem(f'"{name}" is not a participant', "use a name from the groups or participants", ("schedule", "apart"))
                )

    live = session.live
    if live.current is not None and live.current not in item_ids:
        problems.append(unknown("programme item", live.current, item_ids, ("live", "current")))
    for item in live.minutes:
        if item not in item_ids:
            problems.append(unknown("programme item", item, item_ids, ("live", "minutes")))
    for value in live.minutes.values():
        if value <= 0:
            problems.append(
                Problem("a re-planned duration must be more than zero", "use minutes above 0", ("live", "minutes"))
            )
    for station in session.summary.stations:
        if station not in station_ids:
            problems.append(unknown("station", station, station_ids, ("summary", "stations")))
    return problems


def _check_rotation(
    session: Session, station_ids: set[str], group_ids: set[str], rounds: int
) -> list[Problem]:
    problems: list[Problem] = []
    numbers = sorted(r.round for r in session.rotation)
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(
            Problem(
                f"the rotation's rounds are {numbers}",
                "number the [[rotation]] tables 1, 2, 3, ... once each",
                ("rotation",),
            )
        )
    if len(session.rotation) != rounds:
        problems.append(
            Problem(
                f"the rotation has {len(session.rotation)} rounds but the programme has {rounds} round items",
                "make the number of [[rotation]] tables and of round items in [[program]] equal",
                ("rotation",),
            )
        )
    for index, entry in enumerate(session.rotation):
        seen: set[str] = set()
        for station, groups in entry.stations.items():
            loc = ("rotation", index, "stations")
            if station not in station_ids:
                problems.append(
                    Problem(f'unknown station "{station}"', "use the ids of [[stations]]", loc)
                )
            for group in groups:
                if group not in group_ids:
                    problems.append(
                        Problem(f'unknown group "{group}"', "use the ids of [[groups]]", loc)
                    )
                elif group in seen:
                    problems.append(
                        Problem(
                            f'group "{group}" is at two stations in round {entry.round}',
                            "put each group at one station per round",
                            loc,
                        )
                    )
                seen.add(group)
    return problems
