"""Notes in a table, one per row, coded at typing speed with the keys 1-9.

A DataTable renders only the rows in view, so 10,000 notes scroll as fast as ten. Every column
has a fixed width (the text column takes what is left), which lets the table skip measuring
every cell of every new row; updates after a change touch only the rows that changed.

Keys (while the table has the focus): 1-9 toggle the category holding that key on the selected
note, "." applies the last category used again, "c" opens the type-to-find-or-create prompt,
"u" jumps to the next uncoded note, "e"/enter edits and "d"/delete deletes the selected note.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from workshop.model.session import Note, Session
from workshop.notes.capture import Choice, apply_choice, category_for_key
from workshop.notes.codebook import UNCODED_WARNING
from workshop.notes.review import next_uncoded
from workshop.scheduling.timetable import clock
from workshop.tui.localise import localise_bindings
from workshop.tui.textual_compat import FixedWidthDataTable
from workshop.words import word

from ..session_view import SessionView
from .category_keys import category_style
from .in_order_keys import InOrderKeys

UNCODED_STYLE = f"bold reverse {UNCODED_WARNING}"
"""How an uncoded note's category cell stands out: a block of the warning colour (Textual's), which no
category's coloured name looks like (and the words say it too)."""
HEADING_STYLE = "bold reverse"

COLUMN_WIDTHS: dict[str, int] = {
    "time": 5,
    "station": 2,
    "round": 1,
    "group": 9,
    "author": 10,
    "categories": 24,
}
"""Fixed widths; "text" takes the rest of the row."""
NARROW_WIDTHS: dict[str, int] = {**COLUMN_WIDTHS, "group": 8, "author": 8, "categories": 18}
"""Below NARROW_BELOW columns, when the table has many columns, the text keeps more room."""
NARROW_BELOW = 100
PHONE_BELOW = 60
"""Below this many columns (a phone held upright) a table of many columns leaves out PHONE_LEAVES_OUT:
the line under the review names the selected note's group and author, and the note keeps its room."""
PHONE_LEAVES_OUT = ("group", "author")
PHONE_CATEGORIES = 12
"""A phone's categories column (and the least its note column gets)."""
MIN_TEXT_WIDTH = 16
CATEGORIES_SHARE = 0.3
"""On a wide terminal the categories take up to this share of the row ..."""
CATEGORIES_AT_MOST = 48
"""... and at most this many columns; whatever does not fit is shortened (every category shows)."""


MANY_ROWS = 1000
"""From this many rows on, a rebuild holds the garbage collector (see collecting_later)."""


@contextmanager
def collecting_later(rows: int) -> Iterator[None]:
    """Hold Python's garbage collector while thousands of rows are made at once.

    Making 10,000 rows creates some 100,000 objects, which sets off several full collections
    over every note of the session: most of the time of a rebuild, and again later (0.3-0.5 s
    each with 10,000 notes). Small tables are left alone.
    """
    enabled = gc.isenabled()
    if rows < MANY_ROWS or not enabled:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # The rows live as long as the table shows them: after a collection of the young
        # objects (a dialog just closed, ...), keep everything out of later full collections.
        # Freed objects are still freed at once; only the search for reference cycles skips
        # the frozen ones.
        gc.collect(1)
        gc.freeze()
        gc.enable()


@dataclass(frozen=True)
class Heading:
    """A row that is not a note: the title of a group of notes (a station, a category)."""

    key: str
    text: str


Row = Note | Heading


def one_line(text: str) -> str:
    """A note's text on one line: line breaks shown as ⏎, tabs as spaces."""
    return " ⏎ ".join(part.strip() for part in text.splitlines() if part.strip()).replace("\t", " ")


def categories_cell(note: Note, session: Session, language: str, width: int | None = None) -> Text:
    """The note's categories in their colours (every one of them, shortened to fit ``width``), or a marker
    that it is uncoded."""
    return _Look(session, language).categories(note, width)


FULL_SEPARATOR = " · "
SHORT_SEPARATOR = "·"


def fitted_names(names: Sequence[str], width: int | None) -> tuple[list[str], str]:
    """The names as they fit in ``width`` columns together, and what goes between them.

    Every name stays: they are shortened ("Uddannel…", "Udd…") from the longest down before
    one is left out, and when not even two letters each fit, each is its first letter.
    """
    names = list(names)
    if width is None or len(FULL_SEPARATOR.join(names)) <= width:
        return names, FULL_SEPARATOR
    budget = width - len(SHORT_SEPARATOR) * (len(names) - 1)
    lengths = [len(name) for name in names]
    while sum(lengths) > budget and max(lengths) > 2:
        longest = lengths.index(max(lengths))
        lengths[longest] -= 1
    if sum(lengths) <= budget:
        return [name if len(name) <= n else name[: n - 1] + "…" for name, n in zip(names, lengths)], SHORT_SEPARATOR
    return [name[:1] for name in names], ""


class _Look:
    """What the cells of one session look like: names and styles looked up once per redraw."""

    def __init__(self, session: Session, language: str) -> None:
        self.language = language
        self.stations = {s.id: str(number) for number, s in enumerate(session.stations, start=1)}
        self.groups = {g.id: g.name for g in session.groups}
        self.categories_by_id = {c.id: (c.name, category_style(c.colour)) for c in session.categories}
        self.uncoded = f"● {word('uncoded', language)}"

    def categories(self, note: Note, width: int | None = None) -> Text:
        if not note.categories:
            return Text(self.uncoded, style=UNCODED_STYLE, no_wrap=True, overflow="ellipsis")
        found = [self.categories_by_id.get(category_id, (category_id, "dim")) for category_id in note.categories]
        names, separator = fitted_names([name for name, _ in found], width)
        cell = Text(no_wrap=True, overflow="ellipsis")
        for index, (name, (_, style)) in enumerate(zip(names, found)):
            if index:
                cell.append(separator)
            cell.append(name, style=style)
        return cell

    def cells(self, row: Row, columns: Sequence[str], categories_width: int | None = None) -> tuple[Text, ...]:
        if isinstance(row, Heading):
            empty = [Text("") for _ in columns]
            empty[columns.index("text") if "text" in columns else 0] = Text(
                row.text, style=HEADING_STYLE, no_wrap=True, overflow="ellipsis"
            )
            return tuple(empty)
        cells = []
        for name in columns:
            if name == "time":
                cells.append(Text(clock(row.created, self.language)))
            elif name == "station":
                cells.append(Text(self.stations.get(row.station, row.station)))
            elif name == "round":
                cells.append(Text(str(row.round)))
            elif name == "group":
                name_ = self.groups.get(row.group or "", row.group or "-")
                cells.append(Text(name_, no_wrap=True, overflow="ellipsis"))
            elif name == "author":
                cells.append(Text(row.author, no_wrap=True, overflow="ellipsis"))
            elif name == "text":
                cells.append(Text(one_line(row.text), no_wrap=True, overflow="ellipsis"))
            elif name == "categories":
                cells.append(self.categories(row, categories_width))
            else:
                cells.append(Text(""))
        return tuple(cells)


class NoteTable(InOrderKeys, SessionView, FixedWidthDataTable[Text]):
    """Notes (and optional headings) with coding keys. Redraw with :meth:`show`.

    ``in_order``: the screen's bindings (by id) that this table runs in typing order, such as
    the key that goes back to the note field (see :mod:`.in_order_keys`).
    """

    BINDINGS = [
        # alt+digit too: a terminal sends Esc and a digit typed within its escape delay as alt+digit.
        Binding(
            "1,alt+1",
            "code(1)",
            "Code 1-9",
            key_display="1-9",
            id="notes.code.1",
            tooltip="Toggle the category holding key 1 (2, ..., 9) on the selected note",
        ),
        *[
            Binding(
                f"{k},alt+{k}",
                f"code({k})",
                "",
                show=False,
                id=f"notes.code.{k}",
                tooltip=f"Toggle the category holding key {k} on the selected note",
            )
            for k in range(2, 10)
        ],
        Binding(
            "full_stop",
            "repeat",
            "Repeat",
            key_display=".",
            show=False,
            id="notes.repeat",
            tooltip="Put the category used last on the selected note too",
        ),
        Binding(
            "c",
            "prompt",
            "Category",
            id="notes.prompt",
            tooltip="Type to find a category (or create a new one) and apply it",
        ),
        Binding(
            "u",
            "next_uncoded",
            "Next uncoded",
            id="notes.next_uncoded",
            tooltip="Jump to the next note without a category",
        ),
        Binding(
            "e,enter",
            "edit",
            "Edit",
            key_display="e",
            show=False,
            id="notes.edit",
            tooltip="Edit the selected note's text",
        ),
        Binding(
            "d,delete",
            "delete",
            "Delete",
            show=False,
            id="notes.delete",
            tooltip="Delete the selected note (ctrl+z brings it back)",
        ),
    ]

    class CategoryUsed(Message):
        """A category was put on (or taken off) a note from this table."""

        def __init__(self, category_id: str) -> None:
            super().__init__()
            self.category_id = category_id

    def __init__(self, columns: Sequence[str], in_order: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.in_order = frozenset(in_order)
        self.all_columns = list(columns)
        self.last_category: str | None = None
        """The category used last (applied again with ".")."""
        self._keys: list[str] = []
        self._items: dict[str, Row] = {}
        self._signature: tuple[object, ...] = ()
        self._widths: tuple[int, ...] = ()
        self._look: _Look | None = None
        self._cell_cache: dict[str, tuple[Row, tuple[Text, ...]]] = {}
        self._select_next: str | None = None
        """A note to put the cursor on once the table shows it."""

    # Drawing -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        localise_bindings(self, self.language)

    @property
    def column_names(self) -> list[str]:
        """The columns shown at this width: all of them, but on a phone's width not PHONE_LEAVES_OUT."""
        width = self.size.width or self.app.size.width
        if width < PHONE_BELOW and len(self.all_columns) > 4:
            return [name for name in self.all_columns if name not in PHONE_LEAVES_OUT]
        return self.all_columns

    def _column_widths(self) -> tuple[int, ...]:
        width = self.size.width or self.app.size.width
        narrow = width < NARROW_BELOW and len(self.column_names) > 4
        table = dict(NARROW_WIDTHS if narrow else COLUMN_WIDTHS)
        if not narrow:  # a wide terminal gives the categories room to show every one in full
            table["categories"] = max(table["categories"], min(CATEGORIES_AT_MOST, int(width * CATEGORIES_SHARE)))
        least = MIN_TEXT_WIDTH
        if width < PHONE_BELOW:  # a phone: the categories shortened ("Ledel…·Fasth…"), all in sight
            table["categories"] = PHONE_CATEGORIES
            least = PHONE_CATEGORIES
        fixed = [table.get(name, 0) for name in self.column_names]
        padding = 2 * self.cell_padding * len(self.column_names) + 2  # and the scrollbar
        text = max(least, width - sum(fixed) - padding)
        return tuple(text if name == "text" else w for name, w in zip(self.column_names, fixed))

    def _heading_title(self, name: str) -> str:
        titles = {
            "time": word("clock_short", self.language),
            "station": "St",
            "round": "R",
            "group": word("group", self.language),
            "author": word("author", self.language),
            "text": word("note", self.language),
            "categories": word("categories", self.language),
        }
        return titles.get(name, name)

    def show(self, rows: Sequence[Row], keys: Sequence[str] | None = None) -> None:
        """Show these rows; only what changed since the last call is redrawn.

        ``keys`` name the rows (default: the note's id, the heading's key); give them when a
        note appears more than once (under two categories).
        """
        session = self.session
        signature = (
            self.language,
            tuple((c.id, c.name, c.colour) for c in session.categories),
            tuple((g.id, g.name) for g in session.groups),
            tuple(s.id for s in session.stations),
        )
        widths = self._column_widths()
        if keys is None:
            keys = [row.key if isinstance(row, Heading) else row.id for row in rows]
        keys = list(keys)
        # A table scrolled to its end stays there: a note another note-taker adds below the last
        # row shows up, as in a chat (a table scrolled up to read stays where it is).
        follow = bool(self._keys) and self.scroll_y >= self.max_scroll_y and keys[-1:] != self._keys[-1:]
        if signature != self._signature or self._look is None:
            self._signature = signature
            self._look = _Look(session, self.language)
            self._cell_cache.clear()
            self._rebuild(keys, rows, widths)
        elif widths != self._widths or not self._update(keys, rows):
            self._rebuild(keys, rows, widths)
        if self._select_next is not None:
            self.select_note(self._select_next)
        if follow:
            self.scroll_end(animate=False)

    def _update(self, keys: list[str], rows: Sequence[Row]) -> bool:
        """Bring the table up to date in place; False when a rebuild is simpler."""
        wanted = set(keys)
        removed = [k for k in self._keys if k not in wanted]
        kept = [k for k in self._keys if k in wanted]
        if len(removed) > 50 or keys[: len(kept)] != kept:
            return False
        for key in removed:
            self.remove_row(key)
            del self._items[key]
            self._cell_cache.pop(key, None)
        added_keys: list[str] = []
        added_cells: list[tuple[Text, ...]] = []
        for key, row in zip(keys, rows):
            old = self._items.get(key)
            if old is None:
                added_keys.append(key)
                added_cells.append(self._cells(key, row))
            elif old is not row and old != row:
                for name, cell in zip(self.column_names, self._cells(key, row)):
                    self.update_cell(key, name, cell)
            self._items[key] = row
        if added_keys:
            self._append_rows(added_keys, added_cells)
        self._keys = keys
        return True

    def _rebuild(self, keys: list[str], rows: Sequence[Row], widths: tuple[int, ...]) -> None:
        selected = self.selected_key()
        if widths != self._widths:
            self._cell_cache.clear()  # the categories are fitted to their column's width
        self.clear(columns=widths != self._widths or not self.columns)
        if not self.columns:
            for name, width in zip(self.column_names, widths):
                self.add_column(self._heading_title(name), width=width, key=name)
        self._widths = widths
        with collecting_later(len(keys)):
            cells = [self._cells(key, row) for key, row in zip(keys, rows)]
            self._cell_cache = {key: (row, row_cells) for key, row, row_cells in zip(keys, rows, cells)}
            self._append_rows(keys, cells)
        self._keys = keys
        self._items = dict(zip(keys, rows))
        if selected in self._items:
            self.move_cursor(row=keys.index(selected), animate=False)

    def _append_rows(self, keys: list[str], cells: list[tuple[Text, ...]]) -> None:
        """Add many one-line rows at the bottom at once (every column has a fixed width)."""
        self.append_rows(keys, cells)

    def _cells(self, key: str, row: Row) -> tuple[Text, ...]:
        """The cells of a row, remembered while the note stays the same object."""
        cached = self._cell_cache.get(key)
        if cached is not None and cached[0] is row:
            return cached[1]
        assert self._look is not None
        cells = self._look.cells(row, self.column_names, self._categories_width())
        self._cell_cache[key] = (row, cells)
        return cells

    def _categories_width(self) -> int | None:
        """The categories column's width as the table has it now (None when it has none)."""
        if "categories" not in self.column_names:
            return None
        widths = self._widths or self._column_widths()
        return widths[self.column_names.index("categories")]

    def on_resize(self) -> None:
        if self._keys and self._column_widths() != self._widths:
            rows = [self._items[k] for k in self._keys]
            self._rebuild(list(self._keys), rows, self._column_widths())

    # What is selected ----------------------------------------------------------------------
    def selected_key(self) -> str | None:
        if not self._keys or not 0 <= self.cursor_row < len(self._keys):
            return None
        return self._keys[self.cursor_row]

    def selected_note(self) -> Note | None:
        key = self.selected_key()
        item = self._items.get(key) if key else None
        return item if isinstance(item, Note) else None

    def notes(self) -> list[Note]:
        """The notes shown, in table order."""
        return [item for key in self._keys if isinstance(item := self._items[key], Note)]

    def select_note(self, note_id: str) -> bool:
        """Move the cursor to the (first) row of this note; one not shown yet (just saved) gets the
        cursor when the table next shows it. True when the cursor is on it now."""
        for index, key in enumerate(self._keys):
            item = self._items[key]
            if isinstance(item, Note) and item.id == note_id:
                self.move_cursor(row=index, animate=False)
                self._select_next = None
                return True
        self._select_next = note_id
        return False

    # Coding --------------------------------------------------------------------------------
    def _note_or_tell(self) -> Note | None:
        note = self.selected_note()
        if note is None:
            self.notify(word("no_note_selected", self.language), severity="warning", markup=False)
        return note

    def _used(self, category_id: str) -> None:
        self.last_category = category_id
        self.post_message(self.CategoryUsed(category_id))

    def action_code(self, key: int) -> None:
        note = self._note_or_tell()
        if note is None:
            return
        category = category_for_key(self.session, key)
        if category is None:
            self.notify(word("no_category_key", self.language, key=key), severity="warning", markup=False)
            return
        store = self.store
        if self.workshop_app.attempt(lambda: store.toggle_category(note.id, category.id)) is not None:
            self._used(category.id)

    def action_repeat(self) -> None:
        note = self._note_or_tell()
        if note is None:
            return
        category = self.session.category(self.last_category) if self.last_category else None
        if category is None:
            self.notify(word("no_last", self.language), severity="warning", markup=False)
            return
        self._apply(note, Choice(category.id, category.name))

    def action_prompt(self) -> None:
        note = self._note_or_tell()
        if note is None:
            return
        from .category_prompt import CategoryPrompt

        def chosen(choice: Choice | None) -> None:
            if choice is not None:
                self._apply(note, choice)

        self.app.push_screen(CategoryPrompt(note_text=one_line(note.text)), chosen)

    def _apply(self, note: Note, choice: Choice) -> None:
        store = self.store
        result = self.workshop_app.attempt(lambda: apply_choice(store, note.id, choice))
        if result is None:
            return
        category, changed = result
        self._used(category.id)
        if choice.creates:
            key = category.key
            text = word(
                "created_category" if key else "created_category_nokey", self.language, name=category.name, key=key
            )
            self.notify(text, markup=False)
        elif not changed:
            self.notify(word("already_coded", self.language, name=category.name), markup=False)

    def action_next_uncoded(self) -> None:
        """Move to the next uncoded note below the cursor (wrapping round to the top)."""
        count = len(self._keys)
        below = range(self.cursor_row + 1, self.cursor_row + 1 + count)
        after = [(i % count, self._items[self._keys[i % count]]) for i in below]
        placed = [(index, item) for index, item in after if isinstance(item, Note)]
        note = next_uncoded([item for _, item in placed])
        if note is None:
            self.notify(word("every_coded", self.language), markup=False)
            return
        self.move_cursor(row=next(index for index, item in placed if item is note), animate=False)

    # Editing -------------------------------------------------------------------------------
    def action_edit(self) -> None:
        note = self._note_or_tell()
        if note is None:
            return
        from .note_dialogs import NoteEditor

        def edited(text: str | None) -> None:
            if text is None or text == note.text:
                return
            store = self.store
            self.workshop_app.attempt(lambda: store.edit_note(note.id, text=text))

        self.app.push_screen(NoteEditor(note.text, word("edit_note", self.language)), edited)

    def action_delete(self) -> None:
        note = self._note_or_tell()
        if note is None:
            return
        store = self.store
        if self.workshop_app.saved(lambda: store.delete_note(note.id)):
            self.notify(word("deleted", self.language), markup=False)
