"""Who is at each device: a device is one person, asked their name once and remembered for that device only.

A *device* is one browser (its own random cookie, set by ``workshop serve`` on its first visit) or one
terminal running ``workshop run``. Its id goes with every change it makes (the journal records it)
and undo takes back that device's changes only, whatever name it signed with: two devices whose
people typed the same name never share an undo, and no device inherits another's name.

The names are kept in a small file beside the session, ``sessions/.NAME.authors`` (readable by its
owner only), by device id. A device that skips the question is given a name that tells it apart,
"Notetager 2, station 2" ("Note-taker 2, station 2"), kept for that device too: never the
computer's login, which every browser on the serving laptop would share.

**A terminal's device** (:func:`terminal_device`): the same person restarting ``workshop run`` for
the same station (or mode) with the same ``--author`` on the same computer expects their own undo
and name back, so a terminal's id is made from those (login, computer, session, mode, station,
author). Two terminals open at the same time with the same ones are still two devices: each holds
a lock on its id while it runs (released when it ends, a crash included), and the second takes the
next free number ("...-2"). ``--device ID`` gives a terminal an id of its own choosing.

Why a file of its own, not the journal's changes: a name typed here is one device's setting, not a
change of the session; in the history it would be undone and redone with the notes.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workshop.storage.atomic_file import PRIVATE_FILE, PRIVATE_FOLDER, write_atomic
from workshop.words import word

DEVICE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}")
"""What a device id may be (``--device``): letters, digits and ``_.:-``, at most 100 characters."""

_HELD: dict[str, int] = {}
"""The terminal ids this process holds (id -> the descriptor of its lock), for as long as it runs."""


def is_device_id(text: str) -> bool:
    """Can ``text`` be a device id (``--device``)?"""
    return DEVICE_PATTERN.fullmatch(text) is not None


def authors_file(session: Path) -> Path:
    """Where the names are kept: ``.NAME.authors`` beside the session file."""
    return session.with_name(f".{session.stem}.authors")


def _lock_file(session: Path) -> Path:
    return session.with_name(f".{session.stem}.authors.lock")


@contextlib.contextmanager
def _locked(session: Path) -> Iterator[None]:
    """One writer of the names at a time (several browsers' apps may name themselves at once)."""
    descriptor = os.open(_lock_file(session), os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _read(session: Path) -> dict[str, Any]:
    """The file as ``{"devices": {id: name}, "unnamed": {id: number}}``; an unreadable or older file counts as empty."""
    try:
        data = json.loads(authors_file(session).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"devices": {}, "unnamed": {}}
    if not isinstance(data, dict):
        data = {}
    devices = data.get("devices")
    unnamed = data.get("unnamed")
    names = devices.items() if isinstance(devices, dict) else []
    numbers = unnamed.items() if isinstance(unnamed, dict) else []
    return {
        "devices": {str(k): v for k, v in names if isinstance(v, str) and v.strip()},
        "unnamed": {str(k): v for k, v in numbers if isinstance(v, int) and not isinstance(v, bool) and v > 0},
    }


def _write(session: Path, data: dict[str, Any]) -> None:
    write_atomic(authors_file(session), json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def remembered_author(session: Path, device: str) -> str | None:
    """The name this device gave before (or was given when it skipped), if any."""
    if not device:
        return None
    name: str | None = _read(session)["devices"].get(device)
    return name


def remember_author(session: Path, device: str, name: str) -> None:
    """Keep the name this device's person gave (for the next time this device opens the session)."""
    if not device:
        return
    with _locked(session):
        data = _read(session)
        data["devices"][device] = name
        _write(session, data)


def unnamed_author(session: Path, device: str, station: str | None, language: str) -> str:
    """The name of a device that skipped the question: "Notetager 2, station 2", its number kept for the device.

    ``station`` is how the station is called ("2"); the number is the device's among those that skipped,
    so two devices that skip are never the same person.
    """
    with _locked(session):
        data = _read(session)
        number = data["unnamed"].get(device) if device else None
        if number is None:
            number = max(data["unnamed"].values(), default=0) + 1
            if device:
                data["unnamed"][device] = number
                with contextlib.suppress(OSError):
                    _write(session, data)
    key = "unnamed_author_at" if station else "unnamed_author"
    return word(key, language, number=number, station=station or "")


def clean_name(text: str) -> str:
    """A name as typed, with runs of spaces made one and none around it."""
    return " ".join(text.split())


# Terminals -----------------------------------------------------------------------------------------


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name: the computer alone tells terminals apart
        return ""


def _locks_folder() -> Path | None:
    """A folder of this user's only for the terminals' locks (the runtime folder, else one in the temp folder)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime and os.path.isdir(runtime) else Path(tempfile.gettempdir())
    folder = base / f"workshop-devices-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=PRIVATE_FOLDER)
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None  # not ours alone: no lock there (the terminal gets an id of its own instead)
    return folder


def _hold(device: str) -> bool:
    """Take the lock of ``device`` for as long as this process runs; False when another terminal holds it."""
    if device in _HELD:
        return False
    folder = _locks_folder()
    if folder is None:
        return False
    try:
        descriptor = os.open(
            folder / f"{device}.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE
        )
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return False
    _HELD[device] = descriptor
    return True


def release(device: str) -> None:
    """Let go of a terminal's id (it ends; a process that ends lets go of it anyway)."""
    descriptor = _HELD.pop(device, None)
    if descriptor is not None:
        with contextlib.suppress(OSError):
            os.close(descriptor)


def terminal_device(session: Path, *, mode: str, station: str | None, author: str | None) -> str:
    """This terminal's device id: the same for the same person starting the same way again, never one in use.

    Made from the login, the computer, the session, the mode, the station and ``--author``; when a
    terminal that is still running holds that id, the next number is taken ("terminal-…-2").
    """
    seed = "\0".join([_login(), socket.gethostname(), str(session.resolve()), mode, station or "", author or ""])
    base = "terminal-" + hashlib.sha256(seed.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    for number in range(1, 100):
        device = base if number == 1 else f"{base}-{number}"
        if _hold(device):
            return device
    return f"terminal-{os.urandom(8).hex()}"  # no lock to be had: a device of its own for this run
