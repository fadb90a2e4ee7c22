"""The journal beside a session file: every change as one row, in a SQLite database (WAL).

SQLite gives what several app instances on one session need: one writer at a time (the
others wait), a commit that is on disk (fsync) before it returns, and readers that see the
others' commits at once. The journal also keeps the history for undo and the audit trail.

``aften.toml``'s journal is ``aften.toml.journal`` (:func:`journal_path`). Beside it, its mark
(:data:`MARK_SUFFIX`) records the newest change it gave, so a journal that lost changes is told;
:func:`salvage` reads what a damaged one still holds, row by row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import shutil
import sqlite3
import stat
import tempfile
import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from workshop.model.problems import Problem
from workshop.storage.atomic_file import PRIVATE_FILE
from workshop.storage.change_labels import ChangeKind, change_kind
from workshop.storage.failures import (
    CANNOT_OPEN,
    DAMAGED,
    IO,
    READ_ONLY,
    StorageError,
    damaged_problem,
    kind_of,
    session_of,
    storage_error,
    translated,
)
from workshop.storage.operations import JsonOp
from workshop.storage.undo_stacks import UndoStacks
from workshop.words import word

SCHEMA_VERSION = 1
"""The journal's layout (``PRAGMA user_version``); a journal of a newer version is not read."""

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

DEVICE_SCHEMA = """
CREATE TABLE IF NOT EXISTS event_devices (seq INTEGER PRIMARY KEY, device TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS event_devices_device ON event_devices (device);
"""
"""Which device made each change (a browser, a terminal: see :mod:`workshop.storage.authors`), for undo.

A table of its own beside ``events`` (not a column of it): a journal written before devices is
read as it is, a program from before devices reads and writes a journal with this table, and the
changes made without a device (scripts, older programs) simply have no row here."""

TABLES: dict[str, tuple[str, ...]] = {
    "events": ("seq", "at", "author", "instance", "action", "target", "label", "undoable", "ops"),
    "meta": ("key", "value"),
    "snapshot_cache": ("checksum", "data"),
}
"""The tables of a journal and their columns: a journal without them is damaged (a renamed table, ...)."""

MAX_SEQ = 10**15
"""The highest change number the journal gives: far beyond any evening (a million changes a day for
2,700 years), and below what the file's first line can say. A higher one is damage, not a full disk."""

SIDE_FILES = ("-wal", "-shm")
"""The files SQLite keeps beside the journal while it is in use (they belong to it)."""

MARK_SUFFIX = "-mark"
"""``NAME.toml.journal-mark``: the newest change the journal has given, written after each commit.

SQLite cannot keep what is gone: a ``-wal`` deleted, cut short or garbled after a writer crashed,
or an older copy of the journal put back, takes the changes only it held with it, and the journal
alone cannot tell. The mark can: it is written (a few bytes, no fsync: it has to survive a killed
process, and a mark that a power cut leaves behind only says less) after every commit, so a
journal that reaches less far than its mark has lost changes, and every command says so.
"""
_MARK_WIDTH = 96


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
    ops: list[JsonOp]
    """The operations as the journal keeps them (:func:`workshop.storage.operations.from_journal` types them)."""

    def __post_init__(self) -> None:
        if not all(isinstance(op, dict) for op in self.ops):  # typed operations given: kept as the journal keeps them
            data = [op if isinstance(op, dict) else op.to_json() for op in cast(list[Any], self.ops)]
            object.__setattr__(self, "ops", data)

    @property
    def kind(self) -> ChangeKind:
        """What the change was: its label's catalogue key and values (an undo's: the original's)."""
        return change_kind(self.label)

    @property
    def sections_only(self) -> bool:
        """Does the change replace sections of the session only (no note)?"""
        return bool(self.ops) and all(op.get("t") == "section" for op in self.ops)


JOURNAL_SUFFIX = ".journal"


def journal_path(session_path: Path) -> Path:
    """``sessions/meeting-3.toml`` -> ``sessions/meeting-3.toml.journal``: named after the whole file name.

    A copy kept beside the session (``cp aften.toml aften.old``) so gets a journal of its own
    (``aften.old.journal``) instead of writing into the session's. A journal named the way
    workshop named them before (``meeting-3.journal``) stays the journal of ``meeting-3.toml``
    while there is no ``meeting-3.toml.journal``; see :func:`legacy_journal_path`.
    """
    named = session_path.with_name(f"{session_path.name}{JOURNAL_SUFFIX}")
    if os.path.lexists(named):
        return named
    legacy = legacy_journal_path(session_path)
    return legacy if legacy is not None and os.path.lexists(legacy) else named


def legacy_journal_path(session_path: Path) -> Path | None:
    """Where workshop kept the journal before it was named after the whole file name, if it was this file's.

    ``aften.journal`` was shared by every ``aften.*``: it is the journal of ``aften.toml`` (the
    name workshop gives sessions), and of ``aften.<other>`` only when there is no ``aften.toml``
    (a session that always had another ending). A copy ``aften.old`` beside ``aften.toml`` has none.
    """
    if session_path.suffix == JOURNAL_SUFFIX:
        return None
    legacy = session_path.with_suffix(JOURNAL_SUFFIX)
    if session_path.suffix == ".toml" or not os.path.lexists(session_path.with_suffix(".toml")):
        return legacy
    return None


class Journal:
    """A connection to one session's journal.

    :meth:`open` checks what it opens: a regular file, a journal of a known layout, its tables
    all there and intact (``PRAGMA quick_check``). A journal opened read-only is never written,
    and no file is made beside it: when SQLite holds nothing in a ``-wal`` file, the journal is
    read into memory; otherwise it is opened with ``mode=ro`` (or, in a folder nobody may write,
    copied to a private temporary folder first).
    """

    def __init__(
        self,
        path: Path,
        db: sqlite3.Connection,
        *,
        readonly: bool = False,
        scratch: Path | None = None,
        language: str = "da",
        session: Path | None = None,
    ) -> None:
        self.path = path
        self.session = session or session_of(path)
        """The session file whose journal this is."""
        self.db = db
        self.readonly = readonly
        """True for a journal opened only to read it (``workshop check``, ``schedule``, ``export``)."""
        self.language = language
        """The language of its messages (the session's, once known)."""
        self._scratch = scratch
        self._version = -1
        self.stacks = UndoStacks(self)
        """Who can undo and redo what (it learns each change's lanes once per connection)."""
        self.journal_id = ""
        """This journal's own identity (a new one for every journal made), which its mark carries."""
        self.lost = 0
        """Opened to read: the newest change the journal's mark says it gave, when neither it nor the file has it."""
        self.reached = 0
        """Opened to read: how far the journal and the file reach (the changes after it up to :attr:`lost` are gone)."""
        self._given = 0
        """The newest change number given in the write transaction under way (for the mark)."""
        self._mark_file: int | None = None

    # Opening -------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path,
        *,
        readonly: bool = False,
        language: str = "da",
        session: Path | None = None,
        position: int = 0,
    ) -> Journal | None:
        """Open (or, to write, create) the journal at ``path``; None when reading and there is none.

        Raises :class:`StorageError` when the path is not a regular file, the journal is
        damaged or of a newer layout, or the folder or file cannot be written (to write).
        """
        session = session or session_of(path)
        mark = read_mark(path)  # before the journal: a change the mark names is committed by then
        exists = _regular_or_missing(path, language, session)
        if readonly:
            if not exists:
                return None
            journal = cls._open_reading(path, language, session, (mark, position))
        else:
            journal = cls._open_writing(path, exists, language, session, (mark, position))
        return journal

    @classmethod
    def _open_writing(
        cls, path: Path, exists: bool, language: str, session: Path, marked: tuple[tuple[str, int] | None, int]
    ) -> Journal:
        created = False
        mark, position = marked
        if mark is not None and mark[1] > position:
            cls._refuse_loss(path, exists, language, session, marked)
        with translated(path, language, session=session):
            if not exists:
                created = _create_private(path)
            elif not os.access(path, os.W_OK):
                # SQLite would open a write-protected journal read-only without a word (and make its -wal and
                # -shm beside it). (Not by opening it here: closing any descriptor of a database file drops the
                # locks this process's other connections hold on it.)
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            db = sqlite3.connect(
                f"file:{_uri_path(path)}?mode=rw",
                uri=True,
                timeout=30,
                isolation_level=None,
                check_same_thread=False,
            )
        journal = cls(path, db, language=language, session=session)
        journal._writing_here = _file_key(path)
        if journal._writing_here is not None:
            _WRITING_HERE[journal._writing_here] = _WRITING_HERE.get(journal._writing_here, 0) + 1
        try:
            with translated(path, language, session=session):
                db.execute("PRAGMA busy_timeout=30000")
                empty = journal._inspect(session)
                lost = journal._beyond_mark(*marked, empty)
                if lost:
                    reached = max(0 if empty else journal.last_seq(), marked[1])
                    raise StorageError(path, [lost_problem(path, session, language, reached, lost)], language)
                _retry_while_locked(lambda: db.execute("PRAGMA journal_mode=WAL"))
                db.execute("PRAGMA synchronous=FULL")
                if empty:
                    with journal.write():
                        if journal._inspect(session):  # another process may have made it meanwhile
                            _run_script(db, SCHEMA)
                            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                elif int(db.execute("PRAGMA user_version").fetchone()[0]) < SCHEMA_VERSION:
                    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")  # a journal from before versions
                if not journal.has_table("event_devices"):  # a journal from before devices (or made just now)
                    with journal.write():
                        _run_script(db, DEVICE_SCHEMA)
                journal._ensure_identity()
        except BaseException:
            journal.close()
            if created:
                remove_journal(path)
            raise
        journal.created = created
        return journal

    @classmethod
    def _refuse_loss(
        cls, path: Path, exists: bool, language: str, session: Path, marked: tuple[tuple[str, int] | None, int]
    ) -> None:
        """Before opening to write: a StorageError when the journal lost changes its mark says it gave.

        Looked at read-only, so that a refused opening leaves the journal and its -wal as they are
        (a connection that writes puts the -wal into the journal and deletes it when it closes).
        """
        mark, position = marked
        if not exists:
            given = mark[1] if mark is not None else 0
            raise StorageError(path, [lost_problem(path, session, language, position, given)], language)
        try:
            db, scratch = _connect_reading(path)
        except (sqlite3.Error, OSError):
            return  # the opening that writes looks again
        journal = cls(path, db, readonly=True, language=language, session=session, scratch=scratch)
        try:
            # Only what the mark is measured against (the opening that writes checks the rest): cheap.
            db.execute("PRAGMA busy_timeout=30000")
            names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            empty = not names & set(TABLES)
            if not empty and not {"events", "meta"} <= names:
                return
            lost = journal._beyond_mark(*marked, empty)
            reached = max(0 if empty else journal.last_seq(), marked[1])
        except (sqlite3.Error, StorageError):
            return  # damaged, or nothing to be read here: the opening that writes says what
        finally:
            journal.close()
        if lost:
            raise StorageError(path, [lost_problem(path, session, language, reached, lost)], language)

    @classmethod
    def _open_reading(
        cls, path: Path, language: str, session: Path, marked: tuple[tuple[str, int] | None, int]
    ) -> Journal:
        if not os.access(path, os.R_OK):
            raise storage_error(path, language, "journal_no_access", "fix_journal_no_access", name=path.name)
        with translated(path, language, session=session):
            db, scratch = _connect_reading(path)
        journal = cls(path, db, readonly=True, scratch=scratch, language=language, session=session)
        try:
            with translated(path, language, session=session):
                journal.empty = journal._inspect(session)
                journal.lost = journal._beyond_mark(*marked, journal.empty)
                journal.reached = max(0 if journal.empty else journal.last_seq(), marked[1])
        except BaseException:
            journal.close()
            raise
        return journal

    created = False
    """True when :meth:`open` made the journal file (it is removed again if the opening fails)."""
    _writing_here: tuple[int, int] | None = None
    empty = False
    """True for a journal opened to read that holds nothing yet (no tables: made a moment ago)."""

    def _inspect(self, session: Path) -> bool:
        """Check the journal's layout and integrity; True when it is empty (no tables yet)."""
        db = self.db
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        except sqlite3.DatabaseError as error:
            if kind_of(error) != DAMAGED:
                raise
            raise StorageError(
                self.path, [damaged_problem(self.path, session, str(error), self.language)], self.language
            ) from None
        if version > SCHEMA_VERSION:
            raise storage_error(
                self.path,
                self.language,
                "journal_newer",
                "fix_journal_newer",
                name=self.path.name,
                found=version,
                known=SCHEMA_VERSION,
            )
        names = {row[0] for row in rows}
        if not names & set(TABLES):
            if names - {"sqlite_sequence"}:
                detail = word("journal_detail_foreign_tables", self.language, tables=", ".join(sorted(names)))
                raise StorageError(
                    self.path, [damaged_problem(self.path, session, detail, self.language)], self.language
                )
            return True
        for table, columns in TABLES.items():
            if table not in names:
                detail = word("journal_detail_missing_table", self.language, table=table)
                raise StorageError(
                    self.path, [damaged_problem(self.path, session, detail, self.language)], self.language
                )
            found = tuple(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
            if found != columns:
                detail = word("journal_detail_columns", self.language, table=table)
                raise StorageError(
                    self.path, [damaged_problem(self.path, session, detail, self.language)], self.language
                )
        verdict = db.execute("PRAGMA quick_check").fetchall()
        if verdict != [("ok",)]:
            detail = word("journal_detail_garbled", self.language)  # SQLite's own verdict is for developers
            raise StorageError(self.path, [damaged_problem(self.path, session, detail, self.language)], self.language)
        given = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
        newest = db.execute("SELECT MAX(seq) FROM events").fetchone()
        for number in (given[0] if given else None, newest[0] if newest else None):
            if number is not None and not (isinstance(number, int) and 0 <= number <= MAX_SEQ):
                # SQLite would number the next change 2**63 and call that a full disk.
                detail = word("journal_detail_number", self.language, seq=number)
                raise StorageError(
                    self.path, [damaged_problem(self.path, session, detail, self.language)], self.language
                )
        return False

    def has_table(self, name: str) -> bool:
        """Does the journal have the table ``name``?"""
        row = self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None

    def _beyond_mark(self, mark: tuple[str, int] | None, position: int, empty: bool) -> int:
        """The change number the mark says this journal gave, when neither the journal nor the session file
        (whose first line says it holds the changes up to ``position``) reaches it; else 0.

        A mark of another journal (one set aside, or a journal copied here from elsewhere) says nothing
        about this one; a journal with no tables at all (its -wal gone before anything reached the file)
        is measured against any mark.
        """
        if mark is None or mark[1] <= position:
            return 0
        if empty:
            return mark[1]
        own = self.get_meta("journal_id") or ""
        if not own or own != mark[0]:
            return 0
        return mark[1] if mark[1] > self.last_seq() else 0

    def _ensure_identity(self) -> None:
        """Give a journal without one its identity (new, or made by a workshop before marks), and get it on disk.

        The identity goes into the journal file itself at once (a checkpoint), not only into the -wal:
        a -wal lost later must not take the identity, and with it the mark's meaning, along.
        """
        self.journal_id = self.get_meta("journal_id") or ""
        if self.journal_id:
            return
        with self.write():
            self.journal_id = self.get_meta("journal_id") or ""
            if not self.journal_id:
                self.journal_id = uuid.uuid4().hex
                self.set_meta("journal_id", self.journal_id)
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def verify(self) -> None:
        """Read every change: a StorageError saying the journal is damaged when one is not a change the app wrote."""
        self.since(0)

    def close(self) -> None:
        """Let go of the journal (and of a temporary copy read in its place)."""
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        if self._mark_file is not None:
            with contextlib.suppress(OSError):
                os.close(self._mark_file)
            self._mark_file = None
        if self._writing_here is not None:
            left = _WRITING_HERE.get(self._writing_here, 1) - 1
            if left > 0:
                _WRITING_HERE[self._writing_here] = left
            else:
                _WRITING_HERE.pop(self._writing_here, None)
            self._writing_here = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def identity(self) -> tuple[int, int] | None:
        """The journal file's device and inode now; None when it is gone (deleted or moved away)."""
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every read inside sees the journal as it was at its start."""
        self.db.execute("BEGIN")
        try:
            yield self.db
        finally:
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("COMMIT")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: the others wait until it commits (durably) or rolls back.

        A commit that fails (a full disk) is rolled back, so the change is refused whole.
        """
        self.db.execute("BEGIN IMMEDIATE")
        self._given = 0
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            self._given = 0
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            raise
        if self._given:
            self._mark(self._given)
            self._given = 0

    def _mark(self, seq: int) -> None:
        """Write the journal's mark (kept open: a commit costs a read and a write of a few bytes more)."""
        if not self.journal_id:
            return
        if self._mark_file is None:
            try:
                self._mark_file = os.open(
                    mark_path(self.path), os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE
                )
            except OSError:
                return  # a mark not written only says less
        _write_mark(self._mark_file, self.journal_id, seq)

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
        ops: list[JsonOp],
        device: str = "",
    ) -> int:
        """Add one change to the journal (in :meth:`write`); its number. ``device``: the device that made it."""
        cursor = self.db.execute(
            "INSERT INTO events (at, author, instance, action, target, label, undoable, ops)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (at, author, instance, action, target, label, int(undoable), json.dumps(ops, ensure_ascii=False)),
        )
        seq = cursor.lastrowid
        assert seq is not None  # an INSERT always gives the new row's id
        if device:
            self.db.execute("INSERT INTO event_devices (seq, device) VALUES (?, ?)", (seq, device))
        self._given = max(self._given, seq)
        return seq

    def since(self, seq: int) -> list[Event]:
        """The changes after ``seq``, oldest first."""
        return self._events(
            "SELECT seq, at, author, instance, action, target, label, undoable, ops"
            " FROM events WHERE seq > ? ORDER BY seq",
            (seq,),
        )

    def event(self, seq: int) -> Event | None:
        """The change numbered ``seq``, if the journal has it."""
        found = self._events(
            "SELECT seq, at, author, instance, action, target, label, undoable, ops FROM events WHERE seq = ?",
            (seq,),
        )
        return found[0] if found else None

    def _events(self, query: str, values: tuple[Any, ...]) -> list[Event]:
        """The events a query finds; a StorageError that says the journal is damaged when one cannot be read."""
        with translated(self.path, self.language):
            rows = self.db.execute(query, values).fetchall()
            try:
                return [_event(row) for row in rows]
            except ValueError as error:
                problem = damaged_problem(self.path, self.session, str(error), self.language)
                raise StorageError(self.path, [problem], self.language) from None

    def ensure_after(self, seq: int) -> None:
        """New changes get numbers above ``seq`` (a journal made anew beside an older file).

        Call inside :meth:`write`.
        """
        if self.last_seq() >= seq:
            return
        self.db.execute("DELETE FROM sqlite_sequence WHERE name = 'events'")
        self.db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)", (seq,))
        self._given = max(self._given, seq)

    def last_seq(self) -> int:
        """The number of the newest change the journal has ever given (0 for none)."""
        with translated(self.path, self.language):
            if not self.has_table("sqlite_sequence"):
                return 0
            row = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
            newest = self.db.execute("SELECT MAX(seq) FROM events").fetchone()
        given = row[0] if row and isinstance(row[0], int) else 0
        return max(given, newest[0] if newest and isinstance(newest[0], int) else 0)

    def undo_stacks(
        self, author: str, *, lanes: frozenset[str] | None = None, device: str = ""
    ) -> tuple[list[int], list[int]]:
        """The author's (or ``device``'s) changes that can be undone and redone, newest last (:class:`UndoStacks`)."""
        return self.stacks.of(author, lanes=lanes, device=device)

    def event_ops(self, seq: int) -> list[JsonOp] | None:
        """The operations of the change numbered ``seq``; None when the journal does not have it."""
        event = self.event(seq)
        return None if event is None else event.ops

    def change_lanes(self, seq: int) -> frozenset[str]:
        """The lanes of the change numbered ``seq`` (none for a change the journal does not have)."""
        return self.stacks.change_lanes(seq)

    def history(self, limit: int = 200) -> list[Event]:
        """The newest ``limit`` changes, newest first."""
        return self._events(
            "SELECT seq, at, author, instance, action, target, label, undoable, ops"
            " FROM events ORDER BY seq DESC LIMIT ?",
            (limit,),
        )

    def cached_snapshot(self, checksum: str) -> str | None:
        """The session as JSON for the TOML text with this checksum, if the store wrote it."""
        with translated(self.path, self.language):
            row = self.db.execute("SELECT data FROM snapshot_cache WHERE checksum = ?", (checksum,)).fetchone()
        return row[0] if row and isinstance(row[0], str) else None

    def cache_snapshot(self, checksum: str, data: str) -> None:
        """Keep the JSON of the latest snapshot (reading it is 20 times faster than TOML). In :meth:`write`."""
        self.db.execute("DELETE FROM snapshot_cache")
        self.db.execute("INSERT INTO snapshot_cache (checksum, data) VALUES (?, ?)", (checksum, data))

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """A value the store keeps about the journal (``folded_seq``, ``generation``, ``session_id``)."""
        with translated(self.path, self.language):
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def get_number(self, key: str) -> int:
        """A numeric meta value (0 when missing or not a number a store wrote)."""
        value = self.get_meta(key, "0") or "0"
        return int(value) if value.isdigit() and len(value) <= 18 else 0

    def set_meta(self, key: str, value: Any) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, str(value)),
        )


def _event(row: tuple[Any, ...]) -> Event:
    """One row of the events table as an Event; a ValueError when the row is not one the store wrote."""
    seq, at, author, instance, action, target, label, undoable, ops = row
    try:
        changes = json.loads(ops)
    except (TypeError, ValueError, RecursionError):
        raise ValueError(f"change {seq}: its operations are not JSON") from None
    if (
        not isinstance(seq, int)
        or not 0 < seq <= MAX_SEQ
        or not (target is None or (isinstance(target, int) and 0 < target <= MAX_SEQ))
        or not isinstance(changes, list)
        or not all(isinstance(op, dict) and op.get("t") in ("note", "section") for op in changes)
    ):
        raise ValueError(f"change {seq}: not a change the app wrote")
    if action not in ("do", "undo", "redo") or not all(isinstance(v, str) for v in (at, author, instance, label)):
        raise ValueError(f"change {seq}: not a change the app wrote")
    try:
        dt.datetime.fromisoformat(at)
    except ValueError:
        raise ValueError(f"change {seq}: its time is not a time") from None
    return Event(seq, at, author, instance, action, target, label, bool(undoable), changes)


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run each statement of ``script`` (inside the caller's transaction: ``executescript`` would commit)."""
    for statement in script.strip().split(";"):
        if statement.strip():
            db.execute(statement)


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


# Files -----------------------------------------------------------------------------------------


def _regular_or_missing(path: Path, language: str, session: Path) -> bool:
    """True when the journal is there as a regular file, False when there is none; else a StorageError."""
    try:
        info = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise storage_error(
                path, language, "journal_link_loop", "fix_journal_not_a_file", name=path.name, session=session
            ) from None
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            if os.path.islink(path):
                raise storage_error(
                    path, language, "journal_dangling_link", "fix_journal_not_a_file", name=path.name, session=session
                ) from None
            return False
        with translated(path, language, session=session):
            raise
        return False  # pragma: no cover - translated always raises
    if not stat.S_ISREG(info.st_mode):
        kind = "folder" if stat.S_ISDIR(info.st_mode) else "special"
        raise storage_error(
            path, language, f"journal_is_{kind}", "fix_journal_not_a_file", name=path.name, session=session
        )
    return True


def _create_private(path: Path) -> bool:
    """Make an empty journal file readable by its owner only (SQLite gives its -wal and -shm the same mode).

    False when another process made it first.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(descriptor)
    return True


def remove_journal(path: Path) -> None:
    """Remove a journal made a moment ago by an opening that then failed (and the files SQLite keeps beside it)."""
    for suffix in ("", *SIDE_FILES):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def set_aside(path: Path, reason: str) -> Path:
    """Rename the journal (and its -wal and -shm) to ``NAME.journal.<reason>-<time>``, kept for a closer look."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{number}")
    for suffix in ("", *SIDE_FILES, MARK_SUFFIX):
        source = Path(f"{path}{suffix}")
        if os.path.lexists(source):
            os.replace(source, Path(f"{target}{suffix}"))
    return target


def mark_path(path: Path) -> Path:
    """The journal's mark (see :data:`MARK_SUFFIX`)."""
    return Path(f"{path}{MARK_SUFFIX}")


def read_mark(path: Path) -> tuple[str, int] | None:
    """The journal's identity and the newest change number its mark records; None without a (readable) mark."""
    try:
        with open(mark_path(path), "rb") as handle:
            return _parse_mark(handle.read(_MARK_WIDTH + 1))
    except OSError:
        return None


def _parse_mark(data: bytes) -> tuple[str, int] | None:
    parts = data.decode("ascii", "replace").split()
    if len(parts) != 3 or not parts[1].isdigit() or len(parts[1]) > 18:
        return None
    identity, number, check = parts
    if f"{zlib.crc32(f'{identity} {number}'.encode()):08x}" != check:
        return None  # written over while it was read, or not written by a store
    seq = int(number)
    return (identity, seq) if 0 < seq <= MAX_SEQ else None


def _write_mark(descriptor: int, identity: str, seq: int) -> None:
    """Record in the open mark that the journal gave change ``seq`` (in place, a fixed width; never lower)."""
    with contextlib.suppress(OSError):
        known = _parse_mark(os.pread(descriptor, _MARK_WIDTH + 1, 0))
        if known is not None and known[0] == identity and known[1] >= seq:
            return  # another process got further meanwhile
        text = f"{identity} {seq}"
        line = f"{text} {zlib.crc32(text.encode()):08x}".ljust(_MARK_WIDTH) + "\n"
        os.pwrite(descriptor, line.encode("ascii"), 0)


def lost_problem(path: Path, session: Path, language: str, last: int, marked: int) -> Problem:
    """The problem of a journal that reaches less far than its mark: changes were lost, and how to go on."""
    values = {"name": path.name, "last": last, "marked": marked, "count": marked - last, "session": session}
    return Problem(
        word("journal_lost_changes", language, **values), word("fix_journal_lost_changes", language, **values)
    )


def loss_on_reading(path: Path, journal: Journal | None, session: Path, language: str, position: int) -> Problem | None:
    """The problem of changes the journal lost (a journal opened to read, or none there), if it lost any.

    ``position``: how far the session file reaches (its first line).
    """
    if journal is None:
        mark = read_mark(path)
        if mark is None or mark[1] <= position or os.path.lexists(path):
            return None  # (a journal made meanwhile, mark and all, lost nothing)
        return lost_problem(path, session, language, position, mark[1])
    if not journal.lost:
        return None
    return lost_problem(path, session, language, journal.reached, journal.lost)


def _size(path: Path) -> int:
    """The size of a file; -1 when there is none."""
    try:
        return os.stat(path).st_size
    except OSError:
        return -1


def _uri_path(path: Path) -> str:
    """``path`` for an SQLite URI (``?`` and ``#`` in a name would end the path)."""
    from urllib.parse import quote

    return quote(str(path.absolute()))


_WRITING_HERE: dict[tuple[int, int], int] = {}
"""The journals this process has open for writing (device, inode -> connections): never read behind SQLite's back."""


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _connect_reading(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """A connection that reads the journal and writes nothing beside it; and a scratch folder to remove after.

    When SQLite holds nothing in a -wal file, the journal's bytes are read into memory: no -wal or
    -shm is made beside it. Not while this process has the journal open for writing itself (closing a
    descriptor of the file would drop that connection's locks): then, as when a -wal holds changes,
    SQLite reads it with ``mode=ro``.
    """
    wal = Path(f"{path}-wal")
    for _ in range(0 if _file_key(path) in _WRITING_HERE else 3):
        if _size(wal) > 0:
            break
        before = os.stat(path)
        data = bytearray(path.read_bytes())
        after = os.stat(path)
        unchanged = (before.st_ino, before.st_size, before.st_mtime_ns) == (
            after.st_ino,
            after.st_size,
            after.st_mtime_ns,
        )
        if unchanged and _size(wal) <= 0:
            if len(data) >= 20 and data[18:20] == b"\x02\x02":
                data[18:20] = b"\x01\x01"  # in memory, the journal is read without its WAL (it has none now)
            db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            if data:
                try:
                    db.deserialize(bytes(data))
                except sqlite3.DatabaseError:
                    db.close()
                    raise
            return db, None
    db = sqlite3.connect(
        f"file:{_uri_path(path)}?mode=ro", uri=True, timeout=30, isolation_level=None, check_same_thread=False
    )
    try:
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return db, None
    except sqlite3.OperationalError as error:
        db.close()
        if kind_of(error) not in (CANNOT_OPEN, READ_ONLY, IO):
            raise
    # A folder nobody may write (or a disk too full for the -shm file SQLite needs): read a private copy.
    scratch = Path(tempfile.mkdtemp(prefix="workshop-journal-"))
    try:
        copy = scratch / path.name
        shutil.copyfile(path, copy)
        side = Path(f"{path}{SIDE_FILES[0]}")
        if side.exists():
            shutil.copyfile(side, Path(f"{copy}{SIDE_FILES[0]}"))
        db = sqlite3.connect(f"file:{_uri_path(copy)}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return db, scratch


def salvage(path: Path) -> tuple[list[Event], int]:
    """The changes that can still be read from a damaged journal, oldest first, and the highest number it
    ever gave, as far as that can be read (the damaged file itself is not touched).

    Row by row: SQLite reads each table shaped like the events table (also one renamed) from the
    start until the damage and from the end back to it; then the raw file and its ``-wal`` are read
    page by page (see :mod:`workshop.storage.journal_pages`), which finds the rows of intact pages
    even when SQLite cannot open the file at all (a garbled header). A row that is not a change the
    app wrote is left out; so is a number beyond :data:`MAX_SEQ`.
    """
    from workshop.storage.journal_pages import EVENT_COLUMNS, raw_rows

    scratch = Path(tempfile.mkdtemp(prefix="workshop-salvage-"))
    try:
        copy = scratch / "journal"
        for suffix in ("", SIDE_FILES[0]):
            source = Path(f"{path}{suffix}")
            if source.is_file():
                shutil.copyfile(source, Path(f"{copy}{suffix}"))
        found: dict[int, Event] = {}
        highest = 0
        with contextlib.suppress(sqlite3.Error, OSError, UnicodeDecodeError):  # a garbled schema or message
            highest = _salvage_sql(copy, found)
        for row in raw_rows(path, EVENT_COLUMNS):
            with contextlib.suppress(ValueError, TypeError):
                event = _event(row)
                found.setdefault(event.seq, event)
        events = [found[seq] for seq in sorted(found)]
        return events, max([highest, *(event.seq for event in events)])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _text_or_none(data: bytes) -> str | None:
    """A text column as text; None (which no change has) when its bytes are not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _salvage_sql(copy: Path, found: dict[int, Event]) -> int:
    """Read what SQLite still can from a copy of a damaged journal into ``found``; the highest number it gave."""
    highest = 0
    db = sqlite3.connect(copy, isolation_level=None)
    db.text_factory = _text_or_none  # a garbled byte in a row's text leaves that row out, not the salvage
    try:
        with contextlib.suppress(sqlite3.Error, UnicodeDecodeError):
            row = db.execute("SELECT seq FROM sqlite_sequence").fetchall()
            numbers = [r[0] for r in row if isinstance(r[0], int) and 0 < r[0] <= MAX_SEQ]
            highest = max(numbers, default=0)
        tables = ["events"]
        with contextlib.suppress(sqlite3.Error, UnicodeDecodeError):
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                if isinstance(name, str) and name != "events":
                    columns = tuple(r[1] for r in db.execute(f'PRAGMA table_info("{name.replace(chr(34), "")}")'))
                    if columns == TABLES["events"]:
                        tables.append(name)  # the events table under another name
        for table in tables:
            quoted = table.replace('"', "")
            for order in ("ASC", "DESC"):
                try:
                    cursor = db.execute(
                        "SELECT seq, at, author, instance, action, target, label, undoable, ops"
                        f' FROM "{quoted}" ORDER BY seq {order}'
                    )
                    for row in cursor:
                        try:
                            event = _event(tuple(row))
                        except (ValueError, TypeError):
                            continue
                        found.setdefault(event.seq, event)
                except (sqlite3.Error, UnicodeDecodeError):
                    continue
    finally:
        db.close()
    return highest
