"""The note-taker's screen by touch: the layout by size, the phone's tabs, the big buttons, editing in the note field.

A phone or a tablet through ``workshop serve`` needs no key: below :data:`NARROW_BELOW` columns the
screen shows one part at a time under a tab bar ("Skriv | Noter | Kategorier | ≡"); from
:data:`TOUCH_FROM_ROWS` rows the buttons show under each part beside the keys. An edit happens in the
note field, where a phone's keyboard already is; the new note being written is set aside meanwhile
and comes back after it. :class:`~workshop.tui.screens.notes.NotesScreen` is built on this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widgets import DataTable, Static, TextArea

from workshop.notes.capture import Place, clean_text
from workshop.words import word

from ..components.draft_keeper import DraftKeeper
from ..components.note_table import NoteTable, one_line
from ..components.touch_bar import TABS, CategoryButtons, TabBar, TouchButton
from ..session_view import PHONE_BELOW, SessionView

NARROW_BELOW = PHONE_BELOW
"""Fewer columns than this (a phone held upright, some 40-45): one part at a time, under a tab bar."""
TOUCH_FROM_ROWS = 32
"""From this many rows (a tablet, a tall window) the touch buttons show beside the keys."""


class ByTouch(SessionView, Screen[None]):
    """The touch half of the note-taker's screen; the screen itself gives the state and actions below."""

    tab: str
    """The part a phone shows: "write", "notes", "codes" or "more" (a wider screen shows them all)."""
    editing: str | None
    """The note being edited in the note field, or None while a new note is written."""
    set_aside: str
    """The new note that was being written when an edit began."""
    tab_before_edit: str
    note_text: str
    chosen_round: int | None
    keeper: DraftKeeper

    if TYPE_CHECKING:  # given by NotesScreen

        def place(self) -> Place | None: ...
        def redraw(self) -> None: ...
        def drawn_for_now(self) -> bool: ...
        def action_save(self) -> None: ...
        def action_write(self) -> None: ...
        def action_to_notes(self) -> None: ...
        def action_round(self) -> None: ...
        def action_station(self) -> None: ...
        def action_review(self) -> None: ...
        def action_codebook(self) -> None: ...
        def action_unfold(self) -> None: ...

    # By touch: the layout by size, the tabs, the buttons ------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        """A new size: the layout by size (phone, tablet, keys first), and the top folded or not to fit."""
        self.fit_to(event.size.width, event.size.height)
        if not self.drawn_for_now():  # a browser sends its size more than once as it connects
            self.redraw()

    def fit_to(self, width: int, height: int) -> None:
        """Media rules by size: a phone's layout below NARROW_BELOW columns, a tablet's from TOUCH_FROM_ROWS rows."""
        narrow = width < NARROW_BELOW
        self.set_classes_at_once({"-narrow": narrow, "-touch": narrow or height >= TOUCH_FROM_ROWS})
        self.title_field()

    def set_classes_at_once(self, wanted: dict[str, bool]) -> None:
        """Set the screen's classes, then style its parts once (one class at a time styles them all each time)."""
        changed = [name for name, on in wanted.items() if self.has_class(name) != on]
        for name in changed:
            self.set_class(wanted[name], name, update=False)
        if changed:
            self.update_node_styles(animate=False)

    def title_field(self) -> None:
        """The note field's title: "Ny note · ctrl+s"; on a phone, with no ctrl key, "Ny note" ("Gem" is under it)."""
        if self.editing is not None:
            return
        title = word("new_note", self.language)
        found = self.query("#note-text").results(TextArea)
        area = next(found, None)
        if area is None:  # a resize before the screen's parts are there
            return
        wanted = title if self.has_class("-narrow") else f"{title} · ctrl+s"
        if area.border_title != wanted:  # a resize that changes nothing redraws nothing
            area.border_title = wanted

    def show_tab(self, tab: str) -> None:
        """Show one of the phone's tabs (a wider screen shows every part; the tab still counts there)."""
        self.tab = tab
        self.set_classes_at_once({f"-tab-{name}": name == tab for name in TABS})
        self.query_one(TabBar).show(tab)

    def on_tab_bar_chosen(self, message: TabBar.Chosen) -> None:
        if message.tab == "write":
            self.action_write()
        elif message.tab == "notes":
            self.action_to_notes()
        elif message.tab == "more":
            self.show_tab("more")
        else:
            self.show_tab("codes")
            self.set_focus(self.query_one(NoteTable))  # the selected note's keys (1-9, e) work from here too

    def on_button_pressed(self, event: TouchButton.Pressed) -> None:
        pressed = {
            "touch-save": self.action_save,
            "touch-cancel": self.cancel_edit,
            "touch-round": self.action_round,
            "touch-previous": lambda: self.step(-1),
            "touch-next": lambda: self.step(1),
            "touch-edit": self.start_edit,
            "touch-station": self.action_station,
            "touch-review": self.action_review,
            "touch-codebook": self.action_codebook,
            "touch-unfold": self.action_unfold,
        }.get(event.button.id or "")
        if pressed is not None:
            event.stop()
            pressed()

    def step(self, by: int) -> None:
        """The note above or below the selected one (a finger's ↑ and ↓)."""
        table = self.query_one(NoteTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + by)), animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "station-notes":
            self.show_selected()

    def show_selected(self) -> None:
        """The selected note's categories on the buttons, and (on a phone's Kategorier tab) its text."""
        note = self.query_one(NoteTable).selected_note()
        self.query_one(CategoryButtons).show(self.session, note)
        text = Text(one_line(note.text)) if note is not None else Text(word("touch_no_note", self.language))
        self.query_one("#touch-selected", Static).update(text)
        self.query_one("#touch-edit", TouchButton).disabled = note is None

    def show_round(self) -> None:
        where = self.place()
        language = self.language
        if where is None or where.round is None:
            label = word("touch_round_none", language)
        elif self.chosen_round is None:  # following the facilitator (the top says how)
            label = word("touch_round_live", language, round=where.round)
        else:
            label = word("touch_round_chosen", language, round=where.round)
        self.query_one("#touch-round", TouchButton).label = label

    def on_category_buttons_toggled(self, message: CategoryButtons.Toggled) -> None:
        """A category's button: on the selected note, or off it again when the note has it."""
        table = self.query_one(NoteTable)
        note = table.selected_note()
        category = self.session.category(message.category_id)
        if note is None or category is None:
            self.notify(word("no_note_selected", self.language), severity="warning", markup=False)
            return
        store = self.store
        if self.workshop_app.attempt(lambda: store.toggle_category(note.id, category.id)) is None:
            return
        table.last_category = category.id  # "." repeats it, as after a digit
        self.redraw()  # the button's ✓ says it; no message over the buttons a finger taps next

    # Editing by touch: in the note field, where the keyboard of a phone already is ------------------
    def start_edit(self) -> None:
        note = self.query_one(NoteTable).selected_note()
        if note is None:
            self.notify(word("no_note_selected", self.language), severity="warning", markup=False)
            return
        area = self.query_one("#note-text", TextArea)
        if self.editing is None:
            self.keeper.keep_now()
            self.set_aside = area.text
            self.tab_before_edit = self.tab if self.tab != "write" else "notes"
        self.editing = note.id
        self.add_class("-editing")
        area.load_text(note.text)
        area.move_cursor(area.document.end)
        area.border_title = word("edit_note", self.language)
        self.action_write()

    def save_edit(self) -> None:
        note_id = self.editing
        area = self.query_one("#note-text", TextArea)
        text = clean_text(area.text)
        if note_id is None:
            return
        if not text:
            self.notify(word("empty_note", self.language), severity="warning", markup=False)
            return
        store = self.store
        if self.workshop_app.attempt(lambda: store.edit_note(note_id, text=text)) is None:
            return
        self.notify(word("touch_edited", self.language), markup=False)
        self.cancel_edit()
        self.redraw()
        self.query_one(NoteTable).select_note(note_id)

    def cancel_edit(self) -> None:
        """Leave the edit: the new note that was being written comes back into the field."""
        if self.editing is None:
            return
        self.editing = None
        self.remove_class("-editing")
        area = self.query_one("#note-text", TextArea)
        area.load_text(self.set_aside)
        area.move_cursor(area.document.end)
        self.title_field()
        self.note_text = self.set_aside
        tab = self.tab_before_edit
        if tab == "write":
            self.action_write()
        else:
            self.show_tab(tab)
            self.set_focus(self.query_one(NoteTable))
