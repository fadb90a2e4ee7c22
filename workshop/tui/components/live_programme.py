"""The programme as the evening runs: planned times beside actual and expected ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

from workshop.model.session import Session
from workshop.scheduling.evening import Row, phase, projected
from workshop.scheduling.timetable import DASH, clock
from workshop.words import word

from ..session_view import PHONE_BELOW

NARROW_BELOW = PHONE_BELOW
"""Fewer columns than this (a phone held upright): no planned column, the title cut with "…" to fit."""

MARKS = {"done": "✓", "skipped": "–", "running": "▶", "paused": "‖", "ended": "■", "upcoming": " "}


class LiveProgramme(DataTable[Text | str]):
    """Every programme item: state, planned time, actual or expected time, title, minutes.

    Later items that moved show their new time in orange (later) or green (earlier); the
    running item is bold and the cursor goes to it whenever another item starts. On a phone's
    width the planned times give way (the expected ones are what the evening keeps to) and the
    titles end in "…" where they would run out of sight.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._shown: list[tuple[str, ...]] | None = None
        self._language: str | None = None
        self._current: str | None = None
        self._narrow: int | None = None
        """The title column's width on a phone's width (None: every column as wide as it needs)."""

    def show(self, session: Session, now: dt.datetime) -> None:
        """Redraw when anything visible changed (cheap to call once a second)."""
        language = session.workshop.language
        started = phase(session.live) != "before"
        rows = [self._cells(row, language, started) for row in projected(session, now)]
        plain = [tuple(str(c) for c in cells) for cells, _ in rows]
        narrow = self._title_width(plain, language)
        if plain == self._shown and language == self._language and narrow == self._narrow:
            return
        keep = self.cursor_row
        refilled = self._shown is not None
        if language != self._language or narrow != self._narrow:
            self.clear(columns=True)
            # Labels and cells are Text, never str: DataTable reads a str as markup (and loads Rich's
            # emoji table for it, a slower first screen); the words are plain text.
            self.add_column(Text(" "), key="mark")
            if narrow is None:
                self.add_column(Text(word("planned", language)), key="planned")
            self.add_column(Text(word("expected" if narrow is None else "expected_narrow", language)), key="actual")
            self.add_column(
                Text(word("activity", language), no_wrap=True, overflow="ellipsis"), key="title", width=narrow
            )
            self.add_column(Text(word("minutes_unit", language)), key="minutes")
            self._language = language
            self._narrow = narrow
        else:
            self.clear()
        for cells, key in rows:
            if narrow is not None:
                title = cells[3].copy() if isinstance(cells[3], Text) else Text(cells[3])
                title.no_wrap, title.overflow = True, "ellipsis"
                cells = [cells[0], *cells[2:3], title, *cells[4:]]
            self.add_row(*cells, key=key)
        self._shown = plain
        current = session.live.current
        if current != self._current and current is not None:
            self._current = current
            keep = next((i for i, (_, key) in enumerate(rows) if key == current), keep)
        if rows:
            self.move_cursor(row=min(max(keep, 0), len(rows) - 1), scroll=False)
        # Paint again once the new rows are measured (Textual may keep the old widths; the
        # first fill has none to keep).
        if refilled:
            self.call_after_refresh(self.refresh)

    def _title_width(self, plain: list[tuple[str, ...]], language: str) -> int | None:
        """On a phone's width, the title column's width: what the other columns leave (None: wider)."""
        width = self.app.size.width
        if width >= NARROW_BELOW:
            return None
        expected = [cell_len(word("expected_narrow", language)), *(cell_len(cells[2]) for cells in plain)]
        minutes = [cell_len(word("minutes_unit", language)), *(cell_len(cells[4]) for cells in plain)]
        others = [1, max(expected), max(minutes)]
        return max(8, width - 2 - sum(others) - 2 * 4 - 2)  # the screen's padding, each cell's, a scroll bar

    def _cells(self, row: Row, language: str, started: bool) -> tuple[list[Text | str], str]:
        item = row.item
        active = row.state in ("running", "paused", "ended")
        style = "bold" if active else ("dim" if row.state in ("done", "skipped") else "")
        planned = f"{clock(row.planned.start, language)} {DASH} {clock(row.planned.end, language)}"
        actual = Text("")
        if started and row.state != "skipped":
            text = f"{clock(row.start, language)} {DASH} {clock(row.end, language)}"
            if row.state == "upcoming":
                if row.start > row.planned.start and row.moved:
                    actual = Text(text, style="bold dark_orange")
                elif row.moved:
                    actual = Text(text, style="green")
                else:
                    actual = Text(text, style="dim")
            else:
                actual = Text(text, style=style)
        minutes = str(row.minutes)
        if row.state == "upcoming" and row.replanned:
            minutes = f"{item.minutes} → {row.minutes}"
        elif active and row.minutes != item.minutes:
            extra = row.minutes - item.minutes
            minutes = f"{item.minutes} {'+' if extra > 0 else '-'} {abs(extra)}"
        return (
            [
                Text(MARKS.get(row.state, " "), style="bold" if active else "dim"),
                Text(planned, style="dim" if row.state in ("done", "skipped") else ""),
                actual,
                Text(item.title, style=style),
                Text(minutes, style=style),
            ],
            item.id,
        )

    @property
    def selected_item(self) -> str | None:
        """The id of the programme item under the cursor."""
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:  # noqa: BLE001 - an empty or changing table has no selection
            return None
        return key.value
