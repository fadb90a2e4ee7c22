"""The store: the write API of one open session (:class:`~workshop.storage.writer.SessionWriter`).

Every change is a label and the typed operations its ``build`` computes from the newest session
(:meth:`Store.transact`), validated once and made durable before the call returns; notes, sections,
undo and redo are changes of that kind. Keeping the file and its journal in step with every other
process (opening, catching up, folding, hand edits) is the sync engine's
(:class:`~workshop.storage.sync.SessionSync`, :mod:`workshop.storage.opening`,
:mod:`workshop.storage.hand_edits`), which the store holds as :attr:`Store.sync`.

Only the CLI's commands and the app's start open a store; every other module writes through
:class:`~workshop.storage.writer.SessionWriter`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import ValidationError

from workshop.model import limits
from workshop.model.problems import Problem, SessionError
from workshop.model.pydantic_problems import problems_from
from workshop.model.session import Note, Session, now
from workshop.model.validation import too_many
from workshop.scheduling.checks import check
from workshop.scheduling.rotation import groups_at
from workshop.storage import drafts
from workshop.storage.change_labels import change_label
from workshop.storage.drafts import Draft
from workshop.storage.journal import Event, Journal
from workshop.storage.lanes import checked
from workshop.storage.opening import open_sync
from workshop.storage.operations import (
    NoteChanged,
    NoteIndex,
    Op,
    SectionChanged,
    apply,
    changed_sections,
    shift_ops,
    to_journal,
)
from workshop.storage.sync import SessionSync, default_author, new_session_id
from workshop.storage.writer import ChangeRefused, WriteFailed
from workshop.words import word

if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["ChangeRefused", "Store", "WriteFailed", "default_author", "new_session_id"]

T = TypeVar("T")


class _Synced(Generic[T]):
    """An attribute of the store that is its sync engine's (the session held, the journal, the notices, ...)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, store: Store, owner: type | None = None) -> T:
        value: T = getattr(store.sync, self.name)
        return value

    def __set__(self, store: Store, value: T) -> None:
        setattr(store.sync, self.name, value)


class Store:
    """One open session: every change of it goes through here. Not thread-safe: use it from one thread (the app's)."""

    session: _Synced[Session] = _Synced()
    index: _Synced[NoteIndex] = _Synced()
    journal: _Synced[Journal | None] = _Synced()
    path: _Synced[Path] = _Synced()
    readonly: _Synced[bool] = _Synced()
    instance: _Synced[str] = _Synced()
    seq: _Synced[int] = _Synced()
    session_id: _Synced[str] = _Synced()
    stopped: _Synced[str | None] = _Synced()
    notices: _Synced[list[str]] = _Synced()
    version: _Synced[int] = _Synced()
    lost: _Synced[Problem | None] = _Synced()

    def __init__(self, sync: SessionSync, author: str) -> None:
        self.sync = sync
        """The file and its journal, kept in step with every other process."""
        self.author = author
        self.device = ""
        """The device this store writes for (a browser, a terminal; see :mod:`workshop.storage.authors`): each change
        records it, and undo takes back this device's changes only. Empty (scripts): undo follows the author."""

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        author: str | None = None,
        backup: bool = True,
        readonly: bool = False,
        trust_cache: bool = True,
    ) -> Store:
        """Open a session as ``author`` (default: the login's name). Raises SessionError (a StorageError for the
        journal; nothing written) when unusable. ``backup``, ``readonly``, ``trust_cache``: see
        :func:`~workshop.storage.opening.open_sync`."""
        sync = open_sync(path, backup=backup, readonly=readonly, trust_cache=trust_cache)
        return cls(sync, author or default_author())

    @property
    def language(self) -> str:
        """The session's language: what the store's notices and refusals are written in."""
        return self.sync.language

    # Keeping up with the others, and the file ----------------------------------------------------
    def refresh(self) -> list[Event]:
        """Take in the changes other processes made; returns them. Cheap when there are none."""
        return self.sync.refresh()

    def poll(self) -> bool:
        """Refresh from the journal and notice hand edits of the file. True if anything changed."""
        return self.sync.poll()

    def pending(self) -> int:
        """How many changes the TOML file does not hold yet (none for a store that does not write)."""
        return self.sync.pending()

    def fold(self) -> bool:
        """Write every change into the TOML file. False when the file may not (or cannot) be written now."""
        return self.sync.fold()

    def close(self) -> None:
        """Fold and let go of the journal. If the file may not be overwritten, keep a copy."""
        self.sync.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    # Changing ------------------------------------------------------------------------------
    def transact(
        self,
        label: str,
        build: Callable[[Session], Iterable[Op]],
        *,
        undoable: bool = True,
        action: str = "do",
        target: int | None = None,
    ) -> Event | None:
        """Make a change durable. ``build`` sees the latest session and returns the operations.

        Runs inside the journal's write lock, after catching up with every other process, so
        the change is computed from the newest state. Returns the event, or None if
        ``build`` returned nothing. Raises ChangeRefused if the result would be invalid, and
        WriteFailed (a ChangeRefused) when it cannot be written; nothing is written then.
        """
        with self.sync.writing() as journal:
            self.sync.catch_up()
            ops = list(build(self.session))
            if not ops and action == "do":
                return None
            checked_session = self._validate(ops)
            data = to_journal(ops)
            at = now().isoformat()
            seq = journal.append(
                at=at,
                author=self.author,
                instance=self.instance,
                action=action,
                target=target,
                label=label,
                undoable=undoable,
                ops=data,
                device=self.device,
            )
        self._take(ops, checked_session)
        self.seq = seq
        self.version += 1
        return Event(seq, at, self.author, self.instance, action, target, label, undoable, data)

    def _take(self, ops: list[Op], checked_session: Session | None) -> None:
        """Hold the session ``ops`` leave. The sections come from the session the check built (their data is
        validated once, there); the notes go in as they are (validated where they came in)."""
        if checked_session is None:
            apply(self.session, ops, self.index)
            return
        for name in dict.fromkeys(op.name for op in ops if isinstance(op, SectionChanged)):
            setattr(self.session, name, getattr(checked_session, name))
        apply(self.session, [op for op in ops if isinstance(op, NoteChanged)], self.index)

    def _validate(self, ops: list[Op]) -> Session | None:
        """Refuse ``ops`` (ChangeRefused) when the session they would leave is not valid.

        A change of a few notes checks their references only (None); any other change is applied to a
        copy of the session and checked whole: that copy is returned, to take its sections from."""
        notes = [op for op in ops if isinstance(op, NoteChanged)]
        if len(notes) == len(ops) and len(ops) <= 50:
            problems = [p for op in notes if op.after is not None for p in self._check_note(op.after)]
            added = sum(1 for op in notes if op.before is None and op.after is not None)
            if added and len(self.session.notes) + added > limits.NOTES:
                problems.append(
                    too_many(("notes",), len(self.session.notes) + added, limits.NOTES, "count_notes", self.language)
                )
        else:
            candidate = self.session.model_copy()
            candidate.notes = list(self.session.notes)
            try:
                apply(candidate, ops, NoteIndex(candidate))
            except ValidationError as error:
                name = next((op.name for op in ops if isinstance(op, SectionChanged)), "notes")
                raise ChangeRefused(problems_from(error, self.language, prefix=(str(name),)), self.language) from None
            problems = check(candidate)
            if problems:
                raise ChangeRefused(problems, self.language)
            return candidate
        if problems:
            raise ChangeRefused(problems, self.language)
        return None

    def _check_note(self, note: Note) -> list[Problem]:
        """What is wrong with a note's references (the quick check of a change of notes only)."""
        session = self.session
        language = self.language
        problems = []
        if session.station(note.station) is None:
            problems.append(
                Problem(word("note_unknown_station", language, id=note.station), word("note_fix_station", language))
            )
        if note.group is not None and session.group(note.group) is None:
            problems.append(
                Problem(word("note_unknown_group", language, id=note.group), word("note_fix_group", language))
            )
        rounds = max(len(session.round_items()), len(session.rotation))
        if not 1 <= note.round <= max(rounds, 1):
            problems.append(
                Problem(
                    word("note_unknown_round", language, number=note.round),
                    word("note_fix_round", language, rounds=rounds),
                )
            )
        for category in note.categories:
            if session.category(category) is None:
                problems.append(
                    Problem(word("note_unknown_category", language, id=category), word("note_fix_category", language))
                )
        return problems

    # Notes --------------------------------------------------------------------------------
    def _new_note(self, data: dict[str, Any]) -> Note:
        """A note from its fields; a ChangeRefused worded like ``workshop check`` when one does not fit."""
        try:
            return Note.model_validate(data)
        except ValidationError as error:
            raise ChangeRefused(problems_from(error, self.language, prefix=("notes",)), self.language) from None

    def add_note(
        self,
        station: str,
        round_number: int,
        text: str,
        *,
        group: str | None = None,
        categories: Iterable[str] = (),
        author: str | None = None,
    ) -> Note:
        """Add a note; the group defaults to the one the rotation puts at the station."""
        moment = now()
        note = self._new_note(
            {
                "station": station,
                "round": round_number,
                "group": group,
                "text": text,
                "categories": list(dict.fromkeys(categories)),
                "author": self.author if author is None else author,
                "created": moment,
                "updated": moment,
            }
        )

        def build(session: Session) -> list[Op]:
            if note.group is None:
                there = groups_at(session, station, round_number)
                note.group = there[0] if len(there) == 1 else None
            return [NoteChanged(None, note)]

        self.transact(change_label("note_added"), build)
        return self.index.get(note.id) or note

    def edit_note(self, note_id: str, label: str | None = None, **changes: Any) -> Note:
        """Change fields of a note (text, categories, group, ...); ``label`` says what for undo."""

        def build(session: Session) -> list[Op]:
            before = self._note(note_id)
            data = before.model_dump()
            data.update(changes)
            if data == before.model_dump():
                return []
            data["updated"] = now()
            return [NoteChanged(before, self._new_note(data))]

        self.transact(label or change_label("note_edited"), build)
        return self._note(note_id)

    def delete_note(self, note_id: str) -> None:
        """Delete a note (undo brings it back)."""
        self.transact(change_label("note_deleted"), lambda session: [NoteChanged(self._note(note_id), None)])

    def toggle_category(self, note_id: str, category_id: str) -> Note:
        """Put the category on the note, or take it off if it is there."""

        def build(session: Session) -> list[Op]:
            before = self._note(note_id)
            categories = list(before.categories)
            if category_id in categories:
                categories.remove(category_id)
            else:
                categories.append(category_id)
            after = before.model_copy(update={"categories": categories, "updated": now()})
            return [NoteChanged(before, after)]

        self.transact(change_label("category_toggled"), build)
        return self._note(note_id)

    def _note(self, note_id: str) -> Note:
        """The note with this id; a KeyError that says so when someone else has deleted it."""
        note = self.index.get(note_id)
        if note is None:
            raise KeyError(word("note_gone", self.language, id=note_id))
        return note

    # Sections -----------------------------------------------------------------------------
    def set_section(self, name: str, value: Any, label: str, *, undoable: bool = True) -> Event | None:
        """Replace one part of the session (codebook, stations, live state, ...)."""

        return self.transact(label, lambda session: changed_sections(session, **{name: value}), undoable=undoable)

    def change(self, label: str, edit: Callable[[Session], Iterable[Op]], *, undoable: bool = True) -> Event | None:
        """A change of several parts at once (merging categories moves notes and the codebook)."""
        return self.transact(label, edit, undoable=undoable)

    def keep_draft(self, place: str, text: str, base: str = "") -> bool:
        """Keep what this device is typing at ``place`` (:func:`workshop.storage.drafts.keep`)."""
        return drafts.keep(self, place, text, base)

    def forget_draft(self, place: str) -> bool:
        """The text at ``place`` was saved: its draft goes (:func:`workshop.storage.drafts.forget`)."""
        return drafts.forget(self, place)

    def draft(self, place: str) -> Draft | None:
        """This device's draft at ``place`` (:func:`workshop.storage.drafts.draft`)."""
        return drafts.draft(self, place)

    def note(self, note_id: str) -> Note | None:
        """The note with this id, or None."""
        return self.index.get(note_id)

    def changes_since(self, seq: int = 0) -> list[Event]:
        """The changes after number ``seq``, oldest first (none when there is no journal)."""
        return [] if self.journal is None else self.journal.since(seq)

    # Undo and redo ------------------------------------------------------------------------
    # ``lanes`` (:mod:`workshop.storage.lanes`) keeps undo to one person's part of the work: the
    # app passes its mode's lanes (``lanes_for_mode("secretariat")``), so the facilitator's ctrl+z
    # never takes back the secretariat's summary, even when both run as the same login. None (the
    # default, for scripts): the author's changes in every lane, as one history.
    def can_undo(self, *, lanes: Iterable[str] | None = None) -> bool:
        """Has this author a change (in ``lanes``) that undo can take back?"""
        return self._stack(0, lanes)

    def can_redo(self, *, lanes: Iterable[str] | None = None) -> bool:
        """Has this author undone a change (in ``lanes``) that redo can bring back?"""
        return self._stack(1, lanes)

    def _stack(self, which: int, lanes: Iterable[str] | None) -> bool:
        chosen = checked(lanes)
        if self.journal is None or self.readonly:
            return False
        try:
            return bool(self.journal.undo_stacks(self.author, lanes=chosen, device=self.device)[which])
        except (sqlite3.Error, SessionError):
            return False

    def undo(self, *, lanes: Iterable[str] | None = None) -> Event | None:
        """Undo this author's latest change in ``lanes`` (also one made before a restart); None when there is none.

        With a :attr:`device`: that device's latest change, whoever's name signed it, never another device's.

        The returned event's label is the original's behind "undo: " (``describe_change`` words it).
        """
        return self._step("undo", checked(lanes))

    def redo(self, *, lanes: Iterable[str] | None = None) -> Event | None:
        """Bring back this author's latest change undone in ``lanes``; None when there is none."""
        return self._step("redo", checked(lanes))

    def _step(self, action: str, lanes: frozenset[str] | None) -> Event | None:
        """Undo or redo: the label is the original change's behind "undo: " or "redo: "."""
        with self.sync.writing() as journal:
            self.sync.catch_up()
            done, undone = journal.undo_stacks(self.author, lanes=lanes, device=self.device)
            stack = done if action == "undo" else undone
            if not stack:
                return None
            original = journal.event(stack[-1])
        assert original is not None
        towards = "before" if action == "undo" else "after"
        label = f"{action}: {original.label}"
        event = self.transact(
            label,
            lambda session: shift_ops(original.ops, session, self.index, towards),
            action=action,
            target=original.seq,
        )
        return event

    def history(self, limit: int = 200) -> list[Event]:
        """The newest changes first, with who and when (the audit trail)."""
        return [] if self.journal is None else self.journal.history(limit)
