"""The schedule: everyone's route, what the shape costs, and forming groups.

Groups rotate (waiting or sharing when there are more groups than stations, with carry-over
balance on request) or people re-mix between rounds; this screen switches between them, shows
each group's or person's route with the contact statistics, and forms balanced groups.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from workshop.planning.setup import save_groups
from workshop.scheduling.grouping import GroupingError
from workshop.scheduling.regroup import overview, propose
from workshop.storage.change_labels import change_label
from workshop.words import word

from ..components.key_footer import KeyFooter
from ..evening_guard import guarded_change
from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import SessionView
from .setup_forms import Field, FormScreen


class ScheduleScreen(SessionView, Screen[None]):
    """Routes and costs of the session's schedule."""

    CSS_PATH = "schedule.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="schedule.back", tooltip="Back to the programme"),
        Binding(
            "m",
            "toggle_mode",
            "Groups/remix",
            id="schedule.mode",
            tooltip="Switch between fixed groups and re-mixing people",
        ),
        Binding(
            "v",
            "toggle_extra",
            "Wait/share",
            id="schedule.extra",
            tooltip="More groups than stations: groups wait in turn, or share stations",
        ),
        Binding(
            "w",
            "toggle_williams",
            "Balance",
            id="schedule.williams",
            tooltip="Balanced order on or off (every station follows every other equally often)",
        ),
        Binding(
            "f", "form_groups", "Form groups", id="schedule.form", tooltip="Form balanced groups from the participants"
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="schedule"):
            yield Static(id="schedule-mode", markup=False)
            yield Static(id="schedule-costs", markup=False)
            yield Static(id="schedule-problem", markup=False)
            yield DataTable(id="schedule-routes", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        localise_bindings(self, self.language)
        self.redraw()

    def on_session_changed(self, message: SessionChanged) -> None:
        self.redraw()

    def redraw(self) -> None:
        session, language = self.session, self.language
        schedule = session.schedule
        if schedule.mode == "remix":
            mode = word("mode_remix", language)
        else:
            # "More groups than stations: groups wait" only where there are more groups than stations.
            parts = [word(schedule.extra_groups, language)] if len(session.groups) > len(session.stations) else []
            if schedule.williams:
                parts.append(word("williams", language))
            mode = word("mode_groups", language) + (f" ({'; '.join(parts)})" if parts else "")
        self.query_one("#schedule-mode", Static).update(mode)
        view = overview(session)
        self.query_one("#schedule-problem", Static).update(view.problem or "")
        costs = "\n".join(f"- {s}" for s in view.sentences) or word("no_cost", language)
        self.query_one("#schedule-costs", Static).update("" if view.problem else costs)
        table: DataTable[Text] = self.query_one("#schedule-routes", DataTable)
        table.clear(columns=True)
        if view.problem:
            return
        rounds = len(view.routes[0]) if view.routes else 0
        who = word("participants" if schedule.mode == "remix" else "group", language)
        headings = [who, *[f"{word('round', language)} {n}" for n in range(1, rounds + 1)]]
        numbers = {s.id: n for n, s in enumerate(session.stations, start=1)}
        rows = [
            [name, *[f"{word('station', language)} {numbers[s]}" if s else word("waits", language) for s in route]]
            for name, route in zip(view.who, view.routes)
        ]
        # Every column as wide as its longest cell: the table never has to measure (and so never
        # shows a cell cut to its heading's width, as a table redrawn before it was measured did).
        for index, heading in enumerate(headings):
            width = max([len(heading), *(len(row[index]) for row in rows)])
            table.add_column(Text(heading), key=f"column-{index}", width=width)
        for index, row in enumerate(rows):
            table.add_row(*(Text(cell) for cell in row), key=f"row-{index}")  # names as written

    def _set(self, title: str = "", **changes: object) -> None:
        """Change the schedule (during the evening only after the facilitator has seen who moves)."""
        value = self.session.schedule.model_copy(update=changes)
        guarded_change(
            self, lambda store: store.set_section("schedule", value, change_label("schedule_changed")), title=title
        )

    def action_toggle_mode(self) -> None:
        if self.session.schedule.mode == "remix":
            self._set(mode="groups")
        else:
            self._set(word("evening_switch_remix", self.language), mode="remix")

    def action_toggle_extra(self) -> None:
        self._set(extra_groups="share" if self.session.schedule.extra_groups == "pause" else "pause")

    def action_toggle_williams(self) -> None:
        self._set(williams=not self.session.schedule.williams)

    def action_form_groups(self) -> None:
        language = self.language
        fields = [
            Field("count", word("group_count", language), str(max(len(self.session.groups), 1)), kind="number"),
            Field("seed", word("seed", language), str(self.session.schedule.seed), kind="number"),
            Field(
                "balance",
                word("balance", language),
                "affiliation",
                kind="choice",
                choices=[(word("by_affiliation", language), "affiliation"), (word("no", language), "none")],
            ),
        ]
        self.app.push_screen(FormScreen(word("form_title", language), fields, self._form, language))

    def _form(self, values: dict[str, Any]) -> bool:
        try:
            result = propose(
                self.session,
                values["count"],
                balance=None if values["balance"] == "none" else "affiliation",
                seed=values["seed"],
            )
        except GroupingError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        message = f"{len(result.groups)} {word('formed', self.language)}"
        if result.gave_way:
            message += f". {word('gave_way', self.language)}: " + "; ".join(result.gave_way)
        return guarded_change(
            self, lambda store: save_groups(store, result.groups), lambda: self.notify(message, markup=False)
        )

    def action_back(self) -> None:
        self.app.pop_screen()
