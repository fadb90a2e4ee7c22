"""The sync engine behind the store: one session file and its journal, kept in step with every other process.

* The TOML file is the snapshot (readable, what people back up and mail around).
* Every change is first appended to the journal beside it (SQLite, WAL, fsync on commit)
  inside a write transaction that first catches up with everyone else's changes
  (:meth:`SessionSync.writing`, :meth:`SessionSync.catch_up`), so several app instances and
  scripts on one session lose nothing.
* The journal is folded back into the TOML file (temporary file, fsync, rename) on close,
  on export and after a quiet spell (:meth:`SessionSync.fold`); on open
  (:mod:`workshop.storage.opening`), the changes the file does not yet hold are replayed, so a
  crash at any moment loses nothing that was acknowledged.
* A hand edit of the TOML file is noticed (its checksum line no longer matches) and the
  journal's newer changes are merged on top of it (:mod:`workshop.storage.hand_edits`).

The store (:class:`workshop.storage.store.Store`) writes through this; nothing outside storage sees it.
"""

from __future__ import annotations

import abc
import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from workshop.model.problems import DEFAULT_LANGUAGE, Problem, SessionError
from workshop.model.session import Session, model_fingerprint, revive
from workshop.scheduling.checks import check
from workshop.storage import snapshot_file as snapshot
from workshop.storage.atomic_file import stray_temporaries, write_atomic
from workshop.storage.failures import StorageError, damaged_problem, problem_for, storage_error
from workshop.storage.journal import Event, Journal, instance_id
from workshop.storage.operations import NoteIndex, apply, from_journal
from workshop.storage.session_file import parse, read_text
from workshop.storage.writer import ChangeRefused, WriteFailed
from workshop.words import word

REVIVE_LIMIT = 1_000_000
"""Above this many characters of cached JSON (some 3,000 notes), pydantic's validator reads the cache
faster than :func:`~workshop.model.session.revive` rebuilds it, even counting the 15 ms to build it."""


class FileMoved(Exception):
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


READ_ATTEMPTS = 5  # a read-only opening looks again when a fold lands between its reads


def new_session_id() -> str:
    """A fresh identity for a session (and its journal)."""
    import uuid  # here, not at the top: most starts need none

    return str(uuid.uuid4())


class SessionSync(abc.ABC):
    """One session file and its journal, as this process holds them. Not thread-safe: one thread (the app's)."""

    def __init__(self, path: Path, journal: Journal | None, *, readonly: bool = False) -> None:
        self.path = path
        self.journal = journal
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
        self.token = f"{self.instance}:{id(self):x}:{os.urandom(4).hex()}"
        """This store among the others (two apps in one process share a process id)."""
        self.fresh = False
        """True once this store took a text of the file that no store had written or read before (a hand edit)."""
        self.lost: Problem | None = None
        """Opened to read: the journal lost changes it had given (its -wal gone, an older copy put back)."""

    @property
    def language(self) -> str:
        """The session's language: what the store's notices and refusals are written in."""
        session: Session | None = getattr(self, "session", None)
        return session.workshop.language if session is not None else DEFAULT_LANGUAGE

    def check_identity(self, base: Session, header: snapshot.Header | None) -> None:
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
        self.adopt(base)

    def adopt(self, session: Session) -> None:
        """A file without an id (hand-written, or from before ids) takes the journal's: the next fold writes it."""
        if not session.workshop.id and self.session_id:
            session.workshop.id = self.session_id

    def parse_text(self, text: str, remember: bool = False, trust_cache: bool = True) -> Session:
        """Parse the file, from the journal's cache when it holds exactly this text.

        The cache holds the session the store itself validated last (when it wrote the file,
        or read it), under the checksum of the file's text: when the text is still exactly
        that, the session is taken from the cache without validating it again (the start of
        the app, most days). Any other text, a hand edit above all, is parsed and validated.
        Call inside the journal's write lock; ``remember`` caches a fresh parse for next time.
        """
        assert self.journal is not None
        key = cache_key(text)
        cached = self.journal.cached_snapshot(key) if trust_cache else None
        if cached is not None:
            try:
                if len(cached) > REVIVE_LIMIT:
                    return Session.model_validate_json(cached)
                return revive(Session, json.loads(cached))
            except Exception:  # noqa: BLE001 - a cache this version cannot read: read the TOML itself
                pass
        self.fresh = True
        session = parse(text, self.path)
        if remember:
            self.journal.cache_snapshot(key, session.model_dump_json())
        return session

    def start(self, base: Session, header: snapshot.Header | None) -> None:
        journal = self.journal
        assert journal is not None
        self.adopt(base)
        self.generation = journal.get_meta("generation", "0") or "0"
        folded_before = journal.get_number("folded_seq")
        folded = header.seq if header else folded_before
        self.folded = folded
        if not self.readonly:
            journal.ensure_after(folded)
        pending = journal.since(folded)
        self.set_session(base)
        self.file_ours = header is not None and header.ours
        # A file with a checksum that no longer matches, or one that lost its header after the
        # store had written it, was edited by hand.
        hand_edited = (header is not None and not header.ours) or (header is None and folded_before > 0)
        if hand_edited and pending and not self.readonly:
            self.merge(base, header, pending, opening=True, state=None)
            return
        if self.fresh and not self.readonly:
            self.announce_new_base()
        self.replay(pending)
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

    def announce_new_base(self) -> None:
        """This store starts from a text of the file the others have not seen (edited by hand while they ran):
        they start again from the file, and tell their users. Otherwise their next fold would drop the edit."""
        assert self.journal is not None
        generation = str(self.journal.get_number("generation") + 1)
        self.journal.set_meta("generation", generation)
        self.journal.set_meta("last_merge", json.dumps({"by": self.instance, "store": self.token, "count": 0}))
        self.generation = generation

    def replay(self, events: list[Event], session: Session | None = None, index: NoteIndex | None = None) -> None:
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

    def set_session(self, session: Session) -> None:
        """Hold ``session`` as the one in memory, indexed, and count the change."""
        self.session = session
        self.index = NoteIndex(session)
        self.version += 1

    def clean_stray_temporaries(self) -> None:
        """Remove the temporary files of this session a killed process left (inside the write lock: no fold runs)."""
        for stray in stray_temporaries(self.path):
            with contextlib.suppress(OSError):
                stray.unlink()

    def backup_on_open(self, language: str) -> None:
        """Keep a copy of the file as it was opened; when none can be made (a full disk), say so and go on."""
        try:
            snapshot.backup(self.path)
        except OSError as error:
            problem = problem_for(error, snapshot.backups_dir(self.path), language)
            self.notices.append(word("notice_no_backup", language, name=self.path.name, reason=problem.message))

    def tell_once(self, notice: str) -> None:
        """Add a notice unless the same one was given before (a fold that fails every 30 s says so once)."""
        if notice not in self._told:
            self._told.add(notice)
            self.notices.append(notice)

    # Hand edits (:class:`~workshop.storage.hand_edits.HandEditedSync` watches the file) ---------------
    @abc.abstractmethod
    def file_changed(self, locked: bool = False) -> bool:
        """The file is not as we left it. True when it is fine to go on writing it."""

    @abc.abstractmethod
    def merge(
        self,
        base: Session,
        header: snapshot.Header | None,
        pending: list[Event],
        *,
        opening: bool,
        state: FileState | None,
    ) -> None:
        """Put the journal's changes that the file lacks on top of a hand-edited file."""

    # Keeping up with the others --------------------------------------------------------------
    def refresh(self) -> list[Event]:
        """Take in the changes other processes made; returns them. Cheap when there are none."""
        if self.journal is None or not self.journal.changed():
            return []
        return self.catch_up()

    def catch_up(self) -> list[Event]:
        assert self.journal is not None
        generation = self.journal.get_meta("generation", "0") or "0"
        if generation != self.generation:
            self._reload()
            return []
        events = self.journal.since(self.seq)
        for event in events:
            self.replay([event])
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
        base = self.parse_text(text)
        self.adopt(base)
        self.generation = self.journal.get_meta("generation", "0") or "0"
        self.folded = header.seq if header else self.journal.get_number("folded_seq")
        self.set_session(base)
        events = self.journal.since(self.folded)
        self.replay(events)
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
        if not isinstance(merge, dict) or merge.get("store") == self.token:
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
            self.file_changed()
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
            copy: str = str(self.save_copy("app"))
        except OSError as error:
            copy = problem_for(error, snapshot.backups_dir(self.path), language).message
        self.stopped = word("notice_journal_gone", language, name=jpath.name, copy=copy, file=self.path.name)
        self.notices.append(self.stopped)
        self.journal.close()
        self.journal = None

    def writable(self) -> Journal:
        """The journal, to write to; a WriteFailed that says why when this store may not write."""
        if self.journal is None or self.readonly:
            language = self.language
            reason = self.stopped or word("refused_read_only", language, name=self.path.name)
            raise WriteFailed([Problem(reason, word("fix_refused_read_only", language))], language)
        return self.journal

    @contextmanager
    def writing(self) -> Iterator[Journal]:
        """The journal's write transaction; a failure of the disk or the journal becomes a WriteFailed."""
        journal = self.writable()
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
                self.catch_up()
                if FileState.of(self.path) != self.file_state and not self.file_changed(locked=True):
                    return False
                if self.file_blocked:
                    return False
                folded = journal.get_number("folded_seq")
                if folded >= self.seq and self.folded >= self.seq:
                    return True
                self.write_snapshot(self.session, self.seq, self.file_state)
                journal.set_meta("folded_seq", self.seq)
        except FileMoved:
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
        self.tell_once(
            word(
                "notice_fold_failed", self.language, name=self.path.name, reason=problem.render(language=self.language)
            )
        )

    def write_snapshot(self, session: Session, seq: int, expected: FileState | None) -> None:
        """Write the TOML file and remember its parsed form (inside the journal's write lock).

        A file the store did not write itself is copied to ``.backups`` first (and the user told when
        its comments go); the write is left undone should the file change while it is being written.
        """
        assert self.journal is not None
        if not self.file_ours:
            self._keep_hand_written()

        def unchanged() -> None:
            if expected is not None and FileState.of(self.path) != expected:
                raise FileMoved

        text = snapshot.write(self.path, session, seq, guard=unchanged)
        self.journal.cache_snapshot(cache_key(text), session.model_dump_json())
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
            self.tell_once(word("notice_comments_dropped", self.language, name=self.path.name, copy=copy))

    def close(self) -> None:
        """Fold and let go of the journal. If the file may not be overwritten, keep a copy."""
        if self.journal is None:
            return
        try:
            if not self.readonly and not self.fold() and self.file_blocked:
                try:
                    copy = self.save_copy("app")
                except OSError as error:
                    reason = problem_for(error, snapshot.backups_dir(self.path), self.language).message
                    self.notices.append(word("notice_no_copy", self.language, name=self.path.name, reason=reason))
                else:
                    self.notices.append(word("notice_left_with_errors", self.language, name=self.path.name, copy=copy))
        finally:
            self.journal.close()
            self.journal = None

    def save_copy(self, tag: str) -> Path:
        """Keep the app's version of the session in ``.backups`` (the file itself may not be written)."""
        target = snapshot.backup_path(self.path, tag)
        write_atomic(target, snapshot.render(self.session, self.seq))
        return target


def cache_key(text: str) -> str:
    """Where the journal keeps the session parsed from ``text``: the text's checksum, for this model only."""
    return f"{model_fingerprint()}:{snapshot.text_checksum(text)}"
