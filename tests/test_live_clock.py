"""The live clock's steps in the core (workshop.planning.live_clock), without the app: saved, asked, undone."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FROZEN

from workshop.planning.live_clock import last_step, pause_label, question_before, save_step, undo_step
from workshop.scheduling import evening as live
from workshop.storage.change_labels import change_label
from workshop.storage.store import Store

MINUTE = dt.timedelta(minutes=1)


def start(store: Store, now: dt.datetime) -> None:
    save_step(store, change_label("clock_started"), lambda s: live.start(s, now))


def test_a_step_is_saved_at_once_and_another_process_sees_it(store, session_path):
    start(store, FROZEN)
    with Store.open(session_path, readonly=True, backup=False) as other:
        assert other.session.live.current == "p1"
        assert other.history(1)[0].label.startswith("change_clock_started")


def test_a_step_the_clock_cannot_take_is_refused_and_nothing_is_saved(store):
    seq = len(store.history())
    with pytest.raises(live.LiveError):
        save_step(store, pause_label(store.session), lambda s: live.pause(s, FROZEN))  # nothing runs yet
    assert len(store.history()) == seq


def test_the_pause_key_pauses_a_running_clock_and_resumes_a_paused_one(store):
    start(store, FROZEN)
    assert pause_label(store.session).startswith("change_clock_paused")
    save_step(store, pause_label(store.session), lambda s: live.toggle_pause(s, FROZEN + MINUTE))
    assert live.phase(store.session.live) == "paused"
    assert pause_label(store.session).startswith("change_clock_resumed")


def test_the_steps_that_surprise_ask_first(store):
    session = store.session
    assert question_before(session, FROZEN, live.start) is None  # on time: no question
    far = FROZEN - dt.timedelta(hours=5)  # a morning rehearsal
    assert question_before(session, far, live.start) == "move_plan"
    start(store, FROZEN)
    assert question_before(store.session, FROZEN + 30 * MINUTE, live.next_item) is None
    assert question_before(store.session, FROZEN + 0.5 * MINUTE, live.next_item) == "end_early"
    assert question_before(store.session, FROZEN, live.start) is None  # it cannot start twice: saving says why


def test_undo_takes_back_the_last_step_of_the_clock_and_nothing_else(store):
    start(store, FROZEN)
    save_step(store, change_label("clock_extended", minutes=5), lambda s: live.extend(s, 5))
    note = store.add_note("s1", 1, "En note skrevet imens")
    event = last_step(store)
    assert event is not None
    assert undo_step(store, event, "en") == "item extended by 5 min"
    assert [n.id for n in store.session.notes] == [note.id]
    event = last_step(store)  # the undone step is not the last one any more: the start is
    assert event is not None and event.label.startswith("change_clock_started")
    undo_step(store, event, "da")
    assert live.phase(store.session.live) == "before"
    assert last_step(store) is None


def test_undo_is_refused_when_the_clock_moved_on_since(store):
    start(store, FROZEN)
    event = last_step(store)
    assert event is not None
    # Another step lands that undo does not see as the clock's (a hand edit of the live table, say).
    store.set_section("live", live.extend(store.session, 3), "hand edit")
    with pytest.raises(live.LiveError):
        undo_step(store, event, "da")
    assert store.session.live.current == "p1"
