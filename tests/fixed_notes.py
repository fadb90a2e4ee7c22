"""Notes at fixed times, put in as the app puts them (one journal change each), so their order is known."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from workshop.model.session import Note
from workshop.storage.operations import note_op
from workshop.storage.store import Store

T0 = dt.datetime(2026, 3, 12, 18, 25)
"""Twenty-five minutes into the made-up evening."""


def put(
    store: Store,
    station: str,
    round_number: int,
    text: str,
    group: str | None = None,
    categories: Iterable[str] = (),
    author: str = "Anna",
    minute: float = 0,
    start: dt.datetime = T0,
    ident: str | None = None,
) -> Note | None:
    """A note written ``minute`` minutes after ``start`` (created and updated then), with the id ``ident``
    (default: a new one); the note as stored."""
    moment = start + dt.timedelta(minutes=minute)
    note = Note(
        **({} if ident is None else {"id": ident}),
        station=station,
        round=round_number,
        group=group,
        text=text,
        categories=list(categories),
        author=author,
        created=moment,
        updated=moment,
    )
    store.transact("note added", lambda session: [note_op(None, note)])
    return store.index.get(note.id)
