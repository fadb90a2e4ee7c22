"""A draft agenda item for the committee that decides on the recommendations, in the municipal form (seed 004).

In the order of the municipality's minutes: the item's title; "Åben sag"; "Sagsgang", the
committees the case passes ("HU", "ØU, KB": ``[agenda] route``); "Sagsfremstilling", the case as
its own text (``[agenda] case``, or the report's introduction or the overall summary while it is
unwritten) followed by the recommendations, each with a bold lead-in and its purpose;
"Indstilling", "Forvaltningen indstiller, at …" (``[agenda] proposed_decision``); "Beslutning i
<udvalg> den <dato>" with room left for the committee; and "Bilag:", the minutes and the
recommendations report numbered by their file names. What is not written yet is said in the
document's language where it would stand, never as a key of the session file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.documents.docx_writer import DocxWriter, Run
from workshop.documents.format import ExportOptions, document_writer, given_options, word_document
from workshop.documents.recommendations_report import numbered_title
from workshop.model.session import Session
from workshop.notes import recommendations as rec
from workshop.notes.summaries import text_for
from workshop.scheduling.timetable import DASH
from workshop.words import word
from workshop.words.phrases import long_date

if TYPE_CHECKING:  # python-docx is imported only when a document is written
    from docx.document import Document

ATTACHED = ("minutes", "recommendations")
"""The documents the agenda item lists as attachments, in order."""


def proposal(text: str, language: str) -> str:
    """The recommended decision in the form of the minutes: a bare "at …" clause gets its
    "Forvaltningen indstiller, " ("The administration recommends "); a full sentence stands as written."""
    stripped = text.lstrip()
    clause = word("agenda_proposal_clause", language)
    head, _, rest = stripped.partition(" ")
    if head.casefold() == clause and rest:
        return word("agenda_proposes", language, clause=f"{clause} {rest}")
    return text


def decision_heading(session: Session, language: str) -> str:
    """ "Beslutning i Hovedudvalget den 08-09-2022" (without a day: "Beslutning i Hovedudvalget")."""
    agenda = session.agenda
    committee = agenda.committee.strip() or word("agenda_committee_unnamed", language)
    if agenda.meeting is None:
        return word("agenda_decision_in", language, committee=committee)
    date = agenda.meeting.strftime("%d-%m-%Y") if language == "da" else long_date(agenda.meeting, language)
    return word("agenda_decision_on", language, committee=committee, date=date)


def build_agenda(
    session: Session, options: ExportOptions | None = None, *, language: str | None = None, anonymize: bool = False
) -> Document:
    """The agenda item as a python-docx Document (not yet saved)."""
    options = given_options(session, options, language=language, anonymize=anonymize)
    language = options.language

    def w(key: str, **values: object) -> str:
        return word(key, language, **values)

    def missing(key: str) -> None:
        doc.paragraph(Run(w(key), italic=True))

    doc = DocxWriter.for_export(session, options)
    workshop, agenda = session.workshop, session.agenda
    title = agenda.title.strip() or w("agenda_title", title=workshop.title)
    doc.set_properties(title, workshop.subtitle or workshop.title)
    date = long_date(workshop.date, language) if workshop.date is not None else ""
    doc.header_and_footer(f"{w('document_agenda')} {DASH} {workshop.title}", date)
    doc.heading(title, 1)
    doc.paragraph(w("agenda_open_case"))

    doc.heading(w("agenda_route"), 2)
    if agenda.route.strip():
        doc.paragraph(agenda.route.strip())
    else:
        missing("agenda_route_missing")

    doc.heading(w("agenda_case"), 2)
    case = text_for(session, "case")
    if case.strip():
        doc.rich(case)
    else:
        missing("agenda_case_missing")
    numbered = rec.numbered(session)
    if numbered:
        lead = w("agenda_case_lead_one") if len(numbered) == 1 else w("agenda_case_lead", count=len(numbered))
        doc.paragraph(lead, keep_next=True)
        for number, recommendation in numbered:
            doc.bullet(Run(numbered_title(number, recommendation.title, language), bold=True), keep_next=True)
            if recommendation.purpose.strip():
                doc.rich(recommendation.purpose)
    else:
        doc.paragraph(w("no_recommendations"))

    doc.heading(w("agenda_proposal"), 2)
    if agenda.proposed_decision.strip():
        doc.rich(proposal(agenda.proposed_decision, language))
    else:
        missing("agenda_proposal_missing")

    doc.heading(decision_heading(session, language), 2)
    missing("agenda_decision_blank")

    doc.heading(w("agenda_attachments"), 2)
    for number, kind in enumerate(ATTACHED, start=1):
        name = options.files.get(kind) or w(f"document_{kind}")
        doc.paragraph(f"{number} {DASH} {name}")
    return doc.finish()


write_agenda = document_writer(build_agenda)
"""Write the agenda item to a path or a binary file object (``options`` or the keywords of :func:`build_agenda`)."""


FORMAT = word_document("agenda", "agenda", build_agenda)
"""The draft agenda item in the registry of documents (``workshop export --format agenda``)."""
