"""The top of the note-taker's screen: the station, its host and questions, the round and group now."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workshop.notes.capture import Place
from workshop.scheduling.timetable import span
from workshop.words import word
from workshop.words.phrases import station_title


def describe_place(place: Place, language: str) -> Text:
    """Three short parts: the station line, the round and group line, the questions."""
    station = place.station
    text = Text()
    text.append(station_title(place.number, station.name, station.host, language), style="bold")
    text.append("\n")
    if place.round is None:
        text.append(word("no_round", language), style="italic")
    else:
        text.append(f"{word('round', language)} {place.round}", style="bold reverse")
        if place.slot is not None:
            text.append(f" {span(place.slot, language)}")
        text.append(f" ({word(place.why, language)})", style="italic")
        text.append("  ")
        if place.groups:
            for index, group in enumerate(place.groups):
                if index:
                    text.append("; ")
                text.append(group.name, style="bold")
                members = ", ".join(m.name for m in group.members)
                if members:
                    text.append(f": {members}")
        elif place.people:  # people re-mix: the names at this station in this round
            text.append(", ".join(place.people))
        else:
            text.append(word("no_group", language), style="italic")
    for question in station.questions:
        text.append("\n")
        text.append(f"• {question}")
    return text


class CaptureHeader(Static):
    """Redraw with :meth:`show` whenever the session or the chosen round changes."""

    def show(self, place: Place | None, language: str) -> None:
        text = Text(word("no_station", language), style="bold") if place is None else describe_place(place, language)
        if text != getattr(self, "_shown", None):  # an unchanged top needs no new layout
            self._shown = text
            self.update(text)
