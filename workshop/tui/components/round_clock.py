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

from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.geometry import Size
from textual.renderables.digits import Digits
from textual.widget import Widget

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
DIGITS_GAP = 2
"""Columns between the digits and the words beside them."""


class RoundClock(Widget):
    """The current item, its clock in large digits, and what comes next.

    One widget that draws its five lines itself (the item, then three lines of digits with the
    state, the end and the next item beside them): the facilitator's first screen comes sooner
    than with a widget for each part (issue 12).
    """

    COMPONENT_CLASSES = {"round-clock--item", "round-clock--digits", "round-clock--state"}

    def __init__(self, *, ring: bool = True, classes: str = "-idle -normal", **kwargs: Any) -> None:
        # Born in the state before the evening starts, so the first draw restyles nothing then.
        super().__init__(classes=classes, **kwargs)
        self.ring = ring
        """Ring the terminal bell at zero (the facilitator's screen does; the board does not)."""
        self._last: tuple[str | None, object, float] | None = None
        self._rung: set[tuple[str | None, dt.datetime | None, float]] = set()
        self.rang = 0
        """How many times the bell rang (tests read it)."""
        self.item = ""
        """The item the clock counts ("Runde 1 ved stationer")."""
        self.digits = "00:00"
        """The time in the large digits ("06:00", "+03:12")."""
        self.facts = ("", "", "")
        """The words beside the digits: the state, when the item ends, what comes next."""

    @property
    def state(self) -> str:
        """The clock's state in words ("Overtid +03:12 – Tryk n for at gå videre")."""
        return self.facts[0]

    @property
    def digits_colour(self) -> Color:
        """The colour the digits are drawn in now (orange, red, white on red in overtime, muted when idle)."""
        style = self.get_component_rich_style("round-clock--digits")
        return Color.from_rich_color(style.color) if style.color is not None else self.styles.color

    def _draw(self, item: str, digits: str, facts: tuple[str, str, str]) -> None:
        if (item, digits, facts) != (self.item, self.digits, self.facts):
            resize = Digits.get_width(digits) != Digits.get_width(self.digits)
            self.item, self.digits, self.facts = item, digits, facts
            self.refresh(layout=resize)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 4

    def render(self) -> Text:
        width = self.content_size.width
        digits_style = self.get_component_rich_style("round-clock--digits")
        drawn = Digits(self.digits).render(digits_style)
        rows = [piece.text for piece in drawn if isinstance(piece, Segment) and piece.text != "\n"]
        lines = [Text(self.item, style=self.get_component_rich_style("round-clock--item"), no_wrap=True)]
        room = max(width - Digits.get_width(self.digits) - DIGITS_GAP, 0)
        state_style = self.get_component_rich_style("round-clock--state")
        for number, row in enumerate(rows):
            line = Text(no_wrap=True)
            line.append(row, style=digits_style)
            line.append(" " * DIGITS_GAP)
            fact = Text(self.facts[number], style=state_style if number == 0 else "")
            fact.truncate(room, overflow="ellipsis")
            line.append_text(fact)
            lines.append(line)
        for line in lines:
            line.truncate(width, overflow="ellipsis")
        return Text("\n").join(lines)

    def show(self, session: Session, now: dt.datetime) -> Timing:
        """Draw the clock for ``now``; ring the bell if it just reached zero."""
        language = session.workshop.language
        current = timing(session, now)
        level = current.level if current.phase in ("running", "paused") else "normal"
        # One batch: the clock is restyled once when its state changes, not once per class.
        self.update_classes(
            {
                "-idle": current.phase in ("before", "ended", "finished"),
                "-paused": current.phase == "paused",
                "-ended": current.phase == "ended",
                **{name: name == f"-{level}" for name in LEVELS},
            }
        )
        rows = {row.item.id: row for row in projected(session, now)}
        if current.phase == "finished" or current.item is None:
            self._draw(word("finished", language), current.text, ("", "", ""))
            self._remember(current)
            return current
        row = rows.get(current.item.id)
        if current.phase == "before":
            state = f"{word('ready', language)} – {word('press_start', language)}"
        elif current.phase == "ended":
            ended = clock(row.end, language) if row is not None else ""
            state = word("ended_at", language, time=ended)
        elif current.phase == "paused":
            state = word("paused", language)
        elif current.level == "overtime":
            over = word("overtime_by", language, time=current.text)
            state = f"{over} – {word('press_next', language)}"
        else:
            state = f"{word('running', language)} · {word('remaining', language)}"
        ends = ""
        if current.phase != "ended" and row is not None:
            ends = f"{word('ends_at', language)} {clock(row.end, language)}"
            if row.moved or _minute(row.end) != _minute(row.planned.end):
                ends += f" ({word('plan_short', language)} {clock(row.planned.end, language)})"
            if current.phase == "before":
                ends = f"{word('starts_at', language)} {clock(row.start, language)}"
        upcoming = ""
        after = following(session, current.item.id)
        if after is not None and after.id in rows:
            nxt = rows[after.id]
            shift = clock(nxt.start, language)
            if nxt.moved:
                shift = f"{clock(nxt.planned.start, language)} → {shift}"
            upcoming = f"{word('next', language)}: {after.title} {shift}"
        self._draw(current.item.title, current.text, (state, ends, upcoming))
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
