"""Textual's web driver, with the browser's "quit" taken after the keys that came before it.

Textual 8.2.8's web driver hands each key typed in the browser to the app through
``send_message`` (the key reaches the app's queue one turn of its event loop later), but the
server's "quit" (the tab was closed) through ``post_message`` (at once). When the keys and the
quit arrive together (a tab closed right after typing, an app still busy drawing its first
screen), the quit overtook them: the app ended, and the note-taker's last words were neither in
the note field nor in the draft kept as the app ended. Here the quit takes the keys' way, so it
comes after them; the note field has every key, and the draft keeps it.
"""

from __future__ import annotations

from textual import messages
from textual.drivers.web_driver import WebDriver


class InOrderWebDriver(WebDriver):
    """The web driver of ``workshop serve``'s apps: what the browser sends is taken in the order it was sent."""

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "quit":
            self.send_message(messages.ExitApp())
            return
        super().on_meta(packet_type, payload)
