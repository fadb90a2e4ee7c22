"""The rotation as a text table laid out like the slide: rounds down, stations across.

The table is as wide as the terminal it is printed in (``COLUMNS`` where set): long station
names and crowded cells wrap inside their column rather than the terminal wrapping the lines.
"""

from __future__ import annotations

import shutil
from io import StringIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from workshop.model.session import Session
from workshop.scheduling.rotation import Round
from workshop.scheduling.timetable import Slot, span
from workshop.words import word
from workshop.words.phrases import station_label

DEFAULT_WIDTH = 120
"""The width when the output is no terminal (a pipe, a file) and ``COLUMNS`` is not set."""

MINIMUM_WIDTH = 40
"""Narrower than this, the table would be unreadable anyway: it is drawn this wide."""


def terminal_width() -> int:
    """The columns of the terminal the table is printed in (``COLUMNS`` first), or :data:`DEFAULT_WIDTH`."""
    return max(MINIMUM_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def render_rotation(session: Session, rounds: list[Round], slots: list[Slot], width: int = DEFAULT_WIDTH) -> str:
    """The rotation as a boxed table at most ``width`` characters wide, in the session's language."""
    language = session.workshop.language
    groups = {g.id: g.name for g in session.groups}
    table = Table(box=box.SQUARE, show_lines=True, expand=False)
    table.add_column("", overflow="fold")
    for number, station in enumerate(session.stations, start=1):
        head = station_label(number, station.name, language, "\n")
        if station.host:
            head += f"\n{word('host_prefix', language)} {station.host}"
        table.add_column(Text(head), overflow="fold")  # Text: a name such as "Trivsel [/ miljø]" is shown as written
    for number, assignment in enumerate(rounds, start=1):
        when = f": {span(slots[number - 1], language)}" if number <= len(slots) else ""
        cells = [", ".join(groups.get(g, g) for g in assignment.get(s.id, [])) or "-" for s in session.stations]
        table.add_row(Text(f"{word('round', language)} {number}{when}"), *(Text(cell) for cell in cells))
    buffer = StringIO()
    console = Console(file=buffer, width=width, color_system=None, legacy_windows=False, highlight=False)
    console.print(table)
    return "\n".join(line.rstrip() for line in buffer.getvalue().rstrip("\n").splitlines())
