"""The documents of a series of meetings (``workshop export SERIES --format ...``), as Word files.

* ``recommendations``: the report of the latest versions (seed 001), written by the session's own
  recommendations report over a session assembled from the latest version of every recommendation;
* ``changes``: what the latest meeting changed from the one before, each changed part's earlier and
  later wording side by side in a table, with the notes that qualified it;
* ``timeline``: the meetings and milestones in date order with "nu" marked (seed 000's last slide);
* ``status``: every recommendation with its decision, follow-up year, baseline, measure and progress;
* ``memo``: the follow-up memo of one recommendation (seed 002): Notat, Dato, Reference, "Indsatser
  som understøtter anbefaling N: ...", the organisation with its members and roles, Indsatser, Indstilling.

Each is written all or none through the registry's batch (a temporary file, renamed into place).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.documents.docx_writer import Content, DocxWriter, Run
from workshop.documents.format import DocumentError, ExportOptions
from workshop.documents.recommendations_report import build_report, numbered_title, write_text
from workshop.series import SERIES_OPTIONS
from workshop.series.load import SeriesView
from workshop.series.show import part_name, status_text
from workshop.series.timeline import MEETING, now_position, written_day, written_span
from workshop.series.versions import COMPARED, latest_session, part
from workshop.words import word

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["BUILDERS", "SERIES_OPTIONS", "export_series_document", "series_file_name"]


def series_file_name(series_path: Path, option: str, language: str, recommendation: str | None = None) -> str:
    """ "series-tidslinje.docx", "series-notat-r8.docx", "series-aendringer.docx"."""
    name = f"{series_path.stem}-{word(f'series_file_{option}', language)}"
    if recommendation is not None:
        name += f"-{recommendation}"
    return name + ".docx"


def _headed(view: SeriesView, language: str, title: str, *, properties: str | None = None) -> DocxWriter:
    """A document on the series begun: its properties' title (``properties``, default ``title``), the
    series' name in the header and footer, then ``title`` with the series' name under it."""
    doc = DocxWriter(language)
    doc.set_properties(properties or title, view.title)
    doc.header_and_footer(view.title)
    doc.title(title)
    doc.subtitle(view.title)
    return doc


def _needs_meetings(view: SeriesView, language: str) -> None:
    if not view.meetings:
        raise DocumentError(word("series_needs_meetings", language))


def build_recommendations(view: SeriesView, language: str, recommendation: str | None = None) -> Document:
    """The report of the latest versions, as the session's recommendations report writes it."""
    _needs_meetings(view, language)
    session = latest_session(view.meetings, view.title, language)
    assert session is not None
    if recommendation is not None:
        session = session.model_copy(
            update={"recommendations": [r for r in session.recommendations if r.id == recommendation]}
        )
    return build_report(session, ExportOptions(language=language))


def build_changes(view: SeriesView, language: str, recommendation: str | None = None) -> Document:
    """What the latest meeting changed from the meeting before: the earlier and later wording side by side."""
    _needs_meetings(view, language)
    later_index = len(view.meetings) - 1
    earlier_index = later_index - 1
    later = view.meetings[later_index].name
    earlier = view.meetings[earlier_index].name if earlier_index >= 0 else ""
    doc = _headed(view, language, word("series_doc_changes", language, earlier=earlier or "–", later=later))
    if earlier_index < 0:
        doc.paragraph(Run(word("series_doc_changes_one_meeting", language), italic=True))
    changed = 0
    for number, history in enumerate(view.histories, start=1):
        if recommendation is not None and history.id != recommendation:
            continue
        now = history.at(later_index)
        before = history.at(earlier_index) if earlier_index >= 0 else None
        if now is None:
            continue
        parts = [
            s for s in COMPARED if part(before.recommendation if before else None, s) != part(now.recommendation, s)
        ]
        if not parts:
            continue
        changed += 1
        heading = numbered_title(number, now.recommendation.title, language)
        if before is None:
            heading += " " + word("series_new_recommendation", language)
        doc.heading(heading, 2)
        rows: list[list[Content]] = [
            [
                word("series_col_part", language),
                word("series_col_earlier", language, meeting=earlier or "–"),
                word("series_col_later", language, meeting=later),
            ]
        ]
        for section in parts:
            rows.append(
                [
                    part_name(section, language),
                    part(before.recommendation if before else None, section),
                    part(now.recommendation, section),
                ]
            )
        doc.table(rows, widths=[1, 3, 3], bold_first_column=True)
        notes = [n for n in now.notes if not now.carried]
        if notes:
            doc.paragraph(Run(word("series_qualified_by", language), bold=True), keep_next=True)
            doc.bullets(
                [f"{part_name(n.section, language)}: {n.text}" if n.section else n.text for n in notes if n.text]
            )
    if not changed:
        doc.paragraph(word("series_doc_changes_none", language))
    return doc.finish()


def build_timeline(view: SeriesView, language: str, recommendation: str | None = None) -> Document:
    """The meetings and milestones in date order, "nu" marked where today falls."""
    title = word("series_doc_timeline", language)
    doc = _headed(view, language, title, properties=f"{title} – {view.title}")
    timeline = view.timeline()
    today = view.today()
    now = now_position(timeline, today)
    rows: list[list[Content]] = [[word("series_col_when", language), word("series_col_what", language), ""]]
    now_row: list[Content] = [
        Run(word("series_now_row", language, day=written_day(today, language)), bold=True),
        "",
        "",
    ]
    for index, entry in enumerate(timeline):
        if index == now:
            rows.append(now_row)
        kind = word("kind_meeting" if entry.kind == MEETING else f"kind_{entry.kind}", language)
        what: Content = Run(entry.title, bold=True) if entry.kind == MEETING else entry.title
        rows.append([written_span(entry, language), what, Run(kind, italic=True)])
    if now == len(timeline):
        rows.append(now_row)
    doc.table(rows, widths=[2, 5, 1.5])
    return doc.finish()


def build_status(view: SeriesView, language: str, recommendation: str | None = None) -> Document:
    """Every recommendation: its decision, the follow-up's year, baseline, measure and progress."""
    title = word("series_doc_status", language)
    doc = _headed(view, language, title, properties=f"{title} – {view.title}")
    rows: list[list[Content]] = [
        [
            word("series_col_recommendation", language),
            word("series_col_decision", language),
            word("series_col_year", language),
            word("series_col_baseline", language),
            word("series_col_measure", language),
            word("series_col_progress", language),
        ]
    ]
    for number, history in enumerate(view.histories, start=1):
        if recommendation is not None and history.id != recommendation:
            continue
        latest = history.latest
        follow = view.follow_up(history.id)
        rows.append(
            [
                numbered_title(number, latest.title, language),
                status_text(view, history.id, language),
                str(follow.year) if follow is not None and follow.year is not None else "",
                (follow.baseline if follow is not None and follow.baseline else latest.baseline),
                (follow.measure if follow is not None and follow.measure else latest.follow_up),
                follow.progress if follow is not None else "",
            ]
        )
    if len(rows) == 1:
        doc.paragraph(word("no_recommendations", language))
    else:
        doc.table(rows, widths=[2.2, 1.6, 1, 2, 2, 2])
    return doc.finish()


def build_memo(view: SeriesView, language: str, recommendation: str | None = None) -> Document:
    """The follow-up memo of one recommendation (seed 002)."""
    assert recommendation is not None
    history = view.history(recommendation)
    assert history is not None
    number = view.number(recommendation)
    follow = view.follow_up(recommendation)
    doc = DocxWriter(language)
    name = follow.title if follow is not None and follow.title else history.latest.title
    title = word("series_memo_title", language, number=number, title=name)
    doc.set_properties(title, view.title)
    doc.header_and_footer(view.title)
    doc.title(word("series_memo", language))
    facts: list[tuple[str, str]] = []
    if follow is not None and follow.date is not None:
        facts.append((word("series_memo_date", language), written_day(follow.date, language)))
    if follow is not None and follow.reference:
        facts.append((word("series_memo_reference", language), follow.reference))
    for label, value in facts:
        doc.paragraph([Run(f"{label}: ", bold=True), value])
    doc.heading(title, 1)
    decision = view.decision(recommendation)
    if decision is not None:
        doc.paragraph(
            [Run(word("series_memo_decision", language) + ": ", bold=True), status_text(view, recommendation, language)]
        )
    if follow is None:
        return doc.finish()
    if follow.background:
        write_text(doc, follow.background)
    if follow.organisation or follow.members:
        doc.heading(word("series_memo_organisation", language), 2)
        if follow.organisation:
            write_text(doc, follow.organisation)
        doc.bullets([f"{m.name}, {m.role}" if m.role else m.name for m in follow.members])
    if follow.actions:
        doc.heading(word("series_memo_actions", language), 2)
        write_text(doc, follow.actions)
    if follow.year is not None or follow.measure or follow.baseline or follow.progress:
        doc.heading(word("series_memo_follow_up", language), 2)
        if follow.year is not None:
            doc.paragraph(str(follow.year))
        for text in (follow.measure, follow.baseline, follow.progress):
            if text:
                write_text(doc, text)
    if follow.proposed_decision:
        doc.heading(word("series_memo_proposed", language), 2)
        write_text(doc, follow.proposed_decision)
    return doc.finish()


BUILDERS: dict[str, Callable[[SeriesView, str, str | None], Document]] = {
    "recommendations": build_recommendations,
    "changes": build_changes,
    "timeline": build_timeline,
    "status": build_status,
    "memo": build_memo,
}
"""Each series document's builder, by its ``--format`` value."""


def export_series_document(
    view: SeriesView,
    option: str,
    target: Path,
    *,
    language: str | None = None,
    recommendation: str | None = None,
    make_folder: bool = False,
) -> None:
    """Write one series document to ``target``, atomically; ExportError (in the series' language) when it cannot."""
    from workshop.documents.format import save_document
    from workshop.documents.registry import write_documents

    language = language or view.language
    build = BUILDERS[option]

    def write(temporary: Path) -> None:
        save_document(build(view, language, recommendation), temporary)

    title = word(f"series_file_{option}", view.language)
    write_documents(view.language, [(target, title, write)], make_folder=make_folder)
