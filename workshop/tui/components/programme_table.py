"""The programme with its computed clock times."""

from __future__ import annotations

from textual.widgets import DataTable

from ...labels import label
from ...model import Session
from ...timetable import planned, span


class ProgrammeTable(DataTable):
    """Time, activity and kind of every programme item."""

    DEFAULT_CSS = """
    ProgrammeTable { height: auto; max-height: 100%; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def show(self, session: Session) -> None:
        language = session.workshop.language
        self.clear(columns=True)
        self.add_columns(label("time", language), label("activity", language), label("minutes_unit", language))
        for slot in planned(session):
            self.add_row(span(slot, language), slot.item.title, str(slot.item.minutes), key=slot.item.id)
