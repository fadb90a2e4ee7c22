"""Route cards: one printed page per group, handed out before the evening.

Each card shows the group, its members, its route (round, time, station, theme and host), the
questions the stations ask, and the evening's programme with the dinner break, so a group finds
its way without looking at the projector. The type is larger than the minutes' (13 pt), and no
word breaks inside a table cell. When the session re-mixes people (``[schedule] mode = "remix"``)
each person moves on their own, so there is one card per person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.documents.docx_writer import Content, DocxWriter, Run
from workshop.documents.format import DocumentError, ExportOptions, document_writer, given_options, word_document
from workshop.model.session import Member, Session
from workshop.scheduling.rotation import RotationError, remixing, route
from workshop.scheduling.timetable import DASH, planned, round_slots, span
from workshop.words import word
from workshop.words.phrases import affiliation, long_date

if TYPE_CHECKING:  # python-docx is imported only when a document is written
    from docx.document import Document


CARD_SIZE = 13.0
"""The route cards' type size in points (the minutes use Word's 11): read at arm's length in a busy room."""


class RouteCardsError(DocumentError):
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


def build_route_cards(
    session: Session, options: ExportOptions | None = None, *, language: str | None = None, anonymize: bool = False
) -> Document:
    """One card per group (per person when re-mixing) as a python-docx Document; RouteCardsError when there are none."""
    options = given_options(session, options, language=language, anonymize=anonymize)
    language = options.language
    anonymize = options.anonymize
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
        stops = {key: [station for _, station in route(session, key)] for _, _, key in cards}
    except RotationError as error:
        raise RouteCardsError(word("doc_no_route", session.workshop.language, problem=error)) from None
    doc = DocxWriter.for_export(session, options, body_size=CARD_SIZE)
    workshop = session.workshop
    doc.set_properties(f"{word('route_cards', language)} {DASH} {workshop.title}", workshop.subtitle or workshop.title)
    date = long_date(workshop.date, language) if workshop.date is not None else ""
    doc.header_and_footer(f"{word('route_cards', language)} {DASH} {workshop.title}", date)
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
            shown = [
                f"{m.name} ({where})" if (where := affiliation(m.affiliation, language)) else m.name for m in members
            ]
            listed = ", ".join(shown) or word("no_members", language)
            doc.paragraph([Run(f"{word('members', language)}: ", bold=True), listed])
        doc.heading(word("route", language), 2)
        doc.table([head, *rows[key]], widths=[1, 2, 1.5, 5, 1.5])
        _questions(doc, session, [s for s in stops[key] if s], language)
        _programme(doc, session, rows[key], language)
    return doc.finish()


def _questions(doc: DocxWriter, session: Session, stations: list[str], language: str) -> None:
    """The questions the stations on the route ask: once when every station asks the same."""
    asked = [(s, station.questions) for s in dict.fromkeys(stations) if (station := session.station(s)) is not None]
    asked = [(s, questions) for s, questions in asked if questions]
    if not asked:
        return
    doc.heading(word("card_questions", language), 2)
    if all(questions == asked[0][1] for _, questions in asked):
        doc.bullets(asked[0][1])
        return
    numbers = {s.id: n for n, s in enumerate(session.stations, start=1)}
    for station_id, questions in asked:
        doc.paragraph(Run(f"{word('station', language)} {numbers[station_id]}", bold=True), keep_next=True)
        doc.bullets(questions)


def _programme(doc: DocxWriter, session: Session, route: list[list[str]], language: str) -> None:
    """The evening's programme with its times, the dinner break included; a round says where the card goes."""
    slots = planned(session)
    if not slots:
        return
    doc.heading(word("program", language), 2)
    where = {int(row[0]): row[2] for row in route}
    rows: list[list[Content]] = [[word("time", language), word("activity", language)]]
    number = 0
    for slot in slots:
        activity: list[str | Run] = [slot.item.title]
        if slot.item.kind == "round":
            number += 1
            if where.get(number):
                activity.append(Run(f" {DASH} {where[number]}", bold=True))
        elif slot.item.kind == "break":
            activity = [Run(slot.item.title, bold=True)]
        rows.append([span(slot, language), activity])
    doc.table(rows, widths=[2, 8])


write_route_cards = document_writer(build_route_cards)
"""Write the route cards to a path or a binary file object (the arguments of :func:`build_route_cards`)."""


FORMAT = word_document("route_cards", "cards", build_route_cards)
"""The route cards in the registry of documents (``workshop export --format cards``)."""
