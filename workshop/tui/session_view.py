"""What every screen and widget over the session needs: the session and its language."""

from __future__ import annotations

from workshop.model.session import Session


class SessionView:
    """Mix into a Textual widget or screen of the workshop app."""

    @property
    def session(self) -> Session:
        """The session as the store holds it now (always the newest)."""
        return self.app.store.session  # type: ignore[attr-defined]

    @property
    def language(self) -> str:
        """"da" or "en": the language of the labels."""
        return self.session.workshop.language
