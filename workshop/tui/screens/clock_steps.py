"""The round clock's keys, shared by the facilitator's screen and the projector board: the app's side of them.

The steps themselves, their questions and the undo of the last one are the core's
(:mod:`workshop.planning.live_clock`); here they are asked, told and redrawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from workshop.model.session import Live, Session, Workshop
from workshop.planning.live_clock import Step, last_step, question_before, save_step, started_moved_label, undo_step
from workshop.scheduling import evening as live
from workshop.scheduling.timetable import clock
from workshop.storage.change_labels import change_label
from workshop.words import word

from ..session_view import InApp, workshop_app

TICK_SECONDS = 1.0
"""The clock redraws once a second (a faster timer slows the app and its tests)."""


def save_live(
    node: InApp,
    label: str,
    transition: Callable[[Session], Live],
    workshop: Callable[[Session], Workshop] | None = None,
) -> bool:
    """Save a step of the clock (:func:`~workshop.planning.live_clock.save_step`); tell the user if it cannot be."""
    app = workshop_app(node)
    try:
        return app.saved(lambda: save_step(app.store, label, transition, workshop))
    except live.LiveError as error:
        node.app.notify(str(error), severity="warning", timeout=6, markup=False)
        return False


def take_step(screen: Screen[Any], label: str, step: Step, after: Callable[[], None] | None = None) -> None:
    """Take a step of the clock from ``screen``, asking first where the step would surprise.

    ``step`` is computed with the clock at the moment the step is saved (after any question);
    ``after`` runs once it is saved (the screen redraws).
    """
    app = workshop_app(screen)
    session = app.store.session
    now = app.clock()
    question = question_before(session, now, step)
    if question == "move_plan":
        _ask_to_move_plan(screen, now, label, step, after)
    elif question == "end_early":
        _ask_to_end_early(screen, now, label, step, after)
    else:
        _save(screen, label, step, after)


def _save(
    screen: Screen[Any],
    label: str,
    step: Step,
    after: Callable[[], None] | None,
    workshop: Callable[[Session], Workshop] | None = None,
) -> None:
    now = workshop_app(screen).clock()
    if save_live(screen, label, lambda s: step(s, now), workshop) and after is not None:
        after()


def _ask_to_end_early(
    screen: Screen[Any], now: dt.datetime, label: str, step: Step, after: Callable[[], None] | None
) -> None:
    """The running item started less than a minute ago (``n`` pressed twice): stay, or end it after all."""
    session = workshop_app(screen).store.session
    language = session.workshop.language
    trial = step(session, now)
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
            _save(screen, label, step, after)

    from ..components.note_dialogs import ChoiceDialog  # only when asking (the dialogs' module starts slowly)

    screen.app.push_screen(
        ChoiceDialog(word("confirm_end_title", language, title=title, seconds=seconds), choices, "stay"), answered
    )


def _ask_to_move_plan(
    screen: Screen[Any], now: dt.datetime, label: str, step: Step, after: Callable[[], None] | None
) -> None:
    """The evening starts hours from its plan: move the plan to now, keep it, or (Esc) not start."""
    app = workshop_app(screen)
    session = app.store.session
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
            _save(screen, label, step, after)
        elif choice == "move":
            moment = app.clock()
            start_label = started_moved_label(app.store.session, moment)
            _save(screen, start_label, step, after, lambda s: live.moved_plan(s, moment))

    title = word("move_plan_title", language, planned=planned, now=at, distance=how_far)
    from ..components.note_dialogs import ChoiceDialog  # only when asking (the dialogs' module starts slowly)

    screen.app.push_screen(ChoiceDialog(title, choices, "move"), answered)


def skipped_items(session: Session, item_id: str) -> list[str]:
    """The titles of the items that starting ``item_id`` now would pass over: later than the
    running one (or the first, before the evening), earlier than it, and not run yet."""
    ids = [item.id for item in session.program]
    if item_id not in ids:
        return []
    running = session.live.current
    first = ids.index(running) + 1 if running in ids else 0
    ran = {a.item for a in session.live.actual}
    return [item.title for item in session.program[first : ids.index(item_id)] if item.id not in ran]


def _confirm(screen: Screen[Any], title: str, go: str, stay: str, then: Callable[[], None]) -> None:
    """Ask before a step that cannot easily be seen coming: Enter takes it, Esc (or "stay") leaves all as it was."""
    from ..components.note_dialogs import ChoiceDialog  # only when asking (the dialogs' module starts slowly)

    def answered(choice: str | None) -> None:
        if choice == "go":
            then()

    screen.app.push_screen(ChoiceDialog(title, [("go", go), ("stay", stay)], "go"), answered)


def start_selected(screen: Screen[Any], item_id: str, after: Callable[[], None] | None = None) -> None:
    """``g``: start the selected item now; one that passes over items not run yet asks first."""
    app = workshop_app(screen)
    session = app.store.session
    language = session.workshop.language
    target = live.item_by_id(session, item_id)
    if target is None:
        return
    label = change_label("clock_jumped")

    def step() -> None:
        take_step(screen, label, lambda s, now: live.start(s, now, item_id), after=after)

    skipped = skipped_items(session, item_id)
    if not skipped:
        step()
        return
    running = live.item_by_id(session, session.live.current)
    titles = ", ".join(f"«{t}»" for t in skipped)
    items = word("skip_one", language) if len(skipped) == 1 else word("skip_many", language, count=len(skipped))
    question = word("confirm_skip_title", language, title=target.title, items=items, skipped=titles)
    go = word("confirm_skip_go", language, title=target.title)
    stay = (
        word("confirm_end_stay", language, title=running.title)
        if running is not None and live.phase(session.live) in ("running", "paused")
        else word("confirm_skip_stay", language)
    )
    _confirm(screen, question, go, stay, step)


def end_now(screen: Screen[Any], after: Callable[[], None] | None = None) -> None:
    """``e``: end the running item before its time; asks first (Enter ends it, Esc lets it run)."""
    app = workshop_app(screen)
    session = app.store.session
    language = session.workshop.language
    label = change_label("clock_ended")

    def step() -> None:
        take_step(screen, label, live.end_early, after=after)

    running = live.item_by_id(session, session.live.current)
    now = app.clock()
    if running is None or live.phase(session.live) not in ("running", "paused"):
        step()  # the clock says why it cannot
        return
    if question_before(session, now, live.end_early) is not None:
        step()  # it asks its own question (the item started seconds ago)
        return
    minutes = max(int(live.remaining_seconds(session, now) // 60), 0)
    coming = live.following(session, running.id)
    question = (
        word("confirm_end_early_title", language, title=running.title, minutes=minutes)
        if coming is not None
        else word("confirm_end_last_title", language, title=running.title, minutes=minutes)
    )
    go = word("confirm_end_only", language, title=running.title)
    stay = word("confirm_end_stay", language, title=running.title)
    _confirm(screen, question, go, stay, step)


def undo_clock(node: InApp, after: Callable[[], None] | None = None) -> bool:
    """Take back the clock's last step (:func:`~workshop.planning.live_clock.undo_step`), and say which."""
    app = workshop_app(node)
    language = app.language
    event = last_step(app.store)
    if event is None:
        node.app.notify(word("clock_nothing_to_undo", language), markup=False)
        return False
    try:
        step = app.attempt(lambda: undo_step(app.store, event, language))
    except live.LiveError as error:
        node.app.notify(str(error), severity="warning", timeout=6, markup=False)
        return False
    if step is None:
        return False
    node.app.notify(word("undone", language, change=step), markup=False)
    if after is not None:
        after()
    return True
