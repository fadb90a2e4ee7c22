"""Review: every note of the evening, filtered, searched, grouped and counted.

Filters (each key steps through the choices, back to "all"): s station, r round, g group,
a author, k category (type to find it; k again clears it), o only uncoded notes, x clears all.
"/" searches the text (every word must occur; "quoted words" stay together). v shows the notes
as a list, by station or by category; m shows the station x category count matrix (the
secretariat's "opsamling" starts there). The notes can be recoded here with the same keys as
when taking notes (1-9, ".", c, e, d).

The filtering, searching, grouping and counting are :mod:`workshop.notes.review`'s.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, DataTable, Input, Static

from workshop.model.session import Note
from workshop.notes.capture import Choice, round_count
from workshop.notes.review import (
    NoteFilter,
    authors,
    by_category,
    by_station,
    cycle,
    filter_notes,
    in_order,
    matrix,
)
from workshop.words import word
from workshop.words.phrases import station_label

from ..components.category_keys import category_style
from ..components.in_order_keys import InOrderKeys
from ..components.key_footer import KeyFooter
from ..components.note_reading import note_in_full
from ..components.note_table import Heading, NoteTable, Row
from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import SessionView

REVIEW_COLUMNS = ("station", "round", "group", "author", "text", "categories")
VIEWS = ("flat", "by_station", "by_category")
SEARCH_DELAY = 0.15
"""Seconds of quiet typing before a search runs, once the session holds many notes."""
SEARCH_AT_ONCE = 2000
"""Up to this many notes a search runs at every keystroke."""
MATRIX_STATION_WIDTH = 14
"""The matrix's station column is never narrower than this (when the categories need the room)."""


def fitted_widths(natural: list[int], available: int, least: list[int]) -> list[int]:
    """Column widths that use the room there is: every column its natural width when they all fit,
    else the widest ones narrowed first (never below ``least``)."""
    widths = list(natural)
    while sum(widths) > available:
        narrowable = [i for i, width in enumerate(widths) if width > least[i]]
        if not narrowable:
            break
        widest = max(narrowable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


CODE_FROM_SEARCH = [f"review.code.{k}" for k in range(1, 10)]
"""alt+1-9 in the search line: back to the notes, and code the selected one (Esc and a digit, however fast)."""


class SearchField(InOrderKeys, Input):
    """The search line: Esc back to the notes takes effect where it was typed."""

    in_order = frozenset({"review.close", *CODE_FROM_SEARCH})


class ReviewScreen(SessionView, Screen[None]):
    """All notes with filters, search, grouping and the count matrix (push it; escape goes back)."""

    CSS_PATH = "review.tcss"

    BINDINGS = [
        Binding(
            "slash",
            "search",
            "Search",
            key_display="/",
            id="review.search",
            tooltip="Search the notes' text (every word must occur)",
        ),
        Binding(
            "s",
            "cycle('station')",
            "Station",
            show=False,
            id="review.station",
            tooltip="Show one station, the next, ..., all",
        ),
        Binding(
            "r", "cycle('round')", "Round", show=False, id="review.round", tooltip="Show one round, the next, ..., all"
        ),
        Binding(
            "g", "cycle('group')", "Group", show=False, id="review.group", tooltip="Show one group, the next, ..., all"
        ),
        Binding(
            "a",
            "cycle('author')",
            "Author",
            show=False,
            id="review.author",
            tooltip="Show one author's notes, the next, ..., all",
        ),
        Binding(
            "k",
            "category",
            "Category",
            show=False,
            id="review.category",
            tooltip="Show one category's notes (type to find it); again: all categories",
        ),
        Binding(
            "o",
            "uncoded",
            "Uncoded",
            show=False,
            id="review.uncoded",
            tooltip="Show only the notes without a category, or all",
        ),
        Binding("x", "clear", "Clear", show=False, id="review.clear", tooltip="Clear every filter and the search"),
        Binding("v", "view", "View", id="review.view", tooltip="List the notes, group them by station, or by category"),
        Binding("m", "matrix", "Matrix", id="review.matrix", tooltip="Count the notes per station and category"),
        Binding("ctrl+b", "codebook", "Codebook", show=False, id="review.codebook", tooltip="Open the codebook"),
        Binding(
            "escape",
            "close",
            "Close",
            key_display="esc",
            id="review.close",
            tooltip="Back (from the search: to the notes)",
        ),
        # Esc then a digit, typed fast, reaches the app as alt+digit: it recodes, as Esc and the digit would.
        *[
            Binding(
                f"alt+{k}",
                f"code_now({k})",
                "",
                show=False,
                id=f"review.code.{k}",
                tooltip=f"Back to the notes, and toggle the category holding key {k} on the selected note",
            )
            for k in range(1, 10)
        ],
    ]

    def __init__(self, note_filter: NoteFilter | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.note_filter = note_filter or NoteFilter()
        self.view = "flat"
        self.shown = 0
        self._search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="review-title", markup=False)
        yield Static(id="review-filters", markup=False)
        with Horizontal(id="review-search-row"):
            yield Static("/", id="review-search-label")
            yield SearchField(self.note_filter.text, id="review-search")
        yield Static(id="review-empty", markup=False)
        with ContentSwitcher(initial="review-notes"):
            # Every key of this screen takes effect in typing order from the notes (a filter
            # key, then a digit that recodes the note the filter put under the cursor).
            all_keys = [binding.id for binding in self.BINDINGS if isinstance(binding, Binding) and binding.id]
            yield NoteTable(REVIEW_COLUMNS, in_order=all_keys, id="review-notes")
            yield DataTable(id="review-matrix", cursor_type="cell", zebra_stripes=True)
        with VerticalScroll(id="review-detail-box", can_focus=False):
            yield Static(id="review-detail", markup=False)
        yield Static(id="review-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        localise_bindings(self, self.language)
        self.query_one("#review-search", Input).placeholder = word("search", self.language)
        self.query_one("#review-hint", Static).update(word("filter_hint", self.language))
        self.redraw()
        self.query_one(NoteTable).focus()

    def on_session_changed(self, message: SessionChanged) -> None:
        self.redraw()

    # Drawing -------------------------------------------------------------------------------
    def filtered(self) -> list[Note]:
        """The notes that pass the filters and the search."""
        return filter_notes(self.session.notes, self.note_filter)

    def redraw(self) -> None:
        session = self.session
        notes = self.filtered()
        self.shown = len(notes)
        language = self.language
        view_name = word(self.view, language)
        switcher = self.query_one(ContentSwitcher)
        title = f"{word('review', language)} · {len(notes)} {word('notes_of', language)} {len(session.notes)}"
        if switcher.current == "review-matrix":
            title += f" · {word('matrix', language)}"
            self._show_matrix(notes)
        else:
            title += f" · {view_name}"
            self.query_one(NoteTable).show(*self._rows(notes))
        self.query_one("#review-title", Static).update(title)
        self.query_one("#review-filters", Static).update(self._describe_filter())
        empty = self.query_one("#review-empty", Static)
        empty.update(self._why_empty() if not notes else "")
        empty.display = not notes
        self._show_detail()

    def _why_empty(self) -> str:
        """ "Ingen noter", and which filter hides the notes there are."""
        language, every = self.language, self.session.notes
        if not every:
            return word("no_notes_yet", language)
        parts = self._filter_parts()
        # The filters that on their own hide everything: without any one of them, notes would show.
        hiding = [name for key, name in parts if filter_notes(every, self._without(key))]
        named = hiding or [name for _, name in parts]
        return word("no_notes_hidden", language, filters=" + ".join(named), count=len(every))

    def _filter_parts(self) -> list[tuple[str, str]]:
        """Each part of the filter that is set: (its field, how a user names it)."""
        f, session, language = self.note_filter, self.session, self.language
        parts: list[tuple[str, str]] = []
        if f.station is not None:
            station = session.station(f.station)
            number = [s.id for s in session.stations].index(f.station) + 1 if station else "?"
            parts.append(("station", f"{word('station', language)} {number}"))
        if f.round is not None:
            parts.append(("round", f"{word('round', language)} {f.round}"))
        if f.group is not None:
            group = session.group(f.group)
            parts.append(("group", group.name if group else f.group))
        if f.category is not None:
            category = session.category(f.category)
            parts.append(("category", f"«{category.name if category else f.category}»"))
        if f.author is not None:
            parts.append(("author", f"{word('author', language)} {f.author}"))
        if f.uncoded:
            parts.append(("uncoded", word("only_uncoded", language)))
        if f.text:
            parts.append(("text", word("the_search", language, text=f.text)))
        return parts

    def _without(self, key: str) -> NoteFilter:
        cleared: dict[str, Any] = {key: None}
        if key == "uncoded":
            cleared = {"uncoded": False}
        elif key == "text":
            cleared = {"text": ""}
        return self.note_filter.replace(**cleared)

    def _show_detail(self) -> None:
        """The highlighted note in full, under the list (a long note reads here to its end)."""
        box = self.query_one("#review-detail-box")
        note = self.query_one(NoteTable).selected_note()
        listing = self.query_one(ContentSwitcher).current == "review-notes"
        box.display = listing and note is not None
        if note is not None and listing:
            self.query_one("#review-detail", Static).update(note_in_full(note, self.session))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "review-notes":
            self._show_detail()

    def on_resize(self) -> None:
        if self.query_one(ContentSwitcher).current == "review-matrix":
            self._show_matrix(self.filtered())

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        """Enter on a cell of the matrix: the notes behind that count, in full."""
        if event.data_table.id != "review-matrix":
            return
        event.stop()
        station = event.cell_key.row_key.value
        column = event.cell_key.column_key.value
        notes = self.filtered()
        if station not in (None, "total"):
            notes = [n for n in notes if n.station == station]
        if column == "uncoded":
            notes = [n for n in notes if not n.categories]
        elif column not in (None, "station", "total"):
            notes = [n for n in notes if column in n.categories]
        language, session = self.language, self.session
        where = []
        if station not in (None, "total"):
            number = [s.id for s in session.stations].index(station) + 1
            found = session.station(station)
            where.append(f"{word('station', language)} {number}: {found.name if found else station}")
        if column == "uncoded":
            where.append(word("uncoded", language))
        elif column not in (None, "station", "total"):
            category = session.category(column)
            where.append(category.name if category else column)
        title = " × ".join(where) or word("total", language)
        from ..components.note_reading import NoteListDialog

        count = word("one_note" if len(notes) == 1 else "some_notes", language, count=len(notes))
        self.app.push_screen(NoteListDialog(f"{title}: {count}", [n.id for n in in_order(session, notes)]))

    def _rows(self, notes: list[Note]) -> tuple[list[Row], list[str]]:
        session, language = self.session, self.language
        rows: list[Row] = []
        keys: list[str] = []
        if self.view == "flat":
            ordered = in_order(session, notes)
            return list(ordered), [n.id for n in ordered]
        groups = by_station(session, notes) if self.view == "by_station" else by_category(session, notes)
        numbers = {s.id: i for i, s in enumerate(session.stations, start=1)}
        for group in groups:
            if group.station is not None:
                title = station_label(numbers[group.station.id], group.station.name, language)
            elif group.category is not None:
                title = group.category.name
            elif self.view == "by_category":
                title = word("uncoded", language)
            else:
                title = f"{word('station', language)} {group.key}"
            heading_key = f"h:{group.key}"
            rows.append(Heading(heading_key, f"{title} ({len(group.notes)})"))
            keys.append(heading_key)
            for note in group.notes:
                rows.append(note)
                keys.append(f"{group.key}:{note.id}" if self.view == "by_category" else note.id)
        return rows, keys

    def _show_matrix(self, notes: list[Note]) -> None:
        session, language = self.session, self.language
        counts = matrix(session, notes)
        table = self.query_one("#review-matrix", DataTable)
        selected = table.cursor_coordinate if table.row_count else None
        table.clear(columns=True)
        uncoded, total = word("uncoded", language), word("total", language)
        labels = [f"{number} {station.name}" for number, station in enumerate(counts.stations, start=1)]
        natural = [
            max([len(word("station", language)), len(total), *map(len, labels)]),
            *(max(4, len(category.name)) for category in counts.categories),
            len(uncoded),
            max(5, len(total)),
        ]
        available = (table.size.width or self.app.size.width) - 2 * table.cell_padding * len(natural) - 2
        widths = fitted_widths(natural, available, [MATRIX_STATION_WIDTH, *[4] * (len(natural) - 1)])
        table.add_column(word("station", language), key="station", width=widths[0])
        for category, width in zip(counts.categories, widths[1:]):
            table.add_column(
                Text(category.name, style=category_style(category.colour), no_wrap=True, overflow="ellipsis"),
                key=category.id,
                width=width,
            )
        table.add_column(
            Text(uncoded, style="italic", no_wrap=True, overflow="ellipsis"), key="uncoded", width=widths[-2]
        )
        table.add_column(Text(total, style="bold"), key="total", width=widths[-1])

        def cell(value: int, bold: bool = False) -> Text:
            return Text(str(value) if value else "·", justify="right", style="bold" if bold else "")

        for number, station in enumerate(counts.stations, start=1):
            table.add_row(
                Text(f"{number} {station.name}", no_wrap=True, overflow="ellipsis"),
                *[cell(counts.count(station.id, c.id)) for c in counts.categories],
                cell(counts.count(station.id, None)),
                cell(counts.totals.get(station.id, 0), bold=True),
                key=station.id,
            )
        table.add_row(
            Text(word("total", language), style="bold"),
            *[cell(counts.column_total(c.id), bold=True) for c in counts.categories],
            cell(counts.column_total(None), bold=True),
            cell(counts.total, bold=True),
            key="total",
        )
        if selected is not None:
            table.cursor_coordinate = selected  # the cell the user was on (clamped to the table)

    def _describe_filter(self) -> Text:
        f, session, language = self.note_filter, self.session, self.language
        every = word("all", language)
        text = Text()

        def part(name: str, value: str | None) -> None:
            if text:
                text.append("  ")
            text.append(f"{name}: ", style="dim")
            text.append(value if value is not None else every, style="bold reverse" if value is not None else "")

        station = session.station(f.station) if f.station else None
        number = [s.id for s in session.stations].index(station.id) + 1 if station else None
        part(word("station", language), f"{number} {station.name}" if station else f.station)
        part(word("round", language), str(f.round) if f.round is not None else None)
        group = session.group(f.group) if f.group else None
        part(word("group", language), group.name if group else f.group)
        category = session.category(f.category) if f.category else None
        part(word("category", language), category.name if category else f.category)
        part(word("author", language), f.author)
        if f.uncoded:
            text.append("  ")
            text.append(word("only_uncoded", language), style="bold reverse")
        return text

    # Filters -------------------------------------------------------------------------------
    def set_filter(self, note_filter: NoteFilter) -> None:
        self.note_filter = note_filter
        self.redraw()

    def action_cycle(self, part: str) -> None:
        session, f = self.session, self.note_filter
        if part == "station":
            self.set_filter(f.replace(station=cycle([s.id for s in session.stations], f.station)))
        elif part == "round":
            self.set_filter(f.replace(round=cycle(list(range(1, round_count(session) + 1)), f.round)))
        elif part == "group":
            self.set_filter(f.replace(group=cycle([g.id for g in session.groups], f.group)))
        elif part == "author":
            self.set_filter(f.replace(author=cycle(authors(session.notes), f.author)))

    def action_category(self) -> None:
        if self.note_filter.category is not None:
            self.set_filter(self.note_filter.replace(category=None))
            return
        from ..components.category_prompt import CategoryPrompt

        def chosen(choice: Choice | None) -> None:
            if choice is not None and choice.category_id is not None:
                self.set_filter(self.note_filter.replace(category=choice.category_id, uncoded=False))

        self.app.push_screen(CategoryPrompt(create=False), chosen)

    def action_uncoded(self) -> None:
        uncoded = not self.note_filter.uncoded
        category = None if uncoded else self.note_filter.category
        self.set_filter(self.note_filter.replace(uncoded=uncoded, category=category))

    def action_clear(self) -> None:
        self.query_one("#review-search", Input).value = ""
        self.set_filter(NoteFilter())

    def action_view(self) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "review-notes"
        self.redraw()
        self.set_focus(self.query_one(NoteTable))

    def action_matrix(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        showing = switcher.current == "review-matrix"
        switcher.current = "review-notes" if showing else "review-matrix"
        self.redraw()
        self.set_focus(self.query_one("#review-notes" if showing else "#review-matrix"))

    # Search --------------------------------------------------------------------------------
    # Focus moves at once (set_focus), so the keys typed next go where the user now is.
    def action_search(self) -> None:
        self.set_focus(self.query_one("#review-search", Input))

    def on_input_changed(self, event: Input.Changed) -> None:
        # The search line's text as it is now (a change message may trail the keys typed after it).
        event.stop()
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        if len(self.session.notes) <= SEARCH_AT_ONCE:
            self._search_now()
        else:
            self._search_timer = self.set_timer(SEARCH_DELAY, self._search_now)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._search_now()
        self.set_focus(self.query_one(NoteTable))

    def _search_now(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        text = self.query_one("#review-search", Input).value
        if text != self.note_filter.text:
            self.set_filter(self.note_filter.replace(text=text))

    # Elsewhere -----------------------------------------------------------------------------
    def action_codebook(self) -> None:
        from .codebook import CodebookScreen

        self.app.push_screen(CodebookScreen())

    def action_code_now(self, key: int) -> None:
        """Esc and a digit in one: the search counts, then the selected note gets that digit's category."""
        if isinstance(self.focused, Input):
            self._search_now()
        table = self.query_one(NoteTable)
        self.set_focus(table)
        table.action_code(key)

    def action_close(self) -> None:
        if isinstance(self.focused, Input):
            self._search_now()  # what was typed counts before the keys that follow
            self.set_focus(self.query_one(NoteTable))
            return
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
