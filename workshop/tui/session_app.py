"""What screens and widgets may ask of the app they run in: the session's store and a few helpers.

Screens and components never import the app (``app.py`` imports them: the app sits on top). They
ask the app they run in through this protocol (:func:`~.session_view.workshop_app`), and
``WorkshopApp`` answers it (mypy checks that it does, at the end of ``app.py``). Textual's own
members of the app (``notify``, ``push_screen``, ...) are reached through ``node.app`` as usual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol, TypeVar

from workshop.storage.writer import SessionWriter

T = TypeVar("T")

Clock = Callable[[], dt.datetime]
"""The wall clock the round clock runs on (tests pass a frozen one)."""


class SessionApp(Protocol):
    """The workshop app as its screens and widgets see it."""

    station: str | None
    """The station a note-taker is pinned to (``--station``), or chose."""
    ask_author: bool
    """True until the note-taker has said their name."""
    clock: Clock

    @property
    def store(self) -> SessionWriter:
        """The open session: every change goes through it (the app's start holds the Store that implements it)."""
        ...

    @property
    def language(self) -> str:
        """ "da" or "en": the session's language."""
        ...

    @property
    def device(self) -> str:
        """This device's id (a browser's, a terminal's): its name, its undo and its drafts are its own."""
        ...

    def attempt(self, change: Callable[[], T]) -> T | None:
        """Run a change and return what it returns; a refused one is told to the user and gives None."""
        ...

    def saved(self, change: Callable[[], object]) -> bool:
        """Run a change that returns nothing; True when it went through, False when refused."""
        ...

    def changed(self) -> None:
        """Call after a change made here: every screen shows it."""
        ...

    def show_notices(self) -> None:
        """Tell the user what the store noticed (merges, hand edits, failed folds)."""
        ...

    def sign_as(self, name: str, *, remember: bool = True) -> str | None:
        """Sign this device's notes by ``name`` from now on (``remember``: next time too); a problem, in words."""
        ...
