"""``workshop serve SESSION [--host H] [--port 8000] [--lan] [--token T | --new-token] [--max 30] [--cert F --key F]
[--no-qr] [--cards]``.

Note-takers join from their own devices, in a browser, while the session stays on this computer.
Prints the address, the facilitator's and the secretariat's links, the note-takers' general link,
and one join link with its QR code per station; serves until Ctrl+C, then ends every app it started.
The access token is kept beside the session (owner-only) so the links stay valid across restarts,
until ``--new-token``. ``--cards`` also writes a printable page per station to ``exports/`` and serves on.
Everything printed goes through ``say`` (a name's escape sequences are shown, never obeyed).
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import os
import shutil
import ssl
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.cli.errors import EXIT_OK, Commands, Drawn, UsageError, say

if TYPE_CHECKING:
    from workshop.serving.server import WorkshopServer

QR_GAP = 3
"""Spaces between QR codes printed side by side."""


def add_command(commands: Commands) -> None:
    """Add ``workshop serve`` to the command line."""
    serve = commands.add_parser("serve", help="let note-takers join from their own devices, in a browser")
    serve.add_argument("session", type=Path)
    serve.add_argument("--host", default=None, help="the address to listen on (default 127.0.0.1: this computer only)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000; 0: any free one)")
    serve.add_argument(
        "--lan", action="store_true", help="listen on this computer's network address and put it in the links"
    )
    serve.add_argument(
        "--token",
        default=None,
        help="the access token in the links (default: the one kept beside the session since the last start, "
        "so the links handed out stay valid; a new one the first time)",
    )
    serve.add_argument(
        "--new-token",
        action="store_true",
        help="make a new access token: the links and QR codes handed out before stop working",
    )
    serve.add_argument(
        "--max",
        type=int,
        default=30,
        dest="limit",
        metavar="N",
        help="browsers at once (default 30); past it a page says so",
    )
    serve.add_argument("--cert", type=Path, default=None, help="a TLS certificate (PEM): the links are then https")
    serve.add_argument("--key", type=Path, default=None, help="the certificate's private key (PEM)")
    serve.add_argument("--no-qr", action="store_true", help="print the links without their QR codes")
    serve.add_argument(
        "--cards",
        action="store_true",
        help="also write a printable page per station (name, QR code, link) to exports/, then serve on",
    )
    serve.add_argument(
        "--cold",
        action="store_true",
        help="start each browser's app as a fresh process, not forked from the warm parent (slower to join)",
    )
    serve.set_defaults(handler=cmd_serve)


def tls_context(cert: Path | None, key: Path | None, language: str) -> ssl.SSLContext | None:
    """The server's TLS context from ``--cert`` and ``--key``, or None for plain HTTP."""
    from workshop.words import word

    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise UsageError(word("serve_cert_pair", language))
    for path in (cert, key):
        if not path.is_file():
            raise UsageError(word("serve_no_file", language, path=path))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key)
    except (ssl.SSLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or str(error)
        raise UsageError(word("serve_bad_cert", language, path=cert, reason=reason)) from None
    return context


def addresses(host: str | None, lan: bool, language: str) -> tuple[str, str]:
    """(where to listen, the address the links carry): 127.0.0.1 unless ``--lan`` or ``--host`` ask otherwise."""
    from workshop.serving.links import LOOPBACK, is_wildcard, lan_address
    from workshop.words import word

    if lan:
        found = lan_address()
        if found is None:
            raise UsageError(word("serve_no_lan", language))
        listen = host or found
        return listen, found if is_wildcard(listen) else listen
    listen = host or LOOPBACK
    if is_wildcard(listen):
        return listen, lan_address() or LOOPBACK
    return listen, listen


def cmd_serve(args: argparse.Namespace) -> int:
    """Check everything first (nothing listens on a bad argument), then serve until Ctrl+C."""
    from workshop.serving.announce import CannotWrite, kept_token, token_path
    from workshop.serving.links import token_is_usable
    from workshop.serving.server import WorkshopServer
    from workshop.storage.store import Store
    from workshop.words import word

    store = Store.open(args.session, readonly=True)
    language = store.language
    store.close()
    if args.token is not None and not token_is_usable(args.token):
        raise UsageError(word("serve_bad_token", language))
    if args.limit < 1:
        raise UsageError(word("serve_bad_max", language, value=args.limit))
    if not 0 <= args.port <= 65535:
        raise UsageError(word("serve_bad_port", language, value=args.port))
    context = tls_context(args.cert, args.key, language)
    host, public_host = addresses(args.host, args.lan, language)
    had_token = token_path(args.session).exists()
    try:
        token, fresh = kept_token(args.session, given=args.token, new=args.new_token)
    except CannotWrite as error:
        raise UsageError(word("serve_cannot_write", language, path=error.path, reason=error.reason)) from None
    if not fresh:
        about_token = word("serve_token_kept", language, path=token_path(args.session))
    elif had_token:
        about_token = word("serve_token_replaced", language)
    else:
        about_token = word("serve_token_new", language, path=token_path(args.session))
    server = WorkshopServer(
        args.session,
        token=token,
        host=host,
        port=args.port,
        public_host=public_host,
        limit=args.limit,
        ssl_context=context,
        warm=not args.cold,
    )
    try:
        asyncio.run(server.run(ready=lambda started: print_start(started, args, language, about_token)))
    except CannotWrite as error:
        raise UsageError(word("serve_cannot_write", language, path=error.path, reason=error.reason)) from None
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            busy = word("serve_port_busy", language, host=host, port=args.port, other=args.port + 1)
            raise UsageError(busy) from None
        reason = error.strerror or str(error)
        raise UsageError(word("serve_cannot_listen", language, host=host, port=args.port, reason=reason)) from None
    say(word("serve_stopped", language), flush=True)
    return EXIT_OK


def print_start(server: WorkshopServer, args: argparse.Namespace, language: str, about_token: str = "") -> None:
    """What the facilitator needs to hand out: the address, each link, and each station's QR code."""
    from workshop.serving.links import is_loopback
    from workshop.words import word

    links = server.links
    session_title, stations = station_titles(server.session, language)
    out: list[str] = [
        word("serve_listening", language, session=args.session, address=server.public_url, limit=server.limit),
        "",
        f"{word('serve_link_facilitator', language)}:  {links.facilitator()}",
        f"{word('serve_link_secretariat', language)}:  {links.secretariat()}",
        f"{word('serve_link_join', language)}:  {links.join()}",
        f"{word('serve_link_comment', language)}:  {links.comment()}",
        "",
        word("serve_station_links", language),
    ]
    out += [f"  {title}:  {links.station(station)}" for station, title in stations]
    if not args.no_qr:
        out += ["", *qr_block([(title, links.station(station)) for station, title in stations])]
    out.append("")
    if about_token:
        out.append(about_token)
    if args.cards:
        out.append(write_cards(server, session_title, stations, language))
    if is_loopback(server.public_host):
        out.append(word("serve_local_only", language))
    elif not server.tls:
        out.append(word("serve_plain_http", language))
    say(*out, flush=True)


def write_cards(server: WorkshopServer, title: str, stations: list[tuple[str, str]], language: str) -> str:
    """Write the table cards to exports/ (owner-only: they hold the token); the line that says where."""
    from workshop.documents.registry import default_folder
    from workshop.serving.cards import write_cards as write
    from workshop.words import word

    links = server.links
    pages = [(shown_title, links.station(station)) for station, shown_title in stations]
    path = write(server.session, default_folder(server.session), title, language, pages)
    return word("serve_cards_written", language, path=path)


def station_titles(session: Path, language: str) -> tuple[str, list[tuple[str, str]]]:
    """The session's title, and (station id, "Station 1 – Ledelse som fag v. Rikke") for each station."""
    from workshop.storage.store import Store
    from workshop.words.phrases import station_title

    store = Store.open(session, readonly=True)
    try:
        return store.session.workshop.title, [
            (s.id, station_title(number, s.name, s.host, language))
            for number, s in enumerate(store.session.stations, start=1)
        ]
    finally:
        store.close()


def qr_colour() -> bool:
    """Draw the codes in their own colours (dark on light)? Whenever a terminal shows them, unless NO_COLOR.

    Standard error counts too: ``workshop serve ... | tee serve.log`` still shows the codes in a terminal.
    """
    shown = any(stream.isatty() for stream in (sys.stdout, sys.stderr))
    return shown and "NO_COLOR" not in os.environ


def qr_block(codes: list[tuple[str, str]], colour: bool | None = None) -> list[str]:
    """The QR codes with their titles, side by side as many as the terminal's width allows.

    The titles are shown escaped (a name's escape sequences are text); the codes are :class:`Drawn`:
    their colours are the program's own.
    """
    from workshop.model.problems import one_line
    from workshop.serving import qr

    colour = qr_colour() if colour is None else colour
    drawn = [(one_line(title), qr.lines(link), qr.for_terminal(link, colour=colour)) for title, link in codes]
    if not drawn:
        return []
    width = max(len(plain[0]) for _, plain, _ in drawn)
    columns = max(1, (shutil.get_terminal_size((80, 24)).columns + QR_GAP) // (width + QR_GAP))
    out: list[str] = []
    gap = " " * QR_GAP
    for first in range(0, len(drawn), columns):
        row = drawn[first : first + columns]
        out.append(gap.join(_fit(title, width) for title, _, _ in row).rstrip())
        height = max(len(plain) for _, plain, _ in row)
        for line in range(height):
            parts = []
            for _, plain, shown in row:
                parts.append(shown[line] + " " * (width - len(plain[line])) if line < len(plain) else " " * width)
            out.append(Drawn(gap.join(parts).rstrip()))
        out.append("")
    return out[:-1]


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
