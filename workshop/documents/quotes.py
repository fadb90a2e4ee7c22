"""The quote table: every note as one row of a CSV file that Danish Excel opens as it is.

UTF-8 with a byte order mark (so Excel reads æ ø å right), ``;`` between the columns (Danish
Excel's list separator, since the comma is the decimal mark), CRLF line ends, every field that
needs it quoted. Columns: station, round, group, author, time, categories, text.

A cell that Excel would take for a formula (it starts with = + - @, e.g. a pasted "- bullet")
gets a leading apostrophe, so it shows as text and can never run as a formula.

A spreadsheet cell holds at most 32,767 characters and Excel cuts longer text without a word.
A note longer than that is split over several rows with the same station, round, group, author,
time and categories, each part marked "(del 1 af 3)", so nothing is lost and the reader sees why.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from workshop.documents.format import DocumentFormat, ExportOptions
from workshop.documents.printable import printable
from workshop.model.session import Session
from workshop.notes.review import categories_of, stations_and_notes
from workshop.words import word

BOM = "\ufeff"
SEPARATOR = ";"
FORMULA_START = ("=", "+", "-", "@", "\t")

COLUMNS = ("station", "round", "group", "author", "time", "categories", "text")

CELL_LIMIT = 32_767
"""The most characters a spreadsheet cell holds (Excel and LibreOffice Calc; counted in UTF-16 units)."""
PART_ROOM = 32_000
"""A long note's part, in UTF-16 units: under the limit with room for the "(del 2 af 3)" mark and an apostrophe."""


def safe_cell(text: str) -> str:
    """Printable text that Excel shows as text, never as a formula."""
    text = printable(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def quote_rows(
    session: Session,
    *,
    language: str | None = None,
    anonymize: bool = False,
    redact: Callable[[str], str] | None = None,
) -> list[list[str]]:
    """The header and one row per note (a long note: one per part), in the minutes' order (station, round, group,
    time)."""
    language = language or session.workshop.language
    if redact is None:
        redact = ExportOptions(language, anonymize).redactor(session) or (lambda text: text)
    groups = {g.id: g.name for g in session.groups}
    rows = [[word(c, language) for c in COLUMNS]]
    for entry in stations_and_notes(session, every_station=False):
        station = entry.title(language, host=False)
        for note in entry.notes:
            head = [
                safe_cell(redact(station)),
                str(note.round),
                safe_cell(redact(groups.get(note.group or "", note.group or ""))),
                safe_cell(redact(note.author)),
                note.created.strftime("%Y-%m-%d %H:%M"),
                safe_cell(redact(", ".join(c.name for c in categories_of(session, note)))),
            ]
            parts = split_long(redact(printable(note.text)))
            if len(parts) == 1:
                rows.append([*head, safe_cell(parts[0])])
                continue
            for number, part in enumerate(parts, start=1):
                mark = word("note_part", language, part=number, parts=len(parts))
                rows.append([*head, f"{mark} {part}"])
    return rows


def _units(text: str) -> int:
    """The length as a spreadsheet counts it (UTF-16 code units: an emoji is two)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def split_long(text: str, room: int = PART_ROOM) -> list[str]:
    """The text in parts that each fit a spreadsheet cell, cut at a space or line break where one is near."""
    if _units(text) <= CELL_LIMIT - 1:
        return [text]
    parts: list[str] = []
    rest = text
    while _units(rest) > room:
        cut = room
        while _units(rest[:cut]) > room:  # emoji count double
            cut -= (_units(rest[:cut]) - room + 1) // 2 + 1
        space = max(rest.rfind(" ", cut - 500, cut), rest.rfind("\n", cut - 500, cut))
        if space > 0:
            cut = space + 1
        parts.append(rest[:cut])
        rest = rest[cut:]
    parts.append(rest)
    return parts


def quotes_csv(
    session: Session,
    *,
    language: str | None = None,
    anonymize: bool = False,
    redact: Callable[[str], str] | None = None,
) -> str:
    """The whole file as text, the BOM included."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=SEPARATOR, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerows(quote_rows(session, language=language, anonymize=anonymize, redact=redact))
    return buffer.getvalue()


def write_quotes(
    session: Session,
    target: Path,
    *,
    language: str | None = None,
    anonymize: bool = False,
    redact: Callable[[str], str] | None = None,
) -> None:
    """Write the quote table to ``target``."""
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(quotes_csv(session, language=language, anonymize=anonymize, redact=redact))


def _write(session: Session, target: Path, options: ExportOptions) -> None:
    write_quotes(
        session, target, language=options.language, anonymize=options.anonymize, redact=options.redactor(session)
    )


FORMAT = DocumentFormat(
    name="quotes",
    option="csv",
    extension=".csv",
    file_word="file.quotes",
    title="document_quotes",
    export="export_quotes",
    write=_write,
    word_file=False,
)
"""The quote table in the registry of documents (``workshop export --format csv``)."""
