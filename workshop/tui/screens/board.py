"""The projector board: the round, the time left, and for every station who is there and where
each group goes next. Read from the back of the room; fills whatever terminal it gets."""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from workshop.model.session import Session
from workshop.scheduling import evening as live
from workshop.scheduling.timetable import DASH, clock
from workshop.storage.change_labels import change_label
from workshop.words import word
from workshop.words.phrases import station_title

from ..components.board_clock import BoardClock
from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import SessionView
from .clock_steps import TICK_SECONDS, pause_label, save_live


class BoardScreen(SessionView, Screen[None]):
    """Current round and time left in big letters; stations with their groups now and next."""

    DEFAULT_CSS = """
    BoardScreen { background: $background; }
    BoardScreen #board-title { height: 1; padding: 0 1; color: $text-muted; }
    BoardScreen #board-head { height: 30%; min-height: 7; }
    BoardScreen #board-round { width: 1fr; padding: 1 2; }
    BoardScreen #board-round-name { text-style: bold; color: $accent; }
    BoardScreen #board-round-time { text-style: bold; }
    BoardScreen #board-round-state { color: $text-muted; }
    BoardScreen #board-clock { width: 2fr; }
    BoardScreen #board-clock.-warning { color: $warning; }
    BoardScreen #board-clock.-critical, BoardScreen #board-clock.-overtime { color: $error; }
    BoardScreen #board-clock.-idle { color: $text-muted; }
    BoardScreen #board-round-state.-overtime { color: $error; text-style: bold; }
    BoardScreen .board-row { height: 1fr; min-height: 2; border-bottom: solid $primary-darken-2; }
    BoardScreen #board-columns { height: 1; min-height: 1; border-bottom: none; color: $text-muted; }
    BoardScreen .board-row Static { height: 1fr; }
    BoardScreen .board-station { width: 1fr; padding: 0 1; content-align: left middle; text-style: bold; }
    BoardScreen .board-now { width: 22%; padding: 0 1; content-align: left middle; text-style: bold; color: $accent; }
    BoardScreen .board-next { width: 24%; padding: 0 1; content-align: left middle; }
    BoardScreen #board-columns Static { text-style: none; color: $text-muted; }
    BoardScreen #board-stations { height: 1fr; }
    BoardScreen #board-message { height: 1fr; content-align: center middle; text-style: bold; }
    BoardScreen #board-hint { height: 1; color: $text-muted; padding: 0 1; }
    BoardScreen #board-waiting { height: auto; padding: 0 1; text-style: bold; }
    """

    BINDINGS = [
        Binding("escape,b", "back", "Back", id="board.back", tooltip="Back to the programme"),
        Binding("p", "pause", "Pause", id="board.pause", tooltip="Stop the clock, or let it run again"),
        Binding("n", "next", "Next", id="board.next", tooltip="End the running item and start the next one now"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._language: str | None = None
        self._stations: list[str] | None = None
        self._drawing = asyncio.Lock()
        self._language = self.session.workshop.language
        localise_bindings(self, self._language)

    def compose(self) -> ComposeResult:
        yield Static(id="board-title")
        with Horizontal(id="board-head"):
            with Vertical(id="board-round"):
                yield Static(id="board-round-name")
                yield Static(id="board-round-time")
                yield Static(id="board-round-state")
            yield BoardClock(id="board-clock")
        with Horizontal(id="board-columns", classes="board-row"):
            yield Static(classes="board-station", id="board-col-station")
            yield Static(classes="board-now", id="board-col-now")
            yield Static(classes="board-next", id="board-col-next")
        yield Vertical(id="board-stations")
        yield Static(id="board-waiting")
        yield Static(id="board-message")
        yield Static(id="board-hint")

    async def on_mount(self) -> None:
        await self.redraw()
        self.set_interval(TICK_SECONDS, self.tick, name="board-clock")

    async def on_session_changed(self, message: SessionChanged) -> None:
        await self.redraw()

    async def on_screen_resume(self) -> None:
        await self.redraw()

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
        for level in ("-normal", "-warning", "-critical", "-overtime", "-idle"):
            big.remove_class(level)
            state.remove_class(level)
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
            big.add_class("-idle")
            return
        if timing.phase == "finished" or timing.item is None:
            name.update(word("finished", language))
            when.update("")
            state.update("")
            big.update("")
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
            state.update(word("paused", language))
            big.add_class("-idle")
        elif timing.phase == "ended":
            state.update(word("ended", language))
            big.add_class("-idle")
        elif timing.level == "overtime":
            state.update(word("overtime", language))
            state.add_class("-overtime")
            big.add_class("-overtime")
        else:
            state.update(word("remaining", language))
            big.add_class(f"-{timing.level}")

    async def _show_stations(self, session: Session, content: live.Board, language: str) -> None:
        holder = self.query_one("#board-stations", Vertical)
        message = self.query_one("#board-message", Static)
        columns = self.query_one("#board-columns")
        showing = content.round is not None and not content.problem
        holder.display = showing
        columns.display = showing
        message.display = not showing
        if not showing:
            self.query_one("#board-waiting", Static).display = False
            if content.problem:
                message.update(f"{word('no_rotation', language)}: {content.problem}")
            else:
                message.update(word("all_rounds_done", language))
            return
        self.query_one("#board-col-station", Static).update(word("station", language))
        now_title = word("now", language) if not content.upcoming else f"{word('round', language)} {content.round}"
        self.query_one("#board-col-now", Static).update(now_title)
        self.query_one("#board-col-next", Static).update(word("goes_on_to", language))
        ids = [line.station.id for line in content.lines]
        if ids != self._stations:
            await holder.remove_children()
            rows = []
            for line in content.lines:
                rows.append(
                    Horizontal(
                        Static(classes="board-station"),
                        Static(classes="board-now"),
                        Static(classes="board-next"),
                        classes="board-row",
                        id=f"board-{line.station.id}",
                    )
                )
            await holder.mount_all(rows)
            self._stations = ids
        for line in content.lines:
            row = holder.query_one(f"#board-{line.station.id}")
            title = station_title(line.number, line.station.name, line.station.host, language)
            who = ", ".join(line.names) or "–"
            targets = [self._target(target, content.last_round, language) for target in line.next_station]
            if len(set(targets)) == 1 and len(targets) > 1:
                targets = targets[:1]  # a shared station whose groups all go on together
            row.query_one(".board-station", Static).update(title)
            row.query_one(".board-now", Static).update(who)
            row.query_one(".board-next", Static).update(", ".join(targets) or "–")
        waiting = self.query_one("#board-waiting", Static)
        waiting.display = bool(content.waiting)
        if content.waiting:
            parts = [
                f"{name} ({self._target(target, content.last_round, language)})" for name, target in content.waiting
            ]
            waiting.update(f"{word('waiting', language)}: " + ", ".join(parts))

    @staticmethod
    def _target(target: int | None, last_round: bool, language: str) -> str:
        if target is not None:
            return f"→ {word('station', language)} {target}"
        return word("plenary_next", language) if last_round else word("waits_next", language)

    # Actions ---------------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_pause(self) -> None:
        now = self.workshop_app.clock()
        save_live(self.workshop_app, pause_label(self.session), lambda s: live.toggle_pause(s, now))

    def action_next(self) -> None:
        now = self.workshop_app.clock()
        save_live(self.workshop_app, change_label("clock_next"), lambda s: live.next_item(s, now))
