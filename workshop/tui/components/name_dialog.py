"""Before the anonymized minutes are written: the places where a word is both a person's name and an
ordinary word and the text cannot tell which ("Hans leder …" at a sentence's start).

Each place is a row with the text around it; ``n`` marks it a name (replaced), ``o`` the ordinary word
(kept). Enter writes the file with these decisions, which are kept in the session for the next export;
a place left open is replaced, as in the report. Esc writes nothing. Returns the decisions, or None.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from workshop.documents.anonymize import Case
from workshop.words import word

from ..localise import localise_bindings

Decided = list[tuple[Case, bool]]


class NameDialog(ModalScreen[Decided | None]):
    """The undecided places, one a row: n a name, o the ordinary word; Enter writes, Esc writes nothing."""

    DEFAULT_CLASSES = "dialog"
    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("n", "name", "Name", id="names.name", tooltip="The word is a person's name here: replace it"),
        Binding("o", "word", "Ordinary word", id="names.word", tooltip="The word is the ordinary word here: keep it"),
        # A priority key: the table never takes Enter for itself.
        Binding(
            "enter",
            "done",
            "Write",
            id="names.done",
            priority=True,
            tooltip="Write the file with these decisions (kept for the next export)",
        ),
        Binding("escape", "cancel", "Cancel", id="names.cancel", tooltip="Write nothing"),
    ]

    def __init__(self, cases: list[Case], language: str) -> None:
        super().__init__()
        self.cases = cases
        self.language = language
        self.decisions: dict[int, bool] = {}

    def compose(self) -> ComposeResult:
        language = self.language
        with Vertical():
            yield Static(word("names_title", language, count=len(self.cases)), classes="dialog-title", markup=False)
            yield Static(word("names_intro", language), markup=False)
            table: DataTable[str | Text] = DataTable(cursor_type="row", zebra_stripes=True, id="names-cases")
            table.add_column(word("names_word", language), key="word")
            table.add_column(word("names_decision", language), key="decision", width=8)
            table.add_column(word("names_context", language), key="context")
            for index, case in enumerate(self.cases):
                table.add_row(
                    Text(case.word, style="bold"), self._decision(index), Text(case.shown), key=str(index), height=None
                )
            yield table
            yield Static(word("names_hint", language), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        localise_bindings(self, self.language)
        self.query_one(DataTable).focus()

    def _decision(self, index: int) -> Text:
        if index not in self.decisions:
            return Text(word("names_open", self.language), style="dim")
        return Text(word("names_is_name" if self.decisions[index] else "names_is_word", self.language))

    def _mark(self, name: bool) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        index = table.cursor_row
        self.decisions[index] = name
        table.update_cell(str(index), "decision", self._decision(index))
        if index + 1 < table.row_count:
            table.move_cursor(row=index + 1)

    def action_name(self) -> None:
        self._mark(True)

    def action_word(self) -> None:
        self._mark(False)

    def action_done(self) -> None:
        self.dismiss([(self.cases[index], name) for index, name in sorted(self.decisions.items())])

    def action_cancel(self) -> None:
        self.dismiss(None)
