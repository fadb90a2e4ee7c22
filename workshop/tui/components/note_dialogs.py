"""The app's small dialogs: edit a note, type a value, pick one of a few (the app's one choice dialog), mark notes.

Each is a modal screen that returns its answer through ``dismiss`` (None when cancelled with
escape). They know nothing about the store: the caller does the change. They speak the
session's language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from workshop.words import word

from ..localise import localise_bindings
from ..session_view import workshop_app


def _language(screen: ModalScreen[Any]) -> str:
    return workshop_app(screen).language


class NoteEditor(ModalScreen[str | None]):
    """Edit a note's text (several lines); ctrl+s saves, escape cancels."""

    DEFAULT_CLASSES = "dialog"
    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("ctrl+s,f5", "save", "Save", id="dialog.save", tooltip="Save the note"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, text: str, title: str) -> None:
        super().__init__()
        self.text = text
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield TextArea(self.text, id="note-editor-text", soft_wrap=True)
            yield Static(word("editor_hint", _language(self)), classes="dialog-hint")

    def on_mount(self) -> None:
        localise_bindings(self, _language(self))
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextDialog(ModalScreen[str | None]):
    """Type one value. ``submit`` does the change and returns a problem to show, or None."""

    DEFAULT_CLASSES = "dialog"
    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without changing anything")]

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        hint: str = "",
        submit: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Input(self.value, id="dialog-input")
            yield Static(self.hint, classes="dialog-hint", markup=False)
            yield Static("", id="dialog-error", classes="dialog-error")

    def on_mount(self) -> None:
        localise_bindings(self, _language(self))
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value
        if self.submit is not None:
            problem = self.submit(value)
            if problem:
                self.query_one("#dialog-error", Static).update(Text(problem))
                return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of a few (a station, a category, the group to move a person to) with the arrows and enter.

    ``choices`` are (value, what is shown) pairs; the dialog returns the value chosen, or None
    when escape closes it. ``current`` is highlighted first.
    """

    DEFAULT_CLASSES = "dialog"
    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without choosing")]

    NONE = "__none__"
    """A value meaning "none of these" (a person without a group), for a choice that offers it."""

    def __init__(self, title: str, choices: Sequence[tuple[str, str | Text]], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(
                *[Option(text, id=ident) for ident, text in self.choices], id="dialog-choices", markup=False
            )

    def on_mount(self) -> None:
        localise_bindings(self, _language(self))
        options = self.query_one(OptionList)
        ids = [ident for ident, _ in self.choices]
        if self.current in ids:
            options.highlighted = ids.index(self.current)
        elif ids:
            options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NotePicker(ModalScreen[list[str] | None]):
    """Mark some notes (space), then enter: the ids of the marked notes."""

    DEFAULT_CLASSES = "dialog"
    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("space", "mark", "Mark", id="dialog.mark", tooltip="Mark or unmark the note"),
        Binding("enter", "done", "Go on", id="dialog.done", tooltip="Go on with the marked notes"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without changing anything"),
    ]

    def __init__(self, title: str, notes: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.notes = list(notes)
        self.marked: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            table: DataTable[str | Text] = DataTable(cursor_type="row", id="picker-notes")
            table.add_column(" ", width=1, key="mark")
            table.add_column(word("note", _language(self)), key="text")
            for ident, text in self.notes:
                table.add_row(" ", Text(text, no_wrap=True, overflow="ellipsis"), key=ident)
            yield table

    def on_mount(self) -> None:
        localise_bindings(self, _language(self))
        self.query_one(DataTable).focus()

    def action_mark(self) -> None:
        table = self.query_one(DataTable)
        if not self.notes:
            return
        ident = self.notes[table.cursor_row][0]
        if ident in self.marked:
            self.marked.discard(ident)
            table.update_cell(ident, "mark", " ")
        else:
            self.marked.add(ident)
            table.update_cell(ident, "mark", Text("✓", style="bold"))
        if table.cursor_row < len(self.notes) - 1:
            table.move_cursor(row=table.cursor_row + 1, animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_done()

    def action_done(self) -> None:
        self.dismiss([ident for ident, _ in self.notes if ident in self.marked])

    def action_cancel(self) -> None:
        self.dismiss(None)
