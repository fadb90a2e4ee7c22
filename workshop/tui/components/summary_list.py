"""The texts the secretariat writes: the overall summary (Opsamling), one summary per station, then
the report's Indledning and the agenda item's Sagsfremstilling.

Names are shown as written (``Text`` cells, never markup): a station called
``Trivsel [/ arbejdsmiljø]`` shows its brackets.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from workshop.model.session import Session
from workshop.notes.review import stations_and_notes as station_notes
from workshop.notes.summaries import Opening, own_text
from workshop.words import word
from workshop.words.phrases import station_title

OVERALL_KEY = "overall"
"""The row key of the overall summary; station rows are keyed by station id."""
OPENING_KEYS: dict[str, Opening] = {
    OVERALL_KEY: "overall",
    "opening:introduction": "introduction",
    "opening:case": "case",
}
"""The rows of the three opening texts (the minutes' Opsamling, the report's Indledning, the agenda's
Sagsfremstilling) by their keys."""
OPENING_WORDS: dict[Opening, str] = {"overall": "summary", "introduction": "introduction", "case": "agenda_case"}
"""The catalogue word naming each opening text in the list."""
WRITTEN = "✓"
NAME_WIDTH = 26


def _short(text: str, width: int = NAME_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class SummaryList(DataTable[Text]):
    """One row per summary: written or not, what it is about, and how many notes lie behind it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self._shape: tuple[str, ...] = ()

    def show(self, session: Session) -> None:
        """Fill or refresh the rows; the cursor stays on the same summary."""
        language = session.workshop.language
        entries = station_notes(session)
        total = str(sum(len(e.notes) for e in entries))

        def opening(key: str, which: Opening) -> tuple[str, list[Text]]:
            written = Text(WRITTEN if own_text(session, which).strip() else "")
            return key, [written, Text(word(OPENING_WORDS[which], language)), Text(total if which == "overall" else "")]

        openings = list(OPENING_KEYS.items())
        rows = [opening(*openings[0])]  # the minutes' Opsamling, then the stations' summaries
        for entry in entries:
            written = session.summary.stations.get(entry.station.id, "").strip()
            name = _short(station_title(entry.number, entry.station.name, "", language))
            rows.append((entry.station.id, [Text(WRITTEN if written else ""), Text(name), Text(str(len(entry.notes)))]))
        rows += [opening(*pair) for pair in openings[1:]]  # then the report's Indledning, the agenda's Sagsfremstilling
        shape = (language, *(key for key, _ in rows))
        if shape != self._shape:
            current = self.current_key()
            self.clear(columns=True)
            self.add_column("", key="written", width=1)
            self.add_column(Text(word("station", language)), key="name")
            self.add_column(Text(word("notes", language)), key="notes")
            for key, cells in rows:
                self.add_row(*cells, key=key)
            self._shape = shape
            keys = [key for key, _ in rows]
            self.move_cursor(row=keys.index(current) if current in keys else 0)
            return
        for key, cells in rows:
            for column, value in zip(("written", "name", "notes"), cells):
                if self.get_cell(key, column) != value:
                    self.update_cell(key, column, value)

    def current_key(self) -> str | None:
        """The key of the highlighted row (one of ``OPENING_KEYS`` or a station id)."""
        if not self.row_count:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except Exception:  # noqa: BLE001 - no rows yet
            return None
