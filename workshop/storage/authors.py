"""Whose notes these are: asked once per person, remembered beside the session.

``workshop run`` without ``--author`` would sign every note with the machine's login ("root").
The note-taker's screen asks for a name instead, the first time a person opens it, and keeps
the answer in a small file beside the session, ``sessions/.NAME.authors`` (readable by its
owner only), keyed by the login, the machine and the station. Next time that person (the same
login on the same machine, at the same station) is not asked again.

Why a file of its own, not the journal: a name typed here is one person's setting on one
machine, not a change of the session. In the journal it would travel to every instance and
into the undo history, and a second note-taker on another machine would find it as theirs.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

from workshop.storage.atomic_file import write_atomic
from workshop.storage.store import default_author


def authors_file(session: Path) -> Path:
    """Where the names are kept: ``.NAME.authors`` beside the session file."""
    return session.with_name(f".{session.stem}.authors")


def person(station: str | None) -> str:
    """Who is asking: the login on this machine, at this station."""
    return f"{default_author()}@{socket.gethostname()}" + (f" {station}" if station else "")


def _read(session: Path) -> dict[str, str]:
    try:
        data = json.loads(authors_file(session).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or unreadable: ask again
    if not isinstance(data, dict):
        return {}
    return {str(key): str(value) for key, value in data.items() if isinstance(value, str) and value.strip()}


def remembered_author(session: Path, station: str | None) -> str | None:
    """The name this person gave at this station before, if any."""
    return _read(session).get(person(station))


def remember_author(session: Path, station: str | None, name: str) -> None:
    """Keep the name this person gave at this station (for the next time the app opens)."""
    names = _read(session)
    names[person(station)] = name
    write_atomic(authors_file(session), json.dumps(names, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def clean_name(text: str) -> str:
    """A name as typed, with runs of spaces made one and none around it."""
    return " ".join(text.split())
