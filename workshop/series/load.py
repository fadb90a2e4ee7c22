"""Reading a series: the series file and each meeting's session, through the store (read only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from workshop.model.series import Decision, FollowUp, Series
from workshop.model.session import Session
from workshop.series.timeline import Entry, entries
from workshop.series.versions import History, MeetingSession, histories, in_date_order
from workshop.storage.opening import read_session


@dataclass
class SeriesView:
    """A series as it is now: its file's session, its meetings in date order and every recommendation's history."""

    path: Path
    """The series file."""
    session: Session
    """The series file's session (``[workshop]`` and ``[series]``)."""
    meetings: list[MeetingSession]
    """The meetings, in date order."""
    histories: list[History] = field(default_factory=list)
    """Every recommendation through the series, in the order they first appeared."""

    @property
    def series(self) -> Series:
        """The ``[series]`` table."""
        assert self.session.series is not None
        return self.session.series

    @property
    def language(self) -> str:
        """The series' language."""
        return self.session.workshop.language

    @property
    def title(self) -> str:
        """The process's title."""
        return self.session.workshop.title

    def history(self, recommendation_id: str) -> History | None:
        """The history of one recommendation, if the series has it."""
        return next((h for h in self.histories if h.id == recommendation_id), None)

    def number(self, recommendation_id: str) -> int:
        """The recommendation's number in the report (1, 2, ... in the order of the latest versions)."""
        ids = [h.id for h in self.histories]
        return ids.index(recommendation_id) + 1

    def decision(self, recommendation_id: str) -> Decision | None:
        """The political decision on a recommendation, if there is one."""
        return self.series.decisions.get(recommendation_id)

    def follow_up(self, recommendation_id: str) -> FollowUp | None:
        """A recommendation's follow-up, if there is one."""
        return self.series.follow_up.get(recommendation_id)

    def timeline(self) -> list[Entry]:
        """The meetings and milestones in date order."""
        return entries(self.meetings, self.series.milestones)

    def today(self) -> dt.date:
        """The timeline's "now": ``[series] now``, else today."""
        return self.series.now or dt.date.today()


def meeting_path(series_path: Path, file: str) -> Path:
    """A meeting's session file, as the series names it (relative to the series file)."""
    path = Path(file).expanduser()
    return path if path.is_absolute() else series_path.parent / path


def read_meeting(path: Path) -> Session:
    """A meeting's session as it is now (file and journal), read only; SessionError when it cannot be used."""
    return read_session(path)


def view_of(path: Path, session: Session) -> SeriesView:
    """The series ``session`` (read from ``path``) with every meeting read and every history computed."""
    assert session.series is not None
    meetings = [
        MeetingSession(meeting.file, read_meeting(meeting_path(path, meeting.file)), order)
        for order, meeting in enumerate(session.series.meetings)
    ]
    ordered = in_date_order(meetings)
    return SeriesView(path, session, ordered, histories(ordered))
