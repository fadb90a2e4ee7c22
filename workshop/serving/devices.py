"""Each browser is a device of its own: a random cookie, set on its first visit, names it to the app.

``workshop serve`` gives every browser a cookie (:data:`COOKIE`: random, ``HttpOnly``,
``SameSite=Strict``, kept for a year) on its first page. The app of each of its tabs is started with
``--device browser-<digest>``: a digest of the cookie, so the cookie itself never stands in a process
list or the journal. The app remembers the device's name, takes back only that device's changes on
undo, and keeps what it typed as that device's drafts (see :mod:`workshop.storage.authors`). The
same browser coming back (a reload, a new tab, a restart of ``serve`` on the same computer) is the
same device; another browser, or a private window, is another.
"""

from __future__ import annotations

import hashlib
import re
import secrets

COOKIE = "workshop_device"
"""The device cookie's name (one for every port: a browser is one device whichever evening it joins)."""
COOKIE_SECONDS = 365 * 24 * 3600
"""How long a browser keeps its device cookie."""
_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,64}")


def device_cookie(given: str | None) -> tuple[str, bool]:
    """The browser's device cookie, and whether it is new (to be set): a cookie of another shape is replaced."""
    if given and _SHAPE.fullmatch(given):
        return given, False
    return secrets.token_urlsafe(32), True


def device_id(cookie: str) -> str:
    """The device id the app is given for a browser's cookie: ``browser-`` and 24 hex digits of its digest."""
    return "browser-" + hashlib.sha256(cookie.encode("ascii", "replace")).hexdigest()[:24]
