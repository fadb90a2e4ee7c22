"""The recommendations the committee writes from the notes, in the template of the slides.

Seed 001 (the recommendations report of meeting 3): themes, each with an introduction, and
numbered recommendations across the report, each with the seven sections of the template
(Formål, Mål, Indsatser, Opfølgning, Baseline, Ressourcer og økonomi, Næste step). Plain text;
a line starting with "- " is a bullet.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal, get_args

from pydantic import Field

from workshop.model import limits
from workshop.model.base import Model
from workshop.model.problems import Problem, said_unknown
from workshop.model.text import Id, LongText, Name, ShortText
from workshop.words import word

if TYPE_CHECKING:
    from workshop.model.session import Session

SectionName = Literal["purpose", "goals", "actions", "follow_up", "baseline", "resources", "next_step"]
"""The seven sections of a recommendation, in the template's order."""
SECTION_NAMES: tuple[SectionName, ...] = get_args(SectionName)


class Theme(Model):
    """A theme of the report ("Ledelse", "Uddannelse"), with its introduction."""

    name: Name
    """The theme's name, as the recommendations' ``theme`` writes it."""
    intro: LongText = ""
    """The introduction that opens the theme's chapter."""


class Recommendation(Model):
    """One recommendation: "Anbefaling 1: Ny i ledelse i Norddjurs Kommune"."""

    id: Id
    """A short id, e.g. "r1"."""
    theme: ShortText = ""
    """The theme it belongs to (default: its station's theme)."""
    title: Name
    """The title after "Anbefaling N: "."""
    intro: LongText = ""
    """A short introduction."""
    purpose: LongText = ""
    """Formål."""
    goals: LongText = ""
    """Mål."""
    actions: LongText = ""
    """Indsatser."""
    follow_up: LongText = ""
    """Opfølgning."""
    baseline: LongText = ""
    """Baseline."""
    resources: LongText = ""
    """Ressourcer og økonomi."""
    next_step: LongText = ""
    """Næste step (efter politisk stillingtagen)."""
    station: Id | None = None
    """The station whose notes it comes from, if any."""
    notes: Annotated[list[Id], Field(max_length=limits.NOTES)] = []
    """The ids of the notes it cites (at most as many as a session has notes)."""


class Agenda(Model):
    """The draft agenda item for the committee (seed 004), in the municipal form."""

    title: ShortText = ""
    """The item's title; empty: "Anbefalinger fra <the workshop's title>"."""
    route: ShortText = ""
    """Sagsgang: the committees the case passes, by their short names ("HU", "ØU, KB")."""
    committee: ShortText = ""
    """The committee that decides, as "Beslutning i <committee> den <date>" names it ("Hovedudvalget")."""
    meeting: Annotated[dt.date, Field(ge=limits.FIRST_DATE, le=limits.LAST_DATE)] | None = None
    """The day of that committee's meeting (TOML date: 2023-05-30)."""
    case: LongText = ""
    """Sagsfremstilling: the case as the committee reads it; when empty, the report's introduction or
    the overall summary stands there (:func:`workshop.notes.summaries.text_for`)."""
    proposed_decision: LongText = ""
    """Indstilling: what the administration recommends the committee to decide ("at …")."""


def recommendation_problems(session: Session, language: str) -> list[Problem]:
    """Every problem with the themes and recommendations: unique ids, known stations and cited notes.

    Also a note's link to the section it qualifies: ``recommendation`` names a recommendation
    that exists, ``section`` is one of :data:`SECTION_NAMES` and stands only with a
    recommendation. Messages (quoting the TOML's ids) and fixes are in ``language``.
    """
    problems: list[Problem] = []
    seen_themes: set[str] = set()
    for index, theme in enumerate(session.themes):
        folded = theme.name.strip().casefold()
        if folded in seen_themes:
            problems.append(
                Problem(
                    word("said_theme_twice", language, name=theme.name),
                    word("fix_theme_twice", language),
                    ("themes", index, "name"),
                )
            )
        seen_themes.add(folded)

    station_ids = {s.id for s in session.stations}
    note_ids = {n.id for n in session.notes}
    ids: set[str] = set()
    for index, recommendation in enumerate(session.recommendations):
        if recommendation.id in ids:
            problems.append(
                Problem(
                    word(
                        "said_id_twice",
                        language,
                        what=word("thing_id_recommendations", language),
                        value=recommendation.id,
                    ),
                    word("fix_own_id_recommendations", language),
                    ("recommendations", index, "id"),
                )
            )
        ids.add(recommendation.id)
        if recommendation.station is not None and recommendation.station not in station_ids:
            known = ", ".join(sorted(station_ids)) or word("none_defined", language)
            problems.append(
                Problem(
                    said_unknown("station", recommendation.station, language),
                    word("fix_recommendation_station", language, known=known),
                    ("recommendations", index, "station"),
                )
            )
        missing = [n for n in recommendation.notes if n not in note_ids]
        for note_id in dict.fromkeys(missing):
            problems.append(
                Problem(
                    word("said_cited_note", language, id=note_id),
                    word("fix_cited_note", language),
                    ("recommendations", index, "notes"),
                )
            )

    for index, note in enumerate(session.notes):
        if note.section is not None and note.section not in SECTION_NAMES:
            problems.append(
                Problem(
                    said_unknown("section", note.section, language),
                    word("fix_note_section", language, known=", ".join(SECTION_NAMES)),
                    ("notes", index, "section"),
                )
            )
        if note.recommendation is not None and note.recommendation not in ids:
            known = ", ".join(r.id for r in session.recommendations) or word("none_defined", language)
            problems.append(
                Problem(
                    said_unknown("recommendation", note.recommendation, language),
                    word("fix_note_recommendation", language, known=known),
                    ("notes", index, "recommendation"),
                )
            )
        elif note.section is not None and note.recommendation is None:
            problems.append(
                Problem(
                    word("said_section_alone", language),
                    word("fix_section_alone", language),
                    ("notes", index, "section"),
                )
            )
    return problems
