"""What every screen whose text is saved as it is typed shares (the summaries, the recommendations).

Such a screen redraws on every change of the session (in the session's language, should it
change), and saves what is typed when it is left for another screen or closed, so nothing typed
is lost between the saves that follow the typing. Between those saves, what is typed is also kept
as this device's draft (:mod:`workshop.storage.drafts`) within a second of the key: a crash, a
killed process or a lost connection leaves it in the journal, and the screen saves it (or, when
someone else changed the text since, shows it) when the device comes back to it.
"""

from __future__ import annotations

import contextlib
from typing import Any, Protocol

from textual.dom import DOMNode
from textual.widget import Widget

from workshop.words import word

from ..localise import localise_bindings
from ..messages import SessionChanged
from .draft_keeper import DraftKeeper


class Writing(Protocol):
    """What the mixing screen provides."""

    _localised: str

    @property
    def language(self) -> str: ...

    def redraw(self) -> None: ...

    def save(self, quiet: bool = False) -> bool: ...


class SavedWhileWriting:
    """Mix into a SessionView screen (before the Textual class) that defines ``redraw``, ``save``,
    ``draft_place`` (where the text being written belongs), ``draft_what`` (it in words),
    ``editor_text`` and ``put_in_editor``, and calls :meth:`typed` on every change of its editor and
    :meth:`saved_here` after each save."""

    _keeper: DraftKeeper | None = None

    @property
    def keeper(self: Any) -> DraftKeeper:
        """Keeps the text being written as this device's draft."""
        if self._keeper is None:
            owner: Widget = self
            self._keeper = DraftKeeper(owner, lambda: self.store, self._typed_text)
        keeper: DraftKeeper = self._keeper
        return keeper

    def _typed_text(self: Any) -> tuple[str, str, str] | None:
        place = self.draft_place()
        return None if place is None else (place, self.draft, self.loaded)

    def typed(self: Any) -> None:
        """The editor changed: its text is kept as a draft within a second (until it is saved)."""
        self.keeper.typed()

    def saved_here(self: Any) -> None:
        """The text being written was saved: its draft goes."""
        place = self.draft_place()
        if place is not None:
            self.keeper.forget(place)

    def offer_draft(self: Any) -> None:
        """Coming back to a text this device had typed and not saved: saved now, or shown when it changed since."""
        place = self.draft_place()
        if place is None:
            return
        kept = self.store.draft(place)
        if kept is None:
            return
        if kept.text == self.loaded:
            self.store.forget_draft(place)
            return
        what = self.draft_what()
        self.put_in_editor(kept.text)
        if kept.base == self.loaded and self.save():
            self.notify(word("draft_back_saved", self.language, what=what), timeout=10, markup=False)
        else:
            self.notify(
                word("draft_back_clash", self.language, what=what), severity="warning", timeout=15, markup=False
            )

    def on_leaving(self: Any) -> list[str]:
        """ctrl+q: what is being written is saved, or, when it cannot be, kept as a draft; said in words."""
        self.draft = self.editor_text()
        if self.draft_place() is None or self.draft == self.loaded:
            return []
        what = self.draft_what()
        if self.save():
            return [word("quit_saved", self.language, what=what)]
        self.keeper.keep_now()
        return [word("quit_kept", self.language, what=what)]

    def on_session_changed(self: Writing, message: SessionChanged) -> None:
        if self.language != self._localised:
            self._localised = self.language
            assert isinstance(self, DOMNode)
            localise_bindings(self, self._localised)
        self.redraw()

    def on_screen_suspend(self: Writing) -> None:
        self.save()

    def on_unmount(self: Any) -> None:
        try:
            self.save(quiet=True)
        except Exception:  # noqa: BLE001 - closing down: what cannot be saved stays as the draft
            with contextlib.suppress(Exception):
                self.keeper.keep_now()
