"""The recommendations the committee writes from the notes, in the template of the slides.

Seed 001 (the recommendations report of meeting 3): themes, each with an introduction, and
numbered recommendations across the report, each with the seven sections of the template
(Formål, Mål, Indsatser, Opfølgning, Baseline, Ressourcer og økonomi, Næste step). Plain text;
a line starting with "- " is a bullet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

from pydantic import Field

from workshop.model.base import Model
from workshop.model.problems import Problem

if TYPE_CHECKING:
    from workshop.model.session import Session

SectionName = Literal["purpose", "goals", "actions", "follow_up", "baseline", "resources", "next_step"]
"""The seven sections of a recommendation, in the template's order."""
SECTION_NAMES: tuple[SectionName, ...] = get_args(SectionName)


class Theme(Model):
    """A theme of the report ("Ledelse", "Uddannelse"), with its introduction."""

    name: str = Field(min_length=1)
    """The theme's name, as the recommendations' ``theme`` writes it."""
    intro: str = ""
    """The introduction that opens the theme's chapter."""


class Recommendation(Model):
    """One recommendation: "Anbefaling 1: Ny i ledelse i Norddjurs Kommune"."""

    id: str = Field(min_length=1)
    """A short id, e.g. "r1"."""
    theme: str = ""
    """The theme it belongs to (default: its station's theme)."""
    title: str = Field(min_length=1)
    """The title after "Anbefaling N: "."""
    intro: str = ""
    """A short introduction."""
    purpose: str = ""
    """Formål."""
    goals: str = ""
    """Mål."""
    actions: str = ""
    """Indsatser."""
    follow_up: str = ""
    """Opfølgning."""
    baseline: str = ""
    """Baseline."""
    resources: str = ""
    """Ressourcer og økonomi."""
    next_step: str = ""
    """Næste step (efter politisk stillingtagen)."""
    station: str | None = None
    """The station whose notes it comes from, if any."""
    notes: list[str] = []
    """The ids of the notes it cites."""


class Agenda(Model):
    """The draft agenda item for the committee (seed 004): what the secretariat proposes."""

    proposed_decision: str = ""
    """Indstilling: what the administration recommends the committee to decide."""


def recommendation_problems(session: Session, language: str) -> list[Problem]:
    """Every problem with the themes and recommendations: unique ids, known stations and cited notes."""
    return []
