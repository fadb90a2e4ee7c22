"""The rotation laid out like the slide: rounds with times down, stations across."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable

from workshop.model.session import Session
from workshop.scheduling.rotation import RotationError, rotation
from workshop.scheduling.timetable import round_slots, span
from workshop.words import word


class RotationTable(DataTable[str]):
    """Which group is at which station in each round."""

    DEFAULT_CSS = """
    RotationTable { height: auto; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="cell", **kwargs)
        self.problem: str | None = None
        self._filled = False

    def show(self, session: Session) -> None:
        language = session.workshop.language
        self.clear(columns=True)
        self.add_column(word("round", language), key="round")
        for number, station in enumerate(session.stations, start=1):
            title = f"{word('station', language)} {number}: {station.name}"
            if station.host:
                title += f" {word('host_prefix', language)} {station.host}"
            self.add_column(title, key=station.id)
        try:
            rounds = rotation(session)
        except RotationError as error:
            self.problem = str(error)
            return
        self.problem = None
        names = {g.id: g.name for g in session.groups}
        slots = round_slots(session)
        for number, assignment in enumerate(rounds, start=1):
            when = f" {span(slots[number - 1], language)}" if number <= len(slots) else ""
            cells = [", ".join(names.get(g, g) for g in assignment.get(s.id, [])) or "-" for s in session.stations]
            self.add_row(f"{word('round', language)} {number}{when}", *cells, key=str(number))
        # Columns were rebuilt: without a repaint after layout the old widths stay on screen
        # (the first fill has no old widths, and the first screen comes sooner without it).
        if self._filled:
            self.call_after_refresh(self.refresh, layout=True)
        self._filled = True
