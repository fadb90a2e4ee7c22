"""Drafts: what a device has typed and not saved yet, kept in the journal so that nothing typed is lost.

A half-written note, a summary or a recommendation's section being written is kept as a *draft* of
the device that types it (a browser, a terminal; see :mod:`workshop.storage.authors`) a moment after
typing, when the field loses the keys and when the app ends. A closed tab, a lost connection, a
stopped server, ctrl+q or a crash therefore leaves the text in the journal; when the device comes
back to the same place, the screen offers it back (and forgets the draft once it is saved).

Drafts live in a table of their own in the journal (``drafts``), never in its changes: they are not
part of the session, not folded into the TOML file, not in anyone's undo, and a program from before
drafts reads the journal as before. One row per device and place; each write is a small durable
commit like any change (SQLite's WAL, fsync).

A *place* names the field: ``note:s2`` (the note field at station s2), ``summary:s2`` /
``summary:overall``, ``rec:<list key>:<field>``. ``base`` is the saved text the typing started from,
so the screen can tell whether someone else changed it since.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Protocol

from workshop.model.session import now
from workshop.storage.journal import Journal

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS drafts (device TEXT NOT NULL, place TEXT NOT NULL, text TEXT NOT NULL,"
    " base TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (device, place))"
)

LONGEST = 1_000_000
"""A draft keeps at most this many characters (far above any field's limit)."""


class Store(Protocol):
    """What drafts need of the store (:class:`workshop.storage.store.Store`): its journal, and whose drafts."""

    @property
    def journal(self) -> Journal | None: ...

    @property
    def readonly(self) -> bool: ...

    @property
    def stopped(self) -> str | None: ...

    @property
    def device(self) -> str: ...


@dataclass(frozen=True)
class Draft:
    """What a device typed at a place and had not saved."""

    place: str
    text: str
    base: str
    """The saved text the typing started from."""
    at: str
    """When it was kept (ISO time)."""


def keep(store: Store, place: str, text: str, base: str = "") -> bool:
    """Keep ``text`` as this device's draft at ``place`` (none when it is empty or just the saved text).

    True when the journal holds it now; False when it could not be written (a read-only or stopped
    store, a full disk): the caller keeps the text in the field and tries again later.
    """
    if text.strip() == "" or text == base:
        return forget(store, place)
    journal = store.journal
    if journal is None or store.readonly or store.stopped:
        return False
    try:
        with journal.write() as db:
            db.execute(SCHEMA)
            db.execute(
                "INSERT INTO drafts (device, place, text, base, at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (device, place)"
                " DO UPDATE SET text = excluded.text, base = excluded.base, at = excluded.at",
                (store.device, place, text[:LONGEST], base[:LONGEST], now().isoformat()),
            )
    except (sqlite3.Error, OSError):
        return False
    return True


def forget(store: Store, place: str) -> bool:
    """Drop this device's draft at ``place`` (it was saved, or emptied). True when none is left."""
    journal = store.journal
    if journal is None or store.readonly or store.stopped:
        return False
    try:
        if not journal.has_table("drafts"):
            return True
        with journal.write() as db:
            db.execute("DELETE FROM drafts WHERE device = ? AND place = ?", (store.device, place))
    except (sqlite3.Error, OSError):
        return False
    return True


def draft(store: Store, place: str) -> Draft | None:
    """This device's draft at ``place``, if it left one."""
    found = drafts(store, prefix=place)
    return next((d for d in found if d.place == place), None)


def drafts(store: Store, prefix: str = "") -> list[Draft]:
    """This device's drafts (those whose place begins with ``prefix``), oldest first."""
    journal = store.journal
    if journal is None:
        return []
    try:
        if not journal.has_table("drafts"):
            return []
        rows = journal.db.execute(
            "SELECT place, text, base, at FROM drafts WHERE device = ? AND substr(place, 1, ?) = ? ORDER BY at",
            (store.device, len(prefix), prefix),
        ).fetchall()
    except sqlite3.Error:
        return []
    return [Draft(str(place), str(text), str(base), str(at)) for place, text, base, at in rows]
