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

from collections.abc import Callable, Iterable
from typing import Any, cast

from workshop.model.problems import Problem
from workshop.model.session import RotationRound, Session
from workshop.scheduling.evening_changes import EveningChange, during_evening, evening_change, placement
from workshop.storage.journal import Event
from workshop.storage.operations import NoteIndex, Op, apply, section_op
from workshop.storage.store import ChangeRefused, Store
from workshop.words import word

Change = Callable[[Store], object]
"""A change of the session, made through the store it is given (the real one, or a stand-in)."""


def applied(session: Session, ops: list[Op]) -> Session:
    """The session ``ops`` would leave (``session`` itself stays as it is)."""
    result = session.model_copy()
    result.notes = list(session.notes)
    apply(result, ops, NoteIndex(result))
    return result


def _section(session: Session, name: str, value: Any) -> list[Op]:
    op = section_op(session, name, value)
    return [] if op["before"] == op["after"] else [op]


class Rehearsal:
    """Stands in for the store: works a change out on a copy of the session and writes nothing."""

    WRITES = frozenset({"add_note", "edit_note", "delete_note", "toggle_category", "undo", "redo", "fold", "close"})
    """The store's other ways of writing: a setup change never uses them (and here they would write)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.session = applied(store.session, [])

    def __getattr__(self, name: str) -> Any:
        if name in self.WRITES:
            raise RuntimeError(f"a rehearsed change may not call the store's {name}")
        return getattr(self.store, name)  # what it reads: the language, the author, the path

    def change(self, label: str, edit: Callable[[Session], Iterable[Op]], *, undoable: bool = True) -> Event | None:
        self.session = applied(self.session, list(edit(self.session)))
        return None

    def transact(self, label: str, build: Callable[[Session], list[Op]], **_: Any) -> Event | None:
        self.session = applied(self.session, build(self.session))
        return None

    def set_section(self, name: str, value: Any, label: str, *, undoable: bool = True) -> Event | None:
        return self.transact(label, lambda session: _section(session, name, value))


class Keeper:
    """Stands in for the store: makes the change, plus the rotation that keeps the started rounds, in one go."""

    def __init__(self, store: Store, expected: EveningChange) -> None:
        self.store = store
        self.expected = expected
        """What the facilitator saw (and agreed to)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)

    def change(self, label: str, edit: Callable[[Session], Iterable[Op]], *, undoable: bool = True) -> Event | None:
        return self.store.change(label, lambda session: self._keep(session, list(edit(session))), undoable=undoable)

    def transact(self, label: str, build: Callable[[Session], list[Op]], **options: Any) -> Event | None:
        return self.store.transact(label, lambda session: self._keep(session, build(session)), **options)

    def set_section(self, name: str, value: Any, label: str, *, undoable: bool = True) -> Event | None:
        return self.transact(label, lambda session: _section(session, name, value), undoable=undoable)

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
        kept = [op for op in ops if not (op["t"] == "section" and op["name"] == "rotation")]
        return [*kept, section_op(session, "rotation", rounds)]


def rehearse(store: Store, change: Change) -> Session | None:
    """The session ``change`` would leave; None when the store would refuse it (the real try says why)."""
    stand_in = Rehearsal(store)
    try:
        change(cast(Store, stand_in))
    except (ChangeRefused, KeyError):
        return None
    return stand_in.session


def moves_people_during_the_evening(store: Store, change: Change) -> bool:
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
