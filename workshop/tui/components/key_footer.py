"""The app's footer: the keys of the screen in one line, F1–F4 always in sight, drawn as one widget.

It looks and behaves like Textual's ``Footer`` (the same colours from the theme, the key groups
such as "xX +1/+5 min", the palette key on the right; a click presses the key, the mouse shows
the key's tooltip), but it is one widget that draws its line itself. Textual's footer is a
container with a widget per key: on the facilitator's screen 22 of the screen's 41 widgets,
each built, styled and laid out at the start and again after every change of the keys. Here a
change of the keys is a new line of text, and the first screen comes sooner (issue 12).

When the keys do not fit the width (80 columns), Textual's footer cuts off the last ones, and
those were F1–F4, the keys that lead everywhere else. This one leaves out the screen's own keys
from the last one back (and ctrl+q) until F1–F4 fit; what is left out is still in F1's list and
in the command palette (ctrl+p).

On a phone's width (under ``NARROW_BELOW`` columns) F1–F4 alone would fill the line, cut at
"f4 Sekr", and leave out the screen's own keys, the way back among them: there Esc (back; a tap
on it is a phone's Esc) and the screen's keys come first, F1–F4 only where there is room, each
key whole or not at all. (The note-taker's phone layout has no footer: a button for each thing
to do, see :mod:`workshop.tui.screens.notes`.)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from ..session_view import PHONE_BELOW

ShownKey = tuple[str, str, str, bool, str]
"""A key as the footer shows it: key, action, description, whether it works now, tooltip."""

ALWAYS_SHOWN = ("f1", "f2", "f3", "f4")
"""The keys the footer never leaves out: help and the three modes."""
LEFT_OUT_FIRST = ("ctrl+q",)
"""Left out before any of the screen's own keys (quitting is in F1 and the palette too)."""
NARROW_BELOW = PHONE_BELOW
"""Fewer columns than this (a phone held upright): the screen's own keys before F1–F4, Esc (back) first."""
BACK_KEY = "escape"
PALETTE_KEY = "ctrl+p"
PALETTE_BORDER = "▏"
"""The thin line left of the palette key (Textual's ``vkey`` border)."""


def shown_keys(screen: Screen[Any]) -> tuple[ShownKey, ...]:
    """What the footer shows for ``screen``: each shown key with its text and whether it works."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


@dataclass(frozen=True)
class FooterKey:
    """One key in the footer: the key, how it is written ("^p", "f1"), whether it works now, its tooltip."""

    key: str
    display: str
    enabled: bool
    tooltip: str


@dataclass(frozen=True)
class FooterUnit:
    """What the footer shows as one: a key with its words, keys that share one label (a group), or the palette key."""

    keys: tuple[FooterKey, ...]
    description: str
    kind: str
    """"key", "group" (keys, then the label), "compact-group" (keys close together) or "palette"."""

    @property
    def rank(self) -> int:
        """Which units give way first when the width is short: F1–F4 never (0), ctrl+q first (3)."""
        keys = {key.key for key in self.keys}
        if keys & set(ALWAYS_SHOWN):
            return 0
        if keys & set(LEFT_OUT_FIRST):
            return 3
        return 2 if self.kind == "palette" else 1

    @property
    def width(self) -> int:
        """The columns this unit takes, its gaps included."""
        return sum(cell_len(text) for text, _, _ in self.parts())

    def parts(self) -> list[tuple[str, str, int | None]]:
        """The unit's pieces as drawn: (text, look, which of its keys or None), one piece a segment.

        The looks: "key", "description", "item" (a key's own background), "gap" (the footer's).
        The pieces and their gaps are those of Textual's footer widgets, so the two look alike.
        """
        if self.kind == "palette":
            key = self.keys[0]
            parts: list[tuple[str, str, int | None]] = [(PALETTE_BORDER, "border", 0), (key.display, "key", 0)]
            if self.description:
                parts.append((f" {self.description}", "description", 0))
            parts.append((" ", "item", 0))
            return parts
        if self.kind == "key":
            key = self.keys[0]
            if not self.description:
                return [(key.display, "key", 0)]
            return [(f" {key.display} ", "key", 0), (f"{self.description} ", "description", 0)]
        parts = []
        if self.kind == "compact-group":
            parts.append((" ", "gap", None))
            parts.extend((key.display, "key", index) for index, key in enumerate(self.keys))
        else:
            for index, key in enumerate(self.keys):
                parts.extend([(" ", "gap", None), (key.display, "key", index), (" ", "gap", None)])
        if self.kind == "compact-group":
            parts.append((" ", "gap", None))
        parts.extend([(self.description, "label", None), (" ", "gap", None)])
        return parts


def footer_units(screen: Screen[Any]) -> list[FooterUnit]:
    """The footer's units for ``screen``, in the order of its keys (as Textual's footer orders them)."""
    app = screen.app
    active = screen.active_bindings
    by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
    for _node, binding, enabled, tooltip in active.values():
        if binding.show:
            by_action[binding.action].append((binding, enabled, tooltip))
    units: list[FooterUnit] = []
    for group, members in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
        listed = list(members)
        if group is not None and len(listed) > 1:
            keys = tuple(
                FooterKey(binding.key, app.get_key_display(binding), enabled, tooltip or binding.description)
                for binding, enabled, tooltip in (bindings[0] for bindings in listed)
            )
            units.append(FooterUnit(keys, group.description, "compact-group" if group.compact else "group"))
            continue
        for bindings in listed:
            binding, enabled, tooltip = bindings[0]
            key = FooterKey(binding.key, app.get_key_display(binding), enabled, tooltip)
            units.append(FooterUnit((key,), binding.description, "key"))
    if app.ENABLE_COMMAND_PALETTE and PALETTE_KEY in active:
        _node, binding, enabled, _tooltip = active[PALETTE_KEY]
        key = FooterKey(binding.key, app.get_key_display(binding), enabled, binding.tooltip or binding.description)
        units.append(FooterUnit((key,), binding.description, "palette"))
    return units


def fit(units: list[FooterUnit], width: int) -> tuple[list[FooterUnit], list[str]]:
    """The units shown in ``width`` columns, and the keys left out for want of room.

    F1–F4 always, then the screen's keys in their order while they fit, then the palette key
    and ctrl+q; whatever does not fit is left out (F1 and ctrl+p list it). On a phone's width
    the screen's keys come first and F1–F4 too are left out when there is no room for them.
    """
    narrow = width < NARROW_BELOW
    room = width
    shown: set[int] = set()
    left_out: list[str] = []

    def order(pair: tuple[int, FooterUnit]) -> float:
        rank = pair[1].rank
        if narrow and any(key.key == BACK_KEY for key in pair[1].keys):
            return -1  # the way back first: a finger taps it where a phone has no Esc
        return 1.5 if narrow and rank == 0 else rank

    for number, unit in sorted(enumerate(units), key=order):  # stable: keys keep their order
        if (unit.rank == 0 and not narrow) or unit.width <= room:
            room -= unit.width
            shown.add(number)
        else:
            left_out.extend(key.key for key in unit.keys)
    return [unit for number, unit in enumerate(units) if number in shown], left_out


class KeyFooter(Widget, can_focus=False):
    """The keys of the screen in one line at the bottom, F1–F4 always among them."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--item",
        "key-footer--hover",
        "key-footer--border",
    }

    left_out: tuple[str, ...] = ()
    """The keys left out to make room for F1–F4 (tests read it)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._keys: tuple[bool, tuple[ShownKey, ...]] | None = None
        """The keys the units were made from: whether the app had focus, and the keys."""
        self._units: list[FooterUnit] = []
        self._spans: list[tuple[int, int, FooterKey]] = []
        """Where each drawn key is on the line: from column, to column, the key (for the mouse)."""
        self._hover: FooterKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """The screen's keys may have changed: draw again, unless the footer already shows exactly these."""
        if screen is self.screen and self._read_keys():
            self.refresh()

    def _read_keys(self) -> bool:
        """Take in the screen's keys; True when they differ from the ones drawn."""
        keys = (self.app.app_focus, shown_keys(self.screen))
        if keys == self._keys:
            return False
        self._keys = keys
        self._units = footer_units(self.screen)
        return True

    @property
    def shown(self) -> list[str]:
        """The keys on the line now, left to right (the palette key last), each wholly inside the footer."""
        width = self.size.width
        return [key.key for start, end, key in self._spans if end <= width]

    def columns_of(self, key: str) -> tuple[int, int] | None:
        """Where ``key`` is drawn: from column, to column (None when it is not shown)."""
        return next(((start, end) for start, end, shown in self._spans if shown.key == key), None)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y != 0 or width <= 0:
            return Strip.blank(width, self.rich_style)
        if self._keys is None:
            self._read_keys()
        units, left_out = fit(self._units, width)
        self.left_out = tuple(left_out)
        palette = [unit for unit in units if unit.kind == "palette"]
        row = [unit for unit in units if unit.kind != "palette"]
        room = width - sum(unit.width for unit in palette)
        segments: list[Segment] = []
        spans: list[tuple[int, int, FooterKey]] = []
        column = 0
        for unit in row:
            column = self._draw(unit, column, segments, spans)
        if column < room:
            segments.append(Segment(" " * (room - column), self._background(self.rich_style)))
            column = room
        for unit in palette:
            column = self._draw(unit, column, segments, spans)
        self._spans = spans
        return Strip(segments).crop_extend(0, width, self.rich_style)

    def _draw(
        self, unit: FooterUnit, column: int, segments: list[Segment], spans: list[tuple[int, int, FooterKey]]
    ) -> int:
        """Add ``unit``'s segments at ``column``; returns the column after it."""
        looks = {name: self.get_component_rich_style(f"key-footer--{name}") for name in ("key", "description")}
        item = self.get_component_rich_style("key-footer--item")
        hover = self.get_component_rich_style("key-footer--hover")
        for text, look, index in unit.parts():
            length = cell_len(text)
            if look == "gap":
                style = self._background(self.rich_style)
            elif index is None:
                style = self.rich_style
            else:
                key = unit.keys[index]
                base = hover if key == self._hover else item
                if not key.enabled:
                    base += Style(dim=True)
                if look == "border":
                    style = self.get_component_rich_style("key-footer--border")
                elif look == "item":
                    style = self._background(base)
                else:
                    style = base + looks[look]
                if not spans or spans[-1][2] is not key:
                    spans.append((column, column + length, key))
                else:
                    spans[-1] = (spans[-1][0], column + length, key)
            segments.append(Segment(text, style))
            column += length
        return column

    @staticmethod
    def _background(style: Style) -> Style:
        """Only the background of ``style``: what Textual paints in a margin or padding (so the pieces look alike)."""
        return Style(bgcolor=style.bgcolor)

    # The mouse: a click presses the key, hovering shows its tooltip --------------------------------
    def _key_at(self, x: int) -> FooterKey | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
