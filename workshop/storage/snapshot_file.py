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
from dataclasses import dataclass
from pathlib import Path

from workshop.model.session import Session
from workshop.storage.session_file import dumps, write_atomic

_HEADER = re.compile(r"^# workshop: journal (\d+), sha256 ([0-9a-f]{16})\b.*\n")
BACKUPS_KEPT = 5


@dataclass(frozen=True)
class Header:
    seq: int
    """The last journal change the file contains."""
    ours: bool
    """True when the body is exactly what the store wrote (no hand edit since)."""


def checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def text_checksum(text: str) -> str:
    """The checksum of a whole file's text (for the parsed-snapshot cache)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_header(text: str) -> Header | None:
    """The header of a snapshot, or None when the file has none (new or hand-written)."""
    match = _HEADER.match(text)
    if not match:
        return None
    body = text[match.end():]
    return Header(int(match[1]), checksum(body) == match[2])


def render(session: Session, seq: int) -> str:
    body = dumps(session)
    return f"# workshop: journal {seq}, sha256 {checksum(body)} - edit below this line freely\n{body}"


def write(path: Path, session: Session, seq: int) -> str:
    """Write the snapshot atomically; returns the text written."""
    text = render(session, seq)
    write_atomic(path, text)
    return text


def backups_dir(path: Path) -> Path:
    return path.parent / ".backups"


def backup(path: Path, tag: str = "") -> Path | None:
    """Copy the session file into ``.backups/`` beside it; keep the last five of each kind."""
    if not path.is_file():
        return None
    folder = backups_dir(path)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{tag}" if tag else ""
    target = folder / f"{path.stem}{suffix}-{stamp}.toml"
    shutil.copy2(path, target)
    pattern = f"{path.stem}{suffix}-[0-9]*.toml"
    copies = sorted(folder.glob(pattern))
    for old in copies[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return target
