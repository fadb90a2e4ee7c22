"""The rotation as a text table laid out like the slide: rounds down, stations across."""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console
from rich.table import Table

from workshop.model.session import Session
from workshop.scheduling.rotation import Round
from workshop.scheduling.timetable import Slot, span
from workshop.words import word


def render_rotation(session: Session, rounds: list[Round], slots: list[Slot], width: int = 120) -> str:
    language = session.workshop.language
    groups = {g.id: g.name for g in session.groups}
    table = Table(box=box.SQUARE, show_lines=True, expand=False)
    table.add_column("")
    for number, station in enumerate(session.stations, start=1):
        head = f"{word('station', language)} {number}\n{station.name}"
        if station.host:
            head += f"\n{word('host_prefix', language)} {station.host}"
        table.add_column(head)
    for number, assignment in enumerate(rounds, start=1):
        when = f": {span(slots[number - 1], language)}" if number <= len(slots) else ""
        cells = [", ".join(groups.get(g, g) for g in assignment.get(s.id, [])) or "-" for s in session.stations]
        table.add_row(f"{word('round', language)} {number}{when}", *cells)
    buffer = StringIO()
    console = Console(file=buffer, width=width, color_system=None, legacy_windows=False, highlight=False)
    console.print(table)
    return buffer.getvalue().rstrip("\n")
