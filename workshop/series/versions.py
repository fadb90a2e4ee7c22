"""Every version of every recommendation through a series of meetings, computed from the meetings.

Each meeting's session holds the version of each recommendation that meeting worked on; a
recommendation keeps its id through the series. Read in date order, the meetings tell for each
recommendation id its version at each meeting, which sections changed from the previous
meeting's version, and the notes of that meeting linked to the recommendation (and section) that
qualified the change. A recommendation a later meeting does not hold is carried on unchanged.

Nothing here is stored: the series file names the meetings, and this is computed each time from
their sessions (:func:`histories`), so a meeting edited afterwards is reflected at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from workshop.model.recommendations import SECTION_NAMES, Recommendation
from workshop.model.session import Note, Session

COMPARED: tuple[str, ...] = ("title", "intro", *SECTION_NAMES)
"""The parts of a recommendation whose changes a series tells: the title, the introduction and the seven sections."""


@dataclass(frozen=True)
class MeetingSession:
    """One meeting of a series, read: its place in the series file, its date and its session."""

    file: str
    """The meeting's file as the series names it (relative to the series file)."""
    session: Session
    """The meeting's session."""
    order: int = 0
    """Its place in the series file: the tie-break of two meetings on the same day (or without a date)."""

    @property
    def date(self) -> dt.date | None:
        """The meeting's day (``[workshop] date``)."""
        return self.session.workshop.date

    @property
    def title(self) -> str:
        """The meeting's name: its subtitle ("Møde 2"), else its title."""
        return self.session.workshop.subtitle or self.session.workshop.title

    @property
    def name(self) -> str:
        """The meeting's short name: its title up to a dash ("Møde 2" of "Møde 2 – Udvalget kvalificerer ...")."""
        return self.title.split(" – ", 1)[0].strip() or self.title


def in_date_order(meetings: Sequence[MeetingSession]) -> list[MeetingSession]:
    """The meetings by date (a meeting without a date last), ties in the series file's order."""
    return sorted(meetings, key=lambda m: (m.date is None, m.date or dt.date.max, m.order, m.file))


@dataclass(frozen=True)
class Change:
    """One part of a recommendation a meeting changed: the wording before and after, and why."""

    section: str
    """"title", "intro" or a section name ("actions")."""
    before: str
    """The wording at the previous meeting ("" for a recommendation new at this meeting)."""
    after: str
    """The wording at this meeting."""
    notes: tuple[Note, ...]
    """The meeting's notes linked to this recommendation and this section."""


@dataclass(frozen=True)
class Version:
    """A recommendation at one meeting."""

    meeting: int
    """The meeting's place in date order (0: the first)."""
    recommendation: Recommendation
    """The recommendation as it stood after that meeting."""
    carried: bool
    """The meeting did not hold it: carried on unchanged from the meeting before."""
    changes: tuple[Change, ...]
    """The parts that changed from the previous version (every filled part for a new recommendation)."""
    notes: tuple[Note, ...]
    """Every note of the meeting linked to the recommendation."""

    @property
    def changed(self) -> tuple[str, ...]:
        """The names of the parts that changed."""
        return tuple(change.section for change in self.changes)


@dataclass(frozen=True)
class History:
    """A recommendation through the series: one version per meeting from the first that held it."""

    id: str
    """The recommendation's id, the same at every meeting."""
    versions: tuple[Version, ...]

    @property
    def latest(self) -> Recommendation:
        """The recommendation as it stands now."""
        return self.versions[-1].recommendation

    def at(self, meeting: int) -> Version | None:
        """Its version at the ``meeting``-th meeting (date order), None before it first appeared."""
        for version in reversed(self.versions):
            if version.meeting <= meeting:
                return version
        return None


def part(recommendation: Recommendation | None, section: str) -> str:
    """The wording of one part of a recommendation ("" for none)."""
    if recommendation is None:
        return ""
    value = getattr(recommendation, section)
    return value if isinstance(value, str) else ""


def histories(meetings: Sequence[MeetingSession]) -> list[History]:
    """Every recommendation's versions through ``meetings`` (in any order: they are put in date order).

    The recommendations come in the order they first appeared (a meeting's own order within it).
    """
    ordered = in_date_order(meetings)
    found: dict[str, list[Version]] = {}
    for index, meeting in enumerate(ordered):
        session = meeting.session
        linked: dict[str, list[Note]] = {}
        for note in session.notes:
            if note.recommendation is not None:
                linked.setdefault(note.recommendation, []).append(note)
        held = {r.id for r in session.recommendations}
        for recommendation in session.recommendations:
            if recommendation.id in found and found[recommendation.id][-1].meeting == index:
                continue  # an id twice in one session (check refuses it): the first stands
            previous = found.get(recommendation.id)
            before = previous[-1].recommendation if previous else None
            notes = tuple(linked.get(recommendation.id, ()))
            changes = tuple(
                Change(
                    section,
                    part(before, section),
                    part(recommendation, section),
                    tuple(n for n in notes if n.section == section),
                )
                for section in COMPARED
                if part(before, section) != part(recommendation, section)
            )
            found.setdefault(recommendation.id, []).append(Version(index, recommendation, False, changes, notes))
        for rid, versions in found.items():
            if rid not in held and versions[-1].meeting < index:
                versions.append(Version(index, versions[-1].recommendation, True, (), ()))
    return [History(rid, tuple(versions)) for rid, versions in found.items()]


def latest_session(meetings: Sequence[MeetingSession], title: str, language: str) -> Session | None:
    """A session holding the latest version of every recommendation (the report of seed 001); None without meetings.

    It is the latest meeting's session (its summary opens the report) with the series' title and
    language, the themes, stations, groups and categories of every meeting (the latest's first),
    and the notes of every meeting that a recommendation cites or that qualify one.
    """
    ordered = in_date_order(meetings)
    if not ordered:
        return None
    base = ordered[-1].session
    newest_first = list(reversed(ordered))
    latest = [h.latest for h in histories(ordered)]
    wanted = {n for r in latest for n in r.notes}
    notes: dict[str, Note] = {}
    for meeting in ordered:
        for note in meeting.session.notes:
            if note.id in wanted or note.recommendation is not None:
                notes[note.id] = note

    def merged(name: str, key: str) -> list[object]:
        seen: dict[str, object] = {}
        for meeting in newest_first:
            for item in getattr(meeting.session, name):
                seen.setdefault(getattr(item, key), item)
        return list(seen.values())

    return base.model_copy(
        update={
            "workshop": base.workshop.model_copy(update={"title": title, "subtitle": "", "language": language}),
            "recommendations": latest,
            "themes": merged("themes", "name"),
            "stations": merged("stations", "id"),
            "groups": merged("groups", "id"),
            "categories": merged("categories", "id"),
            "notes": list(notes.values()),
        }
    )
