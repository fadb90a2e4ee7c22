"""The codebook: the categories that emerged while coding, and how they are reshaped.

Rename, recolour, describe, re-key, merge, split and delete; each is one change in the store,
so ctrl+z takes it back (a merge or delete with every note it touched). A name that is taken
already is refused in the dialog with a clear message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.color import Color, ColorParseError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from workshop.model.session import Category, Session
from workshop.notes import codebook
from workshop.storage.writer import ChangeRefused
from workshop.words import word

from ..components.category_keys import category_style
from ..components.key_footer import KeyFooter
from ..components.note_dialogs import ChoiceDialog, NotePicker, TextDialog
from ..components.note_table import one_line
from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import PHONE_BELOW, SessionView, refusal_text, workshop_app

NARROW_BELOW = PHONE_BELOW
"""Fewer columns than this (a phone held upright): the table fits without its description column."""


class CodebookTable(DataTable[Text]):
    """Key, name, colour, how many notes, description of every category."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def show(self, session: Session) -> None:
        language = session.workshop.language
        selected = self.selected_id()
        counts: dict[str, int] = {}
        for note in session.notes:
            for category_id in note.categories:
                counts[category_id] = counts.get(category_id, 0) + 1
        width = self.size.width or self.app.size.width
        narrow = width < NARROW_BELOW  # a phone: the colour as its swatch, the description only under the table
        self.clear(columns=True)
        self.add_column(word("key", language), key="key", width=4)
        if narrow:
            name = max(10, width - 4 - 2 - 6 - 2 * self.cell_padding * 4 - 2)
            self.add_column(word("name", language), key="name", width=name)
            self.add_column("", key="colour", width=2)
        else:
            self.add_column(word("name", language), key="name", width=22)
            self.add_column(word("colour", language), key="colour", width=12)
        self.add_column(word("notes", language), key="count", width=6)
        if not narrow:
            rest = width - 4 - 22 - 12 - 6 - 2 * self.cell_padding * 5 - 2
            self.add_column(word("description", language), key="description", width=max(10, rest))
        for category in session.categories:
            swatch = Text("██ ", style=category_style(category.colour, ""))
            if not narrow:
                swatch += Text(category.colour or "-")
            cells = [
                Text(str(category.key) if category.key else "-", style="bold"),
                Text(category.name, style=category_style(category.colour), no_wrap=True, overflow="ellipsis"),
                swatch,
                Text(str(counts.get(category.id, 0)), justify="right"),
            ]
            if not narrow:
                cells.append(Text(one_line(category.description), no_wrap=True, overflow="ellipsis"))
            self.add_row(*cells, key=category.id)
        ids = [c.id for c in session.categories]
        if selected in ids:
            self.move_cursor(row=ids.index(selected), animate=False)

    def on_resize(self) -> None:
        if self.row_count:
            self.show(workshop_app(self).store.session)

    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value


class CodebookScreen(SessionView, Screen[None]):
    """The codebook of the session (push it; escape goes back)."""

    CSS_PATH = "codebook.tcss"

    BINDINGS = [
        Binding("n", "new", "New", id="codebook.new", tooltip="Add a category (it gets the next free key and colour)"),
        Binding("r", "rename", "Rename", id="codebook.rename", tooltip="Rename the category (names must differ)"),
        Binding("c", "colour", "Colour", show=False, id="codebook.colour", tooltip="Give the category another colour"),
        Binding(
            "d", "describe", "Describe", show=False, id="codebook.describe", tooltip="Say what belongs in the category"
        ),
        Binding(
            "k",
            "rekey",
            "Key",
            show=False,
            id="codebook.key",
            tooltip="Give the category a key 1-9 (a key in use moves here)",
        ),
        Binding(
            "m",
            "merge",
            "Merge",
            id="codebook.merge",
            tooltip="Move every note of the category to another one and remove it (undoable)",
        ),
        Binding("s", "split", "Split", id="codebook.split", tooltip="Move chosen notes of the category to a new one"),
        Binding(
            "x,delete",
            "delete",
            "Delete",
            key_display="x",
            id="codebook.delete",
            tooltip="Delete the category; its notes lose it (undoable)",
        ),
        Binding("escape", "close", "Close", key_display="esc", id="codebook.close", tooltip="Back to the notes"),
    ]

    select_next: str | None = None
    """A category to put the cursor on once the table shows it (one just made)."""

    def compose(self) -> ComposeResult:
        yield Static(id="codebook-title", markup=False)
        yield CodebookTable(id="codebook-table")
        yield Static(id="codebook-description")
        yield Static(id="codebook-hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        localise_bindings(self, self.language)
        self.redraw()
        self.query_one(CodebookTable).focus()

    def on_session_changed(self, message: SessionChanged) -> None:
        self.redraw()

    def redraw(self) -> None:
        session = self.session
        self.query_one("#codebook-title", Static).update(
            f"{word('codebook', self.language)} · {len(session.categories)} {word('categories', self.language).lower()}"
        )
        self.query_one("#codebook-hint", Static).update(word("codebook_hint", self.language))
        self.query_one(CodebookTable).show(session)
        if self.select_next is not None:
            wanted, self.select_next = self.select_next, None
            self._move_to(wanted)
        self._describe_selected()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe_selected()

    def _describe_selected(self) -> None:
        category = self.selected()
        text = Text()
        if category is not None:
            text.append(category.name, style=category_style(category.colour))
            if category.description:
                text.append(f": {category.description}")
        self.query_one("#codebook-description", Static).update(text)

    def selected(self) -> Category | None:
        ident = self.query_one(CodebookTable).selected_id()
        return self.session.category(ident) if ident else None

    # Changing ------------------------------------------------------------------------------
    def _change(self, change: Callable[[], object]) -> str | None:
        """Run a store change: None when done, else the problem (also shown as a notice)."""
        try:
            change()
        except ChangeRefused as error:
            return refusal_text(error, self.language)
        except KeyError as error:
            return str(error).strip("'\"")
        self.workshop_app.changed()
        return None

    def _with_selected(self) -> Category | None:
        category = self.selected()
        if category is None:
            self.notify(word("no_category", self.language), severity="warning", markup=False)
        return category

    def action_new(self) -> None:
        store = self.store
        created: list[Category] = []

        def submit(name: str) -> str | None:
            try:
                self._refuse_taken(name)
            except ValueError as error:
                return str(error)
            return self._change(lambda: created.append(codebook.create(store, name)))

        def done(value: str | None) -> None:
            if created:
                self._select(created[0].id)

        self.app.push_screen(TextDialog(word("new_category", self.language), submit=submit), done)

    def _select(self, category_id: str) -> None:
        """Put the cursor on a category (at the next redraw, when the table does not show it yet)."""
        if not self._move_to(category_id):
            self.select_next = category_id

    def _move_to(self, category_id: str) -> bool:
        table = self.query_one(CodebookTable)
        keys = [row.key.value for row in table.ordered_rows]
        if category_id not in keys:
            return False
        table.move_cursor(row=keys.index(category_id), animate=False)
        self._describe_selected()
        return True

    def _edit(self, title: str, value: str, hint: str, make: Callable[[Category, str], dict[str, Any]]) -> None:
        category = self._with_selected()
        if category is None:
            return
        store = self.store

        def submit(text: str) -> str | None:
            try:
                changes = make(category, text)
            except ValueError as error:
                return str(error)
            return self._change(lambda: codebook.update(store, category.id, **changes))

        self.app.push_screen(TextDialog(f"{title}: {category.name}", value, hint=hint, submit=submit))

    def action_rename(self) -> None:
        def make(category: Category, value: str) -> dict[str, Any]:
            self._refuse_taken(value, category.id)
            return {"name": value}

        category = self.selected()
        self._edit(word("rename", self.language), category.name if category else "", "", make)

    def _refuse_taken(self, name: str, own_id: str | None = None) -> None:
        """Say plainly that a name is taken, before the dialog closes (the store refuses it too)."""
        if not " ".join(name.split()):
            raise ValueError(word("name_needed", self.language))
        other = codebook.find_by_name(self.session, name)
        if other is not None and other.id != own_id:
            raise ValueError(word("name_taken", self.language, name=other.name))

    def action_colour(self) -> None:
        def make(category: Category, value: str) -> dict[str, Any]:
            value = value.strip()
            if value:
                try:
                    Color.parse(value)
                except ColorParseError:
                    unknown, hint = word("unknown_colour", self.language), word("colour_hint", self.language)
                    raise ValueError(f'"{value}": {unknown} ({hint})') from None
            return {"colour": value}

        category = self.selected()
        current = category.colour if category else ""
        self._edit(word("recolour", self.language), current, word("colour_hint", self.language), make)

    def action_describe(self) -> None:
        category = self.selected()
        current = category.description if category else ""
        self._edit(word("describe", self.language), current, "", lambda c, v: {"description": v.strip()})

    def action_rekey(self) -> None:
        def make(category: Category, value: str) -> dict[str, Any]:
            value = value.strip()
            if not value:
                return {"key": None}
            if value not in {str(k) for k in range(1, 10)}:
                raise ValueError(word("key_invalid", self.language))
            return {"key": int(value)}

        category = self.selected()
        current = str(category.key) if category and category.key else ""
        self._edit(word("rekey", self.language), current, word("key_hint", self.language), make)

    def action_merge(self) -> None:
        source = self._with_selected()
        if source is None:
            return
        others: list[tuple[str, str | Text]] = [
            (c.id, Text(c.name, style=category_style(c.colour))) for c in self.session.categories if c.id != source.id
        ]
        if not others:
            self.notify(word("merge_self", self.language), severity="warning", markup=False)
            return
        store = self.store

        def chosen(target_id: str | None) -> None:
            target = self.session.category(target_id) if target_id else None
            if target is None:
                return
            moved: list[int] = []
            problem = self._change(lambda: moved.append(codebook.merge(store, source.id, target.id)))
            if problem:
                self.notify(problem, severity="error", markup=False)
                return
            merged = word("merged", self.language, source=source.name, target=target.name, count=moved[0])
            self.notify(merged, markup=False)
            self._select(target.id)

        self.app.push_screen(ChoiceDialog(word("merge_into", self.language, name=source.name), others), chosen)

    def action_split(self) -> None:
        source = self._with_selected()
        if source is None:
            return
        notes = [(n.id, one_line(n.text)) for n in self.session.notes if source.id in n.categories]
        if not notes:
            self.notify(word("split_empty", self.language, name=source.name), severity="warning", markup=False)
            return
        store = self.store

        def picked(note_ids: list[str] | None) -> None:
            if note_ids is None:
                return
            if not note_ids:
                self.notify(word("split_none", self.language), severity="warning", markup=False)
                return
            created: list[Category] = []

            def submit(name: str) -> str | None:
                try:
                    self._refuse_taken(name)
                except ValueError as error:
                    return str(error)
                return self._change(lambda: created.append(codebook.split(store, source.id, note_ids, name)))

            def done(value: str | None) -> None:
                if created:
                    done_text = word("split_done", self.language, count=len(note_ids), name=created[0].name)
                    self.notify(done_text, markup=False)
                    self._select(created[0].id)

            self.app.push_screen(TextDialog(word("split_name", self.language), submit=submit), done)

        self.app.push_screen(NotePicker(f"{source.name}: {word('split_choose', self.language)}", notes), picked)

    def action_delete(self) -> None:
        category = self._with_selected()
        if category is None:
            return
        store = self.store
        touched: list[int] = []
        problem = self._change(lambda: touched.append(codebook.delete(store, category.id)))
        if problem:
            self.notify(problem, severity="error", markup=False)
            return
        self.notify(word("deleted_category", self.language, name=category.name, count=touched[0]), markup=False)

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
