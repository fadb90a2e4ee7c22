"""The app's Footer: redrawn only when the keys it shows change.

Textual's Footer rebuilds all its keys after every action (a digit that codes a note, a letter
that steps a filter), which costs about as much as the rest of the frame. This one compares
what it would show with what it shows and skips the rebuild when nothing differs.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen) -> tuple:
    """What the footer shows for ``screen``: each shown key with its text and whether it works."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A Footer that rebuilds only when the shown keys change."""

    def bindings_changed(self, screen: Screen) -> None:
        keys = (screen.app.app_focus, shown_keys(screen))
        if keys == getattr(self, "_shown_keys", None) and self._bindings_ready:
            return
        self._shown_keys = keys
        super().bindings_changed(screen)
