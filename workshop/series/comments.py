"""The comment round's deadline: a milestone of kind "comments" in the series that names the meeting.

A meeting's session does not know its series; the series file lies beside it (``workshop series add``
names the meetings relative to the series file). The files beside the meeting that hold ``[series]``
are read (read only, never through a store that would start a journal) and the first that names
the meeting is its series.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from workshop.model.series import Milestone, Series
from workshop.series.load import meeting_path

FILES_LOOKED_AT = 200
"""At most this many TOML files beside the meeting are looked at for its series."""


@dataclass(frozen=True)
class CommentRound:
    """The state of the comment round on a day."""

    deadline: dt.date | None
    """The last day of the comment milestone covering the day (None: no round with a deadline now)."""
    closed: bool
    """True when the series' comment rounds are all over: no new comments."""
    title: str = ""
    """The milestone's title."""


OPEN = CommentRound(deadline=None, closed=False)
"""A meeting with no series, or no comment round in it: comments may be made."""


def series_of(meeting: Path) -> Series | None:
    """The ``[series]`` of the series file beside ``meeting`` that names it, if there is one."""
    try:
        target = meeting.resolve()
        candidates = sorted(meeting.parent.glob("*.toml"))[:FILES_LOOKED_AT]
    except OSError:
        return None
    for candidate in candidates:
        if candidate.resolve() == target:
            continue
        try:
            text = candidate.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if "[series" not in text:
            continue
        try:
            raw = tomllib.loads(text).get("series")
            series = Series.model_validate(raw) if isinstance(raw, dict) else None
        except (tomllib.TOMLDecodeError, ValidationError, ValueError):
            continue
        if series is not None and any(meeting_path(candidate, m.file).resolve() == target for m in series.meetings):
            return series
    return None


def round_on(milestones: list[Milestone], today: dt.date) -> CommentRound:
    """The comment round on ``today``: open with its end date while a "comments" milestone covers it, closed after
    the last one has ended, open (without a deadline) before the first or without any."""
    rounds = [m for m in milestones if m.kind == "comments"]
    for milestone in rounds:
        end = milestone.end or milestone.date
        if milestone.date <= today <= end:
            return CommentRound(deadline=end, closed=False, title=milestone.title)
    ended = [m for m in rounds if (m.end or m.date) < today]
    if rounds and len(ended) == len(rounds):
        last = max(ended, key=lambda m: m.end or m.date)
        return CommentRound(deadline=last.end or last.date, closed=True, title=last.title)
    return OPEN


def comment_round(meeting: Path, today: dt.date) -> CommentRound:
    """The comment round of the meeting's series on ``today`` (open without a deadline when it has no series)."""
    series = series_of(meeting)
    return OPEN if series is None else round_on(list(series.milestones), today)
