"""The app's Footer: redrawn only when the keys it shows change, each key styled once.

Textual's Footer rebuilds all its keys after every action (a digit that codes a note, a letter
that steps a filter), which costs about as much as the rest of the frame. This one compares
what it would show with what it shows and skips the rebuild when nothing differs.

Each of Textual's footer keys also restyles itself twice as it mounts (its ``compact`` flag
starts True, then follows the footer's False). Here the keys are built with the footer's value
already in place: two restyles fewer per key, some 20 on the facilitator's first screen.
``FooterKey`` comes from Textual's private ``textual.widgets._footer``; Textual is pinned to one
version (pyproject.toml), and the footer snapshots show any change.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def shown_keys(screen: Screen) -> tuple:
    """What the footer shows for ``screen``: each shown key with its text and whether it works."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A Footer that rebuilds only when the shown keys change."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Set before mounting: no watcher fires, so the key is styled once, not thrice.
                # The palette key is not bound to the footer's flag and stays compact.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        keys = (screen.app.app_focus, shown_keys(screen))
        if keys == getattr(self, "_shown_keys", None) and self._bindings_ready:
            return
        self._shown_keys = keys
        super().bindings_changed(screen)
