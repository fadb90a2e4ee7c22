"""F1: every key of the current screen and of the app, with what it does, in the session's language."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from workshop.words import word

from .keys import screen_keys
from .localise import localise_bindings


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
            table: DataTable[str] = DataTable(cursor_type="row", id="help-keys")
            table.add_columns(
                word("help_key", self.language), word("help_action", self.language), word("help_what", self.language)
            )
            for row in self.rows:
                table.add_row(*row)
            yield table

    def action_close(self) -> None:
        self.dismiss(None)


def binding_rows(screen: Screen[Any]) -> list[tuple[str, str, str]]:
    """(keys, name, what it does) for each of the app's keys that works on ``screen``."""
    return [(key.keys, key.description, key.tooltip) for key in screen_keys(screen)]
