"""How fast a note-taker can work with 10,000 notes in the session.

    python benchmarks/notes.py [--notes 10000] [--repeat 30] [--listview 2000]

Targets (issue 4), with 10,000 notes in the session:

* a keystroke in the note field reaches the screen in <= 50 ms;
* saving a note and applying a category stay within the store's targets (p50 <= 10 ms);
* filtering or searching all notes takes <= 100 ms.

"Reaches the screen" is measured from handing the key to the app until the app has produced
the terminal output of the frame that shows it (the headless driver discards the output, so the
benchmark renders it itself, as a real terminal driver would). The notes are generated into a
temporary folder through the Store.

Last, the tables side by side, each filled with the same rows: Textual's DataTable (``add_rows``),
the note table's own way (:class:`~workshop.tui.textual_compat.FixedWidthDataTable`), the
``textual-fastdatatable`` package when it is installed (it is not a dependency: see below), and
a ListView with fewer rows, as it is slow. For each: filling it until it is on screen, an arrow
key, and a filter (a quarter of the rows instead of all).

textual-fastdatatable (0.19.5, for Textual >= 7.3) was tried for the notes and review tables
and not kept: it keeps its cells in Arrow (pyarrow, some 170 MB), so a cell is a value or a
markup string rather than a styled rich Text; its rows have no keys (a note's row moves when a
row above it goes), and ``clear()`` raises "Unmount this table and mount a new one instead", so
every filter would mount a new table. The figures below show what it would gain.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from rich.text import Text  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widget import Widget  # noqa: E402
from textual.widgets import DataTable, Label, ListItem, ListView, TextArea  # noqa: E402

from workshop.model.session import Note  # noqa: E402
from workshop.notes.review import NoteFilter, filter_notes  # noqa: E402
from workshop.storage.operations import note_op  # noqa: E402
from workshop.storage.store import Store  # noqa: E402
from workshop.tui.app import WorkshopApp  # noqa: E402
from workshop.tui.components.note_table import NoteTable  # noqa: E402
from workshop.tui.screens.review import ReviewScreen  # noqa: E402
from workshop.tui.textual_compat import FixedWidthDataTable, deliver_key, watch_frames  # noqa: E402

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "sessions" / "meeting-3.toml"
SIZE = (100, 30)
WORDS = (
    "ledelse sparring trivsel praktik uddannelse løn arbejdsmiljø rekruttering fastholdelse "
    "kolleger vagtplan elever mentor økonomi kommunikation – § ø å æ"
).split()

rows_printed: list[tuple[str, str, str, str]] = []


def report(what: str, figure: str, target: str = "", ok: bool | None = None) -> None:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    rows_printed.append((what, figure, target, verdict))
    print(f"{what:<58} {figure:>18}  {target:<12} {verdict}", flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def p50_max(values: list[float]) -> str:
    return f"p50 {statistics.median(values) * 1000:.1f} / max {max(values) * 1000:.1f} ms"


# The session ------------------------------------------------------------------------------------


def generate(folder: Path, count: int, seed: int = 4) -> Path:
    """A copy of meeting 3 with ``count`` made-up notes, written through the Store."""
    path = folder / "notes-bench.toml"
    shutil.copy(EXAMPLE, path)
    chance = random.Random(seed)
    store = Store.open(path, author="Notetager 1", backup=False)
    categories = [c.id for c in store.session.categories]
    stations = [s.id for s in store.session.stations]
    made = 0
    while made < count:
        batch = []
        for _ in range(min(1000, count - made)):
            station = chance.choice(stations)
            round_number = chance.randint(1, 3)
            text = " ".join(chance.choice(WORDS) for _ in range(chance.randint(6, 30)))
            if chance.random() < 0.2:
                text += "\n" + " ".join(chance.choice(WORDS) for _ in range(8))
            batch.append(
                Note(
                    station=station,
                    round=round_number,
                    text=text,
                    group=f"g{(stations.index(station) - (round_number - 1)) % len(stations) + 1}",
                    categories=chance.sample(categories, chance.randint(0, 2)),
                    author=f"Notetager {chance.randint(1, 3)}",
                )
            )
        store.transact("notes generated", lambda session, batch=batch: [note_op(None, n) for n in batch])
        made += len(batch)
    store.close()
    return path


# Timing the screen ------------------------------------------------------------------------------


class FrameClock:
    """Notes when the app has produced a frame's terminal output."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.frames: list[float] = []
        watch_frames(app, lambda output: self.frames.append(time.perf_counter()))

    async def until(self, started: float, done: Callable[[], bool], limit: float = 5.0) -> float:
        """Seconds from ``started`` to the first frame after ``done()`` became true."""
        seen = len(self.frames)
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            await asyncio.sleep(0.0005)
            if done() and len(self.frames) > seen and self.frames[-1] >= started:
                ready = [f for f in self.frames[seen:] if f >= started]
                if ready:
                    return ready[-1] - started
            elif len(self.frames) > seen and not done():
                seen = len(self.frames)
        return float("inf")


async def capture_figures(path: Path, repeat: int) -> None:
    store = Store.open(path, author="Notetager 1", backup=False)
    app = WorkshopApp(store, mode="notes", station="s1", poll=False)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            frames = FrameClock(app)
            table = app.screen.query_one(NoteTable)
            shown = f"{len(store.session.notes)} / {table.row_count}"
            report("notes in the session / at station 1 (in the table)", shown)

            # A keystroke in the note field -> on screen.
            area = app.screen.query_one("#note-text", TextArea)
            area.focus()
            await pilot.pause()
            keys = []
            for number in range(repeat):
                char = "abcdefghij"[number % 10]
                before = area.text
                started = time.perf_counter()
                deliver_key(app, char, char)  # as the terminal driver does
                keys.append(await frames.until(started, lambda before=before: area.text != before))
            report("keystroke in the note field -> on screen", p50_max(keys), "<= 50 ms", max(keys) <= 0.050)

            # Saving a note: the store alone, and the whole screen path.
            saves, screen_saves = [], []
            for number in range(repeat):
                area.load_text(f"Måling {number}: lederen skal være synlig – æøå §")
                started = time.perf_counter()
                app.screen.action_save()
                screen_saves.append(await frames.until(started, lambda: area.text == ""))
            for number in range(repeat):
                started = time.perf_counter()
                store.add_note("s1", 1, f"Direkte {number}")
                saves.append(time.perf_counter() - started)
            app.changed()
            await pilot.pause()
            report("save a note: store.add_note", p50_max(saves), "p50 <= 10 ms", statistics.median(saves) <= 0.010)
            report("save a note: ctrl+s -> saved and on screen", p50_max(screen_saves))

            # Applying a category with a digit: the store alone, and key -> on screen.
            table.focus()
            await pilot.pause()
            toggles, screen_toggles = [], []
            note_ids = [n.id for n in store.session.notes if n.station == "s1"][-repeat:]
            for note_id in note_ids:
                started = time.perf_counter()
                store.toggle_category(note_id, "c2")
                toggles.append(time.perf_counter() - started)
            app.changed()
            await pilot.pause()
            for _ in range(repeat):
                note = table.selected_note()
                before = list(note.categories)
                started = time.perf_counter()
                deliver_key(app, "1", "1")
                screen_toggles.append(
                    await frames.until(
                        started,
                        lambda note=note, before=before: (
                            store.index.get(note.id).categories != before
                            and table.selected_note() is store.index.get(note.id)
                        ),
                    )
                )
            report(
                "apply a category: store.toggle_category",
                p50_max(toggles),
                "p50 <= 10 ms",
                statistics.median(toggles) <= 0.010,
            )
            report("apply a category: digit -> coded and on screen", p50_max(screen_toggles))

            # Filtering and searching: the core over every note, then the review screen.
            notes = store.session.notes
            filters = {
                "filter: one station": NoteFilter(station="s2"),
                "filter: round + group + category": NoteFilter(round=2, group="g1", category="c1"),
                "filter: uncoded": NoteFilter(uncoded=True),
                "search: one word": NoteFilter(text="mentor"),
                "search: three words": NoteFilter(text="ledelse trivsel løn"),
                "search: a phrase + a filter": NoteFilter(text='"praktik uddannelse"', station="s3"),
            }
            for name, note_filter in filters.items():
                times = []
                for _ in range(max(5, repeat // 3)):
                    started = time.perf_counter()
                    found = filter_notes(notes, note_filter)
                    times.append(time.perf_counter() - started)
                report(f"{name} ({len(found)} found)", p50_max(times), "<= 100 ms", max(times) <= 0.100)

            app.push_screen(ReviewScreen())
            await pilot.pause()
            review = app.screen
            review_table = review.query_one(NoteTable)
            for name, note_filter in [
                ("review screen: search one word -> on screen", NoteFilter(text="mentor")),
                ("review screen: one station -> on screen", NoteFilter(station="s2")),
                ("review screen: back to all notes -> on screen", NoteFilter()),
            ]:
                started = time.perf_counter()
                review.set_filter(note_filter)
                wanted = review.shown
                elapsed = await frames.until(started, lambda wanted=wanted: review_table.row_count == wanted)
                report(f"{name} ({wanted} rows)", ms(elapsed))
            review_table.focus()
            await pilot.pause()
            arrows = []
            for _ in range(repeat):
                row = review_table.cursor_row
                started = time.perf_counter()
                deliver_key(app, "down")
                arrows.append(await frames.until(started, lambda row=row: review_table.cursor_row == row + 1))
            report(f"review screen: arrow key with {review_table.row_count} rows -> on screen", p50_max(arrows))
    finally:
        store.close()


# The tables side by side ----------------------------------------------------------------------

COLUMNS = (("Kl.", 5), ("St", 2), ("Note", 60), ("Kategorier", 24))
"""The note table's columns (fewer of them), each with a fixed width."""


def table_rows(count: int) -> list[tuple[str, str, str, str]]:
    """``count`` rows of made-up notes: time, station, text, categories."""
    return [
        (
            f"{18 + n // 600 % 4:02d}:{n // 10 % 60:02d}",
            str(n % 3 + 1),
            f"Note {n}: " + " ".join(WORDS[(n + k) % len(WORDS)] for k in range(8)),
            "Ledelse · Trivsel" if n % 3 else "● ukodet",
        )
        for n in range(count)
    ]


def fast_table_class() -> type[Widget] | None:
    """textual-fastdatatable's DataTable, when the package is installed."""
    try:
        from textual_fastdatatable import DataTable as FastDataTable
    except ImportError:
        return None
    return FastDataTable  # type: ignore[no-any-return]


class Tables(App[None]):
    """One table of the given kind, filled by the benchmark."""

    def __init__(self, kind: str, rows: list[tuple[str, str, str, str]]) -> None:
        super().__init__()
        self.kind = kind
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield from ()

    def make(self, rows: list[tuple[str, str, str, str]]) -> Widget:
        """A new table of this app's kind with ``rows`` in it (only textual-fastdatatable takes them at once)."""
        if self.kind == "listview":
            return ListView(*[ListItem(Label(Text(row[2]))) for row in rows])
        if self.kind == "fastdatatable":
            fast = fast_table_class()
            assert fast is not None
            return fast(
                data=[list(row) for row in rows],
                column_labels=[name for name, _ in COLUMNS],
                column_widths=[width for _, width in COLUMNS],
                cursor_type="row",
                render_markup=False,
            )
        table: DataTable[Text] = (
            FixedWidthDataTable(cursor_type="row") if self.kind == "fixed" else DataTable(cursor_type="row")
        )
        for name, width in COLUMNS:
            table.add_column(name, width=width, key=name)
        self.fill(table, rows)
        return table

    def fill(self, table: DataTable[Text], rows: list[tuple[str, str, str, str]]) -> None:
        """Put ``rows`` into a Textual DataTable, the way this app's kind does it."""
        cells = [tuple(Text(cell, no_wrap=True, overflow="ellipsis") for cell in row) for row in rows]
        if isinstance(table, FixedWidthDataTable):
            table.append_rows([str(n) for n in range(len(cells))], cells)
        else:
            table.add_rows(cells)


async def table_figures(kind: str, count: int) -> tuple[float, float, float]:
    """Seconds to fill a table of ``kind`` until it is drawn, for an arrow key, and to show a quarter."""
    rows = table_rows(count)
    app = Tables(kind, rows)
    async with app.run_test(size=SIZE) as pilot:
        started = time.perf_counter()
        widget = app.make(rows)
        await app.mount(widget)
        widget.focus()
        await pilot.pause()
        filled = time.perf_counter() - started
        started = time.perf_counter()
        await pilot.press("down")
        arrow = time.perf_counter() - started
        quarter = rows[::4]
        started = time.perf_counter()
        if isinstance(widget, DataTable):
            widget.clear()
            app.fill(widget, quarter)
        else:  # textual-fastdatatable cannot be cleared, a ListView is rebuilt: a new one
            await widget.remove()
            widget = app.make(quarter)
            await app.mount(widget)
        await pilot.pause()
        return filled, arrow, time.perf_counter() - started


async def list_figures(listview: int, rows: int) -> None:
    """The tables side by side (see the module's docstring)."""
    kinds = [
        ("DataTable (Textual, add_rows)", "datatable", rows),
        ("FixedWidthDataTable (the note table)", "fixed", rows),
    ]
    if fast_table_class() is not None:
        kinds.append(("textual-fastdatatable", "fastdatatable", rows))
    else:
        report("textual-fastdatatable", "not installed", "pip install textual-fastdatatable to compare")
    if listview:
        kinds.append(("ListView", "listview", listview))
    for name, kind, count in kinds:
        filled, arrow, quarter = await table_figures(kind, count)
        report(f"{name}, {count} rows: fill / arrow / a quarter", f"{filled:.2f} s / {ms(arrow)} / {quarter:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--listview", type=int, default=2_000, help="ListView items (0: skip; 10,000 takes minutes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        path = generate(Path(folder), args.notes)
        report(f"generate {args.notes} notes through the Store", f"{time.perf_counter() - started:.2f} s")
        asyncio.run(capture_figures(path, args.repeat))
    asyncio.run(list_figures(args.listview, args.notes))
    missed = [row for row in rows_printed if row[3] == "MISSED"]
    print(f"\n{len(missed)} target(s) missed" if missed else "\nevery target met")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
