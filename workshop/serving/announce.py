"""What `workshop serve` keeps beside the session: its access token, and while it runs, where it is.

Two files beside the session file, each named after the session's whole file name (a copy kept
beside it, ``aften.toml.old``, has files of its own), each readable and writable by its owner only:

- ``.<session>.serve-token``: the access token in the links. It is kept across restarts, so the
  links and QR codes handed out stay valid when `workshop serve` is started again on the same
  session; ``workshop serve --new-token`` (or ``--token T``) replaces it, and the old links stop working.
- ``.<session>.serve.json``: while the server runs, the address the links carry, the token and the
  server's process id, for the board's join view (:func:`running_links`). Removed when the server
  stops; one left behind by a server that was killed is ignored (its process is gone) and removed
  at the next start.

A folder where these files cannot be written is said as such (:class:`CannotWrite`), before anything listens.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path

from workshop.serving.lifeline import alive
from workshop.serving.links import Links, new_token, token_is_usable
from workshop.storage.atomic_file import write_atomic

READ_LIMIT = 4096
"""More than this in one of these files is not ours."""


class CannotWrite(Exception):
    """One of serve's files beside the session cannot be written (a read-only folder, a full disk)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def announcement_path(session: Path) -> Path:
    """``sessions/.meeting-3.toml.serve.json`` for ``sessions/meeting-3.toml``."""
    return session.parent / f".{session.name}.serve.json"


def token_path(session: Path) -> Path:
    """``sessions/.meeting-3.toml.serve-token`` for ``sessions/meeting-3.toml``."""
    return session.parent / f".{session.name}.serve-token"


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, readable by its owner only (whatever mode an older file had).

    :class:`CannotWrite` when the folder does not allow it.
    """
    try:
        write_atomic(path, text, private=True)
    except OSError as error:
        raise CannotWrite(path, error.strerror or str(error)) from None


def read_private(path: Path) -> str | None:
    """The text of one of our files: a regular file of this user, never through a link; None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode) or found.st_uid != os.getuid():
            return None
        return os.read(descriptor, READ_LIMIT).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    finally:
        os.close(descriptor)


def kept_token(session: Path, *, given: str | None = None, new: bool = False) -> tuple[str, bool]:
    """The access token for this start of the server, and whether it is new (the old links stop working).

    The token kept beside the session is used again, unless ``new`` (``--new-token``) or ``given``
    (``--token``) replace it; a kept token that is missing, unreadable, not usable or readable by
    others is replaced by a fresh one. The token is then kept for the next start
    (:class:`CannotWrite` when the folder does not allow it).
    """
    path = token_path(session)
    kept = None if new else read_private(path)
    kept = kept.strip() if kept else None
    private = _private(path)
    if given is not None and given == kept and private:
        return given, False
    if given is not None:
        token, fresh = given, True
    elif kept is not None and token_is_usable(kept) and private:
        return kept, False
    else:
        token, fresh = new_token(), True
    write_private(path, token + "\n")
    return token, fresh


def _private(path: Path) -> bool:
    """Is ``path`` readable and writable by its owner only (no one else may have seen the token)?"""
    try:
        return stat.S_IMODE(path.lstat().st_mode) & 0o077 == 0
    except OSError:
        return False


def announce(session: Path, links: Links) -> Path:
    """Say that this process serves ``session`` with ``links`` (owner-only, replaced atomically).

    :class:`CannotWrite` when the folder does not allow it.
    """
    path = announcement_path(session)
    write_private(path, json.dumps({"base": links.base, "token": links.token, "pid": os.getpid()}) + "\n")
    return path


def clear_stale(session: Path) -> bool:
    """Remove an announcement left behind by a server that is gone (killed); True if there was one."""
    path = announcement_path(session)
    if not os.path.lexists(path):
        return False
    pid = _announced_pid(read_private(path))
    if pid is not None and pid != os.getpid() and alive(pid):
        return False
    with contextlib.suppress(OSError):
        path.unlink()
        return True
    return False


def _announced_pid(text: str | None) -> int | None:
    try:
        return int(json.loads(text or "")["pid"])
    except (ValueError, KeyError, TypeError):
        return None


def withdraw(session: Path) -> None:
    """Remove this process's announcement (another server's is left alone)."""
    path = announcement_path(session)
    if _announced_pid(read_private(path)) == os.getpid():
        with contextlib.suppress(OSError):
            path.unlink()


def running_links(session: Path) -> Links | None:
    """The links of the `workshop serve` running on ``session`` now, or None when none runs.

    For the board's join view: ``links.station(station_id)`` is each station's join link,
    ``workshop.serving.qr.lines(link)`` its QR code.
    """
    try:
        found = json.loads(read_private(announcement_path(session)) or "")
        base, token, pid = str(found["base"]), str(found["token"]), int(found["pid"])
    except (ValueError, KeyError, TypeError):
        return None
    if not alive(pid) or not token_is_usable(token) or not base.startswith(("http://", "https://")):
        return None
    return Links(base, token)
