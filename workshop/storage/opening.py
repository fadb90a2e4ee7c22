"""Opening a session: its file read and validated (or taken from the journal's cache), the journal's
changes the file lacks replayed, a hand edit merged; to write (a journal made when there is none,
a backup taken) or to read only (nothing at all written).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workshop.model.problems import DEFAULT_LANGUAGE, Problem, SessionError, language_of_text
from workshop.model.session import Session
from workshop.storage import snapshot_file as snapshot
from workshop.storage.failures import StorageError, problem_for, storage_error
from workshop.storage.hand_edits import HandEditedSync
from workshop.storage.journal import Journal, journal_path, loss_on_reading, remove_journal
from workshop.storage.session_file import parse, read_text
from workshop.storage.sync import READ_ATTEMPTS, SessionSync, cache_key
from workshop.storage.writer import ChangeRefused
from workshop.words import word


def open_sync(
    path: Path | str,
    *,
    backup: bool = True,
    readonly: bool = False,
    trust_cache: bool = True,
) -> SessionSync:
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
        return _open_reading(path, jpath, text, trust_cache)
    return _open_writing(path, jpath, text, backup, trust_cache)


def _open_reading(path: Path, jpath: Path, text: str, trust_cache: bool) -> SessionSync:
    language = language_of_text(text)
    header = snapshot.read_header(text)
    position = header.seq if header is not None else 0
    journal = Journal.open(jpath, readonly=True, language=language, session=path, position=position)
    store = HandEditedSync(path, journal, readonly=True)
    store.lost = loss_on_reading(jpath, journal, path, language, position)
    if store.lost is not None:
        store.notices.append(store.lost.render(language=language))
    try:
        if journal is None or journal.empty:
            if journal is not None and journal.has_table("snapshot_cache"):
                with journal.reading():  # no change yet, but the session the store validated may be cached
                    base = store.parse_text(text, trust_cache=trust_cache)
            else:
                base = parse(text, path)
            store.set_session(base)
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
        for attempt in range(READ_ATTEMPTS):
            with journal.reading():
                # The journal's state is fixed first, then the file is read: a fold in another process
                # renames the file before it commits, so the file read is never older than the journal
                # seen (an older file would look like a hand edit that lost its id).
                last = journal.last_seq()
                text = read_text(path)
                header = snapshot.read_header(text)
                if header is not None and header.seq > last and attempt + 1 < READ_ATTEMPTS:
                    continue  # a fold committed between the two reads: look again
                base = store.parse_text(text, trust_cache=trust_cache)
                journal.language = base.workshop.language
                store.check_identity(base, header)
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
                store.start(base, header)
                break
    except BaseException:
        if journal is not None:
            journal.close()
        raise
    return store


def _open_writing(path: Path, jpath: Path, text: str, backup: bool, trust_cache: bool) -> SessionSync:
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
    store = HandEditedSync(path, journal)
    try:
        with _opening(store), journal.write():
            again = read_text(path)
            if parsed is not None and parsed[0] == again:
                text, base = parsed  # parsed a moment ago, before the journal existed
                journal.cache_snapshot(cache_key(text), base.model_dump_json())
            else:
                text = again
                base = store.parse_text(text, remember=True, trust_cache=trust_cache)
            journal.language = base.workshop.language
            header = snapshot.read_header(text)
            store.fresh = store.fresh and not journal.created
            store.check_identity(base, header)
            last = journal.last_seq()
            if header is not None and header.seq > last:
                raise _journal_lost_error(path, jpath, header.seq, last, base.workshop.language)
            store.start(base, header)
            store.clean_stray_temporaries()
            if backup:  # once the journal has been read whole: a refused opening leaves no copy behind
                store.backup_on_open(base.workshop.language)
    except BaseException:
        journal.close()
        if journal.created:
            remove_journal(jpath)
        raise
    return store


@contextmanager
def _opening(self: SessionSync) -> Iterator[None]:
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


def read_session(path: Path | str) -> Session:
    """The session as it is now (its file and its journal), read only: nothing is written, no store is opened.

    Raises SessionError (a StorageError for the journal) when it cannot be used.
    """
    sync = open_sync(path, backup=False, readonly=True)
    try:
        return sync.session
    finally:
        sync.close()
