"""A browser stand-in: opens a join link and speaks textual-serve's websocket protocol, as the page's script does.

For the tests and ``benchmarks/serve.py``, which need many browsers at once and the time each
sees something. What it sends: ``["resize", {"width": W, "height": H}]``, ``["stdin", keys]``,
``["ping", x]``. What it gets: binary frames of terminal output (what the app writes, as a
terminal would get it) and text frames of JSON (``["pong", x]``, ``["deliver_file_start", key]``).
The output is kept as text without its escape sequences, with the time each frame arrived, so a
test can ask "when did this text first show?".
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser

import aiohttp

ESCAPES = re.compile(
    r"\x1b(\[[0-9;?<>=!$]*[ -/]*[@-~]"  # CSI: colours, cursor moves, modes
    r"|\][^\x07\x1b]*(\x07|\x1b\\)"  # OSC: titles, links
    r"|[PX^_][^\x1b]*\x1b\\"  # DCS and friends
    r"|[()][0-9A-Za-z]"  # character sets
    r"|[@-Z\\-_])"  # two-byte sequences
)
"""Terminal escape sequences (CSI, OSC, DCS, charset and two-byte ones): what is left is the text drawn."""


def screen_text(output: str) -> str:
    """Terminal output without its escape sequences and control characters: the text it draws, in order."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", ESCAPES.sub("", output))


class _TerminalAddress(HTMLParser):
    """Finds ``data-session-websocket-url`` in the app's page."""

    def __init__(self) -> None:
        super().__init__()
        self.url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "data-session-websocket-url" and value:
                self.url = value


def websocket_address(page: str) -> str | None:
    """The websocket address in the app's page (None when the page is not the app's, e.g. a refusal)."""
    finder = _TerminalAddress()
    finder.feed(page)
    return finder.url


@dataclass
class Frame:
    """One frame of output: when it came (``time.perf_counter()``) and its text without escape sequences."""

    at: float
    text: str


@dataclass
class Browser:
    """One browser tab on a link, connected to its app over the websocket."""

    link: str
    width: int = 100
    height: int = 30
    page_status: int = 0
    page: str = ""
    opened_at: float = 0.0
    frames: list[Frame] = field(default_factory=list)
    messages: list[object] = field(default_factory=list)
    closed: asyncio.Event = field(default_factory=asyncio.Event)
    cookies: aiohttp.CookieJar | None = None
    """The browser's cookies: tabs of one browser share one jar (None: a jar of this tab's own)."""
    _http: aiohttp.ClientSession | None = None
    _socket: aiohttp.ClientWebSocketResponse | None = None
    _reader: asyncio.Task[None] | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    _decoder: codecs.IncrementalDecoder = field(
        default_factory=lambda: codecs.getincrementaldecoder("utf-8")("replace")
    )

    @property
    def http(self) -> aiohttp.ClientSession:
        """The tab's HTTP session, with the page's cookie (after :meth:`load`): a download asks with it."""
        assert self._http is not None, "load() first"
        return self._http

    async def load(self) -> int:
        """Open the link's page as a browser does (keeping its cookie); its HTTP status."""
        self.opened_at = time.perf_counter()
        jar = self.cookies if self.cookies is not None else aiohttp.CookieJar(unsafe=True)
        self._http = aiohttp.ClientSession(cookie_jar=jar)
        async with self._http.get(self.link) as response:
            self.page_status = response.status
            self.page = await response.text()
        return self.page_status

    async def connect(self) -> None:
        """Connect the page's websocket (the app starts) and tell it the window's size."""
        assert self._http is not None, "load() first"
        address = websocket_address(self.page)
        if address is None:
            raise RuntimeError(f"the page is not the app's (HTTP {self.page_status}): {screen_text(self.page)[:200]}")
        self._socket = await self._http.ws_connect(f"{address}?width={self.width}&height={self.height}")
        self._reader = asyncio.create_task(self._read())
        await self.resize(self.width, self.height)

    async def open(self) -> Browser:
        """Load the page and connect: what opening a join link in a browser does."""
        await self.load()
        await self.connect()
        return self

    async def _read(self) -> None:
        assert self._socket is not None
        try:
            async for message in self._socket:
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.frames.append(Frame(time.perf_counter(), screen_text(self._decoder.decode(message.data))))
                    self._changed.set()
                elif message.type == aiohttp.WSMsgType.TEXT:
                    self.messages.append(message.json())
                    self._changed.set()
        finally:
            self.closed.set()
            self._changed.set()

    async def send(self, keys: str) -> float:
        """Type ``keys`` (``"\\x13"`` is ctrl+s); the time they were sent."""
        assert self._socket is not None
        sent = time.perf_counter()
        await self._socket.send_json(["stdin", keys])
        return sent

    async def send_frame(self, text: str) -> None:
        """Send one text frame as it is (what a hostile page could send)."""
        assert self._socket is not None
        await self._socket.send_str(text)

    @property
    def close_code(self) -> int | None:
        """How the server closed the websocket (1000: the app ended; 1012: the server is stopping)."""
        return None if self._socket is None else self._socket.close_code

    async def resize(self, width: int, height: int) -> None:
        assert self._socket is not None
        await self._socket.send_json(["resize", {"width": width, "height": height}])

    def text(self, since: int = 0) -> str:
        """Everything drawn since frame number ``since``, as one text."""
        return "".join(frame.text for frame in self.frames[since:])

    def seen_at(self, text: str, since: int = 0) -> float | None:
        """When ``text`` first stood whole in one frame from frame ``since`` on; None if not yet."""
        for frame in self.frames[since:]:
            if text in frame.text:
                return frame.at
        return None

    async def wait_for(self, text: str, timeout: float = 10.0, since: int = 0) -> float:
        """Wait until ``text`` shows in a frame (from frame ``since`` on); when it first did. TimeoutError if not."""
        deadline = time.perf_counter() + timeout
        checked = since
        while True:
            self._changed.clear()
            for index in range(checked, len(self.frames)):
                if text in self.frames[index].text:
                    return self.frames[index].at
            checked = len(self.frames)
            left = deadline - time.perf_counter()
            if left <= 0 or self.closed.is_set():
                raise TimeoutError(f"{text!r} did not show within {timeout} s")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), left)

    async def close(self) -> None:
        """Close the tab: the websocket, then the HTTP session."""
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._reader, 5)
        if self._http is not None:
            await self._http.close()
