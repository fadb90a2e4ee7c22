"""The links a facilitator hands out, the access token they carry, and what a link may ask for.

A link is ``http://ADDRESS:PORT/?token=T`` plus what it opens: ``&station=s2`` (that station's
note-taker, optionally ``&name=Anna``), ``&mode=facilitator``, ``&mode=secretariat`` or ``&mode=comment`` (a
member reads the draft recommendations and comments on their sections, nothing else). Without a
station or mode it opens the note-taker's mode, which asks for the station and the name. Everything
in a link is data: :func:`read_link` checks it against the session before anything is started,
and the app is started from an argument list, never through a shell.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
import socket
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

MODES = ("facilitator", "notes", "secretariat", "comment")
"""The app's modes a link may open (``mode=...``)."""

NAME_LIMIT = 60
"""The longest note-taker's name a link may carry, in characters."""

TOKEN_BYTES = 16
"""Random bytes in a new access token: 128 bits, 22 characters in a link (a short link, a small QR code)."""

TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,128}")
"""What a token given with ``--token`` must look like: URL-safe, so that it stands in a link unchanged."""

LOOPBACK = "127.0.0.1"
"""Where ``workshop serve`` listens unless told otherwise: this computer only."""


class LinkRefused(ValueError):
    """A link asks for something the session does not have; ``key`` and ``values`` give the words for the page."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Launch:
    """What one browser session opens: a mode, perhaps a station, perhaps the note-taker's name."""

    mode: str
    station: str | None = None
    name: str | None = None
    device: str | None = None
    """The browser's device id (from its cookie: :mod:`workshop.serving.devices`), not from the link."""


def new_token() -> str:
    """A fresh random access token for this start of ``workshop serve``."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_is_usable(token: str) -> bool:
    """Can ``token`` (from ``--token``) stand in a link unchanged and is it long enough to guess at no cost?"""
    return TOKEN_PATTERN.fullmatch(token) is not None


def token_matches(given: str | None, token: str) -> bool:
    """Is ``given`` the access token? Compared in constant time, so the answer's speed tells nothing."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), token.encode("utf-8"))


def single(query: Mapping[str, str] | object, field: str) -> str | None:
    """The one value of ``field`` in a link's query (aiohttp's MultiDict or a plain dict); refused if twice."""
    getall = getattr(query, "getall", None)
    if getall is not None:
        values: list[str] = list(getall(field, []))
        if len(values) > 1:
            raise LinkRefused("serve_twice", field=field)
        return values[0] if values else None
    if isinstance(query, Mapping):
        value = query.get(field)
        return None if value is None else str(value)
    return None


def clean_name(name: str | None) -> str | None:
    """The note-taker's name from a link, trimmed; None when empty; refused when it is not a plain name."""
    if name is None:
        return None
    name = name.strip()
    if not name:
        return None
    if len(name) > NAME_LIMIT or not name.isprintable():
        raise LinkRefused("serve_bad_name", limit=NAME_LIMIT)
    return name


def read_link(query: Mapping[str, str] | object, stations: Sequence[str], session_name: str) -> Launch:
    """What a link asks to open, checked against the session's station ids; :class:`LinkRefused` if it cannot be.

    ``station`` must be a station id of the session, ``mode`` one of :data:`MODES` and ``name`` a
    plain name of at most :data:`NAME_LIMIT` printable characters. Other fields (``token``,
    ``fontsize``) are the server's business and not looked at here.
    """
    mode = single(query, "mode")
    station = single(query, "station")
    name = clean_name(single(query, "name"))
    if mode is not None and mode not in MODES:
        raise LinkRefused("serve_bad_mode", mode=mode)
    if mode == "comment":  # a member's comment link opens the drafts only: no station, the name is asked
        station = None
    if station is not None and station not in stations:
        raise LinkRefused("serve_no_station", station=station, session=session_name, known=", ".join(stations))
    return Launch(mode=mode or "notes", station=station, name=name)


# Addresses ---------------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """Is ``host`` this computer only (127.x, ::1, localhost)?"""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """Does ``host`` mean every address of this computer (0.0.0.0, ::)? Such an address is never put in a link."""
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return host == ""


def _usable(candidates: Iterable[str]) -> str | None:
    for address in candidates:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            continue
        if not (ip.is_loopback or ip.is_unspecified or ip.is_link_local or ip.is_multicast):
            return address
    return None


def _route_address() -> list[str]:
    """The address this computer would send from towards a private network, found without sending anything.

    A UDP socket's ``connect`` only picks the route and the source address; no packet leaves.
    """
    found: list[str] = []
    for target in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.connect((target, 9))
                found.append(probe.getsockname()[0])
        except OSError:
            continue
    return found


def _hostname_addresses() -> list[str]:
    try:
        return socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        return []


def lan_address() -> str | None:
    """This computer's address on the local network (for ``--lan``), or None when it is on none.

    The route towards a private address comes first; the host name's addresses are the fallback.
    """
    return _usable(_route_address()) or _usable(_hostname_addresses())


def base_url(host: str, port: int, tls: bool = False) -> str:
    """``http://192.168.1.23:8000``: where a browser finds the server (IPv6 in brackets, default ports left out)."""
    scheme = "https" if tls else "http"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    default = 443 if tls else 80
    return f"{scheme}://{host}" if port == default else f"{scheme}://{host}:{port}"


# Links -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Links:
    """The links of one start of ``workshop serve``: every one carries the access token."""

    base: str
    """``http://ADDRESS:PORT`` as a browser on the network reaches the server (never 0.0.0.0)."""
    token: str

    def page(self, **fields: str) -> str:
        """The app's page with the token and ``fields`` in its query, in that order."""
        query = urlencode({"token": self.token, **fields}, quote_via=quote)
        return f"{self.base}/?{query}"

    def facilitator(self) -> str:
        """The facilitator's own link: the clock, the programme and the board."""
        return self.page(mode="facilitator")

    def secretariat(self) -> str:
        """The secretariat's link: review, summaries, exports (as downloads)."""
        return self.page(mode="secretariat")

    def comment(self, name: str | None = None) -> str:
        """The members' comment link between meetings: read the drafts and comment on their sections, nothing else.

        Without a name the app asks for it once per device; with one, the comments are signed by it."""
        return self.page(mode="comment") if not name else self.page(mode="comment", name=name)

    def join(self) -> str:
        """The note-takers' general link: the app asks for the station and the name."""
        return self.page()

    def station(self, station: str, name: str | None = None) -> str:
        """A station's join link: straight to that station's note-taking, with the name on the notes if given."""
        return self.page(station=station) if not name else self.page(station=station, name=name)
