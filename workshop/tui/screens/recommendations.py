"""The secretariat's recommendations editor: write the report's recommendations from the station's notes.

Left, the report as it will be numbered: each theme with its recommendations ("Anbefaling 1:
..."), and last the agenda item's proposed decision ("Indstilling"). Middle, what is chosen: a
recommendation's introduction and its seven sections (Formål, Mål, Indsatser, Opfølgning,
Baseline, Ressourcer og økonomi, Næste step) one at a time in an editor, with the notes linked to
that section under it; a theme's introduction; or the proposed decision. Right, the station's
coded notes grouped by category with their full text, so the secretariat writes from the
evidence: "c" cites the highlighted note in the recommendation, "l" links it to the section being
written.

Text is saved as it is typed, like the summaries: a moment after typing stops, with ctrl+s, when
another section or recommendation is chosen and when the screen closes. Each save is one change
in the journal (shared with every other app at once, undone with ctrl+z from the list). When
someone else changed the same text meanwhile, what is typed stays in the editor and ctrl+s
saves it over theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from workshop.model.recommendations import SECTION_NAMES, Recommendation
from workshop.model.session import Note, Session
from workshop.notes import comments as round_comments
from workshop.notes import recommendations as recs
from workshop.notes.review import stations_and_notes
from workshop.storage.writer import SessionWriter
from workshop.words import word
from workshop.words.phrases import station_title

from ..components.key_footer import KeyFooter
from ..components.note_dialogs import ChoiceDialog, TextDialog
from ..components.saved_while_writing import SavedWhileWriting
from ..components.section_comments import SectionComments, part_title
from ..localise import localise_bindings, show_keys
from ..session_view import SessionView

FIELDS: tuple[str, ...] = ("intro", *SECTION_NAMES)
"""What the editor writes of a recommendation, in the template's order."""

ONE_COLUMN_BELOW = 120
"""Narrower than this (the list's 38 columns and two of about 40), the editor shows one column at a time:
the list, the text being written, or the notes; ctrl+l, ctrl+t and ctrl+b switch, and the footer says so."""

COLUMN_KEYS_BY_NAME = {
    "list": "recommendations.list",
    "text": "recommendations.write",
    "notes": "recommendations.notes",
}
COLUMN_KEYS = frozenset(COLUMN_KEYS_BY_NAME.values())

AGENDA = "agenda"
"""The list's key of the agenda item's proposed decision; themes are "theme:<name>", recommendations "rec:<id>"."""


def note_place(session: Session, note: Note, language: str) -> str:
    """ "Station 1, runde 2": where a note was written."""
    number = session.station_number(note.station)
    station = f"{word('station', language)} {number if number is not None else note.station}"
    return f"{station}, {word('round', language).lower()} {note.round}"


@dataclass(frozen=True)
class Target:
    """What the editor writes: a recommendation's field, a theme's introduction, or the proposed decision."""

    key: str
    """The list's row key."""
    kind: str
    """"rec", "theme" or "agenda"."""
    ident: str = ""
    """The recommendation's id or the theme's name."""


def target_of(key: str) -> Target:
    """The target a list row stands for."""
    if key.startswith("rec:"):
        return Target(key, "rec", key[4:])
    if key.startswith("theme:"):
        return Target(key, "theme", key[6:])
    return Target(AGENDA, "agenda")


class ReportList(DataTable[Text]):
    """The report's order: themes, their numbered recommendations, and the proposed decision."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, show_header=False, **kwargs)
        self._rows: list[tuple[str, Text]] = []
        self.column_width = 34
        """How wide the titles may be (wider when the list is the one column shown)."""
        self.width_shown = 34

    def show(self, session: Session) -> list[str]:
        """Fill or refresh the rows (the cursor stays on the same row when it still exists); the keys shown."""
        language = session.workshop.language
        rows: list[tuple[str, Text]] = []
        for group in recs.by_theme(session):
            name = group.name or word("theme_none", language)
            rows.append((f"theme:{group.name}", Text(name, style="bold", no_wrap=True, overflow="ellipsis")))
            for number, rec in group.recommendations:
                label = word("recommendation_numbered", language, number=number, title=rec.title)
                rows.append((f"rec:{rec.id}", Text(f"  {label}", no_wrap=True, overflow="ellipsis")))
        rows.append((AGENDA, Text(word("agenda_proposal", language), style="italic", no_wrap=True)))
        if rows != self._rows or self.column_width != self.width_shown:
            current = self.current_key()
            new_width = self.column_width != self.width_shown
            self.clear(columns=not self.columns or new_width)
            if not self.columns:
                self.width_shown = self.column_width
                self.add_column("", key="what", width=self.column_width)
            for key, cell in rows:
                self.add_row(cell, key=key)
            self._rows = rows
            keys = [key for key, _ in rows]
            if current in keys:
                self.move_cursor(row=keys.index(current), animate=False)
        return [key for key, _ in rows]

    def current_key(self) -> str | None:
        """The key of the highlighted row."""
        if not self.row_count or not 0 <= self.cursor_row < len(self._rows):
            return None
        return self._rows[self.cursor_row][0]

    def choose(self, key: str) -> None:
        """Put the cursor on the row ``key``."""
        keys = [k for k, _ in self._rows]
        if key in keys:
            self.move_cursor(row=keys.index(key), animate=False)


class EvidenceList(SessionView, OptionList):
    """The station's notes under their categories, in full; c cites the highlighted one, l links it."""

    BINDINGS = [
        Binding(
            "c",
            "cite",
            "Cite",
            id="recommendations.cite",
            tooltip="Cite the highlighted note in the recommendation (again: no longer cite it)",
        ),
        Binding(
            "l",
            "link",
            "Link",
            id="recommendations.link",
            tooltip="Link the highlighted note to the section being written (again: unlink it)",
        ),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self._shape: tuple[object, ...] = ()

    def on_mount(self) -> None:
        localise_bindings(self, self.language)

    def show(self, session: Session, rec: Recommendation | None) -> str:
        """Show the evidence for ``rec``; returns the title above the list."""
        language = session.workshop.language
        groups: list[tuple[str, list[Note]]] = []
        title = word("rec_evidence_none", language)
        if rec is not None and rec.station is not None:
            entry = next((e for e in stations_and_notes(session) if e.station.id == rec.station), None)
            if entry is not None:
                title = word("rec_evidence_of", language, station=entry.title(language))
                groups = [(c.name, found) for c, found in entry.by_category]
                if entry.uncoded:
                    groups.append((word("uncoded", language), entry.uncoded))
        elif rec is not None:
            title = word("rec_evidence_no_station", language)
        if rec is not None:
            cited = recs.cited_notes(session, rec)
            elsewhere = [n for n in cited if n.station != rec.station]
            if elsewhere:
                groups.append((word("rec_evidence_cited_elsewhere", language), elsewhere))
        shape = (
            language,
            rec.id if rec else None,
            tuple(rec.notes) if rec else (),
            tuple((name, tuple((n.id, n.text, n.recommendation, n.section) for n in notes)) for name, notes in groups),
        )
        if shape == self._shape:
            return title
        self._shape = shape
        highlighted = self.highlighted_note()
        options: list[Option] = []
        for index, (name, notes) in enumerate(groups):
            options.append(Option(Text(f"{name} ({len(notes)})", style="bold reverse"), id=f"h{index}", disabled=True))
            for note in notes:
                options.append(Option(self._prompt(session, rec, note), id=f"{index}|{note.id}"))
        self.clear_options()
        self.add_options(options)
        ids = [o.id for o in options]
        again = next((i for i, o in enumerate(ids) if o and o.endswith(f"|{highlighted}")), None)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        if again is not None or first is not None:
            self.highlighted = again if again is not None else first
        return title

    def _prompt(self, session: Session, rec: Recommendation | None, note: Note) -> Text:
        language = session.workshop.language
        text = Text()
        if rec is not None and note.id in rec.notes:
            text.append("★ ", style="bold")
        text.append(note.text)
        text.append(f"  ({note_place(session, note, language)})", style="dim")
        if rec is not None and note.recommendation == rec.id and note.section:
            text.append(f"  → {recs.section_title(note.section, language, short=True)}", style="bold")
        return text

    def highlighted_note(self) -> str | None:
        """The id of the highlighted note, if a note is highlighted."""
        if self.highlighted is None or not 0 <= self.highlighted < self.option_count:
            return None
        ident = self.get_option_at_index(self.highlighted).id or ""
        return ident.split("|", 1)[1] if "|" in ident else None

    def action_cite(self) -> None:
        screen = self.screen
        if isinstance(screen, RecommendationsScreen):
            screen.cite(self.highlighted_note())

    def action_link(self) -> None:
        screen = self.screen
        if isinstance(screen, RecommendationsScreen):
            screen.link(self.highlighted_note())


KEYS: list[BindingType] = [
    # First: on a narrow screen (one column at a time) the footer shows these before the others.
    Binding(
        "ctrl+l",
        "focus_list",
        "List",
        id="recommendations.list",
        show=False,
        tooltip="Move to the list of recommendations",
    ),
    Binding(
        "ctrl+t,ctrl+e",
        "focus_text",
        "Write",
        id="recommendations.write",
        show=False,
        tooltip="Move to the text being written (ctrl+e in a browser, which keeps ctrl+t for itself)",
    ),
    Binding(
        "ctrl+b",
        "focus_notes",
        "Notes",
        id="recommendations.notes",
        show=False,
        tooltip="Move to the station's notes, to cite them (c) or link them to the section (l)",
    ),
    Binding(
        "escape",
        "close",
        "Back",
        key_display="esc",
        id="recommendations.close",
        tooltip="Back to the summaries (what is written is saved)",
    ),
    Binding("ctrl+s", "save", "Save", id="recommendations.save", tooltip="Save the text being written"),
    Binding(
        "ctrl+n,f9",
        "new",
        "New",
        id="recommendations.new",
        tooltip="Write a new recommendation (F9 in a browser, which keeps ctrl+n for itself)",
    ),
    Binding("ctrl+r", "title", "Title", id="recommendations.title", tooltip="Give the recommendation a new title"),
    Binding(
        "ctrl+g", "theme", "Theme", id="recommendations.theme", tooltip="Put the recommendation under another theme"
    ),
    Binding(
        "ctrl+o",
        "station",
        "Station",
        id="recommendations.station",
        tooltip="Choose the station whose notes the recommendation comes from",
    ),
    Binding(
        "ctrl+down",
        "section(1)",
        "Next section",
        id="recommendations.next_section",
        tooltip="Write the next section of the recommendation",
    ),
    Binding(
        "ctrl+up",
        "section(-1)",
        "Previous section",
        id="recommendations.previous_section",
        show=False,
        tooltip="Write the previous section of the recommendation",
    ),
    Binding(
        "alt+up",
        "move(-1)",
        "Move up",
        id="recommendations.move_up",
        show=False,
        tooltip="Move the recommendation one place up in its theme",
    ),
    Binding(
        "alt+down",
        "move(1)",
        "Move down",
        id="recommendations.move_down",
        show=False,
        tooltip="Move the recommendation one place down in its theme",
    ),
    Binding(
        "f8",
        "delete",
        "Delete",
        id="recommendations.delete",
        tooltip="Delete the recommendation (ctrl+z in the list brings it back)",
    ),
    Binding(
        "f10",
        "focus_comments",
        "Comments",
        id="recommendations.comments",
        show=False,
        tooltip="Move to the members' comments on the section, to mark them handled (h)",
    ),
]
"""The recommendations screen's keys (its ``BINDINGS``)."""


class RecommendationsScreen(SavedWhileWriting, SessionView, Screen[None]):
    """Write the recommendations, their themes and the proposed decision beside the notes."""

    CSS_PATH = "recommendations.tcss"

    AUTOSAVE_SECONDS: ClassVar[float] = 2.0
    """A text is saved this long after typing stops (tests set it near zero)."""
    BINDINGS = KEYS

    def __init__(self, recommendation: str | None = None) -> None:
        super().__init__()
        self.target: Target | None = None
        """What the editor writes now."""
        self.field = "intro"
        """The recommendation's field being written ("intro" or one of the seven sections)."""
        self.loaded = ""
        """The stored text of what is being written, as loaded or last saved."""
        self.draft = ""
        """The editor's text as last seen (kept so it can be saved while the screen closes)."""
        self._autosave: Timer | None = None
        self._first = f"rec:{recommendation}" if recommendation else None
        self._localised = self.language
        localise_bindings(self, self._localised)
        self.one_column = False
        """True on a narrow screen: one column shows at a time."""
        self.column = "text"
        """The column shown on a narrow screen: "list", "text" or "notes"."""

    # Building ------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="rec-body"):
            yield ReportList(id="rec-list")
            with Vertical(id="rec-side"):
                yield Static("", id="rec-title", markup=False)
                yield Static("", id="rec-meta", markup=False)
                yield Static("", id="rec-sections", markup=False)
                yield TextArea(id="rec-text", soft_wrap=True, tab_behavior="focus")
                yield Static("", id="rec-linked", markup=False)
                yield Static("", id="rec-comments-title", markup=False)
                yield SectionComments(id="rec-comments")
            with Vertical(id="rec-evidence-side"):
                yield Static("", id="rec-evidence-title", markup=False)
                yield EvidenceList(id="rec-evidence")
        yield KeyFooter()

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Three columns side by side where they fit; below ``ONE_COLUMN_BELOW`` one at a time."""
        narrow = self.app.size.width < ONE_COLUMN_BELOW
        if narrow != self.one_column:
            self.one_column = narrow
            self.set_class(narrow, "-one-column")
            if not narrow:
                show_keys(self, COLUMN_KEYS, False)
        listed = self.query_one(ReportList)
        listed.column_width = max(self.app.size.width - 4, 34) if narrow else 34
        if listed.column_width != listed.width_shown:
            listed.show(self.session)
        self.show_column(self.column)

    def show_column(self, column: str) -> None:
        """On a narrow screen: show this column ("list", "text" or "notes") alone."""
        self.column = column
        for name in ("list", "text", "notes"):
            self.set_class(name == column, f"-column-{name}")
        if self.one_column:  # the footer names the keys to the two columns not shown
            here = COLUMN_KEYS_BY_NAME[column]
            show_keys(self, COLUMN_KEYS - {here}, True)
            show_keys(self, {here}, False)

    def on_descendant_focus(self, event: object) -> None:
        """Focus moved (Tab, a click): the column holding it is the one shown."""
        focused = self.focused
        if focused is None:
            return
        for column, holder in (("list", "#rec-list"), ("text", "#rec-side"), ("notes", "#rec-evidence-side")):
            widget = self.query_one(holder)
            if focused is widget or widget in focused.ancestors:
                if column != self.column:
                    self.show_column(column)
                return

    def on_mount(self) -> None:
        self.fit_columns()
        keys = self.query_one(ReportList).show(self.session)
        first = self._first if self._first in keys else next((k for k in keys if k.startswith("rec:")), keys[0])
        self.query_one(ReportList).choose(first)
        self.choose(first)
        self.action_focus_text()

    # What is written ------------------------------------------------------------------------------
    def recommendation(self) -> Recommendation | None:
        """The recommendation being written, if one is chosen and still exists."""
        if self.target is None or self.target.kind != "rec":
            return None
        return recs.find(self.session, self.target.ident)

    def stored_text(self) -> str:
        """The text of what is being written as the session holds it now."""
        return stored_text(self.session, self.target, self.field)

    def writable(self) -> bool:
        """False for the heading of recommendations without a theme (it has no introduction)."""
        return not (self.target is not None and self.target.kind == "theme" and not self.target.ident.strip())

    def choose(self, key: str, field: str | None = None) -> None:
        """Write ``key``'s text (``field`` of a recommendation), after saving what was being written."""
        if self.target is not None:
            self.save()
        self.target = target_of(key)
        if field is not None:
            self.field = field
        self.loaded = self.draft = self.stored_text()
        editor = self.query_one("#rec-text", TextArea)
        editor.load_text(self.loaded)
        editor.read_only = not self.writable()
        self.show_parts()
        self.offer_draft()

    # What is typed and not saved yet: this device's draft (SavedWhileWriting) --------------------------
    def draft_place(self) -> str | None:
        if self.target is None or not self.writable():
            return None
        return f"rec:{self.target.key}:{self.field}" if self.target.kind == "rec" else f"rec:{self.target.key}"

    def draft_what(self) -> str:
        title = self.query_one("#rec-title", Static).content
        section = self.query_one("#rec-text", TextArea).border_title
        return " – ".join(str(part) for part in (title, section) if part)

    def editor_text(self) -> str:
        return self.query_one("#rec-text", TextArea).text

    def put_in_editor(self, text: str) -> None:
        self.query_one("#rec-text", TextArea).load_text(text)
        self.draft = text

    # Showing --------------------------------------------------------------------------------------
    def redraw(self) -> None:
        keys = self.query_one(ReportList).show(self.session)
        if self.target is None or self.target.key not in keys:
            self.target = None
            fallback = next((k for k in keys if k.startswith("rec:")), keys[0])
            self.query_one(ReportList).choose(fallback)
            self.choose(fallback)
            return
        stored = self.stored_text()
        if stored != self.loaded:
            editor = self.query_one("#rec-text", TextArea)
            if editor.text == self.loaded:
                self.loaded = self.draft = stored
                editor.load_text(stored)
            elif editor.text != stored:
                clash = word("rec_recommendation_clash", self.language)
                self.notify(clash, severity="warning", timeout=10, markup=False)
                self.loaded = stored
        self.show_parts()

    def show_parts(self) -> None:
        """The title, the facts, the sections, the linked notes and the evidence of what is chosen."""
        session, language, target = self.session, self.language, self.target
        title = self.query_one("#rec-title", Static)
        meta = self.query_one("#rec-meta", Static)
        sections = self.query_one("#rec-sections", Static)
        linked = self.query_one("#rec-linked", Static)
        editor = self.query_one("#rec-text", TextArea)
        rec = self.recommendation()
        if target is not None and target.kind == "agenda":
            title.update(word("agenda_proposal", language))
            meta.update(word("rec_agenda_proposal_help", language))
            sections.update("")
            linked.update("")
            editor.border_title = word("agenda_proposal", language)
        elif target is not None and target.kind == "theme":
            name = target.ident or word("theme_none", language)
            title.update(word("rec_theme_titled", language, theme=name))
            meta.update(word("rec_theme_intro_help" if target.ident else "rec_theme_none_help", language))
            sections.update("")
            linked.update("")
            editor.border_title = word("rec_theme_intro", language)
        elif rec is not None:
            number = next((n for n, r in recs.numbered(session) if r.id == rec.id), 0)
            title.update(word("recommendation_numbered", language, number=number, title=rec.title))
            meta.update(recommendation_facts(session, rec))
            sections.update(section_tabs(session, rec, self.field))
            editor.border_title = part_title(self.field, language)
            linked.update(linked_text(session, rec, self.field))
        evidence = self.query_one(EvidenceList)
        self.query_one("#rec-evidence-title", Static).update(evidence.show(session, rec))
        beside = self.query_one(SectionComments)
        said = beside.show(session, rec, self.field if rec else None)
        heading = self.query_one("#rec-comments-title", Static)
        heading.update(said)
        heading.display = bool(said)

    # Reacting ---------------------------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id != "rec-list":
            return
        key = event.row_key.value
        if key is not None and (self.target is None or key != self.target.key):
            self.choose(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "rec-list":
            self.action_focus_text()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "rec-text":
            return
        self.draft = event.text_area.text
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if event.text_area.text != self.loaded:
            self._autosave = self.set_timer(self.AUTOSAVE_SECONDS, self.save)
            self.typed()

    # Saving -------------------------------------------------------------------------------------------
    def _writer(self, text: str) -> Callable[[], object] | None:
        return text_writer(self.store, self.target, self.field, text) if self.writable() else None

    def save(self, quiet: bool = False) -> bool:
        """Store the text being written if it changed; True when something was saved."""
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if not quiet:
            self.draft = self.query_one("#rec-text", TextArea).text
        text = self.draft
        if text == self.loaded:
            return False
        writer = self._writer(text)
        if writer is None:
            return False
        if quiet:
            writer()
            self.loaded = text
            self.saved_here()
            return True
        if not self.workshop_app.saved(writer):
            return False
        self.loaded = text
        self.saved_here()
        return True

    def action_save(self) -> None:
        if self.save():
            self.notify(word("rec_recommendation_saved", self.language), markup=False)
        else:
            self.notify(word("nothing_new", self.language), markup=False)

    # Changing the recommendations ------------------------------------------------------------------
    def _need_recommendation(self) -> Recommendation | None:
        rec = self.recommendation()
        if rec is None:
            self.notify(word("rec_choose_a_recommendation", self.language), severity="warning", markup=False)
        return rec

    def action_new(self) -> None:
        self.save()
        store, language = self.store, self.language
        current = self.recommendation()
        theme = current.theme if current is not None else ""
        if self.target is not None and self.target.kind == "theme":
            theme = self.target.ident
        station = current.station if current is not None else None
        made: list[Recommendation] = []

        def submit(title: str) -> str | None:
            try:
                made.append(recs.create(store, title.strip(), theme=theme, station=station))
            except KeyError as error:
                return str(error)
            return None

        def done(title: str | None) -> None:
            if title is None or not made:
                return
            self.workshop_app.changed()
            key = f"rec:{made[0].id}"
            self.query_one(ReportList).show(self.session)
            self.query_one(ReportList).choose(key)
            self.choose(key, "intro")
            self.action_focus_text()

        self.app.push_screen(
            TextDialog(
                word("rec_new_recommendation", language),
                hint=word("rec_new_recommendation_hint", language),
                submit=submit,
            ),
            done,
        )

    def action_title(self) -> None:
        rec = self._need_recommendation()
        if rec is None:
            return
        store = self.store

        def submit(title: str) -> str | None:
            try:
                recs.edit(store, rec.id, title=title.strip())
            except KeyError as error:
                return str(error)
            return None

        def done(title: str | None) -> None:
            if title is not None:
                self.workshop_app.changed()

        self.save()
        dialog = TextDialog(word("rec_recommendation_title", self.language), rec.title, submit=submit)
        self.app.push_screen(dialog, done)

    def action_theme(self) -> None:
        rec = self._need_recommendation()
        if rec is None:
            return
        store = self.store

        def submit(theme: str) -> str | None:
            try:
                recs.edit(store, rec.id, theme=theme.strip())
            except KeyError as error:
                return str(error)
            return None

        def done(theme: str | None) -> None:
            if theme is not None:
                self.workshop_app.changed()

        self.save()
        dialog = TextDialog(
            word("rec_recommendation_theme", self.language),
            rec.theme,
            hint=word("rec_recommendation_theme_hint", self.language),
            submit=submit,
        )
        self.app.push_screen(dialog, done)

    def action_station(self) -> None:
        rec = self._need_recommendation()
        if rec is None:
            return
        language, store = self.language, self.store
        choices: list[tuple[str, str | Text]] = [
            (s.id, Text(station_title(number, s.name, s.host, language)))
            for number, s in enumerate(self.session.stations, start=1)
        ]
        choices.append((ChoiceDialog.NONE, Text(word("rec_no_station_chosen", language))))

        def chosen(value: str | None) -> None:
            if value is None:
                return
            station = None if value == ChoiceDialog.NONE else value
            self.workshop_app.attempt(lambda: recs.edit(store, rec.id, station=station))

        self.save()
        current = rec.station or ChoiceDialog.NONE
        self.app.push_screen(ChoiceDialog(word("rec_recommendation_station", language), choices, current), chosen)

    def action_delete(self) -> None:
        rec = self._need_recommendation()
        if rec is None:
            return
        self.save()
        store = self.store
        if self.workshop_app.saved(lambda: recs.delete(store, rec.id)):
            self.notify(word("rec_recommendation_deleted", self.language, title=rec.title), markup=False)

    def action_move(self, step: int) -> None:
        rec = self._need_recommendation()
        if rec is None:
            return
        session, store = self.session, self.store
        group = next((g for g in recs.by_theme(session) if any(r.id == rec.id for _, r in g.recommendations)), None)
        if group is None:
            return
        ids = [r.id for _, r in group.recommendations]
        place = ids.index(rec.id) + step
        if not 0 <= place < len(ids):
            return
        to = [r.id for r in session.recommendations].index(ids[place])
        self.save()
        self.workshop_app.attempt(lambda: recs.move(store, rec.id, to))

    def action_section(self, step: int) -> None:
        if self.recommendation() is None or self.target is None:
            return
        place = (FIELDS.index(self.field) + step) % len(FIELDS)
        self.choose(self.target.key, FIELDS[place])

    # Citing and linking notes ----------------------------------------------------------------------
    def cite(self, note_id: str | None) -> None:
        """Cite the note in the recommendation, or stop citing it when it is cited."""
        rec = self._need_recommendation()
        if rec is None or note_id is None:
            return
        store, language = self.store, self.language
        if note_id in rec.notes:
            if self.workshop_app.attempt(lambda: recs.uncite_note(store, rec.id, note_id)):
                self.notify(word("rec_note_uncited", language), markup=False)
        elif self.workshop_app.attempt(lambda: recs.cite_note(store, rec.id, note_id)):
            self.notify(word("rec_note_cited", language, title=rec.title), markup=False)

    def link(self, note_id: str | None) -> None:
        """Link the note to the section being written, or take the link away when it is linked there."""
        rec = self._need_recommendation()
        if rec is None or note_id is None:
            return
        if self.field == "intro":
            self.notify(word("rec_link_needs_section", self.language), severity="warning", markup=False)
            return
        store, language, field = self.store, self.language, self.field
        note = next((n for n in self.session.notes if n.id == note_id), None)
        section = recs.section_title(field, language, short=True)
        if note is not None and note.recommendation == rec.id and note.section == field:
            if self.workshop_app.saved(lambda: recs.unlink_note(store, note_id)):
                self.notify(word("rec_note_unlinked", language, section=section), markup=False)
        elif self.workshop_app.saved(lambda: recs.link_note(store, note_id, rec.id, field)):
            self.notify(word("rec_note_linked", language, section=section), markup=False)

    # Moving about ---------------------------------------------------------------------------------------
    def action_close(self) -> None:
        self.save()
        self.dismiss()

    def action_focus_list(self) -> None:
        self.show_column("list")
        self.set_focus(self.query_one(ReportList))

    def action_focus_text(self) -> None:
        self.show_column("text")
        editor = self.query_one("#rec-text", TextArea)
        editor.move_cursor(editor.document.end)
        self.set_focus(editor)

    def action_focus_comments(self) -> None:
        beside = self.query_one(SectionComments)
        if beside.option_count:
            self.show_column("text")  # the comments stand under the text
            beside.focus()

    def action_focus_notes(self) -> None:
        self.show_column("notes")
        self.set_focus(self.query_one(EvidenceList))


# Drawing the chosen recommendation ------------------------------------------------------------------


def recommendation_facts(session: Session, rec: Recommendation) -> Text:
    """The recommendation's theme, station and how many notes it cites, on one line."""
    language = session.workshop.language
    theme = recs.theme_of(session, rec) or word("theme_none", language)
    station = session.station(rec.station) if rec.station else None
    if station is not None:
        number = session.stations.index(station) + 1
        where = station_title(number, station.name, station.host, language)
    else:
        where = word("rec_no_station_chosen", language)
    cited = len(recs.cited_notes(session, rec))
    return Text(
        " · ".join(
            [
                f"{word('theme_word', language).capitalize()}: {theme}",
                where,
                word("rec_cited_count", language, count=cited),
            ]
        )
    )


def section_tabs(session: Session, rec: Recommendation, field: str) -> Text:
    """The parts of the recommendation, ``field`` (the one being written) highlighted, the empty ones dim, and
    how many comments on each are not handled yet."""
    language = session.workshop.language
    links = recs.linked_notes(session, rec.id)
    commented = round_comments.counts(session, rec.id)
    text = Text()
    for index, name in enumerate(FIELDS):
        if index:
            text.append(" · ", style="dim")
        label = part_title(name, language) if name != "intro" else word("rec_intro_short", language)
        if links.get(name):
            label += f" ({len(links[name])})"
        written = bool(str(getattr(rec, name)).strip())
        style = "bold reverse" if name == field else ("" if written else "dim")
        text.append(label, style=style)
        left = commented.get(name, (0, 0))[1]
        if left:
            text.append(f" ●{left}", style="bold yellow")
    return text


def linked_text(session: Session, rec: Recommendation, field: str) -> Text:
    """The notes linked to ``field`` of the recommendation, each with its place."""
    language = session.workshop.language
    if field == "intro":
        return Text("")
    notes = recs.linked_notes(session, rec.id).get(field, [])
    section = recs.section_title(field, language, short=True)
    if not notes:
        return Text(word("rec_linked_none", language, section=section), style="dim")
    text = Text(word("rec_linked_to", language, section=section), style="bold")
    for note in notes:
        text.append("\n• ")
        text.append(note.text)
        text.append(f"  ({note_place(session, note, language)})", style="dim")
    return text


def stored_text(session: Session, target: Target | None, field: str) -> str:
    """The text of ``target`` (``field`` of a recommendation) as ``session`` holds it."""
    if target is None:
        return ""
    if target.kind == "agenda":
        return session.agenda.proposed_decision
    if target.kind == "theme":
        return next((t.intro for t in session.themes if t.name.strip().casefold() == target.ident.casefold()), "")
    rec = recs.find(session, target.ident)
    return "" if rec is None else str(getattr(rec, field))


def text_writer(store: SessionWriter, target: Target | None, field: str, text: str) -> Callable[[], object] | None:
    """What saves ``text`` as ``target``'s (``field`` of a recommendation); None when nothing is chosen."""
    if target is None:
        return None
    if target.kind == "agenda":
        return lambda: recs.write_proposed_decision(store, text)
    if target.kind == "theme":
        return lambda: recs.write_theme(store, target.ident, text)
    return lambda: recs.write_section(store, target.ident, field, text)
