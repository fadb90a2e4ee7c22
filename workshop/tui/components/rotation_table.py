"""The rotation laid out like the slide: rounds with times down, stations across.

It uses the width there is: every station gets an equal share of the terminal, long station
names wrap in the header and long cells (the people of a re-mix) wrap in their row, so no
station is cut to "Station 3: Fr" at 160 columns or pushed off the screen at 80.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from workshop.model.session import Session
from workshop.scheduling.evening import round_times
from workshop.scheduling.rotation import RotationError, remixing, rotation
from workshop.scheduling.timetable import round_slots, span
from workshop.words import word
from workshop.words.phrases import station_label

from ..session_view import PHONE_BELOW, workshop_app

NARROW_BELOW = PHONE_BELOW
"""Fewer columns than this (a phone held upright): a round's time goes under its number, to leave the stations room."""
MIN_STATION_WIDTH = 12
"""A station's column is never narrower than this (the table scrolls sideways instead)."""
_MEASURE = Console(width=1000, legacy_windows=False, color_system=None)


def wrapped_lines(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped at ``width`` columns."""
    if width <= 0:
        return 1
    return max(len(Text(text).wrap(_MEASURE, width)), 1)


class RotationTable(DataTable[Text | str]):
    """Which group (or, re-mixing, which people) is at which station in each round."""

    def __init__(self, *, fit_height: bool = False, **kwargs: Any) -> None:
        super().__init__(cursor_type="cell", **kwargs)
        self.problem: str | None = None
        self.fit_height = fit_height
        """When the table's height is given (the live view at 80x24): keep the header short
        enough that every round shows below it (the names cut with "…"; at least one line)."""
        self._filled = False
        self._width = 0
        self._height = 0
        """The size the columns were last laid out for."""
        self._now: dt.datetime | None = None
        """The moment the times were last shown for: a resize lays out the same times again, never the plan's."""

    def show(self, session: Session, now: dt.datetime | None = None) -> None:
        """Fill the table for ``session`` at the width the table has now.

        With ``now``, each round's time is the one the live clock expects (or ran), else the plan's.
        """
        language = session.workshop.language
        self._now = now
        self._width = self._available()
        self._height = self.size.height
        titles = []
        for number, station in enumerate(session.stations, start=1):
            title = station_label(number, station.name, language, ": ")
            if station.host:
                title += f" {word('host_prefix', language)} {station.host}"
            titles.append(title)
        try:
            rounds = rotation(session)
            self.problem = None
        except RotationError as error:
            rounds = []
            self.problem = str(error)
        names = {} if remixing(session) else {g.id: g.name for g in session.groups}
        slots = round_slots(session) if now is None else round_times(session, now)
        rows: list[tuple[str, list[str]]] = []
        between = "\n" if self._width < NARROW_BELOW else " "
        for number, assignment in enumerate(rounds, start=1):
            when = f"{between}{span(slots[number - 1], language)}" if number <= len(slots) else ""
            cells = [", ".join(names.get(g, g) for g in assignment.get(s.id, [])) or "-" for s in session.stations]
            rows.append((f"{word('round', language)} {number}{when}", cells))
        first = word("round", language)
        round_width = max([cell_len(first)] + [cell_len(line) for label, _ in rows for line in label.split("\n")])
        station_width = self._station_width(round_width, len(titles))
        keep = self.cursor_coordinate
        self.clear(columns=True)
        header = max([1] + [wrapped_lines(t, station_width) for t in titles])
        if self.fit_height and self._height > 0:
            # Every round in sight before the station names get their second line (80x24: all three rounds).
            all_rows = sum(
                max([label.count("\n") + 1] + [wrapped_lines(c, station_width) for c in cells]) for label, cells in rows
            )
            header = max(1, min(header, self._height - all_rows))
        self.header_height = header
        # Text, not str: DataTable would read a str as markup (and load Rich's emoji table for it).
        self.add_column(Text(first), key="round", width=round_width)
        for station, title in zip(session.stations, titles):
            self.add_column(_cut(title, station_width, header), key=station.id, width=station_width)
        for number, (label, cells) in enumerate(rows, start=1):
            self.add_row(Text(label), *[Text(c) for c in cells], key=str(number), height=None)
        if rows:
            self.move_cursor(row=min(keep.row, len(rows) - 1), column=min(keep.column, len(titles)), scroll=False)
        # Columns were rebuilt: without a repaint after layout the old widths stay on screen
        # (the first fill has no old widths, and the first screen comes sooner without it).
        if self._filled:
            self.call_after_refresh(self.refresh, layout=True)
        self._filled = True

    def _available(self) -> int:
        """The columns the table can use: its own width once laid out, else the screen's."""
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0:
            width = self.app.size.width - 2
        return max(width, 0)

    def _station_width(self, round_width: int, stations: int) -> int:
        """Each station's share of what is left beside the round column (each cell has 1 padding a side)."""
        if stations == 0:
            return MIN_STATION_WIDTH
        padding = 2 * self.cell_padding
        left = self._width - (round_width + padding) - stations * padding - 1
        return max(left // stations, MIN_STATION_WIDTH)

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal: lay the stations out again for the new size."""
        height_matters = self.fit_height and self.size.height != self._height
        if self._filled and (self._available() != self._width or height_matters):
            self.show(workshop_app(self).store.session, self._now)


def _cut(title: str, width: int, lines: int) -> Text:
    """A station's title for a header of ``lines`` lines: whole when it fits, else cut with "…"."""
    wrapped = Text(title).wrap(_MEASURE, width) if width > 0 else [Text(title)]
    if len(wrapped) <= lines:
        return Text(title)
    if lines == 1:  # one line: as much of the title as fits, then "…" (not only its first word)
        one = Text(title, no_wrap=True)
        one.truncate(max(width, 2), overflow="ellipsis")
        return one
    kept = [line.plain.rstrip() for line in wrapped[:lines]]
    last = kept[-1]
    while last and cell_len(last) > width - 1:
        last = last[:-1]
    kept[-1] = last.rstrip() + "…"
    return Text("\n".join(kept))
