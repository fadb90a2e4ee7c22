"""Keys that save a note or move between widgets, taken in the order they were typed.

While the app is busy for a moment (drawing, saving, taking in another instance's change), the
terminal collects what the note-taker types and hands it over in one go. Textual sends each of
those keys to the widget that has focus as it arrives, and runs a screen's key binding only
when the key has come back up from that widget, after the widget has already taken the keys
typed behind it. Typed fast, "text ctrl+s more" would then save "textmore" as one note, and
"esc 1" would type a 1 into the note instead of coding it.

A widget with :class:`InOrderKeys` runs its own bindings and the screen's bindings it is given
the moment their key comes up among the others, and hands a key that reaches it after focus
has moved on to the widget that has focus now. (Textual's open issue #6605 describes the same
for backspace and the arrows in Input and TextArea; its pull request #6631 runs a widget's own
bindings inline in the same way.)

The key handler is the public ``on_key``: Textual calls the key handler of every class along a
widget's MRO in turn, so the mixin's runs before the widget's own (``TextArea``, ``Input``) and
``prevent_default`` keeps the widget's from running. The two internals it needs, a widget's own
bindings for a key and handing an event on to another widget, come from
:mod:`workshop.tui.textual_compat`; ``tests/test_key_bursts.py`` fails if they change meaning.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from workshop.tui.textual_compat import bindings_for_key, forward_event


def binding_action(screen: Screen[Any], key: str, ids: Iterable[str]) -> str | None:
    """The action of the screen's binding for ``key`` among the bindings ``ids``, if there is one."""
    wanted = set(ids)
    for binding in type(screen).BINDINGS:
        if not isinstance(binding, Binding) or binding.id not in wanted:
            continue
        if key in (part.strip() for part in binding.key.split(",")):
            return binding.action
    return None


class KeyedWidget(Protocol):
    """What :class:`InOrderKeys` needs of the widget it is mixed into (any Textual widget has it)."""

    in_order: frozenset[str]

    @property
    def ancestors_with_self(self) -> list[DOMNode]: ...

    @property
    def screen(self) -> Screen[Any]: ...


class InOrderKeys:
    """Mix into a focusable Textual widget (before the widget's class).

    ``in_order`` names, by id, the screen's bindings this widget runs in typing order. The
    screen's actions for them must move focus with ``screen.set_focus`` (at once), not with
    ``widget.focus()`` (which waits for the app's queue).
    """

    in_order: frozenset[str] = frozenset()

    async def on_key(self: KeyedWidget, event: events.Key) -> None:
        """Run this widget's keys, and the screen's ``in_order`` keys, in the order they were typed."""
        widget, *_, app = self.ancestors_with_self
        # The app this widget is mounted in (``self.app`` names the active app of the task, which
        # is not always this one when a test drives two apps).
        if not isinstance(app, App):
            return
        focused = app.focused
        if focused is not None and focused is not widget:
            # An earlier key of the same burst moved focus on: this key belongs there.
            event.stop()
            event.prevent_default()
            forward_event(focused, events.Key(event.key, event.character))
            return
        # The widget's own keys (a digit that codes a note, backspace, the arrows) ...
        for binding in bindings_for_key(widget, event.key):
            if not binding.priority and await app.run_action(binding.action, widget):
                event.stop()
                event.prevent_default()
                return
        # ... and the screen's keys that save or move focus, each in its turn.
        if self.in_order:
            screen = self.screen
            action = binding_action(screen, event.key, self.in_order)
            if action is not None:
                event.stop()
                event.prevent_default()
                await app.run_action(action, screen)
