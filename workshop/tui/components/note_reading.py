"""Notes read in full: one note with everything about it, and a dialog of several (the notes behind a count).

A table row holds a note on one line, cut to the column; here a note reads to its end.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workshop.model.session import Note, Session
from workshop.scheduling.timetable import clock
from workshop.words import word

from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import SessionView
from .note_table import categories_cell


def note_in_full(note: Note, session: Session) -> Text:
    """A note as a reader wants it: where and when, by whom, its categories, and all of its text."""
    language = session.workshop.language
    numbers = {s.id: n for n, s in enumerate(session.stations, start=1)}
    group = session.group(note.group)
    facts = [
        f"{word('station', language)} {numbers.get(note.station, note.station)}",
        f"{word('round', language)} {note.round}",
        group.name if group else word("no_group", language),
        note.author,
        clock(note.created, language),
    ]
    text = Text(" · ".join(facts), style="dim")
    text.append("  ")
    text.append_text(categories_cell(note, session, language))
    text.append("\n")
    text.append(note.text)
    return text


class NoteListDialog(SessionView, ModalScreen[None]):
    """Notes read in full, one after the other (the notes behind a count of the matrix); Esc closes.

    It shows the notes as they are now: one edited, recoded or deleted meanwhile shows so here too.
    """

    DEFAULT_CLASSES = "dialog"
    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "close", "Close", id="dialog.close", tooltip="Back to the matrix")]

    def __init__(self, title: str, note_ids: Sequence[str]) -> None:
        super().__init__()
        self.title_text = title
        self.note_ids = list(note_ids)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield VerticalScroll(id="note-list")
            yield Static(word("note_list_hint", self.language), classes="dialog-hint")

    def on_mount(self) -> None:
        localise_bindings(self, self.language)
        self.show_notes()
        self.query_one(VerticalScroll).focus()

    def on_session_changed(self, message: SessionChanged) -> None:
        self.show_notes()

    def show_notes(self) -> None:
        session = self.session
        notes = [note for ident in self.note_ids if (note := self.store.note(ident)) is not None]
        listing = self.query_one("#note-list", VerticalScroll)
        listing.remove_children()
        if notes:
            listing.mount_all(Static(note_in_full(note, session), classes="note-in-full") for note in notes)
        else:
            listing.mount(Static(word("no_notes_here", self.language), classes="dialog-hint"))

    def action_close(self) -> None:
        self.dismiss(None)
