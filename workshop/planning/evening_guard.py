"""Setup changes while the evening runs, worked out before they are made: never a started round rewritten.

:class:`Rehearsal` stands in for the store and works a change out on a copy of the session
(:func:`rehearse`), so :func:`~workshop.scheduling.evening_changes.evening_change` can say what it
would do to the rounds. :class:`Keeper` stands in for the store when the change is made: inside the
same store transaction (one journal entry, one undo) it adds the explicit rotation that keeps the
started rounds as they were, worked out again from the newest session, and refuses the change if
someone else changed the rounds meanwhile. The app asks the facilitator in between
(``workshop/tui/evening_guard.py``).
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from workshop.model.problems import Problem
from workshop.model.session import Note, RotationRound, Session
from workshop.scheduling.evening_changes import EveningChange, during_evening, evening_change, placement
from workshop.storage.drafts import Draft
from workshop.storage.journal import Event
from workshop.storage.operations import NoteIndex, Op, SectionChanged, apply, changed_sections
from workshop.storage.writer import Build, ChangeRefused, SessionWriter
from workshop.words import word

Change = Callable[[SessionWriter], object]
"""A change of the session, made through the store it is given (the real one, or a stand-in)."""


def applied(session: Session, ops: list[Op]) -> Session:
    """The session ``ops`` would leave (``session`` itself stays as it is)."""
    result = session.model_copy()
    result.notes = list(session.notes)
    apply(result, ops, NoteIndex(result))
    return result


class _StandIn(abc.ABC):
    """What a stand-in for the store reads from the real one: the language, the path, the notes, the history."""

    def __init__(self, store: SessionWriter) -> None:
        self.store = store

    @property
    def session(self) -> Session:
        return self.store.session

    @property
    def language(self) -> str:
        return self.store.language

    @property
    def author(self) -> str:
        return self.store.author

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def version(self) -> int:
        return self.store.version

    def note(self, note_id: str) -> Note | None:
        return _find_note(self.session, note_id)

    def history(self, limit: int = 200) -> list[Event]:
        return self.store.history(limit)

    def changes_since(self, seq: int = 0) -> list[Event]:
        return self.store.changes_since(seq)

    @abc.abstractmethod
    def change(self, label: str, edit: Build, *, undoable: bool = True) -> Event | None:
        """Rehearse (Rehearsal) or keep the started rounds through (Keeper) one change."""

    def set_section(self, name: str, value: Any, label: str, *, undoable: bool = True) -> Event | None:
        return self.change(label, lambda session: changed_sections(session, **{name: value}), undoable=undoable)

    def keep_draft(self, place: str, text: str, base: str = "") -> bool:
        return self.store.keep_draft(place, text, base)

    def forget_draft(self, place: str) -> bool:
        return self.store.forget_draft(place)

    def draft(self, place: str) -> Draft | None:
        return self.store.draft(place)


def _find_note(session: Session, note_id: str) -> Note | None:
    return next((note for note in session.notes if note.id == note_id), None)


class Rehearsal(_StandIn):
    """Stands in for the store: works a change out on a copy of the session and writes nothing.

    A setup change never writes notes or folds; a rehearsal refuses those (here they would write).
    """

    def __init__(self, store: SessionWriter) -> None:
        super().__init__(store)
        self._session = applied(store.session, [])

    @property
    def session(self) -> Session:
        """The copy, with the rehearsed changes."""
        return self._session

    def change(self, label: str, edit: Build, *, undoable: bool = True) -> Event | None:
        self._session = applied(self._session, list(edit(self._session)))
        return None

    def _refuse(self, name: str) -> RuntimeError:
        return RuntimeError(f"a rehearsed change may not call the store's {name}")

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
        raise self._refuse("add_note")

    def edit_note(self, note_id: str, label: str | None = None, **changes: Any) -> Note:
        raise self._refuse("edit_note")

    def delete_note(self, note_id: str) -> None:
        raise self._refuse("delete_note")

    def toggle_category(self, note_id: str, category_id: str) -> Note:
        raise self._refuse("toggle_category")

    def fold(self) -> bool:
        raise self._refuse("fold")

    def keep_draft(self, place: str, text: str, base: str = "") -> bool:
        raise self._refuse("keep_draft")

    def forget_draft(self, place: str) -> bool:
        raise self._refuse("forget_draft")


class Keeper(_StandIn):
    """Stands in for the store: makes the change, plus the rotation that keeps the started rounds, in one go."""

    def __init__(self, store: SessionWriter, expected: EveningChange) -> None:
        super().__init__(store)
        self.expected = expected
        """What the facilitator saw (and agreed to)."""

    def note(self, note_id: str) -> Note | None:
        return self.store.note(note_id)

    def change(self, label: str, edit: Build, *, undoable: bool = True) -> Event | None:
        return self.store.change(label, lambda session: self._keep(session, list(edit(session))), undoable=undoable)

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
        return self.store.add_note(station, round_number, text, group=group, categories=categories, author=author)

    def edit_note(self, note_id: str, label: str | None = None, **changes: Any) -> Note:
        return self.store.edit_note(note_id, label, **changes)

    def delete_note(self, note_id: str) -> None:
        self.store.delete_note(note_id)

    def toggle_category(self, note_id: str, category_id: str) -> Note:
        return self.store.toggle_category(note_id, category_id)

    def fold(self) -> bool:
        return self.store.fold()

    def _keep(self, session: Session, ops: list[Op]) -> list[Op]:
        """``ops`` with the rotation that keeps the started rounds (worked out from the newest session)."""
        if not ops:
            return ops
        language = session.workshop.language
        outcome = evening_change(session, applied(session, ops))
        if outcome.problem:
            raise ChangeRefused([Problem(outcome.problem, word("evening_fix", language))], language)
        if [placement(r) for r in outcome.after] != [placement(r) for r in self.expected.after]:
            problem = Problem(word("evening_meanwhile", language), word("evening_meanwhile_fix", language))
            raise ChangeRefused([problem], language)
        if outcome.explicit is None:
            return ops
        rounds = [
            RotationRound(round=number, stations={s: list(g) for s, g in one.items() if g})
            for number, one in enumerate(outcome.explicit, start=1)
        ]
        kept = [op for op in ops if not (isinstance(op, SectionChanged) and op.name == "rotation")]
        return [*kept, SectionChanged.of(session, "rotation", rounds)]


def rehearse(store: SessionWriter, change: Change) -> Session | None:
    """The session ``change`` would leave; None when the store would refuse it (the real try says why)."""
    stand_in = Rehearsal(store)
    try:
        change(stand_in)
    except (ChangeRefused, KeyError):
        return None
    return stand_in.session


def moves_people_during_the_evening(store: SessionWriter, change: Change) -> bool:
    """True when the evening runs and ``change`` would move people in the current or a later round
    (or rewrite a started one): a script refuses such a change, since only the app can ask first."""
    before = store.session
    if not during_evening(before):
        return False
    after = rehearse(store, change)
    if after is None:
        return False  # the store refuses it anyway, in its own words
    outcome = evening_change(before, after)
    return bool(outcome.problem) or outcome.moves_people
