"""The recommendations report as a Word document, like the committee's own (seed 001).

In reading order: a title page (without the running header and page number); "Indhold", a real
Word table of contents whose entries are written in (and their page numbers, laid out by
LibreOffice where it is installed: :mod:`workshop.documents.toc`); "Indledning" (the report's own
introduction, or the overall summary while it is unwritten); per theme "Anbefalinger – <tema>" with
its introduction and the list of its recommendations, then each recommendation ("Anbefaling 1: Ny i
ledelse i Norddjurs Kommune") with its introduction and the template's sections as headings
(Formål, Mål, Indsatser, Opfølgning, Baseline, Ressourcer og økonomi, "Næste step (efter politisk
stillingtagen)"); "Hvad aftenen ændrede", when the history tells how the drafts stood before the
evening; and, when chosen (``[workshop] report_appendix``, ``--appendix``), an appendix with the
notes each recommendation cites and the notes that qualify a section, beside that section's name:
"on" replaces every name in them, "with-names" keeps them.

Recommendations are numbered across the report in its order, grouped by theme
(:func:`workshop.notes.recommendations.by_theme`). Long texts are written in the markup of
:mod:`workshop.documents.markup`: **bold**, *italic*, bulleted, numbered and nested lists.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from workshop.documents.anonymizing import anonymizer_for
from workshop.documents.docx_writer import Content, DocxWriter, Run
from workshop.documents.format import ExportOptions, Progress, given_options, word_document
from workshop.model.recommendations import SECTION_NAMES, Recommendation
from workshop.model.session import AppendixChoice, Note, Session
from workshop.notes import recommendations as rec
from workshop.notes.summaries import text_for
from workshop.scheduling.timetable import DASH
from workshop.words import word
from workshop.words.phrases import group_and_round, long_date

if TYPE_CHECKING:  # python-docx is imported only when a document is written
    from docx.document import Document


def write_text(doc: DocxWriter, text: str) -> None:
    """A long text in the markup (paragraphs, lists, bold and italic) as Word's formatting."""
    doc.rich(text)


def theme_heading(group: rec.ThemeGroup, language: str) -> str:
    """ "Anbefalinger – Ledelse som fag" (one recommendation: "Anbefaling – ..."); no theme: "Øvrige anbefalinger"."""
    if not group.name:
        return word("theme_none", language)
    key = "theme_heading_one" if len(group.recommendations) == 1 else "theme_heading_many"
    return word(key, language, theme=group.name)


def numbered_title(number: int, title: str, language: str) -> str:
    """ "Anbefaling 1: Ny i ledelse i Norddjurs Kommune"."""
    return word("recommendation_numbered", language, number=number, title=title)


def _written(
    session: Session, options: ExportOptions | None, language: str | None, anonymize: bool
) -> tuple[DocxWriter, ExportOptions]:
    options = given_options(session, options, language=language, anonymize=anonymize)
    doc = DocxWriter.for_export(session, options)
    _Report(session, doc, options).write()
    doc.finish()
    return doc, options


def build_report(
    session: Session, options: ExportOptions | None = None, *, language: str | None = None, anonymize: bool = False
) -> Document:
    """The recommendations report as a python-docx Document (not yet saved; its contents without page numbers)."""
    return _written(session, options, language, anonymize)[0].document


def write_report(
    session: Session,
    target: Path | IO[bytes],
    options: ExportOptions | None = None,
    *,
    language: str | None = None,
    anonymize: bool = False,
) -> None:
    """Write the recommendations report to a path or a binary file object; to a path, the contents get
    their page numbers where LibreOffice is installed (:meth:`DocxWriter.number_pages`)."""
    doc, _ = _written(session, options, language, anonymize)
    doc.document.save(str(target) if isinstance(target, Path) else target)
    if isinstance(target, Path):
        doc.number_pages(target)


FORMAT = dataclasses.replace(word_document("recommendations", "recommendations", build_report), write=write_report)
"""The recommendations report in the registry of documents (``workshop export --format recommendations``)."""


class _Report:
    """Writes the parts of the report, in reading order, into one document."""

    def __init__(self, session: Session, doc: DocxWriter, options: ExportOptions) -> None:
        self.session = session
        self.doc = doc
        self.options = options
        self.language = options.language
        self.groups = rec.by_theme(session)
        self.numbers = {r.id: n for g in self.groups for n, r in g.recommendations}
        self.progress: Progress = options.progress or (lambda done, total: None)
        self.total = len(session.recommendations)
        self.hide_names: Callable[[str], str] = lambda text: text

    def w(self, key: str, **values: object) -> str:
        """A word of the catalogue in the report's language."""
        return word(key, self.language, **values)

    def write(self) -> None:
        """Every part, in reading order."""
        self.progress(0, self.total)
        self.title_page()
        self.contents()
        self.introduction()
        done = 0
        for group in self.groups:
            self.theme(group)
            for number, recommendation in group.recommendations:
                self.recommendation(number, recommendation)
                done += 1
                self.progress(done, self.total)
        if not self.groups:
            self.doc.paragraph(self.w("no_recommendations"))
        self.evening()
        self.appendix()
        self.progress(self.total, self.total)

    def title_page(self) -> None:
        """ "Anbefalinger", the committee, the date and the place; the contents start on the next page."""
        workshop = self.session.workshop
        doc = self.doc
        title = self.w("recommendations_title")
        doc.set_properties(f"{title} {DASH} {workshop.title}", workshop.subtitle or workshop.title)
        date = long_date(workshop.date, self.language) if workshop.date is not None else ""
        doc.header_and_footer(f"{title} {DASH} {workshop.title}", date, title_page=True)
        doc.title(title)
        doc.subtitle(workshop.title)
        if workshop.subtitle:
            doc.paragraph(workshop.subtitle)
        if date:
            doc.paragraph([Run(f"{self.w('date')}: ", bold=True), date])
        if workshop.location:
            doc.paragraph([Run(f"{self.w('location')}: ", bold=True), workshop.location])
        if self.options.anonymize:
            doc.paragraph(Run(self.w("anonymized"), italic=True))

    def contents(self) -> None:
        """ "Indhold": the table of contents over the headings that follow (the writer lists them)."""
        self.doc.contents(self.w("contents"), page_break=True)

    def introduction(self) -> None:
        """ "Indledning": the report's own introduction, or the overall summary while it is unwritten."""
        text = text_for(self.session, "introduction")
        if text.strip():
            self.doc.heading(self.w("introduction"), 1, page_break=True)
            write_text(self.doc, text)

    def theme(self, group: rec.ThemeGroup) -> None:
        """A theme's chapter: its heading, its introduction and the list of its recommendations."""
        doc = self.doc
        doc.heading(theme_heading(group, self.language), 1, page_break=True)
        if group.intro.strip():
            write_text(doc, group.intro)
        lead = "theme_list_lead_one" if len(group.recommendations) == 1 else "theme_list_lead_many"
        doc.paragraph(self.w(lead), keep_next=True)
        doc.bullets(numbered_title(n, r.title, self.language) for n, r in group.recommendations)

    def recommendation(self, number: int, recommendation: Recommendation) -> None:
        """One recommendation: its numbered title, its introduction and each section written."""
        doc = self.doc
        doc.heading(numbered_title(number, recommendation.title, self.language), 2)
        if recommendation.intro.strip():
            write_text(doc, recommendation.intro)
        for section in SECTION_NAMES:
            text = getattr(recommendation, section)
            if text.strip():
                doc.heading(rec.section_title(section, self.language), 3)
                write_text(doc, text)

    def evening(self) -> None:
        """Each recommendation against its draft before the evening ("Hvad aftenen ændrede"), when the history tells."""
        changes = rec.evening_changes(self.session, self.options.history)
        if not changes or not self.options.history:
            return
        since = rec.evening_start(self.session)
        doc = self.doc
        doc.heading(self.w("evening_changed"), 1, page_break=True)
        moment = since.strftime("%d.%m.%Y %H.%M" if self.language == "da" else "%Y-%m-%d %H:%M") if since else ""
        doc.paragraph(self.w("evening_changed_lead", moment=moment))
        rows: list[list[Content]] = [[self.w("recommendations_title"), self.w("what_changed")]]
        for change in changes:
            name = numbered_title(change.number, change.title, self.language) if change.number else change.title
            if change.status == "changed":
                fields = ", ".join(self._field(f) for f in change.sections)
                what = self.w("evening_sections", sections=fields)
            else:
                what = self.w(f"evening_{change.status}")
            rows.append([name, what])
        doc.table(rows, widths=[5, 5])

    def _field(self, name: str) -> str:
        if name in SECTION_NAMES:
            return rec.section_title(name, self.language, short=True)
        words = {"title": self.w("title_word"), "theme": self.w("theme_word"), "intro": self.w("introduction")}
        return words[name].lower()

    def appendix_choice(self) -> AppendixChoice:
        """Whether the report has the appendix of notes: the options' choice, else the session's setting."""
        return self.options.appendix or self.session.workshop.report_appendix

    def _has_appendix(self) -> bool:
        session = self.session
        if self.appendix_choice() == "off":
            return False
        return any(rec.cited_notes(session, r) or rec.linked_notes(session, r.id) for r in session.recommendations)

    def appendix(self) -> None:
        """The notes behind each recommendation: the cited ones, and the ones that qualify a section.

        Its headings below the chapter are not in the contents (a recommendation is listed once
        there); with the choice "on", every name in the notes is replaced as in an anonymized export.
        """
        if not self._has_appendix():
            return
        self.hide_names = self._names_filter()
        doc = self.doc
        doc.heading(self.w("appendix_cited"), 1, page_break=True)
        doc.paragraph(self.w("appendix_cited_lead"))
        for group in self.groups:
            for number, recommendation in group.recommendations:
                cited = rec.cited_notes(self.session, recommendation)
                linked = rec.linked_notes(self.session, recommendation.id)
                if not cited and not linked:
                    continue
                doc.heading(numbered_title(number, recommendation.title, self.language), 3)
                beside = {note.id for notes in linked.values() for note in notes}
                cited = [note for note in cited if note.id not in beside]  # a linked note stands by its section
                if cited:
                    doc.paragraph(Run(self.w("cited_notes"), italic=True), keep_next=True)
                    doc.bullets(self._note(note) for note in cited)
                for section, notes in linked.items():
                    heading = self.w("qualifies_section", section=rec.section_title(section, self.language))
                    doc.paragraph(Run(heading, italic=True), keep_next=True)
                    doc.bullets(self._note(note) for note in notes)

    def _names_filter(self) -> Callable[[str], str]:
        """What the appendix does to a note's text: nothing when names may stand (or the whole report is
        anonymized already), else the anonymizer of the session."""
        if self.options.anonymize or self.appendix_choice() == "with-names":
            return lambda text: text
        return anonymizer_for(self.session, self.language, hosts=self.options.hosts)

    def _note(self, note: Note) -> list[str | Run]:
        """A note with where it was said: "(Station 1, Gruppe 2, runde 1)"."""
        numbers = {s.id: n for n, s in enumerate(self.session.stations, start=1)}
        group = self.session.group(note.group)
        where = group_and_round(group.name if group else note.group, note.round, self.language)
        station = f"{self.w('station')} {numbers[note.station]}" if note.station in numbers else note.station
        return [self.hide_names(note.text), Run(f" ({station}, {where})", italic=True)]
