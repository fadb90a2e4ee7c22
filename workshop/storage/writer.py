"""The door every wing writes through: :class:`SessionWriter`, a small typed interface.

The notes, planning, documents, the TUI's screens and the rehearsals depend on this, never on the
store that implements it (:class:`workshop.storage.store.Store`, which only the CLI's commands and
the app's start open). A change is a label (:func:`workshop.storage.change_labels.change_label`)
and a ``build`` that sees the newest session and returns typed operations
(:class:`~workshop.storage.operations.NoteChanged`, :class:`~workshop.storage.operations.SectionChanged`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from workshop.model.problems import DEFAULT_LANGUAGE, Problem
from workshop.model.session import Note, Session
from workshop.storage.journal import Event

if TYPE_CHECKING:
    from workshop.storage.drafts import Draft
from workshop.storage.operations import Op

Build = Callable[[Session], Iterable[Op]]
"""A change's operations, computed from the newest session (inside the store's write lock)."""


class ChangeRefused(ValueError):
    """A change that would make the session invalid; nothing was written."""

    def __init__(self, problems: list[Problem], language: str = DEFAULT_LANGUAGE) -> None:
        self.problems = problems
        self.language = language
        """The session's language (the words of where each problem is)."""
        super().__init__("; ".join(p.render(language=language) for p in problems))


class WriteFailed(ChangeRefused):
    """A change that could not be written: the disk is full, the folder or journal read-only, the journal
    damaged or gone. Nothing of it was written, and nothing written before is lost; the message says why
    and what to do. (A :class:`ChangeRefused`, so whoever shows refusals shows this one too and keeps
    what the user typed.)"""


class SessionWriter(Protocol):
    """One open session to read and change. Every change is durable when the call returns."""

    @property
    def session(self) -> Session:
        """The newest session this writer holds (read it; change it only through :meth:`change`)."""
        ...

    @property
    def language(self) -> str:
        """The session's language: the words of refusals and notices."""
        ...

    @property
    def author(self) -> str:
        """Who signs the changes made through it (a note's author, a comment's)."""
        ...

    @property
    def path(self) -> Path:
        """The session file."""
        ...

    @property
    def version(self) -> int:
        """Goes up by one whenever the session held changes (a redraw is due)."""
        ...

    def change(self, label: str, edit: Build, *, undoable: bool = True) -> Event | None:
        """Make one change; None when ``edit`` returned nothing. ChangeRefused (nothing written) when invalid."""
        ...

    def note(self, note_id: str) -> Note | None:
        """The note with this id, or None."""
        ...

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
        ...

    def edit_note(self, note_id: str, label: str | None = None, **changes: Any) -> Note:
        """Change fields of a note (text, categories, group, ...)."""
        ...

    def delete_note(self, note_id: str) -> None:
        """Delete a note (undo brings it back)."""
        ...

    def toggle_category(self, note_id: str, category_id: str) -> Note:
        """Put the category on the note, or take it off if it is there."""
        ...

    def set_section(self, name: str, value: Any, label: str, *, undoable: bool = True) -> Event | None:
        """Replace one part of the session (codebook, stations, live state, ...)."""
        ...

    def history(self, limit: int = 200) -> list[Event]:
        """The newest changes first, with who and when."""
        ...

    def changes_since(self, seq: int = 0) -> list[Event]:
        """The changes after number ``seq``, oldest first (none when there is no journal)."""
        ...

    def keep_draft(self, place: str, text: str, base: str = "") -> bool:
        """Keep what this device is typing at ``place`` (:mod:`workshop.storage.drafts`); False when it cannot now."""
        ...

    def forget_draft(self, place: str) -> bool:
        """The text at ``place`` was saved: its draft goes."""
        ...

    def draft(self, place: str) -> Draft | None:
        """This device's draft at ``place``, if it kept one."""
        ...

    def fold(self) -> bool:
        """Write every change into the session file now (before handing the file to another program)."""
        ...
