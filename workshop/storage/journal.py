"""The journal beside a session file: every change as one row, in a SQLite database (WAL).

SQLite gives what several app instances on one session need: one writer at a time (the
others wait), a commit that is on disk (fsync) before it returns, and readers that see the
others' commits at once. The journal also keeps the history for undo and the audit trail.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.storage.operations import Op

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    author TEXT NOT NULL,
    instance TEXT NOT NULL,
    action TEXT NOT NULL,
    target INTEGER,
    label TEXT NOT NULL,
    undoable INTEGER NOT NULL,
    ops TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_author ON events (author, undoable);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS snapshot_cache (checksum TEXT PRIMARY KEY, data TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Event:
    """One row of the journal."""

    seq: int
    at: str
    author: str
    instance: str
    action: str
    """do, undo or redo."""
    target: int | None
    """For undo and redo: the seq of the change undone or redone."""
    label: str
    """What happened, for people: "note added"."""
    undoable: bool
    ops: list[Op]


def journal_path(session_path: Path) -> Path:
    """``sessions/meeting-3.toml`` -> ``sessions/meeting-3.journal``."""
    return session_path.with_suffix(".journal")


class Journal:
    """A connection to one session's journal."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        if not create and not path.exists():
            raise FileNotFoundError(path)
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA busy_timeout=30000")
        _retry_while_locked(lambda: self.db.execute("PRAGMA journal_mode=WAL"))
        self.db.execute("PRAGMA synchronous=FULL")
        with self.write():
            for statement in SCHEMA.strip().split(";"):
                if statement.strip():
                    self.db.execute(statement)
        self._version = -1

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: the others wait until it commits (durably) or rolls back."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def changed(self) -> bool:
        """Has anyone (another connection) committed since the last call? Cheap."""
        version = int(self.db.execute("PRAGMA data_version").fetchone()[0])
        changed = version != self._version
        self._version = version
        return changed

    def append(
        self,
        *,
        at: str,
        author: str,
        instance: str,
        action: str,
        target: int | None,
        label: str,
        undoable: bool,
        ops: list[Op],
    ) -> int:
        """Add one change to the journal (in :meth:`write`); its number."""
        cursor = self.db.execute(
            "INSERT INTO events (at, author, instance, action, target, label, undoable, ops)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (at, author, instance, action, target, label, int(undoable), json.dumps(ops, ensure_ascii=False)),
        )
        seq = cursor.lastrowid
        assert seq is not None  # an INSERT always gives the new row's id
        return seq

    def since(self, seq: int) -> list[Event]:
        rows = self.db.execute(
            "SELECT seq, at, author, instance, action, target, label, undoable, ops"
            " FROM events WHERE seq > ? ORDER BY seq",
            (seq,),
        ).fetchall()
        return [_event(row) for row in rows]

    def event(self, seq: int) -> Event | None:
        row = self.db.execute(
            "SELECT seq, at, author, instance, action, target, label, undoable, ops FROM events WHERE seq = ?",
            (seq,),
        ).fetchone()
        return _event(row) if row else None

    def ensure_after(self, seq: int) -> None:
        """New changes get numbers above ``seq`` (a journal made anew beside an older file).

        Call inside :meth:`write`.
        """
        if self.last_seq() >= seq:
            return
        self.db.execute("DELETE FROM sqlite_sequence WHERE name = 'events'")
        self.db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)", (seq,))

    def last_seq(self) -> int:
        row = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
        return int(row[0]) if row else 0

    def count_since(self, seq: int) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM events WHERE seq > ?", (seq,)).fetchone()[0])

    def undo_stacks(self, author: str) -> tuple[list[int], list[int]]:
        """The author's changes that can be undone and redone, newest last."""
        done: list[int] = []
        undone: list[int] = []
        rows = self.db.execute(
            "SELECT seq, action, target FROM events WHERE author = ? AND undoable = 1 ORDER BY seq",
            (author,),
        )
        for seq, action, target in rows:
            if action == "do":
                done.append(seq)
                undone.clear()
            elif action == "undo":
                if target in done:
                    done.remove(target)
                undone.append(target)
            elif action == "redo":
                if target in undone:
                    undone.remove(target)
                done.append(target)
        return done, undone

    def history(self, limit: int = 200) -> list[Event]:
        rows = self.db.execute(
            "SELECT seq, at, author, instance, action, target, label, undoable, ops"
            " FROM events ORDER BY seq DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [_event(row) for row in rows]

    def cached_snapshot(self, checksum: str) -> str | None:
        """The session as JSON for the TOML text with this checksum, if the store wrote it."""
        row = self.db.execute("SELECT data FROM snapshot_cache WHERE checksum = ?", (checksum,)).fetchone()
        return row[0] if row else None

    def cache_snapshot(self, checksum: str, data: str) -> None:
        """Keep the JSON of the latest snapshot (reading it is 20 times faster than TOML). In :meth:`write`."""
        self.db.execute("DELETE FROM snapshot_cache")
        self.db.execute("INSERT INTO snapshot_cache (checksum, data) VALUES (?, ?)", (checksum, data))

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: Any) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, str(value)),
        )


def _event(row: tuple[Any, ...]) -> Event:
    """One row of the events table as an Event."""
    seq, at, author, instance, action, target, label, undoable, ops = row
    return Event(seq, at, author, instance, action, target, label, bool(undoable), json.loads(ops))


def _retry_while_locked(action: Callable[[], object], attempts: int = 600) -> None:
    """Switching to WAL needs a moment alone with the file; several openers take turns."""
    for _ in range(attempts):
        try:
            action()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            time.sleep(0.05)
    action()


def instance_id() -> str:
    """Which running program wrote a change (host and process)."""
    return f"{os.uname().nodename}:{os.getpid()}"
