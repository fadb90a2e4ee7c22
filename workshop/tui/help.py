"""F1: every key of the current screen and of the app, with what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    """The keys, listed from the bindings themselves so the list is never out of date."""

    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "Close", id="help.close", tooltip="Close the help"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]], title: str) -> None:
        super().__init__()
        self.rows = rows
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(self.title_text, classes="section-title")
            table: DataTable = DataTable(cursor_type="row", id="help-keys")
            table.add_columns("Key", "Action", "What it does")
            for row in self.rows:
                table.add_row(*row)
            yield table

    def action_dismiss(self) -> None:
        self.dismiss(None)


def binding_rows(screen) -> list[tuple[str, str, str]]:
    """(key, description, tooltip) for each binding active on ``screen``, app bindings included."""
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        ident = binding.id or f"{binding.action}:{key}"
        if ident in seen or not binding.description:
            continue
        seen.add(ident)
        display = screen.app.get_key_display(binding)
        rows.append((display, binding.description, binding.tooltip))
    return rows
