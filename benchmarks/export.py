"""How fast the documents are written, beside the naive way, in one run.

    python benchmarks/export.py [--sizes 1000,10000] [--repeats 3] [--no-naive]

Targets (issue 5): minutes for 1,000 notes in <= 0.3 s and for 10,000 notes in <= 2 s.
Targets (issue 13): the recommendations report and the REFI-QDA project (.qdpx) each <= 0.3 s at
1,000 notes and <= 2 s at 10,000; the anonymized minutes <= 2 x the plain minutes.

"naive" writes the same document the everyday way: for Word, python-docx's ``add_heading`` and
``add_paragraph(text, style="List Bullet")`` for every note (a style looked up by name each
time) and ``table.cell(r, c)`` for every cell; for the .qdpx, an ``xml.etree`` tree serialized
and zipped at the default compression. The report's session has eight recommendations citing
and linking a fiftieth of the notes each (its appendix grows with the notes). The table line
fills a 30 x 30 table through ``table.cell(r, c)``, through one pass over the rows, and with the
writer the minutes use.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
# The report's page numbers from LibreOffice (about 2 s, the same at any size) are not what is measured here.
os.environ.setdefault("WORKSHOP_SOFFICE", "none")

import xml.etree.ElementTree as ElementTree  # noqa: E402
import zipfile  # noqa: E402

from docx import Document  # noqa: E402

from benchmarks.sessions import make_session  # noqa: E402
from workshop.documents.docx_writer import DocxWriter  # noqa: E402
from workshop.documents.format import ExportOptions  # noqa: E402
from workshop.documents.minutes import station_heading, write_minutes  # noqa: E402
from workshop.documents.printable import printable  # noqa: E402
from workshop.documents.qdc import category_guid  # noqa: E402
from workshop.documents.qdpx import write_project  # noqa: E402
from workshop.documents.quotes import quotes_csv  # noqa: E402
from workshop.documents.recommendations_report import write_report  # noqa: E402
from workshop.model.recommendations import SECTION_NAMES, Recommendation  # noqa: E402
from workshop.model.session import Session  # noqa: E402
from workshop.notes import recommendations as rec  # noqa: E402
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


def with_recommendations(session: Session) -> Session:
    """The session with eight recommendations like seed 001's, each citing and linking a fiftieth of the notes."""
    share = max(len(session.notes) // 50, 1)
    recommendations = []
    notes = list(session.notes)
    for number in range(8):
        station = f"s{number % 3 + 1}"
        cited = [n.id for n in notes[number * share : (number + 1) * share]]
        sections = {s: f"Tekst til {s}.\n- første punkt\n- andet punkt" for s in SECTION_NAMES}
        recommendations.append(
            Recommendation(
                id=f"r{number + 1}",
                title=f"Anbefaling om emne {number + 1}",
                station=station,
                intro="En kort indledning.",
                notes=cited,
                **sections,
            )
        )
        start = (8 + number) * share
        for index in range(start, min(start + share, len(notes))):
            notes[index] = notes[index].model_copy(update={"recommendation": f"r{number + 1}", "section": "actions"})
    return session.model_copy(update={"recommendations": recommendations, "notes": notes})


def naive_report(session: Session, target) -> None:
    """The same report written the everyday python-docx way."""
    doc = Document()
    doc.add_paragraph("Anbefalinger", style="Title")
    doc.add_heading("Indhold", 1)
    groups = {g.id: g.name for g in session.groups}
    for group in rec.by_theme(session):
        doc.add_heading(f"Anbefalinger – {group.name}", 1)
        for number, recommendation in group.recommendations:
            doc.add_paragraph(f"Anbefaling {number}: {recommendation.title}", style="List Bullet")
        for number, recommendation in group.recommendations:
            doc.add_heading(f"Anbefaling {number}: {recommendation.title}", 2)
            for section in SECTION_NAMES:
                doc.add_heading(rec.section_title(section, "da"), 3)
                for bullet, text in rec.bullets_of(getattr(recommendation, section)):
                    doc.add_paragraph(text, style="List Bullet" if bullet else None)
    doc.add_heading("Bilag", 1)
    for recommendation in session.recommendations:
        doc.add_heading(recommendation.title, 2)
        for note in rec.cited_notes(session, recommendation):
            paragraph = doc.add_paragraph(printable(note.text), style="List Bullet")
            paragraph.add_run(f" ({groups.get(note.group or '', '')}, runde {note.round})").italic = True
        for section, notes in rec.linked_notes(session, recommendation.id).items():
            doc.add_heading(section, 3)
            for note in notes:
                doc.add_paragraph(printable(note.text), style="List Bullet")
    doc.save(target)


def naive_qdpx(session: Session, target) -> None:
    """The same project built as an xml.etree tree and zipped at the default compression."""
    root = ElementTree.Element("Project", {"xmlns": "urn:QDA-XML:project:1.0", "name": session.workshop.title})
    codes = ElementTree.SubElement(ElementTree.SubElement(root, "CodeBook"), "Codes")
    for category in session.categories:
        ElementTree.SubElement(
            codes, "Code", {"guid": category_guid(session, category), "name": category.name, "isCodable": "true"}
        )
    sources = ElementTree.SubElement(root, "Sources")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for note in session.notes:
            source = ElementTree.SubElement(
                sources,
                "TextSource",
                {"guid": note.id.upper(), "name": note.id, "plainTextPath": f"internal://{note.id}.txt"},
            )
            text = printable(note.text)
            if note.categories:
                selection = ElementTree.SubElement(
                    source,
                    "PlainTextSelection",
                    {"guid": note.id.upper(), "startPosition": "0", "endPosition": str(len(text))},
                )
                for category in session.categories:
                    if category.id in note.categories:
                        coding = ElementTree.SubElement(selection, "Coding", {"guid": note.id.upper()})
                        ElementTree.SubElement(coding, "CodeRef", {"targetGUID": category_guid(session, category)})
            archive.writestr(f"sources/{note.id}.txt", text)
        archive.writestr("project.qde", ElementTree.tostring(root, encoding="unicode"))


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
    parser.add_argument("--table", type=int, default=30, help="rows and columns of the table case (CI: 5)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"export benchmark: median of {args.repeats} runs (naive: 1 run)")
    print(
        f"{'notes':>7} | {'minutes':>10} {'anonymized':>10} {'ratio':>6} {'naive':>10} | {'report':>10} {'naive':>10} "
        f"| {'qdpx':>10} {'naive':>10} | {'quote table':>11}"
    )
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for size in sizes:
            session, _ = load(make_session(folder, size))
            session = with_recommendations(session)
            target = folder / f"minutes-{size}.docx"
            ours = timed(lambda: write_minutes(session, target), args.repeats)
            anonymized = timed(lambda: write_minutes(session, target, anonymize=True), args.repeats)
            with_notes = ExportOptions("da", appendix="with-names")  # the appendix of cited notes, as the naive way
            report = timed(lambda: write_report(session, folder / "report.docx", with_notes), args.repeats)
            qdpx = timed(lambda: write_project(session, folder / "notes.qdpx"), args.repeats)
            quotes = timed(lambda: quotes_csv(session), args.repeats)
            skip = float("nan")
            naive = skip if args.no_naive else timed(lambda: naive_minutes(session, io.BytesIO()), 1)
            naive_rep = skip if args.no_naive else timed(lambda: naive_report(session, io.BytesIO()), 1)
            naive_q = skip if args.no_naive else timed(lambda: naive_qdpx(session, folder / "naive.qdpx"), 1)
            print(
                f"{size:>7} | {seconds(ours)} {seconds(anonymized)} {anonymized / ours:5.2f}x {seconds(naive)} | "
                f"{seconds(report)} {seconds(naive_rep)} | {seconds(qdpx)} {seconds(naive_q)} | {seconds(quotes):>11}"
            )
    size = args.table
    by_cell = timed(lambda: table_by_cell(size), 1)
    by_rows = timed(lambda: table_by_rows(size), args.repeats)
    by_writer = timed(lambda: table_by_writer(size), args.repeats)
    print(
        f"{size} x {size} table: table.cell(r, c) {seconds(by_cell)}, "
        f"rows once {seconds(by_rows)}, writer {seconds(by_writer)}"
    )
    print(
        "targets: minutes, report and qdpx for 1,000 notes <= 0.3 s, for 10,000 notes <= 2 s; "
        "anonymized minutes <= 2x the plain"
    )


if __name__ == "__main__":
    main()
