"""What every screen whose text is saved as it is typed shares (the summaries, the recommendations).

Such a screen redraws on every change of the session (in the session's language, should it
change), and saves what is typed when it is left for another screen or closed, so nothing typed
is lost between the saves that follow the typing.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

from textual.dom import DOMNode

from ..localise import localise_bindings
from ..messages import SessionChanged


class Writing(Protocol):
    """What the mixing screen provides."""

    _localised: str

    @property
    def language(self) -> str: ...

    def redraw(self) -> None: ...

    def save(self, quiet: bool = False) -> bool: ...


class SavedWhileWriting:
    """Mix into a SessionView screen (before the Textual class) that defines ``redraw`` and ``save``."""

    def on_session_changed(self: Writing, message: SessionChanged) -> None:
        if self.language != self._localised:
            self._localised = self.language
            assert isinstance(self, DOMNode)
            localise_bindings(self, self._localised)
        self.redraw()

    def on_screen_suspend(self: Writing) -> None:
        self.save()

    def on_unmount(self: Writing) -> None:
        with contextlib.suppress(Exception):  # closing down: the journal keeps what it got
            self.save(quiet=True)
