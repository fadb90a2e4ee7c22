"""The codebook: categories that emerge while notes are coded, and how they are reshaped.

Every function here changes the session through the store in one undoable change, so a merge
or a delete can be taken back, and nothing a note-taker coded is ever lost. A new category is
made in one place, :func:`new_category` (the next free id, key and colour), whether it is
created in the codebook, split off another, typed in the note-taker's prompt or named by
``workshop note --category``.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable

from workshop.model.problems import Problem
from workshop.model.session import Category, Session, now
from workshop.storage.change_labels import change_label
from workshop.storage.operations import NoteChanged, Op, SectionChanged
from workshop.storage.writer import ChangeRefused, SessionWriter
from workshop.words import word

PALETTE = (
    "#4e79a7",
    "#e15759",
    "#59a14f",
    "#b07aa1",
    "#76b7b2",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#a0cbe8",
    "#8cd17d",
    "#b6992d",
    "#17becf",
    "#e377c2",
    "#dbdb8d",
)
"""Colours new categories get (readable on dark and light screens), the first one far enough from every
colour in use; the orange of the "uncoded" warning is left out."""
UNCODED_WARNING = "#ffa62b"
"""The colour an uncoded note stands out in: no category gets one close to it."""
DISTINCT = 90.0
"""How far apart (:func:`colour_distance`) two category colours must be to tell them apart at a glance."""
BASIC_COLOURS = {
    "black": "#000000",
    "red": "#800000",
    "green": "#008000",
    "yellow": "#808000",
    "blue": "#000080",
    "magenta": "#800080",
    "cyan": "#008080",
    "white": "#c0c0c0",
    "bright_black": "#808080",
    "bright_red": "#ff0000",
    "bright_green": "#00ff00",
    "bright_yellow": "#ffff00",
    "bright_blue": "#0000ff",
    "bright_magenta": "#ff00ff",
    "bright_cyan": "#00ffff",
    "bright_white": "#ffffff",
    "orange": "#ffa500",
    "purple": "#800080",
    "grey": "#808080",
    "gray": "#808080",
}
"""The colour names a session most often uses, as the terminal shows them."""


def rgb(colour: str) -> tuple[int, int, int] | None:
    """A category colour ("#4e79a7" or a basic name) as red, green and blue; None when unknown."""
    value = BASIC_COLOURS.get(colour.strip().lower(), colour.strip())
    if len(value) != 7 or not value.startswith("#"):
        return None
    try:
        return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)
    except ValueError:
        return None


def colour_distance(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """How different two colours look (the "redmean" approximation of perceived difference, 0-765)."""
    mean = (first[0] + second[0]) / 2
    red, green, blue = (first[0] - second[0], first[1] - second[1], first[2] - second[2])
    return math.sqrt((2 + mean / 256) * red**2 + 4 * green**2 + (2 + (255 - mean) / 256) * blue**2)


def next_colour(session: Session) -> str:
    """The colour a new category gets: the first of the palette far enough from the colours in use
    and from the uncoded warning; when none is, the one farthest from them all."""
    taken = [found for c in session.categories if (found := rgb(c.colour)) is not None]
    warning = rgb(UNCODED_WARNING)
    assert warning is not None
    avoid = [*taken, warning]

    def nearest(colour: str) -> float:
        candidate = rgb(colour)
        assert candidate is not None
        return min(colour_distance(candidate, other) for other in avoid)

    for colour in PALETTE:
        if nearest(colour) >= DISTINCT:
            return colour
    return max(PALETTE, key=nearest)


def find_by_name(session: Session, name: str) -> Category | None:
    """The category called ``name`` (case and surrounding spaces ignored), or with that id."""
    wanted = name.strip().casefold()
    for category in session.categories:
        if category.name.strip().casefold() == wanted:
            return category
    return session.category(name.strip())


def next_free_key(session: Session) -> int | None:
    """The first digit 1-9 no category has yet (None when all are taken)."""
    used = {c.key for c in session.categories if c.key is not None}
    return next((k for k in range(1, 10) if k not in used), None)


def next_id(session: Session) -> str:
    """An id no category has yet: c1, c2, ..."""
    used = {c.id for c in session.categories}
    number = len(session.categories) + 1
    while f"c{number}" in used:
        number += 1
    return f"c{number}"


def fuzzy_matches(session: Session, text: str, limit: int = 9) -> list[Category]:
    """Categories matching what has been typed so far, best first.

    A name starting with the text comes first, then names containing it, then names whose
    letters appear in order (``ldl`` finds "Ledelse"), then close spellings.
    """
    query = text.strip().casefold()
    if not query:
        return list(session.categories)[:limit]
    ranked: list[tuple[int, int, Category]] = []
    for position, category in enumerate(session.categories):
        name = category.name.casefold()
        if name.startswith(query):
            rank = 0
        elif query in name:
            rank = 1
        elif _in_order(query, name):
            rank = 2
        elif difflib.SequenceMatcher(None, query, name).ratio() >= 0.6:
            rank = 3
        else:
            continue
        ranked.append((rank, position, category))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [category for _, _, category in ranked[:limit]]


def _in_order(query: str, name: str) -> bool:
    letters = iter(name)
    return all(char in letters for char in query if not char.isspace())


def refusal(language: str, said: str, fix: str, **values: object) -> ChangeRefused:
    """A refused change of the codebook, in the session's ``language`` (another instance may have changed it)."""
    return ChangeRefused([Problem(word(said, language, **values), word(fix, language))], language)


def clean_name(name: str) -> str:
    """A category's name as typed, with runs of spaces made one and none around it."""
    return " ".join(name.split())


def new_category(session: Session, name: str, *, colour: str | None = None, description: str = "") -> Category:
    """A new category for ``session``: the next free id, key and colour (not yet in the codebook).

    Refuses an empty name and a name the codebook has already (any case).
    """
    clean = clean_name(name)
    if not clean:
        raise refusal(session.workshop.language, "said_category_nameless", "fix_category_nameless")
    if find_by_name(session, clean) is not None:
        raise refusal(session.workshop.language, "said_category_exists", "fix_category_exists", name=clean)
    return Category(
        id=next_id(session),
        name=clean,
        key=next_free_key(session),
        colour=colour or next_colour(session),
        description=description,
    )


def create(store: SessionWriter, name: str, *, colour: str | None = None, description: str = "") -> Category:
    """Add a category with the next free id, key and colour. Refuses an existing name."""
    clean = clean_name(name)
    if not clean:
        raise refusal(store.language, "said_category_nameless", "fix_category_nameless")
    created: list[Category] = []

    def build(session: Session) -> list[Op]:
        category = new_category(session, clean, colour=colour, description=description)
        created.append(category)
        return [SectionChanged.of(session, "categories", [*session.categories, category])]

    store.change(change_label("category_created", name=clean), build)
    return created[0]


def category_for_name(store: SessionWriter, name: str) -> Category:
    """The category with this name or id, created if there is none yet."""
    existing = find_by_name(store.session, name)
    return existing if existing is not None else create(store, name)


def update(store: SessionWriter, category_id: str, **changes: object) -> Category:
    """Rename, recolour, describe or re-key a category. A key already used moves here."""

    def build(session: Session) -> list[Op]:
        current = session.category(category_id)
        if current is None:
            raise refusal(store.language, "said_category_gone", "fix_category_gone", name=category_id)
        if "name" in changes:
            name = clean_name(str(changes["name"]))
            if not name:
                raise refusal(store.language, "said_category_nameless", "fix_category_nameless")
            other = find_by_name(session, name)
            if other is not None and other.id != category_id:
                raise refusal(store.language, "said_category_exists", "fix_category_exists", name=name)
            changes["name"] = name
        key = changes.get("key", current.key)
        updated = current.model_copy(update=changes)
        categories = []
        for category in session.categories:
            if category.id == category_id:
                categories.append(updated)
            elif key is not None and category.key == key:
                categories.append(category.model_copy(update={"key": None}))
            else:
                categories.append(category)
        return [SectionChanged.of(session, "categories", categories)]

    store.change(change_label("category_changed"), build)
    result = store.session.category(category_id)
    assert result is not None
    return result


def merge(store: SessionWriter, source_id: str, target_id: str) -> int:
    """Move every note of ``source`` to ``target`` and remove ``source``. Returns notes moved."""
    if source_id == target_id:
        raise refusal(store.language, "said_merge_into_itself", "fix_merge_into_itself")
    moved: list[int] = []

    def build(session: Session) -> list[Op]:
        if session.category(source_id) is None or session.category(target_id) is None:
            raise refusal(store.language, "said_merge_gone", "fix_look_again")
        ops: list[Op] = []
        for note in session.notes:
            if source_id in note.categories:
                categories = [c for c in note.categories if c != source_id]
                if target_id not in categories:
                    categories.append(target_id)
                ops.append(NoteChanged(note, note.model_copy(update={"categories": categories, "updated": now()})))
        moved.append(len(ops))
        remaining = [c for c in session.categories if c.id != source_id]
        ops.append(SectionChanged.of(session, "categories", remaining))
        return ops

    target = store.session.category(target_id)
    store.change(change_label("categories_merged", name=target.name if target else target_id), build)
    return moved[0]


def split(store: SessionWriter, source_id: str, note_ids: Iterable[str], new_name: str) -> Category:
    """Move the chosen notes of ``source`` to a new category called ``new_name``."""
    chosen = set(note_ids)
    clean = clean_name(new_name)
    created: list[Category] = []

    def build(session: Session) -> list[Op]:
        if session.category(source_id) is None:
            raise refusal(store.language, "said_category_gone", "fix_look_again", name=source_id)
        category = new_category(session, clean)
        created.append(category)
        ops: list[Op] = [SectionChanged.of(session, "categories", [*session.categories, category])]
        for note in session.notes:
            if note.id in chosen and source_id in note.categories:
                categories = [category.id if c == source_id else c for c in note.categories]
                ops.append(NoteChanged(note, note.model_copy(update={"categories": categories, "updated": now()})))
        return ops

    store.change(change_label("category_split", name=clean), build)
    return created[0]


def delete(store: SessionWriter, category_id: str) -> int:
    """Remove a category; its notes lose it (and may become uncoded). Returns notes touched."""
    touched: list[int] = []

    def build(session: Session) -> list[Op]:
        if session.category(category_id) is None:
            raise refusal(store.language, "said_category_gone", "fix_look_again", name=category_id)
        ops: list[Op] = []
        for note in session.notes:
            if category_id in note.categories:
                categories = [c for c in note.categories if c != category_id]
                ops.append(NoteChanged(note, note.model_copy(update={"categories": categories, "updated": now()})))
        touched.append(len(ops))
        ops.append(SectionChanged.of(session, "categories", [c for c in session.categories if c.id != category_id]))
        return ops

    category = store.session.category(category_id)
    store.change(change_label("category_deleted", name=category.name if category else category_id), build)
    return touched[0]
