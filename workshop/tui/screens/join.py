"""The board's join view: a QR code and the link of every station, for the projector.

While ``workshop serve`` runs on the session (it says so in ``.<session>.serve.json`` beside the
session file, :mod:`workshop.serving.announce`), each note-taker scans their station's code and
lands in that station's note-taking in their own browser. Without a server the view says how to
start one and looks again every second, so the codes appear as soon as it runs.

The codes are as large as the room allows and never cut: all stations at twice the size when
they fit, else at the normal size, else as many as fit with ←/→ to the others, and in a window
too small for even one code the titles and the links, with a word to enlarge the window.
"""

from __future__ import annotations

import asyncio
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Grid, Vertical
from textual.screen import Screen
from textual.widgets import Static

from workshop.serving.announce import running_links
from workshop.serving.links import Links, is_loopback
from workshop.words import word
from workshop.words.phrases import station_title

from ..components.qr_code import QRCode, code_size
from ..localise import localise_bindings
from ..messages import SessionChanged
from ..session_view import SessionView

GUTTER = (1, 2)
"""Lines and columns between two stations' cards."""
CARD_PADDING = 1
"""Columns each side inside a card."""
CHROME = 2
"""Lines the view needs besides the cards: its title and the key hint."""
_MEASURE = Console(width=1000, legacy_windows=False, color_system=None)


def wrapped(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped at ``width`` columns."""
    if width <= 0:
        return 1
    return max(len(Text(text).wrap(_MEASURE, width)), 1)


@dataclass(frozen=True)
class Layout:
    """How the codes are laid out: their size, the grid, and how many stations a page holds."""

    large: bool
    columns: int
    rows: int
    per_page: int
    """Stations on one page: all of them unless the room is short (0: not even one code fits)."""


def plan(cards: list[tuple[str, str]], width: int, height: int) -> Layout:
    """The largest layout of ``cards`` (title, link) in ``width`` x ``height``: all at twice the size,
    else all at the normal size, else as many as fit at the normal size (a page), else none."""
    count = len(cards)
    if count == 0 or width <= 0:
        return Layout(False, 1, 1, 0)
    large = _fit(cards, width, height - CHROME, large=True)
    if large is not None and large[0] * large[1] >= count:
        return Layout(True, large[0], large[1], count)
    normal = _fit(cards, width, height - CHROME, large=False)
    if normal is None:
        return Layout(False, 1, 1, 0)
    columns, rows = normal
    return Layout(False, columns, rows, min(columns * rows, count))


def _fit(cards: list[tuple[str, str]], width: int, height: int, large: bool) -> tuple[int, int] | None:
    """Columns and rows of whole cards that fit (balanced: 4 cards are 2 and 2); None when not one fits."""
    code_width, code_height = max(code_size(link, large) for _, link in cards)
    gutter_lines, gutter_columns = GUTTER

    def card_width(columns: int) -> int:
        return (width - gutter_columns * (columns - 1)) // columns

    def card_height(columns: int) -> int:
        inner = card_width(columns) - 2 * CARD_PADDING
        titles = max(wrapped(title, inner) for title, _ in cards)
        return titles + max(len(link_lines(link, inner)) for _, link in cards) + code_height

    best: tuple[int, int] | None = None
    for columns in range(len(cards), 0, -1):
        if card_width(columns) - 2 * CARD_PADDING < code_width:
            continue
        rows_needed = math.ceil(len(cards) / columns)
        columns = math.ceil(len(cards) / rows_needed)  # balanced: four cards are two and two, not three and one
        rows = min((height + gutter_lines) // (card_height(columns) + gutter_lines), rows_needed)
        if rows >= rows_needed:
            return columns, rows
        if rows > 0 and (best is None or columns * rows > best[0] * best[1]):
            best = (columns, rows)
    return best


def link_lines(link: str, width: int) -> list[str]:
    """``link`` in lines of at most ``width`` columns, broken before its "?" and "&" (where a reader
    expects a break), and only inside a part too long for a line of its own."""
    if cell_len(link) <= width or width <= 0:
        return [link]
    parts = re.split(r"(?=[?&])", link)
    lines = [""]
    for part in parts:
        if lines[-1] and cell_len(lines[-1] + part) > width:
            lines.append("")
        lines[-1] += part
        while cell_len(lines[-1]) > width:
            long = lines.pop()
            lines.extend([long[:width], long[width:]])
    return lines


def loopback_only(links: Links) -> bool:
    """Do the links lead to this computer only (``http://127.0.0.1:8000``), which no phone can open?"""
    host = links.base.split("://", 1)[-1].rsplit(":", 1)[0].strip("[]")
    return is_loopback(host)


def serve_command(session: Path) -> str:
    """``workshop serve sessions/meeting-3.toml --lan``: the command that starts the server, as typed here."""
    try:
        shown = os.path.relpath(session)
    except ValueError:  # another drive
        shown = str(session)
    if shown.startswith(".."):
        shown = str(session)
    if any(character.isspace() for character in shown):
        shown = f'"{shown}"'
    return f"workshop serve {shown} --lan"


class StationJoin(Vertical):
    """One station on the join view: its title, its link and the link's QR code."""

    def __init__(self, title: str, link: str, large: bool, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.title = title
        self.link = link
        self.large = large

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title), classes="join-station")
        yield Static(Text(self.link), classes="join-link")
        with Center():
            yield QRCode(self.link, large=self.large)

    def show(self, title: str, link: str, large: bool, with_code: bool, width: int, lines: tuple[int, int]) -> None:
        """Show ``title``, ``link`` and its code (``with_code``: there is room for the whole code).

        ``width``: the card's columns inside its padding; ``lines``: the lines the title and the
        link get, the same on every card, so the codes beside each other start on the same line.
        """
        heading = self.query_one(".join-station", Static)
        if title != self.title:
            self.title = title
            heading.update(Text(title))
        self.link = link
        self.query_one(".join-link", Static).update(Text("\n".join(link_lines(link, width))))
        heading.styles.height = lines[0]
        self.query_one(".join-link", Static).styles.height = lines[1]
        self.large = large
        code = self.query_one(QRCode)
        code.show(link, large)
        self.query_one(Center).display = with_code


class JoinScreen(SessionView, Screen[None]):
    """A QR code and a link per station while ``workshop serve`` runs; how to start it while it does not."""

    CSS_PATH = "join.tcss"

    CHECK_SECONDS: ClassVar[float] = 1.0
    """How often the view looks whether a server started, stopped or restarted with new links (tests: near zero)."""
    BINDINGS = [
        Binding("escape,j", "back", "Back", id="join.back", tooltip="Back to the board"),
        Binding(
            "right,pagedown",
            "page(1)",
            "Next stations",
            id="join.next",
            show=False,
            tooltip="Show the next stations' codes (when they do not all fit)",
        ),
        Binding(
            "left,pageup",
            "page(-1)",
            "Previous stations",
            id="join.previous",
            show=False,
            tooltip="Show the previous stations' codes",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._language = self.session.workshop.language
        localise_bindings(self, self._language)
        self.links: Links | None = None
        """The links of the server running now (None: no server runs)."""
        self.layout_now = Layout(False, 1, 1, 0)
        """How the codes are laid out at the size the view has now (tests read it)."""
        self.page = 0
        self._stations: list[str] | None = None
        self._drawing = asyncio.Lock()

    def compose(self) -> ComposeResult:
        yield Static(id="join-title", markup=False)
        with Vertical(id="join-area"):
            yield Grid(id="join-codes")
            yield Static(id="join-message", markup=False)
        yield Static(id="join-hint", markup=False)

    async def on_mount(self) -> None:
        self.links = running_links(self.store.path)
        await self.redraw()
        self.set_interval(self.CHECK_SECONDS, self.check_server, name="join-check")

    async def on_session_changed(self, message: SessionChanged) -> None:
        await self.redraw()

    async def on_resize(self) -> None:
        await self.redraw()

    async def check_server(self) -> None:
        """Look whether a server started, stopped or restarted (new links); show what changed."""
        links = running_links(self.store.path)
        if links != self.links:
            self.links = links
            await self.redraw()

    def cards(self) -> list[tuple[str, str, str]]:
        """Each station's id, title and join link (while a server runs)."""
        if self.links is None:
            return []
        language = self.session.workshop.language
        return [
            (station.id, station_title(number, station.name, station.host, language), self.links.station(station.id))
            for number, station in enumerate(self.session.stations, start=1)
        ]

    async def redraw(self) -> None:
        """Show the codes for the session, the server and the size the view has now."""
        async with self._drawing:
            await self._redraw()

    async def _redraw(self) -> None:
        language = self.session.workshop.language
        if language != self._language:
            self._language = language
            localise_bindings(self, language)
        self.query_one("#join-title", Static).update(Text(word("join_title", language)))
        hint = self.query_one("#join-hint", Static)
        hint.update(Text(word("join_hint", language)))
        local = self.links is not None and loopback_only(self.links)
        hint.set_class(local, "-warning")
        if local:  # no phone can open 127.0.0.1: say so on the projector, and how to start for the room
            hint.update(Text(word("join_loopback", language, command=serve_command(self.store.path))))
        grid = self.query_one("#join-codes", Grid)
        message = self.query_one("#join-message", Static)
        cards = self.cards()
        if not cards:
            grid.display = False
            message.display = True
            if self.links is not None:
                message.update(Text(word("join_no_stations", language)))
            else:
                message.update(self._how_to_start(language))
            return
        size = self.size if self.size.width else self.app.size
        layout = plan([(title, link) for _, title, link in cards], size.width, size.height)
        self.layout_now = layout
        ids = [station_id for station_id, _, _ in cards]
        if ids != self._stations:
            await grid.remove_children()
            await grid.mount_all(
                [StationJoin(title, link, layout.large, id=f"join-{sid}") for sid, title, link in cards]
            )
            self._stations = ids
        pages = max(math.ceil(len(cards) / layout.per_page), 1) if layout.per_page else 1
        self.page = min(self.page, pages - 1)
        first = self.page * layout.per_page
        shown = range(first, first + layout.per_page) if layout.per_page else range(len(cards))
        columns = layout.columns if layout.per_page else 1
        grid.styles.grid_size_columns = columns
        inner = (size.width - GUTTER[1] * (columns - 1)) // columns - 2 * CARD_PADDING
        lines = (
            max(wrapped(title, inner) for _, title, _ in cards),
            max(len(link_lines(link, inner)) for _, _, link in cards),
        )
        for index, (station_id, title, link) in enumerate(cards):
            card = grid.query_one(f"#join-{station_id}", StationJoin)
            card.show(title, link, layout.large, layout.per_page > 0, inner, lines)
            card.display = index in shown
        grid.display = True
        if local:
            pass  # the warning stays: paging works with the arrow keys all the same
        elif layout.per_page == 1 and len(cards) > 1:
            paging = word("join_page_one", language, number=first + 1, count=len(cards))
            hint.update(Text(paging))
        elif 0 < layout.per_page < len(cards):
            last = min(first + layout.per_page, len(cards))
            paging = word("join_page", language, first=first + 1, last=last, count=len(cards))
            hint.update(Text(paging))
        message.display = layout.per_page == 0
        if layout.per_page == 0:
            message.update(Text(word("join_too_small", language)))

    def _how_to_start(self, language: str) -> Text:
        text = Text(word("join_no_server", language))
        text.append("\n\n")
        text.append(serve_command(self.store.path), style="bold")
        text.append("\n\n")
        text.append(word("join_waiting", language))
        return text

    # Actions ---------------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    async def action_page(self, step: int) -> None:
        per_page = self.layout_now.per_page
        count = len(self._stations or [])
        if not per_page or per_page >= count:
            return
        pages = math.ceil(count / per_page)
        self.page = (self.page + step) % pages
        await self.redraw()
