"""The evening as it runs: the facilitator's clock, and the programme re-timed around it.

Every transition is a pure function from the session (for the programme and the live state)
and the wall clock to a *new* :class:`~workshop.model.session.Live`; nothing here reads the clock or
writes the store. The screen saves the result as the "live" section, not undoable, computing
it inside the store's write lock from the newest session (``store.change``), so it is durable
at once and every other instance on the session follows.

States of the evening:

* before: nothing has started (``current`` is None and nothing ran);
* running / paused: ``current`` runs (paused while ``paused`` is set);
* ended: ``current`` was ended early and the next item waits for the facilitator;
* finished: the last item has ended (``finished``).
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, Literal

from workshop.model.session import ActualTime, Live, ProgramItem, Session, Station, Workshop
from workshop.scheduling.rotation import RotationError, remixing, rotation
from workshop.scheduling.timetable import Slot, planned
from workshop.words import word
from workshop.words.phrases import written_day

Phase = Literal["before", "running", "paused", "ended", "finished"]
Level = Literal["normal", "warning", "critical", "overtime"]
"""How the round clock looks: normal, orange (20 % left), red (5 % left), overtime (past zero)."""
RowState = Literal["done", "skipped", "running", "paused", "ended", "upcoming"]

ENDED_TEXT = "--:--"
"""What the round clock's digits show once the item has ended early (no frozen count)."""
GRACE_SECONDS = 60
"""Ending an item that started less than this many seconds ago asks first (``n`` pressed twice)."""
PLAN_DISTANCE_MINUTES = 60
"""Starting the evening this far (or farther) from the planned start asks whether to move the plan."""

WARNING_SHARE = 0.20
"""The clock turns orange when this share of the item is left."""
CRITICAL_SHARE = 0.05
"""The clock turns red when this share of the item is left."""


class LiveError(ValueError):
    """A step the evening cannot take now; the message says why and what to do instead, in the session's language."""


def _second(moment: dt.datetime) -> dt.datetime:
    return moment.replace(microsecond=0)


# Looking at the live state ----------------------------------------------------------------------


def item_by_id(session: Session, item_id: str | None) -> ProgramItem | None:
    """The programme item with this id, or None."""
    return next((item for item in session.program if item.id == item_id), None)


def position(session: Session, item_id: str | None) -> int | None:
    """The index of a programme item, or None."""
    return next((i for i, item in enumerate(session.program) if item.id == item_id), None)


def actual_of(live: Live, item_id: str) -> ActualTime | None:
    """When an item really ran (its latest run)."""
    return next((a for a in reversed(live.actual) if a.item == item_id), None)


def phase(live: Live) -> Phase:
    """Where the evening is: before, running, paused, ended (early, waiting for next) or finished."""
    if live.finished:
        return "finished"
    if live.current is None:
        return "before"
    run = actual_of(live, live.current)
    if run is not None and run.end is not None:
        return "ended"
    return "paused" if live.paused is not None else "running"


def minutes_of(session: Session, item: ProgramItem) -> int:
    """An item's duration as re-planned (without the current item's extension)."""
    return session.live.minutes.get(item.id, item.minutes)


def current_minutes(session: Session) -> int:
    """The length of the running item: its (re-planned) duration plus the extension."""
    item = item_by_id(session, session.live.current)
    if item is None:
        return 0
    return minutes_of(session, item) + session.live.extra_minutes


def paused_seconds(live: Live, now: dt.datetime) -> float:
    """Seconds the current item has stood still, including a pause still going on."""
    ongoing = (now - live.paused).total_seconds() if live.paused is not None else 0.0
    return live.paused_seconds + max(ongoing, 0.0)


def elapsed_seconds(live: Live, now: dt.datetime) -> float:
    """How long the current item has run (pauses not counted)."""
    if live.current is None or live.started is None:
        return 0.0
    run = actual_of(live, live.current)
    until = run.end if run is not None and run.end is not None else now
    return max((until - live.started).total_seconds() - paused_seconds(live, until), 0.0)


def remaining_seconds(session: Session, now: dt.datetime) -> float:
    """Seconds left of the current item; negative in overtime."""
    return current_minutes(session) * 60 - elapsed_seconds(session.live, now)


def level(remaining: float, total: float) -> Level:
    """The clock's warning level for ``remaining`` of ``total`` seconds."""
    if remaining < 0:
        return "overtime"
    if total <= 0 or remaining <= total * CRITICAL_SHARE:
        return "critical"
    if remaining <= total * WARNING_SHARE:
        return "warning"
    return "normal"


def clock_text(seconds: float) -> str:
    """The round clock's digits: "25:00", "04:59", and "+02:15" in overtime."""
    if seconds >= 0:
        whole = math.ceil(seconds)
        sign = ""
    else:
        whole = math.floor(-seconds)
        sign = "+"
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"


@dataclass(frozen=True)
class Timing:
    """The round clock at one moment."""

    item: ProgramItem | None
    phase: Phase
    total: float
    """Seconds the item is meant to last (with extensions)."""
    remaining: float
    """Seconds left; negative in overtime."""
    level: Level

    @property
    def text(self) -> str:
        """The digits: the time left, "+03:12" in overtime, and "--:--" once the item has ended
        (an ended item has no count; its state is said in words beside it)."""
        if self.phase == "ended":
            return ENDED_TEXT
        return clock_text(self.remaining)


def timing(session: Session, now: dt.datetime) -> Timing:
    """Where the round clock stands now."""
    live = session.live
    state = phase(live)
    item = item_by_id(session, live.current)
    if state == "before":
        first = session.program[0] if session.program else None
        total = minutes_of(session, first) * 60 if first else 0
        return Timing(first, state, total, total, "normal")
    if item is None:
        return Timing(None, state, 0, 0, "normal")
    total = current_minutes(session) * 60
    remaining = remaining_seconds(session, now)
    return Timing(item, state, total, remaining, level(remaining, total))


# The programme re-timed ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One programme item: as planned, and as it ran or is now expected to run."""

    item: ProgramItem
    planned: Slot
    """The original plan (the durations in the session file)."""
    start: dt.datetime
    """When it started, or is now expected to start."""
    end: dt.datetime
    """When it ended, or is now expected to end."""
    state: RowState
    minutes: int
    """Its duration now (re-planned, extended)."""

    @property
    def moved(self) -> bool:
        """Does it start at another clock minute than planned?"""
        return _minute(self.start) != _minute(self.planned.start)

    @property
    def replanned(self) -> bool:
        return self.minutes != self.item.minutes


def _minute(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


def plan(session: Session) -> list[Slot]:
    """The original plan, on the day the evening really started (a rehearsal on another day
    compares with the same clock times, not with a date weeks away)."""
    slots = planned(session)
    if not slots or not session.live.actual:
        return slots
    shift = session.live.actual[0].start.date() - slots[0].start.date()
    if not shift:
        return slots
    return [Slot(s.item, s.start + shift, s.end + shift) for s in slots]


def projected(session: Session, now: dt.datetime) -> list[Row]:
    """Every programme item with its planned time and its actual or expected time.

    Items that ran keep their actual times; the running item ends when its clock says (or
    now, once in overtime); every later item follows from there with its re-planned duration.
    Before the evening starts, the plan (with any re-planned durations) is shown.
    """
    live = session.live
    slots = plan(session)
    state = phase(live)
    if state == "before":
        expected = planned(session, live.minutes)
        return [Row(slot.item, slot, exp.start, exp.end, "upcoming", exp.minutes) for slot, exp in zip(slots, expected)]
    rows: list[Row] = []
    current = position(session, live.current) if state != "finished" else len(slots)
    if current is None:  # the running item was removed: treat as finished
        current = len(slots)
    cursor: dt.datetime | None = None
    for index, slot in enumerate(slots):
        item = slot.item
        run = actual_of(live, item.id)
        if index < current:
            if run is not None and run.end is not None:
                rows.append(Row(item, slot, run.start, run.end, "done", _whole_minutes(run.end - run.start)))
            elif run is not None:
                rows.append(Row(item, slot, run.start, run.start, "done", 0))
            else:
                rows.append(Row(item, slot, slot.start, slot.end, "skipped", minutes_of(session, item)))
            continue
        if index == current:
            started = live.started or now
            length = current_minutes(session)
            if state == "ended" and run is not None and run.end is not None:
                end = run.end
                rows.append(Row(item, slot, started, end, "ended", length))
                cursor = max(end, now)
            else:
                end = started + dt.timedelta(seconds=length * 60 + paused_seconds(live, now))
                rows.append(Row(item, slot, started, end, state, length))  # type: ignore[arg-type]
                cursor = max(end, now)
            continue
        start = cursor or slot.start
        length = minutes_of(session, item)
        end = start + dt.timedelta(minutes=length)
        rows.append(Row(item, slot, start, end, "upcoming", length))
        cursor = end
    return rows


def _whole_minutes(delta: dt.timedelta) -> int:
    return round(delta.total_seconds() / 60)


def delay_seconds(session: Session, now: dt.datetime) -> float:
    """How much later than planned the evening is expected to end (negative: earlier)."""
    rows = projected(session, now)
    if not rows:
        return 0.0
    return (rows[-1].end - rows[-1].planned.end).total_seconds()


def delay_minutes(session: Session, now: dt.datetime) -> int:
    """The delay in whole minutes, as the clock times on the screen differ ("7 min late").

    Times are shown to the minute, cut (21.37 for 21:37:50), so the delay is the planned end's
    minute against the expected end's minute: both late and early round down, and "21.42 → 21.37"
    reads "5 min early", never 4.
    """
    return math.floor(delay_seconds(session, now) / 60)


def following(session: Session, item_id: str | None) -> ProgramItem | None:
    """The item after ``item_id`` in the programme (the first one when None)."""
    if item_id is None:
        return session.program[0] if session.program else None
    index = position(session, item_id)
    if index is None or index + 1 >= len(session.program):
        return None
    return session.program[index + 1]


def just_started(session: Session, now: dt.datetime) -> bool:
    """Did the running item start less than :data:`GRACE_SECONDS` ago? Ending it then is most
    likely a key pressed twice (``n n`` skipped the whole dinner break), so the screen asks first."""
    live = session.live
    if phase(live) not in ("running", "paused") or live.started is None:
        return False
    return (now - live.started).total_seconds() < GRACE_SECONDS


def planned_start(session: Session, now: dt.datetime) -> dt.datetime:
    """The planned start: on the session's date when it has one, else today at its start time."""
    return dt.datetime.combine(session.workshop.date or now.date(), session.workshop.start)


def minutes_from_plan(session: Session, now: dt.datetime) -> int:
    """How many whole minutes ``now`` is after the planned start (negative: before it), date included.

    A plan dated three years ago is three years away, not "1 h 22 min": the start dialog asks
    whether to move the plan to now.
    """
    seconds = (now - planned_start(session, now)).total_seconds()
    return int(seconds // 60) if seconds >= 0 else -int(-seconds // 60)


def plan_distance(session: Session, now: dt.datetime, language: str) -> str:
    """How far ``now`` is from the plan, as a person says it: "3 dage efter planen (12.03.2026)",
    "1 t. 22 min. før planen"."""
    distance = minutes_from_plan(session, now)
    days, rest = divmod(abs(distance), 24 * 60)
    hours, minutes = divmod(rest, 60)
    after = distance > 0
    if days:
        planned = session.workshop.date or now.date()
        date = written_day(planned, language)
        if days == 1:
            return word("after_plan_day" if after else "before_plan_day", language, date=date)
        return word("after_plan_days" if after else "before_plan_days", language, days=days, date=date)
    return word("after_plan" if after else "before_plan", language, hours=hours, minutes=minutes)


def far_from_plan(session: Session, now: dt.datetime) -> bool:
    """Would starting the evening now put it hours away from its plan (a rehearsal in the morning,
    or a plan dated another day)?

    Only before the evening starts (or after a finished one is started again): the screen then
    asks whether to move the plan to now, so the programme does not say "479 min. foran".
    """
    if phase(session.live) not in ("before", "finished") or not session.program:
        return False
    return abs(minutes_from_plan(session, now)) >= PLAN_DISTANCE_MINUTES


def moved_plan(session: Session, now: dt.datetime) -> Workshop:
    """The ``[workshop]`` table with the evening's start moved to now (to the minute), and its date to
    today when it has one: every planned time follows, on every screen (the programme, the board,
    the note-taker's round)."""
    start = now.time().replace(second=0, microsecond=0)
    update: dict[str, object] = {"start": start}
    if session.workshop.date is not None:
        update["date"] = now.date()
    return session.workshop.model_copy(update=update)


def round_row(session: Session, number: int, now: dt.datetime) -> Row | None:
    """Round ``number`` (from 1) as the facilitator's programme shows it now: its planned time and
    its actual or expected time. Every screen that shows a round's time (the note-taker's top,
    the board) takes it from here, so no screen shows a third time."""
    rounds = [row for row in projected(session, now) if row.item.kind == "round"]
    return rounds[number - 1] if 1 <= number <= len(rounds) else None


def round_times(session: Session, now: dt.datetime) -> list[Slot]:
    """Round 1, 2, ... as they ran or are now expected to run (the live clock's times, not the plan's).

    What every screen shows beside a round during the evening; the plan is shown only where it is
    labelled as the plan (the facilitator's programme, setup).
    """
    return [Slot(row.item, row.start, row.end) for row in projected(session, now) if row.item.kind == "round"]


def notes_round(session: Session) -> int | None:
    """The round whose notes the facilitator watches: the one running, else the one that ran last
    (notes are finished during the break); None before the first round."""
    live = session.live
    rounds = [item.id for item in session.round_items()]
    if live.current in rounds and phase(live) in ("running", "paused", "ended"):
        return rounds.index(live.current) + 1
    ran = [rounds.index(a.item) + 1 for a in live.actual if a.item in rounds]
    return max(ran) if ran else None


def notes_per_station(session: Session, round_number: int) -> list[tuple[int, Station, int]]:
    """(station number, station, how many notes it has in the round) for every station."""
    counts: dict[str, int] = {}
    for note in session.notes:
        if note.round == round_number:
            counts[note.station] = counts.get(note.station, 0) + 1
    return [(n, s, counts.get(s.id, 0)) for n, s in enumerate(session.stations, start=1)]


QUIET_AFTER_MINUTES = 5
"""A station without notes counts as quiet once the round has run this long (or another has notes)."""


def quiet_stations(session: Session, round_number: int, now: dt.datetime) -> set[str]:
    """The ids of the stations with no notes in the round, when that is worth a look: another
    station has notes, or the round has run :data:`QUIET_AFTER_MINUTES` minutes."""
    counts = notes_per_station(session, round_number)
    if not counts:
        return set()
    rounds = session.round_items()
    item = rounds[round_number - 1] if round_number <= len(rounds) else None
    run = actual_of(session.live, item.id) if item is not None else None
    running_long = False
    if run is not None:
        until = run.end or now
        running_long = (until - run.start).total_seconds() >= QUIET_AFTER_MINUTES * 60
    others_have = any(count for _, _, count in counts)
    if not (others_have or running_long):
        return set()
    return {station.id for _, station, count in counts if count == 0}


# Transitions: each returns a new Live ------------------------------------------------------------


def _close_run(live: Live, now: dt.datetime) -> list[ActualTime]:
    """The actual times with the current item's run ended at ``now`` (if it still runs)."""
    actual = [a.model_copy() for a in live.actual]
    for index in range(len(actual) - 1, -1, -1):
        if actual[index].item == live.current:
            if actual[index].end is None:
                actual[index] = actual[index].model_copy(update={"end": now})
            break
    return actual


def start(session: Session, now: dt.datetime, item_id: str | None = None) -> Live:
    """Start an item now (by default the first one; the running item, if any, ends now)."""
    now = _second(now)
    live = session.live
    if not session.program:
        raise LiveError(word("live_no_programme", session.workshop.language))
    item = item_by_id(session, item_id) if item_id else session.program[0]
    if item is None:
        raise LiveError(word("live_no_item", session.workshop.language, item=item_id))
    if item_id is None and phase(live) not in ("before", "finished"):
        raise LiveError(word("live_started_already", session.workshop.language))
    actual = _close_run(live, now) if live.current else [a.model_copy() for a in live.actual]
    actual.append(ActualTime(item=item.id, start=now))
    return live.model_copy(
        update={
            "current": item.id,
            "started": now,
            "paused": None,
            "paused_seconds": 0,
            "extra_minutes": 0,
            "actual": actual,
            "finished": False,
        }
    )


def pause(session: Session, now: dt.datetime) -> Live:
    """Stop the clock; the programme keeps moving while it stands still."""
    live = session.live
    state = phase(live)
    if state == "paused":
        raise LiveError(word("live_paused_already", session.workshop.language))
    if state != "running":
        raise LiveError(word("live_nothing_to_pause", session.workshop.language))
    return live.model_copy(update={"paused": _second(now)})


def resume(session: Session, now: dt.datetime) -> Live:
    """Let a paused clock run again."""
    live = session.live
    if live.paused is None or phase(live) != "paused":
        raise LiveError(word("live_not_paused", session.workshop.language))
    now = _second(now)
    stood = max(int((now - live.paused).total_seconds()), 0)
    return live.model_copy(update={"paused": None, "paused_seconds": live.paused_seconds + stood})


def toggle_pause(session: Session, now: dt.datetime) -> Live:
    """Pause a running clock, resume a paused one."""
    if phase(session.live) == "paused":
        return resume(session, now)
    return pause(session, now)


def extend(session: Session, minutes: int) -> Live:
    """Give the running item more (or, negative, fewer) minutes; later items move with it."""
    live = session.live
    if phase(live) not in ("running", "paused"):
        raise LiveError(word("live_nothing_to_extend", session.workshop.language))
    if current_minutes(session) + minutes < 1:
        raise LiveError(word("live_one_minute", session.workshop.language))
    return live.model_copy(update={"extra_minutes": live.extra_minutes + minutes})


_EVENING_OVER: Final[Mapping[str, object]] = MappingProxyType(
    {"current": None, "started": None, "finished": True, "paused": None, "paused_seconds": 0, "extra_minutes": 0}
)
"""What ``[live]`` changes to when the last item ends: no item running, paused or extended; the evening finished."""


def end_early(session: Session, now: dt.datetime) -> Live:
    """End the running item now; the next one waits until the facilitator starts it.

    Ending the last item ends the evening.
    """
    live = session.live
    state = phase(live)
    if state not in ("running", "paused"):
        raise LiveError(word("live_nothing_to_end", session.workshop.language))
    now = _second(now)
    update: dict[str, object] = {"actual": _close_run(live, now)}
    if live.paused is not None:
        stood = max(int((now - live.paused).total_seconds()), 0)
        update |= {"paused": None, "paused_seconds": live.paused_seconds + stood}
    if following(session, live.current) is None:
        update |= _EVENING_OVER
    return live.model_copy(update=update)


def next_item(session: Session, now: dt.datetime) -> Live:
    """End the current item (if it still runs) and start the next one now.

    Before the evening this starts the first item; after the last item it ends the evening.
    """
    live = session.live
    state = phase(live)
    if state == "finished":
        raise LiveError(word("live_over", session.workshop.language))
    if state == "before":
        return start(session, now)
    upcoming = following(session, live.current)
    if upcoming is None:
        if state == "ended":
            now = _second(now)
            return live.model_copy(update=dict(_EVENING_OVER))
        return end_early(session, now)
    return start(session, now, upcoming.id)


def replan(session: Session, item_id: str, minutes: int) -> Live:
    """Give a later item another duration (to catch up, or to make room)."""
    live = session.live
    item = item_by_id(session, item_id)
    if item is None:
        raise LiveError(word("live_no_item", session.workshop.language, item=item_id))
    if minutes < 1:
        raise LiveError(word("live_one_minute", session.workshop.language))
    index = position(session, item_id)
    current = position(session, live.current)
    if live.finished or (current is not None and index is not None and index <= current):
        raise LiveError(word("live_has_run_or_running", session.workshop.language, title=item.title))
    if live.current is None and actual_of(live, item_id) is not None:
        raise LiveError(word("live_has_run", session.workshop.language, title=item.title))
    changed = dict(live.minutes)
    if minutes == item.minutes:
        changed.pop(item_id, None)
    else:
        changed[item_id] = minutes
    return live.model_copy(update={"minutes": changed})


def catch_up(session: Session, now: dt.datetime, item_id: str) -> Live:
    """Shorten a later item by the delay (keeping at least one minute of it).

    The delay counts in whole minutes, as the screen says it ("7 min. forsinket" for 7 min 40 s):
    shortening by a minute more would put every later item a minute before its plan.
    """
    item = item_by_id(session, item_id)
    if item is None:
        raise LiveError(word("live_no_item", session.workshop.language, item=item_id))
    late = delay_minutes(session, now)
    if late <= 0:
        raise LiveError(word("live_on_time", session.workshop.language))
    length = minutes_of(session, item)
    if length <= 1:
        raise LiveError(word("live_too_short", session.workshop.language, title=item.title))
    return replan(session, item_id, max(length - late, 1))


# The projector board ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StationLine:
    """One station on the board: who is there in the shown round, and where they go next."""

    number: int
    station: Station
    ids: list[str]
    """The groups there (their ids), or, when people re-mix, the people's names."""
    names: list[str]
    """What the board shows for each of ``ids`` (a group's name, a person's name)."""
    next_station: list[int | None]
    """For each of ``ids``: the number of its station in the following round (None: it waits,
    or no round follows)."""
    members: list[list[str]] = field(default_factory=list)
    """For each of ``ids``: the names of the people in it (a group's members; a person alone)."""


@dataclass(frozen=True)
class PersonMove:
    """One person on a re-mixing board: the station in the shown round and in the one after."""

    name: str
    station: int | None
    """The number of the person's station in the shown round (None: not placed)."""
    next_station: int | None
    """The number of the person's station in the following round (None: no round follows)."""


@dataclass(frozen=True)
class Board:
    """What the projector shows."""

    round: int | None
    """The round shown (the running one, or the next one between rounds); None after the last."""
    upcoming: bool
    """True when the shown round has not started yet."""
    row: Row | None
    """The shown round's programme row (its times, as re-timed)."""
    last_round: bool
    """True when no round follows the shown one."""
    lines: list[StationLine]
    waiting: list[tuple[str, int | None]] = field(default_factory=list)
    """Groups that wait in the shown round: (name, the station number they go to next)."""
    problem: str | None = None
    """Why there is no rotation to show, if so."""
    remix: bool = False
    """True when people, not groups, move: the board lists every person and their station."""
    people: list[PersonMove] = field(default_factory=list)
    """Re-mixing: every person, in alphabetical order, with their station now and next."""
    waiting_members: list[list[str]] = field(default_factory=list)
    """For each of ``waiting``: the names of its members."""


def alphabetical_key(name: str, language: str = "da") -> tuple[str, str]:
    """Sort people as a reader of the language expects: in Danish Æ, Ø, Å come after Z."""
    folded = name.casefold().translate(_DANISH_LAST if language == "da" else _ENGLISH)
    plain = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return plain, name


_DANISH_LAST = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})
"""Æ, Ø and Å as the three letters after z (the characters after "z" in the code table)."""
_ENGLISH = str.maketrans({"æ": "ae", "ø": "o"})


def board(session: Session, now: dt.datetime) -> Board:
    """The board's content now."""
    rows = projected(session, now)
    round_ids = [item.id for item in session.round_items()]
    live = session.live
    state = phase(live)
    shown: str | None = None
    upcoming = True
    if state in ("running", "paused", "ended") and live.current in round_ids:
        shown, upcoming = live.current, False
    elif state != "finished":
        start_at = 0 if state == "before" else (position(session, live.current) or 0) + 1
        shown = next((item.id for item in session.program[start_at:] if item.kind == "round"), None)
    if shown is None:
        return Board(None, False, None, True, [])
    number = round_ids.index(shown) + 1
    row = next((r for r in rows if r.item.id == shown), None)
    try:
        rounds = rotation(session)
    except RotationError as error:
        return Board(number, upcoming, row, number >= len(round_ids), [], [], str(error))
    people = remixing(session)
    station_number = {s.id: n for n, s in enumerate(session.stations, start=1)}
    here = rounds[number - 1] if number <= len(rounds) else {}
    after = rounds[number] if number < len(rounds) else None

    def name(ident: str) -> str:
        group = session.group(ident)
        return group.name if group is not None and not people else ident

    def members(ident: str) -> list[str]:
        group = session.group(ident)
        if people or group is None:
            return [ident]
        return [m.name for m in group.members]

    def goes_to(ident: str) -> int | None:
        if after is None:
            return None
        return next((station_number.get(s) for s, there in after.items() if ident in there), None)

    lines: list[StationLine] = []
    placed: set[str] = set()
    for n, station in enumerate(session.stations, start=1):
        ids = list(here.get(station.id, []))
        placed.update(ids)
        lines.append(
            StationLine(n, station, ids, [name(i) for i in ids], [goes_to(i) for i in ids], [members(i) for i in ids])
        )
    language = session.workshop.language
    if people:
        where = {ident: station_number.get(s) for s, there in here.items() for ident in there}
        moves = [
            PersonMove(person, where.get(person), goes_to(person))
            for person in sorted({m.name for m in session.people()}, key=lambda n: alphabetical_key(n, language))
        ]
        return Board(number, upcoming, row, after is None, lines, [], None, True, moves)
    waiting_groups = [g for g in session.groups if g.id not in placed]
    return Board(
        number,
        upcoming,
        row,
        after is None,
        lines,
        [(g.name, goes_to(g.id)) for g in waiting_groups],
        waiting_members=[[m.name for m in g.members] for g in waiting_groups],
    )
