"""The session model: one workshop evening, from the plan to the notes.

These pydantic models describe exactly what a session file (``sessions/*.toml``) may hold.
They check types and shapes; the cross-references (a note's station exists, ids are unique,
...) are checked by :mod:`workshop.model.validation`, which collects every problem at once.

The core never imports Textual; see ``tests/test_architecture.py``.
"""

# Annotations are read as written, not postponed: see workshop/model/base.py.

import datetime as dt
import functools
import hashlib
import os
import re
import types
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

# pydantic looks through every installed package for plugins when the first model is built
# (about 40 ms of each start here). The app uses none; whoever sets the variable keeps their say.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import (  # noqa: E402 - after the plugin switch above
    AfterValidator,
    BaseModel,
    BeforeValidator,
    Field,
    PlainSerializer,
    Strict,
    field_validator,
)
from pydantic_core import PydanticCustomError  # noqa: E402

import workshop  # noqa: E402
from workshop.model import limits  # noqa: E402
from workshop.model.base import Model  # noqa: E402
from workshop.model.days import Day, date_in_range  # noqa: E402
from workshop.model.recommendations import Agenda, Recommendation, Theme  # noqa: E402
from workshop.model.series import SERIES_MODELS, Series  # noqa: E402
from workshop.model.text import Id, LongText, Name, NoteText, ShortText  # noqa: E402

Language = Literal["da", "en"]
"""The languages of a session: Danish (the users' own) and English."""
LANGUAGES: tuple[Language, ...] = get_args(Language)
ItemKind = Literal["plenary", "round", "break"]
"""The kinds of programme item: in plenary, a round at the stations, or a break."""
ITEM_KINDS: tuple[ItemKind, ...] = get_args(ItemKind)

_CLOCK = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*$")


def parse_clock(value: object) -> dt.time:
    """Accept ``18:00``, ``18.00`` (the Danish way) or a TOML local time."""
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str):
        match = _CLOCK.match(value)
        if match:
            hour, minute = int(match[1]), int(match[2])
            if hour < 24 and minute < 60:
                return dt.time(hour, minute)
    raise PydanticCustomError("clock_time", 'a clock time such as "18:00" or "18.00" is expected')


ClockTime = Annotated[
    dt.time,
    BeforeValidator(parse_clock),
    PlainSerializer(lambda t: t.strftime("%H:%M"), return_type=str),
]
"""A clock time, written "18:00" in the file."""


WholeNumber = Annotated[int, Strict()]
"""A number is a number: ``true`` or ``"30"`` is refused, not read as 1 or 30."""
YesNo = Annotated[bool, Strict()]
"""``true`` or ``false``, nothing else (not 1, not "yes")."""


def _member(value: object) -> object:
    """A member may be written as a plain name."""
    if isinstance(value, str):
        return {"name": value}
    return value


def _strip_tz(value: object) -> object:
    """A time with a zone (from another program) becomes local time, as everything else is."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        try:
            return value.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):  # 0001-01-01T00:00:00+14:00 is before the year 1 here
            date_in_range(value.replace(tzinfo=None))
            raise
    return value


LocalDateTime = Annotated[dt.datetime, BeforeValidator(_strip_tz), AfterValidator(date_in_range)]


def now() -> dt.datetime:
    """The local wall clock, to the second (what notes and the live state record)."""
    return dt.datetime.now().replace(microsecond=0)


def new_id() -> str:
    """A fresh note id."""
    import uuid  # here, not at the top: the app's start needs no new ids

    return str(uuid.uuid4())


AppendixChoice = Literal["off", "on", "with-names"]
"""Whether the recommendations report has an appendix of notes, and whether it may name people."""


class Workshop(Model):
    """The ``[workshop]`` table: what the evening is, when and where."""

    title: Name
    """The title on the first slide and the minutes, e.g. "§ 17, stk. 4-udvalget"."""
    subtitle: ShortText = ""
    """A second line, e.g. "Møde 3"."""
    date: Day | None = None
    """The day of the meeting (TOML date: 2023-04-19)."""
    location: ShortText = ""
    """Where it takes place."""
    language: Language = "da"
    """The language of the screens and documents: "da" or "en"."""
    start: ClockTime = dt.time(18, 0)
    """When the first programme item starts ("18:00"); every other time is computed."""
    template: ShortText = ""
    """A Word template (.dotx or .docx) whose styles, page setup, header and footer the documents take;
    relative to the session file."""
    report_appendix: AppendixChoice = "off"
    """The recommendations report's appendix of the notes behind each recommendation: "off" (the
    committee's report has none), "on" (the notes, every name in them replaced) or "with-names"."""
    id: Annotated[str, Field(max_length=limits.ID_LENGTH)] = ""
    """The session's identity, which its journal carries too (a journal of another session is refused).
    Written by the app; leave it as it is. A copy of the file keeps it: a copy is the same session."""


class ProgramItem(Model):
    """One ``[[program]]`` item; its clock time follows from the start and earlier items."""

    id: Annotated[str, Field(max_length=limits.ID_LENGTH)] = ""
    """A short id (p1, p2, ...); given automatically when left out."""
    title: Name
    """What happens, e.g. "Runde 1 ved stationer"."""
    minutes: Annotated[WholeNumber, Field(le=limits.MINUTES)]
    """How long it lasts, in minutes (more than zero, at most a day)."""
    kind: ItemKind = "plenary"
    """plenary, round (the groups are at the stations) or break."""
    description: LongText = ""
    """Longer text shown under the title."""

    @field_validator("minutes")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value <= 0:
            raise PydanticCustomError("minutes_not_positive", "minutes must be more than zero")
        return value


class Station(Model):
    """One ``[[stations]]`` entry: a table in the room with a theme and a host."""

    id: Id
    """A short id used by notes and the rotation, e.g. "s1"."""
    name: Name
    """The theme, e.g. "Ledelse som fag"."""
    host: ShortText = ""
    """Who hosts the station ("Rikke"); hosts stay at their station."""
    questions: Annotated[list[LongText], Field(max_length=limits.QUESTIONS)] = []
    """The questions the station asks every group."""


class Member(Model):
    """A participant: a name and, optionally, where they come from."""

    name: Name
    """The person's name."""
    affiliation: ShortText | None = None
    """politician, administration, staff, union, education, ..."""


MemberField = Annotated[Member, BeforeValidator(_member)]


class Group(Model):
    """One ``[[groups]]`` entry: people who move from station to station together."""

    id: Id
    """A short id used by notes and the rotation, e.g. "g1"."""
    name: Name
    """The group's name, e.g. "Gruppe 1"."""
    members: list[MemberField] = []
    """The people in the group: a name, or {name = "...", affiliation = "..."}."""


class Category(Model):
    """One ``[[categories]]`` entry of the codebook."""

    id: Id
    """A short id used by notes, e.g. "c1"."""
    name: Name
    """The category's name as note-takers see it."""
    key: Annotated[WholeNumber, Field(ge=1, le=9)] | None = None
    """The digit 1-9 that toggles it on a note, if any."""
    colour: Annotated[str, Field(max_length=limits.NAME_LENGTH)] = ""
    """A colour name or #rrggbb used on screen."""

    @field_validator("colour")
    @classmethod
    def _colour(cls, value: str) -> str:
        value = value.strip()
        if value and not re.fullmatch(r"#[0-9a-fA-F]{6}|[a-z_]+", value):
            raise PydanticCustomError("colour_format", 'a colour is written "#4e79a7" or as a name such as "red"')
        return value

    description: LongText = ""
    """What belongs in the category (printed in the codebook of the minutes)."""
    guid: Annotated[str, Field(max_length=limits.ID_LENGTH)] = ""
    """A stable GUID for exchange with analysis programs (REFI-QDA); made from the session and the id when empty."""


class Note(Model):
    """One ``[[notes]]`` entry: what a group said at a station in a round."""

    id: Id = Field(default_factory=new_id)
    """A unique id (a uuid)."""
    station: Id
    """The station's id."""
    round: Annotated[WholeNumber, Field(ge=1, le=limits.ROUNDS)]
    """The round number, from 1."""
    group: Id | None = None
    """The group's id (by default the group the rotation puts at the station)."""
    text: NoteText = ""
    """What was said, any text (several lines, pasted from Word, ...); line ends become \\n."""
    categories: Annotated[list[Id], Field(max_length=limits.CATEGORIES)] = []
    """The ids of the categories the note is coded with."""
    author: ShortText = ""
    """Who wrote the note."""
    created: LocalDateTime = Field(default_factory=now)
    """When it was written."""
    updated: LocalDateTime = Field(default_factory=now)
    """When it was last changed."""
    recommendation: Id | None = None
    """The recommendation this note qualifies (its id), if any."""
    section: Id | None = None
    """The section of that recommendation it qualifies ("actions" = Indsatser), if any."""


class Comment(Model):
    """One ``[[comments]]`` entry: a member's comment on a section of a draft recommendation (the comment round
    between meetings), and whether the secretariat has handled it."""

    id: Id = Field(default_factory=new_id)
    """A unique id (a uuid)."""
    recommendation: Id
    """The id of the recommendation commented on."""
    section: Id
    """The section commented on: "intro" (the introduction) or one of the seven sections ("actions" = Indsatser)."""
    author: ShortText = ""
    """Who wrote the comment."""
    text: NoteText
    """The comment, any text."""
    created: LocalDateTime = Field(default_factory=now)
    """When it was written."""
    handled: YesNo = False
    """True once the secretariat has handled it."""
    handled_by: ShortText = ""
    """Who marked it handled."""


class RotationRound(Model):
    """One ``[[rotation]]`` entry: an explicit round of the rotation."""

    round: Annotated[WholeNumber, Field(ge=1, le=limits.ROUNDS)]
    """The round number, from 1."""
    stations: Annotated[
        dict[str, Annotated[list[Id], Field(max_length=limits.GROUPS)]], Field(max_length=limits.STATIONS)
    ]
    """Station id -> the ids of the groups there, e.g. { s1 = ["g1"], s2 = ["g2"] }."""


class Schedule(Model):
    """The ``[schedule]`` table: how groups (or people) move between stations."""

    mode: Literal["groups", "remix"] = "groups"
    """groups: fixed groups rotate; remix: people, not groups, move (World Cafe)."""
    extra_groups: Literal["pause", "share"] = "pause"
    """With more groups than stations: groups take turns waiting, or share stations."""
    williams: YesNo = False
    """Carry-over balance: every station follows every other equally often."""
    seed: Annotated[WholeNumber, Field(ge=-limits.SEED, le=limits.SEED)] = 0
    """The seed of the re-mix (the same seed gives the same rounds)."""
    apart: Annotated[list[Annotated[list[Name], Field(max_length=2)]], Field(max_length=limits.APART)] = []
    """Pairs of people who should never meet, e.g. [["Anna", "Bo"]]."""


class ActualTime(Model):
    """When a programme item really started and ended."""

    item: Id
    """The programme item's id."""
    start: LocalDateTime
    """When it started."""
    end: LocalDateTime | None = None
    """When it ended (none while it runs)."""


class Live(Model):
    """The ``[live]`` table: where the evening is now. Written by the facilitator's clock."""

    current: Id | None = None
    """The id of the running programme item; none before the start and after the end."""
    started: LocalDateTime | None = None
    """When the current item started."""
    paused: LocalDateTime | None = None
    """When the clock was paused; none while it runs."""
    paused_seconds: Annotated[WholeNumber, Field(ge=0, le=limits.PAUSED_SECONDS)] = 0
    """Seconds the current item has been paused in all, not counting a pause still going on."""
    extra_minutes: Annotated[WholeNumber, Field(ge=-limits.EXTRA_MINUTES, le=limits.EXTRA_MINUTES)] = 0
    """Minutes added to (or, negative, taken from) the current item."""
    minutes: Annotated[
        dict[str, Annotated[WholeNumber, Field(le=limits.MINUTES)]], Field(max_length=limits.PROGRAM_ITEMS)
    ] = {}
    """Re-planned durations: programme item id -> minutes (to catch up when late)."""
    actual: Annotated[list[ActualTime], Field(max_length=limits.PROGRAM_ITEMS)] = []
    """The items as they really ran."""
    finished: YesNo = False
    """True once the last item has ended."""


class Summaries(Model):
    """The ``[summary]`` table: what the secretariat writes afterwards."""

    overall: LongText = ""
    """The overall summary: the minutes' "Opsamling"."""
    introduction: LongText = ""
    """The recommendations report's "Indledning"; when empty, the report (and the editor) take the
    overall summary, else the agenda item's case (:func:`workshop.notes.summaries.text_for`)."""
    stations: Annotated[dict[str, LongText], Field(max_length=limits.STATIONS)] = {}
    """Station id -> its summary."""


class NameDecision(Model):
    """One ``[[anonymizing]]`` table: the secretariat's answer where anonymizing could not tell a name from an
    ordinary word ("Hans leder …" at a sentence's start), kept for the next export."""

    word: Name
    """The word as written ("Hans")."""
    context: LongText
    """The text around it, the word in brackets ("mødet. [Hans] leder var glad"): which place is meant."""
    name: YesNo
    """True: a person's name there (replaced); false: the ordinary word (kept)."""


class Session(Model):
    """A whole session file."""

    workshop: Workshop
    """The ``[workshop]`` table."""
    program: list[ProgramItem] = []
    """The programme, in order."""
    stations: list[Station] = []
    """The stations."""
    groups: list[Group] = []
    """The groups."""
    participants: list[MemberField] = []
    """People not (yet) in a group, for forming groups or re-mixing."""
    categories: list[Category] = []
    """The codebook."""
    rotation: list[RotationRound] = []
    """An explicit rotation; when empty it is generated."""
    schedule: Schedule = Field(default_factory=Schedule)
    """How the rotation is generated."""
    notes: list[Note] = []
    """The notes."""
    live: Live = Field(default_factory=Live)
    """Where the evening is now."""
    summary: Summaries = Field(default_factory=Summaries)
    """The secretariat's summaries."""
    themes: list[Theme] = []
    """The report's themes with their introductions (a recommendation's theme may also be a station's name)."""
    recommendations: list[Recommendation] = []
    """The recommendations, in the report's order (numbered 1, 2, ... across the report)."""
    agenda: Agenda = Field(default_factory=Agenda)
    """The draft agenda item for the committee."""
    anonymizing: Annotated[list[NameDecision], Field(max_length=limits.NOTES)] = []
    """The secretariat's decisions on words that are both a name and an ordinary word."""
    comments: Annotated[list[Comment], Field(max_length=limits.NOTES)] = []
    """The members' comments on the drafts' sections (the comment round between meetings)."""
    series: Series | None = None
    """A series file's ``[series]`` table (its meetings, milestones, decisions and follow-up); none in a meeting."""

    def model_post_init(self, context: Any, /) -> None:
        """Programme items written without an id get p1, p2, ... by their place."""
        for number, item in enumerate(self.program, start=1):
            if not item.id:
                item.id = f"p{number}"

    # Small look-ups used everywhere -------------------------------------------------
    def station(self, station_id: str) -> Station | None:
        """The station with this id, if there is one."""
        return next((s for s in self.stations if s.id == station_id), None)

    def station_number(self, station_id: str | None) -> int | None:
        """Where the station with this id stands in the list, from 1 ("Station 2"), if there is one."""
        return next((n for n, s in enumerate(self.stations, start=1) if s.id == station_id), None)

    def group(self, group_id: str | None) -> Group | None:
        """The group with this id, if there is one."""
        return next((g for g in self.groups if g.id == group_id), None)

    def category(self, category_id: str) -> Category | None:
        """The category with this id, if there is one."""
        return next((c for c in self.categories if c.id == category_id), None)

    def round_items(self) -> list[ProgramItem]:
        """The programme items of kind "round", in order: round 1, 2, ..."""
        return [item for item in self.program if item.kind == "round"]

    def people(self) -> list[Member]:
        """Every participant: the members of the groups, then the loose participants."""
        return [m for g in self.groups for m in g.members] + list(self.participants)


SECTIONS: tuple[str, ...] = tuple(Session.model_fields)
"""The top-level tables and arrays a session file may have."""


# A session the store validated before ------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)
Revive = Callable[[Any], Any]


def revive(cls: type[M], data: Mapping[str, Any]) -> M:
    """The model that ``cls.model_dump(mode="json")`` gave ``data``, rebuilt without checking it.

    Only for data the store validated itself and kept (the journal's cache of the file it last
    wrote or read): it skips pydantic's validation, which a start from that cache does not need.
    Raises ValueError when the data does not fit the model (a cache from an older version).
    """
    fields = _revivers(cls)
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name not in fields:
            raise ValueError(f"{cls.__name__} has no field {name!r}")
        reviver = fields[name]
        values[name] = value if reviver is None else reviver(value)
    return cls.model_construct(**values)


@functools.cache
def _revivers(cls: type[BaseModel]) -> dict[str, Revive | None]:
    """For each field of ``cls``: how to turn its JSON value back into the model's (None: as it is)."""
    return {name: _reviver(info.annotation) for name, info in cls.model_fields.items()}


def _reviver(annotation: Any) -> Revive | None:
    origin = get_origin(annotation)
    arguments = get_args(annotation)
    if origin is Annotated:
        return _reviver(arguments[0])
    if origin is Union or origin is types.UnionType:
        options = [_reviver(a) for a in arguments if a is not type(None)]
        if all(option is None for option in options):
            return None
        if len(options) != 1:
            raise TypeError(f"no way to revive {annotation!r}")
        only = options[0]
        assert only is not None
        return lambda value: None if value is None else only(value)
    if origin is list:
        item = _reviver(arguments[0])
        return None if item is None else (lambda value: [item(v) for v in value])
    if origin is dict:
        entry = _reviver(arguments[1])
        return None if entry is None else (lambda value: {k: entry(v) for k, v in value.items()})
    if origin is Literal or annotation in (str, int, bool, float):
        return None
    if annotation is dt.datetime:
        return dt.datetime.fromisoformat
    if annotation is dt.date:
        return dt.date.fromisoformat
    if annotation is dt.time:
        return dt.time.fromisoformat
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        return lambda value: revive(model, value)
    raise TypeError(f"no way to revive {annotation!r}")


MODELS: tuple[type[Model], ...] = (
    Workshop,
    ProgramItem,
    Station,
    Member,
    Group,
    Category,
    Note,
    Comment,
    RotationRound,
    Schedule,
    ActualTime,
    Live,
    Summaries,
    Theme,
    Recommendation,
    Agenda,
    *SERIES_MODELS,
    Session,
)
"""Every model of a session file."""


@functools.cache
def model_fingerprint() -> str:
    """A short mark of this version of the model: a cache made by another version is not used."""
    shape = [
        [(name, repr(info.annotation), repr(info.default)) for name, info in model.model_fields.items()]
        for model in MODELS
    ]
    # Without the addresses in the reprs of validator functions: the same mark in every process.
    text = re.sub(r" at 0x[0-9a-f]+", "", repr((workshop.__version__, shape)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
