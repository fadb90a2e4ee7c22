"""The round clock: large digits counting the current item down, and overtime up past zero.

It only draws what :func:`workshop.scheduling.evening.timing` says for the moment it is given; the screen
calls :meth:`RoundClock.show` once a second and after every change. It turns orange at 20 %
left, red at 5 %, white on red in overtime, and rings the terminal bell once when it reaches
zero. The colours are strong enough for a projector, and never alone: the state is also in
words beside the digits ("Overtid +03:12", "Pause", "Afsluttet kl. 18.15").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from workshop.model.session import Session
from workshop.scheduling.evening import Timing, following, projected, timing
from workshop.scheduling.timetable import clock
from workshop.words import word

from ..session_view import workshop_app

LEVELS = ("-normal", "-warning", "-critical", "-overtime")

WARNING_COLOUR = "#ff9f1a"
"""Orange that reads as a warning on a dark background and on a projector (the theme's is muted)."""
CRITICAL_COLOUR = "#ff3b30"
"""Strong red: 5 % of the item left."""
OVERTIME_BACKGROUND = "#c40000"
"""Overtime: white on this red, the reverse of the running clock, seen from across the room."""


class RoundClock(Vertical):
    """The current item, its clock in large digits, and what comes next."""

    DEFAULT_CSS = """
    RoundClock {
        height: auto;
        border: round $primary;
        padding: 0 1;
    }
    RoundClock #clock-item { text-style: bold; height: 1; }
    RoundClock #clock-row { height: auto; }
    RoundClock Digits { width: auto; margin-right: 2; }
    RoundClock #clock-facts { height: auto; width: 1fr; }
    RoundClock #clock-facts Static { height: 1; }
    RoundClock #clock-state { text-style: bold; }
    RoundClock.-warning { border: heavy #ff9f1a; }
    RoundClock.-warning Digits { color: #ff9f1a; text-style: bold; }
    RoundClock.-critical { border: heavy #ff3b30; }
    RoundClock.-critical Digits { color: #ff3b30; text-style: bold; }
    RoundClock.-critical #clock-state { color: #ff3b30; }
    RoundClock.-overtime { border: heavy #ffffff; background: #c40000; color: #ffffff; }
    RoundClock.-overtime Digits { color: #ffffff; text-style: bold; }
    RoundClock.-overtime #clock-state { color: #ffffff; text-style: bold; }
    RoundClock.-paused { border: heavy #ff9f1a; }
    RoundClock.-paused Digits { color: $text-muted; }
    RoundClock.-paused #clock-state { color: #ff9f1a; }
    RoundClock.-idle Digits { color: $text-muted; }
    RoundClock.-ended #clock-state { color: #ff9f1a; }
    """

    def __init__(self, *, ring: bool = True, classes: str = "-idle -normal", **kwargs: Any) -> None:
        # Born in the state before the evening starts, so the first draw restyles nothing then.
        super().__init__(classes=classes, **kwargs)
        self.ring = ring
        """Ring the terminal bell at zero (the facilitator's screen does; the board does not)."""
        self._last: tuple[str | None, object, float] | None = None
        self._rung: set[tuple[str | None, dt.datetime | None, float]] = set()
        self.rang = 0
        """How many times the bell rang (tests read it)."""

    def compose(self) -> ComposeResult:
        yield Static(id="clock-item")
        with Horizontal(id="clock-row"):
            yield Digits("00:00", id="clock-digits")
            with Vertical(id="clock-facts"):
                yield Static(id="clock-state")
                yield Static(id="clock-ends")
                yield Static(id="clock-next")

    def show(self, session: Session, now: dt.datetime) -> Timing:
        """Draw the clock for ``now``; ring the bell if it just reached zero."""
        language = session.workshop.language
        current = timing(session, now)
        self.query_one("#clock-digits", Digits).update(current.text)
        level = current.level if current.phase in ("running", "paused") else "normal"
        # One batch: the clock is restyled once when its state changes, not once per class.
        self.update_classes({
            "-idle": current.phase in ("before", "ended", "finished"),
            "-paused": current.phase == "paused",
            "-ended": current.phase == "ended",
            **{name: name == f"-{level}" for name in LEVELS},
        })
        item = self.query_one("#clock-item", Static)
        state = self.query_one("#clock-state", Static)
        ends = self.query_one("#clock-ends", Static)
        upcoming = self.query_one("#clock-next", Static)
        rows = {row.item.id: row for row in projected(session, now)}
        if current.phase == "finished" or current.item is None:
            item.update(word("finished", language))
            state.update("")
            ends.update("")
            upcoming.update("")
            self._remember(current)
            return current
        item.update(current.item.title)
        row = rows.get(current.item.id)
        if current.phase == "before":
            state.update(f"{word('ready', language)} – {word('press_start', language)}")
        elif current.phase == "ended":
            ended = clock(row.end, language) if row is not None else ""
            state.update(word("ended_at", language, time=ended))
        elif current.phase == "paused":
            state.update(word("paused", language))
        elif current.level == "overtime":
            over = word("overtime_by", language, time=current.text)
            state.update(f"{over} – {word('press_next', language)}")
        else:
            state.update(f"{word('running', language)} · {word('remaining', language)}")
        if current.phase == "ended":
            ends.update("")
        elif row is not None:
            text = f"{word('ends_at', language)} {clock(row.end, language)}"
            if row.moved or _minute(row.end) != _minute(row.planned.end):
                text += f" ({word('plan_short', language)} {clock(row.planned.end, language)})"
            if current.phase == "before":
                text = f"{word('starts_at', language)} {clock(row.start, language)}"
            ends.update(text)
        after = following(session, current.item.id)
        if after is not None and after.id in rows:
            nxt = rows[after.id]
            shift = clock(nxt.start, language)
            if nxt.moved:
                shift = f"{clock(nxt.planned.start, language)} → {shift}"
            upcoming.update(f"{word('next', language)}: {after.title} {shift}")
        else:
            upcoming.update("")
        self._maybe_ring(current)
        return current

    def ring_if_due(self, session: Session, now: dt.datetime) -> None:
        """Only the bell, without drawing (while another screen is shown)."""
        self._maybe_ring(timing(session, now))

    def _remember(self, current: Timing) -> None:
        self._last = (current.item.id if current.item else None, current.phase, current.remaining)

    def _maybe_ring(self, current: Timing) -> None:
        """Ring once when the running clock passes zero (again after an extension runs out)."""
        live = workshop_app(self).store.session.live
        item_id = current.item.id if current.item else None
        key = (item_id, live.started, current.total)
        before = self._last
        self._remember(current)
        if not self.ring or current.phase != "running" or current.remaining > 0 or key in self._rung:
            return
        self._rung.add(key)
        if before is not None and before[0] == item_id and before[2] > 0:
            self.rang += 1
            self.app.bell()


def _minute(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)
