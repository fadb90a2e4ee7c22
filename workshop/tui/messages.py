"""Messages the app posts, named in the past tense for what happened."""

from __future__ import annotations

from textual.message import Message


class SessionChanged(Message):
    """The session changed (here or in another app instance); views should redraw."""

    def __init__(self, version: int) -> None:
        super().__init__()
        self.version = version
