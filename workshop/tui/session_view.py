"""What every screen and widget over the session needs: the app, its store, the session and its language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from workshop.model.session import Session
from workshop.storage.writer import ChangeRefused, SessionWriter

from .session_app import SessionApp

if TYPE_CHECKING:
    from textual.app import App

PHONE_BELOW = 60
"""Fewer columns than this: a phone held upright (some 40-45 through ``workshop serve``). Every screen
and widget that lays out for a phone asks this one width, so a phone gets the phone's layout everywhere."""


class InApp(Protocol):
    """Anything of Textual's that knows the app it runs in (a screen, a widget)."""

    @property
    def app(self) -> App[Any]: ...


def workshop_app(node: InApp) -> SessionApp:
    """The workshop app ``node`` runs in, as a :class:`~.session_app.SessionApp`: its store, clock, station and
    change helpers (asked for, never imported: the app imports the screens)."""
    return cast(SessionApp, node.app)


def refusal_text(error: ChangeRefused, language: str) -> str:
    """A refused change in ``workshop check``'s words: where, what is wrong, and how to fix it."""
    return "; ".join(p.render(language=language) for p in error.problems) or str(error)


class SessionView:
    """Mix into a Textual widget or screen of the workshop app (before the Textual class).

    A screen with this mix-in is kept current by the app: whenever the session changes (here or
    anywhere else) it gets a :class:`~.messages.SessionChanged` (at once while it is in view,
    else as soon as it is shown again) and redraws itself in ``on_session_changed`` from
    :attr:`session`. Nothing else needs to redraw it after a change.
    """

    @property
    def workshop_app(self: InApp) -> SessionApp:
        """The app, with what the workshop adds to Textual's (store, clock, attempt, saved, ...)."""
        return workshop_app(self)

    @property
    def store(self: InApp) -> SessionWriter:
        """The open session file and its journal: every change goes through it."""
        return workshop_app(self).store

    @property
    def session(self: InApp) -> Session:
        """The session as the store holds it now (always the newest)."""
        return workshop_app(self).store.session

    @property
    def language(self: InApp) -> str:
        """ "da" or "en": the language of the labels."""
        return workshop_app(self).store.session.workshop.language
