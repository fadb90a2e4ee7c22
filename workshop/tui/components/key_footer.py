"""The app's Footer: redrawn only when the keys it shows change, each key styled once.

Textual's Footer rebuilds all its keys after every action (a digit that codes a note, a letter
that steps a filter), which costs about as much as the rest of the frame. This one compares
what it would show with what it shows and skips the rebuild when nothing differs.

Each of Textual's footer keys also restyles itself twice as it mounts (its ``compact`` flag
starts True, then follows the footer's False). Here the keys are built with the footer's value
already in place: two restyles fewer per key, some 20 on the facilitator's first screen.
``FooterKey`` and the footer's "ready" flag are Textual internals, reached through
:mod:`workshop.tui.textual_compat`; the footer snapshots show any change.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from workshop.tui.textual_compat import FooterKey, footer_ready

ShownKey = tuple[str, str, str, bool, str]
"""A key as the footer shows it: key, action, description, whether it works now, tooltip."""


def shown_keys(screen: Screen[Any]) -> tuple[ShownKey, ...]:
    """What the footer shows for ``screen``: each shown key with its text and whether it works."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A Footer that rebuilds only when the shown keys change."""

    _shown_keys: tuple[bool, tuple[ShownKey, ...]] | None = None
    """What the footer showed last: whether the app had focus, and the keys."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Set before mounting: no watcher fires, so the key is styled once, not thrice.
                # The palette key is not bound to the footer's flag and stays compact.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild the keys, unless the footer already shows exactly these."""
        keys = (screen.app.app_focus, shown_keys(screen))
        if keys == self._shown_keys and footer_ready(self):
            return
        self._shown_keys = keys
        super().bindings_changed(screen)
