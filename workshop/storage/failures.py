"""When the disk, the folder or the journal fails: a message a person can act on, never a traceback.

The operating system and SQLite say "database or disk is full", "attempt to write a readonly
database" or "unable to open database file"; :func:`translated` turns each into a
:class:`StorageError` whose one problem names the file, what is wrong and the fix, in the
session's language. Nothing acknowledged is lost by such a failure: a change is on disk in the
journal before it is shown, and a change that could not be written is refused whole.
"""

from __future__ import annotations

import errno
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workshop.model.problems import DEFAULT_LANGUAGE, Problem, SessionError
from workshop.words import word


class StorageError(SessionError):
    """The journal, the folder or the disk cannot be used as it is: damaged, of another session, read-only, full."""


DISK_FULL = "disk_full"
READ_ONLY = "read_only"
LOCKED = "locked"
DAMAGED = "damaged"
CANNOT_OPEN = "cannot_open"
IO = "io"


def kind_of(error: BaseException) -> str:
    """What went wrong, as one of the kinds above (or "other")."""
    if isinstance(error, OSError):
        code = error.errno
        if code in (errno.ENOSPC, errno.EDQUOT):
            return DISK_FULL
        if code in (errno.EROFS, errno.EACCES, errno.EPERM):
            return READ_ONLY
        if code == errno.EIO:
            return IO
        return "other"
    text = str(error).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DISK_FULL
    if "readonly" in text or "read-only" in text:
        return READ_ONLY
    if "locked" in text or "busy" in text:
        return LOCKED
    if "unable to open" in text:
        return CANNOT_OPEN
    if "disk i/o" in text:
        return IO
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
        return DAMAGED  # "file is not a database", "database disk image is malformed"
    if "malformed" in text or "not a database" in text or "no such table" in text or "no such column" in text:
        return DAMAGED
    return "other"


def problem_for(error: BaseException, path: Path, language: str, *, session: Path | None = None) -> Problem:
    """The problem of a failed read or write of ``path`` (the journal, the session file, a backup)."""
    kind = kind_of(error)
    if kind in (IO, CANNOT_OPEN, "other") and disk_full(path):
        kind = DISK_FULL  # SQLite says "disk I/O error" when it cannot grow its -shm file on a full disk
    name = path.name
    folder = path.parent
    if kind == DISK_FULL:
        return Problem(word("storage_disk_full", language, name=name), word("fix_disk_full", language))
    if kind == READ_ONLY:
        key = "storage_read_only_folder" if _folder_at_fault(error, path) else "storage_read_only_file"
        return Problem(word(key, language, name=name, folder=folder), word("fix_read_only", language, path=path))
    if kind == CANNOT_OPEN:
        return Problem(
            word("storage_cannot_open", language, name=name, folder=folder), word("fix_read_only", language, path=path)
        )
    if kind == LOCKED:
        return Problem(word("storage_locked", language, name=name), word("fix_locked", language))
    if kind == DAMAGED:
        return damaged_problem(path, session or session_of(path), _reason(error), language)
    return Problem(
        word("storage_failed", language, name=name, reason=_reason(error)), word("fix_storage_failed", language)
    )


def damaged_problem(journal: Path, session: Path, detail: str, language: str) -> Problem:
    """The problem of a damaged journal, with the two ways out: a backup, or a new journal from the file.

    ``detail`` in SQLite's or the journal reader's own English ("file is not a database", "change 3:
    its operations are not JSON") is said in the catalogue's plain words (:func:`plain_detail`).
    """
    return Problem(
        word("journal_damaged", language, name=journal.name, detail=plain_detail(detail, language)),
        word("fix_journal_damaged", language, name=journal.name, session=session),
    )


def plain_detail(detail: str, language: str) -> str:
    """What is wrong with a damaged journal in plain words: SQLite's and the reader's English replaced.

    A detail already in the catalogue's words (a missing table, another program's tables) is kept.
    """
    change = re.match(r"change (\d+):", detail)
    if change:
        return word("journal_detail_change", language, seq=int(change.group(1)))
    text = detail.lower()
    if "not a database" in text:
        return word("journal_detail_not_a_log", language)
    if "malformed" in text or "corrupt" in text:
        return word("journal_detail_garbled", language)
    return detail


def session_of(path: Path) -> Path:
    """The session a journal (``aften.toml.journal``, or the older ``aften.journal``) belongs to."""
    if path.suffix != ".journal":
        return path
    named = path.with_name(path.name.removesuffix(".journal"))
    return named if named.suffix else path.with_suffix(".toml")


def _reason(error: BaseException) -> str:
    """The operating system's or SQLite's own short reason (English, as they give it)."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def disk_full(path: Path) -> bool:
    """Is the disk that holds ``path`` (all but) full?"""
    import os

    folder = path if path.is_dir() else path.parent
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024


def _folder_at_fault(error: BaseException, path: Path) -> bool:
    """Was it the folder that could not be written (a new file in it), rather than the file itself?

    SQLite says "readonly database" when the journal itself is write-protected; the file system
    names the file it could not make or change, and a file that does not exist yet was to be made
    in the folder.
    """
    if not isinstance(error, OSError):
        return False
    named = error.filename2 if isinstance(error.filename2, str) else error.filename  # a rename names its target second
    failed = Path(named) if isinstance(named, str) else path
    return not failed.exists() or failed.is_dir()


@contextmanager
def translated(path: Path, language: str = DEFAULT_LANGUAGE, *, session: Path | None = None) -> Iterator[None]:
    """Turn a failure of SQLite or of the file system inside the block into a :class:`StorageError`."""
    try:
        yield
    except StorageError:
        raise
    except (sqlite3.Error, OSError) as error:
        problem = problem_for(error, path, language, session=session)
        raise StorageError(path, [problem], language) from error


def storage_error(path: Path, language: str, key: str, fix: str, **values: object) -> StorageError:
    """A StorageError of one problem with the catalogue's words for ``key`` and ``fix``."""
    return StorageError(path, [Problem(word(key, language, **values), word(fix, language, **values))], language)
