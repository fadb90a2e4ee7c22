"""The note-taker by touch: big buttons for a phone or a tablet (through ``workshop serve``).

A finger cannot press Esc, ctrl+s or a digit, and a one-row target is too small for it. These
are Textual's own Buttons, three rows high: the tab bar of a phone ("Skriv | Noter |
Kategorier | ≡"), and the categories as buttons that put a category on the selected note, or take
it off again. They never take the keyboard's focus (a tap presses them all the same), so the
keys of the screen go on working as before: tab still moves between the note field and the notes.

The screen decides which of them show (classes set by size, see :mod:`workshop.tui.screens.notes`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button
from textual.widgets.button import ButtonVariant

from workshop.model.session import Note, Session
from workshop.words import word

from ..textual_compat import button_classes

TABS = ("write", "notes", "codes", "more")
"""The phone's tabs: writing, the notes, the categories of the selected note, and "≡" (the station,
all notes, the codebook, the whole draft: what the keys ctrl+g, ctrl+f, ctrl+b and ctrl+o do)."""


class TouchButton(Button, can_focus=False):
    """A Button for a finger: pressed by a tap, never in the way of the keyboard's focus."""

    def __init__(
        self, label: str | None = None, variant: ButtonVariant = "default", *, classes: str | None = None, **kwargs: Any
    ) -> None:
        # With the classes Textual's Button would add as it is mounted: each button is styled once, not twice.
        super().__init__(label, variant, classes=button_classes(variant, classes), **kwargs)


class TabBar(Horizontal):
    """ "Skriv | Noter | Kategorier": which part of the note-taker a phone shows."""

    class Chosen(Message):
        """A tab was tapped."""

        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self, language: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.language = language

    def compose(self) -> ComposeResult:
        for tab in TABS:
            yield TouchButton(
                word(f"touch_tab_{tab}", self.language), id=f"tab-{tab}", classes=f"touch-tab touch-tab-{tab}"
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("tab-"):
            self.post_message(self.Chosen(event.button.id[len("tab-") :]))

    def show(self, tab: str) -> None:
        """Mark ``tab`` as the one shown."""
        for button in self.query(TouchButton):
            button.set_class(button.id == f"tab-{tab}", "-current")


class CategoryButton(TouchButton):
    """One category: a tap puts it on the selected note, or takes it off when the note has it."""

    def __init__(self, category_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.category_id = category_id


class CategoryButtons(VerticalScroll, can_focus=False):
    """The session's categories as buttons; the ones on the selected note are marked (✓, coloured)."""

    class Toggled(Message):
        """A category's button was tapped."""

        def __init__(self, category_id: str) -> None:
            super().__init__()
            self.category_id = category_id

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._signature: tuple[tuple[str, str, int | None], ...] | None = None
        self._on: frozenset[str] = frozenset()
        self._names: dict[str, str] = {}

    def show(self, session: Session, note: Note | None) -> None:
        """Buttons for the session's categories, those on ``note`` marked; only what changed is redrawn."""
        categories = sorted(session.categories, key=lambda c: (c.key is None, c.key or 0, c.name.casefold()))
        signature = tuple((c.id, c.name, c.key) for c in categories)
        on = frozenset(note.categories) if note is not None else frozenset()
        if signature != self._signature:
            self._signature = signature
            self._names = {c.id: (f"{c.key} {c.name}" if c.key is not None else c.name) for c in categories}
            self.remove_children()
            self.mount_all(self._buttons(categories, on))
        else:
            for button in self.query(CategoryButton):
                self._mark(button, button.category_id in on)
        self._on = on
        self.disabled = note is None

    def _buttons(self, categories: Iterable[Any], on: frozenset[str]) -> list[CategoryButton]:
        buttons = []
        for category in categories:
            button = CategoryButton(category.id, classes="touch-category")
            self._mark(button, category.id in on)
            buttons.append(button)
        return buttons

    def _mark(self, button: CategoryButton, on: bool) -> None:
        name = self._names.get(button.category_id, button.category_id)
        button.label = Text(f"✓ {name}" if on else name)  # names as written, never markup
        button.set_class(on, "-on")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if isinstance(event.button, CategoryButton):
            self.post_message(self.Toggled(event.button.category_id))

    def labels(self) -> list[str]:
        """The buttons' labels as shown, in order (tests read them)."""
        return [str(button.label) for button in self.query(CategoryButton)]
