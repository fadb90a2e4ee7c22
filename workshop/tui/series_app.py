"""The series screen (``workshop run SERIES``): the timeline, the meetings and the recommendations with their status.

Enter on a meeting opens that meeting's session in the app (the series app ends and ``workshop
run`` opens the meeting); q ends. Everything shown is read from the series and its meetings
(:mod:`workshop.series`); nothing is written here.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from workshop.series.load import SeriesView, meeting_path
from workshop.series.show import changes_text, status_text
from workshop.series.timeline import MEETING, now_position, written_day, written_span
from workshop.words import word

from .localise import localise_bindings
from .textual_compat import CrashKeepingApp


class SeriesApp(CrashKeepingApp):
    """The series: three tables, one below the other; Enter on a meeting opens it."""

    CSS_PATH = "series.tcss"
    BINDINGS = [
        Binding("enter", "open_meeting", "Open meeting", id="series.open", tooltip="Open the chosen meeting's session"),
        Binding("q", "quit", "Quit", id="series.quit", tooltip="Close the series"),
    ]

    def __init__(self, view: SeriesView) -> None:
        super().__init__()
        self.view = view
        self.chosen: Path | None = None
        """The meeting the user chose to open (Enter), if any."""

    @property
    def language(self) -> str:
        """The series' language."""
        return self.view.language

    def w(self, key: str, **values: object) -> str:
        return word(key, self.language, **values)

    def compose(self) -> ComposeResult:
        view = self.view
        yield Static(view.title, id="series-title")
        yield Static(self.w("series_meetings"), classes="section-title")
        meetings: DataTable[str] = DataTable(id="series-meetings", cursor_type="row")
        yield meetings
        yield Static(self.w("series_timeline"), classes="section-title")
        yield DataTable(id="series-timeline", cursor_type="row")
        yield Static(self.w("series_recommendations"), classes="section-title")
        yield DataTable(id="series-recommendations", cursor_type="row")
        yield Static(self.w("series_app_hint"), id="series-hint")

    def on_mount(self) -> None:
        localise_bindings(self, self.language)
        self.title = self.view.title
        view = self.view
        language = self.language
        meetings = self.query_one("#series-meetings", DataTable)
        meetings.add_columns(self.w("series_col_when"), self.w("series_meetings"), self.w("series_app_file"))
        for index, meeting in enumerate(view.meetings):
            day = written_day(meeting.date, language) if meeting.date else self.w("series_no_date")
            meetings.add_row(day, meeting.title, meeting.file, key=str(index))
        timeline = self.query_one("#series-timeline", DataTable)
        timeline.add_columns(self.w("series_col_when"), self.w("series_col_what"), "")
        entries = view.timeline()
        today = view.today()
        now = now_position(entries, today)
        rows: list[tuple[str, str, str]] = []
        for entry in entries:
            kind = self.w("kind_meeting" if entry.kind == MEETING else f"kind_{entry.kind}")
            rows.append((written_span(entry, language), entry.title, kind))
        rows.insert(now, (self.w("series_now_row", day=written_day(today, language)), "", ""))
        timeline.add_rows(rows)
        recommendations = self.query_one("#series-recommendations", DataTable)
        recommendations.add_columns(
            self.w("series_col_recommendation"), self.w("series_col_decision"), self.w("series_app_changes")
        )
        for number, history in enumerate(view.histories, start=1):
            recommendations.add_row(
                self.w("recommendation_numbered", number=number, title=history.latest.title),
                status_text(view, history.id, language),
                changes_text(view, history, language),
                key=history.id,
            )
        meetings.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a meeting opens it."""
        if event.data_table.id == "series-meetings":
            self.action_open_meeting()

    def action_open_meeting(self) -> None:
        """Open the meeting under the cursor of the meetings' table."""
        meetings = self.query_one("#series-meetings", DataTable)
        if not self.view.meetings:
            return
        meeting = self.view.meetings[meetings.cursor_row]
        self.chosen = meeting_path(self.view.path, meeting.file)
        self.exit()
