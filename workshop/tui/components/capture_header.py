"""The top of the note-taker's screen: the station, its host and questions, the round and group now.

In full it wraps every name and question; folded (a short screen, where the notes come first) it
is one line per item, each cut with "…": the station, the round with its group, the questions.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from workshop.notes.capture import Place
from workshop.scheduling.timetable import span
from workshop.words import word
from workshop.words.phrases import station_title


def _round_line(place: Place, language: str) -> Text:
    text = Text()
    if place.round is None:
        text.append(word("no_round", language), style="italic")
        return text
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
    return text


def describe_place(place: Place, language: str, width: int | None = None) -> Text:
    """The station line, the round and group line, the questions.

    With ``width``: folded, one line each, cut to ``width`` columns with "…" (the questions on one line).
    """
    station = place.station
    title = Text(station_title(place.number, station.name, station.host, language), style="bold")
    round_line = _round_line(place, language)
    if width is None:
        text = Text()
        text.append_text(title)
        text.append("\n")
        text.append_text(round_line)
        for question in station.questions:
            text.append("\n")
            text.append(f"• {question}")
        return text
    lines = [title, round_line]
    if station.questions:
        lines.append(Text("  ".join(f"• {q}" for q in station.questions)))
    width = max(width, 10)
    hint = word("unfold_hint", language)
    room_for_hint = width - cell_len(hint) - 2 >= 12  # a hint only beside a station line that can still be read
    for index, line in enumerate(lines):
        line.no_wrap = True
        line.truncate(width - (cell_len(hint) + 2 if index == 0 and room_for_hint else 0), overflow="ellipsis")
    if room_for_hint:
        lines[0].append("  ")
        lines[0].append(hint, style="dim italic")
    return Text("\n").join(lines)


class CaptureHeader(Static):
    """Redraw with :meth:`show` whenever the session, the chosen round or the room on the screen changes."""

    def show(self, place: Place | None, language: str, folded_to: int | None = None) -> None:
        """Show where the note-taker is; ``folded_to``: one line per item, this many columns wide."""
        if place is None:
            text = Text(word("no_station", language), style="bold")
        else:
            text = describe_place(place, language, folded_to)
        self.set_class(folded_to is not None, "-folded")
        if text != getattr(self, "_shown", None):  # an unchanged top needs no new layout
            self._shown = text
            self.update(text)
