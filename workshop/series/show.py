"""``workshop series show``: a series in lines of text, in the series' language."""

from __future__ import annotations

from workshop.series.load import SeriesView
from workshop.series.timeline import MEETING, now_position, written_day, written_span
from workshop.series.versions import History
from workshop.words import word


def part_name(section: str, language: str) -> str:
    """ "Formål", "Titel", "Indledning": what a part of a recommendation is called."""
    if section == "title":
        return word("series_part_title", language)
    if section == "intro":
        return word("series_part_intro", language)
    return word("section_short_next_step" if section == "next_step" else f"section_{section}", language)


def status_text(view: SeriesView, rid: str, language: str) -> str:
    """ "vedtaget 20.06.2023 (Byrådet)", or "ingen beslutning endnu"."""
    decision = view.decision(rid)
    if decision is None:
        return word("series_no_decision", language)
    text = f"{word(f'status_{decision.status}', language)} {written_day(decision.date, language)}"
    return f"{text} ({decision.by})" if decision.by else text


def changes_text(view: SeriesView, history: History, language: str) -> str:
    """ "ny på Møde 2; ændret på Møde 3: Formål, Indsatser"."""
    said = []
    for version in history.versions:
        if version.carried or not version.changes:
            continue
        meeting = view.meetings[version.meeting].name
        if version is history.versions[0]:
            said.append(word("series_new_at", language, meeting=meeting))
        else:
            parts = ", ".join(part_name(c.section, language) for c in version.changes)
            said.append(word("series_changed_at", language, meeting=meeting, parts=parts))
    return "; ".join(said)


def lines(view: SeriesView) -> list[str]:
    """The series: title, meetings in date order, timeline with now, every recommendation with its status."""
    language = view.language
    out = [view.title, "", word("series_meetings", language) + ":"]
    for meeting in view.meetings:
        day = written_day(meeting.date, language) if meeting.date else word("series_no_date", language)
        out.append(f"  {day}  {meeting.title}  ({meeting.file})")
    if not view.meetings:
        out.append("  " + word("series_none_yet", language))
    out += ["", word("series_timeline", language) + ":"]
    timeline = view.timeline()
    today = view.today()
    now = now_position(timeline, today)
    for index, entry in enumerate(timeline):
        if index == now:
            out.append(f"  {word('series_now', language)}  {written_day(today, language)}")
        kind = word(f"kind_{entry.kind}" if entry.kind != MEETING else "kind_meeting", language)
        out.append(f"  {written_span(entry, language)}  [{kind}]  {entry.title}")
    if now == len(timeline):
        out.append(f"  {word('series_now', language)}  {written_day(today, language)}")
    out += ["", word("series_recommendations", language) + ":"]
    for number, history in enumerate(view.histories, start=1):
        title = word("recommendation_numbered", language, number=number, title=history.latest.title)
        out.append(f"  {history.id}  {title}  – {status_text(view, history.id, language)}")
        changes = changes_text(view, history, language)
        if changes:
            out.append(f"      {changes}")
        follow = view.follow_up(history.id)
        if follow is not None and follow.year is not None:
            out.append("      " + word("series_follow_up_line", language, year=follow.year))
    if not view.histories:
        out.append("  " + word("series_none_yet", language))
    return out
