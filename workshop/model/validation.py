"""Cross-reference checks of a session: every reference resolves, ids are unique, a written-out
rotation fits the programme. Collects every problem instead of stopping at the first.

Whether the scheduler can generate the rotation a session asks for is the scheduler's to say: the
whole check, with that question, is :func:`workshop.scheduling.checks.check` (what storage uses).

The messages quote the TOML's ids and tables in the session's language
(:mod:`workshop.words.complaints`), and so do the fixes (:mod:`workshop.words.model`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workshop.model import limits
from workshop.model.comments import comment_problems
from workshop.model.problems import Loc, Problem, said_unknown
from workshop.model.recommendations import SECTION_NAMES
from workshop.model.session import Session
from workshop.words import word


def _duplicates(section: str, ids: Iterable[str], language: str) -> list[Problem]:
    ids = list(ids)
    counts = Counter(ids)
    problems = []
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if counts[value] > 1 and value in seen:
            problems.append(
                Problem(
                    word("said_id_twice", language, what=word(f"thing_id_{section}", language), value=value),
                    word(f"fix_own_id_{section}", language),
                    (section, index, "id"),
                )
            )
        seen.add(value)
    return problems


_USE_IDS = {
    "station": "fix_use_station",
    "group": "fix_use_group",
    "category": "fix_use_category",
    "item": "fix_use_item",
}
"""The fix of an unknown reference, by what it refers to (``thing_<what>`` names it)."""


def size_problems(session: Session, language: str) -> list[Problem]:
    """The parts of the session larger than a real workshop ever is (see :mod:`workshop.model.limits`)."""
    sizes: list[tuple[Loc, int, int, str]] = [
        (("stations",), len(session.stations), limits.STATIONS, "count_stations"),
        (("groups",), len(session.groups), limits.GROUPS, "count_groups"),
        (("program",), len(session.round_items()), limits.ROUNDS, "count_round_items"),
        (("program",), len(session.program), limits.PROGRAM_ITEMS, "count_program"),
        (("rotation",), len(session.rotation), limits.ROUNDS, "count_rotation"),
        (
            ("groups",),
            sum(len(g.members) for g in session.groups) + len(session.participants),
            limits.PEOPLE,
            "count_people",
        ),
        (("categories",), len(session.categories), limits.CATEGORIES, "count_categories"),
        (("notes",), len(session.notes), limits.NOTES, "count_notes"),
        (("themes",), len(session.themes), limits.RECOMMENDATIONS, "count_themes"),
        (("recommendations",), len(session.recommendations), limits.RECOMMENDATIONS, "count_recommendations"),
    ]
    if session.schedule.mode == "remix" and not session.rotation:
        sizes += [
            (("schedule", "mode"), len(session.people()), limits.REMIX_PEOPLE, "count_remix_people"),
            (("schedule", "mode"), len(session.stations), limits.REMIX_STATIONS, "count_remix_stations"),
        ]
    problems = [too_many(loc, count, limit, what, language) for loc, count, limit, what in sizes if count > limit]
    for problem in problems:
        if problem.loc == ("schedule", "mode"):
            problem.fix = word("fix_too_many_remix", language)
    return problems


def too_many(loc: Loc, count: int, limit: int, what: str, language: str) -> Problem:
    """The problem of a part with more entries than a workshop ever has; ``what`` is a ``count_*`` word."""
    return Problem(
        word("said_too_many", language, count=count, what=word(what, language), limit=limit),
        word("fix_too_many", language, limit=limit),
        loc,
    )


def check(session: Session, language: str | None = None) -> list[Problem]:
    """Every problem with the session's references and sizes; the fixes in ``language`` (default: the session's).

    The rotation the scheduler would generate is not checked here (the model knows no scheduler):
    :func:`workshop.scheduling.checks.check` adds that.
    """
    language = language or session.workshop.language
    problems: list[Problem] = size_problems(session, language)
    if problems:
        return problems  # the rest would take long on a session this large, and says nothing new
    problems += _duplicates("program", (p.id for p in session.program), language)
    problems += _duplicates("stations", (s.id for s in session.stations), language)
    problems += _duplicates("groups", (g.id for g in session.groups), language)
    problems += _duplicates("categories", (c.id for c in session.categories), language)
    problems += _duplicates("notes", (n.id for n in session.notes), language)

    if session.series is not None:
        return problems + series_problems(session, language)
    if not session.stations:
        problems.append(Problem(word("said_no_stations", language), word("fix_add_station", language), ("stations",)))

    names: dict[str, int] = {}
    keys: dict[int, int] = {}
    for index, category in enumerate(session.categories):
        folded = category.name.strip().casefold()
        if folded in names:
            problems.append(
                Problem(
                    word("said_category_name_twice", language, name=category.name),
                    word("fix_category_name_twice", language),
                    ("categories", index, "name"),
                )
            )
        names.setdefault(folded, index)
        if category.key is not None:
            if category.key in keys:
                problems.append(
                    Problem(
                        word("said_key_twice", language, key=category.key),
                        word("fix_key_twice", language),
                        ("categories", index, "key"),
                    )
                )
            keys.setdefault(category.key, index)

    station_ids = {s.id for s in session.stations}
    group_ids = {g.id for g in session.groups}
    category_ids = {c.id for c in session.categories}
    item_ids = {p.id for p in session.program}
    rounds = len(session.round_items())

    def unknown(kind: str, value: str, known: set[str], loc: Loc) -> Problem:
        listed = ", ".join(sorted(known)) or word("none_defined", language)
        return Problem(said_unknown(kind, value, language), word(_USE_IDS[kind], language, known=listed), loc)

    for index, note in enumerate(session.notes):
        if note.station not in station_ids:
            problems.append(unknown("station", note.station, station_ids, ("notes", index, "station")))
        if note.group is not None and note.group not in group_ids:
            problems.append(unknown("group", note.group, group_ids, ("notes", index, "group")))
        if note.round > max(rounds, len(session.rotation)):
            problems.append(
                Problem(
                    word("said_round_missing", language, round=note.round, rounds=rounds),
                    word("fix_round_number", language),
                    ("notes", index, "round"),
                )
            )
        for id_ in note.categories:
            if id_ not in category_ids:
                problems.append(unknown("category", id_, category_ids, ("notes", index, "categories")))

    if session.rotation:
        problems += _check_rotation(session, station_ids, group_ids, rounds, language)
    people = {m.name for m in session.people()}
    for pair in session.schedule.apart:
        if len(pair) != 2:
            problems.append(
                Problem(word("said_apart_pair", language), word("fix_apart_pair", language), ("schedule", "apart"))
            )
        for name in pair:
            if name not in people:
                problems.append(
                    Problem(
                        word("said_not_participant", language, name=name),
                        word("fix_apart_name", language),
                        ("schedule", "apart"),
                    )
                )

    live = session.live
    if live.current is not None and live.current not in item_ids:
        problems.append(unknown("item", live.current, item_ids, ("live", "current")))
    for item in live.minutes:
        if item not in item_ids:
            problems.append(unknown("item", item, item_ids, ("live", "minutes")))
    for index, actual in enumerate(live.actual):
        if actual.item not in item_ids:
            problems.append(unknown("item", actual.item, item_ids, ("live", "actual", index, "item")))
    for value in live.minutes.values():
        if value <= 0:
            problems.append(
                Problem(
                    word("said_replanned_minutes", language),
                    word("fix_replanned_minutes", language),
                    ("live", "minutes"),
                )
            )
    for station in session.summary.stations:
        if station not in station_ids:
            problems.append(unknown("station", station, station_ids, ("summary", "stations")))
    problems += recommendation_problems(session, language)
    problems += comment_problems(session, language)
    return problems


def _check_rotation(
    session: Session, station_ids: set[str], group_ids: set[str], rounds: int, language: str
) -> list[Problem]:
    problems: list[Problem] = []
    numbers = sorted(r.round for r in session.rotation)
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(
            Problem(
                word("said_rotation_numbers", language, numbers=numbers),
                word("fix_rotation_numbers", language),
                ("rotation",),
            )
        )
    if len(session.rotation) != rounds:
        problems.append(
            Problem(
                word("said_rotation_count", language, rotation=len(session.rotation), rounds=rounds),
                word("fix_rotation_count", language),
                ("rotation",),
            )
        )
    for index, entry in enumerate(session.rotation):
        seen: set[str] = set()
        for station, groups in entry.stations.items():
            loc: Loc = ("rotation", index, "stations")
            if station not in station_ids:
                problems.append(
                    Problem(said_unknown("station", station, language), word("fix_rotation_station", language), loc)
                )
            for group in groups:
                if group not in group_ids:
                    problems.append(
                        Problem(said_unknown("group", group, language), word("fix_rotation_group", language), loc)
                    )
                elif group in seen:
                    problems.append(
                        Problem(
                            word("said_two_stations", language, group=group, round=entry.round),
                            word("fix_one_station_per_round", language),
                            loc,
                        )
                    )
                seen.add(group)
    return problems


def recommendation_problems(session: Session, language: str) -> list[Problem]:
    """Every problem with the themes and recommendations: unique ids, known stations and cited notes.

    Also a note's link to the section it qualifies: ``recommendation`` names a recommendation
    that exists, ``section`` is one of :data:`~workshop.model.recommendations.SECTION_NAMES` and stands only with a
    recommendation. Messages (quoting the TOML's ids) and fixes are in ``language``.
    """
    problems: list[Problem] = []
    seen_themes: set[str] = set()
    for index, theme in enumerate(session.themes):
        folded = theme.name.strip().casefold()
        if folded in seen_themes:
            problems.append(
                Problem(
                    word("said_theme_twice", language, name=theme.name),
                    word("fix_theme_twice", language),
                    ("themes", index, "name"),
                )
            )
        seen_themes.add(folded)

    station_ids = {s.id for s in session.stations}
    note_ids = {n.id for n in session.notes}
    ids = {r.id for r in session.recommendations}
    problems += _duplicates("recommendations", (r.id for r in session.recommendations), language)
    for index, recommendation in enumerate(session.recommendations):
        if recommendation.station is not None and recommendation.station not in station_ids:
            known = ", ".join(sorted(station_ids)) or word("none_defined", language)
            problems.append(
                Problem(
                    said_unknown("station", recommendation.station, language),
                    word("fix_recommendation_station", language, known=known),
                    ("recommendations", index, "station"),
                )
            )
        missing = [n for n in recommendation.notes if n not in note_ids]
        for note_id in dict.fromkeys(missing):
            problems.append(
                Problem(
                    word("said_cited_note", language, id=note_id),
                    word("fix_cited_note", language),
                    ("recommendations", index, "notes"),
                )
            )

    for index, note in enumerate(session.notes):
        if note.section is not None and note.section not in SECTION_NAMES:
            problems.append(
                Problem(
                    said_unknown("section", note.section, language),
                    word("fix_note_section", language, known=", ".join(SECTION_NAMES)),
                    ("notes", index, "section"),
                )
            )
        if note.recommendation is not None and note.recommendation not in ids:
            known = ", ".join(r.id for r in session.recommendations) or word("none_defined", language)
            problems.append(
                Problem(
                    said_unknown("recommendation", note.recommendation, language),
                    word("fix_note_recommendation", language, known=known),
                    ("notes", index, "recommendation"),
                )
            )
        elif note.section is not None and note.recommendation is None:
            problems.append(
                Problem(
                    word("said_section_alone", language),
                    word("fix_section_alone", language),
                    ("notes", index, "section"),
                )
            )
    return problems


def series_problems(session: Session, language: str) -> list[Problem]:
    """What a series file may not hold: a series holds no programme, stations, groups or notes (those
    belong to a meeting's session), and names each meeting's file once."""
    series = session.series
    if series is None:
        return []
    problems: list[Problem] = []
    for name in ("program", "stations", "groups", "participants", "notes", "rotation", "recommendations", "comments"):
        if getattr(session, name):
            problems.append(
                Problem(word("series_said_holds", language, name=name), word("series_fix_holds", language), (name,))
            )
    seen: set[str] = set()
    for index, meeting in enumerate(series.meetings):
        if meeting.file in seen:
            problems.append(
                Problem(
                    word("series_said_meeting_twice", language, file=meeting.file),
                    word("series_fix_meeting_twice", language),
                    ("series", "meetings", index, "file"),
                )
            )
        seen.add(meeting.file)
    for index, milestone in enumerate(series.milestones):
        if milestone.end is not None and milestone.end < milestone.date:
            problems.append(
                Problem(
                    word("series_said_end_before", language, title=milestone.title),
                    word("series_fix_end_before", language),
                    ("series", "milestones", index, "end"),
                )
            )
    return problems
