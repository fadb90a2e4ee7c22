"""The session's TOML file as the snapshot of its journal.

Its first line records how far into the journal it reaches and a checksum of the rest:

    # workshop: journal 42, sha256 1f2e3d4c5b6a7988 - edit below this line freely

When the checksum no longer matches, a person has edited the file by hand; the store then
merges the journal's newer changes on top of the edit instead of overwriting it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workshop.model.session import Session
from workshop.storage.atomic_file import make_private_folder, replacing, write_atomic
from workshop.storage.session_file import TOP_COMMENT, dumps

_HEADER = re.compile(r"^# workshop: journal (\d{1,18}), sha256 ([0-9a-f]{16})(?:, session ([0-9A-Za-z-]{1,64}))?\b.*\n")
"""The store's first line; a position of more than 18 digits is no position the store wrote."""
BACKUPS_KEPT = 5


@dataclass(frozen=True)
class Header:
    """What the first line of a snapshot says about the file."""

    seq: int
    """The last journal change the file contains."""
    ours: bool
    """True when the body is exactly what the store wrote (no hand edit since)."""
    session: str = ""
    """The session's identity as the store wrote it (also in ``[workshop] id``; a hand edit may lose that one)."""


def checksum(body: str) -> str:
    """The short checksum of a snapshot's body, as its header line records it."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def text_checksum(text: str) -> str:
    """The checksum of a whole file's text (for the parsed-snapshot cache)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_header(text: str) -> Header | None:
    """The header of a snapshot, or None when the file has none (new or hand-written)."""
    match = _HEADER.match(text)
    if not match:
        return None
    body = text[match.end() :]
    return Header(int(match[1]), checksum(body) == match[2], match[3] or "")


def render(session: Session, seq: int) -> str:
    """The snapshot's text: the header line, then the session as TOML."""
    body = dumps(session)
    identity = f", session {session.workshop.id}" if re.fullmatch(r"[0-9A-Za-z-]{1,64}", session.workshop.id) else ""
    return f"# workshop: journal {seq}, sha256 {checksum(body)}{identity} - edit below this line freely\n{body}"


def write(path: Path, session: Session, seq: int, guard: Callable[[], None] | None = None) -> str:
    """Write the snapshot atomically; returns the text written.

    ``guard``: see :func:`~workshop.storage.atomic_file.replacing`. A session that is a symbolic link
    is written through it: the file it points to gets the new text, and the link stays.
    """
    text = render(session, seq)
    write_atomic(path, text, guard, through_link=True)
    return text


def backups_dir(path: Path) -> Path:
    """The folder of a session file's backups: ``.backups`` beside it (its owner's only)."""
    return path.parent / ".backups"


def backup_path(path: Path, tag: str = "") -> Path:
    """A new backup's place: ``.backups/<name>[-tag]-<time>.toml`` (the folder is made if missing)."""
    folder = backups_dir(path)
    make_private_folder(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{tag}" if tag else ""
    return folder / f"{path.stem}{suffix}-{stamp}.toml"


def backup(path: Path, tag: str = "") -> Path | None:
    """Copy the session file into ``.backups/`` beside it; keep the last five of each kind.

    When the newest copy of the kind is exactly the file as it is now, no new copy is made (five
    copies of one version protect nothing, and the copy and its fsync cost every start).
    """
    if not path.is_file():
        return None
    pattern = _pattern(path, tag)
    copies = sorted(backups_dir(path).glob(pattern))
    if copies and _same_bytes(copies[-1], path):
        return copies[-1]
    target = backup_path(path, tag)
    with replacing(target) as temporary:
        shutil.copyfile(path, temporary)
    copies = sorted(target.parent.glob(pattern))
    for old in copies[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target


def existing_copy(path: Path, tags: tuple[str, ...] = ("", "hand-edit")) -> Path | None:
    """The newest backup of these kinds that holds exactly the file as it is now, if there is one."""
    for tag in tags:
        copies = sorted(backups_dir(path).glob(_pattern(path, tag)))
        if copies and _same_bytes(copies[-1], path):
            return copies[-1]
    return None


def _pattern(path: Path, tag: str) -> str:
    """The names of one kind of backup of ``path``: ``<stem>[-tag]-YYYYMMDD-*.toml`` (not those of "<stem>-2")."""
    suffix = f"-{tag}" if tag else ""
    return f"{path.stem}{suffix}-{'[0-9]' * 8}-*.toml"


def has_comments(text: str) -> bool:
    """Does a session's text hold a comment a person wrote (``# ...``)? The store's own first lines do not count.

    The file the store writes keeps no comments, so before it first writes over a hand-written
    file with comments, a copy is kept and the user is told.
    """
    match = _HEADER.match(text)
    body = text[match.end() :] if match else text
    body = body.removeprefix(TOP_COMMENT)
    quote = ""
    index = 0
    length = len(body)
    while index < length:
        character = body[index]
        if quote:
            if quote in ('"', '"""') and character == "\\":
                index += 2
                continue
            if body.startswith(quote, index):
                index += len(quote)
                quote = ""
                continue
            if character == "\n" and len(quote) == 1:
                quote = ""  # an unclosed one-line string: the parser would have refused it anyway
            index += 1
            continue
        if character == "#":
            return True
        for opener in ('"""', "'''", '"', "'"):
            if body.startswith(opener, index):
                quote = opener
                index += len(opener)
                break
        else:
            index += 1
    return False


def _same_bytes(one: Path, other: Path) -> bool:
    """Do the two files hold the same bytes? (False when either cannot be read.)"""
    try:
        return one.stat().st_size == other.stat().st_size and one.read_bytes() == other.read_bytes()
    except OSError:
        return False
