"""Looking through the notes: filters, full-text search, grouping and the station x category matrix.

Pure functions over the session's notes (no Textual here): the review screen, the exports and
the tests all use the same rules. "All" is written as ``None`` in a filter.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from workshop.model.session import Category, Note, Session, Station

T = TypeVar("T")

_TERM = re.compile(r'"([^"]*)"|(\S+)')


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

    def replace(self, **changes: object) -> NoteFilter:
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
    """One station's notes, in the order they were written down."""
    return [note for note in session.notes if note.station == station]


def in_order(session: Session, notes: Iterable[Note]) -> list[Note]:
    """Notes by station (in the session's order), then round, then when they were written."""
    position = {s.id: i for i, s in enumerate(session.stations)}
    return sorted(notes, key=lambda n: (position.get(n.station, len(position)), n.round, n.created))


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


# Grouping ---------------------------------------------------------------------------------------


@dataclass
class NoteGroup:
    """Notes under one heading: a station, a category, or (``key`` None) the uncoded notes."""

    key: str | None
    station: Station | None = None
    category: Category | None = None
    notes: list[Note] = field(default_factory=list)


def by_station(session: Session, notes: Iterable[Note]) -> list[NoteGroup]:
    """One group per station that has notes, in the session's order of stations."""
    groups = {s.id: NoteGroup(s.id, station=s) for s in session.stations}
    for note in in_order(session, notes):
        group = groups.get(note.station)
        if group is None:  # a station removed while notes remain: keep them visible
            group = groups[note.station] = NoteGroup(note.station)
        group.notes.append(note)
    return [g for g in groups.values() if g.notes]


def by_category(session: Session, notes: Iterable[Note]) -> list[NoteGroup]:
    """One group per category of the codebook that has notes, then the uncoded notes.

    A note coded with two categories appears under both.
    """
    groups = {c.id: NoteGroup(c.id, category=c) for c in session.categories}
    uncoded = NoteGroup(None)
    for note in in_order(session, notes):
        if not note.categories:
            uncoded.notes.append(note)
        for category in note.categories:
            group = groups.get(category)
            if group is not None:
                group.notes.append(note)
    result = [g for g in groups.values() if g.notes]
    if uncoded.notes:
        result.append(uncoded)
    return result


# The station x category matrix ---------------------------------------------------------------


@dataclass
class Matrix:
    """How many notes each station has in each category.

    A note with two categories counts once in each; ``uncoded`` counts the notes without any;
    a station's ``total`` counts its notes (so it is not the sum of the row).
    """

    stations: list[Station]
    categories: list[Category]
    counts: dict[tuple[str, str], int]
    uncoded: dict[str, int]
    totals: dict[str, int]

    def count(self, station: str, category: str | None) -> int:
        """Notes of a station in a category (None: the uncoded ones)."""
        if category is None:
            return self.uncoded.get(station, 0)
        return self.counts.get((station, category), 0)

    def column_total(self, category: str | None) -> int:
        return sum(self.count(s.id, category) for s in self.stations)

    @property
    def total(self) -> int:
        return sum(self.totals.get(s.id, 0) for s in self.stations)


def matrix(session: Session, notes: Iterable[Note]) -> Matrix:
    """Count the notes per station and category."""
    counts: dict[tuple[str, str], int] = {}
    uncoded: dict[str, int] = {}
    totals: dict[str, int] = {}
    for note in notes:
        totals[note.station] = totals.get(note.station, 0) + 1
        if not note.categories:
            uncoded[note.station] = uncoded.get(note.station, 0) + 1
        for category in note.categories:
            key = (note.station, category)
            counts[key] = counts.get(key, 0) + 1
    return Matrix(list(session.stations), list(session.categories), counts, uncoded, totals)
