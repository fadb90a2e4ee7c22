"""The web server of ``workshop serve``: textual-serve's server, made safe for a shared network.

What it adds to textual-serve:

- **The access token on every request.** The page, the websocket, the static files and the
  downloads: the token comes in the link's query (``?token=``) or, after the first page, in a
  cookie (``HttpOnly``, ``SameSite=Strict``) that the page sets, because textual's page script builds
  the websocket and download addresses itself. Compared in constant time; without it: 403 and
  nothing else. aiohttp's access log (which would print the query) is off; the log lines here
  name the path, never the query.
- **The link is data.** The page checks ``station``, ``mode`` and ``name`` against the session
  (:func:`workshop.serving.links.read_link`) and refuses a bad link with a page that says why, in
  the session's language. A request without the token, or for a page that is not there, gets a
  page in the session's language that says what to do (scan the code again, ask the facilitator).
  A good link gets a one-time ticket in the websocket's path
  (``/ws/<ticket>``): the websocket starts exactly what the page checked, from an argument list.
- **Limits.** At most ``limit`` browsers at once (a page says so past it); an app whose browser has
  gone (closed, or silent past the websocket's heartbeat) is ended; on stop, every app is ended.
- **No internet needed.** textual-serve's page loads a font from Google; this page uses the copy
  of that font textual-serve ships.
- **Hostile frames.** A websocket frame larger than :data:`FRAME_LIMIT` or with more than
  :data:`BRACKET_LIMIT` brackets (``[[[[…``, which would exhaust Python's JSON parser) is ignored
  with a line in the log; the app goes on.
- **Restarts.** The server tells the pages it is stopping (close code 1012, "service restart"); the
  page then tries again by itself (``/alive``) and reloads when the server is back, with the same
  token (:mod:`workshop.serving.announce` keeps it). Its apps end with it even after kill -9
  (:mod:`workshop.serving.lifeline`).
- **The log** names a path by its route only (``/static/…``; a token sent as a path is never written)
  and shows every line with its control characters escaped.
- **TLS** with ``ssl_context`` (``--cert/--key``): the links are then https and the cookie is ``Secure``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import html
import json
import logging
import os
import re
import signal
import ssl
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import TextIO
from urllib.parse import quote, urlsplit

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from workshop.model.problems import SessionError, one_line, shown
from workshop.serving.announce import CannotWrite, announce, clear_stale, withdraw
from workshop.serving.app_process import AppProcess, app_argv, app_environment
from workshop.serving.devices import COOKIE as DEVICE_COOKIE
from workshop.serving.devices import COOKIE_SECONDS as DEVICE_COOKIE_SECONDS
from workshop.serving.devices import device_cookie, device_id
from workshop.serving.lifeline import SERVER_PID
from workshop.serving.links import (
    LOOPBACK,
    Launch,
    LinkRefused,
    Links,
    base_url,
    new_token,
    read_link,
    token_matches,
)
from workshop.serving.warm_parent import WarmParent, fork_available
from workshop.words import word

log = logging.getLogger("workshop.serve")

TEMPLATES = Path(__file__).parent / "templates"

DEFAULT_PORT = 8000
DEFAULT_LIMIT = 30
"""Browser sessions at once unless ``--max`` says otherwise."""
HEARTBEAT_SECONDS = 15.0
"""A browser that answers no websocket ping for about this long has gone: its app is ended."""
TICKET_SECONDS = 300.0
"""How long a page's websocket ticket may wait to be used (once)."""
SMALLEST, LARGEST = 10, 500
"""The terminal sizes (columns and lines) a browser may ask for."""
FRAME_LIMIT = 1_000_000
"""The longest websocket frame, in characters, that is read (a long paste fits many times over)."""
BRACKET_LIMIT = 8
"""The most ``[`` and ``{`` outside strings in a frame that is read: the page's frames have at most 2."""
SERVICE_RESTART = 1012
"""The websocket close code for "the server is stopping" (RFC 6455's registry): the page reconnects."""
ROUTES = ("/static/", "/download/", "/ws/")
"""The paths the log names (by their route only)."""
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
"""A JSON string, its loop unrolled: a 100 KB paste full of brackets is scanned in a few milliseconds."""

ArgvFor = Callable[[Path, Launch], list[str]]


@dataclass(frozen=True)
class SessionFacts:
    """What the pages need to know about the session, read afresh for each page (stations may change)."""

    language: str
    stations: list[str]
    title: str


def read_session_facts(session: Path) -> SessionFacts:
    """The session's language, station ids and title, read without writing anything."""
    from workshop.storage.opening import read_session

    facts = read_session(session)
    return SessionFacts(facts.workshop.language, [s.id for s in facts.stations], facts.workshop.title)


def ready_the_journal(session: Path) -> None:
    """Open the session to write once, and close it: its journal is there, with the validated session in its cache.

    Every browser's app then takes the session from that cache instead of validating the file again (twice,
    as it checks its station first): a room opening its links at once would otherwise do it thirty times
    over, all before the first of them has made the journal. A session that cannot be opened now is left
    for each app to say why (as it would without this).
    """
    from workshop.storage.opening import open_sync

    with contextlib.suppress(Exception):
        open_sync(session, backup=False).close()


def _page(name: str, **values: str) -> str:
    """A page from ``templates/``, every value HTML-escaped."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    return Template(text).substitute({key: html.escape(value, quote=True) for key, value in values.items()})


def logged_path(path: str) -> str:
    """A request's path as the log names it: its route, never the rest (a token sent as a path is not written)."""
    if path == "/":
        return path
    return next((f"{route}…" for route in ROUTES if path.startswith(route)), "/…")


def frame_refusal(text: str) -> tuple[str, dict[str, object]] | None:
    """Why a websocket frame is not read (the words' key and values), or None when it may be parsed as JSON.

    Checked before parsing: Python's JSON parser recurses once per bracket, so 100,000 ``[`` would
    end in a RecursionError.
    """
    if len(text) > FRAME_LIMIT:
        return "serve_log_frame_too_large", {"size": len(text), "limit": FRAME_LIMIT}
    if text.count("[") + text.count("{") > BRACKET_LIMIT:
        outside = _JSON_STRING.sub("", text)
        if outside.count("[") + outside.count("{") > BRACKET_LIMIT:
            return "serve_log_frame_too_deep", {"limit": BRACKET_LIMIT}
    return None


def _clamp(value: object, default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(SMALLEST, min(LARGEST, number))


class _StandardError(logging.StreamHandler):  # type: ignore[type-arg]
    """A log handler that writes to ``sys.stderr`` as it is when a line is written (not when it was made)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        """The standard error is always the one of the moment."""


class _Shown(logging.Formatter):
    """A log line with its control characters escaped (a name from a session cannot move the terminal)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return one_line(super().formatMessage(record))

    def formatException(self, ei: object) -> str:  # noqa: N802 - logging's name
        return shown(super().formatException(ei))  # type: ignore[arg-type]


class ServedApp(AppProcess):
    """An app process that knows its server (:data:`~workshop.serving.lifeline.SERVER_PID`), to end with it."""

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment[SERVER_PID] = str(os.getpid())
        return environment


class WorkshopServer(Server):
    """textual-serve's server for one session: token, links as data, limits, and every app ended on stop."""

    def __init__(
        self,
        session: Path,
        *,
        token: str | None = None,
        host: str = LOOPBACK,
        port: int = DEFAULT_PORT,
        public_host: str | None = None,
        limit: int = DEFAULT_LIMIT,
        ssl_context: ssl.SSLContext | None = None,
        heartbeat: float = HEARTBEAT_SECONDS,
        argv_for: ArgvFor = app_argv,
        announce: bool = True,
        warm: bool = True,
    ) -> None:
        super().__init__(command=f"workshop run {session}", host=host, port=port, title="workshop")
        self.session = session
        self.token = token or new_token()
        self.public_host = public_host or host
        """The address the links carry: the LAN address when listening on every address, never 0.0.0.0."""
        self.limit = limit
        self.ssl_context = ssl_context
        self.heartbeat = heartbeat
        self.argv_for = argv_for
        self.announcing = announce
        """Tell the session's other apps where the server is (for the board's join view); see announce.py."""
        self.public_url = base_url(self.public_host, port, self.tls)
        self.language = "da"
        self.live: set[AppProcess] = set()
        """The app processes of the browsers connected now."""
        self.started: list[AppProcess] = []
        """Every app process started, for the last check that none is left."""
        self._tickets: dict[str, tuple[Launch, float]] = {}
        self._sockets: set[web.WebSocketResponse] = set()
        self._runner: web.AppRunner | None = None
        self._stopping = False
        # The warm parent (issue 23, warm_parent.py): apps forked from one process that has imported the app.
        forking = warm and argv_for is app_argv and fork_available()  # another program (a test's) starts cold
        self.warm_parent = WarmParent(session, app_environment()) if forking else None

    @property
    def tls(self) -> bool:
        return self.ssl_context is not None

    @property
    def _close_code(self) -> int:
        """How a websocket is closed: 1012 while the server stops (the page reconnects), else 1000 (the app ended)."""
        return SERVICE_RESTART if self._stopping else 1000

    @property
    def cookie_name(self) -> str:
        """Per port: two servers on one computer (two evenings) keep their tokens apart."""
        return f"workshop_token_{self.port}"

    @property
    def links(self) -> Links:
        """The links to hand out (valid once the server has started: the port is then known)."""
        return Links(self.public_url, self.token)

    # Logging: our own lines, never a URL's query --------------------------------------------------
    def initialize_logging(self) -> None:
        """Plain lines on stderr with the time; aiohttp's access log (which prints queries) stays off."""
        handler = _StandardError()
        handler.setFormatter(_Shown("%(asctime)s %(message)s", datefmt="%H:%M:%S"))
        for name, level in (
            ("workshop.serve", logging.INFO),
            ("textual-serve", logging.INFO),
            ("aiohttp", logging.WARNING),
        ):
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.setLevel(level)
            logger.propagate = False
        logging.getLogger("aiohttp.access").disabled = True

    # The aiohttp application -------------------------------------------------------------------
    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._require_token])
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/alive", self.handle_alive, name="alive"),
                web.get("/ws/{ticket}", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        return app

    @web.middleware
    async def _require_token(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Every request needs the token (query or cookie); without it: 403 and a page that says what to do."""
        given = request.query.get("token") or request.cookies.get(self.cookie_name)
        language = self.language
        if not token_matches(given, self.token):
            path = logged_path(request.path)
            log.warning(word("serve_log_refused", language, path=path, peer=request.remote or "?"))
            message = word("serve_forbidden", language)
            return self._message(403, language, word("serve_forbidden_title", language), message)
        try:
            response = await handler(request)
        except web.HTTPNotFound:
            if request.path.startswith("/ws/"):
                raise
            message = word("serve_not_found", language)
            response = self._message(404, language, word("serve_not_found_title", language), message)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    def _message(self, status: int, language: str, title: str, message: str) -> web.Response:
        text = _page("message_page.html", language=language, title=title, message=message)
        response = web.Response(status=status, text=text, content_type="text/html", charset="utf-8")
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_alive(self, request: web.Request) -> web.Response:
        """For a page whose connection was lost: the server is back (and the page's token still opens it)."""
        response = web.Response(status=204)
        response.headers["Cache-Control"] = "no-store"
        return response

    # The page ---------------------------------------------------------------------------------
    async def handle_index(self, request: web.Request) -> web.Response:
        """The app's page for a checked link, or a page that says why the link cannot be opened."""
        try:
            facts = await asyncio.to_thread(read_session_facts, self.session)
        except SessionError as error:
            title = word("serve_session_unreadable_title", self.language)
            return self._message(500, self.language, title, str(error))
        language = self.language = facts.language
        try:
            launch = read_link(request.query, facts.stations, self.session.name)
        except LinkRefused as refusal:
            message = word(refusal.key, language, **refusal.values)
            return self._message(400, language, word("serve_refused_title", language), message)
        if len(self.live) >= self.limit:
            log.warning(word("serve_log_full", language, limit=self.limit))
            full = word("serve_full", language, limit=self.limit)
            return self._message(503, language, word("serve_full_title", language), full)
        # Each browser is a device of its own (workshop.serving.devices): its cookie names it to the app.
        cookie, new_device = device_cookie(request.cookies.get(DEVICE_COOKIE))
        launch = dataclasses.replace(launch, device=device_id(cookie))
        ticket = self._issue_ticket(launch)
        scheme = "wss" if self.tls else "ws"
        # The address the browser used (request.host), so that its cookie goes with the websocket.
        websocket_url = f"{scheme}://{request.host}/ws/{ticket}"
        title = facts.title or "workshop"
        text = _page(
            "app_page.html",
            language=language,
            page_title=word("serve_page_title", language, title=title),
            static_url="/static",
            starting=word("serve_starting", language, title=title),
            ended=word("serve_ended", language),
            restart=word("serve_restart", language),
            reconnecting=word("serve_reconnecting", language),
            websocket_url=websocket_url,
            font_size=str(_clamp(request.query.get("fontsize", "16"), 16)),
        )
        response = web.Response(text=text, content_type="text/html", charset="utf-8")
        response.headers["Cache-Control"] = "no-store"
        if new_device:
            response.set_cookie(
                DEVICE_COOKIE,
                cookie,
                max_age=DEVICE_COOKIE_SECONDS,
                httponly=True,
                samesite="Strict",
                secure=self.tls,
                path="/",
            )
        if request.query.get("token"):
            response.set_cookie(
                self.cookie_name, self.token, httponly=True, samesite="Strict", secure=self.tls, path="/"
            )
        return response

    def _issue_ticket(self, launch: Launch) -> str:
        now = time.monotonic()
        for old, (_, issued) in list(self._tickets.items()):
            if now - issued > TICKET_SECONDS:
                del self._tickets[old]
        ticket = new_token()
        self._tickets[ticket] = (launch, now)
        return ticket

    def _take_ticket(self, ticket: str) -> Launch | None:
        found = self._tickets.pop(ticket, None)
        if found is None or time.monotonic() - found[1] > TICKET_SECONDS:
            return None
        return found[0]

    # The websocket: one app process per browser ------------------------------------------------
    def _same_origin(self, request: web.Request) -> bool:
        """A page from another site may not open our websocket (the browser sends its Origin)."""
        origin = request.headers.get("Origin")
        return origin is None or urlsplit(origin).netloc == request.host

    def _what(self, launch: Launch) -> str:
        what = word(f"mode_{launch.mode}", self.language)
        if launch.station:
            what = word("serve_what_station", self.language, station=launch.station)
        if launch.name:
            what = word("serve_what_by", self.language, what=what, name=launch.name)
        return what

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Start the app the page's ticket stands for and connect it to the browser until either goes."""
        if not self._same_origin(request):
            raise web.HTTPForbidden()
        launch = self._take_ticket(request.match_info["ticket"])
        if launch is None:
            raise web.HTTPNotFound(text=word("serve_expired", self.language))
        if len(self.live) >= self.limit:
            log.warning(word("serve_log_full", self.language, limit=self.limit))
            raise web.HTTPServiceUnavailable(text=word("serve_full", self.language, limit=self.limit))
        width = _clamp(request.query.get("width", "80"), 80)
        height = _clamp(request.query.get("height", "24"), 24)
        websocket = web.WebSocketResponse(heartbeat=self.heartbeat)

        async def close_socket() -> None:
            await websocket.close(code=self._close_code)

        service = ServedApp(
            self.argv_for(self.session, launch),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close_socket,
            download_manager=self.download_manager,
            label=self._what(launch),
            warm=self.warm_parent,
        )
        self.live.add(service)  # counted at once: no await between the check above and here
        self.started.append(service)
        self._sockets.add(websocket)
        try:
            await websocket.prepare(request)
            await service.start(width, height)
            opened = word("serve_log_opened", self.language, what=service.label, count=len(self.live), limit=self.limit)
            log.info(opened)
            await self._process_messages(websocket, service, service.label)
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            await asyncio.shield(service.stop())
            self.live.discard(service)
            if service.failed is not None:
                log.warning(word("serve_log_app_failed", self.language, what=service.label, code=service.failed))
            if service.forced:
                log.warning(word("serve_log_forced", self.language, what=service.label))
            self._sockets.discard(websocket)
            log.info(word("serve_log_closed", self.language, what=service.label, count=len(self.live)))
            with contextlib.suppress(Exception):
                await websocket.close(code=self._close_code)
        return websocket

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService, what: str = ""
    ) -> None:
        """The browser's frames: ``["stdin", keys]``, ``["resize", {width, height}]``, ``["ping", x]``,
        ``["focus"]``, ``["blur"]``. Anything else, or malformed, is ignored (never an error); a frame
        too large or too deeply nested to parse safely is ignored, the first one of each kind said in the log."""
        said: set[str] = set()
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            refused = frame_refusal(message.data)
            if refused is not None:
                key, values = refused
                if key not in said:  # a browser sending thousands does not flood the log
                    said.add(key)
                    log.warning(word(key, self.language, what=what, **values))
                continue
            try:
                envelope = json.loads(message.data)
            except (ValueError, RecursionError):
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(_clamp(data.get("width"), 80), _clamp(data.get("height"), 24))
            elif kind == "ping" and isinstance(data, str | int | float):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    # Downloads (the secretariat's exports) --------------------------------------------------------
    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the app delivered (``deliver_binary``), with its name intact (æ, ø, å included)."""
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound() from None
        response = web.StreamResponse()
        content_type = meta.mime_type + (f"; charset={meta.encoding}" if meta.encoding else "")
        response.headers["Content-Type"] = content_type
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        plain = meta.file_name.encode("ascii", "replace").decode("ascii").replace('"', "_").replace("?", "_")
        response.headers["Content-Disposition"] = (
            f"{disposition}; filename=\"{plain}\"; filename*=UTF-8''{quote(meta.file_name, safe='')}"
        )
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    # Starting and stopping -------------------------------------------------------------------------
    async def start(self) -> None:
        """Listen (OSError if the address cannot be had); :attr:`links` are then right, the port included."""
        self.initialize_logging()
        if self.warm_parent is not None:  # it imports while the server starts listening
            await self.warm_parent.start()
        with contextlib.suppress(SessionError):
            self.language = (await asyncio.to_thread(read_session_facts, self.session)).language
        app = await self._make_app()
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, ssl_context=self.ssl_context)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            if self.warm_parent is not None:
                await self.warm_parent.close()
            raise
        self._runner = runner
        for address in runner.addresses:
            if isinstance(address, tuple) and len(address) >= 2:
                self.port = int(address[1])
                break
        self.public_url = base_url(self.public_host, self.port, self.tls)
        await asyncio.to_thread(ready_the_journal, self.session)  # listening: the serve is under way
        if self.announcing:
            clear_stale(self.session)  # one left by a server that was killed
            try:
                announce(self.session, self.links)
            except CannotWrite:
                self._runner = None
                await runner.cleanup()
                if self.warm_parent is not None:
                    await self.warm_parent.close()
                raise

    async def end_all(self) -> None:
        """End every app process (each asked to quit and save first) and close every websocket."""
        await asyncio.gather(*(service.stop() for service in list(self.live)), return_exceptions=True)
        for websocket in list(self._sockets):
            with contextlib.suppress(Exception):
                await websocket.close(code=self._close_code)

    async def close(self) -> None:
        """Stop: end every app, then stop listening. No app process is left behind."""
        self._stopping = True
        if self.announcing:
            withdraw(self.session)
        await self.end_all()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
        for service in self.started:
            if service.kill_now():
                log.warning(word("serve_log_forced", self.language, what=service.label))
        if self.warm_parent is not None:
            await self.warm_parent.close()

    async def run(self, ready: Callable[[WorkshopServer], None] | None = None) -> None:
        """Start, call ``ready`` (print the links), and serve until SIGINT (Ctrl+C), SIGTERM or SIGHUP."""
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        watched: list[signal.Signals] = []
        for name in ("SIGINT", "SIGTERM", "SIGHUP"):  # SIGHUP: the terminal was closed
            number = getattr(signal, name, None)
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, stop.set)
            except (NotImplementedError, RuntimeError):  # not the main thread, or no signals here
                continue
            watched.append(number)
        try:
            await self.start()
            try:
                if ready is not None:
                    ready(self)
                await stop.wait()
            finally:
                await self.close()
        finally:
            for number in watched:
                loop.remove_signal_handler(number)

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (textual-serve's entry point, kept for its callers)."""
        self.debug = debug
        asyncio.run(self.run())
