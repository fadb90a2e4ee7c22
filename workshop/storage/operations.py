"""Changes to a session as typed operations, and as the data the journal stores and replays.

A change is a list of operations. Each operation carries the concrete value before and after,
so replaying one is idempotent (it sets values, it does not add to them) and undoing one is
computed from it. The wings build them typed:

* :class:`NoteChanged` adds (before is None), edits, or deletes (after is None) one note; it holds
  the notes themselves, validated once where they came in (a note is not validated again on apply);
* :class:`SectionChanged` replaces one small part of the session (the codebook, the stations, the
  live state, ...), as the data the journal keeps.

The journal keeps each as JSON (:meth:`NoteChanged.to_json`, :func:`from_json`), in the format it
always had, so journals written before typed operations keep working:

* ``{"t": "note", "id": ..., "before": {...} | None, "after": {...} | None}``
* ``{"t": "section", "name": ..., "before": ..., "after": ...}``
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeAlias

from pydantic import TypeAdapter

from workshop.model.session import Note, Session, now

JsonOp: TypeAlias = dict[str, Any]
"""An operation as the journal keeps it (see the module's description)."""


@dataclass(frozen=True)
class NoteChanged:
    """One note added (``before`` None), edited, or deleted (``after`` None)."""

    before: Note | None
    after: Note | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a note change needs the note before or after it")

    @property
    def id(self) -> str:
        """The note's id."""
        note = self.after or self.before
        assert note is not None  # __post_init__ saw to it
        return note.id

    @property
    def changed(self) -> bool:
        """Does it change anything?"""
        return dump_note(self.before) != dump_note(self.after)

    def to_json(self) -> JsonOp:
        return {"t": "note", "id": self.id, "before": dump_note(self.before), "after": dump_note(self.after)}


@dataclass(frozen=True)
class SectionChanged:
    """Section ``name`` of the session replaced: ``before`` and ``after`` are its data (JSON values)."""

    name: str
    before: Any
    after: Any

    def __post_init__(self) -> None:
        if self.name not in SECTION_NAMES:
            raise ValueError(f"unknown section {self.name}")

    @classmethod
    def of(cls, session: Session, name: str, after: Any) -> SectionChanged:
        """Replace section ``name`` of ``session`` by ``after`` (a model, a list of models, or data)."""
        if name not in SECTION_NAMES:
            raise ValueError(f"unknown section {name}")
        if isinstance(after, list):
            after = [a.model_dump(mode="json") if hasattr(a, "model_dump") else a for a in after]
        elif after is not None and hasattr(after, "model_dump"):
            after = after.model_dump(mode="json")
        return cls(name, dump_section(session, name), after)

    @property
    def changed(self) -> bool:
        """Does it change anything?"""
        return bool(self.before != self.after)

    def to_json(self) -> JsonOp:
        return {"t": "section", "name": self.name, "before": self.before, "after": self.after}


Op: TypeAlias = NoteChanged | SectionChanged
"""One typed operation of a change."""


def changed_sections(session: Session, **sections: Any) -> list[Op]:
    """Replace each named section of ``session`` by its value: the operations of those that change, in order."""
    ops = [SectionChanged.of(session, name, value) for name, value in sections.items()]
    return [op for op in ops if op.changed]


def from_json(data: JsonOp) -> Op:
    """The operation the journal kept as ``data`` (notes validated here: this is where they come in).

    A KeyError, TypeError or ValueError (a pydantic ValidationError) when the data is not an operation.
    """
    if data["t"] == "note":
        before, after = data["before"], data["after"]
        return NoteChanged(
            None if before is None else Note.model_validate(before),
            None if after is None else Note.model_validate(after),
        )
    if data["t"] == "section":
        return SectionChanged(data["name"], data["before"], data["after"])
    raise ValueError(f"unknown operation {data['t']!r}")


def to_journal(ops: Iterable[Op]) -> list[JsonOp]:
    """The operations as the journal keeps them."""
    return [op.to_json() for op in ops]


def from_journal(data: Iterable[JsonOp]) -> list[Op]:
    """The typed operations of a change the journal kept."""
    return [from_json(op) for op in data]


SECTION_NAMES = (
    "workshop",
    "program",
    "stations",
    "groups",
    "participants",
    "categories",
    "rotation",
    "schedule",
    "live",
    "summary",
    "themes",
    "recommendations",
    "agenda",
    "anonymizing",
    "comments",
    "series",
)
"""The parts of a session that change as a whole (everything but the notes)."""


def dump_note(note: Note | None) -> dict[str, Any] | None:
    return None if note is None else note.model_dump(mode="json")


def dump_section(session: Session, name: str) -> Any:
    value = getattr(session, name)
    if value is None:
        return None
    if isinstance(value, list):
        return [v.model_dump(mode="json") for v in value]
    return value.model_dump(mode="json")


def note_op(before: Note | None, after: Note | None) -> NoteChanged:
    """A note added, edited or deleted (:class:`NoteChanged`)."""
    return NoteChanged(before, after)


def section_op(session: Session, name: str, after: Any) -> SectionChanged:
    """Replace section ``name`` of ``session`` by ``after`` (:meth:`SectionChanged.of`)."""
    return SectionChanged.of(session, name, after)


class NoteIndex:
    """Where each note sits in ``session.notes``, so a change finds it at once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.positions = {note.id: i for i, note in enumerate(session.notes)}

    def get(self, note_id: str) -> Note | None:
        position = self.positions.get(note_id)
        return None if position is None else self.session.notes[position]

    def put(self, note: Note) -> None:
        position = self.positions.get(note.id)
        if position is None:
            self.positions[note.id] = len(self.session.notes)
            self.session.notes.append(note)
        else:
            self.session.notes[position] = note

    def delete(self, note_id: str) -> None:
        position = self.positions.pop(note_id, None)
        if position is None:
            return
        notes = self.session.notes
        del notes[position]
        for i in range(position, len(notes)):
            self.positions[notes[i].id] = i


def apply(session: Session, ops: Iterable[Op], index: NoteIndex) -> None:
    """Set the session to the ``after`` values of ``ops`` (idempotent). A note goes in as it is (validated
    where it came in); a section's data is validated here, into the model."""
    for op in ops:
        if isinstance(op, NoteChanged):
            if op.after is None:
                index.delete(op.id)
            else:
                index.put(op.after)
        else:
            field = Session.model_fields[op.name]
            value = _section_value(op.name, op.after, field.annotation)
            setattr(session, op.name, value)


_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _section_value(name: str, data: Any, annotation: Any) -> Any:
    adapter = _ADAPTERS.get(name)
    if adapter is None:
        adapter = _ADAPTERS[name] = TypeAdapter(annotation)
    return adapter.validate_python(data)


def _shift(op: JsonOp, current: dict[str, Any] | None, towards: str) -> dict[str, Any] | None:
    """Move ``current`` towards the op's ``before`` (undo) or ``after`` (redo), field by field.

    Only the fields the op changed are touched, so another person's later change to other
    fields of the same note survives an undo.
    """
    source, target = (op["after"], op["before"]) if towards == "before" else (op["before"], op["after"])
    if target is None:
        return None
    if current is None and source is not None:
        # Someone else has deleted the note since: taking back an edit must not revive it.
        return None
    if source is None or current is None:
        return dict(target)
    result = dict(current)
    for key, value in target.items():
        if key in ("updated",):
            continue
        if source.get(key) == value:
            continue
        if key == "categories":
            # Take back only this change's own additions and removals.
            added = [c for c in source.get(key, []) if c not in value]
            removed = [c for c in value if c not in source.get(key, [])]
            kept = [c for c in result.get(key, []) if c not in added]
            back = [c for c in removed if c not in kept]
            # Put them back in the order the change found them.
            order = {c: i for i, c in enumerate(value)}
            merged = kept + back
            rank = {c: order.get(c, len(order) + i) for i, c in enumerate(merged)}
            result[key] = sorted(merged, key=rank.__getitem__)
        else:
            result[key] = value
    result["updated"] = now().isoformat()
    return result


def shift_ops(ops: list[JsonOp], session: Session, index: NoteIndex, towards: str) -> list[Op]:
    """The operations that undo (towards="before") or redo (towards="after") ``ops`` (as the journal keeps them) now."""
    result: list[Op] = []
    sequence = reversed(ops) if towards == "before" else ops
    for op in sequence:
        if op["t"] == "note":
            note = index.get(op["id"])
            current = dump_note(note)
            wanted = _shift(op, current, towards)
            if current != wanted:
                result.append(NoteChanged(note, None if wanted is None else Note.model_validate(wanted)))
        else:
            name = op["name"]
            current_section = dump_section(session, name)
            if name in ITEM_SECTIONS:
                wanted_section: Any = _shift_items(op, current_section, towards)
                if wanted_section == current_section:
                    continue
            else:
                wanted_section = op[towards]
            result.append(SectionChanged(name, current_section, wanted_section))
    return result


ITEM_SECTIONS = frozenset({"comments"})
"""Sections of items with an id, which many people add to at once (the comment round): undo takes back only the
items (and the fields of them) the change itself added, removed or changed, never another's comment made since."""


def _shift_items(op: JsonOp, current: list[dict[str, Any]], towards: str) -> list[dict[str, Any]]:
    """``current`` with the items ``op`` changed moved towards its ``before`` (undo) or ``after`` (redo)."""
    source_list, target_list = (op["after"], op["before"]) if towards == "before" else (op["before"], op["after"])
    source = {item["id"]: item for item in source_list or []}
    target = {item["id"]: item for item in target_list or []}
    result = [dict(item) for item in current]
    ids = {item["id"] for item in result}
    for item_id in source.keys() - target.keys():  # the change added it: taken back
        result = [item for item in result if item["id"] != item_id]
    for item_id, item in target.items():
        before = source.get(item_id)
        if before is None:  # the change removed it: it comes back (unless it is there again)
            if item_id not in ids:
                result.append(dict(item))
            continue
        for entry in result:
            if entry["id"] == item_id:
                entry.update({key: value for key, value in item.items() if before.get(key) != value})
    return result
