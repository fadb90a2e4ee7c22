"""Setup without editing TOML: the evening, the programme, the stations, the groups and people.

Every edit goes through :mod:`workshop.planning.setup` (saved at once, undoable with ctrl+z, checked
like ``workshop check``); a refused edit keeps its form open and the app says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from workshop.model.session import Session
from workshop.planning import setup
from workshop.scheduling.rotation import RotationError, plan
from workshop.scheduling.timetable import planned, span
from workshop.storage.writer import SessionWriter
from workshop.words import word
from workshop.words.phrases import affiliation

from ..components.key_footer import KeyFooter
from ..components.note_dialogs import ChoiceDialog
from ..components.rotation_table import RotationTable
from ..evening_guard import Change, guarded_change
from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import PHONE_BELOW, SessionView
from .setup_forms import Field, FormScreen

TABS = ("setup-evening", "setup-program", "setup-stations", "setup-groups")
NARROW_BELOW = PHONE_BELOW
"""Fewer columns than this (a phone held upright): the tabs named without their keys' digits."""


def shape_costs(session: Session) -> list[str]:
    """What the generated rotation costs (groups waiting, visits missed), in plain words."""
    if session.rotation or session.schedule.mode != "groups":
        return []
    try:
        return list(plan(session).costs)
    except RotationError:
        return []


FLEX_AT_LEAST = 8
"""The columns a table's giving column keeps however narrow the screen (a phone's 44: "Ledelse…")."""


def fitted_widths(rows: list[list[str]], columns: list[str], flex: int, room: int) -> list[int | None]:
    """The columns' widths in ``room`` columns: None (as wide as their widest cell) while the table fits,
    else the ``flex`` column narrowed to what the others leave, its cells cut with "…".

    A table wider than the screen would scroll sideways, and nothing would say that the theme or the
    title goes on out of sight (each column has a cell's padding on either side).
    """
    natural = [max([cell_len(column), *(cell_len(row[index]) for row in rows)]) for index, column in enumerate(columns)]
    total = sum(natural) + 2 * len(columns)
    widths: list[int | None] = [None] * len(columns)
    if total > room and columns:
        flex = flex % len(columns)
        widths[flex] = max(FLEX_AT_LEAST, natural[flex] - (total - room))
    return widths


def _kind_choices(language: str) -> list[tuple[str, str]]:
    return [(word(kind, language), kind) for kind in setup.KINDS]


def stored_affiliation(text: str, language: str) -> str:
    """The affiliation as the session keeps it: a suggested one typed in the session's language
    ("politiker") is kept as the session file spells it ("politician"); any other word as typed."""
    typed = text.strip()
    for value in setup.AFFILIATIONS:
        if typed.casefold() in (value.casefold(), affiliation(value, language).casefold()):
            return value
    return typed


class SetupPane(SessionView, Vertical):
    """One tab of the setup: a table of things and the keys that change them.

    Each kind of pane defines ``show(session)``, which draws it from the session.
    """

    show: Callable[[Session], None]

    FLEX = -1
    """The column that gives way when the table is wider than the screen (the theme, the title)."""

    focus_key: str | None = None
    """The row to put the cursor on at the next fill (a row just added or moved)."""

    def __init__(self, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._filled: tuple[list[tuple[str, list[Any]]], list[str]] | None = None
        self._room = 0
        # Translated before the footer first shows them (each later change redraws the footer).
        localise_bindings(self, self.language)

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one(DataTable)

    def selected_key(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:  # noqa: BLE001 - an empty or changing table has no selection
            return None

    def fill(self, rows: list[tuple[str, list[Any]]], columns: list[str]) -> None:
        """Replace the rows, keeping the cursor where it was (or on ``self.focus_key``)."""
        table = self.table
        keep = self.focus_key or self.selected_key()
        row = table.cursor_row
        self._filled = (rows, columns)
        self._room = self.room()
        plain = [[cell if isinstance(cell, str) else cell.plain for cell in cells] for _, cells in rows]
        widths = fitted_widths(plain, columns, self.FLEX, self._room)
        table.clear(columns=True)
        for column, width in zip(columns, widths):
            table.add_column(Text(column, no_wrap=True, overflow="ellipsis"), width=width)
        for key, cells in rows:
            # A plain str cell would be read as Rich markup: user text is shown as written.
            texts = [Text(cell) if isinstance(cell, str) else cell.copy() for cell in cells]
            for text in texts:  # a cell too long for its column ends in "…"
                text.no_wrap, text.overflow = True, "ellipsis"
            table.add_row(*texts, key=key)
        keys = [key for key, _ in rows]
        if keep in keys:
            row = keys.index(keep)
        self.focus_key = None
        if rows:
            table.move_cursor(row=min(max(row, 0), len(rows) - 1), scroll=True)
        # Paint again once the new rows are measured (Textual may keep the old widths).
        self.call_after_refresh(table.refresh)

    def room(self) -> int:
        """The columns the table has: the pane's width (the screen's before it is laid out), less a scroll bar."""
        return (self.size.width or self.app.size.width) - 2

    def on_resize(self, event: events.Resize) -> None:
        """Another width: the giving column is fitted to it again."""
        if self._filled is not None and self.room() != self._room:
            self.fill(*self._filled)

    def run(self, change: Change, done: Callable[[], None] | None = None) -> bool:
        """Make a change through the app; True when it was saved now.

        A refusal is told. While the evening runs, a change that would move people first shows
        the rounds before and after and waits for a yes (:func:`..evening_guard.guarded_change`);
        ``done`` runs once the change has been made. The screen shows the change as every
        screen does (the app's ``SessionChanged``).
        """
        return guarded_change(self, change, done)

    def form(self, title: str, fields: list[Field], save: Callable[[dict[str, Any]], bool]) -> None:
        self.app.push_screen(FormScreen(title, fields, save, self.language))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row edits it, as e does."""
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        """Edit the selected row; panes without rows to edit leave Enter doing nothing."""


class EveningSetup(SetupPane):
    """Title, subtitle, date, place, start and language."""

    BINDINGS = [
        Binding("e", "edit", "Edit", id="setup.edit", tooltip="Change the evening's title, date, start or language"),
    ]

    FIELDS = ("title", "subtitle", "date", "location", "start", "language")
    FLEX = 1

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", id="setup-evening-table")
        yield Static(classes="setup-note", id="setup-evening-note", markup=False)

    def show(self, session: Session) -> None:
        language = session.workshop.language
        w = session.workshop
        values = {
            "title": w.title,
            "subtitle": w.subtitle,
            "date": w.date.isoformat() if w.date else "",
            "location": w.location,
            "start": w.start.strftime("%H.%M" if language == "da" else "%H:%M"),
            "language": word(w.language, language),
        }
        names = {
            "location": word("location", language),
            "date": word("date", language),
            "start": word("start", language),
        }
        rows = [(key, [names.get(key) or word(key, language), values[key]]) for key in self.FIELDS]
        self.fill(rows, [word("field", language), word("value", language)])
        slots = planned(session)
        note = ""
        if slots:
            first, last = span(slots[0], language).split(" ")[0], span(slots[-1], language).split(" ")[-1]
            note = f"{word('program', language)}: {first} – {last}"
        self.query_one("#setup-evening-note", Static).update(note)

    def action_edit(self) -> None:
        w = self.session.workshop
        language = self.language
        fields = [
            Field("title", word("title", language), w.title),
            Field("subtitle", word("subtitle", language), w.subtitle),
            Field("date", f"{word('date', language)} (2026-11-25)", w.date.isoformat() if w.date else ""),
            Field("location", word("location", language), w.location),
            Field("start", f"{word('start', language)} (18.00)", w.start.strftime("%H.%M")),
            Field(
                "language",
                word("language", language),
                w.language,
                "choice",
                [(word("da", language), "da"), (word("en", language), "en")],
            ),
        ]

        def save(values: dict[str, Any]) -> bool:
            return self.run(lambda store: setup.update_workshop(store, **values))

        self.form(word("evening", language), fields, save)


class ProgrammeSetup(SetupPane):
    """The programme items, their kind and minutes, in order; the times follow."""

    BINDINGS = [
        Binding("a", "add", "Add", id="setup.add", tooltip="Add a programme item after the selected one"),
        Binding("e", "edit", "Edit", id="setup.edit", tooltip="Change the selected item's title, minutes or kind"),
        Binding("x", "remove", "Remove", id="setup.remove", tooltip="Remove the selected item"),
        Binding("u", "move(-1)", "Up", id="setup.up", tooltip="Move the selected item up"),
        Binding("d", "move(1)", "Down", id="setup.down", tooltip="Move the selected item down"),
    ]

    FLEX = 1  # the title

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True, id="setup-program-table")

    def show(self, session: Session) -> None:
        language = session.workshop.language
        rows = [
            (
                slot.item.id,
                [span(slot, language), slot.item.title, word(slot.item.kind, language), str(slot.item.minutes)],
            )
            for slot in planned(session)
        ]
        self.fill(
            rows,
            [
                word("time", language),
                word("activity", language),
                word("kind", language),
                word("minutes_unit", language),
            ],
        )

    def _fields(
        self, title: str = "", minutes: str = "30", kind: str = "plenary", description: str = ""
    ) -> list[Field]:
        language = self.language
        return [
            Field("title", word("title", language), title),
            Field("minutes", word("minutes_unit", language), minutes, "number"),
            Field("kind", word("kind", language), kind, "choice", _kind_choices(language)),
            Field("description", word("description", language), description),
        ]

    def action_add(self) -> None:
        after = self.selected_key()

        def save(values: dict[str, Any]) -> bool:
            outcome: list[setup.Outcome] = []

            def add(store: SessionWriter) -> None:
                outcome[:] = [setup.add_item(store, after=after, **values)]

            def added() -> None:
                self.focus_key = outcome[0].id

            return self.run(add, added)

        self.form(word("new_item", self.language), self._fields(), save)

    def action_edit(self) -> None:
        key = self.selected_key()
        item = next((i for i in self.session.program if i.id == key), None)
        if item is None:
            return

        def save(values: dict[str, Any]) -> bool:
            return self.run(lambda store: setup.update_item(store, item.id, **values))

        self.form(
            f"{word('edit', self.language)}: {item.title}",
            self._fields(item.title, str(item.minutes), item.kind, item.description),
            save,
        )

    def action_remove(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.run(lambda store: setup.remove_item(store, key))

    def action_move(self, offset: int) -> None:
        key = self.selected_key()
        if key is not None:
            self.focus_key = key
            self.run(lambda store: setup.move_item(store, key, offset))


class StationSetup(SetupPane):
    """The stations (theme, host, questions) and the rotation they give."""

    BINDINGS = [
        Binding("a", "add", "Add", id="setup.add", tooltip="Add a station (with its group and round)"),
        Binding("e", "edit", "Edit", id="setup.edit", tooltip="Change the selected station's name, host or questions"),
        Binding(
            "x", "remove", "Remove", id="setup.remove", tooltip="Remove the selected station (with a group and a round)"
        ),
        Binding("u", "move(-1)", "Up", id="setup.up", tooltip="Move the selected station up"),
        Binding("d", "move(1)", "Down", id="setup.down", tooltip="Move the selected station down"),
    ]

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True, id="setup-stations-table")
        yield Static(classes="section-title", id="setup-rotation-title", markup=False)
        yield RotationTable(id="setup-rotation")
        yield Static(classes="problem", id="setup-rotation-problem", markup=False)
        yield Static(classes="setup-note", id="setup-rotation-costs", markup=False)

    def show(self, session: Session) -> None:
        language = session.workshop.language
        rows = [
            (station.id, [str(number), station.host, str(len(station.questions)), station.name])
            for number, station in enumerate(session.stations, start=1)
        ]
        self.fill(rows, ["#", word("host", language), word("questions", language), word("theme", language)])
        self.query_one("#setup-rotation-title", Static).update(word("rotation", language))
        rotation = self.query_one(RotationTable)
        rotation.show(session)
        self.call_after_refresh(rotation.refresh)  # paint again once measured (stale widths)
        problem = self.query_one("#setup-rotation-problem", Static)
        problem.update(rotation.problem or "")
        problem.display = bool(rotation.problem)
        costs = self.query_one("#setup-rotation-costs", Static)
        shown = shape_costs(session)
        costs.update(f"{word('shape_costs', language)}: " + "; ".join(shown) if shown else "")
        costs.display = bool(shown)

    def _fields(self, name: str = "", host: str = "", questions: str = "") -> list[Field]:
        language = self.language
        return [
            Field("name", word("theme", language), name),
            Field("host", word("host", language), host),
            Field(
                "questions", f"{word('questions', language)} ({word('questions_hint', language)})", questions, "lines"
            ),
        ]

    def _tell(self, outcome: setup.Outcome, key: str) -> None:
        if not outcome.also:
            return
        language = self.language
        parts = []
        for what, name in outcome.also:
            if what == "without_group":
                parts.append(f"{name} × {word('without_group', language).lower()}")
            else:
                parts.append(f"{word('group' if what == 'group' else 'round', language)}: {name}")
        self.app.notify(f"{word(key, language)}: " + "; ".join(parts), timeout=8, markup=False)

    def action_add(self) -> None:
        language = self.language
        questions = "\n".join(self.session.stations[-1].questions) if self.session.stations else ""

        def add_it(values: dict[str, Any], keep_square: bool) -> bool:
            outcome: list[setup.Outcome] = []

            def add(store: SessionWriter) -> None:
                lines = values["questions"].split("\n")
                outcome[:] = [setup.add_station(store, values["name"], values["host"], lines, keep_square=keep_square)]

            def added() -> None:
                self.focus_key = outcome[0].id
                self._tell(outcome[0], "also_added")

            return self.run(add, added)

        def save(values: dict[str, Any]) -> bool:
            brings = setup.companions(self.session)
            if not brings:
                return add_it(values, keep_square=False)
            self._ask_square(values, brings, add_it)
            return False  # the form stays under the question: Esc goes back to it, nothing added

        self.form(word("new_station", language), self._fields(questions=questions), save)

    def _ask_square(
        self, values: dict[str, Any], brings: set[str], add_it: Callable[[dict[str, Any], bool], bool]
    ) -> None:
        """A square evening (as many groups and rounds as stations): add a group and a round with the
        new station, or leave it idle in the rounds that have no group for it. Esc adds nothing."""
        from ..components.note_dialogs import ChoiceDialog

        form = self.app.screen
        language = self.language
        n = len(self.session.stations) + 1
        square = word("square_add_group_round" if "group" in brings else "square_add_round", language, number=n)
        choices = [("square", square), ("idle", word("square_leave_idle", language))]

        def answered(choice: str | None) -> None:
            if choice is not None and add_it(values, choice == "square"):
                form.dismiss(None)

        title = word("square_title", language, name=values["name"].strip(), stations=n - 1)
        self.app.push_screen(ChoiceDialog(title, choices, "square"), answered)

    def action_edit(self) -> None:
        key = self.selected_key()
        station = self.session.station(key) if key else None
        if station is None:
            return

        def save(values: dict[str, Any]) -> bool:
            return self.run(
                lambda store: setup.update_station(
                    store,
                    station.id,
                    name=values["name"],
                    host=values["host"],
                    questions=values["questions"].split("\n"),
                )
            )

        self.form(
            f"{word('edit', self.language)}: {station.name}",
            self._fields(station.name, station.host, "\n".join(station.questions)),
            save,
        )

    def action_remove(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        outcome: list[setup.Outcome] = []

        def remove(store: SessionWriter) -> None:
            outcome[:] = [setup.remove_station(store, key)]

        self.run(remove, lambda: self._tell(outcome[0], "also_removed"))

    def action_move(self, offset: int) -> None:
        key = self.selected_key()
        if key is not None:
            self.focus_key = key
            self.run(lambda store: setup.move_station(store, key, offset))


class GroupSetup(SetupPane):
    """The groups with their people, and the people without a group."""

    BINDINGS = [
        Binding("a", "add", "Add person", id="setup.add_person", tooltip="Add a person to the selected group"),
        Binding("e", "edit", "Edit", id="setup.edit", tooltip="Change the selected person (or rename the group)"),
        Binding(
            "m", "move", "Move person", id="setup.move_person", tooltip="Move the selected person to another group"
        ),
        Binding("x", "remove", "Remove", id="setup.remove", tooltip="Remove the selected person"),
        Binding("r", "rename", "Rename group", id="setup.rename_group", tooltip="Give the selected group a new name"),
        Binding("g", "add_group", "New group", id="setup.add_group", show=False, tooltip="Add a group"),
    ]

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", id="setup-groups-table")

    def show(self, session: Session) -> None:
        language = session.workshop.language
        rows: list[tuple[str, list[Any]]] = []
        sections = [(g.id, g.name, g.members) for g in session.groups]
        sections.append(("", word("without_group", language), session.participants))
        for gid, name, members in sections:
            rows.append((f"g|{gid}", [Text(f"{name} ({len(members)})", style="bold"), "", ""]))
            for index, member in enumerate(members):
                rows.append((f"m|{gid}|{index}", ["", member.name, affiliation(member.affiliation, language)]))
        self.fill(rows, [word("group", language), word("name", language), word("affiliation", language)])

    def _where(self) -> tuple[str | None, str | None, int | None]:
        """(kind "g" or "m", group id or None for no group, member index or None)."""
        key = self.selected_key()
        if key is None:
            return None, None, None
        parts = key.split("|")
        gid = parts[1] or None
        return parts[0], gid, int(parts[2]) if len(parts) > 2 else None

    def _person_fields(self, name: str = "", value: str = "") -> list[Field]:
        language = self.language
        suggestions = [affiliation(a, language) for a in setup.AFFILIATIONS]
        hint = word("affiliation_hint", language, examples=", ".join(suggestions))
        return [
            Field("name", word("name", language), name),
            Field(
                "affiliation",
                f"{word('affiliation', language)} ({hint})",
                affiliation(value, language),
                suggestions=suggestions,
            ),
        ]

    def action_add(self) -> None:
        kind, gid, _ = self._where()
        if kind is None:
            return

        def save(values: dict[str, Any]) -> bool:
            stored = stored_affiliation(values["affiliation"], self.language)

            def added() -> None:
                self.focus_key = f"m|{gid or ''}|{len(setup.members_of(self.session, gid)) - 1}"

            return self.run(lambda store: setup.add_member(store, gid, values["name"], stored), added)

        self.form(word("new_person", self.language), self._person_fields(), save)

    def action_edit(self) -> None:
        kind, gid, index = self._where()
        if kind == "g":
            self.action_rename()
            return
        if kind != "m" or index is None:
            return
        person = setup.members_of(self.session, gid)[index]

        def save(values: dict[str, Any]) -> bool:
            stored = stored_affiliation(values["affiliation"], self.language)
            return self.run(
                lambda store: setup.update_member(
                    store, gid, index, name=values["name"], affiliation=stored, was=person.name
                )
            )

        self.form(
            f"{word('edit', self.language)}: {person.name}",
            self._person_fields(person.name, person.affiliation or ""),
            save,
        )

    def action_remove(self) -> None:
        kind, gid, index = self._where()
        if kind != "m" or index is None:
            return
        person = setup.members_of(self.session, gid)[index]
        self.run(lambda store: setup.remove_member(store, gid, index, was=person.name))

    def action_move(self) -> None:
        kind, gid, index = self._where()
        if kind != "m" or index is None:
            return
        language = self.language
        person = setup.members_of(self.session, gid)[index]
        choices: list[tuple[str, str | Text]] = [(g.id, g.name) for g in self.session.groups if g.id != gid]
        if gid is not None:
            choices.append((ChoiceDialog.NONE, word("without_group", language)))

        def chosen(target: str | None) -> None:
            if target is None:
                return
            to = None if target == ChoiceDialog.NONE else target

            def moved() -> None:
                self.focus_key = f"m|{to or ''}|{len(setup.members_of(self.session, to)) - 1}"

            self.run(lambda store: setup.move_member(store, gid, index, to, was=person.name), moved)

        self.app.push_screen(ChoiceDialog(f"{word('move_to', language)}: {person.name}", choices), chosen)

    def action_rename(self) -> None:
        _, gid, _ = self._where()
        group = self.session.group(gid) if gid else None
        if group is None:
            return

        def save(values: dict[str, Any]) -> bool:
            return self.run(lambda store: setup.rename_group(store, group.id, values["name"]))

        self.form(word("rename_group", self.language), [Field("name", word("name", self.language), group.name)], save)

    def action_add_group(self) -> None:
        language = self.language

        def save(values: dict[str, Any]) -> bool:
            return self.run(lambda store: setup.add_group(store, values["name"]))

        number = len(self.session.groups) + 1
        name = Field("name", word("name", language), f"{word('group', language)} {number}")
        self.form(word("group", language), [name], save)


class SetupScreen(SessionView, Screen[None]):
    """Four tabs: the evening, the programme, the stations, the groups and people."""

    CSS_PATH = "setup.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="setup.back", tooltip="Back to the programme"),
        Binding(
            "1",
            "tab('setup-evening')",
            "Evening",
            id="setup.tab.evening",
            show=False,
            tooltip="Title, date, start and language",
        ),
        Binding(
            "2",
            "tab('setup-program')",
            "Programme",
            id="setup.tab.program",
            show=False,
            tooltip="Programme items, minutes and kinds",
        ),
        Binding(
            "3",
            "tab('setup-stations')",
            "Stations",
            id="setup.tab.stations",
            show=False,
            tooltip="Stations, hosts and questions",
        ),
        Binding("4", "tab('setup-groups')", "Groups", id="setup.tab.groups", show=False, tooltip="Groups and people"),
    ]

    def __init__(self, tab: str = "setup-program") -> None:
        super().__init__()
        self.initial_tab = tab
        self._language: str | None = None
        self._drawn_version = -1
        self._stale: set[str] = set(TABS)
        self._localised: str | None = self.language
        self._narrow = False
        localise_bindings(self, self._localised)

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial=self.initial_tab, id="setup-tabs"):
            with TabPane("1", id="setup-evening"):
                yield EveningSetup()
            with TabPane("2", id="setup-program"):
                yield ProgrammeSetup()
            with TabPane("3", id="setup-stations"):
                yield StationSetup()
            with TabPane("4", id="setup-groups"):
                yield GroupSetup()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.redraw()
        self._focus_table(self.initial_tab)

    def on_session_changed(self, message: SessionChanged) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Show the session: the visible tab now, the others when they are opened."""
        store = self.store
        session = store.session
        language = session.workshop.language
        if store.version == self._drawn_version and language == self._language:
            return
        self._drawn_version = store.version
        if language != self._language:
            self._language = language
            if language != self._localised:
                self._localised = language
                localise_bindings(self, language)
                for pane in self.query(SetupPane):
                    localise_bindings(pane, language)
            self.label_tabs()
        self.app.title = session.workshop.title
        self.sub_title = word("setup", language)
        self._stale = set(TABS)
        self._show_pane(self.query_one(TabbedContent).active or self.initial_tab)

    def label_tabs(self) -> None:
        """The tabs' names with the key that opens each ("3 Stationer"); on a phone's width only the
        names, so all four fit (the tab bar would otherwise run out of sight at "4 Gruppe")."""
        language = self.language
        narrow = self.app.size.width < NARROW_BELOW
        self._narrow = narrow
        tabs = self.query_one(TabbedContent)
        titles = {
            "setup-evening": word("evening", language),
            "setup-program": word("program", language),
            "setup-stations": word("stations", language),
            "setup-groups": word("groups", language),
        }
        for number, pane_id in enumerate(TABS, start=1):
            tabs.get_tab(pane_id).label = titles[pane_id] if narrow else f"{number} {titles[pane_id]}"

    def on_resize(self, event: events.Resize) -> None:
        if (event.size.width < NARROW_BELOW) != self._narrow:
            self.label_tabs()

    def _show_pane(self, pane_id: str) -> None:
        if pane_id not in self._stale:
            return
        self._stale.discard(pane_id)
        pane = self.query_one(f"#{pane_id}", TabPane).query_one(SetupPane)
        pane.show(self.session)

    def _focus_table(self, pane_id: str) -> None:
        pane = self.query_one(f"#{pane_id}", TabPane)
        pane.query_one(DataTable).focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self._show_pane(event.pane.id)
            self.call_after_refresh(self._focus_table, event.pane.id)

    def action_tab(self, pane_id: str) -> None:
        self.query_one(TabbedContent).active = pane_id
        self._show_pane(pane_id)
        self._focus_table(pane_id)

    def action_back(self) -> None:
        self.app.pop_screen()
