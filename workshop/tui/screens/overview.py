"""The first screen: the programme with its times and the rotation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Static

from ...labels import label
from ..components.key_footer import KeyFooter
from ..components.programme_table import ProgrammeTable
from ..components.rotation_table import RotationTable
from ..messages import SessionChanged


class OverviewScreen(Screen):
    """Programme and rotation of the session, read-only."""

    BINDINGS = [
        Binding("p", "focus_programme", "Programme", id="overview.programme", tooltip="Move to the programme"),
        Binding("r", "focus_rotation", "Rotation", id="overview.rotation", tooltip="Move to the rotation"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="overview"):
            yield Static(id="overview-title", classes="section-title")
            yield ProgrammeTable(id="programme")
            yield Static(id="rotation-title", classes="section-title")
            yield RotationTable(id="rotation")
            yield Static(id="rotation-problem", classes="problem")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.redraw()

    def on_session_changed(self, message: SessionChanged) -> None:
        self.redraw()

    def redraw(self) -> None:
        session = self.app.store.session  # type: ignore[attr-defined]
        language = session.workshop.language
        self.query_one("#overview-title", Static).update(label("program", language))
        self.query_one("#rotation-title", Static).update(label("rotation", language))
        self.query_one(ProgrammeTable).show(session)
        table = self.query_one(RotationTable)
        table.show(session)
        problem = self.query_one("#rotation-problem", Static)
        problem.update(table.problem or "")
        problem.display = bool(table.problem)

    def action_focus_programme(self) -> None:
        self.query_one(ProgrammeTable).focus()

    def action_focus_rotation(self) -> None:
        self.query_one(RotationTable).focus()
