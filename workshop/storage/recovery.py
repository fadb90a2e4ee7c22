"""A new journal for a session whose journal is damaged, missing, behind its file, or another session's.

``workshop check SESSION --new-journal`` is how the user decides, after the store refused to write
(and said why): the old journal is never deleted but set aside beside the session
(``NAME.toml.journal.damaged-<time>``, with its ``-wal`` and its mark), a new one starts where the
file's first line says the file reaches, and from a damaged journal, or one that lost changes (its
mark says it gave more than it holds), every change that can still be read and still fits the
session is carried over. Close every app on the session first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workshop.model.session import Session
from workshop.scheduling.checks import check
from workshop.storage import snapshot_file as snapshot
from workshop.storage.failures import StorageError, translated
from workshop.storage.journal import Event, Journal, journal_path, read_mark, salvage, set_aside
from workshop.storage.operations import NoteIndex, apply, from_journal
from workshop.storage.session_file import parse, read_text
from workshop.storage.store import new_session_id

HEALTHY = "healthy"
DAMAGED = "damaged"
MISSING = "missing"
BEHIND = "behind"
FOREIGN = "foreign"
LOST = "lost"


@dataclass(frozen=True)
class Recovery:
    """What ``--new-journal`` found and did."""

    state: str
    """healthy (nothing done), damaged, missing, behind, foreign or lost (changes its mark says it gave are gone)."""
    kept: Path | None = None
    """Where the old journal was set aside, if there was one."""
    position: int = 0
    """The file's position: the new journal's changes are numbered after it."""
    carried: int = 0
    """Changes carried over from a damaged journal."""
    lost: int = 0
    """Changes of a damaged journal that could not be read or no longer fit the session."""


def diagnose(path: Path) -> str:
    """What is wrong with the session's journal: one of the states above (the file itself must be valid)."""
    text = read_text(path)
    base = parse(text, path)
    header = snapshot.read_header(text)
    position = header.seq if header else 0
    jpath = journal_path(path)
    if not os.path.lexists(jpath):
        mark = read_mark(jpath)
        return LOST if mark is not None and mark[1] > position else MISSING if position > 0 else HEALTHY
    try:
        journal = Journal.open(jpath, readonly=True, language=base.workshop.language, session=path, position=position)
    except StorageError:
        return DAMAGED
    if journal is None:
        return MISSING if position > 0 else HEALTHY
    try:
        if journal.lost and journal.empty:
            return LOST
        if journal.empty:
            return MISSING if position > 0 else HEALTHY
        known = journal.get_meta("session_id") or ""
        own = base.workshop.id or (header.session if header is not None else "")
        if known and ((own and own != known) or (not own and journal.get_meta("session_id_written") == "1")):
            return FOREIGN
        if journal.lost:
            return LOST
        if journal.last_seq() < position:
            return BEHIND
        journal.verify()  # every change readable, not only the ones a store happens to read
        if not _replays(base, journal.since(position)):
            return DAMAGED
        return HEALTHY
    except StorageError:
        return DAMAGED
    finally:
        journal.close()


def _replays(base: Session, events: list[Event]) -> bool:
    """Do the journal's changes after the file's position apply to it (as the store applies them on opening)?"""
    session = base.model_copy(deep=True)
    index = NoteIndex(session)
    for event in events:
        try:
            apply(session, from_journal(event.ops), index)
        except Exception:  # noqa: BLE001 - a change the model cannot take is damage, whatever the model says
            return False
    return True


def start_new_journal(path: Path) -> Recovery:
    """Set the journal aside and start a new one from the file (carrying over what a damaged one still holds).

    Raises SessionError when the file itself is not valid (fix the file first), StorageError when
    the folder cannot be written.
    """
    path = Path(path)
    text = read_text(path)
    base = parse(text, path)
    language = base.workshop.language
    header = snapshot.read_header(text)
    position = header.seq if header else 0
    state = diagnose(path)
    if state == HEALTHY:
        return Recovery(HEALTHY, position=position)
    jpath = journal_path(path)
    salvaged, highest = salvage(jpath) if state in (DAMAGED, LOST) and os.path.lexists(jpath) else ([], 0)
    mark = read_mark(jpath)
    if state == LOST and mark is not None:
        highest = max(highest, mark[1])  # the changes the mark says were given count, read or not
    kept = None
    if os.path.lexists(jpath) or mark is not None:
        existed = os.path.lexists(jpath)
        with translated(jpath, language, session=path):
            aside = set_aside(jpath, state)  # (a mark whose journal is gone goes aside too)
        kept = aside if existed else None
    journal = Journal.open(jpath, language=language, session=path)
    assert journal is not None
    carried = lost = 0
    try:
        with translated(jpath, language, session=path), journal.write():
            journal.set_meta("session_id", base.workshop.id or new_session_id())
            journal.ensure_after(position)
            journal.set_meta("folded_seq", position)
            session = base.model_copy(deep=True)
            index = NoteIndex(session)
            later = [event for event in salvaged if event.seq > position]
            expected = max(highest - position, 0)
            for event in later:
                candidate = session.model_copy(deep=True)
                try:
                    apply(candidate, from_journal(event.ops), NoteIndex(candidate))
                except Exception:  # noqa: BLE001 - a change that cannot be applied is not carried over
                    lost += 1
                    continue
                if check(candidate):
                    lost += 1
                    continue
                apply(session, from_journal(event.ops), index)
                journal.append(
                    at=event.at,
                    author=event.author,
                    instance=event.instance,
                    action=event.action,
                    target=event.target,
                    label=event.label,
                    undoable=event.undoable,
                    ops=event.ops,
                )
                carried += 1
            lost += max(expected - len(later), 0)  # numbers in between that could not be read at all
    finally:
        journal.close()
    return Recovery(state, kept, position, carried, lost)
