"""Keeping what is typed as this device's draft (see :mod:`workshop.storage.drafts`) while it is typed.

A screen with a field whose text is not saved at once (the note field, a summary, a recommendation's
section) holds a :class:`DraftKeeper`: each change of the field calls :meth:`DraftKeeper.typed`,
and at most :data:`DRAFT_SECONDS` later the text is in the journal as the device's draft, however
long the typing goes on. :meth:`DraftKeeper.keep_now` writes it at once (the field lost the keys,
the app ends); :meth:`DraftKeeper.forget` drops it once the text is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from workshop.storage.writer import SessionWriter

DRAFT_SECONDS = 0.8
"""What is typed is in the journal at most this long after the key (a crash loses no more)."""

Where = Callable[[], tuple[str, str, str] | None]
"""The field's place, its text and the saved text it started from; None when it has no place now."""


class DraftKeeper:
    """Writes one screen's field as the device's draft, a moment after typing and when asked."""

    def __init__(self, owner: Widget, store: Callable[[], SessionWriter], where: Where) -> None:
        self._owner = owner
        self._store = store
        self._where = where
        self._timer: Timer | None = None
        self.kept: tuple[str, str] | None = None
        """The place and text last written (nothing is written twice)."""

    def typed(self) -> None:
        """The field changed: its text goes to the journal within :data:`DRAFT_SECONDS` (not later with more keys)."""
        if self._timer is None:
            self._timer = self._owner.set_timer(DRAFT_SECONDS, self._due, name="keep-draft")

    def _due(self) -> None:
        self._timer = None
        self.keep_now()

    def keep_now(self) -> bool:
        """Write the field's text as the draft now; True when the journal holds what the field holds."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        found = self._where()
        if found is None:
            return False
        place, text, base = found
        if self.kept == (place, text):
            return True
        done = self._store().keep_draft(place, text, base)
        if done:
            self.kept = (place, text)
        return done

    def forget(self, place: str) -> None:
        """The text at ``place`` was saved (or moved): its draft goes."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._store().forget_draft(place)
        self.kept = (place, "")
