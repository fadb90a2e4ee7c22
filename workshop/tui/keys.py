"""The app's own keys on a screen: what F1 lists and what the command palette offers.

Every key binding of the app has an ``id`` in one of the app's namespaces ("app.", "capture.",
"setup.", ...: those of :data:`workshop.words.keys.KEYS`). Textual's own widget keys (the
arrows of a table, "Focus Next", "Copy selected text") have none; they work as they always
do, but F1 and the palette leave them out, so both list only what a user of this app needs,
in the session's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from workshop.words import KEYS

BROWSER_KEEPS = frozenset(
    {
        "ctrl+n",
        "ctrl+t",
        "ctrl+w",
        "ctrl+shift+n",
        "ctrl+shift+t",
        "ctrl+shift+w",
        "ctrl+tab",
        "ctrl+shift+tab",
        "ctrl+pageup",
        "ctrl+pagedown",
        "ctrl+shift+q",
    }
)
"""Keys a browser keeps for itself and never passes to a page (Chrome's new window, new tab, close tab, tab
switching, quit): every action of the app bound to one of these has another key too, which a browser shows."""

NAMESPACES = frozenset(binding_id.split(".")[0] for binding_id in KEYS)
"""The first part of every binding id of the app: "app", "capture", "setup", ..."""


BROWSER_ALTERNATIVES: dict[str, str] = {
    "capture.station": "ctrl+g",
    "secretariat.write": "ctrl+e",
    "recommendations.write": "ctrl+e",
    "recommendations.new": "f9",
}
"""Binding id -> the key a browser passes on, for every binding whose first key a browser keeps (each binding
declares both keys, ``"ctrl+t,ctrl+g"``; ``tests/test_browser_keys.py`` checks every binding of the app)."""


def browser_key(binding: Binding) -> str:
    """The key to show for ``binding`` in a browser: its own, or its other key when a browser keeps this one."""
    if binding.key not in BROWSER_KEEPS:
        return binding.key
    return BROWSER_ALTERNATIVES.get(binding.id or "", binding.key)


def is_app_key(binding: Binding) -> bool:
    """True for a key of this app, False for one of Textual's widget keys."""
    return bool(binding.id) and (binding.id or "").split(".")[0] in NAMESPACES


@dataclass(frozen=True)
class ScreenKey:
    """One of the app's keys as a user meets it: the keys to press, what it is called, what it does."""

    keys: str
    """As shown: "^s, f5"."""
    description: str
    tooltip: str
    action: str
    node: DOMNode
    """Where the action runs (the screen, a widget, the app)."""


def screen_keys(screen: Screen[Any]) -> list[ScreenKey]:
    """Every key of the app that works on ``screen`` now and has a name, once each, the screen's first.

    A binding with several keys (ctrl+s and f5) is one entry with both keys.
    """
    found: dict[str, ScreenKey] = {}
    order: list[str] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or not is_app_key(binding):
            continue
        ident = binding.id or ""
        shown = screen.app.get_key_display(binding)
        before = found.get(ident)
        if before is None:
            order.append(ident)
            found[ident] = ScreenKey(shown, binding.description, binding.tooltip, binding.action, active.node)
        elif shown not in before.keys.split(", "):
            found[ident] = ScreenKey(
                f"{before.keys}, {shown}", before.description, before.tooltip, before.action, before.node
            )
    return [found[ident] for ident in order]
