"""The projector board: the round, the time left, and for every station who is there and where
each group goes next. Read from the back of the room; fills whatever terminal it gets.

With groups, each station is a card: its theme and host, the group there with the names of its
people (so everyone finds themselves, as on the slides), and where the group goes next. During
a break the cards show the coming round. When people re-mix, the board lists every person in
alphabetical order with their station, in as many columns as fit. ``j`` shows the join view: a QR
code per station for the note-takers' own devices (:mod:`.join`).
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from workshop.model.session import Session
from workshop.planning.live_clock import pause_label
from workshop.scheduling import evening as live
from workshop.scheduling.timetable import DASH, clock
from workshop.storage.change_labels import change_label
from workshop.words import word
from workshop.words.phrases import station_title

from ..components.board_clock import BoardClock
from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import PHONE_BELOW, SessionView
from .clock_steps import TICK_SECONDS, save_live, take_step, undo_clock

ACCENT = "#4fc3f7"
"""The round's and the group names' colour on the board: a light blue that reads on a projector."""
CARD_WIDTH = 26
"""The narrowest a station's card gets (cards go onto more rows rather than be narrower)."""
_MEASURE = Console(width=1000, legacy_windows=False, color_system=None)


def _wrap(text: Text, width: int) -> list[Text]:
    """``text`` wrapped at ``width`` columns, one Text a line."""
    if width <= 0:
        return [text]
    return list(text.wrap(_MEASURE, width))


def _one_line(text: str, width: int, keep: str = "") -> str:
    """``text`` cut to one line of ``width`` columns, with "…" where it was cut.

    ``keep``: the end of ``text`` that stays whole (the host's " v. Signe"), the cut made before it.
    """
    if cell_len(text) <= width:
        return text
    if keep and text.endswith(keep) and cell_len(keep) + 4 <= width:
        return _one_line(text[: -len(keep)], width - cell_len(keep)) + keep
    cut = text
    while cut and cell_len(cut) > max(width - 1, 0):
        cut = cut[:-1]
    return cut.rstrip() + "…"


NARROW_BELOW = PHONE_BELOW
"""Fewer columns than this (a phone held upright): the round above the clock, not squeezed beside it."""


@dataclass(frozen=True)
class CardGroup:
    """A group on a station's card: its name, its people, and where it goes next ("" for none)."""

    name: str
    members: list[str]
    target: str


class StationCard(Widget):
    """One station on the board: the theme and host, the group(s) there with their people, and
    where they go next. It fits what it shows to the room it gets: a name a line when there is
    room, else the names one after another, and only as a last resort a shorter title."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.title = ""
        self.groups: list[CardGroup] = []
        self.keep = ""
        """The end of the title that a shortened title keeps whole: the host (" v. Signe")."""

    def show(self, title: str, groups: list[CardGroup], keep: str = "") -> None:
        """Show this station's title and groups (redraws only when they changed); ``keep``: see :attr:`keep`."""
        if title != self.title or groups != self.groups or keep != self.keep:
            self.title = title
            self.groups = groups
            self.keep = keep
            self.refresh()

    @property
    def plain(self) -> str:
        """What the card says, in one line per part (tests and screen readers read this)."""
        parts = [self.title]
        for group in self.groups:
            parts.append(f"{group.name} {group.target}".strip())
            parts.extend(group.members)
        return "\n".join(parts)

    def render(self) -> Text:
        return Text("\n").join(self.lines())

    def lines(self) -> list[Text]:
        """The lines the card shows at its size now, its group lined up with the cards beside it."""
        size = self.content_size
        siblings: list[StationCard] = list(self.parent.query(StationCard)) if self.parent is not None else []
        align = max([len(_wrap(Text(card.title), size.width)) for card in siblings] + [1])
        return self.fit_lines(size.width, size.height, align)

    def fit_lines(self, width: int, height: int, align: int = 1) -> list[Text]:
        """The card's lines for ``width`` x ``height``: the fullest form that fits.

        The roomiest form gives the title ``align`` lines (the longest title of the cards beside
        it, so every card's group starts on the same line) and leaves a blank line around the
        group's name and between the names (read from afar); tighter forms drop the spacing,
        then put the names one after another, then cut the title to a line.
        """
        title = Text(self.title, style="bold")
        heads = []
        for group in self.groups:
            head = Text(group.name, style=f"bold {ACCENT}")
            if group.target:
                head.append("  ")
                head.append(group.target, style="bold")
            heads.append(head)
        title_lines = _wrap(title, width)
        short_title = [Text(_one_line(self.title, width, self.keep), style="bold")]

        def body(one_per_line: bool, spaced: bool, airy: bool = False) -> list[Text]:
            lines: list[Text] = []
            for head, group in zip(heads, self.groups):
                if spaced:
                    lines.append(Text())
                lines.extend(_wrap(head, width))
                if one_per_line:
                    for member in group.members:
                        if airy:
                            lines.append(Text())
                        lines.extend(_wrap(Text(member), width))
                elif group.members:
                    lines.extend(_wrap(Text(", ".join(group.members)), width))
            return lines

        aligned = title_lines + [Text()] * max(align - len(title_lines), 0)
        forms = [
            (aligned, True, True, True),
            (aligned, True, True, False),
            (aligned, True, False, False),
            (title_lines, True, False, False),
            (title_lines, False, False, False),
            (short_title, True, False, False),
            (short_title, False, False, False),
        ]
        for title_part, one_per_line, spaced, airy in forms:
            lines = [*title_part, *body(one_per_line, spaced, airy)]
            if len(lines) <= height or height <= 0:
                return lines
        lines = [*short_title, *body(False, False)]
        lines = lines[: max(height, 1)]
        lines[-1] = Text(_one_line(lines[-1].plain + " …", width))
        return lines


class PeopleColumns(Widget):
    """Re-mixing: every person and their station, in alphabetical order down as many columns
    as fit the width (the long form "→ Station 2", or "→ 2" when the long one would not fit)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entries: list[tuple[str, str, str]] = []
        """(name, long target, short target) in the order shown."""

    def show(self, entries: list[tuple[str, str, str]]) -> None:
        if entries != self.entries:
            self.entries = entries
            self.refresh()

    def render(self) -> Text:
        size = self.content_size
        return Text("\n").join(self.fit_lines(size.width, size.height))

    def fit_lines(self, width: int, height: int) -> list[Text]:
        """The lines: names with their targets, down each column, then across.

        As few columns as the height allows (a blank line between the names when the room is
        large), spread over the whole width; more columns, and the short "→ 2", only when needed.
        """
        if not self.entries:
            return []
        count = len(self.entries)
        name_width = max(cell_len(name) for name, _, _ in self.entries)
        for index in (1, 2):
            target_width = max(cell_len(entry[index]) for entry in self.entries)
            widest = max(1, (width + GAP) // (name_width + 1 + target_width + GAP))
            airy = math.ceil(count / max(height // 2, 1))
            if height > 0 and airy <= widest and math.ceil(count / airy) * 2 - 1 <= height:
                columns, spacing = airy, 2
                break
            columns, spacing = max(1, min(widest, math.ceil(count / max(height, 1)))), 1
            if math.ceil(count / columns) <= height or index == 2 or height <= 0:
                break
        rows = math.ceil(count / columns)
        share = max(width // columns, name_width + 1 + target_width)
        lines = [Text() for _ in range(rows)]
        for number, entry in enumerate(self.entries):
            name, target = entry[0], entry[index]
            line = lines[number % rows]
            column = number // rows
            if column:
                line.append(" " * max(column * share - cell_len(line.plain), GAP))
            line.append(name + " " * (name_width + 1 - cell_len(name)))
            line.append(target, style="bold")
        if spacing == 1:
            return lines
        spaced: list[Text] = []
        for line in lines:
            if spaced:
                spaced.append(Text())
            spaced.append(line)
        return spaced


GAP = 3
"""Columns between two columns of names."""


class BoardScreen(SessionView, Screen[None]):
    """Current round and time left in big letters; stations with their people now and next."""

    CSS_PATH = "board.tcss"

    BINDINGS = [
        Binding("escape,b", "back", "Back", id="board.back", tooltip="Back to the programme"),
        Binding("p", "pause", "Pause", id="board.pause", tooltip="Stop the clock, or let it run again"),
        Binding("n", "next", "Next", id="board.next", tooltip="End the running item and start the next one now"),
        Binding(
            "u",
            "undo_clock",
            "Undo clock",
            id="board.undo_clock",
            tooltip="Take back the clock's last step (start, pause, ±min, next, ...); notes and setup stay",
        ),
        Binding(
            "j",
            "join",
            "QR codes",
            id="board.join",
            tooltip="Show a QR code and a link per station, so the note-takers join from their own devices",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._language: str | None = None
        self._stations: list[str] | None = None
        self._drawing = asyncio.Lock()
        self._language = self.session.workshop.language
        localise_bindings(self, self._language)

    def compose(self) -> ComposeResult:
        yield Static(id="board-title", markup=False)
        with Horizontal(id="board-head"):
            with Vertical(id="board-round"):
                yield Static(id="board-round-name", markup=False)
                yield Static(id="board-round-time", markup=False)
                yield Static(id="board-round-state", markup=False)
            yield BoardClock(id="board-clock")
        yield Grid(id="board-stations")
        with Vertical(id="board-people-box"):
            yield Static(id="board-people-title", markup=False)
            yield PeopleColumns(id="board-people")
            yield Static(id="board-legend", markup=False)
        yield Static(id="board-waiting", markup=False)
        yield Static(id="board-message", markup=False)
        yield Static(id="board-hint", markup=False)

    async def on_mount(self) -> None:
        await self.redraw()
        self.set_interval(TICK_SECONDS, self.tick, name="board-clock")

    async def on_session_changed(self, message: SessionChanged) -> None:
        await self.redraw()

    async def on_screen_resume(self) -> None:
        await self.redraw()

    def on_resize(self, event: events.Resize) -> None:
        # A tall room gives the clock more of the height (its digits grow with it).
        # A phone's width: the round over the clock, the clock the whole width (board.tcss, .-narrow).
        narrow = event.size.width < NARROW_BELOW
        self.set_class(narrow, "-narrow")
        height = "auto" if narrow else "40%" if event.size.height >= 40 else "30%"
        self.query_one("#board-head").styles.height = height
        self._arrange(len(self._stations or []))

    async def tick(self) -> None:
        await self.redraw()

    async def redraw(self) -> None:
        async with self._drawing:
            await self._redraw()

    async def _redraw(self) -> None:
        session = self.session
        language = session.workshop.language
        if language != self._language:
            self._language = language
            localise_bindings(self, language)
        now = self.workshop_app.clock()
        content = live.board(session, now)
        timing = live.timing(session, now)
        title = session.workshop.title + (f" – {session.workshop.subtitle}" if session.workshop.subtitle else "")
        self.query_one("#board-title", Static).update(title)
        self.query_one("#board-hint", Static).update(word("board_hint", language))
        self._show_head(session, content, timing, language)
        await self._show_stations(session, content, language)

    def _show_head(self, session: Session, content: live.Board, timing: live.Timing, language: str) -> None:
        name = self.query_one("#board-round-name", Static)
        when = self.query_one("#board-round-time", Static)
        state = self.query_one("#board-round-state", Static)
        big = self.query_one(BoardClock)
        look = "-normal"
        shown_round = f"{word('round', language)} {content.round}" if content.round else ""
        span = ""
        if content.row is not None:
            span = f"{clock(content.row.start, language)} {DASH} {clock(content.row.end, language)}"
        if timing.phase == "before":
            rows = live.projected(session, self.workshop_app.clock())
            begins = clock(rows[0].start, language) if rows else ""
            name.update(f"{word('next_round', language)}: {shown_round}" if shown_round else "")
            when.update(span)
            state.update(f"{word('starts_at', language)} {begins}" if begins else "")
            big.update(begins)
            self._look(big, state, "-idle")
            return
        if timing.phase == "finished" or timing.item is None:
            name.update(word("finished", language))
            when.update("")
            state.update("")
            big.update("")
            self._look(big, state, "-idle")
            return
        if content.round is not None and not content.upcoming:
            name.update(shown_round)
            when.update(span)
        else:
            name.update(timing.item.title)
            if content.round is not None:
                starts = clock(content.row.start, language) if content.row else ""
                when.update(f"{word('next_round', language)}: {shown_round} {word('at', language)} {starts}")
            else:
                when.update(word("all_rounds_done", language))
        big.update(timing.text)
        if timing.phase == "paused":
            state.update(word("paused_short", language))
            look = "-paused"
        elif timing.phase == "ended":
            state.update(word("ended_short", language))
            look = "-ended"
        elif timing.level == "overtime":
            state.update(word("overtime_by", language, time=timing.text))
            look = "-overtime"
        else:
            state.update(word("remaining", language))
            look = f"-{timing.level}"
        self._look(big, state, look)

    @staticmethod
    def _look(big: BoardClock, state: Static, look: str) -> None:
        """Colour the big clock and the state line for ``look`` (one class, the others off)."""
        looks = ("-normal", "-warning", "-critical", "-overtime", "-idle", "-paused", "-ended")
        idle = look in ("-idle", "-paused", "-ended")
        big.update_classes({name: name == look or (name == "-idle" and idle) for name in looks})
        state.update_classes({name: name == look for name in looks})

    async def _show_stations(self, session: Session, content: live.Board, language: str) -> None:
        holder = self.query_one("#board-stations", Grid)
        people_box = self.query_one("#board-people-box", Vertical)
        message = self.query_one("#board-message", Static)
        waiting = self.query_one("#board-waiting", Static)
        showing = content.round is not None and not content.problem
        holder.display = showing and not content.remix
        people_box.display = showing and content.remix
        message.display = not showing
        waiting.display = showing and bool(content.waiting)
        if not showing:
            if content.problem:
                message.update(f"{word('no_rotation', language)}: {content.problem}")
            else:
                message.update(word("all_rounds_done", language))
            return
        if content.remix:
            self._show_people(session, content, language)
            return
        ids = [line.station.id for line in content.lines]
        if ids != self._stations:
            await holder.remove_children()
            await holder.mount_all([StationCard(id=f"board-{i}", classes="board-card") for i in ids])
            self._stations = ids
            self._arrange(len(ids))
        for line in content.lines:
            card = holder.query_one(f"#board-{line.station.id}", StationCard)
            title = station_title(line.number, line.station.name, line.station.host, language)
            groups = [
                CardGroup(
                    name,
                    members,
                    "" if content.upcoming else self._target(target, content.last_round, language),
                )
                for name, members, target in zip(line.names, line.members, line.next_station)
            ]
            host = line.station.host.strip()
            card.show(title, groups, f" {word('host_prefix', language)} {host}" if host else "")
        if content.waiting:
            parts = []
            for (name, target), members in zip(content.waiting, content.waiting_members or [[]] * len(content.waiting)):
                who = f" ({', '.join(members)})" if members else ""
                parts.append(f"{name}{who} {self._target(target, content.last_round, language)}")
            waiting.update(f"{word('waiting', language)}: " + "; ".join(parts))

    def _show_people(self, session: Session, content: live.Board, language: str) -> None:
        """Re-mixing: each person's station (the coming round) or next station (the running one)."""
        title = self.query_one("#board-people-title", Static)
        if content.upcoming:
            title.update(word("board_go_to", language, round=content.round))
            targets = [(move.name, move.station) for move in content.people]
        else:
            title.update(word("board_go_next", language, round=content.round))
            targets = [(move.name, move.next_station) for move in content.people]
        last = content.last_round and not content.upcoming
        entries = [
            (name, self._target(target, last, language), self._target(target, last, language, short=True))
            for name, target in targets
        ]
        self.query_one(PeopleColumns).show(entries)
        legend = [station_title(line.number, line.station.name, line.station.host, language) for line in content.lines]
        self.query_one("#board-legend", Static).update(Text("\n".join(legend)))

    def _arrange(self, stations: int) -> None:
        """As many cards side by side as fit at :data:`CARD_WIDTH` columns, the rest on more rows."""
        if not stations:
            return
        grid = self.query_one("#board-stations", Grid)
        width = self.size.width or self.app.size.width
        rows = math.ceil(stations / max(1, min(stations, width // CARD_WIDTH)))
        columns = math.ceil(stations / rows)  # balanced: four cards are two and two, not three and one
        grid.styles.grid_size_columns = columns
        grid.styles.grid_size_rows = rows

    @staticmethod
    def _target(target: int | None, last_round: bool, language: str, short: bool = False) -> str:
        if target is not None:
            return f"→ {target}" if short else f"→ {word('station', language)} {target}"
        return f"→ {word('plenary_next', language)}" if last_round else word("waits_next", language)

    # Actions ---------------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_pause(self) -> None:
        now = self.workshop_app.clock()
        save_live(self, pause_label(self.session), lambda s: live.toggle_pause(s, now))

    def action_next(self) -> None:
        take_step(self, change_label("clock_next"), live.next_item)

    def action_undo_clock(self) -> None:
        undo_clock(self)

    def action_join(self) -> None:
        from .join import JoinScreen  # imported when first asked for (a faster start)

        self.app.push_screen(JoinScreen())
