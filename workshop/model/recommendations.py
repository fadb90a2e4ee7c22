"""The recommendations the committee writes from the notes, in the template of the slides.

Seed 001 (the recommendations report of meeting 3): themes, each with an introduction, and
numbered recommendations across the report, each with the seven sections of the template
(Formål, Mål, Indsatser, Opfølgning, Baseline, Ressourcer og økonomi, Næste step). Plain text;
a line starting with "- " is a bullet.
"""

# Annotations are read as written, not postponed: see workshop/model/base.py.

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field

from workshop.model import limits
from workshop.model.base import Model
from workshop.model.text import Id, LongText, Name, ShortText

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
