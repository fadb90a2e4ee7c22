"""Before a change moves people during the evening: the rounds before and after, and a question.

Shows only what would differ: for each round that changes, the stations where someone else
would be, and the groups that would wait; the rounds that have started are named as kept (or,
re-mixing, as changing too). Enter makes the change, Esc leaves everything as it is. Returns
True (make it) or False.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from workshop.model.session import Session
from workshop.scheduling.evening_changes import EveningChange, waiting
from workshop.scheduling.rotation import Round, remixing
from workshop.words import word

from ..localise import localise_bindings

CELL_WIDTH = 200
"""The longest a before or after cell gets (re-mixing lists people; the cells wrap)."""
DIALOG_WIDTH = 110
STATION_WIDTH = 28


def _names(session: Session, ids: list[str]) -> str:
    """Group ids as their names (re-mixing: the people's names as they are)."""
    if remixing(session):
        return ", ".join(ids)
    return ", ".join(group.name if (group := session.group(i)) else i for i in ids)


def _short(text: str, width: int = CELL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def change_rows(change: EveningChange, before: Session, after: Session) -> list[tuple[str, str, str, str]]:
    """(round, station, before, after) for every place that would change, round by round."""
    language = after.workshop.language
    nobody = word("nobody", language)
    numbers = {s.id: (n, s.name) for n, s in enumerate(after.stations, start=1)}
    numbers |= {s.id: (n, s.name) for n, s in enumerate(before.stations, start=1) if s.id not in numbers}
    rows: list[tuple[str, str, str, str]] = []
    for number in change.changed:
        old: Round = change.before[number - 1] if number <= len(change.before) else {}
        new: Round = change.after[number - 1] if number <= len(change.after) else {}
        label = f"{word('round', language)} {number}"
        stations = list(dict.fromkeys([*new, *old]))
        stations.sort(key=lambda ident: numbers.get(ident, (999, ident))[0])
        for station in stations:
            was, now = sorted(old.get(station, [])), sorted(new.get(station, []))
            if was == now:
                continue
            place, name = numbers.get(station, (0, station))
            rows.append(
                (
                    label,
                    _short(f"{word('station', language)} {place}: {name}", STATION_WIDTH),
                    _short(_names(before, was) or nobody),
                    _short(_names(after, now) or nobody),
                )
            )
            label = ""
        if not remixing(after):
            was_waiting = waiting(before, old) if old else []
            now_waiting = waiting(after, new) if new else []
            if was_waiting != now_waiting:
                rows.append(
                    (
                        label,
                        word("waits", language).capitalize(),
                        _short(_names(before, was_waiting) or nobody),
                        _short(_names(after, now_waiting) or nobody),
                    )
                )
    return rows


class EveningChangeDialog(ModalScreen[bool]):
    """The rounds before and after a change during the evening; Enter makes it, Esc does not."""

    DEFAULT_CLASSES = "dialog"
    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        # A priority key: the table (where the arrows scroll the rounds) never takes Enter for itself.
        Binding(
            "enter",
            "confirm",
            "Make the change",
            id="evening.confirm",
            priority=True,
            tooltip="Make the change: the rounds become as shown under After",
        ),
        Binding("escape", "cancel", "Leave it", id="evening.cancel", tooltip="Leave everything as it is"),
    ]

    def __init__(self, title: str, change: EveningChange, before: Session, after: Session) -> None:
        super().__init__()
        self.title_text = title
        self.change = change
        self.before = before
        self.after = after

    def compose(self) -> ComposeResult:
        language = self.after.workshop.language
        change = self.change
        with Vertical():
            yield Static(self.title_text, classes="dialog-title", markup=False)
            if change.started_moved:
                rounds = ", ".join(str(n) for n in change.started_moved)
                yield Static(
                    word("evening_remix_moves", language, rounds=rounds), classes="evening-warning", markup=False
                )
            elif change.kept == 1:
                yield Static(word("evening_kept_one", language), markup=False)
            elif change.kept > 1:
                yield Static(word("evening_kept", language, rounds=change.kept), markup=False)
            yield Static(word("evening_cards", language), classes="evening-warning", markup=False)
            table: DataTable[str | Text] = DataTable(cursor_type="none", zebra_stripes=True, id="evening-rounds")
            rows = change_rows(change, self.before, self.after)
            round_width = max([len(word("round", language)), *(len(r[0]) for r in rows)])
            station_width = max([len(word("station", language)), *(len(r[1]) for r in rows)])
            # The dialog's width (110, or 95 % of a narrow terminal) less its frame and the cells' padding.
            inside = min(DIALOG_WIDTH, int(self.app.size.width * 0.95)) - 4 - 8
            cell = max(12, (inside - round_width - station_width) // 2)
            table.add_column(word("round", language), key="round", width=round_width)
            table.add_column(word("station", language), key="station", width=station_width)
            table.add_column(word("evening_before", language), key="before", width=cell)
            table.add_column(Text(word("evening_after", language), style="bold"), key="after", width=cell)
            for index, (number, station, was, now) in enumerate(rows):
                table.add_row(
                    Text(number), Text(station), Text(was), Text(now, style="bold"), key=f"row-{index}", height=None
                )
            yield table
            yield Static(word("evening_confirm_hint", language), classes="dialog-hint")

    def on_mount(self) -> None:
        localise_bindings(self, self.after.workshop.language)

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
