"""The round clock's steps, shared by the facilitator's screen and the projector board.

Every step (start, pause, extend, next, ...) is a pure transition from
:mod:`workshop.scheduling.evening`, computed from the newest session inside the store's write
lock and saved at once, so a crash or a restart resumes the clock, and the other instances
follow within a second.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from workshop.model.session import Live, Session
from workshop.scheduling import evening as live
from workshop.storage.change_labels import change_label
from workshop.storage.operations import Op, section_op

if TYPE_CHECKING:
    from ..app import WorkshopApp

TICK_SECONDS = 1.0
"""The clock redraws once a second (a faster timer slows the app and its tests)."""


def save_live(app: WorkshopApp, label: str, transition: Callable[[Session], Live]) -> bool:
    """Run a live transition on the newest session and save it; tell the user if it cannot be.

    ``label`` is the journal's label for it (``change_label("clock_next")``).
    """
    store = app.store

    def edit(session: Session) -> list[Op]:
        op = section_op(session, "live", transition(session))
        return [] if op["before"] == op["after"] else [op]

    try:
        return app.saved(lambda: store.change(label, edit, undoable=False))
    except live.LiveError as error:
        app.notify(str(error), severity="warning", timeout=6, markup=False)
        return False


def pause_label(session: Session) -> str:
    """The journal's label for the pause key: the clock pauses, or runs again."""
    return change_label("clock_resumed" if live.phase(session.live) == "paused" else "clock_paused")
