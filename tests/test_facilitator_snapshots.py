"""How the live view looks: round 1 running late, orange with six minutes left."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.scheduling import evening as live
from workshop.storage.change_labels import change_label
from workshop.storage.store import Store
from workshop.tui.app import WorkshopApp
from workshop.words import KEYS
from workshop.words.facilitator import KEYS as FACILITATOR_KEYS

# The facilitator's new keys speak Danish from workshop/words/facilitator.py until they are merged
# into workshop/words/keys.py.
KEYS.update({key: words for key, words in FACILITATOR_KEYS.items() if key not in KEYS})


def late_round_one(store: Store, clock) -> None:
    """Welcome from 18.07, round 1 from 18.29, the clock now at 18.53 (6 of 30 minutes left)."""
    day = dt.date(2026, 3, 12)
    started = live.start(store.session, dt.datetime.combine(day, dt.time(18, 7)))
    store.set_section("live", started, change_label("clock_started"), undoable=False)
    round_one = live.next_item(store.session, dt.datetime.combine(day, dt.time(18, 29)))
    store.set_section("live", round_one, change_label("clock_next"), undoable=False)
    clock.now = dt.datetime.combine(day, dt.time(18, 53))


async def fixed_title(pilot) -> None:
    pilot.app.sub_title = "evening.toml"
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_live_view_running_late(store, clock, snap_compare, size):
    late_round_one(store, clock)
    app = WorkshopApp(store, clock=clock, poll=False)
    assert snap_compare(app, terminal_size=size, run_before=fixed_title)
