"""The store: a session that is durable the moment a change returns, shared by many processes.

* The TOML file is the snapshot (readable, what people back up and mail around).
* Every change is first appended to the journal beside it (SQLite, WAL, fsync on commit)
  inside a write transaction that first catches up with everyone else's changes, so several
  app instances and scripts on one session lose nothing.
* The journal is folded back into the TOML file (temporary file, fsync, rename) on close,
  on export and after a quiet spell; on open, the changes the file does not yet hold are
  replayed, so a crash at any moment loses nothing that was acknowledged.
* A hand edit of the TOML file is noticed (its checksum line no longer matches) and the
  journal's newer changes are merged on top of it; a copy of the edit goes to ``.backups``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from workshop.model import limits
from workshop.model.problems import DEFAULT_LANGUAGE, Problem, SessionError, language_of_text
from workshop.model.pydantic_problems import problems_from
from workshop.model.session import Note, Session, model_fingerprint, now, revive
from workshop.model.validation import too_many
from workshop.scheduling.checks import check
from workshop.scheduling.rotation import groups_at
from workshop.storage import snapshot_file as snapshot
from workshop.storage.atomic_file import stray_temporaries, write_atomic
from workshop.storage.change_labels import change_label
from workshop.storage.failures import StorageError, damaged_problem, problem_for, storage_error
from workshop.storage.journal import Event, Journal, instance_id, journal_path, loss_on_reading, remove_journal
from workshop.storage.lanes import checked
from workshop.storage.operations import (
    NoteChanged,
    NoteIndex,
    Op,
    SectionChanged,
    apply,
    dump_note,
    dump_section,
    from_journal,
    shift_ops,
    to_journal,
)
from workshop.storage.session_file import parse, read_text
from workshop.storage.writer import ChangeRefused, WriteFailed
from workshop.words import word

if TYPE_CHECKING:
    from workshop.storage.drafts import Draft

__all__ = ["ChangeRefused", "Store", "WriteFailed", "default_author", "new_session_id"]

REVIVE_LIMIT = 1_000_000
"""Above this many characters of cached JSON (some 3,000 notes), pydantic's validator reads the cache
faster than :func:`~workshop.model.session.revive` rebuilds it, even counting the 15 ms to build it."""


class _FileMoved(Exception):
    """The session file changed between reading it and writing over it: the write is left undone."""


@dataclass(frozen=True)
class FileState:
    """What the session file looked like when we last read or wrote it."""

    inode: int
    size: int
    mtime: int

    @classmethod
    def of(cls, path: Path) -> FileState | None:
        """The file as it is now; None when it cannot be seen."""
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(stat.st_ino, stat.st_size, stat.st_mtime_ns)


def default_author() -> str:
    """Whose changes these are when no ``--author`` is given: the login name."""
    import getpass  # here, not at the top: most starts are given an author or need none soon

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to fail
        return "unknown"


_READ_ATTEMPTS = 5  # a read-only opening looks again when a fold lands between its reads


def new_session_id() -> str:
    """A fresh identity for a session (and its journal)."""
    import uuid  # here, not at the top: most starts need none

    return str(uuid.uuid4())


class Store:
    """One open session. Not thread-safe: use it from one thread (the app's)."""

    def __init__(self, path: Path, journal: Journal | None, author: str, *, readonly: bool = False) -> None:
        self.path = path
        self.journal = journal
        self.author = author
        self.device = ""
        """The device this store writes for (a browser, a terminal; see :mod:`workshop.storage.authors`): each change
        records it, and undo takes back this device's changes only. Empty (scripts): undo follows the author."""
        self.readonly = readonly
        """Opened to read only (``workshop check``, ``schedule``, ``export``): nothing is ever written."""
        self.instance = instance_id()
        self.session: Session
        self.index: NoteIndex
        self.seq = 0
        """The last journal change the in-memory session holds."""
        self.folded = 0
        """The last journal change the TOML file holds."""
        self.generation = "0"
        self.session_id = ""
        """The session's identity, which the file's ``[workshop] id`` and the journal both carry."""
        self.file_state: FileState | None = None
        self.file_ours = False
        """True while the file is exactly what a store wrote (no hand edit, no comments to lose)."""
        self.file_blocked = False
        """True while a hand edit of the file is invalid: the file is then never overwritten."""
        self.stopped: str | None = None
        """Why this store no longer writes (its journal was deleted while it was open), if it stopped."""
        self.notices: list[str] = []
        """Messages for the user (hand edits merged, ...); the UI shows and clears them."""
        self.version = 0
        """Goes up by one whenever the in-memory session changes."""
        self._journal_file = journal.identity() if journal is not None and not readonly else None
        self._told: set[str] = set()
        self._token = f"{self.instance}:{id(self):x}:{os.urandom(4).hex()}"
        """This store among the others (two apps in one process share a process id)."""
        self._fresh = False
        """True once this store took a text of the file that no store had written or read before (a hand edit)."""
        self.lost: Problem | None = None
        """Opened to read: the journal lost changes it had given (its -wal gone, an older copy put back)."""

    @property
    def language(self) -> str:
        """The session's language: what the store's notices and refusals are written in."""
        session: Session | None = getattr(self, "session", None)
        return session.workshop.language if session is not None else DEFAULT_LANGUAGE

    # Opening -----------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        author: str | None = None,
        backup: bool = True,
        readonly: bool = False,
        trust_cache: bool = True,
    ) -> Store:
        """Open a session. Raises SessionError (a StorageError for the journal; nothing written) when unusable.

        ``readonly`` reads the file and its journal and writes nothing at all: no journal is made,
        nothing is folded or merged, no backup is taken, and a journal in a folder nobody may write
        is read all the same. ``trust_cache=False`` validates the file even when the store
        validated that very text before (``workshop check``, whose point is to validate).
        """
        path = Path(path)
        jpath = journal_path(path)
        if path.suffix == ".journal":
            language = DEFAULT_LANGUAGE
            raise SessionError(
                path,
                [
                    Problem(
                        word("problem_named_like_journal", language),
                        word("fix_named_like_journal", language, name=path.with_suffix(".toml").name),
                    )
                ],
                language,
            )
        text = read_text(path)
        if readonly:
            return cls._open_reading(path, jpath, text, author, trust_cache)
        return cls._open_writing(path, jpath, text, author, backup, trust_cache)

    @classmethod
    def _open_reading(cls, path: Path, jpath: Path, text: str, author: str | None, trust_cache: bool) -> Store:
        language = language_of_text(text)
        first = snapshot.read_header(text)
        position = first.seq if first is not None else 0
        journal = Journal.open(jpath, readonly=True, language=language, session=path, position=position)
        store = cls(path, journal, author or default_author(), readonly=True)
        store.lost = loss_on_reading(jpath, journal, path, language, position)
        if store.lost is not None:
            store.notices.append(store.lost.render(language=language))
        try:
            header = snapshot.read_header(text)
            if journal is None or journal.empty:
                base = parse(text, path)
                store._set_session(base)
                store.file_ours = header is not None and header.ours
                if header is not None and header.seq > 0:
                    key = "notice_journal_missing_shown" if journal is None else "notice_journal_behind_shown"
                    store.notices.append(
                        word(key, base.workshop.language, name=jpath.name, file=path.name, seq=header.seq, last=0)
                    )
                if journal is not None:
                    journal.close()
                    store.journal = None
                return store
            for attempt in range(_READ_ATTEMPTS):
                with journal.reading():
                    # The journal's state is fixed first, then the file is read: a fold in another process
                    # renames the file before it commits, so the file read is never older than the journal
                    # seen (an older file would look like a hand edit that lost its id).
                    last = journal.last_seq()
                    text = read_text(path)
                    header = snapshot.read_header(text)
                    if header is not None and header.seq > last and attempt + 1 < _READ_ATTEMPTS:
                        continue  # a fold committed between the two reads: look again
                    base = store._parse(text, trust_cache=trust_cache)
                    journal.language = base.workshop.language
                    store._check_identity(base, header)
                    if header is not None and header.seq > last:
                        store.notices.append(
                            word(
                                "notice_journal_behind_shown",
                                base.workshop.language,
                                name=jpath.name,
                                file=path.name,
                                seq=header.seq,
                                last=last,
                            )
                        )
                    store._start(base, text, header)
                    break
        except BaseException:
            if journal is not None:
                journal.close()
            raise
        return store

    @classmethod
    def _open_writing(
        cls, path: Path, jpath: Path, text: str, author: str | None, backup: bool, trust_cache: bool
    ) -> Store:
        language = language_of_text(text)
        header = snapshot.read_header(text)
        parsed: tuple[str, Session] | None = None
        if not os.path.lexists(jpath):
            if header is not None and header.seq > 0:
                raise _journal_lost_error(path, jpath, header.seq, None, language)
            base = parse(text, path)
            parsed = (text, base)  # every problem is reported before anything is created
            language = base.workshop.language
        elif header is not None and header.seq > 0 and _is_empty_file(jpath):
            raise _journal_lost_error(path, jpath, header.seq, 0, language)
        position = header.seq if header is not None else 0
        journal = Journal.open(jpath, language=language, session=path, position=position)
        assert journal is not None
        store = cls(path, journal, author or default_author())
        try:
            with store._opening(), journal.write():
                again = read_text(path)
                if parsed is not None and parsed[0] == again:
                    text, base = parsed  # parsed a moment ago, before the journal existed
                    journal.cache_snapshot(_cache_key(text), base.model_dump_json())
                else:
                    text = again
                    base = store._parse(text, remember=True, trust_cache=trust_cache)
                journal.language = base.workshop.language
                header = snapshot.read_header(text)
                store._fresh = store._fresh and not journal.created
                store._check_identity(base, header)
                last = journal.last_seq()
                if header is not None and header.seq > last:
                    raise _journal_lost_error(path, jpath, header.seq, last, base.workshop.language)
                store._start(base, text, header)
                store._clean_stray_temporaries()
                if backup:  # once the journal has been read whole: a refused opening leaves no copy behind
                    store._backup_on_open(base.workshop.language)
        except BaseException:
            journal.close()
            if journal.created:
                remove_journal(jpath)
            raise
        return store

    @contextmanager
    def _opening(self) -> Iterator[None]:
        """While opening to write: a failure of SQLite or the disk becomes a StorageError that says what to do."""
        assert self.journal is not None
        try:
            yield
        except (SessionError, ChangeRefused):
            raise
        except (sqlite3.Error, OSError) as error:
            language = self.journal.language
            raise StorageError(
                self.journal.path, [problem_for(error, self.journal.path, language, session=self.path)], language
            ) from error

    def _check_identity(self, base: Session, header: snapshot.Header | None) -> None:
        """Refuse a journal of another session; a journal without an identity takes the file's (or a new one).

        The file's identity is its ``[workshop] id``, or, when a hand edit lost that line, the one in its first line.
        """
        journal = self.journal
        assert journal is not None
        language = base.workshop.language
        own = base.workshop.id or (header.session if header is not None else "")
        known = journal.get_meta("session_id") or ""
        if not known:
            self.session_id = own or ("" if self.readonly else new_session_id())
            if not self.readonly:
                journal.set_meta("session_id", self.session_id)
        elif own and own != known:
            raise storage_error(
                journal.path,
                language,
                "journal_foreign",
                "fix_journal_foreign",
                name=journal.path.name,
                file=self.path.name,
                found=known,
                own=own,
                session=self.path,
            )
        elif not own and journal.get_meta("session_id_written") == "1":
            raise storage_error(
                journal.path,
                language,
                "journal_foreign_no_id",
                "fix_journal_foreign_no_id",
                name=journal.path.name,
                file=self.path.name,
                found=known,
                session=self.path,
            )
        else:
            self.session_id = known
        self._adopt(base)

    def _adopt(self, session: Session) -> None:
        """A file without an id (hand-written, or from before ids) takes the journal's: the next fold writes it."""
        if not session.workshop.id and self.session_id:
            session.workshop.id = self.session_id

    def _parse(self, text: str, remember: bool = False, trust_cache: bool = True) -> Session:
        """Parse the file, from the journal's cache when it holds exactly this text.

        The cache holds the session the store itself validated last (when it wrote the file,
        or read it), under the checksum of the file's text: when the text is still exactly
        that, the session is taken from the cache without validating it again (the start of
        the app, most days). Any other text, a hand edit above all, is parsed and validated.
        Call inside the journal's write lock; ``remember`` caches a fresh parse for next time.
        """
        assert self.journal is not None
        key = _cache_key(text)
        cached = self.journal.cached_snapshot(key) if trust_cache else None
        if cached is not None:
            try:
                if len(cached) > REVIVE_LIMIT:
                    return Session.model_validate_json(cached)
                return revive(Session, json.loads(cached))
            except Exception:  # noqa: BLE001 - a cache this version cannot read: read the TOML itself
                pass
        self._fresh = True
        session = parse(text, self.path)
        if remember:
            self.journal.cache_snapshot(key, session.model_dump_json())
        return session

    def _start(self, base: Session, text: str, header: snapshot.Header | None) -> None:
        journal = self.journal
        assert journal is not None
        self._adopt(base)
        self.generation = journal.get_meta("generation", "0") or "0"
        folded_before = journal.get_number("folded_seq")
        folded = header.seq if header else folded_before
        self.folded = folded
        if not self.readonly:
            journal.ensure_after(folded)
        pending = journal.since(folded)
        self._set_session(base)
        self.file_ours = header is not None and header.ours
        # A file with a checksum that no longer matches, or one that lost its header after the
        # store had written it, was edited by hand.
        hand_edited = (header is not None and not header.ours) or (header is None and folded_before > 0)
        if hand_edited and pending and not self.readonly:
            self._merge(base, text, header, pending, opening=True, state=None)
            return
        if self._fresh and not self.readonly:
            self._announce_new_base()
        self._replay(pending)
        self.seq = pending[-1].seq if pending else max(folded, 0)
        if hand_edited and pending and self.readonly:
            self.notices.append(word("notice_hand_edit_shown", self.language, name=self.path.name, count=len(pending)))
        problems = check(self.session) if pending else []
        if problems:
            for problem in problems:
                problem.message += word("after_replaying", self.language)
            raise SessionError(self.path, problems, self.language)
        self.file_state = FileState.of(self.path)
        journal.changed()

    def _announce_new_base(self) -> None:
        """This store starts from a text of the file the others have not seen (edited by hand while they ran):
        they start again from the file, and tell their users. Otherwise their next fold would drop the edit."""
        assert self.journal is not None
        generation = str(self.journal.get_number("generation") + 1)
        self.journal.set_meta("generation", generation)
        self.journal.set_meta("last_merge", json.dumps({"by": self.instance, "store": self._token, "count": 0}))
        self.generation = generation

    def _replay(self, events: list[Event], session: Session | None = None, index: NoteIndex | None = None) -> None:
        """Apply the journal's changes; a change the model cannot take means a damaged journal (a StorageError)."""
        target = self.session if session is None else session
        where = self.index if index is None else index
        for event in events:
            try:
                apply(target, from_journal(event.ops), where)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError) as error:
                assert self.journal is not None
                detail = word(
                    "journal_detail_change",
                    self.language,
                    seq=event.seq,
                    reason=type(error).__name__ if not isinstance(error, ValidationError) else "model",
                )
                problem = damaged_problem(self.journal.path, self.path, detail, self.language)
                raise StorageError(self.journal.path, [problem], self.language) from None

    def _set_session(self, session: Session) -> None:
        """Hold ``session`` as the one in memory, indexed, and count the change."""
        self.session = session
        self.index = NoteIndex(session)
        self.version += 1

    def _clean_stray_temporaries(self) -> None:
        """Remove the temporary files of this session a killed process left (inside the write lock: no fold runs)."""
        for stray in stray_temporaries(self.path):
            with contextlib.suppress(OSError):
                stray.unlink()

    def _backup_on_open(self, language: str) -> None:
        """Keep a copy of the file as it was opened; when none can be made (a full disk), say so and go on."""
        try:
            snapshot.backup(self.path)
        except OSError as error:
            problem = problem_for(error, snapshot.backups_dir(self.path), language)
            self.notices.append(word("notice_no_backup", language, name=self.path.name, reason=problem.message))

    def _tell_once(self, notice: str) -> None:
        """Add a notice unless the same one was given before (a fold that fails every 30 s says so once)."""
        if notice not in self._told:
            self._told.add(notice)
            self.notices.append(notice)

    # Keeping up with the others --------------------------------------------------------------
    def refresh(self) -> list[Event]:
        """Take in the changes other processes made; returns them. Cheap when there are none."""
        if self.journal is None or not self.journal.changed():
            return []
        return self._catch_up()

    def _catch_up(self) -> list[Event]:
        assert self.journal is not None
        generation = self.journal.get_meta("generation", "0") or "0"
        if generation != self.generation:
            self._reload()
            return []
        events = self.journal.since(self.seq)
        for event in events:
            self._replay([event])
            self.seq = event.seq
        if events:
            self.version += 1
        return events

    def _reload(self) -> None:
        """Another process took in a hand edit: start again from the file and the journal, and tell the user."""
        assert self.journal is not None
        state = FileState.of(self.path)
        text = read_text(self.path)
        header = snapshot.read_header(text)
        base = self._parse(text)
        self._adopt(base)
        self.generation = self.journal.get_meta("generation", "0") or "0"
        self.folded = header.seq if header else self.journal.get_number("folded_seq")
        self._set_session(base)
        events = self.journal.since(self.folded)
        self._replay(events)
        self.seq = events[-1].seq if events else self.folded
        self.file_state = state
        self.file_ours = header is not None and header.ours
        self.file_blocked = False
        self._tell_merge_elsewhere()

    def _tell_merge_elsewhere(self) -> None:
        """The notice of a hand edit another program took in (the merging one tells its own user itself)."""
        assert self.journal is not None
        try:
            merge = json.loads(self.journal.get_meta("last_merge", "{}") or "{}")
        except ValueError:
            return
        if not isinstance(merge, dict) or merge.get("store") == self._token:
            return
        language = self.language
        count = merge.get("count", 0)
        if count:
            notice = word(
                "notice_merged_elsewhere",
                language,
                name=self.path.name,
                count=count,
                copy=merge.get("copy", ""),
                by=merge.get("by", "?"),
            )
        else:
            notice = word("notice_taken_elsewhere", language, name=self.path.name, by=merge.get("by", "?"))
        self.notices.append(notice)

    def poll(self) -> bool:
        """Refresh from the journal and notice hand edits of the file. True if anything changed."""
        version = self.version
        if self.journal is None:
            return False
        if not self.readonly and self.journal.identity() != self._journal_file:
            self._journal_gone()
            return True
        self.refresh()
        if not self.readonly and FileState.of(self.path) != self.file_state:
            self._file_changed()
        return self.version != version

    def _journal_gone(self) -> None:
        """The journal was deleted or replaced under us: keep what we hold, say so, write no more.

        Everything this instance knows is in memory; it goes into a copy in ``.backups`` (never
        over the session file, which may hold another version now), and the store stops writing:
        the next open says the journal is missing and how to go on.
        """
        assert self.journal is not None
        language = self.language
        jpath = self.journal.path
        try:
            copy: str = str(self._save_copy("app"))
        except OSError as error:
            copy = problem_for(error, snapshot.backups_dir(self.path), language).message
        self.stopped = word("notice_journal_gone", language, name=jpath.name, copy=copy, file=self.path.name)
        self.notices.append(self.stopped)
        self.journal.close()
        self.journal = None

    # Changing ------------------------------------------------------------------------------
    def transact(
        self,
        label: str,
        build: Callable[[Session], Iterable[Op]],
        *,
        undoable: bool = True,
        action: str = "do",
        target: int | None = None,
    ) -> Event | None:
        """Make a change durable. ``build`` sees the latest session and returns the operations.

        Runs inside the journal's write lock, after catching up with every other process, so
        the change is computed from the newest state. Returns the event, or None if
        ``build`` returned nothing. Raises ChangeRefused if the result would be invalid, and
        WriteFailed (a ChangeRefused) when it cannot be written; nothing is written then.
        """
        with self._writing() as journal:
            self._catch_up()
            ops = list(build(self.session))
            if not ops and action == "do":
                return None
            self._validate(ops)
            data = to_journal(ops)
            at = now().isoformat()
            seq = journal.append(
                at=at,
                author=self.author,
                instance=self.instance,
                action=action,
                target=target,
                label=label,
                undoable=undoable,
                ops=data,
                device=self.device,
            )
        apply(self.session, ops, self.index)
        self.seq = seq
        self.version += 1
        return Event(seq, at, self.author, self.instance, action, target, label, undoable, data)

    def _writable(self) -> Journal:
        """The journal, to write to; a WriteFailed that says why when this store may not write."""
        if self.journal is None or self.readonly:
            language = self.language
            reason = self.stopped or word("refused_read_only", language, name=self.path.name)
            raise WriteFailed([Problem(reason, word("fix_refused_read_only", language))], language)
        return self.journal

    @contextmanager
    def _writing(self) -> Iterator[Journal]:
        """The journal's write transaction; a failure of the disk or the journal becomes a WriteFailed."""
        journal = self._writable()
        try:
            with journal.write():
                yield journal
        except ChangeRefused:
            raise
        except SessionError as error:
            raise WriteFailed(error.problems, error.language) from error
        except (sqlite3.Error, OSError) as error:
            language = self.language
            raise WriteFailed([problem_for(error, journal.path, language, session=self.path)], language) from error

    def _validate(self, ops: list[Op]) -> None:
        """Refuse ``ops`` (ChangeRefused) when the session they would leave is not valid."""
        notes = [op for op in ops if isinstance(op, NoteChanged)]
        if len(notes) == len(ops) and len(ops) <= 50:
            problems = [p for op in notes if op.after is not None for p in self._check_note(op.after)]
            added = sum(1 for op in notes if op.before is None and op.after is not None)
            if added and len(self.session.notes) + added > limits.NOTES:
                problems.append(
                    too_many(("notes",), len(self.session.notes) + added, limits.NOTES, "count_notes", self.language)
                )
        else:
            candidate = self.session.model_copy()
            candidate.notes = list(self.session.notes)
            try:
                apply(candidate, ops, NoteIndex(candidate))
            except ValidationError as error:
                name = next((op.name for op in ops if isinstance(op, SectionChanged)), "notes")
                raise ChangeRefused(problems_from(error, self.language, prefix=(str(name),)), self.language) from None
            problems = check(candidate)
        if problems:
            raise ChangeRefused(problems, self.language)

    def _check_note(self, note: Note) -> list[Problem]:
        """What is wrong with a note's references (the quick check of a change of notes only)."""
        session = self.session
        language = self.language
        problems = []
        if session.station(note.station) is None:
            problems.append(
                Problem(word("note_unknown_station", language, id=note.station), word("note_fix_station", language))
            )
        if note.group is not None and session.group(note.group) is None:
            problems.append(
                Problem(word("note_unknown_group", language, id=note.group), word("note_fix_group", language))
            )
        rounds = max(len(session.round_items()), len(session.rotation))
        if not 1 <= note.round <= max(rounds, 1):
            problems.append(
                Problem(
                    word("note_unknown_round", language, number=note.round),
                    word("note_fix_round", language, rounds=rounds),
                )
            )
        for category in note.categories:
            if session.category(category) is None:
                problems.append(
                    Problem(word("note_unknown_category", language, id=category), word("note_fix_category", language))
                )
        return problems

    # Notes --------------------------------------------------------------------------------
    def _new_note(self, data: dict[str, Any]) -> Note:
        """A note from its fields; a ChangeRefused worded like ``workshop check`` when one does not fit."""
        try:
            return Note.model_validate(data)
        except ValidationError as error:
            raise ChangeRefused(problems_from(error, self.language, prefix=("notes",)), self.language) from None

    def add_note(
        self,
        station: str,
        round_number: int,
        text: str,
        *,
        group: str | None = None,
        categories: Iterable[str] = (),
        author: str | None = None,
    ) -> Note:
        """Add a note; the group defaults to the one the rotation puts at the station."""
        moment = now()
        note = self._new_note(
            {
                "station": station,
                "round": round_number,
                "group": group,
                "text": text,
                "categories": list(dict.fromkeys(categories)),
                "author": self.author if author is None else author,
                "created": moment,
                "updated": moment,
            }
        )

        def build(session: Session) -> list[Op]:
            if note.group is None:
                there = groups_at(session, station, round_number)
                note.group = there[0] if len(there) == 1 else None
            return [NoteChanged(None, note)]

        self.transact(change_label("note_added"), build)
        return self.index.get(note.id) or note

    def edit_note(self, note_id: str, label: str | None = None, **changes: Any) -> Note:
        """Change fields of a note (text, categories, group, ...); ``label`` says what for undo."""

        def build(session: Session) -> list[Op]:
            before = self._note(note_id)
            data = before.model_dump()
            data.update(changes)
            if data == before.model_dump():
                return []
            data["updated"] = now()
            return [NoteChanged(before, self._new_note(data))]

        self.transact(label or change_label("note_edited"), build)
        return self._note(note_id)

    def delete_note(self, note_id: str) -> None:
        """Delete a note (undo brings it back)."""
        self.transact(change_label("note_deleted"), lambda session: [NoteChanged(self._note(note_id), None)])

    def toggle_category(self, note_id: str, category_id: str) -> Note:
        """Put the category on the note, or take it off if it is there."""

        def build(session: Session) -> list[Op]:
            before = self._note(note_id)
            categories = list(before.categories)
            if category_id in categories:
                categories.remove(category_id)
            else:
                categories.append(category_id)
            after = before.model_copy(update={"categories": categories, "updated": now()})
            return [NoteChanged(before, after)]

        self.transact(change_label("category_toggled"), build)
        return self._note(note_id)

    def _note(self, note_id: str) -> Note:
        """The note with this id; a KeyError that says so when someone else has deleted it."""
        note = self.index.get(note_id)
        if note is None:
            raise KeyError(word("note_gone", self.language, id=note_id))
        return note

    # Sections -----------------------------------------------------------------------------
    def set_section(self, name: str, value: Any, label: str, *, undoable: bool = True) -> Event | None:
        """Replace one part of the session (codebook, stations, live state, ...)."""

        def build(session: Session) -> list[Op]:
            op = SectionChanged.of(session, name, value)
            return [op] if op.changed else []

        return self.transact(label, build, undoable=undoable)

    def change(self, label: str, edit: Callable[[Session], Iterable[Op]], *, undoable: bool = True) -> Event | None:
        """A change of several parts at once (merging categories moves notes and the codebook)."""
        return self.transact(label, edit, undoable=undoable)

    def keep_draft(self, place: str, text: str, base: str = "") -> bool:
        """Keep what this device is typing at ``place`` (:func:`workshop.storage.drafts.keep`)."""
        from workshop.storage import drafts  # (drafts reads the store: imported here, not at the top)

        return drafts.keep(self, place, text, base)

    def forget_draft(self, place: str) -> bool:
        """The text at ``place`` was saved: its draft goes (:func:`workshop.storage.drafts.forget`)."""
        from workshop.storage import drafts

        return drafts.forget(self, place)

    def draft(self, place: str) -> Draft | None:
        """This device's draft at ``place`` (:func:`workshop.storage.drafts.draft`)."""
        from workshop.storage import drafts

        return drafts.draft(self, place)

    def note(self, note_id: str) -> Note | None:
        """The note with this id, or None."""
        return self.index.get(note_id)

    def changes_since(self, seq: int = 0) -> list[Event]:
        """The changes after number ``seq``, oldest first (none when there is no journal)."""
        return [] if self.journal is None else self.journal.since(seq)

    # Undo and redo ------------------------------------------------------------------------
    # ``lanes`` (:mod:`workshop.storage.lanes`) keeps undo to one person's part of the work: the
    # app passes its mode's lanes (``lanes_for_mode("secretariat")``), so the facilitator's ctrl+z
    # never takes back the secretariat's summary, even when both run as the same login. None (the
    # default, for scripts): the author's changes in every lane, as one history.
    def can_undo(self, *, lanes: Iterable[str] | None = None) -> bool:
        """Has this author a change (in ``lanes``) that undo can take back?"""
        return self._stack(0, lanes)

    def can_redo(self, *, lanes: Iterable[str] | None = None) -> bool:
        """Has this author undone a change (in ``lanes``) that redo can bring back?"""
        return self._stack(1, lanes)

    def _stack(self, which: int, lanes: Iterable[str] | None) -> bool:
        chosen = checked(lanes)
        if self.journal is None or self.readonly:
            return False
        try:
            return bool(self.journal.undo_stacks(self.author, lanes=chosen, device=self.device)[which])
        except (sqlite3.Error, SessionError):
            return False

    def undo(self, *, lanes: Iterable[str] | None = None) -> Event | None:
        """Undo this author's latest change in ``lanes`` (also one made before a restart); None when there is none.

        With a :attr:`device`: that device's latest change, whoever's name signed it, never another device's.

        The returned event's label is the original's behind "undo: " (``describe_change`` words it).
        """
        return self._step("undo", checked(lanes))

    def redo(self, *, lanes: Iterable[str] | None = None) -> Event | None:
        """Bring back this author's latest change undone in ``lanes``; None when there is none."""
        return self._step("redo", checked(lanes))

    def _step(self, action: str, lanes: frozenset[str] | None) -> Event | None:
        """Undo or redo: the label is the original change's behind "undo: " or "redo: "."""
        with self._writing() as journal:
            self._catch_up()
            done, undone = journal.undo_stacks(self.author, lanes=lanes, device=self.device)
            stack = done if action == "undo" else undone
            if not stack:
                return None
            original = journal.event(stack[-1])
        assert original is not None
        towards = "before" if action == "undo" else "after"
        label = f"{action}: {original.label}"
        event = self.transact(
            label,
            lambda session: shift_ops(original.ops, session, self.index, towards),
            action=action,
            target=original.seq,
        )
        return event

    def history(self, limit: int = 200) -> list[Event]:
        """The newest changes first, with who and when (the audit trail)."""
        return [] if self.journal is None else self.journal.history(limit)

    # Folding into the TOML file ---------------------------------------------------------------
    def pending(self) -> int:
        """How many changes the TOML file does not hold yet (none for a store that does not write)."""
        if self.journal is None or self.readonly:
            return 0
        return max(self.seq - self.folded, 0)

    def fold(self) -> bool:
        """Write every change into the TOML file. False when the file may not (or cannot) be written now.

        Never raises for a full disk or a read-only folder: every change is safe in the journal,
        and a notice says why the file was not written.
        """
        if self.journal is None or self.readonly:
            return False
        journal = self.journal
        try:
            with journal.write():
                self._catch_up()
                if FileState.of(self.path) != self.file_state and not self._file_changed(locked=True):
                    return False
                if self.file_blocked:
                    return False
                folded = journal.get_number("folded_seq")
                if folded >= self.seq and self.folded >= self.seq:
                    return True
                self._write_snapshot(self.session, self.seq, self.file_state)
                journal.set_meta("folded_seq", self.seq)
        except _FileMoved:
            return False  # edited by hand this very moment: the next poll merges the edit
        except SessionError as error:
            self._fold_failed(error.problems[0] if error.problems else Problem(str(error)))
            return False
        except (sqlite3.Error, OSError) as error:
            where = journal.path if isinstance(error, sqlite3.Error) else self.path
            self._fold_failed(problem_for(error, where, self.language, session=self.path))
            return False
        self.folded = self.seq
        self.file_state = FileState.of(self.path)
        return True

    def _fold_failed(self, problem: Problem) -> None:
        """Say (once) why the file could not be written; every change stays safe in the journal."""
        self._tell_once(
            word(
                "notice_fold_failed", self.language, name=self.path.name, reason=problem.render(language=self.language)
            )
        )

    def _write_snapshot(self, session: Session, seq: int, expected: FileState | None) -> None:
        """Write the TOML file and remember its parsed form (inside the journal's write lock).

        A file the store did not write itself is copied to ``.backups`` first (and the user told when
        its comments go); the write is left undone should the file change while it is being written.
        """
        assert self.journal is not None
        if not self.file_ours:
            self._keep_hand_written()

        def unchanged() -> None:
            if expected is not None and FileState.of(self.path) != expected:
                raise _FileMoved

        text = snapshot.write(self.path, session, seq, guard=unchanged)
        self.journal.cache_snapshot(_cache_key(text), session.model_dump_json())
        if session.workshop.id:
            self.journal.set_meta("session_id_written", "1")
        self.file_ours = True

    def _keep_hand_written(self) -> None:
        """Before the first write over a file a person wrote: a copy in ``.backups``, and a word about its comments."""
        try:
            text = read_text(self.path)
        except SessionError:
            return
        header = snapshot.read_header(text)
        if header is not None and header.ours:
            return
        copy = snapshot.existing_copy(self.path) or snapshot.backup(self.path, "hand-edit")
        if snapshot.has_comments(text):
            self._tell_once(word("notice_comments_dropped", self.language, name=self.path.name, copy=copy))

    def close(self) -> None:
        """Fold and let go of the journal. If the file may not be overwritten, keep a copy."""
        if self.journal is None:
            return
        try:
            if not self.readonly and not self.fold() and self.file_blocked:
                try:
                    copy = self._save_copy("app")
                except OSError as error:
                    reason = problem_for(error, snapshot.backups_dir(self.path), self.language).message
                    self.notices.append(word("notice_no_copy", self.language, name=self.path.name, reason=reason))
                else:
                    self.notices.append(word("notice_left_with_errors", self.language, name=self.path.name, copy=copy))
        finally:
            self.journal.close()
            self.journal = None

    def _save_copy(self, tag: str) -> Path:
        """Keep the app's version of the session in ``.backups`` (the file itself may not be written)."""
        target = snapshot.backup_path(self.path, tag)
        write_atomic(target, snapshot.render(self.session, self.seq))
        return target

    # Hand edits ------------------------------------------------------------------------------
    def _file_changed(self, locked: bool = False) -> bool:
        """The file is not as we left it. True when it is fine to go on writing it."""
        journal = self._writable()
        state = FileState.of(self.path)
        try:
            text = read_text(self.path)
        except SessionError as error:
            self.file_blocked = True
            self.file_state = state
            self._tell_once(str(error))
            return False
        header = snapshot.read_header(text)
        if header is not None and header.ours:
            # Another instance folded: nothing to merge.
            self.file_state = state
            self.folded = max(self.folded, header.seq)
            self.file_blocked = False
            self.file_ours = True
            return True
        if locked:
            return self._hand_edit(text, header, state)
        with journal.write():
            self._catch_up()
            return self._hand_edit(text, header, state)

    def _hand_edit(self, text: str, header: snapshot.Header | None, state: FileState | None) -> bool:
        try:
            base = parse(text, self.path)
        except SessionError as error:
            if not self.file_blocked:
                self.notices.append(
                    word("notice_hand_edit_problems", self.language, name=self.path.name, problems=error)
                )
            self.file_blocked = True
            self.file_state = state
            return False
        assert self.journal is not None
        if base.workshop.id and self.session_id and base.workshop.id != self.session_id:
            if not self.file_blocked:
                self.notices.append(
                    word("notice_hand_edit_id", self.language, name=self.path.name, own=self.session_id)
                )
            self.file_blocked = True
            self.file_state = state
            return False
        self._adopt(base)
        folded = header.seq if header else self.folded
        pending = self.journal.since(folded)
        if not pending:
            self._take_hand_edit(base, state)
            return True
        try:
            self._merge(base, text, header, pending, opening=False, state=state)
        except _FileMoved:
            return False  # edited again while the merge was being written: the next look merges that
        return not self.file_blocked

    def _take_hand_edit(self, base: Session, state: FileState | None) -> None:
        """A hand edit with no change of the journal to add: it is the session now, and the file stays as written."""
        self._announce_new_base()
        self._set_session(base)
        self.file_state = state
        self.file_ours = False
        self.file_blocked = False
        self.notices.append(word("notice_hand_edit_taken", self.language, name=self.path.name))

    def _merge(
        self,
        base: Session,
        text: str,
        header: snapshot.Header | None,
        pending: list[Event],
        *,
        opening: bool,
        state: FileState | None,
    ) -> None:
        """Put the journal's changes that the file lacks on top of a hand-edited file."""
        assert self.journal is not None
        copy = snapshot.backup(self.path, "hand-edit")
        merged = base.model_copy(deep=True)
        index = NoteIndex(merged)
        conflicts: set[str] = set()
        first_before: dict[str, Any] = {}
        for event in pending:
            for op in event.ops:
                key = op["id"] if op["t"] == "note" else op["name"]
                first_before.setdefault(key, op)
        for key, op in first_before.items():
            if op["t"] == "note":
                if dump_note(index.get(key)) != op["before"]:
                    conflicts.add("notes")
            elif dump_section(merged, key) != op["before"]:
                conflicts.add(key)
        self._replay(pending, merged, index)
        language = merged.workshop.language
        problems = check(merged)
        if problems:
            self.file_blocked = True
            self.file_state = state
            if opening:
                for problem in problems:
                    problem.message += word("after_merging", language)
                raise SessionError(self.path, problems, language)
            listed = "\n".join(p.render(language=language) for p in problems)
            self.notices.append(word("notice_hand_edit_misfit", language, name=self.path.name, problems=listed))
            return
        seq = pending[-1].seq if pending else (header.seq if header else self.seq)
        generation = str(self.journal.get_number("generation") + 1)
        self._commit_merge(merged, seq, generation, state)
        count = sum(len(e.ops) for e in pending)
        merge = {"by": self.instance, "store": self._token, "count": count, "copy": str(copy)}
        self.journal.set_meta("last_merge", json.dumps(merge))
        message = word("notice_hand_edit_merged", language, name=self.path.name, count=count, copy=copy)
        if conflicts:
            message += word("notice_both_changed", language, parts=", ".join(sorted(conflicts)))
        self.notices.append(message)

    def _commit_merge(self, merged: Session, seq: int, generation: str, state: FileState | None) -> None:
        """Write the merged session, and make it the one every instance starts again from."""
        assert self.journal is not None
        self._write_snapshot(merged, seq, state)
        self.journal.set_meta("folded_seq", seq)
        self.journal.set_meta("generation", generation)
        self.generation = generation
        self._set_session(merged)
        self.seq = seq
        self.folded = seq
        self.file_blocked = False
        self.file_state = FileState.of(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cache_key(text: str) -> str:
    """Where the journal keeps the session parsed from ``text``: the text's checksum, for this model only."""
    return f"{model_fingerprint()}:{snapshot.text_checksum(text)}"


def _is_empty_file(path: Path) -> bool:
    """Is the journal an empty file (emptied by someone)?"""
    try:
        return os.stat(path).st_size == 0
    except OSError:
        return False


def _journal_lost_error(path: Path, jpath: Path, seq: int, last: int | None, language: str) -> StorageError:
    """The journal is missing or behind the file's first line: say so, and how to go on (nothing is written)."""
    backups = snapshot.backups_dir(path)
    if last is None:
        return storage_error(
            jpath,
            language,
            "journal_missing",
            "fix_journal_lost",
            name=jpath.name,
            file=path.name,
            seq=seq,
            backups=backups,
            session=path,
        )
    return storage_error(
        jpath,
        language,
        "journal_behind",
        "fix_journal_lost",
        name=jpath.name,
        file=path.name,
        seq=seq,
        last=last,
        backups=backups,
        session=path,
    )
