"""Messages the app posts, named in the past tense for what happened."""

from __future__ import annotations

from textual.message import Message


class SessionChanged(Message, bubble=False):
    """The session changed (here, in another app instance, by ``workshop note``, ...): redraw from it.

    The app posts it to every screen over the session (:class:`~.session_view.SessionView`): at
    once to the screens in view, and to every other screen when it is shown again (see
    ``WorkshopApp.session_changed_signal``). A screen handles it by drawing itself from
    ``self.session``; no screen keeps a copy of the session of its own.
    """

    def __init__(self, version: int) -> None:
        super().__init__()
        self.version = version
        """The store's version the screen is to show."""
