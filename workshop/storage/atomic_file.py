"""Writing a file so that a crash leaves either the old file or the new one, never half of either.

Every file the app writes that holds people's names (the session, exports, backups) goes through
:func:`replacing`: the new content goes to a temporary file made with ``mkstemp`` beside the target
(a random name opened with ``O_EXCL``, so a link planted in a shared folder is never followed), is
flushed to disk, gets the target's mode (an existing file keeps its own; a new one is readable by
its owner only) and replaces the target in one rename.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE_FILE = 0o600
"""A new file that holds people's names: readable and writable by its owner only."""
PRIVATE_FOLDER = 0o700
"""A new folder for such files (backups, exports)."""

TEMPORARY_SUFFIX = ".tmp"


def temporary_prefix(path: Path) -> str:
    """Temporary files for ``path`` are named ``.<name>.<random>.tmp`` beside it."""
    return f".{path.name}."


@contextmanager
def replacing(
    path: Path, guard: Callable[[], None] | None = None, *, through_link: bool = False, private: bool = False
) -> Iterator[Path]:
    """Yield a fresh temporary file beside ``path``; when the block ends without an error, it becomes ``path``.

    The block writes the temporary file by name (a document writer's ``save(path)`` works). On
    an error the temporary file is removed and ``path`` is left as it was. ``guard`` is called
    just before the rename: raising there (the file was edited by hand meanwhile) leaves ``path`` alone.
    ``through_link``: when ``path`` is a symbolic link (a session kept on a USB stick or in a shared
    folder, linked from ``sessions/``), the file it points to is replaced, in its own folder, and
    the link stays a link. ``private``: the new file is readable by its owner only, whatever mode
    an older file had (a token, an announcement).
    """
    path = linked_file(Path(path)) if through_link else Path(path)
    descriptor, name = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=TEMPORARY_SUFFIX, dir=path.parent)
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, PRIVATE_FILE if private else _mode_for(path))
        _fsync_file(temporary)
        if guard is not None:
            guard()
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_atomic(
    path: Path,
    text: str,
    guard: Callable[[], None] | None = None,
    *,
    through_link: bool = False,
    private: bool = False,
) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically and durably.

    ``guard``, ``through_link`` and ``private``: see :func:`replacing`.
    """
    with (
        replacing(path, guard, through_link=through_link, private=private) as temporary,
        open(temporary, "w", encoding="utf-8", newline="\n") as handle,
    ):
        handle.write(text)


def linked_file(path: Path) -> Path:
    """The file a symbolic link leads to, through every link on the way; ``path`` itself when it is no link.

    Only the last part is followed: the folders on the way stay as they are named.
    """
    path = Path(path)
    for _ in range(40):  # as many links as the system follows
        try:
            target = os.readlink(path)
        except OSError:
            return path
        path = path.parent / target  # relative to the link's folder (an absolute target replaces it)
    return path


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to a new file ``path``, never over anything already there (a file, a folder or a link).

    The text is written whole to a temporary file first and then linked in under its name, which
    fails when the name is taken, even by a link that points nowhere: ``workshop new`` never
    replaces a file, and never follows a link someone planted.
    """
    path = Path(path)
    if os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    descriptor, name = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=TEMPORARY_SUFFIX, dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, PRIVATE_FILE)
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:
            # A file system without hard links: create the name exclusively and write it in place.
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(path, flags, PRIVATE_FILE), "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
    finally:
        temporary.unlink(missing_ok=True)
    fsync_dir(path.parent)


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) if missing; a folder made here is the owner's only."""
    folder = Path(folder)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)


def stray_temporaries(path: Path) -> list[Path]:
    """Temporary files of ``path`` left behind by a process that died while writing it."""
    found: set[Path] = set()
    for place in dict.fromkeys((Path(path), linked_file(Path(path)))):  # a linked session is written beside its file
        prefix = temporary_prefix(place)
        try:
            found.update(
                p for p in place.parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(TEMPORARY_SUFFIX)
            )
        except OSError:
            continue
    return sorted(found)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return PRIVATE_FILE


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
