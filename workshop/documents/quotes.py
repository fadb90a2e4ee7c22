"""The quote table: every note as one row of a CSV file that Danish Excel opens as it is.

UTF-8 with a byte order mark (so Excel reads æ ø å right), ``;`` between the columns (Danish
Excel's list separator, since the comma is the decimal mark), CRLF line ends, every field that
needs it quoted. Columns: station, round, group, author, time, categories, text.

A cell that Excel would take for a formula (it starts with = + - @, e.g. a pasted "- bullet")
gets a leading apostrophe, so it shows as text and can never run as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from workshop.documents.anonymize import redactor_for
from workshop.documents.format import DocumentFormat, Progress
from workshop.documents.printable import printable
from workshop.model.session import Session
from workshop.notes.review import categories_of, stations_and_notes
from workshop.words import word

BOM = "\ufeff"
SEPARATOR = ";"
FORMULA_START = ("=", "+", "-", "@", "\t")

COLUMNS = ("station", "round", "group", "author", "time", "categories", "text")


def safe_cell(text: str) -> str:
    """Printable text that Excel shows as text, never as a formula."""
    text = printable(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def quote_rows(session: Session, *, language: str | None = None, anonymize: bool = False) -> list[list[str]]:
    """The header and one row per note, in the minutes' order (station, round, group, time)."""
    language = language or session.workshop.language
    redact: Callable[[str], str] = (
        redactor_for(session, word("name_placeholder", language)) if anonymize else (lambda text: text)
    )
    groups = {g.id: g.name for g in session.groups}
    rows = [[word(c, language) for c in COLUMNS]]
    for entry in stations_and_notes(session, every_station=False):
        station = entry.title(language, host=False)
        for note in entry.notes:
            rows.append(
                [
                    safe_cell(redact(station)),
                    str(note.round),
                    safe_cell(groups.get(note.group or "", note.group or "")),
                    safe_cell(redact(note.author)),
                    note.created.strftime("%Y-%m-%d %H:%M"),
                    safe_cell(", ".join(c.name for c in categories_of(session, note))),
                    safe_cell(redact(printable(note.text))),
                ]
            )
    return rows


def quotes_csv(session: Session, *, language: str | None = None, anonymize: bool = False) -> str:
    """The whole file as text, the BOM included."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=SEPARATOR, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerows(quote_rows(session, language=language, anonymize=anonymize))
    return buffer.getvalue()


def write_quotes(session: Session, target: Path, *, language: str | None = None, anonymize: bool = False) -> None:
    """Write the quote table to ``target``."""
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(quotes_csv(session, language=language, anonymize=anonymize))


def _write(session: Session, target: Path, *, language: str, anonymize: bool, progress: Progress | None) -> None:
    write_quotes(session, target, language=language, anonymize=anonymize)


FORMAT = DocumentFormat(
    name="quotes",
    option="csv",
    extension=".csv",
    file_word="file.quotes",
    title="document_quotes",
    export="export_quotes",
    write=_write,
)
"""The quote table in the registry of documents (``workshop export --format csv``)."""
