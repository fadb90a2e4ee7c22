"""The timeline of a series: its meetings and milestones in date order, with a "now" (seed 000's last slide)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from workshop.model.series import Milestone
from workshop.series.versions import MeetingSession, in_date_order
from workshop.words.phrases import written_day as written_day  # the series' screens and documents take it from here

MEETING = "meeting"
"""The kind of a timeline entry that is a meeting (the others are a milestone's kind)."""


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: a meeting or a milestone."""

    start: dt.date
    """The day it happens, or starts."""
    end: dt.date | None
    """The last day of a span."""
    kind: str
    """"meeting", or the milestone's kind (deadline, comments, administration, political, feedback, other)."""
    title: str
    """What happens ("Møde 2 – Udvalget kvalificerer ...", "Deadline for ...")."""
    meeting: int | None = None
    """A meeting's place in date order."""

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls on the entry (or within its span)."""
        return self.start <= day <= (self.end or self.start)


def entries(meetings: Sequence[MeetingSession], milestones: Sequence[Milestone]) -> list[Entry]:
    """Every dated meeting and every milestone, by start (then end); a meeting before a milestone on its day."""
    found = [
        Entry(meeting.date, None, MEETING, meeting.title, index)
        for index, meeting in enumerate(in_date_order(meetings))
        if meeting.date is not None
    ]
    found += [Entry(m.date, m.end, m.kind, m.title) for m in milestones]
    return sorted(found, key=lambda e: (e.start, e.end or e.start, e.kind != MEETING))


def now_position(timeline: Sequence[Entry], today: dt.date) -> int:
    """Where "now" stands: the number of entries that started on or before ``today``."""
    return sum(1 for entry in timeline if entry.start <= today)


def written_span(entry: Entry, language: str) -> str:
    """ "26.04.2023 – 30.04.2023", or the one day."""
    if entry.end is None or entry.end == entry.start:
        return written_day(entry.start, language)
    return f"{written_day(entry.start, language)} – {written_day(entry.end, language)}"
