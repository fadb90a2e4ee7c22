"""The minutes of an evening as a Word document.

In reading order: the title block; the overall summary ("Opsamling", its lists and bold and italic
as Word's: :mod:`workshop.documents.markup`); the programme with actual
times beside the planned ones where the evening ran differently; the stations and the rotation
laid out like the slide; the groups and their members; one section per station (its
questions, its summary, the notes under their categories, uncoded notes last); the overview of
counts; the codebook. Each note stands once: under its first category (in codebook order), with
"(også: Uddannelse)" naming its others. ``anonymize`` leaves out the groups' members and takes
every person out of the whole document (:mod:`workshop.documents.anonymize`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from workshop.documents.docx_writer import Content, DocxWriter, Run
from workshop.documents.format import ExportOptions, Progress, document_writer, given_options, word_document
from workshop.model.session import ActualTime, Category, Note, Session
from workshop.notes.review import StationNotes, categories_of, stations_and_notes, tally
from workshop.notes.summaries import text_for
from workshop.scheduling.rotation import RotationError, remixing, rotation
from workshop.scheduling.timetable import DASH, Slot, clock, planned, round_slots, span
from workshop.words import word
from workshop.words.phrases import affiliation, group_and_round, long_date, station_label

if TYPE_CHECKING:  # python-docx is imported only when a document is written
    from docx.document import Document

PROGRESS_EVERY = 250
"""Notes placed between two progress reports."""


def station_heading(entry: StationNotes, language: str) -> str:
    """ "Station 1 – Ledelse som fag v. Rikke": the station's title (:func:`workshop.words.phrases.station_title`)."""
    return entry.title(language)


def build_minutes(
    session: Session,
    options: ExportOptions | None = None,
    *,
    language: str | None = None,
    anonymize: bool = False,
    progress: Progress | None = None,
) -> Document:
    """The minutes as a python-docx Document (not yet saved); ``options`` or the plain keywords."""
    options = given_options(session, options, language=language, anonymize=anonymize, progress=progress)
    language = options.language
    doc = DocxWriter.for_export(session, options)
    minutes = _Minutes(session, doc, language, options.anonymize, options.progress)
    minutes.write()
    return doc.finish()


write_minutes = document_writer(build_minutes)
"""Write the minutes to a path or a binary file object (``options`` or the keywords of :func:`build_minutes`)."""


FORMAT = word_document("minutes", "docx", build_minutes)
"""The minutes in the registry of documents (``workshop export --format docx``)."""


class _Minutes:
    """Writes the parts of the minutes, in reading order, into one document."""

    def __init__(
        self,
        session: Session,
        doc: DocxWriter,
        language: str,
        anonymize: bool,
        progress: Progress | None,
    ) -> None:
        self.session = session
        self.doc = doc
        self.language = language
        self.anonymize = anonymize
        self.progress = progress or (lambda done, total: None)
        self.stations = stations_and_notes(session)
        self.groups = {g.id: g.name for g in session.groups}
        self.total = sum(len(e.notes) for e in self.stations)
        self.done = 0

    def w(self, key: str) -> str:
        """A word of the catalogue in the minutes' language."""
        return word(key, self.language)

    def write(self) -> None:
        """Every part, in reading order."""
        self.progress(0, self.total)
        self.title_block()
        self.overall_summary()
        self.programme()
        self.stations_and_rotation()
        if not self.anonymize:
            self.group_members()
        for entry in self.stations:
            self.station_section(entry)
        self.overview()
        self.codebook()
        self.progress(self.total, self.total)

    # The parts ------------------------------------------------------------------------------
    def title_block(self) -> None:
        """The title, the subtitle, the date and the place (and, anonymized, a note saying so)."""
        workshop = self.session.workshop
        doc = self.doc
        doc.set_properties(f"{self.w('minutes')} {DASH} {workshop.title}", workshop.subtitle or workshop.title)
        date = long_date(workshop.date, self.language) if workshop.date is not None else ""
        doc.header_and_footer(f"{self.w('minutes')} {DASH} {workshop.title}", date)
        doc.title(workshop.title)
        doc.subtitle(workshop.subtitle or self.w("minutes"))
        if workshop.date is not None:
            doc.paragraph([Run(f"{self.w('date')}: ", bold=True), long_date(workshop.date, self.language)])
        if workshop.location:
            doc.paragraph([Run(f"{self.w('location')}: ", bold=True), workshop.location])
        if self.anonymize:
            doc.paragraph(Run(self.w("anonymized"), italic=True))

    def overall_summary(self) -> None:
        """The secretariat's overall summary ("Opsamling"; while unwritten, the report's introduction stands in)."""
        text = text_for(self.session, "overall")
        if text.strip():
            self.doc.heading(self.w("summary"), 1)
            self.doc.rich(text)

    def programme(self) -> None:
        """The programme: planned times, and the actual ones where the evening ran differently."""
        doc = self.doc
        doc.heading(self.w("program"), 1)
        slots = planned(self.session)
        if not slots:
            doc.paragraph("–")
            return
        actual = _actual_times(self.session)
        differs = {s.item.id: a for s in slots if (a := actual.get(s.item.id)) and _ran_differently(s, a)}
        head: list[Content]
        if differs:
            head = [self.w("planned"), self.w("actual"), self.w("activity")]
            widths = [2, 2, 6]
        else:
            head = [self.w("time"), self.w("activity")]
            widths = [2, 8]
        rows: list[list[Content]] = [head]
        for slot in slots:
            activity: list[str | Run] = [Run(slot.item.title, bold=True)]
            if slot.item.description:
                activity.append("\n" + slot.item.description)
            row: list[Content] = [span(slot, self.language)]
            if differs:
                found = differs.get(slot.item.id)
                row.append(_actual_span(found, self.language) if found else "")
            rows.append([*row, activity])
        doc.table(rows, widths=widths)

    def stations_and_rotation(self) -> None:
        """The stations with their hosts, and the rotation laid out like the slide."""
        doc, language = self.doc, self.language
        doc.heading(self.w("stations"), 1)
        if not self.stations:
            doc.paragraph(self.w("no_stations"))
            return
        rows: list[list[Content]] = [[self.w("station"), self.w("theme"), self.w("host")]]
        for entry in self.stations:
            rows.append([f"{self.w('station')} {entry.number}", entry.station.name, entry.station.host])
        doc.table(rows, widths=[2, 6, 2])

        doc.heading(self.w("rotation"), 2)
        try:
            rounds = rotation(self.session)
        except RotationError as error:
            doc.paragraph(f"{self.w('rotation_not_shown')}: {error}.")
            return
        slots = round_slots(self.session)
        head: list[Content] = [""]
        for entry in self.stations:
            cell = station_label(entry.number, entry.station.name, self.language, "\n")
            if entry.station.host:
                cell += f"\n{self.w('host_prefix')} {entry.station.host}"
            head.append(cell)
        people = remixing(self.session)
        table: list[list[Content]] = [head]
        for number, assignment in enumerate(rounds, start=1):
            when = f": {span(slots[number - 1], language)}" if number <= len(slots) else ""
            row: list[Content] = [Run(f"{self.w('round')} {number}{when}", bold=True)]
            for entry in self.stations:
                there = assignment.get(entry.station.id, [])
                if not there:
                    row.append("–")
                elif people and self.anonymize:
                    row.append(word("people_count", self.language, n=len(there)))
                elif people:
                    row.append("\n".join(there))  # re-mixing: people move, the cells hold names
                else:
                    row.append(", ".join(self.groups.get(g, g) for g in there))
            table.append(row)
        doc.table(table, widths=[2] + [3] * len(self.stations))

    def group_members(self) -> None:
        """Who is in which group (left out when anonymized)."""
        doc = self.doc
        doc.heading(self.w("groups"), 1)
        if not self.session.groups:
            doc.paragraph(self.w("no_groups"))
        for group in self.session.groups:
            doc.heading(group.name, 2)
            if not group.members:
                doc.paragraph(self.w("no_members"))
            doc.bullets(self._member(m.name, m.affiliation) for m in group.members)
        if self.session.participants:
            doc.heading(self.w("other_participants"), 2)
            doc.bullets(self._member(m.name, m.affiliation) for m in self.session.participants)

    def _member(self, name: str, where: str | None) -> str:
        shown = affiliation(where, self.language)
        return f"{name} ({shown})" if shown else name

    def station_section(self, entry: StationNotes) -> None:
        """One station: its questions, its summary and its notes under their categories."""
        doc = self.doc
        doc.heading(station_heading(entry, self.language), 1)
        if entry.station.questions:
            doc.heading(self.w("questions"), 2)
            doc.bullets(entry.station.questions)
        summary = self.session.summary.stations.get(entry.station.id, "")
        if summary.strip():
            doc.heading(self.w("summary"), 2)
            doc.rich(summary)
        doc.heading(self.w("notes"), 2)
        if not entry.notes:
            doc.paragraph(self.w("no_notes"))
            return
        first: dict[str, list[tuple[Note, list[Category]]]] = {}
        for note in entry.notes:
            found = categories_of(self.session, note)
            if found:
                first.setdefault(found[0].id, []).append((note, found[1:]))
        for category, _ in entry.by_category:
            here = first.get(category.id, [])
            if here:
                doc.heading(f"{category.name} ({len(here)})", 3)
                doc.bullets(self._note(note, others) for note, others in here)
        if entry.uncoded:
            doc.heading(f"{self.w('uncoded')} ({len(entry.uncoded)})", 3)
            doc.bullets(self._note(note, []) for note in entry.uncoded)

    def _note(self, note: Note, others: list[Category]) -> list[str | Run]:
        """A note's bullet: its text, then (group, round) and, coded more than once, "(også: Uddannelse)"."""
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            self.progress(self.done, self.total)
        group = self.groups.get(note.group or "", note.group)
        mark = f" ({group_and_round(group, note.round, self.language)})"
        if others:
            mark += f" ({self.w('also')}: {', '.join(c.name for c in others)})"
        return [note.text, Run(mark, italic=True)]

    def overview(self) -> None:
        """How many codings each station has in each category, and how many notes; the footnote says the difference."""
        doc = self.doc
        doc.heading(self.w("overview"), 1)
        counts = tally(self.session, self.stations)
        if not counts.stations:
            doc.paragraph(self.w("no_stations"))
            return
        head: list[Content] = [self.w("category"), *(f"{self.w('station')} {e.number}" for e in self.stations)]
        rows: list[list[Content]] = [[*head, self.w("total")]]
        for category, numbers in counts.rows:
            rows.append([category.name, *map(str, numbers), str(sum(numbers))])
        codings = [sum(numbers[i] for _, numbers in counts.rows) for i in range(len(counts.stations))]
        bold = [Run(str(n), bold=True) for n in [*codings, sum(codings)]]
        rows.append([Run(self.w("codings_in_all"), bold=True), *bold])
        rows.append([self.w("uncoded"), *map(str, counts.uncoded), str(sum(counts.uncoded))])
        notes = counts.notes
        rows.append([Run(self.w("notes_in_all"), bold=True), *(Run(str(n), bold=True) for n in [*notes, sum(notes)])])
        doc.table(rows, widths=[4] + [2] * len(self.stations) + [2], keep_together=True)
        doc.paragraph(Run(self.w("counted_under_each"), italic=True))

    def codebook(self) -> None:
        """The categories and what each means."""
        doc = self.doc
        doc.heading(self.w("codebook"), 1)
        if not self.session.categories:
            doc.paragraph(self.w("no_categories"))
            return
        rows: list[list[Content]] = [[self.w("category"), self.w("description")]]
        rows += [[Run(c.name, bold=True), c.description] for c in self.session.categories]
        doc.table(rows, widths=[3, 7])


# Actual times ------------------------------------------------------------------------------------


def _actual_times(session: Session) -> dict[str, ActualTime]:
    """The last recorded run of each programme item."""
    return {record.item: record for record in session.live.actual}


def _ran_differently(slot: Slot, record: ActualTime) -> bool:
    if _minute(record.start) != _minute(slot.start):
        return True
    return record.end is not None and _minute(record.end) != _minute(slot.end)


def _minute(moment: dt.datetime) -> tuple[int, int]:
    return moment.hour, moment.minute


def _actual_span(record: ActualTime, language: str) -> str:
    end = clock(record.end, language) if record.end is not None else "…"
    return f"{clock(record.start, language)} {DASH} {end}"
