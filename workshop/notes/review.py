"""Reading the notes: one order, one grouping by station and by category, one count; filters and search.

Pure functions over the session's notes (no Textual here). The review screen, the minutes, the
quote table and the secretariat's screen all read the notes through here, so they always agree:

* :func:`note_order` / :func:`in_order`: the one reading order (station, round, group, time);
* :func:`stations_and_notes` and :func:`by_station`: the notes grouped by station; within each
  station, the notes under their categories (:func:`under_categories`);
* :func:`by_category`: the notes under their categories, uncoded last;
* :func:`tally`: how many notes each station has in each category (the minutes' overview, the
  review's matrix and the secretariat's facts);
* :class:`NoteFilter`, :func:`filter_notes`, :func:`search_terms`: which notes to show.

"All" is written as ``None`` in a filter. A note with several categories stands, and is counted,
under each of them. A station's title comes from :func:`workshop.words.phrases.station_title`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from workshop.model.session import Category, Note, Session, Station
from workshop.words.phrases import station_title

T = TypeVar("T")

_TERM = re.compile(r'"([^"]*)"|(\S+)')


# Filters and search ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteFilter:
    """Which notes to show. ``None`` means any; every given part must hold."""

    station: str | None = None
    round: int | None = None
    group: str | None = None
    category: str | None = None
    author: str | None = None
    uncoded: bool = False
    """Only notes without any category."""
    text: str = ""
    """Words that must all occur in the note (any case); "quoted words" stay together."""

    def replace(self, **changes: Any) -> NoteFilter:
        """A copy with some parts changed."""
        return dataclasses.replace(self, **changes)

    @property
    def active(self) -> bool:
        """True when the filter hides anything."""
        return self != NoteFilter()


def search_terms(text: str) -> list[str]:
    """The words of a search, folded for comparison: ``leder "nye kolleger"`` -> two terms."""
    terms = []
    for match in _TERM.finditer(text):
        term = (match[1] if match[1] is not None else match[2]).strip().casefold()
        if term:
            terms.append(term)
    return terms


def matches(note: Note, note_filter: NoteFilter, terms: Sequence[str] | None = None) -> bool:
    """Does ``note`` pass the filter? ``terms`` may be given pre-computed (see search_terms)."""
    f = note_filter
    if f.station is not None and note.station != f.station:
        return False
    if f.round is not None and note.round != f.round:
        return False
    if f.group is not None and note.group != f.group:
        return False
    if f.author is not None and note.author != f.author:
        return False
    if f.uncoded and note.categories:
        return False
    if f.category is not None and f.category not in note.categories:
        return False
    if terms is None:
        terms = search_terms(f.text)
    if terms:
        folded = note.text.casefold()
        return all(term in folded for term in terms)
    return True


def filter_notes(notes: Iterable[Note], note_filter: NoteFilter) -> list[Note]:
    """The notes that pass the filter, in the order given."""
    terms = search_terms(note_filter.text)
    if not note_filter.active:
        return list(notes)
    return [note for note in notes if matches(note, note_filter, terms)]


def station_notes(session: Session, station: str) -> list[Note]:
    """One station's notes, in the order they were written down (the note-taker's list)."""
    return [note for note in session.notes if note.station == station]


def next_uncoded(notes: Sequence[Note], after: str | None = None) -> Note | None:
    """The first uncoded note after the one with id ``after`` (wrapping round), or None."""
    start = 0
    if after is not None:
        start = next((i + 1 for i, note in enumerate(notes) if note.id == after), 0)
    count = len(notes)
    for step in range(count):
        note = notes[(start + step) % count]
        if not note.categories:
            return note
    return None


def authors(notes: Iterable[Note]) -> list[str]:
    """Who wrote the notes, each once, alphabetically."""
    return sorted({note.author for note in notes if note.author}, key=str.casefold)


def cycle(options: Sequence[T], current: T | None) -> T | None:
    """The next choice after ``current``: None (all) -> first -> ... -> last -> None."""
    if not options:
        return None
    if current is None:
        return options[0]
    if current not in options:
        return None
    index = list(options).index(current)
    return options[index + 1] if index + 1 < len(options) else None


# The one order -------------------------------------------------------------------------------------

OrderKey = tuple[int, int, int, dt.datetime]


def note_order(session: Session) -> Callable[[Note], OrderKey]:
    """The sort key of the one reading order: station (the session's order), round, group (the
    session's order), then when the note was written.

    Python's sort is stable, so notes written in the same second keep the session's order.
    """
    stations = {s.id: i for i, s in enumerate(session.stations)}
    groups = {g.id: i for i, g in enumerate(session.groups)}

    def key(note: Note) -> OrderKey:
        return (
            stations.get(note.station, len(stations)),
            note.round,
            groups.get(note.group or "", len(groups)),
            note.created,
        )

    return key


def in_order(session: Session, notes: Iterable[Note]) -> list[Note]:
    """The notes in the one reading order (see :func:`note_order`)."""
    return sorted(notes, key=note_order(session))


# Grouping ----------------------------------------------------------------------------------------


def categories_of(session: Session, note: Note) -> list[Category]:
    """The note's categories in codebook order; an id the codebook lacks becomes a category named by the id."""
    known = {c.id: c for c in session.categories}
    wanted = dict.fromkeys(note.categories)
    result = [c for c in session.categories if c.id in wanted]
    result += [Category(id=i, name=i) for i in wanted if i not in known]
    return result


def under_categories(session: Session, notes: Iterable[Note]) -> tuple[list[tuple[Category, list[Note]]], list[Note]]:
    """The notes (in the order given) under each category that has any, in codebook order, and the uncoded ones.

    A note with several categories stands under each of them; an id the codebook lacks gets a
    heading of its own after the codebook's categories.
    """
    known = {c.id for c in session.categories}
    buckets: dict[str, list[Note]] = {c.id: [] for c in session.categories}
    strays: dict[str, list[Note]] = {}
    without: list[Note] = []
    for note in notes:
        if not note.categories:
            without.append(note)
            continue
        for category_id in dict.fromkeys(note.categories):
            target = buckets if category_id in known else strays
            target.setdefault(category_id, []).append(note)
    grouped = [(c, buckets[c.id]) for c in session.categories if buckets[c.id]]
    grouped += [(Category(id=i, name=i), found) for i, found in strays.items()]
    return grouped, without


@dataclass
class StationNotes:
    """One station's notes, in reading order, and the same notes under their categories."""

    number: int
    """The station's number from 1, as on the slides."""
    station: Station
    notes: list[Note]
    """Every note at the station, by round, then group, then when written."""
    by_category: list[tuple[Category, list[Note]]] = field(default_factory=list)
    """The categories with notes here, in codebook order (a note may stand under several)."""
    uncoded: list[Note] = field(default_factory=list)
    """The notes without a category."""
    known: bool = True
    """False for notes of a station the session no longer has (kept visible, never lost)."""

    def title(self, language: str, *, host: bool = True) -> str:
        """ "Station 1 – Ledelse som fag v. Rikke" (``host=False``: without the host)."""
        return station_title(self.number, self.station.name, self.station.host if host else "", language)


def stations_and_notes(
    session: Session, notes: Iterable[Note] | None = None, *, every_station: bool = True
) -> list[StationNotes]:
    """The notes (all of the session's when None) grouped by station, in the session's order of stations.

    ``every_station``: stations without any of the notes are included (the minutes list every
    station); otherwise only stations with notes. Notes of a station the session no longer has
    come last, under a station named by its id.
    """
    chosen = session.notes if notes is None else notes
    found: dict[str, list[Note]] = {s.id: [] for s in session.stations}
    for note in in_order(session, chosen):
        found.setdefault(note.station, []).append(note)
    result: list[StationNotes] = []
    stations = {s.id: s for s in session.stations}
    for number, (station_id, here) in enumerate(found.items(), start=1):
        if not here and not every_station:
            continue
        station = stations.get(station_id)
        grouped, without = under_categories(session, here)
        if station is None:
            result.append(StationNotes(number, Station(id=station_id, name=station_id), here, grouped, without, False))
        else:
            result.append(StationNotes(number, station, here, grouped, without))
    return result


@dataclass
class NoteGroup:
    """Notes under one heading of the review: a station, a category, or (``key`` None) the uncoded notes."""

    key: str | None
    station: Station | None = None
    """The station of a station's heading (None for a station the session no longer has)."""
    category: Category | None = None
    notes: list[Note] = field(default_factory=list)
    number: int | None = None
    """The station's number from 1."""


def by_station(session: Session, notes: Iterable[Note]) -> list[NoteGroup]:
    """One heading per station that has notes, in the session's order of stations (see :func:`stations_and_notes`)."""
    return [
        NoteGroup(e.station.id, station=e.station if e.known else None, notes=e.notes, number=e.number)
        for e in stations_and_notes(session, notes, every_station=False)
    ]


def by_category(session: Session, notes: Iterable[Note]) -> list[NoteGroup]:
    """One heading per category that has notes (codebook order), then the uncoded notes.

    A note coded with two categories appears under both (see :func:`under_categories`).
    """
    grouped, without = under_categories(session, in_order(session, notes))
    result = [NoteGroup(c.id, category=c, notes=found) for c, found in grouped]
    if without:
        result.append(NoteGroup(None, notes=without))
    return result


# Counting ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """How many notes each station has in each category: categories down, stations across.

    A note with several categories counts once under each; ``uncoded`` counts the notes without
    any; ``notes`` counts each station's notes once (so it is not the sum of its categories).
    """

    stations: list[Station]
    rows: list[tuple[Category, list[int]]]
    """Every category of the codebook (and any id the codebook lacks) with its count per station."""
    uncoded: list[int]
    """Notes without a category, per station."""
    notes: list[int]
    """Notes per station (a note with several categories is one note)."""

    @property
    def categories(self) -> list[Category]:
        """The categories counted, in codebook order."""
        return [category for category, _ in self.rows]

    def count(self, station: str, category: str | None) -> int:
        """Notes of a station in a category (None: the uncoded ones)."""
        column = self._column(station)
        if column is None:
            return 0
        if category is None:
            return self.uncoded[column]
        return next((numbers[column] for c, numbers in self.rows if c.id == category), 0)

    def column_total(self, category: str | None) -> int:
        """Notes in a category (None: uncoded) over all stations."""
        if category is None:
            return sum(self.uncoded)
        return next((sum(numbers) for c, numbers in self.rows if c.id == category), 0)

    @property
    def totals(self) -> dict[str, int]:
        """Station id -> how many notes the station has."""
        return {s.id: n for s, n in zip(self.stations, self.notes, strict=True)}

    @property
    def total(self) -> int:
        """All the notes counted."""
        return sum(self.notes)

    @property
    def placed(self) -> list[int]:
        """Per station: the codings plus the uncoded notes (the column sums of the minutes' overview)."""
        columns = [sum(counts[i] for _, counts in self.rows) for i in range(len(self.stations))]
        return [c + u for c, u in zip(columns, self.uncoded, strict=True)]

    def _column(self, station: str) -> int | None:
        return next((i for i, s in enumerate(self.stations) if s.id == station), None)


def tally(session: Session, stations: Sequence[StationNotes] | None = None) -> Tally:
    """Counts per category and station, from :func:`stations_and_notes` (every station, all notes, when None)."""
    entries = list(stations) if stations is not None else stations_and_notes(session)
    counted: dict[str, list[int]] = {c.id: [0] * len(entries) for c in session.categories}
    extra: dict[str, Category] = {}
    for column, entry in enumerate(entries):
        for category, notes in entry.by_category:
            if category.id not in counted:
                counted[category.id] = [0] * len(entries)
                extra[category.id] = category
            counted[category.id][column] = len(notes)
    rows = [(c, counted[c.id]) for c in session.categories]
    rows += [(c, counted[i]) for i, c in extra.items()]
    return Tally(
        stations=[entry.station for entry in entries],
        rows=rows,
        uncoded=[len(entry.uncoded) for entry in entries],
        notes=[len(entry.notes) for entry in entries],
    )


def matrix(session: Session, notes: Iterable[Note]) -> Tally:
    """The review's station x category matrix of these notes: :func:`tally` with every station as a row."""
    return tally(session, stations_and_notes(session, notes))
