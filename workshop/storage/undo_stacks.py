"""Undo and redo stacks: which of an author's (or a device's) changes can be taken back or brought back, lane by lane.

Read from the journal's rows; each change's lanes (:mod:`workshop.storage.lanes`) are learnt from its
operations once per connection, since a change's lanes never change.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Protocol

from workshop.storage.failures import StorageError, damaged_problem, translated
from workshop.storage.lanes import in_lanes, lanes_of
from workshop.storage.operations import JsonOp
from workshop.words import word


class Journal(Protocol):
    """What the stacks read of the journal (:class:`workshop.storage.journal.Journal`)."""

    db: sqlite3.Connection
    path: Path
    session: Path
    language: str

    def has_table(self, name: str) -> bool: ...

    def event_ops(self, seq: int) -> list[JsonOp] | None:
        """The operations of the change numbered ``seq``; None when the journal does not have it."""
        ...


class UndoStacks:
    """The undo and redo stacks of one journal's connection."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.lanes: dict[int, frozenset[str]] = {}
        """The lanes of each change read so far (a change's lanes never change)."""
        self.read: dict[str, int] = {}
        """Per author: the newest change whose lanes :meth:`_undoable` has read."""

    def of(self, author: str, *, lanes: frozenset[str] | None = None, device: str = "") -> tuple[list[int], list[int]]:
        """The author's changes that can be undone and redone, newest last.

        With a ``device``: that device's changes, whatever name signed them (a device is one person;
        two devices whose people typed the same name never share an undo), and no others.

        ``lanes`` (see :mod:`workshop.storage.lanes`) keeps only the changes that touch one of
        them, and gives those lanes their own redo: a new change empties the redo only when it
        touches one of ``lanes``. None: every change, one redo for all (a new change empties it).
        """
        done: list[int] = []
        undone: list[int] = []
        rows = self._undoable(author, lanes is not None, device)
        for seq, action, target in rows:
            if action == "do":
                if lanes is not None and not in_lanes(self.lanes[seq], lanes):
                    continue
                done.append(seq)
                undone.clear()
                continue
            if target is None or (lanes is not None and not in_lanes(self.change_lanes(target), lanes)):
                continue  # (an undo or a redo always names the change it took back or brought back)
            if action == "undo":
                if target in done:
                    done.remove(target)
                undone.append(target)
            elif action == "redo":
                if target in undone:
                    undone.remove(target)
                done.append(target)
        return done, undone

    def _undoable(self, author: str, with_lanes: bool, device: str = "") -> list[tuple[int, str, int | None]]:
        """The author's (or device's) undoable rows (seq, action, target), oldest first; ``with_lanes`` learns
        each change's lanes.

        A change's lanes never change, so each is read from its operations once per connection.
        """
        whose = f"device:{device}" if device else f"author:{author}"
        known = self.read.get(whose, 0) if with_lanes else None
        if device:
            source, who = "events JOIN event_devices USING (seq) WHERE device = ?", device
        else:
            source, who = "events WHERE author = ?", author
        with translated(self.journal.path, self.journal.language):
            if device and not self.journal.has_table("event_devices"):
                found = []
            elif known is None:
                found = self.journal.db.execute(
                    f"SELECT seq, action, target, NULL FROM {source} AND undoable = 1 ORDER BY seq",
                    (who,),
                ).fetchall()
            else:
                found = self.journal.db.execute(
                    "SELECT seq, action, target, CASE WHEN action = 'do' AND seq > ? THEN ops END"
                    f" FROM {source} AND undoable = 1 ORDER BY seq",
                    (known, who),
                ).fetchall()
        rows: list[tuple[int, str, int | None]] = []
        for seq, action, target, ops in found:
            if ops is not None:
                self.lanes[seq] = lanes_of(self._ops(seq, ops))
            elif known is not None and action == "do" and seq not in self.lanes:
                self.lanes[seq] = self.change_lanes(seq)
            rows.append((seq, action, target))
        if known is not None and rows:
            self.read[whose] = max(known, rows[-1][0])
        return rows

    def change_lanes(self, seq: int) -> frozenset[str]:
        """The lanes of the change numbered ``seq`` (none for a change the journal does not have)."""
        lanes = self.lanes.get(seq)
        if lanes is None:
            ops = self.journal.event_ops(seq)
            lanes = lanes_of(ops) if ops is not None else frozenset()
            self.lanes[seq] = lanes
        return lanes

    def _ops(self, seq: int, ops: Any) -> list[JsonOp]:
        """A change's operations from the journal's text; a StorageError saying the journal is damaged if unreadable."""
        try:
            changes = json.loads(ops)
        except (TypeError, ValueError, RecursionError):
            changes = None
        if not isinstance(changes, list):
            journal = self.journal
            detail = word("journal_detail_change", journal.language, seq=seq)
            problem = damaged_problem(journal.path, journal.session, detail, journal.language)
            raise StorageError(journal.path, [problem], journal.language)
        return changes
