"""The facilitator's live view: the round clock over the programme, re-timed as the evening runs.

Each key is one step of the clock (:mod:`.clock_steps`), saved at once; ``u`` takes the last
one back. Under the clock: how late the evening is, how many notes each station has in the
round (a quiet station stands out), the programme, and the rotation (groups, or the people of
a re-mix).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from workshop.model.session import Live, Session
from workshop.planning.live_clock import Step, pause_label
from workshop.scheduling import evening as live
from workshop.scheduling.rotation import remixing
from workshop.scheduling.timetable import clock
from workshop.storage.change_labels import change_label
from workshop.words import key_words, word

from ..components.key_footer import KeyFooter
from ..components.live_programme import LiveProgramme
from ..components.rotation_table import RotationTable
from ..components.round_clock import WARNING_COLOUR, RoundClock
from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import SessionView, workshop_app
from .clock_steps import TICK_SECONDS, end_now, save_live, start_selected, take_step, undo_clock

EXTEND = Binding.Group("+1/+5 min", compact=True)
SHORTEN = Binding.Group("-1/-5 min", compact=True)

ICON = "⭘"
ICON_WIDTH = 8
"""Columns of the icon at the left (it opens the command palette), as Textual's ``Header`` has them."""
CLOCK_WIDTH = 10
"""Columns kept free at the right, as Textual's ``Header`` keeps them for its clock."""


class TitleBar(Widget):
    """The title line at the top: the session's title and file, the palette's icon at the left.

    It looks like Textual's ``Header`` but is one widget instead of four (a faster first screen,
    issue 12); a click on the icon opens the command palette.
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitle, init=False)
            self.watch(node, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        middle = max(self.size.width - ICON_WIDTH - CLOCK_WIDTH, 0)
        return Content.assemble(
            f" {ICON}".ljust(ICON_WIDTH),
            app.format_title(title, sub_title).center(middle, ellipsis=True),
            " " * CLOCK_WIDTH,
        )

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.tooltip = self._palette_words() if event.x < ICON_WIDTH else None

    def _palette_words(self) -> str:
        """What the icon does: the palette key's tooltip, in the session's language."""
        found = key_words("app.palette", workshop_app(self).language)
        if found is not None:
            return found[1]
        declared = [b for b in type(self.app).BINDINGS if isinstance(b, Binding) and b.id == "app.palette"]
        return declared[0].tooltip if declared else ""

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH:
            event.stop()
            await self.run_action("app.command_palette")


class FacilitatorScreen(SessionView, Screen[None]):
    """The programme with planned and actual times, and the round clock."""

    BINDINGS = [
        Binding("s", "start", "Start", id="facilitator.start", tooltip="Start the evening's first item now"),
        Binding("p", "pause", "Pause", id="facilitator.pause", tooltip="Stop the clock, or let it run again"),
        Binding("n", "next", "Next", id="facilitator.next", tooltip="End the running item and start the next one now"),
        Binding(
            "x",
            "extend(1)",
            "+1 min",
            id="facilitator.extend1",
            group=EXTEND,
            tooltip="Give the running item one minute more",
        ),
        Binding(
            "X",
            "extend(5)",
            "+5 min",
            id="facilitator.extend5",
            group=EXTEND,
            tooltip="Give the running item five minutes more",
        ),
        Binding(
            "z",
            "extend(-1)",
            "-1 min",
            id="facilitator.shorten1",
            group=SHORTEN,
            tooltip="Take one minute from the running item",
        ),
        Binding(
            "Z",
            "extend(-5)",
            "-5 min",
            id="facilitator.shorten5",
            group=SHORTEN,
            tooltip="Take five minutes from the running item",
        ),
        Binding(
            "u",
            "undo_clock",
            "Undo clock",
            id="facilitator.undo_clock",
            tooltip="Take back the clock's last step (start, pause, ±min, next, ...); notes and setup stay",
        ),
        Binding(
            "e",
            "end",
            "End now",
            id="facilitator.end",
            show=False,
            tooltip="End the running item early; the next one waits for you",
        ),
        Binding(
            "r",
            "replan",
            "New length",
            id="facilitator.replan",
            show=False,
            tooltip="Give the selected later item another length",
        ),
        Binding(
            "c",
            "catch_up",
            "Catch up",
            id="facilitator.catch_up",
            show=False,
            tooltip="Shorten the selected later item by the delay",
        ),
        Binding(
            "g",
            "jump",
            "Start selected",
            id="facilitator.jump",
            show=False,
            tooltip="Start the selected item now (the running one ends)",
        ),
        Binding("b", "board", "Board", id="facilitator.board", tooltip="Show the rotation board for the projector"),
        Binding(
            "o,f5",
            "setup",
            "Setup",
            id="facilitator.setup",
            tooltip="Change the programme, stations, groups and the evening",
        ),
        Binding(
            "k",
            "schedule",
            "Schedule",
            id="facilitator.schedule",
            tooltip="Everyone's route, what the shape costs, re-mixing and forming groups",
        ),
    ]

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        self._language: str | None = None
        self._rotation_shown: tuple[Hashable, ...] | None = None
        self._notes_shown: tuple[Hashable, ...] | None = None
        self._shown_before = False
        """Has the screen been shown before? (A later showing, back from the board or another mode, redraws.)"""
        self._localise()

    def _localise(self) -> None:
        """Key descriptions in the session's language (before the footer is first drawn)."""
        language = self.session.workshop.language
        if language != self._language:
            self._language = language
            localise_bindings(self, language)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield RoundClock(id="round-clock")
        yield Static(id="live-delay", markup=False)
        yield Static(id="live-notes", markup=False)
        yield LiveProgramme(id="live-programme")
        yield Static(id="live-rotation-title", markup=False, classes="section-title")
        yield RotationTable(id="live-rotation", fit_height=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(RotationTable).cursor_type = "row"
        self.redraw()
        self.query_one(LiveProgramme).focus()
        self.set_interval(TICK_SECONDS, self.tick, name="round-clock")

    def on_session_changed(self, message: SessionChanged) -> None:
        self.redraw()

    def on_screen_resume(self) -> None:
        if not self._shown_before:  # shown for the first time: on_mount drew it a moment ago
            self._shown_before = True
            return
        self.redraw()

    def tick(self) -> None:
        """Once a second: move the clock and the expected times on.

        While another screen is shown (the board, another mode) only the bell is kept.
        """
        if not self.is_current:
            self.query_one(RoundClock).ring_if_due(self.session, self._now())
            return
        self.redraw()  # the rotation redraws only when its expected times (or anything else) change

    def redraw(self, rotation: bool = True) -> None:
        session = self.session
        language = session.workshop.language
        self._localise()
        now = self._now()
        self.query_one(RoundClock).show(session, now)
        self.query_one(LiveProgramme).show(session, now)
        self._show_delay(session, now, language)
        self._show_notes(session, now, language)
        if rotation:
            self._show_rotation(session, now, language)
        state = live.phase(session.live)
        if state != getattr(self, "_phase_shown", None):
            self._phase_shown = state
            self.refresh_bindings()  # s Start comes and goes with the evening

    def _show_rotation(self, session: Session, now: dt.datetime, language: str) -> None:
        """The rotation, with the round running (or coming next) under the cursor."""
        shown = live.board(session, now).round
        key = (
            language,
            shown,
            tuple((s.id, s.name, s.host) for s in session.stations),
            tuple((g.id, g.name, tuple((m.name, m.affiliation) for m in g.members)) for g in session.groups),
            tuple((m.name, m.affiliation) for m in session.participants),
            tuple((i.id, i.kind, i.minutes) for i in session.program),
            session.workshop.start,
            repr(session.schedule),
            repr(session.rotation),
            tuple((s.start.strftime("%H%M"), s.end.strftime("%H%M")) for s in live.round_times(session, now)),
        )
        if key == self._rotation_shown:
            return
        first = self._rotation_shown is None
        self._rotation_shown = key
        table = self.query_one(RotationTable)
        table.show(session, now)
        title = word("rotation_people" if remixing(session) else "rotation", language)
        if table.problem:
            title += f" – {table.problem}"
        self.query_one("#live-rotation-title", Static).update(Text(title))

        def settle() -> None:
            # Once the table has measured its new rows: paint again (Textual otherwise keeps
            # the old column widths on screen) and put the cursor on the round.
            if shown is not None and table.row_count >= shown:
                table.move_cursor(row=shown - 1, scroll=False)
            table.refresh()

        if not (first and shown is None):  # the first fill before the evening has nothing to settle
            self.call_after_refresh(settle)

    def _show_delay(self, session: Session, now: dt.datetime, language: str) -> None:
        line = self.query_one("#live-delay", Static)
        state = live.phase(session.live)
        late = live.delay_minutes(session, now)
        timed = state not in ("before", "finished")
        line.update_classes({"-late": timed and late > 0, "-early": timed and late < 0})
        if state in ("before", "finished"):
            line.update("")
            return
        rows = live.projected(session, now)
        at = live.position(session, session.live.current) or 0
        later = [r for r in rows[at + 1 :]]
        anchor = next((r for r in later if r.item.kind == "plenary"), later[-1] if later else None)
        if late == 0:
            text = word("on_time", language)
        elif late > 0:
            text = f"{late} {word('late', language)}"
        else:
            text = f"{-late} {word('early', language)}"
        if anchor is not None and anchor.moved:
            text += f" · {anchor.item.title} {clock(anchor.planned.start, language)} → {clock(anchor.start, language)}"
        line.update(text)

    def _show_notes(self, session: Session, now: dt.datetime, language: str) -> None:
        """How many notes each station has in the round (the one running, or the last): a quiet
        station stands out in orange and says so in words."""
        line = self.query_one("#live-notes", Static)
        number = live.notes_round(session)
        line.display = number is not None and bool(session.stations)
        if number is None:
            return
        # Counted again when the session changed or a minute passed (not on every tick).
        key = (self.store.version, number, language, now.replace(second=0, microsecond=0))
        if key == self._notes_shown:
            return
        self._notes_shown = key
        quiet = live.quiet_stations(session, number, now)
        text = Text(word("notes_in_round", language, round=number), style="bold")
        for index, (station_number, station, count) in enumerate(live.notes_per_station(session, number)):
            text.append(" · " if index else f" {word('station', language).lower()} ")
            part = f"{station_number}: {count}"
            if station.id in quiet:
                text.append(f"{part} ({word('quiet', language)})", style=f"bold {WARNING_COLOUR}")
            else:
                text.append(part)
        line.update(text)

    # Actions ---------------------------------------------------------------------------------------
    def _now(self) -> dt.datetime:
        return self.workshop_app.clock()

    def _step(self, label: str, transition: Callable[[Session], Live]) -> bool:
        done = save_live(self, label, transition)
        if done:
            self.redraw()
        return done

    def _ask_and_step(self, label: str, step: Step) -> None:
        """A step that may ask first (the plan hours away, an item that just started)."""
        take_step(self, label, step, after=self.redraw)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool:
        """``s Start`` leaves the footer (and the palette) once the evening has started."""
        return action != "start" or live.phase(self.session.live) in ("before", "finished")

    def action_start(self) -> None:
        self._ask_and_step(change_label("clock_started"), lambda s, now: live.start(s, now))

    def action_pause(self) -> None:
        now = self._now()
        self._step(pause_label(self.session), lambda s: live.toggle_pause(s, now))

    def action_extend(self, minutes: int) -> None:
        label = (
            change_label("clock_extended", minutes=minutes)
            if minutes > 0
            else change_label("clock_shortened", minutes=-minutes)
        )
        self._step(label, lambda s: live.extend(s, minutes))

    def action_undo_clock(self) -> None:
        undo_clock(self, after=self.redraw)

    def action_end(self) -> None:
        end_now(self, after=self.redraw)

    def action_next(self) -> None:
        self._ask_and_step(change_label("clock_next"), live.next_item)

    def action_jump(self) -> None:
        item = self.query_one(LiveProgramme).selected_item
        if item is None:
            return
        start_selected(self, item, after=self.redraw)

    def action_catch_up(self) -> None:
        item = self.query_one(LiveProgramme).selected_item
        if item is None:
            return
        now = self._now()
        target = live.item_by_id(self.session, item)
        before = live.minutes_of(self.session, target) if target is not None else 0
        if self._step(change_label("clock_caught_up"), lambda s: live.catch_up(s, now, item)):
            session = self.session
            target = live.item_by_id(session, item)
            if target is None:
                return
            language = session.workshop.language
            late = live.delay_minutes(session, now)
            text = f"{target.title}: {before} → {live.minutes_of(session, target)} {word('minutes_unit', language)}"
            if late <= 0:
                text += f" · {word('on_time', language)}"
            else:
                text += f" · {word('still_late', language)} {late} {word('late', language)}"
            self.notify(text, markup=False)

    def action_replan(self) -> None:
        item_id = self.query_one(LiveProgramme).selected_item
        session = self.session
        item = live.item_by_id(session, item_id)
        if item is None:
            return
        from .setup_forms import Field, FormScreen

        language = session.workshop.language

        def save(values: dict[str, Any]) -> bool:
            minutes = values["minutes"]
            return self._step(change_label("clock_replanned"), lambda s: live.replan(s, item.id, minutes))

        self.app.push_screen(
            FormScreen(
                f"{item.title} – {word('replan_title', language)}",
                [Field("minutes", word("minutes_unit", language), str(live.minutes_of(session, item)), "number")],
                save,
                language,
            )
        )

    def action_schedule(self) -> None:
        from .schedule import ScheduleScreen

        self.app.push_screen(ScheduleScreen())

    def action_board(self) -> None:
        from .board import BoardScreen

        self.app.push_screen(BoardScreen())

    def action_setup(self) -> None:
        from .setup import SetupScreen

        self.app.push_screen(SetupScreen())
