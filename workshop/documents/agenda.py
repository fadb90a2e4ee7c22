"""A draft agenda item for the committee that decides on the recommendations, in the municipal form (seed 004).

"Sagsfremstilling" (the overall summary and the list of recommendations, each with its purpose),
"Indstilling" (what the administration proposes: ``[agenda] proposed_decision``, written in the
secretariat), "Beslutning" left for the committee, and "Bilag" listing the minutes and the
recommendations report by their file names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.documents.docx_writer import DocxWriter, Run
from workshop.documents.format import ExportOptions, document_writer, given_options, word_document
from workshop.documents.recommendations_report import numbered_title, write_text
from workshop.model.session import Session
from workshop.notes import recommendations as rec
from workshop.scheduling.timetable import DASH
from workshop.words import word
from workshop.words.phrases import long_date

if TYPE_CHECKING:  # python-docx is imported only when a document is written
    from docx.document import Document

ATTACHED = ("minutes", "recommendations")
"""The documents the agenda item lists as attachments, in order."""


def build_agenda(
    session: Session, options: ExportOptions | None = None, *, language: str | None = None, anonymize: bool = False
) -> Document:
    """The agenda item as a python-docx Document (not yet saved)."""
    options = given_options(session, options, language=language, anonymize=anonymize)
    language = options.language

    def w(key: str, **values: object) -> str:
        return word(key, language, **values)

    doc = DocxWriter.for_export(session, options)
    workshop = session.workshop
    title = w("agenda_title", title=workshop.title)
    doc.set_properties(title, workshop.subtitle or workshop.title)
    date = long_date(workshop.date, language) if workshop.date is not None else ""
    doc.header_and_footer(f"{w('document_agenda')} {DASH} {workshop.title}", date)
    doc.heading(title, 1)
    doc.paragraph(Run(w("agenda_open_case"), italic=True))

    doc.heading(w("agenda_case"), 2)
    if session.summary.overall.strip():
        write_text(doc, session.summary.overall)
    numbered = rec.numbered(session)
    if numbered:
        lead = w("agenda_case_lead_one") if len(numbered) == 1 else w("agenda_case_lead", count=len(numbered))
        doc.paragraph(lead, keep_next=True)
        for number, recommendation in numbered:
            purpose = " ".join(recommendation.purpose.split())
            line: list[str | Run] = [Run(numbered_title(number, recommendation.title, language), bold=True)]
            if purpose:
                line.append(f" {DASH} {purpose}")
            doc.bullet(line)
    else:
        doc.paragraph(w("no_recommendations"))

    doc.heading(w("agenda_proposal"), 2)
    if session.agenda.proposed_decision.strip():
        write_text(doc, session.agenda.proposed_decision)
    else:
        doc.paragraph(Run(w("agenda_proposal_missing"), italic=True))

    doc.heading(w("agenda_decision"), 2)
    doc.paragraph(Run(w("agenda_decision_blank"), italic=True))

    doc.heading(w("agenda_attachments"), 2)
    for number, kind in enumerate(ATTACHED, start=1):
        name = options.files.get(kind) or w(f"document_{kind}")
        doc.paragraph(f"{number} {DASH} {name}")
    return doc.finish()


write_agenda = document_writer(build_agenda)
"""Write the agenda item to a path or a binary file object (``options`` or the keywords of :func:`build_agenda`)."""


FORMAT = word_document("agenda", "agenda", build_agenda)
"""The draft agenda item in the registry of documents (``workshop export --format agenda``)."""
