"""The note-taker's screen: write notes at a station and code them at typing speed.

Top: the station's theme, host and questions, the round now and the group there (following the
facilitator's live state, or a round chosen with ctrl+r). Middle: the note field; ctrl+s saves
the note (on disk at once, attributed to station, round, group, author and time). Below: the
station's notes; esc moves there, and the digits 1-9, "." and "c" code the selected note
(see :mod:`workshop.tui.components.note_table`). n (or tab) goes back to writing.

By touch (a phone or a tablet through ``workshop serve``), nothing needs a key: big buttons save
("Gem"), choose the round, step through the notes, edit one (in the note field, "Gem" keeps the
change) and put a category on the selected note or take it off (a tap on its button). The layout
follows the size, as a web page's media rules would (Textual has none: the screen switches
classes when it is resized): below NARROW_BELOW columns a phone's, with a tab bar
"Skriv | Noter | Kategorier | ≡" showing one part at a time ("≡": change station, all notes, the
codebook, the whole draft; a phone has no footer, every key has its button); from TOUCH_FROM_ROWS rows a tablet's,
everything at once with the buttons under each part; a short terminal (80x24) stays as it was,
keys first, the notes given the room.

When the secretariat has written a draft recommendation for the station, it stands under the
top, folded to a few lines; ctrl+o unfolds it (every section in full) and folds it again. "a" on
a note links it to the section of the draft it qualifies ("Indsatser"), chosen in a list.

On a short screen (80x24) the notes come first: when the whole top would leave fewer than
``NOTE_ROWS_FIRST`` note rows, it folds to one line per item (the station, the round with its
group, the questions, the drafts' titles) and ctrl+o unfolds all of it.
"""

from __future__ import annotations

import contextlib
from typing import Any, NamedTuple

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widgets import Static, TextArea

from workshop.model.recommendations import Recommendation
from workshop.model.session import Category, Note
from workshop.notes import recommendations as recs
from workshop.notes.capture import (
    Place,
    clean_text,
    next_round_choice,
    place,
    round_count,
)
from workshop.notes.review import station_notes
from workshop.storage.authors import unnamed_author
from workshop.words import word
from workshop.words.phrases import station_title

from ..components.author_prompt import ask_who_writes
from ..components.capture_header import CaptureHeader, describe_place
from ..components.category_keys import CategoryKeys
from ..components.draft_keeper import DraftKeeper
from ..components.draft_recommendation import DraftRecommendation, draft_text
from ..components.in_order_keys import InOrderKeys
from ..components.key_footer import KeyFooter
from ..components.note_table import NoteTable
from ..components.steady_text_area import SteadyThemeTextArea
from ..components.touch_bar import TABS, CategoryButtons, TabBar, TouchButton
from ..localise import localise_bindings
from ..messages import SessionChanged
from .notes_by_touch import ByTouch

CAPTURE_COLUMNS = ("time", "round", "text", "categories")
"""The group of a note follows from its round at this station, and the top shows it."""


NOTE_ROWS_FIRST = 8
"""The top (station, names, questions, draft) folds to one line per item when in full it would leave
fewer note rows than this: on a short screen the notes come first. ctrl+o unfolds it."""

ROWS_BELOW_TOP = 9
"""The rows under the top that are not notes: the note field (6), the table's heading, the category keys, the footer."""


CODE_FROM_FIELD = [f"capture.code.{k}" for k in range(1, 10)]
"""alt+1-9 in the note field: to the notes, and code the selected one (Esc and a digit, however fast)."""


class NoteField(InOrderKeys, SteadyThemeTextArea):
    """The note field: saving and leaving for the notes happen in the order the keys were typed."""

    in_order = frozenset({"capture.save", "capture.to_notes", *CODE_FROM_FIELD})


class Shown(NamedTuple):
    """What of the session the notes screen shows (equal: nothing to redraw)."""

    language: str
    place: Place | None
    drafts: tuple[tuple[int, Recommendation], ...]
    notes: tuple[Note, ...]
    categories: tuple[Category, ...]


KEYS: list[BindingType] = [
    Binding(
        "ctrl+s,f5",
        "save",
        "Save",
        id="capture.save",
        tooltip="Save the note: it is on disk at once, with station, round, group, author and time",
    ),
    Binding(
        "escape",
        "to_notes",
        "To notes",
        key_display="esc",
        id="capture.to_notes",
        tooltip="Move from the note field to the notes, to code them with 1-9",
    ),
    Binding(
        "n,i",
        "write",
        "Write",
        key_display="n",
        id="capture.write",
        tooltip="Move to the note field to write a new note",
    ),
    Binding(
        "ctrl+r",
        "round",
        "Round",
        id="capture.round",
        tooltip="Choose the round by hand (press again for the next; after the last, follow the facilitator)",
    ),
    Binding(
        "ctrl+t,ctrl+g",
        "station",
        "Station",
        id="capture.station",
        tooltip="Take notes at another station (ctrl+g in a browser, which keeps ctrl+t for itself)",
    ),
    Binding(
        "ctrl+b",
        "codebook",
        "Codebook",
        id="capture.codebook",
        tooltip="The codebook: rename, recolour, describe, re-key, merge, split and delete categories",
    ),
    Binding(
        "ctrl+f",
        "review",
        "Review",
        id="capture.review",
        tooltip="All notes: filter, search, group by station or category, count",
    ),
    Binding(
        "ctrl+o",
        "unfold",
        "Unfold",
        id="capture.unfold",
        tooltip="Unfold the top (every name, the questions, the draft recommendation in full), or fold it again",
    ),
    Binding(
        "a",
        "link",
        "Link to draft",
        show=False,
        id="capture.link",
        tooltip="Link the selected note to the section of the draft recommendation it qualifies",
    ),
    # Esc then a digit, typed fast, reaches the app as alt+digit: it codes, as Esc and the digit would.
    *[
        Binding(
            f"alt+{k}",
            f"code_now({k})",
            "",
            show=False,
            id=f"capture.code.{k}",
            tooltip=f"To the notes, and toggle the category holding key {k} on the selected note",
        )
        for k in range(1, 10)
    ],
]
"""The notes screen's keys (its ``BINDINGS``)."""


class NotesScreen(ByTouch):
    """Capture and code the notes of one station."""

    CSS_PATH = "notes.tcss"

    BINDINGS = KEYS

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.chosen_round: int | None = None
        """A round the note-taker chose with ctrl+r; None follows the facilitator."""
        self.keeper = DraftKeeper(self, lambda: self.store, self._typed_note)
        """Keeps the note being written as this device's draft (nothing typed is lost)."""
        self.note_text = ""
        """The note field's text as last seen (still known while the screen closes and its field is gone)."""
        self.tab = "write"
        """The part a phone shows: "write", "notes" or "codes" (a wider screen shows all three)."""
        self.editing: str | None = None
        """The note being edited in the note field (by touch), or None while a new note is written."""
        self.set_aside = ""
        """The new note that was being written when an edit began; it comes back after the edit."""
        self.tab_before_edit = "notes"
        self.top_open = False
        """True while the note-taker has unfolded a folded top with ctrl+o."""
        self.drawn_from: Shown | None = None
        """What of the session the last redraw showed (see :meth:`shown_from`)."""
        self.drawn_at: tuple[Size, Size] | None = None
        """The sizes the last redraw drew for (see :meth:`sizes`)."""

    @property
    def station(self) -> str | None:
        """The station the note-taker is at (``app.station``), if it exists."""
        station = self.workshop_app.station
        return station if station and self.session.station(station) else None

    def compose(self) -> ComposeResult:
        language = self.language
        # The classes by size and tab before the parts: each part is styled once, as it is mounted.
        self.fit_to(self.app.size.width, self.app.size.height)
        self.set_classes_at_once({f"-tab-{name}": name == self.tab for name in TABS})
        # Each part carries the class of the phone's tab it belongs to (pane-write, ...): notes.tcss
        # shows one tab's parts on a phone, all of them on a wider screen.
        yield TabBar(language, id="touch-tabs")
        yield CaptureHeader(id="capture-place", classes="pane-write")
        yield DraftRecommendation(id="capture-draft", classes="pane-write")
        yield NoteField(id="note-text", soft_wrap=True, tab_behavior="focus", classes="pane-write")
        with Horizontal(id="write-buttons", classes="touch-row pane-write"):
            yield TouchButton(word("touch_save", language), id="touch-save", variant="primary")
            yield TouchButton(word("touch_cancel_edit", language), id="touch-cancel")
            yield TouchButton(word("touch_round_none", language), id="touch-round")
        # From the notes, every key of this screen takes effect in typing order (n, then the
        # letters of the next note; a digit, then ctrl+r).
        all_keys = [binding.id for binding in self.BINDINGS if isinstance(binding, Binding) and binding.id]
        yield NoteTable(CAPTURE_COLUMNS, in_order=all_keys, id="station-notes", classes="pane-notes")
        yield Static(id="touch-selected", classes="pane-codes", markup=False)
        yield CategoryButtons(id="touch-categories", classes="pane-codes")
        with Horizontal(id="note-buttons", classes="touch-row pane-notes pane-codes"):  # at the bottom, for a thumb
            yield TouchButton(word("touch_previous", language), id="touch-previous")
            yield TouchButton(word("touch_next", language), id="touch-next")
            yield TouchButton(word("touch_edit", language), id="touch-edit")
        with Vertical(id="touch-more", classes="touch-menu pane-more"):  # the keys ctrl+g, ctrl+f, ctrl+b, ctrl+o
            yield TouchButton(word("touch_station", language), id="touch-station")
            yield TouchButton(word("touch_review", language), id="touch-review")
            yield TouchButton(word("touch_codebook", language), id="touch-codebook")
            yield TouchButton(word("touch_unfold", language), id="touch-unfold")
        yield CategoryKeys(id="category-keys", classes="pane-notes")
        yield KeyFooter()

    def on_mount(self) -> None:
        localise_bindings(self, self.language)
        area = self.query_one("#note-text", TextArea)
        self.fit_to(self.app.size.width, self.app.size.height)
        self.show_tab(self.tab)
        self.redraw()
        area.focus()
        self.offer_draft()
        if self.station is None:
            self.call_after_refresh(self.action_station)
        else:
            self.call_after_refresh(self.ask_author)

    def ask_author(self) -> None:
        """Without ``--author``: the name on this device's notes, asked once and remembered for this device."""
        path, station, language = self.store.path, self.station, self.language

        def unnamed() -> str:  # not now: a name that tells this device apart (never the login)
            found = self.session.station_number(station)
            number = str(found) if found is not None else None
            try:
                return unnamed_author(path, self.workshop_app.device, number, language)
            except OSError:
                return word("unnamed_notes", language)

        ask_who_writes(
            self,
            who="who_writes",
            hint="who_writes_hint",
            signed="signed_as",
            unnamed=unnamed,
            named=lambda: self.set_focus(self.query_one("#note-text", TextArea)),
        )

    def on_session_changed(self, message: SessionChanged) -> None:
        # A room of note-takers saves several notes a second; a note at another station changes
        # nothing here, and redrawing every part of this screen for it costs every app in the room.
        if not self.drawn_for_now():
            self.redraw()

    def drawn_for_now(self) -> bool:
        """Does the screen show the session as it is now, at the sizes it has now (nothing to redraw)?"""
        return self.drawn_at == self.sizes() and self.drawn_from == self.shown_from()

    def sizes(self) -> tuple[Size, Size]:
        """The screen's size, and the draft panel's (its lines are cut to its width, known once it is laid out)."""
        return self.app.size, self.query_one(DraftRecommendation).size

    def shown_from(self) -> Shown:
        """Everything of the session this screen shows: the place, the station's drafts, its notes, the categories.

        The store puts a changed note or section in as a new object, so comparing these is cheap.
        """
        session, station = self.session, self.station
        notes = tuple(station_notes(session, station)) if station else ()
        drafts = tuple(recs.for_station(session, station)) if station else ()
        return Shown(self.language, self.place(), drafts, notes, tuple(session.categories))

    # What is typed and not saved: this device's draft ----------------------------------------------
    def _typed_note(self) -> tuple[str, str, str] | None:
        station = self.station
        if station is None:
            return None
        return f"note:{station}", self.note_text, ""

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "note-text" and self.editing is None:  # an edit is not the new note's draft
            self.note_text = event.text_area.text
            self.keeper.typed()

    def read_field(self) -> None:
        """The note field's text now, not only as its last Changed message said (a tab closed right after a key)."""
        if self.editing is None:  # an edit under way is not the new note
            for area in self.query("#note-text").results(TextArea):
                self.note_text = area.text

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "note-text":
            self.read_field()
            self.keeper.keep_now()

    def on_screen_suspend(self) -> None:
        self.read_field()
        self.keeper.keep_now()

    def on_unmount(self) -> None:
        with contextlib.suppress(Exception):  # closing down (a closed tab, a stopped server): keep what is typed
            self.read_field()
            self.keeper.keep_now()

    def offer_draft(self) -> None:
        """Back at a station with an empty note field: the note this device was writing there comes back."""
        station = self.station
        area = self.query_one("#note-text", TextArea)
        if station is None or area.text.strip():
            return
        kept = self.store.draft(f"note:{station}")
        if kept is None:
            return
        area.load_text(kept.text)
        area.move_cursor(area.document.end)
        self.note_text = kept.text
        self.keeper.kept = (kept.place, kept.text)
        self.notify(word("draft_back_note", self.language), timeout=10, markup=False)

    def on_leaving(self) -> list[str]:
        """ctrl+q: a note being written is kept as this device's draft; said in words."""
        self.read_field()
        station = self.station
        if station is None or not self.note_text.strip():
            return []
        number = self.session.station_number(station) or 0
        if self.keeper.keep_now():
            return [word("quit_note_kept", self.language, station=number)]
        return [word("quit_note_not_kept", self.language, station=number)]

    def on_note_table_category_used(self, message: NoteTable.CategoryUsed) -> None:
        self.query_one(CategoryKeys).show(self.session, message.category_id)

    def place(self) -> Place | None:
        station = self.station
        return None if station is None else place(self.session, station, self.chosen_round)

    def top_folded(self, where: Place | None, drafts: list[tuple[int, Any]]) -> bool:
        """Whether the top folds to one line per item: in full it would leave too few note rows."""
        if self.top_open or where is None:
            return False
        width, height = self.app.size
        inner = max(width - 2, 10)
        lines = len(describe_place(where, self.language).wrap(self.app.console, inner))
        if drafts:
            text = draft_text(drafts, self.language, width - 4, unfolded=False, touch=self.has_class("-narrow"))
            lines += len(text.wrap(self.app.console, max(width - 3, 10)))
        return height - lines - ROWS_BELOW_TOP < NOTE_ROWS_FIRST

    def redraw(self) -> None:
        self.drawn_from = shown = self.shown_from()
        self.drawn_at = self.sizes()
        where, drafts = shown.place, list(shown.drafts)
        folded = not self.query_one(DraftRecommendation).unfolded and self.top_folded(where, drafts)
        self.query_one(CaptureHeader).show(where, self.language, self.app.size.width - 2 if folded else None)
        panel = self.query_one(DraftRecommendation)
        panel.show(drafts, self.language, folded, touch=self.has_class("-narrow"))
        self.show_unfold(bool(drafts), panel.unfolded or self.top_open)
        table = self.query_one(NoteTable)
        table.show(shown.notes)
        self.query_one(CategoryKeys).show(self.session, table.last_category)
        self.show_selected()
        self.show_round()

    # Writing -------------------------------------------------------------------------------
    def action_save(self) -> None:
        if self.editing is not None:
            self.save_edit()
            return
        area = self.query_one("#note-text", TextArea)
        text = clean_text(area.text)
        if not text:
            self.notify(word("empty_note", self.language), severity="warning", markup=False)
            return
        where = self.place()
        if where is None:
            self.notify(word("no_station", self.language), severity="warning", markup=False)
            return
        store = self.store
        note = self.workshop_app.attempt(
            lambda: store.add_note(where.station.id, where.round or 1, text, group=where.group)
        )
        if note is None:
            return
        area.load_text("")
        self.note_text = ""
        self.keeper.forget(f"note:{where.station.id}")
        # The new note is in the table before the next key is taken ("text ctrl+s esc 1" codes it),
        # not only when the app's SessionChanged comes round.
        self.redraw()
        self.query_one(NoteTable).select_note(note.id)

    # Focus moves at once (set_focus), so the keys typed next go where the user now is.
    def action_to_notes(self) -> None:
        self.show_tab("notes")
        self.set_focus(self.query_one(NoteTable))

    def action_write(self) -> None:
        self.show_tab("write")
        self.set_focus(self.query_one("#note-text", TextArea))

    def action_code_now(self, key: int) -> None:
        """Esc and a digit in one: to the notes, and code the selected note with that digit's category."""
        table = self.query_one(NoteTable)
        self.show_tab("notes")
        self.set_focus(table)
        table.action_code(key)

    # The station's draft recommendation ---------------------------------------------------
    def action_unfold(self) -> None:
        """Unfold a folded top (every name, question and the draft in full), or fold it again;
        on a tall screen: show the draft in full, or fold it to a few lines again."""
        station = self.station
        drafts = recs.for_station(self.session, station) if station else []
        panel = self.query_one(DraftRecommendation)
        if self.top_open or (not panel.unfolded and self.top_folded(self.place(), drafts)):
            self.top_open = not self.top_open
            panel.unfolded = self.top_open
            self.redraw()
            return
        if not drafts:
            self.notify(word("no_draft", self.language), markup=False)
            return
        panel.unfolded = not panel.unfolded
        panel.show(drafts, self.language, touch=self.has_class("-narrow"))
        self.show_unfold(True, panel.unfolded)

    def show_unfold(self, drafts: bool, unfolded: bool) -> None:
        """The phone's button for ctrl+o: there only with a draft, its words by what a tap does."""
        button = self.query_one("#touch-unfold", TouchButton)
        button.display = drafts
        button.label = word("touch_fold" if unfolded else "touch_unfold", self.language)

    def on_click(self, event: events.Click) -> None:
        """By touch, a tap on the folded draft unfolds it (and a tap on it unfolded folds it again)."""
        if self.has_class("-touch") and isinstance(event.widget, DraftRecommendation):
            event.stop()
            self.action_unfold()

    def action_link(self) -> None:
        """Link the selected note to a section of the station's draft (or take the link away)."""
        from ..components.note_dialogs import ChoiceDialog

        language = self.language
        note = self.query_one(NoteTable).selected_note()
        if note is None:
            self.notify(word("no_note_selected", language), severity="warning", markup=False)
            return
        drafts = recs.for_station(self.session, note.station)
        if not drafts:
            self.notify(word("no_draft", language), severity="warning", markup=False)
            return
        choices: list[tuple[str, str | Text]] = []
        for number, rec in drafts:
            for section in recs.SECTION_NAMES:
                title = recs.section_title(section, language, short=True)
                if len(drafts) > 1:
                    title = f"{word('recommendation_numbered', language, number=number, title=rec.title)} – {title}"
                choices.append((f"{rec.id}|{section}", Text(title)))
        if note.recommendation is not None:
            choices.append((ChoiceDialog.NONE, Text(word("link_remove", language))))
        current = f"{note.recommendation}|{note.section}" if note.recommendation else None
        store = self.store

        def chosen(value: str | None) -> None:
            if value is None:
                return
            if value == ChoiceDialog.NONE:
                if self.workshop_app.saved(lambda: recs.unlink_note(store, note.id)):
                    self.notify(word("link_removed", language), markup=False)
                return
            rec_id, section = value.split("|", 1)
            if self.workshop_app.saved(lambda: recs.link_note(store, note.id, rec_id, section)):
                what = recs.section_title(section, language, short=True)
                self.notify(word("rec_note_linked", language, section=what), markup=False)

        title = word("link_which_section", language)
        self.app.push_screen(ChoiceDialog(title, choices, current), chosen)

    # Where ---------------------------------------------------------------------------------
    def action_round(self) -> None:
        self.chosen_round = next_round_choice(self.chosen_round, round_count(self.session))
        self.redraw()  # the round button's label too
        where = self.place()
        if where is not None and where.round is not None and not self.has_class("-touch"):  # there the button says it
            why = word(where.why, self.language)
            self.notify(f"{word('round', self.language)} {where.round} ({why})", markup=False)

    def action_station(self) -> None:
        from ..components.note_dialogs import ChoiceDialog

        choices: list[tuple[str, str | Text]] = [
            (s.id, Text(station_title(number, s.name, s.host, self.language)))  # names as written, never markup
            for number, s in enumerate(self.session.stations, start=1)
        ]

        def chosen(station: str | None) -> None:
            if station is None:
                return
            before = self._typed_note()
            self.workshop_app.station = station
            self.chosen_round = None
            if before is not None and before[0] != f"note:{station}" and before[1].strip():
                self.keeper.forget(before[0])  # the note being written goes with the note-taker
                self.keeper.keep_now()
            self.redraw()
            self.action_write()  # on a phone, from the "≡" tab back to writing
            self.offer_draft()
            self.ask_author()

        self.app.push_screen(ChoiceDialog(word("choose_station", self.language), choices, self.station), chosen)

    # Other screens -------------------------------------------------------------------------
    def action_codebook(self) -> None:
        from .codebook import CodebookScreen

        self.app.push_screen(CodebookScreen())

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.app.push_screen(ReviewScreen())
