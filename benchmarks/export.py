"""How fast the minutes are written, beside the naive python-docx way, in one run.

    python benchmarks/export.py [--sizes 1000,10000] [--repeats 3] [--no-naive]

Targets (issue 5): minutes for 1,000 notes in <= 0.3 s and for 10,000 notes in <= 2 s.
"naive" writes the same document with python-docx's everyday calls: ``add_heading`` and
``add_paragraph(text, style="List Bullet")`` for every note (a style looked up by name each
time) and ``table.cell(r, c)`` for every cell. The table line fills a 30 x 30 table through
``table.cell(r, c)``, through one pass over the rows, and with the writer the minutes use.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from docx import Document  # noqa: E402

from benchmarks.sessions import make_session  # noqa: E402
from workshop.documents.docx_writer import DocxWriter  # noqa: E402
from workshop.documents.minutes import station_heading, write_minutes  # noqa: E402
from workshop.documents.printable import printable  # noqa: E402
from workshop.documents.quotes import quotes_csv  # noqa: E402
from workshop.model.session import Session  # noqa: E402
from workshop.notes.review import stations_and_notes, tally  # noqa: E402
from workshop.scheduling.timetable import planned, span  # noqa: E402
from workshop.storage.session_file import load  # noqa: E402


def seconds(value: float) -> str:
    return f"{value:8.3f} s"


def timed(action, repeats: int) -> float:
    """The median of ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def naive_minutes(session: Session, target) -> None:
    """The same minutes written the everyday python-docx way."""
    doc = Document()
    language = session.workshop.language
    doc.add_paragraph(session.workshop.title, style="Title")
    doc.add_paragraph(session.workshop.subtitle, style="Subtitle")
    doc.add_heading("Program", 1)
    slots = planned(session)
    table = doc.add_table(rows=len(slots) + 1, cols=2, style="Table Grid")
    for row, slot in enumerate(slots, start=1):
        table.cell(row, 0).text = span(slot, language)
        table.cell(row, 1).text = slot.item.title
    groups = {g.id: g.name for g in session.groups}
    entries = stations_and_notes(session)
    for entry in entries:
        doc.add_heading(station_heading(entry, language), 1)
        doc.add_heading("Noter", 2)
        for category, notes in entry.by_category:
            doc.add_heading(f"{category.name} ({len(notes)})", 3)
            for note in notes:
                paragraph = doc.add_paragraph(printable(note.text), style="List Bullet")
                paragraph.add_run(f" ({groups.get(note.group, '')}, runde {note.round})").italic = True
        doc.add_heading(f"Ikke kodet ({len(entry.uncoded)})", 3)
        for note in entry.uncoded:
            doc.add_paragraph(printable(note.text), style="List Bullet")
    counts = tally(session, entries)
    doc.add_heading("Overblik", 1)
    table = doc.add_table(rows=len(counts.rows) + 1, cols=len(entries) + 1, style="Table Grid")
    for row, (category, numbers) in enumerate(counts.rows, start=1):
        table.cell(row, 0).text = category.name
        for column, number in enumerate(numbers, start=1):
            table.cell(row, column).text = str(number)
    doc.save(target)


def table_by_cell(size: int) -> None:
    doc = Document()
    table = doc.add_table(rows=size, cols=size, style="Table Grid")
    for r in range(size):
        for c in range(size):
            table.cell(r, c).text = f"{r},{c}"


def table_by_rows(size: int) -> None:
    doc = Document()
    table = doc.add_table(rows=size, cols=size, style="Table Grid")
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r},{c}"


def table_by_writer(size: int) -> None:
    writer = DocxWriter()
    writer.table([[f"{r},{c}" for c in range(size)] for r in range(size)])
    writer.finish()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-naive", action="store_true", help="skip the slow naive runs")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"export benchmark: median of {args.repeats} runs (naive: 1 run)")
    print(f"{'notes':>7} | {'minutes':>10} {'anonymized':>11} | {'naive':>10} | {'quote table':>11}")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for size in sizes:
            session, _ = load(make_session(folder, size))
            target = folder / f"minutes-{size}.docx"
            ours = timed(lambda: write_minutes(session, target), args.repeats)
            anonymized = timed(lambda: write_minutes(session, target, anonymize=True), args.repeats)
            quotes = timed(lambda: quotes_csv(session), args.repeats)
            naive = float("nan") if args.no_naive else timed(lambda: naive_minutes(session, io.BytesIO()), 1)
            print(f"{size:>7} | {seconds(ours)} {seconds(anonymized):>11} | {seconds(naive)} | {seconds(quotes):>11}")
    by_cell = timed(lambda: table_by_cell(30), 1)
    by_rows = timed(lambda: table_by_rows(30), args.repeats)
    by_writer = timed(lambda: table_by_writer(30), args.repeats)
    print(
        f"30 x 30 table: table.cell(r, c) {seconds(by_cell)}, rows once {seconds(by_rows)}, "
        f"writer {seconds(by_writer)}"
    )
    print("targets: minutes for 1,000 notes <= 0.3 s, for 10,000 notes <= 2 s")


if __name__ == "__main__":
    main()
