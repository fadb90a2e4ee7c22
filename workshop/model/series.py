"""A series of meetings: the ``[series]`` table of a series file.

A series file is a session file with ``[workshop]`` (the process's title and language) and
``[series]``, and no programme, stations or notes: it is kept by the same store and journal as a
session (undo, hand edits, the journal's replay). It names the meetings' session files (relative
to the series file), the milestones of the process's timeline (seed 000's last slide), the
political decision on each recommendation and its follow-up (seed 002's memo). Everything a
meeting says (its date, title, recommendations and notes) stays in the meeting's own file and is
read from there when shown (:mod:`workshop.series`).
"""

# Annotations are read as written, not postponed: see workshop/model/base.py.

from typing import Annotated, Literal, get_args

from pydantic import Field, Strict

from workshop.model import limits
from workshop.model.base import Model
from workshop.model.days import Day
from workshop.model.text import LongText, Name, ShortText

MEETINGS = 100
"""Meetings in a series."""
MILESTONES = 500
"""Milestones on a series' timeline."""
MEMBERS = 1_000
"""Members of a recommendation's working group."""

MilestoneKind = Literal["deadline", "comments", "administration", "political", "feedback", "other"]
"""What a milestone is: a deadline, a comment round, the administration's work, the political
treatment, feedback to the committee, or something else."""
MILESTONE_KINDS: tuple[MilestoneKind, ...] = get_args(MilestoneKind)
Status = Literal["adopted", "prioritised", "postponed", "rejected"]
"""The political decision on a recommendation."""
STATUSES: tuple[Status, ...] = get_args(Status)


Year = Annotated[int, Strict(), Field(ge=limits.FIRST_DATE.year, le=limits.LAST_DATE.year)]
"""A year, written as a number (2025)."""


class Meeting(Model):
    """One ``[[series.meetings]]`` entry: a meeting's session file."""

    file: Annotated[str, Field(min_length=1, max_length=limits.NAME_LENGTH)]
    """The meeting's session file, relative to the series file ("meeting-2.toml")."""


class Milestone(Model):
    """One ``[[series.milestones]]`` entry: a date (or a span) on the process's timeline."""

    date: Day
    """The day it happens, or starts (TOML date: 2023-04-06)."""
    end: Day | None = None
    """The last day of a span (2023-04-30), if it is one."""
    kind: MilestoneKind = "other"
    """deadline, comments, administration, political, feedback or other."""
    title: Name
    """What happens ("Deadline for udvalgets kommentarer")."""


class Decision(Model):
    """The political decision on one recommendation (``[series.decisions.r8]``)."""

    status: Status
    """adopted, prioritised, postponed or rejected."""
    date: Day
    """When it was decided."""
    by: ShortText = ""
    """Who decided ("Byrådet", "Direktionen")."""


class GroupMember(Model):
    """A member of a recommendation's working group, with the role."""

    name: Name
    """The person's name."""
    role: ShortText = ""
    """The role in the group and where the person comes from ("projektleder (chef for Ledelsessekretariatet)")."""


class FollowUp(Model):
    """The follow-up of one recommendation after the decision (``[series.follow_up.r8]``)."""

    year: Year | None = None
    """The year of the follow-up (2025)."""
    baseline: LongText = ""
    """What is measured against."""
    measure: LongText = ""
    """How it is measured ("Måling på andel af nye ledere rekrutteret internt")."""
    progress: LongText = ""
    """How far it has come, updated as the year goes."""
    title: ShortText = ""
    """The memo's name for the recommendation, when it is not its title."""
    date: Day | None = None
    """The memo's date (Notat: Dato)."""
    reference: ShortText = ""
    """Who the memo's reader turns to (Notat: Reference)."""
    background: LongText = ""
    """The memo's opening: why the group was set up."""
    organisation: LongText = ""
    """How the work is organised (the text before the members)."""
    members: Annotated[list[GroupMember], Field(max_length=MEMBERS)] = []
    """The working group: members with their roles."""
    actions: LongText = ""
    """Indsatser: what has been decided; a line starting with "- " is a bullet."""
    proposed_decision: LongText = ""
    """Indstilling: what the memo asks to be approved."""


class Series(Model):
    """The ``[series]`` table: the meetings, the milestones, the decisions and the follow-up."""

    meetings: Annotated[list[Meeting], Field(max_length=MEETINGS)] = []
    """The meetings' session files, in date order."""
    milestones: Annotated[list[Milestone], Field(max_length=MILESTONES)] = []
    """Deadlines, comment rounds, the political treatment, feedback: the timeline beside the meetings."""
    now: Day | None = None
    """Where the timeline's "now" stands (default: today)."""
    decisions: Annotated[dict[str, Decision], Field(max_length=limits.RECOMMENDATIONS)] = {}
    """The political decision per recommendation id."""
    follow_up: Annotated[dict[str, FollowUp], Field(max_length=limits.RECOMMENDATIONS)] = {}
    """The follow-up per recommendation id."""


SERIES_MODELS: tuple[type[Model], ...] = (Meeting, Milestone, Decision, GroupMember, FollowUp, Series)
"""Every model of the ``[series]`` table."""
