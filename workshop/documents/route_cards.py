"""Route cards: one printed page per group, handed out before the evening.

Each card shows the group, its members, and its route: round, time, station, theme and host,
so a group finds its way without looking at the projector. When the session re-mixes people
(``[schedule] mode = "remix"``) each person moves on their own, so there is one card per person.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from workshop.documents.anonymize import redactor_for
from workshop.documents.docx_writer import DocxWriter, Run
from workshop.documents.format import DocumentFormat, Progress
from workshop.model.session import Member, Session
from workshop.scheduling.rotation import RotationError, remixing, route
from workshop.scheduling.timetable import DASH, round_slots, span
from workshop.words import word
from workshop.words.phrases import affiliation, long_date

if TYPE_CHECKING:  # python-docx is imported only when a document is written
    from docx.document import Document


class RouteCardsError(ValueError):
    """The session has no route to print (no groups, or no rotation for its shape)."""


def route_rows(session: Session, who: str, language: str) -> list[list[str]]:
    """[round, time, station, theme, host] for each round of a group's (or person's) route."""
    slots = round_slots(session)
    numbers = {s.id: n for n, s in enumerate(session.stations, start=1)}
    rows: list[list[str]] = []
    for round_number, station_id in route(session, who):
        when = span(slots[round_number - 1], language) if round_number <= len(slots) else ""
        station = session.station(station_id) if station_id else None
        if station is None:
            rows.append([str(round_number), when, word("waiting_here", language), "", ""])
        else:
            number = f"{word('station', language)} {numbers[station.id]}"
            rows.append([str(round_number), when, number, station.name, station.host])
    return rows


def build_route_cards(session: Session, *, language: str | None = None, anonymize: bool = False) -> Document:
    """One card per group (per person when re-mixing) as a python-docx Document; RouteCardsError when there are none."""
    language = language or session.workshop.language
    personal = remixing(session)
    if personal and anonymize:
        raise RouteCardsError(word("personal_cards", session.workshop.language))
    cards: list[tuple[str, list[Member] | None, str]] = []
    if personal:
        cards = [(person.name, None, person.name) for person in session.people()]
        if not cards:
            raise RouteCardsError(word("doc_no_participants", session.workshop.language))
    else:
        cards = [(group.name, list(group.members), group.id) for group in session.groups]
        if not cards:
            raise RouteCardsError(word("doc_no_groups", session.workshop.language))
    try:
        rows = {key: route_rows(session, key, language) for _, _, key in cards}
    except RotationError as error:
        raise RouteCardsError(word("doc_no_route", session.workshop.language, problem=error)) from None
    redact = redactor_for(session, word("name_placeholder", language)) if anonymize else None
    doc = DocxWriter(language, redact)
    workshop = session.workshop
    doc.set_properties(f"{word('route_cards', language)} {DASH} {workshop.title}", workshop.subtitle)
    head = [word(k, language) for k in ("round", "time", "station", "theme", "host")]
    for number, (title, members, key) in enumerate(cards):
        doc.heading(f"{word('route_card', language)}: {title}", 1, page_break=number > 0)
        line = workshop.title
        if workshop.date is not None:
            line += f" {DASH} {long_date(workshop.date, language)}"
        doc.paragraph(Run(line, italic=True))
        if workshop.location:
            doc.paragraph([Run(f"{word('location', language)}: ", bold=True), workshop.location])
        if members is not None and not anonymize:
            doc.heading(word("members", language), 2)
            if members:
                doc.bullets(
                    f"{m.name} ({shown})" if (shown := affiliation(m.affiliation, language)) else m.name
                    for m in members
                )
            else:
                doc.paragraph(word("no_members", language))
        doc.heading(word("route", language), 2)
        doc.table([head, *rows[key]], widths=[1, 2, 1.5, 5, 1.5])
    return doc.finish()


def write_route_cards(
    session: Session, target: Path | BinaryIO, *, language: str | None = None, anonymize: bool = False
) -> None:
    """Write the route cards to a path or a binary file object."""
    document = build_route_cards(session, language=language, anonymize=anonymize)
    document.save(str(target) if isinstance(target, Path) else target)


def _write(session: Session, target: Path, *, language: str, anonymize: bool, progress: Progress | None) -> None:
    write_route_cards(session, target, language=language, anonymize=anonymize)


FORMAT = DocumentFormat(
    name="route_cards",
    option="cards",
    extension=".docx",
    file_word="file.route_cards",
    title="document_route_cards",
    export="export_route_cards",
    write=_write,
)
"""The route cards in the registry of documents (``workshop export --format cards``)."""
