"""F1: every key of the current screen and of the app, with what it does, in the session's language."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from workshop.words import word

from .keys import screen_keys
from .localise import localise_bindings

WHAT_AT_LEAST = 20
"""Narrower than this, "what it does" goes under the key's name instead of in a column of its own
(a phone's 44 columns: the third column would be cut mid-word, "Sæt uret på pause, eller det køre vide")."""


class HelpScreen(ModalScreen[None]):
    """The keys, listed from the bindings themselves so the list is never out of date."""

    BINDINGS = [
        Binding("escape,f1,q", "close", "Close", id="help.close", tooltip="Close the help"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]], title: str, language: str) -> None:
        super().__init__()
        self.rows = rows
        self.title_text = title
        self.language = language
        localise_bindings(self, language)

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(self.title_text, classes="section-title", markup=False)
            yield DataTable(cursor_type="row", id="help-keys")

    def on_mount(self) -> None:
        self._fill()

    def on_resize(self) -> None:
        self._fill()

    def _fill(self) -> None:
        """The keys in three columns; a long description wraps onto more lines at the width there is,
        whole words kept, instead of being cut mid-word with the rest only reachable sideways."""
        table = self.query_one("#help-keys", DataTable)
        inside = table.size.width or max(40, int(self.app.size.width * 0.9) - 2)
        key_width = min(18, max([len(word("help_key", self.language))] + [len(k) for k, _, _ in self.rows]))
        action_width = min(24, max([len(word("help_action", self.language))] + [len(a) for _, a, _ in self.rows]))
        what_width = inside - key_width - action_width - 3 * 2 - 2  # cell padding, the scrollbar
        stacked = what_width < WHAT_AT_LEAST
        if stacked:  # a phone's width: the name over what it does, in one column beside the key
            action_width = 0
            what_width = max(12, inside - key_width - 2 * 2 - 2)
        if getattr(self, "_widths", None) == (key_width, action_width, what_width):
            return
        self._widths = (key_width, action_width, what_width)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_column(word("help_key", self.language), width=key_width)
        if stacked:
            table.add_column(word("help_what", self.language), width=what_width)
            for keys, action, what in self.rows:
                text = Text(action, style="bold")
                if what and what != action:
                    text.append("\n" + what, style="not bold")
                table.add_row(Text(keys), text, height=None)
        else:
            table.add_column(word("help_action", self.language), width=action_width)
            table.add_column(word("help_what", self.language), width=what_width)
            for keys, action, what in self.rows:
                table.add_row(keys, action, what, height=None)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def action_close(self) -> None:
        self.dismiss(None)


def binding_rows(screen: Screen[Any]) -> list[tuple[str, str, str]]:
    """(keys, name, what it does) for each of the app's keys that works on ``screen``."""
    return [(key.keys, key.description, key.tooltip) for key in screen_keys(screen)]
