"""Taking notes at a station: where a new note belongs, and coding it at typing speed.

* :func:`place` says which round and group a note written at a station now belongs to,
  following the facilitator's live state (or the note-taker's own choice of round).
* :func:`category_for_key`, :func:`prompt_choices` and :func:`apply_choice` turn a digit or a
  few typed letters into a category on a note, creating the category when the name is new.

No Textual here; the note-taker's screen is a thin layer over these functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from workshop.model.session import Category, Group, Session, Station, now
from workshop.notes import codebook
from workshop.scheduling.evening import round_times
from workshop.scheduling.rotation import RotationError, groups_at, remixed, remixing
from workshop.scheduling.timetable import Slot, current_round
from workshop.storage.change_labels import change_label
from workshop.storage.operations import NoteChanged, Op, SectionChanged
from workshop.storage.writer import SessionWriter
from workshop.words import word

Why = Literal["live", "latest", "first", "finished", "chosen", "none"]
"""Why a note goes to its round:

* live: the facilitator is running that round now;
* latest: between rounds (a break, a plenary) notes go to the round that ran last;
* first: before the first round has started;
* finished: the evening is over; notes go to the last round;
* chosen: the note-taker chose the round;
* none: the session has no rounds.
"""


@dataclass(frozen=True)
class Place:
    """Where a note written at a station now goes."""

    station: Station
    number: int
    """The station's number as people say it (1, 2, 3)."""
    round: int | None
    why: Why
    groups: list[Group]
    """The groups the rotation puts at the station in that round (usually one)."""
    slot: Slot | None
    """The round's time as it ran or is now expected (the live clock), if known."""
    people: list[str] = field(default_factory=list)
    """When people re-mix (no fixed groups): the names at the station in that round."""

    @property
    def group(self) -> str | None:
        """The group a new note is attributed to (None when there is not exactly one)."""
        return self.groups[0].id if len(self.groups) == 1 else None


def round_count(session: Session) -> int:
    """How many rounds the evening has."""
    return max(len(session.round_items()), len(session.rotation))


def round_now(session: Session) -> tuple[int | None, Why]:
    """The round a note written now belongs to, and why (see :data:`Why`)."""
    count = round_count(session)
    if count == 0:
        return None, "none"
    running = current_round(session)
    if running is not None:
        return running, "live"
    rounds = [item.id for item in session.round_items()]
    started = [rounds.index(a.item) + 1 for a in session.live.actual if a.item in rounds]
    if session.live.finished:
        return (max(started) if started else count), "finished"
    if started:
        return max(started), "latest"
    return 1, "first"


def place(
    session: Session, station_id: str, chosen_round: int | None = None, moment: dt.datetime | None = None
) -> Place | None:
    """Where a note at ``station_id`` goes at ``moment`` (default: now); None when the station does not exist.

    The round's time is the one the live clock expects (or the one it ran), never the plan's while
    the evening runs differently.
    """
    station = session.station(station_id)
    if station is None:
        return None
    number = [s.id for s in session.stations].index(station_id) + 1
    count = round_count(session)
    round_number: int | None
    why: Why
    if chosen_round is not None and 1 <= chosen_round <= count:
        round_number, why = chosen_round, "chosen"
    else:
        round_number, why = round_now(session)
    groups: list[Group] = []
    slot = None
    if round_number is not None:
        groups = [g for g in (session.group(i) for i in groups_at(session, station_id, round_number)) if g]
        slots = round_times(session, moment or now())
        slot = slots[round_number - 1] if round_number <= len(slots) else None
    return Place(station, number, round_number, why, groups, slot, people_at(session, station_id, round_number))


def people_at(session: Session, station_id: str, round_number: int | None) -> list[str]:
    """The people at a station in a round when they re-mix (empty with fixed groups or when unknown)."""
    if round_number is None or not remixing(session):
        return []
    try:
        rounds = remixed(session).rounds
    except RotationError:
        return []
    if not 1 <= round_number <= len(rounds):
        return []
    return sorted(rounds[round_number - 1].get(station_id, []), key=str.casefold)


def next_round_choice(chosen: int | None, count: int) -> int | None:
    """The note-taker's round choice, stepped: following the live state (None) -> 1 -> ... -> n -> None."""
    if count <= 0:
        return None
    if chosen is None:
        return 1
    return chosen + 1 if chosen < count else None


def clean_text(text: str) -> str:
    """A note as typed or pasted, without blank lines or spaces around it ("" when empty)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(line.rstrip(" \t") for line in lines).strip(" \t")


# Coding ------------------------------------------------------------------------------------


def category_for_key(session: Session, key: int) -> Category | None:
    """The category holding digit ``key`` (1-9), if any."""
    return next((c for c in session.categories if c.key == key), None)


@dataclass(frozen=True)
class Choice:
    """One line of the category prompt: an existing category, or (id None) a new name."""

    category_id: str | None
    name: str

    @property
    def creates(self) -> bool:
        """True when choosing this line makes a new category."""
        return self.category_id is None


def prompt_choices(session: Session, text: str, limit: int = 9) -> list[Choice]:
    """What the prompt offers for ``text``: fuzzy matches, best first, and a new category.

    The new category is offered when no category has exactly that name; it comes first when
    nothing matches, else last (so Enter takes the best match, as typed letters narrow down).
    """
    found = [Choice(c.id, c.name) for c in codebook.fuzzy_matches(session, text, limit)]
    name = codebook.clean_name(text)
    if name and codebook.find_by_name(session, name) is None:
        new = Choice(None, name)
        return [new] if not found else [*found, new]
    if name:
        exact = codebook.find_by_name(session, name)
        assert exact is not None
        found = [Choice(exact.id, exact.name)] + [c for c in found if c.category_id != exact.id]
    return found


def apply_category(store: SessionWriter, note_id: str, category_id: str) -> bool:
    """Code a note with a category it does not have yet. False when it had it already."""
    note = store.note(note_id)
    if note is None:
        raise KeyError(word("note_gone", store.language, id=note_id))
    if category_id in note.categories:
        return False
    store.toggle_category(note_id, category_id)
    return True


def apply_choice(store: SessionWriter, note_id: str, choice: Choice) -> tuple[Category, bool]:
    """Code a note with the chosen category; a new name creates it (next free key and colour).

    Creating and coding is one change, so one undo takes back both. Returns the category and
    whether the note changed.
    """
    if choice.category_id is not None:
        category = store.session.category(choice.category_id)
        if category is None:
            raise codebook.refusal(store.language, "said_category_gone", "fix_category_gone", name=choice.name)
        return category, apply_category(store, note_id, category.id)
    created: list[Category] = []
    clean = codebook.clean_name(choice.name)

    def build(session: Session) -> list[Op]:
        existing = codebook.find_by_name(session, clean)
        note = store.note(note_id)
        if note is None:
            raise KeyError(word("note_gone", store.language, id=note_id))
        ops: list[Op] = []
        if existing is None:
            existing = codebook.new_category(session, clean)
            ops.append(SectionChanged.of(session, "categories", [*session.categories, existing]))
        created.append(existing)
        if existing.id not in note.categories:
            after = note.model_copy(update={"categories": [*note.categories, existing.id], "updated": now()})
            ops.append(NoteChanged(note, after))
        return ops

    event = store.change(change_label("category_created", name=clean), build)
    return created[0], event is not None
