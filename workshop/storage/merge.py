"""Merging a note-taker's copy of a session back into it: the evening without a network (``workshop merge``).

Where the venue has no network, each note-taker runs the app on a copy of the session taken before
the evening (the file and its journal, ``cp sessions/aften.toml /media/usb/aften-s2.toml`` and
``cp sessions/aften.toml.journal /media/usb/aften-s2.toml.journal``; or the file alone, then
``workshop check /media/usb/aften-s2.toml --new-journal``), and afterwards the copies are merged back
into the session ("MAIN"). A copy is read only; everything is written to MAIN through its store,
so the merge is durable at once, seen by apps running on MAIN, and kept in MAIN's journal as one
change per copy ("noter flettet ind fra aften-s2.toml"), which undo can take back.

What is merged, and how:

* **Notes by id.** A note only the copy has is added; a note the copy changed is updated; a note
  the copy deleted is deleted, unless MAIN changed it since (then MAIN's stays). The journals tell
  who changed what: a version of a note that the other side's journal knows is an older version
  of it, not an edit. A note edited in both keeps the newer one (by ``updated``); the other stays
  in MAIN's history: as the change's "before" when the copy's is newer, and as a change that shows
  the copy's version and puts MAIN's back when MAIN's is newer. An edit beats a deletion: a note
  MAIN deleted but the copy edited comes back.
* **Categories by id, then by name** (case ignored): the copy's "Tid" (c7) and MAIN's "tid" (c5)
  are one category, and the merged notes point to c5. A category renamed on one side is still the
  same (its journal says so); MAIN's name stays. A new category keeps its id when MAIN has no such
  id, and its key (1-9) when no category of MAIN has it; otherwise it gets a new id, or no key.
  A category MAIN removed comes back (as MAIN had it) only when notes from the copy use it.
* **Everything else is MAIN's**: the programme, stations, groups, the clock, the summaries and the
  recommendations. A copy that changed one of them is reported, and MAIN's stays. A note whose
  station, group or round MAIN does not have is reported and not merged.

Merging a copy twice changes nothing, and merging two copies gives the same notes in either order
(only new categories' ids and keys may differ, and of a category renamed in both copies, the first
merged gives the name). Every conflict is reported (:class:`Conflict`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workshop.model.problems import SessionError, describe_loc, one_line
from workshop.model.session import Category, Note, Session, now
from workshop.storage import snapshot_file as snapshot
from workshop.storage.change_labels import change_label
from workshop.storage.journal import Event
from workshop.storage.operations import (
    SECTION_NAMES,
    NoteIndex,
    Op,
    apply,
    dump_section,
    note_op,
    section_op,
    to_journal,
)
from workshop.storage.session_file import read_text
from workshop.storage.store import Store
from workshop.words import word

EVERY_CHANGE = 2**62
"""How many of a journal's changes the merge reads: all of them."""

MAINS_SECTIONS = tuple(name for name in SECTION_NAMES if name not in ("categories", "series"))
"""The parts of a session that stay MAIN's: a copy that changed one of them is reported, never merged."""

NOTE_FIELDS = frozenset(Note.model_fields)

CONFLICT_WORDS: dict[str, str] = {
    "both_copy_newer": "merge_both_copy_newer",
    "both_main_newer": "merge_both_main_newer",
    "both_main_newer_unrecorded": "merge_both_main_newer_unrecorded",
    "back_from_copy": "merge_back_from_copy",
    "deleted_but_changed": "merge_deleted_but_changed",
    "deleted_but_cited": "merge_deleted_but_cited",
    "no_station": "merge_no_station",
    "no_group": "merge_no_group",
    "no_round": "merge_no_round",
    "link_dropped": "merge_link_dropped",
    "section_changed": "merge_section_changed",
    "section_differs": "merge_section_differs",
    "category_renamed": "merge_category_renamed",
    "category_maybe_same": "merge_category_maybe_same",
    "category_back": "merge_category_back",
    "category_no_key": "merge_category_no_key",
}
"""Each kind of conflict and the catalogue key of its line in the report."""

TEXT_BEGINNING = 40
"""How many characters of a note's text the report quotes."""


@dataclass(frozen=True)
class Side:
    """One session as the merge sees it: what it holds now and every change its journal remembers."""

    session: Session
    events: Sequence[Event] = ()
    """The journal's changes, oldest first."""
    tracked: bool = True
    """False for a copy without a journal: what it changed can only be guessed from the differences."""


@dataclass(frozen=True)
class Conflict:
    """Something the merge had to decide, or could not merge: one line of the report."""

    kind: str
    """One of :data:`CONFLICT_WORDS`."""
    values: Mapping[str, str | int]
    """What the line names: the note's id, station, round and both texts' beginnings, a category, ..."""


@dataclass
class Plan:
    """What merging one copy into MAIN does: the changes, and what the report says about them."""

    ops: list[Op] = field(default_factory=list)
    """The merge itself (one change of MAIN's journal): new categories first, then the notes."""
    kept_versions: list[Op] = field(default_factory=list)
    """The copy's versions of notes whose newer version MAIN keeps: each put in and taken out again (one change
    that leaves the session as it is), so MAIN's history holds them."""
    added: int = 0
    updated: int = 0
    kept: int = 0
    """Notes where the copy's version differs and MAIN's stays (MAIN's is newer, or the copy's is an older one)."""
    deleted: int = 0
    unchanged: int = 0
    skipped: int = 0
    """Notes not merged: their station, group or round is not in MAIN."""
    categories_joined: int = 0
    categories_added: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def writes(self) -> bool:
        """Does merging change MAIN (or its history)?"""
        return bool(self.ops or self.kept_versions)


# Reading the journals ---------------------------------------------------------------------------


def _fold(name: str) -> str:
    """A category's name as the merge compares it: case and surrounding spaces ignored."""
    return name.strip().casefold()


def _canon(data: Mapping[str, Any]) -> str:
    """One note version as a string to compare and look up."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _normal(data: Any) -> dict[str, Any] | None:
    """A note version from a journal as this version of the model writes it (None when it is not a note)."""
    if not isinstance(data, dict):
        return None
    if set(data) == NOTE_FIELDS:
        return data
    try:
        return Note.model_validate(data).model_dump(mode="json")
    except (ValidationError, TypeError, ValueError):
        return None


def _key(event: Event) -> tuple[int, str, str, str, str, str]:
    """What tells one change from another across journals (a copy's journal may be a copy of MAIN's): its
    number, time and program could be the same by chance, its contents too would not."""
    ops = json.dumps(event.ops, sort_keys=True, ensure_ascii=False)
    return (event.seq, event.at, event.instance, event.author, event.label, ops)


@dataclass
class _Scan:
    """What one side's journal says: every version of every note, the renamed categories, the first states."""

    versions: list[dict[str, Any]] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    deleted: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Notes this side itself deleted (and did not bring back): id -> the version deleted."""
    renames: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    """Category id -> the (old, new) names of its renames."""
    names: set[str] = field(default_factory=set)
    """Every category name the codebook ever had (folded)."""
    definitions: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Folded name -> the category as the codebook last had it under that name."""
    ids: dict[str, set[str]] = field(default_factory=dict)
    """Category id -> every name (folded) the codebook had under that id."""
    first: dict[str, Any] = field(default_factory=dict)
    """Section -> its value before this side's first own change of it."""


def _scan(events: Iterable[Event], own: Callable[[Event], bool]) -> _Scan:
    """Read a journal's changes; ``own`` tells the side's own changes from those it shares with MAIN."""
    scan = _Scan()
    for event in events:
        mine = own(event)
        for op in event.ops:
            if op.get("t") == "note":
                note_id = str(op.get("id"))
                scan.touched.add(note_id)
                for version in (op.get("before"), op.get("after")):
                    normal = _normal(version)
                    if normal is not None:
                        scan.versions.append(normal)
                if not mine:
                    continue
                if op.get("after") is None and isinstance(op.get("before"), dict):
                    scan.deleted[note_id] = op["before"]
                else:
                    scan.deleted.pop(note_id, None)
            elif op.get("t") == "section":
                name = str(op.get("name"))
                if mine:
                    scan.first.setdefault(name, op.get("before"))
                if name == "categories":
                    _scan_codebook(scan, op.get("before"), op.get("after"))
    return scan


def _scan_codebook(scan: _Scan, before: Any, after: Any) -> None:
    """Remember the names and the renames one change of the codebook shows."""
    old = _names_by_id(before)
    new = _names_by_id(after)
    scan.names.update(old.values(), new.values())
    for names in (old, new):
        for category_id, name in names.items():
            scan.ids.setdefault(category_id, set()).add(name)
    for categories in (before, after):
        for category in categories if isinstance(categories, list) else []:
            if isinstance(category, dict) and "name" in category:
                scan.definitions[_fold(str(category["name"]))] = category
    for category_id, name in new.items():
        if category_id in old and old[category_id] != name:
            scan.renames.setdefault(category_id, set()).add((old[category_id], name))


def _names_by_id(categories: Any) -> dict[str, str]:
    if not isinstance(categories, list):
        return {}
    return {
        str(c["id"]): _fold(str(c["name"])) for c in categories if isinstance(c, dict) and "id" in c and "name" in c
    }


def _lineage(name: str, renames: set[tuple[str, str]]) -> set[str]:
    """Every name the renames lead to from ``name`` (in either direction, over several steps), itself included."""
    reached = {name}
    frontier = [name]
    while frontier:
        name = frontier.pop()
        for old, new in renames:
            for there, onward in ((old, new), (new, old)):
                if there == name and onward not in reached:
                    reached.add(onward)
                    frontier.append(onward)
    return reached


# The codebook ------------------------------------------------------------------------------------


@dataclass
class _Codebook:
    """How the copy's categories land in MAIN."""

    mapping: dict[str, str] = field(default_factory=dict)
    """The copy's category id -> MAIN's, for the notes MAIN gets."""
    known: dict[str, str] = field(default_factory=dict)
    """The same for comparing versions of notes with MAIN's journal: a category MAIN's journal knew under the same
    id keeps that id here, as both sides' older versions have it (wherever its notes go now)."""
    new: list[Category] = field(default_factory=list)
    """Categories MAIN gets from the copy."""
    gone: dict[str, Category] = field(default_factory=dict)
    """The copy's categories that MAIN removed (by copy id): they come back only when merged notes use them."""
    joined: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)
    used_keys: set[int] = field(default_factory=set)
    used_guids: set[str] = field(default_factory=set)


def _codebook(main: Side, copy: Side, main_scan: _Scan, copy_scan: _Scan) -> _Codebook:
    """Match the copy's categories to MAIN's: by id (and the same name, or a rename), then by name; the rest are new."""
    book = _Codebook()
    by_id = {c.id: c for c in main.session.categories}
    by_name = {_fold(c.name): c for c in main.session.categories}
    book.used_ids = set(by_id) | {c.id for c in copy.session.categories}
    book.used_keys = {c.key for c in main.session.categories if c.key is not None}
    book.used_guids = {c.guid for c in main.session.categories if c.guid}
    claimed: set[str] = set()
    left: list[Category] = []
    for category in copy.session.categories:  # the same id and name (case aside): the same category
        same = by_id.get(category.id)
        if same is not None and _fold(same.name) == _fold(category.name):
            book.mapping[category.id] = same.id
            claimed.add(same.id)
            book.joined += same.name != category.name
        else:
            left.append(category)
    rest: list[Category] = []
    lineages: dict[str, set[str]] = {}
    for category in left:  # the same id, renamed on one side (its journal says so): the same category
        same = by_id.get(category.id)
        renames = main_scan.renames.get(category.id, set()) | copy_scan.renames.get(category.id, set())
        lineages[category.id] = _lineage(_fold(category.name), renames)
        if same is not None and same.id not in claimed and _fold(same.name) in lineages[category.id]:
            book.mapping[category.id] = same.id
            claimed.add(same.id)
            book.joined += 1
            book.conflicts.append(
                Conflict(
                    "category_renamed", {"id": same.id, "main_category": same.name, "copy_category": category.name}
                )
            )
        else:
            rest.append(category)
    fresh: list[Category] = []
    for category in rest:  # the same name (or an older one of it) under another id: one category, notes re-pointed
        names = [_fold(category.name), *sorted(lineages[category.id] - {_fold(category.name)})]
        named = next((by_name[name] for name in names if name in by_name), None)
        if named is not None:
            book.mapping[category.id] = named.id
            book.joined += 1
        elif lineages[category.id] & main_scan.names:  # MAIN had it (maybe by another name) and removed it
            book.gone[category.id] = _as_main_had_it(category, lineages[category.id] & main_scan.names, main_scan)
        else:
            fresh.append(category)
    # New categories keep their ids where MAIN has none such; the others get the next free ones.
    keeping = [c for c in fresh if c.id not in by_id]
    for category in keeping:
        book.mapping[category.id] = category.id
    for category in fresh:
        if category.id in by_id:
            new_id = _free_id(book.used_ids, len(main.session.categories) + 1)
            book.mapping[category.id] = new_id
            if not copy.tracked:
                twin = by_id[category.id]
                book.conflicts.append(
                    Conflict(
                        "category_maybe_same",
                        {"id": twin.id, "main_category": twin.name, "copy_category": category.name, "new_id": new_id},
                    )
                )
        book.new.append(_landed(book, category, book.mapping[category.id]))
    book.used_ids.update(c.id for c in book.new)
    # Comparing versions of notes: a category MAIN's journal knew under the same id (by a name of its lineage) is
    # the one both sides' older versions mean by that id, wherever its notes go now.
    book.known = dict(book.mapping)
    for category in copy.session.categories:
        lineage = lineages.get(category.id, {_fold(category.name)})
        if category.id in book.gone or main_scan.ids.get(category.id, set()) & lineage:
            book.known[category.id] = category.id
    return book


def _as_main_had_it(category: Category, names: set[str], main_scan: _Scan) -> Category:
    """A category MAIN removed, as MAIN last had it (its name, colour, description): should it come back,
    it comes back as MAIN knew it, whichever copy brings it back first."""
    name = _fold(category.name) if _fold(category.name) in names else min(names)
    try:
        known = Category.model_validate(main_scan.definitions[name])
    except (KeyError, ValidationError):
        return category
    return known.model_copy(update={"id": category.id})


def _free_id(used: set[str], start: int) -> str:
    """The first of c<start>, c<start+1>, ... no category has (and claim it)."""
    number = max(start, 1)
    while f"c{number}" in used:
        number += 1
    used.add(f"c{number}")
    return f"c{number}"


def _landed(book: _Codebook, category: Category, new_id: str) -> Category:
    """The copy's category as MAIN gets it: its new id, and no key or GUID that MAIN already gives another."""
    key = category.key
    if key is not None and key in book.used_keys:
        book.conflicts.append(Conflict("category_no_key", {"name": category.name, "key": key}))
        key = None
    if key is not None:
        book.used_keys.add(key)
    guid = category.guid if category.guid not in book.used_guids else ""
    if guid:
        book.used_guids.add(guid)
    return category.model_copy(update={"id": new_id, "key": key, "guid": guid})


def _bring_back(book: _Codebook, main: Session, used: set[str]) -> list[str]:
    """Bring back the removed categories that merged notes use; their ids in the copy."""
    back: list[str] = []
    main_ids = {c.id for c in main.categories}
    for copy_id in sorted(used & set(book.gone)):
        category = book.gone.pop(copy_id)
        back.append(copy_id)
        twin = next((c for c in book.new if _fold(c.name) == _fold(category.name)), None)
        if twin is not None:  # two of the copy's categories are one that MAIN removed: it comes back once
            book.mapping[copy_id] = twin.id
            continue
        if copy_id in main_ids:
            new_id = _free_id(book.used_ids, len(main.categories) + 1)
            book.mapping[copy_id] = new_id
        else:
            new_id = copy_id
            book.used_ids.add(new_id)
        book.new.append(_landed(book, category, new_id))
        book.conflicts.append(Conflict("category_back", {"name": category.name, "new_id": new_id}))
    return back


# The notes ---------------------------------------------------------------------------------------


def _adapt(data: Mapping[str, Any], mapping: Mapping[str, str], recommendations: set[str]) -> dict[str, Any]:
    """A version of one of the copy's notes as MAIN would hold it: MAIN's category ids, and only MAIN's
    recommendations."""
    result = dict(data)
    mapped = [mapping.get(c, c) for c in data.get("categories", [])]
    result["categories"] = list(dict.fromkeys(mapped))
    if result.get("recommendation") is not None and result["recommendation"] not in recommendations:
        result["recommendation"] = None
        result["section"] = None
    return result


def _text_beginning(text: str) -> str:
    """The first words of a note's text, on one line."""
    flat = one_line(" ".join(text.split()))
    return flat if len(flat) <= TEXT_BEGINNING else flat[: TEXT_BEGINNING - 1].rstrip() + "…"


def _clock(value: Any, seconds: bool = False) -> str:
    """When a version was last changed, as the report shows it ("19:42", or "19:42:05" to tell two apart)."""
    text = str(value or "")
    return text[11 : 19 if seconds else 16] if len(text) >= 19 else text


def _about(data: Mapping[str, Any], **more: str | int) -> dict[str, str | int]:
    """What every line about a note names: its id, station and round."""
    return {"id": str(data["id"]), "station": str(data["station"]), "round": int(data["round"]), **more}


def _misfit(data: Mapping[str, Any], main: Session) -> Conflict | None:
    """Why MAIN cannot hold this version of a note (its station, group or round is not there), if it cannot."""
    if main.station(str(data["station"])) is None:
        return Conflict("no_station", _about(data, text=_text_beginning(str(data.get("text", "")))))
    group = data.get("group")
    if group is not None and main.group(str(group)) is None:
        return Conflict("no_group", _about(data, group=str(group), text=_text_beginning(str(data.get("text", "")))))
    rounds = max(len(main.round_items()), len(main.rotation))
    if int(data["round"]) > rounds:
        return Conflict("no_round", _about(data, text=_text_beginning(str(data.get("text", "")))))
    return None


@dataclass
class _Notes:
    """The notes' part of a plan, and the category ids the notes it writes use."""

    plan: Plan
    uses: set[str]


def _notes(main: Side, copy: Side, book: _Codebook, main_scan: _Scan, copy_scan: _Scan) -> _Notes:
    """Decide each of the copy's notes, and the notes the copy deleted."""
    session = main.session
    plan = Plan()
    uses: set[str] = set()
    recommendations = {r.id for r in session.recommendations}
    recordable = {c.id for c in session.categories} | {c.id for c in book.new}
    main_known = {_canon(v) for v in main_scan.versions}
    copy_known = {
        _canon(_adapt(v, mapping, recommendations))
        for v in copy_scan.versions
        for mapping in (book.known, book.mapping)
    }
    index = {note.id: note for note in session.notes}
    cited: dict[str, str] = {}
    for recommendation in session.recommendations:
        for note_id in recommendation.notes:
            cited.setdefault(note_id, recommendation.id)

    def write(data: dict[str, Any], raw: Mapping[str, Any]) -> Note | None:
        problem = _misfit(data, session)
        if problem is not None:
            plan.conflicts.append(problem)
            plan.skipped += 1
            return None
        if raw.get("recommendation") is not None and data.get("recommendation") is None:
            plan.conflicts.append(Conflict("link_dropped", _about(data, recommendation=str(raw["recommendation"]))))
        uses.update(data["categories"])
        return Note.model_validate(data)

    for note in copy.session.notes:
        raw = note.model_dump(mode="json")
        data = _adapt(raw, book.mapping, recommendations)
        seen = {_canon(_adapt(raw, book.known, recommendations)), _canon(data)}
        current = index.get(note.id)
        if current is None:
            if note.id in main_scan.touched and seen & main_known:
                plan.kept += 1  # MAIN deleted it, and the copy has not changed it since
                continue
            added = write(data, raw)
            if added is None:
                continue
            if note.id in main_scan.touched:
                plan.conflicts.append(Conflict("back_from_copy", _about(data, copy_text=_text_beginning(added.text))))
            plan.ops.append(note_op(None, added))
            plan.added += 1
            continue
        mains = current.model_dump(mode="json")
        if mains == data:
            plan.unchanged += 1
            continue
        if seen & main_known:
            plan.kept += 1  # the copy's is an older version of MAIN's
            continue
        both = _canon(mains) not in copy_known
        copy_wins = not both or (str(data["updated"]), _canon(data)) > (str(mains["updated"]), _canon(mains))
        if copy_wins:
            updated = write(data, raw)
            if updated is None:
                continue
            if both:
                plan.conflicts.append(Conflict("both_copy_newer", _pair(mains, data)))
            plan.ops.append(note_op(current, updated))
            plan.updated += 1
            continue
        plan.kept += 1
        fits = _misfit(data, session) is None
        if fits:  # a removed category only this version uses comes back with it: the same in any order of merging
            uses.update(data["categories"])
        if fits and all(c in recordable for c in data["categories"]):
            theirs = Note.model_validate(data)
            plan.kept_versions += [note_op(current, theirs), note_op(theirs, current)]
            plan.conflicts.append(Conflict("both_main_newer", _pair(mains, data)))
        else:
            plan.conflicts.append(Conflict("both_main_newer_unrecorded", _pair(mains, data)))

    present = {note.id for note in copy.session.notes}
    for note_id in copy_scan.deleted:
        current = index.get(note_id)
        if current is None or note_id in present:
            continue
        mains = current.model_dump(mode="json")
        text = _text_beginning(current.text)
        if _canon(mains) not in copy_known:
            plan.kept += 1
            plan.conflicts.append(Conflict("deleted_but_changed", _about(mains, main_text=text)))
        elif note_id in cited:
            plan.kept += 1
            plan.conflicts.append(
                Conflict("deleted_but_cited", _about(mains, recommendation=cited[note_id], main_text=text))
            )
        else:
            plan.ops.append(note_op(current, None))
            plan.deleted += 1
    return _Notes(plan, uses)


def _pair(mains: Mapping[str, Any], copies: Mapping[str, Any]) -> dict[str, str | int]:
    """A note edited in both: both versions' times and texts' beginnings."""
    close = _clock(mains.get("updated")) == _clock(copies.get("updated"))
    return _about(
        mains,
        main_time=_clock(mains.get("updated"), seconds=close),
        copy_time=_clock(copies.get("updated"), seconds=close),
        main_text=_text_beginning(str(mains.get("text", ""))),
        copy_text=_text_beginning(str(copies.get("text", ""))),
    )


# The other sections ---------------------------------------------------------------------------


def _section(session: Session, name: str) -> Any:
    value = dump_section(session, name)
    if name == "workshop" and isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != "id"}
    return value


def _sections(main: Side, copy: Side, copy_scan: _Scan) -> list[Conflict]:
    """MAIN's parts the copy changed (or, without the copy's journal, that differ): MAIN's stay."""
    conflicts: list[Conflict] = []
    for name in MAINS_SECTIONS:
        theirs = _section(copy.session, name)
        if theirs == _section(main.session, name):
            continue
        where = describe_loc((name,))
        if not copy.tracked:
            conflicts.append(Conflict("section_differs", {"section": where}))
            continue
        if name not in copy_scan.first:
            continue  # the copy never changed it: MAIN did
        first = copy_scan.first[name]
        if name == "workshop" and isinstance(first, dict):
            first = {k: v for k, v in first.items() if k != "id"}
        if first != theirs:
            conflicts.append(Conflict("section_changed", {"section": where}))
    return conflicts


# Planning and doing ------------------------------------------------------------------------------


def plan_merge(main: Side, copy: Side) -> Plan:
    """What merging ``copy`` into ``main`` does (nothing is changed): the changes and the report's contents."""
    shared = {_key(event) for event in main.events}
    main_scan = _scan(main.events, lambda event: True)
    copy_scan = _scan(copy.events, lambda event: _key(event) not in shared)
    book = _codebook(main, copy, main_scan, copy_scan)
    notes = _notes(main, copy, book, main_scan, copy_scan)
    if _bring_back(book, main.session, notes.uses):
        notes = _notes(main, copy, book, main_scan, copy_scan)  # with them (and their ids) in MAIN: again
    plan = notes.plan
    plan.categories_joined = book.joined
    plan.categories_added = len(book.new)
    plan.conflicts = book.conflicts + plan.conflicts + _sections(main, copy, copy_scan)
    if book.new:
        plan.ops.insert(0, section_op(main.session, "categories", [*main.session.categories, *book.new]))
    return plan


def read_side(store: Store) -> Side:
    """A session as the merge sees it, from its store (open, to read or to write)."""
    events = list(reversed(store.history(EVERY_CHANGE)))
    return Side(store.session, events, tracked=store.journal is not None)


def identity(store: Store) -> str:
    """The session's identity: its ``[workshop] id``, its journal's, or the file's first line's ("" when none)."""
    if store.session.workshop.id or store.session_id:
        return store.session.workshop.id or store.session_id
    try:
        header = snapshot.read_header(read_text(store.path))
    except SessionError:  # a file that cannot be read again has no identity to add
        return ""
    return header.session if header is not None else ""


def merge_into(store: Store, copy: Side, source: str) -> Plan:
    """Merge ``copy`` into the session ``store`` holds, durably; what was done.

    The plan is made inside the journal's write lock, from the newest state of MAIN (an app may be
    adding notes at this very moment). The merge is one change (undo takes it back); the copy's
    versions that MAIN's newer ones replace follow as a second change that leaves the session as it is.
    Raises :class:`~workshop.storage.store.ChangeRefused` when MAIN cannot take the result (nothing is
    written then).
    """
    made: list[Plan] = []

    def build(session: Session) -> list[Op]:
        plan = plan_merge(read_side(store), copy)
        made.append(plan)
        return plan.ops

    store.transact(change_label("notes_merged", source=source), build)
    plan = made[0]
    if plan.kept_versions:

        def record(session: Session) -> list[Op]:
            return plan_merge(read_side(store), copy).kept_versions

        count = len(plan.kept_versions) // 2
        store.transact(change_label("merge_versions_kept", source=source, count=count), record, undoable=False)
    return plan


def simulate(main: Side, plan: Plan) -> Side:
    """MAIN as it would be after ``plan`` (for a dry run of several copies, and for tests): nothing is written."""
    session = main.session.model_copy(deep=True)
    index = NoteIndex(session)
    events = list(main.events)
    seq = max((event.seq for event in events), default=0)
    at = now().isoformat()
    for ops in (plan.ops, plan.kept_versions):
        if ops:
            apply(session, ops, index)
            seq += 1
            events.append(Event(seq, at, "merge", "dry-run", "do", None, "merge", True, to_journal(ops)))
    return Side(session, events, main.tracked)


# The report ------------------------------------------------------------------------------------


def report(plan: Plan, main: Path, copy: Path, language: str, *, dry_run: bool = False) -> list[str]:
    """The report of merging ``copy`` into ``main``, line by line, in ``language``."""
    lines = [word("merge_heading_dry_run" if dry_run else "merge_heading", language, main=main, copy=copy)]
    lines.append(
        "  "
        + word(
            "merge_note_counts",
            language,
            added=plan.added,
            updated=plan.updated,
            kept=plan.kept,
            deleted=plan.deleted,
            unchanged=plan.unchanged,
            skipped=plan.skipped,
        )
    )
    lines.append(
        "  " + word("merge_category_counts", language, joined=plan.categories_joined, added=plan.categories_added)
    )
    if not plan.conflicts:
        lines.append("  " + word("merge_no_conflicts", language))
        return lines
    lines.append("  " + word("merge_conflicts", language, count=len(plan.conflicts)))
    for conflict in plan.conflicts:
        lines.append("  - " + one_line(word(CONFLICT_WORDS[conflict.kind], language, **conflict.values)))
    return lines
