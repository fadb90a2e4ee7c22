"""The round clock's steps, shared by the facilitator's screen and the projector board.

Every step (start, pause, ±minutes, next, ...) is a pure transition from
:mod:`workshop.scheduling.evening`, computed from the newest session inside the store's write
lock and saved at once, so a crash or a restart resumes the clock, and the other instances
follow within a second.

A step that would surprise asks first: starting the evening hours away from its plan offers
to move the plan to now, and ending an item that started less than a minute ago (``n``
pressed twice) asks before the item is gone. :func:`undo_clock` takes back the last step of
the clock, and only that: notes, summaries and setup are never touched by it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from workshop.model.session import Live, Session, Workshop
from workshop.scheduling import evening as live
from workshop.scheduling.timetable import clock
from workshop.storage.change_labels import change_label, describe_change
from workshop.storage.operations import Op, dump_section, section_op
from workshop.words import word

from ..session_view import workshop_app

if TYPE_CHECKING:
    from workshop.storage.journal import Event
    from workshop.storage.store import Store

    from ..app import WorkshopApp

TICK_SECONDS = 1.0
"""The clock redraws once a second (a faster timer slows the app and its tests)."""

Step = Callable[[Session, dt.datetime], Live]
"""A step of the clock: the newest session and the time now -> the new live state."""

CLOCK_LABEL = "change_clock_"
"""The journal labels of the clock's steps start with this (``change_label("clock_next")``)."""
UNDONE_LABEL = "change_clock_undone"
HISTORY = 1000
"""How far back in the journal undo looks for the clock's last step."""


def save_live(
    app: WorkshopApp,
    label: str,
    transition: Callable[[Session], Live],
    workshop: Callable[[Session], Workshop] | None = None,
) -> bool:
    """Run a live transition on the newest session and save it; tell the user if it cannot be.

    ``label`` is the journal's label for it (``change_label("clock_next")``); ``workshop``, if
    given, changes the ``[workshop]`` table in the same step (the plan moved to now).
    """
    store = app.store

    def edit(session: Session) -> list[Op]:
        ops: list[Op] = []
        if workshop is not None:
            moved = section_op(session, "workshop", workshop(session))
            if moved["before"] != moved["after"]:
                ops.append(moved)
        op = section_op(session, "live", transition(session))
        if op["before"] != op["after"]:
            ops.append(op)
        return ops

    try:
        return app.saved(lambda: store.change(label, edit, undoable=False))
    except live.LiveError as error:
        app.notify(str(error), severity="warning", timeout=6, markup=False)
        return False


def pause_label(session: Session) -> str:
    """The journal's label for the pause key: the clock pauses, or runs again."""
    return change_label("clock_resumed" if live.phase(session.live) == "paused" else "clock_paused")


def take_step(screen: Screen[Any], label: str, step: Step, after: Callable[[], None] | None = None) -> None:
    """Take a step of the clock from ``screen``, asking first where the step would surprise.

    * Starting the evening hours away from its planned start asks whether to move the plan to now.
    * Ending an item that started less than a minute ago asks before the item is gone.

    ``step`` is computed with the clock at the moment the step is saved (after any question);
    ``after`` runs once it is saved (the screen redraws).
    """
    app = workshop_app(screen)
    session = app.store.session
    now = app.clock()
    language = session.workshop.language
    try:
        trial = step(session, now)
    except live.LiveError:
        trial = None  # save_live tells the user why
    if trial is None:
        _save(app, label, step, after)
        return
    state = live.phase(session.live)
    starts = state in ("before", "finished") and trial.current is not None
    if starts and live.far_from_plan(session, now):
        _ask_to_move_plan(screen, label, step, after)
        return
    ends = trial.current != session.live.current or live.phase(trial) in ("ended", "finished")
    if ends and live.just_started(session, now):
        running = live.item_by_id(session, session.live.current)
        coming = live.item_by_id(session, trial.current) if trial.current != session.live.current else None
        title = running.title if running is not None else ""
        started = session.live.started or now
        seconds = max(int((now - started).total_seconds()), 0)
        go = (
            word("confirm_end_next", language, title=title, next=coming.title)
            if coming is not None
            else word("confirm_end_only", language, title=title)
        )
        choices = [("stay", word("confirm_end_stay", language, title=title)), ("go", go)]

        def answered(choice: str | None) -> None:
            if choice == "go":
                _save(app, label, step, after)

        from ..components.note_dialogs import ChoiceDialog  # only when asking (the dialogs' module starts slowly)

        screen.app.push_screen(
            ChoiceDialog(word("confirm_end_title", language, title=title, seconds=seconds), choices, "stay"),
            answered,
        )
        return
    _save(app, label, step, after)


def _save(
    app: WorkshopApp,
    label: str,
    step: Step,
    after: Callable[[], None] | None,
    workshop: Callable[[Session], Workshop] | None = None,
) -> None:
    now = app.clock()
    if save_live(app, label, lambda s: step(s, now), workshop) and after is not None:
        after()


def _ask_to_move_plan(screen: Screen[Any], label: str, step: Step, after: Callable[[], None] | None) -> None:
    """The evening starts hours from its plan: move the plan to now, keep it, or (Esc) not start."""
    app = workshop_app(screen)
    session = app.store.session
    now = app.clock()
    language = session.workshop.language
    planned = clock(session.workshop.start, language)
    at = clock(now, language)
    how_far = live.plan_distance(session, now, language)
    choices = [
        ("move", word("move_plan_yes", language, now=at)),
        ("keep", word("move_plan_no", language, planned=planned)),
    ]

    def answered(choice: str | None) -> None:
        if choice == "keep":
            _save(app, label, step, after)
        elif choice == "move":
            moment = app.clock()
            moved = live.moved_plan(app.store.session, moment)
            start_label = change_label("clock_started_moved", planned=planned, start=clock(moved.start, language))
            _save(app, start_label, step, after, lambda s: live.moved_plan(s, moment))

    title = word("move_plan_title", language, planned=planned, now=at, distance=how_far)
    from ..components.note_dialogs import ChoiceDialog  # only when asking (the dialogs' module starts slowly)

    screen.app.push_screen(ChoiceDialog(title, choices, "move"), answered)


# Undo of the clock's last step --------------------------------------------------------------------


def last_clock_step(store: Store) -> Event | None:
    """The clock's latest step that has not been undone yet (by anyone on this session), or None."""
    undone: set[int] = set()
    for event in store.history(HISTORY):
        key, _, raw = event.label.partition(" ")
        if key == UNDONE_LABEL:
            try:
                values = json.loads(raw) if raw else {}
            except ValueError:
                continue
            if isinstance(values, dict) and isinstance(values.get("seq"), int):
                undone.add(values["seq"])
            continue
        if not key.startswith(CLOCK_LABEL) or event.action != "do" or event.seq in undone:
            continue
        if event.ops and all(op.get("t") == "section" for op in event.ops):
            return event
    return None


def undo_clock(app: WorkshopApp, after: Callable[[], None] | None = None) -> bool:
    """Take back the clock's last step (start, pause, ±minutes, next, catch up, ...), and say which.

    Only the clock: a note, a summary or a setup change made since stays as it is. A step is
    refused when the clock (or the evening's start) has changed since in another way.
    """
    language = app.language
    event = last_clock_step(app.store)
    if event is None:
        app.notify(word("clock_nothing_to_undo", language), markup=False)
        return False
    step = describe_change(event.label, language)

    def edit(session: Session) -> list[Op]:
        ops: list[Op] = []
        for op in event.ops:
            if dump_section(session, op["name"]) != op["after"]:
                raise live.LiveError(word("clock_undo_stale", language, step=step))
            ops.append(section_op(session, op["name"], op["before"]))
        return ops

    label = change_label("clock_undone", step=step, seq=event.seq)
    try:
        done = app.saved(lambda: app.store.change(label, edit, undoable=False))
    except live.LiveError as error:
        app.notify(str(error), severity="warning", timeout=6, markup=False)
        return False
    if done:
        app.notify(word("undone", language, change=step), markup=False)
        if after is not None:
            after()
    return done
