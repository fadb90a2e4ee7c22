"""While `workshop serve` runs, the session's folder says where: so the board's join view can show the links.

The server writes ``.<session>.serve.json`` beside the session file when it listens (the address the
links carry, the access token, the server's process id), readable by its owner only, and removes
it when it stops. :func:`running_links` reads it for any app on the same session, in a terminal or
in a browser; a file left behind by a server that died is ignored (its process is gone).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from workshop.serving.links import Links, token_is_usable
from workshop.storage.atomic_file import write_atomic


def announcement_path(session: Path) -> Path:
    """``sessions/.meeting-3.serve.json`` for ``sessions/meeting-3.toml``."""
    return session.parent / f".{session.stem}.serve.json"


def announce(session: Path, links: Links) -> Path:
    """Say that this process serves ``session`` with ``links`` (owner-only file, replaced atomically)."""
    path = announcement_path(session)
    write_atomic(path, json.dumps({"base": links.base, "token": links.token, "pid": os.getpid()}) + "\n")
    return path


def withdraw(session: Path) -> None:
    """Remove this process's announcement (another server's is left alone)."""
    path = announcement_path(session)
    with contextlib.suppress(OSError, ValueError):
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_links(session: Path) -> Links | None:
    """The links of the `workshop serve` running on ``session`` now, or None when none runs.

    For the board's join view: ``links.station(station_id)`` is each station's join link,
    ``workshop.serving.qr.lines(link)`` its QR code.
    """
    try:
        found = json.loads(announcement_path(session).read_text(encoding="utf-8"))
        base, token, pid = str(found["base"]), str(found["token"]), int(found["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not _alive(pid) or not token_is_usable(token) or not base.startswith(("http://", "https://")):
        return None
    return Links(base, token)
