"""The notes as the minutes present them: per station, under their categories, and counted.

Pure functions over a :class:`~workshop.model.session.Session`; the minutes, the quote table and the
secretariat's screen all read the notes through here, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop.model.session import Category, Note, Session, Station


@dataclass
class StationNotes:
    """One station's notes, in reading order, grouped by category."""

    number: int
    """The station's number from 1, as on the slides."""
    station: Station
    notes: list[Note]
    """Every note at the station, by round, then group, then when written."""
    by_category: list[tuple[Category, list[Note]]] = field(default_factory=list)
    """The categories with notes here, in codebook order (a note may stand under several)."""
    uncoded: list[Note] = field(default_factory=list)
    """The notes without a category."""


@dataclass
class Tally:
    """The overview table: categories down, stations across, counts and totals."""

    stations: list[Station]
    rows: list[tuple[Category, list[int]]]
    """Every category of the codebook with its count per station (zero included)."""
    uncoded: list[int]
    """Notes without a category, per station."""
    notes: list[int]
    """Notes per station (a note with several categories is one note)."""

    @property
    def totals(self) -> list[int]:
        """Per station: the codings plus the uncoded notes (the column sums)."""
        columns = [sum(counts[i] for _, counts in self.rows) for i in range(len(self.stations))]
        return [c + u for c, u in zip(columns, self.uncoded)]


def note_order(session: Session):
    """A sort key: round, then the group's place in the session, then creation time.

    Python's sort is stable, so notes written in the same second keep the session's order.
    """
    positions = {group.id: index for index, group in enumerate(session.groups)}

    def key(note: Note):
        return (note.round, positions.get(note.group or "", len(positions)), note.created)

    return key


def categories_of(session: Session, note: Note) -> list[Category]:
    """The note's categories in codebook order; unknown ids become a category named by the id."""
    known = {c.id: c for c in session.categories}
    wanted = dict.fromkeys(note.categories)
    result = [c for c in session.categories if c.id in wanted]
    result += [Category(id=i, name=i) for i in wanted if i not in known]
    return result


def station_notes(session: Session) -> list[StationNotes]:
    """Every station with its notes (stations without notes included)."""
    by_station: dict[str, list[Note]] = {s.id: [] for s in session.stations}
    for note in session.notes:
        if note.station in by_station:
            by_station[note.station].append(note)
    order = note_order(session)
    known = {c.id for c in session.categories}
    result: list[StationNotes] = []
    for number, station in enumerate(session.stations, start=1):
        notes = sorted(by_station[station.id], key=order)
        buckets: dict[str, list[Note]] = {c.id: [] for c in session.categories}
        strays: dict[str, list[Note]] = {}
        uncoded: list[Note] = []
        for note in notes:
            if not note.categories:
                uncoded.append(note)
                continue
            for category_id in dict.fromkeys(note.categories):
                target = buckets if category_id in known else strays
                target.setdefault(category_id, []).append(note)
        grouped = [(c, buckets[c.id]) for c in session.categories if buckets[c.id]]
        grouped += [(Category(id=i, name=i), found) for i, found in strays.items()]
        result.append(StationNotes(number, station, notes, grouped, uncoded))
    return result


def tally(session: Session, stations: list[StationNotes] | None = None) -> Tally:
    """Counts per category and station, from :func:`station_notes`."""
    stations = stations if stations is not None else station_notes(session)
    rows: list[tuple[Category, list[int]]] = []
    counted: dict[str, list[int]] = {c.id: [0] * len(stations) for c in session.categories}
    extra: dict[str, Category] = {}
    for column, entry in enumerate(stations):
        for category, notes in entry.by_category:
            if category.id not in counted:
                counted[category.id] = [0] * len(stations)
                extra[category.id] = category
            counted[category.id][column] = len(notes)
    rows = [(c, counted[c.id]) for c in session.categories]
    rows += [(c, counted[i]) for i, c in extra.items()]
    return Tally(
        stations=[entry.station for entry in stations],
        rows=rows,
        uncoded=[len(entry.uncoded) for entry in stations],
        notes=[len(entry.notes) for entry in stations],
    )
