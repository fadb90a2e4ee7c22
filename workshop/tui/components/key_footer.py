"""The app's Footer: redrawn only when the keys it shows change, each key styled once, and
F1–F4 always in sight.

Textual's Footer rebuilds all its keys after every action (a digit that codes a note, a letter
that steps a filter), which costs about as much as the rest of the frame. This one compares
what it would show with what it shows and skips the rebuild when nothing differs.

Each of Textual's footer keys also restyles itself twice as it mounts (its ``compact`` flag
starts True, then follows the footer's False). Here the keys are built with the footer's value
already in place: two restyles fewer per key, some 20 on the facilitator's first screen.
``FooterKey`` and the footer's "ready" flag are Textual internals, reached through
:mod:`workshop.tui.textual_compat`; the footer snapshots show any change.

When the keys do not fit the width (80 columns), Textual's footer cuts off the last ones, and
those were F1–F4, the keys that lead everywhere else. This one leaves out the screen's own keys
from the last one back (and ctrl+q) until F1–F4 fit; what is left out is still in F1's list and
in the command palette (ctrl+p).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from workshop.tui.textual_compat import FooterKey, footer_ready

ShownKey = tuple[str, str, str, bool, str]
"""A key as the footer shows it: key, action, description, whether it works now, tooltip."""

ALWAYS_SHOWN = ("f1", "f2", "f3", "f4")
"""The keys the footer never leaves out: help and the three modes."""
LEFT_OUT_FIRST = ("ctrl+q",)
"""Left out before any of the screen's own keys (quitting is in F1 and the palette too)."""
_WIDE = Size(10_000, 1)


def shown_keys(screen: Screen[Any]) -> tuple[ShownKey, ...]:
    """What the footer shows for ``screen``: each shown key with its text and whether it works."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


def width_of(widget: Widget) -> int:
    """The columns ``widget`` takes in the footer: its text, or its keys, with padding and margin."""
    styles = widget.styles
    spacing = styles.margin.width + styles.gutter.width
    if widget.children:
        return spacing + sum(width_of(child) for child in widget.children if child.display)
    return spacing + widget.get_content_width(_WIDE, _WIDE)


def _keys_of(widget: Widget) -> list[str]:
    if isinstance(widget, FooterKey):
        return [widget.key]
    return [key for child in widget.children for key in _keys_of(child)]


class KeyFooter(Footer):
    """A Footer that rebuilds only when the shown keys change, and keeps F1–F4 in sight."""

    _shown_keys: tuple[bool, tuple[ShownKey, ...]] | None = None
    """What the footer showed last: whether the app had focus, and the keys."""

    left_out: tuple[str, ...] = ()
    """The keys left out to make room for F1–F4 (tests read it)."""

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

    async def recompose(self) -> None:
        await super().recompose()
        self.fit()

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        """Show F1–F4 always, then the screen's keys in their order while they fit, then the
        palette key and ctrl+q; whatever does not fit is left out (F1 and ctrl+p list it)."""
        width = self.size.width
        if width <= 0 or not self.children:
            return
        # A key group (xX +1/+5 min) is its keys and the label after them: they go together.
        pairs: list[list[Widget]] = []
        for unit in self.children:
            if pairs and _is_label_after_group(pairs[-1], unit):
                pairs[-1].append(unit)
            else:
                pairs.append([unit])

        def rank(pair: list[Widget]) -> int:
            keys = _keys_of_pair(pair)
            if any(key in ALWAYS_SHOWN for key in keys):
                return 0
            if any(key in LEFT_OUT_FIRST for key in keys):
                return 3
            if any(widget.has_class("-command-palette") for widget in pair):
                return 2
            return 1

        order = sorted(pairs, key=rank)  # stable: the screen's keys keep their order
        room = width
        shown: set[int] = set()
        left_out: list[str] = []
        for pair in order:
            needed = sum(width_of(widget) for widget in pair)
            if rank(pair) == 0 or needed <= room:
                room -= needed
                shown.update(id(widget) for widget in pair)
            else:
                left_out.extend(_keys_of_pair(pair))
        for unit in self.children:
            show = id(unit) in shown
            if unit.display != show:
                unit.display = show
        self.left_out = tuple(left_out)


def _keys_of_pair(pair: list[Widget]) -> list[str]:
    return [key for widget in pair for key in _keys_of(widget)]


def _is_label_after_group(pair: list[Widget], unit: Widget) -> bool:
    """Is ``unit`` the label that follows a key group (whose keys show no words of their own)?"""
    group = len(pair) == 1 and not isinstance(pair[0], FooterKey) and bool(pair[0].children)
    return group and not isinstance(unit, FooterKey) and not unit.children
