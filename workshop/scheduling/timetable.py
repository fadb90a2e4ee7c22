"""Clock times of the programme: computed from the start and the durations, never typed twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workshop.model.session import ProgramItem, Session

DASH = "\u2013"  # the en dash the slides use between two times


@dataclass(frozen=True)
class Slot:
    """A programme item placed on the clock."""

    item: ProgramItem
    start: dt.datetime
    end: dt.datetime

    @property
    def minutes(self) -> int:
        """How long the item lasts, in whole minutes."""
        return int((self.end - self.start).total_seconds() // 60)


def day_of(session: Session) -> dt.date:
    """The meeting day (today when the session names none)."""
    return session.workshop.date or dt.date.today()


def planned(session: Session, minutes: dict[str, int] | None = None) -> list[Slot]:
    """Every programme item with its planned start and end.

    ``minutes`` overrides durations by item id (a re-planned evening).
    """
    overrides = minutes or {}
    clock = dt.datetime.combine(day_of(session), session.workshop.start)
    slots: list[Slot] = []
    for item in session.program:
        length = overrides.get(item.id, item.minutes)
        end = clock + dt.timedelta(minutes=length)
        slots.append(Slot(item, clock, end))
        clock = end
    return slots


def round_slots(session: Session) -> list[Slot]:
    """The slots of the round items: round 1, 2, ..."""
    return [slot for slot in planned(session) if slot.item.kind == "round"]


def clock(moment: dt.datetime | dt.time, language: str = "da") -> str:
    """18.20 in Danish, 18:20 in English."""
    separator = "." if language == "da" else ":"
    return f"{moment.hour:02d}{separator}{moment.minute:02d}"


def span(slot: Slot, language: str = "da") -> str:
    """ "18.20 – 18.50"."""
    return f"{clock(slot.start, language)} {DASH} {clock(slot.end, language)}"


def current_item(session: Session) -> ProgramItem | None:
    """The programme item the facilitator has running, from the live state."""
    current = session.live.current
    return next((item for item in session.program if item.id == current), None)


def current_round(session: Session) -> int | None:
    """The round running now (from 1), or None outside the rounds."""
    item = current_item(session)
    if item is None or item.kind != "round":
        return None
    return [i.id for i in session.round_items()].index(item.id) + 1
