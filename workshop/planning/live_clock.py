"""The live clock's steps saved through the store: one step, the question a step needs first, the last step, its undo.

Every step (start, pause, ±minutes, next, ...) is a pure transition from
:mod:`workshop.scheduling.evening`, computed from the newest session inside the store's write
lock and saved at once, so a crash or a restart resumes the clock, and the other instances
follow within a second. The app only asks, tells and redraws (``workshop/tui/screens/clock_steps.py``).

A step that would surprise asks first (:func:`question_before`): starting the evening hours away
from its plan offers to move the plan to now, and ending an item that started less than a minute
ago (``n`` pressed twice) asks before the item is gone. :func:`undo_step` takes back the last
step of the clock, and only that: notes, summaries and setup are never touched by it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from workshop.model.session import Live, Session, Workshop
from workshop.scheduling import evening as live
from workshop.scheduling.timetable import clock
from workshop.storage.change_labels import change_label, describe_change
from workshop.storage.journal import Event
from workshop.storage.operations import Op, SectionChanged, changed_sections, dump_section, from_journal
from workshop.storage.writer import SessionWriter
from workshop.words import word

Step = Callable[[Session, dt.datetime], Live]
"""A step of the clock: the newest session and the time now -> the new live state."""

Question = Literal["move_plan", "end_early"]
"""What a step asks before it is taken: move the plan to now, or end an item that has only just started."""

CLOCK_KIND = "clock_"
"""The kinds of the clock's steps start with this (``change_label("clock_next")``: kind ``clock_next``)."""
UNDONE_KIND = "clock_undone"
HISTORY = 1000
"""How far back in the journal undo looks for the clock's last step."""


def save_step(
    store: SessionWriter,
    label: str,
    transition: Callable[[Session], Live],
    workshop: Callable[[Session], Workshop] | None = None,
) -> Event | None:
    """Run a live transition on the newest session and save it as one change that undo (ctrl+z) skips.

    ``label`` is the journal's label for it (``change_label("clock_next")``); ``workshop``, if
    given, changes the ``[workshop]`` table in the same step (the plan moved to now). Raises
    :class:`~workshop.scheduling.evening.LiveError` when the clock cannot take the step now, and
    the store's ``ChangeRefused`` when the session would not be valid.
    """

    def edit(session: Session) -> list[Op]:
        sections = {} if workshop is None else {"workshop": workshop(session)}
        return changed_sections(session, **sections, live=transition(session))

    return store.change(label, edit, undoable=False)


def pause_label(session: Session) -> str:
    """The journal's label for the pause key: the clock pauses, or runs again."""
    return change_label("clock_resumed" if live.phase(session.live) == "paused" else "clock_paused")


def question_before(session: Session, now: dt.datetime, step: Step) -> Question | None:
    """What ``step`` taken ``now`` must ask first, if anything.

    * ``"move_plan"``: it starts the evening hours away from its planned start.
    * ``"end_early"``: it ends an item that started less than a minute ago.

    None for a step the clock cannot take (saving it says why) and for every other step.
    """
    try:
        trial = step(session, now)
    except live.LiveError:
        return None
    state = live.phase(session.live)
    starts = state in ("before", "finished") and trial.current is not None
    if starts and live.far_from_plan(session, now):
        return "move_plan"
    ends = trial.current != session.live.current or live.phase(trial) in ("ended", "finished")
    if ends and live.just_started(session, now):
        return "end_early"
    return None


def started_moved_label(session: Session, now: dt.datetime) -> str:
    """The journal's label for starting the evening with its plan moved to ``now``."""
    language = session.workshop.language
    moved = live.moved_plan(session, now)
    planned = clock(session.workshop.start, language)
    return change_label("clock_started_moved", planned=planned, start=clock(moved.start, language))


def last_step(store: SessionWriter) -> Event | None:
    """The clock's latest step that has not been undone yet (by anyone on this session), or None."""
    undone: set[int] = set()
    for event in store.history(HISTORY):
        kind = event.kind  # what the change was, from its event: no label text parsed here
        if kind.key == UNDONE_KIND:
            seq = kind.value("seq")
            if isinstance(seq, int):
                undone.add(seq)
            continue
        if not kind.key.startswith(CLOCK_KIND) or event.action != "do" or event.seq in undone:
            continue
        if event.sections_only:
            return event
    return None


def undo_step(store: SessionWriter, event: Event, language: str) -> str:
    """Take back the clock's step ``event`` (the :func:`last_step`): the step in words.

    Only the clock: a note, a summary or a setup change made since stays as it is. Raises
    :class:`~workshop.scheduling.evening.LiveError` when the clock (or the evening's start) has
    changed since in another way.
    """
    step = describe_change(event.label, language)
    steps = [op for op in from_journal(event.ops) if isinstance(op, SectionChanged)]

    def edit(session: Session) -> list[Op]:
        ops: list[Op] = []
        for op in steps:
            if dump_section(session, op.name) != op.after:
                raise live.LiveError(word("clock_undo_stale", language, step=step))
            ops.append(SectionChanged.of(session, op.name, op.before))
        return ops

    store.change(change_label("clock_undone", step=step, seq=event.seq), edit, undoable=False)
    return step
